#pragma once
/// The three ways `evaluate` prints a Result: for people (text), for programs (JSON) and for
/// spreadsheets (CSV). Each takes the rules for names and the criteria's order.
#include <string>

#include "core/criteria.hpp"
#include "core/result.hpp"
#include "io/csv/csv_cells.hpp"

namespace tl::cli {

/// Per lot: a header, the ranking table, exclusions, ties, flags and the winner.
std::string format_text(const CriteriaSet& rules, const Result& result);

/// The tender, and per lot every bid with rank, total, scores, exclusions, flags (see cmd_evaluate).
std::string format_json(const CriteriaSet& rules, const Result& result);

/// One row per bid: lot,rank,bidder,total,<criterion ids>,admissible,flags.
std::string format_csv(const CriteriaSet& rules, const Result& result);

/// One CSV cell of outside text, guarded against formula injection (shared with every CSV
/// TenderLoop writes; see io/csv_cells.hpp).
using io::csv_text_cell;

}  // namespace tl::cli
