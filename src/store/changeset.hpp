#pragma once
// Internal to tl_store: what a change did to the data, as SQLite's session extension records it.
// A changeset lists, per changed row, its table, the operation, its primary key and the old and
// new values of the columns, in SQLite's own binary format; applied in order to empty tables, the
// changesets of the log rebuild the data (store/replay.cpp). Why the session extension: it is part
// of Debian's libsqlite3 and records every table's changes exactly (numbers as their 8 bytes), so
// no differ per table has to be written and kept in step with the schema.
#include <string>
#include <vector>

#include "store/sqlite.hpp"
#include "store/types.hpp"

struct sqlite3_session;

namespace tl::store {

/// Records every change made through `db` to the data tables (every table but the audit log)
/// from construction on. Tables created while it records are recorded too (a new project's).
class ChangeRecorder {
public:
    explicit ChangeRecorder(sql::Db& db);
    ~ChangeRecorder();
    ChangeRecorder(const ChangeRecorder&) = delete;
    ChangeRecorder& operator=(const ChangeRecorder&) = delete;
    /// Everything recorded so far, as a changeset ("" when nothing changed).
    std::string changeset() const;

private:
    sqlite3_session* session_ = nullptr;
};

/// A changeset that builds the whole present data of `db` from empty tables (every row an insert):
/// what a migration to format 3 records, so that replaying the log can start from its entry.
std::string snapshot_changeset(sql::Db& db);

/// What applying a changeset came to: ok, or the first row that did not fit the data.
struct ApplyResult {
    bool ok = true;
    std::string table;  ///< the table of the row that did not fit
    std::string key;    ///< its primary key, as text ("3", "3, price")
    std::string kind;   ///< what did not fit: "data" (old values differ), "missing", "exists", "constraint", "damaged"
};

/// Applies `changeset` to `db` strictly: a row whose old values differ from the data, a row to
/// change that is missing, a row to insert that exists, or a broken constraint stops it, and
/// nothing of it stays applied.
ApplyResult apply_changeset(sql::Db& db, const std::string& changeset);

/// The rows `changeset` changes, for people: table, operation, key, and each changed column with
/// its old and new value. `schema` gives the column names (a database with the same tables).
std::vector<RowChange> describe_changeset(sql::Db& schema, const std::string& changeset);

}  // namespace tl::store
