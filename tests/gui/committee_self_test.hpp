#pragma once
/// The Committee page's part of the GUI self-test. It expects the main window to have a project
/// open that holds samples/furniture-committee's rules and bids and no committee yet (made with
/// `tenderloop new` and `tenderloop bids import`), and does through the panel's own code paths
/// what samples/furniture-committee/build.sh does with the CLI: a chair and two members (the Add
/// evaluator dialog), their declarations with one conflict (the Declare dialog), every mark with
/// its justification typed into the scoring sheets (drafts, a score outside the scale refused, a
/// submission refused while a score is missing), the submissions, a reopening by the chair, the
/// dispersion highlighted in the consensus view, the chair's consensus; and then checks that the
/// results show a ranking that is no longer provisional, ReWork Interiors first with 86.7670.
#include <vector>

#include "self_test_stage.hpp"

namespace tl::gui {

class MainFrame;

/// The stages, to run in order after the project is open.
std::vector<SelfTestStage> committee_self_test_stages(MainFrame& frame);

}  // namespace tl::gui
