#pragma once
/// The criteria editor's part of the GUI self-test (self_test.hpp): folding, completion, the
/// criteria outline and its sum, and the diagnostic hover tip, driven through the same events a
/// user's typing and pointing raise. Written for samples/bus-tyres/rules.crit (opened as a file
/// or in a project, before or after other stages changed its weights); every edit is undone, so
/// the stages leave the text as they found it.
#include <vector>

#include "self_test_stage.hpp"

namespace tl::gui {

class EditorPanel;

/// The stages, in order. Each one returns Wait while the debounced check it depends on has not
/// run yet (EditorPanel::checks_done()). `panel` must outlive the stages.
std::vector<SelfTestStage> editor_self_test_stages(EditorPanel& panel);

}  // namespace tl::gui
