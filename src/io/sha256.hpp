#pragma once
/// SHA-256 fingerprints of the inputs, for the Audit sheet: anyone can check that the rules and
/// bids a workbook was made from are the files on record (`sha256sum rules.crit`).
#include <string>
#include <string_view>

namespace tl::io {

/// Lower-case hex SHA-256 of `bytes` (Nettle; Debian's nettle-dev).
std::string sha256_hex(std::string_view bytes);

}  // namespace tl::io
