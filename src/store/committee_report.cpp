// What the committee has done so far, per committee criterion and bid (status, Committee sheet),
// and the committee's consensus as the engine needs it.
#include <algorithm>
#include <cmath>
#include <limits>

#include "core/decimal_compare.hpp"
#include "store/committee_state.hpp"
#include "store/project_impl.hpp"

namespace tl::store {

namespace {

double median_of(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

}  // namespace

CommitteeScores Project::committee_scores(const CriteriaSet& rules) const {
    const CommitteeState c = load_committee(impl_->db);
    const std::vector<StoredBid> stored = bids();
    CommitteeScores out;
    out.dispersion_threshold = kDispersionThreshold;
    for (const MemberState& m : c.members) {
        CommitteeMember cm;
        cm.name = m.evaluator.name;
        cm.chair = m.evaluator.role == Role::Chair;
        cm.declared = m.declared;
        cm.whole_tender_conflict = m.whole_tender;
        cm.conflicts.assign(m.conflicts.begin(), m.conflicts.end());
        cm.submitted_at = m.evaluator.submitted_at;
        out.evaluators.push_back(std::move(cm));
    }
    for (const Criterion* crit : committee_criteria(rules)) {
        out.criteria.push_back({rules.criterion_index(crit->id), crit->id, crit->display_name(), crit->committee_lo,
                                crit->committee_hi});
        for (std::size_t b = 0; b < stored.size(); ++b) {
            const StoredBid& bid = stored[b];
            CommitteeCell cell;
            cell.criterion = rules.criterion_index(crit->id);
            cell.criterion_id = crit->id;
            cell.bid = static_cast<int>(b);
            cell.bidder = bid.bidder;
            cell.lot = bid.lot;
            std::vector<double> counted;
            for (const MemberState& m : c.members) {
                CommitteeMark mark;
                mark.evaluator = m.evaluator.name;
                mark.barred = m.barred_from(bid.bidder);
                if (auto it = c.scores.find({m.id, bid.id, crit->id}); it != c.scores.end()) {
                    mark.value = it->second.value;
                    mark.justification = it->second.justification;
                    mark.submitted = it->second.submitted;
                }
                if (!mark.barred && mark.scored()) counted.push_back(mark.value);
                if (!mark.barred && !mark.submitted) cell.missing.push_back(m.evaluator.name);
                cell.marks.push_back(std::move(mark));
            }
            cell.scored = static_cast<int>(counted.size());
            if (!counted.empty()) {
                cell.min = *std::min_element(counted.begin(), counted.end());
                cell.max = *std::max_element(counted.begin(), counted.end());
                cell.spread = cell.max - cell.min;
                double sum = 0;
                for (double v : counted) sum += v;
                cell.mean = sum / static_cast<double>(counted.size());
                cell.median = median_of(counted);
                cell.dispersed = decimal_greater(cell.spread, kDispersionThreshold);  // 7.3 - 5.3 is no spread above 2
            }
            if (auto it = c.consensus.find({bid.id, crit->id}); it != c.consensus.end())
                cell.consensus = CommitteeConsensus{it->second.value, it->second.justification, it->second.decided_by,
                                                    it->second.decided_at};
            out.cells.push_back(std::move(cell));
        }
    }
    return out;
}

BidTable Project::evaluation_bids(const CriteriaSet& rules) const {
    BidTable table = bid_table(rules.fields);
    const auto criteria = committee_criteria(rules);
    if (criteria.empty()) return table;
    const CommitteeState c = load_committee(impl_->db);
    const std::vector<StoredBid> stored = bids();
    for (std::size_t b = 0; b < stored.size(); ++b)
        for (const Criterion* crit : criteria) {
            auto it = c.consensus.find({stored[b].id, crit->id});
            const double v = it == c.consensus.end() ? std::numeric_limits<double>::quiet_NaN() : it->second.value;
            table.bids[b].values[static_cast<std::size_t>(crit->committee_field)] = v;
            table.bids[b].texts[static_cast<std::size_t>(crit->committee_field)] =
                std::isnan(v) ? std::string() : score_text(v);
        }
    return table;
}

std::vector<MissingConsensus> Project::missing_consensus(const CriteriaSet& rules) const {
    std::vector<MissingConsensus> out;
    const auto criteria = committee_criteria(rules);
    if (criteria.empty()) return out;
    const CommitteeState c = load_committee(impl_->db);
    const std::vector<StoredBid> stored = bids();
    for (const Criterion* crit : criteria)
        for (const StoredBid& b : stored)
            if (!c.consensus.count({b.id, crit->id})) out.push_back({crit->id, {b.bidder, b.lot}});
    return out;
}

}  // namespace tl::store
