// libFuzzer target for opening a project file (app/tender_project.hpp over store/project.hpp): the
// input's bytes are written to a .tender file, which is opened, read (rules, bids, committee,
// audit log), verified (the audit chain) and evaluated, and then changed once, as a user opening
// a damaged or crafted file would. The seed is a real project made by `tenderloop new` and a bids
// import in run.sh.
//
// Everything may be refused (store::StoreError, with a message for the user); nothing may crash,
// leak or throw anything else, which libFuzzer reports as a crash.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

#include "app/tender_project.hpp"
#include "store/errors.hpp"

namespace {

// In the working directory: run.sh runs the fuzzer in a scratch folder.
const char* const kPath = "fuzz-project.tender";

bool write_file(const uint8_t* data, size_t size) {
    std::remove(kPath);
    std::remove((std::string(kPath) + "-journal").c_str());
    std::FILE* f = std::fopen(kPath, "wb");
    if (!f) return false;
    const bool ok = std::fwrite(data, 1, size, f) == size;
    return std::fclose(f) == 0 && ok;
}

void read_everything(tl::app::TenderProject& project) {
    (void)project.info();
    (void)project.audit_head();
    for (const auto& bid : project.bids()) (void)project.bid_entry(bid.bidder, bid.lot);
    (void)project.rules_history();
    (void)project.audit_log();
    (void)project.verify_audit();
    const auto& rules = project.rules();
    (void)tl::format_diagnostics(rules.diagnostics);
    if (!rules.ok()) return;
    (void)project.committee_scores(rules.rules);
    (void)project.evaluate();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (!write_file(data, size)) return 0;
    try {
        auto project = tl::app::TenderProject::open(kPath, "fuzz", "fuzz");
        try {
            read_everything(project);
        } catch (const tl::store::StoreError&) {
            // A damaged record found while reading: refused with a message, as it should be.
        }
        (void)project.add_evaluator("Fuzz Evaluator", tl::store::Role::Member, "fuzzing");
    } catch (const tl::store::StoreError&) {
        // Not a project, too new, damaged, unreadable: refused with a message.
    }
    return 0;
}
