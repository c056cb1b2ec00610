#include "app/tender_project.hpp"

#include <pwd.h>
#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <utility>

#include "app/bid_files.hpp"
#include "app/project_rebind.hpp"
#include "core/engine.hpp"
#include "core/sha256.hpp"
#include "io/csv/bids_csv.hpp"
#include "io/csv/csv_cells.hpp"
#include "io/common/read_file.hpp"
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
    o.clock = &io::utc_now_iso;
    o.user = user;
    o.tool_version = tool_version;
    return o;
}

Diagnostic problem(const std::string& where, const std::string& message, Severity severity = Severity::Error) {
    Diagnostic d;
    d.severity = severity;
    d.pos.file = where;
    d.message = message;
    return d;
}

ChangeOutcome refused(const std::string& summary, Diagnostics problems = {}) {
    return {false, summary, std::move(problems)};
}

/// Rules checked for a project: errors refuse them, and so do imports (a project keeps one
/// self-contained rules text, which is what its audit log fingerprints).
lang::LoadResult check_project_rules(const std::string& text, const std::string& name, Diagnostics& problems) {
    lang::LoadResult loaded = lang::load_rules_text(text, name);
    problems = loaded.diagnostics;
    if (loaded.ok() && loaded.files.size() > 1)
        problems.push_back(problem(name, "the rules import other files; a project keeps one self-contained rules "
                                         "text, so put the imported rules into this text"));
    return loaded;
}

std::string bid_name(const std::string& bidder, const std::string& lot) {
    return "the bid of '" + bidder + "'" + (lot.empty() ? "" : " (lot " + lot + ")");
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

}  // namespace

std::string login_name() {
    if (const passwd* pw = ::getpwuid(::getuid()); pw && pw->pw_name && *pw->pw_name) return pw->pw_name;
    if (const char* user = std::getenv("USER"); user && *user) return user;
    return "unknown";
}

TenderProject::TenderProject(std::unique_ptr<State> state) : s_(std::move(state)) { reload_rules(); }
TenderProject::TenderProject(TenderProject&&) noexcept = default;
TenderProject& TenderProject::operator=(TenderProject&&) noexcept = default;
TenderProject::~TenderProject() = default;

TenderProject TenderProject::open(const std::string& path, const std::string& user, const std::string& tool_version) {
    auto project = store::Project::open(path, options_for(user, tool_version));
    return TenderProject(std::make_unique<State>(State{std::move(project), path, user, tool_version, {}, {}, {}, {}}));
}

std::optional<TenderProject> TenderProject::create(const std::string& path, const std::string& title,
                                                   const std::string& rules_text, const std::string& rules_source_name,
                                                   const std::string& user, const std::string& tool_version,
                                                   ChangeOutcome& outcome) {
    const lang::LoadResult loaded = check_project_rules(rules_text, rules_source_name, outcome.problems);
    if (has_errors(outcome.problems)) {
        outcome.ok = false;
        outcome.summary = "the rules have errors; no project was created";
        return std::nullopt;
    }
    store::NewProject np;
    np.title = title.empty() ? loaded.rules.tender.title : title;
    if (np.title.empty()) np.title = std::filesystem::path(path).stem().string();
    np.reference = loaded.rules.tender.reference;
    np.rules_text = rules_text;
    np.rules_source_name = rules_source_name;
    np.lots = loaded.rules.tender.lots;
    np.tool_version = tool_version;
    try {
        auto project = store::Project::create(path, np, {user, "new project"}, options_for(user, tool_version));
        outcome.ok = true;
        outcome.summary = "created " + path;
        return TenderProject(std::make_unique<State>(State{std::move(project), path, user, tool_version, {}, {}, {}, {}}));
    } catch (const store::StoreError& e) {
        outcome.ok = false;
        outcome.summary = e.what();
        outcome.refusal = e.message();
        return std::nullopt;
    }
}

const std::string& TenderProject::path() const { return s_->path; }
const std::string& TenderProject::user() const { return s_->user; }
void TenderProject::set_user(const std::string& user) { s_->user = user; }
void TenderProject::set_entered_by(const std::string& operator_name) { s_->entered_by = operator_name; }
const store::Project& TenderProject::store() const { return s_->project; }
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
ChangeOutcome TenderProject::change(const std::string& done, F&& f) {
    try {
        f();
        return {true, done, {}};
    } catch (const store::StoreError& e) {
        ChangeOutcome out = refused(e.what());
        out.refusal = e.message();
        return out;
    }
}

ChangeOutcome TenderProject::set_rules(const std::string& text, const std::string& source_name, const std::string& reason) {
    ChangeOutcome out;
    const lang::LoadResult loaded = check_project_rules(text, source_name, out.problems);
    if (has_errors(out.problems)) {
        out.summary = "the rules have errors; nothing was recorded";
        return out;
    }
    if (text == s_->rules_version.text) {
        out.summary = "the rules are unchanged";
        return out;
    }
    std::vector<std::string> misfits;
    const BidTable rebound = rebind_bids(s_->project, s_->rules.ok() ? &s_->rules.rules : nullptr, loaded.rules, misfits);
    for (const std::string& m : misfits) out.problems.push_back(problem(s_->path, m));
    if (!misfits.empty()) {
        out.summary = "the stored bids do not fit the new rules; nothing was recorded";
        return out;
    }
    ChangeOutcome stored = change("", [&] {
        const int v = s_->project.set_rules(text, source_name, loaded.rules, rebound, actor(reason));
        out.summary = "rules version " + std::to_string(v) + " recorded";
    });
    if (!stored.ok) {
        ChangeOutcome r = refused(stored.summary, out.problems);
        r.refusal = stored.refusal;
        return r;
    }
    reload_rules();
    out.ok = true;
    return out;
}

ChangeOutcome TenderProject::import_bid_files(const std::vector<std::string>& paths, bool replace, const std::string& reason) {
    if (!s_->rules.ok()) return refused("the project's rules do not check; correct them first", s_->rules.diagnostics);
    BidFiles read = read_bid_files(paths, s_->rules.rules);
    if (!read.ok()) return refused("nothing imported; correct the files and import again", std::move(read.problems));
    if (read.table.bids.empty()) return refused("nothing imported: the files hold no bids", std::move(read.problems));
    std::string summary;
    ChangeOutcome out = change("", [&] {
        const auto r = s_->project.import_bids(read.table, read.files, read.file_of_bid, replace, actor(reason));
        summary = "imported " + std::to_string(read.table.bids.size()) + " bids: " + std::to_string(r.added.size()) +
                  " new, " + std::to_string(r.replaced.size()) + " replaced";
    });
    if (out.ok) out.summary = summary;
    out.problems = std::move(read.problems);
    return out;
}

ChangeOutcome TenderProject::put_bid(const BidEntry& entry, bool replace, const std::string& reason) {
    if (!s_->rules.ok()) return refused("the project's rules do not check; correct them first", s_->rules.diagnostics);
    const CriteriaSet& rules = s_->rules.rules;
    const std::string where = bid_name(entry.bidder, entry.lot);
    if (entry.bidder.find_first_not_of(" \t") == std::string::npos)
        return refused("a bid needs the bidder's name", {problem(where, "field 'bidder': the bidder's name is empty")});
    std::vector<std::string> lots;
    for (const Lot& l : rules.tender.lots) lots.push_back(l.id);
    const std::string csv = entry_as_csv(entry, rules);
    CsvReadResult read = read_bids_csv(csv, where, rules.fields, lots);
    if (!read.ok()) {
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
        return refused("the bid was not recorded: " + std::to_string(read.diagnostics.size()) + " problem(s)",
                       std::move(read.diagnostics));
    }
    const std::vector<store::ImportFile> files{{"entered in TenderLoop by " + s_->user, sha256_hex(csv)}};
    const std::vector<std::size_t> file_of_bid(read.table.bids.size(), 0);
    return change((replace ? "changed " : "added ") + where, [&] {
        s_->project.import_bids(read.table, files, file_of_bid, replace, actor(reason));
    });
}

ChangeOutcome TenderProject::remove_bid(const std::string& bidder, const std::string& lot, const std::string& reason) {
    return change("removed " + bid_name(bidder, lot), [&] {
        s_->project.remove_bids(bidder, lot.empty() ? std::nullopt : std::optional<std::string>(lot), actor(reason));
    });
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
    return change("added " + name + " to the committee", [&] { s_->project.add_evaluator(name, role, actor(reason)); });
}

ChangeOutcome TenderProject::declare_interest(const std::string& evaluator, store::CoiKind kind, const std::string& bidder,
                                              const std::string& text) {
    return change("recorded the declaration of " + evaluator,
                  [&] { s_->project.declare_interest(evaluator, kind, bidder, text, actor("")); });
}

ChangeOutcome TenderProject::record_score(const store::ScoreInput& score) {
    if (!s_->rules.ok()) return refused("the project's rules do not check; correct them first");
    return change("recorded the score of " + score.evaluator,
                  [&] { s_->project.record_score(score, s_->rules.rules, actor("")); });
}

ChangeOutcome TenderProject::submit_scores(const std::string& evaluator) {
    if (!s_->rules.ok()) return refused("the project's rules do not check; correct them first");
    return change("submitted the scores of " + evaluator,
                  [&] { s_->project.submit_scores(evaluator, s_->rules.rules, actor("")); });
}

ChangeOutcome TenderProject::reopen_scores(const std::string& evaluator, const std::string& reason) {
    return change("reopened the scores of " + evaluator, [&] { s_->project.reopen_scores(evaluator, actor(reason)); });
}

ChangeOutcome TenderProject::record_consensus(const store::ConsensusInput& consensus) {
    if (!s_->rules.ok()) return refused("the project's rules do not check; correct them first");
    return change("recorded the consensus", [&] { s_->project.record_consensus(consensus, s_->rules.rules, actor("")); });
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
    std::vector<std::string> misfits;
    const BidTable rebound = rebind_bids(s_->project, s_->rules.ok() ? &s_->rules.rules : nullptr, loaded->rules, misfits);
    for (const std::string& m : misfits) out.problems.push_back(problem(s_->path, m));
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

ChangeOutcome TenderProject::record_run(const ProjectEvaluation& ev, const std::string& result_json) {
    const std::string inputs = sha256_hex(ev.rules_version.sha256 + "\n" + store::bid_table_sha256(ev.bids));
    return change("recorded the evaluation run",
                  [&] { s_->project.record_run(inputs, ev.provisional(), result_json, actor("")); });
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
    if (!ev.committee.criteria.empty()) info.committee = &ev.committee;
    return info;
}

ChangeOutcome TenderProject::record_export(const ProjectEvaluation& ev, const std::string& workbook_path) {
    std::string error;
    const std::string bytes = read_file_utf8(workbook_path, &error);
    if (!error.empty()) return refused(error);
    return change("recorded the export",
                  [&] { s_->project.record_export(workbook_path, sha256_hex(bytes), ev.audit_head, actor("")); });
}

}  // namespace tl::app
