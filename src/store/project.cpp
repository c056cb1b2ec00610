// Opening and creating project files: identity, format version, integrity, migration; and the
// Change that every modification goes through.
#include "store/project.hpp"

#include <fcntl.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <optional>

#include "core/atomic_file.hpp"
#include "core/sha256.hpp"
#include "store/audit.hpp"
#include "store/project_impl.hpp"
#include "store/read_only.hpp"
#include "store/schema.hpp"

namespace tl::store {

namespace fs = std::filesystem;

std::string system_time_utc() {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buf;
}

const char* role_name(Role r) { return r == Role::Chair ? "chair" : "member"; }

const char* coi_kind_name(CoiKind k) {
    switch (k) {
        case CoiKind::None: return "none";
        case CoiKind::Bid: return "bid";
        case CoiKind::WholeTender: return "tender";
    }
    return "none";
}

void refuse(Message message) { throw StoreError(StoreErrorKind::Refused, std::move(message)); }
void not_found(Message message) { throw StoreError(StoreErrorKind::NotFound, std::move(message)); }

Message listed(const std::vector<Message>& lines, std::size_t limit) {
    Message out("store.list", "");  // worded as "" when empty
    for (std::size_t i = 0; i < lines.size() && i < limit; ++i)
        out = Message("store.list", TL_MSG("{list}\n  {item}")).nested("list", std::move(out)).nested("item", lines[i]);
    if (lines.size() > limit)
        out = Message("store.list", TL_MSG("{list}\n  ... and {n} more"))
                  .nested("list", std::move(out))
                  .count("n", static_cast<long long>(lines.size() - limit));
    return out;
}

// ---- Change ----

Project::Impl& writable(Project::Impl& project) {
    if (project.read_only)
        refuse(Message("store.refused.read-only",
                       TL_MSG("{file} is open read-only ({why}): no change can be recorded in it; copy it to a writable "
                              "folder to change it"))
                   .text("file", project.path)
                   .nested("why", project.read_only_why));
    return project;
}

Change::Change(Project::Impl& project, const Actor& actor, std::string action, Record record)
    : p_(writable(project)), actor_(actor), action_(std::move(action)), time_(project.now()), tx_(project.db) {
    if (actor_.user.empty())
        refuse(Message("store.refused.no-user", TL_MSG("a change needs the name of the user who makes it")));
    if (p_.outdated_format)
        refuse(Message("store.refused.inspection-only",
                       TL_MSG("{file} (project format {format}) is open for inspection only: nothing is written to it; "
                              "open it for work to upgrade it"))
                   .text("file", p_.path)
                   .count("format", p_.outdated_format));
    if (!p_.schema_problems.empty())
        refuse(Message("store.refused.foreign-schema",
                       TL_MSG("{file} holds tables, triggers or views that TenderLoop does not create (see 'tenderloop audit "
                              "{file} verify'): nothing is written to it"))
                   .text("file", p_.path));
    // Checked inside the transaction (BEGIN IMMEDIATE holds the write lock): the data this change
    // builds on is the data the log vouches for.
    refuse_if_changed_outside(p_.db, p_.path);
    if (record == Record::Changes) recorder_ = std::make_unique<ChangeRecorder>(p_.db);
}

void Change::commit() {
    const std::string changes = recorder_ ? recorder_->changeset() : snapshot_changeset(p_.db);
    append_audit_entry(p_.db, time_, actor_, action_, details.dump(), changes);
    tx_.commit();
}

// ---- opening ----

namespace {

Message exists_already(const std::string& path) {
    return Message("store.exists", TL_MSG("cannot create {file}: the file exists already")).text("file", path);
}

Message cannot_create(const std::string& path, const std::string& detail) {
    return Message("store.cannot-create", TL_MSG("cannot create {file}: {detail}")).text("file", path).text("detail", detail);
}

std::string hex32(std::int64_t v) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "0x%08X", static_cast<unsigned>(v & 0xffffffff));
    return buf;
}

/// The message of an SQLite failure while opening, as a StoreError.
[[noreturn]] void open_failed(const std::string& path, const sql::Error& e) {
    switch (e.code()) {
        case SQLITE_NOTADB:
            throw StoreError(StoreErrorKind::NotAProject,
                             Message("store.not-a-project", TL_MSG("{file} is not a TenderLoop project (not an SQLite database)"))
                                 .text("file", path));
        case SQLITE_CORRUPT:
            throw StoreError(StoreErrorKind::Damaged,
                             Message("store.damaged", TL_MSG("{file} is damaged ({detail}); open a backup copy of the project instead"))
                                 .text("file", path)
                                 .text("detail", e.what()));
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            throw StoreError(StoreErrorKind::Io,
                             Message("store.busy", TL_MSG("{file} is in use by another program; try again when it is done"))
                                 .text("file", path));
        default:
            throw StoreError(StoreErrorKind::Io, Message("store.cannot-open", TL_MSG("cannot open {file}: {detail}"))
                                                     .text("file", path)
                                                     .text("detail", e.what()));
    }
}

/// A read-only file that needs what only writing can do: finishing a change a crash interrupted
/// (its hot journal), or upgrading an older format.
[[noreturn]] void cannot_open_read_only(const std::string& path, const Message& why, bool journal, int format) {
    if (journal)
        throw StoreError(StoreErrorKind::Io,
                         Message("store.read-only.hot-journal",
                                 TL_MSG("{file} was left in the middle of a change (its journal {journal} is beside it), "
                                        "and {why}, so the change cannot be rolled back: copy both files to a writable "
                                        "folder and open the copy there"))
                             .text("file", path)
                             .text("journal", path + "-journal")
                             .nested("why", why));
    throw StoreError(StoreErrorKind::Io,
                     Message("store.read-only.old-format",
                             TL_MSG("{file} has the older project format {format}, which must be upgraded when it is opened, "
                                    "and {why}: copy it to a writable folder and open the copy there"))
                         .text("file", path)
                         .count("format", format)
                         .nested("why", why));
}

/// Connection settings, before anything reads the schema: nothing a received file contains may
/// run with more trust than plain data.
void configure(sql::Db& db) {
    db.config(SQLITE_DBCONFIG_DEFENSIVE, true);
    db.config(SQLITE_DBCONFIG_TRUSTED_SCHEMA, false);
    db.exec("PRAGMA trusted_schema = OFF");
    db.exec("PRAGMA foreign_keys = ON");
    db.exec("PRAGMA synchronous = FULL");
    db.exec("PRAGMA cache_size = -16384");  // 16 MiB: a 10 000-bid import stays in memory until it commits
}

bool has_sqlite_header(const std::string& path, bool* empty) {
    std::ifstream in(path, std::ios::binary);
    char header[16] = {};
    in.read(header, sizeof header);
    *empty = in.gcount() == 0;
    return in.gcount() == 16 && std::memcmp(header, "SQLite format 3", 16) == 0;
}

void check_identity(sql::Db& db, const std::string& path) {
    const std::int64_t app = db.query_int("PRAGMA application_id");
    if (app != kApplicationId)
        throw StoreError(StoreErrorKind::NotAProject,
                         Message("store.not-a-project", TL_MSG("{file} is an SQLite database but not a TenderLoop project "
                                                              "(its application id is {id}, a project's is {project_id})"))
                             .text("file", path)
                             .text("id", hex32(app))
                             .text("project_id", hex32(kApplicationId)));
    const std::int64_t version = db.query_int("PRAGMA user_version");
    if (version > kFormatVersion)
        throw StoreError(StoreErrorKind::TooNew,
                         Message("store.too-new", TL_MSG("{file} was written by a newer TenderLoop (project format {format}; "
                                                         "this TenderLoop reads formats up to {supported}): open it with a "
                                                         "newer TenderLoop"))
                             .text("file", path)
                             .count("format", version)
                             .count("supported", kFormatVersion));
    if (version < 1)
        throw StoreError(StoreErrorKind::Damaged,
                         Message("store.damaged", TL_MSG("{file} is damaged: it has the TenderLoop application id but no format version"))
                             .text("file", path));
}

void check_integrity(sql::Db& db, const std::string& path) {
    std::string problems;
    auto s = db.prepare("PRAGMA quick_check");
    while (s.step()) {
        if (!problems.empty()) problems += "; ";
        problems += s.text(0);
    }
    if (problems != "ok")
        throw StoreError(StoreErrorKind::Damaged,
                         Message("store.damaged", TL_MSG("{file} is damaged (SQLite quick_check: {detail}); open a backup copy "
                                                         "of the project instead"))
                             .text("file", path)
                             .text("detail", problems.substr(0, 500)));
}

/// A file whose tables, indexes, triggers or views are not TenderLoop's own is refused (a trigger
/// of its own could rewrite what TenderLoop writes), or, opened for inspection, kept from every
/// change while `audit verify` reports the differences.
void check_schema(Project::Impl& p, const ProjectOptions& options) {
    const int version = static_cast<int>(p.db.query_int("PRAGMA user_version"));
    std::vector<Message> differences = schema_differences(p.db, version);
    if (differences.empty()) return;
    if (options.inspect) {
        p.schema_problems = std::move(differences);
        return;
    }
    throw StoreError(StoreErrorKind::Damaged,
                     Message("store.foreign-schema",
                             TL_MSG("{file} is not opened: {problems}\nIt was changed outside TenderLoop. Ask for the "
                                    "file as TenderLoop wrote it; 'tenderloop audit {file} verify' shows what else differs"))
                         .text("file", p.path)
                         .nested("problems", listed(differences, 10)));
}

void migrate(Project::Impl& p, int from, const ProjectOptions& options) {
    Actor actor{options.user.empty() ? "tenderloop" : options.user,
                "opened by TenderLoop " + (options.tool_version.empty() ? std::string("(unknown version)") : options.tool_version) +
                    ": project format " + std::to_string(from) + " upgraded to " + std::to_string(kFormatVersion)};
    Change change(p, actor, "project.migrate", Change::Record::Snapshot);
    migrate_schema(p.db, from);
    // From this entry on the log holds what every change did; replaying starts here, from every
    // row as the migration left it (entries before it are verified as their format allows).
    change.details = {{"from", from}, {"to", kFormatVersion}, {"replay_from_this_entry", true}};
    change.commit();
}

}  // namespace

bool Project::is_sqlite_file(const std::string& path) {
    bool empty = false;
    return has_sqlite_header(path, &empty);
}

Project Project::open(const std::string& path, const ProjectOptions& options) {
    std::error_code ec;
    if (!fs::exists(path, ec))
        throw StoreError(StoreErrorKind::Io,
                         Message("store.no-such-file", TL_MSG("cannot open {file}: no such file")).text("file", path));
    if (fs::is_directory(path, ec))
        throw StoreError(StoreErrorKind::Io,
                         Message("store.is-a-folder", TL_MSG("cannot open {file}: it is a folder")).text("file", path));
    bool empty = false;
    if (!has_sqlite_header(path, &empty))
        throw StoreError(StoreErrorKind::NotAProject,
                         (empty ? Message("store.not-a-project", TL_MSG("{file} is empty: not a TenderLoop project"))
                                : Message("store.not-a-project",
                                          TL_MSG("{file} is not a TenderLoop project (not an SQLite database)")))
                             .text("file", path));
    const ReadOnlyCause cause = options.read_only ? ReadOnlyCause::Asked : read_only_cause(probe_file_access(path));
    const Message read_only_why = store::read_only_reason(cause, path);
    std::unique_ptr<Impl> impl;
    try {
        impl = std::make_unique<Impl>(path, false, cause != ReadOnlyCause::None);
        impl->clock = options.clock;
        impl->read_only_why = read_only_why;
        configure(impl->db);
        check_identity(impl->db, path);
        check_schema(*impl, options);
        // A rollback journal, whatever mode the file was left in (WAL is persistent in a file);
        // a read-only file stays as it is.
        if (!impl->read_only) impl->db.exec("PRAGMA journal_mode = DELETE");
        check_integrity(impl->db, path);
        const int version = static_cast<int>(impl->db.query_int("PRAGMA user_version"));
        if (version < kFormatVersion && impl->read_only && !options.inspect)
            cannot_open_read_only(path, read_only_why, false, version);
        // Opened for inspection (`audit`), an older file is read as it is: verifying must not
        // write, and a file changed outside TenderLoop could not be migrated anyway.
        if (version < kFormatVersion && options.inspect) impl->outdated_format = version;
        else if (version < kFormatVersion) migrate(*impl, version, options);
    } catch (const sql::Error& e) {
        // SQLite must roll back a hot journal before it reads; a read-only connection cannot.
        std::error_code journal_ec;
        if (cause != ReadOnlyCause::None && fs::exists(path + "-journal", journal_ec) &&
            (e.code() == SQLITE_READONLY || e.code() == SQLITE_CANTOPEN))
            cannot_open_read_only(path, read_only_why, true, 0);
        open_failed(path, e);
    }
    return Project(std::move(impl));
}

Project Project::create(const std::string& path, const NewProject& np, const Actor& actor, const ProjectOptions& options,
                        IfExists if_exists) {
    std::error_code ec;
    const bool replace = if_exists == IfExists::Replace;
    if (!replace && fs::exists(fs::symlink_status(path, ec)))
        throw StoreError(StoreErrorKind::Io, exists_already(path));
    auto failed = [&](const AtomicFileError& e) {
        if (e.code() == EEXIST) return StoreError(StoreErrorKind::Io, exists_already(path));
        return StoreError(StoreErrorKind::Io, Message("store.cannot-create", TL_MSG("cannot create {file}: {detail}"))
                                                  .text("file", path)
                                                  .nested("detail", e.message()));
    };
    // Built under a temporary name next to the target, then put into place, so that the project
    // appears complete or not at all; an existing file is replaced only when asked.
    std::optional<AtomicFile> file;
    try {
        file.emplace(path);
    } catch (const AtomicFileError& e) {
        throw failed(e);
    }
    const std::string tmp = file->temp_path();
    auto drop_temporary = [&] {
        file->discard();
        fs::remove(tmp + "-journal", ec);
    };
    try {
        Impl impl(tmp, true);
        impl.clock = options.clock;
        configure(impl.db);
        impl.db.exec("PRAGMA journal_mode = DELETE");
        Change change(impl, actor, "project.create");
        create_schema(impl.db);
        impl.db.prepare("INSERT INTO tender (id, title, reference, created_at, created_by, created_with) "
                        "VALUES (1, ?, ?, ?, ?, ?)")
            .bind_all(np.title, np.reference, change.time(), actor.user, np.tool_version)
            .run();
        impl.db.prepare("INSERT INTO rules_versions (version, text, sha256, source_name, created_at, created_by, reason) "
                        "VALUES (1, ?, ?, ?, ?, ?, ?)")
            .bind_all(np.rules_text, sha256_hex(np.rules_text), np.rules_source_name, change.time(), actor.user, actor.reason)
            .run();
        auto lot = impl.db.prepare("INSERT INTO lots (id, name, position) VALUES (?, ?, ?)");
        for (std::size_t i = 0; i < np.lots.size(); ++i) lot.bind_all(np.lots[i].id, np.lots[i].name, static_cast<int>(i)).run();
        change.details = {{"title", np.title},
                          {"reference", np.reference},
                          {"format", kFormatVersion},
                          {"rules_version", 1},
                          {"rules_sha256", sha256_hex(np.rules_text)},
                          {"rules_source", np.rules_source_name}};
        change.commit();
    } catch (const sql::Error& e) {
        drop_temporary();
        throw StoreError(StoreErrorKind::Io, cannot_create(path, e.what()));
    } catch (...) {
        drop_temporary();
        throw;
    }
    // A rollback journal left by the replaced file would be played back into the new one.
    if (replace) fs::remove(file->target_path() + "-journal", ec);
    try {
        file->commit(replace ? AtomicFile::Existing::Replace : AtomicFile::Existing::Refuse);
    } catch (const AtomicFileError& e) {
        throw failed(e);
    }
    return open(path, options);
}

Project::Project(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Project::Project(Project&&) noexcept = default;
Project& Project::operator=(Project&&) noexcept = default;
Project::~Project() = default;

bool Project::read_only() const { return impl_->read_only; }
Message Project::read_only_reason() const { return impl_->read_only_why; }

ProjectInfo Project::info() const {
    ProjectInfo info;
    info.path = impl_->path;
    auto s = impl_->db.prepare("SELECT title, reference, created_at, created_by, created_with FROM tender WHERE id = 1");
    if (s.step()) {
        info.title = s.text(0);
        info.reference = s.text(1);
        info.created_at = s.text(2);
        info.created_by = s.text(3);
        info.created_with = s.text(4);
    }
    info.format_version = static_cast<int>(impl_->db.query_int("PRAGMA user_version"));
    return info;
}

std::string Project::integrity_check() const {
    std::string out;
    auto s = impl_->db.prepare("PRAGMA integrity_check");
    while (s.step()) out += (out.empty() ? "" : "\n") + s.text(0);
    return out;
}

// ---- bid keys ----

std::string bid_label(const BidKey& key) { return "'" + key.bidder + "'" + (key.lot.empty() ? "" : " (lot " + key.lot + ")"); }

Message bid_label_message(const BidKey& key) {
    if (key.lot.empty()) return Message("store.bid", TL_MSG("'{bidder}'")).text("bidder", key.bidder);
    return Message("store.bid", TL_MSG("'{bidder}' (lot {lot})")).text("bidder", key.bidder).text("lot", key.lot);
}

std::int64_t find_bid_id(sql::Db& db, const BidKey& key) {
    auto s = db.prepare("SELECT id FROM bids WHERE bidder = ? AND lot = ?");
    s.bind_all(key.bidder, key.lot);
    return s.step() ? s.int64(0) : 0;
}

std::int64_t require_bid_id(sql::Db& db, const BidKey& key) {
    if (const auto id = find_bid_id(db, key)) return id;
    if (key.lot.empty()) {
        // A bidder named without a lot: their bid when they made exactly one.
        auto s = db.prepare("SELECT id, lot FROM bids WHERE bidder = ?");
        s.bind(1, key.bidder);
        std::int64_t id = 0;
        std::vector<std::string> lots;
        while (s.step()) {
            id = s.int64(0);
            lots.push_back(s.text(1));
        }
        if (lots.size() == 1) return id;
        if (lots.size() > 1) {
            std::string list;
            for (const auto& l : lots) list += (list.empty() ? "" : ", ") + l;
            refuse(Message("store.refused.several-lots", TL_MSG("'{bidder}' bid in several lots ({lots}): name the lot"))
                       .text("bidder", key.bidder)
                       .text("lots", list));
        }
    }
    not_found(Message("store.not-found.bid", TL_MSG("the project has no bid of {bid}")).nested("bid", bid_label_message(key)));
}

}  // namespace tl::store
