#pragma once
/// What an evaluation produced: per lot, every bid with its admissibility, scores, total, rank
/// and flags. Every number here can be explained (see explain.hpp).
#include <optional>
#include <string>
#include <vector>

#include "core/message.hpp"

namespace tl {

/// Why a bid left the evaluation: a failed requirement, or a score under a gate's minimum.
struct Exclusion {
    std::string rule_id;    ///< requirement id, or criterion id for a gate
    std::string rule_name;  ///< display name
    std::string detail;     ///< `what` in English, e.g. "retreaded (25 %) >= 30 %"
    bool gate = false;
    std::string rule_name_ru;  ///< the rules' Russian name (may be empty)
    /// The detail as a value: the test with the bid's values (quoted as computed), or for a gate
    /// "score {score} is below the minimum {minimum}" (code "core.gate.below-minimum").
    Message what;
};

/// A warning about a ranked bid that the committee must look at (it changes no score).
struct Flag {
    std::string rule_id;  ///< abnormally-low rule id, or "undefined_score"
    std::string rule_name;
    std::string detail;        ///< `what` in English
    std::string rule_name_ru;  ///< the rules' Russian name (may be empty)
    Message what;              ///< the detail as a value (codes "core.flag.*")
};

/// Which tie-break step ordered a bid against a bid with the same total, with both values, so
/// that a losing bidder can follow its rank ("after the tie-break 'earlier_submission':
/// 2026-03-02T10:15 vs 2026-03-02T14:40 (VolgaTyre)").
struct TieBreakNote {
    int step = -1;             ///< index into CriteriaSet::tie_breaks; -1: the whole chain left them equal
    std::string step_text;     ///< the step as the rules write it: `earlier_submission`, `higher(warranty)`
    std::string value;         ///< this bid's value on that step, as shown (time stamp or value with unit)
    std::string other_value;   ///< the other bid's value
    std::string other_bidder;  ///< the bid it was compared with: the one ranked just above, else just below
};

struct BidOutcome {
    int bid = -1;  ///< index into BidTable::bids
    std::string bidder;
    bool admissible = false;  ///< met every requirement
    bool eliminated = false;  ///< admissible but below a gate's minimum
    std::vector<Exclusion> excluded_because;
    std::vector<double> scores;         ///< per criterion, on its scale; NaN where not scored
    std::vector<bool> clamped;          ///< per criterion: the raw score left the scale
    std::vector<double> contributions;  ///< per criterion: weighted share of the total
    double total = 0;
    int rank = 0;  ///< 1 = best; 0 = not ranked
    bool tied = false;
    /// Set when another ranked bid has the same total (within kTotalTolerance): how the chain
    /// decided between them (or that it could not: `tied`).
    std::optional<TieBreakNote> tie_break;
    /// Per `let` of the rules (CriteriaSet::lets order): its value for this bid over the set the
    /// bid was last evaluated in (ranked bids; admissible ones for a bid a gate stopped; all the
    /// lot's bids for an inadmissible one); NaN where undefined.
    std::vector<double> lets;
    std::vector<Flag> flags;
    bool ranked() const { return rank > 0; }
};

struct LotOutcome {
    std::string lot;       ///< lot id, empty for a single-lot tender
    std::string lot_name;
    std::vector<BidOutcome> bids;  ///< ranked bids by rank, then the others in file order
    std::vector<std::vector<std::string>> ties;  ///< groups of bidders sharing a rank
};

struct Result {
    std::vector<LotOutcome> lots;
};

}  // namespace tl
