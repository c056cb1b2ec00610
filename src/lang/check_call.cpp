// Checking function calls: arity, argument types and units, and the arms of linear/steps/table.
#include <cmath>
#include <vector>

#include "lang/check.hpp"
#include "lang/suggest.hpp"

namespace tl::lang {

namespace {

struct Arity {
    Func func;
    int min_args, max_args;  // -1: any number
};
constexpr Arity kArity[] = {
    {Func::Min, 2, -1}, {Func::Max, 2, -1}, {Func::Abs, 1, 1}, {Func::Round, 1, 2}, {Func::Clamp, 3, 3},
    {Func::Ln, 1, 1}, {Func::Log10, 1, 1}, {Func::Exp, 1, 1}, {Func::Sqrt, 1, 1}, {Func::Power, 2, 2},
    {Func::Date, 1, 1},
    {Func::Linear, 3, -1}, {Func::Steps, 2, -1}, {Func::Table, 2, -1}, {Func::RatioLowest, 1, 1},
    {Func::RatioHighest, 1, 1}, {Func::Npv, 3, 4}, {Func::Lowest, 1, 1}, {Func::Highest, 1, 1},
    {Func::Mean, 1, 1}, {Func::Median, 1, 1}, {Func::Sum, 1, 1}, {Func::Count, 0, 0},
    {Func::LowestOthers, 1, 1}, {Func::HighestOthers, 1, 1}, {Func::MeanOthers, 1, 1},
    {Func::MedianOthers, 1, 1}, {Func::NextHigher, 1, 1}, {Func::NextLower, 1, 1},
};


bool uses_arrows(Func f) { return f == Func::Linear || f == Func::Steps || f == Func::Table; }

}  // namespace

bool Checker::type_call(Expr& e, const ExprContext& ctx, ExprFacts& facts) {
    if (e.func == Func::Unknown) {
        std::vector<std::string> names;
        for (const auto& a : kArity) names.push_back(func_name(a.func));
        error(e.pos, Message("lang.unknown-function", TL_MSG("unknown function '{name}'{hint}"))
                         .text("name", e.name)
                         .nested("hint", did_you_mean(e.name, names)));
        return false;
    }
    const int n = static_cast<int>(e.args.size());
    for (const auto& a : kArity) {
        if (a.func != e.func) continue;
        if (n < a.min_args || (a.max_args >= 0 && n > a.max_args)) {
            // The first count chooses the plural form: "1 argument", "2 arguments".
            Message m = a.max_args < 0 ? Message("lang.arity-at-least", TL_MSG_PLURAL("'{name}' takes at least {want} argument, not {given}",
                                                                                     "'{name}' takes at least {want} arguments, not {given}"))
                                             .count("want", a.min_args)
                        : a.min_args == a.max_args ? Message("lang.arity", TL_MSG_PLURAL("'{name}' takes {want} argument, not {given}",
                                                                                         "'{name}' takes {want} arguments, not {given}"))
                                                         .count("want", a.min_args)
                                                   : Message("lang.arity-either", TL_MSG("'{name}' takes {want} or {other} arguments, not {given}"))
                                                         .count("want", a.min_args)
                                                         .count("other", a.max_args);
            error(e.pos, m.text("name", e.name).count("given", n));
            return false;
        }
    }
    if (is_aggregate(e.func)) {
        if (!ctx.aggregates) {
            error(e.pos, Message("lang.aggregate-not-allowed", TL_MSG("'{name}' ranges over several bids; it is not allowed {where}"))
                             .text("name", e.name)
                             .nested("where", ctx.where));
            return false;
        }
        facts.uses_aggregate = true;
    }
    if (uses_arrows(e.func)) return type_arrows(e, ctx, facts);
    if (e.func == Func::Date) return type_date_literal(e);
    for (std::size_t i = 0; i < e.args.size(); ++i) {
        if (e.args[i].kind == ExprKind::Arrow) {
            error(e.args[i].pos, misplaced_arrow());
            return false;
        }
        if (!type_expr(e.args[i], ctx, facts)) return false;
        if (e.args[i].type != ValueKind::Number) {
            error(e.args[i].pos, Message("lang.function-needs-numbers", TL_MSG("'{name}' needs numbers")).text("name", e.name));
            return false;
        }
    }
    e.type = ValueKind::Number;
    switch (e.func) {
        case Func::Min: case Func::Max: case Func::Clamp: {
            e.unit = e.args[0].unit;
            for (const auto& a : e.args) {
                if (!a.unit.same_dimension(e.unit)) {
                    error(a.pos, Message("lang.function-mixed-units",
                                         TL_MSG("'{name}' needs the same unit throughout: this is {unit}, the first argument is {first_unit}"))
                                     .text("name", e.name)
                                     .nested("unit", unit_words(a.unit))
                                     .nested("first_unit", unit_words(e.unit)));
                    return false;
                }
                e.unit.percent = e.unit.percent && (a.unit.percent || a.number == 0);
            }
            return true;
        }
        case Func::Abs: e.unit = e.args[0].unit; return true;
        case Func::Round:
            e.unit = e.args[0].unit;
            if (e.args.size() > 1 && (e.args[1].kind != ExprKind::Number || e.args[1].number != std::floor(e.args[1].number))) {
                error(e.args[1].pos, Message("lang.round-decimals", TL_MSG("the number of decimals must be a whole number written out, e.g. round(x, 2)")));
                return false;
            }
            return true;
        case Func::Ln: case Func::Log10: case Func::Exp: case Func::Sqrt: case Func::Power:
            // A logarithm or a power of an amount of money has no unit one could score: these take
            // plain numbers and ratios (price / lowest(price)), as the formulas that use them do.
            for (const auto& a : e.args)
                if (!a.unit.dimensionless()) {
                    error(a.pos, Message("lang.function-needs-plain",
                                         TL_MSG("'{name}' needs a plain number or a ratio, not {unit}: e.g. {name}(lowest(price) / price)"))
                                     .text("name", e.name)
                                     .nested("unit", unit_words(a.unit)));
                    return false;
                }
            e.unit = Unit::plain();
            return true;
        case Func::RatioLowest: case Func::RatioHighest: e.unit = Unit::plain(); return true;
        case Func::Count: e.unit = Unit::plain(); return true;
        case Func::Npv: {
            const Expr& years = e.args[1];
            if (!(years.unit.dimensionless() || years.unit == Unit::atom("years"))) {
                error(years.pos, Message("lang.npv-years", TL_MSG("the number of years must be a plain number or in years, not {unit}"))
                                    .nested("unit", unit_words(years.unit)));
                return false;
            }
            for (std::size_t i = 2; i < e.args.size(); ++i)
                if (!e.args[i].unit.dimensionless()) {
                    error(e.args[i].pos, Message("lang.npv-rate", TL_MSG("a rate must be a percent or a plain number, not {unit}"))
                                             .nested("unit", unit_words(e.args[i].unit)));
                    return false;
                }
            e.unit = e.args[0].unit;
            e.unit.percent = false;
            return true;
        }
        default:  // aggregates keep the unit of what they aggregate
            e.unit = e.args[0].unit;
            return true;
    }
}

bool Checker::type_arrows(Expr& e, const ExprContext& ctx, ExprFacts& facts) {
    Expr& subject = e.args[0];
    if (subject.kind == ExprKind::Arrow) {
        error(subject.pos, Message("lang.arms-need-subject", TL_MSG("the first argument of '{name}' is the value to score, e.g. {name}(warranty, ...)"))
                              .text("name", e.name));
        return false;
    }
    if (!type_expr(subject, ctx, facts)) return false;
    const bool is_table = e.func == Func::Table;
    if (is_table && subject.type != ValueKind::Enum && subject.type != ValueKind::Bool) {
        error(subject.pos, Message("lang.table-subject", TL_MSG("table(...) maps an enum or yes/no value; for numbers use steps(...) or linear(...)")));
        return false;
    }
    if (!is_table && subject.type != ValueKind::Number) {
        error(subject.pos, Message("lang.arms-need-number", TL_MSG("'{name}' needs a number to score")).text("name", e.name));
        return false;
    }
    const Expr* first_value = nullptr;
    std::vector<bool> covered;
    if (is_table) covered.assign(subject.type == ValueKind::Bool ? 2 : rules_.fields[static_cast<std::size_t>(subject.enum_field)].members.size(), false);
    bool has_else = false;
    double previous_key = -INFINITY;
    std::string previous_text;
    for (std::size_t i = 1; i < e.args.size(); ++i) {
        Expr& arm = e.args[i];
        if (arm.kind != ExprKind::Arrow || arm.args.size() != 2) {
            error(arm.pos, Message("lang.arm-expected", TL_MSG("'{name}' expects arms 'key -> value' after its first argument")).text("name", e.name));
            return false;
        }
        if (has_else) {
            error(arm.pos, Message("lang.else-not-last", TL_MSG("'else' must be the last arm")));
            return false;
        }
        Expr& key = arm.args[0];
        Expr& value = arm.args[1];
        if (!type_expr(value, ctx, facts)) return false;
        if (value.type != ValueKind::Number) {
            error(value.pos, Message("lang.arm-value-number", TL_MSG("the value of an arm must be a number")));
            return false;
        }
        if (first_value && !first_value->unit.same_dimension(value.unit)) {
            error(value.pos, Message("lang.arm-units", TL_MSG("all arms must give the same unit: this gives {unit}, the first gives {first_unit}"))
                                 .nested("unit", unit_words(value.unit))
                                 .nested("first_unit", unit_words(first_value->unit)));
            return false;
        }
        if (!first_value) first_value = &value;
        if (key.kind == ExprKind::Else) {
            if (e.func == Func::Linear) {
                error(key.pos, Message("lang.else-in-linear", TL_MSG("linear(...) has no 'else': it is constant beyond its end points")));
                return false;
            }
            has_else = true;
            continue;
        }
        if (e.func == Func::Steps && arm.bin == BinOp::None) {
            error(arm.pos, Message("lang.steps-arm-comparison", TL_MSG("each arm of steps(...) starts with a comparison, e.g. '>= 4 years -> 100'")));
            return false;
        }
        if (e.func != Func::Steps && arm.bin != BinOp::None) {
            error(arm.pos, Message("lang.comparison-outside-steps", TL_MSG("comparisons belong in steps(...); {name}(...) arms are 'key -> value'"))
                               .text("name", e.name));
            return false;
        }
        if (is_table) {
            if (subject.type == ValueKind::Bool) {
                if (!type_expr(key, ctx, facts) || key.kind != ExprKind::Bool) {
                    error(key.pos, Message("lang.yesno-table-keys", TL_MSG("the keys of a yes/no table are yes and no")));
                    return false;
                }
                key.value = key.boolean ? 1 : 0;
                key.slot = key.boolean ? 1 : 0;
            } else if (!resolve_member(key, subject.enum_field)) {
                const FieldDecl& f = rules_.fields[static_cast<std::size_t>(subject.enum_field)];
                error(key.pos, not_a_member(key.name, f));
                return false;
            }
            const auto k = static_cast<std::size_t>(key.slot);
            if (covered[k]) {
                error(key.pos, Message("lang.table-key-twice", TL_MSG("'{key}' has two arms")).text("key", print_expr(key)));
                return false;
            }
            covered[k] = true;
            continue;
        }
        ExprFacts key_facts;
        if (!type_expr(key, ctx, key_facts)) return false;
        facts.uses_bids |= key_facts.uses_bids;
        facts.uses_aggregate |= key_facts.uses_aggregate;
        if (key.type != ValueKind::Number || !key.unit.same_dimension(subject.unit) ||
            (subject.unit.percent && !key.unit.percent && key.kind == ExprKind::Number && key.number != 0)) {
            error(key.pos, Message("lang.arm-key-unit", TL_MSG("this key is {key_unit} but '{subject}' is {unit}{hint}"))
                               .nested("key_unit", unit_words(key.unit))
                               .text("subject", print_expr(subject))
                               .nested("unit", unit_words(subject.unit))
                               .nested("hint", subject.unit.percent ? Message("lang.write-percent", TL_MSG(" (write e.g. {number} %)"))
                                                                          .text("number", exact_number_text(key.number))
                                                                    : Message()));
            return false;
        }
        // Constant keys (also `-40`, or a let) must increase; keys from the bids are checked per bid.
        if (e.func == Func::Linear && !key_facts.uses_bids && !key_facts.uses_aggregate) {
            const double key_value = constant_number(key);
            if (key_value <= previous_key) {
                error(key.pos, Message("lang.linear-decreasing",
                                       TL_MSG("the values of '{subject}' in linear(...) must increase from left to right: {key} follows "
                                              "{previous} (for 'lower is better' keep the values increasing and let the scores fall)"))
                                   .text("subject", print_expr(subject))
                                   .text("key", print_expr(key))
                                   .text("previous", previous_text));
                return false;
            }
            previous_key = key_value;
            previous_text = print_expr(key);
        }
    }
    if (e.func == Func::Steps && !has_else) {
        error(e.pos, Message("lang.steps-without-else", TL_MSG("steps(...) needs a last arm 'else -> value' for bids that meet no step")));
        return false;
    }
    if (is_table && !has_else) {
        std::string missing;
        for (std::size_t k = 0; k < covered.size(); ++k)
            if (!covered[k])
                missing += (missing.empty() ? "" : ", ") +
                           (subject.type == ValueKind::Bool ? std::string(k ? "yes" : "no")
                                                            : rules_.fields[static_cast<std::size_t>(subject.enum_field)].members[k]);
        if (!missing.empty()) {
            error(e.pos, Message("lang.table-missing", TL_MSG("table(...) has no arm for {members} (add the arms or 'else -> value')"))
                             .text("members", missing));
            return false;
        }
    }
    if (e.func == Func::Linear && e.args.size() < 3) {
        error(e.pos, Message("lang.linear-points", TL_MSG("linear(...) needs at least two points")));
        return false;
    }
    e.type = ValueKind::Number;
    e.unit = first_value ? first_value->unit : Unit::plain();
    return true;
}

}  // namespace tl::lang
