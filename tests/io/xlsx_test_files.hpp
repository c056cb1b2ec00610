#pragma once
// Building .xlsx (zip) files in memory for the reader tests with libzip: hand-made workbooks with
// every kind of cell, damaged archives, zip bombs, and filled-in copies of generated bid forms.
#include <zip.h>

#include <cstdio>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace tl::xlsx_test {

using Entries = std::vector<std::pair<std::string, std::string>>;  // part name, bytes

/// A zip archive of `entries` (deflated unless `stored`), as bytes.
inline std::string make_zip(const Entries& entries, bool stored = false) {
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &ze);
    if (!src) throw std::runtime_error("zip_source_buffer_create failed");
    zip_source_keep(src);  // read the result back after zip_close
    zip_t* za = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
    if (!za) throw std::runtime_error(std::string("zip_open_from_source: ") + zip_error_strerror(&ze));
    for (const auto& [name, data] : entries) {
        zip_source_t* s = zip_source_buffer(za, data.data(), data.size(), 0);
        const zip_int64_t i = s ? zip_file_add(za, name.c_str(), s, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) : -1;
        if (i < 0) throw std::runtime_error("zip_file_add " + name + ": " + zip_strerror(za));
        zip_set_file_compression(za, static_cast<zip_uint64_t>(i), stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 0);
    }
    if (zip_close(za) != 0) throw std::runtime_error(std::string("zip_close: ") + zip_strerror(za));
    std::string out;
    if (zip_source_open(src) != 0) throw std::runtime_error("zip_source_open failed");
    char buf[65536];
    zip_int64_t n;
    while ((n = zip_source_read(src, buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
    zip_source_close(src);
    zip_source_free(src);
    zip_error_fini(&ze);
    return out;
}

/// Every entry of a zip archive held in `bytes`.
inline Entries unzip_all(const std::string& bytes) {
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &ze);
    zip_t* za = src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : nullptr;
    if (!za) throw std::runtime_error("not a zip archive");
    Entries out;
    const zip_int64_t count = zip_get_num_entries(za, 0);
    for (zip_int64_t i = 0; i < count; ++i) {
        const char* name = zip_get_name(za, static_cast<zip_uint64_t>(i), 0);
        zip_file_t* f = zip_fopen_index(za, static_cast<zip_uint64_t>(i), 0);
        std::string data;
        char buf[65536];
        zip_int64_t n;
        while ((n = zip_fread(f, buf, sizeof buf)) > 0) data.append(buf, static_cast<std::size_t>(n));
        zip_fclose(f);
        out.emplace_back(name, data);
    }
    zip_discard(za);
    zip_error_fini(&ze);
    return out;
}

inline std::string& part(Entries& entries, const std::string& name) {
    for (auto& [n, data] : entries)
        if (n == name) return data;
    throw std::runtime_error("no part " + name);
}

inline const char* const kContentTypes =
    R"(<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>)";
inline const char* const kRootRels =
    R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>)";

/// A one-sheet workbook named `sheet` with the given `<sheetData>` content; shared strings and
/// styles are added when given. `workbook_pr` goes into `<workbookPr .../>`.
inline Entries workbook_parts(const std::string& sheet_data, const std::string& shared_strings = "",
                              const std::string& styles = "", const std::string& sheet = "Bid",
                              const std::string& workbook_pr = "") {
    std::string rels =
        R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
        R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>)";
    if (!shared_strings.empty())
        rels += R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>)";
    if (!styles.empty())
        rels += R"(<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="/xl/styles.xml"/>)";
    rels += "</Relationships>";
    Entries e{{"[Content_Types].xml", kContentTypes},
              {"_rels/.rels", kRootRels},
              {"xl/workbook.xml",
               R"(<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><workbookPr )" +
                   workbook_pr + R"(/><sheets><sheet name=")" + sheet + R"(" sheetId="1" r:id="rId1"/></sheets></workbook>)"},
              {"xl/_rels/workbook.xml.rels", rels},
              {"xl/worksheets/sheet1.xml",
               R"(<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)" +
                   sheet_data + "</sheetData></worksheet>"}};
    if (!shared_strings.empty())
        e.emplace_back("xl/sharedStrings.xml",
                       R"(<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)" +
                           shared_strings + "</sst>");
    if (!styles.empty())
        e.emplace_back("xl/styles.xml",
                       R"(<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)" +
                           styles + "</styleSheet>");
    return e;
}

/// Offsets of every `PK\1\2` (central directory) and `PK\3\4` (local) header in a zip.
inline std::vector<std::size_t> find_all(const std::string& bytes, const std::string& signature) {
    std::vector<std::size_t> at;
    for (std::size_t p = bytes.find(signature); p != std::string::npos; p = bytes.find(signature, p + 1)) at.push_back(p);
    return at;
}

inline void put_u32(std::string& bytes, std::size_t at, std::uint32_t v) {
    for (int k = 0; k < 4; ++k) bytes[at + static_cast<std::size_t>(k)] = static_cast<char>((v >> (8 * k)) & 0xFF);
}

}  // namespace tl::xlsx_test
