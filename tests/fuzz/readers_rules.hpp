#pragma once
// The rules the reader fuzz targets read bids against: tests/fuzz/readers.crit (two lots, one
// field of every type), whose path CMake bakes in as TL_FUZZ_READERS_RULES. Loaded once; a
// target cannot fuzz anything without them, so a broken file stops it at once.
#include <cstdio>
#include <cstdlib>

#include "core/criteria.hpp"
#include "core/diagnostic.hpp"
#include "lang/load.hpp"

namespace tl::fuzz {

/// The checked rules of readers.crit.
inline const CriteriaSet& readers_rules() {
    static const CriteriaSet rules = [] {
        const lang::LoadResult loaded = lang::load_rules_file(TL_FUZZ_READERS_RULES);
        if (!loaded.ok()) {
            std::fprintf(stderr, "%s: the fuzz targets' rules do not check:\n%s\n", TL_FUZZ_READERS_RULES,
                         format_diagnostics(loaded.diagnostics).c_str());
            std::abort();
        }
        return loaded.rules;
    }();
    return rules;
}

}  // namespace tl::fuzz
