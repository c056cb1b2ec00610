#pragma once
/// A tender project file (`*.tender`): one SQLite database per tender holding every version of the
/// rules, the bids, the evaluation committee's declarations and scores, the evaluation runs, the
/// exports, and an append-only audit log chained by SHA-256 (store/audit.hpp).
///
/// Every change is one transaction that also appends its audit entry: it happens completely,
/// with its entry, or not at all (also when the process is killed half-way). A change the
/// project's rules do not allow throws StoreError(Refused) and changes nothing.
///
/// The file: `PRAGMA application_id` = kApplicationId identifies it, `PRAGMA user_version` =
/// its format version (kFormatVersion; older files are migrated in one transaction when opened,
/// newer ones refused); rollback journal (not WAL: project files live on network shares),
/// synchronous=FULL, foreign keys on, SQLITE_DBCONFIG_DEFENSIVE and trusted_schema=OFF for files
/// received from others, and a quick_check when opened.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/bids.hpp"
#include "core/committee.hpp"
#include "core/criteria.hpp"
#include "store/errors.hpp"
#include "store/types.hpp"

namespace tl::store {

/// `PRAGMA application_id` of every project file: "TLOP".
inline constexpr std::int32_t kApplicationId = 0x544C4F50;
/// The format this program writes; it migrates files of every lower version.
inline constexpr int kFormatVersion = 3;
/// Evaluators further apart than this on the committee's scale (highest - lowest score) are
/// flagged: the committee should discuss the bid before the chair records a consensus.
inline constexpr double kDispersionThreshold = 2.0;

/// What `create` needs besides the file name.
struct NewProject {
    std::string title, reference;
    std::string rules_text, rules_source_name;  ///< checked rules (the caller checks them)
    std::vector<Lot> lots;                      ///< the rules' lots (empty: a single lot)
    std::string tool_version;
};

/// Options of `open` and `create`.
struct ProjectOptions {
    Clock clock;  ///< the time of changes; empty: system_time_utc
    /// Who is written to the log when opening migrates an older file (empty: "tenderloop").
    std::string user;
    std::string tool_version;  ///< written to the log by a migration
    /// Open a file whose schema is not TenderLoop's own (an extra trigger, an altered table) for
    /// `verify_audit` to report it, instead of refusing it; nothing can be changed in such a file.
    bool inspect = false;
    /// Open for reading only even when the file could be written (as on a read-only medium).
    /// A file that cannot be written is opened read-only whatever this says (read_only.hpp).
    bool read_only = false;
};

class Project {
public:
    /// What `create` does when `path` exists: refuse ("the file exists already"), or replace the
    /// file (its rules, bids, committee and log are gone; its journal too, which would otherwise
    /// be played back into the new file). The caller makes sure nobody has it open.
    enum class IfExists { Refuse, Replace };
    /// Creates `path` with its first rules version. The file appears complete or not at all: it
    /// is built under a temporary name and then put into place (core/atomic_file.hpp), so a
    /// failure leaves an existing file as it was.
    static Project create(const std::string& path, const NewProject& project, const Actor& actor,
                          const ProjectOptions& options = {}, IfExists if_exists = IfExists::Refuse);
    /// Opens an existing project: checks identity, version and integrity, migrates an older format.
    static Project open(const std::string& path, const ProjectOptions& options = {});
    /// True when the file starts with the SQLite header (whatever its application id).
    static bool is_sqlite_file(const std::string& path);

    Project(Project&&) noexcept;
    Project& operator=(Project&&) noexcept;
    ~Project();

    ProjectInfo info() const;
    /// True when the file was opened for reading only (a read-only medium, file or folder, or
    /// ProjectOptions::read_only): it reads, evaluates and exports, and every change is refused
    /// with StoreError(Refused, code "store.refused.read-only").
    bool read_only() const;
    /// Why it is read-only ("it is on a read-only medium"...); empty when it is not.
    Message read_only_reason() const;

    // ---- rules (project_rules.cpp) ----
    RulesVersion current_rules() const;
    /// Every version, oldest first.
    std::vector<RulesVersion> rules_history() const;
    /// Throws NotFound for a version the project does not hold.
    RulesVersion rules_version(int version) const;
    std::vector<Lot> lots() const;
    /// Records a new rules version: `text` as read from `source_name`, `rules` what it means
    /// (checked by the caller; its lots replace the project's). Every stored bid must be in
    /// `rebound` (same bidder and lot) with its values for the new rules' fields: the caller
    /// re-reads the stored answers against the new fields (committee fields are ignored).
    /// Refuses rules identical to the current version, and rules under which a recorded committee
    /// score or consensus would lose its meaning (its criterion no longer scored by the committee,
    /// or its value off the new committee scale). Returns the new version.
    /// Once the project holds a bid the rules are frozen (changing published criteria after bids
    /// arrived is unlawful): a change is refused ("store.refused.rules-frozen", naming the bids and
    /// since when) unless `correction` says it corrects an error (a typo in a name, say); a
    /// correction needs `actor.reason` ("store.refused.correction-needs-reason"), is recorded with
    /// RulesVersion::correction and the log's action "rules.correct" (plain changes: "rules.set"),
    /// and is refused while no bid has arrived ("store.refused.correction-without-bids").
    int set_rules(const std::string& text, const std::string& source_name, const CriteriaSet& rules,
                  const BidTable& rebound, const Actor& actor, bool correction = false);

    // ---- bids (project_bids.cpp) ----
    /// Bids in import order (a replaced bid keeps its place).
    std::vector<StoredBid> bids() const;
    /// The stored bids as a table over `fields`: each value found by field id (NaN and "" where
    /// the bid holds none, e.g. a committee field). Same order as bids().
    BidTable bid_table(const std::vector<FieldDecl>& fields) const;
    struct ImportResult {
        std::vector<BidKey> added, replaced;
    };
    /// Imports every bid of `table` (all or nothing). A bid of a bidder the project already has
    /// (same lot) is refused with every such bidder listed, unless `replace`: then its values are
    /// replaced (its committee scores stay, and the log records the replacement). Values of
    /// committee fields are not stored (the committee's consensus takes their place).
    /// `files` are the files read (for the log); `file_of_bid[i]` indexes the file of bid i.
    ImportResult import_bids(const BidTable& table, const std::vector<ImportFile>& files,
                             const std::vector<std::size_t>& file_of_bid, bool replace, const Actor& actor);
    /// Removes the bidder's bids (in `lot` only, when given). Refused when the committee has
    /// scored one of them. Returns how many were removed; NotFound when none.
    /// True when the committee has scored the bid of `bidder` in `lot` ("" = no lots) or recorded
    /// its consensus: such a bid is the committee's record and may be neither removed nor renamed.
    bool bid_has_committee_records(const std::string& bidder, const std::string& lot) const;

    int remove_bids(const std::string& bidder, const std::optional<std::string>& lot, const Actor& actor);

    // ---- the committee (project_committee.cpp) ----
    std::vector<Evaluator> evaluators() const;
    std::vector<CoiDeclaration> declarations() const;
    /// Refuses a second chair and a name already on the committee.
    void add_evaluator(const std::string& name, Role role, const Actor& actor);
    /// Records a conflict-of-interest declaration (an evaluator may make several). For CoiKind::Bid,
    /// `bidder` must have a bid in the project.
    void declare_interest(const std::string& evaluator, CoiKind kind, const std::string& bidder, const std::string& text,
                          const Actor& actor);
    /// Records (or revises) a draft score. Refused without a declaration, for a bid or tender the
    /// evaluator declared a conflict with, after the evaluator submitted, without a justification,
    /// and outside the criterion's committee scale in `rules`.
    void record_score(const ScoreInput& score, const CriteriaSet& rules, const Actor& actor);
    /// Locks the evaluator's scores. Refused while a score the evaluator may give is missing.
    void submit_scores(const std::string& evaluator, const CriteriaSet& rules, const Actor& actor);
    /// Turns a submission back into drafts. Only the chair (`actor.user`), with a reason.
    void reopen_scores(const std::string& evaluator, const Actor& actor);
    /// Records the consensus (replacing an earlier one). Only the chair (`actor.user`), and only
    /// once every evaluator who may score the bid has submitted.
    void record_consensus(const ConsensusInput& consensus, const CriteriaSet& rules, const Actor& actor);
    /// Per committee criterion and bid: every evaluator's mark, the spread, mean, median,
    /// dispersion flag, consensus and what is missing. Bids as in evaluation_bids.
    CommitteeScores committee_scores(const CriteriaSet& rules) const;

    // ---- evaluation (project_records.cpp) ----
    /// The bids for tl::evaluate: bid_table(rules.fields) with each committee field holding the
    /// consensus of that bid and criterion (NaN when none is recorded).
    BidTable evaluation_bids(const CriteriaSet& rules) const;
    /// Every consensus the evaluation needs and the project lacks (criterion x bid, rules order).
    std::vector<MissingConsensus> missing_consensus(const CriteriaSet& rules) const;
    /// Records an evaluation: the rules version, a hash of its inputs, the result as JSON.
    std::int64_t record_run(const std::string& inputs_sha256, bool provisional, const std::string& result_json,
                            const Actor& actor);
    std::vector<EvaluationRun> runs() const;
    /// Records a written workbook and the audit head printed in it.
    std::int64_t record_export(const std::string& path, const std::string& file_sha256, const std::string& audit_head,
                               const Actor& actor);
    std::vector<ExportRecord> exports() const;

    // ---- the audit log (audit.cpp) ----
    std::vector<AuditEntry> audit_log() const;
    /// The rows an entry changed, with old and new values (entries of format 3; none before).
    std::vector<RowChange> audit_changes(const AuditEntry& entry) const;
    /// Hash of the last entry.
    std::string audit_head() const;
    /// When the data was changed outside TenderLoop after the last entry (or that entry was), the
    /// message every change is then refused with; nothing otherwise. For a front end to say so
    /// when the project is opened, before anyone tries to change it.
    std::optional<Message> changed_outside() const;
    /// Recomputes the chain; replays the recorded changes of every entry of format 3 from empty
    /// tables (or from the migration's snapshot) and checks that each entry's state follows and
    /// that the data is what the replay arrives at; checks the entries' times (none in the future,
    /// none far before the entry before it), the schema and the append-only guard; with
    /// `signed_head`, that an entry still has that hash.
    AuditReport verify_audit(const std::string& signed_head = "") const;

    // ---- the whole file (state.cpp) ----
    /// Every table but the audit log in a canonical text form (the state hashes are over it);
    /// with the log when `with_audit`. For tests and for comparing two files.
    std::string canonical_dump(bool with_audit) const;
    /// SHA-256 of canonical_dump(false), computed without building the text.
    std::string state_sha256() const;
    /// `PRAGMA integrity_check`: "ok" or SQLite's list of problems.
    std::string integrity_check() const;

    struct Impl;

private:
    explicit Project(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

/// SHA-256 over the content of a bid table (fields, bidders, lots, submission times, values and
/// texts): with the rules' hash, what an evaluation run records as its inputs.
std::string bid_table_sha256(const BidTable& table);

}  // namespace tl::store
