// The .tender file itself: identity, format version, settings, integrity, creation and migration.
#include "store_fixture.hpp"

using namespace tl;
using namespace tl::store;
using namespace tl::store_test;

TEST_CASE("store: a new project has its identity, format, settings and first rules", "[store]") {
    ProjectFixture f;
    CHECK(raw_query(f.path, "PRAGMA application_id") == std::to_string(kApplicationId));
    CHECK(raw_query(f.path, "PRAGMA user_version") == "3");
    CHECK(raw_query(f.path, "PRAGMA journal_mode") == "delete");
    const ProjectInfo info = f.p.info();
    CHECK(info.title == "Chairs");
    CHECK(info.reference == "T-1");
    CHECK(info.created_by == "officer");
    CHECK(info.format_version == kFormatVersion);
    const RulesVersion r = f.p.current_rules();
    CHECK(r.version == 1);
    CHECK(r.text == kRules);
    CHECK(r.reason == "first draft");
    CHECK(r.sha256.size() == 64);
    const auto log = f.p.audit_log();
    REQUIRE(log.size() == 1);
    CHECK(log[0].action == "project.create");
    CHECK(log[0].user == "officer");
    CHECK(log[0].reason == "first draft");
    CHECK(f.p.verify_audit().ok());
    CHECK(f.p.integrity_check() == "ok");
    // No temporary file is left next to it.
    std::size_t files = 0;
    for (const auto& e : std::filesystem::directory_iterator(f.dir.path())) files += e.is_regular_file() ? 1 : 0;
    CHECK(files == 1);
}

TEST_CASE("store: foreign keys are on: removing a bid removes its values", "[store]") {
    ProjectFixture f;
    f.p.import_bids(bids_of(f.rules, {{"A", 100}, {"B", 120}}), {{"bids.csv", "0"}}, {0, 0}, false, who("officer"));
    REQUIRE(raw_query(f.path, "SELECT count(*) FROM bid_values") == "4");  // price and note; never the committee field
    CHECK(f.p.remove_bids("A", std::nullopt, who("officer")) == 1);
    CHECK(raw_query(f.path, "SELECT count(*) FROM bid_values") == "2");  // ON DELETE CASCADE ran
    CHECK(f.p.verify_audit().ok());
}

TEST_CASE("store: create refuses an existing file", "[store]") {
    TempDir dir;
    const std::string path = dir.file("x.tender");
    write_text(path, "keep me");
    NewProject np;
    np.title = "T";
    np.rules_text = kRules;
    const auto e = error_of([&] { Project::create(path, np, who("officer")); });
    CHECK_THAT(e.what(), Catch::Contains("the file exists already"));
    CHECK(read_text(path) == "keep me");
}

TEST_CASE("store: files that are not TenderLoop projects are refused with a clear message", "[store]") {
    TempDir dir;
    SECTION("a text file") {
        const std::string path = dir.file("notes.tender");
        write_text(path, "just some text, not a database at all");
        const auto e = error_of([&] { Project::open(path); });
        CHECK(e.kind() == StoreErrorKind::NotAProject);
        CHECK(std::string(e.what()) == path + " is not a TenderLoop project (not an SQLite database)");
    }
    SECTION("an empty file") {
        const std::string path = dir.file("empty.tender");
        write_text(path, "");
        const auto e = error_of([&] { Project::open(path); });
        CHECK(e.kind() == StoreErrorKind::NotAProject);
        CHECK_THAT(e.what(), Catch::Contains("is empty: not a TenderLoop project"));
    }
    SECTION("another application's SQLite database") {
        const std::string path = dir.file("other.db");
        REQUIRE(raw_sql(path, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');").empty());
        const auto e = error_of([&] { Project::open(path); });
        CHECK(e.kind() == StoreErrorKind::NotAProject);
        CHECK(std::string(e.what()) == path +
                                           " is an SQLite database but not a TenderLoop project (its application id is "
                                           "0x00000000, a project's is 0x544C4F50)");
        // Refused before anything was changed.
        CHECK(raw_query(path, "SELECT name FROM contacts") == "x");
        CHECK(raw_query(path, "PRAGMA user_version") == "0");
    }
    SECTION("a missing file") {
        const auto e = error_of([&] { Project::open(dir.file("missing.tender")); });
        CHECK(e.kind() == StoreErrorKind::Io);
        CHECK_THAT(e.what(), Catch::Contains("no such file"));
    }
}

TEST_CASE("store: a file from a newer TenderLoop is refused and left alone", "[store]") {
    ProjectFixture f;
    const std::string path = f.path;
    f.p = Project::open(path);  // (re-open to show the file is fine before)
    REQUIRE(raw_sql(path, "PRAGMA user_version = 4").empty());
    const std::string before = read_text(path);
    const auto e = error_of([&] { Project::open(path); });
    CHECK(e.kind() == StoreErrorKind::TooNew);
    CHECK(std::string(e.what()) == path +
                                       " was written by a newer TenderLoop (project format 4; this TenderLoop reads "
                                       "formats up to 3): open it with a newer TenderLoop");
    CHECK(read_text(path) == before);
}

TEST_CASE("store: a damaged file is refused with a clear message", "[store]") {
    TempDir dir;
    const std::string path = dir.file("p.tender");
    {
        NewProject np;
        np.title = "T";
        np.rules_text = kRules;
        Project p = Project::create(path, np, who("officer"));
        const CriteriaSet rules = checked(kRules);
        std::vector<std::pair<std::string, double>> many;
        for (int i = 0; i < 300; ++i) many.push_back({"Bidder " + std::to_string(i), 100 + i});
        p.import_bids(bids_of(rules, many), {{"bids.csv", "0"}}, std::vector<std::size_t>(many.size(), 0), false,
                      who("officer"));
    }
    // Overwrite the middle of the file (b-tree pages of the bids) with garbage.
    std::string bytes = read_text(path);
    REQUIRE(bytes.size() > 8 * 4096);
    for (std::size_t i = 3 * 4096; i < 6 * 4096; ++i) bytes[i] = static_cast<char>(0xA5 ^ (i * 7));
    write_text(path, bytes);
    const auto e = error_of([&] { Project::open(path); });
    CHECK(e.kind() == StoreErrorKind::Damaged);
    CHECK_THAT(e.what(), Catch::Contains(path + " is damaged"));
    CHECK_THAT(e.what(), Catch::Contains("open a backup copy of the project instead"));
}

namespace {

/// A project file of format 1 made from tests/store/fixtures/v1.sql.
std::string make_v1(const TempDir& dir) {
    const std::string path = dir.file("old.tender");
    const std::string sql = read_text(std::string(TL_TESTS_DIR) + "/store/fixtures/v1.sql");
    REQUIRE(!sql.empty());
    REQUIRE(raw_sql(path, sql).empty());
    REQUIRE(raw_query(path, "PRAGMA user_version") == "1");
    return path;
}

const char* const kV1Head = "424def3883fbf79805a388d22d16b39f38450ed40fc5e010648cbc6ad21427b8";

}  // namespace

TEST_CASE("store: a format-1 file migrates to format 3 in one transaction, its log intact", "[store][migration]") {
    TempDir dir;
    const std::string path = make_v1(dir);
    CHECK(raw_query(path, "SELECT count(*) FROM pragma_table_info('rules_versions') WHERE name = 'reason'") == "0");

    ProjectOptions o;
    o.user = "olga";
    o.tool_version = "9.9";
    o.clock = [] { return std::string("2026-02-01T12:00:00Z"); };
    Project p = Project::open(path, o);
    CHECK(p.info().format_version == 3);
    CHECK(raw_query(path, "PRAGMA user_version") == "3");
    // The format-2 additions.
    CHECK(raw_query(path, "SELECT count(*) FROM pragma_table_info('rules_versions') WHERE name = 'reason'") == "1");
    CHECK(raw_query(path, "SELECT count(*) FROM pragma_table_info('audit_log') WHERE name = 'state_hash'") == "1");
    CHECK(p.exports().empty());
    // The log: the three format-1 entries as they were, then the migration.
    const auto log = p.audit_log();
    REQUIRE(log.size() == 4);
    CHECK(log[2].hash == kV1Head);
    CHECK(log[2].state_hash.empty());
    CHECK(log[3].action == "project.migrate");
    CHECK(log[3].user == "olga");
    CHECK(log[3].at == "2026-02-01T12:00:00Z");
    CHECK(log[3].details == R"({"from":1,"replay_from_this_entry":true,"to":3})");
    CHECK_THAT(log[3].reason, Catch::Contains("opened by TenderLoop 9.9: project format 1 upgraded to 3"));
    const AuditReport r = p.verify_audit(kV1Head);
    INFO(r.problems.size());
    CHECK(r.ok());
    CHECK(r.signed_head_seq == 3);
    // The data as it was.
    const CriteriaSet rules = checked(p.current_rules().text);
    CHECK(p.current_rules().reason.empty());
    const BidTable t = p.bid_table(rules.fields);
    REQUIRE(t.bids.size() == 2);
    CHECK(t.bids[1].bidder == "Мебельщик");
    CHECK(t.bids[1].values[1] == Approx(0.8));
    CHECK(p.runs().size() == 1);
    // And format 2 works on it: an export is recorded with its audit head.
    p.record_export("out.xlsx", std::string(64, 'e'), p.audit_head(), who("olga"));
    CHECK(p.exports().size() == 1);
    CHECK(p.verify_audit().ok());
    // Opening again does not migrate again.
    Project again = Project::open(path, o);
    CHECK(again.audit_log().size() == 5);
}

TEST_CASE("store: a migration that fails leaves the file as it was", "[store][migration]") {
    TempDir dir;
    const std::string path = make_v1(dir);
    // A table in the way of the migration's CREATE TABLE exports (since format 3 the check of
    // the schema refuses it before the migration starts; either way the file stays as it was).
    REQUIRE(raw_sql(path, "CREATE TABLE exports (x TEXT)").empty());
    const std::string dump_before = raw_query(path, "SELECT group_concat(sql, ';') FROM sqlite_schema");
    CHECK_THROWS_AS(Project::open(path), StoreError);
    CHECK(raw_query(path, "PRAGMA user_version") == "1");
    CHECK(raw_query(path, "SELECT group_concat(sql, ';') FROM sqlite_schema") == dump_before);
    CHECK(raw_query(path, "SELECT count(*) FROM audit_log") == "3");
}
