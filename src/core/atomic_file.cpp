#include "core/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <random>

namespace tl {

namespace fs = std::filesystem;

namespace {

std::string reason(int err) { return std::strerror(err); }

/// The file a path names, links followed one step at a time (a dangling link names the file to
/// create). Throws on a loop.
fs::path resolve_links(fs::path p) {
    std::error_code ec;
    for (int hops = 0; fs::is_symlink(fs::symlink_status(p, ec)); ++hops) {
        if (hops >= 40) throw AtomicFileError(Message("file.link", TL_MSG("cannot follow the link {file}: {reason}")).text("file", p.string()).text("reason", reason(ELOOP)), ELOOP);
        const fs::path link = fs::read_symlink(p, ec);
        if (ec) throw AtomicFileError(Message("file.link", TL_MSG("cannot follow the link {file}: {reason}")).text("file", p.string()).text("reason", ec.message()), ec.value());
        p = link.is_absolute() ? link : p.parent_path() / link;
    }
    return p;
}

void sync_folder(const fs::path& folder) {
    // The new name must survive a crash too. Some filesystems cannot sync a folder: not an error.
    if (const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); fd >= 0) {
        ::fsync(fd);
        ::close(fd);
    }
}

}  // namespace

AtomicFile::AtomicFile(const std::string& target) {
    const fs::path resolved = resolve_links(target);
    target_ = resolved.string();
    const fs::path folder = resolved.has_parent_path() ? resolved.parent_path() : fs::path(".");
    // O_EXCL under a random name with mode 0666, so that the kernel applies the umask: not mkstemp
    // (0600) and a later chmod that would need the umask, which a process can only read by
    // changing it (a race with other threads).
    std::random_device random;
    for (int attempt = 0;; ++attempt) {
        char suffix[16];
        std::snprintf(suffix, sizeof suffix, "%08x", static_cast<unsigned>(random()));
        temp_ = (folder / ("." + resolved.filename().string() + ".tmp-" + suffix)).string();
        const int fd = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        if (fd >= 0) {
            // Closed until write(): a library that writes the temporary by its name (SQLite)
            // would lose its POSIX locks when another descriptor of the file is closed.
            ::close(fd);
            break;
        }
        if (errno != EEXIST || attempt > 100) {
            const int err = errno;
            throw AtomicFileError(Message("file.temp", TL_MSG("cannot create a temporary file in {folder}: {reason}")).text("folder", folder.string()).text("reason", reason(err)), err);
        }
    }
}

AtomicFile::~AtomicFile() { discard(); }

void AtomicFile::discard() {
    if (done_) return;
    done_ = true;
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    ::unlink(temp_.c_str());
}

void AtomicFile::write(std::string_view bytes) {
    if (done_) throw AtomicFileError(Message("file.committed", TL_MSG("cannot write {file}: the file was already committed")).text("file", target_), EINVAL);
    if (fd_ < 0) fd_ = ::open(temp_.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
    if (fd_ < 0) {
        const int err = errno;
        discard();
        throw AtomicFileError(Message("file.write", TL_MSG("cannot write: {reason}")).text("reason", reason(err)), err);
    }
    std::size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd_, bytes.data() + written, bytes.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            const int err = errno;
            discard();
            throw AtomicFileError(Message("file.write", TL_MSG("cannot write: {reason}")).text("reason", reason(err)), err);
        }
        written += static_cast<std::size_t>(n);
    }
}

void AtomicFile::commit(Existing existing) {
    if (done_) throw AtomicFileError(Message("file.committed", TL_MSG("cannot write {file}: the file was already committed")).text("file", target_), EINVAL);
    auto fail = [&](Message what, int err) {
        discard();
        throw AtomicFileError(what.text("reason", reason(err)), err);
    };
    // Another library may have written the temporary by its name: sync through a new descriptor.
    if (fd_ >= 0) ::close(fd_);
    fd_ = ::open(temp_.c_str(), O_RDWR | O_CLOEXEC);
    if (fd_ < 0) fail(Message("file.write", TL_MSG("cannot write: {reason}")), errno);
    struct stat st {};
    if (::stat(target_.c_str(), &st) == 0) {
        if (existing == Existing::Refuse) {
            discard();
            throw AtomicFileError(Message("file.exists", TL_MSG("{file}: the file exists already")).text("file", target_), EEXIST);
        }
        if (S_ISDIR(st.st_mode)) fail(Message("file.replace", TL_MSG("cannot replace {file}: {reason}")).text("file", target_), EISDIR);
        if (::fchmod(fd_, st.st_mode & 07777) != 0) fail(Message("file.permissions", TL_MSG("cannot set permissions: {reason}")), errno);
    }
    if (::fsync(fd_) != 0) fail(Message("file.write", TL_MSG("cannot write: {reason}")), errno);
    const int closed = ::close(fd_);
    fd_ = -1;
    if (closed != 0) fail(Message("file.write", TL_MSG("cannot write: {reason}")), errno);

    if (existing == Existing::Refuse) {
        // link() never replaces: a file made meanwhile by someone else is not overwritten.
        if (::link(temp_.c_str(), target_.c_str()) != 0) {
            const int err = errno;
            std::error_code ec;
            if (err == EEXIST || fs::exists(fs::symlink_status(target_, ec))) {
                discard();
                throw AtomicFileError(Message("file.exists", TL_MSG("{file}: the file exists already")).text("file", target_), EEXIST);
            }
            // Filesystems without hard links (some network shares): a rename, checked just above.
            if (std::rename(temp_.c_str(), target_.c_str()) != 0) fail(Message("file.rename", TL_MSG("cannot rename the temporary file: {reason}")), errno);
        }
        discard();  // after link() the temporary's name is left; after the rename nothing is
    } else if (std::rename(temp_.c_str(), target_.c_str()) != 0) {
        fail(Message("file.rename", TL_MSG("cannot rename the temporary file: {reason}")), errno);
    }
    done_ = true;
    const fs::path folder = fs::path(target_).has_parent_path() ? fs::path(target_).parent_path() : fs::path(".");
    sync_folder(folder);
}

bool write_file_atomically(const std::string& path, std::string_view bytes, std::string& error) {
    try {
        AtomicFile file(path);
        file.write(bytes);
        file.commit();
        return true;
    } catch (const AtomicFileError& e) {
        error = e.what();
        return false;
    }
}

}  // namespace tl
