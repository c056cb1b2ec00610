// Submission times as Bid::submitted holds them: `YYYY-MM-DDTHH:MM:SS`, an optional fraction of a
// second, an optional `Z`. Times without a fraction stay as they always were written.
#include <algorithm>

#include "core/bids.hpp"

namespace tl {

namespace {

constexpr std::size_t kSeconds = 19;  // `YYYY-MM-DDTHH:MM:SS`

struct Parts {
    std::string whole;     ///< up to the seconds (or the whole text when it is shorter)
    std::string fraction;  ///< the digits after the point
    std::string zone;      ///< `Z` or ""
};

Parts split(const std::string& t) {
    Parts p;
    std::string rest;
    if (t.size() > kSeconds) {
        p.whole = t.substr(0, kSeconds);
        rest = t.substr(kSeconds);
    } else {
        p.whole = t;
    }
    if (!rest.empty() && rest[0] == '.') {
        std::size_t end = 1;
        while (end < rest.size() && rest[end] >= '0' && rest[end] <= '9') ++end;
        p.fraction = rest.substr(1, end - 1);
        rest = rest.substr(end);
    }
    p.zone = rest;
    return p;
}

}  // namespace

int compare_submission_times(const std::string& a, const std::string& b) {
    const Parts pa = split(a), pb = split(b);
    if (pa.whole != pb.whole) return pa.whole < pb.whole ? -1 : 1;
    // Same second: compare the fractions as decimals (pad the shorter one with zeros).
    std::string fa = pa.fraction, fb = pb.fraction;
    const std::size_t n = std::max(fa.size(), fb.size());
    fa.resize(n, '0');
    fb.resize(n, '0');
    if (fa != fb) return fa < fb ? -1 : 1;
    return pa.zone == pb.zone ? 0 : (pa.zone < pb.zone ? -1 : 1);
}

std::size_t submission_fraction_digits(const std::string& t) { return split(t).fraction.size(); }

std::string pad_submission_fraction(const std::string& t, std::size_t digits) {
    Parts p = split(t);
    if (t.size() < kSeconds || digits == 0 || p.fraction.size() >= digits) return t;
    p.fraction.resize(digits, '0');
    return p.whole + "." + p.fraction + p.zone;
}

}  // namespace tl
