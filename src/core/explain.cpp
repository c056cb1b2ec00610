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

bool is_comparison(BinOp op);

bool has_input(const Expr& e) {
    if (is_input(e) || (e.kind == ExprKind::Call && (e.func == Func::RatioLowest || e.func == Func::RatioHighest))) return true;
    for (const Expr& a : e.args)
        if (has_input(a)) return true;
    return false;
}

/// The aggregates `e` uses, as written, each once (`ratio_lowest(price)` uses `lowest(price)`).
void collect_aggregates(const Expr& e, std::vector<std::string>& out) {
    std::string text;
    if (e.kind == ExprKind::Call && (e.func == Func::RatioLowest || e.func == Func::RatioHighest) && !e.args.empty())
        text = std::string(e.func == Func::RatioLowest ? "lowest(" : "highest(") + print_expr(e.args[0]) + ")";
    else if (e.kind == ExprKind::Call && is_aggregate(e.func))
        text = print_expr(e);
    if (!text.empty() && std::find(out.begin(), out.end(), text) == out.end()) out.push_back(text);
    for (const Expr& a : e.args) collect_aggregates(a, out);
}

/// Marks the lets `e` uses, directly or through other lets.
void collect_lets(const CriteriaSet& rules, const Expr& e, std::vector<bool>& used) {
    if (e.kind == ExprKind::Name && e.ref == RefKind::Let && e.slot >= 0 && !used[static_cast<std::size_t>(e.slot)]) {
        used[static_cast<std::size_t>(e.slot)] = true;
        collect_lets(rules, rules.lets[static_cast<std::size_t>(e.slot)].expr, used);
    }
    for (const Expr& a : e.args) collect_lets(rules, a, used);
}

struct ValueSubstitution : ExprSubstitution {
    const CriteriaSet& rules;
    Evaluator& ev;
    std::size_t member;
    bool annotate;  // `name (value)` instead of `value`
    bool differences = true;  // a difference of dates with its days (off where the days follow anyway)
    std::vector<std::string>* inputs = nullptr;

    ValueSubstitution(const CriteriaSet& r, Evaluator& e, std::size_t m, bool a) : rules(r), ev(e), member(m), annotate(a) {}

    /// A difference of two dates, shown with its days.
    bool date_difference(const Expr& e) const {
        return differences && e.kind == ExprKind::Binary && e.bin == BinOp::Sub && e.args[0].type == ValueKind::Date &&
               e.args[1].type == ValueKind::Date;
    }

    bool substitute(const Expr& e, std::string& out) const override {
        // A date literal reads as the date itself: `2027-03-12 - 2027-03-01`.
        if (e.kind == ExprKind::Call && e.func == Func::Date) {
            out = format_iso_date(static_cast<int>(e.value));
            return true;
        }
        // The days between two dates are shown with their number: `2027-03-03 - 2027-02-25 = 6 days`.
        if (date_difference(e)) {
            auto operand = [&](const Expr& x) {
                const std::string text = print_expr(x, this);
                return x.kind == ExprKind::Binary ? "(" + text + ")" : text;
            };
            // No brackets of its own: the printer brackets it where the formula needs them.
            out = operand(e.args[0]) + " - " + operand(e.args[1]) + " = " + format_value(rules, e, ev.eval(e).at(member));
            return true;
        }
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
        // A test compares two sides: each side that is a computation shows its own value, so
        // `0.6 * mean_others(price)` reads `(0.6 * 90000 EUR = 54000 EUR)`, never as if the
        // aggregate's value were the product's.
        if (annotate && e.kind == ExprKind::Binary && is_comparison(e.bin)) {
            out = side(e.args[0]) + " " + binop_text(e.bin) + " " + side(e.args[1]);
            return true;
        }
        if (!is_input(e)) return false;
        const double v = ev.eval(e).at(member);
        const std::string value = format_value(rules, e, v);
        const std::string name = print_expr(e);
        out = annotate ? name + " (" + value + ")" : value;
        // Each input once, however often the formula uses it.
        if (inputs && std::find(inputs->begin(), inputs->end(), name + " = " + value) == inputs->end())
            inputs->push_back(name + " = " + value);
        return true;
    }

    /// One side of a comparison: an input as `name (value)`, a literal as written, a computation
    /// as written followed by `(its values put in = its value)`.
    std::string side(const Expr& e) const {
        if (is_input(e) || !has_input(e)) return print_expr(e, this);
        ValueSubstitution plain(rules, ev, member, false);
        plain.differences = false;  // `= 6 days` ends this text
        return print_expr(e) + " (" + print_expr(e, &plain) + " = " + format_value(rules, e, ev.eval(e).at(member)) + ")";
    }
};

bool is_comparison(BinOp op) {
    return op == BinOp::Lt || op == BinOp::Le || op == BinOp::Gt || op == BinOp::Ge || op == BinOp::Eq || op == BinOp::Ne;
}

std::string join(const std::vector<std::string>& parts, const std::string& sep) {
    std::string s;
    for (std::size_t i = 0; i < parts.size(); ++i) s += (i ? sep : "") + parts[i];
    return s;
}

/// The rules' Russian name for a Russian reader when there is one.
const std::string& pick(const std::string& name, const std::string& name_ru, const std::string& language) {
    return language == "ru" && !name_ru.empty() ? name_ru : name;
}

/// Code points, for lining labels up in any language.
std::size_t width(const std::string& s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

std::string pad(std::string s, std::size_t to) {
    for (std::size_t w = width(s); w < to; ++w) s += ' ';
    return s;
}

Message weight_message(double weight, WeightKind kind) {
    if (kind == WeightKind::Percent) return Message("core.weight.percent", TL_MSG("{weight} %")).number("weight", weight);
    // Whole points take the plural of their number in languages that have one (1 балл, 2 балла).
    if (weight == std::floor(weight) && std::fabs(weight) < 1e15)
        return Message("core.weight.points", TL_MSG_PLURAL("{weight} points", "{weight} points"))
            .count("weight", static_cast<long long>(weight));
    // A fraction of points (12.5 points): one form in Russian too (12,5 балла), its own msgid.
    return Message("core.weight.points-fraction", TL_MSG("{weight} {points}"))
        .number("weight", weight)
        .nested("points", Message("core.weight.points-word", TL_MSG("points")));
}

/// `total = 45.8333 + 6.0000 + 12.0000 = 63.8333`
std::string total_text(const BidExplanation& x, const Translator& t) {
    std::vector<std::string> parts;
    for (const auto& s : x.scores) parts.push_back(format_number_in(s.contribution, t.language(), 4));
    return word(Message("core.explain.total", TL_MSG("total = {terms} = {total}"))
                    .text("terms", join(parts, " + "))
                    .number("total", x.total, 4),
                t);
}

/// `rank 2 of 3`, `inadmissible: not scored`, `eliminated before the final stage: ...`
std::string rank_text(const BidExplanation& x, const Translator& t) {
    if (!x.admissible) return word(Message("core.explain.inadmissible", TL_MSG("inadmissible: not scored")), t);
    if (x.eliminated) {
        std::vector<std::string> gates;
        for (const Exclusion& e : x.eliminated_by)
            gates.push_back(e.rule_id + " (" + pick(e.rule_name, e.rule_name_ru, t.language()) + "): " +
                            (e.what.empty() ? e.detail : word(e.what, t)));
        return word(Message("core.explain.eliminated", TL_MSG("eliminated before the final stage: {gates}")).text("gates", join(gates, "; ")), t);
    }
    Message m = x.tied ? Message("core.explain.rank-tied", TL_MSG("rank {rank} (tied) of {count}"))
                       : Message("core.explain.rank", TL_MSG("rank {rank} of {count}"));
    m.count("rank", x.rank).count("count", static_cast<long long>(x.ranked_of));
    if (!x.tie_break) return word(m, t);
    const TieBreakNote& n = *x.tie_break;
    // The same total as another bid: which step ordered them, with both values, or that none did.
    const Message why = n.step < 0
        ? Message("core.explain.tie-chain-equal", TL_MSG("{rank}: the same total as {other} and equal on every tie-break"))
              .text("other", n.other_bidder)
        : Message("core.explain.tie-break-step", TL_MSG("{rank} after the tie-break '{step}': {value} vs {other_value} ({other}, the same total)"))
              .text("step", n.step_text)
              .text("value", n.value)
              .text("other_value", n.other_value)
              .text("other", n.other_bidder);
    return word(Message(why).nested("rank", m), t);
}

/// Where the lot's other bids went: `D (requirement 'x' not met), E (below the minimum of the gate 'q')`.
std::string left_out_text(const BidExplanation& x, const Translator& t) {
    std::vector<std::string> bids;
    for (const LeftOut& l : x.left_out) {
        std::vector<std::string> reasons;
        for (const Exclusion& e : l.because)
            reasons.push_back(word((e.gate ? Message("core.explain.left-out-gate", TL_MSG("below the minimum of the gate '{rule}'"))
                                           : Message("core.explain.left-out-requirement", TL_MSG("requirement '{rule}' not met")))
                                       .text("rule", pick(e.rule_name, e.rule_name_ru, t.language())),
                                   t));
        bids.push_back(word(Message("core.explain.left-out", TL_MSG("{bidder} ({reasons})")).text("bidder", l.bidder).text("reasons", join(reasons, ", ")), t));
    }
    return join(bids, ", ");
}

/// Which bids the aggregates of one formula ranged over, one line for those over the whole set
/// and one for those over the other bids (`mean_others`, `next_higher`...), with the lot's bids
/// left out and why: after a gate, a cheaper eliminated bid is not in `lowest(price)`.
std::vector<std::string> scope_lines(const BidExplanation& x, const std::vector<std::string>& aggregates, const Translator& t) {
    std::vector<std::string> whole, others;
    for (const std::string& a : aggregates)
        (a.find("_others(") != std::string::npos || a.rfind("next_", 0) == 0 ? others : whole).push_back(a);
    std::vector<std::string> other_bidders;
    for (const std::string& b : x.aggregate_set)
        if (b != x.bidder) other_bidders.push_back(b);
    const std::string left_out = x.left_out.empty() ? std::string()
        : word(Message("core.explain.not-among", TL_MSG("; not among them: {bids}")).text("bids", left_out_text(x, t)), t);
    std::vector<std::string> lines;
    if (!whole.empty()) {
        Message m = x.eliminated ? Message("core.explain.over-admissible", TL_MSG_PLURAL("{aggregates} over the {n} admissible bid: {bidders}", "{aggregates} over the {n} admissible bids: {bidders}"))
                                 : Message("core.explain.over-ranked", TL_MSG_PLURAL("{aggregates} over the {n} ranked bid: {bidders}", "{aggregates} over the {n} ranked bids: {bidders}"));
        lines.push_back(word(m.text("aggregates", join(whole, ", ")).count("n", static_cast<long long>(x.aggregate_set.size())).text("bidders", join(x.aggregate_set, ", ")), t) + left_out);
    }
    if (!others.empty()) {
        Message m = x.eliminated ? Message("core.explain.over-others-admissible", TL_MSG_PLURAL("{aggregates} over the {n} other admissible bid: {bidders}", "{aggregates} over the {n} other admissible bids: {bidders}"))
                                 : Message("core.explain.over-others-ranked", TL_MSG_PLURAL("{aggregates} over the {n} other ranked bid: {bidders}", "{aggregates} over the {n} other ranked bids: {bidders}"));
        lines.push_back(word(m.text("aggregates", join(others, ", ")).count("n", static_cast<long long>(other_bidders.size())).text("bidders", join(other_bidders, ", ")), t) + left_out);
    }
    return lines;
}

std::string flag_text(const Flag& f, const Translator& t) {
    return word(Message("core.explain.flag", TL_MSG("FLAG {rule} ({name}): {detail}"))
                    .text("rule", f.rule_id)
                    .text("name", pick(f.rule_name, f.rule_name_ru, t.language()))
                    .text("detail", f.what.empty() ? f.detail : word(f.what, t)),
                t);
}

std::string requirement_text(const RequirementCheck& r, std::size_t state_width, const Translator& t) {
    const std::string state = r.met ? word(Message("core.explain.met", TL_MSG("met")), t)
                                    : word(Message("core.explain.not-met", TL_MSG("NOT MET")), t);
    return pad(state, state_width) + r.id + " (" + pick(r.name, r.name_ru, t.language()) + "): " + r.test;
}

/// The width of the requirement states' column: the longer state and a space.
std::size_t state_width(const Translator& t) {
    return std::max(width(word(Message("core.explain.met", TL_MSG("met")), t)),
                    width(word(Message("core.explain.not-met", TL_MSG("NOT MET")), t))) + 1;
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

namespace {

/// Fills what every explained formula shows (a let's or a criterion's): the rule as written, its
/// inputs, the rule with the bid's values put in, and the aggregates it uses.
template <class Explanation>
void describe_formula(const CriteriaSet& rules, Evaluator& ev, std::size_t member, const Expr& e, Explanation& x) {
    x.formula = print_expr(e);
    std::vector<std::string> inputs;
    ValueSubstitution sub(rules, ev, member, false);
    sub.inputs = &inputs;
    x.with_values = print_expr(e, &sub);
    x.inputs = join(inputs, "; ");
    collect_aggregates(e, x.aggregates);
}

}  // namespace

BidExplanation explain_bid(const CriteriaSet& rules, const BidTable& bids, const LotOutcome& lot, const BidOutcome& o) {
    BidExplanation x;
    x.bidder = o.bidder;
    x.lot = lot.lot;

    const std::vector<int> lot_bids = bids_of_lot(bids, lot.lot);
    Evaluator all(rules, bids, lot_bids);
    const auto in_all = static_cast<std::size_t>(all.position_of(o.bid));
    for (const Requirement& req : rules.requirements) {
        const bool ok = truthy(all.eval(req.test).at(in_all));
        RequirementCheck check;
        check.met = ok;
        check.id = req.id;
        check.name = req.display_name();
        check.name_ru = req.name_ru;
        check.test = explain_test(rules, all, req.test, in_all);
        x.requirement_lines.push_back(requirement_text(check, state_width(english()), english()));
        x.requirements.push_back(std::move(check));
    }
    x.admissible = o.admissible;
    x.eliminated = o.eliminated;
    if (!o.admissible) {
        x.rank_line = rank_text(x, english());
        return x;
    }

    // The set this bid was scored in: the ranked bids, or the admissible ones if a gate stopped it.
    std::vector<int> set;
    for (const BidOutcome& b : lot.bids)
        if (o.eliminated ? b.admissible : b.ranked()) set.push_back(b.bid);
    std::sort(set.begin(), set.end());
    Evaluator ev(rules, bids, set);
    const auto m = static_cast<std::size_t>(ev.position_of(o.bid));
    for (int b : set) x.aggregate_set.push_back(bids.bids[static_cast<std::size_t>(b)].bidder);
    for (const BidOutcome& b : lot.bids)
        if (!std::binary_search(set.begin(), set.end(), b.bid)) x.left_out.push_back({b.bidder, b.excluded_because});
    std::vector<bool> used(rules.lets.size(), false);
    for (const Criterion& crit : rules.criteria)
        if (!o.eliminated || crit.minimum) collect_lets(rules, crit.score, used);
    for (std::size_t l = 0; l < rules.lets.size(); ++l) {
        if (!used[l]) continue;
        const LetDef& let = rules.lets[l];
        LetExplanation lx;
        lx.id = let.id;
        describe_formula(rules, ev, m, let.expr, lx);
        lx.value = format_value(rules, let.expr, ev.eval(let.expr).at(m));
        x.lets.push_back(std::move(lx));
    }
    for (std::size_t c = 0; c < rules.criteria.size(); ++c) {
        const Criterion& crit = rules.criteria[c];
        if (o.eliminated && !crit.minimum) continue;
        ScoreExplanation s;
        s.criterion_id = crit.id;
        s.criterion_name = crit.display_name();
        s.criterion_name_ru = crit.name_ru;
        describe_formula(rules, ev, m, crit.score, s);
        s.raw = ev.eval(crit.score).at(m);
        s.score = o.scores[c];
        s.clamped = o.clamped[c];
        s.weight = crit.weight;
        s.weight_kind = crit.weight_kind;
        s.scale_lo = crit.scale_lo;
        s.scale_hi = crit.scale_hi;
        s.contribution = o.eliminated ? std::nan("") : o.contributions[c];
        s.contribution_formula = word(contribution_message(s));
        x.scores.push_back(s);
    }
    if (o.eliminated) {
        x.eliminated_by = o.excluded_because;
        x.rank_line = rank_text(x, english());
        return x;
    }
    x.total = o.total;
    x.rank = o.rank;
    x.tied = o.tied;
    x.tie_break = o.tie_break;
    x.ranked_of = set.size();
    x.total_line = total_text(x, english());
    x.rank_line = rank_text(x, english());
    x.flags = o.flags;
    for (const Flag& f : o.flags) {
        x.flag_aggregates.emplace_back();
        for (const AbnormallyLowRule& rule : rules.abnormally_low)
            if (rule.id == f.rule_id) collect_aggregates(rule.when, x.flag_aggregates.back());
    }
    for (const Flag& f : o.flags) x.flag_lines.push_back(f.rule_id + " (" + f.rule_name + "): " + f.detail);
    return x;
}

Message contribution_message(const ScoreExplanation& s) {
    const bool default_scale = s.scale_lo == 0 && s.scale_hi == 100;
    Message m = !default_scale ? Message("core.explain.weighted-scale", TL_MSG("({score} - {low}) / ({high} - {low}) x {weight} = {contribution}"))
                                     .number("low", s.scale_lo)
                                     .number("high", s.scale_hi)
                : s.weight_kind == WeightKind::Percent
                    ? Message("core.explain.weighted-percent", TL_MSG("{score} x {weight} = {contribution}"))
                    : Message("core.explain.weighted-points", TL_MSG("{score} / 100 x {weight} = {contribution}"));
    return m.number("score", s.score, 4).nested("weight", weight_message(s.weight, s.weight_kind)).number("contribution", s.contribution, 4);
}

Message committee_value_message(const CommitteeCell& cell, const std::string& language) {
    if (cell.combine == CommitteeCombine::Consensus)
        return cell.consensus ? Message("core.committee.consensus", TL_MSG("the chair's consensus = {value}"))
                                    .number("value", cell.consensus->value)
                              : Message("core.committee.no-consensus", TL_MSG("no consensus recorded by the chair yet"));
    if (cell.submitted.empty())
        return Message("core.committee.no-submitted-mark",
                       TL_MSG("no submitted mark yet (the evaluators' submitted marks are needed)"));
    // The marks as one list in the reader's notation ("4,5; 3" in Russian, where the comma is decimal).
    std::string marks;
    for (std::size_t i = 0; i < cell.submitted.size(); ++i)
        marks += (i ? (language == "ru" ? "; " : ", ") : "") + format_number_in(cell.submitted[i], language);
    const auto n = static_cast<long long>(cell.submitted.size());
    Message m = cell.combine == CommitteeCombine::Mean
                    ? Message("core.committee.mean", TL_MSG_PLURAL("mean of {n} submitted mark ({marks}) = {value}",
                                                                   "mean of {n} submitted marks ({marks}) = {value}"))
                    : Message("core.committee.median", TL_MSG_PLURAL("median of {n} submitted mark ({marks}) = {value}",
                                                                     "median of {n} submitted marks ({marks}) = {value}"));
    // Four decimals at most, as scores are shown, without trailing zeros: "= 4", "= 3.6667".
    return m.count("n", n).text("marks", marks).number("value", std::round(cell.value * 10000) / 10000);
}

void note_committee(BidExplanation& x, const CommitteeScores& scores) {
    for (ScoreExplanation& s : x.scores)
        for (const CommitteeCell& cell : scores.cells)
            if (cell.criterion_id == s.criterion_id && cell.bidder == x.bidder && cell.lot == x.lot) s.committee = cell;
}

std::string format_explanation(const BidExplanation& x, const Translator& t) {
    const std::string& lang = t.language();
    std::string out = word(Message("core.explain.bid", TL_MSG("Bid: {bidder}{lot}"))
                               .text("bidder", x.bidder)
                               .nested("lot", x.lot.empty() ? Message() : Message("core.explain.lot", TL_MSG(" (lot {lot})")).text("lot", x.lot)),
                           t) +
                      "\n";
    if (!x.requirements.empty()) {
        out += "\n" + word(Message("core.explain.requirements", TL_MSG("Requirements")), t) + "\n";
        const std::size_t w = state_width(t);
        for (const auto& r : x.requirements) out += "  " + requirement_text(r, w, t) + "\n";
    }
    // "label:" padded so that the values line up, whatever the language's label lengths.
    const std::string rule = word(Message("core.explain.rule", TL_MSG("rule")), t) + ":";
    const std::string inputs = word(Message("core.explain.inputs", TL_MSG("inputs")), t) + ":";
    const std::string with_values = word(Message("core.explain.with-values", TL_MSG("with values")), t) + ":";
    const std::string weighted = word(Message("core.explain.weighted", TL_MSG("weighted")), t) + ":";
    std::size_t w = 0;
    for (const std::string* l : {&rule, &inputs, &with_values, &weighted}) w = std::max(w, width(*l) + 1);
    if (!x.lets.empty()) out += "\n" + word(Message("core.explain.lets", TL_MSG("Values the scores use (let)")), t) + "\n";
    for (const auto& l : x.lets) {
        out += "  " + l.id + "\n";
        out += "    " + pad(rule, w) + l.formula + "\n";
        if (!l.inputs.empty()) out += "    " + pad(inputs, w) + l.inputs + "\n";
        for (const std::string& line : scope_lines(x, l.aggregates, t)) out += "    " + line + "\n";
        // A constant as written (`0.12 EUR/kWh`) is its own value: no line to repeat it.
        if (!(l.inputs.empty() && l.with_values == l.value))
            out += "    " + pad(with_values, w) + l.with_values + " = " + l.value + "\n";
    }
    if (!x.scores.empty()) out += "\n" + word(Message("core.explain.scores", TL_MSG("Scores")), t) + "\n";
    for (const auto& s : x.scores) {
        out += "  " + s.criterion_id + " (" + pick(s.criterion_name, s.criterion_name_ru, lang) + ")\n";
        out += "    " + pad(rule, w) + s.formula + "\n";
        if (!s.inputs.empty()) out += "    " + pad(inputs, w) + s.inputs + "\n";
        if (s.committee)
            out += "    " + word(Message("core.explain.committee", TL_MSG("committee: {how}"))
                                     .nested("how", committee_value_message(*s.committee, lang)),
                                 t) +
                   "\n";
        for (const std::string& line : scope_lines(x, s.aggregates, t)) out += "    " + line + "\n";
        out += "    " + pad(with_values, w) + s.with_values + " = " + format_number_in(s.raw, lang, 4) + "\n";
        if (s.clamped)
            out += "    " + word(Message("core.explain.clamped", TL_MSG("clamped to the scale: {score}")).number("score", s.score, 4), t) + "\n";
        if (!std::isnan(s.contribution)) out += "    " + pad(weighted, w) + word(contribution_message(s), t) + "\n";
    }
    if (x.admissible && !x.eliminated) out += "\n" + total_text(x, t) + "\n";
    out += rank_text(x, t) + "\n";
    for (std::size_t i = 0; i < x.flags.size(); ++i) {
        out += flag_text(x.flags[i], t) + "\n";
        if (i < x.flag_aggregates.size())
            for (const std::string& line : scope_lines(x, x.flag_aggregates[i], t)) out += "  " + line + "\n";
    }
    return out;
}

}  // namespace tl
