#pragma once
/// What the committee's two grids (the scoring sheet and the consensus view) share: a virtual
/// wxGridTableBase over CommitteeData that tells its grid when its shape changed, and the colours
/// that mean the same in both (barred by a conflict, not yet saved, dispersion to discuss).
#include <functional>

#include <wx/colour.h>
#include <wx/grid.h>

namespace tl::gui {

/// Colours with one meaning across the Committee page.
namespace committee_colours {
inline wxColour barred_background() { return wxColour(0xE4, 0xE4, 0xE4); }
inline wxColour barred_text() { return wxColour(0x6A, 0x6A, 0x6A); }
inline wxColour unsaved_background() { return wxColour(0xFF, 0xF2, 0xB8); }  ///< typed, not recorded yet
inline wxColour dispersion_background() { return wxColour(0xFF, 0xC8, 0x80); }  ///< orange: discuss
inline wxColour heading_background() { return wxColour(0xDC, 0xE6, 0xF0); }
inline wxColour locked_background() { return wxColour(0xF4, 0xF4, 0xF4); }
inline wxColour warning_text() { return wxColour(0xB0, 0x40, 0x00); }
}  // namespace committee_colours

/// How a cell's text is laid out, for fit_row_heights.
enum class CellWrap { None, Normal, Bold };

/// Sets each row's height to the lines its wrapped cells need at their columns' widths (`wraps`
/// says which cells wrap, in which font). wxGrid's own AutoSizeRows measures a little wider than
/// the wrapping renderer draws, which cut off the last line of some justifications.
void fit_row_heights(wxGrid& grid, const std::function<CellWrap(int row, int col)>& wraps);

/// A table whose cells are computed on demand from the committee's data (no copies in the grid).
class CommitteeGridTable : public wxGridTableBase {
public:
    bool CanHaveAttributes() override { return true; }

    /// Call once after wxGrid::SetTable: remembers the shape the grid knows.
    void attached();
    /// Call after the data changed: tells the grid about added or removed rows and columns,
    /// forgets the attributes it cached and redraws.
    void changed();

protected:
    /// `attr` with a reference for the grid (GetAttr's contract), or null.
    static wxGridCellAttr* give(const wxGridCellAttrPtr& attr);
    /// A new attribute: read-only or not, background and text colours (invalid: the grid's).
    static wxGridCellAttrPtr make_attr(bool read_only, const wxColour& background = wxNullColour,
                                       const wxColour& text = wxNullColour);

private:
    int shown_rows_ = 0, shown_cols_ = 0;
};

}  // namespace tl::gui
