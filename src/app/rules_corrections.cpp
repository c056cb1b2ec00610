// The corrections of the rules and their diffs. dtl (Debian's libdtl-dev, header only) stays in
// this file: no public header names it.
#include "app/rules_corrections.hpp"

#include <algorithm>
#include <cstddef>

#include <dtl/dtl.hpp>

namespace tl::app {

namespace {

/// The text's lines without their line ends ("\r\n" too); a last line without one counts.
std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        out.push_back(std::move(line));
        start = end + 1;
    }
    return out;
}

/// "-a,b" / "+c,d" of a hunk header: the first line (1-based) and the count; an empty range
/// starts at the line before it, as diff -u writes.
std::string range(char sign, std::size_t first, std::size_t count) {
    const std::size_t shown = count == 0 ? first - 1 : first;
    return std::string(1, sign) + std::to_string(shown) + (count == 1 ? "" : "," + std::to_string(count));
}

}  // namespace

std::vector<std::string> line_diff(const std::string& before, const std::string& after, int context) {
    const std::vector<std::string> a = lines_of(before), b = lines_of(after);
    dtl::Diff<std::string> diff(a, b);
    diff.compose();
    // dtl's unified hunks have a fixed context of 3 lines; walking the edit script gives hunks of
    // any context and line numbers computed here, where they are easy to check.
    struct Edit {
        char op;  // ' ', '-', '+'
        std::string line;
    };
    std::vector<Edit> edits;
    for (const auto& e : diff.getSes().getSequence()) {
        const char op = e.second.type == dtl::SES_ADD ? '+' : e.second.type == dtl::SES_DELETE ? '-' : ' ';
        edits.push_back({op, e.first});
    }
    std::vector<std::string> out;
    const std::size_t n = edits.size(), ctx = static_cast<std::size_t>(std::max(context, 0));
    std::size_t i = 0, line_a = 1, line_b = 1;  // the lines of a and b at edits[i]
    while (i < n) {
        if (edits[i].op == ' ') {
            ++i, ++line_a, ++line_b;
            continue;
        }
        // A hunk: from `ctx` common lines before this change to `ctx` after the last change that
        // is no more than 2 * ctx common lines from the one before it.
        std::size_t start = i, back = 0;
        while (start > 0 && back < ctx && edits[start - 1].op == ' ') --start, ++back;
        std::size_t end = i;  // one past the hunk's last change
        std::size_t j = i;
        while (j < n) {
            if (edits[j].op != ' ') {
                end = ++j;
                continue;
            }
            std::size_t run = 0;
            while (j + run < n && edits[j + run].op == ' ') ++run;
            if (j + run == n || run > 2 * ctx) break;
            j += run;
        }
        const std::size_t stop = std::min(n, end + ctx);
        std::size_t count_a = 0, count_b = 0;
        for (std::size_t k = start; k < stop; ++k) {
            if (edits[k].op != '+') ++count_a;
            if (edits[k].op != '-') ++count_b;
        }
        const std::size_t first_a = line_a - back, first_b = line_b - back;
        out.push_back("@@ " + range('-', first_a, count_a) + " " + range('+', first_b, count_b) + " @@");
        for (std::size_t k = start; k < stop; ++k) out.push_back(std::string(1, edits[k].op) + edits[k].line);
        // Move past the hunk, counting the lines of each side.
        for (std::size_t k = i; k < stop; ++k) {
            if (edits[k].op != '+') ++line_a;
            if (edits[k].op != '-') ++line_b;
        }
        i = stop;
    }
    return out;
}

std::vector<RulesCorrection> rules_corrections(const std::vector<store::RulesVersion>& history, int current) {
    std::vector<RulesCorrection> out;
    const store::RulesVersion* previous = nullptr;
    for (const store::RulesVersion& v : history) {
        if (v.version > current) break;
        if (v.correction) {
            RulesCorrection c;
            c.version = v.version;
            c.at = v.created_at;
            c.user = v.created_by;
            c.reason = v.reason;
            c.diff = line_diff(previous ? previous->text : std::string(), v.text);
            out.push_back(std::move(c));
        }
        previous = &v;
    }
    return out;
}

}  // namespace tl::app
