#pragma once
/// Column-wise evaluation of checked expressions over one set of bids of one lot.
#include <optional>
#include <vector>

#include "core/bids.hpp"
#include "core/column.hpp"
#include "core/criteria.hpp"

namespace tl {

/// Evaluates expressions for every bid of a set at once. Aggregates (`lowest`, `mean`...) range
/// over exactly this set, so the engine builds one Evaluator per stage (admissible bids, then the
/// bids that passed the gates). Undefined values (a missing optional value, no other bid for
/// `mean_others`) are NaN; a comparison with NaN is false.
class Evaluator {
public:
    Evaluator(const CriteriaSet& rules, const BidTable& bids, std::vector<int> members);

    /// Number of bids in the set.
    std::size_t size() const { return members_.size(); }
    /// Index into BidTable::bids of the set's i-th bid.
    int member(std::size_t i) const { return members_[i]; }
    /// Position of a bid (BidTable index) in the set, or -1.
    int position_of(int bid) const;

    /// Values of `e` for every bid of the set.
    Column eval(const Expr& e);
    /// Makes criterion names usable in expressions (tie-break chains) by giving their scores.
    void set_criterion_scores(int criterion, std::vector<double> scores);

private:
    const Column& field_column(int field);
    const Column& let_column(int let);
    Column eval_call(const Expr& e);
    Column eval_aggregate(const Expr& e);
    Column eval_linear(const Expr& e);
    Column eval_steps(const Expr& e);
    Column eval_table(const Expr& e);
    Column eval_npv(const Expr& e);

    const CriteriaSet& rules_;
    const BidTable& bids_;
    std::vector<int> members_;
    std::vector<std::optional<Column>> fields_, lets_, criteria_;
};

/// True when a condition value counts as "yes" (non-zero and defined).
inline bool truthy(double v) { return v != 0 && v == v; }

}  // namespace tl
