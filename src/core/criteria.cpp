#include "core/criteria.hpp"

namespace tl {

const char* criterion_kind_name(CriterionKind k) {
    switch (k) {
        case CriterionKind::Price: return "price";
        case CriterionKind::Cost: return "cost";
        case CriterionKind::Quality: return "quality";
    }
    return "quality";
}

const char* committee_combine_name(CommitteeCombine c) {
    switch (c) {
        case CommitteeCombine::Consensus: return "consensus";
        case CommitteeCombine::Mean: return "mean";
        case CommitteeCombine::Median: return "median";
    }
    return "consensus";
}

int CriteriaSet::criterion_index(const std::string& id) const {
    for (std::size_t i = 0; i < criteria.size(); ++i)
        if (criteria[i].id == id) return static_cast<int>(i);
    return -1;
}

bool CriteriaSet::weights_in_points() const {
    return !criteria.empty() && criteria.front().weight_kind == WeightKind::Points;
}

}  // namespace tl
