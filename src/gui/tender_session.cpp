#include "gui/tender_session.hpp"

#include <utility>

#include "core/engine.hpp"
#include "io/csv/bids_csv.hpp"
#include "core/input_file.hpp"
#include "gui/i18n.hpp"
#include "gui/wx_text.hpp"
#include "store/errors.hpp"
#include "lang/load.hpp"

namespace tl::gui {

bool TenderSession::open_bids(const std::string& path, std::string* error) {
    InputFile file = read_input_file(path, InputKind::Bids);
    if (!file.ok()) {
        if (error) *error = from_wx(say(*file.error));
        return false;
    }
    bids_path_ = path;
    bids_bytes_ = std::move(file.bytes);
    return true;
}

void TenderSession::attach_project(const app::TenderProject* project) {
    project_ = project;
    current_.reset();
    if (project_) {
        rules_path_ = project_->rules_version().source_name;
        bids_path_.clear();
        bids_bytes_.clear();
    }
}

CheckOutcome TenderSession::check(const std::string& rules_text) {
    CheckOutcome out;
    if (project_) {
        app::TenderProject::RulesPreview preview;
        try {
            preview = project_->preview_rules(rules_text, rules_path_);
        } catch (const store::StoreError& e) {
            // The project file cannot be read just now (locked, share gone): say so where the
            // problems are listed, keep the last good ranking, and check again at the next edit.
            SourcePos pos;
            pos.file = project_->path();
            out.diagnostics.push_back(make_diagnostic(
                Severity::Error, std::move(pos),
                Message("gui.project-unreadable", TL_MSG("the project file cannot be read just now: {problem}"))
                    .nested("problem", e.message())));
            return out;
        }
        out.loaded = preview.loaded;
        out.diagnostics = std::move(preview.problems);
        out.rules_ok = preview.loaded->ok();
        if (!preview.evaluation) return out;
        auto ev = std::make_shared<Evaluation>();
        ev->rules = preview.evaluation->rules;
        ev->bids = preview.evaluation->bids;
        ev->result = preview.evaluation->result;
        ev->rules_path = rules_path_;
        ev->rules_text = rules_text;
        ev->bids_path = project_->path();
        ev->project = std::move(preview.evaluation);
        current_ = ev;
        out.evaluation = std::move(ev);
        return out;
    }
    auto loaded_ptr = std::make_shared<lang::LoadResult>(lang::load_rules_text(rules_text, rules_path_));
    out.loaded = loaded_ptr;
    const lang::LoadResult& loaded = *loaded_ptr;
    out.diagnostics = loaded.diagnostics;
    out.rules_ok = loaded.ok();
    if (!out.rules_ok || bids_path_.empty()) return out;

    std::vector<std::string> lots;
    for (const auto& lot : loaded.rules.tender.lots) lots.push_back(lot.id);
    CsvReadResult read = read_bids_csv(bids_bytes_, bids_path_, loaded.rules.fields, lots);
    out.diagnostics.insert(out.diagnostics.end(), read.diagnostics.begin(), read.diagnostics.end());
    if (!read.ok()) return out;

    auto ev = std::make_shared<Evaluation>();
    ev->rules = loaded.rules;
    ev->bids = std::move(read.table);
    ev->result = evaluate(ev->rules, ev->bids);
    ev->rules_path = rules_path_;
    ev->rules_text = rules_text;
    ev->bids_path = bids_path_;
    ev->bids_bytes = bids_bytes_;
    current_ = ev;
    out.evaluation = std::move(ev);
    return out;
}

}  // namespace tl::gui
