#pragma once
/// What the Committee page shows, read once from the open project after each change: the
/// committee's marks (core/committee.hpp), the declarations in the evaluators' words, the bidders,
/// and the consensus values the ranking still needs; plus the few texts every committee view
/// spells the same way (numbers, bids, declarations). Plain data, no windows.
#include <string>
#include <vector>

#include <wx/string.h>

#include "core/committee.hpp"
#include "store/types.hpp"

namespace tl::gui {

class ProjectDocument;

struct CommitteeData {
    bool open = false;      ///< a project is open
    bool rules_ok = false;  ///< its rules check: without them there is no scoring sheet
    CommitteeScores scores;
    std::vector<wxString> criterion_names;  ///< per scores.criteria, in the UI language
    std::vector<store::CoiDeclaration> declarations;
    std::vector<std::string> bidders;  ///< distinct, in the project's bid order
    std::vector<store::MissingConsensus> missing_consensus;

    /// Number of bids (cells per criterion).
    std::size_t bid_count() const;
    /// The cell of committee criterion `k` (index into scores.criteria) and bid `b`; null if none.
    const CommitteeCell* cell(std::size_t k, std::size_t b) const;
    /// Index into scores.evaluators, -1 when absent.
    int member_index(const std::string& name) const;
    const CommitteeMember* member(const std::string& name) const;
    const CommitteeMember* chair() const;
    /// "Take-back and reuse plan (0 .. 5)".
    wxString criterion_title(std::size_t k) const;
    /// Scores evaluator `e` may give and how many of them are recorded (drafts included).
    int scores_expected(std::size_t e) const;
    int scores_given(std::size_t e) const;
};

/// Reads the open project (an empty CommitteeData when none is open).
CommitteeData read_committee(const ProjectDocument& document);

/// A mark or a statistic for display: at most two decimals, in the UI locale's number format (as
/// the results show theirs); "" for NaN.
wxString mark_text(double v);

/// Reads a score typed by a person: "3", "2.5", "2,5". NaN when it is not one number.
double parse_mark(const wxString& text);

/// Checks a typed score against the scale lo..hi; empty when fine, else why not (translated).
wxString check_mark(const wxString& text, double lo, double hi, double* value);

/// "Officina Verde", or "Officina Verde [Lot 2]" in a tender with lots.
wxString bid_title(const std::string& bidder, const std::string& lot);

/// "2026-04-14 11:00" from the store's "2026-04-14T09:00:00Z": the recorded UTC time in the
/// local time zone, to the minute.
wxString time_text(const std::string& iso);

/// "not declared yet", "no conflict of interest", "conflict with Kontor Circular", "conflict with
/// the whole tender".
wxString declaration_text(const CommitteeMember& m);

/// Why a member may not score a bid (conflict with the bidder or the whole tender); "" if they may.
wxString barred_reason(const CommitteeMember& m, const std::string& bidder);

}  // namespace tl::gui
