// Recording, applying and describing changesets with SQLite's session extension.
#include "store/changeset.hpp"

#include <sqlite3.h>

#include <charconv>
#include <cstring>
#include <map>
#include <memory>

#include "store/schema.hpp"

namespace tl::store {

namespace {

/// The audit log records the changes; its own rows are not part of them.
int is_data_table(void*, const char* table) { return std::strcmp(table, "audit_log") != 0; }

[[noreturn]] void session_failed(int rc, const char* what) {
    throw sql::Error(rc & 0xff, std::string(what) + ": " + sqlite3_errstr(rc));
}

std::string value_text(sqlite3_value* v) {
    if (!v) return "";
    switch (sqlite3_value_type(v)) {
        case SQLITE_NULL: return "NULL";
        case SQLITE_INTEGER: return std::to_string(sqlite3_value_int64(v));
        case SQLITE_FLOAT: {
            char buf[64];
            auto [end, ec] = std::to_chars(buf, buf + sizeof buf, sqlite3_value_double(v));
            return std::string(buf, end);
        }
        case SQLITE_TEXT:
            return std::string(reinterpret_cast<const char*>(sqlite3_value_text(v)),
                               static_cast<std::size_t>(sqlite3_value_bytes(v)));
        default: return "<" + std::to_string(sqlite3_value_bytes(v)) + " bytes>";
    }
}

const char* operation_name(int op) {
    switch (op) {
        case SQLITE_INSERT: return "insert";
        case SQLITE_DELETE: return "delete";
        default: return "update";
    }
}

/// The primary key of the iterator's row as text: from the new values of an insert, else the old.
std::string row_key(sqlite3_changeset_iter* it) {
    const char* table = nullptr;
    int columns = 0, op = 0, indirect = 0;
    unsigned char* pk = nullptr;
    int pk_columns = 0;
    if (sqlite3changeset_op(it, &table, &columns, &op, &indirect) != SQLITE_OK) return "";
    if (sqlite3changeset_pk(it, &pk, &pk_columns) != SQLITE_OK) return "";
    std::string key;
    for (int c = 0; c < pk_columns; ++c) {
        if (!pk[c]) continue;
        sqlite3_value* v = nullptr;
        if (op == SQLITE_INSERT) sqlite3changeset_new(it, c, &v);
        else sqlite3changeset_old(it, c, &v);
        key += (key.empty() ? "" : ", ") + value_text(v);
    }
    return key;
}

/// The column names of `table` in `db`, in order.
std::vector<std::string> column_names(sql::Db& db, const std::string& table) {
    std::vector<std::string> names;
    auto s = db.prepare("SELECT name FROM pragma_table_info(?) ORDER BY cid");
    s.bind(1, table);
    while (s.step()) names.push_back(s.text(0));
    return names;
}

struct IterDeleter {
    void operator()(sqlite3_changeset_iter* it) const { sqlite3changeset_finalize(it); }
};
using Iter = std::unique_ptr<sqlite3_changeset_iter, IterDeleter>;

Iter start(const std::string& changeset) {
    sqlite3_changeset_iter* it = nullptr;
    const int rc = sqlite3changeset_start(&it, static_cast<int>(changeset.size()),
                                          const_cast<char*>(changeset.data()));
    if (rc != SQLITE_OK) session_failed(rc, "cannot read a recorded change");
    return Iter(it);
}

}  // namespace

// ---- ChangeRecorder ----

ChangeRecorder::ChangeRecorder(sql::Db& db) {
    if (const int rc = sqlite3session_create(db.handle(), "main", &session_); rc != SQLITE_OK)
        session_failed(rc, "cannot record the change");
    sqlite3session_table_filter(session_, &is_data_table, nullptr);
    if (const int rc = sqlite3session_attach(session_, nullptr); rc != SQLITE_OK) {
        sqlite3session_delete(session_);
        session_failed(rc, "cannot record the change");
    }
}

ChangeRecorder::~ChangeRecorder() { sqlite3session_delete(session_); }

std::string ChangeRecorder::changeset() const {
    int size = 0;
    void* bytes = nullptr;
    if (const int rc = sqlite3session_changeset(session_, &size, &bytes); rc != SQLITE_OK)
        session_failed(rc, "cannot record the change");
    std::string out(static_cast<const char*>(bytes), static_cast<std::size_t>(size));
    sqlite3_free(bytes);
    return out;
}

// ---- snapshot ----

std::string snapshot_changeset(sql::Db& db) {
    // Copy every data row into empty tables of the present format while recording: the recorded
    // inserts are the snapshot. (A diff against an attached empty database would do the same, but
    // ATTACH is not allowed inside the migration's transaction.)
    sql::Db empty(":memory:", true);
    create_schema(empty);
    ChangeRecorder recorder(empty);
    auto tables = db.prepare(
        "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
        "AND name <> 'audit_log' ORDER BY name");
    while (tables.step()) {
        const std::string table = tables.text(0);
        sql::Stmt rows = db.prepare("SELECT * FROM \"" + table + "\"");  // a name from the file's own schema, checked on open
        const int columns = rows.column_count();
        std::string insert = "INSERT INTO \"" + table + "\" VALUES (";
        for (int c = 0; c < columns; ++c) insert += c ? ", ?" : "?";
        insert += ")";
        sql::Stmt add = empty.prepare(insert);
        while (rows.step()) {
            for (int c = 0; c < columns; ++c) {
                switch (rows.type(c)) {
                    case SQLITE_NULL: add.bind_null(c + 1); break;
                    case SQLITE_INTEGER: add.bind(c + 1, rows.int64(c)); break;
                    case SQLITE_FLOAT: add.bind(c + 1, rows.real(c)); break;
                    case SQLITE_TEXT: add.bind(c + 1, rows.text_view(c)); break;
                    default: add.bind_blob(c + 1, rows.blob(c));
                }
            }
            add.run();
        }
    }
    return recorder.changeset();
}

// ---- applying ----

namespace {

const char* conflict_kind(int conflict) {
    switch (conflict) {
        case SQLITE_CHANGESET_DATA: return "data";
        case SQLITE_CHANGESET_NOTFOUND: return "missing";
        case SQLITE_CHANGESET_CONFLICT: return "exists";
        default: return "constraint";
    }
}

int on_conflict(void* context, int conflict, sqlite3_changeset_iter* it) {
    auto* result = static_cast<ApplyResult*>(context);
    if (result->ok) {
        result->ok = false;
        result->kind = conflict_kind(conflict);
        if (conflict != SQLITE_CHANGESET_FOREIGN_KEY) {
            const char* table = nullptr;
            int columns = 0, op = 0, indirect = 0;
            if (sqlite3changeset_op(it, &table, &columns, &op, &indirect) == SQLITE_OK && table) result->table = table;
            result->key = row_key(it);
        }
    }
    return SQLITE_CHANGESET_ABORT;
}

}  // namespace

ApplyResult apply_changeset(sql::Db& db, const std::string& changeset) {
    ApplyResult result;
    if (changeset.empty()) return result;
    const int rc = sqlite3changeset_apply(db.handle(), static_cast<int>(changeset.size()),
                                          const_cast<char*>(changeset.data()), nullptr, &on_conflict, &result);
    if (rc != SQLITE_OK && result.ok) {
        result.ok = false;
        result.kind = "damaged";
    }
    return result;
}

// ---- describing ----

std::vector<RowChange> describe_changeset(sql::Db& schema, const std::string& changeset) {
    std::vector<RowChange> out;
    if (changeset.empty()) return out;
    std::map<std::string, std::vector<std::string>> names_of;
    Iter it = start(changeset);
    int rc = SQLITE_OK;
    while ((rc = sqlite3changeset_next(it.get())) == SQLITE_ROW) {
        const char* table = nullptr;
        int columns = 0, op = 0, indirect = 0;
        sqlite3changeset_op(it.get(), &table, &columns, &op, &indirect);
        RowChange row;
        row.table = table ? table : "";
        row.operation = operation_name(op);
        row.key = row_key(it.get());
        auto found = names_of.find(row.table);
        if (found == names_of.end()) found = names_of.emplace(row.table, column_names(schema, row.table)).first;
        const auto& names = found->second;
        for (int c = 0; c < columns; ++c) {
            sqlite3_value* before = nullptr;
            sqlite3_value* after = nullptr;
            if (op != SQLITE_INSERT) sqlite3changeset_old(it.get(), c, &before);
            if (op != SQLITE_DELETE) sqlite3changeset_new(it.get(), c, &after);
            if (op == SQLITE_UPDATE && !after) continue;  // unchanged column
            const std::string name = c < static_cast<int>(names.size()) ? names[c] : "column " + std::to_string(c + 1);
            row.columns.push_back({name, value_text(before), value_text(after)});
        }
        out.push_back(std::move(row));
    }
    if (rc != SQLITE_DONE) session_failed(rc, "cannot read a recorded change");
    return out;
}

}  // namespace tl::store
