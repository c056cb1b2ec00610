#pragma once
/// Ranking by total with the declared tie-break chain.
#include <cstddef>
#include <optional>
#include <vector>

#include "core/bids.hpp"
#include "core/criteria.hpp"
#include "core/evaluator.hpp"
#include "core/result.hpp"

namespace tl {

struct Ranking {
    std::vector<int> rank;            ///< per member of the set: 1 = best; equal bids share a rank
    std::vector<bool> tied;           ///< per member: shares its rank with another bid
    std::vector<std::size_t> order;   ///< members from best to worst
    std::vector<std::vector<std::size_t>> tie_groups;  ///< members sharing a rank, in order
    /// Per member: how the chain ordered it against a bid with the same total (empty when no
    /// other bid has its total). Values are worded as people read them (format_value).
    std::vector<std::optional<TieBreakNote>> tie_break;
};

/// Totals within this relative distance count as equal: totals reached by different formulas in
/// double precision can differ in the last bits while being the same number on paper.
constexpr double kTotalTolerance = 1e-9;

/// Ranks the evaluator's set by `totals` (highest first). Equal totals go through
/// `rules.tie_breaks` in order; bids equal after the whole chain share a rank ("1, 1, 3").
/// The evaluator must already hold the criterion scores (tie-breaks may name criteria).
Ranking rank_bids(const CriteriaSet& rules, const BidTable& bids, Evaluator& ev, const std::vector<double>& totals);

}  // namespace tl
