#pragma once
/// What can go wrong with a project file, as one exception type with a kind, so that a caller can
/// tell a refused file from a refused change. Every message is written for the user.
#include <stdexcept>
#include <string>

namespace tl::store {

enum class StoreErrorKind {
    NotAProject,  ///< not an SQLite database, or one that is not a TenderLoop project
    TooNew,       ///< written by a newer TenderLoop (its format version is higher than ours)
    Damaged,      ///< SQLite's quick_check (or a read) found damage
    Io,           ///< cannot open, create, read or write the file (missing, locked, permissions)
    Refused,      ///< a change the rules of the project do not allow (nothing was changed)
    NotFound,     ///< an evaluator, bid, criterion or version that the project does not hold
};

class StoreError : public std::runtime_error {
public:
    StoreError(StoreErrorKind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
    StoreErrorKind kind() const { return kind_; }

private:
    StoreErrorKind kind_;
};

}  // namespace tl::store
