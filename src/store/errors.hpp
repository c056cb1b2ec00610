#pragma once
/// What can go wrong with a project file, as one exception type with a kind, so that a caller can
/// tell a refused file from a refused change. Every message is written for the user: what() in
/// English (logs, English-only callers), message() as a value (code "store.*", arguments) for a
/// front end to word in the user's language and for callers that decide by the code.
#include <stdexcept>
#include <string>

#include "core/message.hpp"

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
    StoreError(StoreErrorKind kind, Message message)
        : std::runtime_error(word(message)), kind_(kind), message_(std::move(message)) {}
    StoreErrorKind kind() const { return kind_; }
    /// The message as a value; its code says which refusal it is (e.g. "store.refused.bid-exists").
    const Message& message() const { return message_; }

private:
    StoreErrorKind kind_;
    Message message_;
};

}  // namespace tl::store
