#include "io/xlsx/xlsx_zip.hpp"

#include <algorithm>

#include <zip.h>

namespace tl::io {

std::string XlsxReadError::text() const {
    std::string s = file;
    if (!where.empty()) s += (s.empty() ? "" : ": ") + where;
    return s + (s.empty() ? "" : ": ") + message;
}

std::string byte_size_text(std::uint64_t n) {
    if (n >= (1ull << 20)) return std::to_string((n + (1ull << 19)) >> 20) + " MiB";
    if (n >= (1ull << 10)) return std::to_string((n + 512) >> 10) + " KiB";
    return std::to_string(n) + " bytes";
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
std::string not_a_zip_message(const std::string& bytes) {
    if (bytes.empty()) return "the file is empty";
    if (starts_with(bytes, "\xD0\xCF\x11\xE0", 4))
        return "this is an Excel 97-2003 workbook (.xls) or a workbook protected by a password to open; "
               "save it as an Excel workbook (.xlsx) without a password";
    if (starts_with(bytes, "\xEF\xBB\xBF", 3) || starts_with(bytes, "<?xml", 5) || starts_with(bytes, "<", 1))
        return "this is a text or XML file, not an Excel workbook (.xlsx)";
    return "this is not an Excel workbook (.xlsx): it is not a zip archive";
}

}  // namespace

ZipPackage::ZipPackage(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

ZipPackage::~ZipPackage() = default;

std::unique_ptr<ZipPackage> ZipPackage::open(std::string bytes, const std::string& file,
                                             const XlsxLimits& limits, XlsxReadError* error) {
    auto fail = [&](std::string message) {
        *error = XlsxReadError{file, "", std::move(message)};
        return nullptr;
    };
    if (bytes.size() > limits.max_file_bytes)
        return fail("the file is " + byte_size_text(bytes.size()) + ", more than the " +
                    byte_size_text(limits.max_file_bytes) + " a workbook may have here");
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
        return fail("cannot read the archive: " + m);
    }
    // ZIP_CHECKCONS: the central directory and the local headers must agree, which catches
    // truncated files and archives doctored to hide their true sizes.
    impl->zip = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze);
    if (!impl->zip) {
        zip_source_free(src);
        std::string m = zip_error_strerror(&ze);
        zip_error_fini(&ze);
        return fail("the file is damaged (" + m + "); ask the bidder to send it again");
    }
    zip_error_fini(&ze);
    const zip_int64_t entries = zip_get_num_entries(impl->zip, 0);
    if (entries < 0 || static_cast<std::uint64_t>(entries) > limits.max_entries)
        return fail("the archive has " + std::to_string(entries) + " files, more than the " +
                    std::to_string(limits.max_entries) + " a workbook may have here");
    return std::unique_ptr<ZipPackage>(new ZipPackage(std::move(impl)));
}

bool ZipPackage::has(const std::string& part) const {
    return zip_name_locate(impl_->zip, part.c_str(), ZIP_FL_NOCASE | ZIP_FL_ENC_GUESS) >= 0;
}

std::optional<std::string> ZipPackage::read(const std::string& part, XlsxReadError* error) {
    Impl& z = *impl_;
    auto fail = [&](std::string message) {
        *error = XlsxReadError{z.file, "part '" + part + "'", std::move(message)};
        return std::nullopt;
    };
    const zip_int64_t index = zip_name_locate(z.zip, part.c_str(), ZIP_FL_NOCASE | ZIP_FL_ENC_GUESS);
    if (index < 0) return fail("missing from the archive");
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(z.zip, static_cast<zip_uint64_t>(index), 0, &st) != 0)
        return fail(std::string("cannot be read: ") + zip_strerror(z.zip));
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
        return fail("encrypted; save the workbook without a password");
    if (!(st.valid & ZIP_STAT_SIZE) || !(st.valid & ZIP_STAT_COMP_SIZE)) return fail("no size stated in the archive; the file is damaged");
    const XlsxLimits& lim = z.limits;
    const std::string bomb = " (a zip bomb?)";
    if (st.size > lim.max_part_bytes)
        return fail("would unpack to " + byte_size_text(st.size) + ", more than the " +
                    byte_size_text(lim.max_part_bytes) + " allowed" + bomb);
    if (st.size > lim.ratio_min_bytes &&
        static_cast<double>(st.size) > lim.max_ratio * static_cast<double>(std::max<zip_uint64_t>(st.comp_size, 1)))
        return fail("would unpack " + byte_size_text(st.comp_size) + " to " + byte_size_text(st.size) +
                    ", far more than any spreadsheet packs" + bomb);
    if (z.total_read + st.size > lim.max_total_bytes)
        return fail("would take the unpacked workbook over " + byte_size_text(lim.max_total_bytes) + bomb);

    zip_file_t* f = zip_fopen_index(z.zip, static_cast<zip_uint64_t>(index), 0);
    if (!f) return fail(std::string("cannot be unpacked: ") + zip_strerror(z.zip));
    std::string out;
    out.reserve(static_cast<std::size_t>(st.size));
    char buf[65536];
    std::string problem;
    for (;;) {
        const zip_int64_t n = zip_fread(f, buf, sizeof buf);
        if (n < 0) {
            zip_error_t* e = zip_file_get_error(f);
            problem = std::string("damaged (") + (e ? zip_error_strerror(e) : "read error") +
                      "); ask the bidder to send the file again";
            break;
        }
        if (n == 0) break;
        // Never trust the stated size: stop as soon as the data goes past it.
        if (out.size() + static_cast<std::size_t>(n) > st.size) {
            problem = "unpacks to more than the " + byte_size_text(st.size) + " the archive states" + bomb;
            break;
        }
        out.append(buf, static_cast<std::size_t>(n));
    }
    zip_fclose(f);
    if (!problem.empty()) return fail(problem);
    if (out.size() != st.size)
        return fail("unpacks to " + byte_size_text(out.size()) + " instead of the " + byte_size_text(st.size) +
                    " the archive states; the file is damaged");
    z.total_read += out.size();
    return out;
}

}  // namespace tl::io
