#pragma once
/// The explanation of one bid (core/explain.hpp) as the results view shows it: the same facts as
/// `tenderloop explain`, worded in the UI language (names in Russian where the rules give them).
/// Formulas and values stay as the rules write them.
#include <wx/string.h>

#include "core/criteria.hpp"
#include "core/explain.hpp"

namespace tl::gui {

wxString explanation_text(const BidExplanation& x, const CriteriaSet& rules);

}  // namespace tl::gui
