#pragma once
// Test helpers: load rules from a string, read bids from CSV text, evaluate, and find a bid.
#include <catch2/catch.hpp>
#include <string>

#include "core/engine.hpp"
#include "core/explain.hpp"
#include "io/csv/bids_csv.hpp"
#include "lang/load.hpp"

namespace tl::test {

/// Rules that must check cleanly (the test fails with the diagnostics otherwise).
inline CriteriaSet rules_from(const std::string& text) {
    auto r = lang::load_rules_text(text, "test.crit");
    INFO(format_diagnostics(r.diagnostics));
    REQUIRE(r.ok());
    return r.rules;
}

/// Diagnostics of rules text, formatted.
inline std::string diagnostics_of(const std::string& text) {
    return format_diagnostics(lang::load_rules_text(text, "test.crit").diagnostics);
}

inline BidTable bids_from(const CriteriaSet& rules, const std::string& csv) {
    std::vector<std::string> lots;
    for (const auto& l : rules.tender.lots) lots.push_back(l.id);
    auto b = read_bids_csv(csv, "bids.csv", rules.fields, lots);
    INFO(format_diagnostics(b.diagnostics));
    REQUIRE(b.ok());
    return b.table;
}

inline const BidOutcome& outcome(const LotOutcome& lot, const std::string& bidder) {
    for (const auto& o : lot.bids)
        if (o.bidder == bidder) return o;
    FAIL("no bidder " << bidder);
    return lot.bids.front();
}

/// Evaluates rules text against bids CSV text (single lot) and returns the lot outcome.
inline LotOutcome run(const std::string& rules_text, const std::string& csv) {
    CriteriaSet rules = rules_from(rules_text);
    BidTable bids = bids_from(rules, csv);
    Result r = evaluate(rules, bids);
    REQUIRE(r.lots.size() == 1);
    return r.lots.front();
}

}  // namespace tl::test
