#pragma once
// "Did you mean" for unknown names: the closest candidate within a small edit distance.
#include <string>
#include <vector>

#include "core/message.hpp"

namespace tl::lang {

/// The candidate closest to `name` (Levenshtein, at most 2 edits or a third of the length), or "".
std::string closest_name(const std::string& name, const std::vector<std::string>& candidates);

/// Text quoted from the rules (a name, a keyword, a unit symbol) as a message, for a place where
/// other calls put a described thing: the text is shown as written in every language.

/// `; did you mean 'x'?` as a message (code "lang.did-you-mean"), or an empty message when no
/// candidate is close: it is meant as the nested `{hint}` of another message.
Message did_you_mean(const std::string& name, const std::vector<std::string>& candidates);

/// `; did you mean 'RUB'?` for an unknown currency code. An ISO 4217 code is the country's two
/// letters and one for the currency: after a case slip (`rub`) and two letters swapped (`CDA` for
/// CAD), the one code of the same country comes first (RUR, the rouble before 1998, is RUB, not
/// the equally near EUR); then the nearest code of any country.
Message did_you_mean_currency(const std::string& code);

/// `; did you mean 'kWh'?` for an unknown unit (also for case slips such as `kwh`), or empty.
Message did_you_mean_unit(const std::string& unit);

}  // namespace tl::lang
