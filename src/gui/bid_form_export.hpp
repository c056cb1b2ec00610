#pragma once
/// File > Export bid form (and the Bids page's button): a file dialog, then the bid response form
/// for the rules (io/bid_form.hpp), with the lot chosen first when the tender has lots.
#include <string>

#include "core/criteria.hpp"

class wxWindow;

namespace tl::gui {

/// Asks for the lot (when there are lots) and the file, writes the form, says where it went.
/// `near` is a file whose folder and name suggest the form's. Returns true when written.
bool export_bid_form_dialog(wxWindow* parent, const CriteriaSet& rules, const std::string& near);

}  // namespace tl::gui
