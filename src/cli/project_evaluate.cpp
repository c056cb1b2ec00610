#include "cli/project_evaluate.hpp"

#include <filesystem>
#include <iostream>

#include <nlohmann/json.hpp>

#include "cli/cli_translator.hpp"
#include "cli/format.hpp"
#include "cli/inputs.hpp"
#include "cli/printable.hpp"
#include "cli/project_cli.hpp"
#include "core/engine.hpp"
#include "core/sha256.hpp"
#include "io/workbook/evaluation_workbook.hpp"
#include "io/xlsx/xlsx_book.hpp"

#ifndef TL_VERSION
#define TL_VERSION "unknown"
#endif

namespace tl::cli {

namespace {

struct Inputs {
    lang::LoadResult rules;
    store::RulesVersion version;
    BidTable bids;
    std::vector<store::MissingConsensus> missing;
};

std::optional<Inputs> read_inputs(const store::Project& p, const std::string& path) {
    auto rules = load_project_rules(p, path);
    if (!rules) return std::nullopt;
    Inputs in{std::move(*rules), p.current_rules(), {}, {}};
    in.bids = p.evaluation_bids(in.rules.rules);
    in.missing = p.missing_consensus(in.rules.rules);
    return in;
}

std::string missing_list(const std::vector<store::MissingConsensus>& missing) {
    std::string out;
    for (const auto& m : missing)
        out += "  " + printable_name(m.criterion) + ": '" + printable_name(m.bid.bidder) + "'" +
               (m.bid.lot.empty() ? "" : " (lot " + printable_name(m.bid.lot) + ")") + "\n";
    return out;
}

std::string count_text(std::size_t n) {
    return std::to_string(n) + (n == 1 ? " consensus score is" : " consensus scores are");
}

/// A CSV with a first column `status` saying PROVISIONAL on every row (quoted cells may hold
/// line breaks, so rows are found by reading the quotes).
std::string csv_with_status(const std::string& csv) {
    std::string out = "status,";
    bool quoted = false;
    for (std::size_t i = 0; i < csv.size(); ++i) {
        const char c = csv[i];
        out += c;
        if (c == '"') quoted = !quoted;
        else if (c == '\n' && !quoted && i + 1 < csv.size()) out += "PROVISIONAL,";
    }
    return out;
}

std::string json_with_status(const std::string& text, const std::vector<store::MissingConsensus>& missing) {
    using json = nlohmann::ordered_json;
    const json in = json::parse(text);
    json out = {{"status", "PROVISIONAL"}, {"provisional", true}};
    json list = json::array();
    for (const auto& m : missing) list.push_back({{"criterion", m.criterion}, {"bidder", m.bid.bidder}, {"lot", m.bid.lot}});
    out["missing_consensus"] = list;
    for (auto it = in.begin(); it != in.end(); ++it) out[it.key()] = it.value();
    return out.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

std::string provisional_banner(const std::vector<store::MissingConsensus>& missing) {
    return "PROVISIONAL RANKING - NOT FOR AN AWARD DECISION: " + count_text(missing.size()) +
           " missing (each counted as the lowest score of its criterion):\n" + missing_list(missing) + "\n";
}

}  // namespace

int evaluate_project(const ParsedArgs& args, const std::string& format) {
    const std::string path = args.positional[0];
    auto p = open_project(path, args, "evaluate");
    if (!p) return kExitFailure;
    try {
        const auto in = read_inputs(*p, path);
        if (!in) return kExitFailure;
        const bool provisional = !in->missing.empty();
        if (provisional && !args.has("--provisional")) {
            std::cerr << "tenderloop evaluate: no ranking: " << count_text(in->missing.size())
                      << " missing (criterion: bid):\n"
                      << missing_list(in->missing)
                      << "record them with 'tenderloop committee " << printable_name(path)
                      << " consensus ...', or ask for a provisional ranking with --provisional\n";
            return kExitFailure;
        }
        const CriteriaSet& rules = in->rules.rules;
        const Result result = evaluate(rules, in->bids);
        std::string json_text = format_json(rules, result);
        if (provisional) json_text = json_with_status(json_text, in->missing);
        std::string output;  // the JSON is printed as recorded, without a copy
        if (format == "csv") output = provisional ? csv_with_status(format_csv(rules, result)) : format_csv(rules, result);
        else if (format == "text") {
            output = format_text(rules, result);
            if (provisional)
                output = provisional_banner(in->missing) + output + "\nPROVISIONAL: see the missing consensus scores above.\n";
        }
        const std::string inputs = sha256_hex(in->version.sha256 + "\n" + store::bid_table_sha256(in->bids));
        const auto run = p->record_run(inputs, provisional, json_text, actor_of(args));
        std::cout << (format == "json" ? json_text : output);
        std::cerr << "recorded as evaluation run " << run << (provisional ? " (PROVISIONAL)" : "") << " of rules version "
                  << in->version.version << "; audit head " << p->audit_head() << "\n";
        return kExitOk;
    } catch (const store::StoreError& e) {
        return report_store_error("evaluate", e);
    }
}

int export_project(const ParsedArgs& args, const std::string& out) {
    const std::string path = args.positional[0];
    auto p = open_project(path, args, "export");
    if (!p) return kExitFailure;
    try {
        const auto in = read_inputs(*p, path);
        if (!in) return kExitFailure;
        if (!in->missing.empty()) {
            std::cerr << "tenderloop export: no workbook: " << count_text(in->missing.size())
                      << " missing (criterion: bid):\n"
                      << missing_list(in->missing) << "record them with 'tenderloop committee " << printable_name(path)
                      << " consensus ...' first\n";
            return kExitFailure;
        }
        const CriteriaSet& rules = in->rules.rules;
        const Result result = evaluate(rules, in->bids);
        const std::string head = p->audit_head();
        io::ExportInfo info;
        info.tool_version = TL_VERSION;
        info.exported_at = utc_now();
        info.rules = {in->version.source_name + " (version " + std::to_string(in->version.version) + " in " +
                          std::filesystem::path(path).filename().string() + ")",
                      in->version.sha256};
        info.bids = {std::to_string(in->bids.bids.size()) + " bids in " + std::filesystem::path(path).filename().string(),
                     store::bid_table_sha256(in->bids)};
        info.audit_head = head;
        const CommitteeScores committee = p->committee_scores(rules);
        if (!committee.criteria.empty()) info.committee = &committee;  // the Committee sheet
        try {
            io::write_evaluation_workbook(out, rules, in->bids, result, info);
        } catch (const io::XlsxError& e) {
            std::cerr << "tenderloop export: " << say(e.message) << "\n";
            return kExitFailure;
        }
        const auto bytes = read_input(out);
        if (!bytes) return kExitFailure;
        p->record_export(out, sha256_hex(*bytes), head, actor_of(args));
        std::size_t ranked = 0;
        for (const auto& lot : result.lots)
            for (const auto& o : lot.bids) ranked += o.ranked() ? 1 : 0;
        std::cout << "wrote " << printable_name(out) << ": " << result.lots.size()
                  << (result.lots.size() == 1 ? " lot, " : " lots, ") << in->bids.bids.size() << " bids, " << ranked
                  << " ranked\naudit head in the workbook: " << head
                  << "\n(check later with: tenderloop audit " << printable_name(path) << " verify --head " << head << ")\n";
        return kExitOk;
    } catch (const store::StoreError& e) {
        return report_store_error("export", e);
    }
}

}  // namespace tl::cli
