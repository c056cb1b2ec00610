#include "core/input_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace tl {

std::uint64_t max_input_bytes(InputKind kind) {
    switch (kind) {
        case InputKind::Rules: return 1ull << 20;
        case InputKind::Bids: return 64ull << 20;
        case InputKind::BidForm: return 128ull << 20;
        case InputKind::Workbook: return 1ull << 30;
    }
    return 0;
}

Message input_kind_name(InputKind kind) {
    switch (kind) {
        case InputKind::Rules: return Message("core.input.kind-rules", TL_MSG("a rules file"));
        case InputKind::Bids: return Message("core.input.kind-bids", TL_MSG("a bids file"));
        case InputKind::BidForm: return Message("core.input.kind-form", TL_MSG("a bid form"));
        case InputKind::Workbook: return Message("core.input.kind-workbook", TL_MSG("a workbook"));
    }
    return verbatim("?");
}

std::string byte_size_text(std::uint64_t n) {
    if (n >= (1ull << 20)) return std::to_string((n + (1ull << 19)) >> 20) + " MiB";
    if (n >= (1ull << 10)) return std::to_string((n + 512) >> 10) + " KiB";
    return std::to_string(n) + " bytes";
}

std::size_t utf8_length(std::string_view text) {
    std::size_t n = 0;
    for (const char c : text)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

std::optional<Message> text_too_long(std::string_view text) {
    if (text.size() <= kMaxTextChars) return std::nullopt;  // bytes >= code points
    const std::size_t n = utf8_length(text);
    if (n <= kMaxTextChars) return std::nullopt;
    return Message("core.input.text-too-long",
                   TL_MSG("the text is too long: {n} characters, the limit is {limit} (what one spreadsheet cell holds)"))
        .text("n", std::to_string(n))
        .text("limit", std::to_string(kMaxTextChars));
}

namespace {

/// What a path that is not an ordinary file is, for the message.
Message file_type_name(mode_t mode) {
    if (S_ISDIR(mode)) return Message("core.input.type-folder", TL_MSG("a folder"));
    if (S_ISCHR(mode)) return Message("core.input.type-char-device", TL_MSG("a character device"));
    if (S_ISBLK(mode)) return Message("core.input.type-block-device", TL_MSG("a block device"));
    if (S_ISFIFO(mode)) return Message("core.input.type-pipe", TL_MSG("a pipe"));
    if (S_ISSOCK(mode)) return Message("core.input.type-socket", TL_MSG("a socket"));
    return Message("core.input.type-other", TL_MSG("a special file"));
}

/// "cannot read PATH: reason" with the system's reason (errno).
InputFile cannot_read(const std::string& path, int err) {
    InputFile out;
    out.error = Message("core.input.cannot-read", TL_MSG("cannot read {path}: {reason}")).text("path", path).text("reason", std::strerror(err));
    return out;
}

InputFile failed(Message why) {
    InputFile out;
    out.error = std::move(why);
    return out;
}

Message too_large(const std::string& path, InputKind kind, std::uint64_t size, bool at_least) {
    Message size_text = at_least ? Message("core.input.size-at-least", TL_MSG("more than {size}")).text("size", byte_size_text(size))
                                 : verbatim(byte_size_text(size));
    return Message("core.input.too-large", TL_MSG("{path} is too large for {kind}: {size}, the limit is {limit}"))
        .text("path", path)
        .nested("kind", input_kind_name(kind))
        .nested("size", std::move(size_text))
        .text("limit", byte_size_text(max_input_bytes(kind)));
}

/// Closes the descriptor however reading ends.
struct Fd {
    int fd;
    ~Fd() {
        if (fd >= 0) ::close(fd);
    }
};

}  // namespace

InputFile read_input_file(const std::string& path, InputKind kind) {
    // O_NONBLOCK: opening a pipe with no writer must not wait; the file type is then checked on
    // the open descriptor (no window between a check and the open).
    Fd f{::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC)};
    if (f.fd < 0) return cannot_read(path, errno);
    struct stat st {};
    if (::fstat(f.fd, &st) != 0) return cannot_read(path, errno);
    if (!S_ISREG(st.st_mode))
        return failed(Message("core.input.not-a-file",
                              TL_MSG("{path} is {type}, not a file: TenderLoop reads only ordinary files"))
                          .text("path", path)
                          .nested("type", file_type_name(st.st_mode)));
    const std::uint64_t limit = max_input_bytes(kind);
    if (static_cast<std::uint64_t>(st.st_size) > limit) return failed(too_large(path, kind, static_cast<std::uint64_t>(st.st_size), false));

    InputFile out;
    out.bytes.reserve(static_cast<std::size_t>(st.st_size));
    char buf[65536];
    for (;;) {
        const ssize_t n = ::read(f.fd, buf, sizeof buf);
        if (n < 0) {
            if (errno == EINTR) continue;
            return cannot_read(path, errno);
        }
        if (n == 0) break;
        // A file that grows while it is read (a log being written) stops at the limit.
        if (out.bytes.size() + static_cast<std::size_t>(n) > limit) return failed(too_large(path, kind, limit, true));
        out.bytes.append(buf, static_cast<std::size_t>(n));
    }
    return out;
}

}  // namespace tl
