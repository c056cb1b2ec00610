// The project file's tables. Format history:
//   1  the first format (tests/store/fixtures/v1.sql keeps a file of it);
//   2  rules versions gain `reason`; the `exports` table; audit entries gain `state_hash`, the
//      SHA-256 of the data after the change, so that `audit verify` also sees data edited outside
//      TenderLoop.
// Tables are STRICT (types enforced; SQLite >= 3.37). Times are ISO 8601 UTC text.
#include "store/schema.hpp"

#include <string>

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

void set_versions(sql::Db& db) {
    // PRAGMA takes no bound parameters; both values are this program's constants.
    db.exec(("PRAGMA application_id = " + std::to_string(kApplicationId)).c_str());
    db.exec(("PRAGMA user_version = " + std::to_string(kFormatVersion)).c_str());
}

}  // namespace

void create_schema(sql::Db& db) {
    db.exec(kFormat2Tables);
    db.exec(kCommonTables);
    db.exec(kExportsTable);
    set_versions(db);
}

void migrate_schema(sql::Db& db, int from) {
    if (from <= 1) {
        db.exec("ALTER TABLE rules_versions ADD COLUMN reason TEXT NOT NULL DEFAULT ''");
        db.exec(kExportsTable);
        db.exec("ALTER TABLE audit_log ADD COLUMN state_hash TEXT");
    }
    set_versions(db);
}

}  // namespace tl::store
