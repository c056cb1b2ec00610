#include "app/tender_project.hpp"

#include <pwd.h>
#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <utility>

#include "app/bid_files.hpp"
#include "app/name_warnings.hpp"
#include "app/project_rebind.hpp"
#include "app/rules_corrections.hpp"
#include "core/engine.hpp"
#include "core/sha256.hpp"
#include "io/csv/bids_csv.hpp"
#include "io/csv/csv_cells.hpp"
#include "core/input_file.hpp"
#include "io/common/timestamp.hpp"

namespace tl::app {

struct TenderProject::State {
    store::Project project;
    std::string path, user, tool_version;
    std::string entered_by;
    store::RulesVersion rules_version;
    lang::LoadResult rules;
    /// The last evaluation: valid while the audit log's head is the same (every change to the
    /// project, also by another program, appends an entry), so that the views asking after one
    /// change do not evaluate the same data twice.
    std::shared_ptr<const ProjectEvaluation> last_evaluation;
};

namespace {

store::ProjectOptions options_for(const std::string& user, const std::string& tool_version) {
    store::ProjectOptions o;
    // No clock: the log records the system's time. SOURCE_DATE_EPOCH fixes the time printed on
    // exports (reproducible files), never the time of a recorded decision; tests that need fixed
    // log times give the store a clock of their own (store::ProjectOptions::clock).
    o.user = user;
    o.tool_version = tool_version;
    return o;
}

Diagnostic problem(const std::string& where, Message message, Severity severity = Severity::Error) {
    SourcePos pos;
    pos.file = where;
    return make_diagnostic(severity, std::move(pos), std::move(message));
}

ChangeOutcome refused(Refusal why, Message summary, Diagnostics problems = {}) {
    ChangeOutcome out;
    set_summary(out, std::move(summary));
    out.problems = std::move(problems);
    out.refusal = why;
    return out;
}

/// What the store said when it refused a change or could not make it.
Message store_refusal(const store::StoreError& e) { return e.message(); }

ChangeOutcome rules_do_not_check(const lang::LoadResult& rules) {
    return refused(Refusal::RulesDoNotCheck,
                   Message("app.rules-do-not-check", TL_MSG("the project's rules do not check; correct them first")),
                   rules.diagnostics);
}

/// Rules checked for a project: errors refuse them, and so do imports (a project keeps one
/// self-contained rules text, which is what its audit log fingerprints).
lang::LoadResult check_project_rules(const std::string& text, const std::string& name, Diagnostics& problems) {
    lang::LoadResult loaded = lang::load_rules_text(text, name);
    problems = loaded.diagnostics;
    if (loaded.ok() && loaded.files.size() > 1)
        problems.push_back(problem(name, Message("app.rules-import-files",
                                                 TL_MSG("the rules import other files; a project keeps one self-contained "
                                                        "rules text, so put the imported rules into this text"))));
    return loaded;
}

/// "the bid of 'B' (lot L)".
Message bid_name(const std::string& bidder, const std::string& lot) {
    if (lot.empty()) return Message("app.bid-of", TL_MSG("the bid of '{bidder}'")).text("bidder", bidder);
    return Message("app.bid-of", TL_MSG("the bid of '{bidder}' (lot {lot})")).text("bidder", bidder).text("lot", lot);
}

/// The entry as a one-row bids CSV, so that a typed bid is read by exactly the reader (spellings,
/// ranges, required fields, lots, dates) that reads a bids file.
std::string entry_as_csv(const BidEntry& e, const CriteriaSet& rules) {
    std::string header = "bidder,lot,submitted", row = io::csv_text_cell(e.bidder) + "," +
                                                       io::csv_text_cell(e.lot) + "," + io::csv_plain_cell(e.submitted);
    for (const FieldDecl& f : rules.fields) {
        if (f.committee) continue;
        header += "," + io::csv_plain_cell(f.id);
        const auto it = e.answers.find(f.id);
        const std::string text = it == e.answers.end() ? std::string() : it->second;
        row += "," + (f.type == FieldType::Text ? io::csv_text_cell(text) : io::csv_plain_cell(text));
    }
    return header + "\n" + row + "\n";
}

/// True when the project has a bid of a bidder and lot in `table` (what makes the store refuse
/// an import that does not replace).
bool holds_any_bid_of(const store::Project& project, const BidTable& table) {
    for (const store::StoredBid& stored : project.bids())
        for (const Bid& b : table.bids)
            if (b.bidder == stored.bidder && b.lot == stored.lot) return true;
    return false;
}

}  // namespace

void set_summary(ChangeOutcome& outcome, Message summary) {
    outcome.summary = word(summary);
    outcome.summary_message = std::move(summary);
}

std::string login_name() {
    if (const passwd* pw = ::getpwuid(::getuid()); pw && pw->pw_name && *pw->pw_name) return pw->pw_name;
    if (const char* user = std::getenv("USER"); user && *user) return user;
    return "unknown";
}

bool is_sqlite_file(const std::string& path) { return store::Project::is_sqlite_file(path); }

TenderProject::TenderProject(std::unique_ptr<State> state) : s_(std::move(state)) { reload_rules(); }
TenderProject::TenderProject(TenderProject&&) noexcept = default;
TenderProject& TenderProject::operator=(TenderProject&&) noexcept = default;
TenderProject::~TenderProject() = default;

TenderProject TenderProject::open(const std::string& path, const std::string& user, const std::string& tool_version,
                                  bool read_only, OpenFor purpose) {
    store::ProjectOptions options = options_for(user, tool_version);
    options.read_only = read_only;
    options.inspect = purpose == OpenFor::Inspection;
    auto project = store::Project::open(path, options);
    return TenderProject(std::make_unique<State>(State{std::move(project), path, user, tool_version, {}, {}, {}, {}}));
}

std::optional<TenderProject> TenderProject::create(const std::string& path, const std::string& title,
                                                   const std::string& rules_text, const std::string& rules_source_name,
                                                   const std::string& user, const std::string& tool_version,
                                                   ChangeOutcome& outcome) {
    NewProjectRequest request;
    request.path = path;
    request.title = title;
    request.rules_text = rules_text;
    request.rules_source_name = rules_source_name;
    request.reason = "new project";
    return create(request, user, tool_version, outcome);
}

std::optional<TenderProject> TenderProject::create(const NewProjectRequest& request, const std::string& user,
                                                   const std::string& tool_version, ChangeOutcome& outcome) {
    const std::string& where = request.rules_location.empty() ? request.rules_source_name : request.rules_location;
    const lang::LoadResult loaded = check_project_rules(request.rules_text, where, outcome.problems);
    if (has_errors(outcome.problems)) {
        outcome = refused(Refusal::Problems,
                          Message("app.new.rules-errors", TL_MSG("the rules have errors; no project was created")),
                          std::move(outcome.problems));
        return std::nullopt;
    }
    store::NewProject np;
    np.title = request.title.empty() ? loaded.rules.tender.title : request.title;
    if (np.title.empty()) np.title = std::filesystem::path(request.path).stem().string();
    np.reference = loaded.rules.tender.reference;
    np.rules_text = request.rules_text;
    np.rules_source_name = request.rules_source_name;
    np.lots = loaded.rules.tender.lots;
    np.tool_version = tool_version;
    const auto if_exists = request.replace_existing ? store::Project::IfExists::Replace : store::Project::IfExists::Refuse;
    try {
        auto project = store::Project::create(request.path, np, {user, request.reason}, options_for(user, tool_version),
                                              if_exists);
        outcome.ok = true;
        outcome.refusal = Refusal::None;
        set_summary(outcome, Message("app.created", TL_MSG("created {path}")).text("path", request.path));
        outcome.recorded = 1;
        return TenderProject(
            std::make_unique<State>(State{std::move(project), request.path, user, tool_version, {}, {}, {}, {}}));
    } catch (const store::StoreError& e) {
        outcome = refused(Refusal::Store, store_refusal(e), std::move(outcome.problems));
        outcome.store_refusal = e.message();
        return std::nullopt;
    }
}

const std::string& TenderProject::path() const { return s_->path; }
const std::string& TenderProject::user() const { return s_->user; }
bool TenderProject::read_only() const { return s_->project.read_only(); }

Message TenderProject::not_recorded_note() const {
    if (!read_only()) return {};
    return Message("app.read-only.not-recorded", TL_MSG("nothing was recorded: the project is read-only ({why})"))
        .nested("why", s_->project.read_only_reason());
}

/// Done on a read-only project: ok, and the summary says that nothing was recorded.
static ChangeOutcome done_not_recorded(Message note) {
    ChangeOutcome out;
    out.ok = true;
    out.not_recorded = true;
    set_summary(out, std::move(note));
    return out;
}
void TenderProject::set_user(const std::string& user) { s_->user = user; }
void TenderProject::set_entered_by(const std::string& operator_name) { s_->entered_by = operator_name; }
const store::Project& TenderProject::store() const { return s_->project; }
std::string TenderProject::audit_head() const { return s_->project.audit_head(); }
store::ProjectInfo TenderProject::info() const { return s_->project.info(); }
std::vector<store::StoredBid> TenderProject::bids() const { return s_->project.bids(); }
std::vector<store::RulesVersion> TenderProject::rules_history() const { return s_->project.rules_history(); }
store::RulesVersion TenderProject::rules_version(int version) const { return s_->project.rules_version(version); }
CommitteeScores TenderProject::committee_scores(const CriteriaSet& rules) const { return s_->project.committee_scores(rules); }
std::vector<store::AuditEntry> TenderProject::audit_log() const { return s_->project.audit_log(); }
std::vector<store::RowChange> TenderProject::audit_changes(const store::AuditEntry& entry) const {
    return s_->project.audit_changes(entry);
}
store::AuditReport TenderProject::verify_audit(const std::string& signed_head) const {
    return s_->project.verify_audit(signed_head);
}
const store::RulesVersion& TenderProject::rules_version() const { return s_->rules_version; }
const lang::LoadResult& TenderProject::rules() const { return s_->rules; }

void TenderProject::reload_rules() {
    s_->rules_version = s_->project.current_rules();
    const std::string name = s_->rules_version.source_name.empty() ? std::string("rules.crit") : s_->rules_version.source_name;
    s_->rules = lang::load_rules_text(s_->rules_version.text, name);
}

store::Actor TenderProject::actor(const std::string& reason) const {
    if (s_->entered_by.empty() || s_->entered_by == s_->user) return {s_->user, reason};
    return {s_->user, (reason.empty() ? "" : reason + "; ") + "entered by " + s_->entered_by};
}

template <class F>
ChangeOutcome TenderProject::change(Message done, F&& f) {
    try {
        f();
        ChangeOutcome out;
        out.ok = true;
        set_summary(out, std::move(done));
        return out;
    } catch (const store::StoreError& e) {
        const Refusal why = read_only()                                    ? Refusal::ReadOnly
                            : e.kind() == store::StoreErrorKind::NotFound ? Refusal::NotFound
                                                                          : Refusal::Store;
        ChangeOutcome out = refused(why, store_refusal(e));
        out.store_refusal = e.message();
        return out;
    }
}

ChangeOutcome TenderProject::set_rules(const std::string& text, const std::string& source_name, const std::string& reason,
                                       const std::string& location, bool correction) {
    ChangeOutcome out;
    const lang::LoadResult loaded = check_project_rules(text, location.empty() ? source_name : location, out.problems);
    if (has_errors(out.problems))
        return refused(Refusal::Problems,
                       Message("app.rules.errors", TL_MSG("the rules have errors; nothing was recorded")),
                       std::move(out.problems));
    if (text == s_->rules_version.text)
        return refused(Refusal::Unchanged,
                       Message("app.rules.unchanged", TL_MSG("the rules are the same as the current version {version}"))
                           .count("version", s_->rules_version.version),
                       std::move(out.problems));
    std::vector<Message> misfits;
    const BidTable rebound = rebind_bids(s_->project, s_->rules.ok() ? &s_->rules.rules : nullptr, loaded.rules, misfits);
    for (Message& m : misfits) out.problems.push_back(problem(s_->path, std::move(m)));
    if (!misfits.empty())
        return refused(Refusal::BidsDoNotFit,
                       Message("app.rules.bids-do-not-fit", TL_MSG("the stored bids do not fit the new rules; nothing was recorded")),
                       std::move(out.problems));
    store::Actor who = actor(reason);
    // A correction's reason is the user's own: "entered by NAME" alone is not one (the store then
    // refuses the correction for want of a reason).
    if (correction && reason.find_first_not_of(" \t\r\n") == std::string::npos) who.reason.clear();
    ChangeOutcome stored = change({}, [&] {
        out.recorded = s_->project.set_rules(text, source_name, loaded.rules, rebound, who, correction);
        set_summary(out, correction ? Message("app.rules.corrected", TL_MSG("rules version {version} recorded as a correction"))
                                          .count("version", out.recorded)
                                    : Message("app.rules.recorded", TL_MSG("rules version {version} recorded"))
                                          .count("version", out.recorded));
    });
    if (!stored.ok) {
        const bool frozen = stored.store_refusal.code == "store.refused.rules-frozen";
        ChangeOutcome r = refused(frozen ? Refusal::RulesFrozen : stored.refusal, stored.summary_message, std::move(out.problems));
        r.store_refusal = stored.store_refusal;
        return r;
    }
    reload_rules();
    out.ok = true;
    out.re_read = rebound.bids.size();
    return out;
}

std::vector<RulesCorrection> TenderProject::rules_corrections() const {
    return app::rules_corrections(s_->project.rules_history(), s_->rules_version.version);
}

ChangeOutcome TenderProject::import_bid_files(const std::vector<std::string>& paths, bool replace, const std::string& reason) {
    if (!s_->rules.ok()) return rules_do_not_check(s_->rules);
    BidFiles read = read_bid_files(paths, s_->rules.rules);
    if (read.ok()) {
        // The new names against the stored ones (the files were compared among themselves).
        std::vector<NameInInput> names = stored_names(bids());
        for (NameInInput& n : names_of(read)) names.push_back((n.group = 0, std::move(n)));
        warn_lookalike_names(names, read.problems);
    }
    if (!read.ok())
        return refused(Refusal::Problems,
                       Message("app.import.problems", TL_MSG("nothing imported; correct the files and import again")),
                       std::move(read.problems));
    if (read.table.bids.empty())
        return refused(Refusal::NoBids, Message("app.import.no-bids", TL_MSG("nothing imported: the files hold no bids")),
                       std::move(read.problems));
    store::Project::ImportResult result;
    ChangeOutcome out = change({}, [&] {
        result = s_->project.import_bids(read.table, read.files, read.file_of_bid, replace, actor(reason));
    });
    if (out.ok) {
        set_summary(out, Message("app.bids-imported", TL_MSG_PLURAL("imported {n} bid: {added} new, {replaced} replaced",
                                                                    "imported {n} bids: {added} new, {replaced} replaced"))
                             .count("n", static_cast<long long>(read.table.bids.size()))
                             .count("added", static_cast<long long>(result.added.size()))
                             .count("replaced", static_cast<long long>(result.replaced.size())));
        out.added = result.added.size();
        out.replaced = result.replaced.size();
    } else if (!replace && !read_only() && holds_any_bid_of(s_->project, read.table)) {
        out.refusal = Refusal::BidsExist;
    }
    out.problems = std::move(read.problems);
    return out;
}

ChangeOutcome TenderProject::put_bid(const BidEntry& entry, bool replace, const std::string& reason) {
    return put_bid_except(entry, replace, reason, nullptr);
}

ChangeOutcome TenderProject::put_bid_except(const BidEntry& entry, bool replace, const std::string& reason,
                                            const store::BidKey* renamed) {
    if (!s_->rules.ok()) return rules_do_not_check(s_->rules);
    const CriteriaSet& rules = s_->rules.rules;
    const Message bid = bid_name(entry.bidder, entry.lot);
    const std::string where = word(bid);  // the "file" the typed bid's problems name
    if (entry.bidder.find_first_not_of(" \t") == std::string::npos)
        return refused(Refusal::Problems, Message("app.bid.no-bidder", TL_MSG("a bid needs the bidder's name")),
                       {problem(where, Message("app.bid.bidder-empty", TL_MSG("field 'bidder': the bidder's name is empty")))});
    std::vector<std::string> lots;
    for (const Lot& l : rules.tender.lots) lots.push_back(l.id);
    const std::string csv = entry_as_csv(entry, rules);
    CsvReadResult read = read_bids_csv(csv, where, rules.fields, lots);
    {  // also the warnings of a bid that is recorded
        // The CSV's "row 2, column 5 (recycled): ..." reads as "field 'recycled': ..." for a typed
        // bid: the same problem (the message's nested `problem`), placed by the field it concerns.
        for (Diagnostic& d : read.diagnostics) {
            const MessageArg* inner = d.what.arg("problem");
            Message problem = inner && inner->nested ? *inner->nested : d.what;
            SourcePos pos = d.pos;
            pos.line = pos.col = 0;
            const std::string code = problem.code;
            Message what = pos.field.empty() ? std::move(problem)
                                             : Message(code, TL_MSG("field '{field}': {problem}"))
                                                   .text("field", pos.field)
                                                   .nested("problem", std::move(problem));
            d = make_diagnostic(d.severity, std::move(pos), std::move(what), d.source_line);
        }
    }
    if (!read.ok()) {
        return refused(Refusal::Problems,
                       Message("app.bid.not-recorded", TL_MSG_PLURAL("the bid was not recorded: {n} problem",
                                                                     "the bid was not recorded: {n} problems"))
                           .count("n", static_cast<long long>(read.diagnostics.size())),
                       std::move(read.diagnostics));
    }
    const std::vector<store::ImportFile> files{{"entered in TenderLoop by " + s_->user, sha256_hex(csv)}};
    const std::vector<std::size_t> file_of_bid(read.table.bids.size(), 0);
    store::Project::ImportResult result;
    Message done = replace ? Message("app.bid.changed", TL_MSG("changed {bid}")) : Message("app.bid.added", TL_MSG("added {bid}"));
    ChangeOutcome out = change(std::move(done.nested("bid", bid)), [&] {
        result = s_->project.import_bids(read.table, files, file_of_bid, replace, actor(reason));
    });
    out.added = result.added.size();
    out.replaced = result.replaced.size();
    if (!out.ok && !replace && !read_only() && holds_any_bid_of(s_->project, read.table)) out.refusal = Refusal::BidsExist;
    // A typed name that looks like another bidder's is recorded (two real companies may have
    // such names) but never silently: the warnings go with the outcome, as an import's do.
    if (out.ok) {
        Diagnostics lookalikes;
        std::vector<NameInInput> names = stored_names(bids(), renamed);
        NameInInput typed{entry.bidder, bid, {}, 0};
        typed.pos.file = where;
        names.push_back(std::move(typed));
        warn_lookalike_names(names, lookalikes);
        for (Diagnostic& d : lookalikes)
            d = make_diagnostic(d.severity, d.pos,
                                Message(d.what.code, TL_MSG("field '{field}': {problem}")).text("field", "bidder").nested("problem", d.what));
        out.problems = std::move(read.diagnostics);
        out.problems.insert(out.problems.end(), lookalikes.begin(), lookalikes.end());
    }
    return out;
}

ChangeOutcome TenderProject::remove_bid(const std::string& bidder, const std::string& lot, const std::string& reason) {
    int removed = 0;
    ChangeOutcome out = change(Message("app.bid.removed", TL_MSG("removed {bid}")).nested("bid", bid_name(bidder, lot)), [&] {
        removed = s_->project.remove_bids(bidder, lot.empty() ? std::nullopt : std::optional<std::string>(lot), actor(reason));
    });
    out.removed = static_cast<std::size_t>(removed);
    return out;
}

ChangeOutcome TenderProject::rename_bid(const std::string& bidder, const std::string& lot, const BidEntry& to,
                                       const std::string& reason) {
    if (to.bidder == bidder && to.lot == lot)
        return refused(Refusal::Unchanged, Message("app.bid.same-name", TL_MSG("{bid} has that name already"))
                                               .nested("bid", bid_name(bidder, lot)));
    // Everything that would refuse the rename is asked first, so that a refused rename writes
    // nothing (neither the new bid nor an entry taking it back).
    if (bid_entry(to.bidder, to.lot))
        return refused(Refusal::BidsExist, Message("app.bid.name-taken", TL_MSG("the project has a bid of '{bidder}' already{lot}"))
                                               .text("bidder", to.bidder)
                                               .nested("lot", to.lot.empty() ? Message()
                                                                              : Message("app.bid.in-lot", TL_MSG(" in lot {lot}")).text("lot", to.lot)));
    if (s_->project.bid_has_committee_records(bidder, lot))
        return refused(Refusal::Store, Message("app.bid.rename-scored", TL_MSG("the committee has scored {bid}: its name stays as the "
                                                                               "committee recorded it"))
                                           .nested("bid", bid_name(bidder, lot)));
    const store::BidKey old_key{bidder, lot};
    ChangeOutcome out = put_bid_except(to, false, reason, &old_key);
    if (!out.ok) return out;
    ChangeOutcome removed = remove_bid(bidder, lot, reason);
    if (!removed.ok) {
        // Not expected after the checks above (the file changed under us): undo the addition.
        remove_bid(to.bidder, to.lot, reason);
        return removed;
    }
    Message renamed = to.lot.empty() ? Message("app.bid.renamed", TL_MSG("renamed {bid} to '{bidder}'"))
                                     : Message("app.bid.renamed", TL_MSG("renamed {bid} to '{bidder}' (lot {lot})")).text("lot", to.lot);
    set_summary(out, std::move(renamed.nested("bid", bid_name(bidder, lot)).text("bidder", to.bidder)));
    out.added = 0;
    return out;
}

ChangeOutcome TenderProject::rename_bid(const std::string& bidder, const std::string& lot, const std::string& new_bidder,
                                       const std::string& new_lot, const std::string& reason) {
    if (!s_->rules.ok()) return rules_do_not_check(s_->rules);
    std::optional<BidEntry> entry = bid_entry(bidder, lot);
    if (!entry)
        return refused(Refusal::NotFound,
                       lot.empty() ? Message("app.bid.not-found", TL_MSG("the project has no bid of '{bidder}'")).text("bidder", bidder)
                                   : Message("app.bid.not-found", TL_MSG("the project has no bid of '{bidder}' in lot {lot}"))
                                         .text("bidder", bidder)
                                         .text("lot", lot));
    entry->bidder = new_bidder;
    entry->lot = new_lot;
    return rename_bid(bidder, lot, *entry, reason);
}

std::optional<BidEntry> TenderProject::bid_entry(const std::string& bidder, const std::string& lot) const {
    if (!s_->rules.ok()) return std::nullopt;
    const BidTable table = s_->project.bid_table(s_->rules.rules.fields);
    for (const Bid& b : table.bids) {
        if (b.bidder != bidder || b.lot != lot) continue;
        BidEntry e{b.bidder, b.lot, b.submitted, {}};
        for (std::size_t k = 0; k < table.fields.size(); ++k)
            if (!table.fields[k].committee && !b.texts[k].empty()) e.answers[table.fields[k].id] = b.texts[k];
        return e;
    }
    return std::nullopt;
}

ChangeOutcome TenderProject::add_evaluator(const std::string& name, store::Role role, const std::string& reason) {
    return change(Message("app.evaluator-added", TL_MSG("added {name} to the committee")).text("name", name), [&] { s_->project.add_evaluator(name, role, actor(reason)); });
}

ChangeOutcome TenderProject::declare_interest(const std::string& evaluator, store::CoiKind kind, const std::string& bidder,
                                              const std::string& text, const std::string& reason) {
    return change(Message("app.declaration-recorded", TL_MSG("recorded the declaration of {name}")).text("name", evaluator),
                  [&] { s_->project.declare_interest(evaluator, kind, bidder, text, actor(reason)); });
}

ChangeOutcome TenderProject::record_score(const store::ScoreInput& score, const std::string& reason) {
    if (!s_->rules.ok()) return rules_do_not_check(s_->rules);
    return change(Message("app.score-recorded", TL_MSG("recorded the score of {name}")).text("name", score.evaluator),
                  [&] { s_->project.record_score(score, s_->rules.rules, actor(reason)); });
}

ChangeOutcome TenderProject::submit_scores(const std::string& evaluator, const std::string& reason) {
    if (!s_->rules.ok()) return rules_do_not_check(s_->rules);
    return change(Message("app.scores-submitted", TL_MSG("submitted the scores of {name}")).text("name", evaluator),
                  [&] { s_->project.submit_scores(evaluator, s_->rules.rules, actor(reason)); });
}

ChangeOutcome TenderProject::reopen_scores(const std::string& evaluator, const std::string& reason) {
    return change(Message("app.scores-reopened", TL_MSG("reopened the scores of {name}")).text("name", evaluator), [&] { s_->project.reopen_scores(evaluator, actor(reason)); });
}

ChangeOutcome TenderProject::record_consensus(const store::ConsensusInput& consensus, const std::string& reason) {
    if (!s_->rules.ok()) return rules_do_not_check(s_->rules);
    return change(Message("app.consensus-recorded", TL_MSG("recorded the consensus")),
                  [&] { s_->project.record_consensus(consensus, s_->rules.rules, actor(reason)); });
}

std::shared_ptr<const ProjectEvaluation> TenderProject::evaluate() const {
    if (!s_->rules.ok()) return nullptr;
    const std::string head = s_->project.audit_head();
    if (const auto& last = s_->last_evaluation;
        last && last->audit_head == head && last->rules_version.version == s_->rules_version.version)
        return last;
    auto ev = std::make_shared<ProjectEvaluation>();
    ev->rules = s_->rules.rules;
    ev->bids = s_->project.evaluation_bids(ev->rules);
    ev->result = tl::evaluate(ev->rules, ev->bids);
    ev->rules_version = s_->rules_version;
    ev->missing = s_->project.missing_consensus(ev->rules);
    ev->committee = s_->project.committee_scores(ev->rules);
    ev->audit_head = head;
    ev->corrections = app::rules_corrections(s_->project.rules_history(), ev->rules_version.version);
    s_->last_evaluation = ev;
    return ev;
}

TenderProject::RulesPreview TenderProject::preview_rules(const std::string& text, const std::string& source_name) const {
    RulesPreview out;
    if (text == s_->rules_version.text && s_->rules.ok()) {
        // The recorded rules: their evaluation is the project's own, with nothing to re-read.
        out.loaded = std::make_shared<lang::LoadResult>(s_->rules);
        out.problems = s_->rules.diagnostics;
        out.evaluation = evaluate();
        return out;
    }
    auto loaded = std::make_shared<lang::LoadResult>(check_project_rules(text, source_name, out.problems));
    out.loaded = loaded;
    if (has_errors(out.problems)) return out;
    std::vector<Message> misfits;
    const BidTable rebound = rebind_bids(s_->project, s_->rules.ok() ? &s_->rules.rules : nullptr, loaded->rules, misfits);
    for (Message& m : misfits) out.problems.push_back(problem(s_->path, std::move(m)));
    if (!misfits.empty()) return out;
    auto ev = std::make_shared<ProjectEvaluation>();
    ev->rules = loaded->rules;
    // The consensus scores from the store, every other answer as re-read for the new fields
    // (both tables list the stored bids in the same order).
    ev->bids = s_->project.evaluation_bids(ev->rules);
    for (std::size_t i = 0; i < ev->bids.bids.size() && i < rebound.bids.size(); ++i)
        for (std::size_t k = 0; k < ev->rules.fields.size(); ++k)
            if (!ev->rules.fields[k].committee) {
                ev->bids.bids[i].values[k] = rebound.bids[i].values[k];
                ev->bids.bids[i].texts[k] = rebound.bids[i].texts[k];
            }
    ev->result = tl::evaluate(ev->rules, ev->bids);
    ev->rules_version = s_->rules_version;
    ev->rules_version.text = text;
    ev->rules_version.sha256 = sha256_hex(text);
    ev->missing = s_->project.missing_consensus(ev->rules);
    ev->committee = s_->project.committee_scores(ev->rules);
    ev->audit_head = s_->project.audit_head();
    out.evaluation = std::move(ev);
    return out;
}

ChangeOutcome TenderProject::record_run(const ProjectEvaluation& ev, const std::string& result_json,
                                        const std::string& reason) {
    if (read_only()) return done_not_recorded(not_recorded_note());
    const std::string inputs = sha256_hex(ev.rules_version.sha256 + "\n" + store::bid_table_sha256(ev.bids));
    std::int64_t run = 0;
    ChangeOutcome out = change(Message("app.run-recorded", TL_MSG("recorded the evaluation run")),
                               [&] { run = s_->project.record_run(inputs, ev.provisional(), result_json, actor(reason)); });
    out.recorded = run;
    return out;
}

io::ExportInfo TenderProject::export_info(const ProjectEvaluation& ev, const std::string& tool_version) const {
    const std::string file = std::filesystem::path(s_->path).filename().string();
    io::ExportInfo info;
    info.tool_version = tool_version;
    info.exported_at = io::utc_now_iso();
    info.rules = {ev.rules_version.source_name + " (version " + std::to_string(ev.rules_version.version) + " in " + file + ")",
                  ev.rules_version.sha256};
    info.bids = {std::to_string(ev.bids.bids.size()) + " bids in " + file, store::bid_table_sha256(ev.bids)};
    info.audit_head = ev.audit_head;
    // The Audit sheet is English (as its other lines): the note as English words.
    if (read_only()) info.not_recorded = word(s_->project.read_only_reason());
    if (!ev.committee.criteria.empty()) info.committee = &ev.committee;
    info.rules_corrections = ev.corrections;
    return info;
}

ChangeOutcome TenderProject::record_export(const ProjectEvaluation& ev, const std::string& workbook_path,
                                           const std::string& reason, const std::string& written_at) {
    if (read_only()) return done_not_recorded(not_recorded_note());
    InputFile workbook = read_input_file(written_at.empty() ? workbook_path : written_at, InputKind::Workbook);
    if (!workbook.ok()) return refused(Refusal::Io, std::move(*workbook.error));
    return change(Message("app.export-recorded", TL_MSG("recorded the export")),
                  [&] { s_->project.record_export(workbook_path, sha256_hex(workbook.bytes), ev.audit_head, actor(reason)); });
}

}  // namespace tl::app
