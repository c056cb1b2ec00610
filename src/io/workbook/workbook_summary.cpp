// The Summary sheet: what the committee signs. The ranking cells are formulas that read the
// Scores sheet, so the summary cannot disagree with the scores it summarises.
#include <algorithm>
#include <cmath>
#include <map>

#include "core/number_format.hpp"
#include "io/workbook/workbook_sheets.hpp"

namespace tl::io::wb {

namespace {

// At most this many bids in the chart: beyond that, bars become unreadable.
constexpr int kChartBids = 20;
constexpr int kSignatureRows = 5;

std::string weight_text(const Criterion& c) {
    return format_number(c.weight) + (c.weight_kind == WeightKind::Percent ? " %" : " points");
}

}  // namespace

std::string method_text(const CriteriaSet& rules) {
    std::map<std::string, double> by_kind;
    std::vector<std::string> order;
    bool points = false;
    for (const auto& c : rules.criteria) {
        const std::string k = criterion_kind_name(c.kind);
        if (!by_kind.count(k)) order.push_back(k);
        by_kind[k] += c.weight;
        points |= c.weight_kind == WeightKind::Points;
    }
    if (order.empty()) return "no award criteria";
    std::string s = "Best price-quality ratio: ";
    for (std::size_t i = 0; i < order.size(); ++i)
        s += (i ? " / " : "") + order[i] + " " + format_number(by_kind[order[i]]) + (points ? " points" : " %");
    return s;
}


int write_signature_block(XlsxBook& book, Formats& fm, lxw_worksheet* ws, int row) {
    book.text(ws, row++, 0, "Evaluation committee", fm.subtitle);
    book.text(ws, row, 1, "Name", fm.signature_label);
    book.text(ws, row, 2, "Role", fm.signature_label);
    book.text(ws, row, 3, "Date", fm.signature_label);
    book.text(ws, row, 4, "Signature", fm.signature_label);
    book.blank(ws, row, 5, fm.signature_label);
    ++row;
    const char* roles[kSignatureRows] = {"Chair", "Member", "Member", "Member", "Secretary"};
    for (const char* role : roles) {
        book.check(worksheet_set_row(ws, static_cast<lxw_row_t>(row), 30, nullptr), "signature rows");
        book.blank(ws, row, 1, fm.signature_input);
        book.text(ws, row, 2, role, fm.signature_input);
        book.blank(ws, row, 3, fm.signature_input);
        book.blank(ws, row, 4, fm.signature_label);
        book.blank(ws, row, 5, fm.signature_label);
        ++row;
    }
    return row;
}

void write_summary_sheet(XlsxBook& book, Formats& fm, const LotSheets& sheets, const LotLayout& layout,
                         const ExportInfo& info) {
    lxw_worksheet* ws = sheets.summary_ws;
    const CriteriaSet& rules = layout.rules();
    const LotOutcome& lot = layout.lot();
    const std::string scores = sheet_ref(sheets.scores);
    const int n_crit = static_cast<int>(rules.criteria.size());
    book.check(worksheet_set_column(ws, 0, 0, 8, nullptr), "column widths");
    book.check(worksheet_set_column(ws, 1, 1, 30, nullptr), "column widths");
    book.check(worksheet_set_column(ws, 2, static_cast<lxw_col_t>(2 + n_crit), 13, nullptr), "column widths");

    int row = 0;
    book.text(ws, row++, 0, rules.tender.title.empty() ? "Evaluation" : rules.tender.title, fm.title);
    if (!rules.tender.title_ru.empty()) book.text(ws, row++, 0, rules.tender.title_ru, fm.subtitle);
    auto line = [&](const std::string& label, const std::string& value) {
        book.text(ws, row, 0, label, fm.label);
        book.text(ws, row, 2, value, fm.text);
        ++row;
    };
    line("Reference", rules.tender.reference);
    if (!lot.lot.empty()) line("Lot", lot.lot + (lot.lot_name.empty() ? "" : " — " + lot.lot_name));
    line("Currency", rules.tender.currency);
    line("Evaluated", info.exported_at.substr(0, 10) + " (TenderLoop " + info.tool_version + ")");
    line("Method", method_text(rules));
    line("Bids", std::to_string(layout.size()) + " received, " +
                     std::to_string(std::count_if(lot.bids.begin(), lot.bids.end(), [](const BidOutcome& o) { return o.ranked(); })) +
                     " ranked");
    ++row;

    // The ranking, best first; every number reads the Scores sheet.
    book.text(ws, row++, 0, "Ranking", fm.subtitle);
    const int header_row = row;
    book.check(worksheet_set_row(ws, static_cast<lxw_row_t>(row), 45, nullptr), "header row");
    book.text(ws, row, 0, "Rank", fm.header);
    book.text(ws, row, 1, "Bidder", fm.header);
    book.text(ws, row, 2, "Total", fm.header);
    for (int c = 0; c < n_crit; ++c)
        book.text(ws, row, 3 + c, rules.criteria[static_cast<std::size_t>(c)].display_name() + " (" +
                                      weight_text(rules.criteria[static_cast<std::size_t>(c)]) + ")",
                  fm.header);
    ++row;
    const int rank_col = layout.column_of(ColumnRole::Rank), total_col = layout.column_of(ColumnRole::Total);
    const int first_ranked_row = row;
    std::vector<std::string> winners;  // rank 1 (several when tied); names may hold ", " themselves
    for (const BidOutcome& o : lot.bids) {
        if (!o.ranked()) continue;
        const int r = layout.excel_row(layout.row_of(o.bid));
        auto ref = [&](int col) { return scores + "$" + column_letters(col) + std::to_string(r); };
        book.formula(ws, row, 0, ref(rank_col), o.rank, fm.integer);
        book.text(ws, row, 1, o.bidder + (o.tied ? " (tied)" : ""), fm.text);
        book.formula(ws, row, 2, ref(total_col), o.total, fm.score_bold);
        for (int c = 0; c < n_crit; ++c)
            book.formula(ws, row, 3 + c, ref(layout.column_of(ColumnRole::Contribution, c)),
                         o.contributions[static_cast<std::size_t>(c)], fm.score);
        if (o.rank == 1) winners.push_back(o.bidder);
        ++row;
    }
    const int ranked_rows = row - first_ranked_row;
    if (ranked_rows == 0) book.text(ws, row++, 1, "No bid could be ranked.", fm.note);
    ++row;

    // The winner: a formula over the Scores sheet (the bid ranked 1, or the tie at rank 1, or
    // none), holding TenderLoop's answer; live even when nothing is ranked today.
    book.text(ws, row, 0, "Winner", fm.label);
    if (layout.size() > 0) {
        book.formula_text(ws, row, 2, layout.winner_formula(), layout.winner_text(), fm.score_bold);
        if (winners.size() > 1) {
            std::string all;
            for (const std::string& w : winners) all += (all.empty() ? "" : ", ") + w;
            book.text(ws, row + 1, 2, "Tie for first place: " + all + ". The tie-break chain did not separate them.", fm.warning);
        }
    } else {
        book.text(ws, row, 2, "none", fm.text);
    }
    row += 2;
    if (!lot.ties.empty()) {
        book.text(ws, row++, 0, "Ties", fm.subtitle);
        for (const auto& group : lot.ties) {
            std::string names;
            for (const auto& n : group) names += (names.empty() ? "" : ", ") + n;
            book.text(ws, row++, 1, "Equal after every tie-break: " + names, fm.text);
        }
        ++row;
    }

    // Bids that left the evaluation, with the reasons (the failed tests with their values).
    bool any_excluded = false;
    for (const BidOutcome& o : lot.bids) {
        if (o.ranked()) continue;
        if (!any_excluded) {
            book.text(ws, row++, 0, "Inadmissible or eliminated bids", fm.subtitle);
            any_excluded = true;
        }
        for (const Exclusion& e : o.excluded_because) {
            book.text(ws, row, 1, o.bidder, fm.text);
            book.text(ws, row, 2, (e.gate ? "Below the minimum of " : "Fails ") + e.rule_name + ": " + e.detail, fm.text);
            ++row;
        }
    }
    if (any_excluded) ++row;
    bool any_flag = false;
    for (const BidOutcome& o : lot.bids)
        for (const Flag& f : o.flags) {
            if (!any_flag) {
                book.text(ws, row++, 0, "Flags for the committee", fm.subtitle);
                any_flag = true;
            }
            book.text(ws, row, 1, o.bidder, fm.text);
            book.text(ws, row, 2, f.rule_name + ": " + f.detail, fm.warning);
            ++row;
        }
    if (any_flag) ++row;

    row = write_signature_block(book, fm, ws, row);

    // Stacked bars of the weighted contributions of the best-ranked bids.
    if (ranked_rows > 0 && n_crit > 0) {
        lxw_chart* chart = book.add_chart(LXW_CHART_BAR_STACKED);
        const int shown = std::min(ranked_rows, kChartBids);
        const auto first = static_cast<lxw_row_t>(first_ranked_row), last = static_cast<lxw_row_t>(first_ranked_row + shown - 1);
        for (int c = 0; c < n_crit; ++c) {
            lxw_chart_series* s = chart_add_series(chart, nullptr, nullptr);
            if (s == nullptr)
                throw XlsxError(Message("io.xlsx-write.chart-series", TL_MSG("{file}: cannot add a chart series (out of memory)"))
                                    .text("file", book.path()));
            chart_series_set_categories(s, sheets.summary.c_str(), first, 1, last, 1);
            chart_series_set_values(s, sheets.summary.c_str(), first, static_cast<lxw_col_t>(3 + c), last, static_cast<lxw_col_t>(3 + c));
            chart_series_set_name_range(s, sheets.summary.c_str(), static_cast<lxw_row_t>(header_row), static_cast<lxw_col_t>(3 + c));
        }
        chart_title_set_name(chart, shown < ranked_rows ? "Weighted contributions (best-ranked bids)" : "Weighted contributions");
        chart_axis_set_reverse(chart->y_axis);  // bar charts: y is the category axis; rank 1 on top
        chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
        lxw_chart_options placement{};
        placement.x_scale = 1.3;
        placement.y_scale = 1.2;
        book.check(worksheet_insert_chart_opt(ws, 1, static_cast<lxw_col_t>(4 + n_crit), chart, &placement), "chart");
    }
}

}  // namespace tl::io::wb
