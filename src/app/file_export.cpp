#include "app/file_export.hpp"

#include <filesystem>

#include "core/sha256.hpp"
#include "io/common/timestamp.hpp"

namespace tl::app {

io::ExportInfo file_export_info(const std::string& rules_path, const std::string& rules_bytes,
                                const std::string& bids_path, const std::string& bids_bytes,
                                const std::string& tool_version) {
    io::ExportInfo info;
    info.tool_version = tool_version;
    info.exported_at = io::utc_now_iso();
    info.rules = {std::filesystem::path(rules_path).filename().string(), sha256_hex(rules_bytes)};
    info.bids = {std::filesystem::path(bids_path).filename().string(), sha256_hex(bids_bytes)};
    return info;
}

}  // namespace tl::app
