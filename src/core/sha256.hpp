#pragma once
/// SHA-256 fingerprints: of the inputs on the workbook's Audit sheet (anyone can check that the
/// rules and bids a workbook was made from are the files on record, `sha256sum rules.crit`), and
/// of the entries of a project's audit log (store/audit.hpp), which chain by it.
#include <memory>
#include <string>
#include <string_view>

namespace tl {

/// Lower-case hex SHA-256 of `bytes` (Nettle; Debian's nettle-dev).
std::string sha256_hex(std::string_view bytes);

/// SHA-256 over bytes given piece by piece (for inputs too large to join in memory first).
class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;

    void update(std::string_view bytes);
    /// Lower-case hex digest of everything given so far; the hasher then starts over.
    std::string hex_digest();

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace tl
