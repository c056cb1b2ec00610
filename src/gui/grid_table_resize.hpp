#pragma once
/// Telling a wxGrid that its virtual table (wxGridTableBase) now has another number of rows or
/// columns: the grid only learns it through table messages, columns before rows (a row spanning
/// every column must know them). Shared by the bids grid and the committee's grids.
class wxGrid;
class wxGridTableBase;

namespace tl::gui {

/// Sends the messages that take `grid` from `old_rows` x `old_cols` to `rows` x `cols`.
void tell_grid_new_size(wxGrid& grid, wxGridTableBase& table, int old_rows, int old_cols, int rows, int cols);

}  // namespace tl::gui
