#include "core/explain.hpp"

#include <cmath>

#include "core/engine.hpp"
#include "core/number_format.hpp"

#include <algorithm>

namespace tl {

namespace {

// Inputs of a formula: names and aggregates, whose values differ per bid or per set.
bool is_input(const Expr& e) {
    return (e.kind == ExprKind::Name && (e.ref == RefKind::Field || e.ref == RefKind::Let || e.ref == RefKind::Criterion)) ||
           (e.kind == ExprKind::Call && is_aggregate(e.func) && e.func != Func::RatioLowest && e.func != Func::RatioHighest);
}

struct ValueSubstitution : ExprSubstitution {
    const CriteriaSet& rules;
    Evaluator& ev;
    std::size_t member;
    bool annotate;  // `name (value)` instead of `value`
    std::vector<std::string>* inputs = nullptr;

    ValueSubstitution(const CriteriaSet& r, Evaluator& e, std::size_t m, bool a) : rules(r), ev(e), member(m), annotate(a) {}

    bool substitute(const Expr& e, std::string& out) const override {
        // ratio_lowest(x) shows what it is made of: 100 * lowest(x) / x, each with its value.
        if (e.kind == ExprKind::Call && (e.func == Func::RatioLowest || e.func == Func::RatioHighest)) {
            Expr best = e;
            best.func = e.func == Func::RatioLowest ? Func::Lowest : Func::Highest;
            best.name = func_name(best.func);
            best.unit = e.args[0].unit;
            best.type = e.args[0].type;
            std::string best_text, own_text;
            substitute(best, best_text);
            own_text = print_expr(e.args[0], this);
            out = e.func == Func::RatioLowest ? "100 * " + best_text + " / " + own_text
                                              : "100 * " + own_text + " / " + best_text;
            return true;
        }
        if (!is_input(e)) return false;
        const double v = ev.eval(e).at(member);
        const std::string value = format_value(rules, e, v);
        const std::string name = print_expr(e);
        out = annotate ? name + " (" + value + ")" : value;
        if (inputs) inputs->push_back(name + " = " + value);
        return true;
    }
};

std::string join(const std::vector<std::string>& parts, const std::string& sep) {
    std::string s;
    for (std::size_t i = 0; i < parts.size(); ++i) s += (i ? sep : "") + parts[i];
    return s;
}

}  // namespace

std::string format_score(double v) { return format_fixed(v, 4); }

std::string format_value(const CriteriaSet& rules, const Expr& e, double v) {
    if (std::isnan(v)) return "undefined";
    if (e.kind == ExprKind::Name && e.ref == RefKind::Field)
        return format_field_value(rules.fields[static_cast<std::size_t>(e.slot)], v);
    switch (e.type) {
        case ValueKind::Bool: return v != 0 ? "yes" : "no";
        case ValueKind::Enum:
            if (e.enum_field >= 0) {
                const auto& members = rules.fields[static_cast<std::size_t>(e.enum_field)].members;
                auto i = static_cast<std::size_t>(v);
                if (i < members.size()) return members[i];
            }
            return format_number(v);
        case ValueKind::Date: return format_iso_date(static_cast<int>(v));
        default: break;
    }
    if (e.unit.percent && e.unit.dimensionless()) return format_number(v * 100) + " %";
    const std::string u = e.unit.to_string();
    return u.empty() ? format_number(v) : format_number(v) + " " + u;
}

std::string explain_test(const CriteriaSet& rules, Evaluator& ev, const Expr& e, std::size_t member) {
    ValueSubstitution s(rules, ev, member, true);
    return print_expr(e, &s);
}

std::string substitute_values(const CriteriaSet& rules, Evaluator& ev, const Expr& e, std::size_t member) {
    ValueSubstitution s(rules, ev, member, false);
    return print_expr(e, &s);
}

BidExplanation explain_bid(const CriteriaSet& rules, const BidTable& bids, const LotOutcome& lot, const BidOutcome& o) {
    BidExplanation x;
    x.bidder = o.bidder;
    x.lot = lot.lot;

    const std::vector<int> lot_bids = bids_of_lot(bids, lot.lot);
    Evaluator all(rules, bids, lot_bids);
    const auto in_all = static_cast<std::size_t>(all.position_of(o.bid));
    for (const Requirement& req : rules.requirements) {
        const bool ok = truthy(all.eval(req.test).at(in_all));
        x.requirements.push_back({ok, req.id, req.display_name(), explain_test(rules, all, req.test, in_all)});
        x.requirement_lines.push_back(std::string(ok ? "met     " : "NOT MET ") + req.id + " (" + req.display_name() +
                                      "): " + x.requirements.back().test);
    }
    x.admissible = o.admissible;
    x.eliminated = o.eliminated;
    if (!o.admissible) {
        x.rank_line = "inadmissible: not scored";
        return x;
    }

    // The set this bid was scored in: the ranked bids, or the admissible ones if a gate stopped it.
    std::vector<int> set;
    for (const BidOutcome& b : lot.bids)
        if (o.eliminated ? b.admissible : b.ranked()) set.push_back(b.bid);
    std::sort(set.begin(), set.end());
    Evaluator ev(rules, bids, set);
    const auto m = static_cast<std::size_t>(ev.position_of(o.bid));
    for (std::size_t c = 0; c < rules.criteria.size(); ++c) {
        const Criterion& crit = rules.criteria[c];
        if (o.eliminated && !crit.minimum) continue;
        ScoreExplanation s;
        s.criterion_id = crit.id;
        s.criterion_name = crit.display_name();
        s.formula = print_expr(crit.score);
        std::vector<std::string> inputs;
        ValueSubstitution sub(rules, ev, m, false);
        sub.inputs = &inputs;
        s.with_values = print_expr(crit.score, &sub);
        s.inputs = join(inputs, "; ");
        s.raw = ev.eval(crit.score).at(m);
        s.score = o.scores[c];
        s.clamped = o.clamped[c];
        s.weight = crit.weight;
        s.contribution = o.eliminated ? std::nan("") : o.contributions[c];
        const std::string w = format_number(crit.weight) + (crit.weight_kind == WeightKind::Percent ? " %" : " points");
        const bool default_scale = crit.scale_lo == 0 && crit.scale_hi == 100;
        s.contribution_formula =
            default_scale ? (crit.weight_kind == WeightKind::Percent
                                 ? format_score(s.score) + " x " + w + " = " + format_score(s.contribution)
                                 : format_score(s.score) + " / 100 x " + w + " = " + format_score(s.contribution))
                          : "(" + format_score(s.score) + " - " + format_number(crit.scale_lo) + ") / (" +
                                format_number(crit.scale_hi) + " - " + format_number(crit.scale_lo) + ") x " + w +
                                " = " + format_score(s.contribution);
        x.scores.push_back(s);
    }
    if (o.eliminated) {
        x.eliminated_by = o.excluded_because;
        x.rank_line = "eliminated before the final stage:";
        for (const Exclusion& e : o.excluded_because) x.rank_line += " " + e.rule_id + " (" + e.rule_name + "): " + e.detail + ";";
        x.rank_line.pop_back();
        return x;
    }
    std::vector<std::string> parts;
    for (const auto& s : x.scores) parts.push_back(format_score(s.contribution));
    x.total_line = "total = " + join(parts, " + ") + " = " + format_score(o.total);
    x.total = o.total;
    x.rank = o.rank;
    x.tied = o.tied;
    x.ranked_of = set.size();
    x.rank_line = "rank " + std::to_string(o.rank) + (o.tied ? " (tied)" : "") + " of " + std::to_string(set.size());
    x.flags = o.flags;
    for (const Flag& f : o.flags) x.flag_lines.push_back(f.rule_id + " (" + f.rule_name + "): " + f.detail);
    return x;
}

std::string format_explanation(const BidExplanation& x) {
    std::string out = "Bid: " + x.bidder + (x.lot.empty() ? "" : " (lot " + x.lot + ")") + "\n";
    if (!x.requirement_lines.empty()) {
        out += "\nRequirements\n";
        for (const auto& l : x.requirement_lines) out += "  " + l + "\n";
    }
    if (!x.scores.empty()) out += "\nScores\n";
    for (const auto& s : x.scores) {
        out += "  " + s.criterion_id + " (" + s.criterion_name + ")\n";
        out += "    rule:        " + s.formula + "\n";
        if (!s.inputs.empty()) out += "    inputs:      " + s.inputs + "\n";
        out += "    with values: " + s.with_values + " = " + format_score(s.raw) + "\n";
        if (s.clamped) out += "    clamped to the scale: " + format_score(s.score) + "\n";
        if (!std::isnan(s.contribution)) out += "    weighted:    " + s.contribution_formula + "\n";
    }
    if (!x.total_line.empty()) out += "\n" + x.total_line + "\n";
    out += x.rank_line + "\n";
    for (const auto& f : x.flag_lines) out += "FLAG " + f + "\n";
    return out;
}

}  // namespace tl
