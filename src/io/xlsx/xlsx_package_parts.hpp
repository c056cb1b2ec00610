#pragma once
/// Internals of XlsxWorkbook: the parts of the package other than the worksheets (relationships,
/// workbook, shared strings, styles), each read by one function. Not part of the public API.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "io/xlsx/xml_reader.hpp"
#include "io/xlsx/xlsx_zip.hpp"

namespace tl::io::xlsx {

/// One `<Relationship>`: its id, type URI and target resolved to a part name.
struct Relationship {
    std::string id, type, target;
};

/// The relationships of `source_part` (read from its `_rels/NAME.rels`); empty when it has none.
/// Throws XlsxReadError on a damaged part.
std::vector<Relationship> read_relationships(ZipPackage& zip, const std::string& source_part,
                                             const std::string& file);

/// The target of the first relationship whose type ends with `/type_tail`, or "".
std::string target_of(const std::vector<Relationship>& rels, std::string_view type_tail);

struct SheetEntry {
    std::string name, part;
};

struct WorkbookInfo {
    std::vector<SheetEntry> sheets;  ///< worksheets only, in tab order
    bool date1904 = false;
};

/// Reads the workbook part: its sheets (resolved through the workbook's relationships) and the
/// date system. Throws XlsxReadError.
WorkbookInfo read_workbook(ZipPackage& zip, const std::string& workbook_part,
                           const std::vector<Relationship>& rels, const std::string& file);

/// The shared strings table (rich-text runs joined, phonetic runs left out). Throws XlsxReadError.
std::vector<std::string> read_shared_strings(ZipPackage& zip, const std::string& part, const std::string& file);

/// The number format code of each cell style index (`s` attribute of a cell). Throws XlsxReadError.
std::vector<std::string> read_cell_formats(ZipPackage& zip, const std::string& part, const std::string& file);

/// Reads `part` and parses it with `handler`; throws XlsxReadError naming the part when it is
/// missing, damaged, or not well-formed.
void parse_part(ZipPackage& zip, const std::string& part, const std::string& file, XmlHandler& handler);

/// A message of parse_xml, with "; the file is damaged" when the XML is broken (rather than
/// refused, as a DTD is).
std::string with_damage_note(const std::string& xml_problem);

/// Text with OOXML's `_xHHHH_` escapes (how Excel stores control characters such as CR)
/// decoded into UTF-8.
std::string decode_escapes(std::string_view text);

}  // namespace tl::io::xlsx
