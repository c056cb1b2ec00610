// `evaluate` and `export` of a project marked read-only (chmod a-w, as a file received by mail):
// they work, print that nothing was recorded, and exit 0; a change is refused with the reason.
// chmod does not bind root: run as root, the commands run as `nobody` (setpriv).
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "cli_runner.hpp"

using namespace tl::cli_test;

namespace {

/// `tenderloop ARGS...` as a user that file permissions bind (nobody when the tests run as root).
Run run_unprivileged(const std::vector<std::string>& args) {
    if (::geteuid() != 0) return run_cli(args);
    TempDir tmp;
    const std::string err_file = tmp.file("stderr.txt");
    std::string cmd = "setpriv --reuid=65534 --regid=65534 --clear-groups " + sh_quote(TL_CLI_PATH);
    for (const auto& a : args) cmd += " " + sh_quote(a);
    cmd += " 2>" + sh_quote(err_file);
    Run r;
    std::FILE* pipe = ::popen(cmd.c_str(), "r");
    REQUIRE(pipe);
    char buf[4096];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) r.out.append(buf, n);
    const int status = ::pclose(pipe);
    r.code = (status != -1 && WIFEXITED(status)) ? WEXITSTATUS(status) : -1;
    r.err = read_text(err_file);
    return r;
}

/// The bus-tyres project with its bids, marked read-only in a folder everyone may read; an
/// `out` folder beside it that everyone may write (for the workbook).
std::string read_only_project(const TempDir& dir) {
    const std::string p = dir.file("bus.tender");
    Run r = run_cli({"new", p, "--rules", sample("bus-tyres", "rules.crit"), "--user", "olga"});
    INFO(r.err);
    REQUIRE(r.code == 0);
    r = run_cli({"bids", p, "import", sample("bus-tyres", "bids.csv"), "--user", "olga"});
    INFO(r.err);
    REQUIRE(r.code == 0);
    REQUIRE(::chmod(p.c_str(), 0444) == 0);
    REQUIRE(::chmod(dir.path().c_str(), 0755) == 0);
    std::filesystem::create_directory(dir.file("out"));
    REQUIRE(::chmod(dir.file("out").c_str(), 0777) == 0);
    return p;
}

}  // namespace

TEST_CASE("cli read-only: evaluate and export of a read-only project work and record nothing", "[cli][project][read-only]") {
    TempDir dir;
    const std::string p = read_only_project(dir);
    const std::string bytes = read_text(p);

    Run r = run_unprivileged({"evaluate", p});
    INFO(r.err);
    CHECK(r.code == 0);
    CHECK_THAT(r.out, Catch::Contains("NevaRetread"));
    CHECK_THAT(r.err, Catch::Contains("nothing was recorded: the project is read-only (the file is marked read-only)"));
    CHECK_THAT(r.err, !Catch::Contains("recorded as evaluation run"));

    const std::string out = dir.file("out/evaluation.xlsx");
    r = run_unprivileged({"export", p, "-o", out});
    INFO(r.err);
    CHECK(r.code == 0);
    CHECK(std::filesystem::exists(out));
    CHECK_THAT(r.out, Catch::Contains("nothing was recorded: the project is read-only (the file is marked read-only)"));

    r = run_unprivileged({"evaluate", p, "--lang", "ru"});
    CHECK(r.code == 0);
    CHECK_THAT(r.err, Catch::Contains("в проекте ничего не записано: проект открыт только для чтения"));

    // A change is refused, naming the file and why.
    r = run_unprivileged({"committee", p, "evaluator", "add", "Anna", "--role", "chair", "--user", "olga"});
    CHECK(r.code != 0);
    CHECK_THAT(r.err, Catch::Contains(p + " is open read-only (the file is marked read-only): no change can be recorded in it"));
    CHECK(read_text(p) == bytes);
    CHECK_FALSE(std::filesystem::exists(p + "-journal"));

    // Nothing was recorded: the log has the creation and the import only.
    ::chmod(p.c_str(), 0644);
    r = run_cli({"audit", p, "list"});
    INFO(r.out);
    CHECK(r.code == 0);
    CHECK_THAT(r.out, Catch::Contains("2 entries;") && !Catch::Contains("  evaluate") && !Catch::Contains("  export"));
}
