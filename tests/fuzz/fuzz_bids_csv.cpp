// libFuzzer target for the bids CSV reader (io/csv/bids_csv.hpp): tokenizer, separator and BOM
// detection, the header, and every cell as the field types read it. The reader picks the dialect
// itself (`,` `;` or tab, quotes, BOM, decimal comma), so the input goes in as it is; the seeds in
// corpus-bids/ hold every dialect. Each input is read twice, against the rules' two lots and
// against a tender without lots, since the lot column is checked differently in each.
//
// Besides crashes and sanitizer findings it checks the reader's promise (bids_csv.hpp): either a
// complete table and no errors, or errors and an empty table, every error with a place.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "io/csv/bids_csv.hpp"
#include "readers_rules.hpp"

namespace {

[[noreturn]] void broken_promise(const char* what, const std::string& input) {
    std::fprintf(stderr, "\n=== bids CSV reader: %s\n--- input ---\n%s\n", what, input.c_str());
    std::abort();
}

void read_and_check(const std::string& text, const std::vector<std::string>& lots) {
    const tl::CriteriaSet& rules = tl::fuzz::readers_rules();
    const tl::CsvReadResult result = tl::read_bids_csv(text, "fuzz.csv", rules.fields, lots);
    const std::string report = tl::format_diagnostics(result.diagnostics);  // walks every place
    (void)report;
    if (!result.ok()) {
        if (!result.table.bids.empty()) broken_promise("errors and a partial table", text);
        for (const auto& d : result.diagnostics)
            if (d.severity == tl::Severity::Error && d.pos.file != "fuzz.csv") broken_promise("an error without the file", text);
        return;
    }
    for (const auto& bid : result.table.bids) {
        if (bid.values.size() != rules.fields.size() || bid.texts.size() != rules.fields.size())
            broken_promise("a bid without a value for every field", text);
        if (bid.bidder.empty()) broken_promise("a bid without a bidder", text);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    std::vector<std::string> lots;
    for (const auto& lot : tl::fuzz::readers_rules().tender.lots) lots.push_back(lot.id);
    read_and_check(text, lots);
    read_and_check(text, {});
    return 0;
}
