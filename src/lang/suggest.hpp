#pragma once
// "Did you mean" for unknown names: the closest candidate within a small edit distance.
#include <string>
#include <vector>

namespace tl::lang {

/// The candidate closest to `name` (Levenshtein, at most 2 edits or a third of the length), or "".
std::string closest_name(const std::string& name, const std::vector<std::string>& candidates);

/// `; did you mean 'x'?` or "".
std::string did_you_mean(const std::string& name, const std::vector<std::string>& candidates);

/// `; did you mean 'kWh'?` for an unknown unit (also for case slips such as `kwh`), or "".
std::string did_you_mean_unit(const std::string& unit);

}  // namespace tl::lang
