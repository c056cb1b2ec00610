#pragma once
/// Replacing a file's contents so that readers see either the old or the new text, never half.
#include <string>

namespace tl::cli {

/// Writes `text` to a temporary file in the folder of `path` and renames it over `path`
/// (a symbolic link is followed: its target is replaced). The file keeps its permissions.
/// Returns false with `error` set ("reason") when it could not.
bool replace_file(const std::string& path, const std::string& text, std::string& error);

}  // namespace tl::cli
