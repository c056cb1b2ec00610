// `tenderloop import-form RULES.crit FORM.xlsx [FORM2.xlsx ...] -o bids.csv`: filled-in bid forms
// to the bids CSV that `evaluate --bids` reads. All forms are checked before anything is written:
// either every form is good and the CSV is complete, or nothing is written.
#include <filesystem>
#include <iostream>
#include <map>

#include "cli/cli_translator.hpp"
#include "cli/commands.hpp"
#include "cli/inputs.hpp"
#include "cli/output_check.hpp"
#include "cli/printable.hpp"
#include "app/name_warnings.hpp"
#include "app/save_file.hpp"
#include "io/form/bid_form_import.hpp"
#include "io/csv/bids_csv.hpp"
#include "io/csv/bids_csv_writer.hpp"

namespace tl::cli {

namespace {

int run_import_form(const ParsedArgs& args) {
    if (args.positional.empty())
        throw UsageError(say(Message("cli.missing-argument", TL_MSG("missing argument {what}")).text("what", "RULES.crit")));
    if (args.positional.size() < 2) throw UsageError(tr(TL_MSG("missing argument FORM.xlsx (one or more filled-in forms)")));
    const std::string out = args.value("-o");
    const auto loaded = load_rules(args.positional[0]);
    if (!loaded) return kExitFailure;
    const CriteriaSet& rules = loaded->rules;
    if (out != "-") {
        // Checked before any form is read: the CSV must not take the place of a form, the rules or a project.
        std::vector<std::string> inputs = rule_files(*loaded);
        inputs.insert(inputs.end(), args.positional.begin() + 1, args.positional.end());
        if (!output_allowed("import-form", out, app::FileKind::Text, std::move(inputs), args)) return kExitFailure;
    }

    BidTable table;
    table.fields = rules.fields;
    Diagnostics problems;
    bool unreadable = false;
    std::map<std::string, std::string> form_of;  // lot + '\n' + bidder -> form file
    std::vector<app::NameInInput> names;         // each good form's bidder
    for (std::size_t i = 1; i < args.positional.size(); ++i) {
        const std::string& path = args.positional[i];
        auto bytes = read_input(path, InputKind::BidForm);
        if (!bytes) {
            unreadable = true;
            continue;
        }
        io::BidFormReadResult read = io::read_bid_form(std::move(*bytes), path, rules);
        problems.insert(problems.end(), read.diagnostics.begin(), read.diagnostics.end());
        if (!read.ok()) continue;
        const Bid& bid = read.bid;
        auto [it, fresh] = form_of.emplace(bid.lot + '\n' + bid.bidder, path);
        if (!fresh) {
            SourcePos pos;
            pos.file = path;
            Message twice = bid.lot.empty()
                                ? Message("cli.form-twice", TL_MSG("the bidder '{bidder}' has a form already: {file}"))
                                : Message("cli.form-twice", TL_MSG("the bidder '{bidder}' (lot '{lot}') has a form already: {file}"))
                                      .text("lot", bid.lot);
            problems.push_back(
                make_diagnostic(Severity::Error, std::move(pos), std::move(twice.text("bidder", bid.bidder).text("file", it->second))));
            continue;
        }
        table.bids.push_back(bid);
        app::NameInInput name{bid.bidder, verbatim(std::filesystem::path(path).filename().string()), {}, static_cast<int>(i)};
        name.pos.file = path;
        names.push_back(std::move(name));
    }
    // Look-alike bidders across the forms (each form's own name was checked as it was read).
    if (!has_errors(problems)) app::warn_lookalike_names(names, problems);
    if (!problems.empty()) std::cerr << terminal_safe(format_diagnostics(problems, translator()));
    if (unreadable || has_errors(problems)) {
        std::cerr << "tenderloop import-form: " << tr(TL_MSG("nothing written; correct the forms above and run again")) << "\n";
        return kExitFailure;
    }

    const std::string csv = io::format_bids_csv(table, !rules.tender.lots.empty());
    // The CSV must read back exactly as `evaluate` will read it; anything else is a bug here.
    std::vector<std::string> lots;
    for (const auto& l : rules.tender.lots) lots.push_back(l.id);
    const CsvReadResult back = read_bids_csv(csv, out, rules.fields, lots);
    if (!back.ok()) {
        std::cerr << "tenderloop import-form: " << tr(TL_MSG("internal error: the CSV does not read back:")) << "\n"
                  << terminal_safe(format_diagnostics(back.diagnostics, translator()));
        return kExitInternal;
    }
    if (out == "-") {
        std::cout << csv;
        return kExitOk;
    }
    if (const app::ChangeOutcome saved = app::save_file(out, csv); !saved.ok) {
        std::cerr << terminal_safe(say(saved.summary_message)) << "\n";  // "cannot write PATH: reason"
        return kExitFailure;
    }
    const std::size_t forms = args.positional.size() - 1;
    std::cout << say(Message("cli.import-form.wrote", TL_MSG("wrote {path}: {bids} from {forms}"))
                         .text("path", printable_name(out))
                         .nested("bids", Message("cli.n-bids", TL_MSG_PLURAL("{n} bid", "{n} bids"))
                                             .count("n", static_cast<long long>(table.bids.size())))
                         .nested("forms", Message("cli.n-forms", TL_MSG_PLURAL("{n} form", "{n} forms"))
                                              .count("n", static_cast<long long>(forms))))
              << "\n";
    return kExitOk;
}

}  // namespace

Command import_form_command() {
    return {"import-form", "RULES.crit FORM.xlsx [FORM.xlsx ...]",
            tr(TL_MSG("Read filled-in bid forms, check every answer, and write the bids CSV for evaluate.")),
            {{"-o", "BIDS.csv", tr(TL_MSG("the bids CSV to write ('-' for standard output); written only if all forms are good")), true},
             force_option()},
            &run_import_form};
}

}  // namespace tl::cli
