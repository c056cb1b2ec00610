// End-to-end tests of read_bids_csv: the dialects spreadsheets export, and every error with the
// row and column a procurement officer needs to find it.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "core/input_file.hpp"
#include "io/csv/bids_csv.hpp"
#include "io/csv/csv_tokenizer.hpp"

using namespace tl;

namespace {

FieldDecl field(const std::string& id, FieldType type, Unit unit = {}) {
    FieldDecl f;
    f.id = id;
    f.type = type;
    f.unit = unit;
    return f;
}

/// The tyre tender of docs/LANGUAGE.md plus optional fields of the other types.
std::vector<FieldDecl> tyre_fields() {
    FieldDecl price = field("price", FieldType::Money, Unit::atom("RUB"));
    price.name = "Contract price";
    price.range_lo = 0;
    price.range_hi = 100000000;
    FieldDecl retreaded = field("retreaded", FieldType::Percent, Unit::percent_unit());
    retreaded.range_lo = 0;
    retreaded.range_hi = 1;
    FieldDecl noise = field("noise", FieldType::Enum);
    noise.members = {"A", "B", "C"};
    FieldDecl take_back = field("take_back", FieldType::YesNo);
    FieldDecl warranty = field("warranty", FieldType::Quantity, Unit::atom("years"));
    warranty.optional = true;
    FieldDecl delivery = field("delivery", FieldType::Date);
    delivery.optional = true;
    FieldDecl comment = field("comment", FieldType::Text);
    comment.optional = true;
    return {price, retreaded, noise, take_back, warranty, delivery, comment};
}

constexpr int kPrice = 0, kRetreaded = 1, kNoise = 2, kTakeBack = 3, kWarranty = 4, kDelivery = 5,
              kComment = 6;

CsvReadResult read(const std::string& text, const std::vector<std::string>& lots = {}) {
    return read_bids_csv(text, "bids.csv", tyre_fields(), lots);
}

std::string all_messages(const CsvReadResult& r) {
    std::string out;
    for (const auto& d : r.diagnostics) out += d.message + "\n";
    return out;
}

/// The one diagnostic at (row, col); fails the test when there is not exactly one.
Diagnostic diagnostic_at(const CsvReadResult& r, int row, int col) {
    std::vector<Diagnostic> found;
    for (const auto& d : r.diagnostics)
        if (d.pos.line == row && d.pos.col == col) found.push_back(d);
    INFO(all_messages(r));
    REQUIRE(found.size() == 1);
    return found[0];
}

/// Reads a file with exactly one problem and returns its message.
std::string only_error(const std::string& text, const std::vector<std::string>& lots = {}) {
    auto r = read(text, lots);
    INFO(all_messages(r));
    REQUIRE(r.diagnostics.size() == 1);
    CHECK_FALSE(r.ok());
    CHECK(r.table.bids.empty());
    return r.diagnostics[0].message;
}

const std::string kHeader = "bidder,price,retreaded,noise,take_back\n";

}  // namespace

TEST_CASE("a plain comma-separated file is read into a complete table", "[bids_csv]") {
    auto r = read(kHeader +
                  "Shina Plus,12000000,40,A,yes\n"
                  "Retread Co,11500000.75,55,b,no\n");
    INFO(all_messages(r));
    REQUIRE(r.ok());
    REQUIRE(r.diagnostics.empty());
    REQUIRE(r.table.fields.size() == 7);
    REQUIRE(r.table.bids.size() == 2);
    const Bid& a = r.table.bids[0];
    CHECK(a.bidder == "Shina Plus");
    CHECK(a.lot.empty());
    CHECK(a.submitted.empty());
    CHECK(a.source_row == 2);
    REQUIRE(a.values.size() == 7);
    REQUIRE(a.texts.size() == 7);
    CHECK(a.values[kPrice] == 12000000);
    CHECK(a.values[kRetreaded] == Approx(0.4));
    CHECK(a.values[kNoise] == 0);
    CHECK(a.values[kTakeBack] == 1);
    CHECK(std::isnan(a.values[kWarranty]));  // optional column absent
    CHECK(std::isnan(a.values[kDelivery]));
    CHECK(std::isnan(a.values[kComment]));
    CHECK(a.texts[kPrice] == "12000000");
    CHECK(a.texts[kComment].empty());
    const Bid& b = r.table.bids[1];
    CHECK(b.source_row == 3);
    CHECK(b.values[kPrice] == 11500000.75);
    CHECK(b.values[kNoise] == 1);  // enum members ignore ASCII case
    CHECK(b.values[kTakeBack] == 0);
}

TEST_CASE("a Russian Excel export: BOM, semicolons, CRLF, decimal comma, spaces in numbers, да/нет", "[bids_csv]") {
    const std::string text =
        "\xEF\xBB\xBF"
        "bidder;price;retreaded;noise;take_back;warranty;delivery;comment\r\n"
        "\xD0\x9E\xD0\x9E\xD0\x9E \xC2\xAB\xD0\xA8\xD0\xB8\xD0\xBD\xD0\xB0\xC2\xBB;12 000 000,50;40 "
        "%;A;\xD0\xB4\xD0\xB0;5 years;01.03.2027;\r\n"  // ООО «Шина»
        "Baltic Tyre;11\xC2\xA0"
        "500\xC2\xA0"
        "000;37,5%;C;\xD0\x9D\xD0\x95\xD0\xA2;3;2027-04-15;  fast  \r\n"  // U+00A0, НЕТ
        "Nord;9\xE2\x80\xAF"
        "999\xE2\x80\xAF"
        "000,00 RUB;100;B;\xD0\x94\xD0\xB0;;;\r\n";  // U+202F, Да
    auto r = read(text);
    INFO(all_messages(r));
    REQUIRE(r.ok());
    REQUIRE(r.table.bids.size() == 3);
    const auto& b = r.table.bids;
    CHECK(b[0].bidder == "\xD0\x9E\xD0\x9E\xD0\x9E \xC2\xAB\xD0\xA8\xD0\xB8\xD0\xBD\xD0\xB0\xC2\xBB");
    CHECK(b[0].values[kPrice] == 12000000.5);
    CHECK(b[0].texts[kPrice] == "12 000 000,50");
    CHECK(b[0].values[kRetreaded] == Approx(0.4));
    CHECK(b[0].values[kTakeBack] == 1);
    CHECK(b[0].values[kWarranty] == 5);
    CHECK(b[0].values[kDelivery] == *parse_iso_date("2027-03-01"));
    CHECK(b[0].texts[kComment].empty());
    CHECK(b[1].values[kPrice] == 11500000);
    CHECK(b[1].values[kRetreaded] == Approx(0.375));
    CHECK(b[1].values[kNoise] == 2);
    CHECK(b[1].values[kTakeBack] == 0);
    CHECK(b[1].values[kWarranty] == 3);
    CHECK(b[1].values[kDelivery] == *parse_iso_date("2027-04-15"));
    CHECK(b[1].texts[kComment] == "fast");
    CHECK(std::isnan(b[1].values[kComment]));
    CHECK(b[2].values[kPrice] == 9999000);
    CHECK(b[2].values[kRetreaded] == 1);
    CHECK(b[2].values[kTakeBack] == 1);
    CHECK(std::isnan(b[2].values[kWarranty]));
    CHECK(std::isnan(b[2].values[kDelivery]));
}

TEST_CASE("tab-separated text as pasted from a spreadsheet", "[bids_csv]") {
    auto r = read(
        "bidder\tprice\tretreaded\tnoise\ttake_back\n"
        "Acme, Inc.\t12,000,000.50\t40\tA\ttrue\n");
    INFO(all_messages(r));
    REQUIRE(r.ok());
    REQUIRE(r.table.bids.size() == 1);
    CHECK(r.table.bids[0].bidder == "Acme, Inc.");
    CHECK(r.table.bids[0].values[kPrice] == 12000000.5);  // both . and ,: the last is decimal
}

TEST_CASE("quoted values hold the separator, quotes and line breaks, and rows count physical lines",
          "[bids_csv]") {
    auto r = read(
        "bidder;price;retreaded;noise;take_back;comment\n"
        "\"Tyres; Retreads \"\"Nord\"\"\";\"12 000 000,50\";40;A;yes;\"line one\r\nline two\"\n"
        "\n"
        "Second;1000;50;B;no;\"\"\n");
    INFO(all_messages(r));
    REQUIRE(r.ok());
    REQUIRE(r.table.bids.size() == 2);
    CHECK(r.table.bids[0].bidder == "Tyres; Retreads \"Nord\"");
    CHECK(r.table.bids[0].values[kPrice] == 12000000.5);
    CHECK(r.table.bids[0].texts[kComment] == "line one\nline two");
    CHECK(r.table.bids[0].source_row == 2);
    CHECK(r.table.bids[1].source_row == 5);  // 2 + quoted line break + blank line
}

TEST_CASE("a value with a decimal comma must be quoted in a comma-separated file", "[bids_csv]") {
    auto r = read(kHeader + "Acme,\"12000000,50\",40,A,yes\n");
    INFO(all_messages(r));
    REQUIRE(r.ok());
    CHECK(r.table.bids[0].values[kPrice] == 12000000.5);

    const std::string msg = only_error(kHeader + "Acme,12000000,50,40,A,yes\n");
    CHECK(msg ==
          "row 2, column 6: the row has 6 cells but the header has 5; with ',' as the separator a "
          "value with a decimal comma (12,5) must be quoted");
}

TEST_CASE("header names are trimmed, case-insensitive and in any order", "[bids_csv]") {
    auto r = read(
        " Take_Back ;NOISE;  Bidder;Price ;retreaded\n"
        "no;C;Acme;500;0\n");
    INFO(all_messages(r));
    REQUIRE(r.ok());
    CHECK(r.table.bids[0].bidder == "Acme");
    CHECK(r.table.bids[0].values[kPrice] == 500);
    CHECK(r.table.bids[0].values[kNoise] == 2);
    CHECK(r.table.bids[0].values[kTakeBack] == 0);
}

TEST_CASE("blank lines and rows of empty cells are skipped, and a lone CR ends a line", "[bids_csv]") {
    auto r = read("\n" + std::string("bidder;price;retreaded;noise;take_back\r") + "\r" + " ; ; ;;\r" +
                  "Acme;1;2;A;1\r\r");
    INFO(all_messages(r));
    REQUIRE(r.ok());
    REQUIRE(r.table.bids.size() == 1);
    CHECK(r.table.bids[0].source_row == 5);
    CHECK(r.table.bids[0].values[kRetreaded] == Approx(0.02));
}

TEST_CASE("a header without bids gives an empty table", "[bids_csv]") {
    auto r = read(kHeader);
    CHECK(r.ok());
    CHECK(r.table.bids.empty());
    CHECK(r.table.fields.size() == 7);
}

TEST_CASE("submitted times are normalised so that text order is time order", "[bids_csv]") {
    auto r = read(
        "bidder,price,retreaded,noise,take_back,submitted\n"
        "A,1,1,A,1,2026-03-01\n"
        "B,1,1,A,1,2026-03-01T10:15:00\n"
        "C,1,1,A,1,2026-03-01 10:15\n"
        "D,1,1,A,1,01.03.2026 9:05\n"
        "E,1,1,A,1,\n");
    INFO(all_messages(r));
    REQUIRE(r.ok());
    const auto& b = r.table.bids;
    CHECK(b[0].submitted == "2026-03-01T00:00:00");
    CHECK(b[1].submitted == "2026-03-01T10:15:00");
    CHECK(b[2].submitted == "2026-03-01T10:15:00");
    CHECK(b[3].submitted == "2026-03-01T09:05:00");
    CHECK(b[4].submitted.empty());

    auto z = read(
        "bidder,price,retreaded,noise,take_back,submitted\n"
        "A,1,1,A,1,2026-03-01T10:15:00+03:00\n"
        "B,1,1,A,1,2026-03-01T08:00Z\n"
        "C,1,1,A,1,2026-03-01T01:30:00+0300\n");
    INFO(all_messages(z));
    REQUIRE(z.ok());
    CHECK(z.table.bids[0].submitted == "2026-03-01T07:15:00Z");
    CHECK(z.table.bids[1].submitted == "2026-03-01T08:00:00Z");
    CHECK(z.table.bids[2].submitted == "2026-02-28T22:30:00Z");  // across midnight into February
    CHECK(z.table.bids[2].submitted < z.table.bids[0].submitted);
}

TEST_CASE("submitted: invalid values and a mix of zoned and unzoned times are errors", "[bids_csv]") {
    const std::string h = "bidder,price,retreaded,noise,take_back,submitted\n";
    CHECK(only_error(h + "A,1,1,A,1,2026-02-30\n") ==
          "row 2, column 6 (submitted): '2026-02-30' is not a valid date");
    CHECK(only_error(h + "A,1,1,A,1,2026-03-01T25:00\n") ==
          "row 2, column 6 (submitted): '2026-03-01T25:00' is not a valid time of day");
    CHECK(only_error(h + "A,1,1,A,1,03/01/2026\n") ==
          "row 2, column 6 (submitted): '03/01/2026' is not a date or date-time (write 2026-03-01, "
          "2026-03-01T10:15:00 or 2026-03-01 10:15)");
    CHECK(only_error(h + "A,1,1,A,1,2026-03-01 10:00\nB,1,1,A,1,2026-03-01T09:00Z\n") ==
          "row 3, column 6 (submitted): '2026-03-01T09:00Z' has a time zone but row 2 ('2026-03-01 10:00') "
          "has none; write all submission times with a zone or all without");
}

TEST_CASE("not-a-number errors name the row, column and field", "[bids_csv]") {
    auto r = read(kHeader +
                  "A,1,1,A,1\n"
                  "B,1,1,A,1\n"
                  "C,12 000 \xD0\x9E\xD0\x9E\xD0\x9E,1,A,1\n"  // Cyrillic О, not zeros
                  "D,12k,abc,A,1\n"
                  "E,1e400,nan,A,1\n"
                  "F,inf,12,000,A\n");
    INFO(all_messages(r));
    CHECK_FALSE(r.ok());
    CHECK(r.table.bids.empty());
    CHECK(r.table.fields.empty());
    CHECK(diagnostic_at(r, 4, 2).message ==
          "row 4, column 2 (price): '12 000 \xD0\x9E\xD0\x9E\xD0\x9E' is not a number in RUB");
    CHECK(diagnostic_at(r, 5, 2).message == "row 5, column 2 (price): '12k' is not a number in RUB");
    CHECK(diagnostic_at(r, 5, 3).message ==
          "row 5, column 3 (retreaded): 'abc' is not a percentage (write 40 or 40 %)");
    CHECK(diagnostic_at(r, 6, 2).message ==
          "row 6, column 2 (price): '1e400' is in scientific notation; write the number out in full "
          "(Excel exports 1,2E+07 when a column is too narrow, and digits are lost)");
    CHECK(diagnostic_at(r, 6, 3).message ==
          "row 6, column 3 (retreaded): 'nan' is not a percentage (write 40 or 40 %)");
    // Row 7 has the right number of cells but they are shifted: every problem is reported.
    CHECK(diagnostic_at(r, 7, 2).message == "row 7, column 2 (price): 'inf' is not a number in RUB");
    CHECK(diagnostic_at(r, 7, 4).message == "row 7, column 4 (noise): '000' is not one of A, B, C");
    CHECK(diagnostic_at(r, 7, 5).message ==
          "row 7, column 5 (take_back): 'A' is not yes or no (write yes/no, true/false, да/нет or 1/0)");
    CHECK(r.diagnostics.size() == 8);
    for (const auto& d : r.diagnostics) {
        CHECK(d.severity == Severity::Error);
        CHECK(d.pos.file == "bids.csv");
    }
}

TEST_CASE("ambiguous thousands separators and wrong units are rejected", "[bids_csv]") {
    CHECK(only_error(kHeader + "A,\"12,000,000\",1,A,1\n") ==
          "row 2, column 2 (price): '12,000,000' is not a number in RUB: ',' appears more than once; "
          "write 12000000 or 12 000 000,50");
    CHECK(only_error(kHeader + "A,12 00 000,1,A,1\n") ==
          "row 2, column 2 (price): '12 00 000' is not a number in RUB: digits between thousands "
          "separators must come in groups of three");
    CHECK(only_error(kHeader + "A,12000000 EUR,1,A,1\n") ==
          "row 2, column 2 (price): '12000000 EUR' is not a number in RUB");
    auto r = read(kHeader + "A,12000000 rub,40%,A,1\nB,12000000RUB,-0,A,1\n");
    INFO(all_messages(r));
    REQUIRE(r.ok());
    CHECK(r.table.bids[0].values[kPrice] == 12000000);
    CHECK(r.table.bids[1].values[kPrice] == 12000000);
    CHECK(r.table.bids[1].values[kRetreaded] == 0);
}

TEST_CASE("values outside the declared range are errors stated in the field's units", "[bids_csv]") {
    auto r = read(kHeader + "A,150000000,120,A,1\nB,-5,-1 %,A,1\nC,100000000,100 %,A,1\n");
    INFO(all_messages(r));
    CHECK(r.diagnostics.size() == 4);
    CHECK(diagnostic_at(r, 2, 2).message ==
          "row 2, column 2 (price): '150000000' is out of range: the allowed range is 0 .. 100000000 RUB");
    CHECK(diagnostic_at(r, 2, 3).message ==
          "row 2, column 3 (retreaded): '120' is out of range: the allowed range is 0 .. 100 %");
    CHECK(diagnostic_at(r, 3, 2).message ==
          "row 3, column 2 (price): '-5' is out of range: the allowed range is 0 .. 100000000 RUB");
    CHECK(diagnostic_at(r, 3, 3).pos.col == 3);

    // A bound computed as 30 * 0.01 is 0.30000000000000004; a bid of exactly 30 % still passes.
    auto fields = tyre_fields();
    fields[kRetreaded].range_lo = 30 * 0.01;
    auto ok = read_bids_csv(kHeader + "A,1,30,A,1\n", "bids.csv", fields, {});
    INFO(all_messages(ok));
    CHECK(ok.ok());
    fields[kPrice].range_hi.reset();
    fields[kPrice].range_lo = 1000;
    auto low = read_bids_csv(kHeader + "A,999,30,A,1\n", "bids.csv", fields, {});
    REQUIRE(low.diagnostics.size() == 1);
    CHECK(low.diagnostics[0].message ==
          "row 2, column 2 (price): '999' is out of range: the smallest allowed value is 1000 RUB");
}

TEST_CASE("yes/no, enum and date cells", "[bids_csv]") {
    auto r = read(
        "bidder,price,retreaded,noise,take_back\n"
        "A,1,1,a,Y\nB,1,1,B,N\nC,1,1,c,TRUE\nD,1,1,A,False\nE,1,1,A,1\nF,1,1,A,0\n"
        "G,1,1,A,\xD0\x94\xD0\x90\nH,1,1,A,\xD0\xBD\xD0\xB5\xD1\x82\n");  // ДА, нет
    INFO(all_messages(r));
    REQUIRE(r.ok());
    std::vector<double> yes_no, noise;
    for (const auto& b : r.table.bids)
        yes_no.push_back(b.values[kTakeBack]), noise.push_back(b.values[kNoise]);
    CHECK(yes_no == std::vector<double>{1, 0, 1, 0, 1, 0, 1, 0});
    CHECK(noise == std::vector<double>{0, 1, 2, 0, 0, 0, 0, 0});

    CHECK(only_error(kHeader + "A,1,1,D,1\n") == "row 2, column 4 (noise): 'D' is not one of A, B, C");
    CHECK(only_error(kHeader + "A,1,1,A,maybe\n") ==
          "row 2, column 5 (take_back): 'maybe' is not yes or no (write yes/no, true/false, да/нет or 1/0)");
    const std::string h = "bidder,price,retreaded,noise,take_back,delivery\n";
    CHECK(only_error(h + "A,1,1,A,1,31.02.2027\n") ==
          "row 2, column 6 (delivery): '31.02.2027' is not a valid date");
    CHECK(only_error(h + "A,1,1,A,1,2027/03/01\n") ==
          "row 2, column 6 (delivery): '2027/03/01' is not a date (write 2026-03-01 or 01.03.2026)");
    auto d = read(h + "A,1,1,A,1,1.3.2027\n");
    REQUIRE(d.ok());
    CHECK(d.table.bids[0].values[kDelivery] == *parse_iso_date("2027-03-01"));
}

TEST_CASE("missing values are errors unless the field is optional", "[bids_csv]") {
    auto r = read(
        "bidder,price,retreaded,noise,take_back,warranty,comment\n"
        "A,1,1,A,1,,\n"
        "B, ,1,A,1,2,x\n");
    INFO(all_messages(r));
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(diagnostic_at(r, 3, 2).message ==
          "row 3, column 2 (price): missing value for 'Contract price' (the field is not optional)");
    CHECK(only_error(kHeader + ",1,1,A,1\n") == "row 2, column 1 (bidder): missing bidder name");
}

TEST_CASE("errors anywhere mean no table at all", "[bids_csv]") {
    std::string text = kHeader;
    for (int i = 0; i < 50; ++i) text += "Bidder " + std::to_string(i) + ",1000,50,A,yes\n";
    text += "Late,1000,50,A,perhaps\n";
    auto r = read(text);
    CHECK_FALSE(r.ok());
    CHECK(r.table.bids.empty());
    CHECK(r.table.fields.empty());
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].pos.line == 52);
}

TEST_CASE("a bidder may appear once per lot", "[bids_csv]") {
    const std::string h = "lot,bidder,price,retreaded,noise,take_back\n";
    auto ok = read(h + "1,Acme,1,1,A,1\n2,Acme,1,1,A,1\n", {"1", "2"});
    INFO(all_messages(ok));
    REQUIRE(ok.ok());
    CHECK(ok.table.bids[1].lot == "2");

    CHECK(only_error(h + "1,Acme,1,1,A,1\n2,Beta,1,1,A,1\n1, Acme ,1,1,A,1\n", {"1", "2"}) ==
          "row 4, column 2 (bidder): duplicate bidder 'Acme' in lot '1' (also row 2)");
    CHECK(only_error(kHeader + "Acme,1,1,A,1\nAcme,2,1,A,1\n") ==
          "row 3, column 1 (bidder): duplicate bidder 'Acme' (also row 2)");
    // A wrong lot is reported once; the bid is not also called a duplicate of another wrong lot's.
    auto r = read(h + "East,Acme,1,1,A,1\nWest,Acme,1,1,A,1\n", {"1", "2"});
    CHECK(r.diagnostics.size() == 2);
    for (const auto& d : r.diagnostics) CHECK(d.message.find("unknown lot") != std::string::npos);
}

TEST_CASE("lots: declared lots are required and checked, and without lots the column must be empty",
          "[bids_csv]") {
    const std::string h = "lot,bidder,price,retreaded,noise,take_back\n";
    auto r = read(h + "north,A,1,1,A,1\n", {"North", "South"});
    REQUIRE(r.ok());
    CHECK(r.table.bids[0].lot == "North");  // the declared spelling
    CHECK(only_error(h + "East,A,1,1,A,1\n", {"North", "South"}) ==
          "row 2, column 1 (lot): unknown lot 'East' (the lots are: North, South)");
    CHECK(only_error(h + ",A,1,1,A,1\n", {"North", "South"}) ==
          "row 2, column 1 (lot): missing lot (the lots are: North, South)");
    CHECK(only_error(kHeader + "A,1,1,A,1\n", {"North", "South"}) ==
          "row 1: missing column 'lot' (the tender has lots North, South)");
    CHECK(only_error(h + "North,A,1,1,A,1\n") ==
          "row 2, column 1 (lot): the tender has no lots, but this row names lot 'North'");
    auto empty_lot = read(h + ",A,1,1,A,1\n");
    CHECK(empty_lot.ok());
}

TEST_CASE("header problems: unknown, duplicate and missing columns", "[bids_csv]") {
    auto r = read("bidder,prise,retreaded,Retreaded,noise,colour,Contract price\nA,1,1,1,A,red,1\n");
    INFO(all_messages(r));
    CHECK(diagnostic_at(r, 1, 2).message ==
          "row 1, column 2 (prise): unknown column 'prise'; did you mean 'price'?");
    CHECK(diagnostic_at(r, 1, 4).message ==
          "row 1, column 4 (retreaded): duplicate column 'retreaded' (also column 3)");
    CHECK(
        diagnostic_at(r, 1, 6).message ==
        "row 1, column 6 (colour): unknown column 'colour' (the columns are: bidder, lot, submitted, price, "
        "retreaded, noise, take_back, warranty, delivery, comment)");
    CHECK(diagnostic_at(r, 1, 7).message ==
          "row 1, column 7 (Contract price): unknown column 'Contract price'; the column of the field "
          "'Contract price' must be headed by its id 'price'");
    // Missing columns have no cell: column 0.
    std::vector<std::string> missing;
    for (const auto& d : r.diagnostics)
        if (d.pos.col == 0) missing.push_back(d.message);
    CHECK(missing == std::vector<std::string>{"row 1: missing column 'price' (Contract price)",
                                              "row 1: missing column 'take_back'"});
    CHECK(r.diagnostics.size() == 6);  // the data row adds nothing: its cells are in ignored columns

    CHECK(only_error("price,retreaded,noise,take_back\n1,1,A,1\n") ==
          "row 1: missing column 'bidder' (the name of each bidder)");
}

TEST_CASE("a file without a header row gets one message, not one per cell", "[bids_csv]") {
    CHECK(only_error("Acme,12000000,40,A,yes\nBeta,11000000,50,B,no\n") ==
          "row 1: this row should name the columns (bidder, lot, submitted, price, retreaded, noise, "
          "take_back, warranty, delivery, comment), but none of its cells does: is the header row missing?");
}

TEST_CASE("Excel's sep= line names the separator", "[bids_csv]") {
    // Detection alone would pick ',' here (two commas, one semicolon).
    auto r = read("sep=;\r\nbidder;\"price,RUB\";retreaded;noise;take_back\r\nA;1,5;1;A;1\r\n");
    INFO(all_messages(r));
    REQUIRE(r.diagnostics.size() == 2);  // "price,RUB" is unknown, so price is missing
    CHECK(diagnostic_at(r, 2, 2).message ==
          "row 2, column 2 (price,RUB): unknown column 'price,RUB' (the columns are: bidder, lot, submitted, "
          "price, retreaded, noise, take_back, warranty, delivery, comment)");
    CHECK(diagnostic_at(r, 2, 0).message == "row 2: missing column 'price' (Contract price)");
    auto ok = read("SEP=,\nbidder,price,retreaded,noise,take_back\nA,1,1,A,1\n");
    INFO(all_messages(ok));
    REQUIRE(ok.ok());
    CHECK(ok.table.bids[0].source_row == 3);
}

TEST_CASE("a column without a header name may only hold empty cells", "[bids_csv]") {
    auto r = read("bidder;price;retreaded;noise;take_back;;\nA;1;1;A;1;;\n");
    INFO(all_messages(r));
    CHECK(r.ok());
    CHECK(only_error("bidder;price;retreaded;noise;take_back;\nA;1;1;A;1;note\n") ==
          "row 2, column 6: value 'note' in a column without a name in the header");
}

TEST_CASE("rows with the wrong number of cells", "[bids_csv]") {
    auto r = read("bidder;price;retreaded;noise;take_back\nA;1;1;A\nB;1;1;A;1;x\n");
    INFO(all_messages(r));
    REQUIRE(r.diagnostics.size() == 2);
    CHECK(diagnostic_at(r, 2, 5).message ==
          "row 2, column 5 (take_back): the row has 4 cells but the header has 5");
    CHECK(diagnostic_at(r, 3, 6).message == "row 3, column 6: the row has 6 cells but the header has 5");
}

TEST_CASE("malformed quotes", "[bids_csv]") {
    CHECK(only_error(kHeader + "\"Acme\" Ltd,1,1,A,1\n") ==
          "row 2, column 1 (bidder): text after the closing quote (a quote inside a quoted value must be "
          "doubled: \"\")");
    CHECK(only_error(kHeader + "A,1,1,A,1\nB,1,1,A,\"1\nC,1,1,A,1\n") ==
          "row 3, column 5 (take_back): the quote that opens this value is never closed (a quote inside a "
          "quoted value must be doubled: \"\")");
    auto r = read(kHeader + "24\" Tyres,1,1,A,1\n");  // a quote inside an unquoted value is literal
    REQUIRE(r.ok());
    CHECK(r.table.bids[0].bidder == "24\" Tyres");
}

TEST_CASE("invalid UTF-8 is reported with row and column, not guessed", "[bids_csv]") {
    // "ООО Шина" in Windows-1251.
    auto r = read(kHeader + "A,1,1,A,1\n\xCE\xCE\xCE \xD8\xE8\xED\xE0,1,1,A,1\n");
    INFO(all_messages(r));
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(diagnostic_at(r, 3, 1).message ==
          "row 3, column 1 (bidder): the value is not valid UTF-8; save the file as 'CSV UTF-8' (the file "
          "may be in Windows-1251 or another legacy encoding)");
    CHECK(only_error("bidder,price,retreaded,noise,take_back,\xF6\n") ==
          "row 1, column 6: the column name is not valid UTF-8; save the file as 'CSV UTF-8' (the file "
          "may be in Windows-1251 or another legacy encoding)");
}

TEST_CASE("files that are not UTF-8 CSV at all get one clear message", "[bids_csv]") {
    CHECK(only_error(std::string("\xFF\xFE"
                                 "b\0i\0",
                                 6)) ==
          "row 1: the file is UTF-16 (Excel's 'Unicode Text'); save it as 'CSV UTF-8'");
    CHECK(only_error(std::string("PK\x03\x04\x14\0", 6)) ==
          "row 1: this is an Excel workbook (.xlsx), not a CSV file; save it as 'CSV UTF-8'");
    CHECK(only_error(std::string("b\0i\0d\0", 6)) ==
          "row 1: the file contains NUL bytes; it is not a text file (or it is UTF-16); save it as 'CSV "
          "UTF-8'");
    CHECK(only_error("") ==
          "row 1: the file is empty; its first row must name the columns: bidder, price, retreaded, noise, "
          "take_back, warranty, delivery, comment");
    CHECK(only_error("\xEF\xBB\xBF\r\n \r\n") ==
          "row 1: the file is empty; its first row must name the columns: bidder, price, retreaded, noise, "
          "take_back, warranty, delivery, comment");
}

TEST_CASE("a field named like a reserved column is reported", "[bids_csv]") {
    std::vector<FieldDecl> fields{field("lot", FieldType::Number)};
    auto r = read_bids_csv("bidder,lot\nA,1\n", "bids.csv", fields, {});
    INFO(all_messages(r));
    CHECK_FALSE(r.ok());
    CHECK(diagnostic_at(r, 1, 0).message ==
          "row 1: the field 'lot' has the name of the reserved column 'lot'; rename the field in the rules");
}

TEST_CASE("all problems are collected, capped at 200 with a final count", "[bids_csv]") {
    std::string text = kHeader;
    for (int i = 0; i < 125; ++i) text += "B" + std::to_string(i) + ",x,y,A,1\n";  // 250 problems
    auto r = read(text);
    REQUIRE(r.diagnostics.size() == 201);
    CHECK(r.diagnostics[0].message == "row 2, column 2 (price): 'x' is not a number in RUB");
    CHECK(r.diagnostics[199].pos.line == 101);
    CHECK(r.diagnostics[199].pos.col == 3);
    CHECK(r.diagnostics[200].message == "... and 50 more problems (only the first 200 are shown)");
    CHECK(r.diagnostics[200].severity == Severity::Error);
    CHECK(r.diagnostics[200].pos.file == "bids.csv");
}

TEST_CASE("diagnostics carry file, row and cell column", "[bids_csv]") {
    auto r = read_bids_csv("bidder;price;retreaded;noise;take_back\n\nA;1;1;Z;1\n", "in/bids 2026.csv",
                           tyre_fields(), {});
    REQUIRE(r.diagnostics.size() == 1);
    const auto& d = r.diagnostics[0];
    CHECK(d.severity == Severity::Error);
    CHECK(d.pos.file == "in/bids 2026.csv");
    CHECK(d.pos.line == 3);
    CHECK(d.pos.col == 4);
    CHECK(format_diagnostic(d) ==
          "in/bids 2026.csv:3:4: error: row 3, column 4 (noise): 'Z' is not one of A, B, C\n");
}

TEST_CASE("bids CSV: every problem has a code, and its place as values", "[bids_csv][i18n]") {
    SECTION("a bad cell: row, column, field and the row's bidder (also when the bidder comes later)") {
        const auto r = read_bids_csv("price,bidder,retreaded,noise,take_back\ntwelve,Acme,40,B,yes\n", "bids.csv",
                                     tyre_fields(), {});
        const Diagnostic d = diagnostic_at(r, 2, 1);
        CHECK(d.what.code == "io.cell.not-a-number");
        CHECK(d.pos.file == "bids.csv");
        CHECK(d.pos.field == "price");
        CHECK(d.pos.bidder == "Acme");
        CHECK(d.message == "row 2, column 1 (price): 'twelve' is not a number in RUB");
        CHECK(diagnostic_text(d) == d.message);
        // The problem without its place, for a front end that shows the place itself.
        const MessageArg* problem = d.what.arg("problem");
        REQUIRE(problem != nullptr);
        REQUIRE(problem->nested != nullptr);
        CHECK(word(*problem->nested) == "'twelve' is not a number in RUB");
        REQUIRE(d.what.arg("row") != nullptr);
        CHECK(d.what.arg("row")->count == 2);
        REQUIRE(d.what.arg("col") != nullptr);
        CHECK(d.what.arg("col")->count == 1);
    }
    SECTION("codes of other problems") {
        auto code_at = [](const CsvReadResult& r, int row, int col) { return diagnostic_at(r, row, col).what.code; };
        CHECK(code_at(read(kHeader + "A,150000000,40,B,yes\n"), 2, 2) == "io.cell.out-of-range");
        CHECK(code_at(read(kHeader + "A,100,40,Z,yes\n"), 2, 4) == "io.cell.not-a-member");
        CHECK(code_at(read(kHeader + "A,100,40,B,maybe\n"), 2, 5) == "io.cell.not-yes-no");
        CHECK(code_at(read(kHeader + ",100,40,B,yes\n"), 2, 1) == "io.cell.missing-bidder");
        CHECK(code_at(read(kHeader + "A,100,40,B,yes\nA,100,40,B,yes\n"), 3, 1) == "io.csv.duplicate-bidder");
        CHECK(code_at(read(kHeader + "A,100,40,B\n"), 2, 5) == "io.csv.cell-count");
        CHECK(code_at(read("bidder,price,retreaded,noise,take_back,colour\n"), 1, 6) == "io.csv.unknown-column");
        const auto missing = read("bidder,retreaded,noise,take_back\n");
        const Diagnostic d = diagnostic_at(missing, 1, 0);
        CHECK(d.what.code == "io.csv.missing-column");
        CHECK(d.pos.field == "price");
    }
    SECTION("every diagnostic of a file full of problems has a code and the English it had") {
        const auto r = read("bidder,price,retreaded,noise,take_back,price\n"
                            "A,1e7,40,B,yes,1\n"
                            "B,12,000,000,40,B,yes,1\n"
                            "\"C,100,40,B,yes,1\n");
        REQUIRE_FALSE(r.diagnostics.empty());
        for (const Diagnostic& d : r.diagnostics) {
            INFO(d.message);
            CHECK_FALSE(d.what.code.empty());
            CHECK(word(d.what) == d.message);
        }
    }
}

TEST_CASE("a bids file stops at its cell limit with one message at the row that passes it", "[bids_csv][hostile]") {
    // The tokenizer's own limit, small: 3 records of 2 cells pass 5 cells at the third (row 3).
    const io::CsvTokens few = io::tokenize_csv("a,b\nc,d\ne,f\ng,h\n", ',', 5);
    CHECK(few.stopped_at_row == 3);
    CHECK(few.records.size() == 3);
    CHECK(io::tokenize_csv("a,b\nc,d\n", ',', 4).stopped_at_row == 0);

    // The real limit: 2 000 000 cells. A header and 1 999 999 rows of one cell each are all
    // tokenized; one more row is refused by the reader, before any row is read.
    std::string text = "bidder\n";
    text.reserve(2 + 4 * io::kMaxCsvCells);
    for (std::size_t i = 1; i < io::kMaxCsvCells; ++i) text += "A\n";
    CHECK(io::tokenize_csv(text, ',').stopped_at_row == 0);
    text += "B\n";
    auto over = read_bids_csv(text, "bids.csv", {}, {});
    REQUIRE(over.diagnostics.size() == 1);
    CHECK(format_diagnostic(over.diagnostics[0]) ==
          "bids.csv:2000001: error: row 2000001: the file has more than 2000000 cells (rows times columns), the most a "
          "bids file may have; split it, for example by lot\n");
}

TEST_CASE("a cell longer than a spreadsheet cell holds is refused at its row and column", "[bids_csv][hostile]") {
    const std::string exactly(kMaxTextChars, 'x');
    auto ok = read_bids_csv("bidder\n" + exactly + "\n", "bids.csv", {}, {});
    INFO(all_messages(ok));
    CHECK(ok.ok());
    auto r = read_bids_csv("bidder\nAcme\n" + exactly + "y\n", "bids.csv", {}, {});
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(format_diagnostic(r.diagnostics[0]) ==
          "bids.csv:3:1: error: row 3, column 1 (bidder): the text is too long: 32768 characters, the limit is 32767 "
          "(what one spreadsheet cell holds)\n");
}
