#include "gui/committee_panel.hpp"

#include <wx/notebook.h>
#include <wx/sizer.h>
#include <wx/stattext.h>

#include "gui/committee_consensus.hpp"
#include "gui/committee_evaluators.hpp"
#include "gui/committee_scoring.hpp"
#include "gui/project_document.hpp"

namespace tl::gui {

namespace {

/// Puts the project's user back when the change is done, also when it throws.
class RestoreUser {
public:
    explicit RestoreUser(app::TenderProject& p) : project_(p), user_(p.user()) {}
    ~RestoreUser() {
        project_.set_user(user_);
        project_.set_entered_by("");
    }
    RestoreUser(const RestoreUser&) = delete;
    RestoreUser& operator=(const RestoreUser&) = delete;

private:
    app::TenderProject& project_;
    std::string user_;
};

}  // namespace

CommitteePanel::CommitteePanel(wxWindow* parent, ProjectDocument& document) : wxPanel(parent), document_(document) {
    placeholder_ = new wxStaticText(this, wxID_ANY, _("Open or create a project to record the committee's work."));
    book_ = new wxNotebook(this, wxID_ANY);
    evaluators_ = new CommitteeEvaluatorsPage(book_, *this);
    scoring_ = new CommitteeScoringPage(book_, *this);
    consensus_ = new CommitteeConsensusPage(book_, *this);
    book_->AddPage(evaluators_, _("Evaluators"), true);
    book_->AddPage(scoring_, _("Scoring"));
    book_->AddPage(consensus_, _("Consensus"));

    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(placeholder_, 0, wxALL, FromDIP(8));
    sizer->Add(book_, 1, wxEXPAND);
    SetSizer(sizer);
    document_.subscribe([this] { on_document_changed(); });
    reload();
}

void CommitteePanel::show_tab(Tab tab) {
    book_->ChangeSelection(static_cast<std::size_t>(tab));
    if (wxWindow* page = book_->GetCurrentPage()) page->SetFocus();
}

CommitteePanel::Tab CommitteePanel::current_tab() const { return static_cast<Tab>(book_->GetSelection()); }

void CommitteePanel::on_document_changed() { reload(); }

void CommitteePanel::reload() {
    data_ = read_committee(document_);
    placeholder_->Show(!data_.open);
    book_->Show(data_.open);
    evaluators_->update(data_);
    scoring_->update(data_);
    consensus_->update(data_);
    Layout();
}

std::string CommitteePanel::chair_name() const {
    const CommitteeMember* chair = data_.chair();
    return chair ? chair->name : std::string();
}

app::ChangeOutcome CommitteePanel::act_as(const std::string& person,
                                          const std::function<app::ChangeOutcome(app::TenderProject&)>& change) {
    if (!document_.is_open()) return {false, "no project is open", {}};
    wxWindow* parent = quiet_ ? nullptr : wxGetTopLevelParent(this);
    return document_.apply(parent, [&] {
        // The user goes back before apply refreshes the views (the title shows the user).
        app::TenderProject& project = document_.project();
        RestoreUser restore(project);
        if (!person.empty() && person != project.user()) {
            // The log names the member (the store checks their rights) and who typed it in.
            project.set_entered_by(project.user());
            project.set_user(person);
        }
        return change(project);
    });
}

app::ChangeOutcome CommitteePanel::add_evaluator(const std::string& name, store::Role role, const std::string& reason) {
    // The officer appoints the committee: recorded as the project's user.
    return act_as("", [&](app::TenderProject& p) { return p.add_evaluator(name, role, reason); });
}

app::ChangeOutcome CommitteePanel::declare(const std::string& evaluator, store::CoiKind kind, const std::string& bidder,
                                           const std::string& text) {
    return act_as(evaluator, [&](app::TenderProject& p) { return p.declare_interest(evaluator, kind, bidder, text); });
}

app::ChangeOutcome CommitteePanel::record_score(const store::ScoreInput& score) {
    return act_as(score.evaluator, [&](app::TenderProject& p) { return p.record_score(score); });
}

app::ChangeOutcome CommitteePanel::submit(const std::string& evaluator) {
    return act_as(evaluator, [&](app::TenderProject& p) { return p.submit_scores(evaluator); });
}

app::ChangeOutcome CommitteePanel::reopen(const std::string& evaluator, const std::string& reason) {
    // Without a chair the store refuses with its reason; acting as nobody in particular then.
    return act_as(chair_name(), [&](app::TenderProject& p) { return p.reopen_scores(evaluator, reason); });
}

app::ChangeOutcome CommitteePanel::record_consensus(const store::ConsensusInput& consensus) {
    return act_as(chair_name(), [&](app::TenderProject& p) { return p.record_consensus(consensus); });
}

}  // namespace tl::gui
