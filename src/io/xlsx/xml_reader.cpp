#include "io/xlsx/xml_reader.hpp"

#include <climits>
#include <cstring>

#include <expat.h>

namespace tl::io {

namespace {

/// Separates a namespace URI from the local name in the names expat reports.
constexpr char kNsSeparator = '\x01';

std::string_view local_of(const char* name) {
    const char* sep = std::strrchr(name, kNsSeparator);
    return sep ? std::string_view(sep + 1) : std::string_view(name);
}

struct Context {
    XML_Parser parser;
    XmlHandler* handler;
    std::string error;
};

void stop(Context* c, std::string message) {
    if (c->error.empty()) c->error = std::move(message);
    XML_StopParser(c->parser, XML_FALSE);
}

void XMLCALL on_start(void* data, const char* name, const char** attributes) {
    auto* c = static_cast<Context*>(data);
    c->handler->start(local_of(name), XmlAttributes(attributes));
    if (!c->handler->stop_message.empty()) stop(c, c->handler->stop_message);
}

void XMLCALL on_end(void* data, const char* name) {
    auto* c = static_cast<Context*>(data);
    c->handler->end(local_of(name));
    if (!c->handler->stop_message.empty()) stop(c, c->handler->stop_message);
}

void XMLCALL on_text(void* data, const char* text, int len) {
    auto* c = static_cast<Context*>(data);
    c->handler->text(std::string_view(text, static_cast<std::size_t>(len)));
}

void XMLCALL on_doctype(void* data, const char*, const char*, const char*, int) {
    stop(static_cast<Context*>(data), "the XML declares a DTD, which no workbook part has");
}

}  // namespace

std::optional<std::string_view> XmlAttributes::get(std::string_view local) const {
    for (const char** a = raw_; a && a[0]; a += 2)
        if (local_of(a[0]) == local) return std::string_view(a[1]);
    return std::nullopt;
}

std::string parse_xml(std::string_view xml, XmlHandler& handler) {
    if (xml.size() > static_cast<std::size_t>(INT_MAX)) return "the XML part is too large";
    XML_Parser parser = XML_ParserCreateNS(nullptr, kNsSeparator);
    if (!parser) return "out of memory while creating the XML parser";
    Context c{parser, &handler, {}};
    XML_SetUserData(parser, &c);
    XML_SetElementHandler(parser, on_start, on_end);
    XML_SetCharacterDataHandler(parser, on_text);
    XML_SetStartDoctypeDeclHandler(parser, on_doctype);
    const XML_Status status = XML_Parse(parser, xml.data(), static_cast<int>(xml.size()), XML_TRUE);
    std::string error = c.error;
    if (status == XML_STATUS_ERROR && error.empty()) {
        error = "not well-formed XML at line " + std::to_string(XML_GetCurrentLineNumber(parser)) +
                ", column " + std::to_string(XML_GetCurrentColumnNumber(parser) + 1) + ": " +
                XML_ErrorString(XML_GetErrorCode(parser));
    }
    XML_ParserFree(parser);
    return error;
}

}  // namespace tl::io
