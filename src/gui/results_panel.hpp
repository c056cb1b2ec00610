#pragma once
/// The right side of the main window: the ranking (a wxDataViewCtrl over ResultsModel), the
/// inadmissible bids with their reasons, the contribution chart and the explanation of the
/// selected bid. It only shows an Evaluation; it computes nothing but explanations.
#include <memory>

#include <wx/panel.h>

#include "gui/tender_session.hpp"

class wxChoice;
class wxDataViewCtrl;
class wxDataViewEvent;
class wxListCtrl;
class wxListEvent;
class wxTextCtrl;

namespace tl::gui {

class ResultsModel;
class ContributionChart;

class ResultsPanel : public wxPanel {
public:
    explicit ResultsPanel(wxWindow* parent);
    ~ResultsPanel() override;

    /// Shows a new evaluation (keeps the selected lot and bidder when they still exist).
    void show(std::shared_ptr<const Evaluation> evaluation);

    /// Selects the row-th ranked bid and shows its explanation.
    void select_row(unsigned row);
    /// Selects a bid (ranked or not) by bidder name; false when absent.
    bool select_bidder(const std::string& bidder);

    const ResultsModel& model() const { return *model_; }
    /// The bidder in ranking row `row` ("" when none).
    std::string bidder_at(unsigned row) const;
    /// The explanation shown now.
    wxString explanation_text() const;

private:
    void rebuild_columns();
    int header_width(const wxString& label, int min_dip) const;
    wxString rule_label(const Exclusion& x) const;
    void fill_lots();
    void fill_inadmissible();
    void explain(const BidOutcome* outcome);
    void on_selection(wxDataViewEvent& e);
    void on_inadmissible_selected(wxListEvent& e);
    void on_lot(wxCommandEvent& e);
    std::size_t lot_index() const;

    std::shared_ptr<const Evaluation> evaluation_;
    wxObjectDataPtr<ResultsModel> model_;
    wxChoice* lots_ = nullptr;
    wxDataViewCtrl* ranking_ = nullptr;
    wxListCtrl* inadmissible_ = nullptr;
    ContributionChart* chart_ = nullptr;
    wxTextCtrl* explanation_ = nullptr;
    std::vector<std::string> column_ids_;  ///< criterion ids the columns were made for
    std::vector<const BidOutcome*> excluded_;
    std::string selected_bidder_;
};

}  // namespace tl::gui
