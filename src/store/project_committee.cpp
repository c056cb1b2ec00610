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
    if (names.empty())
        not_found(Message("store.not-found.evaluator", TL_MSG("'{name}' is not on the evaluation committee (it has no members yet)"))
                      .text("name", name));
    not_found(Message("store.not-found.evaluator", TL_MSG("'{name}' is not on the evaluation committee (members: {members})"))
                  .text("name", name)
                  .text("members", names));
}

/// The chair, who must be the user making the change.
/// `what` is the action ("reopen a submission"), as a message.
const MemberState& require_chair_user(const CommitteeState& c, const Actor& actor, const Message& what) {
    const MemberState* chair = c.chair();
    if (!chair)
        refuse(Message("store.refused.no-chair", TL_MSG("only the chair can {action}, and the committee has no chair"))
                   .nested("action", what));
    if (chair->evaluator.name != actor.user)
        refuse(Message("store.refused.not-the-chair",
                       TL_MSG("only the chair ({chair}) can {action}; the user is '{user}' (give --user {chair})"))
                   .text("chair", chair->evaluator.name)
                   .nested("action", what)
                   .text("user", actor.user));
    return *chair;
}

Message declare_hint(const std::string& name) {
    return Message("store.hint.declare",
                   TL_MSG("record a declaration first: committee declare {name} {options}"))
        .text("name", name)
        .text("options", "--none | --conflict BIDDER | --whole-tender");  // command syntax: never translated
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
    if (name.empty()) refuse(Message("store.refused.no-name", TL_MSG("an evaluator needs a name")));
    const CommitteeState c = load_committee(impl_->db);
    if (c.member(name))
        refuse(Message("store.refused.member-exists", TL_MSG("'{name}' is on the evaluation committee already")).text("name", name));
    if (role == Role::Chair)
        if (const MemberState* chair = c.chair())
            refuse(Message("store.refused.chair-exists", TL_MSG("the committee has a chair already: {chair}"))
                       .text("chair", chair->evaluator.name));
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
        if (bidder.empty()) refuse(Message("store.refused.no-bidder", TL_MSG("a conflict with a bid names the bidder")));
        auto s = db.prepare("SELECT count(*) FROM bids WHERE bidder = ?");
        s.bind(1, bidder);
        if (!s.step() || s.int64(0) == 0)
            not_found(Message("store.not-found.bid", TL_MSG("the project has no bid of '{bidder}'")).text("bidder", bidder));
    }
    if (kind != CoiKind::None && text.empty())
        refuse(Message("store.refused.no-text", TL_MSG("a declared conflict of interest needs its nature in words (--text)")));
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
    if (in.justification.empty())
        refuse(Message("store.refused.no-justification", TL_MSG("a committee score needs a written justification")));
    const CommitteeState c = load_committee(db);
    const MemberState& m = require_member(c, in.evaluator);
    if (!m.declared)
        refuse(Message("store.refused.not-declared",
                       TL_MSG("{name} has not declared whether they have a conflict of interest, so they cannot score yet; {hint}"))
                   .text("name", in.evaluator)
                   .nested("hint", declare_hint(in.evaluator)));
    if (m.whole_tender)
        refuse(Message("store.refused.conflict",
                       TL_MSG("{name} declared a conflict of interest with the whole tender and cannot score any bid"))
                   .text("name", in.evaluator));
    if (m.conflicts.count(in.bid.bidder))
        refuse(Message("store.refused.conflict",
                       TL_MSG("{name} declared a conflict of interest with '{bidder}' and cannot score that bid"))
                   .text("name", in.evaluator)
                   .text("bidder", in.bid.bidder));
    if (!m.evaluator.submitted_at.empty())
        refuse(Message("store.refused.submitted",
                       TL_MSG("{name} submitted their scores on {time}: submitted scores are locked (the chair can reopen "
                              "them, with a reason)"))
                   .text("name", in.evaluator)
                   .text("time", m.evaluator.submitted_at));
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
    if (!m.evaluator.submitted_at.empty())
        refuse(Message("store.refused.submitted", TL_MSG("{name} submitted their scores already, on {time}"))
                   .text("name", evaluator)
                   .text("time", m.evaluator.submitted_at));
    if (!m.declared)
        refuse(Message("store.refused.not-declared", TL_MSG("{name} has not declared whether they have a conflict of interest; {hint}"))
                   .text("name", evaluator)
                   .nested("hint", declare_hint(evaluator)));
    if (m.whole_tender)
        refuse(Message("store.refused.conflict",
                       TL_MSG("{name} declared a conflict of interest with the whole tender: they score nothing"))
                   .text("name", evaluator));
    const auto criteria = committee_criteria(rules);
    if (criteria.empty())
        refuse(Message("store.refused.no-committee-criteria", TL_MSG("the rules have no criteria that the committee scores")));
    std::vector<Message> missing;
    std::size_t count = 0;
    for (const StoredBid& b : bids()) {
        if (m.barred_from(b.bidder)) continue;
        for (const Criterion* crit : criteria) {
            if (c.scores.count({m.id, b.id, crit->id})) ++count;
            else
                missing.push_back(Message("store.missing-score", TL_MSG("{criterion} for {bid}"))
                                      .text("criterion", crit->id)
                                      .nested("bid", bid_label_message({b.bidder, b.lot})));
        }
    }
    if (!missing.empty())
        refuse(Message("store.refused.scores-missing", TL_MSG_PLURAL("{name} cannot submit yet: {n} score is missing:{list}",
                                                                     "{name} cannot submit yet: {n} scores are missing:{list}"))
                   .text("name", evaluator)
                   .count("n", static_cast<long long>(missing.size()))
                   .nested("list", listed(missing)));
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
    require_chair_user(c, actor, Message("store.action.reopen", TL_MSG("reopen a submission")));
    const MemberState& m = require_member(c, evaluator);
    if (actor.reason.empty())
        refuse(Message("store.refused.no-reason", TL_MSG("reopening a submission needs a reason (--reason), for the record")));
    if (m.evaluator.submitted_at.empty())
        refuse(Message("store.refused.not-submitted", TL_MSG("{name} has not submitted their scores: there is nothing to reopen"))
                   .text("name", evaluator));
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
    if (in.justification.empty())
        refuse(Message("store.refused.no-justification", TL_MSG("a consensus score needs a written justification")));
    const CommitteeState c = load_committee(db);
    const MemberState& chair = require_chair_user(c, actor, Message("store.action.consensus", TL_MSG("record a consensus")));
    if (!chair.declared)
        refuse(Message("store.refused.not-declared",
                       TL_MSG("the chair has not declared whether they have a conflict of interest; {hint}"))
                   .nested("hint", declare_hint(chair.evaluator.name)));
    if (chair.barred_from(in.bid.bidder))
        refuse(Message("store.refused.conflict",
                       TL_MSG("the chair declared a conflict of interest with '{bidder}' and cannot record the consensus for that bid"))
                   .text("bidder", in.bid.bidder));
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
        refuse(Message("store.refused.consensus-waits",
                       TL_MSG("the consensus waits for every evaluator's submitted scores; not submitted yet: {names}"))
                   .text("names", names));
    }
    if (submitted == 0)
        refuse(Message("store.refused.no-scores", TL_MSG("no evaluator has scored {bid} on '{criterion}'"))
                   .nested("bid", bid_label_message(in.bid))
                   .text("criterion", crit.id));
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
