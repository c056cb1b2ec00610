#include "app/output_guard.hpp"

#include <sys/stat.h>

#include <cstring>
#include <fstream>

#include "store/project.hpp"

namespace tl::app {

namespace {

/// The first `n` bytes of a file (fewer when it is shorter or unreadable).
std::string head_of(const std::string& path, std::size_t n) {
    std::ifstream in(path, std::ios::binary);
    std::string bytes(n, '\0');
    in.read(bytes.data(), static_cast<std::streamsize>(n));
    bytes.resize(in ? n : static_cast<std::size_t>(in.gcount()));
    return bytes;
}

/// The same file as `a`, by device and inode: a link, `./x`, `../dir/x` or a hard link to it.
/// std::filesystem::equivalent would say the same, but throws when either is missing.
bool same_file(const struct stat& a, const std::string& b) {
    struct stat sb {};
    return ::stat(b.c_str(), &sb) == 0 && a.st_dev == sb.st_dev && a.st_ino == sb.st_ino;
}

Message kind_name(FileKind kind) {
    switch (kind) {
        case FileKind::Zip: return Message("app.output.kind.zip", TL_MSG("a workbook (.xlsx, a zip file)"));
        case FileKind::Sqlite: return Message("app.output.kind.sqlite", TL_MSG("a database (SQLite)"));
        case FileKind::Folder: return Message("app.output.kind.folder", TL_MSG("a folder"));
        case FileKind::Special: return Message("app.output.kind.special", TL_MSG("a device, a pipe or a socket"));
        case FileKind::Text:
        case FileKind::Missing: break;
    }
    return Message("app.output.kind.text", TL_MSG("text (rules, a CSV or another text file)"));
}

/// "choose another name for the output[, or give --force to write over it]".
Message what_to_do(const OutputRequest& r, bool forcible) {
    if (!forcible || r.force_option.empty())
        return Message("app.output.todo.rename", TL_MSG("choose another name for the output"));
    return Message("app.output.todo.force", TL_MSG("choose another name for the output, or give {option} to write over it"))
        .text("option", r.force_option);
}

ChangeOutcome refuse(Message m) {
    ChangeOutcome out;
    out.refusal = Refusal::Output;
    set_summary(out, std::move(m));
    return out;
}

}  // namespace

FileKind sniff_file_kind(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return FileKind::Missing;
    if (S_ISDIR(st.st_mode)) return FileKind::Folder;
    if (!S_ISREG(st.st_mode)) return FileKind::Special;
    const std::string head = head_of(path, 16);
    if (head.compare(0, 4, "PK\3\4") == 0) return FileKind::Zip;
    if (head == std::string("SQLite format 3\0", 16)) return FileKind::Sqlite;
    return FileKind::Text;
}

bool is_project_file(const std::string& path) {
    if (sniff_file_kind(path) != FileKind::Sqlite) return false;
    // The database header holds the application id at offset 68, big-endian (sqlite.org/fileformat).
    const std::string head = head_of(path, 72);
    if (head.size() < 72) return false;
    std::uint32_t id = 0;
    for (int i = 68; i < 72; ++i) id = (id << 8) | static_cast<unsigned char>(head[static_cast<std::size_t>(i)]);
    return id == static_cast<std::uint32_t>(store::kApplicationId);
}

ChangeOutcome check_output(const OutputRequest& r) {
    struct stat out_st {};
    const bool exists = ::stat(r.path.c_str(), &out_st) == 0;
    if (exists) {
        // Never, not even forced: the run would destroy what it reads.
        for (const std::string& input : r.inputs) {
            if (input.empty() || input == "-" || !same_file(out_st, input)) continue;
            return refuse(Message("app.output.is-input",
                                  TL_MSG("{path} is an input of this run ({input}): writing the output over it would destroy it; {todo}"))
                              .text("path", r.path)
                              .text("input", input)
                              .nested("todo", what_to_do(r, false)));
        }
        const FileKind found = sniff_file_kind(r.path);
        // Never a file's place, not even forced: AtomicFile would put a file where a folder or a
        // device (/dev/null for a root user) was.
        if (found == FileKind::Folder || found == FileKind::Special)
            return refuse(Message("app.output.not-a-file", TL_MSG("{path} is {found}, not a file; {todo}"))
                              .text("path", r.path)
                              .nested("found", kind_name(found))
                              .nested("todo", what_to_do(r, false)));
        if (!r.force && found != r.writes) {
            if (found == FileKind::Sqlite && is_project_file(r.path))
                return refuse(Message("app.output.is-project",
                                      TL_MSG("{path} is a TenderLoop project: writing over it would destroy its rules, bids and "
                                             "audit log; {todo}"))
                                  .text("path", r.path)
                                  .nested("todo", what_to_do(r, true)));
            return refuse(Message("app.output.other-kind",
                                  TL_MSG("{path} holds {found}, and this writes {writes}: writing over it would destroy it; {todo}"))
                              .text("path", r.path)
                              .nested("found", kind_name(found))
                              .nested("writes", r.writes == FileKind::Sqlite
                                                    ? Message("app.output.kind.project", TL_MSG("a TenderLoop project"))
                                                    : kind_name(r.writes))
                              .nested("todo", what_to_do(r, true)));
        }
    }
    ChangeOutcome ok;
    ok.ok = true;
    set_summary(ok, Message("app.output.ok", TL_MSG("{path} may be written")).text("path", r.path));
    return ok;
}

}  // namespace tl::app
