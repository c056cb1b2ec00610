// Export benchmark: the evaluation workbook of a generated tender (N bids x 30 criteria, seeded),
// against writing the same Bids and Scores cells with raw libxlsxwriter calls in the same process,
// and (through cells.tsv) against Python XlsxWriter writing them (bench/peer_xlsxwriter.py).
// Usage:
//   tl_bench_export compare N REPEATS OUT_DIR   median times, in-process ratio; writes OUT_DIR/cells.tsv
//   tl_bench_export export|raw|evaluate N OUT_DIR   one run (for /usr/bin/time -v peak memory)
#include <xlsxwriter.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "bench_util.hpp"
#include "core/engine.hpp"
#include "io/csv/bids_csv.hpp"
#include "io/workbook/evaluation_workbook.hpp"
#include "io/workbook/workbook_layout.hpp"
#include "io/xlsx/xlsx_book.hpp"
#include "lang/load.hpp"

using namespace tl;
using tl::bench::median_seconds;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kCriteria = 30;

struct Tender {
    std::string rules_text, bids_csv;
};

// 30 number fields and 30 criteria cycling through the scoring constructs (aggregates, linear,
// steps, ratios, clamp, if), one requirement and one abnormally-low rule.
Tender generate(int n) {
    Tender t;
    std::string& r = t.rules_text;
    r = "tender { title: \"Export benchmark\" reference: \"BENCH-EXPORT\" currency: EUR }\n";
    r += "field price: money { name: \"Price\" }\n";
    for (int k = 1; k < kCriteria; ++k) r += "field f" + std::to_string(k) + ": number { name: \"Field " + std::to_string(k) + "\" }\n";
    r += "requirement sane { test: f1 < 97 }\n";
    r += "criterion c0 { kind: price weight: 10 points score: ratio_lowest(price) }\n";
    for (int k = 1; k < kCriteria; ++k) {
        const std::string f = "f" + std::to_string(k), id = "c" + std::to_string(k);
        std::string score;
        switch (k % 5) {
            case 0: score = "100 * " + f + " / highest(" + f + ")"; break;
            case 1: score = "linear(" + f + ", 0 -> 0, 50 -> 60, 100 -> 100)"; break;
            case 2: score = "steps(" + f + ", >= 80 -> 100, >= 50 -> 60, else -> 10)"; break;
            case 3: score = "clamp(" + f + " * 1.5, 0, 100)"; break;
            case 4: score = "if " + f + " > mean(" + f + ") then 100 else 40"; break;
        }
        r += "criterion " + id + " { weight: 3 points score: " + score + " }\n";
    }
    r += "abnormally_low cheap { when: price < 0.7 * mean(price) }\n";
    std::string& b = t.bids_csv;
    b = "bidder,price";
    for (int k = 1; k < kCriteria; ++k) b += ",f" + std::to_string(k);
    b += "\n";
    unsigned long long state = 20261129;
    auto next = [&state] {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<double>((state >> 33) % 10000) / 100.0;  // 0.00 .. 99.99
    };
    for (int i = 1; i <= n; ++i) {
        b += (i % 2 ? "Поставщик №" + std::to_string(i) + " «Ромашка»" : "Supplier " + std::to_string(i) + " GmbH");
        b += "," + std::to_string(100000 + static_cast<int>(next() * 1000));
        for (int k = 1; k < kCriteria; ++k) {
            char buf[32];
            std::snprintf(buf, sizeof buf, ",%.2f", next());
            b += buf;
        }
        b += "\n";
    }
    return t;
}

struct Loaded {
    CriteriaSet rules;
    BidTable bids;
};

Loaded load(const Tender& t) {
    auto r = lang::load_rules_text(t.rules_text, "bench.crit");
    if (!r.ok()) {
        std::fprintf(stderr, "bench rules do not check:\n%s\n", format_diagnostics(r.diagnostics).c_str());
        std::exit(1);
    }
    auto b = read_bids_csv(t.bids_csv, "bench.csv", r.rules.fields, {});
    if (!b.ok()) {
        std::fprintf(stderr, "bench bids do not read\n");
        std::exit(1);
    }
    return {std::move(r.rules), std::move(b.table)};
}

io::ExportInfo export_info() {
    io::ExportInfo info;
    info.tool_version = "bench";
    info.exported_at = "2026-11-29T00:00:00Z";
    info.rules = {"bench.crit", std::string(64, '0')};
    info.bids = {"bench.csv", std::string(64, '0')};
    return info;
}

// TenderLoop's whole job: evaluate, lay out, compile formulas, write every sheet.
void run_export(const Loaded& in, const std::string& path) {
    const Result result = evaluate(in.rules, in.bids);
    io::write_evaluation_workbook(path, in.rules, in.bids, result, export_info());
}

// The same Bids and Scores cells as the export writes, ready for a raw writer.
struct Cell {
    enum Kind { Number, Text, Formula } kind = Number;
    double number = 0;
    std::string text;     // text, or formula text
    std::string cached;   // a formula's text result ("" or #N/A) when !has_number
    bool has_number = true;
};
using Sheet = std::vector<std::vector<Cell>>;

void extract(const Loaded& in, Sheet& bids_sheet, Sheet& scores_sheet) {
    const Result result = evaluate(in.rules, in.bids);
    const io::wb::LotLayout layout(in.rules, in.bids, result.lots[0], "Bids", "Scores");
    for (int i = 0; i < layout.size(); ++i) {
        const Bid& b = in.bids.bids[static_cast<std::size_t>(i)];
        std::vector<Cell> row{{Cell::Text, 0, b.bidder, "", true}, {Cell::Text, 0, b.submitted, "", true}};
        for (double v : b.values) row.push_back({Cell::Number, v, "", "", true});
        bids_sheet.push_back(std::move(row));
        std::vector<Cell> s{{Cell::Text, 0, layout.outcome(i).bidder, "", true}};
        for (std::size_t c = 1; c < layout.columns().size(); ++c) {
            const auto& col = layout.columns()[c];
            const io::wb::Cached v = col.values.get(i);
            Cell cell{Cell::Formula, v.number, io::wb::at_row(col.formula, layout.excel_row(i)), v.text,
                      v.kind == io::wb::Cached::Number};
            s.push_back(std::move(cell));
        }
        scores_sheet.push_back(std::move(s));
    }
}

// Raw libxlsxwriter (constant_memory): the cells only, no checks, no layout, no other sheets.
void run_raw(const Sheet& bids_sheet, const Sheet& scores_sheet, const std::string& path) {
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
    for (const auto& [name, sheet] : {std::make_pair("Bids", &bids_sheet), std::make_pair("Scores", &scores_sheet)}) {
        lxw_worksheet* ws = workbook_add_worksheet(wb, name);
        for (std::size_t r = 0; r < sheet->size(); ++r) {
            const auto row = static_cast<lxw_row_t>(r + 1);
            for (std::size_t c = 0; c < (*sheet)[r].size(); ++c) {
                const Cell& x = (*sheet)[r][c];
                const auto col = static_cast<lxw_col_t>(c);
                if (x.kind == Cell::Number) worksheet_write_number(ws, row, col, x.number, nullptr);
                else if (x.kind == Cell::Text) worksheet_write_string(ws, row, col, x.text.c_str(), nullptr);
                else if (x.has_number) worksheet_write_formula_num(ws, row, col, x.text.c_str(), nullptr, x.number);
                else worksheet_write_formula_str(ws, row, col, x.text.c_str(), nullptr, x.cached.c_str());
            }
        }
    }
    if (workbook_close(wb) != LXW_NO_ERROR) {
        std::fprintf(stderr, "raw write failed\n");
        std::exit(1);
    }
}

// The cells for the Python peer: sheet, row, col, kind (n/s/f/g), value, formula; tab-separated.
void write_tsv(const Sheet& bids_sheet, const Sheet& scores_sheet, const std::string& path) {
    std::ofstream out(path, std::ios::binary);
    for (const auto& [name, sheet] : {std::make_pair("Bids", &bids_sheet), std::make_pair("Scores", &scores_sheet)})
        for (std::size_t r = 0; r < sheet->size(); ++r)
            for (std::size_t c = 0; c < (*sheet)[r].size(); ++c) {
                const Cell& x = (*sheet)[r][c];
                out << name << '\t' << r + 1 << '\t' << c << '\t';
                char num[40];
                std::snprintf(num, sizeof num, "%.17g", x.number);
                if (x.kind == Cell::Number) out << "n\t" << num << "\t\n";
                else if (x.kind == Cell::Text) out << "s\t" << x.text << "\t\n";
                else if (x.has_number) out << "f\t" << num << '\t' << x.text << '\n';
                else out << "g\t" << x.cached << '\t' << x.text << '\n';
            }
}


}  // namespace

int main(int argc, char** argv) {
    if (argc < 4) {
        std::fprintf(stderr, "usage: tl_bench_export compare N REPEATS OUT_DIR | export|raw|evaluate N OUT_DIR\n");
        return 2;
    }
    const std::string mode = argv[1];
    const int n = std::atoi(argv[2]);
    const Loaded in = load(generate(n));
    if (mode == "compare") {
        const int repeats = std::atoi(argv[3]);
        const std::string dir = argc > 4 ? argv[4] : ".";
        Sheet bids_sheet, scores_sheet;
        extract(in, bids_sheet, scores_sheet);
        std::size_t cells = 0;
        for (const auto& r : bids_sheet) cells += r.size();
        for (const auto& r : scores_sheet) cells += r.size();
        write_tsv(bids_sheet, scores_sheet, dir + "/cells.tsv");
        const double t_eval = median_seconds(repeats, [&] { (void)evaluate(in.rules, in.bids); });
        const double t_export = median_seconds(repeats, [&] { run_export(in, dir + "/export.xlsx"); });
        const double t_raw = median_seconds(repeats, [&] { run_raw(bids_sheet, scores_sheet, dir + "/raw.xlsx"); });
        std::printf("bids %d, criteria %d, Bids+Scores cells %zu\n", n, kCriteria, cells);
        std::printf("evaluate only            %8.3f s\n", t_eval);
        std::printf("tenderloop export        %8.3f s  (evaluate + layout + formulas + all sheets)\n", t_export);
        std::printf("raw libxlsxwriter        %8.3f s  (the same Bids and Scores cells, precomputed)\n", t_raw);
        std::printf("ratio export / raw       %8.2f\n", t_export / t_raw);
        return 0;
    }
    const std::string dir = argv[3];
    if (mode == "export") run_export(in, dir + "/export.xlsx");
    else if (mode == "evaluate") (void)evaluate(in.rules, in.bids);
    else if (mode == "raw") {
        Sheet bids_sheet, scores_sheet;
        extract(in, bids_sheet, scores_sheet);
        run_raw(bids_sheet, scores_sheet, dir + "/raw.xlsx");
    } else {
        std::fprintf(stderr, "unknown mode %s\n", mode.c_str());
        return 2;
    }
    return 0;
}
