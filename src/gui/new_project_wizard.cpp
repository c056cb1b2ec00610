#include "gui/new_project_wizard.hpp"

#include <wx/choice.h>
#include <wx/filename.h>
#include <wx/filepicker.h>
#include <wx/listctrl.h>
#include <wx/msgdlg.h>
#include <wx/radiobut.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/stdpaths.h>
#include <wx/textctrl.h>
#include <wx/wizard.h>

#include "app/data_paths.hpp"
#include "gui/i18n.hpp"
#include "gui/wx_text.hpp"
#include "core/input_file.hpp"

namespace tl::gui {

namespace {

/// The template an empty project starts from (templates/new-rules.crit), which checks as is.
/// `error` says why not: where the data was looked for, or why the file could not be read.
std::string empty_rules_text(std::string& error) {
    const app::DataPaths& data = app::program_data_paths();
    if (!data.found()) {
        error = data.error;
        return {};
    }
    InputFile file = read_input_file(data.new_rules_template(), InputKind::Rules);
    if (!file.ok()) error = from_wx(say(*file.error));
    return std::move(file.bytes);
}

wxString ambition_label(const std::string& a) {
    if (a == "core") return _("core");
    if (a == "comprehensive") return _("comprehensive");
    return a.empty() ? wxString("-") : to_wx(a);
}

/// The set's product group and title in the UI language.
wxString group_of(const app::LibraryEntry& s) { return to_wx(ui_is_russian() ? s.product_group_ru : s.product_group); }
wxString title_of(const app::LibraryEntry& s) {
    const std::string& t = ui_is_russian() && !s.title_ru.empty() ? s.title_ru : s.title;
    return t.empty() ? group_of(s) : to_wx(t);
}

wxString join(const std::vector<std::string>& items) {
    wxString out;
    for (const auto& s : items) out += (out.empty() ? "" : ", ") + to_wx(s);
    return out;
}

/// Page 1: empty text or a criteria set, with the three filters.
class SourcePage : public wxWizardPageSimple {
public:
    SourcePage(wxWizard* parent, std::vector<app::LibraryEntry> sets) : wxWizardPageSimple(parent), sets_(std::move(sets)) {
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        empty_ = new wxRadioButton(this, wxID_ANY, _("Start with an &empty criteria text"), wxDefaultPosition,
                                   wxDefaultSize, wxRB_GROUP);
        library_ = new wxRadioButton(this, wxID_ANY, _("Start from a criteria &set:"));
        sizer->Add(empty_, 0, wxBOTTOM, FromDIP(6));
        sizer->Add(library_, 0, wxBOTTOM, FromDIP(6));
        auto* filters = new wxFlexGridSizer(2, FromDIP(wxSize(8, 4)));
        filters->AddGrowableCol(1);
        group_ = add_filter(filters, _("Product &group:"));
        ambition_ = add_filter(filters, _("&Ambition level:"));
        language_ = add_filter(filters, _("&Languages:"));
        sizer->Add(filters, 0, wxEXPAND | wxLEFT, FromDIP(20));
        list_ = new wxListCtrl(this, wxID_ANY, wxDefaultPosition, FromDIP(wxSize(760, 220)),
                               wxLC_REPORT | wxLC_SINGLE_SEL);
        list_->AppendColumn(_("Product group"), wxLIST_FORMAT_LEFT, FromDIP(400));
        list_->AppendColumn(_("Ambition"), wxLIST_FORMAT_LEFT, FromDIP(90));
        list_->AppendColumn(_("Languages"), wxLIST_FORMAT_LEFT, FromDIP(80));
        list_->AppendColumn(_("File"), wxLIST_FORMAT_LEFT, FromDIP(185));
        sizer->Add(list_, 1, wxEXPAND | wxLEFT | wxTOP, FromDIP(20));
        SetSizer(sizer);

        fill_filters();
        library_->SetValue(!sets_.empty());
        empty_->SetValue(sets_.empty());
        library_->Enable(!sets_.empty());
        for (wxChoice* c : {group_, ambition_, language_}) c->Bind(wxEVT_CHOICE, [this](wxCommandEvent&) { fill_list(); });
        list_->Bind(wxEVT_LIST_ITEM_SELECTED, [this](wxListEvent&) { library_->SetValue(true); });
        fill_list();
    }

    /// The chosen set, or null for the empty text.
    const app::LibraryEntry* chosen() const {
        if (empty_->GetValue()) return nullptr;
        const long row = list_->GetNextItem(-1, wxLIST_NEXT_ALL, wxLIST_STATE_SELECTED);
        return row < 0 ? nullptr : &sets_[static_cast<std::size_t>(list_->GetItemData(row))];
    }
    bool wants_library() const { return library_->GetValue(); }

private:
    wxChoice* add_filter(wxFlexGridSizer* grid, const wxString& label) {
        grid->Add(new wxStaticText(this, wxID_ANY, label), 0, wxALIGN_CENTER_VERTICAL);
        auto* choice = new wxChoice(this, wxID_ANY);
        grid->Add(choice, 1, wxEXPAND);
        return choice;
    }

    void fill_filters() {
        std::vector<wxString> groups, ambitions, languages;
        auto add = [](std::vector<wxString>& v, const wxString& s) {
            if (std::find(v.begin(), v.end(), s) == v.end()) v.push_back(s);
        };
        for (const auto& s : sets_) {
            add(groups, group_of(s));
            add(ambitions, ambition_label(s.ambition));
            for (const auto& l : s.languages) add(languages, to_wx(l));
        }
        for (auto [choice, items] : {std::pair{group_, &groups}, {ambition_, &ambitions}, {language_, &languages}}) {
            choice->Append(_("(any)"));
            for (const auto& item : *items) choice->Append(item);
            choice->SetSelection(0);
        }
    }

    bool matches(const app::LibraryEntry& s) const {
        auto filter_is = [](wxChoice* c, const wxString& v) { return c->GetSelection() <= 0 || c->GetStringSelection() == v; };
        bool language_ok = language_->GetSelection() <= 0;
        for (const auto& l : s.languages) language_ok = language_ok || language_->GetStringSelection() == to_wx(l);
        return filter_is(group_, group_of(s)) && filter_is(ambition_, ambition_label(s.ambition)) && language_ok;
    }

    void fill_list() {
        list_->DeleteAllItems();
        for (std::size_t i = 0; i < sets_.size(); ++i) {
            const auto& s = sets_[i];
            if (!matches(s)) continue;
            const long row = list_->InsertItem(list_->GetItemCount(), group_of(s));
            list_->SetItem(row, 1, ambition_label(s.ambition));
            list_->SetItem(row, 2, join(s.languages));
            const wxFileName f(to_wx(s.path));
            list_->SetItem(row, 3, f.GetDirs().empty() ? f.GetFullName() : f.GetDirs().Last() + "/" + f.GetFullName());
            list_->SetItemData(row, static_cast<long>(i));
        }
        if (list_->GetItemCount() > 0) list_->SetItemState(0, wxLIST_STATE_SELECTED, wxLIST_STATE_SELECTED);
    }

    std::vector<app::LibraryEntry> sets_;
    wxRadioButton *empty_ = nullptr, *library_ = nullptr;
    wxChoice *group_ = nullptr, *ambition_ = nullptr, *language_ = nullptr;
    wxListCtrl* list_ = nullptr;
};

/// Page 2: title and file.
class ProjectPage : public wxWizardPageSimple {
public:
    explicit ProjectPage(wxWizard* parent) : wxWizardPageSimple(parent) {
        auto* grid = new wxFlexGridSizer(2, FromDIP(wxSize(8, 8)));
        grid->AddGrowableCol(1);
        grid->Add(new wxStaticText(this, wxID_ANY, _("&Title:")), 0, wxALIGN_CENTER_VERTICAL);
        title_ = new wxTextCtrl(this, wxID_ANY);
        grid->Add(title_, 1, wxEXPAND);
        grid->Add(new wxStaticText(this, wxID_ANY, _("Project &file:")), 0, wxALIGN_CENTER_VERTICAL);
        file_ = new wxFilePickerCtrl(this, wxID_ANY, wxString(), _("Save the project as"),
                                     _("TenderLoop projects (*.tender)|*.tender"), wxDefaultPosition, wxDefaultSize,
                                     wxFLP_SAVE | wxFLP_USE_TEXTCTRL);
        grid->Add(file_, 1, wxEXPAND);
        auto* sizer = new wxBoxSizer(wxVERTICAL);
        sizer->Add(grid, 0, wxEXPAND);
        sizer->Add(new wxStaticText(this, wxID_ANY,
                                    _("Every change is saved into the project file as it happens, with who made it "
                                      "and when (the audit log).")),
                   0, wxTOP, FromDIP(12));
        SetSizer(sizer);
    }
    void suggest(const wxString& title) {
        title_->SetValue(title);
        if (file_->GetPath().empty()) {
            wxString name = title.Lower();
            for (wxUniCharRef c : name)
                if (!wxIsalnum(c)) c = '-';
            file_->SetPath(wxFileName(wxStandardPaths::Get().GetDocumentsDir(), name.Left(40) + ".tender").GetFullPath());
        }
    }
    wxString title() const { return title_->GetValue().Strip(wxString::both); }
    wxString path() const {
        wxFileName f(file_->GetPath());
        if (f.GetExt().Lower() != "tender") f.SetExt("tender");
        return f.GetFullPath();
    }

private:
    wxTextCtrl* title_ = nullptr;
    wxFilePickerCtrl* file_ = nullptr;
};

}  // namespace

std::vector<std::string> criteria_library_dirs() {
    const app::DataPaths& data = app::program_data_paths();
    return data.found() ? data.criteria_library_dirs() : std::vector<std::string>{};
}

bool run_new_project_wizard(wxWindow* parent, NewProjectChoice& choice) {
    wxWizard wizard(parent, wxID_ANY, _("New project"));
    auto* source = new SourcePage(&wizard, app::find_criteria_sets(criteria_library_dirs()));
    auto* project = new ProjectPage(&wizard);
    wxWizardPageSimple::Chain(source, project);
    wizard.GetPageAreaSizer()->Add(source);
    wizard.Bind(wxEVT_WIZARD_PAGE_CHANGING, [&](wxWizardEvent& e) {
        if (!e.GetDirection() || e.GetPage() != source) return;
        const app::LibraryEntry* set = source->chosen();
        if (source->wants_library() && !set) {
            wxMessageBox(_("Choose a criteria set in the list, or start with an empty text."), _("New project"),
                         wxOK | wxICON_INFORMATION, &wizard);
            e.Veto();
            return;
        }
        project->suggest(set ? title_of(*set) : _("New tender"));
    });
    if (!wizard.RunWizard(source)) return false;
    const app::LibraryEntry* set = source->chosen();
    std::string error;
    if (set) {
        InputFile file = read_input_file(set->path, InputKind::Rules);
        if (!file.ok()) error = from_wx(say(*file.error));
        choice.rules_text = std::move(file.bytes);
        choice.source_name = from_wx(wxFileName(to_wx(set->path)).GetFullName());
    } else {
        choice.rules_text = empty_rules_text(error);
        choice.source_name = "new-rules.crit";
    }
    if (!error.empty()) {
        wxMessageBox(to_wx(error), _("New project"), wxOK | wxICON_ERROR, parent);
        return false;
    }
    choice.title = project->title();
    choice.path = project->path();
    return true;
}

}  // namespace tl::gui
