#pragma once
/// A small RAII wrapper over SQLite's C API, internal to tl_store: no public header includes it,
/// so no other layer sees an SQLite type.
///
/// Why not SQLiteCpp: Debian 12 ships SQLiteCpp 3.2.1, whose Savepoint class has known bugs
/// (a savepoint released or rolled back twice on destruction after a failed commit), and the store
/// needs only a dozen calls: open, exec, prepare / bind / step / column, and transactions. Data
/// always goes through bound parameters: no SQL text is ever built from a value.
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include "store/errors.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace tl::store::sql {

/// An SQLite call failed: the message is SQLite's, prefixed by what was being done. A StoreError
/// (Damaged for a corrupt file, Io otherwise: locked, read-only, disk full), so that callers of the
/// store see one exception type.
class Error : public StoreError {
public:
    Error(int code, const std::string& message);
    int code() const { return code_; }  ///< the primary SQLite result code (SQLITE_CORRUPT, ...)

private:
    int code_;
};

/// One prepared statement; finalized when destroyed.
class Stmt {
public:
    Stmt(sqlite3* db, std::string_view sql);
    ~Stmt();
    Stmt(Stmt&& other) noexcept : db_(other.db_), stmt_(std::exchange(other.stmt_, nullptr)) {}
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;
    Stmt& operator=(Stmt&&) = delete;

    /// Parameters count from 1. A NaN double and an empty optional bind NULL.
    Stmt& bind(int index, std::int64_t value);
    Stmt& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Stmt& bind(int index, double value);
    Stmt& bind(int index, std::optional<double> value);
    Stmt& bind(int index, std::string_view text);
    Stmt& bind(int index, const std::string& text) { return bind(index, std::string_view(text)); }
    Stmt& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    Stmt& bind_null(int index);
    /// Binds bytes as a BLOB (an empty one binds a zero-length blob, not NULL).
    Stmt& bind_blob(int index, std::string_view bytes);

    /// Binds every argument in order, from parameter 1.
    template <typename... Args>
    Stmt& bind_all(const Args&... args) {
        int i = 0;
        (bind(++i, args), ...);
        return *this;
    }

    /// Runs one step: true when a row is ready to read, false when the statement is done.
    bool step();
    /// Steps to completion (for INSERT / UPDATE / DELETE), then resets for the next use.
    void run();
    /// Resets the statement and clears its bindings, so it can run again.
    void reset();

    bool is_null(int column) const;
    std::int64_t int64(int column) const;
    /// NULL reads as NaN.
    double real(int column) const;
    /// NULL reads as "".
    std::string text(int column) const;
    /// The bytes of a text column without a copy; valid until the next step or reset.
    std::string_view text_view(int column) const;
    /// SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT, SQLITE_BLOB or SQLITE_NULL.
    int type(int column) const;
    int column_count() const;
    /// The bytes of a BLOB (or text) column; NULL reads as "".
    std::string blob(int column) const;

private:
    [[noreturn]] void fail(int rc, const char* what) const;
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

/// One connection; closed when destroyed.
class Db {
public:
    /// Opens an existing file for reading and writing (`create` = false) or creates it; with
    /// `read_only`, an existing file for reading only (SQLITE_OPEN_READONLY: every write fails).
    /// Extended result codes on; a 5 s busy timeout for files another TenderLoop has open.
    Db(const std::string& path, bool create, bool read_only = false);
    ~Db();
    Db(const Db&) = delete;
    Db& operator=(const Db&) = delete;

    /// Runs SQL without parameters (schema, pragmas). Never with data in the text.
    void exec(const char* sql);
    Stmt prepare(std::string_view sql) { return Stmt(db_, sql); }
    /// The first column of the first row of `sql` (no parameters), as an integer / text.
    std::int64_t query_int(const char* sql);
    std::string query_text(const char* sql);
    std::int64_t last_insert_rowid() const;
    /// Rows changed by the last INSERT / UPDATE / DELETE.
    int changes() const;
    /// Sets a boolean sqlite3_db_config option (SQLITE_DBCONFIG_DEFENSIVE, ...).
    void config(int option, bool on);
    bool in_transaction() const;
    /// The connection, for the store's session-extension code (store/changeset.cpp) only.
    sqlite3* handle() const { return db_; }

private:
    sqlite3* db_ = nullptr;
};

/// `BEGIN IMMEDIATE` (the write lock is taken at once, so a change never fails half-way for
/// another writer); rolled back on destruction unless commit() ran.
class Transaction {
public:
    explicit Transaction(Db& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Db& db_;
    bool done_ = false;
};

}  // namespace tl::store::sql
