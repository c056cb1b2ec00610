#pragma once
/// The UI language: wxLocale/wxTranslations set up from the system locale or `--lang ru|en`, the
/// catalog `tenderloop.mo` (the one domain of every TenderLoop message) looked up next to the executable (build tree) and in the install
/// prefix; and the few helpers that pick English or Russian texts from the rules.
#include <memory>

#include <wx/intl.h>
#include <wx/string.h>

#include "core/criteria.hpp"
#include "core/message.hpp"

namespace tl::gui {

/// Sets up translations. `lang` is "en", "ru" or empty (follow the system locale). Returns the
/// wxLocale to keep alive for the app's lifetime (may be null when none was needed or possible:
/// translations are then still loaded, only C-library formatting stays as it was).
std::unique_ptr<wxLocale> setup_language(const wxString& lang);

/// True when the UI speaks Russian (then rule texts with a `name_ru` show that).
bool ui_is_russian();

/// The libraries' messages in the UI language (wx's translations of the `tenderloop` catalog).
const Translator& ui_translator();

/// A library message worded in the UI language.
wxString say(const Message& m);

/// A criterion's name in the UI language.
wxString criterion_label(const Criterion& c);

}  // namespace tl::gui
