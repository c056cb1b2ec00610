#pragma once
/// The list of problems under the editor: severity, line, message. Activating (or selecting) an
/// entry asks the owner to jump to its place.
#include <functional>

#include <wx/listctrl.h>

#include "core/diagnostic.hpp"

namespace tl::gui {

class DiagnosticsList : public wxListCtrl {
public:
    /// `jump(line, col)` is called when the user picks an entry that has a place.
    DiagnosticsList(wxWindow* parent, std::function<void(int, int)> jump);

    void show(const Diagnostics& diagnostics);
    const Diagnostics& shown() const { return diagnostics_; }

private:
    wxString location_of(const Diagnostic& d) const;
    void on_pick(wxListEvent& e);

    Diagnostics diagnostics_;
    std::function<void(int, int)> jump_;
};

}  // namespace tl::gui
