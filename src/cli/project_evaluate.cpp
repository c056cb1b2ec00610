#include "cli/project_evaluate.hpp"

#include <filesystem>
#include <iostream>

#include <nlohmann/json.hpp>

#include "app/project_export.hpp"
#include "cli/cli_translator.hpp"
#include "cli/format.hpp"
#include "cli/inputs.hpp"
#include "cli/output_check.hpp"
#include "cli/cli_translator.hpp"
#include "cli/printable.hpp"
#include "cli/project_cli.hpp"

#ifndef TL_VERSION
#define TL_VERSION "unknown"
#endif

namespace tl::cli {

namespace {

/// The project evaluated by tl_app, or nothing when its rules do not check (said on stderr).
std::shared_ptr<const app::ProjectEvaluation> evaluation_of(const app::TenderProject& p, const std::string& path) {
    if (!project_rules(p, path)) return nullptr;
    return p.evaluate();
}

std::string missing_list(const std::vector<store::MissingConsensus>& missing) {
    std::string out;
    for (const auto& m : missing)
        out += "  " + printable_name(m.criterion) + ": '" + printable_name(m.bid.bidder) + "'" +
               (m.bid.lot.empty() ? "" : say(Message("cli.in-lot", TL_MSG(" (lot {lot})")).text("lot", printable_name(m.bid.lot)))) +
               (m.needs_submitted_marks
                    ? say(Message("cli.missing.needs-submitted-marks",
                                  TL_MSG(" - no submitted mark: this criterion takes the mean or median of the evaluators' "
                                         "submitted marks, so they must submit their scores (no consensus is needed)")))
                    : std::string()) +
               "\n";
    return out;
}

/// "N consensus scores are missing (criterion: bid):" and the like: `m` says it for `n` scores.
Message missing_count(Message m, std::size_t n) { return m.count("n", static_cast<long long>(n)); }

/// Why a project's ranking or workbook waits for the committee: the headline with the count, the
/// missing consensus scores, and how to record them (`hint` gets the command as {command}).
void report_missing(const std::string& command, Message headline, const std::vector<store::MissingConsensus>& missing,
                    Message hint, const std::string& path) {
    std::cerr << "tenderloop " << command << ": " << say(missing_count(std::move(headline), missing.size())) << "\n"
              << missing_list(missing)
              << say(hint.text("command", "tenderloop committee " + printable_name(path) + " consensus ...")) << "\n";
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
    for (const auto& m : missing) list.push_back({{"criterion", m.criterion},
                        {"bidder", m.bid.bidder},
                        {"lot", m.bid.lot},
                        {"needs", m.needs_submitted_marks ? "submitted_marks" : "consensus"}});
    out["missing_consensus"] = list;
    for (auto it = in.begin(); it != in.end(); ++it) out[it.key()] = it.value();
    return out.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

std::string provisional_banner(const std::vector<store::MissingConsensus>& missing) {
    return say(missing_count(Message("cli.evaluate.provisional-banner",
                                     TL_MSG_PLURAL("PROVISIONAL RANKING - NOT FOR AN AWARD DECISION: {n} consensus score is "
                                                   "missing (each counted as the lowest score of its criterion):",
                                                   "PROVISIONAL RANKING - NOT FOR AN AWARD DECISION: {n} consensus scores are "
                                                   "missing (each counted as the lowest score of its criterion):")),
                             missing.size())) +
           "\n" + missing_list(missing) + "\n";
}

/// Every correction of the rules made after bids arrived, each with its diff: a reader of the
/// evaluation must not miss that the published criteria changed.
std::string corrections_block(const std::vector<RulesCorrection>& corrections) {
    std::string out;
    for (const RulesCorrection& c : corrections) {
        out += say(Message("cli.evaluate.rules-corrected",
                           TL_MSG("The rules were corrected after bids arrived: version {version} on {date} by {user}, "
                                  "reason: {reason}"))
                       .count("version", c.version)
                       .text("date", c.at)
                       .text("user", printable_name(c.user))
                       .text("reason", printable_name(c.reason))) +
               "\n";
        for (const std::string& line : c.diff) out += "    " + terminal_safe(line) + "\n";
    }
    return out + "\n";
}

/// The JSON with a "rules_corrections" array (each correction and its diff lines).
std::string json_with_corrections(const std::string& text, const std::vector<RulesCorrection>& corrections) {
    using json = nlohmann::ordered_json;
    json out = json::parse(text);
    json list = json::array();
    for (const RulesCorrection& c : corrections)
        list.push_back({{"version", c.version}, {"at", c.at}, {"user", c.user}, {"reason", c.reason}, {"diff", c.diff}});
    out["rules_corrections"] = list;
    return out.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace

int evaluate_project(const ParsedArgs& args, const std::string& format) {
    const std::string path = args.positional[0];
    auto p = open_project(path, args, "evaluate");
    if (!p) return kExitFailure;
    try {
        const auto ev = evaluation_of(*p, path);
        if (!ev) return kExitFailure;
        const bool provisional = ev->provisional();
        if (provisional && !args.has("--provisional")) {
            report_missing("evaluate",
                           Message("cli.evaluate.no-ranking",
                                   TL_MSG_PLURAL("no ranking: {n} consensus score is missing (criterion: bid):",
                                                 "no ranking: {n} consensus scores are missing (criterion: bid):")),
                           ev->missing,
                           Message("cli.evaluate.record-or-provisional",
                                   TL_MSG("record them with '{command}', or ask for a provisional ranking with --provisional")),
                           path);
            return kExitFailure;
        }
        const CriteriaSet& rules = ev->rules;
        const Result& result = ev->result;
        std::string json_text = format_json(rules, result);
        if (provisional) json_text = json_with_status(json_text, ev->missing);
        const bool corrected = !ev->corrections.empty();
        if (corrected) json_text = json_with_corrections(json_text, ev->corrections);
        std::string output;  // the JSON is printed as recorded, without a copy
        if (format == "csv") output = provisional ? csv_with_status(format_csv(rules, result)) : format_csv(rules, result);
        else if (format == "text") {
            output = format_text(rules, result);
            if (corrected) output = corrections_block(ev->corrections) + output;
            if (provisional)
                output = provisional_banner(ev->missing) + output + "\n" +
                         tr(TL_MSG("PROVISIONAL: see the missing consensus scores above.")) + "\n";
        }
        const app::ChangeOutcome run = p->record_run(*ev, json_text, reason_of(args));
        if (!run.ok) return report_refusal("evaluate", run);
        std::cout << (format == "json" ? json_text : output);
        // A CSV stays a table: the corrections go to stderr, before the line that says what was recorded.
        if (corrected && format == "csv") std::cerr << corrections_block(ev->corrections);
        if (run.not_recorded) {
            std::cerr << say(Message("cli.evaluate.not-recorded",
                                     TL_MSG("evaluated rules version {version} at audit head {head}; {note}"))
                                 .count("version", ev->rules_version.version)
                                 .text("head", ev->audit_head)
                                 .nested("note", run.summary_message))
                      << "\n";
            return kExitOk;
        }
        std::cerr << say((provisional ? Message("cli.evaluate.recorded-provisional",
                                                TL_MSG("recorded as evaluation run {run} (PROVISIONAL) of rules version {version}; audit head {head}"))
                                      : Message("cli.evaluate.recorded",
                                                TL_MSG("recorded as evaluation run {run} of rules version {version}; audit head {head}")))
                             .count("run", run.recorded)
                             .count("version", ev->rules_version.version)
                             .text("head", p->audit_head()))
                  << "\n";
        return kExitOk;
    } catch (const store::StoreError& e) {
        return report_store_error("evaluate", e);
    }
}

int export_project(const ParsedArgs& args, const std::string& out) {
    const std::string path = args.positional[0];
    if (!output_allowed("export", out, app::FileKind::Zip, {path}, args)) return kExitFailure;
    auto p = open_project(path, args, "export");
    if (!p) return kExitFailure;
    try {
        const auto ev = evaluation_of(*p, path);
        if (!ev) return kExitFailure;
        if (ev->provisional()) {
            report_missing("export",
                           Message("cli.export.no-workbook",
                                   TL_MSG_PLURAL("no workbook: {n} consensus score is missing (criterion: bid):",
                                                 "no workbook: {n} consensus scores are missing (criterion: bid):")),
                           ev->missing, Message("cli.export.record-first", TL_MSG("record them with '{command}' first")), path);
            return kExitFailure;
        }
        const app::ChangeOutcome exported = app::export_workbook(*p, *ev, out, TL_VERSION, reason_of(args));
        if (!exported.ok) return report_refusal("export", exported);
        const std::string& head = ev->audit_head;
        std::size_t ranked = 0;
        for (const auto& lot : ev->result.lots)
            for (const auto& o : lot.bids) ranked += o.ranked() ? 1 : 0;
        std::cout << wrote_workbook(out, ev->result.lots.size(), ev->bids.bids.size(), ranked) << "\n"
                  << say(Message("cli.export.head", TL_MSG("audit head in the workbook: {head}")).text("head", head)) << "\n"
                  << say(Message("cli.export.check-later", TL_MSG("(check later with: {command})"))
                             .text("command", "tenderloop audit " + printable_name(path) + " verify --head " + head))
                  << "\n";
        if (exported.not_recorded) std::cout << say(exported.summary_message) << "\n";
        return kExitOk;
    } catch (const store::StoreError& e) {
        return report_store_error("export", e);
    }
}

}  // namespace tl::cli
