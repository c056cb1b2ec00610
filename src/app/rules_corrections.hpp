#pragma once
/// The corrections of a project's rules made after bids arrived, each with its line diff against
/// the version before it: what the evaluation, the workbook and every later document show.
#include <string>
#include <vector>

#include "core/rules_correction.hpp"
#include "store/types.hpp"

namespace tl::app {

/// Lines of context around each change in a correction's diff.
inline constexpr int kCorrectionDiffContext = 3;

/// Every version of `history` (oldest first, as store::Project::rules_history) up to and
/// including `current` that was recorded as a correction, oldest first, with its diff against
/// the version before it.
std::vector<RulesCorrection> rules_corrections(const std::vector<store::RulesVersion>& history, int current);

/// The line diff of two texts (Myers' O(ND) algorithm), unified-diff-like: "@@ -a,b +c,d @@" hunk
/// headers, " line" (context), "-line" (removed), "+line" (added); `context` lines around each
/// change. Empty when the texts have the same lines.
std::vector<std::string> line_diff(const std::string& before, const std::string& after,
                                   int context = kCorrectionDiffContext);

}  // namespace tl::app
