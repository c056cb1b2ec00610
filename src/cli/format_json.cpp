// `evaluate --format json`: the whole result for programs, numbers in full double precision.
#include <cmath>

#include <nlohmann/json.hpp>

#include "cli/format.hpp"

namespace tl::cli {

namespace {

// ordered_json: keys stay in the documented order (bidder, rank, total, ...), easier to read.
using json = nlohmann::ordered_json;

/// {criterion id: value} for the criteria that have a value (NaN is never written).
json per_criterion(const CriteriaSet& rules, const std::vector<double>& values) {
    json out = json::object();
    for (std::size_t c = 0; c < rules.criteria.size() && c < values.size(); ++c)
        if (std::isfinite(values[c])) out[rules.criteria[c].id] = values[c];
    return out;
}

json number_or_null(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }

/// {let id: value} for every let with a value for this bid (NaN is never written).
json per_let(const CriteriaSet& rules, const std::vector<double>& values) {
    json out = json::object();
    for (std::size_t l = 0; l < rules.lets.size() && l < values.size(); ++l)
        if (std::isfinite(values[l])) out[rules.lets[l].id] = values[l];
    return out;
}

/// How the tie-break chain ordered a bid against one with the same total, or null.
json tie_break_json(const BidOutcome& b) {
    if (!b.tie_break) return nullptr;
    const TieBreakNote& n = *b.tie_break;
    return {{"step", n.step < 0 ? json(nullptr) : json(n.step_text)},
            {"value", n.step < 0 ? json(nullptr) : json(n.value)},
            {"other_bidder", n.other_bidder},
            {"other_value", n.step < 0 ? json(nullptr) : json(n.other_value)}};
}

json bid_json(const CriteriaSet& rules, const BidOutcome& b) {
    json excluded = json::array();
    for (const Exclusion& e : b.excluded_because)
        excluded.push_back({{"rule", e.rule_id}, {"name", e.rule_name}, {"detail", e.detail}, {"gate", e.gate}});
    json flags = json::array();
    for (const Flag& f : b.flags) flags.push_back({{"rule", f.rule_id}, {"name", f.rule_name}, {"detail", f.detail}});
    return {
        {"bidder", b.bidder},
        {"rank", b.ranked() ? json(b.rank) : json(nullptr)},
        {"total", b.ranked() ? number_or_null(b.total) : json(nullptr)},
        {"admissible", b.admissible},
        {"eliminated", b.eliminated},
        {"scores", per_criterion(rules, b.scores)},
        {"contributions", per_criterion(rules, b.contributions)},
        {"excluded_because", excluded},
        {"flags", flags},
        {"tied", b.tied},
        {"tie_break", tie_break_json(b)},
        {"lets", per_let(rules, b.lets)},
    };
}

}  // namespace

std::string format_json(const CriteriaSet& rules, const Result& result) {
    json lots = json::array();
    for (const LotOutcome& lot : result.lots) {
        json ranking = json::array();
        for (const BidOutcome& b : lot.bids) ranking.push_back(bid_json(rules, b));
        json ties = json::array();
        for (const auto& group : lot.ties) ties.push_back(group);
        lots.push_back({{"lot", lot.lot}, {"name", lot.lot_name}, {"ranking", ranking}, {"ties", ties}});
    }
    const TenderInfo& t = rules.tender;
    json out = {
        {"tender", {{"title", t.title}, {"reference", t.reference}, {"currency", t.currency}}},
        {"lots", lots},
    };
    // ensure_ascii off: names stay readable UTF-8; invalid UTF-8 is replaced, never thrown on.
    return out.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace tl::cli
