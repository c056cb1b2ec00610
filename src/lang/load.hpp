#pragma once
/// Reading rule files: parse, follow imports, check, and hand back the typed model.
/// This header (and syntax.hpp, print.hpp) is all other layers see of the language: no Spirit.
#include <string>
#include <vector>

#include "core/criteria.hpp"
#include "core/diagnostic.hpp"
#include "lang/syntax.hpp"

namespace tl::lang {

/// The outcome of reading rules: the model (valid only when ok()), every diagnostic (errors and
/// warnings, in source order), and the parsed files (the main file first).
struct LoadResult {
    CriteriaSet rules;
    Diagnostics diagnostics;
    std::vector<RuleFile> files;
    bool ok() const { return !has_errors(diagnostics); }
};

/// Reads `path` and every file it imports (paths relative to the importing file).
LoadResult load_rules_file(const std::string& path);

/// Checks rule text held in memory (the GUI editor's buffer). Imports are resolved relative to
/// `path`'s folder on disk.
LoadResult load_rules_text(const std::string& text, const std::string& path);

}  // namespace tl::lang
