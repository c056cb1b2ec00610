// The rules versions and lots of a project.
#include <map>

#include "core/sha256.hpp"
#include "store/committee_state.hpp"
#include "store/project_impl.hpp"

namespace tl::store {

namespace {

/// The rules versions' columns as of the file's format (a file of an older format opened for
/// inspection is read as it is, not migrated).
std::string select_rules(sql::Db& db) {
    const std::int64_t format = db.query_int("PRAGMA user_version");
    return std::string("SELECT version, text, sha256, source_name, created_at, created_by, ") +
           (format >= 2 ? "reason, " : "'', ") + (format >= 3 ? "correction" : "0") + " FROM rules_versions";
}

RulesVersion read_rules(const sql::Stmt& s) {
    RulesVersion r;
    r.version = static_cast<int>(s.int64(0));
    r.text = s.text(1);
    r.sha256 = s.text(2);
    r.source_name = s.text(3);
    r.created_at = s.text(4);
    r.created_by = s.text(5);
    r.reason = s.text(6);
    r.correction = s.int64(7) != 0;
    return r;
}

/// Refuses rules under which a recorded committee score or consensus loses its meaning.
void check_committee_records(sql::Db& db, const CriteriaSet& rules) {
    std::map<std::string, const Criterion*> committee;
    for (const Criterion* c : committee_criteria(rules)) committee[c->id] = c;
    std::vector<Message> problems;
    auto s = db.prepare(
        "SELECT criterion, count(*), min(value), max(value) FROM "
        "(SELECT criterion, value FROM committee_scores UNION ALL SELECT criterion, value FROM consensus) "
        "GROUP BY criterion ORDER BY criterion");
    while (s.step()) {
        const std::string id = s.text(0);
        const auto it = committee.find(id);
        if (it == committee.end()) {
            problems.push_back(Message("store.refused.committee-records",
                                       TL_MSG("the committee has recorded {n} scores for '{criterion}', which the new rules "
                                              "do not have the committee score"))
                                   .count("n", s.int64(1))
                                   .text("criterion", id));
        } else if (s.real(2) < it->second->committee_lo || s.real(3) > it->second->committee_hi) {
            problems.push_back(Message("store.refused.committee-records",
                                       TL_MSG("the committee's scores for '{criterion}' ({low} .. {high}) do not fit the new "
                                              "scale {scale_low} .. {scale_high}"))
                                   .text("criterion", id)
                                   .text("low", score_text(s.real(2)))
                                   .text("high", score_text(s.real(3)))
                                   .text("scale_low", score_text(it->second->committee_lo))
                                   .text("scale_high", score_text(it->second->committee_hi)));
        }
    }
    if (problems.empty()) return;
    refuse(Message("store.refused.committee-records", TL_MSG("the rules were not set:{list}"))
               .nested("list", listed(problems, problems.size())));
}

/// The rules are frozen once the project holds a bid: only a correction with a reason changes
/// them then, and a correction is for rules that bids were made against.
void check_frozen(sql::Db& db, const Actor& actor, bool correction) {
    auto s = db.prepare("SELECT count(*), coalesce(min(imported_at), '') FROM bids");
    s.step();
    const std::int64_t bids = s.int64(0);
    // Bids once imported and then removed do not unfreeze the rules: the log remembers them.
    const std::string first_import =
        bids > 0 ? std::string() : db.query_text("SELECT coalesce(min(at), '') FROM audit_log WHERE action = 'bids.import'");
    const bool bids_arrived = bids > 0 || !first_import.empty();
    if (correction && actor.reason.find_first_not_of(" \t\r\n") == std::string::npos)
        refuse(Message("store.refused.correction-needs-reason",
                       TL_MSG("a correction of the rules needs a reason (what was wrong in the published rules): "
                              "nothing was recorded")));
    if (correction && !bids_arrived)
        refuse(Message("store.refused.correction-without-bids",
                       TL_MSG("the project holds no bids yet: record the rules as a new version, not as a correction")));
    if (!correction && bids > 0)
        refuse(Message("store.refused.rules-frozen",
                       TL_MSG("the rules are frozen: the project holds {bids} (the first imported at {since}), and the "
                              "published criteria may not change after bids arrived. To correct an error in the rules "
                              "(a typo in a name, say), record the change as a correction with its reason; it is shown "
                              "on the evaluation and on every document made from it"))
                   .nested("bids", Message("store.bids-count", TL_MSG_PLURAL("{n} bid", "{n} bids")).count("n", bids))
                   .text("since", s.text(1)));
    if (!correction && bids_arrived)
        refuse(Message("store.refused.rules-frozen-removed",
                       TL_MSG("the rules are frozen: bids were imported at {since} (and removed since), and the published "
                              "criteria may not change after bids arrived. To correct an error in the rules, record the "
                              "change as a correction with its reason"))
                   .text("since", first_import));
}

}  // namespace

RulesVersion Project::current_rules() const {
    auto s = impl_->db.prepare(select_rules(impl_->db) + " ORDER BY version DESC LIMIT 1");
    if (!s.step())
        throw StoreError(StoreErrorKind::Damaged,
                         Message("store.damaged", TL_MSG("{file} is damaged: it holds no rules")).text("file", impl_->path));
    return read_rules(s);
}

std::vector<RulesVersion> Project::rules_history() const {
    std::vector<RulesVersion> out;
    auto s = impl_->db.prepare(select_rules(impl_->db) + " ORDER BY version");
    while (s.step()) out.push_back(read_rules(s));
    return out;
}

RulesVersion Project::rules_version(int version) const {
    auto s = impl_->db.prepare(select_rules(impl_->db) + " WHERE version = ?");
    s.bind(1, version);
    if (!s.step())
        not_found(Message("store.not-found.rules-version", TL_MSG("the project has no rules version {version}"))
                      .count("version", version));
    return read_rules(s);
}

std::vector<Lot> Project::lots() const {
    std::vector<Lot> out;
    auto s = impl_->db.prepare("SELECT id, name FROM lots ORDER BY position");
    while (s.step()) out.push_back({s.text(0), s.text(1)});
    return out;
}

int Project::set_rules(const std::string& text, const std::string& source_name, const CriteriaSet& rules,
                       const BidTable& rebound, const Actor& actor, bool correction) {
    Change change(*impl_, actor, correction ? "rules.correct" : "rules.set");
    const RulesVersion current = current_rules();
    if (text == current.text)
        refuse(Message("store.refused.rules-unchanged", TL_MSG("the rules are the same as the current version {version}: nothing to record"))
                   .count("version", current.version));
    check_frozen(impl_->db, actor, correction);
    check_committee_records(impl_->db, rules);
    const std::vector<Lot>& lots = rules.tender.lots;
    std::map<std::pair<std::string, std::string>, const Bid*> by_key;
    for (const Bid& b : rebound.bids) by_key[{b.lot, b.bidder}] = &b;
    const std::vector<StoredBid> stored = bids();
    const Message changed("store.refused.bids-changed",
                          TL_MSG("the bids changed while the new rules were being checked against them: set the rules again"));
    if (by_key.size() != stored.size()) refuse(changed);
    for (const StoredBid& b : stored)
        if (!by_key.count({b.lot, b.bidder}))
            refuse(changed);

    sql::Db& db = change.db();
    const int version = current.version + 1;
    const std::string sha = sha256_hex(text);
    db.prepare("INSERT INTO rules_versions (version, text, sha256, source_name, created_at, created_by, reason, correction) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .bind_all(version, text, sha, source_name, change.time(), actor.user, actor.reason, correction ? 1 : 0)
        .run();
    db.exec("DELETE FROM lots");
    auto lot = db.prepare("INSERT INTO lots (id, name, position) VALUES (?, ?, ?)");
    for (std::size_t i = 0; i < lots.size(); ++i) lot.bind_all(lots[i].id, lots[i].name, static_cast<int>(i)).run();
    BidValueWriter values(db);
    for (const StoredBid& b : stored) values.write(b.id, rebound.fields, *by_key.at({b.lot, b.bidder}));
    change.details = {{"version", version},
                      {"sha256", sha},
                      {"source", source_name},
                      {"previous_version", current.version},
                      {"previous_sha256", current.sha256},
                      {"bids_reread", stored.size()}};
    if (correction) change.details["correction"] = true;
    change.commit();
    return version;
}

}  // namespace tl::store
