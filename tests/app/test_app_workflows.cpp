// The workflows the CLI and the GUI share through tl_app: a new project replacing a file, a bid
// renamed, refusals with their kind (never their wording), evaluation runs, saved files and the
// workbook's audit information for files.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <filesystem>

#include "app/file_export.hpp"
#include "app/project_export.hpp"
#include "app/save_file.hpp"
#include "app/tender_project.hpp"
#include "core/sha256.hpp"
#include "support/files.hpp"
#include "support/temp_dir.hpp"

namespace {

using namespace tl;
namespace fs = std::filesystem;

const std::string kRules =
    "tender { title: \"Chairs for the library\" reference: \"LIB-7\" currency: EUR }\n"
    "field price: money { name: \"Price\" range: 0 .. 1000000 }\n"
    "field recycled: percent { name: \"Recycled content\" }\n"
    "criterion price { kind: price weight: 60 % score: ratio_lowest(price) }\n"
    "criterion recycled { weight: 20 % score: linear(recycled, 0 % -> 0, 80 % -> 100) }\n"
    "criterion plan { name: \"Take-back plan\" weight: 20 % committee: 0 .. 5 }\n";

app::NewProjectRequest request_for(const test::TempDir& dir, const std::string& rules = kRules) {
    app::NewProjectRequest r;
    r.path = dir.file("chairs.tender");
    r.rules_text = rules;
    r.rules_source_name = "chairs.crit";
    r.reason = "as published";
    return r;
}

/// A project with two bids (Acme, Beta), made in `dir`.
app::TenderProject chairs(const test::TempDir& dir) {
    test::write_text(dir.file("bids.csv"), "bidder,price,recycled\nAcme,1000,40\nBeta,1200,80\n");
    app::ChangeOutcome created;
    auto p = app::TenderProject::create(request_for(dir), "olga", "test", created);
    INFO(created.summary);
    REQUIRE(p);
    const app::ChangeOutcome imported = p->import_bid_files({dir.file("bids.csv")}, false, "opening");
    INFO(imported.summary);
    REQUIRE(imported.ok);
    CHECK(imported.added == 2);
    CHECK(imported.replaced == 0);
    return std::move(*p);
}

std::vector<std::string> bidders(const app::TenderProject& p) {
    std::vector<std::string> out;
    for (const auto& b : p.store().bids()) out.push_back(b.bidder);
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("app workflows: a new project replaces an existing file only when asked, and only when complete", "[app]") {
    test::TempDir dir;
    const std::string path = dir.file("chairs.tender");
    { chairs(dir); }
    REQUIRE(::chmod(path.c_str(), 0640) == 0);
    test::write_text(path + "-journal", "a journal the old file left behind");

    app::ChangeOutcome out;
    CHECK_FALSE(app::TenderProject::create(request_for(dir), "olga", "test", out));
    CHECK(out.refusal == app::Refusal::Store);
    CHECK(out.summary.find("the file exists already") != std::string::npos);

    app::NewProjectRequest bad = request_for(dir, kRules + "criterion oops { weight: 10 % score: nosuchfield }\n");
    bad.replace_existing = true;
    CHECK_FALSE(app::TenderProject::create(bad, "olga", "test", out));
    CHECK(out.refusal == app::Refusal::Problems);
    CHECK(app::TenderProject::open(path, "olga", "test").store().bids().size() == 2);  // as it was

    app::NewProjectRequest again = request_for(dir);
    again.replace_existing = true;
    again.title = "Chairs, second call";
    auto p = app::TenderProject::create(again, "olga", "test", out);
    INFO(out.summary);
    REQUIRE(p);
    CHECK(out.ok);
    CHECK(p->store().bids().empty());
    CHECK(p->store().info().title == "Chairs, second call");
    const auto log = p->store().audit_log();
    REQUIRE(log.size() == 1);
    CHECK(log[0].reason == "as published");
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    CHECK((st.st_mode & 07777) == 0640);
    CHECK_FALSE(fs::exists(path + "-journal"));
    std::size_t files = 0;
    for (const auto& e : fs::directory_iterator(dir.path())) files += e.path().filename().string().rfind(".chairs", 0) == 0;
    CHECK(files == 0);  // no temporary left
}

TEST_CASE("app workflows: a bid is renamed with its answers, and a refusal leaves the project as it was", "[app]") {
    test::TempDir dir;
    app::TenderProject p = chairs(dir);
    app::ChangeOutcome out = p.rename_bid("Acme", "", "Acme Ltd", "", "registered name");
    INFO(out.summary);
    REQUIRE(out.ok);
    CHECK(bidders(p) == std::vector<std::string>{"Acme Ltd", "Beta"});
    const auto entry = p.bid_entry("Acme Ltd", "");
    REQUIRE(entry);
    CHECK(entry->answers.at("price") == "1000");
    CHECK(p.store().audit_log().back().reason == "registered name");

    const std::size_t entries = p.store().audit_log().size();
    out = p.rename_bid("Acme Ltd", "", "Beta", "", "");
    CHECK_FALSE(out.ok);
    CHECK(out.refusal == app::Refusal::BidsExist);
    CHECK(out.summary_message.code == "app.bid.name-taken");
    CHECK(p.store().audit_log().size() == entries);
    out = p.rename_bid("Gamma", "", "Delta", "", "");
    CHECK(out.refusal == app::Refusal::NotFound);
    out = p.rename_bid("Beta", "", "Beta", "", "");
    CHECK(out.refusal == app::Refusal::Unchanged);

    // Once the committee has scored the bid, it keeps its name.
    REQUIRE(p.add_evaluator("Anna", store::Role::Chair, "").ok);
    REQUIRE(p.declare_interest("Anna", store::CoiKind::None, "", "").ok);
    REQUIRE(p.record_score({"Anna", {"Beta", ""}, "plan", 3, "clear plan"}).ok);
    const std::size_t log_size = p.store().audit_log().size();
    out = p.rename_bid("Beta", "", "Beta GmbH", "", "");
    CHECK_FALSE(out.ok);
    CHECK(out.refusal == app::Refusal::Store);
    CHECK(bidders(p) == std::vector<std::string>{"Acme Ltd", "Beta"});
    CHECK(p.store().verify_audit().ok());
    CHECK(p.store().audit_log().size() == log_size);  // a refused rename writes nothing
}

TEST_CASE("app workflows: refusals say their kind, changes their counts", "[app]") {
    test::TempDir dir;
    app::TenderProject p = chairs(dir);
    app::ChangeOutcome out = p.import_bid_files({dir.file("bids.csv")}, false, "");
    CHECK_FALSE(out.ok);
    CHECK(out.refusal == app::Refusal::BidsExist);
    out = p.import_bid_files({dir.file("bids.csv")}, true, "corrected");
    REQUIRE(out.ok);
    CHECK(out.replaced == 2);
    test::write_text(dir.file("bad.csv"), "bidder,price,recycled\nGamma,lots,10\n");
    CHECK(p.import_bid_files({dir.file("bad.csv")}, false, "").refusal == app::Refusal::Problems);
    test::write_text(dir.file("empty.csv"), "bidder,price,recycled\n");
    CHECK(p.import_bid_files({dir.file("empty.csv")}, false, "").refusal == app::Refusal::NoBids);

    out = p.set_rules(kRules, "chairs.crit", "");
    CHECK(out.refusal == app::Refusal::Unchanged);
    CHECK(out.summary == "the rules are the same as the current version 1");
    out = p.set_rules(kRules + "field warranty: quantity(years) { name: \"Warranty\" }\n", "more.crit", "");
    CHECK(out.refusal == app::Refusal::BidsDoNotFit);
    // Each stored bid named (after the rules' own warnings).
    CHECK(std::count_if(out.problems.begin(), out.problems.end(), [](const Diagnostic& d) {
              return d.message.rfind("the bid of '", 0) == 0 && d.message.find("field 'warranty'") != std::string::npos;
          }) == 2);
    out = p.set_rules(kRules + "# a comment\n", "v2.crit", "", "/somewhere/v2.crit");
    CHECK(out.refusal == app::Refusal::RulesFrozen);  // the project holds bids
    CHECK(out.store_refusal.code == "store.refused.rules-frozen");
    out = p.set_rules(kRules + "# a comment\n", "v2.crit", "a comment", "/somewhere/v2.crit", true);
    REQUIRE(out.ok);
    CHECK(out.recorded == 2);
    CHECK(out.re_read == 2);
    out = p.set_rules("criterion {", "v3.crit", "", "/somewhere/v3.crit");
    CHECK(out.refusal == app::Refusal::Problems);
    REQUIRE_FALSE(out.problems.empty());
    CHECK(out.problems[0].pos.file == "/somewhere/v3.crit");  // messages point at the path given

    out = p.remove_bid("Nobody", "", "");
    CHECK(out.refusal == app::Refusal::NotFound);
    out = p.remove_bid("Beta", "", "withdrawn");
    REQUIRE(out.ok);
    CHECK(out.removed == 1);
}

TEST_CASE("app workflows: evaluation runs are numbered and fingerprint their inputs", "[app]") {
    test::TempDir dir;
    app::TenderProject p = chairs(dir);
    const auto ev = p.evaluate();
    REQUIRE(ev);
    CHECK(ev->provisional());  // the committee's plan scores are missing
    const app::ChangeOutcome first = p.record_run(*ev, "{}", "for the meeting");
    REQUIRE(first.ok);
    const app::ChangeOutcome second = p.record_run(*p.evaluate(), "{}", "");
    REQUIRE(second.ok);
    CHECK(second.recorded == first.recorded + 1);
    const auto runs = p.store().runs();
    REQUIRE(runs.size() == 2);
    CHECK(runs[0].id == first.recorded);
    CHECK(runs[0].provisional);
    CHECK(runs[0].inputs_sha256 == runs[1].inputs_sha256);  // the same rules and bids
    CHECK(runs[0].inputs_sha256.size() == 64);
    CHECK(p.store().audit_log().back().action == "evaluate");
}

TEST_CASE("app workflows: a saved file is replaced whole, keeps its mode, and a failure says why", "[app]") {
    test::TempDir dir;
    const std::string path = dir.file("rules.crit");
    test::write_text(path, "old");
    REQUIRE(::chmod(path.c_str(), 0600) == 0);
    app::ChangeOutcome out = app::save_file(path, "new");
    REQUIRE(out.ok);
    CHECK(test::read_text(path) == "new");
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    CHECK((st.st_mode & 07777) == 0600);
    fs::create_directory(dir.path() / "folder.crit");
    out = app::save_file(dir.file("folder.crit"), "x");
    CHECK_FALSE(out.ok);
    CHECK(out.refusal == app::Refusal::Io);
    CHECK(out.summary.rfind("cannot write " + dir.file("folder.crit") + ": ", 0) == 0);
}

TEST_CASE("app workflows: the workbook's audit information for files names them and their hashes", "[app]") {
    const io::ExportInfo info = app::file_export_info("/x/rules.crit", "rules", "/y/bids.csv", "bids", "9.9");
    CHECK(info.tool_version == "9.9");
    CHECK(info.rules.name == "rules.crit");
    CHECK(info.rules.sha256 == sha256_hex("rules"));
    CHECK(info.bids.name == "bids.csv");
    CHECK(info.bids.sha256 == sha256_hex("bids"));
    CHECK(info.exported_at.size() == 20);  // 2026-01-01T00:00:00Z
}

TEST_CASE("app workflows: a project's workbook is exported and recorded, never while provisional", "[app]") {
    test::TempDir dir;
    app::TenderProject p = chairs(dir);
    const std::string out = dir.file("evaluation.xlsx");
    app::ChangeOutcome done = app::export_workbook(p, *p.evaluate(), out, "test", "");
    CHECK(done.refusal == app::Refusal::Provisional);
    CHECK_FALSE(fs::exists(out));

    REQUIRE(p.add_evaluator("Anna", store::Role::Chair, "").ok);
    REQUIRE(p.declare_interest("Anna", store::CoiKind::None, "", "").ok);
    for (const std::string bidder : {"Acme", "Beta"}) REQUIRE(p.record_score({"Anna", {bidder, ""}, "plan", 3, "ok"}).ok);
    REQUIRE(p.submit_scores("Anna").ok);
    p.set_user("Anna");  // the chair records the consensus
    for (const std::string bidder : {"Acme", "Beta"}) {
        const app::ChangeOutcome c = p.record_consensus({{bidder, ""}, "plan", 3, "agreed"});
        INFO(c.summary);
        REQUIRE(c.ok);
    }
    const auto ev = p.evaluate();
    REQUIRE_FALSE(ev->provisional());
    done = app::export_workbook(p, *ev, out, "test", "for signature");
    INFO(done.summary);
    REQUIRE(done.ok);
    CHECK(test::read_text(out).substr(0, 2) == "PK");
    REQUIRE(p.store().exports().size() == 1);
    CHECK(p.store().audit_log().back().reason == "for signature");

    done = app::export_workbook(p, *ev, dir.file("no/such/folder/e.xlsx"), "test", "");
    CHECK(done.refusal == app::Refusal::Io);
    CHECK(done.summary.find("cannot create a temporary file in") != std::string::npos);
    CHECK(p.store().exports().size() == 1);
}

TEST_CASE("app workflows: the log takes the system's time, never SOURCE_DATE_EPOCH, which only fixes exports' printed time",
          "[app][audit][time]") {
    test::TempDir dir;
    // The year 3000: set as a reproducible-build variable, it must not date a recorded decision.
    ::setenv("SOURCE_DATE_EPOCH", "32503680000", 1);
    const std::time_t before = std::time(nullptr);
    auto p = chairs(dir);
    const std::time_t after = std::time(nullptr);
    const auto log = p.audit_log();
    REQUIRE(log.size() == 2);
    for (const auto& e : log) {
        std::tm tm{};
        REQUIRE(strptime(e.at.c_str(), "%Y-%m-%dT%H:%M:%SZ", &tm));
        const std::time_t at = timegm(&tm);
        CHECK(at >= before);
        CHECK(at <= after);
    }
    CHECK(p.verify_audit().ok());
    // The workbook's printed export time still follows it (reproducible files).
    CHECK(p.export_info(*p.evaluate(), "test").exported_at == "3000-01-01T00:00:00Z");
    ::unsetenv("SOURCE_DATE_EPOCH");
}
