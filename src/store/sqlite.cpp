#include "store/sqlite.hpp"

#include <sqlite3.h>

#include <cmath>

namespace tl::store::sql {

namespace {

[[noreturn]] void throw_error(sqlite3* db, int rc, const std::string& what) {
    const char* detail = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    throw Error(rc & 0xff, what + ": " + (detail ? detail : sqlite3_errstr(rc)));
}

}  // namespace

Error::Error(int code, const std::string& message)
    : StoreError(code == SQLITE_CORRUPT || code == SQLITE_NOTADB ? StoreErrorKind::Damaged : StoreErrorKind::Io,
                 // SQLite's own words (a technical detail) stay as it wrote them.
                 Message("store.sqlite", TL_MSG("{detail}")).text("detail", message)),
      code_(code) {}

// ---- Stmt ----

Stmt::Stmt(sqlite3* db, std::string_view sql) : db_(db) {
    const int rc = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr);
    if (rc != SQLITE_OK) throw_error(db, rc, "cannot prepare '" + std::string(sql.substr(0, 60)) + "'");
}

Stmt::~Stmt() { sqlite3_finalize(stmt_); }

void Stmt::fail(int rc, const char* what) const { throw_error(db_, rc, what); }

Stmt& Stmt::bind(int index, std::int64_t value) {
    if (const int rc = sqlite3_bind_int64(stmt_, index, value); rc != SQLITE_OK) fail(rc, "cannot bind a value");
    return *this;
}

Stmt& Stmt::bind(int index, double value) {
    if (std::isnan(value)) return bind_null(index);
    if (const int rc = sqlite3_bind_double(stmt_, index, value); rc != SQLITE_OK) fail(rc, "cannot bind a value");
    return *this;
}

Stmt& Stmt::bind(int index, std::optional<double> value) { return value ? bind(index, *value) : bind_null(index); }

Stmt& Stmt::bind(int index, std::string_view text) {
    const int rc = sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
    if (rc != SQLITE_OK) fail(rc, "cannot bind a text");
    return *this;
}

Stmt& Stmt::bind_null(int index) {
    if (const int rc = sqlite3_bind_null(stmt_, index); rc != SQLITE_OK) fail(rc, "cannot bind NULL");
    return *this;
}

Stmt& Stmt::bind_blob(int index, std::string_view bytes) {
    const int rc = sqlite3_bind_blob64(stmt_, index, bytes.empty() ? "" : bytes.data(), bytes.size(), SQLITE_TRANSIENT);
    if (rc != SQLITE_OK) fail(rc, "cannot bind a blob");
    return *this;
}

bool Stmt::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    // The error is reported by the step; reset to a state that can run again (or be finalized).
    const std::string message = sqlite3_errmsg(db_);
    sqlite3_reset(stmt_);
    throw Error(rc & 0xff, message);
}

void Stmt::run() {
    while (step()) {
    }
    reset();
}

void Stmt::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

bool Stmt::is_null(int column) const { return sqlite3_column_type(stmt_, column) == SQLITE_NULL; }
std::int64_t Stmt::int64(int column) const { return sqlite3_column_int64(stmt_, column); }

double Stmt::real(int column) const {
    if (is_null(column)) return std::nan("");
    return sqlite3_column_double(stmt_, column);
}

std::string Stmt::text(int column) const { return std::string(text_view(column)); }

std::string_view Stmt::text_view(int column) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    if (!p) return {};
    return std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
}

std::string Stmt::blob(int column) const {
    const void* bytes = sqlite3_column_blob(stmt_, column);
    const int size = sqlite3_column_bytes(stmt_, column);
    return bytes ? std::string(static_cast<const char*>(bytes), static_cast<std::size_t>(size)) : std::string();
}

int Stmt::type(int column) const { return sqlite3_column_type(stmt_, column); }
int Stmt::column_count() const { return sqlite3_column_count(stmt_); }

// ---- Db ----

Db::Db(const std::string& path, bool create, bool read_only) {
    const int flags = (read_only && !create ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0)) |
                      SQLITE_OPEN_NOFOLLOW;
    const int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        const std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
        sqlite3_close(db_);
        db_ = nullptr;
        throw Error(rc & 0xff, message);
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, 5000);
}

Db::~Db() { sqlite3_close(db_); }  // every Stmt is finalized before (they live in scopes)

void Db::exec(const char* sql) {
    char* message = nullptr;
    const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        const std::string text = message ? message : sqlite3_errstr(rc);
        sqlite3_free(message);
        throw Error(rc & 0xff, text);
    }
}

std::int64_t Db::query_int(const char* sql) {
    Stmt s(db_, sql);
    return s.step() ? s.int64(0) : 0;
}

std::string Db::query_text(const char* sql) {
    Stmt s(db_, sql);
    return s.step() ? s.text(0) : std::string();
}

std::int64_t Db::last_insert_rowid() const { return sqlite3_last_insert_rowid(db_); }
int Db::changes() const { return sqlite3_changes(db_); }

void Db::config(int option, bool on) {
    const int rc = sqlite3_db_config(db_, option, on ? 1 : 0, nullptr);
    if (rc != SQLITE_OK) throw_error(db_, rc, "cannot configure the connection");
}

bool Db::in_transaction() const { return sqlite3_get_autocommit(db_) == 0; }

// ---- Transaction ----

Transaction::Transaction(Db& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
    if (done_ || !db_.in_transaction()) return;
    try {
        db_.exec("ROLLBACK");
    } catch (...) {
        // Nothing more can be done here: SQLite rolls back an open transaction when it closes.
    }
}

void Transaction::commit() {
    db_.exec("COMMIT");
    done_ = true;
}

}  // namespace tl::store::sql
