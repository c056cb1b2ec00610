#pragma once
/// The scoring engine: pure (inputs in, Result out; no I/O, no globals), so it runs on a worker
/// thread, in tests and in benchmarks alike.
#include "core/bids.hpp"
#include "core/criteria.hpp"
#include "core/result.hpp"

namespace tl {

/// Evaluates every lot: requirements, gates, scores, totals, ranking with tie-breaks, flags.
/// `bids.fields` must be the fields of `rules` (as read against them).
Result evaluate(const CriteriaSet& rules, const BidTable& bids);

/// Bid indices of one lot, in file order.
std::vector<int> bids_of_lot(const BidTable& bids, const std::string& lot);

}  // namespace tl
