// The audit log: appending entries, reading them, and verifying the chain against the data.
#include "store/audit.hpp"

#include <pwd.h>
#include <sqlite3.h>
#include <unistd.h>

#include <optional>

#include "core/sha256.hpp"
#include "store/changeset.hpp"
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
    e.os_user = s.text(9);
    e.changes = s.blob(10);
    e.format = s.type(10) != SQLITE_NULL ? 3 : e.state_hash.empty() ? 1 : 2;
    return e;
}

/// The entries' columns as of the file's format (a file of format 1 or 2 is read once before it is
/// migrated: its last entry is checked against its data first).
std::string select_entries(sql::Db& db) {
    const std::int64_t format = db.query_int("PRAGMA user_version");
    return std::string("SELECT seq, at, user, action, reason, details, prev_hash, hash, ") +
           (format >= 3 ? "state_hash, os_user, changes" : format == 2 ? "state_hash, NULL, NULL" : "NULL, NULL, NULL") +
           " FROM audit_log ORDER BY seq";
}

}  // namespace

std::string canonical_audit_entry(const AuditEntry& e) {
    std::string out = "tenderloop audit entry " + std::to_string(e.format) + "\n";
    field(out, std::to_string(e.seq));
    field(out, e.at);
    field(out, e.user);
    if (e.format >= 3) field(out, e.os_user);
    field(out, e.action);
    field(out, e.reason);
    field(out, e.details);
    field(out, e.prev_hash);
    if (e.format >= 2) field(out, e.state_hash);
    if (e.format >= 3) field(out, sha256_hex(e.changes));
    return out;
}

std::string audit_entry_hash(const AuditEntry& entry) { return sha256_hex(canonical_audit_entry(entry)); }

std::string append_audit_entry(sql::Db& db, const std::string& at, const Actor& actor, const std::string& action,
                               const std::string& details_json, const std::string& changes) {
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
    e.format = 3;
    e.at = at;
    e.user = actor.user;
    e.os_user = os_account();
    e.action = action;
    e.reason = actor.reason;
    e.details = details_json;
    e.state_hash = state_sha256(db);
    e.changes = changes;
    e.hash = audit_entry_hash(e);
    db.prepare("INSERT INTO audit_log (seq, at, user, action, reason, details, prev_hash, hash, state_hash, os_user, changes) "
               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind_all(e.seq, e.at, e.user, e.action, e.reason, e.details, e.prev_hash, e.hash, e.state_hash, e.os_user)
        .bind_blob(11, e.changes)
        .run();
    return e.hash;
}

std::optional<AuditEntry> last_audit_entry(sql::Db& db) {
    if (db.query_int("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'audit_log'") == 0)
        return std::nullopt;  // a project being created
    auto s = db.prepare(select_entries(db) + " DESC LIMIT 1");
    if (!s.step()) return std::nullopt;
    return read_entry(s);
}

std::vector<AuditEntry> read_audit_entries(sql::Db& db) {
    std::vector<AuditEntry> out;
    auto s = db.prepare(select_entries(db));
    while (s.step()) out.push_back(read_entry(s));
    return out;
}

std::optional<Message> changed_outside(sql::Db& db, const std::string& path) {
    const auto last = last_audit_entry(db);
    if (!last) return std::nullopt;  // a project being created
    auto changed = [&](Message what) {
        return Message("store.refused.changed-outside",
                       TL_MSG("{file} was changed outside TenderLoop after entry #{seq} ({action}, {at}): {what}. Nothing "
                              "was written. 'tenderloop audit {file} verify' shows what differs; go on from a copy of the "
                              "project that verifies"))
            .text("file", path)
            .count("seq", last->seq)
            .text("action", last->action)
            .text("at", last->at)
            .nested("what", std::move(what));
    };
    if (audit_entry_hash(*last) != last->hash)
        return changed(Message("store.changed.entry", TL_MSG("that entry no longer matches its hash")));
    if (!last->state_hash.empty() && state_sha256(db) != last->state_hash)
        return changed(Message("store.changed.data", TL_MSG("its data differs from what that entry recorded")));
    return std::nullopt;
}

void refuse_if_changed_outside(sql::Db& db, const std::string& path) {
    if (auto message = changed_outside(db, path)) refuse(std::move(*message));
}

std::optional<Message> Project::changed_outside() const { return store::changed_outside(impl_->db, impl_->path); }

std::string os_account() {
    const uid_t uid = geteuid();
    struct passwd pw {};
    struct passwd* found = nullptr;
    std::vector<char> buffer(16384);
    if (getpwuid_r(uid, &pw, buffer.data(), buffer.size(), &found) == 0 && found && found->pw_name && *found->pw_name)
        return found->pw_name;
    return "uid " + std::to_string(uid);
}

std::vector<AuditEntry> Project::audit_log() const { return read_audit_entries(impl_->db); }

std::vector<RowChange> Project::audit_changes(const AuditEntry& entry) const {
    return describe_changeset(impl_->db, entry.changes);
}

std::string Project::audit_head() const {
    return impl_->db.query_text("SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1");
}

}  // namespace tl::store
