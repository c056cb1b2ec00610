#pragma once
/// The evaluation workbook: the committee's document. Per lot a Summary (ranking, winner, ties,
/// inadmissible bids, flags, chart, signature block), the Bids as received, the Scores as live
/// formulas over the Bids (each holding TenderLoop's own value too), the Method (every rule, in
/// words and as the Excel formula used); one Audit sheet (version, time, SHA-256 of the inputs).
/// Layout and formulas: workbook_layout.hpp; the formula compiler: excel_formula.hpp.
#include <cstddef>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/bids.hpp"
#include "core/committee.hpp"
#include "core/criteria.hpp"
#include "core/result.hpp"
#include "core/rules_correction.hpp"

namespace tl::io {

/// Up to this many lots each lot has its own Summary, Bids, Scores and Method sheets; beyond it
/// all lots share one set of sheets with a Lot column (each lot a block of rows). 50 lots are 200
/// sheets: about as many tabs as anyone navigates, and libxlsxwriter holds one temporary file
/// open per sheet until the end, so it stays under the smallest common limits of open files
/// (256 on macOS, 512 C streams on Windows), leaving room for the rest of the process.
inline constexpr std::size_t kCombineLotsAbove = 50;

/// An input of the evaluation, as the Audit sheet records it.
struct ExportInput {
    std::string name;    ///< file name as given
    std::string sha256;  ///< of its bytes (sha256_hex)
};

struct ExportInfo {
    std::string tool_version;
    std::string exported_at;  ///< ISO 8601 UTC, e.g. 2026-11-29T20:15:00Z
    ExportInput rules, bids;
    /// When exported from a project file: the head of its audit log (SHA-256), so that
    /// `tenderloop audit verify --head HASH` can prove the log still extends what was signed.
    std::string audit_head;
    /// Not empty: the export is not recorded in the project's log, because the project file is
    /// read-only for this reason (English, e.g. "it is on a read-only medium").
    std::string not_recorded;
    /// When the rules have committee criteria and the scores come from a project: each
    /// evaluator's marks, the spread and the consensus, written to a Committee sheet.
    const CommitteeScores* committee = nullptr;
    /// When exported from a project whose rules were corrected after bids arrived: each
    /// correction with its diff, written to the Audit sheet.
    std::vector<RulesCorrection> rules_corrections;
    /// libxlsxwriter's constant_memory mode: memory does not grow with the number of bids.
    bool constant_memory = true;
    /// More lots than this: the combined layout (tests lower it to try that layout on few lots).
    std::size_t combine_lots_above = kCombineLotsAbove;
    /// Called before each step of the writing with the fraction done (0 .. 1), from the writing
    /// thread. Returning false cancels: the export then throws ExportCancelled and the target
    /// file stays as it was.
    std::function<bool(double fraction)> progress;
};

/// Thrown when ExportInfo::progress asked to stop.
struct ExportCancelled : std::runtime_error {
    ExportCancelled() : std::runtime_error("the export was cancelled; no file was written") {}
};

/// Writes the workbook to `path` (through a temporary file: on any error the target is untouched).
/// `result` must be tl::evaluate(rules, bids). Throws XlsxError (xlsx_book.hpp) with the file and
/// cell on failure.
void write_evaluation_workbook(const std::string& path, const CriteriaSet& rules, const BidTable& bids, const Result& result,
                               const ExportInfo& info);

}  // namespace tl::io
