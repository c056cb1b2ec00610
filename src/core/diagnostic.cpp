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

Diagnostic make_diagnostic(Severity severity, SourcePos pos, Message what, std::string source_line) {
    Diagnostic d;
    d.severity = severity;
    d.pos = std::move(pos);
    d.message = word(what);
    d.what = std::move(what);
    d.source_line = std::move(source_line);
    return d;
}

void add_note(Diagnostic& d, Message note) {
    d.notes.push_back(word(note));
    d.note_messages.push_back(std::move(note));
}

std::string diagnostic_text(const Diagnostic& d, const Translator& t) {
    return d.what.empty() ? d.message : word(d.what, t);
}

static std::string severity_word(Severity s, const Translator& t) {
    switch (s) {
        case Severity::Error: return t.translate(TL_MSG("error"));
        case Severity::Warning: return t.translate(TL_MSG("warning"));
        case Severity::Note: return t.translate(TL_MSG("note"));
    }
    return t.translate(TL_MSG("error"));
}

std::string format_diagnostic(const Diagnostic& d, const Translator& t) {
    std::string out;
    if (!d.pos.file.empty()) out += d.pos.file + ":";
    // Bid files report a row without a column when a problem concerns the whole row.
    if (d.pos.known()) out += std::to_string(d.pos.line) + ":" + (d.pos.col > 0 ? std::to_string(d.pos.col) + ":" : "");
    if (!out.empty()) out += " ";
    out += severity_word(d.severity, t);
    out += ": " + diagnostic_text(d, t) + "\n";
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
    const std::string note = severity_word(Severity::Note, t);
    for (std::size_t i = 0; i < d.notes.size(); ++i) {
        const bool as_value = i < d.note_messages.size() && !d.note_messages[i].empty();
        out += "  " + note + ": " + (as_value ? word(d.note_messages[i], t) : d.notes[i]) + "\n";
    }
    return out;
}

std::string format_diagnostics(const Diagnostics& ds, const Translator& t) {
    std::string out;
    for (const auto& d : ds) out += format_diagnostic(d, t);
    return out;
}

}  // namespace tl
