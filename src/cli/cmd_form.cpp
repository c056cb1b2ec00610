// `tenderloop form RULES.crit -o bid-form.xlsx [--lot ID]`: the bid response form suppliers fill in
// (read back by `import-form`).
#include <filesystem>
#include <iostream>

#include "cli/cli_translator.hpp"
#include "cli/commands.hpp"
#include "cli/inputs.hpp"
#include "cli/output_check.hpp"
#include "cli/printable.hpp"
#include "io/form/bid_form.hpp"

namespace tl::cli {

namespace {

int run_form(const ParsedArgs& args) {
    expect_positional(args, 1, "RULES.crit");
    const std::string out = args.value("-o");
    if (std::filesystem::path(out).extension() != ".xlsx")
        throw UsageError(say(Message("cli.output-not-xlsx", TL_MSG("the output must be an .xlsx file: '{path}'")).text("path", printable_name(out))));
    const auto loaded = load_rules(args.positional[0]);
    if (!loaded) return kExitFailure;
    const CriteriaSet& rules = loaded->rules;
    if (!output_allowed("form", out, app::FileKind::Zip, rule_files(*loaded), args)) return kExitFailure;

    io::BidFormOptions options;
    options.lot = args.value("--lot");
    if (!options.lot.empty()) {
        std::string ids;
        bool known = false;
        for (const auto& l : rules.tender.lots) {
            ids += (ids.empty() ? "" : ", ") + l.id;
            known = known || l.id == options.lot;
        }
        if (rules.tender.lots.empty()) throw UsageError(tr(TL_MSG("the tender has no lots; leave out --lot")));
        if (!known)
            throw UsageError(say(Message("cli.form.unknown-lot", TL_MSG("unknown lot '{lot}' (the lots are: {lots})"))
                                     .text("lot", printable_name(options.lot))
                                     .text("lots", ids)));
    }
    Message error;
    if (!io::write_bid_form(rules, out, options, error)) {
        std::cerr << "tenderloop form: " << printable_name(say(error)) << "\n";
        return kExitFailure;
    }
    const auto fields = static_cast<long long>(rules.fields.size());
    std::cout << (options.lot.empty()
                      ? say(Message("cli.form.wrote", TL_MSG_PLURAL("wrote {path}: {n} field", "wrote {path}: {n} fields"))
                                .count("n", fields)
                                .text("path", printable_name(out)))
                      : say(Message("cli.form.wrote", TL_MSG_PLURAL("wrote {path}: {n} field, lot {lot}", "wrote {path}: {n} fields, lot {lot}"))
                                .count("n", fields)
                                .text("path", printable_name(out))
                                .text("lot", options.lot)))
              << "\n";
    return kExitOk;
}

}  // namespace

Command form_command() {
    return {"form", "RULES.crit",
            tr(TL_MSG("Write the bid response form (.xlsx) that bidders fill in; read it back with import-form.")),
            {{"-o", "FORM.xlsx", tr(TL_MSG("the form to write (replaced only when complete)")), true},
             {"--lot", "ID", tr(TL_MSG("make the form for this lot only (default: the bidder chooses the lot)"))},
             force_option()},
            &run_form};
}

}  // namespace tl::cli
