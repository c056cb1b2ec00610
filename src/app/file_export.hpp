#pragma once
/// What the evaluation workbook's Audit sheet says of inputs read from files (a rules file and a
/// bids file, not a project): one place for the CLI's and the GUI's exports.
#include <string>

#include "io/workbook/evaluation_workbook.hpp"

namespace tl::app {

/// The files' names and the SHA-256 of their bytes as read; `exported_at` now (SOURCE_DATE_EPOCH
/// fixes it, for reproducible exports).
io::ExportInfo file_export_info(const std::string& rules_path, const std::string& rules_bytes,
                                const std::string& bids_path, const std::string& bids_bytes,
                                const std::string& tool_version);

}  // namespace tl::app
