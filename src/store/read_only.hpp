#pragma once
/// Whether a project file can be written by this process, and why not: a project on a read-only
/// medium (a CD, a share mounted read-only), a file marked read-only (received by mail, chmod
/// a-w), or a folder where SQLite cannot create its rollback journal. Such a file is opened
/// read-only (store::Project::read_only): it can be read, evaluated and exported, never changed.
#include <string>

#include "core/message.hpp"

namespace tl::store {

/// Why a project file is read-only to this process (None: it is writable).
enum class ReadOnlyCause {
    None,
    Medium,  ///< the file system holding it is mounted read-only (statvfs ST_RDONLY, EROFS)
    File,    ///< the file itself may not be written (access W_OK fails: chmod a-w, permissions)
    Folder,  ///< its folder may not be written: SQLite cannot create the journal a change needs
    Asked,   ///< the caller asked to open it read-only (ProjectOptions::read_only)
};

/// What was found out about a file's writability (probe_file_access), apart from the deciding,
/// so that the decision can be tested without a read-only medium.
struct FileAccess {
    bool medium_read_only = false;
    bool file_writable = true;
    bool folder_writable = true;
};

/// Asks the system about `path` (statvfs of its folder, access(W_OK) of the file and its folder).
FileAccess probe_file_access(const std::string& path);

/// The cause that makes a file read-only, the medium first (it explains the others).
ReadOnlyCause read_only_cause(const FileAccess& access);

/// "it is on a read-only medium", "the file is marked read-only", "its folder FOLDER may not be
/// written", "it was opened read-only": the reason as a value (code "store.read-only.*").
Message read_only_reason(ReadOnlyCause cause, const std::string& path);

}  // namespace tl::store
