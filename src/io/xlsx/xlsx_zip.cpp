#include "io/xlsx/xlsx_zip.hpp"

#include "core/input_file.hpp"

#include <algorithm>

#include <zip.h>

namespace tl::io {

std::string XlsxReadError::text() const {
    std::string s = file;
    if (!where.empty()) s += (s.empty() ? "" : ": ") + where;
    return s + (s.empty() ? "" : ": ") + message;
}

Message XlsxReadError::problem() const {
    if (!what.empty()) return what;
    return Message("io.xlsx.detail", TL_MSG("{detail}")).text("detail", message);
}

Message XlsxReadError::located() const {
    Message p = problem();
    const std::string code = p.code;
    if (!part.empty())
        return Message(code, TL_MSG("part '{part}': {problem}")).text("part", part).nested("problem", std::move(p));
    if (!sheet.empty() && !cell.empty())
        return Message(code, TL_MSG("sheet '{sheet}', cell {cell}: {problem}"))
            .text("sheet", sheet)
            .text("cell", cell)
            .nested("problem", std::move(p));
    if (!sheet.empty())
        return Message(code, TL_MSG("sheet '{sheet}': {problem}")).text("sheet", sheet).nested("problem", std::move(p));
    if (!where.empty())  // a place known only in English
        return Message(code, TL_MSG("{where}: {problem}")).text("where", where).nested("problem", std::move(p));
    return p;
}

XlsxReadError xlsx_error(const std::string& file, Message what, const std::string& part, const std::string& sheet,
                         const std::string& cell) {
    XlsxReadError e;
    e.file = file;
    e.part = part;
    e.sheet = sheet;
    e.cell = cell;
    if (!part.empty()) e.where = "part '" + part + "'";
    else if (!sheet.empty()) e.where = "sheet '" + sheet + "'" + (cell.empty() ? "" : ", cell " + cell);
    e.message = word(what);
    e.what = std::move(what);
    return e;
}

struct ZipPackage::Impl {
    std::string bytes;  // the source buffer points into it: it must outlive `zip`
    std::string file;
    XlsxLimits limits;
    zip_t* zip = nullptr;
    std::uint64_t total_read = 0;
    Impl() = default;
    Impl(const Impl&) = delete;
    Impl& operator=(const Impl&) = delete;
    // Here, not in ~ZipPackage: an archive refused after opening (too many entries) is freed too.
    ~Impl() {
        if (zip) zip_discard(zip);
    }
};

namespace {

bool starts_with(const std::string& s, const char* prefix, std::size_t n) { return s.compare(0, n, prefix, n) == 0; }

/// Why `bytes` are not an .xlsx archive, as specific as the first bytes allow.
Message not_a_zip_message(const std::string& bytes) {
    if (bytes.empty()) return Message("io.xlsx.empty", TL_MSG("the file is empty"));
    if (starts_with(bytes, "\xD0\xCF\x11\xE0", 4))
        return Message("io.xlsx.xls", TL_MSG("this is an Excel 97-2003 workbook (.xls) or a workbook protected by a "
                                             "password to open; save it as an Excel workbook (.xlsx) without a password"));
    if (starts_with(bytes, "\xEF\xBB\xBF", 3) || starts_with(bytes, "<?xml", 5) || starts_with(bytes, "<", 1))
        return Message("io.xlsx.text-file", TL_MSG("this is a text or XML file, not an Excel workbook (.xlsx)"));
    return Message("io.xlsx.not-a-zip", TL_MSG("this is not an Excel workbook (.xlsx): it is not a zip archive"));
}

}  // namespace

ZipPackage::ZipPackage(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

ZipPackage::~ZipPackage() = default;

std::unique_ptr<ZipPackage> ZipPackage::open(std::string bytes, const std::string& file,
                                             const XlsxLimits& limits, XlsxReadError* error) {
    auto fail = [&](Message message) {
        *error = xlsx_error(file, std::move(message));
        return nullptr;
    };
    if (bytes.size() > limits.max_file_bytes)
        return fail(Message("io.xlsx.too-large", TL_MSG("the file is {size}, more than the {limit} a workbook may have here"))
                        .text("size", byte_size_text(bytes.size()))
                        .text("limit", byte_size_text(limits.max_file_bytes)));
    // Every zip archive starts with a local file header (or, when empty, the end record).
    if (!starts_with(bytes, "PK\x03\x04", 4) && !starts_with(bytes, "PK\x05\x06", 4))
        return fail(not_a_zip_message(bytes));

    auto impl = std::make_unique<Impl>();
    impl->bytes = std::move(bytes);
    impl->file = file;
    impl->limits = limits;
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t* src = zip_source_buffer_create(impl->bytes.data(), impl->bytes.size(), 0, &ze);
    if (!src) {
        std::string m = zip_error_strerror(&ze);
        zip_error_fini(&ze);
        return fail(Message("io.xlsx.unreadable", TL_MSG("cannot read the archive: {detail}")).text("detail", m));
    }
    // ZIP_CHECKCONS: the central directory and the local headers must agree, which catches
    // truncated files and archives doctored to hide their true sizes.
    impl->zip = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
    if (!impl->zip) {
        zip_source_free(src);
        std::string m = zip_error_strerror(&ze);
        zip_error_fini(&ze);
        return fail(Message("io.xlsx.damaged", TL_MSG("the file is damaged ({detail}); ask the bidder to send it again"))
                        .text("detail", m));
    }
    zip_error_fini(&ze);
    const zip_int64_t entries = zip_get_num_entries(impl->zip, 0);
    if (entries < 0 || static_cast<std::uint64_t>(entries) > limits.max_entries)
        return fail(Message("io.xlsx.too-many-files",
                            TL_MSG("the archive has {files} files, more than the {limit} a workbook may have here"))
                        .count("files", entries)
                        .count("limit", static_cast<long long>(limits.max_entries)));
    return std::unique_ptr<ZipPackage>(new ZipPackage(std::move(impl)));
}

bool ZipPackage::has(const std::string& part) const {
    return zip_name_locate(impl_->zip, part.c_str(), ZIP_FL_NOCASE | ZIP_FL_ENC_GUESS) >= 0;
}

std::optional<std::string> ZipPackage::read(const std::string& part, XlsxReadError* error) {
    Impl& z = *impl_;
    auto fail = [&](Message message) {
        *error = xlsx_error(z.file, std::move(message), part);
        return std::nullopt;
    };
    const zip_int64_t index = zip_name_locate(z.zip, part.c_str(), ZIP_FL_NOCASE | ZIP_FL_ENC_GUESS);
    if (index < 0) return fail(Message("io.xlsx.part-missing", TL_MSG("missing from the archive")));
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(z.zip, static_cast<zip_uint64_t>(index), 0, &st) != 0)
        return fail(Message("io.xlsx.part-unreadable", TL_MSG("cannot be read: {detail}")).text("detail", zip_strerror(z.zip)));
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
        return fail(Message("io.xlsx.encrypted", TL_MSG("encrypted; save the workbook without a password")));
    if (!(st.valid & ZIP_STAT_SIZE) || !(st.valid & ZIP_STAT_COMP_SIZE))
        return fail(Message("io.xlsx.no-size", TL_MSG("no size stated in the archive; the file is damaged")));
    const XlsxLimits& lim = z.limits;
    if (st.size > lim.max_part_bytes)
        return fail(Message("io.xlsx.zip-bomb", TL_MSG("would unpack to {size}, more than the {limit} allowed (a zip bomb?)"))
                        .text("size", byte_size_text(st.size))
                        .text("limit", byte_size_text(lim.max_part_bytes)));
    if (st.size > lim.ratio_min_bytes &&
        static_cast<double>(st.size) > lim.max_ratio * static_cast<double>(std::max<zip_uint64_t>(st.comp_size, 1)))
        return fail(Message("io.xlsx.zip-bomb",
                            TL_MSG("would unpack {packed} to {size}, far more than any spreadsheet packs (a zip bomb?)"))
                        .text("packed", byte_size_text(st.comp_size))
                        .text("size", byte_size_text(st.size)));
    if (z.total_read + st.size > lim.max_total_bytes)
        return fail(Message("io.xlsx.zip-bomb", TL_MSG("would take the unpacked workbook over {limit} (a zip bomb?)"))
                        .text("limit", byte_size_text(lim.max_total_bytes)));

    zip_file_t* f = zip_fopen_index(z.zip, static_cast<zip_uint64_t>(index), 0);
    if (!f) return fail(Message("io.xlsx.part-unpack", TL_MSG("cannot be unpacked: {detail}")).text("detail", zip_strerror(z.zip)));
    std::string out;
    out.reserve(static_cast<std::size_t>(st.size));
    char buf[65536];
    Message problem;
    for (;;) {
        const zip_int64_t n = zip_fread(f, buf, sizeof buf);
        if (n < 0) {
            zip_error_t* e = zip_file_get_error(f);
            problem = Message("io.xlsx.part-damaged", TL_MSG("damaged ({detail}); ask the bidder to send the file again"))
                          .text("detail", e ? zip_error_strerror(e) : "read error");
            break;
        }
        if (n == 0) break;
        // Never trust the stated size: stop as soon as the data goes past it.
        if (out.size() + static_cast<std::size_t>(n) > st.size) {
            problem = Message("io.xlsx.zip-bomb", TL_MSG("unpacks to more than the {size} the archive states (a zip bomb?)"))
                          .text("size", byte_size_text(st.size));
            break;
        }
        out.append(buf, static_cast<std::size_t>(n));
    }
    zip_fclose(f);
    if (!problem.empty()) return fail(problem);
    if (out.size() != st.size)
        return fail(Message("io.xlsx.size-mismatch",
                            TL_MSG("unpacks to {actual} instead of the {size} the archive states; the file is damaged"))
                        .text("actual", byte_size_text(out.size()))
                        .text("size", byte_size_text(st.size)));
    z.total_read += out.size();
    return out;
}

}  // namespace tl::io
