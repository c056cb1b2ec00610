// Type and unit checking of expressions: resolves names to slots so the engine never looks a name
// up, and catches `price + mass` or `retreaded >= 30` before a committee sees a number.
#include <cmath>

#include "core/evaluator.hpp"
#include "lang/check.hpp"
#include "lang/suggest.hpp"

namespace tl::lang {

Message unit_words(const Unit& u) {
    if (u.percent && u.dimensionless()) return Message("lang.unit.percent", TL_MSG("a percent"));
    const std::string s = u.to_string();
    return s.empty() ? Message("lang.unit.plain", TL_MSG("a plain number")) : verbatim(s);
}

Message kind_words(ValueKind k) {
    switch (k) {
        case ValueKind::Number: return Message("lang.kind.number", TL_MSG("a number"));
        case ValueKind::Bool: return Message("lang.kind.condition", TL_MSG("a yes/no condition"));
        case ValueKind::Enum: return Message("lang.kind.enum", TL_MSG("an enum value"));
        case ValueKind::Text: return Message("lang.kind.text", TL_MSG("text"));
        case ValueKind::Date: return Message("lang.kind.date", TL_MSG("a date"));
    }
    return Message("lang.kind.value", TL_MSG("a value"));
}

Message not_a_member(const std::string& name, const FieldDecl& f) {
    std::string members;
    for (const auto& m : f.members) members += (members.empty() ? "" : ", ") + m;
    return Message("lang.not-a-member", TL_MSG("'{name}' is not a member of {field} ({members}){hint}"))
        .text("name", name)
        .text("field", f.id)
        .text("members", members)
        .nested("hint", did_you_mean(name, f.members));
}

Message misplaced_arrow() {
    return Message("lang.misplaced-arrow", TL_MSG("'->' arms belong in linear(...), steps(...) or table(...)"));
}

namespace {

// `mass (kg)`: what the officer wrote, and its unit.
Message described(const Expr& e) {
    const std::string text = print_expr(e);
    const std::string unit = e.unit.to_string();
    if (text.size() > 30) return unit.empty() ? Message("lang.unit.plain", TL_MSG("a plain number")) : verbatim(unit);
    if (unit.empty()) return Message("lang.described.plain", TL_MSG("{expr} (a plain number)")).text("expr", text);
    return Message("lang.described.unit", TL_MSG("{expr} ({unit})")).text("expr", text).text("unit", unit);
}

// What an expression gives: its unit for numbers, else its kind.
Message gives_words(const Expr& e) { return e.type == ValueKind::Number ? unit_words(e.unit) : kind_words(e.type); }

bool is_bare_literal(const Expr& e) {
    if (e.kind == ExprKind::Unary && e.un == UnOp::Neg) return is_bare_literal(e.args[0]);
    return e.kind == ExprKind::Number && e.unit_text.empty();
}

bool is_comparison(BinOp op) {
    return op == BinOp::Lt || op == BinOp::Le || op == BinOp::Gt || op == BinOp::Ge || op == BinOp::Eq || op == BinOp::Ne;
}

}  // namespace

void Checker::error(const SourcePos& pos, Message message, std::vector<Message> notes) {
    auto it = texts_.find(pos.file);
    Diagnostic d = make_diagnostic(Severity::Error, pos, std::move(message),
                                   it != texts_.end() && pos.known() ? source_line(it->second, pos.line) : std::string());
    for (Message& n : notes) add_note(d, std::move(n));
    diags_.push_back(std::move(d));
}

void Checker::warning(const SourcePos& pos, Message message) {
    error(pos, std::move(message));
    diags_.back().severity = Severity::Warning;
}

void Checker::mark_used(const Expr& e) {
    if (e.kind == ExprKind::Name && e.ref == RefKind::Field) used_fields_.insert(e.slot);
    for (const auto& a : e.args) mark_used(a);
}

bool Checker::literal_unit(Expr& e) {
    e.type = ValueKind::Number;
    e.value = e.number;
    if (std::isnan(e.number)) {  // lower.cpp: a literal closer to zero than a double can hold
        error(e.pos, Message("lang.number-too-small", TL_MSG("this number is out of range: too close to zero to compute with "
                                                             "(the smallest is about 5e-324); write 0 if zero is meant")));
        return false;
    }
    if (!std::isfinite(e.number)) {
        error(e.pos, Message("lang.number-too-large", TL_MSG("this number is too large to compute with")));
        return false;
    }
    if (e.unit_text.empty()) {
        e.unit = Unit::plain();
        return true;
    }
    if (e.unit_text == "points") {
        error(e.pos, Message("lang.points-outside-weight", TL_MSG("'points' is only for weights (weight: 30 points)")));
        return false;
    }
    std::string bad;
    auto u = parse_unit(e.unit_text, &bad);
    if (!u) {
        error(e.pos, Message("lang.unknown-unit", TL_MSG("unknown unit '{unit}'{hint}")).text("unit", bad).nested("hint", Message()));
        return false;
    }
    if (u->percent) e.value = e.number / 100;
    for (const auto& [atom, exp] : u->atoms) {
        if (is_known_currency(atom) && currency_known_ && atom != rules_.tender.currency) {
            error(e.pos, Message("lang.wrong-currency", TL_MSG("this tender's currency is {currency}, not {written}"))
                             .text("currency", rules_.tender.currency)
                             .text("written", atom));
            return false;
        }
    }
    e.unit = *u;
    return true;
}

bool Checker::resolve_member(Expr& e, int enum_field) {
    if (e.kind != ExprKind::Name && e.kind != ExprKind::Text) return false;
    const FieldDecl& f = rules_.fields[static_cast<std::size_t>(enum_field)];
    for (std::size_t i = 0; i < f.members.size(); ++i)
        if (f.members[i] == e.name) {
            e.ref = RefKind::Member;
            e.slot = static_cast<int>(i);
            e.type = ValueKind::Enum;
            e.enum_field = enum_field;
            e.value = static_cast<double>(i);
            return true;
        }
    return false;
}

bool Checker::type_name(Expr& e, const ExprContext& ctx, ExprFacts& facts) {
    // Its declaration was already reported: one mistake, one message.
    if (broken_.count(e.name)) return false;
    if (e.name == "yes" || e.name == "true" || e.name == "no" || e.name == "false") {
        e.kind = ExprKind::Bool;
        e.boolean = e.name == "yes" || e.name == "true";
        e.type = ValueKind::Bool;
        return true;
    }
    for (std::size_t i = 0; i < rules_.fields.size(); ++i) {
        const FieldDecl& f = rules_.fields[i];
        if (f.id != e.name) continue;
        if (!ctx.per_bid) {
            error(e.pos, Message("lang.field-not-constant", TL_MSG("'{name}' is a bid's value; a constant is needed here")).text("name", e.name));
            return false;
        }
        e.ref = RefKind::Field;
        e.slot = static_cast<int>(i);
        e.unit = f.unit;
        switch (f.type) {
            case FieldType::YesNo: e.type = ValueKind::Bool; break;
            case FieldType::Enum: e.type = ValueKind::Enum; e.enum_field = static_cast<int>(i); break;
            case FieldType::Date: e.type = ValueKind::Date; break;
            case FieldType::Text:
                error(e.pos, Message("lang.text-field-in-formula",
                                     TL_MSG("'{name}' is a text field; text cannot be computed with (use enum(...) for choices)"))
                                 .text("name", e.name));
                return false;
            default: e.type = ValueKind::Number; break;
        }
        facts.uses_bids = true;
        used_fields_.insert(static_cast<int>(i));
        return true;
    }
    auto let = let_index_.find(e.name);
    if (let != let_index_.end()) {
        if (!type_let(let->second)) return false;
        const PendingLet& p = lets_[static_cast<std::size_t>(let->second)];
        if (!ctx.per_bid && (p.facts.uses_bids || p.facts.uses_aggregate)) {
            error(e.pos, Message("lang.let-not-constant", TL_MSG("'{name}' depends on the bids; a constant is needed here")).text("name", e.name));
            return false;
        }
        if (!ctx.aggregates && p.facts.uses_aggregate) {
            error(e.pos, Message("lang.let-aggregate-not-allowed", TL_MSG("'{name}' uses an aggregate over the bids, which is not allowed {where}"))
                            .text("name", e.name)
                            .nested("where", ctx.where));
            return false;
        }
        e.ref = RefKind::Let;
        e.slot = p.final_slot;
        e.type = p.expr.type;
        e.unit = p.expr.unit;
        e.enum_field = p.expr.enum_field;
        facts.uses_bids |= p.facts.uses_bids;
        facts.uses_aggregate |= p.facts.uses_aggregate;
        return true;
    }
    auto crit = criterion_index_.find(e.name);
    if (crit != criterion_index_.end() && ctx.criteria) {
        e.ref = RefKind::Criterion;
        e.slot = crit->second;
        e.type = ValueKind::Number;
        e.unit = Unit::plain();
        facts.uses_bids = true;
        return true;
    }
    std::vector<std::string> names;
    for (const auto& f : rules_.fields) names.push_back(f.id);
    for (const auto& [id, index] : let_index_) names.push_back(id);
    if (ctx.criteria)
        for (const auto& [id, index] : criterion_index_) names.push_back(id);
    if (crit != criterion_index_.end())
        error(e.pos, Message("lang.criterion-outside-tie-break",
                             TL_MSG("'{name}' is a criterion; scores of criteria can only be used in tie_break"))
                         .text("name", e.name));
    else
        error(e.pos, Message("lang.unknown-name", TL_MSG("unknown name '{name}'{hint}"))
                         .text("name", e.name)
                         .nested("hint", did_you_mean(e.name, names)));
    return false;
}

bool Checker::type_binary(Expr& e, const ExprContext& ctx, ExprFacts& facts) {
    Expr& a = e.args[0];
    Expr& b = e.args[1];
    // Enum members are names only in the context of an enum: `noise == A`, `"A++" == energy`.
    auto undeclared = [&](const Expr& x) {
        if (x.kind == ExprKind::Text) return true;
        if (x.kind != ExprKind::Name || let_index_.count(x.name) || criterion_index_.count(x.name)) return false;
        if (x.name == "yes" || x.name == "no" || x.name == "true" || x.name == "false") return false;
        for (const auto& f : rules_.fields)
            if (f.id == x.name) return false;
        return true;
    };
    auto member_of = [&](Expr& candidate, const Expr& other) {
        const FieldDecl& f = rules_.fields[static_cast<std::size_t>(other.enum_field)];
        if (resolve_member(candidate, other.enum_field)) return true;
        error(candidate.pos, not_a_member(candidate.name, f));
        return false;
    };
    if ((e.bin == BinOp::Eq || e.bin == BinOp::Ne) && (undeclared(a) || undeclared(b))) {
        Expr& known = undeclared(a) ? b : a;
        Expr& member = undeclared(a) ? a : b;
        if (!type_expr(known, ctx, facts)) return false;
        if (known.type != ValueKind::Enum) {
            return type_expr(member, ctx, facts);  // reports the unknown name
        }
        if (!member_of(member, known)) return false;
        e.type = ValueKind::Bool;
        return true;
    }
    if (!type_expr(a, ctx, facts) || !type_expr(b, ctx, facts)) return false;

    const std::string op = binop_text(e.bin);
    if (e.bin == BinOp::And || e.bin == BinOp::Or) {
        for (const Expr* x : {&a, &b})
            if (x->type != ValueKind::Bool) {
                error(x->pos, Message("lang.logic-needs-conditions", TL_MSG("'{op}' needs yes/no conditions on both sides, this is {kind}"))
                                 .text("op", op)
                                 .nested("kind", kind_words(x->type)));
                return false;
            }
        e.type = ValueKind::Bool;
        return true;
    }
    if (is_comparison(e.bin)) {
        if (a.type != b.type) {
            error(e.op_pos, Message("lang.compare-kinds", TL_MSG("cannot compare {left} with {right}"))
                               .nested("left", kind_words(a.type))
                               .nested("right", kind_words(b.type)));
            return false;
        }
        if ((a.type == ValueKind::Bool || a.type == ValueKind::Enum) && e.bin != BinOp::Eq && e.bin != BinOp::Ne) {
            error(e.op_pos, Message("lang.order-on-unordered", TL_MSG("'{op}' does not apply to {kind}; use == or !="))
                               .text("op", op)
                               .nested("kind", kind_words(a.type)));
            return false;
        }
        if (a.type == ValueKind::Enum && a.enum_field != b.enum_field) {
            error(e.op_pos, Message("lang.different-enums", TL_MSG("these values belong to different enums")));
            return false;
        }
        if (a.type == ValueKind::Number) {
            if (!a.unit.same_dimension(b.unit)) {
                error(e.op_pos, Message("lang.compare-kinds", TL_MSG("cannot compare {left} with {right}"))
                                   .nested("left", described(a))
                                   .nested("right", described(b)));
                return false;
            }
            // `retreaded >= 30` almost surely means 30 %: a bare 30 would be 3000 %. The same for a
            // let that names a bare number (`let min_share = 30`).
            for (auto [pct, bare] : {std::pair<const Expr*, const Expr*>{&a, &b}, {&b, &a}}) {
                const Expr* literal = bare;
                while (literal->kind == ExprKind::Name && literal->ref == RefKind::Let)
                    literal = &rules_.lets[static_cast<std::size_t>(literal->slot)].expr;
                if (!pct->unit.percent || !is_bare_literal(*literal) || literal->value == 0) continue;
                const double number = literal->kind == ExprKind::Unary ? -literal->args[0].number : literal->number;
                // The numbers are the officer's own (and that number times 100): written as in rules.
                const Message via = literal == bare ? Message()
                                                    : Message("lang.bare-via-let", TL_MSG(" ('{let}' is a bare {number})"))
                                                          .text("let", print_expr(*bare))
                                                          .text("number", exact_number_text(number));
                error(bare->pos, Message("lang.bare-number-for-percent",
                                         TL_MSG("'{expr}' is a percent: write {number} % (a bare {number} would mean {hundredfold} %){via}"))
                                     .text("expr", print_expr(*pct))
                                     .text("number", exact_number_text(number))
                                     .text("hundredfold", exact_number_text(number * 100))
                                     .nested("via", via));
                return false;
            }
        }
        e.type = ValueKind::Bool;
        return true;
    }
    // Arithmetic.
    if ((e.bin == BinOp::Add || e.bin == BinOp::Sub) && (a.type == ValueKind::Date || b.type == ValueKind::Date))
        return type_date_arithmetic(e);
    for (const Expr* x : {&a, &b})
        if (x->type != ValueKind::Number) {
            error(x->pos, Message("lang.arithmetic-needs-numbers", TL_MSG("'{op}' needs numbers, this is {kind}"))
                             .text("op", op)
                             .nested("kind", kind_words(x->type)));
            return false;
        }
    e.type = ValueKind::Number;
    if (e.bin == BinOp::Add || e.bin == BinOp::Sub) {
        if (!a.unit.same_dimension(b.unit)) {
            error(e.op_pos, (e.bin == BinOp::Add ? Message("lang.cannot-add", TL_MSG("cannot add {right} to {left}"))
                                                 : Message("lang.cannot-subtract", TL_MSG("cannot subtract {right} from {left}")))
                                .nested("right", described(b))
                                .nested("left", described(a)));
            return false;
        }
        e.unit = a.unit;
        e.unit.percent = a.unit.percent && b.unit.percent;
        if (a.unit.dimensionless() && (a.unit.percent || b.unit.percent) && !(a.unit.percent && b.unit.percent))
            e.unit.percent = false;
        return true;
    }
    if (e.bin == BinOp::Div) {
        // x / 0 is undefined for every bid: certainly a slip (a let left at 0, a typo), so say so
        // now rather than let every bid's score come out "n/a".
        const Expr* divisor = &b;
        while (divisor->kind == ExprKind::Name && divisor->ref == RefKind::Let)
            divisor = &rules_.lets[static_cast<std::size_t>(divisor->slot)].expr;
        if (divisor->kind == ExprKind::Number && divisor->number == 0)
            warning(b.pos, Message("lang.division-by-zero",
                                   TL_MSG("'{expr}' divides by zero: the result is undefined for every bid"))
                               .text("expr", print_expr(e)));
    }
    e.unit = e.bin == BinOp::Mul ? a.unit.times(b.unit) : a.unit.divided_by(b.unit);
    return true;
}

bool Checker::type_expr(Expr& e, const ExprContext& ctx, ExprFacts& facts) {
    switch (e.kind) {
        case ExprKind::Number: return literal_unit(e);
        case ExprKind::Bool: e.type = ValueKind::Bool; return true;
        case ExprKind::Name: return type_name(e, ctx, facts);
        case ExprKind::Text:
            error(e.pos, Message("lang.text-as-expression",
                                 TL_MSG("a quoted text can only stand for an enum member (in table(...) or compared with an enum field); "
                                        "to use a name, remove the quotes")));
            return false;
        case ExprKind::Else:
            error(e.pos, Message("lang.misplaced-else", TL_MSG("'else' belongs to if/then/else, or to the last arm of steps(...) or table(...)")));
            return false;
        case ExprKind::Arrow:
            error(e.pos, misplaced_arrow());
            return false;
        case ExprKind::Unary: {
            if (!type_expr(e.args[0], ctx, facts)) return false;
            const Expr& a = e.args[0];
            if (e.un == UnOp::Not) {
                if (a.type != ValueKind::Bool) {
                    error(a.pos, Message("lang.not-needs-condition", TL_MSG("'not' needs a yes/no condition, this is {kind}"))
                                    .nested("kind", kind_words(a.type)));
                    return false;
                }
                e.type = ValueKind::Bool;
                return true;
            }
            if (a.type != ValueKind::Number) {
                error(a.pos, Message("lang.minus-needs-number", TL_MSG("'-' needs a number, this is {kind}")).nested("kind", kind_words(a.type)));
                return false;
            }
            e.type = ValueKind::Number;
            e.unit = a.unit;
            return true;
        }
        case ExprKind::Binary: return type_binary(e, ctx, facts);
        case ExprKind::If: {
            bool ok = type_expr(e.args[0], ctx, facts);
            ok = type_expr(e.args[1], ctx, facts) && ok;
            ok = type_expr(e.args[2], ctx, facts) && ok;
            if (!ok) return false;
            if (e.args[0].type != ValueKind::Bool) {
                error(e.args[0].pos, Message("lang.if-needs-condition", TL_MSG("'if' needs a yes/no condition, this is {kind}"))
                                        .nested("kind", kind_words(e.args[0].type)));
                return false;
            }
            const Expr &t = e.args[1], &f = e.args[2];
            if (t.type == ValueKind::Enum && f.type == ValueKind::Enum && t.enum_field != f.enum_field) {
                error(f.pos, Message("lang.if-branch-enums",
                                     TL_MSG("the 'then' and 'else' branches give members of different enums ({then_enum}, {else_enum})"))
                                 .text("then_enum", rules_.fields[static_cast<std::size_t>(t.enum_field)].id)
                                 .text("else_enum", rules_.fields[static_cast<std::size_t>(f.enum_field)].id));
                return false;
            }
            if (t.type != f.type || (t.type == ValueKind::Number && !t.unit.same_dimension(f.unit))) {
                error(f.pos, Message("lang.if-branch-types", TL_MSG("the 'else' branch gives {else_gives} but the 'then' branch gives {then_gives}"))
                                 .nested("else_gives", gives_words(f))
                                 .nested("then_gives", gives_words(t)));
                return false;
            }
            e.type = t.type;
            e.unit = t.unit;
            e.unit.percent = t.unit.percent && f.unit.percent;
            e.enum_field = t.enum_field;
            return true;
        }
        case ExprKind::Call: return type_call(e, ctx, facts);
    }
    return false;
}

namespace {
// Constants use no field: an evaluator over no bids (and no fields) computes them.
const BidTable kNoBids;
}  // namespace

double Checker::constant_number(const Expr& e) {
    Evaluator ev(rules_, kNoBids, {});
    const Column c = ev.eval(e);
    return c.is_scalar ? c.scalar : std::nan("");
}

std::optional<double> Checker::constant_value(Expr& e, const Message& what, const Message& where) {
    ExprFacts facts;
    ExprContext ctx;
    ctx.per_bid = false;
    ctx.aggregates = false;
    ctx.where = where;
    if (!type_expr(e, ctx, facts)) return std::nullopt;
    if (e.type != ValueKind::Number) {
        error(e.pos, Message("lang.constant-not-number", TL_MSG("{what} must be a number")).nested("what", what));
        return std::nullopt;
    }
    const double value = constant_number(e);
    if (std::isnan(value)) {
        error(e.pos, Message("lang.constant-undefined", TL_MSG("{what} must be a constant number")).nested("what", what));
        return std::nullopt;
    }
    return value;
}

}  // namespace tl::lang
