#include "app/bid_files.hpp"

#include <cmath>
#include <filesystem>
#include <map>
#include <optional>

#include "app/name_warnings.hpp"
#include "app/tender_project.hpp"
#include "core/sha256.hpp"
#include "io/form/bid_form_import.hpp"
#include "io/csv/bids_csv.hpp"
#include "core/input_file.hpp"

namespace tl::app {

namespace {

bool is_xlsx(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext == ".xlsx";
}

void problem(Diagnostics& ds, const std::string& file, Message message, Severity severity = Severity::Error) {
    SourcePos pos;
    pos.file = file;
    ds.push_back(make_diagnostic(severity, std::move(pos), std::move(message)));
}

}  // namespace

BidFiles read_bid_files(const std::vector<std::string>& paths, const CriteriaSet& rules) {
    BidFiles out;
    out.table.fields = rules.fields;
    std::vector<std::string> lots;
    for (const Lot& l : rules.tender.lots) lots.push_back(l.id);
    std::map<std::pair<std::string, std::string>, std::string> file_of;  // (lot, bidder) -> file

    for (const std::string& path : paths) {
        const std::string name = std::filesystem::path(path).filename().string();
        InputFile file = read_input_file(path, is_xlsx(path) ? InputKind::BidForm : InputKind::Bids);
        if (!file.ok()) {
            problem(out.problems, path, std::move(*file.error));
            out.unreadable = true;
            continue;
        }
        std::string& bytes = file.bytes;
        const std::size_t file_index = out.files.size();
        out.files.push_back({name, sha256_hex(bytes)});
        out.paths.push_back(path);
        std::vector<Bid> read;
        if (is_xlsx(path)) {
            io::BidFormReadResult form = io::read_bid_form(std::move(bytes), path, rules);
            out.problems.insert(out.problems.end(), form.diagnostics.begin(), form.diagnostics.end());
            if (form.ok()) read.push_back(std::move(form.bid));
        } else {
            // Every field, so that a committee column (optional in bids files) is read and then
            // set aside with a warning rather than refused as unknown.
            CsvReadResult csv = read_bids_csv(bytes, path, rules.fields, lots);
            out.problems.insert(out.problems.end(), csv.diagnostics.begin(), csv.diagnostics.end());
            if (csv.ok()) {
                for (std::size_t k = 0; k < rules.fields.size(); ++k) {
                    if (!rules.fields[k].committee) continue;
                    for (const Bid& b : csv.table.bids)
                        if (!b.texts[k].empty()) {
                            problem(out.problems, path,
                                    Message("app.committee-column-ignored",
                                            TL_MSG("the column '{field}' (a committee score) is not imported: in a project "
                                                   "the committee records its scores and consensus ('tenderloop committee')"))
                                        .text("field", rules.fields[k].id),
                                    Severity::Warning);
                            break;
                        }
                }
                read = std::move(csv.table.bids);
            }
        }
        for (Bid& b : read) {
            for (std::size_t k = 0; k < rules.fields.size(); ++k)
                if (rules.fields[k].committee) {
                    b.values[k] = std::nan("");
                    b.texts[k].clear();
                }
            auto [it, fresh] = file_of.emplace(std::make_pair(b.lot, b.bidder), path);
            if (!fresh) {
                Message twice = b.lot.empty()
                                    ? Message("app.bidder-twice", TL_MSG("the bidder '{bidder}' has a bid in {file} already"))
                                    : Message("app.bidder-twice",
                                              TL_MSG("the bidder '{bidder}' (lot '{lot}') has a bid in {file} already"))
                                          .text("lot", b.lot);
                problem(out.problems, path, std::move(twice.text("bidder", b.bidder).text("file", it->second)));
                continue;
            }
            out.table.bids.push_back(std::move(b));
            out.file_of_bid.push_back(file_index);
        }
    }
    // Each bids CSV compared its own names; here the files are compared with each other.
    if (!has_errors(out.problems)) warn_lookalike_names(names_of(out), out.problems);
    return out;
}

}  // namespace tl::app
