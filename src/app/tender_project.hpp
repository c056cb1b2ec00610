#pragma once
/// One open tender project as the desktop app works with it: the project file (store::Project),
/// its current rules checked, and every change a user makes (rules, bids, committee) as one call
/// that either records the change with its audit entry or says why not, with the place of each
/// problem. Nothing here prints or shows anything: the CLI and the GUI present the outcomes.
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/bids.hpp"
#include "core/committee.hpp"
#include "core/criteria.hpp"
#include "core/diagnostic.hpp"
#include "core/result.hpp"
#include "core/rules_correction.hpp"
#include "io/workbook/evaluation_workbook.hpp"
#include "lang/load.hpp"
#include "store/project.hpp"

namespace tl::app {

/// Why a change was not made, for a caller that acts on it or words the refusal itself (never
/// search the summary's words).
enum class Refusal {
    None,             ///< not refused (the change was made, or nothing was asked)
    Problems,         ///< the input has errors, each in `problems` (rules, bid files, a typed bid)
    RulesDoNotCheck,  ///< the project's own rules do not check (their diagnostics in `problems`)
    Unchanged,        ///< equal to what the project holds: nothing to record
    BidsDoNotFit,     ///< stored bids the new rules cannot read (each in `problems`)
    /// The project holds bids, so its rules are frozen: only a correction with a reason may
    /// change them (set_rules with `correction`); a front end may offer to record it as one.
    RulesFrozen,
    NoBids,           ///< the files hold no bids
    BidsExist,        ///< bids of these bidders are in the project already: import with `replace`
    NotFound,         ///< the bid (or record) named is not in the project
    Provisional,      ///< consensus scores the ranking needs are missing (ProjectEvaluation::missing)
    Store,            ///< the project refused the change or could not write it (the summary says why)
    ReadOnly,         ///< the project is open read-only (TenderProject::read_only): nothing can be recorded
    Io,               ///< a file could not be read or written (the summary says which and why)
    Output,           ///< the output would destroy an input, a project or a file of another kind (app/output_guard.hpp)
};

/// What a requested change came to: done, or refused with every reason. `problems` may hold
/// warnings even when `ok`.
struct ChangeOutcome {
    bool ok = false;
    std::string summary;  ///< one line: what was recorded, or why nothing was, in English (logs, tests)
    Diagnostics problems;
    /// The summary as a value (codes "app.*", or the store's refusal) for a front end to word in
    /// the user's language; set with `summary` by set_summary.
    Message summary_message;
    Refusal refusal = Refusal::None;
    /// What a change came to, for callers that word it themselves: bids added, replaced,
    /// removed; stored bids re-read under new rules.
    std::size_t added = 0, replaced = 0, removed = 0, re_read = 0;
    std::int64_t recorded = 0;  ///< the number of the rules version or evaluation run recorded
    /// An evaluation or export done on a read-only project: `ok`, but nothing was recorded
    /// (`recorded` is 0; the summary says so, code "app.read-only.*").
    bool not_recorded = false;
    /// The store's refusal as a value (store::StoreError::message()), when the store refused the
    /// change: its code says which refusal it was ("store.refused.bid-exists": replacing would go
    /// through). Empty otherwise.
    Message store_refusal{};
};

/// A new project: where, and its first rules.
struct NewProjectRequest {
    std::string path;
    std::string title;  ///< empty: the rules' tender title, else the file's name
    std::string rules_text;
    std::string rules_source_name;  ///< the name stored with the rules (a file name)
    std::string rules_location;     ///< where messages about the rules point (a path); empty: the source name
    std::string reason;             ///< for the audit log
    /// An existing file at `path` is replaced (its rules, bids, committee and log are gone),
    /// only when it is complete; without this it is refused ("the file exists already").
    bool replace_existing = false;
};

/// One bid as a person types it: the answers as text by field id (read like the cells of a bids
/// CSV, so the same spellings work: "12 %", "yes", "2026-11-29", "1 234,5").
struct BidEntry {
    std::string bidder, lot, submitted;
    std::map<std::string, std::string> answers;  ///< field id -> text; absent or "" = not stated
};

/// One evaluation of the project as it is now. Immutable, so a worker thread (the workbook
/// export) may keep it while the user goes on changing the project.
struct ProjectEvaluation {
    CriteriaSet rules;
    BidTable bids;  ///< the stored bids with the chair's consensus in the committee fields
    Result result;
    store::RulesVersion rules_version;
    /// Consensus scores the ranking needs and the project lacks. Not empty: the ranking is
    /// PROVISIONAL (each missing score counts as the lowest of its criterion) and no workbook may
    /// be exported.
    std::vector<store::MissingConsensus> missing;
    CommitteeScores committee;  ///< each evaluator's marks, for the Committee sheet
    std::string audit_head;     ///< the log's head when evaluated
    /// The corrections of the rules made after bids arrived, up to the evaluated version, with
    /// their diffs: every document made from the evaluation shows them.
    std::vector<RulesCorrection> corrections;
    bool provisional() const { return !missing.empty(); }
};

class TenderProject {
public:
    /// What a project is opened for: work, or inspection (`audit verify`), which also opens a file
    /// whose schema is not TenderLoop's own so that the verification can name what differs (no
    /// change can be made to such a file).
    enum class OpenFor { Work, Inspection };
    /// Opens a project file. Throws store::StoreError with a message for the user. A file that
    /// cannot be written (read-only medium, file or folder), or any file with `read_only`, opens
    /// read-only: it evaluates and exports without recording, and refuses every change.
    static TenderProject open(const std::string& path, const std::string& user, const std::string& tool_version,
                              bool read_only = false, OpenFor purpose = OpenFor::Work);

    /// Creates `path` from a rules text (checked first; a text with errors or imports is refused
    /// with its diagnostics in `outcome`). The title defaults to the rules' tender title.
    static std::optional<TenderProject> create(const std::string& path, const std::string& title,
                                               const std::string& rules_text, const std::string& rules_source_name,
                                               const std::string& user, const std::string& tool_version,
                                               ChangeOutcome& outcome);
    /// The same with every choice: a reason for the log, and replacing an existing file. The
    /// file is built aside and put in place only when complete, so a refusal or a full disk
    /// leaves an existing file as it was.
    static std::optional<TenderProject> create(const NewProjectRequest& request, const std::string& user,
                                               const std::string& tool_version, ChangeOutcome& outcome);

    TenderProject(TenderProject&&) noexcept;
    TenderProject& operator=(TenderProject&&) noexcept;
    ~TenderProject();

    const std::string& path() const;
    /// True when the project is open read-only (store::Project::read_only).
    bool read_only() const;
    /// "nothing was recorded: the project is read-only (WHY)": what an evaluation or export of
    /// a read-only project says (code "app.read-only.not-recorded"); empty when it is writable.
    Message not_recorded_note() const;
    /// Who makes the changes (written to the audit log).
    const std::string& user() const;
    void set_user(const std::string& user);
    /// Who is at the keyboard when that is not `user` (a secretary entering a member's marks
    /// from the paper sheet): every change then says "entered by NAME" in its reason, so the log
    /// names both. Empty: the user enters their own changes.
    void set_entered_by(const std::string& operator_name);

    /// The project file itself, for reading its records (bids, evaluators, audit log...).
    const store::Project& store() const;

    // The records the front ends list, read from the project file (store::Project has the details).
    std::string audit_head() const;
    store::ProjectInfo info() const;
    std::vector<store::StoredBid> bids() const;
    std::vector<store::RulesVersion> rules_history() const;
    store::RulesVersion rules_version(int version) const;  ///< throws store::StoreError (NotFound)
    CommitteeScores committee_scores(const CriteriaSet& rules) const;
    std::vector<store::AuditEntry> audit_log() const;
    /// The rows an entry changed, with old and new values (entries of project format 3).
    std::vector<store::RowChange> audit_changes(const store::AuditEntry& entry) const;
    store::AuditReport verify_audit(const std::string& signed_head = "") const;

    /// The current rules version, and what it means when it checks (`rules().ok()`).
    const store::RulesVersion& rules_version() const;
    const lang::LoadResult& rules() const;

    /// Checks `text` and re-reads the stored bids against it; when both are fine records it as a
    /// new rules version. Refused: errors, imports, bids the new fields cannot read, committee
    /// scores the new rules would orphan, a text equal to the current one.
    /// `location`: where messages about the text point (a path); empty: `source_name`. `re_read`
    /// and `recorded` (the new version) in the outcome.
    /// Once the project holds a bid the rules are frozen: a change is refused with
    /// Refusal::RulesFrozen unless `correction` records it as a correction, which needs a reason
    /// (store::Project::set_rules).
    ChangeOutcome set_rules(const std::string& text, const std::string& source_name, const std::string& reason,
                            const std::string& location = "", bool correction = false);

    /// The corrections of the current rules made after bids arrived (oldest first), each with its
    /// diff against the version before it.
    std::vector<RulesCorrection> rules_corrections() const;

    /// Imports bids CSV files and filled-in bid forms, all or nothing (bids_files.hpp); `added`
    /// and `replaced` in the outcome.
    ChangeOutcome import_bid_files(const std::vector<std::string>& paths, bool replace, const std::string& reason);

    /// Adds a bid, or with `replace` replaces the stored bid of the same bidder and lot. Every
    /// answer is read and checked as a bids CSV cell would be; each problem names its field. A
    /// name with invisible characters is refused; a name that looks like another stored bidder's
    /// (or mixes alphabets in a word) is recorded with a warning in `problems`.
    ChangeOutcome put_bid(const BidEntry& entry, bool replace, const std::string& reason);

    /// Removes a bid (refused once the committee has scored it). An empty `lot`: the bidder's
    /// bids in every lot. `removed` in the outcome.
    ChangeOutcome remove_bid(const std::string& bidder, const std::string& lot, const std::string& reason);

    /// Records the bid of `bidder` in `lot` as `to`: another bidder's name or lot, and the
    /// answers `to` gives. The store keys a bid by bidder and lot, so this records `to` and then
    /// removes the old bid; when that is refused (the committee has scored it) `to` is taken
    /// back, so a refusal leaves the project as it was. The new name is checked as put_bid's: a
    /// look-alike of another bidder's name is renamed with a warning, not refused (the officer may
    /// be correcting a name to the company's real spelling), never silently.
    ChangeOutcome rename_bid(const std::string& bidder, const std::string& lot, const BidEntry& to,
                             const std::string& reason);
    /// The same keeping the bid's answers: only its bidder and lot change.
    ChangeOutcome rename_bid(const std::string& bidder, const std::string& lot, const std::string& new_bidder,
                             const std::string& new_lot, const std::string& reason);

    /// The stored bid as a person would retype it (for editing and undo); nothing when absent.
    std::optional<BidEntry> bid_entry(const std::string& bidder, const std::string& lot) const;

    /// The committee's records, each refused by the store's rules with the reason (project.hpp).
    ChangeOutcome add_evaluator(const std::string& name, store::Role role, const std::string& reason);
    ChangeOutcome declare_interest(const std::string& evaluator, store::CoiKind kind, const std::string& bidder,
                                   const std::string& text, const std::string& reason = "");
    ChangeOutcome record_score(const store::ScoreInput& score, const std::string& reason = "");
    ChangeOutcome submit_scores(const std::string& evaluator, const std::string& reason = "");
    ChangeOutcome reopen_scores(const std::string& evaluator, const std::string& reason);
    ChangeOutcome record_consensus(const store::ConsensusInput& consensus, const std::string& reason = "");

    /// Evaluates the current rules over the stored bids and consensus scores; null when the rules
    /// do not check. Does not record a run (live views evaluate often): see record_run. Asked
    /// again before the project changed, returns the same evaluation.
    std::shared_ptr<const ProjectEvaluation> evaluate() const;

    /// What the project would look like under a rules text that is not recorded yet (the editor's
    /// live view): its diagnostics (also bids that the new fields cannot read) and, when it
    /// checks, the evaluation of the stored bids under it. Changes nothing.
    struct RulesPreview {
        std::shared_ptr<const lang::LoadResult> loaded;
        Diagnostics problems;  ///< the rules' diagnostics, then the stored bids' misfits
        std::shared_ptr<const ProjectEvaluation> evaluation;  ///< null unless everything checks
    };
    RulesPreview preview_rules(const std::string& text, const std::string& source_name) const;

    /// Records `ev` as an evaluation run (its result as JSON, the inputs' hash); the run's
    /// number in `recorded`.
    ChangeOutcome record_run(const ProjectEvaluation& ev, const std::string& result_json, const std::string& reason = "");

    /// What the workbook's Audit sheet says of this project's inputs (`exported_at` now).
    io::ExportInfo export_info(const ProjectEvaluation& ev, const std::string& tool_version) const;

    /// Records a workbook written from `ev` at `workbook_path` (its SHA-256 read back from disk).
    /// `written_at`: where its bytes are now when that is not yet `workbook_path` (the temporary
    /// an export puts in place only once the export is recorded); empty: `workbook_path`.
    ChangeOutcome record_export(const ProjectEvaluation& ev, const std::string& workbook_path,
                                const std::string& reason = "", const std::string& written_at = "");

private:
    struct State;
    explicit TenderProject(std::unique_ptr<State> state);
    void reload_rules();
    store::Actor actor(const std::string& reason) const;
    template <class F>
    ChangeOutcome change(Message done, F&& f);
    /// put_bid, comparing the name with every stored bid's but `renamed`'s (the bid a rename replaces).
    ChangeOutcome put_bid_except(const BidEntry& entry, bool replace, const std::string& reason, const store::BidKey* renamed);
    std::unique_ptr<State> s_;
};

/// Sets the outcome's summary: the message and its English wording together.
void set_summary(ChangeOutcome& outcome, Message summary);


/// The login name of the user running TenderLoop (getpwuid; $USER; "unknown").
std::string login_name();

/// True when the file starts with the SQLite header: a project, or another database (opening
/// it then says which).
bool is_sqlite_file(const std::string& path);

}  // namespace tl::app
