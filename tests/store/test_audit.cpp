// The audit log: one entry per change, chained by SHA-256, and verification that catches edits
// and deletions of entries and of data made outside TenderLoop (here with raw SQLite, as the
// sqlite3 shell would; tests/cli/test_cli_project.cpp does it with the shell itself).
#include "store/audit.hpp"
#include "store_fixture.hpp"

using namespace tl;
using namespace tl::store;
using namespace tl::store_test;

namespace {

/// A project with a few changes: bids, committee, scores.
void populate(ProjectFixture& f) {
    f.with_bids_and_committee({{"A", 100}, {"B", 125}});
    f.p.declare_interest("Anna", CoiKind::None, "", "", who("Anna"));
    f.score("Anna", "A", 4);
    f.score("Anna", "B", 2);
}

bool mentions(const AuditReport& r, const std::string& text) {
    for (const auto& p : r.problems)
        if (word(p).find(text) != std::string::npos) return true;
    return false;
}

std::string problems(const AuditReport& r) {
    std::string s;
    for (const auto& p : r.problems) s += word(p) + "\n";
    return s;
}

}  // namespace

TEST_CASE("audit: the canonical form of an entry is stable", "[store][audit]") {
    AuditEntry e;
    e.seq = 7;
    e.at = "2026-01-01T00:00:00Z";
    e.user = "Анна";
    e.action = "committee.score";
    e.reason = "";
    e.details = R"({"value":3})";
    e.prev_hash = kGenesisHash;
    e.format = 1;
    CHECK(canonical_audit_entry(e) ==
          "tenderloop audit entry 1\n1:7\n20:2026-01-01T00:00:00Z\n8:Анна\n15:committee.score\n0:\n11:{\"value\":3}\n64:" +
              std::string(kGenesisHash) + "\n");
    e.state_hash = std::string(64, 'a');
    e.format = 2;
    CHECK(canonical_audit_entry(e).rfind("tenderloop audit entry 2\n", 0) == 0);
    CHECK(canonical_audit_entry(e).find("\n64:" + std::string(64, 'a') + "\n") != std::string::npos);
    // The hash covers every field: a change anywhere changes it.
    const std::string h = audit_entry_hash(e);
    CHECK(h.size() == 64);
    e.reason = " ";
    CHECK(audit_entry_hash(e) != h);
}

TEST_CASE("audit: every change appends one chained entry with who, when, why and the data hash", "[store][audit]") {
    ProjectFixture f;
    populate(f);
    const auto log = f.p.audit_log();
    // create, import, 3 evaluators, declaration, 2 scores
    REQUIRE(log.size() == 8);
    std::string prev = kGenesisHash;
    for (std::size_t i = 0; i < log.size(); ++i) {
        CHECK(log[i].seq == static_cast<std::int64_t>(i + 1));
        CHECK(log[i].prev_hash == prev);
        CHECK(log[i].hash == audit_entry_hash(log[i]));
        CHECK(log[i].state_hash.size() == 64);
        prev = log[i].hash;
    }
    CHECK(log[1].action == "bids.import");
    CHECK(log[7].action == "committee.score");
    CHECK(log[7].user == "Anna");
    CHECK(log[7].at == "2026-01-01T00:00:07Z");
    CHECK_THAT(log[7].details, Catch::Contains(R"("bidder":"B")"));
    CHECK(log.back().state_hash == f.p.state_sha256());
    CHECK(f.p.audit_head() == log.back().hash);
    const AuditReport r = f.p.verify_audit(log[3].hash);
    CHECK(r.ok());
    CHECK(r.entries == 8);
    CHECK(r.signed_head_seq == 4);
}

TEST_CASE("audit: a refused change leaves no entry and no trace", "[store][audit]") {
    ProjectFixture f;
    populate(f);
    const std::string before = f.p.canonical_dump(true);
    CHECK_THROWS_AS(f.score("Boris", "A", 3), StoreError);  // no declaration
    CHECK_THROWS_AS(f.score("Anna", "A", 9), StoreError);   // off the scale
    CHECK_THROWS_AS(f.p.add_evaluator("Anna", Role::Member, who("officer")), StoreError);
    CHECK(f.p.canonical_dump(true) == before);
}

TEST_CASE("audit: the log is append-only inside the file", "[store][audit]") {
    ProjectFixture f;
    populate(f);
    CHECK_THAT(raw_sql(f.path, "UPDATE audit_log SET reason = 'x' WHERE seq = 2"), Catch::Contains("append-only"));
    CHECK_THAT(raw_sql(f.path, "DELETE FROM audit_log WHERE seq = 8"), Catch::Contains("append-only"));
    CHECK(Project::open(f.path).verify_audit().ok());
}

TEST_CASE("audit: verify catches entries and data edited outside TenderLoop", "[store][audit]") {
    ProjectFixture f;
    populate(f);
    const std::string path = f.path;
    const std::string signed_head = f.p.audit_head();
    f.p = Project::open(path);
    const char* unguard = "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;";
    // A file without its guards is not TenderLoop's schema: it opens for inspection only.
    auto inspect = [&] { return Project::open(path, inspection()); };

    SECTION("an entry's text changed") {
        REQUIRE(raw_sql(path, std::string(unguard) + "UPDATE audit_log SET user = 'mallory' WHERE seq = 7").empty());
        const AuditReport r = inspect().verify_audit();
        INFO(problems(r));
        CHECK_FALSE(r.ok());
        CHECK(mentions(r, "entry #7 (committee.score, 2026-01-01T00:00:06Z) was changed outside TenderLoop"));
        CHECK(mentions(r, "trigger audit_log_no_update) was removed"));
    }
    SECTION("an entry in the middle deleted") {
        REQUIRE(raw_sql(path, std::string(unguard) + "DELETE FROM audit_log WHERE seq = 4").empty());
        const AuditReport r = inspect().verify_audit();
        INFO(problems(r));
        CHECK(mentions(r, "entry #4 is missing: deleted outside TenderLoop"));
        CHECK(mentions(r, "entry #5 (committee.evaluator.add"));
    }
    SECTION("the last entry deleted: the data no longer matches the log") {
        REQUIRE(raw_sql(path, std::string(unguard) + "DELETE FROM audit_log WHERE seq = 8").empty());
        const AuditReport r = inspect().verify_audit(signed_head);
        INFO(problems(r));
        CHECK(mentions(r, "the data differs from what the last entry (#7"));
        CHECK(mentions(r, "no entry has the signed head " + signed_head));
    }
    SECTION("data changed, the log left alone") {
        REQUIRE(raw_sql(path, "UPDATE committee_scores SET value = 5 WHERE value = 2").empty());
        const AuditReport r = Project::open(path).verify_audit();
        INFO(problems(r));
        REQUIRE(r.problems.size() == 1);
        CHECK(mentions(r, "the data differs from what the last entry (#8, committee.score) recorded"));
    }
    SECTION("a bid's value changed") {
        REQUIRE(raw_sql(path, "UPDATE bid_values SET value = 90 WHERE field = 'price' AND value = 100").empty());
        CHECK(mentions(Project::open(path).verify_audit(), "the data differs"));
    }
    SECTION("a re-chained forgery verifies as a chain, but not against the signed head") {
        // Rewrite entry 2's reason and recompute every hash after it, as a forger who knows the
        // format would; put the guards back.
        Project p = Project::open(path);
        auto log = p.audit_log();
        std::string sql = unguard;
        log[1].reason = "imported at the request of the chair";
        for (std::size_t i = 1; i < log.size(); ++i) {
            log[i].prev_hash = log[i - 1].hash;
            log[i].hash = audit_entry_hash(log[i]);
            sql += "UPDATE audit_log SET reason = '" + log[i].reason + "', prev_hash = '" + log[i].prev_hash +
                   "', hash = '" + log[i].hash + "' WHERE seq = " + std::to_string(log[i].seq) + ";";
        }
        sql += "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log\n"
               "  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;"
               "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log\n"
               "  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;";
        REQUIRE(raw_sql(path, sql).empty());
        Project forged = Project::open(path);
        CHECK(forged.verify_audit().ok());  // the chain alone cannot tell
        const AuditReport r = forged.verify_audit(signed_head);
        INFO(problems(r));
        REQUIRE(r.problems.size() == 1);
        CHECK(mentions(r, "no entry has the signed head " + signed_head +
                              ": the log was rewritten since that head was printed"));
        // A head from before the forged entry is still there.
        CHECK(forged.verify_audit(log[0].hash).ok());
    }
}
