// `evaluate --format csv`: one row per bid for a spreadsheet, safe to open in one.
#include <cmath>

#include <fmt/format.h>

#include "cli/format.hpp"

namespace tl::cli {

namespace {

/// Numbers in full precision (the shortest text that reads back to the same double).
std::string number_cell(double v) { return std::isfinite(v) ? fmt::format("{}", v) : ""; }

}  // namespace

std::string format_csv(const CriteriaSet& rules, const Result& result) {
    std::string out = "lot,rank,bidder,total";
    for (const auto& c : rules.criteria) out += "," + csv_text_cell(c.id);
    out += ",admissible,excluded_because,flags\n";
    for (const LotOutcome& lot : result.lots) {
        for (const BidOutcome& b : lot.bids) {
            out += csv_text_cell(lot.lot) + ",";
            out += (b.ranked() ? std::to_string(b.rank) : "") + ",";
            out += csv_text_cell(b.bidder) + ",";
            out += (b.ranked() ? number_cell(b.total) : "");
            for (std::size_t c = 0; c < rules.criteria.size(); ++c)
                out += "," + (c < b.scores.size() ? number_cell(b.scores[c]) : "");
            std::string flags, excluded;
            for (const Flag& f : b.flags) flags += (flags.empty() ? "" : " ") + f.rule_id;
            // The ids of the failed requirements, or gate:<criterion> for a minimum score.
            for (const Exclusion& e : b.excluded_because)
                excluded += std::string(excluded.empty() ? "" : " ") + (e.gate ? "gate:" : "") + e.rule_id;
            out += std::string(",") + (b.admissible ? "yes" : "no") + "," + csv_text_cell(excluded) + "," +
                   csv_text_cell(flags) + "\n";
        }
    }
    return out;
}

}  // namespace tl::cli
