#pragma once
/// The state of one open tender in the app, without wx: the rules text being edited, the bids
/// file, and the last successful evaluation. The editor hands in its text; the session checks it
/// with the language library, reads the bids against the declared fields and evaluates them.
#include <memory>
#include <string>

#include "core/bids.hpp"
#include "core/criteria.hpp"
#include "core/diagnostic.hpp"
#include "core/result.hpp"

namespace tl::gui {

/// One consistent evaluation: the rules, the bids read against them and the engine's result.
/// Immutable once made, so a worker thread (the workbook export) may keep it while the user
/// goes on editing.
struct Evaluation {
    CriteriaSet rules;
    BidTable bids;
    Result result;
    std::string rules_path, rules_text;  ///< the text as checked (UTF-8)
    std::string bids_path, bids_bytes;
};

/// What one check of the rules text produced.
struct CheckOutcome {
    Diagnostics diagnostics;  ///< of the rules, then of the bids file (when read)
    bool rules_ok = false;
    /// The new evaluation when the rules and the bids were both fine; otherwise null (the
    /// previous evaluation stays current).
    std::shared_ptr<const Evaluation> evaluation;
};

class TenderSession {
public:
    /// The path the rules text belongs to (imports resolve relative to its folder; diagnostics
    /// name it). May be a file that does not exist yet.
    void set_rules_path(const std::string& path) { rules_path_ = path; }
    const std::string& rules_path() const { return rules_path_; }

    /// Reads the bids file's bytes; they are parsed at the next check(). Returns false and sets
    /// `error` when the file cannot be read.
    bool open_bids(const std::string& path, std::string* error);
    const std::string& bids_path() const { return bids_path_; }
    bool has_bids() const { return !bids_path_.empty(); }

    /// Checks `rules_text`; when it is fine and bids are open, reads them and evaluates.
    CheckOutcome check(const std::string& rules_text);

    /// The last successful evaluation, or null.
    std::shared_ptr<const Evaluation> current() const { return current_; }

private:
    std::string rules_path_ = "untitled.crit";
    std::string bids_path_, bids_bytes_;
    std::shared_ptr<const Evaluation> current_;
};

}  // namespace tl::gui
