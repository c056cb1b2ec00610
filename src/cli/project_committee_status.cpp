#include "cli/project_committee_status.hpp"

#include <algorithm>
#include <cmath>

#include "cli/cli_translator.hpp"
#include "core/explain.hpp"
#include "cli/printable.hpp"
#include "cli/project_cli.hpp"

namespace tl::cli {

namespace {

/// A committee score, spread, mean or median: two decimals at most, as the reader writes numbers.
std::string number(double v) {
    if (std::isnan(v)) return "-";
    return format_number_in(std::round(v * 100) / 100, translator().language());
}

/// `s` padded with spaces to `width` code points (fmt pads by bytes in some versions; Cyrillic
/// headings and names must still line up).
std::string left(const std::string& s, std::size_t width) {
    const std::size_t w = display_width(s);
    return w >= width ? s : s + std::string(width - w, ' ');
}
std::string right(const std::string& s, std::size_t width) {
    const std::size_t w = display_width(s);
    return w >= width ? s : std::string(width - w, ' ') + s;
}

std::string bid_name(const CommitteeCell& c) {
    return printable_name(c.bidder) + (c.lot.empty() ? "" : " [" + printable_name(c.lot) + "]");
}

std::string mark_text(const CommitteeMark& m) {
    if (m.barred) return "x";
    if (!m.scored()) return "-";
    return number(m.value) + (m.submitted ? "" : "*");
}

std::string members(const CommitteeScores& s) {
    std::string out = say(Message("cli.status.members", TL_MSG_PLURAL("Committee: {n} member", "Committee: {n} members"))
                              .count("n", static_cast<long long>(s.evaluators.size()))) +
                      "\n";
    std::size_t w = 4;
    for (const auto& e : s.evaluators) w = std::max(w, display_width(printable_name(e.name)));
    const std::string chair = tr(TL_MSG("chair")), member = tr(TL_MSG("member"));
    const std::size_t role_width = std::max<std::size_t>({6, display_width(chair), display_width(member)});
    for (const auto& e : s.evaluators) {
        std::string declared = tr(TL_MSG("NO DECLARATION (cannot score yet)"));
        if (e.declared) {
            declared = tr(TL_MSG("no conflict"));
            if (e.whole_tender_conflict) declared = tr(TL_MSG("conflict with the whole tender"));
            else if (!e.conflicts.empty()) {
                std::string bidders;
                for (const auto& b : e.conflicts) bidders += " '" + printable_name(b) + "'";
                declared = say(Message("cli.status.conflict-with", TL_MSG("conflict with{bidders}")).text("bidders", bidders));
            }
        }
        out += "  " + left(printable_name(e.name), w) + "  " + left(e.chair ? chair : member, role_width) + "  " +
               left(declared, 45) + "  " +
               (e.submitted_at.empty() ? tr(TL_MSG("scores open"))
                                       : say(Message("cli.status.submitted", TL_MSG("submitted {time}")).text("time", e.submitted_at))) +
               "\n";
    }
    return out;
}

}  // namespace

std::string format_committee_status(const CommitteeScores& s) {
    std::string out = members(s);
    if (s.criteria.empty()) return out + "\n" + tr(TL_MSG("The rules have no criteria that the committee scores.")) + "\n";
    out += say(Message("cli.status.legend", TL_MSG("Scores: * draft (not submitted), x barred by a declared conflict, - not "
                                                   "scored. Dispersion: scores more than {threshold} apart."))
                   .number("threshold", s.dispersion_threshold)) +
           "\n";
    std::size_t missing_scores = 0, missing_consensus = 0, dispersed = 0;
    for (const auto& crit : s.criteria) {
        out += "\n" +
               say(Message("cli.status.criterion", TL_MSG("{id} ({name}), committee scale {lo} .. {hi}"))
                       .text("id", printable_name(crit.id))
                       .text("name", printable_name(crit.name))
                       .number("lo", crit.lo)
                       .number("hi", crit.hi)) +
               "\n";
        if (crit.combine != CommitteeCombine::Consensus)
            out += say(crit.combine == CommitteeCombine::Mean
                           ? Message("cli.status.combine-mean",
                                     TL_MSG("The evaluation uses the mean of the submitted marks (no consensus is needed)."))
                           : Message("cli.status.combine-median",
                                     TL_MSG("The evaluation uses the median of the submitted marks (no consensus is needed)."))) +
                   "\n";
        std::vector<const CommitteeCell*> cells;
        for (const auto& c : s.cells)
            if (c.criterion_id == crit.id) cells.push_back(&c);
        const std::string bid_heading = tr(TL_MSG("bid"));
        std::size_t bw = display_width(bid_heading);
        for (const auto* c : cells) bw = std::max(bw, display_width(bid_name(*c)));
        std::string head = "  " + left(bid_heading, bw);
        std::vector<std::size_t> ew;
        for (const auto& e : s.evaluators) {
            ew.push_back(std::max<std::size_t>(display_width(printable_name(e.name)), 5));
            head += "  " + right(printable_name(e.name), ew.back());
        }
        // The statistics' columns: as wide as their headings in the reader's language.
        // The last column is the value the evaluation uses: the consensus, or the combined marks.
        const bool combined = crit.combine != CommitteeCombine::Consensus;
        const std::vector<std::string> stats{tr(TL_MSG("spread")), tr(TL_MSG("mean")), tr(TL_MSG("median")),
                                             combined ? tr(TL_MSG("value used")) : tr(TL_MSG("consensus"))};
        std::vector<std::size_t> sw;
        for (std::size_t i = 0; i < stats.size(); ++i) {
            sw.push_back(std::max<std::size_t>(display_width(stats[i]), i + 1 == stats.size() ? 9 : 6));
            head += "  " + right(stats[i], sw.back());
        }
        out += head + "\n";
        std::vector<std::string> notes;
        for (const auto* c : cells) {
            std::string line = "  " + left(bid_name(*c), bw);
            for (std::size_t e = 0; e < c->marks.size() && e < ew.size(); ++e) line += "  " + right(mark_text(c->marks[e]), ew[e]);
            const std::string values[] = {number(c->spread), number(c->mean), number(c->median),
                                          combined ? number(c->value) : c->consensus ? number(c->consensus->value) : "-"};
            for (std::size_t i = 0; i < sw.size(); ++i) line += "  " + right(values[i], sw[i]);
            if (c->dispersed) {
                line += "  " + tr(TL_MSG("DISPERSION: discuss before consensus"));
                ++dispersed;
            }
            out += line + "\n";
            for (const auto& m : c->missing) {
                notes.push_back(say(Message("cli.status.score-missing", TL_MSG("score of {name} for {bid} missing or not submitted"))
                                        .text("name", printable_name(m))
                                        .text("bid", bid_name(*c))));
                ++missing_scores;
            }
            if (c->combine != CommitteeCombine::Consensus) {
                // "A: mean of 3 submitted marks (4, 5, 3) = 4": the value the evaluation uses.
                notes.push_back(say(Message("cli.status.combined", TL_MSG("{bid}: {how}"))
                                        .text("bid", bid_name(*c))
                                        .nested("how", committee_value_message(*c, translator().language()))));
            } else if (!c->consensus) {
                notes.push_back(c->scored ? say(Message("cli.status.consensus-missing-proposed",
                                                        TL_MSG("consensus for {bid} missing (proposed: mean {mean}, median {median})"))
                                                    .text("bid", bid_name(*c))
                                                    .text("mean", number(c->mean))
                                                    .text("median", number(c->median)))
                                          : say(Message("cli.status.consensus-missing", TL_MSG("consensus for {bid} missing"))
                                                    .text("bid", bid_name(*c))));
                ++missing_consensus;
            }
        }
        for (const auto& n : notes) out += "  - " + n + "\n";
    }
    out += "\n" +
           say(Message("cli.status.totals", TL_MSG("{scores} and {consensus} missing; {flags}."))
                   .nested("scores", Message("cli.status.n-scores", TL_MSG_PLURAL("{n} evaluator score", "{n} evaluator scores"))
                                         .count("n", static_cast<long long>(missing_scores)))
                   .nested("consensus", Message("cli.status.n-consensus", TL_MSG_PLURAL("{n} consensus score", "{n} consensus scores"))
                                            .count("n", static_cast<long long>(missing_consensus)))
                   .nested("flags", Message("cli.status.n-flags", TL_MSG_PLURAL("{n} dispersion flag", "{n} dispersion flags"))
                                        .count("n", static_cast<long long>(dispersed)))) +
           "\n";
    return out;
}

}  // namespace tl::cli
