#include "gui/committee_data.hpp"

#include <algorithm>
#include <cmath>

#include <wx/datetime.h>
#include <wx/intl.h>
#include <wx/numformatter.h>

#include "core/number_format.hpp"
#include "gui/i18n.hpp"
#include "gui/project_document.hpp"
#include "gui/wx_text.hpp"

namespace tl::gui {

std::size_t CommitteeData::bid_count() const {
    return scores.criteria.empty() ? 0 : scores.cells.size() / scores.criteria.size();
}

const CommitteeCell* CommitteeData::cell(std::size_t k, std::size_t b) const {
    // committee_scores lists the cells per criterion (rules order), then per bid (table order).
    const std::size_t i = k * bid_count() + b;
    return k < scores.criteria.size() && b < bid_count() && i < scores.cells.size() ? &scores.cells[i] : nullptr;
}

int CommitteeData::member_index(const std::string& name) const {
    for (std::size_t e = 0; e < scores.evaluators.size(); ++e)
        if (scores.evaluators[e].name == name) return static_cast<int>(e);
    return -1;
}

const CommitteeMember* CommitteeData::member(const std::string& name) const {
    const int e = member_index(name);
    return e < 0 ? nullptr : &scores.evaluators[static_cast<std::size_t>(e)];
}

const CommitteeMember* CommitteeData::chair() const {
    for (const auto& m : scores.evaluators)
        if (m.chair) return &m;
    return nullptr;
}

wxString CommitteeData::criterion_title(std::size_t k) const {
    if (k >= scores.criteria.size()) return wxString();
    const auto& c = scores.criteria[k];
    const wxString name = k < criterion_names.size() ? criterion_names[k] : to_wx(c.id);
    // No-break spaces keep the scale on one line when the name wraps in a grid cell.
    return wxString::Format(L"%s (%s\u00A0..\u00A0%s)", name, mark_text(c.lo), mark_text(c.hi));
}

int CommitteeData::scores_expected(std::size_t e) const {
    int n = 0;
    for (const auto& c : scores.cells)
        if (e < c.marks.size() && !c.marks[e].barred) ++n;
    return n;
}

int CommitteeData::scores_given(std::size_t e) const {
    int n = 0;
    for (const auto& c : scores.cells)
        if (e < c.marks.size() && !c.marks[e].barred && c.marks[e].scored()) ++n;
    return n;
}

CommitteeData read_committee(const ProjectDocument& document) {
    CommitteeData d;
    if (!document.is_open()) return d;
    d.open = true;
    const app::TenderProject& project = document.project();
    const store::Project& store = project.store();
    if (auto ev = document.evaluation()) {
        d.rules_ok = true;
        d.scores = ev->committee;
        d.missing_consensus = ev->missing;
        for (const auto& c : d.scores.criteria)
            d.criterion_names.push_back(c.criterion >= 0 && static_cast<std::size_t>(c.criterion) < ev->rules.criteria.size()
                                            ? criterion_label(ev->rules.criteria[static_cast<std::size_t>(c.criterion)])
                                            : to_wx(c.name));
    } else {
        // Rules that do not check: the members and their declarations still show; no criteria.
        d.scores = store.committee_scores(CriteriaSet{});
    }
    d.declarations = store.declarations();
    for (const auto& b : store.bids())
        if (std::find(d.bidders.begin(), d.bidders.end(), b.bidder) == d.bidders.end()) d.bidders.push_back(b.bidder);
    return d;
}

wxString mark_text(double v) {
    if (std::isnan(v)) return wxString();
    // In the UI locale's format, as the results show their scores ("2,67" in Russian).
    return wxNumberFormatter::ToString(round_half_away(v, 2), 2, wxNumberFormatter::Style_NoTrailingZeroes);
}

double parse_mark(const wxString& text) {
    wxString t = text;
    t.Trim(true).Trim(false);
    t.Replace(",", ".");
    if (t.empty()) return std::nan("");
    return c_parse_double(from_wx(t));
}

wxString check_mark(const wxString& text, double lo, double hi, double* value) {
    const double v = parse_mark(text);
    if (value) *value = v;
    if (std::isnan(v) || v < lo || v > hi)
        return wxString::Format(_("Enter a score from %s to %s."), mark_text(lo), mark_text(hi));
    return wxString();
}

wxString bid_title(const std::string& bidder, const std::string& lot) {
    return lot.empty() ? to_wx(bidder) : wxString::Format("%s [%s]", to_wx(bidder), to_wx(lot));
}

wxString time_text(const std::string& iso) {
    // The store records UTC; people read their own clock. Minutes are what a committee minutes.
    wxDateTime t;
    const wxString text = to_wx(iso.size() > 19 ? iso.substr(0, 19) : iso);
    if (!t.ParseISOCombined(text, 'T')) return text;
    return t.MakeFromTimezone(wxDateTime::UTC).Format("%Y-%m-%d %H:%M");
}

wxString declaration_text(const CommitteeMember& m) {
    if (!m.declared) return _("not declared yet");
    if (m.whole_tender_conflict) return _("conflict with the whole tender");
    if (m.conflicts.empty()) return _("no conflict of interest");
    wxString names;
    for (const auto& b : m.conflicts) names += (names.empty() ? "" : ", ") + to_wx(b);
    return wxString::Format(_("conflict with %s"), names);
}

wxString barred_reason(const CommitteeMember& m, const std::string& bidder) {
    if (m.whole_tender_conflict) return _("Barred: conflict of interest with the whole tender");
    if (std::find(m.conflicts.begin(), m.conflicts.end(), bidder) != m.conflicts.end())
        return wxString::Format(_("Barred: conflict of interest with %s"), to_wx(bidder));
    return wxString();
}

}  // namespace tl::gui
