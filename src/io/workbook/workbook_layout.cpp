// The Scores sheet of one lot: its columns, their formulas and TenderLoop's values for them.
#include "io/workbook/workbook_layout.hpp"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <stdexcept>

#include "core/ranking.hpp"
#include "io/xlsx/xlsx_book.hpp"

namespace tl::io::wb {

std::string own_cell(int col) { return "$" + column_letters(col) + std::string(1, kRow); }

std::string only_if(const std::string& test, const std::string& formula) {
    return "IF(" + test + "," + formula + ",\"\")";
}

namespace {
// Quiet NaNs with payloads that arithmetic never produces here (values are copied, not computed).
constexpr std::uint64_t kNoneBits = 0x7ff8dead00000001ULL, kUndefinedBits = 0x7ff8dead00000002ULL,
                        kTextBits = 0x7ff8dead00000003ULL;
double from_bits(std::uint64_t b) {
    double d;
    std::memcpy(&d, &b, sizeof d);
    return d;
}
std::uint64_t to_bits(double d) {
    std::uint64_t b;
    std::memcpy(&b, &d, sizeof b);
    return b;
}
}  // namespace

void CachedColumn::resize(int rows) { values_.assign(static_cast<std::size_t>(rows), from_bits(kNoneBits)); }

void CachedColumn::set(int row, const Cached& value) {
    double& slot = values_.at(static_cast<std::size_t>(row));
    texts_.erase(row);
    if (value.kind == Cached::Number) {
        slot = std::isnan(value.number) ? from_bits(kUndefinedBits) : value.number;
    } else if (value.text.empty()) {
        slot = from_bits(kNoneBits);
    } else if (value.text == "#N/A") {
        slot = from_bits(kUndefinedBits);
    } else {
        slot = from_bits(kTextBits);
        texts_[row] = value.text;
    }
}

Cached CachedColumn::get(int row) const {
    const double v = values_.at(static_cast<std::size_t>(row));
    if (!std::isnan(v)) return Cached::num(v);
    switch (to_bits(v)) {
        case kNoneBits: return Cached::none();
        case kTextBits: return Cached::str(texts_.at(row));
        default: return Cached::undefined();
    }
}

std::string at_row(const std::string& tmpl, int excel_row) {
    const std::string row = std::to_string(excel_row);
    std::string out;
    out.reserve(tmpl.size() + 16);
    for (char c : tmpl) {
        if (c == kRow) out += row;
        else out += c;
    }
    return out;
}

LotLayout::LotLayout(const CriteriaSet& rules, const BidTable& bids, const LotOutcome& lot, std::string bids_sheet,
                     std::string scores_sheet, Block block)
    : rules_(rules), bids_(bids), lot_(lot), bids_sheet_(std::move(bids_sheet)), scores_sheet_(std::move(scores_sheet)),
      block_(block) {
    if (block.rows != nullptr) rows_ = *block.rows;
    else
        for (std::size_t i = 0; i < bids.bids.size(); ++i)
            if (bids.bids[i].lot == lot.lot) rows_.push_back(static_cast<int>(i));
    block_.rows = nullptr;  // not kept: the caller's vector may not outlive the layout
    std::map<int, const BidOutcome*> by_bid;
    for (const auto& o : lot.bids) by_bid[o.bid] = &o;
    for (std::size_t i = 0; i < rows_.size(); ++i) row_of_bid_[rows_[i]] = static_cast<int>(i);
    for (int b : rows_) {
        auto it = by_bid.find(b);
        if (it == by_bid.end()) throw std::logic_error("evaluation workbook: a bid of the lot has no outcome");
        outcome_at_.push_back(it->second);
    }
    std::vector<int> admissible, ranked;
    for (int i = 0; i < size(); ++i) {
        if (outcome(i).admissible) admissible.push_back(rows_[static_cast<std::size_t>(i)]);
        if (outcome(i).ranked()) ranked.push_back(rows_[static_cast<std::size_t>(i)]);
    }
    stage_eval_[0] = std::make_unique<Evaluator>(rules, bids, rows_);
    stage_eval_[1] = std::make_unique<Evaluator>(rules, bids, admissible);
    stage_eval_[2] = std::make_unique<Evaluator>(rules, bids, ranked);
    // Tie-breaks may name criteria: they mean the scores the totals counted.
    std::vector<const BidOutcome*> ranked_outcomes;
    for (int i = 0; i < size(); ++i)
        if (outcome(i).ranked()) ranked_outcomes.push_back(&outcome(i));  // the same order as `ranked`
    for (std::size_t c = 0; c < rules.criteria.size(); ++c) {
        std::vector<double> scores;
        scores.reserve(ranked_outcomes.size());
        for (const BidOutcome* o : ranked_outcomes) scores.push_back(o->scores[c]);
        stage_eval_[2]->set_criterion_scores(static_cast<int>(c), std::move(scores));
    }
    // Row position of each bid of each stage's set (Evaluator::position_of searches linearly).
    for (int s = 0; s < 3; ++s) {
        const Evaluator& ev = *stage_eval_[s];
        stage_rows_[s].resize(ev.size());
        for (std::size_t m = 0; m < ev.size(); ++m) stage_rows_[s][m] = row_of(ev.member(m));
    }
    build_columns();
}

int LotLayout::column_of(ColumnRole role, int index) const {
    auto it = column_index_.find({role, index});
    return it == column_index_.end() ? -1 : it->second;
}

std::string LotLayout::column_range(int col) const {
    const std::string c = column_letters(col);
    const int first = excel_row(0);
    return "$" + c + "$" + std::to_string(first) + ":$" + c + "$" + std::to_string(std::max(first, first + size() - 1));
}

void LotLayout::add_column(ScoresColumn c) {
    column_index_[{c.role, c.index}] = static_cast<int>(columns_.size());
    c.values.resize(size());
    columns_.push_back(std::move(c));
}

int LotLayout::membership_column(Stage stage) const {
    const int passes = column_of(ColumnRole::PassesGates);
    return stage == Stage::Final && passes >= 0 ? passes : column_of(ColumnRole::Admissible);
}

std::string LotLayout::member_test(Stage stage) const {
    return stage == Stage::Lot ? std::string("TRUE") : own_cell(membership_column(stage)) + "=1";
}

std::string LotLayout::helper_range(Stage stage, const Expr& argument) {
    auto key = std::make_pair(static_cast<int>(stage), print_expr(argument));
    auto it = helpers_.find(key);
    if (it == helpers_.end()) {
        // Discovery registers every argument before columns are final; later calls only look up.
        if (helpers_fixed_)
            throw std::logic_error("evaluation workbook: an aggregate argument was not discovered: " + key.second);
        it = helpers_.emplace(key, Helper{stage, &argument, -1}).first;
    }
    if (it->second.column < 0) return "$A$1:$A$1";  // discovery pass: any range will do
    return column_range(it->second.column);
}

FormulaCells LotLayout::cells(Stage stage) {
    FormulaCells c;
    const std::string bids_ref = sheet_ref(bids_sheet_);
    c.field_cell = [this, bids_ref](int f) { return bids_ref + "$" + column_letters(field_col(f)) + std::string(1, kRow); };
    c.let_cell = [this, stage](int l) {
        if (stage != Stage::Final) return std::string();
        const int col = column_of(ColumnRole::Let, l);
        return col < 0 ? std::string() : own_cell(col);
    };
    c.criterion_cell = [this, stage](int crit) {
        if (stage != Stage::Final) return std::string();
        return own_cell(column_of(ColumnRole::Score, crit));
    };
    c.set_range = [this, stage](const Expr& a) { return helper_range(stage, a); };
    c.set_size = [this, stage] {
        if (stage == Stage::Lot) return std::to_string(size());
        return "SUM(" + column_range(membership_column(stage)) + ")";
    };
    return c;
}

void LotLayout::discover_helpers(Stage stage, const std::vector<const Expr*>& exprs) {
    const FormulaCells c = cells(stage);
    for (const Expr* e : exprs)
        for (const Expr* a : aggregate_arguments(*e, rules_, c)) {
            (void)helper_range(stage, *a);
            // Nested aggregates: the helper cell of an argument compiles the argument itself.
            for (const Expr* inner : aggregate_arguments(*a, rules_, c)) (void)helper_range(stage, *inner);
        }
}

std::vector<double> LotLayout::stage_values(Stage stage, const Expr& e) {
    Evaluator& ev = *stage_eval_[static_cast<int>(stage)];
    std::vector<double> out(static_cast<std::size_t>(size()), std::nan(""));
    if (ev.size() == 0) return out;
    const std::vector<double> v = ev.eval(e).expanded(ev.size());
    const std::vector<int>& rows = stage_rows_[static_cast<int>(stage)];
    for (std::size_t m = 0; m < v.size(); ++m) out[static_cast<std::size_t>(rows[m])] = v[m];
    return out;
}

}  // namespace tl::io::wb
