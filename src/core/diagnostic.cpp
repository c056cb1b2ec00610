#include "core/diagnostic.hpp"

namespace tl {

bool has_errors(const Diagnostics& diagnostics) {
    for (const auto& d : diagnostics)
        if (d.severity == Severity::Error) return true;
    return false;
}

int utf8_column(const std::string& line, std::size_t byte_offset) {
    int col = 1;
    for (std::size_t i = 0; i < byte_offset && i < line.size(); ++i)
        if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++col;
    return col;
}

static const char* severity_word(Severity s) {
    switch (s) {
        case Severity::Error: return "error";
        case Severity::Warning: return "warning";
        case Severity::Note: return "note";
    }
    return "error";
}

std::string format_diagnostic(const Diagnostic& d) {
    std::string out;
    if (!d.pos.file.empty()) out += d.pos.file + ":";
    // Bid files report a row without a column when a problem concerns the whole row.
    if (d.pos.known()) out += std::to_string(d.pos.line) + ":" + (d.pos.col > 0 ? std::to_string(d.pos.col) + ":" : "");
    if (!out.empty()) out += " ";
    out += severity_word(d.severity);
    out += ": " + d.message + "\n";
    if (!d.source_line.empty() && d.pos.col > 0) {
        out += "  " + d.source_line + "\n  ";
        // Tabs stay tabs so the caret lines up in a terminal.
        int col = 1;
        for (std::size_t i = 0; i < d.source_line.size() && col < d.pos.col; ++i) {
            unsigned char c = static_cast<unsigned char>(d.source_line[i]);
            if ((c & 0xC0) == 0x80) continue;
            out += (c == '\t') ? '\t' : ' ';
            ++col;
        }
        out += "^\n";
    }
    for (const auto& n : d.notes) out += "  note: " + n + "\n";
    return out;
}

std::string format_diagnostics(const Diagnostics& ds) {
    std::string out;
    for (const auto& d : ds) out += format_diagnostic(d);
    return out;
}

}  // namespace tl
