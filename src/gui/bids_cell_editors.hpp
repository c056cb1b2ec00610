#pragma once
/// How one column of the Bids grid shows and edits its cells: the typed editor and renderer of a
/// declared field (a number with its unit, a percentage, yes/no as a checkbox, a choice of enum
/// members or lots, a date), its header and the hint the status line gives for it.
#include <string>
#include <vector>

#include <wx/grid.h>
#include <wx/string.h>

#include "core/field.hpp"

namespace tl::gui {

/// What a grid column of the Bids page holds.
enum class BidColumnKind { Bidder, Lot, Submitted, Field, Source };

struct BidColumn {
    BidColumnKind kind = BidColumnKind::Field;
    FieldDecl field;  ///< the declared field (Field columns only)
    /// The name put_bid's problems use for this column ("field 'ID': ..."): `bidder`, `lot`,
    /// `submitted` or the field's id; empty for the Source column.
    std::string id;
    bool required() const;
};

/// The field's name in the UI language (its `name_ru` in a Russian UI, when given).
wxString bid_field_label(const FieldDecl& f);

/// The unit a number of the field is stated in (`RUB`, `%`, `kWh`), or "".
wxString bid_field_unit(const FieldDecl& f);

/// The column header: the name wrapped onto short lines, the unit in parentheses below.
wxString bid_column_header(const BidColumn& c);

/// One line for the status bar: what the column expects ("a number in RUB, required; evidence:
/// price schedule").
wxString bid_column_hint(const BidColumn& c);

/// The attribute shared by the cells of a column: its editor, renderer, alignment and whether it
/// can be edited. `lots` are the tender's lot ids (for the lot column). The caller owns one
/// reference.
wxGridCellAttr* make_bid_column_attr(const BidColumn& c, const std::vector<std::string>& lots);

/// A required yes/no field is edited as a checkbox; an optional one as a choice that can be left
/// empty (a checkbox cannot say "not stated").
bool bid_column_is_checkbox(const BidColumn& c);

/// A text editor with the unit shown to the right of what is typed, so that nobody types a price
/// in thousands or a share as a fraction by mistake.
class BidUnitEditor : public wxGridCellTextEditor {
public:
    BidUnitEditor(const wxString& unit, const wxString& hint);
    void Create(wxWindow* parent, wxWindowID id, wxEvtHandler* handler) override;
    void SetSize(const wxRect& rect) override;
    void Show(bool show, wxGridCellAttr* attr = nullptr) override;
    void Destroy() override;
    wxGridCellEditor* Clone() const override { return new BidUnitEditor(unit_, hint_); }

private:
    wxString unit_, hint_;
    wxWindow* label_ = nullptr;
    wxRect label_rect_;
};

/// Shows the cell text followed by the unit (`12000000 RUB`, `40 %`), right-aligned, unless the
/// text already ends with it.
class BidUnitRenderer : public wxGridCellStringRenderer {
public:
    explicit BidUnitRenderer(const wxString& unit) : unit_(unit) {}
    void Draw(wxGrid& grid, wxGridCellAttr& attr, wxDC& dc, const wxRect& rect, int row, int col,
              bool selected) override;
    wxSize GetBestSize(wxGrid& grid, wxGridCellAttr& attr, wxDC& dc, int row, int col) override;
    wxGridCellRenderer* Clone() const override { return new BidUnitRenderer(unit_); }

private:
    wxString shown(const wxGrid& grid, int row, int col) const;
    wxString unit_;
};

}  // namespace tl::gui
