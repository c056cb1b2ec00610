#pragma once
// Internal to tl_store: the state behind a Project and the one way to change it (Change).
#include <nlohmann/json.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "store/project.hpp"
#include "store/changeset.hpp"
#include "store/sqlite.hpp"

namespace tl::store {

struct Project::Impl {
    Impl(const std::string& file, bool create, bool read_only_ = false)
        : db(file, create, read_only_), path(file), read_only(read_only_) {}
    sql::Db db;
    std::string path;
    /// Opened for reading only (read_only.hpp): every Change is refused, with `read_only_why`.
    bool read_only = false;
    Message read_only_why;
    Clock clock;
    std::string now() const { return clock ? clock() : system_time_utc(); }
    /// How the file's schema differs from TenderLoop's (opened for inspection only: such a file
    /// is never written to; `audit verify` reports them).
    std::vector<Message> schema_problems;
    /// An older format opened for inspection, not migrated (0: the current format).
    int outdated_format = 0;
};

/// One change to a project: a write transaction that ends by appending its audit entry, so the
/// change and its entry are committed together or not at all. Destroyed without commit(), the
/// transaction is rolled back (an exception on the way out undoes everything). Every changing
/// method starts with its Change, before its checks: BEGIN IMMEDIATE holds the write lock, so the
/// checks see the state the change applies to, not one another process may change in between.
class Change {
public:
    /// What the entry records of the change: the rows it changes (a recorder runs from the start),
    /// or, for a migration (whose ALTER TABLE a recorder cannot follow), every row afterwards.
    enum class Record { Changes, Snapshot };
    Change(Project::Impl& project, const Actor& actor, std::string action, Record record = Record::Changes);
    sql::Db& db() { return p_.db; }
    /// The time of the change, for every row it writes.
    const std::string& time() const { return time_; }
    const Actor& actor() const { return actor_; }
    nlohmann::json details = nlohmann::json::object();
    /// Appends the entry (details, the state hash after the change) and commits.
    void commit();

private:
    Project::Impl& p_;
    Actor actor_;
    std::string action_, time_;
    sql::Transaction tx_;
    std::unique_ptr<ChangeRecorder> recorder_;  ///< null for a snapshot
};

/// Appends one audit entry (format 3) inside the caller's transaction, with `changes` (the
/// changeset of what the change did) and the operating system account; returns its hash.
std::string append_audit_entry(sql::Db& db, const std::string& at, const Actor& actor, const std::string& action,
                               const std::string& details_json, const std::string& changes);
/// The log's entries, oldest first, and its last one (none in a file being created).
std::vector<AuditEntry> read_audit_entries(sql::Db& db);
std::optional<AuditEntry> last_audit_entry(sql::Db& db);
/// Why the data cannot be vouched for by the log (the last entry no longer matches its hash, or
/// the data differs from its state), naming `path` and the entry; nothing when it can.
std::optional<Message> changed_outside(sql::Db& db, const std::string& path);
/// Refuses (StoreError Refused, naming `path` and the entry) when the last entry no longer
/// matches its hash or the data differs from the state it recorded: a change written on top of
/// data edited outside TenderLoop would launder the edit into the log.
void refuse_if_changed_outside(sql::Db& db, const std::string& path);
/// The operating system account this process runs as ("uid N" when it has no name).
std::string os_account();

/// SHA-256 of the canonical dump of the data tables (state.cpp).
std::string state_sha256(sql::Db& db);
/// The same as format 2 took it (without the columns format 3 added): what the last entry of a
/// format-2 file recorded, to compare a migration's rows with.
std::string state_sha256_as_format2(sql::Db& db);

/// The id of the bid (bidder, lot), or 0.
std::int64_t find_bid_id(sql::Db& db, const BidKey& key);
/// The id of the bid; throws NotFound naming the bidder (and lot) when there is none. With
/// an empty lot and a bidder who bid in exactly one lot, that bid.
std::int64_t require_bid_id(sql::Db& db, const BidKey& key);
/// "'Acme'" or "'Acme' (lot 2)".
std::string bid_label(const BidKey& key);
/// The same as a message (the bidder and the lot as text arguments).
Message bid_label_message(const BidKey& key);
/// `lines` one per line ("\n  line"), at most `limit` of them, then "... and N more".
Message listed(const std::vector<Message>& lines, std::size_t limit = 50);

/// `project`, or throws StoreError(Refused) naming the file and why it is read-only: the check
/// every Change makes before it takes the write lock.
Project::Impl& writable(Project::Impl& project);

/// Throws StoreError(kind, message).
[[noreturn]] void refuse(Message message);
[[noreturn]] void not_found(Message message);

}  // namespace tl::store

namespace tl::store {

/// Writes bids' values for every non-committee field of `fields`, with its statements prepared once.
class BidValueWriter {
public:
    explicit BidValueWriter(sql::Db& db);
    /// Replaces what the bid held (`fresh`: it holds nothing yet).
    void write(std::int64_t bid_id, const std::vector<FieldDecl>& fields, const Bid& bid, bool fresh = false);

private:
    sql::Db& db_;
    sql::Stmt remove_;
    std::optional<sql::Stmt> insert_;  ///< one row per stated field, all in one statement
    std::size_t rows_ = 0;
};

}  // namespace tl::store
