#include "gui/crit_styling.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <set>

#include "core/expr.hpp"
#include "core/unit.hpp"

namespace tl::gui {

namespace {

constexpr std::array kKeywords{"tender", "field", "requirement", "criterion", "group", "let", "import", "lot",
                                "tie_break", "abnormally_low", "and", "or", "not", "if", "then", "else",
                                "yes", "no", "true", "false", "optional", "committee", "higher", "lower",
                                "earlier_submission"};
constexpr std::array kTypes{"money", "percent", "number", "quantity", "yesno", "enum", "text", "date", "points"};
// For completion only (colouring finds these by their place): what starts a line, and what
// starts a value.
constexpr std::array kLineStarts{"tender", "field", "requirement", "criterion", "group", "let", "import", "lot",
                                  "tie_break", "abnormally_low", "optional", "committee", "title", "title_ru",
                                  "reference", "currency", "name", "name_ru", "description", "evidence", "range",
                                  "test", "kind", "weight", "score", "minimum", "scale", "when"};
constexpr std::array kValueStarts{"and", "or", "not", "if", "then", "else", "yes", "no", "true", "false",
                                   "higher", "lower", "earlier_submission", "price", "cost", "quality", "points"};

bool is_ident_start(unsigned char c) { return std::isalpha(c) || c == '_' || c >= 0x80; }
bool is_ident_char(unsigned char c) { return std::isalnum(c) || c == '_' || c >= 0x80; }

template <std::size_t N>
bool contains(const std::array<const char*, N>& words, std::string_view w) {
    return std::any_of(words.begin(), words.end(), [&](const char* k) { return w == k; });
}

/// Unit atoms (kWh, RUB, years ...): the word after a number is coloured as its unit only when
/// it is one, so `30 and` does not paint `and` as a unit.
bool is_unit_atom(std::string_view w) {
    static const std::set<std::string, std::less<>> atoms = [] {
        std::set<std::string, std::less<>> s;
        for (const auto& a : known_unit_atoms()) s.insert(a);
        for (const auto& c : known_currencies()) s.insert(c);
        s.insert("points");
        return s;
    }();
    return atoms.count(w) > 0;
}

/// Appends a run, merging it with the previous one when the style is the same.
void push(std::vector<StyleRun>& runs, std::size_t start, std::size_t end, int style) {
    if (end <= start) return;
    if (!runs.empty() && runs.back().style == style && runs.back().start + runs.back().length == start) {
        runs.back().length += end - start;
        return;
    }
    runs.push_back({start, end - start, style});
}

std::size_t skip_spaces(std::string_view t, std::size_t i) {
    while (i < t.size() && (t[i] == ' ' || t[i] == '\t')) ++i;
    return i;
}

/// End of a unit written after a number: atoms joined by `/` or `*` (`RUB/kWh`, `kgCO2e/km`).
std::size_t unit_end(std::string_view t, std::size_t i) {
    std::size_t end = i;
    while (end < t.size()) {
        std::size_t k = end;
        while (k < t.size() && is_ident_char(static_cast<unsigned char>(t[k]))) ++k;
        if (k == end || !is_unit_atom(t.substr(end, k - end))) break;
        i = k;
        if (k + 1 < t.size() && (t[k] == '/' || t[k] == '*') && is_ident_start(static_cast<unsigned char>(t[k + 1])))
            end = k + 1;
        else
            break;
    }
    return i;
}

}  // namespace

StyledText style_crit_lines(std::string_view t, int depth) {
    StyledText out;
    std::vector<StyleRun>& runs = out.runs;
    LineDepth line{depth, depth};
    std::size_t i = 0;
    bool after_number = false;  // the unit right after a number belongs to it
    while (i < t.size()) {
        const unsigned char c = static_cast<unsigned char>(t[i]);
        const std::size_t start = i;
        if (c == '#' || (c == '/' && i + 1 < t.size() && t[i + 1] == '/')) {
            while (i < t.size() && t[i] != '\n') ++i;
            push(runs, start, i, kStyleComment);
        } else if (c == '"') {
            ++i;
            while (i < t.size() && t[i] != '"' && t[i] != '\n') i += (t[i] == '\\' && i + 1 < t.size() && t[i + 1] != '\n') ? 2 : 1;
            if (i < t.size() && t[i] == '"') ++i;
            push(runs, start, i, kStyleString);
        } else if (std::isdigit(c)) {
            while (i < t.size() && (std::isdigit(static_cast<unsigned char>(t[i])) || t[i] == '.' || t[i] == '_')) ++i;
            // An exponent: 1e6, 2.5E-3.
            if (i + 1 < t.size() && (t[i] == 'e' || t[i] == 'E') &&
                (std::isdigit(static_cast<unsigned char>(t[i + 1])) ||
                 ((t[i + 1] == '-' || t[i + 1] == '+') && i + 2 < t.size() && std::isdigit(static_cast<unsigned char>(t[i + 2]))))) {
                i += 2;
                while (i < t.size() && std::isdigit(static_cast<unsigned char>(t[i]))) ++i;
            }
            push(runs, start, i, kStyleNumber);
            after_number = true;
            continue;
        } else if (c == '%' && after_number) {
            ++i;
            push(runs, start, i, kStyleUnit);
        } else if (is_ident_start(c)) {
            if (after_number) {
                const std::size_t end = unit_end(t, i);
                if (end > i) {
                    push(runs, start, end, kStyleUnit);
                    i = end;
                    after_number = false;
                    continue;
                }
            }
            while (i < t.size() && is_ident_char(static_cast<unsigned char>(t[i]))) ++i;
            const std::string_view word = t.substr(start, i - start);
            const std::size_t next = skip_spaces(t, i);
            int style = kStyleDefault;
            if (next < t.size() && t[next] == ':' && (next + 1 >= t.size() || t[next + 1] != ':')) style = kStyleProperty;
            else if (contains(kKeywords, word)) style = kStyleKeyword;
            else if (contains(kTypes, word)) style = kStyleType;
            else if (next < t.size() && t[next] == '(') style = kStyleFunction;
            push(runs, start, i, style);
        } else {
            ++i;
            push(runs, start, i, kStyleDefault);
            if (c == '{') ++line.end;
            else if (c == '}' && line.end > 0) --line.end;
            else if (c == '\n') {
                out.lines.push_back(line);
                line = LineDepth{line.end, line.end};
            }
        }
        if (c != ' ' && c != '\t') after_number = false;
    }
    // The last line, also when it is empty after a final newline (the editor has a line there).
    out.lines.push_back(line);
    return out;
}

std::vector<StyleRun> style_crit(std::string_view text) { return style_crit_lines(text).runs; }

const std::vector<std::string>& crit_keywords(bool in_value) {
    static const std::vector<std::string> line_words(kLineStarts.begin(), kLineStarts.end());
    static const std::vector<std::string> value_words = [] {
        std::vector<std::string> v(kValueStarts.begin(), kValueStarts.end());
        v.insert(v.end(), kTypes.begin(), kTypes.end());
        return v;
    }();
    return in_value ? value_words : line_words;
}

std::vector<std::string> crit_functions() {
    // The function table lives in the core (expr.cpp): iterate its enum rather than copy names.
    std::vector<std::string> names;
    for (int f = static_cast<int>(Func::Min); f <= static_cast<int>(Func::NextLower); ++f)
        names.emplace_back(func_name(static_cast<Func>(f)));
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace tl::gui
