#pragma once
/// Checks of bidders' names against look-alike tricks (docs/BIDS.md, "Bidders' names"): names
/// with invisible characters are refused; names that are equal after case folding and NFKC,
/// names that look alike (Unicode TR 39 confusables: Latin `Acme` and `Аcme` with a Cyrillic А)
/// and words that mix alphabets are warned about. Every reader of names (bids CSV, bid forms, a
/// project's bids, typed names) asks here, so the rules are the same everywhere.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/message.hpp"

namespace tl::io {

/// Why `name` is refused, or nothing: an invisible or format character anywhere (zero-width
/// space and joiners, word joiner, BOM, bidi controls, other Cc/Cf and default-ignorable
/// characters), or a white-space character at either end. The message names the character as
/// U+XXXX with its Unicode name and its position in the name (counted in characters from 1).
std::optional<Message> refused_name(const std::string& name);

/// A warning when one word of `name` mixes letters of two scripts (Latin and Cyrillic in
/// `Аcme`), naming the odd letter and both scripts; nothing otherwise. A Russian company name
/// written in Latin letters, or a name with a Latin word and a Cyrillic word, is fine.
std::optional<Message> mixed_script_name(const std::string& name);

/// One bidder's name where it appears, for find_lookalike_names.
struct NameSighting {
    std::string name;
    Message where;  ///< e.g. "row 4", "bids2.csv, row 3", "in the project"
    int group = 0;  ///< names of one group were compared already (see find_lookalike_names)
};

/// A name that looks like an earlier one.
struct NameFinding {
    std::size_t name = 0;   ///< index of the later sighting (where the warning belongs)
    std::size_t other = 0;  ///< index of the earlier one it looks like
    Message problem;        ///< "'Аcme' looks like 'Acme' (row 2): 'А' (U+0410, Cyrillic) in place of ..."
};

/// Pairs of different names that are equal after NFKC case folding (and spacing), or whose
/// confusable skeletons are equal. Each later name is reported once, against the first earlier
/// name it matches; equal names are the same bidder and never reported. With
/// `across_groups_only`, names of the same group are not compared (their reader did that).
std::vector<NameFinding> find_lookalike_names(const std::vector<NameSighting>& names, bool across_groups_only = false);

}  // namespace tl::io
