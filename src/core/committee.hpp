#pragma once
/// The evaluation committee's scores of the criteria it scores (`committee: 0 .. 5`), as plain
/// data: filled by the project store (store/project.hpp, Project::committee_scores), shown by
/// `tenderloop committee P.tender status` and written to the workbook's Committee sheet.
/// Header only and free of any library, so that every layer may read it.
#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "core/criteria.hpp"

namespace tl {

/// The mean or median of `marks` (NaN when there is none, or for `Consensus`, which is recorded,
/// not computed). The one place the combination is computed for the store and its reports.
inline double combine_marks(CommitteeCombine how, std::vector<double> marks) {
    if (marks.empty() || how == CommitteeCombine::Consensus) return std::nan("");
    if (how == CommitteeCombine::Mean) {
        double sum = 0;
        for (double v : marks) sum += v;
        return sum / static_cast<double>(marks.size());
    }
    std::sort(marks.begin(), marks.end());
    const std::size_t n = marks.size();
    return n % 2 ? marks[n / 2] : (marks[n / 2 - 1] + marks[n / 2]) / 2;
}

/// One evaluator's mark for one bid on one committee criterion.
struct CommitteeMark {
    std::string evaluator;
    double value = std::nan("");  ///< on the committee's scale; NaN: not scored
    std::string justification;
    bool submitted = false;  ///< locked: the evaluator submitted (false: a draft, or no score)
    bool barred = false;     ///< a declared conflict of interest bars this evaluator from this bid
    bool scored() const { return !std::isnan(value); }
};

/// The consensus the chair recorded for one bid on one committee criterion.
struct CommitteeConsensus {
    double value = 0;  ///< on the committee's scale
    std::string justification;
    std::string decided_by;  ///< the chair
    std::string decided_at;  ///< ISO 8601 UTC
};

/// One committee criterion x one bid.
struct CommitteeCell {
    int criterion = -1;  ///< index into CriteriaSet::criteria
    std::string criterion_id;
    int bid = -1;  ///< index into the project's BidTable (Project::evaluation_bids), same order
    std::string bidder, lot;
    std::vector<CommitteeMark> marks;  ///< one per evaluator, in CommitteeScores::evaluators order
    int scored = 0;  ///< marks with a value (drafts included)
    /// Over the scored marks (NaN when none): lowest, highest, spread = highest - lowest, mean, median.
    double min = std::nan(""), max = std::nan(""), spread = std::nan(""), mean = std::nan(""), median = std::nan("");
    bool dispersed = false;  ///< spread > CommitteeScores::dispersion_threshold: discuss before consensus
    std::optional<CommitteeConsensus> consensus;
    CommitteeCombine combine = CommitteeCombine::Consensus;  ///< the criterion's `combine:`
    /// The submitted marks of the evaluators who may score this bid (drafts and barred members
    /// left out), in evaluator order: what `combine: mean | median` combines.
    std::vector<double> submitted;
    /// The value the evaluation uses: the consensus, or the mean/median of `submitted`; NaN: none yet.
    double value = std::nan("");
    /// Evaluators who may score this bid and have no submitted score for it yet.
    std::vector<std::string> missing;
};

struct CommitteeMember {
    std::string name;
    bool chair = false;
    bool declared = false;         ///< has a conflict-of-interest declaration (needed to score)
    bool whole_tender_conflict = false;
    std::vector<std::string> conflicts;  ///< bidders this member declared a conflict with
    std::string submitted_at;      ///< empty: the scores are open (drafts)
};

/// A committee criterion as the rules declare it.
struct CommitteeCriterionInfo {
    int criterion = -1;  ///< index into CriteriaSet::criteria
    std::string id, name;
    double lo = 0, hi = 0;  ///< the committee's scale (`committee: 0 .. 5`)
    CommitteeCombine combine = CommitteeCombine::Consensus;  ///< `combine:`
};

struct CommitteeScores {
    double dispersion_threshold = 0;  ///< on the committee's scale (store: kDispersionThreshold)
    std::vector<CommitteeCriterionInfo> criteria;
    std::vector<CommitteeMember> evaluators;
    std::vector<CommitteeCell> cells;  ///< per committee criterion (rules order), per bid (table order)
};

}  // namespace tl
