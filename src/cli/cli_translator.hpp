#pragma once
/// The command line's language: the `tenderloop` gettext catalog through libintl (glibc), chosen
/// by `--lang en|ru` or else the user's LANGUAGE / LC_MESSAGES / LANG, as every GNU tool does.
/// Every message the CLI prints, its own and the libraries' (tl::Message), is worded through it.
#include <string>

#include "core/message.hpp"

namespace tl::cli {

/// Sets the language up once, before anything is printed. `lang` is "en", "ru" or empty (follow
/// the environment); `locale_dir` holds LANG/LC_MESSAGES/tenderloop.mo (app::DataPaths::locale_dir;
/// empty: English only).
void setup_language(const std::string& lang, const std::string& locale_dir);

/// The translator set up by setup_language (English before it).
const Translator& translator();

/// The CLI's own text `msgid` (marked for xgettext with `tr`) in the user's language.
std::string tr(const char* msgid);

/// A message in the user's language.
inline std::string say(const Message& m) { return word(m, translator()); }

}  // namespace tl::cli
