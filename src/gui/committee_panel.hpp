#pragma once
/// The Committee page of a project, in three tabs: Evaluators (members, roles, conflict-of-interest
/// declarations, submission state), Scoring (one evaluator's sheet: bids x committee criteria,
/// value and justification per cell, submit, reopen) and Consensus (the chair's view of every
/// mark, the spread, the dispersion to discuss, the consensus, and what is still missing).
///
/// Every change goes through ProjectDocument::apply, so the store's rules decide and the results
/// follow. Each change is recorded in the audit log as made by the person whose act it is: the
/// project's user adds evaluators; an evaluator declares, scores and submits; the chair reopens
/// and records the consensus. The panel sets the project's user to that person for the one
/// change and restores it afterwards; each tab says whom it records as.
#include <functional>
#include <string>

#include <wx/panel.h>

#include "app/tender_project.hpp"
#include "gui/committee_data.hpp"

class wxNotebook;
class wxStaticText;

namespace tl::gui {

class ProjectDocument;
class CommitteeEvaluatorsPage;
class CommitteeScoringPage;
class CommitteeConsensusPage;

class CommitteePanel : public wxPanel {
public:
    /// The tabs, in order.
    enum class Tab { Evaluators = 0, Scoring = 1, Consensus = 2 };

    /// Shows `document`'s committee and follows its changes (it subscribes to the document).
    CommitteePanel(wxWindow* parent, ProjectDocument& document);

    /// Shows a tab (and moves the focus into it).
    void show_tab(Tab tab);
    Tab current_tab() const;

    /// The committee as last read from the project (after each change).
    const CommitteeData& data() const { return data_; }

    /// The changes, each as the person whose act it is (see the file comment). A refusal is shown
    /// in a message box over the panel unless set_quiet(true); the outcome is returned either way.
    app::ChangeOutcome add_evaluator(const std::string& name, store::Role role, const std::string& reason);
    app::ChangeOutcome declare(const std::string& evaluator, store::CoiKind kind, const std::string& bidder,
                               const std::string& text);
    app::ChangeOutcome record_score(const store::ScoreInput& score);
    app::ChangeOutcome submit(const std::string& evaluator);
    app::ChangeOutcome reopen(const std::string& evaluator, const std::string& reason);
    app::ChangeOutcome record_consensus(const store::ConsensusInput& consensus);

    /// Refusals are returned only, not shown (the self-test drives the panel without dialogs).
    void set_quiet(bool quiet) { quiet_ = quiet; }

    CommitteeEvaluatorsPage& evaluators_page() { return *evaluators_; }
    CommitteeScoringPage& scoring_page() { return *scoring_; }
    CommitteeConsensusPage& consensus_page() { return *consensus_; }

private:
    app::ChangeOutcome act_as(const std::string& person,
                              const std::function<app::ChangeOutcome(app::TenderProject&)>& change);
    std::string chair_name() const;
    void on_document_changed();
    void reload();

    ProjectDocument& document_;
    CommitteeData data_;
    bool quiet_ = false;
    wxStaticText* placeholder_ = nullptr;
    wxNotebook* book_ = nullptr;
    CommitteeEvaluatorsPage* evaluators_ = nullptr;
    CommitteeScoringPage* scoring_ = nullptr;
    CommitteeConsensusPage* consensus_ = nullptr;
};

}  // namespace tl::gui
