// `evaluate --format text`: what a committee reads in a terminal.
#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "cli/cli_translator.hpp"
#include "cli/format.hpp"
#include "cli/printable.hpp"
#include "core/message.hpp"

namespace tl::cli {

namespace {

std::string pad(const std::string& s, std::size_t width, bool right_align) {
    const std::size_t w = display_width(s);
    if (w >= width) return s;
    const std::string fill(width - w, ' ');
    return right_align ? fill + s : s + fill;
}

std::string join(const std::vector<std::string>& parts, const std::string& sep) {
    std::string s;
    for (std::size_t i = 0; i < parts.size(); ++i) s += (i ? sep : "") + parts[i];
    return s;
}

/// A score or total as the reader writes numbers (four decimals; a decimal comma in Russian).
std::string score_text(double v) {
    return std::isnan(v) ? tr(TL_MSG("n/a")) : format_number_in(v, translator().language(), 4);
}

struct Column {
    Column(std::string t, bool right_aligned = true) : title(std::move(t)), right(right_aligned) {}
    std::string title;
    bool right = true;
    std::vector<std::string> cells;
    std::size_t width() const {
        std::size_t w = display_width(title);
        for (const auto& c : cells) w = std::max(w, display_width(c));
        return w;
    }
};

std::string table(const std::vector<Column>& cols) {
    std::vector<std::size_t> widths;
    for (const auto& c : cols) widths.push_back(c.width());
    auto row = [&](auto cell_of) {
        std::string line;
        for (std::size_t i = 0; i < cols.size(); ++i) {
            const bool last = i + 1 == cols.size();
            std::string cell = cell_of(cols[i]);
            line += (i ? "  " : "") + (last && !cols[i].right ? cell : pad(cell, widths[i], cols[i].right));
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        return line + "\n";
    };
    std::string out = row([](const Column& c) { return c.title; });
    const std::size_t rows = cols.empty() ? 0 : cols.front().cells.size();
    for (std::size_t r = 0; r < rows; ++r) out += row([r](const Column& c) { return c.cells[r]; });
    return out;
}

std::string ranking_table(const CriteriaSet& rules, const LotOutcome& lot) {
    std::vector<Column> cols{{tr(TL_MSG("Rank"))}, {tr(TL_MSG("Bidder")), false}, {tr(TL_MSG("Total"))}};
    for (const auto& c : rules.criteria) cols.emplace_back(c.id);
    cols.emplace_back(tr(TL_MSG("Flags")), false);
    for (const BidOutcome& b : lot.bids) {
        if (!b.ranked()) continue;
        std::size_t i = 0;
        cols[i++].cells.push_back(std::to_string(b.rank) + (b.tied ? "=" : ""));
        cols[i++].cells.push_back(printable_name(b.bidder));
        cols[i++].cells.push_back(score_text(b.total));
        for (std::size_t c = 0; c < rules.criteria.size(); ++c)
            cols[i++].cells.push_back(score_text(c < b.scores.size() ? b.scores[c] : std::nan("")));
        std::vector<std::string> flags;
        for (const Flag& f : b.flags) flags.push_back(f.rule_id);
        cols[i].cells.push_back(join(flags, ", "));
    }
    if (cols.front().cells.empty()) return tr(TL_MSG("No bid was ranked.")) + "\n";
    return table(cols);
}

/// A rule's name in the output's language: the rules' Russian name where they give one.
std::string rule_name(const std::string& name, const std::string& name_ru) {
    return translator().language() == "ru" && !name_ru.empty() ? name_ru : name;
}

std::string exclusions(const LotOutcome& lot, bool gates) {
    std::string out;
    for (const BidOutcome& b : lot.bids) {
        if (b.ranked() || (gates ? !b.eliminated : b.admissible)) continue;
        out += "  " + printable_name(b.bidder) + ":\n";
        for (const Exclusion& e : b.excluded_because) {
            if (e.gate != gates) continue;
            const std::string detail = e.what.empty() ? e.detail : say(e.what);
            out += "    - " + e.rule_id + " (" + printable_name(rule_name(e.rule_name, e.rule_name_ru)) + ")" +
                   (detail.empty() ? "" : ": " + printable_name(detail)) + "\n";
        }
    }
    if (out.empty()) return out;
    return (gates ? tr(TL_MSG("Eliminated by a minimum score:")) : tr(TL_MSG("Inadmissible:"))) + "\n" + out;
}

// Bids neither ranked nor excluded (the engine gives no reason): listed so that none goes unseen.
std::string unranked(const LotOutcome& lot) {
    std::string out;
    for (const BidOutcome& b : lot.bids)
        if (!b.ranked() && b.admissible && !b.eliminated) out += "  " + printable_name(b.bidder) + "\n";
    return out.empty() ? out : tr(TL_MSG("Not ranked:")) + "\n" + out;
}

std::string ties(const LotOutcome& lot) {
    std::string out;
    for (const auto& group : lot.ties) {
        int rank = 0;
        for (const BidOutcome& b : lot.bids)
            if (!group.empty() && b.bidder == group.front()) rank = b.rank;
        std::vector<std::string> names;
        for (const auto& n : group) names.push_back(printable_name(n));
        out += "  " +
               (rank > 0 ? say(Message("cli.text.tie", TL_MSG("rank {rank}: {bidders}")).count("rank", rank).text("bidders", join(names, ", ")))
                         : join(names, ", ")) +
               "\n";
    }
    return out.empty() ? out : tr(TL_MSG("Ties (equal after the tie-break chain):")) + "\n" + out;
}

// Bids with the same total that the tie-break chain put in order: which step, with both values.
std::string broken_ties(const LotOutcome& lot) {
    std::string out;
    for (const BidOutcome& b : lot.bids) {
        if (!b.ranked() || !b.tie_break || b.tie_break->step < 0) continue;
        // Each pair once: the lower-ranked bid says after whom it came.
        bool after_other = false;
        for (const BidOutcome& o : lot.bids)
            if (o.bidder == b.tie_break->other_bidder && o.ranked() && o.rank < b.rank) after_other = true;
        if (!after_other) continue;
        out += "  " + say(Message("cli.text.tie-broken", TL_MSG("{bidder} (rank {rank}) after {other}, the same total: tie-break '{step}': {value} vs {other_value}"))
                              .text("bidder", printable_name(b.bidder))
                              .count("rank", b.rank)
                              .text("other", printable_name(b.tie_break->other_bidder))
                              .text("step", b.tie_break->step_text)
                              .text("value", b.tie_break->value)
                              .text("other_value", b.tie_break->other_value)) +
               "\n";
    }
    return out.empty() ? out : tr(TL_MSG("Equal totals ordered by the tie-break chain:")) + "\n" + out;
}

std::string flags(const LotOutcome& lot) {
    std::string out;
    for (const BidOutcome& b : lot.bids)
        for (const Flag& f : b.flags)
            out += "  " + printable_name(b.bidder) + ": " + f.rule_id + " (" +
                   printable_name(rule_name(f.rule_name, f.rule_name_ru)) + ")" +
                   (f.what.empty() ? (f.detail.empty() ? "" : ": " + printable_name(f.detail)) : ": " + printable_name(say(f.what))) +
                   "\n";
    return out.empty() ? out : tr(TL_MSG("Flags:")) + "\n" + out;
}

std::string winner(const LotOutcome& lot) {
    std::vector<std::string> first;
    double total = 0;
    for (const BidOutcome& b : lot.bids)
        if (b.rank == 1) {
            first.push_back(printable_name(b.bidder));
            total = b.total;
        }
    if (first.empty()) return tr(TL_MSG("Winner: none (no bid was ranked)")) + "\n";
    if (first.size() == 1)
        return say(Message("cli.text.winner", TL_MSG("Winner: {bidder} (total {total})"))
                       .text("bidder", first.front())
                       .text("total", score_text(total))) +
               "\n";
    return say(Message("cli.text.winner-tie", TL_MSG("Winner: none yet, tie at rank 1 between {bidders} (total {total})"))
                   .text("bidders", join(first, ", "))
                   .text("total", score_text(total))) +
           "\n";
}

std::string header(const CriteriaSet& rules, const LotOutcome& lot) {
    const TenderInfo& t = rules.tender;
    // The rules' Russian title where they give one and the reader reads Russian.
    const std::string& title = translator().language() == "ru" && !t.title_ru.empty() ? t.title_ru : t.title;
    std::string out = (title.empty() ? tr(TL_MSG("Tender")) : printable_name(title)) + "\n";
    if (!t.reference.empty())
        out += say(Message("cli.text.reference", TL_MSG("Reference: {reference}")).text("reference", printable_name(t.reference))) + "\n";
    if (!lot.lot.empty())
        out += say(Message("cli.text.lot", TL_MSG("Lot: {lot}"))
                       .text("lot", lot.lot + (lot.lot_name.empty() ? "" : " - " + printable_name(lot.lot_name)))) +
               "\n";
    return out;
}

}  // namespace

std::string format_text(const CriteriaSet& rules, const Result& result) {
    std::string out;
    for (std::size_t i = 0; i < result.lots.size(); ++i) {
        const LotOutcome& lot = result.lots[i];
        if (i) out += "\n";
        out += header(rules, lot) + "\n" + ranking_table(rules, lot);
        for (const std::string& section :
             {exclusions(lot, false), exclusions(lot, true), unranked(lot), broken_ties(lot), ties(lot), flags(lot)})
            if (!section.empty()) out += "\n" + section;
        out += "\n" + winner(lot);
    }
    return out;
}

}  // namespace tl::cli
