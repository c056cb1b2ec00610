// A project that cannot be written (read-only medium, file marked read-only, folder not
// writable) opens read-only: it reads and verifies, refuses every change up front naming the file
// and why, and is left byte for byte as it was.
//
// chmod does not bind root, and the tests may run as root: then the chmod cases run in a child
// process as `nobody`, and the read-only medium is a tmpfs remounted read-only in a child's own
// mount namespace (skipped with a WARN where the system does not allow that).
#include <grp.h>
#include <sched.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <functional>

#include "core/sha256.hpp"
#include "store/read_only.hpp"
#include "store_fixture.hpp"

using namespace tl;
using namespace tl::store;
using namespace tl::store_test;

namespace {

namespace fs = std::filesystem;

/// Runs `check` in a child process (0: it held; another number says which part failed) and
/// returns its exit code; `as_nobody` drops to the user nobody first, so that permissions bind.
int in_child(const std::function<int()>& check, bool as_nobody) {
    const pid_t pid = ::fork();
    if (pid == 0) {
        if (as_nobody && (::setgroups(0, nullptr) != 0 || ::setgid(65534) != 0 || ::setuid(65534) != 0)) ::_exit(90);
        int code = 91;
        try {
            code = check();
        } catch (...) {
        }
        ::_exit(code);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 99;
}

/// Runs `check` as a user that file permissions bind: this process, or a child as nobody when root.
int as_unprivileged(const std::function<int()>& check) {
    if (::geteuid() != 0) return check();
    return in_child(check, true);
}

/// What every read-only open must come to, as a number for a child process: 0 when the project
/// is read-only for `cause`, reads, and refuses a change naming the file; the file unchanged.
int read_only_holds(const std::string& path, const std::string& cause_code) {
    const std::string before = read_text(path);
    Project p = Project::open(path);
    if (!p.read_only()) return 1;
    if (p.read_only_reason().code != cause_code) return 2;
    if (p.bids().size() != 2 || !p.verify_audit().ok()) return 3;
    try {
        p.add_evaluator("Anna", Role::Chair, who("officer"));
        return 4;
    } catch (const StoreError& e) {
        if (e.kind() != StoreErrorKind::Refused || e.message().code != "store.refused.read-only") return 5;
        if (std::string(e.what()).find(path) == std::string::npos) return 6;
    }
    if (read_text(path) != before || fs::exists(path + "-journal")) return 7;
    return 0;
}

/// A project with two bids, readable by everyone (the folder too), for the tests as nobody.
struct SharedProject : ProjectFixture {
    SharedProject() {
        p.import_bids(bids_of(rules, {{"Acme", 100}, {"Beta", 120}}), {{"bids.csv", "0"}}, {0, 0}, false, who("officer"));
        ::chmod(dir.path().c_str(), 0755);
    }
};

}  // namespace

TEST_CASE("store read-only: the cause is decided from what the system says, the medium first", "[store][read-only]") {
    CHECK(read_only_cause({false, true, true}) == ReadOnlyCause::None);
    CHECK(read_only_cause({false, false, true}) == ReadOnlyCause::File);
    CHECK(read_only_cause({false, true, false}) == ReadOnlyCause::Folder);
    CHECK(read_only_cause({false, false, false}) == ReadOnlyCause::File);
    CHECK(read_only_cause({true, false, false}) == ReadOnlyCause::Medium);
    CHECK(read_only_cause({true, true, true}) == ReadOnlyCause::Medium);
    CHECK(word(read_only_reason(ReadOnlyCause::Folder, "/media/cd/p.tender")) == "its folder /media/cd may not be written");
    CHECK(word(read_only_reason(ReadOnlyCause::Medium, "p.tender")) == "it is on a read-only medium");

    // A file this process may write is writable.
    ProjectFixture f;
    const FileAccess a = probe_file_access(f.path);
    CHECK_FALSE(a.medium_read_only);
    CHECK(a.file_writable);
    CHECK(a.folder_writable);
    CHECK_FALSE(f.p.read_only());
    CHECK(f.p.read_only_reason().empty());
}

TEST_CASE("store read-only: a project opened read-only reads, verifies and refuses every change", "[store][read-only]") {
    ProjectFixture f;
    f.p.import_bids(bids_of(f.rules, {{"Acme", 100}, {"Beta", 120}}), {{"bids.csv", "0"}}, {0, 0}, false, who("officer"));
    const std::string bytes = read_text(f.path);
    const std::string head = f.p.audit_head();
    ProjectOptions o;
    o.read_only = true;
    Project p = Project::open(f.path, o);
    CHECK(p.read_only());
    CHECK(p.read_only_reason().code == "store.read-only.asked");
    CHECK(p.audit_head() == head);
    CHECK(p.bids().size() == 2);
    CHECK(p.verify_audit().ok());
    CHECK(p.state_sha256() == f.p.state_sha256());

    const StoreError e = error_of([&] { p.add_evaluator("Anna", Role::Chair, who("officer")); });
    CHECK(e.kind() == StoreErrorKind::Refused);
    CHECK(e.message().code == "store.refused.read-only");
    CHECK(std::string(e.what()) == f.path + " is open read-only (it was opened read-only): no change can be recorded in it; "
                                           "copy it to a writable folder to change it");
    CHECK(error_of([&] { p.record_run(std::string(64, '0'), false, "{}", who("officer")); }).message().code ==
          "store.refused.read-only");
    CHECK(error_of([&] { p.record_export("x.xlsx", std::string(64, '0'), head, who("officer")); }).message().code ==
          "store.refused.read-only");
    CHECK(error_of([&] { p.remove_bids("Acme", std::nullopt, who("officer")); }).message().code == "store.refused.read-only");
    CHECK(p.bids().size() == 2);
    CHECK(p.runs().empty());
    CHECK(read_text(f.path) == bytes);
    CHECK_FALSE(fs::exists(f.path + "-journal"));
}

TEST_CASE("store read-only: a file marked read-only opens read-only", "[store][read-only]") {
    SharedProject f;
    REQUIRE(::chmod(f.path.c_str(), 0444) == 0);
    CHECK(as_unprivileged([&] { return read_only_holds(f.path, "store.read-only.file"); }) == 0);
}

TEST_CASE("store read-only: a file in a folder that may not be written opens read-only", "[store][read-only]") {
    SharedProject f;
    REQUIRE(::chmod(f.path.c_str(), 0666) == 0);  // the file could be written; its journal could not be made
    REQUIRE(::chmod(f.dir.path().c_str(), 0555) == 0);
    const int result = as_unprivileged([&] { return read_only_holds(f.path, "store.read-only.folder"); });
    ::chmod(f.dir.path().c_str(), 0755);  // so that the folder can be removed
    CHECK(result == 0);
}

TEST_CASE("store read-only: a project on a read-only medium opens read-only", "[store][read-only]") {
    if (::geteuid() != 0) {
        WARN("not run: emulating a read-only medium needs a mount namespace, which needs root here");
        return;
    }
    SharedProject f;
    const std::string mount_point = f.dir.file("cd");
    fs::create_directory(mount_point);
    const std::string on_cd = mount_point + "/p.tender";
    const int result = in_child(
        [&] {
            // A tmpfs of this child's own (nothing outside sees it), filled, then made read-only.
            if (::unshare(CLONE_NEWNS) != 0 || ::mount("none", "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0) return 77;
            if (::mount("tmpfs", mount_point.c_str(), "tmpfs", 0, nullptr) != 0) return 77;
            write_text(on_cd, read_text(f.path));
            if (::mount(nullptr, mount_point.c_str(), nullptr, MS_REMOUNT | MS_RDONLY, nullptr) != 0) return 77;
            if (!probe_file_access(on_cd).medium_read_only) return 10;
            return read_only_holds(on_cd, "store.read-only.medium");
        },
        false);
    if (result == 77) {
        WARN("not run: this system does not allow a read-only tmpfs in a mount namespace");
        return;
    }
    CHECK(result == 0);
}

TEST_CASE("store read-only: an older format that needs upgrading is refused with what to do", "[store][read-only]") {
    TempDir dir;
    const std::string path = dir.file("old.tender");
    REQUIRE(raw_sql(path, read_text(std::string(TL_TESTS_DIR) + "/store/fixtures/v1.sql")).empty());
    const std::string bytes = read_text(path);
    ProjectOptions o;
    o.read_only = true;
    const StoreError e = error_of([&] { Project::open(path, o); });
    CHECK(e.message().code == "store.read-only.old-format");
    CHECK(std::string(e.what()) == path + " has the older project format 1, which must be upgraded when it is opened, and "
                                          "it was opened read-only: copy it to a writable folder and open the copy there");
    CHECK(read_text(path) == bytes);
}

TEST_CASE("store read-only: a change a crash interrupted cannot be rolled back read-only: a clear error", "[store][read-only]") {
    ProjectFixture f;
    f.p.import_bids(bids_of(f.rules, {{"Acme", 100}, {"Beta", 120}}), {{"bids.csv", "0"}}, {0, 0}, false, who("officer"));
    // A writer killed in the middle of a large change: the file half written, its journal hot.
    const int killed = in_child(
        [&] {
            sqlite3* db = nullptr;
            if (sqlite3_open(f.path.c_str(), &db) != SQLITE_OK) return 1;
            sqlite3_exec(db,
                         "PRAGMA cache_size = 2; BEGIN; CREATE TABLE junk (x); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL "
                         "SELECT i + 1 FROM n WHERE i < 2000) INSERT INTO junk SELECT randomblob(900) FROM n;",
                         nullptr, nullptr, nullptr);
            ::_exit(0);  // no COMMIT, no ROLLBACK, no close
        },
        false);
    REQUIRE(killed == 0);
    REQUIRE(fs::exists(f.path + "-journal"));
    const std::string bytes = read_text(f.path);
    ProjectOptions o;
    o.read_only = true;
    const StoreError e = error_of([&] { Project::open(f.path, o); });
    CHECK(e.message().code == "store.read-only.hot-journal");
    CHECK_THAT(e.what(), Catch::Contains(f.path + "-journal") && Catch::Contains("copy both files to a writable folder"));
    CHECK(read_text(f.path) == bytes);
    // Writable, the same file is rolled back and opens as it was before the change.
    Project again = Project::open(f.path);
    CHECK(again.bids().size() == 2);
    CHECK(again.verify_audit().ok());
}
