#include "gui/i18n.hpp"

#include <wx/log.h>
#include <wx/translation.h>

#include "app/data_paths.hpp"
#include "gui/wx_text.hpp"

namespace tl::gui {

namespace {

bool g_russian = false;

/// The catalogs found with the rest of the data: <prefix>/share/locale, or <build>/locale.
void add_catalog_paths() {
    const app::DataPaths& data = app::program_data_paths();
    if (data.found()) wxFileTranslationsLoader::AddCatalogLookupPathPrefix(to_wx(data.locale_dir));
}

}  // namespace

std::unique_ptr<wxLocale> setup_language(const wxString& lang) {
    add_catalog_paths();
    int language = wxLANGUAGE_DEFAULT;
    if (lang == "ru") language = wxLANGUAGE_RUSSIAN;
    else if (lang == "en") language = wxLANGUAGE_ENGLISH_US;
    else if (!lang.empty()) wxLogWarning(_("Unknown language '%s'; using the system language."), lang);

    std::unique_ptr<wxLocale> locale;
    if (language != wxLANGUAGE_ENGLISH_US) {
        // The C library locale too (numbers and dates per locale). It may be missing on the
        // system (no ru_RU.UTF-8 generated): the UI is then still translated below.
        wxLogNull quiet;
        locale = std::make_unique<wxLocale>();
        if (!locale->Init(language, wxLOCALE_DONT_LOAD_DEFAULT)) locale.reset();
    }
    auto* translations = new wxTranslations;
    wxTranslations::Set(translations);
    if (language == wxLANGUAGE_DEFAULT && locale) language = locale->GetLanguage();
    if (language == wxLANGUAGE_DEFAULT) language = wxLocale::GetSystemLanguage();
    translations->SetLanguage(static_cast<wxLanguage>(language));
    {
        wxLogNull quiet;  // wx's own catalog is optional (Debian: wx3.2-i18n)
        translations->AddStdCatalog();
    }
    // One catalog domain for every message of TenderLoop, the libraries' and the CLI's too.
    translations->AddCatalog("tenderloop", wxLANGUAGE_ENGLISH_US);
    const wxString name = wxLocale::GetLanguageCanonicalName(language);
    g_russian = name.StartsWith("ru");
    return locale;
}

bool ui_is_russian() { return g_russian; }

namespace {

/// The libraries' messages (tl::Message) worded through wx's translations of the same catalog.
class WxTranslator final : public Translator {
public:
    std::string translate(const std::string& msgid) const override {
        if (msgid.empty()) return msgid;
        return from_wx(wxGetTranslation(wxString::FromUTF8(msgid), "tenderloop"));
    }
    std::string translate_plural(const std::string& msgid, const std::string& plural, long long n) const override {
        return from_wx(wxGetTranslation(wxString::FromUTF8(msgid), wxString::FromUTF8(plural),
                                        static_cast<unsigned>(n < 0 ? -n : n), "tenderloop"));
    }
    std::string language() const override { return g_russian ? "ru" : "en"; }
};

}  // namespace

const Translator& ui_translator() {
    static const WxTranslator instance;
    return instance;
}

wxString say(const Message& m) { return to_wx(word(m, ui_translator())); }

wxString criterion_label(const Criterion& c) { return to_wx(name_in(c, ui_translator().language())); }

}  // namespace tl::gui
