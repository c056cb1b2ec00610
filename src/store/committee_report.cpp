// What the committee has done so far, per committee criterion and bid (status, Committee sheet),
// and the committee's consensus as the engine needs it.
#include <algorithm>
#include <cmath>
#include <limits>

#include "core/decimal_compare.hpp"
#include "store/committee_state.hpp"
#include "store/project_impl.hpp"

namespace tl::store {

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
                                crit->committee_hi, crit->combine});
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
                if (!mark.barred && mark.scored() && mark.submitted) cell.submitted.push_back(mark.value);
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
                cell.median = combine_marks(CommitteeCombine::Median, counted);
                cell.dispersed = decimal_greater(cell.spread, kDispersionThreshold);  // 7.3 - 5.3 is no spread above 2
            }
            if (auto it = c.consensus.find({bid.id, crit->id}); it != c.consensus.end())
                cell.consensus = CommitteeConsensus{it->second.value, it->second.justification, it->second.decided_by,
                                                    it->second.decided_at};
            cell.combine = crit->combine;
            cell.value = crit->combine == CommitteeCombine::Consensus
                             ? (cell.consensus ? cell.consensus->value : std::nan(""))
                             : combine_marks(crit->combine, cell.submitted);
            out.cells.push_back(std::move(cell));
        }
    }
    return out;
}

BidTable Project::evaluation_bids(const CriteriaSet& rules) const {
    BidTable table = bid_table(rules.fields);
    if (committee_criteria(rules).empty()) return table;
    // The committee's value per bid, formed as each criterion's `combine:` says (committee_scores
    // lists the bids in the same order as bid_table).
    for (const CommitteeCell& cell : committee_scores(rules).cells) {
        const Criterion& crit = rules.criteria[static_cast<std::size_t>(cell.criterion)];
        const auto b = static_cast<std::size_t>(cell.bid), f = static_cast<std::size_t>(crit.committee_field);
        table.bids[b].values[f] = cell.value;
        table.bids[b].texts[f] = std::isnan(cell.value) ? std::string() : score_text(cell.value);
    }
    return table;
}

std::vector<MissingConsensus> Project::missing_consensus(const CriteriaSet& rules) const {
    std::vector<MissingConsensus> out;
    if (committee_criteria(rules).empty()) return out;
    // A consensus criterion needs the chair's consensus; a mean or median needs at least one
    // submitted mark (no consensus is asked for).
    for (const CommitteeCell& cell : committee_scores(rules).cells)
        if (std::isnan(cell.value))
            out.push_back({cell.criterion_id, {cell.bidder, cell.lot}, cell.combine != CommitteeCombine::Consensus});
    return out;
}

}  // namespace tl::store
