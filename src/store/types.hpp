#pragma once
/// The records a project file holds, as plain C++ values (no SQLite types).
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/message.hpp"

namespace tl::store {

/// Who makes a change and why: written to the audit log with it.
struct Actor {
    std::string user;    ///< a person's name or login
    std::string reason;  ///< free text; may be empty unless the change requires one
};

/// The time of a change, as ISO 8601 UTC text (`2026-11-29T20:15:00Z`).
using Clock = std::function<std::string()>;

/// The system clock in UTC, to the second.
std::string system_time_utc();

struct ProjectInfo {
    std::string path;
    std::string title, reference;
    std::string created_at, created_by, created_with;  ///< created_with: the TenderLoop version
    int format_version = 0;  ///< PRAGMA user_version
};

/// One version of the rules text. Versions count from 1; the highest is the current one.
struct RulesVersion {
    int version = 0;
    std::string text;
    std::string sha256;       ///< of `text` (its bytes as read: equals `sha256sum` of the file)
    std::string source_name;  ///< the file name it was read from
    std::string created_at, created_by, reason;
    /// Recorded as a correction: a change made after bids arrived (then the rules are frozen and
    /// only a correction, with a reason, may change them).
    bool correction = false;
};

/// A bid as stored, without its values (see Project::bid_table).
struct StoredBid {
    std::int64_t id = 0;
    std::string bidder, lot, submitted;
    std::string source;  ///< the file it was imported from
    int source_row = 0;
    std::string imported_at, imported_by;
};

/// A file bids were imported from.
struct ImportFile {
    std::string name;    ///< as given (the log and each bid record it)
    std::string sha256;  ///< of its bytes
};

/// Identifies one bid: a bidder bids at most once per lot (`lot` empty without lots).
struct BidKey {
    std::string bidder, lot;
};

enum class Role { Chair, Member };
const char* role_name(Role r);  ///< "chair" / "member"

struct Evaluator {
    std::string name;
    Role role = Role::Member;
    std::string added_at, added_by;
    std::string submitted_at;  ///< empty: the evaluator's scores are drafts
};

enum class CoiKind {
    None,         ///< no conflict of interest
    Bid,          ///< a conflict with one bidder: bars scoring that bidder's bids
    WholeTender,  ///< a conflict with the whole tender: bars all scoring
};
const char* coi_kind_name(CoiKind k);  ///< "none" / "bid" / "tender"

struct CoiDeclaration {
    std::string evaluator;
    CoiKind kind = CoiKind::None;
    std::string bidder;  ///< for CoiKind::Bid
    std::string text;    ///< the declaration in the evaluator's words
    std::string declared_at, declared_by;
};

/// One committee score to record (a draft until the evaluator submits).
struct ScoreInput {
    std::string evaluator;
    BidKey bid;
    std::string criterion;  ///< a committee criterion's id
    double value = 0;       ///< on the committee's scale
    std::string justification;
};

/// The chair's consensus score for one bid on one committee criterion.
struct ConsensusInput {
    BidKey bid;
    std::string criterion;
    double value = 0;
    std::string justification;
};

/// A consensus score the evaluation needs and the project does not hold.
/// For a criterion combined by mean or median (`combine:`), what is missing is any submitted mark.
struct MissingConsensus {
    std::string criterion;
    BidKey bid;
    bool needs_submitted_marks = false;  ///< `combine: mean | median`: no evaluator has submitted a mark
};

struct EvaluationRun {
    std::int64_t id = 0;
    std::string run_at, run_by;
    int rules_version = 0;
    std::string inputs_sha256;
    bool provisional = false;
    std::string result_json;
};

struct ExportRecord {
    std::int64_t id = 0;
    std::string path, file_sha256;
    std::string exported_at, exported_by;
    int rules_version = 0;
    std::string audit_head;  ///< the log head printed in the workbook
};

/// One entry of the append-only audit log. `hash` = SHA-256 of canonical_audit_entry(entry),
/// which covers every other field, `prev_hash` included, so the entries form a chain.
struct AuditEntry {
    std::int64_t seq = 0;  ///< 1, 2, 3 ...
    std::string at, user, action, reason;
    std::string details;     ///< JSON object: what changed
    std::string prev_hash;   ///< the previous entry's hash; 64 zeros for the first
    std::string state_hash;  ///< SHA-256 of the project's data after the change (empty in entries of format 1)
    std::string hash;
    /// The entry's format: 1, 2 (with state_hash), 3 (with os_user and changes).
    int format = 3;
    /// Format 3: the operating system account that ran TenderLoop (`user` is who it says it is).
    std::string os_user;
    /// Format 3: the changeset of the rows the entry changed (SQLite's session format; old and new
    /// values). A migration's entry holds every row (the replay starts from it).
    std::string changes;
};

/// One row an audit entry changed (entries of format 3 record what they did): e.g. the bid_values
/// row (3, price) updated, value 1200 -> 600. Values as text: NULL, numbers in the shortest form
/// that reads back exactly, texts as they are, blobs as their size.
struct RowChange {
    std::string table;
    std::string operation;  ///< "insert", "update" or "delete"
    std::string key;        ///< the primary key's values, ", " between them
    struct Column {
        std::string name;
        std::string before, after;  ///< before: "" for an insert; after: "" for a delete
    };
    std::vector<Column> columns;  ///< an insert's or delete's every column, an update's changed ones
};

/// What `audit verify` found.
struct AuditReport {
    std::size_t entries = 0;
    std::string head;                ///< hash of the last entry
    std::vector<Message> problems;   ///< empty: the log is intact and the data matches it
    std::vector<Message> warnings;   ///< worth a look, not a failure (a clock a few minutes behind)
    std::int64_t signed_head_seq = 0;  ///< with a head to check: the entry that has it (0: not found)
    /// The first entry from which the log's recorded changes were replayed (0: none is of format 3).
    std::int64_t replayed_from = 0;
    bool ok() const { return problems.empty(); }
};

}  // namespace tl::store
