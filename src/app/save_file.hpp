#pragma once
/// Saving a file a user keeps (a rules file, a bids CSV): the same for every front end, through
/// the one atomic write (core/atomic_file.hpp), so a crash or a full disk never leaves half a
/// file and the file keeps its permissions.
#include <string>
#include <string_view>

#include "app/tender_project.hpp"

namespace tl::app {

/// Writes `text` as the new contents of `path` (a link is followed). Refused with Refusal::Io
/// and the summary "cannot write PATH: reason"; the file is then as it was.
ChangeOutcome save_file(const std::string& path, std::string_view text);

}  // namespace tl::app
