#pragma once
/// The zip container of an .xlsx file, opened with the guards a file from outside needs: a bid
/// form arrives by e-mail from anyone, so a zip bomb or a damaged archive must end in a message,
/// never in an exhausted machine or a crash.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "core/input_file.hpp"
#include "core/message.hpp"

namespace tl::io {

/// What the reader refuses. The defaults are generous for any real workbook (a filled bid form is
/// ~10 parts and ~20 KiB) and small enough for a laptop.
struct XlsxLimits {
    std::uint64_t max_file_bytes = max_input_bytes(InputKind::BidForm);  ///< the .xlsx file itself
    std::uint64_t max_entries = 10000;             ///< files in the archive
    std::uint64_t max_part_bytes = 64ull << 20;    ///< one part, unpacked
    std::uint64_t max_total_bytes = 256ull << 20;  ///< all parts read, unpacked
    /// Unpacked : packed. XML packs 5-30 : 1; zeros pack ~1000 : 1. Checked for parts over
    /// ratio_min_bytes only, since a tiny part cannot hurt whatever its ratio.
    double max_ratio = 200;
    std::uint64_t ratio_min_bytes = 1ull << 20;
};

/// A problem with a workbook: the file, where in it (a part, a sheet and cell; may be empty), and
/// what is wrong.
struct XlsxReadError {
    std::string file, where, message;  ///< in English (`where` and `message` as text() joins them)
    /// `message` as a value (code "io.xlsx.*"); empty where only an English detail is known (a
    /// message of libzip or expat), which problem() then wraps.
    Message what{};
    std::string part{}, sheet{}, cell{};  ///< where, as values (the ones that are known)
    /// "form.xlsx: sheet 'Bid', cell C7: message" (the parts that are set).
    std::string text() const;
    /// The problem as a value (`what`, or the English detail wrapped with code "io.xlsx.detail").
    Message problem() const;
    /// "sheet 'Bid', cell C7: problem" as a value, without the file (the diagnostic's place has it).
    Message located() const;
};

/// An error with its problem as a value and its place as values (`where` and `message` follow).
XlsxReadError xlsx_error(const std::string& file, Message what, const std::string& part = {},
                         const std::string& sheet = {}, const std::string& cell = {});

/// A read-only zip archive held in memory.
class ZipPackage {
public:
    /// Opens `bytes` (the whole file) as a zip archive. nullptr with `*error` set when the bytes
    /// are not a zip archive (with a hint for .xls, .ods and other look-alikes), are damaged, or
    /// break a limit.
    static std::unique_ptr<ZipPackage> open(std::string bytes, const std::string& file,
                                            const XlsxLimits& limits, XlsxReadError* error);
    ~ZipPackage();
    ZipPackage(const ZipPackage&) = delete;
    ZipPackage& operator=(const ZipPackage&) = delete;

    /// True when the archive has the part (names compared ignoring case, as OPC requires).
    bool has(const std::string& part) const;
    /// The unpacked bytes of `part`; nullopt with `*error` set when it is missing, encrypted,
    /// damaged (CRC), too large, packed suspiciously tightly, or unpacks to more bytes than the
    /// archive states.
    std::optional<std::string> read(const std::string& part, XlsxReadError* error);

private:
    struct Impl;
    explicit ZipPackage(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

}  // namespace tl::io
