#pragma once
// Internal to the evaluation workbook: one function per kind of sheet.
#include <functional>
#include <string>

#include "io/workbook/evaluation_workbook.hpp"
#include "io/workbook/workbook_formats.hpp"
#include "io/workbook/workbook_layout.hpp"

namespace tl::io::wb {

/// The sheets of one lot, by actual name.
struct LotSheets {
    std::string summary, bids, scores, method;
    lxw_worksheet *summary_ws = nullptr, *bids_ws = nullptr, *scores_ws = nullptr, *method_ws = nullptr;
};

/// Bids as received: one row per bid, one column per field, units in the headers.
/// With `committee`: a committee field whose criterion says `combine: mean | median` is a formula
/// reading that bid's value on the Committee sheet (committee_value_cell).
void write_bids_sheet(XlsxBook& book, Formats& fm, lxw_worksheet* ws, const LotLayout& layout,
                      const CommitteeScores* committee = nullptr);
/// Every computed column as live formulas with TenderLoop's values cached.
void write_scores_sheet(XlsxBook& book, Formats& fm, lxw_worksheet* ws, const LotLayout& layout);
/// Title, method, ranking, winner, ties, exclusions, flags, chart, signature block.
void write_summary_sheet(XlsxBook& book, Formats& fm, const LotSheets& sheets, const LotLayout& layout,
                         const ExportInfo& info);
/// The same, in two parts for sheets shared by many lots (the combined layout): the header row
/// and column widths once, then each lot's rows.
void write_bids_header(XlsxBook& book, Formats& fm, lxw_worksheet* ws, const LotLayout& layout);
void write_bids_rows(XlsxBook& book, Formats& fm, lxw_worksheet* ws, const LotLayout& layout,
                     const CommitteeScores* committee = nullptr);
void write_scores_header(XlsxBook& book, Formats& fm, lxw_worksheet* ws, const LotLayout& layout);
void write_scores_rows(XlsxBook& book, Formats& fm, lxw_worksheet* ws, const LotLayout& layout);
/// "Best price-quality ratio: price 40 % / quality 60 %" (eForms award criterion types).
std::string method_text(const CriteriaSet& rules);
/// The committee's signature block from `row` (names, roles and dates are the only unlocked
/// cells); returns the row after it.
int write_signature_block(XlsxBook& book, Formats& fm, lxw_worksheet* ws, int row);
/// Every lot on one set of sheets (docs/WORKBOOK.md, "Many lots"): `sheets` are the shared
/// Summary, Bids, Scores and Method sheets; `next_step` is called before each lot (progress).
void write_combined_lots(XlsxBook& book, Formats& fm, const LotSheets& sheets, const CriteriaSet& rules,
                         const BidTable& bids, const Result& result, const ExportInfo& info,
                         const std::function<void()>& next_step);
/// Each rule: weight, kind, as written, in words, the Excel formula used.
void write_method_sheet(XlsxBook& book, Formats& fm, lxw_worksheet* ws, const LotLayout& layout);
/// The committee's marks per committee criterion and bid: each evaluator, lowest, highest, spread,
/// mean, median (live formulas), dispersion, the consensus and the justifications.
/// The Committee sheet's cell (`Committee!$N$12`) holding the value the evaluation uses for this
/// criterion and bid when it is a formula (`combine: mean | median` with a submitted mark); ""
/// otherwise. Kept next to write_committee_sheet, which lays the rows out the same way.
std::string committee_value_cell(const CriteriaSet& rules, const CommitteeScores& committee, const std::string& criterion,
                                 const std::string& bidder, const std::string& lot);
void write_committee_sheet(XlsxBook& book, Formats& fm, lxw_worksheet* ws, const CriteriaSet& rules,
                           const CommitteeScores& committee);
/// Version, time, fingerprints of the inputs.
void write_audit_sheet(XlsxBook& book, Formats& fm, lxw_worksheet* ws, const CriteriaSet& rules, const BidTable& bids,
                       const ExportInfo& info);

/// Excel's serial day number of a day counted from 1970-01-01 (Excel's 1900 date system).
inline double excel_serial_date(double days_since_1970) { return days_since_1970 + kExcelSerialOf1970; }

}  // namespace tl::io::wb
