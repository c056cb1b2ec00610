#include "app/name_warnings.hpp"

#include <set>

#include "io/names/bidder_names.hpp"

namespace tl::app {

void warn_lookalike_names(const std::vector<NameInInput>& names, Diagnostics& out) {
    std::vector<io::NameSighting> sightings;
    for (const NameInInput& n : names) sightings.push_back({n.name, n.where, n.group});
    for (io::NameFinding& f : io::find_lookalike_names(sightings, true)) {
        SourcePos pos = names[f.name].pos;
        pos.field = "bidder";
        pos.bidder = names[f.name].name;
        out.push_back(make_diagnostic(Severity::Warning, std::move(pos), std::move(f.problem)));
    }
}

std::vector<NameInInput> names_of(const BidFiles& read) {
    std::vector<NameInInput> out;
    std::set<std::pair<std::size_t, std::string>> seen;  // (file, name)
    for (std::size_t i = 0; i < read.table.bids.size() && i < read.file_of_bid.size(); ++i) {
        const Bid& b = read.table.bids[i];
        const std::size_t file = read.file_of_bid[i];
        if (!seen.emplace(file, b.bidder).second) continue;
        const std::string name = file < read.files.size() ? read.files[file].name : std::string();
        NameInInput n{b.bidder, {}, {}, static_cast<int>(file)};
        n.pos.file = file < read.paths.size() ? read.paths[file] : name;
        n.pos.line = b.source_row;
        n.where = b.source_row > 0
                      ? Message("app.names.file-row", TL_MSG("{file}, row {row}")).text("file", name).count("row", b.source_row)
                      : verbatim(name);
        out.push_back(std::move(n));
    }
    return out;
}

std::vector<NameInInput> stored_names(const std::vector<store::StoredBid>& bids, const store::BidKey* except) {
    std::vector<NameInInput> out;
    std::set<std::string> seen;
    for (const store::StoredBid& b : bids) {
        if (except && b.bidder == except->bidder && b.lot == except->lot) continue;
        if (!seen.insert(b.bidder).second) continue;
        out.push_back({b.bidder, Message("app.names.stored", TL_MSG("a bid in the project")), {}, -1});
    }
    return out;
}

}  // namespace tl::app
