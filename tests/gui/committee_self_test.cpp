#include "committee_self_test.hpp"

#include <iterator>
#include <string>

#include <wx/intl.h>

#include "core/number_format.hpp"
#include "gui/committee_consensus.hpp"
#include "gui/committee_dialogs.hpp"
#include "gui/committee_evaluators.hpp"
#include "gui/committee_grid.hpp"
#include "gui/committee_panel.hpp"
#include "gui/committee_scoring.hpp"
#include "gui/main_frame.hpp"
#include "gui/results_model.hpp"
#include "gui/results_panel.hpp"
#include "gui/wx_text.hpp"

namespace tl::gui {

namespace {

const char* const kChair = "Anna Berg";
const char* const kTakeBack = "take_back_plan";
const char* const kRepair = "repair_service";

struct Mark {
    const char* evaluator;
    const char* bidder;
    const char* criterion;
    const char* value;
    const char* justification;
};

// The marks of samples/furniture-committee/build.sh (Jonas Lind has a conflict with Kontor
// Circular; Nordic Office Supply's take-back plan gets 4, 1 and 3: a dispersion).
const Mark kMarks[] = {
    {kChair, "ReWork Interiors", kTakeBack, "4", "Collection at the building, re-use first; yearly report promised"},
    {kChair, "ReWork Interiors", kRepair, "5", "Own workshop 20 km away, 48 h on-site repair, trained staff named"},
    {kChair, "Nordic Office Supply", kTakeBack, "4", "Take-back through a certified partner with a re-use quota"},
    {kChair, "Nordic Office Supply", kRepair, "2", "Repairs only through the manufacturer, no response times"},
    {kChair, "Kontor Circular", kTakeBack, "5", "Specific logistics, re-use of 80 % committed, verifiable reporting"},
    {kChair, "Kontor Circular", kRepair, "4", "On-site repair within a week, refurbishment of returned items"},
    {kChair, "Möbel Kreislauf GmbH", kTakeBack, "3", "Adequate: take-back at end of use, recycling and re-use not separated"},
    {kChair, "Möbel Kreislauf GmbH", kRepair, "3", "Adequate: repair service, response times not stated"},
    {kChair, "Officina Verde", kTakeBack, "2", "Partial: take-back of chairs only"},
    {kChair, "Officina Verde", kRepair, "3", "Adequate: repair service by a subcontractor"},
    {"Jonas Lind", "ReWork Interiors", kTakeBack, "4", "Credible plan with re-use first"},
    {"Jonas Lind", "ReWork Interiors", kRepair, "4", "Good service plan, short response times"},
    {"Jonas Lind", "Nordic Office Supply", kTakeBack, "1", "Vague: the partner and the re-use quota are not evidenced"},
    {"Jonas Lind", "Nordic Office Supply", kRepair, "2", "Manufacturer repairs only"},
    {"Jonas Lind", "Möbel Kreislauf GmbH", kTakeBack, "3", "Adequate plan"},
    {"Jonas Lind", "Möbel Kreislauf GmbH", kRepair, "4", "Good: spare-parts stock on site"},
    {"Jonas Lind", "Officina Verde", kTakeBack, "3", "Adequate for chairs, desks not covered"},
    {"Jonas Lind", "Officina Verde", kRepair, "3", "Adequate"},
    {"Maria Sole", "ReWork Interiors", kTakeBack, "5", "Excellent: specific, verifiable, re-use first"},
    {"Maria Sole", "ReWork Interiors", kRepair, "4", "Good service plan"},
    {"Maria Sole", "Nordic Office Supply", kTakeBack, "3", "Adequate: partner certified, quota modest"},
    {"Maria Sole", "Nordic Office Supply", kRepair, "3", "Adequate: manufacturer network is dense"},
    {"Maria Sole", "Kontor Circular", kTakeBack, "4", "Good plan, reporting yearly"},
    {"Maria Sole", "Kontor Circular", kRepair, "4", "Good repair service"},
    {"Maria Sole", "Möbel Kreislauf GmbH", kTakeBack, "3", "Adequate"},
    {"Maria Sole", "Möbel Kreislauf GmbH", kRepair, "3", "Adequate"},
    {"Maria Sole", "Officina Verde", kTakeBack, "2", "Partial: chairs only"},
    {"Maria Sole", "Officina Verde", kRepair, "2", "Partial: subcontractor not named"},
};

struct Consensus {
    const char* bidder;
    const char* criterion;
    const char* value;
    const char* justification;
};

const Consensus kConsensus[] = {
    {"ReWork Interiors", kTakeBack, "4", "Specific and verifiable; re-use first"},
    {"ReWork Interiors", kRepair, "4", "Own workshop and short response times"},
    {"Nordic Office Supply", kTakeBack, "3",
     "Discussed (dispersion 4/1/3): the partner's certificate is valid, the quota modest"},
    {"Nordic Office Supply", kRepair, "2", "Manufacturer repairs only, no response times"},
    {"Kontor Circular", kTakeBack, "4", "Specific plan; Jonas Lind did not take part (declared conflict)"},
    {"Kontor Circular", kRepair, "4", "On-site repair and refurbishment of returned items"},
    {"Möbel Kreislauf GmbH", kTakeBack, "3", "Adequate"},
    {"Möbel Kreislauf GmbH", kRepair, "3", "Adequate; response times not stated"},
    {"Officina Verde", kTakeBack, "2", "Chairs only"},
    {"Officina Verde", kRepair, "3", "Adequate service by a subcontractor"},
};

using Step = StepResult;
using Col = CommitteeScoringPage::Column;

std::string str(const wxString& s) { return from_wx(s); }

/// Types one mark into the evaluator's sheet: the score first (kept, not saved: no justification
/// yet), then the justification (saved as a draft).
Step type_mark(CommitteeScoringPage& sheet, const Mark& m) {
    if (sheet.evaluator() != m.evaluator && !sheet.select_evaluator(m.evaluator))
        return self_test_fail(std::string("no sheet for ") + m.evaluator);
    const int row = sheet.row_of(m.bidder, m.criterion);
    if (row < 0) return self_test_fail(std::string("no row for ") + m.bidder + " / " + m.criterion);
    const std::string where = std::string(m.evaluator) + ", " + m.bidder + ", " + m.criterion;
    wxString refused = sheet.type_cell(row, Col::kScore, wxString::FromUTF8(m.value));
    if (!refused.empty()) return self_test_fail("score refused (" + where + "): " + str(refused));
    if (!sheet.cell_unsaved(row, Col::kScore)) return self_test_fail("a score without justification was not kept: " + where);
    refused = sheet.type_cell(row, Col::kJustification, wxString::FromUTF8(m.justification));
    if (!refused.empty()) return self_test_fail("justification refused (" + where + "): " + str(refused));
    if (sheet.cell_unsaved(row, Col::kScore)) return self_test_fail("the score was not saved: " + where);
    if (parse_mark(sheet.cell_text(row, Col::kScore)) != parse_mark(m.value) ||
        str(sheet.cell_text(row, Col::kJustification)) != m.justification)
        return self_test_fail("the sheet does not show what was saved: " + where);
    return Step::Done;
}

}  // namespace

std::vector<SelfTestStage> committee_self_test_stages(MainFrame& frame) {
    auto& panel = frame.committee_panel();
    auto& evaluators = panel.evaluators_page();
    auto& sheet = panel.scoring_page();
    auto& consensus = panel.consensus_page();
    return {
        {"committee: the project is open with five bids and no committee",
         [&] {
             const CommitteeData& d = panel.data();
             if (!d.open || !d.rules_ok) return Step::Wait;
             panel.set_quiet(true);  // refusals are checked here, not shown in message boxes
             frame.show_page(MainFrame::Page::Committee);
             panel.show_tab(CommitteePanel::Tab::Evaluators);
             if (d.bidders.size() != 5) return self_test_fail("expected 5 bidders, found " + std::to_string(d.bidders.size()));
             if (!d.scores.evaluators.empty()) return self_test_fail("the project has a committee already");
             if (d.scores.criteria.size() != 2) return self_test_fail("expected 2 committee criteria");
             if (frame.document().evaluation() && !frame.document().evaluation()->provisional())
                 return self_test_fail("the ranking is not provisional before the committee scored");
             return Step::Done;
         }},
        {"committee: add the chair and two members (Add evaluator dialog)",
         [&] {
             const NewEvaluator people[] = {{kChair, store::Role::Chair, "appointed by order 14/2026"},
                                            {"Jonas Lind", store::Role::Member, "appointed by order 14/2026"},
                                            {"Maria Sole", store::Role::Member, "appointed by order 14/2026"}};
             for (const NewEvaluator& v : people) {
                 const CommitteeMember* chair = panel.data().chair();
                 AddEvaluatorDialog dlg(&panel, chair ? chair->name : std::string());
                 dlg.fill(v);
                 if (!dlg.complete()) return self_test_fail("the dialog does not accept " + v.name);
                 const auto out = evaluators.add(dlg.values());
                 if (!out.ok) return self_test_fail("adding " + v.name + " refused: " + out.summary);
             }
             if (evaluators.add({"Erik Holm", store::Role::Chair, "a second chair"}).ok)
                 return self_test_fail("a second chair was accepted");
             if (evaluators.row_of("Maria Sole") != 2) return self_test_fail("the list does not show Maria Sole third");
             return Step::Done;
         }},
        {"committee: nobody scores before declaring",
         [&] {
             if (!sheet.select_evaluator("Maria Sole")) return self_test_fail("no sheet for Maria Sole");
             const int row = sheet.row_of("ReWork Interiors", kTakeBack);
             if (row < 0) return self_test_fail("no row for ReWork Interiors");
             if (sheet.cell_editable(row, Col::kScore)) return self_test_fail("an undeclared evaluator's sheet is editable");
             return Step::Done;
         }},
        {"committee: declarations, one conflict with Kontor Circular (Declare dialog)",
         [&] {
             const std::pair<const char*, Declaration> decls[] = {
                 {kChair, {store::CoiKind::None, "", "No interest in any bidder"}},
                 {"Maria Sole", {store::CoiKind::None, "", "No interest in any bidder"}},
                 {"Jonas Lind", {store::CoiKind::Bid, "Kontor Circular", "Employed by Kontor Circular until June 2024"}}};
             for (const auto& [who, decl] : decls) {
                 const CommitteeMember* m = panel.data().member(who);
                 if (!m) return self_test_fail(std::string("no member ") + who);
                 DeclareDialog dlg(&panel, *m, panel.data().bidders);
                 if (decl.kind == store::CoiKind::Bid) {
                     dlg.fill({decl.kind, decl.bidder, ""});
                     if (dlg.complete()) return self_test_fail("the dialog accepts a conflict without its nature in words");
                 }
                 dlg.fill(decl);
                 if (!dlg.complete()) return self_test_fail(std::string("the dialog refuses the declaration of ") + who);
                 const auto out = evaluators.declare(who, dlg.values());
                 if (!out.ok) return self_test_fail(std::string("declaration of ") + who + " refused: " + out.summary);
             }
             const long row = evaluators.row_of("Jonas Lind");
             const wxString expected = wxString::Format(_("conflict with %s"), "Kontor Circular");
             if (evaluators.cell_text(row, CommitteeEvaluatorsPage::kDeclaration) != expected)
                 return self_test_fail("the list shows '" +
                                       str(evaluators.cell_text(row, CommitteeEvaluatorsPage::kDeclaration)) + "'");
             if (!evaluators.details_text().Contains("Employed by Kontor Circular"))
                 return self_test_fail("the declaration's text is not shown");
             return Step::Done;
         }},
        {"committee: the conflict greys out Kontor Circular in Jonas Lind's sheet",
         [&] {
             panel.show_tab(CommitteePanel::Tab::Scoring);
             sheet.select_evaluator("Jonas Lind");
             const int row = sheet.row_of("Kontor Circular", kRepair);
             if (row < 0) return self_test_fail("no row for Kontor Circular");
             if (sheet.cell_editable(row, Col::kScore) || sheet.cell_editable(row, Col::kJustification))
                 return self_test_fail("a barred cell is editable");
             if (sheet.cell_text(row, Col::kJustification) !=
                 wxString::Format(_("Barred: conflict of interest with %s"), "Kontor Circular"))
                 return self_test_fail("the barred cell says '" + str(sheet.cell_text(row, Col::kJustification)) + "'");
             if (!sheet.cell_editable(sheet.row_of("Officina Verde", kRepair), Col::kScore))
                 return self_test_fail("Jonas Lind cannot score Officina Verde");
             if (sheet.type_cell(sheet.row_of("Officina Verde", kRepair), Col::kScore, "7").empty())
                 return self_test_fail("a score of 7 on the 0 .. 5 scale was accepted");
             return Step::Done;
         }},
        {"committee: every mark typed with its justification (drafts)",
         [&] {
             for (const Mark& m : kMarks) {
                 const bool last = &m == &kMarks[std::size(kMarks) - 1];
                 if (last) {
                     // Maria Sole's last score is missing: the store refuses the submission.
                     const auto out = sheet.submit();
                     if (out.ok) return self_test_fail("a submission with a missing score was accepted");
                     if (out.summary.find("missing") == std::string::npos)
                         return self_test_fail("the refusal does not say what is missing: " + out.summary);
                 }
                 if (type_mark(sheet, m) != Step::Done) return Step::Fail;
             }
             return Step::Done;
         }},
        {"committee: the three submit; the chair reopens one sheet and it is submitted again",
         [&] {
             for (const char* who : {kChair, "Jonas Lind", "Maria Sole"}) {
                 sheet.select_evaluator(who);
                 const auto out = sheet.submit();
                 if (!out.ok) return self_test_fail(std::string("submission of ") + who + " refused: " + out.summary);
             }
             if (sheet.cell_editable(sheet.row_of("Officina Verde", kRepair), Col::kScore))
                 return self_test_fail("a submitted sheet is editable");
             const auto reopened = sheet.reopen("Maria Sole asked to re-read Officina Verde's plan");
             if (!reopened.ok) return self_test_fail("the chair's reopening refused: " + reopened.summary);
             if (!sheet.cell_editable(sheet.row_of("Officina Verde", kRepair), Col::kScore))
                 return self_test_fail("the reopened sheet is not editable");
             if (frame.document().project().user() == kChair)
                 return self_test_fail("the project's user stayed the chair after the reopening");
             const auto again = sheet.submit();
             return again.ok ? Step::Done : self_test_fail("the second submission refused: " + again.summary);
         }},
        {"committee: the dispersion is highlighted in the consensus view",
         [&] {
             panel.show_tab(CommitteePanel::Tab::Consensus);
             const int row = consensus.row_of("Nordic Office Supply", kTakeBack);
             const int calm = consensus.row_of("ReWork Interiors", kTakeBack);
             if (row < 0 || calm < 0) return self_test_fail("rows missing in the consensus view");
             if (consensus.cell_background(row, consensus.spread_col()) != committee_colours::dispersion_background())
                 return self_test_fail("the dispersed row is not orange");
             if (consensus.cell_background(calm, consensus.spread_col()) == committee_colours::dispersion_background())
                 return self_test_fail("a row without dispersion is orange");
             if (consensus.cell_text(row, consensus.spread_col()) != mark_text(3) ||
                 consensus.cell_text(row, consensus.consensus_col()) != _("discuss"))
                 return self_test_fail("the dispersed row shows spread '" +
                                       str(consensus.cell_text(row, consensus.spread_col())) + "' and '" +
                                       str(consensus.cell_text(row, consensus.consensus_col())) + "'");
             if (consensus.cell_text(row, consensus.mean_col()) != mark_text(8.0 / 3) ||
                 consensus.cell_text(row, consensus.median_col()) != mark_text(3))
                 return self_test_fail("mean or median wrong for Nordic Office Supply");
             const int barred = consensus.row_of("Kontor Circular", kTakeBack);
             if (consensus.cell_background(barred, 2) != committee_colours::barred_background())
                 return self_test_fail("Jonas Lind's barred mark for Kontor Circular is not grey");
             consensus.select_row(row);
             if (!consensus.note_text().Contains(
                     wxString::Format(_("Discuss: the marks are more than %s apart."), mark_text(2))))
                 return self_test_fail("no 'discuss' note for the dispersed row: " + str(consensus.note_text()));
             return Step::Done;
         }},
        {"committee: the chair records the consensus",
         [&] {
             for (const Consensus& c : kConsensus) {
                 const int row = consensus.row_of(c.bidder, c.criterion);
                 consensus.select_row(row);
                 if (!consensus.can_record())
                     return self_test_fail(std::string("cannot record the consensus for ") + c.bidder + ": " +
                                           str(consensus.note_text()));
                 const auto out = consensus.record(wxString::FromUTF8(c.value), wxString::FromUTF8(c.justification));
                 if (!out.ok) return self_test_fail(std::string("consensus for ") + c.bidder + " refused: " + out.summary);
                 if (parse_mark(consensus.cell_text(consensus.row_of(c.bidder, c.criterion), consensus.consensus_col())) !=
                     parse_mark(c.value))
                     return self_test_fail(std::string("the consensus view does not show the value for ") + c.bidder);
             }
             if (consensus.missing_text() != _("Nothing is missing: every consensus the ranking needs is recorded."))
                 return self_test_fail("still missing: " + str(consensus.missing_text()));
             return Step::Done;
         }},
        {"committee: the ranking is final, ReWork Interiors first with 86.7670",
         [&] {
             const auto ev = frame.document().evaluation();
             if (!ev) return self_test_fail("no evaluation");
             if (ev->provisional()) return self_test_fail("the evaluation is still provisional");
             auto& results = frame.results_panel();
             if (results.model().rows() == 0 || results.bidder_at(0) != "ReWork Interiors") return Step::Wait;
             const BidOutcome* first = results.model().outcome(0);
             if (!first || format_fixed(first->total, 4) != "86.7670")
                 return self_test_fail("ReWork Interiors' total is " + (first ? format_fixed(first->total, 4) : "none"));
             return Step::Done;
         }},
    };
}

}  // namespace tl::gui
