#include "io/common/timestamp.hpp"

#include <cstdlib>
#include <ctime>

namespace tl::io {

std::string utc_now_iso() {
    std::time_t now = std::time(nullptr);
    if (const char* fixed = std::getenv("SOURCE_DATE_EPOCH")) {
        char* end = nullptr;
        const long long v = std::strtoll(fixed, &end, 10);
        if (end != fixed && *end == '\0' && v >= 0) now = static_cast<std::time_t>(v);
    }
    std::tm utc{};
    gmtime_r(&now, &utc);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buf;
}

}  // namespace tl::io
