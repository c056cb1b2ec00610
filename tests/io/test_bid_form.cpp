// The bid response form: what `tenderloop form` writes (read back with TenderLoop's own xlsx
// reader: sheets, rows, data validation on every input cell, protection, numbers in the C locale)
// and how `import-form` reads a filled-in form back (every kind of cell, the same messages as the
// bids CSV, refusal of forms made for other rules). The openpyxl view of the form and the round
// trip through LibreOffice are in tests/cli/test_cli_form.cpp.
#include <catch2/catch.hpp>

#include <dirent.h>
#include <unistd.h>

#include <clocale>
#include <cmath>
#include <map>
#include <regex>

#include "io/form/bid_form.hpp"
#include "io/form/bid_form_import.hpp"
#include "io/form/bid_form_layout.hpp"
#include "io/csv/bids_csv.hpp"
#include "io/csv/bids_csv_writer.hpp"
#include "io/xlsx/xlsx_reader.hpp"
#include "io/xlsx/xml_reader.hpp"
#include "support/files.hpp"
#include "support/rules_fixture.hpp"
#include "xlsx_test_files.hpp"

using namespace tl;
using namespace tl::io;
using namespace tl::xlsx_test;

namespace {

const char* const kRules = R"(tender {
  title: "Office chairs & desks"
  title_ru: "Офисные кресла и столы"
  reference: "FORM-1"
  currency: EUR
}
field price: money { name: "Price" name_ru: "Цена" description: "All-in price" evidence: "Price schedule" range: 0 .. 100000000 }
field recycled: percent { name: "Recycled content" range: 0 .. 100 }
field warranty: quantity(years) { name: "Warranty" range: 0 .. 20 }
field energy_class: enum(A, B, C) { name: "Energy class" }
field take_back: yesno { name: "Take-back" }
field delivery: date { name: "Delivery date" optional }
field address: text { name: "Service address" optional }
field repair_days: number { name: "Repair time, days" optional }
criterion price { kind: price weight: 100 % score: ratio_lowest(price) }
)";

class TempDir {
public:
    TempDir() {
        std::string pattern = "/tmp/tl_form_XXXXXX";
        REQUIRE(mkdtemp(pattern.data()) != nullptr);
        path_ = pattern;
    }
    ~TempDir() { (void)std::system(("rm -rf '" + path_ + "'").c_str()); }
    std::string file(const std::string& name) const { return path_ + "/" + name; }
    std::vector<std::string> files() const {
        std::vector<std::string> out;
        if (DIR* d = opendir(path_.c_str())) {
            while (dirent* e = readdir(d))
                if (std::string(e->d_name) != "." && std::string(e->d_name) != "..") out.push_back(e->d_name);
            closedir(d);
        }
        return out;
    }

private:
    std::string path_;
};

std::string make_form(const CriteriaSet& rules, const std::string& lot = "") {
    TempDir dir;
    const std::string path = dir.file("form.xlsx");
    std::string error;
    BidFormOptions options;
    options.lot = lot;
    INFO(error);
    REQUIRE(write_bid_form(rules, path, options, &error));
    return test::read_text(path);
}

XlsxSheet form_sheet(const std::string& bytes) {
    XlsxReadError e;
    auto wb = XlsxWorkbook::open(bytes, "form.xlsx", &e);
    INFO(e.text());
    REQUIRE(wb);
    auto s = wb->read_sheet(form::kFormSheet, &e);
    REQUIRE(s);
    return *s;
}

std::string text_at(const XlsxSheet& s, int row, int col) {
    const XlsxCell* c = s.cell(row, col);
    return c && c->kind == XlsxCellKind::Text ? c->text : "";
}

/// Row (1-based) of each key in the hidden column: "bidder", "lot", "submitted", field ids.
std::map<std::string, int> rows_by_key(const XlsxSheet& s) {
    std::map<std::string, int> rows;
    for (int r = 4; r <= s.last_row(); ++r) {
        std::string key = text_at(s, r, form::kColKey + 1);
        if (key.rfind("field:", 0) == 0) key = key.substr(6, key.find(':', 6) - 6);
        if (!key.empty()) rows[key] = r;
    }
    return rows;
}

struct Validation {
    std::string type, op, formula1, formula2;
};

/// The <dataValidation> elements of a sheet, by their cell (sqref).
struct ValidationReader : XmlHandler {
    std::map<std::string, Validation> by_cell;
    std::string current, *target = nullptr;
    void start(std::string_view name, const XmlAttributes& a) override {
        if (name == "dataValidation") {
            current = std::string(a.get("sqref").value_or(""));
            by_cell[current] = {std::string(a.get("type").value_or("")), std::string(a.get("operator").value_or("")), "", ""};
        } else if (name == "formula1") {
            target = &by_cell[current].formula1;
        } else if (name == "formula2") {
            target = &by_cell[current].formula2;
        }
    }
    void end(std::string_view name) override {
        if (name == "formula1" || name == "formula2") target = nullptr;
    }
    void text(std::string_view t) override {
        if (target) target->append(t);
    }
};

std::string sheet_xml(const std::string& bytes, const std::string& sheet) {
    XlsxReadError e;
    auto wb = XlsxWorkbook::open(bytes, "form.xlsx", &e);
    REQUIRE(wb);
    auto xml = wb->sheet_xml(sheet, &e);
    REQUIRE(xml);
    return *xml;
}

std::map<std::string, Validation> validations(const std::string& bytes) {
    ValidationReader r;
    REQUIRE(parse_xml(sheet_xml(bytes, form::kFormSheet), r).empty());
    return r.by_cell;
}

std::string answer_cell(int row) { return cell_reference(row, form::kColAnswer + 1); }

/// An answer as stored in a cell: its type attribute and content, e.g. {"t=\"inlineStr\"",
/// "<is><t>Acme</t></is>"} or {"", "<v>12</v>"}.
struct Answer {
    std::string type_attr, content;
};
Answer text(const std::string& t) { return {"t=\"inlineStr\"", "<is><t>" + t + "</t></is>"}; }
Answer number(const std::string& v) { return {"", "<v>" + v + "</v>"}; }
Answer boolean(bool b) { return {"t=\"b\"", std::string("<v>") + (b ? "1" : "0") + "</v>"}; }
Answer error_value(const std::string& e) { return {"t=\"e\"", "<v>" + e + "</v>"}; }

/// A copy of the form with `answers` (by cell name) put into the sheet "Bid", as a program would.
std::string fill(const std::string& form, const std::map<std::string, Answer>& answers) {
    Entries parts = unzip_all(form);
    std::string& xml = part(parts, "xl/worksheets/sheet2.xml");  // Instructions is sheet1
    for (const auto& [ref, a] : answers) {
        const std::regex cell("<c r=\"" + ref + "\"( s=\"\\d+\")?/>");
        std::smatch m;
        INFO("cell " << ref);
        REQUIRE(std::regex_search(xml, m, cell));
        xml.replace(static_cast<std::size_t>(m.position(0)), static_cast<std::size_t>(m.length(0)),
                    "<c r=\"" + ref + "\"" + m[1].str() + (a.type_attr.empty() ? "" : " " + a.type_attr) + ">" +
                        a.content + "</c>");
    }
    return make_zip(parts);
}

/// The messages of reading `bytes` as a form, without the file name.
std::vector<std::string> import_errors(const std::string& bytes, const CriteriaSet& rules) {
    std::vector<std::string> out;
    for (const auto& d : read_bid_form(bytes, "form.xlsx", rules).diagnostics) out.push_back(d.message);
    return out;
}

std::string csv_message(const CriteriaSet& rules, const std::string& field, const std::string& value) {
    std::string header = "bidder", row = "Acme";
    for (const auto& f : rules.fields) {
        header += "," + f.id;
        row += "," + (f.id == field ? "\"" + value + "\"" : std::string(f.optional ? "" : f.type == FieldType::Enum ? "A"
                                                                      : f.type == FieldType::YesNo  ? "yes"
                                                                                                    : "1"));
    }
    auto r = read_bids_csv(header + "\n" + row + "\n", "bids.csv", rules.fields, {});
    REQUIRE(r.diagnostics.size() == 1);
    const std::string& m = r.diagnostics[0].message;
    return m.substr(m.find("): ") + 3);
}

}  // namespace

TEST_CASE("bid form: sheets, rows and the hidden keys", "[form]") {
    const CriteriaSet rules = test::rules_from(kRules);
    const std::string bytes = make_form(rules);
    XlsxReadError e;
    auto wb = XlsxWorkbook::open(bytes, "form.xlsx", &e);
    REQUIRE(wb);
    CHECK(wb->sheet_names() == std::vector<std::string>{"Instructions", "Bid"});
    const XlsxSheet s = form_sheet(bytes);
    CHECK(text_at(s, 1, form::kColKey + 1) == form::kMarker);
    CHECK(text_at(s, 2, form::kColKey + 1) == "FORM-1");
    CHECK(text_at(s, 1, 1).find("Office chairs & desks") != std::string::npos);

    const auto rows = rows_by_key(s);
    std::vector<std::string> order;
    for (int r = 1; r <= s.last_row(); ++r)
        for (const auto& [k, row] : rows)
            if (row == r) order.push_back(k);
    CHECK(order == std::vector<std::string>{"bidder", "submitted", "price", "recycled", "warranty", "energy_class",
                                            "take_back", "delivery", "address", "repair_days"});
    const int price = rows.at("price");
    CHECK(text_at(s, price, form::kColId + 1) == "price");
    CHECK(text_at(s, price, form::kColItem + 1) == "Price\nЦена");
    CHECK(text_at(s, price, form::kColDescription + 1) == "All-in price");
    CHECK(text_at(s, price, form::kColUnit + 1) == "EUR\n0 \xE2\x80\x93 100 000 000");
    CHECK(text_at(s, price, form::kColEvidence + 1) == "Price schedule");
    CHECK(text_at(s, price, form::kColRequired + 1) == "required\nобязательно");
    CHECK(text_at(s, rows.at("delivery"), form::kColRequired + 1) == "optional\nнеобязательно");
    CHECK(text_at(s, price, form::kColKey + 1) == "field:price:money(EUR)");
    CHECK(text_at(s, rows.at("energy_class"), form::kColKey + 1) == "field:energy_class:enum(A,B,C)");
    CHECK(text_at(s, rows.at("recycled"), form::kColUnit + 1) == "%\n0 \xE2\x80\x93 100");

    // Instructions in both languages.
    auto inst = wb->read_sheet("Instructions", &e);
    REQUIRE(inst);
    std::string all;
    for (int r = 1; r <= inst->last_row(); ++r) all += text_at(*inst, r, 1) + "\n";
    CHECK(all.find("How to fill in this form") != std::string::npos);
    CHECK(all.find("Как заполнить форму") != std::string::npos);
    CHECK(all.find("Reference / Номер закупки: FORM-1") != std::string::npos);
}

TEST_CASE("bid form: data validation on every input cell, protection on every sheet", "[form]") {
    const CriteriaSet rules = test::rules_from(kRules);
    const std::string bytes = make_form(rules);
    const auto rows = rows_by_key(form_sheet(bytes));
    const auto v = validations(bytes);
    CHECK(v.size() == rows.size());  // one per answer row, none elsewhere
    auto at = [&](const std::string& key) {
        INFO(key);
        REQUIRE(v.count(answer_cell(rows.at(key))));
        return v.at(answer_cell(rows.at(key)));
    };
    CHECK(at("bidder").type == "textLength");
    CHECK(at("submitted").type == "date");
    CHECK(at("price").type == "decimal");
    CHECK(at("price").formula1 == "0");
    CHECK(at("price").formula2 == "100000000");
    CHECK(at("recycled").type == "decimal");  // entered as the number of percent, as in the CSV
    CHECK(at("recycled").formula2 == "100");
    CHECK(at("warranty").formula2 == "20");
    CHECK(at("energy_class").type == "list");
    CHECK(at("energy_class").formula1 == "\"A,B,C\"");
    CHECK(at("take_back").formula1 == "\"yes,no\"");
    CHECK(at("delivery").type == "date");
    CHECK(at("address").type == "textLength");
    CHECK(at("repair_days").type == "decimal");

    for (const char* sheet : {"Instructions", "Bid"}) {
        INFO(sheet);
        CHECK(sheet_xml(bytes, sheet).find("<sheetProtection sheet=\"1\"") != std::string::npos);
        CHECK(sheet_xml(bytes, sheet).find("password") == std::string::npos);
    }
    const std::string bid = sheet_xml(bytes, "Bid");
    CHECK(bid.find("<pageSetup paperSize=\"9\"") != std::string::npos);
    CHECK(bid.find("orientation=\"landscape\"") != std::string::npos);
    CHECK(bid.find("<pane ySplit=") != std::string::npos);  // the header row stays in view
    CHECK(bid.find("hidden=\"1\"") != std::string::npos);    // the key column
}

TEST_CASE("bid form: long lists go to a hidden sheet and lots get a list too", "[form]") {
    std::string many;
    for (int i = 0; i < 60; ++i) many += (i ? ", " : "") + std::string("member_") + std::to_string(i);
    const CriteriaSet rules = test::rules_from(
        "tender { title: \"Lots\" reference: \"L-1\" currency: EUR lot north: \"North\" lot south: \"South\" }\n"
        "field price: money { name: \"Price\" }\n"
        "field variant: enum(" + many + ") { name: \"Kind\" }\n"
        "criterion price { kind: price weight: 100 % score: ratio_lowest(price) }\n");
    const std::string bytes = make_form(rules);
    XlsxReadError e;
    auto wb = XlsxWorkbook::open(bytes, "form.xlsx", &e);
    REQUIRE(wb);
    CHECK(wb->sheet_names() == std::vector<std::string>{"Instructions", "Bid", "Lists"});
    const auto rows = rows_by_key(form_sheet(bytes));
    const auto v = validations(bytes);
    CHECK(v.at(answer_cell(rows.at("variant"))).formula1 == "Lists!$A$1:$A$60");
    CHECK(v.at(answer_cell(rows.at("lot"))).formula1 == "\"north,south\"");

    SECTION("a form for one lot has the lot written in, and imports it") {
        const std::string north = make_form(rules, "south");
        const XlsxSheet s = form_sheet(north);
        const int lot_row = rows_by_key(s).at("lot");
        CHECK(text_at(s, lot_row, form::kColAnswer + 1) == "south");
        CHECK(validations(north).count(answer_cell(lot_row)) == 0);
        const auto r = rows_by_key(s);
        auto result = read_bid_form(fill(north, {{answer_cell(r.at("bidder")), text("Acme")},
                                                 {answer_cell(r.at("price")), number("100")},
                                                 {answer_cell(r.at("variant")), text("member_59")}}),
                                    "form.xlsx", rules);
        INFO(format_diagnostics(result.diagnostics));
        REQUIRE(result.ok());
        CHECK(result.bid.lot == "south");
        CHECK(result.bid.values[1] == 59);
    }
    SECTION("a lot the form was not made for") {
        std::string north = make_form(rules, "north");
        const auto r = rows_by_key(form_sheet(north));
        Entries parts = unzip_all(north);
        std::string& xml = part(parts, "xl/worksheets/sheet2.xml");
        // Someone edits the locked cell in another program.
        const std::string lot_cell = answer_cell(r.at("lot"));
        const std::regex cell("<c r=\"" + lot_cell + "\"[^>]*>.*?</c>");
        xml = std::regex_replace(xml, cell, "<c r=\"" + lot_cell + "\" t=\"inlineStr\"><is><t>south</t></is></c>");
        const auto errors = import_errors(fill(make_zip(parts), {{answer_cell(r.at("bidder")), text("Acme")},
                                                                  {answer_cell(r.at("price")), number("100")},
                                                                  {answer_cell(r.at("variant")), text("member_1")}}),
                                          rules);
        REQUIRE(errors.size() == 1);
        CHECK(errors[0] == "sheet 'Bid', cell " + lot_cell + " (lot): the form was made for lot 'north', but the cell says 'south'");
    }
}

TEST_CASE("bid form: numbers are written with a decimal point under a Russian locale", "[form]") {
    // scripts/setup generates ru_RU.UTF-8; a missing locale must fail the test, not skip it.
    const std::string saved = std::setlocale(LC_ALL, nullptr);
    INFO("the ru_RU.UTF-8 locale is missing: run scripts/setup (it generates the locale)");
    REQUIRE(std::setlocale(LC_ALL, "ru_RU.UTF-8") != nullptr);
    CriteriaSet rules;
    std::string bytes;
    {
        rules = test::rules_from(
            "tender { title: \"Locale\" reference: \"LC-1\" currency: EUR }\n"
            "field share: percent { name: \"Share\" range: 0.5 .. 99.5 }\n"
            "field price: money { name: \"Price\" range: 0.25 .. 1000000.5 }\n"
            "criterion price { kind: price weight: 100 % score: ratio_lowest(price) }\n");
        bytes = make_form(rules);
    }
    std::setlocale(LC_ALL, saved.c_str());
    const auto rows = rows_by_key(form_sheet(bytes));
    const auto v = validations(bytes);
    CHECK(v.at(answer_cell(rows.at("share"))).formula1 == "0.5");
    CHECK(v.at(answer_cell(rows.at("share"))).formula2 == "99.5");
    CHECK(v.at(answer_cell(rows.at("price"))).formula1 == "0.25");
    CHECK(v.at(answer_cell(rows.at("price"))).formula2 == "1000000.5");
    CHECK(sheet_xml(bytes, "Bid").find("width=\"12,") == std::string::npos);
}

TEST_CASE("bid form: a failed write leaves no file", "[form]") {
    const CriteriaSet good = test::rules_from(kRules);
    std::string error;
    CHECK_FALSE(write_bid_form(good, "/nonexistent-folder/form.xlsx", {}, &error));
    CHECK(error.find("cannot create a temporary file in /nonexistent-folder") != std::string::npos);

    TempDir dir;
    CriteriaSet bad = good;
    bad.fields[0].name = "Price \xFF";  // not UTF-8: spreadsheet programs would drop later strings
    error.clear();
    CHECK_FALSE(write_bid_form(bad, dir.file("form.xlsx"), {}, &error));
    CHECK(error.find("is not valid UTF-8") != std::string::npos);
    CHECK(dir.files().empty());  // neither the form nor a temporary file

    BidFormOptions lot;
    lot.lot = "west";
    CHECK_FALSE(write_bid_form(good, dir.file("form.xlsx"), lot, &error));
    CHECK(error == "the tender has no lot 'west'");
    CHECK(dir.files().empty());
}

TEST_CASE("bid form import: every field type, in the spellings spreadsheets store", "[form]") {
    const CriteriaSet rules = test::rules_from(kRules);
    const std::string form = make_form(rules);
    const auto r = rows_by_key(form_sheet(form));
    auto cell = [&](const std::string& key) { return answer_cell(r.at(key)); };

    SECTION("numbers, lists and dates as Excel stores them") {
        const auto result = read_bid_form(fill(form, {{cell("bidder"), text("  =HYPERLINK(\"x\") ООО  ")},
                                                      {cell("submitted"), number("46083.4270833333")},
                                                      {cell("price"), number("12000000.5")},
                                                      {cell("recycled"), number("40")},
                                                      {cell("warranty"), number("5")},
                                                      {cell("energy_class"), text("b")},
                                                      {cell("take_back"), text("да")},
                                                      {cell("delivery"), number("46113")},
                                                      {cell("address"), text("Nevsky 1")},
                                                      {cell("repair_days"), number("3")}}),
                                          "form.xlsx", rules);
        INFO(format_diagnostics(result.diagnostics));
        REQUIRE(result.ok());
        const Bid& b = result.bid;
        CHECK(b.bidder == "=HYPERLINK(\"x\") ООО");  // trimmed; kept as text (the CSV writer guards it)
        CHECK(b.submitted == "2026-03-02T10:15:00");
        CHECK(b.values[0] == 12000000.5);
        CHECK(b.values[1] == 0.4);  // exactly what the CSV gives for "40"
        CHECK(b.values[2] == 5);
        CHECK(b.values[3] == 1);
        CHECK(b.values[4] == 1);
        CHECK(format_iso_date(static_cast<int>(b.values[5])) == "2026-04-01");
        CHECK(b.texts[6] == "Nevsky 1");
        CHECK(b.values[7] == 3);
    }
    SECTION("numbers stored as text, booleans, a percent-formatted cell, text dates") {
        const auto result = read_bid_form(fill(form, {{cell("bidder"), text("Acme")},
                                                      {cell("submitted"), text("02.03.2026 10:15")},
                                                      {cell("price"), text("12 000 000,50")},
                                                      {cell("recycled"), text("40 %")},
                                                      {cell("warranty"), text("5 years")},
                                                      {cell("energy_class"), text("C")},
                                                      {cell("take_back"), boolean(false)},
                                                      {cell("delivery"), text("01.04.2026")}}),
                                          "form.xlsx", rules);
        INFO(format_diagnostics(result.diagnostics));
        REQUIRE(result.ok());
        const Bid& b = result.bid;
        CHECK(b.submitted == "2026-03-02T10:15:00");
        CHECK(b.values[0] == 12000000.5);
        CHECK(b.values[1] == 0.4);
        CHECK(b.values[2] == 5);
        CHECK(b.values[3] == 2);
        CHECK(b.values[4] == 0);
        CHECK(format_iso_date(static_cast<int>(b.values[5])) == "2026-04-01");
        CHECK(std::isnan(b.values[7]));  // optional, not stated
    }
}

TEST_CASE("bid form import: dates of a workbook in the 1904 date system", "[form]") {
    // Old Mac Excel counts days from 1904-01-01: the same date has a serial 1462 days smaller.
    const CriteriaSet rules = test::rules_from(kRules);
    const std::string form = make_form(rules);
    const auto r = rows_by_key(form_sheet(form));
    Entries parts = unzip_all(fill(form, {{answer_cell(r.at("bidder")), text("Acme")},
                                          {answer_cell(r.at("submitted")), number("44621.5")},
                                          {answer_cell(r.at("price")), number("100")},
                                          {answer_cell(r.at("recycled")), number("40")},
                                          {answer_cell(r.at("warranty")), number("5")},
                                          {answer_cell(r.at("energy_class")), text("A")},
                                          {answer_cell(r.at("take_back")), text("yes")},
                                          {answer_cell(r.at("delivery")), number("44651")}}));
    std::string& workbook = part(parts, "xl/workbook.xml");
    const auto at = workbook.find("<workbookPr");
    REQUIRE(at != std::string::npos);
    workbook.insert(at + std::string("<workbookPr").size(), " date1904=\"1\"");
    const auto result = read_bid_form(make_zip(parts), "form.xlsx", rules);
    INFO(format_diagnostics(result.diagnostics));
    REQUIRE(result.ok());
    CHECK(result.bid.submitted == "2026-03-02T12:00:00");
    CHECK(format_iso_date(static_cast<int>(result.bid.values[5])) == "2026-04-01");
}

TEST_CASE("bid form import: problems name the cell and say what the CSV reader says", "[form]") {
    const CriteriaSet rules = test::rules_from(kRules);
    const std::string form = make_form(rules);
    const auto r = rows_by_key(form_sheet(form));
    auto cell = [&](const std::string& key) { return answer_cell(r.at(key)); };
    const std::map<std::string, Answer> valid{{cell("bidder"), text("Acme")},      {cell("price"), number("100")},
                                              {cell("recycled"), number("40")},    {cell("warranty"), number("5")},
                                              {cell("energy_class"), text("A")},   {cell("take_back"), text("yes")}};
    auto with = [&](const std::string& key, Answer a) {
        auto answers = valid;
        answers[cell(key)] = std::move(a);
        return import_errors(fill(form, answers), rules);
    };
    auto one = [&](const std::string& key, Answer a) {
        const auto errors = with(key, std::move(a));
        INFO(key);
        REQUIRE(errors.size() == 1);
        const std::string prefix = "sheet 'Bid', cell " + cell(key) + " (" + key + "): ";
        REQUIRE(errors[0].rfind(prefix, 0) == 0);
        return errors[0].substr(prefix.size());
    };
    CHECK(import_errors(fill(form, valid), rules).empty());

    // The same words as the bids CSV for the same text.
    for (const auto& [key, value] : std::vector<std::pair<std::string, std::string>>{
             {"price", "12k"}, {"price", "1,2E+07"}, {"price", "12,000,000"}, {"recycled", "forty"},
             {"energy_class", "D"}, {"take_back", "maybe"}, {"delivery", "31.02.2026"}, {"delivery", "soon"}}) {
        INFO(key << " = " << value);
        CHECK(one(key, text(value)) == csv_message(rules, key, value));
    }
    CHECK(one("price", number("-5")) == csv_message(rules, "price", "-5"));
    CHECK(one("recycled", number("150")) == csv_message(rules, "recycled", "150"));
    CHECK(one("warranty", number("21")) == "'21' is out of range: the allowed range is 0 .. 20 years");
    CHECK(one("recycled", number("150")) == "'150' is out of range: the allowed range is 0 .. 100 %");
    CHECK(one("price", Answer{}) == csv_message(rules, "price", ""));
    CHECK(one("price", error_value("#VALUE!")) == "the cell holds the error value #VALUE!; enter the answer itself");
    CHECK(one("energy_class", number("2")) == "'2' is not one of A, B, C");
    CHECK(one("price", boolean(true)) == "'TRUE' is not a value of this field");
    CHECK(one("bidder", text("   ")) == "missing bidder name");
    CHECK(one("bidder", text("Acme\xE2\x80\x8B")) ==
          "the bidder's name 'Acme<U+200B>' has the invisible character U+200B (ZERO WIDTH SPACE) at position 5; delete it: "
          "it makes one name look like another");
    {
        // A word mixing alphabets is a warning: the bid is read.
        auto answers = valid;
        answers[cell("bidder")] = text("\xD0\x90" "cme");
        const auto result = read_bid_form(fill(form, answers), "form.xlsx", rules);
        CHECK(result.ok());
        REQUIRE(result.diagnostics.size() == 1);
        CHECK(result.diagnostics[0].severity == Severity::Warning);
        CHECK(result.diagnostics[0].what.code == "io.names.mixed-script");
        CHECK(result.diagnostics[0].pos.cell == cell("bidder"));
    }
    CHECK(one("submitted", text("yesterday")).find("'yesterday' is not a date or date-time") == 0);
    CHECK(one("delivery", number("-3")) == "'-3' is not a date (write 2026-03-01 or 01.03.2026)");

    SECTION("all problems of a form are reported, in order") {
        auto answers = valid;
        answers[cell("price")] = text("abc");
        answers[cell("take_back")] = text("perhaps");
        const auto errors = import_errors(fill(form, answers), rules);
        REQUIRE(errors.size() == 2);
        CHECK(errors[0].find("(price)") != std::string::npos);
        CHECK(errors[1].find("(take_back)") != std::string::npos);
    }
}

TEST_CASE("bid form import: forms for other rules, and workbooks that are not forms", "[form]") {
    const CriteriaSet rules = test::rules_from(kRules);
    const std::string form = make_form(rules);
    auto errors_with = [&](const std::string& rules_text) { return import_errors(form, test::rules_from(rules_text)); };
    const std::string head = "tender { title: \"x\" title_ru: \"y\" reference: \"FORM-1\" currency: EUR }\n";
    const std::string tail = "criterion price { kind: price weight: 100 % score: ratio_lowest(price) }\n";

    SECTION("another tender") {
        std::string other = kRules;
        other.replace(other.find("FORM-1"), 6, "FORM-2");
        const auto errors = errors_with(other);
        REQUIRE(errors.size() == 1);
        CHECK(errors[0] == "the form was made for the tender 'FORM-1', but the rules are for 'FORM-2'; use the rules of "
                           "that tender, or make a new form");
    }
    SECTION("other fields") {
        const auto errors = errors_with(head +
                                        "field price: money { name: \"Price\" }\n"
                                        "field recycled: number { name: \"Recycled\" }\n"
                                        "field energy_class: enum(A, B) { name: \"Class\" }\n"
                                        "field colour: text { name: \"Colour\" }\n" +
                                        tail);
        REQUIRE(errors.size() == 1);
        CHECK(errors[0] ==
              "the form was made for other rules: the field 'recycled' is percent in the form but number in the rules; "
              "the field 'energy_class' is enum(A,B,C) in the form but enum(A,B) in the rules; the form does not ask "
              "for the field 'colour'; the form asks for 'address', which the rules do not declare; the form asks for "
              "'delivery', which the rules do not declare; the form asks for 'repair_days', which the rules do not "
              "declare; the form asks for 'take_back', which the rules do not declare; the form asks for 'warranty', "
              "which the rules do not declare. Make a new form with 'tenderloop form' from these rules");
    }
    SECTION("a workbook that is not a form") {
        const auto errors = import_errors(make_zip(workbook_parts("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>")), rules);
        REQUIRE(errors.size() == 1);
        CHECK(errors[0] == "this workbook is not a TenderLoop bid form (no sheet carries the form's marker in column H); "
                           "bidders must fill in the form made by 'tenderloop form'");
    }
    SECTION("a form of a later format") {
        Entries parts = unzip_all(form);
        std::string& xml = part(parts, "xl/sharedStrings.xml");
        xml.replace(xml.find(form::kMarker), std::string(form::kMarker).size(), "tenderloop-bid-form 2");
        const auto errors = import_errors(make_zip(parts), rules);
        REQUIRE(errors.size() == 1);
        CHECK(errors[0] == "sheet 'Bid': the form was made by another version of TenderLoop ('tenderloop-bid-form "
                           "2'); make a new form with 'tenderloop form'");
    }
    SECTION("not a workbook at all") {
        const auto result = read_bid_form("bidder,price\n", "bids.xlsx", rules);
        REQUIRE(result.diagnostics.size() == 1);
        CHECK(format_diagnostics(result.diagnostics) ==
              "bids.xlsx: error: this is not an Excel workbook (.xlsx): it is not a zip archive\n");
    }
}

TEST_CASE("bids CSV written from forms: reads back to the same bids, text guarded", "[form]") {
    CHECK(plain_number(12000000) == "12000000");
    CHECK(plain_number(12000000.5) == "12000000.5");
    CHECK(plain_number(0.07 * 100) == "7");  // 7.000000000000001 in doubles
    CHECK(plain_number(-0.25) == "-0.25");
    CHECK(plain_number(1e20) == "100000000000000000000");
    CHECK(plain_number(0.000123) == "0.000123");

    const CriteriaSet rules = test::rules_from(kRules);
    BidTable table;
    table.fields = rules.fields;
    Bid b;
    b.bidder = "=HYPERLINK(\"http://x\",\"y\")";
    b.submitted = "2026-03-02T10:15:00";
    b.values = {12000000.5, 0.07, 5, 2, 0, 20544, std::nan(""), std::nan("")};
    b.texts = {"", "", "", "", "", "", "+cmd|' /C calc'!A0", ""};
    table.bids.push_back(b);
    const std::string csv = format_bids_csv(table, false);
    CHECK(csv ==
          "bidder,submitted,price,recycled,warranty,energy_class,take_back,delivery,address,repair_days\n"
          "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",2026-03-02T10:15:00,12000000.5,7,5,C,no,2026-04-01,'+cmd|' /C "
          "calc'!A0,\n");
    const auto back = read_bids_csv(csv, "bids.csv", rules.fields, {});
    INFO(format_diagnostics(back.diagnostics));
    REQUIRE(back.ok());
    const Bid& r = back.table.bids.at(0);
    CHECK(r.bidder == b.bidder);  // the guard's apostrophe is removed again
    CHECK(r.texts[6] == b.texts[6]);
    CHECK(r.values[0] == b.values[0]);
    CHECK(r.values[1] == b.values[1]);
    CHECK(r.values[5] == 20544);
    CHECK(std::isnan(r.values[7]));
}

TEST_CASE("bid form: the committee's scores are not asked of bidders", "[form]") {
    CriteriaSet rules = test::rules_from(kRules);
    FieldDecl quality;
    quality.id = "design";
    quality.type = FieldType::Number;
    quality.optional = true;
    quality.committee = true;  // the consensus score of a criterion the committee scores
    rules.fields.push_back(quality);
    const std::string form = make_form(rules);
    const auto r = rows_by_key(form_sheet(form));
    CHECK(r.count("design") == 0);
    const auto result = read_bid_form(fill(form, {{answer_cell(r.at("bidder")), text("Acme")},
                                                  {answer_cell(r.at("price")), number("100")},
                                                  {answer_cell(r.at("recycled")), number("40")},
                                                  {answer_cell(r.at("warranty")), number("5")},
                                                  {answer_cell(r.at("energy_class")), text("A")},
                                                  {answer_cell(r.at("take_back")), text("yes")}}),
                                      "form.xlsx", rules);
    INFO(format_diagnostics(result.diagnostics));
    REQUIRE(result.ok());
    CHECK(std::isnan(result.bid.values.back()));
    BidTable table;
    table.fields = rules.fields;
    table.bids.push_back(result.bid);
    CHECK(format_bids_csv(table, false).find("design") == std::string::npos);
}

TEST_CASE("bid form import: problems carry a code and the sheet, cell, field and bidder as values", "[form][i18n]") {
    const CriteriaSet rules = test::rules_from(kRules);
    const std::string form = make_form(rules);
    const auto r = rows_by_key(form_sheet(form));
    auto cell = [&](const std::string& key) { return answer_cell(r.at(key)); };
    const auto result = read_bid_form(fill(form, {{cell("bidder"), text("Acme")},
                                                  {cell("price"), text("twelve")},
                                                  {cell("recycled"), number("40")},
                                                  {cell("warranty"), number("5")},
                                                  {cell("energy_class"), text("A")},
                                                  {cell("take_back"), text("yes")}}),
                                      "form.xlsx", rules);
    REQUIRE(result.diagnostics.size() == 1);
    const Diagnostic& d = result.diagnostics[0];
    CHECK(d.what.code == "io.cell.not-a-number");
    CHECK(d.pos.file == "form.xlsx");
    CHECK(d.pos.line == 0);  // a form has sheets and cells, not lines
    CHECK(d.pos.sheet == "Bid");
    CHECK(d.pos.cell == cell("price"));
    CHECK(d.pos.field == "price");
    CHECK(d.pos.bidder == "Acme");
    CHECK(d.message == "sheet 'Bid', cell " + cell("price") + " (price): 'twelve' is not a number in EUR");
    CHECK(word(d.what) == d.message);

    // A workbook that is not one: a code too.
    const auto not_xlsx = read_bid_form("<html></html>", "form.xlsx", rules);
    REQUIRE(not_xlsx.diagnostics.size() == 1);
    CHECK(not_xlsx.diagnostics[0].what.code == "io.xlsx.text-file");
    CHECK(not_xlsx.diagnostics[0].message == "this is a text or XML file, not an Excel workbook (.xlsx)");
}
