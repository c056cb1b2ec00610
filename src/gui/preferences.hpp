#pragma once
/// The user's preferences, kept with wxConfig (~/.config/tenderloop-gui on Linux): the UI
/// language (the system's unless chosen; takes effect at the next start, because wx loads its
/// catalogs once) and the name written to the audit log with every change.
#include <wx/string.h>

class wxWindow;

namespace tl::gui {

struct Preferences {
    wxString language;   ///< "" (follow the system), "en" or "ru"
    wxString user_name;  ///< "" means the login name

    static Preferences load();
    void save() const;
    /// The name for the audit log: user_name, or the login name.
    std::string audit_user() const;
};

/// Shows the Preferences dialog; saves and returns true when the user pressed OK.
bool edit_preferences(wxWindow* parent, Preferences& prefs);

}  // namespace tl::gui
