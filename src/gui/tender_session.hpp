#pragma once
/// The state of one open tender in the app, without wx: the rules text being edited, where the
/// bids come from, and the last successful evaluation. The editor hands in its text; the session
/// checks it with the language library and evaluates the bids under it. The bids come either
/// from a bids CSV file (a rules file opened on its own) or from an open project (a `.tender`
/// file: its stored bids and the committee's consensus, see app/tender_project.hpp).
#include <memory>
#include <string>

#include "core/bids.hpp"
#include "core/criteria.hpp"
#include "core/diagnostic.hpp"
#include "core/result.hpp"
#include "app/tender_project.hpp"
#include "lang/load.hpp"

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
    /// In a project: the same evaluation with the project's records (missing consensus scores,
    /// the committee's marks, the audit head). Null for files.
    std::shared_ptr<const app::ProjectEvaluation> project;
    bool provisional() const { return project && project->provisional(); }
};

/// What one check of the rules text produced.
struct CheckOutcome {
    Diagnostics diagnostics;  ///< of the rules, then of the bids file (when read)
    bool rules_ok = false;
    /// What the language library made of the text, also when it has errors (its syntax trees in
    /// `files`, the model as far as it got): the editor's outline and completion read it.
    std::shared_ptr<const lang::LoadResult> loaded;
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
    bool has_bids() const { return project_ || !bids_path_.empty(); }

    /// Takes the bids from `project` (which must outlive the session's use of it), or from files
    /// again with null. The rules text then belongs to the project: the editor shows its current
    /// version, and check() previews an edited text over the stored bids without recording it.
    void attach_project(const app::TenderProject* project);
    const app::TenderProject* project() const { return project_; }

    /// Checks `rules_text`; when it is fine and bids are open, reads them and evaluates.
    CheckOutcome check(const std::string& rules_text);

    /// The last successful evaluation, or null.
    std::shared_ptr<const Evaluation> current() const { return current_; }

private:
    std::string rules_path_ = "untitled.crit";
    std::string bids_path_, bids_bytes_;
    std::shared_ptr<const Evaluation> current_;
    const app::TenderProject* project_ = nullptr;
};

}  // namespace tl::gui
