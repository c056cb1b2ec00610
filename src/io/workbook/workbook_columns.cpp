// The columns of a lot's Scores sheet: positions first (formulas refer to each other's columns),
// then the aggregate helper columns the formulas need, then every formula and TenderLoop's value.
#include <cmath>

#include "core/number_format.hpp"
#include "core/ranking.hpp"
#include "io/workbook/workbook_layout.hpp"
#include "io/xlsx/xlsx_book.hpp"

namespace tl::io::wb {

namespace {

const std::string kRowText(1, kRow);
std::string own(int col) { return own_cell(col); }
Cached flag(bool v) { return Cached::num(v ? 1 : 0); }
// Tests as 1/0 shown as yes/no: a viewer that does not recalculate shows the stored 1 as "yes",
// where a stored TRUE would show as 1; and SUM can count them.
CompiledFormula as_one_zero(CompiledFormula f) {
    f.formula = "IF(" + f.formula + ",1,0)";
    return f;
}
Cached number_or_undefined(double v) { return std::isnan(v) ? Cached::undefined() : Cached::num(v); }
Cached number_or_none(double v) { return std::isnan(v) ? Cached::none() : Cached::num(v); }

const char* stage_name(Stage s) {
    switch (s) {
        case Stage::Lot: return "all bids";
        case Stage::Admissible: return "admissible bids";
        case Stage::Final: return "ranked bids";
    }
    return "";
}

}  // namespace

void LotLayout::build_columns() {
    const auto n_crit = rules_.criteria.size();
    // 1. Positions.
    if (block_.lot_column) add_column({ColumnRole::Lot, -1, "Lot", "", true, "", false, {}});
    add_column({ColumnRole::Bidder, -1, "Bidder", "", true, "", false, {}});
    for (std::size_t r = 0; r < rules_.requirements.size(); ++r)
        add_column({ColumnRole::Requirement, static_cast<int>(r), "Meets: " + rules_.requirements[r].display_name(), "", true, "", false, {}});
    add_column({ColumnRole::Admissible, -1, "Admissible", "", true, "", false, {}});
    bool gates = false;
    for (std::size_t c = 0; c < n_crit; ++c)
        if (const auto& m = rules_.criteria[c].minimum) {
            gates = true;
            add_column({ColumnRole::GateScore, static_cast<int>(c),
                        "Gate: " + rules_.criteria[c].display_name() + " (minimum " + format_number(*m) + ")", "", true, "", false, {}});
        }
    if (gates) add_column({ColumnRole::PassesGates, -1, "Passes the gates", "", true, "", false, {}});
    for (std::size_t c = 0; c < n_crit; ++c)
        add_column({ColumnRole::Score, static_cast<int>(c), rules_.criteria[c].display_name(), "", true, "", false, {}});
    for (std::size_t c = 0; c < n_crit; ++c)
        add_column({ColumnRole::Contribution, static_cast<int>(c), "Weighted: " + rules_.criteria[c].display_name(), "", true, "", false, {}});
    add_column({ColumnRole::Total, -1, "Total", "", true, "", false, {}});
    add_column({ColumnRole::Rank, -1, "Rank", "", true, "", false, {}});
    add_column({ColumnRole::Tied, -1, "Tied", "", true, "", false, {}});
    for (std::size_t a = 0; a < rules_.abnormally_low.size(); ++a)
        add_column({ColumnRole::Flag, static_cast<int>(a), "Flag: " + rules_.abnormally_low[a].display_name(), "", true, "", false, {}});
    add_column({ColumnRole::RankTotal, -1, "Total for ranking (0 if not ranked)", "", true, "", true, {}});
    for (std::size_t k = 0; k < rules_.tie_breaks.size(); ++k)
        if (rules_.tie_breaks[k].kind != TieBreak::Kind::EarlierSubmission)
            add_column({ColumnRole::TieKey, static_cast<int>(k), "Tie-break key: " + print_expr(rules_.tie_breaks[k].expr), "", true, "",
                        true, {}});
    for (std::size_t l = 0; l < rules_.lets.size(); ++l)
        if (rules_.lets[l].per_bid)
            add_column({ColumnRole::Let, static_cast<int>(l), "let " + rules_.lets[l].id, "", true, "", true, {}});

    // 2. Aggregate helper columns, last so that discovering them moves nothing.
    std::vector<const Expr*> lot_exprs, admissible_exprs, final_exprs;
    for (const auto& r : rules_.requirements) lot_exprs.push_back(&r.test);
    for (const auto& c : rules_.criteria) {
        if (c.minimum) admissible_exprs.push_back(&c.score);
        final_exprs.push_back(&c.score);
    }
    for (const auto& l : rules_.lets)
        if (l.per_bid) final_exprs.push_back(&l.expr);
    for (const auto& a : rules_.abnormally_low) final_exprs.push_back(&a.when);
    for (const auto& t : rules_.tie_breaks)
        if (t.kind != TieBreak::Kind::EarlierSubmission) final_exprs.push_back(&t.expr);
    discover_helpers(Stage::Lot, lot_exprs);
    discover_helpers(Stage::Admissible, admissible_exprs);
    discover_helpers(Stage::Final, final_exprs);
    int h = 0;
    for (auto& [key, helper] : helpers_) {
        helper.column = static_cast<int>(columns_.size());
        add_column({ColumnRole::Helper, h++, "Over " + std::string(stage_name(helper.stage)) + ": " + key.second, "", true, "", true, {}});
    }
    helpers_fixed_ = true;
    add_column({ColumnRole::FirstPlace, -1, "Ranked 1 so far (for the Winner cell)", "", true, "", true, {}});

    // 3. Formulas and values.
    const int adm = column_of(ColumnRole::Admissible);
    const int ranked = membership_column(Stage::Final);
    const std::string is_ranked = own(ranked) + "=1";
    auto set = [this](int col, const CompiledFormula& f) {
        ScoresColumn& c = columns_[static_cast<std::size_t>(col)];
        c.formula = f.formula;
        c.exact = f.exact;
        c.why_not = f.why_not;
    };
    auto exact = [](std::string text) { return CompiledFormula{std::move(text), true, ""}; };
    auto guarded = [&](const CompiledFormula& f) { return CompiledFormula{only_if(is_ranked, f.formula), f.exact, f.why_not}; };
    const FormulaCells lot_cells = cells(Stage::Lot), adm_cells = cells(Stage::Admissible), final_cells = cells(Stage::Final);

    std::string all_met;
    for (std::size_t r = 0; r < rules_.requirements.size(); ++r) {
        const int col = column_of(ColumnRole::Requirement, static_cast<int>(r));
        set(col, as_one_zero(to_excel_test(rules_.requirements[r].test, rules_, lot_cells)));
        all_met += (all_met.empty() ? "" : ",") + own(col);
        for (int i = 0; i < size(); ++i) {
            bool failed = false;
            for (const auto& e : outcome(i).excluded_because) failed |= !e.gate && e.rule_id == rules_.requirements[r].id;
            columns_[static_cast<std::size_t>(col)].values.set(i, flag(!failed));
        }
    }
    set(adm, exact(all_met.empty() ? "1" : "IF(AND(" + all_met + "),1,0)"));
    for (int i = 0; i < size(); ++i) columns_[static_cast<std::size_t>(adm)].values.set(i, flag(outcome(i).admissible));

    if (gates) {
        std::string passes;
        for (std::size_t c = 0; c < n_crit; ++c) {
            const Criterion& crit = rules_.criteria[c];
            if (!crit.minimum) continue;
            const int col = column_of(ColumnRole::GateScore, static_cast<int>(c));
            CompiledFormula raw = to_excel_formula(crit.score, rules_, adm_cells);
            // Clamped like a score, but an undefined score stays undefined: it fails the gate.
            raw.formula = only_if(own(adm) + "=1", "MIN(MAX(" + raw.formula + "," + excel_number(crit.scale_lo) + ")," +
                                                       excel_number(crit.scale_hi) + ")");
            set(col, raw);
            const std::vector<double> v = stage_values(Stage::Admissible, crit.score);
            for (int i = 0; i < size(); ++i) {
                if (!outcome(i).admissible) continue;
                const double s = v[static_cast<std::size_t>(i)];
                columns_[static_cast<std::size_t>(col)].values.set(i, number_or_undefined(std::isnan(s) ? s : std::min(std::max(s, crit.scale_lo), crit.scale_hi)));
            }
            passes += std::string(passes.empty() ? "" : ",") + "IFERROR(" + excel_compare(BinOp::Ge, own(col), excel_number(*crit.minimum)) + ",FALSE)";
        }
        set(ranked, exact("IF(" + own(adm) + "=1,IF(AND(" + passes + "),1,0),0)"));
        for (int i = 0; i < size(); ++i)
            columns_[static_cast<std::size_t>(ranked)].values.set(i, flag(outcome(i).admissible && !outcome(i).eliminated));
    }

    auto ranked_values = [&](int col, auto value_of) {
        for (int i = 0; i < size(); ++i)
            if (outcome(i).ranked()) columns_[static_cast<std::size_t>(col)].values.set(i, value_of(outcome(i), i));
    };
    std::string contributions;
    for (std::size_t c = 0; c < n_crit; ++c) {
        const Criterion& crit = rules_.criteria[c];
        const int score = column_of(ColumnRole::Score, static_cast<int>(c));
        const int contrib = column_of(ColumnRole::Contribution, static_cast<int>(c));
        set(score, guarded(to_excel_score(crit, rules_, final_cells)));
        ranked_values(score, [c](const BidOutcome& o, int) { return Cached::num(o.scores[c]); });
        // The engine's formula, operation for operation: (score - low) / (high - low) * weight.
        const std::string lo = excel_number(crit.scale_lo), span = crit.scale_lo == 0 ? excel_number(crit.scale_hi)
                                                                       : "(" + excel_number(crit.scale_hi) + "-" + lo + ")";
        const std::string shifted = crit.scale_lo == 0 ? own(score) : "(" + own(score) + "-" + lo + ")";
        set(contrib, exact(only_if(is_ranked, shifted + "/" + span + "*" + excel_number(crit.weight))));
        ranked_values(contrib, [c](const BidOutcome& o, int) { return Cached::num(o.contributions[c]); });
        if (c == 0) contributions = own(contrib);
        if (c + 1 == n_crit) contributions += ":" + own(contrib);
    }
    const int total = column_of(ColumnRole::Total);
    set(total, exact(only_if(is_ranked, n_crit == 0 ? "0" : "SUM(" + contributions + ")")));
    ranked_values(total, [](const BidOutcome& o, int) { return Cached::num(o.total); });
    const int rank = column_of(ColumnRole::Rank);
    set(rank, exact(rank_formula()));
    ranked_values(rank, [](const BidOutcome& o, int) { return Cached::num(o.rank); });
    const int tied = column_of(ColumnRole::Tied);
    set(tied, exact(only_if(is_ranked, "IF(COUNTIF(" + column_range(rank) + "," + own(rank) + ")>1,1,0)")));
    ranked_values(tied, [](const BidOutcome& o, int) { return flag(o.tied); });
    for (std::size_t a = 0; a < rules_.abnormally_low.size(); ++a) {
        const int col = column_of(ColumnRole::Flag, static_cast<int>(a));
        set(col, guarded(as_one_zero(to_excel_test(rules_.abnormally_low[a].when, rules_, final_cells))));
        const std::string& id = rules_.abnormally_low[a].id;
        ranked_values(col, [&id](const BidOutcome& o, int) {
            bool hit = false;
            for (const auto& f : o.flags) hit |= f.rule_id == id;
            return flag(hit);
        });
    }

    const int rank_total = column_of(ColumnRole::RankTotal);
    set(rank_total, exact("IF(" + is_ranked + "," + own(total) + ",0)"));
    for (int i = 0; i < size(); ++i)
        columns_[static_cast<std::size_t>(rank_total)].values.set(i, Cached::num(outcome(i).ranked() ? outcome(i).total : 0));
    for (std::size_t k = 0; k < rules_.tie_breaks.size(); ++k) {
        const TieBreak& t = rules_.tie_breaks[k];
        if (t.kind == TieBreak::Kind::EarlierSubmission) continue;
        const int col = column_of(ColumnRole::TieKey, static_cast<int>(k));
        CompiledFormula f = to_excel_formula(t.expr, rules_, final_cells);
        f.formula = only_if(is_ranked, "IFERROR(" + f.formula + ",\"\")");  // "": no key, ranks after any key
        set(col, f);
        const std::vector<double> v = stage_values(Stage::Final, t.expr);
        ranked_values(col, [&v](const BidOutcome&, int i) { return number_or_none(v[static_cast<std::size_t>(i)]); });
    }
    for (std::size_t l = 0; l < rules_.lets.size(); ++l) {
        const LetDef& let = rules_.lets[l];
        if (!let.per_bid) continue;
        const int col = column_of(ColumnRole::Let, static_cast<int>(l));
        set(col, guarded(to_excel_formula(let.expr, rules_, final_cells)));
        const std::vector<double> v = stage_values(Stage::Final, let.expr);
        ranked_values(col, [&](const BidOutcome&, int i) {
            const double x = v[static_cast<std::size_t>(i)];
            if (let.expr.type == ValueKind::Enum && !std::isnan(x))
                return Cached::str(rules_.fields[static_cast<std::size_t>(let.expr.enum_field)].members[static_cast<std::size_t>(x)]);
            return number_or_undefined(x);
        });
    }
    for (auto& [key, helper] : helpers_) {
        const FormulaCells& c = helper.stage == Stage::Lot ? lot_cells : helper.stage == Stage::Admissible ? adm_cells : final_cells;
        set(helper.column, to_excel_helper(*helper.argument, member_test(helper.stage), rules_, c));
        const std::vector<double> v = stage_values(helper.stage, *helper.argument);
        for (int i = 0; i < size(); ++i)
            columns_[static_cast<std::size_t>(helper.column)].values.set(i, number_or_none(v[static_cast<std::size_t>(i)]));
    }
    set_first_place_values();
}

// 1 + the number of ranked bids that come before this one, as tl::rank_bids decides it: a total
// higher beyond the relative tolerance, else the tie-break chain (a missing key ranks last).
// Only operators work element-wise on ranges inside SUMPRODUCT in all three engines (Gnumeric
// reads ABS(range), ISNUMBER(range) or LEN(range) there as this row's cell; Excel does not
// evaluate IF element-wise there), so |x| is (x>=0)*x-(x<0)*x, max(a,b) is (a>=b)*a+(b>a)*b
// (exact: one term is 0) and "has a value" is x<>"".
std::string LotLayout::rank_formula() const {
    const int ranked = membership_column(Stage::Final);
    const std::string T = column_range(column_of(ColumnRole::RankTotal)), Ti = own(column_of(ColumnRole::RankTotal));
    auto abs_of = [](const std::string& x) { return "((" + x + ">=0)*" + x + "-(" + x + "<0)*" + x + ")"; };
    auto max_of = [](const std::string& a, const std::string& b) {
        return "((" + a + ">=" + b + ")*" + a + "+(" + b + ">" + a + ")*" + b + ")";
    };
    const std::string abs_i = "ABS(" + Ti + ")";
    const std::string larger = max_of(abs_of(T), abs_i);
    const std::string scale = max_of(larger, "1");  // max(1, |T|, |Ti|), as kTotalTolerance is applied
    const std::string tol = excel_number(kTotalTolerance) + "*" + scale;
    const std::string apart = "((" + T + "-" + Ti + ">" + tol + ")+(" + Ti + "-" + T + ">" + tol + "))";
    std::string chain = "0";
    for (std::size_t k = rules_.tie_breaks.size(); k-- > 0;) {
        const TieBreak& t = rules_.tie_breaks[k];
        std::string K, Ki;
        if (t.kind == TieBreak::Kind::EarlierSubmission) {
            const std::string bids_ref = sheet_ref(bids_sheet_), col = column_letters(submitted_col());
            const int first = excel_row(0);
            K = bids_ref + "$" + col + "$" + std::to_string(first) + ":$" + col + "$" + std::to_string(std::max(first, first + size() - 1));
            Ki = bids_ref + "$" + col + std::string(1, kRow);
        } else {
            const int col = column_of(ColumnRole::TieKey, static_cast<int>(k));
            K = column_range(col);
            Ki = own(col);
        }
        const bool lower_first = t.kind != TieBreak::Kind::Higher;  // earlier time, or a lower key
        const std::string P = "(" + K + "<>\"\")", Pi = "(" + Ki + "<>\"\")";
        const std::string better = "(" + K + (lower_first ? "<" : ">") + Ki + ")", differ = "(" + K + "<>" + Ki + ")";
        const std::string win = "(" + P + "*" + Pi + "*" + better + "+" + P + "*(1-" + Pi + "))";
        const std::string decided = "(" + P + "*" + Pi + "*" + differ + "+(" + P + "<>" + Pi + "))";
        chain = chain == "0" ? win : win + "+(1-" + decided + ")*(" + chain + ")";
    }
    const std::string before = apart + "*(" + T + ">" + Ti + ")+(1-" + apart + ")*(" + chain + ")";
    return only_if(own(ranked) + "=1", "1+SUMPRODUCT(" + column_range(ranked) + "*(" + before + "))");
}

}  // namespace tl::io::wb
