// Project files through the command line: new, rules, bids, committee, evaluate, export, audit;
// tampering with the sqlite3 shell; files that are not projects or too new; the committee sample.
#include <catch2/catch.hpp>

#include <pwd.h>
#include <unistd.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>

#include "cli_runner.hpp"

using namespace tl::cli_test;

namespace {

const std::string kRules =
    "tender { title: \"Chairs for the library\" reference: \"LIB-7\" currency: EUR }\n"
    "field price: money { name: \"Price\" range: 0 .. 1000000 }\n"
    "field recycled: percent { name: \"Recycled content\" }\n"
    "criterion price { kind: price weight: 60 % score: ratio_lowest(price) }\n"
    "criterion recycled { weight: 20 % score: linear(recycled, 0 % -> 0, 80 % -> 100) }\n"
    "criterion plan { name: \"Take-back plan\" weight: 20 % committee: 0 .. 5 }\n";

const std::string kBids = "bidder,price,recycled\nAcme,1000,40\nBeta,1200,80\nGamma,900,10\n";

/// Runs the sqlite3 shell on `file`; returns its exit code (stderr into `err`).
int sqlite_shell(const std::string& file, const std::string& sql, std::string* err = nullptr) {
    TempDir tmp;
    const std::string e = tmp.file("err.txt");
    const int status = std::system(("sqlite3 " + sh_quote(file) + " " + sh_quote(sql) + " >/dev/null 2>" + sh_quote(e)).c_str());
    if (err) *err = read_text(e);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/// A project with kRules and kBids in `dir`.
std::string make_project(const TempDir& dir) {
    write_text(dir.file("chairs.crit"), kRules);
    write_text(dir.file("bids.csv"), kBids);
    const std::string p = dir.file("chairs.tender");
    Run r = run_cli({"new", p, "--rules", dir.file("chairs.crit"), "--user", "olga", "--reason", "as published"});
    INFO(r.err);
    REQUIRE(r.code == 0);
    r = run_cli({"bids", p, "import", dir.file("bids.csv"), "--user", "olga"});
    INFO(r.err);
    REQUIRE(r.code == 0);
    return p;
}

/// Adds the committee (chair Anna, members Boris and Clara), declarations (Boris: conflict with
/// Gamma), every score, and the submissions.
void score_everything(const std::string& p) {
    auto ok = [](const std::vector<std::string>& args) {
        const Run r = run_cli(args);
        INFO(args[2] << ": " << r.err);
        REQUIRE(r.code == 0);
    };
    ok({"committee", p, "evaluator", "add", "Anna", "--role", "chair", "--user", "olga"});
    ok({"committee", p, "evaluator", "add", "Boris", "--role", "member", "--user", "olga"});
    ok({"committee", p, "evaluator", "add", "Clara", "--role", "member", "--user", "olga"});
    ok({"committee", p, "declare", "Anna", "--none", "--user", "Anna"});
    ok({"committee", p, "declare", "Clara", "--none", "--user", "Clara"});
    ok({"committee", p, "declare", "Boris", "--conflict", "Gamma", "--text", "Gamma is my brother's firm", "--user", "Boris"});
    const std::map<std::string, std::map<std::string, std::string>> scores{
        {"Anna", {{"Acme", "4"}, {"Beta", "3"}, {"Gamma", "2"}}},
        {"Boris", {{"Acme", "1"}, {"Beta", "3"}}},
        {"Clara", {{"Acme", "2,5"}, {"Beta", "4"}, {"Gamma", "2"}}}};
    for (const auto& [member, per_bid] : scores) {
        for (const auto& [bid, value] : per_bid)
            ok({"committee", p, "score", member, "--bid", bid, "--criterion", "plan", "--value", value, "--justification",
                "scored against the descriptors", "--user", member});
        ok({"committee", p, "submit", member, "--user", member});
    }
}

void record_consensus(const std::string& p) {
    for (const auto& [bid, value] : std::vector<std::pair<std::string, std::string>>{{"Acme", "3"}, {"Beta", "3"}, {"Gamma", "2"}}) {
        const Run r = run_cli({"committee", p, "consensus", "--bid", bid, "--criterion", "plan", "--value", value,
                               "--justification", "agreed in the meeting", "--user", "Anna"});
        INFO(r.err);
        REQUIRE(r.code == 0);
    }
}

}  // namespace

TEST_CASE("cli project: new, rules show, set and history", "[cli][project]") {
    TempDir dir;
    const std::string p = make_project(dir);
    Run r = run_cli({"rules", p, "show"});
    CHECK(r.code == 0);
    CHECK(r.out == kRules);
    r = run_cli({"new", p, "--rules", dir.file("chairs.crit")});
    CHECK(r.code == 1);
    CHECK(r.err.find("the file exists already") != std::string::npos);
    r = run_cli({"new", dir.file("x.sqlite"), "--rules", dir.file("chairs.crit")});
    CHECK(r.code == 2);

    // Rules with errors are refused, nothing is recorded.
    write_text(dir.file("bad.crit"), kRules + "criterion oops { weight: 10 % score: nosuchfield }\n");
    r = run_cli({"rules", p, "set", dir.file("bad.crit"), "--user", "olga"});
    CHECK(r.code == 1);
    CHECK(r.err.find("bad.crit:7:") != std::string::npos);
    CHECK(r.err.find("nothing was recorded") != std::string::npos);
    r = run_cli({"new", dir.file("bad.tender"), "--rules", dir.file("bad.crit")});
    CHECK(r.code == 1);
    CHECK_FALSE(std::filesystem::exists(dir.file("bad.tender")));

    // A new field that the stored bids never answered is refused, with every bid named.
    write_text(dir.file("more.crit"), kRules + "field warranty: quantity(years) { name: \"Warranty\" }\n");
    r = run_cli({"rules", p, "set", dir.file("more.crit"), "--user", "olga"});
    CHECK(r.code == 1);
    CHECK(r.err.find("the stored bids do not fit the new rules") != std::string::npos);
    CHECK(r.err.find("the bid of 'Beta', field 'warranty': the new rules require it and the bid does not state it") !=
          std::string::npos);
    // A changed field type is re-read from the stored answers: 40 as a number, not 40 %.
    std::string v2 = kRules;
    v2.replace(v2.find("recycled: percent"), 17, "recycled: number");
    v2.replace(v2.find("0 % -> 0, 80 % -> 100"), 21, "0 -> 0, 80 -> 100");
    write_text(dir.file("v2.crit"), v2);
    // The project holds bids: the rules are frozen, only a correction with a reason changes them.
    r = run_cli({"rules", p, "set", dir.file("v2.crit"), "--user", "olga", "--reason", "recycled as a plain number"});
    CHECK(r.code == 1);
    CHECK(r.err.find("tenderloop rules: the rules are frozen: the project holds 3 bids (the first imported at ") == 0);
    CHECK(r.err.find("to correct an error in the rules: tenderloop rules " + p + " set " + dir.file("v2.crit") +
                     " --correction --reason \"...\"\n") != std::string::npos);
    r = run_cli({"rules", p, "set", dir.file("v2.crit"), "--user", "olga", "--correction"});
    CHECK(r.code == 1);
    CHECK(r.err.find("a correction of the rules needs a reason") != std::string::npos);
    r = run_cli({"rules", p, "history", "--correction"});
    CHECK(r.code == 2);
    r = run_cli({"rules", p, "set", dir.file("v2.crit"), "--user", "olga", "--reason", "recycled as a plain number",
                 "--correction"});
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(r.out.find("rules version 2 recorded as a correction (") == 0);
    r = run_cli({"rules", p, "set", dir.file("v2.crit"), "--user", "olga", "--correction", "--reason", "again"});
    CHECK(r.code == 1);
    CHECK(r.err.find("the rules are the same as the current version 2") != std::string::npos);
    r = run_cli({"rules", p, "history"});
    CHECK(r.code == 0);
    CHECK(r.out.find("v2.crit / recycled as a plain number   (current)") != std::string::npos);
    CHECK(r.out.find("chairs.crit / as published") != std::string::npos);
    CHECK(run_cli({"rules", p, "show", "--version", "1"}).out == kRules);
    CHECK(run_cli({"rules", p}).out == v2);
    r = run_cli({"evaluate", p, "--format", "json", "--provisional", "--user", "olga"});
    REQUIRE(r.code == 0);
    const auto j = nlohmann::json::parse(r.out);
    for (const auto& b : j["lots"][0]["ranking"])
        if (b["bidder"] == "Acme") CHECK(b["scores"]["recycled"].get<double>() == Approx(50));
}

TEST_CASE("cli project: rules corrected after bids arrived are shown by evaluate with the diff", "[cli][project][frozen]") {
    TempDir dir;
    const std::string p = make_project(dir);
    std::string v2 = kRules;
    v2.replace(v2.find("Recycled content"), 16, "Recycled material content");
    write_text(dir.file("v2.crit"), v2);
    Run r = run_cli({"rules", p, "set", dir.file("v2.crit"), "--correction", "--reason", "typo in a criterion name", "--user",
                     "olga"});
    INFO(r.err);
    REQUIRE(r.code == 0);
    score_everything(p);
    record_consensus(p);

    r = run_cli({"evaluate", p, "--user", "olga"});
    INFO(r.err);
    REQUIRE(r.code == 0);
    const std::string head = "The rules were corrected after bids arrived: version 2 on ";
    REQUIRE(r.out.rfind(head, 0) == 0);
    const std::string date = r.out.substr(head.size(), r.out.find(" by ") - head.size());
    CHECK(std::regex_match(date, std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)")));
    const std::string block =
        head + date + " by olga, reason: typo in a criterion name\n"
        "    @@ -1,6 +1,6 @@\n"
        "     tender { title: \"Chairs for the library\" reference: \"LIB-7\" currency: EUR }\n"
        "     field price: money { name: \"Price\" range: 0 .. 1000000 }\n"
        "    -field recycled: percent { name: \"Recycled content\" }\n"
        "    +field recycled: percent { name: \"Recycled material content\" }\n"
        "     criterion price { kind: price weight: 60 % score: ratio_lowest(price) }\n"
        "     criterion recycled { weight: 20 % score: linear(recycled, 0 % -> 0, 80 % -> 100) }\n"
        "     criterion plan { name: \"Take-back plan\" weight: 20 % committee: 0 .. 5 }\n"
        "\n";
    CHECK(r.out.substr(0, block.size()) == block);
    CHECK(r.out.find("Acme") != std::string::npos);  // then the evaluation as always

    r = run_cli({"evaluate", p, "--format", "json", "--user", "olga"});
    REQUIRE(r.code == 0);
    const auto j = nlohmann::json::parse(r.out);
    REQUIRE(j["rules_corrections"].size() == 1);
    const auto& c = j["rules_corrections"][0];
    CHECK(c["version"] == 2);
    CHECK(c["at"] == date);
    CHECK(c["user"] == "olga");
    CHECK(c["reason"] == "typo in a criterion name");
    CHECK(c["diff"][4] == "+field recycled: percent { name: \"Recycled material content\" }");
    CHECK(j["lots"][0]["ranking"].size() == 3);

    r = run_cli({"evaluate", p, "--format", "csv", "--user", "olga"});
    REQUIRE(r.code == 0);
    CHECK(r.out.find("The rules were corrected") == std::string::npos);  // the table stays a table
    CHECK(r.err.rfind(block, 0) == 0);  // the block goes to stderr
}

TEST_CASE("cli project: bid imports are all or nothing, located, and re-imports need --replace", "[cli][project]") {
    TempDir dir;
    const std::string p = make_project(dir);
    write_text(dir.file("bad.csv"), "bidder,price,recycled\nDelta,1100,30\nEpsilon,lots,20\nZeta,-5,200\n");
    Run r = run_cli({"bids", p, "import", dir.file("bad.csv"), "--user", "olga"});
    CHECK(r.code == 1);
    CHECK(r.err.find("bad.csv:3:2: error: row 3, column 2 (price): 'lots' is not a number") != std::string::npos);
    CHECK(r.err.find("bad.csv:4:2: error: row 4, column 2 (price): '-5' is out of range") != std::string::npos);
    CHECK(r.err.find("tenderloop bids: nothing imported") != std::string::npos);
    r = run_cli({"bids", p, "list"});
    CHECK(r.out.find("Delta") == std::string::npos);  // the good row was not imported either
    CHECK(r.out.find("3 bids\n") != std::string::npos);

    // The committee's column is neither required nor imported.
    write_text(dir.file("more.csv"), "bidder,price,recycled,plan\nDelta,1100,30,5\nBeta,1150,80,\n");
    r = run_cli({"bids", p, "import", dir.file("more.csv"), "--user", "olga"});
    CHECK(r.code == 1);
    CHECK(r.err.find("warning: the column 'plan' (a committee score) is not imported") != std::string::npos);
    CHECK(r.err.find("nothing imported: the project has a bid of this bidder already (replace with --replace):\n  'Beta': "
                     "imported ") != std::string::npos);
    r = run_cli({"bids", p, "import", dir.file("more.csv"), "--replace", "--user", "olga", "--reason", "Beta's corrected offer"});
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(r.out.find("imported 2 bids into " + p + ": 1 new, 1 replaced") != std::string::npos);
    r = run_cli({"audit", p, "list"});
    CHECK(r.out.find("bids.import  reason: Beta's corrected offer") != std::string::npos);
    CHECK(r.out.find(R"("replaced":["Beta"])") != std::string::npos);

    r = run_cli({"bids", p, "remove", "Delta", "--user", "olga", "--reason", "withdrawn"});
    CHECK(r.code == 0);
    r = run_cli({"bids", p, "remove", "Delta", "--user", "olga"});
    CHECK(r.code == 1);
    CHECK(r.err.find("the project has no bid of 'Delta'") != std::string::npos);
    CHECK(run_cli({"bids", p, "list"}).out.find("3 bids\n") != std::string::npos);
}

TEST_CASE("cli project: the committee's procedure", "[cli][project][committee]") {
    TempDir dir;
    const std::string p = make_project(dir);
    REQUIRE(run_cli({"committee", p, "evaluator", "add", "Anna", "--role", "chair", "--user", "olga"}).code == 0);
    REQUIRE(run_cli({"committee", p, "evaluator", "add", "Boris", "--role", "member", "--user", "olga"}).code == 0);
    auto score = [&](const std::string& who, const std::string& bid, const std::string& v) {
        return run_cli({"committee", p, "score", who, "--bid", bid, "--criterion", "plan", "--value", v, "--justification",
                        "clear plan", "--user", who});
    };
    Run r = score("Boris", "Acme", "3");
    CHECK(r.code == 1);
    CHECK(r.err.find("Boris has not declared whether they have a conflict of interest, so they cannot score yet") !=
          std::string::npos);
    REQUIRE(run_cli({"committee", p, "declare", "Boris", "--conflict", "Gamma", "--text", "former employer", "--user", "Boris"})
                .code == 0);
    r = score("Boris", "Gamma", "3");
    CHECK(r.code == 1);
    CHECK(r.err.find("Boris declared a conflict of interest with 'Gamma' and cannot score that bid") != std::string::npos);
    CHECK(score("Boris", "Acme", "3").code == 0);
    r = score("Boris", "Acme", "6");
    CHECK(r.code == 1);
    CHECK(r.err.find("outside the committee's scale 0 .. 5") != std::string::npos);
    r = run_cli({"committee", p, "submit", "Boris", "--user", "Boris"});
    CHECK(r.code == 1);
    CHECK(r.err.find("Boris cannot submit yet: 1 score is missing:\n  plan for 'Beta'") != std::string::npos);
    REQUIRE(score("Boris", "Beta", "4").code == 0);
    REQUIRE(run_cli({"committee", p, "submit", "Boris", "--user", "Boris"}).code == 0);
    r = score("Boris", "Acme", "2");
    CHECK(r.code == 1);
    CHECK(r.err.find("submitted scores are locked") != std::string::npos);
    r = run_cli({"committee", p, "reopen", "Boris", "--user", "Boris", "--reason", "my mistake"});
    CHECK(r.code == 1);
    CHECK(r.err.find("only the chair (Anna) can reopen a submission") != std::string::npos);
    r = run_cli({"committee", p, "reopen", "Boris", "--user", "Anna"});
    CHECK(r.code == 1);
    CHECK(r.err.find("needs a reason (--reason)") != std::string::npos);
    r = run_cli({"committee", p, "reopen", "Boris", "--user", "Anna", "--reason", "Acme and Beta swapped"});
    CHECK(r.code == 0);
    CHECK(score("Boris", "Acme", "4").code == 0);
    r = run_cli({"committee", p, "consensus", "--bid", "Acme", "--criterion", "plan", "--value", "4", "--justification", "x",
                 "--user", "Boris"});
    CHECK(r.code == 1);
    CHECK(r.err.find("only the chair (Anna) can record a consensus") != std::string::npos);
    r = run_cli({"audit", p, "list"});
    CHECK(r.out.find("committee.reopen  reason: Acme and Beta swapped") != std::string::npos);
    // Usage mistakes are usage errors (2), not refusals.
    CHECK(run_cli({"committee", p, "declare", "Anna", "--none", "--whole-tender"}).code == 2);
    CHECK(run_cli({"committee", p, "score", "Anna", "--bid", "Acme", "--criterion", "plan", "--value", "x",
                   "--justification", "j"}).code == 2);
    CHECK(run_cli({"committee", p, "submit", "Anna", "--role", "chair"}).code == 2);
    CHECK(run_cli({"committee", p, "status", "--user", "Anna"}).code == 2);
    CHECK(run_cli({"committee", p, "fire", "Anna"}).code == 2);
}

TEST_CASE("cli project: status shows scores, spread, mean, median, dispersion and what is missing", "[cli][project][committee]") {
    TempDir dir;
    const std::string p = make_project(dir);
    score_everything(p);
    const Run r = run_cli({"committee", p, "status"});
    INFO(r.out << r.err);
    REQUIRE(r.code == 0);
    CHECK(r.out.find("Boris  member  conflict with 'Gamma'") != std::string::npos);
    CHECK(r.out.find("plan (Take-back plan), committee scale 0 .. 5") != std::string::npos);
    // Acme: 4, 1, 2.5 -> spread 3 (more than 2: dispersion), mean 2.5, median 2.5
    CHECK(r.out.find("  Acme       4      1    2.5       3     2.5     2.5          -  DISPERSION: discuss before consensus\n") !=
          std::string::npos);
    CHECK(r.out.find("  Gamma      2      x      2       0       2       2          -\n") != std::string::npos);
    CHECK(r.out.find("consensus for Acme missing (proposed: mean 2.5, median 2.5)") != std::string::npos);
    CHECK(r.out.find("0 evaluator scores and 3 consensus scores missing; 1 dispersion flag.") != std::string::npos);
}

TEST_CASE("cli project: evaluate says which consensus scores are missing, --provisional marks every output",
          "[cli][project][evaluate]") {
    TempDir dir;
    const std::string p = make_project(dir);
    Run r = run_cli({"evaluate", p, "--user", "olga"});
    CHECK(r.code == 1);
    CHECK(r.out.empty());
    CHECK(r.err.find("no ranking: 3 consensus scores are missing (criterion: bid):\n  plan: 'Acme'\n  plan: 'Beta'\n  plan: "
                     "'Gamma'\n") != std::string::npos);
    CHECK(r.err.find("--provisional") != std::string::npos);

    r = run_cli({"evaluate", p, "--provisional", "--user", "olga"});
    REQUIRE(r.code == 0);
    CHECK(r.out.rfind("PROVISIONAL RANKING - NOT FOR AN AWARD DECISION: 3 consensus scores are missing", 0) == 0);
    CHECK(r.out.find("\nPROVISIONAL: see the missing consensus scores above.\n") != std::string::npos);
    CHECK(r.err.find("(PROVISIONAL)") != std::string::npos);
    r = run_cli({"evaluate", p, "--provisional", "--format", "json", "--user", "olga"});
    REQUIRE(r.code == 0);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j["status"] == "PROVISIONAL");
    CHECK(j["provisional"] == true);
    CHECK(j["missing_consensus"].size() == 3);
    CHECK(j["lots"][0]["ranking"].size() == 3);
    r = run_cli({"evaluate", p, "--provisional", "--format", "csv", "--user", "olga"});
    REQUIRE(r.code == 0);
    CHECK(r.out.rfind("status,lot,rank,bidder,total,", 0) == 0);
    std::size_t rows = 0;
    for (std::size_t at = r.out.find('\n'); at + 1 < r.out.size(); at = r.out.find('\n', at + 1)) {
        CHECK(r.out.compare(at + 1, 12, "PROVISIONAL,") == 0);
        ++rows;
    }
    CHECK(rows == 3);

    score_everything(p);
    record_consensus(p);
    r = run_cli({"evaluate", p, "--format", "json", "--user", "olga", "--reason", "for the meeting"});
    INFO(r.err);
    REQUIRE(r.code == 0);
    const auto final_result = nlohmann::json::parse(r.out);
    CHECK_FALSE(final_result.contains("status"));
    for (const auto& b : final_result["lots"][0]["ranking"])
        if (b["bidder"] == "Acme") CHECK(b["scores"]["plan"].get<double>() == Approx(60));  // 3 of 5
    r = run_cli({"audit", p, "list"});
    CHECK(r.out.find("evaluate  reason: for the meeting") != std::string::npos);
    CHECK(r.out.find(R"("provisional":true)") != std::string::npos);
    CHECK(r.out.find(R"("provisional":false)") != std::string::npos);
}

TEST_CASE("cli project: export writes the workbook with the audit head, and verify --head proves the log extends it",
          "[cli][project][export]") {
    TempDir dir;
    const std::string p = make_project(dir);
    const std::string out = dir.file("evaluation.xlsx");
    Run r = run_cli({"export", p, "-o", out, "--user", "olga"});
    CHECK(r.code == 1);
    CHECK(r.err.find("no workbook: 3 consensus scores are missing") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(out));

    score_everything(p);
    record_consensus(p);
    r = run_cli({"export", p, "-o", out, "--user", "olga", "--reason", "for signature"});
    INFO(r.err);
    REQUIRE(r.code == 0);
    const auto at = r.out.find("audit head in the workbook: ");
    REQUIRE(at != std::string::npos);
    const std::string head = r.out.substr(at + 28, 64);
    CHECK(read_text(out).substr(0, 2) == "PK");
    // The head is on the workbook's Audit sheet (any worksheet of the package holding it).
    const std::string find_head = "/usr/bin/python3 -c 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); "
                                  "sys.exit(0 if any(sys.argv[2] in z.read(n).decode() for n in z.namelist() "
                                  "if n.startswith(\"xl/worksheets/\")) else 1)' " +
                                  sh_quote(out) + " " + head;
    CHECK(std::system(find_head.c_str()) == 0);
    r = run_cli({"audit", p, "list"});
    CHECK(r.out.find("export  reason: for signature") != std::string::npos);
    CHECK(r.out.find("\"audit_head\":\"" + head + "\"") != std::string::npos);
    // The committee carries on; the signed head stays in the log.
    REQUIRE(run_cli({"evaluate", p, "--user", "olga"}).code == 0);
    r = run_cli({"audit", p, "verify", "--head", head});
    INFO(r.out);
    CHECK(r.code == 0);
    CHECK(r.out.find("the log extends the signed head " + head) != std::string::npos);
    r = run_cli({"audit", p, "verify", "--head", std::string(64, 'f')});
    CHECK(r.code == 1);
    CHECK(r.out.find("no entry has the signed head ffff") != std::string::npos);
    // The same export from .crit and CSV still works as before.
    CHECK(run_cli({"export", dir.file("chairs.crit"), "--bids", dir.file("bids.csv"), "-o", dir.file("plain.xlsx")}).code == 0);
}

TEST_CASE("cli project: audit verify catches an UPDATE and a DELETE made with the sqlite3 shell", "[cli][project][audit]") {
    TempDir dir;
    const std::string p = make_project(dir);
    score_everything(p);
    Run r = run_cli({"audit", p, "verify"});
    REQUIRE(r.code == 0);
    CHECK(r.out.find("audit log intact: ") != std::string::npos);

    // The log guards itself against a casual edit...
    std::string err;
    CHECK(sqlite_shell(p, "UPDATE audit_log SET user = 'mallory' WHERE seq = 3", &err) != 0);
    CHECK(err.find("append-only") != std::string::npos);
    CHECK(run_cli({"audit", p, "verify"}).code == 0);

    SECTION("UPDATE of an entry") {
        REQUIRE(sqlite_shell(p, "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET user = 'mallory' WHERE seq = 3") == 0);
        r = run_cli({"audit", p, "verify"});
        CHECK(r.code == 1);
        CHECK(r.out.find("AUDIT VERIFICATION FAILED") != std::string::npos);
        CHECK(r.out.find("entry #3 (committee.evaluator.add, ") != std::string::npos);
        CHECK(r.out.find("was changed outside TenderLoop: its content does not match its hash") != std::string::npos);
    }
    SECTION("DELETE of an entry") {
        REQUIRE(sqlite_shell(p, "DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq = 5") == 0);
        r = run_cli({"audit", p, "verify"});
        CHECK(r.code == 1);
        CHECK(r.out.find("entry #5 is missing: deleted outside TenderLoop") != std::string::npos);
    }
    SECTION("UPDATE of a score, the log untouched") {
        REQUIRE(sqlite_shell(p, "UPDATE committee_scores SET value = 5 WHERE value = 1") == 0);
        r = run_cli({"audit", p, "verify"});
        CHECK(r.code == 1);
        CHECK(r.out.find("the data differs from what the last entry (#") != std::string::npos);
    }
}

TEST_CASE("cli project: files that are not projects, or are too new, are refused with a clear message", "[cli][project]") {
    TempDir dir;
    const std::string other = dir.file("contacts.db");
    REQUIRE(sqlite_shell(other, "CREATE TABLE contacts (name TEXT)") == 0);
    Run r = run_cli({"audit", other, "verify"});
    CHECK(r.code == 1);
    CHECK(r.err == "tenderloop audit: " + other +
                       " is an SQLite database but not a TenderLoop project (its application id is 0x00000000, a "
                       "project's is 0x544C4F50)\n");
    r = run_cli({"evaluate", other});  // detected as a project by its SQLite header
    CHECK(r.code == 1);
    CHECK(r.err.find("not a TenderLoop project") != std::string::npos);

    write_text(dir.file("text.tender"), "hello");
    r = run_cli({"bids", dir.file("text.tender"), "list"});
    CHECK(r.code == 1);
    CHECK(r.err == "tenderloop bids: " + dir.file("text.tender") + " is not a TenderLoop project (not an SQLite database)\n");

    const std::string p = make_project(dir);
    REQUIRE(sqlite_shell(p, "PRAGMA user_version = 7") == 0);
    r = run_cli({"rules", p, "show"});
    CHECK(r.code == 1);
    CHECK(r.err == "tenderloop rules: " + p +
                       " was written by a newer TenderLoop (project format 7; this TenderLoop reads formats up to 3): "
                       "open it with a newer TenderLoop\n");
}

TEST_CASE("cli project: options that do not fit are usage errors", "[cli][project]") {
    TempDir dir;
    const std::string p = make_project(dir);
    Run r = run_cli({"evaluate", p, "--bids", dir.file("bids.csv")});
    CHECK(r.code == 2);
    CHECK(r.err.find("a project holds its bids") != std::string::npos);
    r = run_cli({"evaluate", dir.file("chairs.crit"), "--bids", dir.file("bids.csv"), "--provisional"});
    CHECK(r.code == 2);
    CHECK(r.err.find("'--provisional' goes with a project file") != std::string::npos);
    r = run_cli({"evaluate", dir.file("chairs.crit")});
    CHECK(r.code == 2);
    CHECK(r.err.find("missing option '--bids BIDS.csv'") != std::string::npos);
    CHECK(run_cli({"bids", p, "import"}).code == 2);
    CHECK(run_cli({"bids", p, "list", "--replace"}).code == 2);
    CHECK(run_cli({"rules", p, "publish"}).code == 2);
    CHECK(run_cli({"audit", p, "list", "--head", "abc"}).code == 2);
    CHECK(run_cli({"new", dir.file("n.tender")}).code == 2);  // --rules is required
    for (const std::string cmd : {"new", "rules", "bids", "committee", "audit"}) {
        r = run_cli({cmd, "--help"});
        INFO(cmd);
        CHECK(r.code == 0);
        CHECK(r.out.rfind("Usage: tenderloop " + cmd + " ", 0) == 0);
    }
}

TEST_CASE("cli project: changes are logged with the login name unless --user is given", "[cli][project]") {
    TempDir dir;
    write_text(dir.file("chairs.crit"), kRules);
    const std::string p = dir.file("p.tender");
    REQUIRE(run_cli({"new", p, "--rules", dir.file("chairs.crit")}).code == 0);
    const Run r = run_cli({"audit", p, "list"});
    const passwd* pw = ::getpwuid(::getuid());
    REQUIRE(pw);
    // The claimed user (here the login name) and, beside it, the account that ran TenderLoop.
    CHECK(r.out.find(std::string("  ") + pw->pw_name + " (OS account: " + pw->pw_name + ")  project.create") !=
          std::string::npos);
    // With --user, the claim differs from the account, and both are shown.
    REQUIRE(run_cli({"committee", p, "evaluator", "add", "Anna Berg", "--role", "chair", "--user", "Erik Holm"}).code == 0);
    CHECK(run_cli({"audit", p, "list"}).out.find(std::string("  Erik Holm (OS account: ") + pw->pw_name +
                                                   ")  committee.evaluator.add") != std::string::npos);
}

TEST_CASE("cli project: the committee sample builds with the CLI", "[cli][project][sample]") {
    TempDir dir;
    const std::string script = std::string(TL_SAMPLES_DIR) + "/furniture-committee/build.sh";
    const std::string log = dir.file("build.log");
    const int status = std::system(("TENDERLOOP=" + sh_quote(TL_CLI_PATH) + " " + sh_quote(script) + " " +
                                    sh_quote(dir.file("out")) + " >" + sh_quote(log) + " 2>&1")
                                       .c_str());
    const std::string out = read_text(log);
    INFO(out);
    REQUIRE(WIFEXITED(status));
    REQUIRE(WEXITSTATUS(status) == 0);
    CHECK(out.find("Jonas Lind  member  conflict with 'Kontor Circular'") != std::string::npos);
    CHECK(out.find("DISPERSION: discuss before consensus") != std::string::npos);
    CHECK(out.find("Winner: ReWork Interiors") != std::string::npos);
    CHECK(out.find("audit log intact: ") != std::string::npos);
    const std::string workbook = dir.file("out/furniture-committee-evaluation.xlsx");
    REQUIRE(std::filesystem::exists(workbook));
    // The export shows the committee's work on a sheet of its own.
    const std::string has_sheet = "/usr/bin/python3 -c 'import sys, zipfile; "
                                  "sys.exit(0 if \"name=\\\"Committee\\\"\" in zipfile.ZipFile(sys.argv[1]).read(\"xl/workbook.xml\").decode() "
                                  "else 1)' " +
                                  sh_quote(workbook);
    CHECK(std::system(has_sheet.c_str()) == 0);
}

TEST_CASE("cli project: filled-in bid forms import like the CSV, all or nothing with other files", "[cli][project][form]") {
    // Needs python3-openpyxl to fill the forms (scripts/setup installs it), as test_cli_form.cpp.
    TempDir dir;
    const std::string rules = sample("furniture-committee", "rules.crit"), csv = sample("furniture-committee", "bids.csv");
    REQUIRE(run_cli({"form", rules, "-o", dir.file("form.xlsx")}).code == 0);
    const int filled = std::system(("/usr/bin/python3 " + sh_quote(std::string(TL_TESTS_DIR) + "/form/fill_form.py") + " " +
                                    sh_quote(dir.file("form.xlsx")) + " " + sh_quote(csv) + " " + sh_quote(dir.file("")) +
                                    " bid >/dev/null")
                                       .c_str());
    REQUIRE(filled == 0);
    std::vector<std::string> forms;
    for (int i = 1; i <= 5; ++i) forms.push_back(dir.file("bid-" + std::to_string(i) + ".xlsx"));

    const std::string from_forms = dir.file("forms.tender"), from_csv = dir.file("csv.tender");
    for (const auto& p : {from_forms, from_csv}) REQUIRE(run_cli({"new", p, "--rules", rules, "--user", "olga"}).code == 0);
    // One bad file among the forms: nothing is imported.
    write_text(dir.file("bad.csv"), "bidder,price,refurbished,warranty,spare_parts\nLate Ltd,abc,10,5,5\n");
    std::vector<std::string> args{"bids", from_forms, "import"};
    args.insert(args.end(), forms.begin(), forms.end());
    args.push_back(dir.file("bad.csv"));
    args.insert(args.end(), {"--user", "olga"});
    Run r = run_cli(args);
    CHECK(r.code == 1);
    CHECK(r.err.find("bad.csv:2:2: error: row 2, column 2 (price)") != std::string::npos);
    CHECK(run_cli({"bids", from_forms, "list"}).out.find("0 bids\n") != std::string::npos);

    args.erase(args.end() - 3);  // without bad.csv
    r = run_cli(args);
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(r.out.find("imported 5 bids") != std::string::npos);
    CHECK(run_cli({"bids", from_forms, "list"}).out.find("bid-3.xlsx") != std::string::npos);
    REQUIRE(run_cli({"bids", from_csv, "import", csv, "--user", "olga"}).code == 0);
    const Run a = run_cli({"evaluate", from_forms, "--provisional", "--format", "json", "--user", "olga"});
    const Run b = run_cli({"evaluate", from_csv, "--provisional", "--format", "json", "--user", "olga"});
    REQUIRE(a.code == 0);
    CHECK(a.out == b.out);
}

TEST_CASE("cli project: bids rename keeps the answers, is logged, and is refused where it would lose something",
          "[cli][project]") {
    TempDir dir;
    const std::string p = make_project(dir);
    Run r = run_cli({"bids", p, "rename", "Acme", "Acme Ltd", "--user", "olga", "--reason", "registered name"});
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(r.out.rfind("renamed the bid of 'Acme' to 'Acme Ltd'; audit head ", 0) == 0);
    r = run_cli({"bids", p, "list"});
    CHECK(r.out.find("Acme Ltd") != std::string::npos);
    CHECK(r.out.find("3 bids\n") != std::string::npos);
    CHECK(run_cli({"audit", p, "list"}).out.find("bids.remove  reason: registered name") != std::string::npos);
    r = run_cli({"evaluate", p, "--provisional", "--format", "json", "--user", "olga"});
    REQUIRE(r.code == 0);
    for (const auto& b : nlohmann::json::parse(r.out)["lots"][0]["ranking"])
        if (b["bidder"] == "Acme Ltd") CHECK(b["scores"]["price"].get<double>() == Approx(90));  // 900 / 1000: the price kept

    r = run_cli({"bids", p, "rename", "Acme Ltd", "Beta", "--user", "olga"});
    CHECK(r.code == 1);
    CHECK(r.err.find("tenderloop bids: ") == 0);
    CHECK(r.err.find("already") != std::string::npos);
    r = run_cli({"bids", p, "rename", "Nobody", "Somebody", "--user", "olga"});
    CHECK(r.code == 1);
    CHECK(r.err == "tenderloop bids: the project has no bid of 'Nobody'\n");

    // Once the committee scored the bid, its name stays.
    REQUIRE(run_cli({"committee", p, "evaluator", "add", "Anna", "--role", "chair", "--user", "olga"}).code == 0);
    REQUIRE(run_cli({"committee", p, "declare", "Anna", "--none", "--user", "Anna"}).code == 0);
    REQUIRE(run_cli({"committee", p, "score", "Anna", "--bid", "Beta", "--criterion", "plan", "--value", "3",
                     "--justification", "clear plan", "--user", "Anna"})
                .code == 0);
    r = run_cli({"bids", p, "rename", "Beta", "Beta GmbH", "--user", "olga"});
    CHECK(r.code == 1);
    r = run_cli({"bids", p, "list"});
    CHECK(r.out.find("Beta GmbH") == std::string::npos);
    CHECK(r.out.find("3 bids\n") != std::string::npos);
    CHECK(run_cli({"audit", p, "verify"}).code == 0);

    // Usage mistakes.
    CHECK(run_cli({"bids", p, "rename", "Acme Ltd"}).code == 2);
    CHECK(run_cli({"bids", p, "rename", "Acme Ltd", "A", "B"}).code == 2);
    CHECK(run_cli({"bids", p, "list", "--to-lot", "2"}).code == 2);
    CHECK(run_cli({"bids", p, "import", dir.file("bids.csv"), "--lot", "2"}).code == 2);
    r = run_cli({"bids", "--help"});
    CHECK(r.out.find("rename BIDDER NEW-NAME") != std::string::npos);
}

TEST_CASE("cli project: new --replace replaces an existing project, refused without it and with bad rules",
          "[cli][project]") {
    TempDir dir;
    const std::string p = make_project(dir);
    Run r = run_cli({"new", p, "--rules", dir.file("chairs.crit"), "--user", "olga"});
    CHECK(r.code == 1);
    CHECK(r.err.find("the file exists already") != std::string::npos);

    write_text(dir.file("bad.crit"), kRules + "criterion oops { weight: 10 % score: nosuchfield }\n");
    r = run_cli({"new", p, "--rules", dir.file("bad.crit"), "--replace", "--user", "olga"});
    CHECK(r.code == 1);
    CHECK(r.err.find("bad.crit:7:") != std::string::npos);
    CHECK(run_cli({"bids", p, "list"}).out.find("3 bids\n") != std::string::npos);  // as it was

    r = run_cli({"new", p, "--rules", dir.file("chairs.crit"), "--replace", "--title", "Second call", "--user", "olga",
                 "--reason", "the first call was cancelled"});
    INFO(r.err);
    REQUIRE(r.code == 0);
    CHECK(r.out.rfind("created " + p + ": 'Second call', rules version 1 (chairs.crit), audit head ", 0) == 0);
    CHECK(run_cli({"bids", p, "list"}).out.find("0 bids\n") != std::string::npos);
    r = run_cli({"audit", p, "list"});
    CHECK(r.out.find("1 entry; head ") != std::string::npos);
    CHECK(r.out.find("project.create  reason: the first call was cancelled") != std::string::npos);
    CHECK(run_cli({"rules", p, "history"}).out.find("chairs.crit / the first call was cancelled   (current)") !=
          std::string::npos);
    std::size_t temporaries = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir.path()))
        temporaries += e.path().filename().string().find(".tmp-") != std::string::npos;
    CHECK(temporaries == 0);
    r = run_cli({"new", "--help"});
    CHECK(r.out.find("--replace") != std::string::npos);
}
