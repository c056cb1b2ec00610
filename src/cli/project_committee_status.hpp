#pragma once
/// `tenderloop committee P.tender status`: the committee's work so far, for a terminal.
#include <string>

#include "core/committee.hpp"

namespace tl::cli {

/// The members with their declarations and submissions; then per committee criterion a table of
/// bids x evaluators (the scores, spread, mean, median, consensus, dispersion flag) and what is
/// missing; then a summary line.
std::string format_committee_status(const CommitteeScores& scores);

}  // namespace tl::cli
