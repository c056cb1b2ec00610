#include "gui/committee_scoring.hpp"
#include "gui/project_document.hpp"

#include <algorithm>
#include <cmath>

#include <wx/button.h>
#include <wx/choice.h>
#include <wx/dcclient.h>
#include <wx/msgdlg.h>
#include <wx/sizer.h>
#include <wx/stattext.h>
#include <wx/textdlg.h>

#include "gui/committee_grid.hpp"
#include "gui/committee_panel.hpp"
#include "gui/wx_text.hpp"

namespace tl::gui {

namespace {

wxString trimmed(wxString s) { return s.Trim(true).Trim(false); }

}  // namespace

/// The sheet's cells, computed from the page's rows and what was typed but not recorded.
class ScoringTable : public CommitteeGridTable {
public:
    using Page = CommitteeScoringPage;

    ScoringTable(Page& page, const wxFont& font) : page_(page) {
        using namespace committee_colours;
        bid_ = make_attr(true);
        bid_first_ = wrapped(make_attr(true));
        bid_first_->SetFont(font.Bold());
        criterion_ = wrapped(make_attr(true));
        for (int j = 0; j < 2; ++j) {
            // [0] the score, [1] the justification (wrapped over several lines)
            auto finish = [j](wxGridCellAttrPtr a) {
                if (j == 0) a->SetAlignment(wxALIGN_CENTER, wxALIGN_CENTER);
                return j == 0 ? a : wrapped(a);
            };
            editable_[j] = finish(make_attr(false));
            unsaved_[j] = finish(make_attr(false, unsaved_background()));
            locked_[j] = finish(make_attr(true, locked_background()));
            barred_[j] = finish(make_attr(true, barred_background(), barred_text()));
            barred_[j]->SetFont(font.Italic());
        }
    }

    int GetNumberRows() override { return static_cast<int>(page_.rows_.size()); }
    int GetNumberCols() override { return Page::kColumns; }
    wxString GetValue(int row, int col) override { return page_.cell_text(row, static_cast<Page::Column>(col)); }

    void SetValue(int row, int col, const wxString& value) override {
        // The grid calls this while it closes its editor: record afterwards, outside its event.
        page_.keep_typed(row, static_cast<Page::Column>(col), value);
        page_.CallAfter([&page = page_, key = page_.key(row)] { page.commit(key); });
    }

    wxString GetColLabelValue(int col) override {
        switch (col) {
        case Page::kBid: return _("Bid");
        case Page::kCriterion: return _("Criterion");
        case Page::kScore: return _("Score");
        default: return _("Justification");
        }
    }

    wxGridCellAttr* GetAttr(int row, int col, wxGridCellAttr::wxAttrKind) override {
        if (row < 0 || row >= GetNumberRows()) return nullptr;
        if (col == Page::kBid) return give(page_.rows_[static_cast<std::size_t>(row)].first_of_bid ? bid_first_ : bid_);
        if (col == Page::kCriterion) return give(criterion_);
        const int j = col == Page::kScore ? 0 : 1;
        const CommitteeMark* m = page_.mark(row);
        if (m && m->barred) return give(barred_[j]);
        if (!page_.sheet_editable()) return give(locked_[j]);
        if (page_.unsaved(row)) return give(unsaved_[j]);
        return give(editable_[j]);
    }

private:
    static wxGridCellAttrPtr wrapped(wxGridCellAttrPtr a) {
        a->SetRenderer(new wxGridCellAutoWrapStringRenderer);
        return a;
    }

    Page& page_;
    wxGridCellAttrPtr bid_, bid_first_, criterion_;
    wxGridCellAttrPtr editable_[2], unsaved_[2], locked_[2], barred_[2];
};

CommitteeScoringPage::CommitteeScoringPage(wxWindow* parent, CommitteePanel& panel) : wxPanel(parent), panel_(panel) {
    const int gap = FromDIP(6);
    auto* choose_label = new wxStaticText(this, wxID_ANY, _("Ev&aluator:"));
    evaluators_ = new wxChoice(this, wxID_ANY);
    status_ = new wxStaticText(this, wxID_ANY, wxString());
    grid_ = new wxGrid(this, wxID_ANY);
    table_ = new ScoringTable(*this, grid_->GetDefaultCellFont());
    grid_->SetTable(table_, true, wxGrid::wxGridSelectCells);
    table_->attached();
    grid_->HideRowLabels();
    grid_->SetColLabelSize(wxGRID_AUTOSIZE);
    grid_->DisableDragRowSize();
    grid_->SetTabBehaviour(wxGrid::Tab_Leave);  // and on_tab steps score, justification, next score
    message_ = new wxStaticText(this, wxID_ANY, wxString());
    submit_ = new wxButton(this, wxID_ANY, _("S&ubmit scores"));
    reopen_ = new wxButton(this, wxID_ANY, _("&Reopen..."));
    submit_->SetToolTip(_("Lock the evaluator's scores; every score the evaluator may give must be recorded"));
    reopen_->SetToolTip(_("The chair turns submitted scores back into drafts, with a reason"));

    auto* top = new wxBoxSizer(wxHORIZONTAL);
    top->Add(choose_label, 0, wxALIGN_CENTER_VERTICAL | wxRIGHT, gap);
    top->Add(evaluators_, 1, wxALIGN_CENTER_VERTICAL);
    auto* buttons = new wxBoxSizer(wxHORIZONTAL);
    buttons->AddStretchSpacer();
    buttons->Add(submit_, 0, wxRIGHT, gap);
    buttons->Add(reopen_);
    auto* sizer = new wxBoxSizer(wxVERTICAL);
    sizer->Add(top, 0, wxEXPAND | wxALL, gap);
    sizer->Add(status_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxBOTTOM, gap);
    sizer->Add(grid_, 1, wxEXPAND | wxLEFT | wxRIGHT, gap);
    sizer->Add(message_, 0, wxEXPAND | wxLEFT | wxRIGHT | wxTOP, gap);
    sizer->Add(buttons, 0, wxEXPAND | wxALL, gap);
    SetSizer(sizer);

    evaluators_->Bind(wxEVT_CHOICE, &CommitteeScoringPage::on_evaluator, this);
    grid_->Bind(wxEVT_GRID_CELL_CHANGING, &CommitteeScoringPage::on_changing, this);
    grid_->Bind(wxEVT_GRID_TABBING, &CommitteeScoringPage::on_tab, this);
    submit_->Bind(wxEVT_BUTTON, &CommitteeScoringPage::on_submit, this);
    reopen_->Bind(wxEVT_BUTTON, &CommitteeScoringPage::on_reopen, this);
    grid_->Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        e.Skip();
        CallAfter([this] { fit_columns(); });
    });
    Bind(wxEVT_SIZE, [this](wxSizeEvent& e) {
        e.Skip();
        CallAfter([this] { show_status(); });
    });
}

void CommitteeScoringPage::update(const CommitteeData& data) {
    data_ = &data;
    if (!data.open) unsaved_.clear();  // typed for the project just closed: not for the next one
    evaluators_->Clear();
    for (const auto& m : data.scores.evaluators)
        evaluators_->Append(m.chair ? wxString::Format(_("%s (chair)"), to_wx(m.name)) : to_wx(m.name));
    if (!data.member(evaluator_)) evaluator_ = data.scores.evaluators.empty() ? std::string() : data.scores.evaluators[0].name;
    evaluators_->SetSelection(data.member_index(evaluator_));
    evaluators_->Enable(!data.scores.evaluators.empty());
    rebuild_rows();
}

bool CommitteeScoringPage::select_evaluator(const std::string& name) {
    if (!data_ || !data_->member(name)) return false;
    evaluator_ = name;
    evaluators_->SetSelection(data_->member_index(name));
    show_message(wxString(), false);
    rebuild_rows();
    return true;
}

std::string CommitteeScoringPage::evaluator() const { return evaluator_; }

void CommitteeScoringPage::on_evaluator(wxCommandEvent&) {
    const int sel = evaluators_->GetSelection();
    if (data_ && sel >= 0 && static_cast<std::size_t>(sel) < data_->scores.evaluators.size())
        select_evaluator(data_->scores.evaluators[static_cast<std::size_t>(sel)].name);
}

void CommitteeScoringPage::rebuild_rows() {
    rows_.clear();
    // One evaluator reads one bid at a time: the rows go bid by bid, its criteria under it.
    if (data_ && data_->rules_ok && member())
        for (std::size_t b = 0; b < data_->bid_count(); ++b)
            for (std::size_t k = 0; k < data_->scores.criteria.size(); ++k)
                if (const CommitteeCell* c = data_->cell(k, b)) rows_.push_back({b, k, c, k == 0});
    table_->changed();
    fit_columns();
    // Typing starts at a score, not at the bid's name.
    if (!rows_.empty() && grid_->GetGridCursorCol() < kScore)
        grid_->SetGridCursor(std::max(0, grid_->GetGridCursorRow()), kScore);
    show_status();
    const CommitteeMember* m = member();
    submit_->Enable(m && sheet_editable() && !rows_.empty());
    reopen_->Enable(m && !m->submitted_at.empty() && data_->chair());
}

const CommitteeMember* CommitteeScoringPage::member() const { return data_ ? data_->member(evaluator_) : nullptr; }

const CommitteeMark* CommitteeScoringPage::mark(int row) const {
    if (row < 0 || static_cast<std::size_t>(row) >= rows_.size() || !data_) return nullptr;
    const int e = data_->member_index(evaluator_);
    const CommitteeCell* c = rows_[static_cast<std::size_t>(row)].cell;
    return e < 0 || static_cast<std::size_t>(e) >= c->marks.size() ? nullptr : &c->marks[static_cast<std::size_t>(e)];
}

CommitteeScoringPage::Key CommitteeScoringPage::key(int row) const {
    const CommitteeCell* c = rows_.at(static_cast<std::size_t>(row)).cell;
    return {evaluator_, c->bidder, c->lot, c->criterion_id};
}

const CommitteeScoringPage::Unsaved* CommitteeScoringPage::unsaved(int row) const {
    if (row < 0 || static_cast<std::size_t>(row) >= rows_.size()) return nullptr;
    const auto it = unsaved_.find(key(row));
    return it == unsaved_.end() ? nullptr : &it->second;
}

bool CommitteeScoringPage::sheet_editable() const {
    const CommitteeMember* m = member();
    return data_ && data_->rules_ok && m && m->declared && !m->whole_tender_conflict && m->submitted_at.empty();
}

int CommitteeScoringPage::row_of(const std::string& bidder, const std::string& criterion_id) const {
    for (std::size_t r = 0; r < rows_.size(); ++r)
        if (rows_[r].cell->bidder == bidder && rows_[r].cell->criterion_id == criterion_id) return static_cast<int>(r);
    return -1;
}

wxString CommitteeScoringPage::cell_text(int row, Column col) const {
    if (row < 0 || static_cast<std::size_t>(row) >= rows_.size()) return wxString();
    const Row& r = rows_[static_cast<std::size_t>(row)];
    if (col == kBid) return r.first_of_bid ? bid_title(r.cell->bidder, r.cell->lot) : wxString();
    if (col == kCriterion) return data_->criterion_title(r.criterion);
    const CommitteeMark* m = mark(row);
    if (!m) return wxString();
    if (m->barred) return col == kScore ? wxString(L"\u2014") : barred_reason(*member(), r.cell->bidder);
    const Unsaved* u = unsaved(row);
    if (col == kScore) return u && u->has_score ? u->score : mark_text(m->value);
    return u && u->has_justification ? u->justification : to_wx(m->justification);
}

bool CommitteeScoringPage::cell_editable(int row, Column col) const {
    const CommitteeMark* m = mark(row);
    return (col == kScore || col == kJustification) && m && !m->barred && sheet_editable();
}

bool CommitteeScoringPage::cell_unsaved(int row, Column col) const {
    return (col == kScore || col == kJustification) && unsaved(row) != nullptr;
}

wxString CommitteeScoringPage::check_edit(int row, Column col, const wxString& text) const {
    if (!cell_editable(row, col)) return _("This cell cannot be edited.");
    const CommitteeMark* m = mark(row);
    const bool recorded = m && m->scored();
    if (col == kScore) {
        if (trimmed(text).empty())
            return recorded ? _("A recorded score cannot be removed; enter another score.") : wxString();
        const auto& crit = data_->scores.criteria[rows_[static_cast<std::size_t>(row)].criterion];
        return check_mark(text, crit.lo, crit.hi, nullptr);
    }
    if (trimmed(text).empty() && recorded) return _("A score needs its written justification.");
    return wxString();
}

void CommitteeScoringPage::keep_typed(int row, Column col, const wxString& text) {
    if (col != kScore && col != kJustification) return;
    Unsaved& u = unsaved_[key(row)];
    const wxString t = trimmed(text);
    if (col == kScore) {
        u.has_score = !t.empty();
        u.score = t;
    } else {
        u.has_justification = !t.empty();
        u.justification = t;
    }
    if (!u.has_score && !u.has_justification) unsaved_.erase(key(row));
}

wxString CommitteeScoringPage::commit(const Key& k) {
    const auto it = unsaved_.find(k);
    if (it == unsaved_.end() || !data_) return wxString();
    const auto& [who, bidder, lot, criterion] = k;
    const int e = data_->member_index(who);
    const CommitteeCell* cell = nullptr;
    std::size_t crit = 0;
    for (std::size_t i = 0; i < data_->scores.cells.size(); ++i) {
        const CommitteeCell& c = data_->scores.cells[i];
        if (c.bidder == bidder && c.lot == lot && c.criterion_id == criterion) {
            cell = &c;
            crit = data_->bid_count() ? i / data_->bid_count() : 0;
        }
    }
    if (e < 0 || !cell) {
        unsaved_.erase(it);  // the evaluator or the bid is gone
        return wxString();
    }
    const CommitteeMark& m = cell->marks[static_cast<std::size_t>(e)];
    const Unsaved u = it->second;
    const double value = u.has_score ? parse_mark(u.score) : m.value;
    const std::string justification = u.has_justification ? from_wx(u.justification) : m.justification;
    const wxString where = bid_title(bidder, lot) + L" \u2014 " + data_->criterion_title(crit);
    wxString refused;
    if (std::isnan(value)) {
        show_message(wxString::Format(_("Enter the score for %s: it is saved with its justification."), where), true);
    } else if (justification.empty()) {
        show_message(wxString::Format(_("Write the justification for %s: the score is saved with it."), where), true);
    } else if (value == m.value && justification == m.justification) {
        unsaved_.erase(it);  // typed what is recorded already
        table_->changed();
    } else {
        const app::ChangeOutcome out = panel_.record_score({who, {bidder, lot}, criterion, value, justification});
        if (out.ok) {
            unsaved_.erase(k);
            show_message(wxString::Format(_("Saved as a draft: %s."), where), false);
        } else {
            refused = to_wx(summary_text(out));
            show_message(refused, true);
        }
        table_->changed();
    }
    fit_columns();  // the typed text may need more lines
    show_status();
    return refused;
}

wxString CommitteeScoringPage::type_cell(int row, Column col, const wxString& text) {
    const wxString refused = check_edit(row, col, text);
    if (!refused.empty()) {
        show_message(refused, true);
        return refused;
    }
    const Key k = key(row);
    keep_typed(row, col, text);
    return commit(k);
}

void CommitteeScoringPage::on_changing(wxGridEvent& e) {
    const wxString refused = check_edit(e.GetRow(), static_cast<Column>(e.GetCol()), e.GetString());
    if (refused.empty()) return;
    show_message(refused, true);
    e.Veto();
}

void CommitteeScoringPage::on_tab(wxGridEvent& e) {
    // Typing a sheet: score, Tab, justification, Tab, the next row's score; past the last row (or
    // before the first) the focus leaves the sheet.
    const int row = e.GetRow();
    const bool back = e.ShiftDown();
    int next_row = row, next_col = kScore;
    if (!back) {
        if (e.GetCol() < kScore) next_col = kScore;
        else if (e.GetCol() == kScore) next_col = kJustification;
        else next_row = row + 1;
    } else {
        if (e.GetCol() == kJustification) next_col = kScore;
        else {
            next_row = row - 1;
            next_col = kJustification;
        }
    }
    if (next_row < 0 || next_row >= grid_->GetNumberRows()) {
        grid_->Navigate(back ? wxNavigationKeyEvent::IsBackward : wxNavigationKeyEvent::IsForward);
        return;
    }
    grid_->GoToCell(next_row, next_col);
}

void CommitteeScoringPage::show_message(const wxString& text, bool warning) {
    message_->SetForegroundColour(warning ? committee_colours::warning_text() : GetForegroundColour());
    message_plain_ = text;
    message_->SetLabel(text);
    message_->Wrap(std::max(GetClientSize().x - FromDIP(12), FromDIP(200)));
    Layout();
}

wxString CommitteeScoringPage::message_text() const { return message_plain_; }
wxString CommitteeScoringPage::status_text() const { return status_plain_; }

void CommitteeScoringPage::show_status() {
    wxString text;
    const CommitteeMember* m = member();
    if (!data_ || !data_->open) {
        text = wxString();
    } else if (!data_->rules_ok) {
        text = _("The rules do not check: the scoring sheet needs them (see the Criteria page).");
    } else if (data_->scores.criteria.empty()) {
        text = _("The rules have no criteria that the committee scores.");
    } else if (!m) {
        text = _("Add the committee's evaluators first (Evaluators tab).");
    } else if (!m->declared) {
        text = wxString::Format(_("%s has not declared whether they have a conflict of interest: record the declaration "
                                  "on the Evaluators tab before scoring."),
                                to_wx(m->name));
    } else if (m->whole_tender_conflict) {
        text = wxString::Format(_("%s declared a conflict of interest with the whole tender and scores nothing."),
                                to_wx(m->name));
    } else if (!m->submitted_at.empty()) {
        text = wxString::Format(_("%s submitted the scores on %s: they are locked. Only the chair can reopen them, with a "
                                  "reason."),
                                to_wx(m->name), time_text(m->submitted_at));
    } else {
        const std::size_t e = static_cast<std::size_t>(data_->member_index(m->name));
        text = wxString::Format(_("Recorded as %s, as drafts: a score is saved once it has its justification. %d of %d "
                                  "scores given."),
                                to_wx(m->name), data_->scores_given(e), data_->scores_expected(e));
        wxString missing;
        int count = 0;
        for (std::size_t r = 0; r < rows_.size(); ++r) {
            const CommitteeMark* mk = mark(static_cast<int>(r));
            if (!mk || mk->barred || mk->scored()) continue;
            if (++count <= 4)
                missing += (missing.empty() ? "" : "; ") + bid_title(rows_[r].cell->bidder, rows_[r].cell->lot) + ": " +
                           data_->criterion_names[rows_[r].criterion];
        }
        if (count > 4) missing += wxString::Format(_("; and %d more"), count - 4);
        if (count > 0) text += "\n" + wxString::Format(_("Still to score: %s."), missing);
    }
    status_plain_ = text;
    // Wrap works on the label as it is: both start again from their plain text at the new width.
    const int width = std::max(GetClientSize().x - FromDIP(12), FromDIP(200));
    status_->SetLabel(text);
    status_->Wrap(width);
    message_->SetLabel(message_plain_);
    message_->Wrap(width);
    Layout();
}

void CommitteeScoringPage::fit_columns() {
    const int width = grid_->GetClientSize().x;
    if (width <= 0) return;
    wxClientDC dc(grid_);
    dc.SetFont(grid_->GetDefaultCellFont().Bold());
    int bid = FromDIP(80);
    for (const Row& r : rows_)
        if (r.first_of_bid) bid = std::max(bid, dc.GetTextExtent(bid_title(r.cell->bidder, r.cell->lot)).x + FromDIP(12));
    bid = std::min(bid, FromDIP(140));  // longer names wrap
    dc.SetFont(grid_->GetLabelFont());
    const int score = std::max(FromDIP(50), dc.GetTextExtent(table_->GetColLabelValue(kScore)).x + FromDIP(16));
    const int criterion = FromDIP(165);
    const int justification = std::max(FromDIP(160), width - bid - criterion - score);
    grid_->BeginBatch();
    grid_->SetColSize(kBid, bid);
    grid_->SetColSize(kCriterion, criterion);
    grid_->SetColSize(kScore, score);
    grid_->SetColSize(kJustification, justification);
    grid_->EndBatch();
    // Wrapped texts get the height they need at these widths.
    fit_row_heights(*grid_, [](int, int col) {
        return col == kBid ? CellWrap::Bold : col == kCriterion || col == kJustification ? CellWrap::Normal : CellWrap::None;
    });
}

app::ChangeOutcome CommitteeScoringPage::submit() {
    const app::ChangeOutcome out = panel_.submit(evaluator_);
    show_message(out.ok ? wxString::Format(_("Submitted the scores of %s."), to_wx(evaluator_)) : to_wx(summary_text(out)), !out.ok);
    return out;
}

app::ChangeOutcome CommitteeScoringPage::reopen(const std::string& reason) {
    const app::ChangeOutcome out = panel_.reopen(evaluator_, reason);
    show_message(out.ok ? wxString::Format(_("Reopened the scores of %s."), to_wx(evaluator_)) : to_wx(summary_text(out)), !out.ok);
    return out;
}

void CommitteeScoringPage::on_submit(wxCommandEvent&) {
    for (const auto& [k, u] : unsaved_)
        if (std::get<0>(k) == evaluator_) {
            show_message(_("Some typed scores are not saved yet (yellow): complete their score and justification first."),
                         true);
            return;
        }
    const int answer = wxMessageBox(
        wxString::Format(_("Submit the scores of %s? Submitted scores are locked; only the chair can reopen them."),
                         to_wx(evaluator_)),
        _("Submit scores"), wxYES_NO | wxICON_QUESTION, this);
    if (answer == wxYES) submit();
}

void CommitteeScoringPage::on_reopen(wxCommandEvent&) {
    const CommitteeMember* chair = data_ ? data_->chair() : nullptr;
    if (!chair) return;
    wxTextEntryDialog dlg(this,
                          wxString::Format(_("Why does the chair (%s) reopen the scores of %s? The reason goes into the "
                                             "audit log."),
                                           to_wx(chair->name), to_wx(evaluator_)),
                          _("Reopen scores"));
    while (dlg.ShowModal() == wxID_OK) {
        const wxString reason = trimmed(dlg.GetValue());
        if (!reason.empty() && reopen(from_wx(reason)).ok) break;
    }
}

}  // namespace tl::gui
