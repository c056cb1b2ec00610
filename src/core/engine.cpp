#include "core/engine.hpp"

#include <cmath>

#include "core/decimal_compare.hpp"
#include "core/evaluator.hpp"
#include "core/explain.hpp"
#include "core/ranking.hpp"

namespace tl {

namespace {

/// A requirement's test or a rule's condition with the bid's values: expression text, shown as
/// computed in every language (it is the rules' notation).
Message test_with_values(const std::string& code, const std::string& test) {
    return Message(code, TL_MSG("{test}")).text("test", test);
}

template <class Rule>
Exclusion exclusion(const Rule& rule, Message what, bool gate) {
    const std::string english = word(what);
    return {rule.id, rule.display_name(), english, gate, rule.name_ru, std::move(what)};
}

template <class Rule>
Flag flag(const std::string& id, const Rule& rule, Message what) {
    const std::string english = word(what);
    return {id, rule.display_name(), english, rule.name_ru, std::move(what)};
}

struct Scored {
    std::vector<std::vector<double>> scores;  // [criterion][member]
    std::vector<std::vector<bool>> clamped;
    std::vector<std::vector<bool>> overflowed;  // the score was infinite (now NaN: undefined)
};

// Scores of the given criteria over the evaluator's set, clamped to each criterion's scale.
Scored score_criteria(const CriteriaSet& rules, Evaluator& ev, const std::vector<int>& which) {
    Scored s;
    s.scores.resize(rules.criteria.size());
    s.clamped.resize(rules.criteria.size());
    s.overflowed.resize(rules.criteria.size());
    for (int c : which) {
        const Criterion& crit = rules.criteria[static_cast<std::size_t>(c)];
        std::vector<double> v = ev.eval(crit.score).expanded(ev.size());
        std::vector<bool> clamped(v.size(), false), overflowed(v.size(), false);
        for (std::size_t i = 0; i < v.size(); ++i) {
            // An overflow to infinity is no measure of quality: clamping it would hand out full
            // points unnoticed. It is undefined, and flagged as such.
            if (std::isinf(v[i])) {
                v[i] = std::nan("");
                overflowed[i] = true;
            }
            if (std::isnan(v[i])) continue;
            if (v[i] < crit.scale_lo || v[i] > crit.scale_hi) {
                v[i] = std::min(std::max(v[i], crit.scale_lo), crit.scale_hi);
                clamped[i] = true;
            }
        }
        s.scores[static_cast<std::size_t>(c)] = std::move(v);
        s.clamped[static_cast<std::size_t>(c)] = std::move(clamped);
        s.overflowed[static_cast<std::size_t>(c)] = std::move(overflowed);
    }
    return s;
}

/// Every let's value for every bid of the evaluator's set, into their outcomes (`lets`).
template <class OutcomeOf>
void record_lets(const CriteriaSet& rules, Evaluator& ev, OutcomeOf&& outcome_of) {
    for (std::size_t l = 0; l < rules.lets.size(); ++l) {
        Expr ref;
        ref.kind = ExprKind::Name;
        ref.ref = RefKind::Let;
        ref.slot = static_cast<int>(l);
        const Column v = ev.eval(ref);
        for (std::size_t m = 0; m < ev.size(); ++m) outcome_of(ev.member(m)).lets[l] = v.at(m);
    }
}

std::vector<int> all_criteria(const CriteriaSet& rules) {
    std::vector<int> v;
    for (std::size_t c = 0; c < rules.criteria.size(); ++c) v.push_back(static_cast<int>(c));
    return v;
}

LotOutcome evaluate_lot(const CriteriaSet& rules, const BidTable& bids, const Lot& lot) {
    LotOutcome out;
    out.lot = lot.id;
    out.lot_name = lot.name;
    const std::vector<int> lot_bids = bids_of_lot(bids, lot.id);
    const std::size_t n_crit = rules.criteria.size();
    const double nan = std::nan("");

    std::vector<BidOutcome> outcomes(lot_bids.size());
    for (std::size_t i = 0; i < lot_bids.size(); ++i) {
        outcomes[i].bid = lot_bids[i];
        outcomes[i].bidder = bids.bids[static_cast<std::size_t>(lot_bids[i])].bidder;
        outcomes[i].scores.assign(n_crit, nan);
        outcomes[i].clamped.assign(n_crit, false);
        outcomes[i].contributions.assign(n_crit, nan);
        outcomes[i].lets.assign(rules.lets.size(), nan);
    }

    // Stage 1: requirements, bid by bid.
    Evaluator all(rules, bids, lot_bids);
    for (const Requirement& req : rules.requirements) {
        const Column passed = all.eval(req.test);
        for (std::size_t i = 0; i < lot_bids.size(); ++i)
            if (!truthy(passed.at(i)))
                outcomes[i].excluded_because.push_back(
                    exclusion(req, test_with_values("core.requirement.failed", explain_test(rules, all, req.test, i)), false));
    }
    std::vector<int> admissible;
    for (std::size_t i = 0; i < lot_bids.size(); ++i) {
        outcomes[i].admissible = outcomes[i].excluded_because.empty();
        if (outcomes[i].admissible) admissible.push_back(lot_bids[i]);
    }
    std::vector<std::size_t> slot_of_bid(bids.bids.size(), 0);
    for (std::size_t i = 0; i < lot_bids.size(); ++i) slot_of_bid[static_cast<std::size_t>(lot_bids[i])] = i;
    auto outcome_of = [&](int bid) -> BidOutcome& { return outcomes[slot_of_bid[static_cast<std::size_t>(bid)]]; };
    // Each stage overwrites the lets of the bids it evaluates: a bid keeps those of its last set.
    record_lets(rules, all, outcome_of);

    // Stage 2: gates over the admissible bids (EU case C-546/16: a minimum technical score may
    // eliminate bids before price is scored).
    std::vector<int> gates;
    for (std::size_t c = 0; c < n_crit; ++c)
        if (rules.criteria[c].minimum) gates.push_back(static_cast<int>(c));
    std::vector<int> survivors = admissible;
    if (!gates.empty() && !admissible.empty()) {
        Evaluator gate_stage(rules, bids, admissible);
        Scored gs = score_criteria(rules, gate_stage, gates);
        record_lets(rules, gate_stage, outcome_of);
        survivors.clear();
        for (std::size_t m = 0; m < admissible.size(); ++m) {
            BidOutcome& o = outcome_of(admissible[m]);
            for (int c : gates) {
                const Criterion& crit = rules.criteria[static_cast<std::size_t>(c)];
                const double s = gs.scores[static_cast<std::size_t>(c)][m];
                // A minimum compares as decimals, as the rules' operators do: 9.999999999999998
                // meets a minimum of 10 (an undefined score does not).
                if (std::isnan(s) || !decimal_greater_equal(s, *crit.minimum)) {
                    o.scores[static_cast<std::size_t>(c)] = s;
                    o.clamped[static_cast<std::size_t>(c)] = gs.clamped[static_cast<std::size_t>(c)][m];
                    o.excluded_because.push_back(exclusion(
                        crit,
                        Message("core.gate.below-minimum", TL_MSG("score {score} is below the minimum {minimum}"))
                            .number("score", s, 4)
                            .number("minimum", *crit.minimum, 4),
                        true));
                }
            }
            if (o.excluded_because.empty()) survivors.push_back(admissible[m]);
            else o.eliminated = true;
        }
    }

    // Stage 3: every criterion over the survivors, aggregates recomputed.
    Evaluator final_stage(rules, bids, survivors);
    Scored fs = score_criteria(rules, final_stage, all_criteria(rules));
    record_lets(rules, final_stage, outcome_of);
    std::vector<double> totals(survivors.size(), 0);
    for (std::size_t m = 0; m < survivors.size(); ++m) {
        BidOutcome& o = outcome_of(survivors[m]);
        for (std::size_t c = 0; c < n_crit; ++c) {
            const Criterion& crit = rules.criteria[c];
            double s = fs.scores[c][m];
            o.clamped[c] = fs.clamped[c][m];
            if (std::isnan(s)) {
                o.flags.push_back(flag(
                    "undefined_score", crit,
                    crit.committee_field >= 0 && crit.combine != CommitteeCombine::Consensus
                        ? Message("core.flag.no-submitted-mark",
                                  TL_MSG("no submitted mark of the committee is recorded for '{criterion}' (counted as {counted})"))
                              .text("criterion", crit.id)
                              .number("counted", crit.scale_lo, 4)
                    : crit.committee_field >= 0
                        ? Message("core.flag.no-consensus",
                                  TL_MSG("no consensus score of the committee is recorded for '{criterion}' (counted as {counted})"))
                              .text("criterion", crit.id)
                              .number("counted", crit.scale_lo, 4)
                    : fs.overflowed[c][m]
                        ? Message("core.flag.infinite-score",
                                  TL_MSG("the score of '{criterion}' is infinite for this bid, a calculation overflowed "
                                         "(counted as {counted}): {test}"))
                              .text("criterion", crit.id)
                              .number("counted", crit.scale_lo, 4)
                              .text("test", explain_test(rules, final_stage, crit.score, m))
                        : Message("core.flag.undefined-score",
                                  TL_MSG("the score of '{criterion}' is undefined for this bid (counted as {counted}): {test}"))
                              .text("criterion", crit.id)
                              .number("counted", crit.scale_lo, 4)
                              .text("test", explain_test(rules, final_stage, crit.score, m))));
                s = crit.scale_lo;
                fs.scores[c][m] = s;  // tie-breaks must see the score the total counted
            }
            o.scores[c] = s;
            o.contributions[c] = (s - crit.scale_lo) / (crit.scale_hi - crit.scale_lo) * crit.weight;
            o.total += o.contributions[c];
        }
        totals[m] = o.total;
    }
    for (std::size_t c = 0; c < n_crit; ++c) final_stage.set_criterion_scores(static_cast<int>(c), fs.scores[c]);

    // Stage 4: ranking with the tie-break chain.
    const Ranking ranking = rank_bids(rules, bids, final_stage, totals);
    for (std::size_t m = 0; m < survivors.size(); ++m) {
        BidOutcome& o = outcome_of(survivors[m]);
        o.rank = ranking.rank[m];
        o.tied = ranking.tied[m];
        o.tie_break = ranking.tie_break[m];
    }
    for (const auto& group : ranking.tie_groups) {
        std::vector<std::string> names;
        for (std::size_t m : group) names.push_back(outcome_of(survivors[m]).bidder);
        out.ties.push_back(names);
    }

    // Stage 5: abnormally-low flags over the ranked bids.
    for (const AbnormallyLowRule& rule : rules.abnormally_low) {
        const Column hit = final_stage.eval(rule.when);
        for (std::size_t m = 0; m < survivors.size(); ++m)
            if (truthy(hit.at(m)))
                outcome_of(survivors[m]).flags.push_back(
                    flag(rule.id, rule, test_with_values("core.flag.abnormally-low", explain_test(rules, final_stage, rule.when, m))));
    }

    out.bids.reserve(outcomes.size());
    for (std::size_t m : ranking.order) out.bids.push_back(std::move(outcome_of(survivors[m])));
    for (auto& o : outcomes)
        if (o.bid >= 0 && !o.ranked()) out.bids.push_back(std::move(o));
    return out;
}

}  // namespace

std::vector<int> bids_of_lot(const BidTable& bids, const std::string& lot) {
    std::vector<int> v;
    for (std::size_t i = 0; i < bids.bids.size(); ++i)
        if (bids.bids[i].lot == lot) v.push_back(static_cast<int>(i));
    return v;
}

Result evaluate(const CriteriaSet& rules, const BidTable& bids) {
    Result r;
    if (rules.tender.lots.empty()) {
        r.lots.push_back(evaluate_lot(rules, bids, Lot{}));
    } else {
        for (const Lot& lot : rules.tender.lots) r.lots.push_back(evaluate_lot(rules, bids, lot));
    }
    return r;
}

}  // namespace tl
