#include "io/xlsx/xlsx_package_parts.hpp"

#include <charconv>

namespace tl::io::xlsx {

namespace {

/// The folder of a part name: "xl/workbook.xml" -> "xl".
std::string folder_of(const std::string& part) {
    const auto slash = part.rfind('/');
    return slash == std::string::npos ? "" : part.substr(0, slash);
}

/// `target` relative to `folder`, with "." and ".." resolved; an absolute target ("/xl/x.xml")
/// is taken from the package root.
std::string resolve(const std::string& folder, const std::string& target) {
    std::string path = !target.empty() && target[0] == '/' ? target.substr(1)
                       : folder.empty()                   ? target
                                                          : folder + "/" + target;
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (start <= path.size()) {
        const auto end = std::min(path.find('/', start), path.size());
        const std::string seg = path.substr(start, end - start);
        if (seg == "..") {
            if (!parts.empty()) parts.pop_back();
        } else if (!seg.empty() && seg != ".") {
            parts.push_back(seg);
        }
        start = end + 1;
    }
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
    return out;
}

bool ends_with(std::string_view s, std::string_view tail) {
    return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

std::string attr(const XmlAttributes& a, std::string_view name) {
    auto v = a.get(name);
    return v ? std::string(*v) : std::string();
}

struct RelsHandler : XmlHandler {
    std::string folder;
    std::vector<Relationship> rels;
    void start(std::string_view name, const XmlAttributes& a) override {
        if (name != "Relationship" || attr(a, "TargetMode") == "External") return;
        rels.push_back({attr(a, "Id"), attr(a, "Type"), resolve(folder, attr(a, "Target"))});
    }
    void end(std::string_view) override {}
};

struct WorkbookHandler : XmlHandler {
    std::vector<std::pair<std::string, std::string>> sheets;  // name, relationship id
    bool date1904 = false;
    void start(std::string_view name, const XmlAttributes& a) override {
        if (name == "sheet") {
            sheets.emplace_back(attr(a, "name"), attr(a, "id"));
        } else if (name == "workbookPr") {
            const std::string v = attr(a, "date1904");
            date1904 = v == "1" || v == "true";
        }
    }
    void end(std::string_view) override {}
};

/// `<si>` items: the text of `<t>` elements, except inside `<rPh>` (phonetic guides for East
/// Asian text, which are not part of the value).
struct SharedStringsHandler : XmlHandler {
    std::vector<std::string> strings;
    std::string current;
    bool in_item = false, in_t = false;
    int phonetic = 0;
    void start(std::string_view name, const XmlAttributes&) override {
        if (name == "si") {
            in_item = true;
            current.clear();
        } else if (name == "rPh") {
            ++phonetic;
        } else if (name == "t" && in_item && phonetic == 0) {
            in_t = true;
        }
    }
    void end(std::string_view name) override {
        if (name == "si") {
            strings.push_back(decode_escapes(current));
            in_item = false;
        } else if (name == "rPh") {
            --phonetic;
        } else if (name == "t") {
            in_t = false;
        }
    }
    void text(std::string_view t) override {
        if (in_t) current.append(t);
    }
};

/// Excel's built-in number formats that matter for reading values (percent and dates).
std::string builtin_format(int id) {
    switch (id) {
        case 9: return "0%";
        case 10: return "0.00%";
        case 14: return "mm-dd-yy";
        case 15: return "d-mmm-yy";
        case 16: return "d-mmm";
        case 17: return "mmm-yy";
        case 18: return "h:mm AM/PM";
        case 19: return "h:mm:ss AM/PM";
        case 20: return "h:mm";
        case 21: return "h:mm:ss";
        case 22: return "m/d/yy h:mm";
        case 49: return "@";
        default: return "";
    }
}

int to_int(const std::string& s) {
    int v = -1;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    return ec == std::errc() && p == s.data() + s.size() ? v : -1;
}

struct StylesHandler : XmlHandler {
    std::map<int, std::string> custom;
    std::vector<int> xf_formats;
    bool in_cell_xfs = false;
    void start(std::string_view name, const XmlAttributes& a) override {
        if (name == "numFmt") {
            custom[to_int(attr(a, "numFmtId"))] = attr(a, "formatCode");
        } else if (name == "cellXfs") {
            in_cell_xfs = true;
        } else if (name == "xf" && in_cell_xfs) {
            xf_formats.push_back(to_int(attr(a, "numFmtId")));
        }
    }
    void end(std::string_view name) override {
        if (name == "cellXfs") in_cell_xfs = false;
    }
};

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

void append_utf8(std::string& out, unsigned cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

}  // namespace

void parse_part(ZipPackage& zip, const std::string& part, const std::string& file, XmlHandler& handler) {
    XlsxReadError error;
    auto xml = zip.read(part, &error);
    if (!xml) throw error;
    const std::string problem = parse_xml(*xml, handler);
    if (!problem.empty()) {
        // expat's words stay English (a technical detail); the place travels as a value.
        XlsxReadError e;
        e.file = file;
        e.where = "part '" + part + "'";
        e.message = with_damage_note(problem);
        e.part = part;
        throw e;
    }
}

std::vector<Relationship> read_relationships(ZipPackage& zip, const std::string& source_part,
                                             const std::string& file) {
    const std::string folder = folder_of(source_part);
    const std::string base = source_part.substr(folder.empty() ? 0 : folder.size() + 1);
    const std::string rels_part = (folder.empty() ? "" : folder + "/") + "_rels/" + base + ".rels";
    if (!zip.has(rels_part)) return {};
    RelsHandler h;
    h.folder = folder;
    parse_part(zip, rels_part, file, h);
    return h.rels;
}

std::string target_of(const std::vector<Relationship>& rels, std::string_view type_tail) {
    for (const auto& r : rels)
        if (ends_with(r.type, "/" + std::string(type_tail))) return r.target;
    return "";
}

WorkbookInfo read_workbook(ZipPackage& zip, const std::string& workbook_part,
                           const std::vector<Relationship>& rels, const std::string& file) {
    WorkbookHandler h;
    parse_part(zip, workbook_part, file, h);
    WorkbookInfo info;
    info.date1904 = h.date1904;
    for (const auto& [name, id] : h.sheets) {
        const Relationship* rel = nullptr;
        for (const auto& r : rels)
            if (r.id == id) rel = &r;
        if (!rel)
            throw xlsx_error(file,
                             Message("io.xlsx.no-relationship",
                                     TL_MSG("the workbook does not say where its cells are (relationship '{id}' is "
                                            "missing); the file is damaged"))
                                 .text("id", id),
                             "", name);
        // Chart sheets and dialog sheets have no cells to read.
        if (ends_with(rel->type, "/worksheet")) info.sheets.push_back({name, rel->target});
    }
    return info;
}

std::vector<std::string> read_shared_strings(ZipPackage& zip, const std::string& part, const std::string& file) {
    SharedStringsHandler h;
    parse_part(zip, part, file, h);
    return std::move(h.strings);
}

std::vector<std::string> read_cell_formats(ZipPackage& zip, const std::string& part, const std::string& file) {
    StylesHandler h;
    parse_part(zip, part, file, h);
    std::vector<std::string> formats;
    for (int id : h.xf_formats) {
        auto it = h.custom.find(id);
        formats.push_back(it != h.custom.end() ? it->second : builtin_format(id));
    }
    return formats;
}

std::string with_damage_note(const std::string& xml_problem) {
    return xml_problem.rfind("not well-formed", 0) == 0 ? xml_problem + "; the file is damaged" : xml_problem;
}

std::string decode_escapes(std::string_view s) {
    if (s.find("_x") == std::string_view::npos) return std::string(s);
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '_' && i + 6 < s.size() && s[i + 1] == 'x' && s[i + 6] == '_') {
            int cp = 0;
            bool ok = true;
            for (std::size_t k = 2; k < 6; ++k) {
                const int h = hex_value(s[i + k]);
                ok = ok && h >= 0;
                cp = cp * 16 + (h < 0 ? 0 : h);
            }
            if (ok && !(cp >= 0xD800 && cp <= 0xDFFF)) {
                append_utf8(out, static_cast<unsigned>(cp));
                i += 6;
                continue;
            }
        }
        out += s[i];
    }
    return out;
}

}  // namespace tl::io::xlsx
