// The Audit sheet: which program made the workbook, when, and from which exact inputs.
#include <string>

#include "core/ranking.hpp"
#include "io/workbook/workbook_sheets.hpp"

namespace tl::io::wb {

void write_audit_sheet(XlsxBook& book, Formats& fm, lxw_worksheet* ws, const CriteriaSet& rules, const BidTable& bids,
                       const ExportInfo& info) {
    book.check(worksheet_set_column(ws, 0, 0, 26, nullptr), "column widths");
    book.check(worksheet_set_column(ws, 1, 1, 72, nullptr), "column widths");
    int row = 0;
    book.text(ws, row++, 0, "Audit", fm.title);
    auto line = [&](const std::string& label, const std::string& value) {
        book.text(ws, row, 0, label, fm.label);
        book.text(ws, row, 1, value, fm.wrap);
        ++row;
    };
    line("Made by", "TenderLoop " + info.tool_version);
    line("Exported at (UTC)", info.exported_at);
    line("Tender reference", rules.tender.reference);
    line("Rules file", info.rules.name);
    line("Rules SHA-256", info.rules.sha256);
    line("Bids file", info.bids.name);
    line("Bids SHA-256", info.bids.sha256);
    if (!info.audit_head.empty()) line("Project audit log head", info.audit_head);
    if (!info.not_recorded.empty())
        line("Export recorded", "no: nothing was recorded in the project, which was read-only (" + info.not_recorded + ")");
    line("Bids", std::to_string(bids.bids.size()));
    line("Lots", rules.tender.lots.empty() ? std::string("one (no lots)") : std::to_string(rules.tender.lots.size()));
    line("Totals compared with", "a relative tolerance of 1e-9 (equal totals go to the tie-break chain)");
    line("Rounding", "half away from zero (as Excel's ROUND)");
    if (!info.rules_corrections.empty()) {
        // Published criteria changed after bids arrived are the first thing a losing bidder asks
        // about: each correction with who, when, why and its line diff, one line per row, as text.
        ++row;
        book.text(ws, row++, 0, "Rules corrected after bids arrived", fm.subtitle);
        for (const RulesCorrection& c : info.rules_corrections) {
            line("Correction", "The rules were corrected after bids arrived: version " + std::to_string(c.version) +
                                   " on " + c.at + " by " + c.user);
            line("Reason", c.reason);
            for (const std::string& d : c.diff) {
                book.text(ws, row, 1, d, fm.text);
                ++row;
            }
        }
    }
    ++row;
    book.text(ws, row++, 0,
              "To check a fingerprint: `sha256sum FILE` (Linux), `Get-FileHash FILE` (Windows PowerShell) or "
              "`shasum -a 256 FILE` (macOS) must print the value above.",
              fm.note);
}

}  // namespace tl::io::wb
