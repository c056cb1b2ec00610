#pragma once
// Internal to tl_store: the committee as stored (evaluators, declarations, scores, consensus),
// loaded in one go, and the committee criteria of a set of rules.
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "core/criteria.hpp"
#include "store/sqlite.hpp"
#include "store/types.hpp"

namespace tl::store {

struct MemberState {
    std::int64_t id = 0;
    Evaluator evaluator;
    bool declared = false;
    bool whole_tender = false;
    std::set<std::string> conflicts;  ///< bidders
    bool barred_from(const std::string& bidder) const { return whole_tender || conflicts.count(bidder) > 0; }
};

struct StoredScore {
    double value = 0;
    std::string justification;
    bool submitted = false;
    std::string updated_at;
};

struct StoredConsensus {
    double value = 0;
    std::string justification, decided_by, decided_at;
};

struct CommitteeState {
    std::vector<MemberState> members;  ///< in the order they were added
    /// (evaluator id, bid id, criterion) -> score
    std::map<std::tuple<std::int64_t, std::int64_t, std::string>, StoredScore> scores;
    /// (bid id, criterion) -> consensus
    std::map<std::pair<std::int64_t, std::string>, StoredConsensus> consensus;

    const MemberState* member(const std::string& name) const;
    const MemberState* chair() const;
};

CommitteeState load_committee(sql::Db& db);

/// The criteria of `rules` that the committee scores (Criterion::committee_field >= 0).
std::vector<const Criterion*> committee_criteria(const CriteriaSet& rules);

/// The committee criterion `id` of the rules; NotFound (listing the committee criteria) otherwise.
const Criterion& require_committee_criterion(const CriteriaSet& rules, const std::string& id);

/// Refuses a value outside the criterion's committee scale.
void check_committee_value(const Criterion& c, double value);

/// "2.5" for messages.
std::string score_text(double v);

}  // namespace tl::store
