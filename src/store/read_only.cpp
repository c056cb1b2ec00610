#include "store/read_only.hpp"

#include <sys/statvfs.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>

namespace tl::store {

namespace {

std::string folder_of(const std::string& path) {
    const std::filesystem::path parent = std::filesystem::path(path).parent_path();
    return parent.empty() ? std::string(".") : parent.string();
}

}  // namespace

FileAccess probe_file_access(const std::string& path) {
    FileAccess a;
    const std::string folder = folder_of(path);
    struct statvfs fs{};
    if (::statvfs(folder.c_str(), &fs) == 0 && (fs.f_flag & ST_RDONLY)) a.medium_read_only = true;
    if (::access(path.c_str(), W_OK) != 0) {
        a.file_writable = false;
        if (errno == EROFS) a.medium_read_only = true;
    }
    // SQLite creates (and deletes) FILE-journal next to the file for every change.
    if (::access(folder.c_str(), W_OK | X_OK) != 0) {
        a.folder_writable = false;
        if (errno == EROFS) a.medium_read_only = true;
    }
    return a;
}

ReadOnlyCause read_only_cause(const FileAccess& a) {
    if (a.medium_read_only) return ReadOnlyCause::Medium;
    if (!a.file_writable) return ReadOnlyCause::File;
    if (!a.folder_writable) return ReadOnlyCause::Folder;
    return ReadOnlyCause::None;
}

Message read_only_reason(ReadOnlyCause cause, const std::string& path) {
    switch (cause) {
        case ReadOnlyCause::Medium:
            return Message("store.read-only.medium", TL_MSG("it is on a read-only medium"));
        case ReadOnlyCause::File:
            return Message("store.read-only.file", TL_MSG("the file is marked read-only"));
        case ReadOnlyCause::Folder:
            return Message("store.read-only.folder", TL_MSG("its folder {folder} may not be written"))
                .text("folder", folder_of(path));
        case ReadOnlyCause::Asked:
            return Message("store.read-only.asked", TL_MSG("it was opened read-only"));
        case ReadOnlyCause::None: break;
    }
    return Message();
}

}  // namespace tl::store
