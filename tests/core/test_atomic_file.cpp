// core/atomic_file: the one routine that replaces a user's file. Old or new contents, never
// half; permissions kept; a link followed; no temporary left behind whatever fails.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/atomic_file.hpp"
#include "support/temp_dir.hpp"

namespace {

namespace fs = std::filesystem;
using tl::test::TempDir;

std::string read_all(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

void write_plain(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

std::size_t entries(const fs::path& folder) {
    std::size_t n = 0;
    for (const auto& e : fs::directory_iterator(folder)) {
        (void)e;
        ++n;
    }
    return n;
}

mode_t mode_of(const std::string& path) {
    struct stat st {};
    REQUIRE(::stat(path.c_str(), &st) == 0);
    return st.st_mode & 07777;
}

}  // namespace

TEST_CASE("atomic file: replaces the contents and keeps the file's permissions", "[core][atomic_file]") {
    TempDir dir;
    const std::string path = dir.file("rules.crit");
    write_plain(path, "old text that is longer than the new one\n");
    REQUIRE(::chmod(path.c_str(), 0640) == 0);
    std::string error;
    REQUIRE(tl::write_file_atomically(path, "new\n", error));
    CHECK(error.empty());
    CHECK(read_all(path) == "new\n");
    CHECK(mode_of(path) == 0640);
    CHECK(entries(dir.path()) == 1);  // no temporary left

    REQUIRE(::chmod(path.c_str(), 0604) == 0);
    REQUIRE(tl::write_file_atomically(path, "newer\n", error));
    CHECK(mode_of(path) == 0604);
}

TEST_CASE("atomic file: a new file gets 0666 less the umask", "[core][atomic_file]") {
    TempDir dir;
    const mode_t old_mask = ::umask(022);
    std::string error;
    const bool ok = tl::write_file_atomically(dir.file("a.csv"), "x", error);
    ::umask(027);
    const bool ok2 = tl::write_file_atomically(dir.file("b.csv"), "y", error);
    ::umask(old_mask);
    REQUIRE(ok);
    REQUIRE(ok2);
    CHECK(mode_of(dir.file("a.csv")) == 0644);
    CHECK(mode_of(dir.file("b.csv")) == 0640);
}

TEST_CASE("atomic file: a symbolic link is followed: its target is replaced, the link stays", "[core][atomic_file]") {
    TempDir dir;
    fs::create_directory(dir.path() / "real");
    const std::string target = dir.file("real/rules.crit"), link = dir.file("rules.crit");
    write_plain(target, "old\n");
    REQUIRE(::chmod(target.c_str(), 0600) == 0);
    fs::create_symlink("real/rules.crit", link);  // relative, as people make them
    std::string error;
    REQUIRE(tl::write_file_atomically(link, "new\n", error));
    CHECK(fs::is_symlink(link));
    CHECK(read_all(target) == "new\n");
    CHECK(mode_of(target) == 0600);
    CHECK(entries(dir.path()) == 2);          // the link and the folder
    CHECK(entries(dir.path() / "real") == 1);  // the temporary was made beside the target, and is gone
}

TEST_CASE("atomic file: nothing is left behind when the write fails", "[core][atomic_file]") {
    TempDir dir;
    std::string error;
    SECTION("the target is a folder") {
        fs::create_directory(dir.path() / "sub");
        CHECK_FALSE(tl::write_file_atomically(dir.file("sub"), "x", error));
        CHECK(error.find("Is a directory") != std::string::npos);
        CHECK(fs::is_directory(dir.path() / "sub"));
        CHECK(entries(dir.path()) == 1);
        CHECK(entries(dir.path() / "sub") == 0);
    }
    SECTION("the folder does not exist") {
        CHECK_FALSE(tl::write_file_atomically(dir.file("no/such/x.csv"), "x", error));
        CHECK(error.find("cannot create a temporary file in " + dir.file("no/such")) != std::string::npos);
        CHECK(entries(dir.path()) == 0);
    }
    SECTION("the folder is not writable") {
        // Root writes into any folder whatever its mode: /proc takes no new files from anyone.
        std::string folder = "/proc/self";
        if (::geteuid() != 0) {
            folder = dir.file("locked");
            fs::create_directory(folder);
            write_plain(folder + "/x.csv", "old\n");
            REQUIRE(::chmod(folder.c_str(), 0555) == 0);
        }
        CHECK_FALSE(tl::write_file_atomically(folder + "/x.csv", "new\n", error));
        CHECK(error.find("cannot create a temporary file in " + folder) != std::string::npos);
        if (::geteuid() != 0) {
            CHECK(read_all(folder + "/x.csv") == "old\n");
            CHECK(entries(folder) == 1);
            ::chmod(folder.c_str(), 0755);
        }
    }
    SECTION("an AtomicFile not committed removes its temporary") {
        {
            tl::AtomicFile file(dir.file("x.csv"));
            file.write("half");
            CHECK(fs::exists(file.temp_path()));
            CHECK(fs::path(file.temp_path()).parent_path() == dir.path());
        }
        CHECK(entries(dir.path()) == 0);
    }
}

TEST_CASE("atomic file: Existing::Refuse never replaces a file", "[core][atomic_file]") {
    TempDir dir;
    const std::string path = dir.file("p.tender");
    write_plain(path, "kept\n");
    tl::AtomicFile file(path);
    file.write("new\n");
    try {
        file.commit(tl::AtomicFile::Existing::Refuse);
        FAIL("an existing file was replaced");
    } catch (const tl::AtomicFileError& e) {
        CHECK(e.code() == EEXIST);
    }
    CHECK(read_all(path) == "kept\n");
    CHECK(entries(dir.path()) == 1);

    tl::AtomicFile fresh(dir.file("q.tender"));
    fresh.write("made\n");
    fresh.commit(tl::AtomicFile::Existing::Refuse);
    CHECK(read_all(dir.file("q.tender")) == "made\n");
    CHECK(entries(dir.path()) == 2);
}
