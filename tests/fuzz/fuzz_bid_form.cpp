// libFuzzer target for reading a filled-in bid form (io/form/bid_form_import.hpp), the reader
// behind `tenderloop import-form`: the zip container (io/xlsx/xlsx_zip.hpp), the XML parts
// (xml_reader, xlsx_reader) and the form's cells, against tests/fuzz/readers.crit.
//
// An input takes one of two shapes, so that both layers are reached:
// - an .xlsx file as it is (starts with "PK"): the zip layer sees every mutation, but a mutated
//   part rarely gets past the CRC check, so the XML behind it changes little;
// - the parts of a workbook as text, each after a line "@@ NAME" (run.sh unpacks the seed forms
//   into this shape): the target packs them into a fresh zip, so every mutation reaches the XML
//   and the form reader.
// Besides crashes and sanitizer findings it checks the reader's promise: every error names the
// file, and a form with errors gives no bid.
#include <zip.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>
#include <vector>

#include "io/form/bid_form_import.hpp"
#include "readers_rules.hpp"

namespace {

using Parts = std::vector<std::pair<std::string, std::string>>;

/// Splits "@@ NAME\nCONTENT\n@@ NAME\n..." into its parts (a part's last line break is the
/// separator's, not the content's).
Parts split_parts(const std::string& text) {
    Parts parts;
    const std::string mark = "@@ ";
    std::size_t at = text.rfind(mark, 0) == 0 ? 0 : text.find("\n" + mark);
    if (at == std::string::npos) return parts;
    if (at != 0) ++at;
    while (at != std::string::npos) {
        const std::size_t name_end = text.find('\n', at);
        const std::string name = text.substr(at + mark.size(), name_end == std::string::npos ? std::string::npos
                                                                                           : name_end - at - mark.size());
        const std::size_t body = name_end == std::string::npos ? text.size() : name_end + 1;
        std::size_t next = text.find("\n" + mark, body == 0 ? 0 : body - 1);
        const std::size_t body_end = next == std::string::npos ? text.size() : next;
        parts.emplace_back(name, body <= body_end ? text.substr(body, body_end - body) : std::string());
        at = next == std::string::npos ? std::string::npos : next + 1;
    }
    return parts;
}

/// The parts packed into a zip archive in memory (stored, not compressed: packing is not what is
/// fuzzed here). Empty when libzip refuses a name.
std::string pack(const Parts& parts) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    if (!buffer) return {};
    zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
    if (!archive) {
        zip_source_free(buffer);
        return {};
    }
    zip_source_keep(buffer);
    for (const auto& [name, content] : parts) {
        zip_source_t* part = zip_source_buffer(archive, content.data(), content.size(), 0);
        if (!part) continue;
        const zip_int64_t index = zip_file_add(archive, name.c_str(), part, ZIP_FL_OVERWRITE | ZIP_FL_ENC_UTF_8);
        if (index < 0) {
            zip_source_free(part);
            continue;
        }
        zip_set_file_compression(archive, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
    }
    std::string bytes;
    if (zip_close(archive) != 0) {
        zip_discard(archive);
    } else if (zip_source_open(buffer) == 0) {
        char chunk[65536];
        zip_int64_t n;
        while ((n = zip_source_read(buffer, chunk, sizeof chunk)) > 0) bytes.append(chunk, static_cast<std::size_t>(n));
        zip_source_close(buffer);
    }
    zip_source_free(buffer);
    zip_error_fini(&error);
    return bytes;
}

[[noreturn]] void broken_promise(const char* what) {
    std::fprintf(stderr, "\n=== bid form reader: %s\n", what);
    std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string bytes(reinterpret_cast<const char*>(data), size);
    if (bytes.rfind("PK", 0) != 0) {
        const Parts parts = split_parts(bytes);
        if (parts.empty()) return 0;
        bytes = pack(parts);
        if (bytes.empty()) return 0;
    }
    const tl::io::BidFormReadResult result = tl::io::read_bid_form(bytes, "fuzz.xlsx", tl::fuzz::readers_rules());
    const std::string report = tl::format_diagnostics(result.diagnostics);  // walks every place
    (void)report;
    for (const auto& d : result.diagnostics)
        if (d.pos.file != "fuzz.xlsx") broken_promise("a problem without the file");
    if (result.ok()) {
        const auto& fields = tl::fuzz::readers_rules().fields;
        if (result.bid.values.size() != fields.size() || result.bid.texts.size() != fields.size())
            broken_promise("a bid without a value for every field");
    }
    return 0;
}
