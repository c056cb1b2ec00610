// The audit log: appending entries, reading them, and verifying the chain against the data.
#include "store/audit.hpp"

#include "core/sha256.hpp"
#include "store/project_impl.hpp"
#include "store/schema.hpp"

namespace tl::store {

const char* const kGenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

namespace {

void field(std::string& out, const std::string& value) {
    out += std::to_string(value.size());
    out += ':';
    out += value;
    out += '\n';
}

AuditEntry read_entry(const sql::Stmt& s) {
    AuditEntry e;
    e.seq = s.int64(0);
    e.at = s.text(1);
    e.user = s.text(2);
    e.action = s.text(3);
    e.reason = s.text(4);
    e.details = s.text(5);
    e.prev_hash = s.text(6);
    e.hash = s.text(7);
    e.state_hash = s.text(8);
    return e;
}

const char* const kSelectEntries =
    "SELECT seq, at, user, action, reason, details, prev_hash, hash, state_hash FROM audit_log ORDER BY seq";

std::string short_hash(const std::string& h) { return h.substr(0, 16); }

}  // namespace

std::string canonical_audit_entry(const AuditEntry& e) {
    const bool v2 = !e.state_hash.empty();
    std::string out = v2 ? "tenderloop audit entry 2\n" : "tenderloop audit entry 1\n";
    field(out, std::to_string(e.seq));
    field(out, e.at);
    field(out, e.user);
    field(out, e.action);
    field(out, e.reason);
    field(out, e.details);
    field(out, e.prev_hash);
    if (v2) field(out, e.state_hash);
    return out;
}

std::string audit_entry_hash(const AuditEntry& entry) { return sha256_hex(canonical_audit_entry(entry)); }

std::string append_audit_entry(sql::Db& db, const std::string& at, const Actor& actor, const std::string& action,
                               const std::string& details_json) {
    AuditEntry e;
    {
        auto last = db.prepare("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1");
        if (last.step()) {
            e.seq = last.int64(0) + 1;
            e.prev_hash = last.text(1);
        } else {
            e.seq = 1;
            e.prev_hash = kGenesisHash;
        }
    }
    e.at = at;
    e.user = actor.user;
    e.action = action;
    e.reason = actor.reason;
    e.details = details_json;
    e.state_hash = state_sha256(db);
    e.hash = audit_entry_hash(e);
    db.prepare("INSERT INTO audit_log (seq, at, user, action, reason, details, prev_hash, hash, state_hash) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind_all(e.seq, e.at, e.user, e.action, e.reason, e.details, e.prev_hash, e.hash, e.state_hash)
        .run();
    return e.hash;
}

std::vector<AuditEntry> Project::audit_log() const {
    std::vector<AuditEntry> out;
    auto s = impl_->db.prepare(kSelectEntries);
    while (s.step()) out.push_back(read_entry(s));
    return out;
}

std::string Project::audit_head() const {
    return impl_->db.query_text("SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1");
}

AuditReport Project::verify_audit(const std::string& signed_head) const {
    sql::Db& db = impl_->db;
    AuditReport report;
    std::string prev = kGenesisHash;
    std::int64_t expected_seq = 1;
    bool seen_v2 = false;
    AuditEntry last;
    auto s = db.prepare(kSelectEntries);
    while (s.step()) {
        const AuditEntry e = read_entry(s);
        ++report.entries;
        const std::string at = "entry #" + std::to_string(e.seq) + " (" + e.action + ", " + e.at + ")";
        if (e.seq != expected_seq)
            report.problems.push_back(e.seq == expected_seq + 1
                                          ? "entry #" + std::to_string(expected_seq) + " is missing: deleted outside TenderLoop"
                                      : e.seq > expected_seq
                                          ? "entries #" + std::to_string(expected_seq) + " to #" + std::to_string(e.seq - 1) +
                                                " are missing: deleted outside TenderLoop"
                                          : at + " is out of order");
        if (e.prev_hash != prev)
            report.problems.push_back(at + " does not follow the entry before it (it names " + short_hash(e.prev_hash) +
                                      "..., the entry before is " + short_hash(prev) +
                                      "...): an entry was deleted or changed outside TenderLoop");
        const std::string recomputed = audit_entry_hash(e);
        if (recomputed != e.hash)
            report.problems.push_back(at + " was changed outside TenderLoop: its content does not match its hash");
        if (e.state_hash.empty() && seen_v2)
            report.problems.push_back(at + " lacks the data hash that every entry since format 2 has");
        seen_v2 = seen_v2 || !e.state_hash.empty();
        if (!signed_head.empty() && e.hash == signed_head) report.signed_head_seq = e.seq;
        prev = e.hash;
        expected_seq = e.seq + 1;
        last = e;
    }
    report.head = last.hash;
    if (report.entries == 0) {
        report.problems.push_back("the audit log is empty: every project has at least its creation entry");
    } else if (last.state_hash.empty()) {
        report.problems.push_back("the last entry has no data hash, so the data cannot be checked against the log");
    } else if (store::state_sha256(db) != last.state_hash) {
        report.problems.push_back("the data differs from what the last entry (#" + std::to_string(last.seq) +
                                  ", " + last.action +
                                  ") recorded: it was changed outside TenderLoop, or entries after it were deleted");
    }
    for (const char* trigger : kAuditGuardTriggers) {
        auto t = db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name = ?");
        t.bind(1, trigger);
        if (t.step() && t.int64(0) == 0)
            report.problems.push_back(std::string("the guard that keeps the log append-only (trigger ") + trigger +
                                      ") was removed outside TenderLoop");
    }
    if (!signed_head.empty() && report.signed_head_seq == 0)
        report.problems.push_back("no entry has the signed head " + signed_head +
                                  ": the log was rewritten since that head was printed (or it is another project)");
    return report;
}

}  // namespace tl::store
