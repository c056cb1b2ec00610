// Project format 3: the log proves what it claims (issue 11 items 1-3). A change refuses to build
// on data edited outside TenderLoop; each entry records what it changed and `verify` replays the
// log; a file with a schema of its own is refused; entries' times are checked; the operating
// system account is recorded beside the claimed user; a format-2 file migrates and verifies.
#include <pwd.h>
#include <unistd.h>

#include "store/audit.hpp"
#include "store_fixture.hpp"

using namespace tl;
using namespace tl::store;
using namespace tl::store_test;

namespace {

void populate(ProjectFixture& f) {
    f.with_bids_and_committee({{"A", 100}, {"B", 125}});
    f.p.declare_interest("Anna", CoiKind::None, "", "", who("Anna"));
    f.score("Anna", "A", 4);
    f.score("Anna", "B", 2);
}

std::string words(const std::vector<Message>& messages) {
    std::string s;
    for (const auto& m : messages) s += word(m) + "\n";
    return s;
}

std::string this_account() {
    const passwd* pw = getpwuid(geteuid());
    return pw && pw->pw_name ? pw->pw_name : "uid " + std::to_string(geteuid());
}

/// A clock that returns the given times in turn, then repeats the last.
Clock clock_of(std::vector<std::string> times) {
    auto next = std::make_shared<std::size_t>(0);
    return [times, next] { return times[std::min(times.size() - 1, (*next)++)]; };
}

/// A project file of format 2 made from tests/store/fixtures/v2.sql (the furniture-committee sample).
std::string make_v2(const TempDir& dir) {
    const std::string path = dir.file("v2.tender");
    const std::string sql = read_text(std::string(TL_TESTS_DIR) + "/store/fixtures/v2.sql");
    REQUIRE(!sql.empty());
    REQUIRE(raw_sql(path, sql).empty());
    REQUIRE(raw_query(path, "PRAGMA user_version") == "2");
    return path;
}

}  // namespace

TEST_CASE("format 3: a change on data edited outside TenderLoop is refused, and nothing is written",
          "[store][audit][tamper]") {
    ProjectFixture f;
    populate(f);
    const auto entries = f.p.audit_log().size();
    CHECK_FALSE(f.p.changed_outside());
    // As the issue reproduced it: halve a price with the sqlite3 shell.
    REQUIRE(raw_sql(f.path, "UPDATE bid_values SET value = value * 0.5 WHERE field = 'price' AND bid = 1").empty());
    const std::string tampered = raw_query(f.path, "SELECT value FROM bid_values WHERE field = 'price' AND bid = 1");
    f.p = Project::open(f.path);  // opening (to look, evaluate, export) is fine
    // ... and says at once why nothing can be recorded (the desktop app shows it when opening).
    const auto changed = f.p.changed_outside();
    REQUIRE(changed);
    CHECK(changed->code == "store.refused.changed-outside");
    const StoreError e = error_of([&] { f.p.add_evaluator("Dora", Role::Member, who("officer")); });
    CHECK(e.kind() == StoreErrorKind::Refused);
    CHECK(e.message().code == "store.refused.changed-outside");
    CHECK(std::string(e.what()) ==
          f.path + " was changed outside TenderLoop after entry #8 (committee.score, 2026-01-01T00:00:07Z): its data "
                   "differs from what that entry recorded. Nothing was written. 'tenderloop audit " +
              f.path + " verify' shows what differs; go on from a copy of the project that verifies");
    // Nothing appended, the tampered value left for the verification to show.
    CHECK(f.p.audit_log().size() == entries);
    CHECK(raw_query(f.path, "SELECT value FROM bid_values WHERE field = 'price' AND bid = 1") == tampered);
    CHECK_FALSE(f.p.verify_audit().ok());
}

TEST_CASE("format 3: each entry records the rows it changed with old and new values, and the OS account",
          "[store][audit]") {
    ProjectFixture f;
    populate(f);
    f.score("Anna", "A", 3);  // a revision: 4 -> 3
    const auto log = f.p.audit_log();
    REQUIRE(log.size() == 9);
    for (const auto& e : log) {
        CHECK(e.format == 3);
        CHECK(e.os_user == this_account());
        CHECK_FALSE(e.changes.empty());
    }
    // The creation inserted the tender, the first rules and no lots.
    const auto created = f.p.audit_changes(log[0]);
    REQUIRE(created.size() == 2);
    CHECK(created[0].operation == "insert");
    // The revision changed exactly one row: Anna's score of A, 4 -> 3 (and its update time).
    const auto revised = f.p.audit_changes(log[8]);
    REQUIRE(revised.size() == 1);
    CHECK(revised[0].table == "committee_scores");
    CHECK(revised[0].operation == "update");
    CHECK(revised[0].key == "1, 1, plan");
    bool value_seen = false;
    for (const auto& c : revised[0].columns)
        if (c.name == "value") {
            value_seen = true;
            CHECK(c.before == "4");
            CHECK(c.after == "3");
        }
    CHECK(value_seen);
    const AuditReport r = f.p.verify_audit();
    INFO(words(r.problems));
    CHECK(r.ok());
    CHECK(r.replayed_from == 1);
    CHECK(r.warnings.empty());
}

TEST_CASE("format 3: verify replays the log and finds a change no entry explains, also before a signed head",
          "[store][audit][tamper]") {
    ProjectFixture f;
    populate(f);
    const std::string signed_head = f.p.audit_head();  // printed on a signed workbook after entry #8
    f.p.add_evaluator("Dora", Role::Member, who("officer"));
    f.p.declare_interest("Dora", CoiKind::None, "", "", who("Dora"));
    // A forger halves A's price (imported at entry #2, before the head), then makes the last
    // entry's data hash match and re-chains the entries after the head, as the issue describes:
    // this passed `verify --head` before format 3.
    REQUIRE(raw_sql(f.path, "UPDATE bid_values SET value = value * 0.5 WHERE field = 'price' AND bid = 1").empty());
    Project tampered = Project::open(f.path);
    auto log = tampered.audit_log();
    const std::string forged_state = tampered.state_sha256();
    std::string sql = "DROP TRIGGER audit_log_no_update;";
    log.back().state_hash = forged_state;
    log.back().hash = audit_entry_hash(log.back());
    sql += "UPDATE audit_log SET state_hash = '" + forged_state + "', hash = '" + log.back().hash +
           "' WHERE seq = " + std::to_string(log.back().seq) + ";";
    sql += "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log\n"
           "  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;";
    REQUIRE(raw_sql(f.path, sql).empty());
    const AuditReport r = Project::open(f.path).verify_audit(signed_head);
    INFO(words(r.problems));
    CHECK(r.signed_head_seq == 8);  // the head is still in the chain ...
    REQUIRE(r.problems.size() == 1);  // ... but the replay finds the change no entry made
    CHECK(word(r.problems[0]) ==
          "after entry #10 (committee.declare, 2026-01-01T00:00:09Z) the data the log records differs from what the "
          "recorded changes produce: a change no entry explains was made at or before this entry");
}

TEST_CASE("format 3: a recorded change that does not fit the data before it is named", "[store][audit][tamper]") {
    ProjectFixture f;
    populate(f);
    // Entry #4's recorded change replaced by the import's (entry #2) inserts: rows that exist
    // already by then, so the replay stops there and names the row.
    Project p = Project::open(f.path);
    auto log = p.audit_log();
    auto forged = log[3];  // committee.evaluator.add (Anna)
    forged.changes = log[1].changes;  // the import's inserts, a second time: those rows exist
    REQUIRE(raw_sql(f.path, "DROP TRIGGER audit_log_no_update").empty());
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(f.path.c_str(), &db) == SQLITE_OK);
    sqlite3_stmt* s = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, "UPDATE audit_log SET changes = ? WHERE seq = 4", -1, &s, nullptr) == SQLITE_OK);
    sqlite3_bind_blob(s, 1, forged.changes.data(), static_cast<int>(forged.changes.size()), SQLITE_TRANSIENT);
    REQUIRE(sqlite3_step(s) == SQLITE_DONE);
    sqlite3_finalize(s);
    sqlite3_close(db);
    const AuditReport r = Project::open(f.path, inspection()).verify_audit();
    INFO(words(r.problems));
    CHECK(words(r.problems).find("entry #4 (committee.evaluator.add, 2026-01-01T00:00:03Z) was changed outside "
                                 "TenderLoop: its content does not match its hash") != std::string::npos);
    CHECK_THAT(words(r.problems), Catch::Contains("entry #4 (committee.evaluator.add, 2026-01-01T00:00:03Z) recorded a "
                                                  "change of bid") &&
                                      Catch::Contains("that does not fit the data before it (exists)"));
}

TEST_CASE("format 3: a file with a trigger, index or altered table of its own is refused and named",
          "[store][schema][hostile]") {
    ProjectFixture f;
    populate(f);
    const std::string path = f.path;
    struct Case {
        const char* sql;
        const char* named;
    };
    const Case cases[] = {
        {"CREATE TRIGGER keep_low AFTER UPDATE ON consensus BEGIN UPDATE consensus SET value = 0; END",
         "the file holds the trigger 'keep_low', which TenderLoop does not create"},
        {"CREATE VIEW ranking AS SELECT 1", "the file holds the view 'ranking', which TenderLoop does not create"},
        {"CREATE INDEX by_bidder ON bids(bidder)", "the file holds the index 'by_bidder', which TenderLoop does not create"},
        {"ALTER TABLE bids ADD COLUMN note TEXT",
         "the table 'bids' differs from the one TenderLoop creates in a project of format 3"},
        {"DROP INDEX evaluators_one_chair", "the file lacks the index 'evaluators_one_chair' of a project of format 3"},
    };
    for (const Case& c : cases) {
        TempDir other;
        const std::string copy = other.file("copy.tender");
        std::filesystem::copy_file(path, copy);
        REQUIRE(raw_sql(copy, c.sql).empty());
        INFO(c.sql);
        const StoreError e = error_of([&] { Project::open(copy); });
        CHECK(e.kind() == StoreErrorKind::Damaged);
        CHECK_THAT(e.what(), Catch::StartsWith(copy + " is not opened: ") && Catch::Contains(c.named) &&
                                 Catch::Contains("It was changed outside TenderLoop"));
        // Inspection opens it: verify names the difference, and nothing can be written.
        Project inspected = Project::open(copy, inspection());
        const AuditReport r = inspected.verify_audit();
        CHECK(words(r.problems).find(c.named) != std::string::npos);
        const StoreError refused = error_of([&] { inspected.add_evaluator("Dora", Role::Member, who("officer")); });
        CHECK(refused.message().code == "store.refused.foreign-schema");
    }
}

TEST_CASE("format 3: verify checks the entries' times: future and large steps back fail, small ones warn",
          "[store][audit][time]") {
    TempDir dir;
    auto make = [&](const std::string& name, std::vector<std::string> times) {
        const std::string path = dir.file(name);
        NewProject np;
        np.title = "Chairs";
        np.reference = "T-1";
        np.rules_text = kRules;
        np.rules_source_name = "chairs.crit";
        ProjectOptions o;
        o.clock = clock_of(std::move(times));
        Project p = Project::create(path, np, who("officer"), o);
        p.add_evaluator("Anna", Role::Chair, who("officer"));
        p.add_evaluator("Boris", Role::Member, who("officer"));
        return p.verify_audit();
    };
    SECTION("in order") {
        const auto r = make("a.tender", {"2026-01-01T10:00:00Z", "2026-01-01T10:05:00Z", "2026-01-01T10:05:00Z"});
        CHECK(r.ok());
        CHECK(r.warnings.empty());
    }
    SECTION("another officer's clock 3 minutes behind: a warning") {
        const auto r = make("b.tender", {"2026-01-01T10:00:00Z", "2026-01-01T10:05:00Z", "2026-01-01T10:02:00Z"});
        INFO(words(r.problems));
        CHECK(r.ok());
        REQUIRE(r.warnings.size() == 1);
        CHECK(word(r.warnings[0]) ==
              "entry #3 (committee.evaluator.add, 2026-01-01T10:02:00Z) is dated 180 seconds before the entry before it "
              "(2026-01-01T10:05:00Z): the clocks of the computers that wrote them differ a little");
    }
    SECTION("a day back: a failure") {
        const auto r = make("c.tender", {"2026-01-02T10:00:00Z", "2026-01-02T10:05:00Z", "2026-01-01T10:05:00Z"});
        REQUIRE(r.problems.size() == 1);
        CHECK(word(r.problems[0]) ==
              "entry #3 (committee.evaluator.add, 2026-01-01T10:05:00Z) is dated 1440 minutes before the entry before it "
              "(2026-01-02T10:05:00Z): a clock was set back, or the time was set by hand");
    }
    SECTION("in the future: a failure") {
        const auto r = make("d.tender", {"2026-01-01T10:00:00Z", "9999-12-31T23:59:59Z", "9999-12-31T23:59:59Z"});
        REQUIRE(r.problems.size() == 2);
        CHECK_THAT(word(r.problems[0]), Catch::StartsWith("entry #2 (committee.evaluator.add, 9999-12-31T23:59:59Z) is "
                                                          "dated in the future (this computer's clock says "));
    }
    SECTION("a day that does not exist") {
        const auto r = make("f.tender", {"2026-01-01T10:00:00Z", "2026-02-30T00:00:00Z", "2026-03-01T10:05:00Z"});
        REQUIRE(r.problems.size() == 1);
        CHECK(word(r.problems[0]) == "entry #2 (committee.evaluator.add) has no valid time: '2026-02-30T00:00:00Z'");
    }
    SECTION("not a time") {
        const auto r = make("e.tender", {"2026-01-01T10:00:00Z", "yesterday", "2026-01-01T10:05:00Z"});
        REQUIRE(r.problems.size() == 1);
        CHECK(word(r.problems[0]) == "entry #2 (committee.evaluator.add) has no valid time: 'yesterday'");
    }
}

TEST_CASE("format 3: a format-2 file migrates, its old entries verified as before and the replay from the migration",
          "[store][migration]") {
    TempDir dir;
    const std::string path = make_v2(dir);
    ProjectOptions o;
    o.user = "olga";
    o.tool_version = "9.9";
    Project p = Project::open(path, o);
    CHECK(p.info().format_version == 3);
    const auto log = p.audit_log();
    REQUIRE(log.size() == 52);
    CHECK(log[50].format == 2);
    CHECK(log[51].format == 3);
    CHECK(log[51].action == "project.migrate");
    CHECK(log[51].details == R"({"from":2,"replay_from_this_entry":true,"to":3})");
    CHECK(log[51].os_user == this_account());
    // The migration's entry holds every row: 1 tender, 1 rules version, 4 bids, ...
    const auto rows = p.audit_changes(log[51]);
    CHECK(rows.size() == static_cast<std::size_t>(std::stoi(raw_query(
                             path, "SELECT (SELECT count(*) FROM tender) + (SELECT count(*) FROM rules_versions) + "
                                   "(SELECT count(*) FROM lots) + (SELECT count(*) FROM bids) + (SELECT count(*) FROM "
                                   "bid_values) + (SELECT count(*) FROM evaluators) + (SELECT count(*) FROM "
                                   "coi_declarations) + (SELECT count(*) FROM committee_scores) + (SELECT count(*) FROM "
                                   "consensus) + (SELECT count(*) FROM evaluation_runs) + (SELECT count(*) FROM exports)"))));
    AuditReport r = p.verify_audit(log[50].hash);
    INFO(words(r.problems));
    CHECK(r.ok());
    CHECK(r.replayed_from == 52);
    CHECK(r.signed_head_seq == 51);
    // Format 3 works on it, and the replay covers the new entry.
    p.add_evaluator("Olga Berg", Role::Member, who("olga"));
    r = p.verify_audit();
    INFO(words(r.problems));
    CHECK(r.ok());
    CHECK(p.audit_log().back().format == 3);
}

TEST_CASE("format 3: a format-2 file whose data was edited is not migrated", "[store][migration][tamper]") {
    TempDir dir;
    const std::string path = make_v2(dir);
    REQUIRE(raw_sql(path, "UPDATE bid_values SET value = value * 0.5 WHERE field = 'price'").empty());
    const StoreError e = error_of([&] { Project::open(path); });
    CHECK(e.message().code == "store.refused.changed-outside");
    CHECK_THAT(e.what(), Catch::Contains("after entry #51"));
    CHECK(raw_query(path, "PRAGMA user_version") == "2");  // left as it was
}

TEST_CASE("format 3: audit inspects a format-2 file as it is, without migrating it", "[store][migration][tamper]") {
    TempDir dir;
    const std::string path = make_v2(dir);
    REQUIRE(raw_sql(path, "UPDATE bid_values SET value = value * 0.5 WHERE field = 'price'").empty());
    Project p = Project::open(path, inspection());
    CHECK(p.info().format_version == 2);
    CHECK(p.audit_log().size() == 51);
    CHECK(p.current_rules().version >= 1);
    const AuditReport r = p.verify_audit();
    REQUIRE(r.problems.size() == 1);
    CHECK(word(r.problems[0]) == "the data differs from what the last entry (#51, export) recorded: it was changed outside "
                                 "TenderLoop, or entries after it were deleted");
    // Nothing written, nothing can be.
    CHECK(raw_query(path, "PRAGMA user_version") == "2");
    CHECK(error_of([&] { p.add_evaluator("Olga", Role::Member, who("olga")); }).message().code ==
          "store.refused.inspection-only");
}

TEST_CASE("format 3: data changed before the migration is found at the migration, also under a signed format-2 head",
          "[store][migration][tamper]") {
    // Found in review: change the data of a format-2 file and fix its last entry's state hash, let
    // TenderLoop migrate it (the snapshot takes the changed rows), then put the original state hash
    // back and re-chain: the signed head of entry #51 is in the chain again.
    TempDir dir;
    const std::string path = make_v2(dir);
    const std::string signed_head = raw_query(path, "SELECT hash FROM audit_log WHERE seq = 51");
    const std::string original_state = raw_query(path, "SELECT state_hash FROM audit_log WHERE seq = 51");
    REQUIRE(raw_sql(path, "UPDATE consensus SET value = 0 WHERE bid = (SELECT min(bid) FROM consensus)").empty());
    auto rewrite_51 = [&](const std::string& state) {
        Project inspected = Project::open(path, inspection());
        auto log = inspected.audit_log();
        std::string sql = "DROP TRIGGER audit_log_no_update;";
        for (std::size_t i = 50; i < log.size(); ++i) {
            if (i == 50) log[i].state_hash = state;
            else log[i].prev_hash = log[i - 1].hash;
            log[i].hash = audit_entry_hash(log[i]);
            sql += "UPDATE audit_log SET state_hash = '" + log[i].state_hash + "', prev_hash = '" + log[i].prev_hash +
                   "', hash = '" + log[i].hash + "' WHERE seq = " + std::to_string(log[i].seq) + ";";
        }
        sql += "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log\n"
               "  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;";
        REQUIRE(raw_sql(path, sql).empty());
    };
    rewrite_51(Project::open(path, inspection()).state_sha256());  // the forger's hash of the changed data
    Project::open(path);                                            // migrated: the snapshot holds the change
    REQUIRE(raw_query(path, "PRAGMA user_version") == "3");
    rewrite_51(original_state);
    const AuditReport r = Project::open(path).verify_audit(signed_head);
    INFO(words(r.problems));
    CHECK(r.signed_head_seq == 51);
    REQUIRE(r.problems.size() == 1);
    CHECK_THAT(word(r.problems[0]), Catch::StartsWith("the rows entry #52 (project.migrate, ") &&
                                        Catch::EndsWith(") recorded (the migration) differ from the data entry #51 "
                                                        "recorded: the data was changed outside TenderLoop before the "
                                                        "migration"));
}
