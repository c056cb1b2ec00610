#include "gui/preferences.hpp"

#include <wx/choice.h>
#include <wx/config.h>
#include <wx/dialog.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textctrl.h>

#include "app/tender_project.hpp"
#include "gui/wx_text.hpp"

namespace tl::gui {

namespace {
const char* const kLanguageKey = "/Preferences/Language";
const char* const kUserKey = "/Preferences/UserName";
const wxString kLanguageCodes[] = {"", "en", "ru"};
}  // namespace

Preferences Preferences::load() {
    Preferences p;
    wxConfigBase* config = wxConfig::Get();
    config->Read(kLanguageKey, &p.language);
    config->Read(kUserKey, &p.user_name);
    return p;
}

void Preferences::save() const {
    wxConfigBase* config = wxConfig::Get();
    config->Write(kLanguageKey, language);
    config->Write(kUserKey, user_name);
    config->Flush();
}

std::string Preferences::audit_user() const {
    const wxString name = user_name.Strip(wxString::both);
    return name.empty() ? app::login_name() : from_wx(name);
}

bool edit_preferences(wxWindow* parent, Preferences& prefs) {
    wxDialog dialog(parent, wxID_ANY, _("Preferences"));
    auto* grid = new wxFlexGridSizer(2, dialog.FromDIP(wxSize(8, 8)));
    grid->AddGrowableCol(1);
    grid->Add(new wxStaticText(&dialog, wxID_ANY, _("&Language:")), 0, wxALIGN_CENTER_VERTICAL);
    auto* language = new wxChoice(&dialog, wxID_ANY);
    language->Append(_("As the system"));
    language->Append("English");
    language->Append(wxString::FromUTF8("Русский"));
    int selected = 0;
    for (int i = 0; i < 3; ++i)
        if (prefs.language == kLanguageCodes[i]) selected = i;
    language->SetSelection(selected);
    grid->Add(language, 1, wxEXPAND);
    grid->Add(new wxStaticText(&dialog, wxID_ANY, _("Your &name (audit log):")), 0, wxALIGN_CENTER_VERTICAL);
    auto* user = new wxTextCtrl(&dialog, wxID_ANY, prefs.user_name);
    user->SetHint(to_wx(app::login_name()));
    user->SetMinSize(dialog.FromDIP(wxSize(260, -1)));
    grid->Add(user, 1, wxEXPAND);

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(grid, 0, wxEXPAND | wxALL, dialog.FromDIP(12));
    sizer->Add(new wxStaticText(&dialog, wxID_ANY, _("A new language takes effect when TenderLoop starts again.")), 0,
               wxLEFT | wxRIGHT, dialog.FromDIP(12));
    sizer->Add(dialog.CreateSeparatedButtonSizer(wxOK | wxCANCEL), 0, wxEXPAND | wxALL, dialog.FromDIP(12));
    dialog.SetSizerAndFit(sizer);
    if (dialog.ShowModal() != wxID_OK) return false;
    prefs.language = kLanguageCodes[language->GetSelection()];
    prefs.user_name = user->GetValue().Strip(wxString::both);
    prefs.save();
    return true;
}

}  // namespace tl::gui
