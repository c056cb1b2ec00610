// `evaluate --format csv`: one row per bid for a spreadsheet, safe to open in one.
#include <cmath>

#include <fmt/format.h>

#include "cli/format.hpp"
#include "cli/printable.hpp"

namespace tl::cli {

namespace {

/// Numbers in full precision (the shortest text that reads back to the same double).
std::string number_cell(double v) { return std::isfinite(v) ? fmt::format("{}", v) : ""; }

/// A text from the rules or the bids: guarded against formula injection, and with control
/// characters (ESC, the C1 controls...) written visibly, as on the terminal, so that neither a
/// terminal showing the output nor a spreadsheet opening it acts on them.
std::string text_cell(const std::string& text) { return csv_text_cell(terminal_safe(text)); }

}  // namespace

std::string format_csv(const CriteriaSet& rules, const Result& result) {
    std::string out = "lot,rank,bidder,total";
    for (const auto& c : rules.criteria) out += "," + text_cell(c.id);
    out += ",admissible,excluded_because,flags";
    // Every let's value after the fixed columns (so that existing columns keep their places).
    for (const auto& l : rules.lets) out += "," + text_cell("let:" + l.id);
    out += "\n";
    for (const LotOutcome& lot : result.lots) {
        for (const BidOutcome& b : lot.bids) {
            out += text_cell(lot.lot) + ",";
            out += (b.ranked() ? std::to_string(b.rank) : "") + ",";
            out += text_cell(b.bidder) + ",";
            out += (b.ranked() ? number_cell(b.total) : "");
            for (std::size_t c = 0; c < rules.criteria.size(); ++c)
                out += "," + (c < b.scores.size() ? number_cell(b.scores[c]) : "");
            std::string flags, excluded;
            for (const Flag& f : b.flags) flags += (flags.empty() ? "" : " ") + f.rule_id;
            // The ids of the failed requirements, or gate:<criterion> for a minimum score.
            for (const Exclusion& e : b.excluded_because)
                excluded += std::string(excluded.empty() ? "" : " ") + (e.gate ? "gate:" : "") + e.rule_id;
            out += std::string(",") + (b.admissible ? "yes" : "no") + "," + text_cell(excluded) + "," +
                   text_cell(flags);
            for (std::size_t l = 0; l < rules.lets.size(); ++l) out += "," + (l < b.lets.size() ? number_cell(b.lets[l]) : "");
            out += "\n";
        }
    }
    return out;
}

}  // namespace tl::cli
