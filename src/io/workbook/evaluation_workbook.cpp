// The evaluation workbook: creates the sheets of each lot, lays out its Scores sheet and writes
// every sheet; the file appears only when all of it was written (XlsxBook::commit).
#include "io/workbook/evaluation_workbook.hpp"

#include <memory>
#include <vector>

#include "io/workbook/workbook_sheets.hpp"

namespace tl::io {

void write_evaluation_workbook(const std::string& path, const CriteriaSet& rules, const BidTable& bids, const Result& result,
                               const ExportInfo& info) {
    XlsxBook book(path, info.constant_memory);
    wb::Formats formats(book);
    const bool lots = result.lots.size() > 1 || (result.lots.size() == 1 && !result.lots[0].lot.empty());
    // Many lots: one set of sheets for all of them (one temporary file per sheet stays open).
    const bool combined = result.lots.size() > info.combine_lots_above;

    // Sheets first (their order is the tab order), then their contents.
    std::vector<wb::LotSheets> sheets(combined ? 1 : result.lots.size());
    for (std::size_t l = 0; l < sheets.size(); ++l) {
        const std::string suffix = lots && !combined ? " " + result.lots[l].lot : "";
        wb::LotSheets& s = sheets[l];
        s.summary_ws = book.add_sheet("Summary" + suffix, &s.summary);
        s.bids_ws = book.add_sheet("Bids" + suffix, &s.bids);
        s.scores_ws = book.add_sheet("Scores" + suffix, &s.scores);
        s.method_ws = book.add_sheet("Method" + suffix, &s.method);
    }
    const bool committee = info.committee != nullptr && !info.committee->criteria.empty();
    lxw_worksheet* committee_ws = committee ? book.add_sheet("Committee") : nullptr;
    lxw_worksheet* audit = book.add_sheet("Audit");

    // Progress in steps: per lot the Bids and Scores sheets (most of the work), the rest, and the
    // final zip. Cancelling between steps leaves the temporary file, which XlsxBook removes.
    const double steps = (combined ? 1.0 : 3.0) * static_cast<double>(result.lots.size()) + 2.0;
    double step = 0;
    auto next_step = [&] {
        if (info.progress && !info.progress(step / steps)) throw ExportCancelled();
        ++step;
    };
    if (combined) wb::write_combined_lots(book, formats, sheets[0], rules, bids, result, info, next_step);
    for (std::size_t l = 0; !combined && l < result.lots.size(); ++l) {
        const wb::LotSheets& s = sheets[l];
        const wb::LotLayout layout(rules, bids, result.lots[l], s.bids, s.scores);
        next_step();
        wb::write_bids_sheet(book, formats, s.bids_ws, layout, info.committee);
        next_step();
        wb::write_scores_sheet(book, formats, s.scores_ws, layout);
        next_step();
        wb::write_summary_sheet(book, formats, s, layout, info);
        wb::write_method_sheet(book, formats, s.method_ws, layout);
        const std::string reference = rules.tender.reference + (lots ? " — lot " + result.lots[l].lot : "");
        for (lxw_worksheet* ws : {s.summary_ws, s.bids_ws, s.scores_ws, s.method_ws}) {
            wb::setup_page(book, ws, reference, ws != s.summary_ws);
            wb::protect_sheet(ws);
        }
    }
    if (committee) {
        wb::write_committee_sheet(book, formats, committee_ws, rules, *info.committee);
        wb::setup_page(book, committee_ws, rules.tender.reference, false);
        wb::protect_sheet(committee_ws);
    }
    next_step();
    wb::write_audit_sheet(book, formats, audit, rules, bids, info);
    wb::setup_page(book, audit, rules.tender.reference, false);
    wb::protect_sheet(audit);
    next_step();
    book.commit();
    if (info.progress) info.progress(1.0);
}

}  // namespace tl::io
