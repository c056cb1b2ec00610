#include "store/committee_state.hpp"

#include <cmath>
#include <cstdio>

#include "store/project_impl.hpp"

namespace tl::store {

const MemberState* CommitteeState::member(const std::string& name) const {
    for (const auto& m : members)
        if (m.evaluator.name == name) return &m;
    return nullptr;
}

const MemberState* CommitteeState::chair() const {
    for (const auto& m : members)
        if (m.evaluator.role == Role::Chair) return &m;
    return nullptr;
}

CommitteeState load_committee(sql::Db& db) {
    CommitteeState c;
    std::map<std::int64_t, std::size_t> at;
    {
        auto s = db.prepare("SELECT id, name, role, added_at, added_by, submitted_at FROM evaluators ORDER BY id");
        while (s.step()) {
            MemberState m;
            m.id = s.int64(0);
            m.evaluator.name = s.text(1);
            m.evaluator.role = s.text(2) == "chair" ? Role::Chair : Role::Member;
            m.evaluator.added_at = s.text(3);
            m.evaluator.added_by = s.text(4);
            m.evaluator.submitted_at = s.text(5);
            at[m.id] = c.members.size();
            c.members.push_back(std::move(m));
        }
    }
    {
        auto s = db.prepare("SELECT evaluator, kind, bidder FROM coi_declarations ORDER BY id");
        while (s.step()) {
            auto it = at.find(s.int64(0));
            if (it == at.end()) continue;
            MemberState& m = c.members[it->second];
            m.declared = true;
            const std::string kind = s.text(1);
            if (kind == "tender") m.whole_tender = true;
            else if (kind == "bid") m.conflicts.insert(s.text(2));
        }
    }
    {
        auto s = db.prepare("SELECT evaluator, bid, criterion, value, justification, state, updated_at FROM committee_scores");
        while (s.step())
            c.scores[{s.int64(0), s.int64(1), s.text(2)}] = {s.real(3), s.text(4), s.text(5) == "submitted", s.text(6)};
    }
    {
        auto s = db.prepare(
            "SELECT c.bid, c.criterion, c.value, c.justification, e.name, c.decided_at "
            "FROM consensus c JOIN evaluators e ON e.id = c.decided_by");
        while (s.step()) c.consensus[{s.int64(0), s.text(1)}] = {s.real(2), s.text(3), s.text(4), s.text(5)};
    }
    return c;
}

std::vector<const Criterion*> committee_criteria(const CriteriaSet& rules) {
    std::vector<const Criterion*> out;
    for (const Criterion& c : rules.criteria)
        if (c.committee_field >= 0) out.push_back(&c);
    return out;
}

const Criterion& require_committee_criterion(const CriteriaSet& rules, const std::string& id) {
    const auto list = committee_criteria(rules);
    for (const Criterion* c : list)
        if (c->id == id) return *c;
    std::string names;
    for (const Criterion* c : list) names += (names.empty() ? "" : ", ") + c->id;
    const bool exists = rules.criterion_index(id) >= 0;
    const Message what = exists ? Message("store.not-found.criterion", TL_MSG("not a criterion the committee scores"))
                                : Message("store.not-found.criterion", TL_MSG("not a criterion of the rules"));
    if (list.empty())
        not_found(Message("store.not-found.criterion", TL_MSG("'{criterion}' is {what} (the rules have no committee criteria)"))
                      .text("criterion", id)
                      .nested("what", what));
    not_found(Message("store.not-found.criterion", TL_MSG("'{criterion}' is {what} (committee criteria: {names})"))
                  .text("criterion", id)
                  .nested("what", what)
                  .text("names", names));
}

std::string score_text(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    std::string s = buf;
    for (char& ch : s)
        if (ch == ',') ch = '.';  // whatever the locale's decimal point
    return s;
}

void check_committee_value(const Criterion& c, double value) {
    if (!std::isfinite(value) || value < c.committee_lo || value > c.committee_hi)
        refuse(Message("store.refused.outside-scale", TL_MSG("the score {score} for '{criterion}' is outside the committee's scale {low} .. {high}"))
                   .text("score", score_text(value))
                   .text("criterion", c.id)
                   .text("low", score_text(c.committee_lo))
                   .text("high", score_text(c.committee_hi)));
}

}  // namespace tl::store
