// Crash safety: the CLI is killed (SIGKILL) at random moments while it imports a few hundred
// bids, evaluates, or sets new rules; after every kill the project must open, pass SQLite's
// integrity_check and the audit verification, and hold exactly the state from before or after
// the interrupted command, never a mix (compared as canonical dumps of every table and the log).
//
// SIGKILL stops the process but not the kernel: it tests that every change is one atomic
// transaction with its audit entry (and SQLite's hot-journal recovery), not power loss, which
// synchronous=FULL and the rollback journal cover as SQLite documents.
#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <random>
#include <regex>
#include <thread>

#include "store_fixture.hpp"

using namespace tl;
using namespace tl::store;
using namespace tl::store_test;
using Steady = std::chrono::steady_clock;

namespace {

const char* const kEpoch = "1767225600";  // 2026-01-01T00:00:00Z: the time exports print (not the log's)

const std::string kCrashRules =
    "tender { title: \"Crash test\" reference: \"CRASH-1\" currency: EUR }\n"
    "field price: money { name: \"Price\" }\n"
    "field recycled: percent { name: \"Recycled content\" }\n"
    "field warranty: quantity(years) { name: \"Warranty\" }\n"
    "criterion price { kind: price weight: 50 % score: ratio_lowest(price) }\n"
    "criterion recycled { weight: 30 % score: linear(recycled, 0 % -> 0, 80 % -> 100) }\n"
    "criterion warranty { weight: 20 % score: steps(warranty, >= 5 years -> 100, >= 3 years -> 50, else -> 0) }\n";

std::string bids_csv(int n) {
    std::mt19937 rng(7);
    std::string s = "bidder,submitted,price,recycled,warranty\n";
    for (int i = 0; i < n; ++i)
        s += "Bidder " + std::to_string(1000 + i) + ",2026-04-0" + std::to_string(1 + i % 9) + "T10:00:00," +
             std::to_string(100000 + rng() % 50000) + "," + std::to_string(rng() % 90) + "," + std::to_string(rng() % 8) +
             "\n";
    return s;
}

/// Starts `tenderloop ARGS` with the fixed time; output to /dev/null.
pid_t start(const std::vector<std::string>& args) {
    std::vector<char*> argv;
    argv.push_back(const_cast<char*>(TL_CLI_PATH));
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    const pid_t pid = ::fork();
    if (pid == 0) {
        const int null = ::open("/dev/null", O_WRONLY);
        ::dup2(null, 1);
        ::dup2(null, 2);
        ::setenv("SOURCE_DATE_EPOCH", kEpoch, 1);
        ::execv(TL_CLI_PATH, argv.data());
        ::_exit(127);
    }
    return pid;
}

int run_to_end(const std::vector<std::string>& args) {
    const pid_t pid = start(args);
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

void copy_file(const std::string& from, const std::string& to) {
    std::filesystem::copy_file(from, to, std::filesystem::copy_options::overwrite_existing);
}

/// Every time in `text` as 0000-00-00T00:00:00Z.
std::string mask_times(const std::string& text) {
    static const std::regex time(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)");
    return std::regex_replace(text, time, "0000-00-00T00:00:00Z");
}

/// The project's data and log, every time masked and without what depends on the times (the
/// hashes, the recorded changes): the log takes its times from the system clock (not from
/// SOURCE_DATE_EPOCH), so two runs of one command differ in those alone.
std::string dump_of(const std::string& path) {
    Project p = Project::open(path);
    std::string out = mask_times(p.canonical_dump(false));
    for (const auto& e : p.audit_log())
        out += "#" + std::to_string(e.seq) + "|" + e.user + "|" + e.os_user + "|" + e.action + "|" + e.reason + "|" +
               mask_times(e.details) + "\n";
    return out;
}

struct Scenario {
    std::string name;
    std::string before_file;  ///< the project before the command
    std::vector<std::string> args;  ///< with WORK standing for the project file
    std::string before, after;      ///< canonical dumps
    double seconds = 0;             ///< the command's normal duration
    int kills = 0, as_before = 0, as_after = 0, hot_journal = 0, finished = 0;
};

std::vector<std::string> with_file(const std::vector<std::string>& args, const std::string& file) {
    std::vector<std::string> out = args;
    for (auto& a : out)
        if (a == "WORK") a = file;
    return out;
}

}  // namespace

TEST_CASE("crash safety: SIGKILL at random moments leaves the state before or after, never half", "[store][crash]") {
    TempDir dir;
    write_text(dir.file("r1.crit"), kCrashRules);
    std::string r2 = kCrashRules;
    r2.replace(r2.find("weight: 50 %"), 12, "weight: 40 %");
    r2.replace(r2.find("weight: 20 %"), 12, "weight: 30 %");
    write_text(dir.file("r2.crit"), r2);
    write_text(dir.file("bids.csv"), bids_csv(300));

    const std::string empty = dir.file("empty.tender"), with_bids = dir.file("with-bids.tender");
    REQUIRE(run_to_end({"new", empty, "--rules", dir.file("r1.crit"), "--user", "t"}) == 0);
    copy_file(empty, with_bids);
    REQUIRE(run_to_end({"bids", with_bids, "import", dir.file("bids.csv"), "--user", "t"}) == 0);

    std::vector<Scenario> scenarios{
        {"import 300 bids", empty, {"bids", "WORK", "import", dir.file("bids.csv"), "--user", "t", "--reason", "opening"}, {}, {}},
        {"evaluate", with_bids, {"evaluate", "WORK", "--format", "json", "--user", "t"}, {}, {}},
        {"rules set", with_bids, {"rules", "WORK", "set", dir.file("r2.crit"), "--user", "t", "--reason", "weights", "--correction"}, {}, {}},
    };
    const std::string work = dir.file("work.tender");
    for (Scenario& s : scenarios) {
        s.before = dump_of(s.before_file);
        std::vector<double> times;
        for (int i = 0; i < 3; ++i) {
            copy_file(s.before_file, work);
            const auto t0 = Steady::now();
            REQUIRE(run_to_end(with_file(s.args, work)) == 0);
            times.push_back(std::chrono::duration<double>(Steady::now() - t0).count());
        }
        std::sort(times.begin(), times.end());
        s.seconds = times[1];
        s.after = dump_of(work);
        REQUIRE(s.after != s.before);
    }

    std::mt19937 rng(20261129);  // seeded: the same kill moments on every run
    const int kKills = 200;
    const auto started = Steady::now();
    for (int k = 0; k < kKills; ++k) {
        Scenario& s = scenarios[static_cast<std::size_t>(k) % scenarios.size()];
        std::filesystem::remove(work + "-journal");
        copy_file(s.before_file, work);
        const auto delay = std::chrono::duration<double>(std::uniform_real_distribution<double>(0, s.seconds)(rng));
        const pid_t pid = start(with_file(s.args, work));
        std::this_thread::sleep_for(delay);
        int status = 0;
        if (::waitpid(pid, &status, WNOHANG) == pid) {
            ++s.finished;  // it was quicker this time
        } else {
            ::kill(pid, SIGKILL);
            ::waitpid(pid, &status, 0);
        }
        ++s.kills;
        if (std::filesystem::exists(work + "-journal")) ++s.hot_journal;
        INFO(s.name << ", kill " << k << " after " << delay.count() * 1000 << " ms");
        Project p = Project::open(work);  // rolls a hot journal back
        REQUIRE(p.integrity_check() == "ok");
        const AuditReport audit = p.verify_audit();
        REQUIRE(audit.ok());
        const std::string now = dump_of(work);
        const bool before = now == s.before, after = now == s.after;
        REQUIRE((before || after));
        s.as_before += before ? 1 : 0;
        s.as_after += after ? 1 : 0;
    }
    const double total = std::chrono::duration<double>(Steady::now() - started).count();

    int befores = 0, afters = 0, journals = 0;
    std::cout << "crash safety: " << kKills << " kills in " << total << " s\n";
    for (const Scenario& s : scenarios) {
        std::cout << "  " << s.name << ": normal " << s.seconds * 1000 << " ms; " << s.kills << " runs, " << s.finished
                  << " finished before the kill; state before " << s.as_before << ", after " << s.as_after
                  << "; killed inside a write transaction (hot journal left) " << s.hot_journal << "\n";
        befores += s.as_before;
        afters += s.as_after;
        journals += s.hot_journal;
    }
    // The kills must have landed on both sides of the commits, and inside transactions.
    CHECK(befores > 0);
    CHECK(afters > 0);
    CHECK(journals > 0);
}
