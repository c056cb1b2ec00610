// The evaluation committee: members, conflict-of-interest declarations, scores, submission,
// reopening and consensus, each with the rules of the procedure enforced here (not in the CLI),
// so that the GUI gets the same rules.
#include <cmath>

#include "store/committee_state.hpp"
#include "store/project_impl.hpp"

namespace tl::store {

namespace {

const MemberState& require_member(const CommitteeState& c, const std::string& name) {
    if (const MemberState* m = c.member(name)) return *m;
    std::string names;
    for (const auto& m : c.members) names += (names.empty() ? "" : ", ") + m.evaluator.name;
    not_found("'" + name + "' is not on the evaluation committee" +
              (names.empty() ? std::string(" (it has no members yet)") : " (members: " + names + ")"));
}

/// The chair, who must be the user making the change.
const MemberState& require_chair_user(const CommitteeState& c, const Actor& actor, const std::string& what) {
    const MemberState* chair = c.chair();
    if (!chair) refuse("only the chair can " + what + ", and the committee has no chair");
    if (chair->evaluator.name != actor.user)
        refuse("only the chair (" + chair->evaluator.name + ") can " + what + "; the user is '" + actor.user +
               "' (give --user " + chair->evaluator.name + ")");
    return *chair;
}

std::string declare_hint(const std::string& name) {
    return "record a declaration first: committee declare " + name + " --none | --conflict BIDDER | --whole-tender";
}

}  // namespace

std::vector<Evaluator> Project::evaluators() const {
    std::vector<Evaluator> out;
    for (auto& m : load_committee(impl_->db).members) out.push_back(m.evaluator);
    return out;
}

std::vector<CoiDeclaration> Project::declarations() const {
    std::vector<CoiDeclaration> out;
    auto s = impl_->db.prepare(
        "SELECT e.name, d.kind, d.bidder, d.text, d.declared_at, d.declared_by "
        "FROM coi_declarations d JOIN evaluators e ON e.id = d.evaluator ORDER BY d.id");
    while (s.step()) {
        CoiDeclaration d;
        d.evaluator = s.text(0);
        const std::string kind = s.text(1);
        d.kind = kind == "bid" ? CoiKind::Bid : kind == "tender" ? CoiKind::WholeTender : CoiKind::None;
        d.bidder = s.text(2);
        d.text = s.text(3);
        d.declared_at = s.text(4);
        d.declared_by = s.text(5);
        out.push_back(std::move(d));
    }
    return out;
}

void Project::add_evaluator(const std::string& name, Role role, const Actor& actor) {
    Change change(*impl_, actor, "committee.evaluator.add");
    if (name.empty()) refuse("an evaluator needs a name");
    const CommitteeState c = load_committee(impl_->db);
    if (c.member(name)) refuse("'" + name + "' is on the evaluation committee already");
    if (role == Role::Chair)
        if (const MemberState* chair = c.chair()) refuse("the committee has a chair already: " + chair->evaluator.name);
    change.db()
        .prepare("INSERT INTO evaluators (name, role, added_at, added_by) VALUES (?, ?, ?, ?)")
        .bind_all(name, role_name(role), change.time(), actor.user)
        .run();
    change.details = {{"evaluator", name}, {"role", role_name(role)}};
    change.commit();
}

void Project::declare_interest(const std::string& evaluator, CoiKind kind, const std::string& bidder, const std::string& text,
                               const Actor& actor) {
    Change change(*impl_, actor, "committee.declare");
    sql::Db& db = impl_->db;
    const CommitteeState c = load_committee(db);
    const MemberState& m = require_member(c, evaluator);
    if (kind == CoiKind::Bid) {
        if (bidder.empty()) refuse("a conflict with a bid names the bidder");
        auto s = db.prepare("SELECT count(*) FROM bids WHERE bidder = ?");
        s.bind(1, bidder);
        if (!s.step() || s.int64(0) == 0) not_found("the project has no bid of '" + bidder + "'");
    }
    if (kind != CoiKind::None && text.empty())
        refuse("a declared conflict of interest needs its nature in words (--text)");
    // Scores already given for what the conflict covers stop counting (status shows them barred).
    std::int64_t affected = 0;
    if (kind != CoiKind::None) {
        auto s = db.prepare("SELECT count(*) FROM committee_scores s JOIN bids b ON b.id = s.bid "
                            "WHERE s.evaluator = ? AND (? = 'tender' OR b.bidder = ?)");
        s.bind_all(m.id, coi_kind_name(kind), bidder);
        if (s.step()) affected = s.int64(0);
    }
    auto insert = change.db().prepare(
        "INSERT INTO coi_declarations (evaluator, kind, bidder, text, declared_at, declared_by) VALUES (?, ?, ?, ?, ?, ?)");
    insert.bind_all(m.id, coi_kind_name(kind));
    if (kind == CoiKind::Bid) insert.bind(3, bidder);
    else insert.bind_null(3);
    insert.bind(4, text).bind(5, change.time()).bind(6, actor.user).run();
    change.details = {{"evaluator", evaluator}, {"kind", coi_kind_name(kind)}, {"text", text}};
    if (kind == CoiKind::Bid) change.details["bidder"] = bidder;
    if (affected > 0) change.details["scores_no_longer_counted"] = affected;
    change.commit();
}

void Project::record_score(const ScoreInput& in, const CriteriaSet& rules, const Actor& actor) {
    Change change(*impl_, actor, "committee.score");
    sql::Db& db = impl_->db;
    const Criterion& crit = require_committee_criterion(rules, in.criterion);
    check_committee_value(crit, in.value);
    if (in.justification.empty()) refuse("a committee score needs a written justification");
    const CommitteeState c = load_committee(db);
    const MemberState& m = require_member(c, in.evaluator);
    if (!m.declared)
        refuse(in.evaluator + " has not declared whether they have a conflict of interest, so they cannot score yet; " +
               declare_hint(in.evaluator));
    if (m.whole_tender)
        refuse(in.evaluator + " declared a conflict of interest with the whole tender and cannot score any bid");
    if (m.conflicts.count(in.bid.bidder))
        refuse(in.evaluator + " declared a conflict of interest with '" + in.bid.bidder + "' and cannot score that bid");
    if (!m.evaluator.submitted_at.empty())
        refuse(in.evaluator + " submitted their scores on " + m.evaluator.submitted_at +
               ": submitted scores are locked (the chair can reopen them, with a reason)");
    const std::int64_t bid = require_bid_id(db, in.bid);
    std::optional<double> previous;
    if (auto it = c.scores.find({m.id, bid, crit.id}); it != c.scores.end()) previous = it->second.value;

    change.db()
        .prepare("INSERT INTO committee_scores (evaluator, bid, criterion, value, justification, state, created_at, updated_at) "
                 "VALUES (?1, ?2, ?3, ?4, ?5, 'draft', ?6, ?6) "
                 "ON CONFLICT (evaluator, bid, criterion) DO UPDATE SET value = ?4, justification = ?5, updated_at = ?6")
        .bind_all(m.id, bid, crit.id, in.value, in.justification, change.time())
        .run();
    change.details = {{"evaluator", in.evaluator}, {"bidder", in.bid.bidder},   {"criterion", crit.id},
                      {"value", in.value},         {"justification", in.justification}};
    if (!in.bid.lot.empty()) change.details["lot"] = in.bid.lot;
    if (previous) change.details["previous_value"] = *previous;
    change.commit();
}

void Project::submit_scores(const std::string& evaluator, const CriteriaSet& rules, const Actor& actor) {
    Change change(*impl_, actor, "committee.submit");
    sql::Db& db = impl_->db;
    const CommitteeState c = load_committee(db);
    const MemberState& m = require_member(c, evaluator);
    if (!m.evaluator.submitted_at.empty()) refuse(evaluator + " submitted their scores already, on " + m.evaluator.submitted_at);
    if (!m.declared) refuse(evaluator + " has not declared whether they have a conflict of interest; " + declare_hint(evaluator));
    if (m.whole_tender) refuse(evaluator + " declared a conflict of interest with the whole tender: they score nothing");
    const auto criteria = committee_criteria(rules);
    if (criteria.empty()) refuse("the rules have no criteria that the committee scores");
    std::vector<std::string> missing;
    std::size_t count = 0;
    for (const StoredBid& b : bids()) {
        if (m.barred_from(b.bidder)) continue;
        for (const Criterion* crit : criteria) {
            if (c.scores.count({m.id, b.id, crit->id})) ++count;
            else missing.push_back(crit->id + " for " + bid_label({b.bidder, b.lot}));
        }
    }
    if (!missing.empty()) {
        std::string list;
        for (std::size_t i = 0; i < missing.size() && i < 50; ++i) list += "\n  " + missing[i];
        if (missing.size() > 50) list += "\n  ... and " + std::to_string(missing.size() - 50) + " more";
        refuse(evaluator + " cannot submit yet: " + std::to_string(missing.size()) + " score" +
               (missing.size() == 1 ? " is" : "s are") + " missing:" + list);
    }
    change.db()
        .prepare("UPDATE committee_scores SET state = 'submitted', submitted_at = ?1 WHERE evaluator = ?2")
        .bind_all(change.time(), m.id)
        .run();
    change.db().prepare("UPDATE evaluators SET submitted_at = ? WHERE id = ?").bind_all(change.time(), m.id).run();
    change.details = {{"evaluator", evaluator}, {"scores", count}};
    change.commit();
}

void Project::reopen_scores(const std::string& evaluator, const Actor& actor) {
    Change change(*impl_, actor, "committee.reopen");
    sql::Db& db = impl_->db;
    const CommitteeState c = load_committee(db);
    require_chair_user(c, actor, "reopen a submission");
    const MemberState& m = require_member(c, evaluator);
    if (actor.reason.empty()) refuse("reopening a submission needs a reason (--reason), for the record");
    if (m.evaluator.submitted_at.empty()) refuse(evaluator + " has not submitted their scores: there is nothing to reopen");
    change.db()
        .prepare("UPDATE committee_scores SET state = 'draft', submitted_at = NULL WHERE evaluator = ?")
        .bind(1, m.id)
        .run();
    change.db().prepare("UPDATE evaluators SET submitted_at = NULL WHERE id = ?").bind(1, m.id).run();
    change.details = {{"evaluator", evaluator}, {"submitted_at", m.evaluator.submitted_at}};
    change.commit();
}

void Project::record_consensus(const ConsensusInput& in, const CriteriaSet& rules, const Actor& actor) {
    Change change(*impl_, actor, "committee.consensus");
    sql::Db& db = impl_->db;
    const Criterion& crit = require_committee_criterion(rules, in.criterion);
    check_committee_value(crit, in.value);
    if (in.justification.empty()) refuse("a consensus score needs a written justification");
    const CommitteeState c = load_committee(db);
    const MemberState& chair = require_chair_user(c, actor, "record a consensus");
    if (!chair.declared)
        refuse("the chair has not declared whether they have a conflict of interest; " + declare_hint(chair.evaluator.name));
    if (chair.barred_from(in.bid.bidder))
        refuse("the chair declared a conflict of interest with '" + in.bid.bidder +
               "' and cannot record the consensus for that bid");
    const std::int64_t bid = require_bid_id(db, in.bid);
    std::vector<std::string> waiting;
    int submitted = 0;
    for (const MemberState& m : c.members) {
        if (m.barred_from(in.bid.bidder)) continue;
        if (m.evaluator.submitted_at.empty()) waiting.push_back(m.evaluator.name);
        else if (c.scores.count({m.id, bid, crit.id})) ++submitted;
    }
    if (!waiting.empty()) {
        std::string names;
        for (const auto& w : waiting) names += (names.empty() ? "" : ", ") + w;
        refuse("the consensus waits for every evaluator's submitted scores; not submitted yet: " + names);
    }
    if (submitted == 0) refuse("no evaluator has scored " + bid_label(in.bid) + " on '" + crit.id + "'");
    std::optional<double> previous;
    if (auto it = c.consensus.find({bid, crit.id}); it != c.consensus.end()) previous = it->second.value;

    change.db()
        .prepare("INSERT INTO consensus (bid, criterion, value, justification, decided_by, decided_at) "
                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (bid, criterion) DO UPDATE SET "
                 "value = ?3, justification = ?4, decided_by = ?5, decided_at = ?6")
        .bind_all(bid, crit.id, in.value, in.justification, chair.id, change.time())
        .run();
    change.details = {{"bidder", in.bid.bidder}, {"criterion", crit.id}, {"value", in.value}, {"justification", in.justification}};
    if (!in.bid.lot.empty()) change.details["lot"] = in.bid.lot;
    if (previous) change.details["previous_value"] = *previous;
    change.commit();
}

}  // namespace tl::store
