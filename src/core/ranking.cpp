#include "core/ranking.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/explain.hpp"

namespace tl {

namespace {
bool nearly_equal(double a, double b) {
    return std::fabs(a - b) <= kTotalTolerance * std::max({1.0, std::fabs(a), std::fabs(b)});
}
}  // namespace

Ranking rank_bids(const CriteriaSet& rules, const BidTable& bids, Evaluator& ev, const std::vector<double>& totals) {
    const std::size_t n = totals.size();
    // Each tie-break becomes a key per bid; "earlier submission" compares the ISO timestamps.
    std::vector<std::vector<double>> keys;
    std::vector<TieBreak::Kind> kinds;
    for (const TieBreak& tb : rules.tie_breaks) {
        if (tb.kind == TieBreak::Kind::EarlierSubmission) {
            kinds.push_back(tb.kind);
            keys.emplace_back();
            continue;
        }
        kinds.push_back(tb.kind);
        keys.push_back(ev.eval(tb.expr).expanded(n));
    }
    auto submitted = [&](std::size_t m) -> const std::string& {
        return bids.bids[static_cast<std::size_t>(ev.member(m))].submitted;
    };
    // <0: a before b, >0: b before a, 0: still equal. A consistent order whatever the file's row
    // order: a missing time or an undefined key ranks after a present one (it cannot win on it),
    // two missing ones are equal. Keys compare exactly: the tolerance is for totals only.
    // `step`: the tie-break that decided, -1 when the totals did or nothing did.
    auto decide = [&](std::size_t a, std::size_t b, int& step) -> int {
        step = -1;
        if (!nearly_equal(totals[a], totals[b])) return totals[a] > totals[b] ? -1 : 1;
        for (std::size_t k = 0; k < kinds.size(); ++k) {
            step = static_cast<int>(k);
            if (kinds[k] == TieBreak::Kind::EarlierSubmission) {
                const std::string &sa = submitted(a), &sb = submitted(b);
                if (sa == sb) continue;
                if (sa.empty() || sb.empty()) return sa.empty() ? 1 : -1;
                const int order = compare_submission_times(sa, sb);  // fractions of a second count
                if (order == 0) continue;
                return order;
            }
            const double va = keys[k][a], vb = keys[k][b];
            if (std::isnan(va) && std::isnan(vb)) continue;
            if (std::isnan(va) || std::isnan(vb)) return std::isnan(va) ? 1 : -1;
            if (va == vb) continue;
            const bool a_first = kinds[k] == TieBreak::Kind::Higher ? va > vb : va < vb;
            return a_first ? -1 : 1;
        }
        step = -1;
        return 0;
    };
    auto compare = [&](std::size_t a, std::size_t b) -> int {
        int step = -1;
        return decide(a, b, step);
    };
    // A step's value for one bid, as people read it.
    auto shown = [&](std::size_t k, std::size_t m) -> std::string {
        if (kinds[k] == TieBreak::Kind::EarlierSubmission) {
            const std::string& s = submitted(m);
            return s.empty() ? "—" : s;  // no time: a dash in every language
        }
        return format_value(rules, rules.tie_breaks[k].expr, keys[k][m]);
    };
    auto step_text = [&](std::size_t k) -> std::string {
        switch (kinds[k]) {
            case TieBreak::Kind::Higher: return "higher(" + print_expr(rules.tie_breaks[k].expr) + ")";
            case TieBreak::Kind::Lower: return "lower(" + print_expr(rules.tie_breaks[k].expr) + ")";
            default: return "earlier_submission";
        }
    };
    Ranking r;
    r.order.resize(n);
    std::iota(r.order.begin(), r.order.end(), 0);
    // Stable: bids still equal keep file order in listings.
    std::stable_sort(r.order.begin(), r.order.end(), [&](std::size_t a, std::size_t b) { return compare(a, b) < 0; });
    r.rank.assign(n, 0);
    r.tied.assign(n, false);
    for (std::size_t k = 0; k < n;) {
        std::size_t end = k + 1;
        while (end < n && compare(r.order[k], r.order[end]) == 0) ++end;
        for (std::size_t j = k; j < end; ++j) {
            r.rank[r.order[j]] = static_cast<int>(k + 1);
            r.tied[r.order[j]] = end - k > 1;
        }
        if (end - k > 1) r.tie_groups.emplace_back(r.order.begin() + static_cast<long>(k), r.order.begin() + static_cast<long>(end));
        k = end;
    }
    // Each bid sharing its total with a neighbour: the step that ordered it against the bid just
    // above it (or just below, for the first of them), with both values.
    r.tie_break.assign(n, std::nullopt);
    for (std::size_t j = 0; j < n; ++j) {
        const std::size_t m = r.order[j];
        std::size_t other = n;
        // A bid tied after the whole chain is compared with a bid of its own tie.
        if (r.tied[m]) other = j > 0 && r.rank[r.order[j - 1]] == r.rank[m] ? r.order[j - 1] : r.order[j + 1];
        else if (j > 0 && nearly_equal(totals[r.order[j - 1]], totals[m])) other = r.order[j - 1];
        else if (j + 1 < n && nearly_equal(totals[r.order[j + 1]], totals[m])) other = r.order[j + 1];
        if (other == n) continue;
        int step = -1;
        decide(m, other, step);
        TieBreakNote note;
        note.step = step;
        note.other_bidder = bids.bids[static_cast<std::size_t>(ev.member(other))].bidder;
        if (step >= 0) {
            const auto k = static_cast<std::size_t>(step);
            note.step_text = step_text(k);
            note.value = shown(k, m);
            note.other_value = shown(k, other);
        }
        r.tie_break[m] = note;
    }
    return r;
}

}  // namespace tl
