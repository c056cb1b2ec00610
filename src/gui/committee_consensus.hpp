#pragma once
/// The Consensus tab of the Committee page: the chair's view. A grid per committee criterion and
/// bid with every evaluator's mark (drafts in italics, barred cells grey), the spread, mean and
/// median of the marks and the consensus; a row whose marks are more than the dispersion
/// threshold apart is orange and says "discuss". Below: the selected row's lowest, highest,
/// spread, mean and median, its marks with their justifications, the consensus editor (value on the committee's scale and its justification,
/// recorded as the chair once every evaluator who may score the bid has submitted), and what is
/// still missing: who has to score or submit what, and which consensus values the ranking needs.
#include <string>
#include <tuple>
#include <vector>

#include <wx/panel.h>

#include "app/tender_project.hpp"
#include "gui/committee_data.hpp"

class wxButton;
class wxGrid;
class wxGridEvent;
class wxStaticText;
class wxTextCtrl;

namespace tl::gui {

class CommitteePanel;
class ConsensusTable;

class CommitteeConsensusPage : public wxPanel {
public:
    /// Makes its changes through `panel` (as the chair).
    CommitteeConsensusPage(wxWindow* parent, CommitteePanel& panel);

    /// Shows the committee as read after a change (keeps the selected row).
    void update(const CommitteeData& data);

    /// The grid's row of a bid and committee criterion (-1 when absent; the bidder's first lot in
    /// a tender with lots); rows of criterion headings hold no bid.
    int row_of(const std::string& bidder, const std::string& criterion_id) const;
    /// Columns: 0 the bid, then one per evaluator (committee order), then these. (Lowest and
    /// highest are in the row's details: the marks stand next to each other, and the pane is
    /// narrow.)
    int spread_col() const;
    int mean_col() const { return spread_col() + 1; }
    int median_col() const { return spread_col() + 2; }
    int consensus_col() const { return spread_col() + 3; }
    /// What the grid shows and with which background.
    wxString cell_text(int row, int col) const;
    wxColour cell_background(int row, int col) const;

    /// Selects a row and shows its marks and consensus editor below the grid.
    void select_row(int row);
    /// Whether the chair can record the selected row's consensus now, and the note saying why not
    /// (or the dispersion to discuss, or who recorded it).
    bool can_record() const;
    wxString note_text() const;
    /// The marks with their justifications as listed for the selected row (one line each).
    wxString marks_text() const;

    /// Types the consensus value and justification into the editor and presses Record.
    app::ChangeOutcome record(const wxString& value, const wxString& justification);

    /// The list of what is still missing, as shown.
    wxString missing_text() const;

private:
    friend class ConsensusTable;
    struct Row {
        std::size_t criterion = 0;
        const CommitteeCell* cell = nullptr;  ///< null: the criterion's heading
    };
    using Key = std::tuple<std::string, std::string, std::string>;  ///< criterion, bidder, lot

    int row_of_key(const Key& key) const;
    const CommitteeCell* selected_cell() const;
    wxString why_not_recordable(const CommitteeCell& c) const;
    app::ChangeOutcome record_selected();
    void show_selected();
    void show_missing();
    void fit_columns();
    void on_select(wxGridEvent& e);
    void on_record(wxCommandEvent& e);

    CommitteePanel& panel_;
    const CommitteeData* data_ = nullptr;
    std::vector<Row> rows_;
    Key selected_;
    wxStaticText* legend_ = nullptr;
    wxGrid* grid_ = nullptr;
    ConsensusTable* table_ = nullptr;
    wxStaticText* title_ = nullptr;
    wxStaticText* note_ = nullptr;
    wxTextCtrl* marks_ = nullptr;
    wxTextCtrl* value_ = nullptr;
    wxTextCtrl* justification_ = nullptr;
    wxButton* record_ = nullptr;
    wxTextCtrl* missing_ = nullptr;
    wxString note_plain_, legend_plain_;
};

}  // namespace tl::gui
