// The .xlsx reader (io/xlsx_reader.hpp): every kind of cell that Excel, LibreOffice and other
// writers store, and the guards against files that are damaged, not workbooks, or built to
// exhaust the machine (zip bombs, huge entry counts, lying sizes, XML entity bombs).
#include <catch2/catch.hpp>

#include <chrono>
#include <cmath>

#include "io/xlsx/xlsx_reader.hpp"
#include "io/xlsx/xml_reader.hpp"
#include "xlsx_test_files.hpp"

using namespace tl::io;
using namespace tl::xlsx_test;

namespace {

std::unique_ptr<XlsxWorkbook> open_ok(const std::string& bytes, const XlsxLimits& limits = {}) {
    XlsxReadError e;
    auto wb = XlsxWorkbook::open(bytes, "book.xlsx", &e, limits);
    INFO(e.text());
    REQUIRE(wb);
    return wb;
}

/// The message of opening `bytes` and reading every sheet; "" when everything reads.
std::string open_error(const std::string& bytes, const XlsxLimits& limits = {}) {
    XlsxReadError e;
    auto wb = XlsxWorkbook::open(bytes, "book.xlsx", &e, limits);
    if (!wb) return e.text();
    for (const auto& name : wb->sheet_names())
        if (!wb->read_sheet(name, &e)) return e.text();
    return "";
}

XlsxSheet sheet_of(const std::string& bytes, const std::string& name = "Bid") {
    auto wb = open_ok(bytes);
    XlsxReadError e;
    auto s = wb->read_sheet(name, &e);
    INFO(e.text());
    REQUIRE(s);
    return *s;
}

const XlsxCell& at(const XlsxSheet& s, const std::string& ref) {
    auto rc = parse_cell_reference(ref);
    REQUIRE(rc);
    const XlsxCell* c = s.cell(rc->first, rc->second);
    INFO("cell " << ref);
    REQUIRE(c);
    return *c;
}

const char* const kShared =
    "<si><t>plain</t></si>"
    "<si><r><rPr><b/></rPr><t>rich </t></r><r><t xml:space=\"preserve\">text</t></r></si>"
    "<si><t>漢字</t><rPh sb=\"0\" eb=\"2\"><t>かんじ</t></rPh></si>"
    "<si><t>line_x000D_break</t></si>"
    "<si><t>Цена контракта</t></si>";

const char* const kStyles =
    "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"0.0&quot;%&quot;\"/></numFmts>"
    "<cellStyleXfs count=\"1\"><xf numFmtId=\"9\"/></cellStyleXfs>"
    "<cellXfs count=\"4\"><xf numFmtId=\"0\"/><xf numFmtId=\"9\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/></cellXfs>";

}  // namespace

TEST_CASE("xlsx reader: every kind of cell", "[xlsx]") {
    const std::string data =
        "<row r=\"1\">"
        "<c r=\"A1\" t=\"s\"><v>0</v></c>"
        "<c r=\"B1\" t=\"s\"><v>1</v></c>"
        "<c r=\"C1\" t=\"s\"><v>2</v></c>"
        "<c r=\"D1\" t=\"s\"><v>3</v></c>"
        "<c r=\"E1\" t=\"s\"><v>4</v></c></row>"
        "<row r=\"2\">"
        "<c r=\"A2\" t=\"inlineStr\"><is><t>inline</t></is></c>"
        "<c r=\"B2\" t=\"inlineStr\"><is><r><t>in</t></r><r><t>line runs</t></r></is></c>"
        "<c r=\"C2\" t=\"str\"><f>A1&amp;\"!\"</f><v>plain!</v></c>"
        "<c r=\"D2\" t=\"b\"><v>1</v></c>"
        "<c r=\"E2\" t=\"b\"><v>0</v></c>"
        "<c r=\"F2\" t=\"e\"><v>#DIV/0!</v></c></row>"
        "<row r=\"3\">"
        "<c r=\"A3\"><v>12000000</v></c>"
        "<c r=\"B3\" t=\"n\"><v>-0.5</v></c>"
        "<c r=\"C3\" s=\"1\"><v>0.4</v></c>"
        "<c r=\"D3\" s=\"2\"><v>46082</v></c>"
        "<c r=\"E3\" s=\"3\"><v>40</v></c>"
        "<c r=\"F3\"><v>1.5E-3</v></c>"
        "<c r=\"G3\" s=\"1\"/></row>"
        // Cells without references follow each other; a row without a number follows the last.
        "<row><c t=\"inlineStr\"><is><t>x</t></is></c><c><v>2</v></c></row>";
    const XlsxSheet s = sheet_of(make_zip(workbook_parts(data, kShared, kStyles)));

    CHECK(at(s, "A1").kind == XlsxCellKind::Text);
    CHECK(at(s, "A1").text == "plain");
    CHECK(at(s, "B1").text == "rich text");   // runs joined
    CHECK(at(s, "C1").text == "漢字");         // the phonetic guide is not part of the value
    CHECK(at(s, "D1").text == "line\rbreak");  // _x000D_ is how Excel stores a CR
    CHECK(at(s, "E1").text == "Цена контракта");
    CHECK(at(s, "A2").text == "inline");
    CHECK(at(s, "B2").text == "inline runs");
    CHECK(at(s, "C2").kind == XlsxCellKind::Text);
    CHECK(at(s, "C2").text == "plain!");  // a formula's cached string result
    CHECK(at(s, "D2").kind == XlsxCellKind::Bool);
    CHECK(at(s, "D2").number == 1);
    CHECK(at(s, "E2").number == 0);
    CHECK(at(s, "F2").kind == XlsxCellKind::Error);
    CHECK(at(s, "F2").text == "#DIV/0!");
    CHECK(at(s, "A3").kind == XlsxCellKind::Number);
    CHECK(at(s, "A3").number == 12000000);
    CHECK(at(s, "B3").number == -0.5);
    CHECK(at(s, "C3").format == "0%");
    CHECK(is_percent_format(at(s, "C3").format));
    CHECK(at(s, "D3").format == "mm-dd-yy");
    CHECK(at(s, "E3").format == "0.0\"%\"");
    CHECK_FALSE(is_percent_format(at(s, "E3").format));  // a quoted % is only a label
    CHECK(at(s, "F3").number == Approx(0.0015));
    CHECK(at(s, "G3").kind == XlsxCellKind::Empty);
    CHECK(at(s, "A4").text == "x");
    CHECK(at(s, "B4").number == 2);
    CHECK(s.last_row() == 4);
    CHECK(s.cell(9, 9) == nullptr);
}

TEST_CASE("xlsx reader: workbook structure", "[xlsx]") {
    SECTION("sheet names, 1904 dates, relationships with absolute targets") {
        auto wb = open_ok(make_zip(workbook_parts("", "", kStyles, "Заявка", "date1904=\"1\"")));
        CHECK(wb->sheet_names() == std::vector<std::string>{"Заявка"});
        CHECK(wb->date1904());
        XlsxReadError e;
        CHECK_FALSE(wb->read_sheet("Bid", &e));
        CHECK(e.text() == "book.xlsx: there is no sheet 'Bid' (the sheets are 'Заявка')");
    }
    SECTION("prefixed element names (strict writers) read the same") {
        auto parts = workbook_parts("");
        part(parts, "xl/worksheets/sheet1.xml") =
            R"(<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:t>ok</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>)";
        CHECK(at(sheet_of(make_zip(parts)), "B2").text == "ok");
    }
    SECTION("cell names") {
        CHECK(cell_reference(12, 3) == "C12");
        CHECK(cell_reference(1, 26) == "Z1");
        CHECK(cell_reference(1, 27) == "AA1");
        CHECK(cell_reference(1048576, 16384) == "XFD1048576");
        CHECK(parse_cell_reference("$C$12") == std::make_pair(12, 3));
        CHECK_FALSE(parse_cell_reference("XFE1"));
        CHECK_FALSE(parse_cell_reference("A0"));
        CHECK_FALSE(parse_cell_reference("A1048577"));
        CHECK_FALSE(parse_cell_reference("12"));
    }
}

TEST_CASE("xlsx reader: files that are not workbooks", "[xlsx]") {
    CHECK(open_error("") == "book.xlsx: the file is empty");
    CHECK(open_error("bidder,price\nAcme,12\n") ==
          "book.xlsx: this is not an Excel workbook (.xlsx): it is not a zip archive");
    CHECK(open_error("<?xml version=\"1.0\"?><workbook/>") ==
          "book.xlsx: this is a text or XML file, not an Excel workbook (.xlsx)");
    CHECK(open_error(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(504, '\0')).find(
              "Excel 97-2003 workbook (.xls)") != std::string::npos);
    CHECK(open_error(make_zip({{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"}, {"content.xml", "<x/>"}}))
              .find("OpenDocument file (.ods)") != std::string::npos);
    CHECK(open_error(make_zip({{"hello.txt", "hi"}})) ==
          "book.xlsx: this is not an Excel workbook (.xlsx): the archive has no workbook part");
}

TEST_CASE("xlsx reader: damaged files", "[xlsx]") {
    const std::string good = make_zip(workbook_parts("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>", kShared));
    REQUIRE(open_error(good).empty());

    SECTION("truncated (a download cut short)") {
        const std::string msg = open_error(good.substr(0, good.size() / 2));
        CHECK(msg.rfind("book.xlsx: the file is damaged (", 0) == 0);
    }
    SECTION("a flipped byte inside packed data (CRC)") {
        std::string bad = good;
        const auto locals = find_all(bad, "PK\x03\x04");
        // The last local entry is the shared strings; damage its deflated data.
        const std::size_t at = locals.back() + 30 + std::string("xl/sharedStrings.xml").size() + 5;
        bad[at] = static_cast<char>(bad[at] ^ 0x55);
        const std::string msg = open_error(bad);
        CHECK(msg.find("book.xlsx: part 'xl/sharedStrings.xml'") == 0);
        CHECK((msg.find("damaged") != std::string::npos || msg.find("not well-formed") != std::string::npos));
    }
    SECTION("XML that is not well-formed names the part, or the sheet and the last cell") {
        auto parts = workbook_parts("<row r=\"1\"><c r=\"A1\"><v>1</v></c><c r=\"B1\"><v>2</c></row>");
        const std::string msg = open_error(make_zip(parts));
        CHECK(msg.rfind("book.xlsx: sheet 'Bid', cell B1: not well-formed XML at line 1, column ", 0) == 0);
        CHECK(msg.find("mismatched tag; the file is damaged") != std::string::npos);
    }
    SECTION("a shared string that does not exist") {
        const std::string msg = open_error(make_zip(workbook_parts("<row r=\"7\"><c r=\"C7\" t=\"s\"><v>99</v></c></row>", kShared)));
        CHECK(msg == "book.xlsx: sheet 'Bid', cell C7: shared string 99 does not exist (the workbook has 5); the file is damaged");
    }
    SECTION("a number that is not one, a bad reference, a bad boolean") {
        CHECK(open_error(make_zip(workbook_parts("<row r=\"2\"><c r=\"D2\"><v>12,5</v></c></row>"))) ==
              "book.xlsx: sheet 'Bid', cell D2: '12,5' is not a number; the file is damaged");
        CHECK(open_error(make_zip(workbook_parts("<row r=\"2\"><c r=\"2D\"><v>1</v></c></row>"))) ==
              "book.xlsx: sheet 'Bid': the cell reference '2D' is not valid");
        CHECK(open_error(make_zip(workbook_parts("<row r=\"2\"><c r=\"B2\" t=\"b\"><v>yes</v></c></row>"))) ==
              "book.xlsx: sheet 'Bid', cell B2: 'yes' is not a boolean value; the file is damaged");
    }
    SECTION("a sheet whose relationship is missing") {
        auto parts = workbook_parts("");
        part(parts, "xl/_rels/workbook.xml.rels") =
            R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>)";
        CHECK(open_error(make_zip(parts)) ==
              "book.xlsx: sheet 'Bid': the workbook does not say where its cells are (relationship 'rId1' is "
              "missing); the file is damaged");
    }
}

TEST_CASE("xlsx reader: guards against hostile files", "[xlsx]") {
    SECTION("a zip bomb: 200 MiB of zeros in one part") {
        auto parts = workbook_parts("");
        part(parts, "xl/worksheets/sheet1.xml") = std::string(200u << 20, '\0');
        const std::string bomb = make_zip(parts);
        CHECK(bomb.size() < (1u << 20));  // it packs to a few hundred KiB
        const auto start = std::chrono::steady_clock::now();
        CHECK(open_error(bomb) ==
              "book.xlsx: part 'xl/worksheets/sheet1.xml': would unpack to 200 MiB, more than the 64 MiB allowed "
              "(a zip bomb?)");
        // Refused from the archive's directory, without unpacking anything.
        CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(1));
    }
    SECTION("packed far tighter than XML packs") {
        auto parts = workbook_parts("");
        part(parts, "xl/worksheets/sheet1.xml") = std::string(20u << 20, ' ');
        const std::string msg = open_error(make_zip(parts));
        CHECK(msg.find("book.xlsx: part 'xl/worksheets/sheet1.xml': would unpack ") == 0);
        CHECK(msg.find("to 20 MiB, far more than any spreadsheet packs (a zip bomb?)") != std::string::npos);
    }
    SECTION("more entries than a workbook has") {
        Entries many = workbook_parts("");
        for (int i = 0; i < 10001; ++i) many.emplace_back("xl/media/f" + std::to_string(i) + ".bin", "x");
        CHECK(open_error(make_zip(many, true)) ==
              "book.xlsx: the archive has 10006 files, more than the 10000 a workbook may have here");
    }
    SECTION("a part that unpacks to more than the archive states") {
        auto parts = workbook_parts("");
        part(parts, "xl/worksheets/sheet1.xml") =
            "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" +
            std::string(100000, ' ') + "</sheetData></worksheet>";
        std::string doctored = make_zip(parts);
        // Claim 1000 bytes in both the local header and the central directory (so that the two
        // agree and the archive opens).
        const std::string name = "xl/worksheets/sheet1.xml";
        for (std::size_t p : find_all(doctored, "PK\x03\x04"))
            if (doctored.compare(p + 30, name.size(), name) == 0) put_u32(doctored, p + 22, 1000);
        for (std::size_t p : find_all(doctored, "PK\x01\x02"))
            if (doctored.compare(p + 46, name.size(), name) == 0) put_u32(doctored, p + 24, 1000);
        const std::string msg = open_error(doctored);
        INFO(msg);
        // libzip would notice at the end (CRC); the reader stops at byte 1001 already.
        CHECK(msg == "book.xlsx: part 'xl/worksheets/sheet1.xml': unpacks to more than the 1000 bytes the archive "
                     "states (a zip bomb?)");
    }
    SECTION("smaller limits apply too") {
        XlsxLimits small;
        small.max_entries = 3;
        CHECK(open_error(make_zip(workbook_parts("")), small) ==
              "book.xlsx: the archive has 5 files, more than the 3 a workbook may have here");
        small = {};
        small.max_file_bytes = 100;
        CHECK(open_error(make_zip(workbook_parts("")), small).find("more than the 100 bytes a workbook may have") !=
              std::string::npos);
    }
    SECTION("XML with a DTD (entity bombs) is refused") {
        auto parts = workbook_parts("");
        part(parts, "xl/worksheets/sheet1.xml") =
            "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 "
            "\"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]><worksheet><sheetData><row><c "
            "t=\"inlineStr\"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>";
        CHECK(open_error(make_zip(parts)) == "book.xlsx: sheet 'Bid': the XML declares a DTD, which no workbook part has");
    }
}
