// The expression tree as Excel formulas: golden texts per construct, and the proof that every
// exact formula, recalculated by Gnumeric from a real .xlsx, gives the engine's value.
#include <catch2/catch.hpp>

#include <xlsxwriter.h>

#include <clocale>
#include <cmath>
#include <algorithm>
#include <cstdlib>
#include <functional>
#include <map>
#include <sstream>
#include <set>
#include <string>
#include <vector>

#include "core/engine.hpp"
#include "core/evaluator.hpp"
#include "io/formula/excel_formula.hpp"
#include "support/files.hpp"
#include "support/rules_fixture.hpp"
#include "support/skip.hpp"

namespace {
using namespace tl;

// Every construct of the language, with ties, missing optional values, a zero divisor, an
// npv over more than 1000 years and an inadmissible bid (so helper columns hold "" for it).
const char* kAllRules = R"(tender { title: "Every construct" reference: "XF-ALL" currency: EUR }
field price: money { name: "Price" }
field alt: money { name: "Alternative price" optional }
field share: percent { name: "Share" }
field grade: enum(A, B, "A++") { name: "Grade" }
field ok: yesno { name: "OK" }
field maybe: yesno { name: "Maybe" optional }
field years: number { name: "Years" }
field rate: percent { name: "Rate" }
field warranty: quantity(years) { name: "Warranty" }
let k = 3
let ladder = table(grade, A -> 1 %, B -> 2 %, "A++" -> 5 %)
let evaluated = price * (1 - ladder) + (if ok then 0 EUR else 1000 EUR)
let per_year = price / years
let alt_gap = alt - 2 * price
requirement affordable { test: price < 900000 EUR }
criterion c_lowest { weight: 1 points score: 100 * lowest(price) / price }
criterion c_ratio_lowest { weight: 1 points score: ratio_lowest(evaluated) }
criterion c_ratio_highest { weight: 1 points score: ratio_highest(warranty) }
criterion c_linear { weight: 1 points score: linear(share, 10 % -> 0, 50 % -> 60, 80 % -> 100) }
criterion c_linear_agg { weight: 1 points score: linear(price, lowest(price) -> 100, highest(price) -> 0) }
criterion c_steps { weight: 1 points score: steps(warranty, >= 7 years -> 100, > 5 years -> 75, == 5 years -> 50, < 2 years -> 1, else -> 0) }
criterion c_steps_undef { weight: 1 points score: steps(alt, >= lowest(alt) * 1.2 -> 1, <= alt_gap -> 2, else -> 0) }
criterion c_table { weight: 1 points score: table(grade, A -> 100, "A++" -> 80, else -> 10) }
criterion c_table_yes { weight: 1 points score: table(ok, yes -> 100, no -> 0) }
criterion c_table_opt { weight: 1 points score: table(maybe, yes -> 100, else -> 5) }
criterion c_npv { weight: 1 points score: npv(price / 100, years, rate, 2 %) / (1 EUR) }
criterion c_npv_flat { weight: 1 points score: npv(price, 10, 4 %, 4 %) / (1 EUR) }
criterion c_npv_lit { weight: 1 points score: npv(price, 12.7 years, 5 %) / (1 EUR) }
criterion c_npv_rate { weight: 1 points score: npv(price, 15, rate) / (1 EUR) }
criterion c_round { weight: 1 points score: round(price / 7 / (1 EUR), 2) + round(share * 1000) + round(2.675, 2) + round(-2.5) + round(1.005, 2) }
criterion c_minmax { weight: 1 points score: clamp(price / (10000 EUR), 5, 9) + min(share, 50 %) * 100 + max(k, abs(-4), -k) }
criterion c_clamp_undef { weight: 1 points score: clamp(price, alt, 130000 EUR) / (1 EUR) }
criterion c_if_aggr { weight: 1 points score: (if price > mean(price) then sum(price) / count() else median(price) / 1000) / (1 EUR) }
criterion c_div0 { weight: 1 points score: per_year / (1 EUR) }
criterion c_optional { weight: 1 points score: (alt_gap + k * price) / (1 EUR) }
criterion c_lowest_alt { weight: 1 points score: (lowest(alt) + highest(alt)) / (1 EUR) }
criterion c_lo { weight: 1 points score: lowest_others(price) / (1 EUR) }
criterion c_ho { weight: 1 points score: highest_others(price) / (1 EUR) }
criterion c_mo { weight: 1 points score: mean_others(price) / (1 EUR) }
criterion c_medo { weight: 1 points score: median_others(price) / (1 EUR) }
criterion c_medo_alt { weight: 1 points score: median_others(alt) / (1 EUR) }
criterion c_nh { weight: 1 points score: next_higher(price) / (1 EUR) }
criterion c_nl { weight: 1 points score: next_lower(price) / (1 EUR) }
criterion c_nh_alt { weight: 1 points score: (next_higher(alt) - next_lower(alt) + lowest_others(alt)) / (1 EUR) }
criterion c_kleene { weight: 1 points score: if (ok and maybe) or (not ok and price > 100000 EUR) then 1 else 0 }
criterion c_neg { weight: 1 points score: -(price - alt) / (2 EUR) * -1 - -k }
criterion c_enum { weight: 1 points score: if grade == "A++" or grade != B then 1 else 2 }
abnormally_low a_dump { when: price <= 0.9 * mean_others(price) or price <= 0.95 * next_higher(price) }
abnormally_low a_and { when: maybe and price < highest(price) }
abnormally_low a_not { when: not (alt > price) }
abnormally_low a_eq { when: ok == yes and maybe != no }
)";

const char* kAllBids = R"(bidder,price,alt,share,grade,ok,maybe,years,rate,warranty
B1,100000,90000,40,A,yes,yes,10,4,7
B2,100000,,10,A++,no,,0,3,5
B3,120000,130000,80,B,yes,no,1001,5,6
B4,90000,,55,A,yes,,15,2,1
B5,150000,150000,5,B,no,yes,3.5,2,5.5
B6,950000,1,50,A,yes,yes,5,5,5
B7,135000.5,100000,65,A++,yes,no,20,0,10
B8,150000,,30,A,no,no,7,6,4
)";

std::string col_name(int col) {
    std::string s;
    for (++col; col > 0; col = (col - 1) / 26) s.insert(s.begin(), static_cast<char>('A' + (col - 1) % 26));
    return s;
}

// The workbook layout: Bids (A bidder, then one column per field, then the 1/0 membership of the
// current set), Lets (one column per per-bid let), Helpers (one column per aggregate argument).
struct Layout {
    const CriteriaSet& rules;
    int n_bids = 0;
    bool let_cells = false;
    int row = 0;  // 0-based bid index whose formula is being compiled
    std::map<std::string, int> helper_cols;

    int member_col() const { return 1 + static_cast<int>(rules.fields.size()); }
    std::string last_row() const { return std::to_string(n_bids + 1); }
    FormulaCells cells() {
        FormulaCells c;
        c.field_cell = [this](int f) { return "Bids!$" + col_name(1 + f) + std::to_string(row + 2); };
        c.let_cell = [this](int l) {
            if (!let_cells || !rules.lets[static_cast<std::size_t>(l)].per_bid) return std::string();
            return "Lets!$" + col_name(l) + std::to_string(row + 2);
        };
        c.set_range = [this](const Expr& a) {
            auto [it, fresh] = helper_cols.emplace(print_expr(a), static_cast<int>(helper_cols.size()));
            (void)fresh;
            const std::string col = col_name(it->second);
            return "Helpers!$" + col + "$2:$" + col + "$" + last_row();
        };
        c.set_size = [this] {
            const std::string col = col_name(member_col());
            return "SUM(Bids!$" + col + "$2:$" + col + "$" + last_row() + ")";
        };
        return c;
    }
};

// Golden cells: short names instead of references, so the texts read like the rules.
FormulaCells golden_cells(const CriteriaSet& rules) {
    FormulaCells c;
    c.field_cell = [&rules](int f) { return rules.fields[static_cast<std::size_t>(f)].id; };
    c.set_range = [](const Expr& a) { return "R[" + print_expr(a) + "]"; };
    c.set_size = [] { return std::string("N"); };
    return c;
}

std::string golden(const CriteriaSet& rules, const std::string& criterion) {
    const Criterion& c = rules.criteria[static_cast<std::size_t>(rules.criterion_index(criterion))];
    CompiledFormula f = to_excel_formula(c.score, rules, golden_cells(rules));
    INFO(f.why_not);
    CHECK(f.exact);
    return f.formula;
}

}  // namespace

TEST_CASE("excel formula: golden text of each construct", "[excel_formula]") {
    const CriteriaSet rules = tl::test::rules_from(kAllRules);
    CHECK(golden(rules, "c_lowest") == "100*MIN(R[price])/price");
    CHECK(golden(rules, "c_ratio_highest") == "100*warranty/MAX(R[warranty])");
    CHECK(golden(rules, "c_linear") ==
          "IF(share<=0.1,0,IF(share<=0.5,(share-0.1)*60/(0.5-0.1),IF(share<=0.8,60+(share-0.5)*(100-60)/(0.8-0.5),100)))");
    // Comparisons decide within a relative 1e-12 (core/decimal_compare.hpp): a literal's
    // magnitude is written out, a comparison with 0 stays plain.
    CHECK(golden(rules, "c_steps") ==
          "IF(7-warranty<=1E-12*MAX(ABS(warranty),7),100,IF(warranty-5>1E-12*MAX(ABS(warranty),5),75,"
          "IF(ABS(warranty-5)<=1E-12*MAX(ABS(warranty),5),50,IF(2-warranty>1E-12*MAX(ABS(warranty),2),1,0))))");
    CHECK(golden(rules, "c_table") == "IF(EXACT(grade,\"A\"),100,IF(EXACT(grade,\"A++\"),80,10))");
    CHECK(golden(rules, "c_table_yes") == "IF(ok,100,0)");
    CHECK(golden(rules, "c_table_opt") == "IF(IF(maybe=\"\",NA(),maybe),100,5)");
    CHECK(golden(rules, "c_npv_flat") == "price/(1+0.04)*10/1");
    CHECK(golden(rules, "c_npv_lit") == "price/(1+0.05)*(1-(1/(1+0.05))^12)/(1-1/(1+0.05))/1");
    CHECK(golden(rules, "c_npv") ==
          "IF(OR(years<0,years>1000),NA(),price/100/(1+rate)*IF(((1+0.02)/(1+rate))=1,INT(years),"
          "(1-((1+0.02)/(1+rate))^INT(years))/(1-(1+0.02)/(1+rate))))/1");
    CHECK(golden(rules, "c_minmax") == "MIN(MAX(price/10000,5),9)+MIN(share,0.5)*100+MAX(3,ABS(-4),-3)");
    CHECK(golden(rules, "c_clamp_undef") ==
          "MIN(MAX(price,IFERROR(IF(alt=\"\",NA(),alt),price)),130000)/1");
    CHECK(golden(rules, "c_if_aggr") == "IF(price-AVERAGE(R[price])>1E-12*MAX(ABS(price),ABS(AVERAGE(R[price]))),"
                                        "SUM(R[price])/N,MEDIAN(R[price])/1000)/1");
    CHECK(golden(rules, "c_div0") == "price/years/1");
    CHECK(golden(rules, "c_lo") == "IF(AND(price=MIN(R[price]),COUNTIF(R[price],price)=1),SMALL(R[price],2),MIN(R[price]))/1");
    CHECK(golden(rules, "c_mo") == "(SUM(R[price])-price)/(COUNT(R[price])-1)/1");
    CHECK(golden(rules, "c_nh") == "IF(COUNTIF(R[price],price)>1,price,SMALL(R[price],RANK(price,R[price],1)+1))/1");
    CHECK(golden(rules, "c_nl") == "IF(COUNTIF(R[price],price)>1,price,LARGE(R[price],RANK(price,R[price],0)+1))/1");
    // `maybe` may be undefined, so both `and` and `or` follow three-valued logic.
    const std::string ok_and_maybe =
        "IF(OR(IFERROR(NOT(ok),FALSE),IFERROR(NOT(IF(maybe=\"\",NA(),maybe)),FALSE)),FALSE,AND(ok,IF(maybe=\"\",NA(),maybe)))";
    const std::string above = "price-100000>1E-12*MAX(ABS(price),100000)";
    CHECK(golden(rules, "c_kleene") == "IF(IF(OR(IFERROR(AND(" + ok_and_maybe + "),FALSE),IFERROR(AND(AND(NOT(ok)," + above + ")),FALSE)),"
                                       "TRUE,OR(" + ok_and_maybe + ",AND(NOT(ok)," + above + "))),1,0)");
    CHECK(golden(rules, "c_neg") == "(-(price-IF(alt=\"\",NA(),alt)))/2*(-1)-(-3)");
    CHECK(golden(rules, "c_enum") == "IF(OR(EXACT(grade,\"A++\"),NOT(EXACT(grade,\"B\"))),1,2)");

    // Not exact without the cells it needs; the reason says what is missing.
    FormulaCells none = golden_cells(rules);
    none.set_size = nullptr;
    CompiledFormula f = to_excel_formula(rules.criteria[static_cast<std::size_t>(rules.criterion_index("c_if_aggr"))].score, rules, none);
    CHECK_FALSE(f.exact);
    CHECK(f.why_not.find("count()") != std::string::npos);
    CHECK(excel_number(0.3) == "0.3");
    CHECK(excel_number(1e20) == "1E+20");
    CHECK(excel_number(-2) == "(-2)");
}

TEST_CASE("excel formula: comparisons and round follow the engine's rules", "[excel_formula]") {
    // Equal within a relative 1e-12 (core/decimal_compare.hpp), each operator from that.
    CHECK(excel_compare(BinOp::Le, "A1", "B1") == "A1-B1<=1E-12*MAX(ABS(A1),ABS(B1))");
    CHECK(excel_compare(BinOp::Lt, "A1", "B1") == "B1-A1>1E-12*MAX(ABS(A1),ABS(B1))");
    CHECK(excel_compare(BinOp::Ge, "A1", "0.4") == "0.4-A1<=1E-12*MAX(ABS(A1),0.4)");
    CHECK(excel_compare(BinOp::Gt, "(-5)", "A1") == "(-5)-A1>1E-12*MAX(5,ABS(A1))");
    CHECK(excel_compare(BinOp::Eq, "A1", "(B1+C1)") == "ABS(A1-(B1+C1))<=1E-12*MAX(ABS(A1),ABS((B1+C1)))");
    CHECK(excel_compare(BinOp::Ne, "A1", "B1") == "ABS(A1-B1)>1E-12*MAX(ABS(A1),ABS(B1))");
    CHECK(excel_compare(BinOp::Le, "A1", "0") == "A1<=0");  // against 0 the rule is exact
    // 15 significant digits first, then half away from zero; a literal is rounded here.
    CHECK(excel_round("A1", "2") == "ROUND(ROUND(A1,14-INT(LOG10(ABS(A1)+(A1=0)))),2)");
    CHECK(excel_round("2.675", "2") == "2.68");
    CHECK(excel_round("(-2.5)", "0") == "(-3)");
}

namespace {

struct Probe {  // one compiled formula and the engine's values it must reproduce
    std::string label;
    CompiledFormula formula;  // for row 0 (for the report)
    std::function<CompiledFormula(Layout&)> compile;
    std::vector<double> expected;  // per bid (NaN: undefined); only rows in `rows` are written
    std::vector<int> rows;
    bool boolean = false;
};

std::vector<std::string> split_csv_line(const std::string& line) {
    std::vector<std::string> out(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') out.back() += '"', ++i;
            else if (c == '"') quoted = false;
            else out.back() += c;
        } else if (c == '"') quoted = true;
        else if (c == ',') out.emplace_back();
        else if (c != '\r') out.back() += c;
    }
    return out;
}

struct RecalcStats {
    int formulas = 0, cells = 0, not_exact = 0;
    double max_rel_error = 0;
};

// Writes the workbook, recalculates it with Gnumeric and compares every written cell.
void recalc_and_compare(const std::string& name, const CriteriaSet& rules, const BidTable& bids,
                        const LotOutcome& lot, const std::vector<int>& set, bool let_cells,
                        RecalcStats& stats) {
    const int n = static_cast<int>(bids.bids.size());
    Layout layout{rules, n, let_cells, 0, {}};
    std::vector<char> in_set(static_cast<std::size_t>(n), 0);
    for (int b : set) in_set[static_cast<std::size_t>(b)] = 1;
    std::vector<int> all(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) all[static_cast<std::size_t>(i)] = i;
    Evaluator over_set(rules, bids, set), over_all(rules, bids, all);

    std::vector<Probe> probes;
    auto add = [&](const std::string& label, const Expr& e, bool boolean, auto compile) {
        Probe p{label, {}, compile, std::vector<double>(static_cast<std::size_t>(n), NAN), {}, boolean};
        // Aggregates range over the set; other expressions hold for every bid.
        Evaluator& ev = contains_aggregate(e) ? over_set : over_all;
        const std::vector<double> v = ev.eval(e).expanded(ev.size());
        for (std::size_t i = 0; i < ev.size(); ++i) {
            p.expected[static_cast<std::size_t>(ev.member(i))] = v[i];
            p.rows.push_back(ev.member(i));
        }
        probes.push_back(std::move(p));
    };
    for (const auto& c : rules.criteria)
        add("score " + c.id, c.score, false, [&c, &rules](Layout& l) { return to_excel_formula(c.score, rules, l.cells()); });
    for (const auto& let : rules.lets)
        add("let " + let.id, let.expr, let.expr.type == ValueKind::Bool,
            [&let, &rules](Layout& l) { return to_excel_formula(let.expr, rules, l.cells()); });
    for (const auto& r : rules.requirements) {
        add("test " + r.id, r.test, true, [&r, &rules](Layout& l) { return to_excel_formula(r.test, rules, l.cells()); });
        add("met " + r.id, r.test, true, [&r, &rules](Layout& l) { return to_excel_test(r.test, rules, l.cells()); });
    }
    for (const auto& a : rules.abnormally_low) {
        add("when " + a.id, a.when, true, [&a, &rules](Layout& l) { return to_excel_formula(a.when, rules, l.cells()); });
        add("flag " + a.id, a.when, true, [&a, &rules](Layout& l) { return to_excel_test(a.when, rules, l.cells()); });
    }
    for (const auto& t : rules.tie_breaks)
        if (t.kind != TieBreak::Kind::EarlierSubmission)
            add("tie " + print_expr(t.expr), t.expr, false, [&t, &rules](Layout& l) { return to_excel_formula(t.expr, rules, l.cells()); });
    // to_excel_score against the engine's final scores (clamped, undefined as the bottom).
    for (std::size_t c = 0; c < rules.criteria.size(); ++c) {
        const Criterion& crit = rules.criteria[c];
        add("final " + crit.id, crit.score, false, [&crit, &rules](Layout& l) { return to_excel_score(crit, rules, l.cells()); });
        Probe& p = probes.back();
        p.rows.clear();
        for (const auto& o : lot.bids)
            if (o.admissible && !o.eliminated) {
                p.expected[static_cast<std::size_t>(o.bid)] = o.scores[c];
                p.rows.push_back(o.bid);
            }
    }
    // to_excel_test: the engine's reading of a test (undefined = not met, no flag).
    for (auto& p : probes)
        if (p.label.rfind("met ", 0) == 0 || p.label.rfind("flag ", 0) == 0)
            for (double& v : p.expected) v = std::isnan(v) ? 0 : (v != 0);

    // A fresh folder per run: parallel test runs must not share workbooks.
    std::string pattern = "/tmp/tl_xf_" + name + (let_cells ? "_lets" : "_inline") + "_XXXXXX";
    REQUIRE(mkdtemp(pattern.data()) != nullptr);
    const std::string dir = pattern;
    const std::string book = dir + "/book.xlsx";
    const std::string saved_locale = std::setlocale(LC_NUMERIC, nullptr);
    std::setlocale(LC_NUMERIC, "C");  // libxlsxwriter 1.1.4 prints numbers with printf
    lxw_workbook* wb = workbook_new(book.c_str());
    REQUIRE(wb);
    lxw_worksheet* ws_bids = workbook_add_worksheet(wb, "Bids");
    lxw_worksheet* ws_lets = workbook_add_worksheet(wb, "Lets");
    lxw_worksheet* ws_help = workbook_add_worksheet(wb, "Helpers");
    lxw_worksheet* ws_out = workbook_add_worksheet(wb, "Out");
    lxw_format* precise = workbook_add_format(wb);
    format_set_num_format(precise, "0.000000000000000E+00");
    auto check = [](lxw_error e) { REQUIRE(e == LXW_NO_ERROR); };
    for (int i = 0; i < n; ++i) {
        const auto row = static_cast<lxw_row_t>(i + 1);
        const Bid& b = bids.bids[static_cast<std::size_t>(i)];
        check(worksheet_write_string(ws_bids, row, 0, b.bidder.c_str(), nullptr));
        for (std::size_t f = 0; f < rules.fields.size(); ++f) {
            const FieldDecl& fd = rules.fields[f];
            const double v = b.values[f];
            const auto col = static_cast<lxw_col_t>(1 + f);
            if (fd.type == FieldType::Text || std::isnan(v)) continue;
            if (fd.type == FieldType::YesNo) check(worksheet_write_boolean(ws_bids, row, col, v != 0, nullptr));
            else if (fd.type == FieldType::Enum)
                check(worksheet_write_string(ws_bids, row, col, fd.members[static_cast<std::size_t>(v)].c_str(), nullptr));
            else check(worksheet_write_number(ws_bids, row, col, v, nullptr));
        }
        check(worksheet_write_number(ws_bids, row, static_cast<lxw_col_t>(layout.member_col()), in_set[static_cast<std::size_t>(i)], nullptr));
    }
    for (std::size_t k = 0; k < probes.size(); ++k)  // a header row: Gnumeric's CSV drops leading empty rows
        check(worksheet_write_string(ws_out, 0, static_cast<lxw_col_t>(k), probes[k].label.c_str(), nullptr));
    // First pass: compile everything once so that every helper column is known.
    for (auto& p : probes) {
        layout.row = 0;
        p.formula = p.compile(layout);
    }
    std::vector<const Expr*> helper_args;
    std::set<std::string> seen;
    auto note_args = [&](const Expr& e) {
        for (const Expr* a : aggregate_arguments(e, rules, layout.cells()))
            if (seen.insert(print_expr(*a)).second) helper_args.push_back(a);
    };
    for (const auto& let : rules.lets) note_args(let.expr);
    for (const auto& c : rules.criteria) note_args(c.score);
    for (const auto& a : rules.abnormally_low) note_args(a.when);
    for (const auto& t : rules.tie_breaks) note_args(t.expr);
    for (int i = 0; i < n; ++i) {
        layout.row = i;
        const auto row = static_cast<lxw_row_t>(i + 1);
        const std::string member = "Bids!$" + col_name(layout.member_col()) + std::to_string(i + 2) + "=1";
        for (const Expr* a : helper_args) {
            CompiledFormula h = to_excel_helper(*a, member, rules, layout.cells());
            INFO(h.why_not);
            REQUIRE(h.exact);
            const int col = layout.helper_cols.at(print_expr(*a));
            check(worksheet_write_formula(ws_help, row, static_cast<lxw_col_t>(col), h.formula.c_str(), nullptr));
        }
        if (let_cells)
            for (std::size_t l = 0; l < rules.lets.size(); ++l)
                if (rules.lets[l].per_bid) {
                    CompiledFormula f = to_excel_formula(rules.lets[l].expr, rules, layout.cells());
                    REQUIRE(f.exact);
                    check(worksheet_write_formula(ws_lets, row, static_cast<lxw_col_t>(l), f.formula.c_str(), nullptr));
                }
        for (std::size_t k = 0; k < probes.size(); ++k) {
            Probe& p = probes[k];
            if (!p.formula.exact || std::find(p.rows.begin(), p.rows.end(), i) == p.rows.end()) continue;
            const CompiledFormula f = p.compile(layout);
            check(worksheet_write_formula(ws_out, row, static_cast<lxw_col_t>(k), f.formula.c_str(), precise));
        }
    }
    check(workbook_close(wb));
    std::setlocale(LC_NUMERIC, saved_locale.c_str());

    const std::string cmd = "cd '" + dir + "' && LC_ALL=C.UTF-8 ssconvert -I Gnumeric_Excel:xlsx --recalc -S book.xlsx 'out.%n.csv' >log.txt 2>&1";
    REQUIRE(std::system(cmd.c_str()) == 0);
    std::vector<std::vector<std::string>> out;
    {
        std::istringstream in(tl::test::read_text(dir + "/out.3.csv"));
        for (std::string line; std::getline(in, line);) out.push_back(split_csv_line(line));
    }
    for (std::size_t k = 0; k < probes.size(); ++k) {
        const Probe& p = probes[k];
        if (!p.formula.exact) {
            ++stats.not_exact;
            WARN(name << ": " << p.label << " not exact: " << p.formula.why_not);
            continue;
        }
        ++stats.formulas;
        for (int i : p.rows) {
            const auto r = static_cast<std::size_t>(i + 1);
            const std::string got = r < out.size() && k < out[r].size() ? out[r][k] : std::string("<missing>");
            const double want = p.expected[static_cast<std::size_t>(i)];
            INFO(name << (let_cells ? " (let cells)" : " (inlined)") << ", " << p.label << ", bid "
                      << bids.bids[static_cast<std::size_t>(i)].bidder << ": =" << p.formula.formula << " gave " << got
                      << ", engine " << want);
            ++stats.cells;
            if (std::isnan(want)) {
                CHECK((!got.empty() && got[0] == '#'));
            } else if (p.boolean) {
                CHECK(got == (want != 0 ? "TRUE" : "FALSE"));
            } else {
                char* end = nullptr;
                const double v = std::strtod(got.c_str(), &end);
                REQUIRE((!got.empty() && *end == '\0'));
                const double rel = std::fabs(v - want) / std::max(std::fabs(want), 1e-3);
                stats.max_rel_error = std::max(stats.max_rel_error, rel);
                CHECK(rel <= 1e-9);
            }
        }
    }
}

bool have_ssconvert() { return std::system("command -v ssconvert >/dev/null 2>&1") == 0; }

}  // namespace

// Hidden: its own CTest entry (tests/CMakeLists.txt) runs it, and reports it skipped when
// Gnumeric is not installed (support/skip.hpp).
TEST_CASE("excel formula: Gnumeric recalculates the engine's values", "[.][excel_formula][recalc]") {
    if (!have_ssconvert()) tl::test::skip_test("ssconvert (Debian package gnumeric) is not installed");
    RecalcStats stats;
    auto run = [&](const std::string& name, const CriteriaSet& rules, const BidTable& bids) {
        const Result result = evaluate(rules, bids);
        for (const auto& lot : result.lots) {
            std::vector<int> set;  // the final stage: admissible and not eliminated by a gate
            for (const auto& o : lot.bids)
                if (o.admissible && !o.eliminated) set.push_back(o.bid);
            std::sort(set.begin(), set.end());
            for (bool let_cells : {false, true})
                recalc_and_compare(name + (lot.lot.empty() ? "" : "_" + lot.lot), rules, bids, lot, set, let_cells, stats);
        }
    };
    {
        const CriteriaSet rules = tl::test::rules_from(kAllRules);
        run("all", rules, tl::test::bids_from(rules, kAllBids));
    }
    for (const char* sample : tl::test::kSamples) {
        auto loaded = lang::load_rules_file(tl::test::source_path(std::string("samples/") + sample + "/rules.crit"));
        REQUIRE(loaded.ok());
        const BidTable bids = tl::test::bids_from(loaded.rules, tl::test::read_text(tl::test::source_path(std::string("samples/") + sample + "/bids.csv")));
        run(sample, loaded.rules, bids);
    }
    WARN("recalculated " << stats.formulas << " formulas (" << stats.cells << " cells), " << stats.not_exact
                         << " not exact; max relative error " << stats.max_rel_error);
    CHECK(stats.not_exact == 0);
}
