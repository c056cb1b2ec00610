#pragma once
/// Replacing a file so that readers (and a crash) see either the old contents or the new ones,
/// never half: the one routine every writer of a user's file goes through (rules files, bids CSV,
/// workbooks, project files).
///
/// It lives in core although it calls POSIX (open, fsync, rename), not only std: the store and io
/// both need it, and neither may depend on the other, so the lowest layer they share holds it.
/// It uses no library beyond the C and C++ runtime.
#include <stdexcept>
#include <string>
#include <string_view>

#include "core/message.hpp"

namespace tl {

/// Why a file could not be written; the message names what failed and the reason. `code()` is
/// the errno behind it (EEXIST: the target exists and was not to be replaced), for callers
/// that word the message their own way.
class AtomicFileError : public std::runtime_error {
public:
    AtomicFileError(Message message, int code)
        : std::runtime_error(word(message)), message_(std::move(message)), code_(code) {}
    int code() const { return code_; }
    /// What went wrong, to be worded in the user's language (what() is the English wording).
    const Message& message() const { return message_; }

private:
    Message message_;
    int code_;
};

/// A temporary file in the folder of a target, put in the target's place by commit(). Until
/// then the target is untouched; a temporary not committed is removed (destructor, or any
/// failure of commit), so no error leaves one behind.
///
/// The target: a symbolic link is followed (its final target is replaced; the link stays). The
/// result keeps the permissions of the file it replaces; a new file gets 0666 less the umask,
/// like any new document.
class AtomicFile {
public:
    /// Creates the empty temporary. Throws AtomicFileError ("cannot create a temporary file in
    /// FOLDER: reason").
    explicit AtomicFile(const std::string& target);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    /// Where to write the new contents (by name: another library may open it itself).
    const std::string& temp_path() const { return temp_; }
    /// The file that will be replaced (the link followed).
    const std::string& target_path() const { return target_; }

    /// Appends `bytes` to the temporary. Throws AtomicFileError.
    void write(std::string_view bytes);

    /// How commit() treats an existing target.
    enum class Existing { Replace, Refuse };

    /// Flushes the temporary to disk, gives it the target's permissions, renames it over the
    /// target and flushes the folder. With Existing::Refuse an existing target is left alone and
    /// the commit fails ("NAME: the file exists already"). Throws AtomicFileError; the temporary
    /// is gone either way.
    void commit(Existing existing = Existing::Replace);

    /// Removes the temporary now (also what the destructor does when not committed).
    void discard();

private:
    std::string target_, temp_;
    int fd_ = -1;
    bool done_ = false;
};

/// Writes `bytes` as the new contents of `path` through an AtomicFile. Returns false with `error`
/// ("reason") when it could not; the file is then as it was.
bool write_file_atomically(const std::string& path, std::string_view bytes, std::string& error);

}  // namespace tl
