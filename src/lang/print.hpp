#pragma once
/// The canonical printing of rule files (`tenderloop fmt`): stable layout, comments kept.
/// Printing its own output again gives the same text.
#include <string>

#include "lang/syntax.hpp"

namespace tl::lang {

/// Canonical text of a parsed file.
std::string format_rules(const RuleFile& file);

}  // namespace tl::lang
