// The evaluation workbook's safety: valid sheet names, text that stays text, and no file (and no
// temporary file) left behind when writing fails. The numbers themselves are checked by
// recalculating whole workbooks in Gnumeric and LibreOffice (tests/workbook/verify_workbook.py).
#include <catch2/catch.hpp>

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "core/engine.hpp"
#include "io/workbook/evaluation_workbook.hpp"
#include "io/xlsx/xlsx_book.hpp"
#include "support/files.hpp"
#include "support/rules_fixture.hpp"
#include "support/export_info.hpp"

namespace {

using namespace tl;

std::string temp_dir() {
    std::string pattern = "/tmp/tl_wb_XXXXXX";
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    return pattern;
}

std::vector<std::string> files_in(const std::string& dir) {
    std::vector<std::string> out;
    if (DIR* d = opendir(dir.c_str())) {
        while (dirent* e = readdir(d))
            if (std::string(e->d_name) != "." && std::string(e->d_name) != "..") out.push_back(e->d_name);
        closedir(d);
    }
    return out;
}

const char* kRules = R"(tender { title: "Safety" reference: "WB-1" currency: EUR }
field price: money { name: "Price" }
criterion price { weight: 100 % kind: price score: ratio_lowest(price) }
)";

io::ExportInfo info() { return test::test_export_info(); }

}  // namespace

TEST_CASE("workbook: sheet names are made valid and unique", "[workbook]") {
    using io::unique_sheet_name;
    CHECK(unique_sheet_name("Scores: [lot]/1?*\\", {}) == "Scores_ _lot__1___");
    CHECK(unique_sheet_name("'quoted'", {}) == "quoted");
    CHECK(unique_sheet_name("", {}) == "Sheet");
    CHECK(unique_sheet_name("bids", {"Bids"}) == "bids (2)");
    CHECK(unique_sheet_name("Bids", {"Bids", "BIDS (2)"}) == "Bids (3)");
    // 31 characters, counted in characters: Cyrillic letters are two bytes each.
    const std::string long_ru = "Оценка заявок по лоту номер один и два";
    const std::string cut = unique_sheet_name(long_ru, {});
    CHECK(cut == "Оценка заявок по лоту номер оди");
    CHECK(unique_sheet_name(long_ru, {cut}) == "Оценка заявок по лоту номер (2)");
    CHECK(io::sheet_ref("Bids L'1") == "'Bids L''1'!");
    CHECK(io::column_letters(0) == "A");
    CHECK(io::column_letters(27) == "AB");
    CHECK(io::column_letters(16383) == "XFD");
}

TEST_CASE("workbook: a failed export leaves the old file and no temporary file", "[workbook]") {
    const CriteriaSet rules = test::rules_from(kRules);
    BidTable bids = test::bids_from(rules, "bidder,price\nA,100\nB,120\n");
    bids.bids[1].bidder = "Bad \xC3\x28 name";  // invalid UTF-8 (the CSV reader would refuse it)
    const Result result = evaluate(rules, bids);
    const std::string dir = temp_dir(), target = dir + "/evaluation.xlsx";
    std::ofstream(target) << "the previous evaluation";
    try {
        io::write_evaluation_workbook(target, rules, bids, result, info());
        FAIL("no error for invalid UTF-8");
    } catch (const io::XlsxError& e) {
        const std::string msg = e.what();
        INFO(msg);
        CHECK(msg.find("evaluation.xlsx") != std::string::npos);
        CHECK(msg.find("sheet 'Bids', cell A3") != std::string::npos);  // B is on row 3
        CHECK(msg.find("not valid UTF-8 (byte 5)") != std::string::npos);
    }
    CHECK(test::read_text(target) == "the previous evaluation");
    CHECK(files_in(dir) == std::vector<std::string>{"evaluation.xlsx"});

    // A folder that does not exist: a clear message, nothing written.
    try {
        io::write_evaluation_workbook(dir + "/missing/evaluation.xlsx", rules, bids, result, info());
        FAIL("no error for a missing folder");
    } catch (const io::XlsxError& e) {
        CHECK(std::string(e.what()).find("cannot create a temporary file in " + dir + "/missing") != std::string::npos);
    }
}

TEST_CASE("workbook: progress rises to 1 and cancelling leaves the old file", "[workbook]") {
    const CriteriaSet rules = test::rules_from(kRules);
    const BidTable bids = test::bids_from(rules, "bidder,price\nA,100\nB,120\n");
    const Result result = evaluate(rules, bids);
    const std::string dir = temp_dir(), target = dir + "/evaluation.xlsx";

    io::ExportInfo with_progress = info();
    std::vector<double> seen;
    with_progress.progress = [&](double f) {
        seen.push_back(f);
        return true;
    };
    io::write_evaluation_workbook(target, rules, bids, result, with_progress);
    // One lot: Bids, Scores, Summary+Method, Audit, zip, then done.
    REQUIRE(seen.size() == 6);
    CHECK(seen.front() == 0.0);
    CHECK(seen.back() == 1.0);
    for (std::size_t i = 1; i < seen.size(); ++i) CHECK(seen[i] > seen[i - 1]);

    std::ofstream(target, std::ios::trunc) << "the previous evaluation";
    io::ExportInfo cancelling = info();
    int calls = 0;
    cancelling.progress = [&](double) { return ++calls < 3; };  // stop before the third step
    CHECK_THROWS_AS(io::write_evaluation_workbook(target, rules, bids, result, cancelling), io::ExportCancelled);
    CHECK(calls == 3);
    CHECK(test::read_text(target) == "the previous evaluation");
    CHECK(files_in(dir) == std::vector<std::string>{"evaluation.xlsx"});
}

TEST_CASE("workbook: a successful export replaces the file and keeps bidder text inert", "[workbook]") {
    const CriteriaSet rules = test::rules_from(kRules);
    const BidTable bids = test::bids_from(rules, "bidder,price\n\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",100\n@SUM(A1),120\n");
    const Result result = evaluate(rules, bids);
    const std::string dir = temp_dir(), target = dir + "/evaluation.xlsx";
    std::ofstream(target) << "old";
    io::write_evaluation_workbook(target, rules, bids, result, info());
    CHECK(files_in(dir) == std::vector<std::string>{"evaluation.xlsx"});
    // The permissions of any new document: 0666 less the umask (not the temporary file's 0600).
    const mode_t mask = ::umask(022);
    ::umask(mask);
    struct stat st {};
    REQUIRE(::stat(target.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == (0666 & ~mask));
    const std::string bytes = test::read_text(target);
    REQUIRE(bytes.size() > 4000);
    CHECK(bytes.substr(0, 2) == "PK");  // a zip, i.e. an .xlsx
    // The sheets, unzipped by an independent reader: names are inline strings, not formulas.
    const std::string cmd = "cd '" + dir + "' && /usr/bin/python3 -c \"import zipfile,sys; "
                            "sys.stdout.write(zipfile.ZipFile('evaluation.xlsx').read('xl/worksheets/sheet2.xml').decode())\" > bids.xml";
    REQUIRE(std::system(cmd.c_str()) == 0);
    const std::string xml = test::read_text(dir + "/bids.xml");
    CHECK(xml.find("t=\"inlineStr\"><is><t>=HYPERLINK(\"http://x\",\"y\")</t></is></c>") != std::string::npos);
    CHECK(xml.find("<t>@SUM(A1)</t>") != std::string::npos);
    CHECK(xml.find("<f>") == std::string::npos);
}
