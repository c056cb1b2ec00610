#pragma once
/// The one place where UTF-8 std::string (every layer below the GUI) meets wxString. A narrow
/// string handed to wx directly is converted with the C locale and Cyrillic then silently becomes
/// an empty string (docs/ARCHITECTURE.md, "Messages and languages"); always go through these two helpers.
#include <string>

#include <wx/string.h>

namespace tl::gui {

/// UTF-8 bytes to a wxString.
inline wxString to_wx(const std::string& utf8) { return wxString::FromUTF8(utf8.data(), utf8.size()); }

/// A wxString to UTF-8 bytes.
inline std::string from_wx(const wxString& s) {
    const wxScopedCharBuffer buf = s.ToUTF8();
    return std::string(buf.data(), buf.length());
}

}  // namespace tl::gui
