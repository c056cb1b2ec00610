#pragma once
// Helpers for the project store tests: a project in a temporary folder with a fixed clock, rules
// with a committee criterion, and raw SQLite access for tampering as someone outside TenderLoop.
#include <sqlite3.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>

#include "lang/load.hpp"
#include "store/project.hpp"

#include "support/files.hpp"
#include "support/temp_dir.hpp"

namespace tl::store_test {

/// A folder that exists for the life of the object.
class TempDir : public tl::test::TempDir {
public:
    TempDir() : tl::test::TempDir("tenderloop-store") {}
};

using tl::test::read_text;
using tl::test::write_text;

/// Two priced bids and one committee criterion on 0 .. 5 (scale 0 .. 100).
inline const std::string kRules =
    "tender { title: \"Chairs\" reference: \"T-1\" currency: EUR }\n"
    "field price: money { name: \"Price\" }\n"
    "field note: text { name: \"Note\" optional }\n"
    "criterion price { kind: price weight: 60 % score: ratio_lowest(price) }\n"
    "criterion plan { name: \"Take-back plan\" weight: 40 % committee: 0 .. 5 }\n";

inline CriteriaSet checked(const std::string& text) {
    auto r = lang::load_rules_text(text, "test.crit");
    INFO(format_diagnostics(r.diagnostics));
    REQUIRE(r.ok());
    return r.rules;
}

/// A clock that moves one second per change, from 2026-01-01T00:00:00Z.
inline store::Clock test_clock() {
    auto n = std::make_shared<int>(0);
    return [n] {
        const int s = (*n)++;
        char buf[32];
        std::snprintf(buf, sizeof buf, "2026-01-01T%02d:%02d:%02dZ", s / 3600 % 24, s / 60 % 60, s % 60);
        return std::string(buf);
    };
}

inline store::Actor who(const std::string& user, const std::string& reason = "") { return {user, reason}; }

/// Bids over `rules.fields`: (bidder, price) pairs; committee and note fields empty.
inline BidTable bids_of(const CriteriaSet& rules, const std::vector<std::pair<std::string, double>>& bids) {
    BidTable t;
    t.fields = rules.fields;
    int row = 2;
    for (const auto& [bidder, price] : bids) {
        Bid b;
        b.bidder = bidder;
        b.values.assign(rules.fields.size(), std::nan(""));
        b.texts.assign(rules.fields.size(), "");
        const int k = t.field_index("price");
        b.values[static_cast<std::size_t>(k)] = price;
        char buf[32];
        std::snprintf(buf, sizeof buf, "%g", price);
        b.texts[static_cast<std::size_t>(k)] = buf;
        b.source_row = row++;
        t.bids.push_back(std::move(b));
    }
    return t;
}

/// A project with kRules in a temporary folder.
struct ProjectFixture {
    TempDir dir;
    std::string path = dir.file("p.tender");
    CriteriaSet rules = checked(kRules);
    store::Project p = create();

    store::Project create() {
        store::NewProject np;
        np.title = "Chairs";
        np.reference = "T-1";
        np.rules_text = kRules;
        np.rules_source_name = "chairs.crit";
        np.tool_version = "test";
        store::ProjectOptions o;
        o.clock = test_clock();
        return store::Project::create(path, np, who("officer", "first draft"), o);
    }
    /// The officer imports the bids; the committee (chair Anna, members Boris and Clara) is added.
    void with_bids_and_committee(const std::vector<std::pair<std::string, double>>& bids) {
        p.import_bids(bids_of(rules, bids), {{"bids.csv", "0"}}, std::vector<std::size_t>(bids.size(), 0), false,
                      who("officer"));
        p.add_evaluator("Anna", store::Role::Chair, who("officer"));
        p.add_evaluator("Boris", store::Role::Member, who("officer"));
        p.add_evaluator("Clara", store::Role::Member, who("officer"));
    }
    void score(const std::string& evaluator, const std::string& bidder, double v) {
        p.record_score({evaluator, {bidder, ""}, "plan", v, "because"}, rules, who(evaluator));
    }
};

/// Options that open a file whose schema is not TenderLoop's (for `verify_audit` to name it).
inline store::ProjectOptions inspection() {
    store::ProjectOptions o;
    o.inspect = true;
    return o;
}

/// Runs SQL on the file directly, as the sqlite3 shell would (no TenderLoop settings).
/// Returns the error message, or "" on success.
inline std::string raw_sql(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) {
        sqlite3_close(db);
        return "cannot open";
    }
    char* err = nullptr;
    std::string message;
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) message = err ? err : "error";
    sqlite3_free(err);
    sqlite3_close(db);
    return message;
}

/// The first column of the first row of `sql`, as text.
inline std::string raw_query(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    sqlite3_open(path.c_str(), &db);
    sqlite3_stmt* s = nullptr;
    std::string out;
    if (sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
        if (const unsigned char* t = sqlite3_column_text(s, 0)) out = reinterpret_cast<const char*>(t);
    sqlite3_finalize(s);
    sqlite3_close(db);
    return out;
}

/// The StoreError a call throws (fails the test when it throws nothing or something else).
template <typename F>
store::StoreError error_of(F&& f) {
    try {
        f();
    } catch (const store::StoreError& e) {
        return e;
    }
    FAIL("no StoreError thrown");
    return store::StoreError(store::StoreErrorKind::Io, tl::Message());
}

}  // namespace tl::store_test
