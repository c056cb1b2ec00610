#pragma once
/// A correction of a project's rules made after bids arrived (the rules are frozen then: only a
/// correction with a reason may change them), as plain data: built by the application layer from
/// the stored rules versions (app/rules_corrections.hpp), shown by `tenderloop evaluate` and
/// written to the workbook's Audit sheet. Header only and free of any library.
#include <string>
#include <vector>

namespace tl {

struct RulesCorrection {
    int version = 0;           ///< the rules version the correction recorded
    std::string at;            ///< when (ISO 8601 UTC)
    std::string user;          ///< who recorded it
    std::string reason;        ///< why (never empty: a correction needs one)
    /// The line diff against the version before it, unified-diff-like: "@@ -a,b +c,d @@" hunk
    /// headers, then " line" (context), "-line" (removed), "+line" (added).
    std::vector<std::string> diff;
};

}  // namespace tl
