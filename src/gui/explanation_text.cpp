#include "gui/explanation_text.hpp"

#include <cmath>

#include "gui/i18n.hpp"
#include "gui/wx_text.hpp"

namespace tl::gui {

namespace {

wxString requirement_name(const CriteriaSet& rules, const RequirementCheck& r) {
    for (const Requirement& q : rules.requirements)
        if (q.id == r.id && ui_is_russian() && !q.name_ru.empty()) return to_wx(q.name_ru);
    return to_wx(r.name);
}

wxString criterion_name(const CriteriaSet& rules, const ScoreExplanation& s) {
    for (const Criterion& c : rules.criteria)
        if (c.id == s.criterion_id) return criterion_label(c);
    return to_wx(s.criterion_name);
}

/// "label:" padded so that the values line up, whatever the language's label lengths.
wxString field(const wxString& label, const wxString& value, std::size_t width) {
    wxString l = label + ":";
    while (l.length() < width + 2) l += ' ';
    return "    " + l + value + "\n";
}

}  // namespace

wxString explanation_text(const BidExplanation& x, const CriteriaSet& rules) {
    wxString out = wxString::Format(_("Bid: %s"), to_wx(x.bidder));
    if (!x.lot.empty()) out += wxString::Format(_(" (lot %s)"), to_wx(x.lot));
    out += "\n";
    if (!x.requirements.empty()) {
        out += "\n" + _("Requirements") + "\n";
        const wxString met = _("met"), not_met = _("NOT MET");
        const std::size_t w = std::max(met.length(), not_met.length()) + 1;
        for (const RequirementCheck& r : x.requirements) {
            wxString state = r.met ? met : not_met;
            while (state.length() < w) state += ' ';
            out += "  " + state + to_wx(r.id) + " (" + requirement_name(rules, r) + "): " + to_wx(r.test) + "\n";
        }
    }
    if (!x.admissible) return out + "\n" + _("Inadmissible: not scored.") + "\n";
    const wxString rule = _("rule"), inputs = _("inputs"), with_values = _("with values"), weighted = _("weighted"),
                   clamped = _("clamped to the scale");
    std::size_t w = 0;
    for (const wxString* l : {&rule, &inputs, &with_values, &weighted}) w = std::max(w, l->length());
    if (!x.scores.empty()) out += "\n" + _("Scores") + "\n";
    for (const ScoreExplanation& s : x.scores) {
        out += "  " + to_wx(s.criterion_id) + " (" + criterion_name(rules, s) + ")\n";
        out += field(rule, to_wx(s.formula), w);
        if (!s.inputs.empty()) out += field(inputs, to_wx(s.inputs), w);
        out += field(with_values, to_wx(s.with_values + " = " + format_score(s.raw)), w);
        if (s.clamped) out += field(clamped, to_wx(format_score(s.score)), w);
        if (!std::isnan(s.contribution)) out += field(weighted, to_wx(s.contribution_formula), w);
    }
    if (x.eliminated) {
        out += "\n" + _("Eliminated before the final stage by:") + "\n";
        for (const Exclusion& e : x.eliminated_by)
            out += "  " + to_wx(e.rule_id) + " (" + to_wx(e.rule_name) + "): " + to_wx(e.detail) + "\n";
        return out;
    }
    wxString parts;
    for (const ScoreExplanation& s : x.scores) parts += (parts.empty() ? "" : " + ") + to_wx(format_score(s.contribution));
    out += "\n" + wxString::Format(_("Total = %s = %s"), parts, to_wx(format_score(x.total))) + "\n";
    out += (x.tied ? wxString::Format(_("Rank %d (tied) of %zu"), x.rank, x.ranked_of)
                   : wxString::Format(_("Rank %d of %zu"), x.rank, x.ranked_of)) +
           "\n";
    for (const Flag& f : x.flags)
        out += _("FLAG") + " " + to_wx(f.rule_id) + " (" + to_wx(f.rule_name) + "): " + to_wx(f.detail) + "\n";
    return out;
}

}  // namespace tl::gui
