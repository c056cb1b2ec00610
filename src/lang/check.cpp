// Checking the items of rule files into the typed CriteriaSet. Order in the file does not matter:
// declarations are collected first, then everything that uses them is checked.
#include "lang/check.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "core/input_file.hpp"
#include "lang/suggest.hpp"

namespace tl::lang {

namespace {
const std::vector<std::string> kNameProps = {"name", "name_ru", "description"};

std::vector<std::string> with(std::vector<std::string> a, const std::vector<std::string>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}
}  // namespace

bool Checker::claim_id(const std::string& id, const SourcePos& pos, const Message& what, bool criterion_space) {
    static const std::vector<std::string> reserved = {"yes", "no", "true", "false", "else", "total"};
    for (const auto& r : reserved)
        if (id == r) {
            error(pos, Message("lang.reserved-word", TL_MSG("'{name}' is a reserved word and cannot name a {what}")).text("name", id).nested("what", what));
            return false;
        }
    // Criteria live in their own namespace: `criterion price` may score `field price`.
    auto [it, inserted] = (criterion_space ? criterion_ids_ : ids_).emplace(id, pos);
    if (!inserted) {
        error(pos, Message("lang.already-declared", TL_MSG("'{name}' is already declared")).text("name", id),
              {Message("lang.first-declared-at", TL_MSG("first declared at {place}"))
                   .text("place", it->second.file + ":" + std::to_string(it->second.line) + ":" + std::to_string(it->second.col))});
        return false;
    }
    return true;
}

void Checker::check_properties(const Item& it, const std::vector<std::string>& allowed) {
    std::map<std::string, SourcePos> seen;
    for (const Property& p : it.props) {
        if (p.kind == PropertyKind::Item) {
            if (it.keyword != "group")
                error(p.pos, Message("lang.nested-criterion", TL_MSG("a criterion can only stand at the top level or inside a group")));
            continue;
        }
        if (p.kind == PropertyKind::Lot) {
            if (it.keyword != "tender") error(p.pos, Message("lang.lot-outside-tender", TL_MSG("lots are declared inside tender { }")));
            continue;
        }
        // A text longer than a spreadsheet cell could not be written to the workbook.
        if (p.kind == PropertyKind::Text)
            if (auto too_long = text_too_long(p.text)) error(p.pos, std::move(*too_long));
        bool known = false;
        for (const auto& a : allowed) known |= a == p.key;
        if (!known) {
            std::string list;
            for (const auto& a : allowed) list += (list.empty() ? "" : ", ") + a;
            error(p.pos,
                  Message("lang.unknown-property", TL_MSG("'{name}' is not a property of {item}{hint}"))
                      .text("name", p.key)
                      .text("item", it.keyword)
                      .nested("hint", did_you_mean(p.key, allowed)),
                  {Message("lang.properties-of", TL_MSG("properties of {item}: {properties}")).text("item", it.keyword).text("properties", list)});
            continue;
        }
        auto [prev, inserted] = seen.emplace(p.key, p.pos);
        if (!inserted)
            error(p.pos, Message("lang.property-twice", TL_MSG("'{name}' is given twice")).text("name", p.key),
                  {Message("lang.first-at-line", TL_MSG("first at line {line}")).count("line", prev->second.line)});
    }
}

std::string Checker::text_of(const Item& it, const char* key) {
    const Property* p = it.find(key);
    if (!p) return {};
    if (p->kind != PropertyKind::Text) {
        error(p->pos, Message("lang.text-property", TL_MSG("'{name}' takes a quoted text, e.g. {name}: \"...\"")).text("name", key));
        return {};
    }
    return p->text;
}

void Checker::check_tender(const Item& it) {
    if (!rules_.tender.title.empty() || rules_.tender.pos.known()) {
        error(it.pos, Message("lang.tender-twice", TL_MSG("a tender has one 'tender { }' block")),
              {Message("lang.first-is-at-line", TL_MSG("the first is at line {line}")).count("line", rules_.tender.pos.line)});
        return;
    }
    check_properties(it, {"title", "title_ru", "reference", "currency", "description"});
    rules_.tender.pos = it.pos;
    rules_.tender.title = text_of(it, "title");
    rules_.tender.title_ru = text_of(it, "title_ru");
    rules_.tender.reference = text_of(it, "reference");
    if (const Property* c = it.find("currency")) {
        currency_given_ = true;
        if (c->kind != PropertyKind::Expr || c->value.kind != ExprKind::Name || !is_known_currency(c->value.name)) {
            error(c->kind == PropertyKind::Expr ? c->value.pos : c->pos,
                  Message("lang.unknown-currency", TL_MSG("currency must be an ISO code such as RUB or EUR{hint}"))
                      .nested("hint", c->value.kind == ExprKind::Name ? did_you_mean_currency(c->value.name) : Message()));
        } else {
            rules_.tender.currency = c->value.name;
            currency_known_ = true;
        }
    }
    for (const Property& p : it.props)
        if (p.kind == PropertyKind::Lot) {
            for (const auto& l : rules_.tender.lots)
                if (l.id == p.key) error(p.pos, Message("lang.lot-twice", TL_MSG("lot '{lot}' is declared twice")).text("lot", p.key));
            rules_.tender.lots.push_back({p.key, p.text});
        }
}

void Checker::check_field(const Item& it) {
    // These are the bids file's own columns.
    for (const char* column : {"bidder", "lot", "submitted"})
        if (it.id == column) {
            error(it.id_pos, Message("lang.reserved-column", TL_MSG("'{name}' is a column every bids file has; choose another field name"))
                                 .text("name", column));
            return;
        }
    if (!claim_id(it.id, it.id_pos, Message("lang.what.field", TL_MSG("field")))) return;
    check_properties(it, with(kNameProps, {"evidence", "range", "optional"}));
    FieldDecl f;
    f.id = it.id;
    f.pos = it.id_pos;
    f.name = text_of(it, "name");
    f.name_ru = text_of(it, "name_ru");
    f.description = text_of(it, "description");
    f.evidence = text_of(it, "evidence");
    f.optional = it.find("optional") != nullptr;
    const std::string& t = it.type_name;
    const std::size_t errors_before = diags_.size();
    static const char* const kPlainTypes[] = {"money", "percent", "number", "yesno", "text", "date"};
    const bool plain_type = std::find(std::begin(kPlainTypes), std::end(kPlainTypes), t) != std::end(kPlainTypes);
    if (!it.type_args.empty() && plain_type)
        error(it.type_pos, Message("lang.type-without-arguments", TL_MSG("'{type}' takes no arguments in ( ); only enum(...) and quantity(...) do"))
                               .text("type", t));
    if (t == "money") {
        f.type = FieldType::Money;
        if (!currency_known_) {
            if (!currency_given_)
                error(it.type_pos, Message("lang.money-without-currency", TL_MSG("a money field needs the tender's currency: tender { currency: RUB }")));
            broken_.insert(f.id);
        } else {
            f.unit = Unit::atom(rules_.tender.currency);
        }
    } else if (t == "percent") {
        f.type = FieldType::Percent;
        f.unit = Unit::percent_unit();
    } else if (t == "number") {
        f.type = FieldType::Number;
    } else if (t == "quantity") {
        f.type = FieldType::Quantity;
        std::string bad;
        auto u = it.type_args.size() == 1 ? parse_unit(it.type_args.front(), &bad) : std::nullopt;
        if (it.type_args.size() != 1) {
            error(it.type_pos, Message("lang.quantity-unit", TL_MSG("quantity(...) takes one unit, e.g. quantity(kWh) or quantity(g/km)")));
        } else if (!u || u->percent) {
            error(it.type_pos, u && u->percent ? Message("lang.quantity-percent", TL_MSG("for shares use the type percent, not quantity(%)"))
                                               : Message("lang.unknown-unit", TL_MSG("unknown unit '{unit}'{hint}"))
                                                     .text("unit", bad)
                                                     .nested("hint", did_you_mean_unit(bad)));
        } else {
            f.unit = *u;
        }
    } else if (t == "yesno") {
        f.type = FieldType::YesNo;
    } else if (t == "enum") {
        f.type = FieldType::Enum;
        f.members = it.type_args;
        for (std::size_t i = 0; i < f.members.size(); ++i)
            for (std::size_t j = 0; j < i; ++j)
                if (f.members[i] == f.members[j])
                    error(it.type_pos, Message("lang.enum-member-twice", TL_MSG("enum member '{name}' is listed twice")).text("name", f.members[i]));
    } else if (t == "text") {
        f.type = FieldType::Text;
    } else if (t == "date") {
        f.type = FieldType::Date;
    } else {
        error(it.type_pos, Message("lang.unknown-type", TL_MSG("unknown type '{type}'{hint} (types: money, percent, number, quantity(unit), yesno, enum(...), text, date)"))
                               .text("type", t)
                               .nested("hint", did_you_mean(t, {"money", "percent", "number", "quantity", "yesno", "enum", "text", "date"})));
    }
    if (const Property* r = it.find("range")) {
        Expr lo = r->value, hi = r->high;
        if (r->kind != PropertyKind::Range) {
            error(r->pos, Message("lang.range-syntax", TL_MSG("a range is written 'range: 0 .. 100'")));
        } else {
            const Message what("lang.what.range", TL_MSG("a range")), where("lang.where.range", TL_MSG("in a range"));
            auto l = constant_value(lo, what, where), h = constant_value(hi, what, where);
            // Bare numbers are in the field's own unit (a bare 40 on a percent field is 40 %, as
            // in the bids file); a written unit must be the field's.
            for (Expr* end : {&lo, &hi}) {
                auto& value = end == &lo ? l : h;
                if (!value) continue;
                const Expr* literal = end;
                if (literal->kind == ExprKind::Unary && literal->un == UnOp::Neg) literal = &literal->args[0];
                if (literal->kind == ExprKind::Number && literal->unit_text.empty()) {
                    if (f.type == FieldType::Percent) *value /= 100;
                    continue;
                }
                if (!end->unit.same_dimension(f.unit) || (f.type == FieldType::Percent && !end->unit.percent)) {
                    error(end->pos, Message("lang.range-unit", TL_MSG("the range of '{name}' must be in {unit}"))
                                        .text("name", f.id)
                                        .nested("unit", f.unit.to_string().empty() ? Message("lang.unit.plain-numbers", TL_MSG("plain numbers"))
                                                                                   : verbatim(f.unit.to_string())));
                    value.reset();
                }
            }
            if (l && h) {
                if (*h < *l) error(r->pos, Message("lang.range-reversed", TL_MSG("the range's upper end is below its lower end")));
                f.range_lo = *l;
                f.range_hi = *h;
            }
        }
    }
    if (diags_.size() > errors_before) broken_.insert(f.id);
    rules_.fields.push_back(f);
}

void Checker::check_requirement(const Item& it) {
    if (!claim_id(it.id, it.id_pos, Message("lang.what.requirement", TL_MSG("requirement")))) return;
    check_properties(it, with(kNameProps, {"test"}));
    Requirement r;
    r.id = it.id;
    r.pos = it.id_pos;
    r.name = text_of(it, "name");
    r.name_ru = text_of(it, "name_ru");
    r.description = text_of(it, "description");
    const Property* test = it.find("test");
    if (!test) {
        error(it.id_pos, Message("lang.requirement-without-test", TL_MSG("requirement '{name}' has no 'test: condition'")).text("name", it.id));
        return;
    }
    r.test = test->value;
    ExprContext ctx;
    ctx.aggregates = false;
    ctx.where = Message("lang.where.requirement", TL_MSG("in a requirement (requirements are checked bid by bid)"));
    ExprFacts facts;
    if (!type_expr(r.test, ctx, facts)) return;
    if (r.test.type != ValueKind::Bool) {
        const Message what = r.test.type == ValueKind::Number
                                 ? (r.test.unit.to_string().empty()
                                        ? Message("lang.unit.plain", TL_MSG("a plain number"))
                                        : Message("lang.number-in-unit", TL_MSG("a number in {unit}")).text("unit", r.test.unit.to_string()))
                                 : Message("lang.not-a-condition", TL_MSG("not a condition"));
        error(r.test.pos, Message("lang.requirement-not-condition",
                                  TL_MSG("a requirement's test must be a yes/no condition such as '{test} >= ...', but '{test}' is {what}"))
                              .text("test", print_expr(r.test))
                              .nested("what", what));
        return;
    }
    rules_.requirements.push_back(std::move(r));
}

void Checker::check_criterion(const Item& it, const std::string& group) {
    check_properties(it, with(kNameProps, {"kind", "weight", "score", "minimum", "scale", "committee", "combine"}));
    Criterion c;
    c.id = it.id;
    c.pos = it.id_pos;
    c.group = group;
    c.name = text_of(it, "name");
    c.name_ru = text_of(it, "name_ru");
    c.description = text_of(it, "description");
    if (const Property* k = it.find("kind")) {
        const std::string kind = k->value.kind == ExprKind::Name ? k->value.name : "";
        if (kind == "price") c.kind = CriterionKind::Price;
        else if (kind == "cost") c.kind = CriterionKind::Cost;
        else if (kind == "quality") c.kind = CriterionKind::Quality;
        else
            error(k->pos, Message("lang.unknown-kind", TL_MSG("kind is price, cost or quality (eForms BT-539){hint}"))
                              .nested("hint", did_you_mean(kind, {"price", "cost", "quality"})));
    }
    if (const Property* s = it.find("scale")) {
        Expr lo = s->value, hi = s->high;
        if (s->kind != PropertyKind::Range) error(s->pos, Message("lang.scale-syntax", TL_MSG("scale is written 'scale: 0 .. 10'")));
        else {
            const Message what("lang.what.scale", TL_MSG("the scale")), where("lang.where.scale", TL_MSG("in the scale"));
            auto l = constant_value(lo, what, where), h = constant_value(hi, what, where);
            for (const Expr* end : {&lo, &hi})
                if (l && h && !(end->unit.dimensionless() && !end->unit.percent)) {
                    error(end->pos, Message("lang.scale-unit", TL_MSG("a scale is in points: plain numbers, e.g. scale: 0 .. 10")));
                    l.reset();
                }
            if (l && h) {
                if (*h <= *l) error(s->pos, Message("lang.scale-reversed", TL_MSG("the top of the scale must be above its bottom")));
                else { c.scale_lo = *l; c.scale_hi = *h; }
            }
        }
    }
    const Property* w = it.find("weight");
    const std::size_t errors_before = diags_.size();
    if (!w)
        error(it.id_pos, Message("lang.criterion-without-weight", TL_MSG("criterion '{name}' has no weight (weight: 30 % or weight: 30 points)"))
                             .text("name", it.id));
    else if (w->kind != PropertyKind::Expr || w->value.kind != ExprKind::Number ||
             (w->value.unit_text != "%" && w->value.unit_text != "points"))
        error(w->pos, Message("lang.weight-syntax", TL_MSG("a weight is written as a percent (weight: 30 %) or as points (weight: 30 points)")));
    else {
        c.weight = w->value.number;
        c.weight_kind = w->value.unit_text == "%" ? WeightKind::Percent : WeightKind::Points;
        c.weight_pos = w->value.pos;
        if (c.weight < 0) error(w->value.pos, Message("lang.weight-not-positive", TL_MSG("a weight must be above zero")));
        // Weight 0 makes a gate-only criterion: a minimum score that a bid must reach, adding
        // nothing to its total. Without a minimum it would have no effect at all.
        else if (c.weight == 0 && !it.find("minimum"))
            error(w->value.pos, Message("lang.weight-zero-without-minimum",
                                        TL_MSG("a criterion of weight 0 has no effect without a minimum score; give it "
                                               "'minimum: ...' (a gate that adds nothing to the total) or a weight above zero")));
    }
    if (const Property* m = it.find("minimum")) {
        Expr e = m->value;
        auto v = constant_value(e, Message("lang.what.minimum", TL_MSG("a minimum score")),
                                Message("lang.where.minimum", TL_MSG("in a minimum score")));
        if (v && !(e.unit.dimensionless() && !e.unit.percent)) {
            error(e.pos, Message("lang.minimum-unit", TL_MSG("a minimum score is in points on the criterion's scale: a plain number, e.g. minimum: 50")));
            v.reset();
        }
        if (v) {
            if (*v < c.scale_lo || *v > c.scale_hi)
                error(m->pos, Message("lang.minimum-off-scale", TL_MSG("the minimum score must lie on the criterion's scale")));
            c.minimum = *v;
        }
    }
    const Property* s = it.find("score");
    if (const Property* k = it.find("committee")) {
        if (s) {
            error(s->pos, Message("lang.committee-and-score",
                                  TL_MSG("criterion '{name}' is scored by the committee ('committee:'), so it has no 'score:' formula"))
                              .text("name", it.id));
            return;
        }
        if (!declare_committee_field(*k, c)) return;
        if (const Property* how = it.find("combine"); how && !read_combine(*how, c)) return;
        if (c.combine != CommitteeCombine::Consensus)
            rules_.fields[static_cast<std::size_t>(c.committee_field)].description =
                c.combine == CommitteeCombine::Mean ? "The mean of the evaluation committee's submitted marks."
                                                    : "The median of the evaluation committee's submitted marks.";
    } else if (const Property* how = it.find("combine")) {
        error(how->pos, Message("lang.combine-without-committee",
                                TL_MSG("'combine:' says how the committee's marks make the value of a criterion the committee "
                                       "scores; criterion '{name}' has no 'committee: 0 .. 5'"))
                            .text("name", it.id));
        return;
    } else if (!s) {
        error(it.id_pos, Message("lang.criterion-without-score",
                                 TL_MSG("criterion '{name}' has no 'score: formula' (or 'committee: 0 .. 5' when the committee scores it)"))
                             .text("name", it.id));
        return;
    } else {
        c.score = s->value;
    }
    ExprContext ctx;
    ctx.where = Message("lang.where.score", TL_MSG("in a score"));
    ExprFacts facts;
    if (!type_expr(c.score, ctx, facts)) return;
    if (c.score.type != ValueKind::Number || !c.score.unit.dimensionless() || c.score.unit.percent) {
        error(c.score.pos, Message("lang.score-not-plain", TL_MSG("a score must be a plain number (points on the criterion's scale), but this is {what}"))
                               .nested("what", c.score.type == ValueKind::Number
                                                   ? (c.score.unit.percent ? Message("lang.unit.percent", TL_MSG("a percent"))
                                                                           : verbatim(c.score.unit.to_string()))
                                                   : Message("lang.not-a-number", TL_MSG("not a number"))));
        return;
    }
    if (diags_.size() > errors_before) return;
    rules_.criteria.push_back(std::move(c));
}

bool Checker::read_combine(const Property& how, Criterion& c) {
    const std::string word = how.kind == PropertyKind::Expr && how.value.kind == ExprKind::Name ? how.value.name : "";
    if (word == "consensus") c.combine = CommitteeCombine::Consensus;
    else if (word == "mean") c.combine = CommitteeCombine::Mean;
    else if (word == "median") c.combine = CommitteeCombine::Median;
    else {
        error(how.pos, Message("lang.unknown-combine",
                               TL_MSG("combine is consensus (the chair's recorded consensus), mean or median (of the submitted "
                                      "marks){hint}"))
                           .nested("hint", did_you_mean(word, {"consensus", "mean", "median"})));
        return false;
    }
    return true;
}

bool Checker::declare_committee_field(const Property& k, Criterion& c) {
    if (k.kind != PropertyKind::Range) {
        error(k.pos, Message("lang.committee-syntax", TL_MSG("the committee's scale is written 'committee: 0 .. 5'")));
        return false;
    }
    Expr lo = k.value, hi = k.high;
    const Message what("lang.what.committee-scale", TL_MSG("the committee's scale")),
        where("lang.where.committee-scale", TL_MSG("in the committee's scale"));
    auto l = constant_value(lo, what, where), h = constant_value(hi, what, where);
    if (!l || !h) return false;
    for (const Expr* end : {&lo, &hi})
        if (!(end->unit.dimensionless() && !end->unit.percent)) {
            error(end->pos, Message("lang.committee-unit", TL_MSG("the committee's scale is in points: plain numbers, e.g. committee: 0 .. 5")));
            return false;
        }
    if (*h <= *l) {
        error(k.pos, Message("lang.committee-reversed", TL_MSG("the top of the committee's scale must be above its bottom")));
        return false;
    }
    // The consensus scores live in a field named after the criterion, so that bids files, the
    // workbook and explanations show them like any other input.
    if (!claim_id(c.id, c.pos, Message("lang.what.committee-field", TL_MSG("field (the committee's scores of this criterion)")))) return false;
    FieldDecl f;
    f.id = c.id;
    f.pos = k.pos;
    f.type = FieldType::Number;
    f.name = c.display_name() + " (committee score " + exact_number_text(*l) + "-" + exact_number_text(*h) + ")";
    if (!c.name_ru.empty()) f.name_ru = c.name_ru + " (оценка комиссии " + exact_number_text(*l) + "-" + exact_number_text(*h) + ")";
    f.description = "The evaluation committee's consensus score.";
    f.optional = true;
    f.committee = true;
    f.range_lo = *l;
    f.range_hi = *h;
    c.committee_field = static_cast<int>(rules_.fields.size());
    c.committee_lo = *l;
    c.committee_hi = *h;
    rules_.fields.push_back(std::move(f));
    // score: linear(<field>, lo -> scale_lo, hi -> scale_hi), typed like a written formula.
    auto number = [&](double v) {
        Expr n;
        n.kind = ExprKind::Number;
        n.pos = k.pos;
        n.number = v;
        return n;
    };
    auto arrow = [&](double from, double to) {
        Expr a;
        a.kind = ExprKind::Arrow;
        a.pos = k.pos;
        a.args = {number(from), number(to)};
        return a;
    };
    Expr field;
    field.kind = ExprKind::Name;
    field.pos = k.pos;
    field.name = c.id;
    c.score = Expr();
    c.score.kind = ExprKind::Call;
    c.score.pos = k.pos;
    c.score.name = "linear";
    c.score.func = Func::Linear;
    c.score.args = {field, arrow(*l, c.scale_lo), arrow(*h, c.scale_hi)};
    return true;
}

void Checker::check_group(const Item& it) {
    if (!claim_id(it.id, it.id_pos, Message("lang.what.group", TL_MSG("group")), true)) return;
    check_properties(it, kNameProps);
    rules_.groups.push_back({it.id, text_of(it, "name"), text_of(it, "name_ru"), it.id_pos});
    for (const Property& p : it.props)
        if (p.kind == PropertyKind::Item) check_criterion(p.item.front(), it.id);
}

void Checker::check_tie_break(const Item& it) {
    if (!rules_.tie_breaks.empty()) {
        error(it.pos, Message("lang.tie-break-twice", TL_MSG("a tender has one tie_break chain")));
        return;
    }
    for (const Property& p : it.props) {
        const Expr& e = p.value;
        if (e.kind == ExprKind::Name && e.name == "earlier_submission") {
            rules_.tie_breaks.push_back({TieBreak::Kind::EarlierSubmission, {}});
            continue;
        }
        if (e.kind == ExprKind::Call && (e.name == "higher" || e.name == "lower") && e.args.size() == 1) {
            TieBreak tb;
            tb.kind = e.name == "higher" ? TieBreak::Kind::Higher : TieBreak::Kind::Lower;
            tb.expr = e.args.front();
            ExprContext ctx;
            ctx.criteria = true;
            ctx.where = Message("lang.where.tie-break", TL_MSG("in a tie-break"));
            ExprFacts facts;
            if (!type_expr(tb.expr, ctx, facts)) continue;
            if (tb.expr.type != ValueKind::Number && tb.expr.type != ValueKind::Date) {
                error(tb.expr.pos, Message("lang.tie-break-kind", TL_MSG("a tie-break compares numbers or dates")));
                continue;
            }
            rules_.tie_breaks.push_back(std::move(tb));
            continue;
        }
        error(e.pos, Message("lang.tie-break-syntax", TL_MSG("a tie-break is higher(value), lower(value) or earlier_submission")));
    }
    bool has_submission = false;
    for (const auto& tb : rules_.tie_breaks) has_submission |= tb.kind == TieBreak::Kind::EarlierSubmission;
    if (!has_submission) rules_.tie_breaks.push_back({TieBreak::Kind::EarlierSubmission, {}});
}

void Checker::check_abnormally_low(const Item& it) {
    if (!claim_id(it.id, it.id_pos, Message("lang.what.abnormally-low", TL_MSG("abnormally_low rule")))) return;
    check_properties(it, with(kNameProps, {"when"}));
    AbnormallyLowRule r;
    r.id = it.id;
    r.pos = it.id_pos;
    r.name = text_of(it, "name");
    r.name_ru = text_of(it, "name_ru");
    const Property* w = it.find("when");
    if (!w) {
        error(it.id_pos, Message("lang.abnormally-low-without-when", TL_MSG("abnormally_low '{name}' has no 'when: condition'")).text("name", it.id));
        return;
    }
    r.when = w->value;
    ExprContext ctx;
    ctx.criteria = true;
    ctx.where = Message("lang.where.abnormally-low", TL_MSG("in an abnormally-low rule"));
    ExprFacts facts;
    if (!type_expr(r.when, ctx, facts)) return;
    if (r.when.type != ValueKind::Bool) {
        error(r.when.pos, Message("lang.when-not-condition", TL_MSG("'when' must be a yes/no condition")));
        return;
    }
    rules_.abnormally_low.push_back(std::move(r));
}

void Checker::check_weights() {
    if (rules_.criteria.empty() || !weights_complete_) return;
    const Criterion& first = rules_.criteria.front();
    double sum = 0;
    std::vector<Message> notes;
    for (const auto& c : rules_.criteria) {
        if (c.weight_kind != first.weight_kind) {
            error(c.weight_pos,
                  (first.weight_kind == WeightKind::Percent
                       ? Message("lang.weights-mixed", TL_MSG("all weights must be percents or all points; '{name}' uses percent"))
                       : Message("lang.weights-mixed", TL_MSG("all weights must be percents or all points; '{name}' uses points")))
                      .text("name", first.id));
            return;
        }
        sum += c.weight;
        notes.push_back(Message("lang.weight-at-line", TL_MSG("{name}: {weight} % at line {line}"))
                            .text("name", c.id)
                            .text("weight", exact_number_text(c.weight))
                            .count("line", c.weight_pos.line));
    }
    if (first.weight_kind == WeightKind::Percent && std::fabs(sum - 100) > 1e-9) {
        const double miss = 100 - sum;
        error(first.weight_pos,
              (miss > 0 ? Message("lang.weights-sum-short", TL_MSG("weights sum to {sum} %, {miss} % short of 100 %"))
                        : Message("lang.weights-sum-over", TL_MSG("weights sum to {sum} %, {miss} % over 100 %")))
                  .number("sum", sum)
                  .number("miss", std::fabs(miss)),
              notes);
    }
}

CriteriaSet Checker::check(const std::vector<const Item*>& items) {
    // Pass 1: declarations that others refer to.
    for (const Item* it : items)
        if (it->keyword == "tender") check_tender(*it);
    for (const Item* it : items) {
        if (it->keyword == "field") check_field(*it);
        else if (it->keyword == "let") declare_let(*it);
    }
    int index = 0;
    for (const Item* it : items) {
        auto note_criterion = [&](const Item& c) {
            if (claim_id(c.id, c.id_pos, Message("lang.what.criterion", TL_MSG("criterion")), true)) criterion_index_[c.id] = index;
            ++index;
        };
        if (it->keyword == "criterion") note_criterion(*it);
        if (it->keyword == "group")
            for (const Property& p : it->props)
                if (p.kind == PropertyKind::Item) note_criterion(p.item.front());
    }
    for (std::size_t i = 0; i < lets_.size(); ++i) type_let(static_cast<int>(i));
    // Pass 2: everything that uses them.
    for (const Item* it : items) {
        if (it->keyword == "requirement") check_requirement(*it);
        else if (it->keyword == "criterion") check_criterion(*it, "");
        else if (it->keyword == "group") check_group(*it);
    }
    // A criterion that failed has no trustworthy weight: a sum would be a second, false error.
    weights_complete_ = static_cast<int>(rules_.criteria.size()) == index;
    // Criterion indices were handed out before checking; they stay right only if all passed.
    for (std::size_t i = 0; i < rules_.criteria.size(); ++i) criterion_index_[rules_.criteria[i].id] = static_cast<int>(i);
    for (const Item* it : items) {
        if (it->keyword == "tie_break") check_tie_break(*it);
        else if (it->keyword == "abnormally_low") check_abnormally_low(*it);
    }
    if (rules_.tie_breaks.empty()) rules_.tie_breaks.push_back({TieBreak::Kind::EarlierSubmission, {}});
    check_weights();
    if (!has_errors(diags_)) {
        warn_unused_fields();
        warn_unreachable_maximum();
    }
    return std::move(rules_);
}

}  // namespace tl::lang
