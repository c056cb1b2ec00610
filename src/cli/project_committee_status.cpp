#include "cli/project_committee_status.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "cli/printable.hpp"
#include "cli/project_cli.hpp"

namespace tl::cli {

namespace {

std::string number(double v) {
    if (std::isnan(v)) return "-";
    return score_text(std::round(v * 100) / 100);
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
    std::string out = fmt::format("Committee: {} member{}\n", s.evaluators.size(), s.evaluators.size() == 1 ? "" : "s");
    std::size_t w = 4;
    for (const auto& e : s.evaluators) w = std::max(w, printable_name(e.name).size());
    for (const auto& e : s.evaluators) {
        std::string declared = "NO DECLARATION (cannot score yet)";
        if (e.declared) {
            declared = "no conflict";
            if (e.whole_tender_conflict) declared = "conflict with the whole tender";
            else if (!e.conflicts.empty()) {
                declared = "conflict with";
                for (const auto& b : e.conflicts) declared += " '" + printable_name(b) + "'";
            }
        }
        out += fmt::format("  {:<{}}  {:<6}  {:<45}  {}\n", printable_name(e.name), w, e.chair ? "chair" : "member",
                           declared, e.submitted_at.empty() ? "scores open" : "submitted " + e.submitted_at);
    }
    return out;
}

}  // namespace

std::string format_committee_status(const CommitteeScores& s) {
    std::string out = members(s);
    if (s.criteria.empty()) return out + "\nThe rules have no criteria that the committee scores.\n";
    out += fmt::format("Scores: * draft (not submitted), x barred by a declared conflict, - not scored. "
                       "Dispersion: scores more than {} apart.\n",
                       score_text(s.dispersion_threshold));
    std::size_t missing_scores = 0, missing_consensus = 0, dispersed = 0;
    for (const auto& crit : s.criteria) {
        out += fmt::format("\n{} ({}), committee scale {} .. {}\n", printable_name(crit.id), printable_name(crit.name),
                           score_text(crit.lo), score_text(crit.hi));
        std::vector<const CommitteeCell*> cells;
        for (const auto& c : s.cells)
            if (c.criterion_id == crit.id) cells.push_back(&c);
        std::size_t bw = 3;
        for (const auto* c : cells) bw = std::max(bw, bid_name(*c).size());
        std::string head = fmt::format("  {:<{}}", "bid", bw);
        std::vector<std::size_t> ew;
        for (const auto& e : s.evaluators) {
            ew.push_back(std::max<std::size_t>(printable_name(e.name).size(), 5));
            head += fmt::format("  {:>{}}", printable_name(e.name), ew.back());
        }
        out += head + fmt::format("  {:>6}  {:>6}  {:>6}  {:>9}\n", "spread", "mean", "median", "consensus");
        std::vector<std::string> notes;
        for (const auto* c : cells) {
            std::string line = fmt::format("  {:<{}}", bid_name(*c), bw);
            for (std::size_t e = 0; e < c->marks.size() && e < ew.size(); ++e)
                line += fmt::format("  {:>{}}", mark_text(c->marks[e]), ew[e]);
            line += fmt::format("  {:>6}  {:>6}  {:>6}  {:>9}", number(c->spread), number(c->mean), number(c->median),
                                c->consensus ? number(c->consensus->value) : "-");
            if (c->dispersed) {
                line += "  DISPERSION: discuss before consensus";
                ++dispersed;
            }
            out += line + "\n";
            for (const auto& m : c->missing) {
                notes.push_back("score of " + printable_name(m) + " for " + bid_name(*c) + " missing or not submitted");
                ++missing_scores;
            }
            if (!c->consensus) {
                notes.push_back("consensus for " + bid_name(*c) + " missing" +
                                (c->scored ? " (proposed: mean " + number(c->mean) + ", median " + number(c->median) + ")"
                                           : ""));
                ++missing_consensus;
            }
        }
        for (const auto& n : notes) out += "  - " + n + "\n";
    }
    out += fmt::format("\n{} evaluator score{} and {} consensus score{} missing; {} dispersion flag{}.\n", missing_scores,
                       missing_scores == 1 ? "" : "s", missing_consensus, missing_consensus == 1 ? "" : "s", dispersed,
                       dispersed == 1 ? "" : "s");
    return out;
}

}  // namespace tl::cli
