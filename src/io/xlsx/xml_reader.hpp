#pragma once
/// A small SAX layer over expat for the parts of an .xlsx package: element names arrive without
/// their namespace (Excel, LibreOffice and strict OOXML use different prefixes and URIs for the
/// same elements), and a DTD is refused outright (a workbook never has one, and entity
/// definitions are how "billion laughs" XML bombs work).
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace tl::io {

/// The attributes of one start tag, looked up by local name.
class XmlAttributes {
public:
    explicit XmlAttributes(const char** raw) : raw_(raw) {}
    /// The value of the attribute whose local name (after any namespace) is `local`.
    std::optional<std::string_view> get(std::string_view local) const;

private:
    const char** raw_;
};

/// Receives the events of parse_xml. Text may arrive in several pieces.
class XmlHandler {
public:
    virtual ~XmlHandler() = default;
    virtual void start(std::string_view local_name, const XmlAttributes& attributes) = 0;
    virtual void end(std::string_view local_name) = 0;
    virtual void text(std::string_view) {}
    /// Set by a handler to stop parsing with this message (a structural problem it found).
    std::string stop_message;
};

/// Parses `xml` (any encoding expat knows; text arrives as UTF-8). Returns "" on success, else
/// what is wrong, e.g. "not well-formed XML at line 3, column 17: mismatched tag".
std::string parse_xml(std::string_view xml, XmlHandler& handler);

}  // namespace tl::io
