// The project's data in one canonical form: what each audit entry's state hash is taken over,
// and what the tests compare. Every table but the audit log, in a fixed order, rows by key,
// every column by type and with a length before each text, numbers in the shortest form that
// reads back exactly (std::to_chars: the same in every locale).
#include <charconv>
#include <string>
#include <string_view>

#include <sqlite3.h>

#include "core/sha256.hpp"
#include "store/project_impl.hpp"

namespace tl::store {

namespace {

struct Table {
    const char* name;
    const char* select;
};

// The data tables of the current format and their keys.
const Table kTables[] = {
    {"tender", "SELECT * FROM tender ORDER BY id"},
    {"rules_versions", "SELECT * FROM rules_versions ORDER BY version"},
    {"lots", "SELECT * FROM lots ORDER BY id"},
    {"bids", "SELECT * FROM bids ORDER BY id"},
    {"bid_values", "SELECT * FROM bid_values ORDER BY bid, field"},
    {"evaluators", "SELECT * FROM evaluators ORDER BY id"},
    {"coi_declarations", "SELECT * FROM coi_declarations ORDER BY id"},
    {"committee_scores", "SELECT * FROM committee_scores ORDER BY evaluator, bid, criterion"},
    {"consensus", "SELECT * FROM consensus ORDER BY bid, criterion"},
    {"evaluation_runs", "SELECT * FROM evaluation_runs ORDER BY id"},
    {"exports", "SELECT * FROM exports ORDER BY id"},
};
const Table kAuditTable = {"audit_log", "SELECT * FROM audit_log ORDER BY seq"};

struct StringSink {
    std::string text;
    void update(std::string_view bytes) { text.append(bytes); }
};

template <typename Sink>
void dump_table(sql::Db& db, const Table& t, Sink& sink) {
    std::string line = "# ";
    line += t.name;
    line += '\n';
    sink.update(line);
    auto s = db.prepare(t.select);
    const int columns = s.column_count();
    char num[64];
    while (s.step()) {
        line.clear();
        for (int c = 0; c < columns; ++c) {
            switch (s.type(c)) {
                case SQLITE_NULL: line += "N"; break;
                case SQLITE_INTEGER: {
                    auto [end, ec] = std::to_chars(num, num + sizeof num, s.int64(c));
                    line += 'i';
                    line.append(num, end);
                    break;
                }
                case SQLITE_FLOAT: {
                    auto [end, ec] = std::to_chars(num, num + sizeof num, s.real(c));
                    line += 'r';
                    line.append(num, end);
                    break;
                }
                default: {  // text (and blobs, which the format does not use, by their bytes)
                    const std::string_view v = s.text_view(c);
                    line += 't';
                    line += std::to_string(v.size());
                    line += ':';
                    line.append(v);
                }
            }
            line += c + 1 < columns ? '|' : '\n';
        }
        sink.update(line);
    }
}

template <typename Sink>
void dump(sql::Db& db, bool with_audit, Sink& sink) {
    for (const Table& t : kTables) dump_table(db, t, sink);
    if (with_audit) dump_table(db, kAuditTable, sink);
}

// Format 2's rules_versions had no `correction` column (format 3 added it last).
const Table kFormat2Rules = {"rules_versions",
                             "SELECT version, text, sha256, source_name, created_at, created_by, reason FROM rules_versions "
                             "ORDER BY version"};

}  // namespace

std::string state_sha256(sql::Db& db) {
    Sha256 h;
    dump(db, false, h);
    return h.hex_digest();
}

std::string state_sha256_as_format2(sql::Db& db) {
    Sha256 h;
    for (const Table& t : kTables) dump_table(db, std::string(t.name) == "rules_versions" ? kFormat2Rules : t, h);
    return h.hex_digest();
}

std::string Project::canonical_dump(bool with_audit) const {
    StringSink sink;
    dump(impl_->db, with_audit, sink);
    return std::move(sink.text);
}

std::string Project::state_sha256() const { return store::state_sha256(impl_->db); }

}  // namespace tl::store
