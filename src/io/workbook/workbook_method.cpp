// The Method sheet: how every number of the workbook is computed, for a committee member, a losing
// bidder or a court: each rule with its weight and kind, as written, in words, and the Excel
// formula of its first row on the Scores sheet.
#include <algorithm>

#include "core/number_format.hpp"
#include "io/workbook/workbook_sheets.hpp"

namespace tl::io::wb {

namespace {

std::string arrows(const Expr& call, std::size_t from) {
    std::string s;
    for (std::size_t i = from; i < call.args.size(); ++i) s += (s.empty() ? "" : "; ") + print_expr(call.args[i]);
    return s;
}

// The top-level construct of a score in plain words.
std::string in_words(const Expr& e) {
    if (e.kind != ExprKind::Call || e.args.empty()) return "computed as written, from this bid's values";
    const std::string x = print_expr(e.args[0]);
    switch (e.func) {
        case Func::RatioLowest:
            return "100 x the lowest " + x + " among the ranked bids / this bid's " + x + " (the lowest gets 100)";
        case Func::RatioHighest:
            return "100 x this bid's " + x + " / the highest " + x + " among the ranked bids (the highest gets 100)";
        case Func::Linear:
            return "straight-line interpolation of " + x + " between the points " + arrows(e, 1) +
                   "; below the first and above the last point the end score holds";
        case Func::Steps:
            return "step scale on " + x + ", the first matching band gives the score: " + arrows(e, 1);
        case Func::Table: return "lookup of " + x + " in the table " + arrows(e, 1);
        case Func::Npv: return "net present value over the years (costs discounted at the given rate): " + print_expr(e);
        default: return "computed as written, from this bid's values";
    }
}

std::string kind_name(const Criterion& c) { return std::string(criterion_kind_name(c.kind)) + " criterion"; }

}  // namespace

void write_method_sheet(XlsxBook& book, Formats& fm, lxw_worksheet* ws, const LotLayout& layout) {
    const CriteriaSet& rules = layout.rules();
    const double widths[] = {14, 16, 24, 10, 10, 50, 50, 60, 24};
    for (int c = 0; c < 9; ++c) book.check(worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), widths[c], fm.wrap), "column widths");
    const char* headers[] = {"Kind", "Id", "Name", "Weight", "Scale", "The rule as written", "In words",
                             "Excel formula (Scores sheet, first bid's row)", "Formula or value"};
    for (int c = 0; c < 9; ++c) book.text(ws, 0, c, headers[c], fm.header);
    worksheet_freeze_panes(ws, 1, 0);
    int row = 1;
    const int first_row = layout.excel_row(0);
    // The formula of a Scores column, with `=` as one types it; text, never a live formula here.
    auto formula_of = [&](ColumnRole role, int index, std::string& exact) {
        const int col = layout.column_of(role, index);
        if (col < 0) return std::string();
        const ScoresColumn& c = layout.columns()[static_cast<std::size_t>(col)];
        exact = c.exact ? "formula (column " + column_letters(col) + ")"
                        : "VALUE ONLY (column " + column_letters(col) + "): " + c.why_not;
        if (!c.exact) return std::string("(no exact formula: the cells hold TenderLoop's values)");
        return "=" + at_row(c.formula, first_row);
    };
    auto put = [&](const std::string& kind, const std::string& id, const std::string& name, const std::string& weight,
                   const std::string& scale, const std::string& as_written, const std::string& words, ColumnRole role, int index) {
        std::string exact;
        const std::string formula = formula_of(role, index, exact);
        // Rows do not grow by themselves in every program: size them for the longest wrapped text.
        std::size_t lines = 1;
        const std::string* texts[] = {&kind, &id, &name, &weight, &scale, &as_written, &words, &formula, &exact};
        for (int c = 0; c < 9; ++c)
            lines = std::max(lines, texts[c]->size() / static_cast<std::size_t>(widths[c]) + 1);
        book.check(worksheet_set_row(ws, static_cast<lxw_row_t>(row), 12.75 * static_cast<double>(std::min<std::size_t>(lines, 30)), nullptr),
                   "row height");
        book.text(ws, row, 0, kind, fm.wrap);
        book.text(ws, row, 1, id, fm.wrap);
        book.text(ws, row, 2, name, fm.wrap);
        book.text(ws, row, 3, weight, fm.wrap);
        book.text(ws, row, 4, scale, fm.wrap);
        book.text(ws, row, 5, as_written, fm.wrap);
        book.text(ws, row, 6, words, fm.wrap);
        book.text(ws, row, 7, formula, fm.wrap);
        book.text(ws, row, 8, exact, exact.rfind("VALUE", 0) == 0 ? fm.warning : fm.wrap);
        ++row;
    };
    for (std::size_t r = 0; r < rules.requirements.size(); ++r) {
        const Requirement& q = rules.requirements[r];
        put("Requirement", q.id, q.display_name(), "", "pass/fail", print_expr(q.test),
            (q.description.empty() ? "" : q.description + ". ") + "A bid failing this test is inadmissible; an unknown value fails.",
            ColumnRole::Requirement, static_cast<int>(r));
    }
    for (std::size_t c = 0; c < rules.criteria.size(); ++c) {
        const Criterion& k = rules.criteria[c];
        std::string words = (k.description.empty() ? "" : k.description + ". ") + in_words(k.score) +
                            ". Scores outside the scale are clamped to it; an undefined score counts as " + format_number(k.scale_lo) + ".";
        if (k.minimum)
            words += " Gate: admissible bids scoring below " + format_number(*k.minimum) +
                     " (aggregates over the admissible bids) are eliminated before the final scoring.";
        put(kind_name(k), k.id, k.display_name(), format_number(k.weight) + (k.weight_kind == WeightKind::Percent ? " %" : " points"),
            format_number(k.scale_lo) + "-" + format_number(k.scale_hi), print_expr(k.score), words, ColumnRole::Score,
            static_cast<int>(c));
        put("Weighted score", k.id, k.display_name(), "", "", "(score - " + format_number(k.scale_lo) + ") / (" +
                                                             format_number(k.scale_hi) + " - " + format_number(k.scale_lo) + ") x weight",
            "the criterion's share of the total", ColumnRole::Contribution, static_cast<int>(c));
    }
    put("Total", "", "Total", "", "", "sum of the weighted scores", "only bids that are admissible (and pass the gates) are scored and ranked",
        ColumnRole::Total, -1);
    std::string chain;
    for (const auto& t : rules.tie_breaks)
        chain += (chain.empty() ? "" : ", then ") +
                 (t.kind == TieBreak::Kind::EarlierSubmission ? std::string("earlier submission")
                                                              : std::string(t.kind == TieBreak::Kind::Higher ? "higher " : "lower ") + print_expr(t.expr));
    put("Rank", "", "Rank", "", "", "highest total first; then " + chain,
        "totals within a relative 1e-9 count as equal; a missing tie-break value ranks last; bids equal after the whole chain share a rank",
        ColumnRole::Rank, -1);
    for (std::size_t a = 0; a < rules.abnormally_low.size(); ++a) {
        const AbnormallyLowRule& r = rules.abnormally_low[a];
        put("Abnormally low", r.id, r.display_name(), "", "flag", print_expr(r.when),
            "a flag for the committee (it changes no score): ask the bidder to explain the price", ColumnRole::Flag, static_cast<int>(a));
    }
    for (std::size_t l = 0; l < rules.lets.size(); ++l) {
        const LetDef& let = rules.lets[l];
        put("Intermediate value", let.id, let.id, "", "", print_expr(let.expr),
            let.per_bid ? "computed per bid (working column on the Scores sheet)" : "a constant, written into the formulas that use it",
            ColumnRole::Let, static_cast<int>(l));
    }

    ++row;
    book.text(ws, row++, 0, "Notes", fm.subtitle);
    const char* notes[] = {
        "Every score, total and rank on the Scores sheet is a live formula over the Bids sheet; each cell also holds the value "
        "TenderLoop computed, and a recalculation (F9 in Excel, Ctrl+Shift+F9 in LibreOffice) gives the same numbers.",
        "Aggregates (lowest, highest, mean, median, sum, count...) range over the ranked bids only (over the admissible bids for "
        "a gate, over all bids of the lot for a requirement): the grey working columns of the Scores sheet hold each aggregate's "
        "inputs, empty for the other bids.",
        "An unknown value (a missing optional answer, a division by zero, no other bid) shows as #N/A or another error and "
        "counts as the bottom of the scale in a score; a requirement with an unknown value is not met.",
        "Rounding: round() rounds half away from zero, as Excel's ROUND does. Excel and LibreOffice compare numbers at 15 "
        "significant digits, so two values differing only beyond that count as equal there.",
        "Cells with an orange background hold a value, not a formula: the construct has no exact Excel formula (see the last column).",
        "The sheets are protected without a password, against accidental edits only: Review > Unprotect Sheet opens them. "
        "The fingerprints on the Audit sheet identify the rules and bids this workbook was made from.",
    };
    for (const char* n : notes) {
        book.check(worksheet_set_row(ws, static_cast<lxw_row_t>(row), 30, nullptr), "notes");
        book.check(worksheet_merge_range(ws, static_cast<lxw_row_t>(row), 0, static_cast<lxw_row_t>(row), 7, n, fm.wrap), "notes");
        ++row;
    }
}

}  // namespace tl::io::wb
