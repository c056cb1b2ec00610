#include "io/csv/csv_tokenizer.hpp"

namespace tl::io {

namespace {

bool is_line_end(char c) { return c == '\n' || c == '\r'; }

/// Advances `i` past one line ending (LF, CRLF or CR) starting at `i`.
void skip_line_end(std::string_view text, std::size_t& i) {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    ++i;
}

}  // namespace

char detect_separator(std::string_view text) {
    std::size_t i = 0;
    // Skip blank lines (only spaces) before the header.
    for (;;) {
        std::size_t j = i;
        while (j < text.size() && (text[j] == ' ' || text[j] == '\t')) ++j;
        if (j < text.size() && is_line_end(text[j])) {
            i = j;
            skip_line_end(text, i);
            continue;
        }
        break;
    }
    int commas = 0, semicolons = 0, tabs = 0;
    bool in_quotes = false;
    for (; i < text.size(); ++i) {
        char c = text[i];
        if (c == '"') {
            in_quotes = !in_quotes;  // `""` toggles twice, which is what an escaped quote needs
        } else if (!in_quotes) {
            if (is_line_end(c)) break;
            if (c == ',') ++commas;
            if (c == ';') ++semicolons;
            if (c == '\t') ++tabs;
        }
    }
    if (tabs > 0 && tabs >= semicolons && tabs >= commas) return '\t';
    if (semicolons > 0 && semicolons >= commas) return ';';
    return ',';
}

CsvTokens tokenize_csv(std::string_view text, char sep, std::size_t max_cells) {
    CsvTokens out;
    std::size_t cells = 0;
    out.separator = sep;
    const std::size_t n = text.size();
    auto is_pad = [sep](char c) { return c == ' ' || (c == '\t' && sep != '\t'); };
    std::size_t i = 0;
    int line = 1;
    while (i < n) {
        CsvRecord rec;
        rec.row = line;
        for (;;) {
            CsvCell cell;
            std::size_t j = i;
            while (j < n && is_pad(text[j])) ++j;
            if (j < n && text[j] == '"') {
                cell.quoted = true;
                i = j + 1;
                bool closed = false;
                while (i < n) {
                    char c = text[i];
                    if (c == '"') {
                        if (i + 1 < n && text[i + 1] == '"') {
                            cell.text += '"';
                            i += 2;
                            continue;
                        }
                        closed = true;
                        ++i;
                        break;
                    }
                    if (is_line_end(c)) {
                        // Keep the break, but as `\n` whatever the file's line endings were.
                        cell.text += '\n';
                        ++line;
                        skip_line_end(text, i);
                        continue;
                    }
                    cell.text += c;
                    ++i;
                }
                if (!closed) {
                    cell.problem = std::make_shared<const Message>("io.csv.unclosed-quote",
                                           TL_MSG("the quote that opens this value is never closed (a quote "
                                                  "inside a quoted value must be doubled: \"\")"));
                    rec.cells.push_back(std::move(cell));
                    rec.unterminated = true;
                    out.records.push_back(std::move(rec));
                    return out;
                }
                while (i < n && is_pad(text[i])) ++i;
                if (i < n && text[i] != sep && !is_line_end(text[i])) {
                    cell.problem = std::make_shared<const Message>("io.csv.text-after-quote",
                                           TL_MSG("text after the closing quote (a quote inside a quoted value "
                                                  "must be doubled: \"\")"));
                    while (i < n && text[i] != sep && !is_line_end(text[i])) ++i;
                }
            } else {
                while (i < n && text[i] != sep && !is_line_end(text[i])) cell.text += text[i++];
            }
            rec.cells.push_back(std::move(cell));
            if (i < n && text[i] == sep) {
                ++i;
                if (i == n) rec.cells.emplace_back();  // `a,b,` at the very end: a last empty cell
                if (i < n) continue;
            }
            if (i < n) {
                skip_line_end(text, i);
                ++line;
            }
            break;
        }
        cells += rec.cells.size();
        out.records.push_back(std::move(rec));
        if (cells > max_cells) {
            out.stopped_at_row = out.records.back().row;
            break;
        }
    }
    return out;
}

}  // namespace tl::io
