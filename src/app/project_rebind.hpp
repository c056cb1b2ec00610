#pragma once
/// Re-reading a project's stored bids against new rules (`tenderloop rules P.tender set`, the GUI's rules editor), so
/// that the values a project holds always mean what the current rules' fields say.
#include <optional>
#include <string>
#include <vector>

#include "core/bids.hpp"
#include "core/criteria.hpp"
#include "core/message.hpp"
#include "store/project.hpp"

namespace tl::app {

/// The stored bids over `new_rules.fields`. An answer is kept as stored when its field is
/// unchanged (same id, type, unit and enum members; `old_rules` = the current rules, nothing when
/// they no longer check) and re-read from its stored text when the field changed (io's
/// read_field_value, as the bids CSV reads a cell). Every problem goes to `problems`: a required
/// field the bids never answered, an answer the new field cannot read, a value outside a new
/// range, a lot the new rules do not declare. Committee fields stay NaN.
BidTable rebind_bids(const store::Project& project, const CriteriaSet* old_rules, const CriteriaSet& new_rules,
                     std::vector<Message>& problems);

}  // namespace tl::app
