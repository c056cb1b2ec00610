#include "gui/results_panel.hpp"

#include <wx/choice.h>
#include <wx/dataview.h>
#include <wx/listctrl.h>
#include <wx/sizer.h>
#include <wx/splitter.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "core/explain.hpp"
#include "gui/contribution_chart.hpp"
#include "gui/i18n.hpp"
#include "gui/results_model.hpp"
#include "gui/wx_text.hpp"

namespace tl::gui {

namespace {

wxStaticText* heading(wxWindow* parent, const wxString& text) {
    auto* label = new wxStaticText(parent, wxID_ANY, text);
    label->SetFont(label->GetFont().Bold());
    return label;
}

}  // namespace

ResultsPanel::ResultsPanel(wxWindow* parent) : wxPanel(parent), model_(new ResultsModel) {
    auto* split = new wxSplitterWindow(this, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxSP_LIVE_UPDATE | wxSP_3DSASH);
    auto* top = new wxPanel(split);
    auto* bottom = new wxPanel(split);

    lots_ = new wxChoice(top, wxID_ANY);
    lots_->Hide();  // shown when the tender has more than one lot
    ranking_ = new wxDataViewCtrl(top, wxID_ANY, wxDefaultPosition, wxDefaultSize,
                                  wxDV_SINGLE | wxDV_ROW_LINES | wxDV_HORIZ_RULES | wxDV_VERT_RULES);
    ranking_->AssociateModel(model_.get());
    inadmissible_ = new wxListCtrl(top, wxID_ANY, wxDefaultPosition, wxDefaultSize, wxLC_REPORT | wxLC_SINGLE_SEL);
    inadmissible_->AppendColumn(_("Bidder"), wxLIST_FORMAT_LEFT, FromDIP(160));
    inadmissible_->AppendColumn(_("Reason"), wxLIST_FORMAT_LEFT, FromDIP(480));
    chart_ = new ContributionChart(top, [this](unsigned row) { select_row(row); });

    auto* lot_row = new wxBoxSizer(wxHORIZONTAL);
    lot_row->Add(heading(top, _("Ranking")), 1, wxALIGN_CENTER_VERTICAL);
    lot_row->Add(lots_, 0, wxALIGN_CENTER_VERTICAL);
    auto* top_sizer = new wxBoxSizer(wxVERTICAL);
    const int gap = FromDIP(4);
    top_sizer->Add(lot_row, 0, wxEXPAND | wxALL, gap);
    ranking_->SetMinSize(FromDIP(wxSize(-1, 120)));  // the header and at least four bids
    top_sizer->Add(ranking_, 3, wxEXPAND | wxLEFT | wxRIGHT, gap);
    top_sizer->Add(heading(top, _("Inadmissible bids")), 0, wxALL, gap);
    inadmissible_->SetMinSize(FromDIP(wxSize(-1, 60)));  // its best size would crowd out the chart
    top_sizer->Add(inadmissible_, 1, wxEXPAND | wxLEFT | wxRIGHT, gap);
    top_sizer->Add(heading(top, _("Contributions to the total")), 0, wxALL, gap);
    top_sizer->Add(chart_, 4, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);
    top->SetSizer(top_sizer);

    explanation_ = new wxTextCtrl(bottom, wxID_ANY, _("Select a bidder to see how its score came about."),
                                  wxDefaultPosition, wxDefaultSize, wxTE_MULTILINE | wxTE_READONLY | wxTE_DONTWRAP);
    explanation_->SetFont(wxFontInfo(9).Family(wxFONTFAMILY_TELETYPE));
    auto* bottom_sizer = new wxBoxSizer(wxVERTICAL);
    bottom_sizer->Add(heading(bottom, _("Explanation")), 0, wxALL, gap);
    bottom_sizer->Add(explanation_, 1, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);
    bottom->SetSizer(bottom_sizer);

    split->SplitHorizontally(top, bottom, -FromDIP(230));
    split->SetSashGravity(0.75);
    split->SetMinimumPaneSize(FromDIP(80));
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(split, 1, wxEXPAND);
    SetSizer(sizer);

    ranking_->Bind(wxEVT_DATAVIEW_SELECTION_CHANGED, &ResultsPanel::on_selection, this);
    inadmissible_->Bind(wxEVT_LIST_ITEM_SELECTED, &ResultsPanel::on_inadmissible_selected, this);
    lots_->Bind(wxEVT_CHOICE, &ResultsPanel::on_lot, this);
    rebuild_columns();
}

ResultsPanel::~ResultsPanel() = default;

std::size_t ResultsPanel::lot_index() const {
    const int sel = lots_->GetSelection();
    return sel > 0 ? static_cast<std::size_t>(sel) : 0;
}

void ResultsPanel::show(std::shared_ptr<const Evaluation> evaluation) {
    evaluation_ = std::move(evaluation);
    fill_lots();
    model_->set(evaluation_, lot_index());
    rebuild_columns();
    fill_inadmissible();
    chart_->set(evaluation_, lot_index());
    if (selected_bidder_.empty() || !select_bidder(selected_bidder_)) explain(nullptr);
}

void ResultsPanel::fill_lots() {
    const std::size_t keep = lot_index();
    lots_->Clear();
    if (evaluation_)
        for (const LotOutcome& lot : evaluation_->result.lots)
            lots_->Append(to_wx(lot.lot_name.empty() ? lot.lot : lot.lot_name));
    if (lots_->GetCount() > 0) lots_->SetSelection(keep < lots_->GetCount() ? static_cast<int>(keep) : 0);
    lots_->Show(lots_->GetCount() > 1);
    // The choice was sized when it was empty; its row is in the inner panel, not in this one.
    lots_->InvalidateBestSize();
    lots_->SetMinSize(lots_->GetBestSize());
    lots_->GetParent()->Layout();
}

void ResultsPanel::rebuild_columns() {
    std::vector<std::string> ids;
    if (evaluation_)
        for (const Criterion& c : evaluation_->rules.criteria) ids.push_back(c.id);
    if (ids == column_ids_ && ranking_->GetColumnCount() > 0) return;
    column_ids_ = ids;
    ranking_->ClearColumns();
    ranking_->AppendTextColumn(_("Rank"), ResultsModel::kRank, wxDATAVIEW_CELL_INERT, header_width(_("Rank"), 50),
                               wxALIGN_RIGHT);
    ranking_->AppendTextColumn(_("Bidder"), ResultsModel::kBidder, wxDATAVIEW_CELL_INERT, FromDIP(150));
    ranking_->AppendTextColumn(_("Total"), ResultsModel::kTotal, wxDATAVIEW_CELL_INERT, header_width(_("Total"), 80),
                               wxALIGN_RIGHT);
    if (!evaluation_) return;
    for (std::size_t k = 0; k < evaluation_->rules.criteria.size(); ++k) {
        const wxString label = criterion_label(evaluation_->rules.criteria[k]);
        ranking_->AppendTextColumn(label, ResultsModel::kFirstCriterion + static_cast<unsigned>(k),
                                   wxDATAVIEW_CELL_INERT, header_width(label, 90), wxALIGN_RIGHT);
    }
}

int ResultsPanel::header_width(const wxString& label, int min_dip) const {
    // Wide enough for the header in the UI language (Russian labels are longer), plus the
    // header's padding and sort-arrow room.
    return std::max(FromDIP(min_dip), ranking_->GetTextExtent(label).x + FromDIP(28));
}

wxString ResultsPanel::rule_label(const Exclusion& x) const {
    return to_wx(ui_is_russian() && !x.rule_name_ru.empty() ? x.rule_name_ru : x.rule_name);
}

void ResultsPanel::fill_inadmissible() {
    inadmissible_->DeleteAllItems();
    excluded_.clear();
    const LotOutcome* lot = model_->lot();
    if (!lot) return;
    for (const BidOutcome& o : lot->bids) {
        if (o.ranked()) continue;
        wxString reasons;
        for (const Exclusion& x : o.excluded_because) {
            if (!reasons.empty()) reasons += "; ";
            // A failed requirement speaks for itself under "Inadmissible bids"; a gate says so.
            if (x.gate) reasons += _("below the minimum of") + " ";
            reasons += rule_label(x) + ": " + say(x.what);
        }
        const long item = inadmissible_->InsertItem(inadmissible_->GetItemCount(), to_wx(o.bidder));
        inadmissible_->SetItem(item, 1, reasons);
        excluded_.push_back(&o);
    }
    if (!excluded_.empty()) inadmissible_->SetColumnWidth(1, wxLIST_AUTOSIZE);
}

void ResultsPanel::explain(const BidOutcome* outcome) {
    const LotOutcome* lot = model_->lot();
    if (!outcome || !lot || !evaluation_) {
        selected_bidder_.clear();
        explanation_->SetValue(_("Select a bidder to see how its score came about."));
        return;
    }
    selected_bidder_ = outcome->bidder;
    BidExplanation x = explain_bid(evaluation_->rules, evaluation_->bids, *lot, *outcome);
    if (evaluation_->project) note_committee(x, evaluation_->project->committee);  // how each committee value was formed
    // Worded below the front ends (core), in the UI language, like `tenderloop explain`.
    explanation_->SetValue(to_wx(format_explanation(x, ui_translator())));
}

void ResultsPanel::select_row(unsigned row) {
    if (row >= model_->rows()) return;
    ranking_->Select(model_->GetItem(row));
    ranking_->EnsureVisible(model_->GetItem(row));
    chart_->highlight(static_cast<int>(row));
    explain(model_->outcome(row));
}

bool ResultsPanel::select_bidder(const std::string& bidder) {
    for (unsigned row = 0; row < model_->rows(); ++row)
        if (model_->outcome(row)->bidder == bidder) {
            select_row(row);
            return true;
        }
    for (std::size_t k = 0; k < excluded_.size(); ++k)
        if (excluded_[k]->bidder == bidder) {
            inadmissible_->SetItemState(static_cast<long>(k), wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
            explain(excluded_[k]);
            return true;
        }
    return false;
}

std::string ResultsPanel::bidder_at(unsigned row) const {
    // Read through the view's model, as the ranking column shows it.
    wxVariant value;
    if (row >= model_->rows()) return {};
    model_->GetValueByRow(value, row, ResultsModel::kBidder);
    return from_wx(value.GetString());
}

wxString ResultsPanel::explanation_text() const { return explanation_->GetValue(); }

void ResultsPanel::on_selection(wxDataViewEvent& e) {
    const wxDataViewItem item = e.GetItem();
    if (!item.IsOk()) return;
    const unsigned row = model_->GetRow(item);
    chart_->highlight(static_cast<int>(row));
    explain(model_->outcome(row));
}

void ResultsPanel::on_inadmissible_selected(wxListEvent& e) {
    const long row = e.GetIndex();
    if (row >= 0 && static_cast<std::size_t>(row) < excluded_.size()) explain(excluded_[static_cast<std::size_t>(row)]);
}

void ResultsPanel::on_lot(wxCommandEvent&) {
    model_->set(evaluation_, lot_index());
    fill_inadmissible();
    chart_->set(evaluation_, lot_index());
    explain(nullptr);
}

}  // namespace tl::gui
