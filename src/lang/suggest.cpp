#include "lang/suggest.hpp"

#include <algorithm>
#include <cctype>

#include "core/unit.hpp"

namespace tl::lang {

namespace {
std::size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j)
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        std::swap(prev, cur);
    }
    return prev[b.size()];
}
}  // namespace

std::string closest_name(const std::string& name, const std::vector<std::string>& candidates) {
    std::string best;
    std::size_t best_d = std::max<std::size_t>(2, name.size() / 3) + 1;
    for (const auto& c : candidates) {
        const std::size_t d = edit_distance(name, c);
        if (d < best_d) {
            best_d = d;
            best = c;
        }
    }
    return best;
}

namespace {
Message suggestion(const std::string& candidate) {
    return Message("lang.did-you-mean", TL_MSG("; did you mean '{name}'?")).text("name", candidate);
}
}  // namespace

Message did_you_mean(const std::string& name, const std::vector<std::string>& candidates) {
    const std::string c = closest_name(name, candidates);
    return c.empty() ? Message() : suggestion(c);
}

Message did_you_mean_currency(const std::string& code) {
    std::string upper = code;
    for (char& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    const std::vector<std::string> codes = known_currencies();
    if (upper != code && std::find(codes.begin(), codes.end(), upper) != codes.end()) return suggestion(upper);
    // Two letters swapped (CDA for CAD) before anything the edit distance finds nearer (CDF).
    for (std::size_t i = 0; i + 1 < upper.size(); ++i) {
        std::string swapped = upper;
        std::swap(swapped[i], swapped[i + 1]);
        if (swapped != upper && std::find(codes.begin(), codes.end(), swapped) != codes.end()) return suggestion(swapped);
    }
    std::vector<std::string> same_country;
    if (upper.size() == 3)
        for (const auto& c : codes)
            if (c.compare(0, 2, upper, 0, 2) == 0) same_country.push_back(c);
    if (same_country.size() == 1) return suggestion(same_country.front());
    return did_you_mean(code, codes);
}

Message did_you_mean_unit(const std::string& unit) {
    std::vector<std::string> atoms = known_unit_atoms();
    for (const auto& c : known_currencies()) atoms.push_back(c);
    // Case slips (kwh for kWh) are the usual mistake: they come first.
    for (const auto& a : atoms)
        if (a.size() == unit.size() &&
            std::equal(a.begin(), a.end(), unit.begin(), [](char x, char y) { return std::tolower(x) == std::tolower(y); }))
            return suggestion(a);
    return did_you_mean(unit, atoms);
}

}  // namespace tl::lang
