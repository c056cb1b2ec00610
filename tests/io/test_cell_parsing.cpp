// Unit tests of the pieces under read_bids_csv: number spellings, timestamps, the tokenizer and
// the UTF-8 helpers.
#include <catch2/catch.hpp>

#include "io/cells/cell_parsing.hpp"
#include "io/csv/csv_tokenizer.hpp"
#include "io/common/text_utils.hpp"

using namespace tl;
using namespace tl::io;

namespace {

std::optional<double> number(const std::string& s) { return parse_decimal(s, nullptr); }

std::string number_error(const std::string& s) {
    std::string e;
    CHECK_FALSE(parse_decimal(s, &e));
    return e;
}

FieldDecl field(FieldType type, Unit unit = {}) {
    FieldDecl f;
    f.id = "x";
    f.type = type;
    f.unit = unit;
    return f;
}

}  // namespace

TEST_CASE("decimal numbers in the spellings spreadsheets export", "[cell_parsing]") {
    CHECK(number("12000000") == 12000000.0);
    CHECK(number("12 000 000,50") == 12000000.5);
    CHECK(number("12\xC2\xA0"
                 "000\xC2\xA0"
                 "000,50") == 12000000.5);  // U+00A0
    CHECK(number("12\xE2\x80\xAF"
                 "000\xE2\x80\xAF"
                 "000,50") == 12000000.5);  // U+202F
    CHECK(number("12\xE2\x80\x89"
                 "000") == 12000.0);  // U+2009
    CHECK(number("12,000,000.50") == 12000000.5);
    CHECK(number("12.000.000,50") == 12000000.5);
    CHECK(number("1,5") == 1.5);
    CHECK(number("1,234") == 1.234);  // a lone comma is a decimal comma
    CHECK(number("-7,25") == -7.25);
    CHECK(number("+3") == 3.0);
    CHECK(number(",5") == 0.5);
    CHECK(number("0.1") == 0.1);
    CHECK(number("-0") == 0.0);
    CHECK(std::signbit(*number("-0")) == false);
    CHECK(number("123 456 789 012,345678") == 123456789012.345678);
}

TEST_CASE("things that are not numbers", "[cell_parsing]") {
    for (const char* s : {"",
                          "-",
                          "abc",
                          "12k",
                          "nan",
                          "NaN",
                          "inf",
                          "-Infinity",
                          "0x10",
                          "1/2",
                          "12-",
                          "1..2",
                          "12,",
                          "12.",
                          "12 000,5.5",
                          "--1",
                          "- 1",
                          "1 2",
                          "12  000",
                          "1'000",
                          "\xE2\x88\x92"
                          "5"}) {
        INFO(s);
        CHECK_FALSE(number(s));
    }
    CHECK(number_error("12k") == "'12k' is not a number");
    CHECK(number_error("1e400") ==
          "'1e400' is in scientific notation; write the number out in full (Excel exports 1,2E+07 when "
          "a column is too narrow, and digits are lost)");
    CHECK(number_error("1,2E+07") == number_error("1,2E+07"));
    CHECK(number_error("12.000.000") ==
          "'12.000.000' is not a number: '.' appears more than once; write 12000000 or 12 000 000,50");
    CHECK(number_error("1 2") ==
          "'1 2' is not a number: digits between thousands separators must come in groups of three");
    CHECK(number_error(std::string(400, '9')) ==
          "'" + std::string(60, '9') + "\xE2\x80\xA6' is outside the range of numbers TenderLoop can hold");
}

TEST_CASE("numeric cells: unit suffixes and percentages", "[cell_parsing]") {
    const FieldDecl money = field(FieldType::Money, Unit::atom("RUB"));
    const FieldDecl years = field(FieldType::Quantity, Unit::atom("years"));
    const FieldDecl rate = field(FieldType::Quantity, *parse_unit("RUB/kWh"));
    const FieldDecl percent = field(FieldType::Percent, Unit::percent_unit());
    const FieldDecl plain = field(FieldType::Number);
    std::string e;
    CHECK(parse_numeric_cell(money, "12000000 RUB", &e) == 12000000.0);
    CHECK(parse_numeric_cell(money, "12 000 000,50\xC2\xA0RUB", &e) == 12000000.5);
    CHECK(parse_numeric_cell(money, "100rub", &e) == 100.0);
    CHECK(parse_numeric_cell(years, "5 years", &e) == 5.0);
    CHECK_FALSE(parse_numeric_cell(years, "5 YEARS", &e));  // physical units keep their case
    CHECK(e == "'5 YEARS' is not a number in years");
    CHECK(parse_numeric_cell(rate, "0,12 RUB/kWh", &e) == 0.12);
    CHECK_FALSE(parse_numeric_cell(plain, "5 RUB", &e));
    CHECK(e == "'5 RUB' is not a number");
    CHECK(parse_numeric_cell(percent, "40", &e) == 0.4);
    CHECK(parse_numeric_cell(percent, "40 %", &e) == 0.4);
    CHECK(parse_numeric_cell(percent, "40%", &e) == 0.4);
    CHECK(parse_numeric_cell(percent, "12,5 %", &e) == 0.125);
    CHECK_FALSE(parse_numeric_cell(percent, "%", &e));
    CHECK(e == "'%' is not a percentage (write 40 or 40 %)");
    CHECK_FALSE(parse_numeric_cell(percent, "40 %%", &e));
}

TEST_CASE("yes/no spellings", "[cell_parsing]") {
    for (const char* s :
         {"yes", "YES", "Y", "true", "True", "1", "\xD0\xB4\xD0\xB0", "\xD0\x94\xD0\x90", "\xD0\x94\xD0\xB0"})
        CHECK(parse_yes_no(s) == 1.0);
    for (const char* s :
         {"no", "No", "n", "FALSE", "0", "\xD0\xBD\xD0\xB5\xD1\x82", "\xD0\x9D\xD0\x95\xD0\xA2"})
        CHECK(parse_yes_no(s) == 0.0);
    for (const char* s : {"", "2", "yes!", "ja", "\xD0\xB4"}) CHECK_FALSE(parse_yes_no(s));
}

TEST_CASE("timestamps", "[cell_parsing]") {
    auto ts = [](const std::string& s) {
        std::string e;
        auto t = parse_timestamp(s, &e);
        return t ? t->text : "error: " + e;
    };
    CHECK(ts("2026-03-01") == "2026-03-01T00:00:00");
    CHECK(ts("2026-03-01T10:15:00") == "2026-03-01T10:15:00");
    CHECK(ts("2026-03-01 10:15") == "2026-03-01T10:15:00");
    CHECK(ts("2026-03-01t10:15:07") == "2026-03-01T10:15:07");
    CHECK(ts("01.03.2026 10:15") == "2026-03-01T10:15:00");
    CHECK(ts("2026-03-01T10:15Z") == "2026-03-01T10:15:00Z");
    CHECK(ts("2026-03-01T10:15:00+03:00") == "2026-03-01T07:15:00Z");
    CHECK(ts("2026-03-01T10:15:00-0530") == "2026-03-01T15:45:00Z");
    CHECK(ts("2026-12-31T23:30-01") == "2027-01-01T00:30:00Z");
    CHECK(ts("1970-01-01T01:00+02:00") == "1969-12-31T23:00:00Z");
    // Fractions of a second (issue 14) are kept as written, after the seconds and before the zone.
    CHECK(ts("2026-03-01T10:15:00.5") == "2026-03-01T10:15:00.5");
    CHECK(ts("2027-02-01T10:00:00.250Z") == "2027-02-01T10:00:00.250Z");
    CHECK(ts("2027-02-01T12:00:00.123456789+02:00") == "2027-02-01T10:00:00.123456789Z");
    for (const char* bad :
         {"", "2026-03-01T", "2026-03-01T10", "2026-03-01T10:5", "2026-03-01T10:15:0",
          "2026-03-01T10:15:00.", "2026-03-01T10:15.5", "2026-03-01T10:15:00.1234567890", "2026-03-01T10:15:00.5x",
          "2026-03-01T10:15+3", "2026-03-01T10:15 +03:00", "2026-03-01T10:60",
          "2026-03-01T24:00", "2026-13-01", "tomorrow", "2026-03-01T10:15+24:00"}) {
        INFO(bad);
        CHECK(ts(bad).rfind("error: ", 0) == 0);
    }
}

TEST_CASE("separator detection counts outside quotes", "[csv_tokenizer]") {
    CHECK(detect_separator("bidder,price\n") == ',');
    CHECK(detect_separator("bidder;price;x\n1,5;2,5;3,5") == ';');
    CHECK(detect_separator("bidder\tprice\n") == '\t');
    CHECK(detect_separator("\"a;b;c\",price,x\n") == ',');
    CHECK(detect_separator("\n\n  \nbidder;price\n") == ';');
    CHECK(detect_separator("bidder\n") == ',');
    CHECK(detect_separator("a,b;c\n") == ';');  // a tie prefers ';' over ','
}

TEST_CASE("tokenizer: records, cells, quotes and physical rows", "[csv_tokenizer]") {
    auto t = tokenize_csv("a;\"b;\"\"c\"\"\"; d \r\n\"x\ny\";2\n\n;", ';');
    REQUIRE(t.records.size() == 4);
    CHECK(t.records[0].row == 1);
    REQUIRE(t.records[0].cells.size() == 3);
    CHECK(t.records[0].cells[1].text == "b;\"c\"");
    CHECK(t.records[0].cells[1].quoted);
    CHECK(t.records[0].cells[2].text == " d ");
    CHECK(t.records[1].row == 2);
    CHECK(t.records[1].cells[0].text == "x\ny");
    CHECK(t.records[2].row == 4);
    CHECK(t.records[2].cells.size() == 1);
    CHECK(t.records[3].row == 5);
    CHECK(t.records[3].cells.size() == 2);

    auto spaced = tokenize_csv("a; \"b;c\" ;d", ';');
    REQUIRE(spaced.records.size() == 1);
    CHECK(spaced.records[0].cells[1].text == "b;c");
    CHECK_FALSE(spaced.records[0].cells[1].problem);

    auto open = tokenize_csv("a,\"b\nc", ',');
    REQUIRE(open.records.size() == 1);
    CHECK(open.records[0].unterminated);
    CHECK(open.records[0].cells[1].problem);
}

TEST_CASE("UTF-8 helpers", "[text_utils]") {
    CHECK_FALSE(find_invalid_utf8("plain \xD0\xB4\xD0\xB0 \xE2\x82\xAC \xF0\x9F\x99\x82"));
    CHECK(find_invalid_utf8("ab\xC0\x80") == 2u);         // overlong
    CHECK(find_invalid_utf8("\xED\xA0\x80") == 0u);       // surrogate
    CHECK(find_invalid_utf8("x\xF4\x90\x80\x80") == 1u);  // above U+10FFFF
    CHECK(find_invalid_utf8("\xD0") == 0u);               // truncated
    CHECK(find_invalid_utf8("ok\x80") == 2u);             // stray continuation
    CHECK(trim_spaces("\xC2\xA0 a b\xE2\x80\xAF\t") == "a b");
    CHECK(trim_spaces(" \xC2\xA0 ") == "");
    CHECK(utf8_lower("\xD0\x94\xD0\x90 \xD0\xAF \xD0\x81 ABC") == "\xD0\xB4\xD0\xB0 \xD1\x8F \xD1\x91 abc");
    CHECK(edit_distance("prise", "price") == 1);
    CHECK(edit_distance("\xD1\x86\xD0\xB5\xD0\xBD\xD0\xB0", "\xD1\x86\xD0\xB5\xD0\xBD\xD1\x8B") ==
          1);  // цена/цены
    CHECK(shorten_for_message("abcdef", 3) == "abc\xE2\x80\xA6");
    CHECK(shorten_for_message("abc", 3) == "abc");
}
