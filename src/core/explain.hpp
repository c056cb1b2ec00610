#pragma once
/// Explanations: every number the tool shows a committee, with the rule, the inputs and the
/// formula with the values put in.
#include <optional>
#include <string>
#include <vector>

#include "core/bids.hpp"
#include "core/committee.hpp"
#include "core/criteria.hpp"
#include "core/evaluator.hpp"
#include "core/result.hpp"

namespace tl {

/// A score as shown to people: four decimals, half away from zero (`63.8333`).
std::string format_score(double v);

/// A value of expression `e` for people, in its unit (`12000000 RUB`, `40 %`, `yes`, `B`).
std::string format_value(const CriteriaSet& rules, const Expr& e, double v);

/// The expression with each input annotated with this bid's value:
/// `retreaded (25 %) >= 30 %`. `member` is the bid's position in the evaluator's set.
std::string explain_test(const CriteriaSet& rules, Evaluator& ev, const Expr& e, std::size_t member);

/// The expression with each input replaced by this bid's value: `100 * 11000000 RUB / 12000000 RUB`.
std::string substitute_values(const CriteriaSet& rules, Evaluator& ev, const Expr& e, std::size_t member);

/// How one criterion's score and contribution of one bid came about.
struct ScoreExplanation {
    std::string criterion_id, criterion_name;
    std::string criterion_name_ru;  ///< the rules' Russian name (may be empty)
    std::string formula;      ///< the rule as written (canonical printing)
    std::string inputs;       ///< `price = 12000000 RUB; lowest(price) = 11000000 RUB`
    std::string with_values;  ///< the formula with the values put in
    double raw = 0;           ///< the formula's value before clamping to the scale
    double score = 0;
    bool clamped = false;
    double weight = 0;
    WeightKind weight_kind = WeightKind::Percent;
    double scale_lo = 0, scale_hi = 100;  ///< the criterion's scale
    double contribution = 0;
    std::string contribution_formula;  ///< `91.6667 x 50 % = 45.8333` (English; see contribution_message)
    std::vector<std::string> aggregates;  ///< aggregates the formula uses, as written: `lowest(price)`
    /// A committee criterion in a project: the marks and how they made the value (note_committee).
    std::optional<CommitteeCell> committee;
};

/// A `let` a criterion uses, shown like a criterion: the rule, its inputs, the values put in.
struct LetExplanation {
    std::string id;
    std::string formula;      ///< the let's expression as written
    std::string inputs;       ///< `price = 12000000 RUB; discount = 5 %`
    std::string with_values;  ///< the expression with the values put in
    std::string value;        ///< its value for this bid, with its unit (`11400000 RUB`)
    std::vector<std::string> aggregates;  ///< aggregates it uses, as written
};

/// A bid of the lot that the aggregates did not range over, and why (requirements or gates).
struct LeftOut {
    std::string bidder;
    std::vector<Exclusion> because;
};

/// How a score became its weighted contribution, as a value: `91.6667 x 50 % = 45.8333`.
Message contribution_message(const ScoreExplanation& s);

/// One requirement checked for one bid.
struct RequirementCheck {
    bool met = false;
    std::string id, name;
    std::string name_ru;  ///< the rules' Russian name (may be empty)
    std::string test;  ///< the test with the bid's values: `retreaded (25 %) >= 30 %`
};

/// Everything about one bid: requirements, scores, total, rank, flags. The `*_line` texts are the
/// English report; the fields beside them hold the same facts, which format_explanation words in
/// any language.
struct BidExplanation {
    std::string bidder, lot;
    std::vector<RequirementCheck> requirements;
    std::vector<std::string> requirement_lines;  ///< one per requirement: pass/fail with values
    bool admissible = false, eliminated = false;
    std::vector<Exclusion> eliminated_by;  ///< the gates that stopped an eliminated bid
    int rank = 0;
    bool tied = false;
    std::size_t ranked_of = 0;  ///< how many bids were ranked in the lot
    double total = 0;
    std::vector<LetExplanation> lets;  ///< the lets the explained scores use, in the rules' order
    std::vector<ScoreExplanation> scores;
    /// The bids the aggregates ranged over (the ranked ones, or the admissible ones for a bid a
    /// gate eliminated), and the lot's other bids with the reason they were left out.
    std::vector<std::string> aggregate_set;
    std::vector<LeftOut> left_out;
    /// How the tie-break chain ordered this bid against one with the same total (see BidOutcome).
    std::optional<TieBreakNote> tie_break;
    std::string total_line, rank_line;
    std::vector<Flag> flags;
    std::vector<std::vector<std::string>> flag_aggregates;  ///< per flag: the aggregates its rule uses
    std::vector<std::string> flag_lines;
};

/// Explains bid `outcome` of `lot`. Scores are recomputed over the same set of bids that the
/// evaluation used (the ranked bids, or the admissible ones for a bid a gate eliminated).
BidExplanation explain_bid(const CriteriaSet& rules, const BidTable& bids, const LotOutcome& lot, const BidOutcome& outcome);

/// How the committee's value of `cell` was formed, with its numbers in `language`: "mean of 3
/// submitted marks (4, 5, 3) = 4", "the chair's consensus = 4", or what is still missing.
Message committee_value_message(const CommitteeCell& cell, const std::string& language);

/// Gives each committee criterion of `x` its cell of `scores` (same bidder, lot and criterion),
/// so that the explanation says how the committee's value was formed. For projects.
void note_committee(BidExplanation& x, const CommitteeScores& scores);

/// A readable multi-line text of an explanation in `t`'s language (`tenderloop explain`, the
/// desktop app's results view): labels and computed numbers follow the language (a decimal comma
/// in Russian), rule names are the rules' `name_ru` in Russian (name_in), and rule expressions,
/// also with the bid's values put in, stay in the rules' own notation.
std::string format_explanation(const BidExplanation& x, const Translator& t = english());

}  // namespace tl
