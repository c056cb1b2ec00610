// app::find_data_paths: the data found from the program's location in fake installed trees
// (under a prefix, then moved), build trees (the marker file), the TENDERLOOP_DATA_DIR override,
// and a clear message naming every place tried when there is none.
#include <catch2/catch.hpp>

#include <filesystem>

#include "app/data_paths.hpp"
#include "support/files.hpp"
#include "support/temp_dir.hpp"

namespace {

using namespace tl;
namespace fs = std::filesystem;

void touch(const fs::path& file, const std::string& text = "x") {
    fs::create_directories(file.parent_path());
    test::write_text(file.string(), text);
}

/// `<prefix>/bin/tenderloop` and the data make install puts under `<prefix>/share`.
std::string make_installed(const fs::path& prefix, bool with_translations = true) {
    touch(prefix / "bin" / "tenderloop");
    touch(prefix / "share/tenderloop/templates/new-rules.crit");
    fs::create_directories(prefix / "share/tenderloop/rules");
    touch(prefix / "share/tenderloop/samples/bus-tyres/rules.crit");
    touch(prefix / "share/doc/tenderloop/LANGUAGE.md");
    touch(prefix / "share/icons/hicolor/scalable/apps/tenderloop.svg");
    if (with_translations) touch(prefix / "share/locale/ru/LC_MESSAGES/tenderloop.mo");
    return (prefix / "bin" / "tenderloop").string();
}

/// A source folder with the data as it is in the repository.
void make_source(const fs::path& src) {
    touch(src / "templates/new-rules.crit");
    touch(src / "rules/README.md");
    touch(src / "samples/bus-tyres/rules.crit");
    touch(src / "docs/LANGUAGE.md");
    touch(src / "installer/tenderloop.svg");
}

std::string s(const fs::path& p) { return p.string(); }

bool mentions(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("installed under a prefix, the data is found in <prefix>/share", "[data_paths]") {
    const test::TempDir tmp;
    const fs::path prefix = tmp.path() / "opt" / "tenderloop";
    const std::string exe = make_installed(prefix);

    const app::DataPaths p = app::find_data_paths(exe, "");
    INFO(p.error);
    REQUIRE(p.found());
    CHECK(p.layout == "installed");
    CHECK(p.data_dir == s(prefix / "share/tenderloop"));
    CHECK(p.rules_dir == s(prefix / "share/tenderloop/rules"));
    CHECK(p.samples_dir == s(prefix / "share/tenderloop/samples"));
    CHECK(p.templates_dir == s(prefix / "share/tenderloop/templates"));
    CHECK(p.new_rules_template() == s(prefix / "share/tenderloop/templates/new-rules.crit"));
    CHECK(p.locale_dir == s(prefix / "share/locale"));
    CHECK(p.language_reference() == s(prefix / "share/doc/tenderloop/LANGUAGE.md"));
    CHECK(p.icon_file == s(prefix / "share/icons/hicolor/scalable/apps/tenderloop.svg"));
    CHECK(p.criteria_library_dirs() == std::vector<std::string>{p.rules_dir, p.samples_dir});
    CHECK(p.missing().empty());
    CHECK(app::data_summary(p) == s(prefix / "share/tenderloop") + " (installed)");

    SECTION("moved elsewhere, it is found in its new place and no longer in the old one") {
        const fs::path moved = tmp.path() / "elsewhere" / "copy";
        fs::create_directories(moved.parent_path());
        fs::rename(prefix, moved);
        const app::DataPaths q = app::find_data_paths(s(moved / "bin/tenderloop"), "");
        INFO(q.error);
        REQUIRE(q.found());
        CHECK(q.data_dir == s(moved / "share/tenderloop"));
        CHECK(q.locale_dir == s(moved / "share/locale"));
        CHECK(q.language_reference() == s(moved / "share/doc/tenderloop/LANGUAGE.md"));
        CHECK_FALSE(app::find_data_paths(exe, "").found());
    }
    SECTION("a path with '..' in it is the same place") {
        const app::DataPaths q = app::find_data_paths(s(prefix / "share/../bin/tenderloop"), "");
        REQUIRE(q.found());
        CHECK(q.data_dir == s(prefix / "share/tenderloop"));
    }
}

TEST_CASE("a CLI-only installation is found and its missing pieces are named", "[data_paths]") {
    const test::TempDir tmp;
    const std::string exe = make_installed(tmp.path() / "usr", false);
    fs::remove(tmp.path() / "usr/share/doc/tenderloop/LANGUAGE.md");
    const app::DataPaths p = app::find_data_paths(exe, "");
    REQUIRE(p.found());
    CHECK(p.missing() == std::vector<std::string>{"translations: " + s(tmp.path() / "usr/share/locale"),
                                                  "language reference: " +
                                                      s(tmp.path() / "usr/share/doc/tenderloop/LANGUAGE.md")});
}

TEST_CASE("in a build tree, the marker file names the source folder and the built translations", "[data_paths]") {
    const test::TempDir tmp;
    const fs::path src = tmp.path() / "src-tree", build = tmp.path() / "build" / "release";
    make_source(src);
    fs::create_directories(build / "locale");
    touch(build / app::kBuildTreeMarker, "# a comment\nsource_dir=" + s(src) + "\nlocale_dir=locale\n");

    for (const char* program : {"src/cli/tenderloop", "src/gui/tenderloop-gui", "tests/tl_app_tests"}) {
        INFO(program);
        const app::DataPaths p = app::find_data_paths(s(build / program), "");
        INFO(p.error);
        REQUIRE(p.found());
        CHECK(p.layout == "build tree");
        CHECK(p.data_dir == s(src));
        CHECK(p.rules_dir == s(src / "rules"));
        CHECK(p.samples_dir == s(src / "samples"));
        CHECK(p.new_rules_template() == s(src / "templates/new-rules.crit"));
        CHECK(p.language_reference() == s(src / "docs/LANGUAGE.md"));
        CHECK(p.icon_file == s(src / "installer/tenderloop.svg"));
        CHECK(p.locale_dir == s(build / "locale"));
        CHECK(p.missing().empty());
        // The installed layout was tried first, and said why it did not do.
        REQUIRE(p.looked_in.size() == 1);
        CHECK(mentions(p.looked_in[0], "installed"));
    }
    SECTION("relative paths in the marker are relative to it") {
        touch(build / app::kBuildTreeMarker, "source_dir=../../src-tree\r\nlocale_dir=po-out\r\n");
        const app::DataPaths p = app::find_data_paths(s(build / "src/cli/tenderloop"), "");
        INFO(p.error);
        REQUIRE(p.found());
        CHECK(p.data_dir == s(src));
        CHECK(p.locale_dir == s(build / "po-out"));
    }
    SECTION("a marker naming a folder without the data is reported with both paths") {
        touch(build / app::kBuildTreeMarker, "source_dir=" + s(tmp.path() / "gone") + "\n");
        const app::DataPaths p = app::find_data_paths(s(build / "src/cli/tenderloop"), "");
        CHECK_FALSE(p.found());
        CHECK(mentions(p.error, s(build / app::kBuildTreeMarker)));
        CHECK(mentions(p.error, s(tmp.path() / "gone")));
    }
    SECTION("a marker without source_dir is reported") {
        touch(build / app::kBuildTreeMarker, "locale_dir=locale\n");
        const app::DataPaths p = app::find_data_paths(s(build / "src/cli/tenderloop"), "");
        CHECK_FALSE(p.found());
        CHECK(mentions(p.error, "no source_dir= line"));
    }
    SECTION("a marker more than three folders up is not used") {
        const app::DataPaths p = app::find_data_paths(s(build / "a/b/c/d/tenderloop"), "");
        CHECK_FALSE(p.found());
    }
}

TEST_CASE("no data anywhere: the message names every place tried and the way out", "[data_paths]") {
    const test::TempDir tmp;
    const fs::path exe = tmp.path() / "nowhere" / "bin" / "tenderloop";
    touch(exe);
    const app::DataPaths p = app::find_data_paths(s(exe), "");
    CHECK_FALSE(p.found());
    CHECK(p.layout.empty());
    CHECK(p.missing().empty());
    CHECK(mentions(p.error, s(exe)));
    CHECK(mentions(p.error, s(tmp.path() / "nowhere/share/tenderloop")));
    CHECK(mentions(p.error, app::kBuildTreeMarker));
    CHECK(mentions(p.error, s(tmp.path() / "nowhere/bin")));
    CHECK(mentions(p.error, "TENDERLOOP_DATA_DIR"));
    CHECK(p.looked_in.size() == 2);
    CHECK(mentions(app::data_summary(p), "not found"));
    CHECK(mentions(app::data_summary(p), s(tmp.path() / "nowhere/share/tenderloop")));

    SECTION("nor when the program's location is unknown") {
        const app::DataPaths q = app::find_data_paths("", "");
        CHECK_FALSE(q.found());
        CHECK(mentions(q.error, "location is unknown"));
    }
}

TEST_CASE("TENDERLOOP_DATA_DIR overrides the lookup, and a wrong one is an error", "[data_paths]") {
    const test::TempDir tmp;
    const std::string exe = make_installed(tmp.path() / "usr");
    make_installed(tmp.path() / "other");

    const app::DataPaths p = app::find_data_paths(exe, s(tmp.path() / "other/share/tenderloop"));
    INFO(p.error);
    REQUIRE(p.found());
    CHECK(p.layout == "TENDERLOOP_DATA_DIR");
    CHECK(p.data_dir == s(tmp.path() / "other/share/tenderloop"));
    CHECK(p.locale_dir == s(tmp.path() / "other/share/locale"));
    CHECK(p.language_reference() == s(tmp.path() / "other/share/doc/tenderloop/LANGUAGE.md"));
    CHECK(app::find_data_paths(exe, s(tmp.path() / "other/share/tenderloop/")).locale_dir == p.locale_dir);

    // Not quietly replaced by the installed data next to the program.
    const app::DataPaths wrong = app::find_data_paths(exe, s(tmp.path() / "other"));
    CHECK_FALSE(wrong.found());
    CHECK(mentions(wrong.error, "TENDERLOOP_DATA_DIR=" + s(tmp.path() / "other")));
    CHECK(mentions(wrong.error, "templates/new-rules.crit"));
}

TEST_CASE("the running test program finds the source tree through its build folder's marker", "[data_paths]") {
    const std::string exe = app::current_executable();
    REQUIRE(fs::path(exe).is_absolute());
    CHECK(fs::path(exe).filename() == "tl_app_tests");
    const app::DataPaths p = app::find_data_paths(exe, "");
    INFO(p.error);
    REQUIRE(p.found());
    CHECK(p.layout == "build tree");
    CHECK(fs::equivalent(p.data_dir, TL_SOURCE_DIR));
    CHECK(fs::exists(p.new_rules_template()));
    CHECK(fs::exists(p.language_reference()));
}
