#include "gui/committee_grid.hpp"

#include <algorithm>

#include <wx/dcclient.h>
#include <wx/tokenzr.h>

#include "gui/grid_table_resize.hpp"

namespace tl::gui {

namespace {

/// Lines `text` takes when wrapped at word boundaries to `width` (a word wider than that: its own line).
int wrapped_lines(wxDC& dc, const wxString& text, int width) {
    int lines = 0;
    for (const wxString& paragraph : wxSplit(text, '\n', '\0')) {
        ++lines;
        int used = 0;
        const int space = dc.GetTextExtent(" ").x;
        wxStringTokenizer words(paragraph, " ");
        while (words.HasMoreTokens()) {
            const int w = dc.GetTextExtent(words.GetNextToken()).x;
            if (used > 0 && used + space + w > width) {
                ++lines;
                used = w;
            } else {
                used += (used > 0 ? space : 0) + w;
            }
        }
    }
    return std::max(lines, 1);
}

}  // namespace

void fit_row_heights(wxGrid& grid, const std::function<CellWrap(int row, int col)>& wraps) {
    wxClientDC dc(&grid);
    const wxFont normal = grid.GetDefaultCellFont(), bold = normal.Bold();
    dc.SetFont(normal);
    const int line = dc.GetCharHeight();
    const int margin = grid.FromDIP(8);  // the renderer's inner margins, with some room to spare
    const int single = std::max(grid.GetDefaultRowSize(), line + margin);
    grid.BeginBatch();
    for (int row = 0; row < grid.GetNumberRows(); ++row) {
        int height = single;
        for (int col = 0; col < grid.GetNumberCols(); ++col) {
            const CellWrap wrap = wraps(row, col);
            if (wrap == CellWrap::None) continue;
            dc.SetFont(wrap == CellWrap::Bold ? bold : normal);
            height = std::max(height,
                              wrapped_lines(dc, grid.GetCellValue(row, col), grid.GetColSize(col) - margin) * line + margin);
        }
        grid.SetRowSize(row, height);
    }
    grid.EndBatch();
}

void CommitteeGridTable::attached() {
    shown_rows_ = GetNumberRows();
    shown_cols_ = GetNumberCols();
}

void CommitteeGridTable::changed() {
    wxGrid* grid = GetView();
    if (!grid) return;
    grid->BeginBatch();
    const int rows = GetNumberRows(), cols = GetNumberCols();
    // Columns first: a heading row spans every column, which the grid must know before the rows.
    tell_grid_new_size(*grid, *this, shown_rows_, shown_cols_, rows, cols);
    shown_rows_ = rows;
    shown_cols_ = cols;
    // The grid caches the attribute of the cell it looked at last; the data behind it changed.
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c) grid->RefreshAttr(r, c);
    grid->EndBatch();
    grid->ForceRefresh();
}

wxGridCellAttr* CommitteeGridTable::give(const wxGridCellAttrPtr& attr) {
    if (!attr) return nullptr;
    attr->IncRef();
    return attr.get();
}

wxGridCellAttrPtr CommitteeGridTable::make_attr(bool read_only, const wxColour& background, const wxColour& text) {
    wxGridCellAttrPtr attr(new wxGridCellAttr);
    attr->SetReadOnly(read_only);
    if (background.IsOk()) attr->SetBackgroundColour(background);
    if (text.IsOk()) attr->SetTextColour(text);
    return attr;
}

}  // namespace tl::gui
