#include "gui/grid_table_resize.hpp"

#include <wx/grid.h>

namespace tl::gui {

void tell_grid_new_size(wxGrid& grid, wxGridTableBase& table, int old_rows, int old_cols, int rows, int cols) {
    if (cols < old_cols) {
        wxGridTableMessage m(&table, wxGRIDTABLE_NOTIFY_COLS_DELETED, cols, old_cols - cols);
        grid.ProcessTableMessage(m);
    } else if (cols > old_cols) {
        wxGridTableMessage m(&table, wxGRIDTABLE_NOTIFY_COLS_APPENDED, cols - old_cols);
        grid.ProcessTableMessage(m);
    }
    if (rows < old_rows) {
        wxGridTableMessage m(&table, wxGRIDTABLE_NOTIFY_ROWS_DELETED, rows, old_rows - rows);
        grid.ProcessTableMessage(m);
    } else if (rows > old_rows) {
        wxGridTableMessage m(&table, wxGRIDTABLE_NOTIFY_ROWS_APPENDED, rows - old_rows);
        grid.ProcessTableMessage(m);
    }
}

}  // namespace tl::gui
