#pragma once
/// One step of the GUI self-test (self_test.hpp): a name and a function the test timer calls
/// every 100 ms until it says Done (next step), Fail (the test fails) or has waited 15 s.
/// Each area of the app provides its steps in its own *_self_test.cpp.
#include <functional>
#include <string>

namespace tl::gui {

enum class StepResult { Done, Wait, Fail };

struct SelfTestStage {
    const char* name;
    std::function<StepResult()> run;
};

/// Prints "self-test: FAILED: why" and returns StepResult::Fail.
StepResult self_test_fail(const std::string& why);

}  // namespace tl::gui
