#pragma once
/// The time written into exports and audit entries.
#include <string>

namespace tl::io {

/// Now, in UTC, as ISO 8601 (`2026-11-29T20:15:00Z`). SOURCE_DATE_EPOCH (the reproducible-builds
/// convention: seconds since 1970) fixes it, so that two exports of the same inputs can be
/// compared byte for byte and sample projects are reproducible.
std::string utc_now_iso();

}  // namespace tl::io
