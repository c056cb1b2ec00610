// `audit verify`: the chain of hashes, the entries' times, the replay of every recorded change,
// the data against the log, the schema and the append-only guard, and a signed head.
#include <algorithm>
#include <iterator>
#include <cstdio>
#include <ctime>

#include "store/audit.hpp"
#include "store/changeset.hpp"
#include "store/project_impl.hpp"
#include "store/schema.hpp"

namespace tl::store {

namespace {

/// Clocks of two officers' computers differ by minutes: an entry up to this much before the one
/// before it (or after this computer's now) is a warning; more is a failure.
constexpr std::int64_t kClockSlackSeconds = 15 * 60;

/// Seconds since 1970 of an entry's time ("2026-04-14T09:00:00Z"), or -1 when it is not one.
std::int64_t parse_utc(const std::string& at) {
    int y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
    char z = 0;
    int used = 0;
    if (std::sscanf(at.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c%n", &y, &mo, &d, &h, &mi, &s, &z, &used) != 7 || z != 'Z' ||
        used != static_cast<int>(at.size()) || at.size() != 20)
        return -1;
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return -1;
    std::tm tm{};
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    tm.tm_sec = s;
    const std::time_t t = timegm(&tm);
    // timegm makes 30 February into 2 March: a time that does not read back as written is none.
    std::tm back{};
    gmtime_r(&t, &back);
    if (back.tm_year != y - 1900 || back.tm_mon != mo - 1 || back.tm_mday != d) return -1;
    return static_cast<std::int64_t>(t);
}

std::string utc_text(std::int64_t seconds) {
    const std::time_t t = static_cast<std::time_t>(seconds);
    std::tm utc{};
    gmtime_r(&t, &utc);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buf;
}

std::string short_hash(const std::string& h) { return h.substr(0, 16); }

/// "entry #4 (bids.import, 2026-04-10T09:00:00Z)"
Message entry_label(const AuditEntry& e) {
    return Message("store.audit.entry", TL_MSG("entry #{seq} ({action}, {at})"))
        .count("seq", e.seq)
        .text("action", e.action)
        .text("at", e.at);
}

/// The chain: numbering, links, each entry's own hash, the data hash of later formats.
void check_chain(const std::vector<AuditEntry>& entries, AuditReport& report) {
    std::string prev = kGenesisHash;
    std::int64_t expected_seq = 1;
    int highest_format = 0;
    for (const AuditEntry& e : entries) {
        if (e.seq == expected_seq + 1)
            report.problems.push_back(Message("store.audit.missing-entry",
                                              TL_MSG("entry #{seq} is missing: deleted outside TenderLoop"))
                                          .count("seq", expected_seq));
        else if (e.seq > expected_seq)
            report.problems.push_back(Message("store.audit.missing-entries",
                                              TL_MSG("entries #{from} to #{to} are missing: deleted outside TenderLoop"))
                                          .count("from", expected_seq)
                                          .count("to", e.seq - 1));
        else if (e.seq < expected_seq)
            report.problems.push_back(Message("store.audit.out-of-order", TL_MSG("{entry} is out of order"))
                                          .nested("entry", entry_label(e)));
        if (e.prev_hash != prev)
            report.problems.push_back(Message("store.audit.broken-link",
                                              TL_MSG("{entry} does not follow the entry before it (it names {named}..., the "
                                                     "entry before is {before}...): an entry was deleted or changed outside "
                                                     "TenderLoop"))
                                          .nested("entry", entry_label(e))
                                          .text("named", short_hash(e.prev_hash))
                                          .text("before", short_hash(prev)));
        if (audit_entry_hash(e) != e.hash)
            report.problems.push_back(Message("store.audit.entry-changed",
                                              TL_MSG("{entry} was changed outside TenderLoop: its content does not match its hash"))
                                          .nested("entry", entry_label(e)));
        if (e.format < highest_format)
            report.problems.push_back(
                Message("store.audit.older-format",
                        TL_MSG("{entry} lacks what every entry since project format {format} holds (the data hash, the "
                               "recorded changes): it was written outside TenderLoop"))
                    .nested("entry", entry_label(e))
                    .count("format", highest_format));
        highest_format = std::max(highest_format, e.format);
        prev = e.hash;
        expected_seq = e.seq + 1;
    }
}

/// The times: each a valid UTC time, none in the future, none far before the entry before it.
void check_times(const std::vector<AuditEntry>& entries, std::int64_t now, AuditReport& report) {
    std::int64_t previous = -1;
    const AuditEntry* previous_entry = nullptr;
    for (const AuditEntry& e : entries) {
        const std::int64_t at = parse_utc(e.at);
        if (at < 0) {
            report.problems.push_back(Message("store.audit.bad-time", TL_MSG("entry #{seq} ({action}) has no valid time: '{at}'"))
                                          .count("seq", e.seq)
                                          .text("action", e.action)
                                          .text("at", e.at));
            continue;
        }
        if (at > now + kClockSlackSeconds)
            report.problems.push_back(Message("store.audit.future",
                                              TL_MSG("{entry} is dated in the future (this computer's clock says {now}): it "
                                                     "was written with a wrong clock or its time was set by hand"))
                                          .nested("entry", entry_label(e))
                                          .text("now", utc_text(now)));
        if (previous_entry && at < previous) {
            const std::int64_t back = previous - at;
            Message m = back > kClockSlackSeconds
                            ? Message("store.audit.time-back",
                                      TL_MSG("{entry} is dated {minutes} minutes before the entry before it ({before}): a "
                                             "clock was set back, or the time was set by hand"))
                                  .count("minutes", back / 60)
                            : Message("store.audit.time-back-slightly",
                                      TL_MSG("{entry} is dated {seconds} seconds before the entry before it ({before}): the "
                                             "clocks of the computers that wrote them differ a little"))
                                  .count("seconds", back);
            m.nested("entry", entry_label(e)).text("before", previous_entry->at);
            (back > kClockSlackSeconds ? report.problems : report.warnings).push_back(std::move(m));
        }
        if (at > previous) {
            previous = at;
            previous_entry = &e;
        } else if (!previous_entry) {
            previous = at;
            previous_entry = &e;
        }
    }
}

/// Replays the recorded changes from the first entry of format 3 on, from empty tables: after
/// each entry the data must be the state it recorded, and at the end the data as it is. Returns
/// false when the replay stopped at a problem.
bool replay(const std::vector<AuditEntry>& entries, AuditReport& report) {
    auto first = std::find_if(entries.begin(), entries.end(), [](const AuditEntry& e) { return e.format >= 3; });
    if (first == entries.end()) return true;
    report.replayed_from = first->seq;
    sql::Db rebuilt(":memory:", true);
    create_schema(rebuilt);
    // The recorded changes start at the project's creation, or at the migration that brought an
    // older file to format 3 (its entry holds every row): right after the last older entry.
    const bool migrated = first != entries.begin();
    if (migrated && (first->action != "project.migrate" || std::prev(first)->format >= 3)) {
        report.problems.push_back(Message("store.audit.replay-start",
                                          TL_MSG("{entry} is the first with recorded changes but is not the migration "
                                                 "that follows the older entries: it was written outside TenderLoop"))
                                      .nested("entry", entry_label(*first)));
        return false;
    }
    for (auto it = first; it != entries.end(); ++it) {
        const AuditEntry& e = *it;
        if (e.format < 3) return false;  // reported by check_chain
        const ApplyResult applied = apply_changeset(rebuilt, e.changes);
        if (!applied.ok) {
            report.problems.push_back(Message("store.audit.replay-conflict",
                                              TL_MSG("{entry} recorded a change of {table} ({key}) that does not fit the data "
                                                     "before it ({kind}): the data was changed outside TenderLoop before this "
                                                     "entry, or the entry was"))
                                          .nested("entry", entry_label(e))
                                          .text("table", applied.table)
                                          .text("key", applied.key)
                                          .text("kind", applied.kind));
            return false;
        }
        // The migration's rows must be the data the last format-2 entry vouched for: data changed
        // before the migration would otherwise enter the replay as if it had always been so.
        if (migrated && it == first && !std::prev(first)->state_hash.empty() &&
            state_sha256_as_format2(rebuilt) != std::prev(first)->state_hash) {
            report.problems.push_back(Message("store.audit.migration-differs",
                                              TL_MSG("the rows {entry} recorded (the migration) differ from the data entry "
                                                     "#{seq} recorded: the data was changed outside TenderLoop before the "
                                                     "migration"))
                                          .nested("entry", entry_label(e))
                                          .count("seq", std::prev(first)->seq));
            return false;
        }
        if (state_sha256(rebuilt) != e.state_hash) {
            report.problems.push_back(Message("store.audit.replay-differs",
                                              TL_MSG("after {entry} the data the log records differs from what the recorded "
                                                     "changes produce: a change no entry explains was made at or before this "
                                                     "entry"))
                                          .nested("entry", entry_label(e)));
            return false;
        }
    }
    // The data itself is compared with the last entry's state by the caller: with the replay
    // arriving at that state, the data is what the log's changes produce.
    return true;
}

}  // namespace

AuditReport Project::verify_audit(const std::string& signed_head) const {
    sql::Db& db = impl_->db;
    AuditReport report;
    report.problems = impl_->schema_problems;
    const std::vector<AuditEntry> entries = read_audit_entries(db);
    report.entries = entries.size();
    check_chain(entries, report);
    check_times(entries, static_cast<std::int64_t>(std::time(nullptr)), report);
    for (const AuditEntry& e : entries)
        if (!signed_head.empty() && e.hash == signed_head) report.signed_head_seq = e.seq;
    if (entries.empty()) {
        report.problems.push_back(Message("store.audit.empty",
                                          TL_MSG("the audit log is empty: every project has at least its creation entry")));
    } else {
        const AuditEntry& last = entries.back();
        report.head = last.hash;
        if (last.state_hash.empty())
            report.problems.push_back(Message("store.audit.no-state",
                                              TL_MSG("the last entry has no data hash, so the data cannot be checked against the log")));
        else if (store::state_sha256(db) != last.state_hash)
            report.problems.push_back(Message("store.audit.data-differs",
                                              TL_MSG("the data differs from what the last entry (#{seq}, {action}) recorded: it "
                                                     "was changed outside TenderLoop, or entries after it were deleted"))
                                          .count("seq", last.seq)
                                          .text("action", last.action));
        replay(entries, report);
    }
    for (const char* trigger : kAuditGuardTriggers) {
        auto t = db.prepare("SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name = ?");
        t.bind(1, trigger);
        if (t.step() && t.int64(0) == 0)
            report.problems.push_back(Message("store.audit.guard-removed",
                                              TL_MSG("the guard that keeps the log append-only (trigger {trigger}) was removed "
                                                     "outside TenderLoop"))
                                          .text("trigger", trigger));
    }
    if (!signed_head.empty() && report.signed_head_seq == 0)
        report.problems.push_back(Message("store.audit.head-not-found",
                                          TL_MSG("no entry has the signed head {head}: the log was rewritten since that head "
                                                 "was printed (or it is another project)"))
                                      .text("head", signed_head));
    return report;
}

}  // namespace tl::store
