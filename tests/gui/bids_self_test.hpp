#pragma once
/// The Bids page's part of the GUI self-test (self_test.hpp), written for a project made from
/// samples/bus-tyres (`tenderloop new P.tender --rules rules.crit` and `tenderloop bids P.tender
/// import bids.csv`) and opened in the main window. Keys go through the X server
/// (wxUIActionSimulator) into the grid and its cell editors; choices and checkboxes are set on
/// the grid's own editor controls, which are then closed as the grid closes them. It adds a bid
/// that wins, types a wrong value, corrects and removes bids, imports files, and undoes each
/// change through the document's undo stack, leaving the project's bids as they were.
#include <vector>

#include "self_test_stage.hpp"

namespace tl::gui {

class MainFrame;

/// The stages, in order. `frame` must outlive them.
std::vector<SelfTestStage> bids_self_test_stages(MainFrame& frame);

}  // namespace tl::gui
