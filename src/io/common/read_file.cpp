#include "io/common/read_file.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

namespace tl {

std::string read_file_utf8(const std::string& path, std::string* error) {
    if (error) error->clear();
    auto fail = [&](const char* what, int err) {
        if (error) *error = std::string(what) + " '" + path + "': " + std::strerror(err);
        return std::string();
    };
    // C stdio rather than iostreams: it reports why an open failed through errno, and reading a
    // directory fails (EISDIR) instead of yielding an empty "file".
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!f) return fail("cannot open", errno);
    std::string data;
    char buf[65536];
    std::size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, f.get())) > 0) data.append(buf, n);
    if (std::ferror(f.get())) return fail("cannot read", errno);
    return data;
}

}  // namespace tl
