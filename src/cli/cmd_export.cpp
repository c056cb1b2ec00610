// `tenderloop export RULES.crit --bids BIDS.csv -o evaluation.xlsx`: the committee's workbook.
// `tenderloop export P.tender -o evaluation.xlsx`: the same for a project file, with the audit
// log's head on the Audit sheet, and the export recorded (cli/project_evaluate.hpp).
#include <filesystem>
#include <iostream>

#include "app/file_export.hpp"
#include "cli/cli_translator.hpp"
#include "cli/commands.hpp"
#include "cli/inputs.hpp"
#include "cli/output_check.hpp"
#include "cli/project_cli.hpp"
#include "cli/project_evaluate.hpp"
#include "core/engine.hpp"
#include "io/workbook/evaluation_workbook.hpp"
#include "io/xlsx/xlsx_book.hpp"

#ifndef TL_VERSION
#define TL_VERSION "unknown"
#endif

namespace tl::cli {

namespace {

int run_export(const ParsedArgs& args) {
    expect_positional(args, 1, "RULES.crit");
    const std::string rules_path = args.positional[0], bids_path = args.value("--bids"), out = args.value("-o");
    if (std::filesystem::path(out).extension() != ".xlsx")
        throw UsageError(say(Message("cli.output-not-xlsx", TL_MSG("the output must be an .xlsx file: '{path}'")).text("path", out)));
    if (is_project_path(rules_path)) {
        if (args.has("--bids")) throw UsageError(tr(TL_MSG("a project holds its bids: '--bids' goes with RULES.crit")));
        return export_project(args, out);
    }
    for (const char* project_only : {"--user", "--reason"})
        if (args.has(project_only))
            throw UsageError(say(Message("cli.option-project-only", TL_MSG("option '{option}' goes with a project file (PROJECT.tender)"))
                                     .text("option", project_only)));
    if (!args.has("--bids")) throw UsageError(missing_option("--bids", "BIDS.csv"));

    const auto loaded = load_rules(rules_path);
    if (!loaded) return kExitFailure;
    std::vector<std::string> inputs = rule_files(*loaded);
    inputs.push_back(bids_path);
    if (!output_allowed("export", out, app::FileKind::Zip, std::move(inputs), args)) return kExitFailure;
    const auto bids = load_bids(bids_path, loaded->rules);
    if (!bids) return kExitFailure;
    // Fingerprints of the bytes as read (the inputs were just read successfully).
    const auto rules_bytes = read_input(rules_path, InputKind::Rules);
    const auto bids_bytes = read_input(bids_path, InputKind::Bids);
    if (!rules_bytes || !bids_bytes) return kExitFailure;

    const Result result = evaluate(loaded->rules, *bids);
    const io::ExportInfo info = app::file_export_info(rules_path, *rules_bytes, bids_path, *bids_bytes, TL_VERSION);
    try {
        io::write_evaluation_workbook(out, loaded->rules, *bids, result, info);
    } catch (const io::XlsxError& e) {
        std::cerr << "tenderloop export: " << say(e.message) << "\n";
        return kExitFailure;
    }
    std::size_t ranked = 0;
    for (const auto& lot : result.lots)
        for (const auto& o : lot.bids) ranked += o.ranked() ? 1 : 0;
    std::cout << wrote_workbook(out, result.lots.size(), bids->bids.size(), ranked) << "\n";
    return kExitOk;
}

}  // namespace

Command export_command() {
    std::vector<OptionSpec> options{{"--bids", "BIDS.csv", tr(TL_MSG("the bids, one row per bid (as for evaluate); not for a project"))},
                                    {"-o", "FILE.xlsx", tr(TL_MSG("the workbook to write (replaced only when complete)")), true},
                                    force_option()};
    for (auto& o : change_options()) options.push_back({o.name, o.value_name, project_option_help(o.help)});
    return {"export", "RULES.crit|PROJECT.tender",
            tr(TL_MSG("Write the evaluation workbook (.xlsx): summary, bids, live-formula scores, method, audit. A project "
                      "also records the export.")),
            options, &run_export};
}

}  // namespace tl::cli
