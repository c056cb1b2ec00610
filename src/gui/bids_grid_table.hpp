#pragma once
/// The Bids grid's model: a virtual wxGridTableBase over the project's stored bids (columns from
/// the declared fields), plus at most one bid being entered or corrected. What the user typed
/// into that row is kept here, with the reasons the project refused it, until it is recorded or
/// cancelled: a refused edit never loses what was typed.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <wx/grid.h>

#include "app/tender_project.hpp"
#include "gui/bids_cell_editors.hpp"
#include "store/types.hpp"

namespace tl::gui {

/// A stored bid as the grid shows it.
struct BidRow {
    app::BidEntry entry;  ///< as a person would retype it (dates as YYYY-MM-DD)
    store::StoredBid stored;
};

/// The bid being entered (a new row at the end) or corrected (an existing row).
struct BidDraft {
    bool is_new = false;
    int row = 0;
    app::BidEntry entry;
    std::string orig_bidder, orig_lot;   ///< the stored bid it corrects (not for a new bid)
    std::set<int> touched;               ///< columns the user has changed
    std::map<int, std::string> problems; ///< column -> why the project refused the value
    std::string refusal;                 ///< the last refusal's summary
};

class BidsGridTable : public wxGridTableBase {
public:
    /// What the table shows besides bids: no project, rules that do not check, or the bids.
    enum class State { NoProject, RulesBroken, Bids };

    BidsGridTable();
    ~BidsGridTable() override;

    /// Re-reads columns and stored bids from `project` (null: none open) and tells the grid about
    /// added or removed rows and columns. A draft is kept (moved to its bid's new row); a draft
    /// that corrected a bid which is gone becomes a new bid.
    void load(const app::TenderProject* project);
    State state() const { return state_; }

    const std::vector<BidColumn>& columns() const { return columns_; }
    /// The column whose problems carry this name (`bidder`, `lot`, `submitted`, a field id); -1.
    int column_of(const std::string& id) const;
    const std::vector<BidRow>& rows() const { return rows_; }
    const std::vector<std::string>& lots() const { return lots_; }
    /// The row of the stored bid of `bidder` in `lot`; -1 when absent.
    int row_of(const std::string& bidder, const std::string& lot) const;

    const std::optional<BidDraft>& draft() const { return draft_; }
    /// Starts a new bid as the last row (replacing nothing: the caller checks there is no draft).
    void begin_new(const app::BidEntry& entry);
    void drop_draft();
    /// Marks the draft's cells with the problems of a refused put_bid (each names its field as
    /// "field 'ID': ..."; a problem naming none, or a refusal without problems, marks the bidder).
    void set_refusal(const app::ChangeOutcome& outcome);

    /// The text in a cell (the draft's for the draft row), UTF-8.
    std::string cell_text(int row, int col) const;
    /// Why the project refused the value in this cell ("" when it did not).
    std::string problem_at(int row, int col) const;
    /// A required cell of the new bid that is still empty (shown as "to fill in", not as wrong).
    bool needed_at(int row, int col) const;
    /// Where the bid in `row` came from, in one line (the Source column) and in a sentence.
    wxString source_text(int row) const;
    wxString source_tooltip(int row) const;

    // wxGridTableBase
    int GetNumberRows() override;
    int GetNumberCols() override;
    wxString GetValue(int row, int col) override;
    void SetValue(int row, int col, const wxString& value) override;
    bool IsEmptyCell(int row, int col) override;
    wxString GetColLabelValue(int col) override;
    wxString GetRowLabelValue(int row) override;
    bool CanGetValueAs(int row, int col, const wxString& type) override;
    bool CanSetValueAs(int row, int col, const wxString& type) override;
    bool GetValueAsBool(int row, int col) override;
    void SetValueAsBool(int row, int col, bool value) override;
    bool CanHaveAttributes() override { return true; }
    wxGridCellAttr* GetAttr(int row, int col, wxGridCellAttr::wxAttrKind kind) override;

private:
    int row_count() const;
    const app::BidEntry* entry_at(int row) const;
    static std::string answer(const app::BidEntry& e, const BidColumn& c);
    static void set_answer(app::BidEntry& e, const BidColumn& c, const std::string& text);
    void tell_grid(int old_rows, int old_cols);
    void clear_attrs();

    State state_ = State::NoProject;
    std::vector<BidColumn> columns_;
    std::vector<wxGridCellAttr*> attrs_;  ///< one reference each, per column
    std::vector<std::string> lots_;
    std::vector<BidRow> rows_;
    std::optional<BidDraft> draft_;
};

}  // namespace tl::gui
