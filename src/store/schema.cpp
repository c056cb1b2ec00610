// The project file's tables. Format history:
//   1  the first format (tests/store/fixtures/v1.sql keeps a file of it);
//   2  rules versions gain `reason`; the `exports` table; audit entries gain `state_hash`, the
//      SHA-256 of the data after the change, so that `audit verify` also sees data edited outside
//      TenderLoop.
//   3  audit entries gain `changes` (the changeset of what the entry did: old and new values, so
//      that `audit verify` replays the log and finds a change no entry explains) and `os_user`
//      (the operating system account beside the claimed user); rules versions gain `correction`
//      (rules changed after bids arrived, which only a correction with a reason may do).
// Tables are STRICT (types enforced; SQLite >= 3.37). Times are ISO 8601 UTC text.
#include "store/schema.hpp"

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "store/project.hpp"

namespace tl::store {

const char* const kAuditGuardTriggers[2] = {"audit_log_no_update", "audit_log_no_delete"};

namespace {

// Tables that format 2 shares with format 1 (the migration leaves them as they are).
const char* const kCommonTables = R"sql(
CREATE TABLE tender (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  title TEXT NOT NULL,
  reference TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_with TEXT NOT NULL
) STRICT;
CREATE TABLE lots (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  position INTEGER NOT NULL
) STRICT;
CREATE TABLE bids (
  id INTEGER PRIMARY KEY,
  bidder TEXT NOT NULL CHECK (bidder <> ''),
  lot TEXT NOT NULL,
  submitted TEXT NOT NULL,
  source TEXT NOT NULL,
  source_row INTEGER NOT NULL,
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL,
  UNIQUE (lot, bidder)
) STRICT;
-- One row per bid and answered field: the value as BidTable holds it (NULL = not stated, or a
-- text field) and the answer's text as read (a text field's value).
CREATE TABLE bid_values (
  bid INTEGER NOT NULL REFERENCES bids(id) ON DELETE CASCADE,
  field TEXT NOT NULL,
  value REAL,
  text TEXT NOT NULL,
  PRIMARY KEY (bid, field)
) STRICT, WITHOUT ROWID;
CREATE TABLE evaluators (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE CHECK (name <> ''),
  role TEXT NOT NULL CHECK (role IN ('chair', 'member')),
  added_at TEXT NOT NULL,
  added_by TEXT NOT NULL,
  submitted_at TEXT
) STRICT;
CREATE UNIQUE INDEX evaluators_one_chair ON evaluators(role) WHERE role = 'chair';
CREATE TABLE coi_declarations (
  id INTEGER PRIMARY KEY,
  evaluator INTEGER NOT NULL REFERENCES evaluators(id),
  kind TEXT NOT NULL CHECK (kind IN ('none', 'bid', 'tender')),
  bidder TEXT,
  text TEXT NOT NULL,
  declared_at TEXT NOT NULL,
  declared_by TEXT NOT NULL,
  CHECK ((kind = 'bid') = (bidder IS NOT NULL))
) STRICT;
CREATE TABLE committee_scores (
  evaluator INTEGER NOT NULL REFERENCES evaluators(id),
  bid INTEGER NOT NULL REFERENCES bids(id),
  criterion TEXT NOT NULL,
  value REAL NOT NULL,
  justification TEXT NOT NULL CHECK (justification <> ''),
  state TEXT NOT NULL CHECK (state IN ('draft', 'submitted')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  submitted_at TEXT,
  PRIMARY KEY (evaluator, bid, criterion)
) STRICT, WITHOUT ROWID;
CREATE TABLE consensus (
  bid INTEGER NOT NULL REFERENCES bids(id),
  criterion TEXT NOT NULL,
  value REAL NOT NULL,
  justification TEXT NOT NULL CHECK (justification <> ''),
  decided_by INTEGER NOT NULL REFERENCES evaluators(id),
  decided_at TEXT NOT NULL,
  PRIMARY KEY (bid, criterion)
) STRICT, WITHOUT ROWID;
CREATE TABLE evaluation_runs (
  id INTEGER PRIMARY KEY,
  run_at TEXT NOT NULL,
  run_by TEXT NOT NULL,
  rules_version INTEGER NOT NULL REFERENCES rules_versions(version),
  inputs_sha256 TEXT NOT NULL,
  provisional INTEGER NOT NULL CHECK (provisional IN (0, 1)),
  result_json TEXT NOT NULL
) STRICT;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
)sql";

// Format 1's versions of the tables that changed later (tests/store/fixtures/v1.sql holds such a
// file): what a file of format 1 must hold, checked when it is opened.
const char* const kFormat1Tables = R"sql(
CREATE TABLE rules_versions (
  version INTEGER PRIMARY KEY,
  text TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  source_name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL
) STRICT;
CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  user TEXT NOT NULL,
  action TEXT NOT NULL,
  reason TEXT NOT NULL,
  details TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
) STRICT;
)sql";

// Format 3's versions: the columns a migration adds come last, in the order it adds them, so that
// a created and a migrated file have the same columns in the same order (a changeset names
// columns by position).
const char* const kFormat3Tables = R"sql(
CREATE TABLE rules_versions (
  version INTEGER PRIMARY KEY,
  text TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  source_name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  correction INTEGER NOT NULL DEFAULT 0 CHECK (correction IN (0, 1))
) STRICT;
CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  user TEXT NOT NULL,
  action TEXT NOT NULL,
  reason TEXT NOT NULL,
  details TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  state_hash TEXT,
  os_user TEXT,
  changes BLOB
) STRICT;
)sql";

// Format 2's versions of the tables that changed since format 1 (created before the common ones:
// the triggers and foreign keys there name them).
const char* const kFormat2Tables = R"sql(
CREATE TABLE rules_versions (
  version INTEGER PRIMARY KEY,
  text TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  source_name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  user TEXT NOT NULL,
  action TEXT NOT NULL,
  reason TEXT NOT NULL,
  details TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  state_hash TEXT
) STRICT;
)sql";

const char* const kExportsTable = R"sql(
CREATE TABLE exports (
  id INTEGER PRIMARY KEY,
  path TEXT NOT NULL,
  file_sha256 TEXT NOT NULL,
  exported_at TEXT NOT NULL,
  exported_by TEXT NOT NULL,
  rules_version INTEGER NOT NULL REFERENCES rules_versions(version),
  audit_head TEXT NOT NULL
) STRICT;
)sql";

void set_versions(sql::Db& db, int version = kFormatVersion) {
    // PRAGMA takes no bound parameters; both values are this program's constants.
    db.exec(("PRAGMA application_id = " + std::to_string(kApplicationId)).c_str());
    db.exec(("PRAGMA user_version = " + std::to_string(version)).c_str());
}

void migrate_1_to_2(sql::Db& db) {
    db.exec("ALTER TABLE rules_versions ADD COLUMN reason TEXT NOT NULL DEFAULT ''");
    db.exec(kExportsTable);
    db.exec("ALTER TABLE audit_log ADD COLUMN state_hash TEXT");
}

void migrate_2_to_3(sql::Db& db) {
    db.exec("ALTER TABLE rules_versions ADD COLUMN correction INTEGER NOT NULL DEFAULT 0 CHECK (correction IN (0, 1))");
    db.exec("ALTER TABLE audit_log ADD COLUMN os_user TEXT");
    db.exec("ALTER TABLE audit_log ADD COLUMN changes BLOB");
}

}  // namespace

void create_schema(sql::Db& db) {
    db.exec(kFormat3Tables);
    db.exec(kCommonTables);
    db.exec(kExportsTable);
    set_versions(db);
}

void migrate_schema(sql::Db& db, int from) {
    if (from <= 1) migrate_1_to_2(db);
    if (from <= 2) migrate_2_to_3(db);
    set_versions(db);
}

// ---- the expected schema ----

namespace {

/// SQL text with every run of white space outside quotes made one space: the same statement
/// however it was indented (ALTER TABLE edits the stored text).
std::string normalized(const std::string& sql) {
    std::string out;
    char quote = 0;
    bool space = false;
    for (char c : sql) {
        if (quote) {
            out += c;
            if (c == quote) quote = 0;
            continue;
        }
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            space = true;
            continue;
        }
        if (space && !out.empty()) out += ' ';
        space = false;
        if (c == '\'' || c == '"' || c == '`' || c == '[') quote = c == '[' ? ']' : c;
        out += c;
    }
    return out;
}

using Objects = std::map<std::pair<std::string, std::string>, std::set<std::string>>;  // (type, name) -> sqls

void add_objects(sql::Db& db, Objects& into) {
    auto s = db.prepare("SELECT type, name, sql FROM sqlite_schema");
    while (s.step()) into[{s.text(0), s.text(1)}].insert(normalized(s.text(2)));
}

/// Every form an object of a file of format `version` may have: as created by that format, or as
/// migrated from each older one.
const Objects& expected_objects(int version) {
    static std::map<int, Objects> cache;
    auto found = cache.find(version);
    if (found != cache.end()) return found->second;
    Objects objects;
    auto variant = [&](int created, auto&& migrate) {
        sql::Db db(":memory:", true);
        db.exec(created == 1 ? kFormat1Tables : created == 2 ? kFormat2Tables : kFormat3Tables);
        db.exec(kCommonTables);
        if (created >= 2) db.exec(kExportsTable);
        migrate(db);
        add_objects(db, objects);
    };
    if (version == 1) variant(1, [](sql::Db&) {});
    if (version == 2) {
        variant(2, [](sql::Db&) {});
        variant(1, [](sql::Db& db) { migrate_1_to_2(db); });
    }
    if (version == 3) {
        variant(3, [](sql::Db&) {});
        variant(2, [](sql::Db& db) { migrate_2_to_3(db); });
        variant(1, [](sql::Db& db) {
            migrate_1_to_2(db);
            migrate_2_to_3(db);
        });
    }
    return cache.emplace(version, std::move(objects)).first->second;
}

Message object_kind(const std::string& type) {
    if (type == "table") return Message("store.schema.table", TL_MSG("table"));
    if (type == "index") return Message("store.schema.index", TL_MSG("index"));
    if (type == "trigger") return Message("store.schema.trigger", TL_MSG("trigger"));
    if (type == "view") return Message("store.schema.view", TL_MSG("view"));
    return Message("store.schema.object", TL_MSG("schema object"));
}

}  // namespace

std::vector<Message> schema_differences(sql::Db& db, int version) {
    std::vector<Message> out;
    const Objects& expected = expected_objects(version);
    Objects present;
    add_objects(db, present);
    for (const auto& [key, sqls] : present) {
        const auto& [type, name] = key;
        auto want = expected.find(key);
        if (want == expected.end()) {
            out.push_back(Message("store.schema.extra",
                                  TL_MSG("the file holds the {kind} '{name}', which TenderLoop does not create: it could "
                                         "change data while TenderLoop writes or reads it"))
                              .nested("kind", object_kind(type))
                              .text("name", name));
        } else if (!want->second.count(*sqls.begin())) {
            out.push_back(Message("store.schema.altered",
                                  TL_MSG("the {kind} '{name}' differs from the one TenderLoop creates in a project of format "
                                         "{format}"))
                              .nested("kind", object_kind(type))
                              .text("name", name)
                              .count("format", version));
        }
    }
    for (const auto& [key, sqls] : expected)
        if (!present.count(key))
            out.push_back(Message("store.schema.missing",
                                  TL_MSG("the file lacks the {kind} '{name}' of a project of format {format}"))
                              .nested("kind", object_kind(key.first))
                              .text("name", key.second)
                              .count("format", version));
    return out;
}

}  // namespace tl::store
