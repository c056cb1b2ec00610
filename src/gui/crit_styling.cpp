#include "gui/crit_styling.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace tl::gui {

namespace {

constexpr std::array kKeywords{"tender", "field", "requirement", "criterion", "group", "let", "import", "lot",
                                "tie_break", "abnormally_low", "and", "or", "not", "if", "then", "else",
                                "yes", "no", "optional", "committee", "higher", "lower", "earlier_submission"};
constexpr std::array kTypes{"money", "percent", "number", "yesno", "enum", "text", "date", "time", "points", "unit"};

bool is_ident_start(unsigned char c) { return std::isalpha(c) || c == '_' || c >= 0x80; }
bool is_ident_char(unsigned char c) { return std::isalnum(c) || c == '_' || c >= 0x80; }

template <std::size_t N>
bool contains(const std::array<const char*, N>& words, std::string_view w) {
    return std::any_of(words.begin(), words.end(), [&](const char* k) { return w == k; });
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

}  // namespace

std::vector<StyleRun> style_crit(std::string_view t) {
    std::vector<StyleRun> runs;
    std::size_t i = 0;
    bool after_number = false;  // the identifier right after a number is its unit
    while (i < t.size()) {
        const unsigned char c = static_cast<unsigned char>(t[i]);
        const std::size_t start = i;
        if (c == '/' && i + 1 < t.size() && t[i + 1] == '/') {
            while (i < t.size() && t[i] != '\n') ++i;
            push(runs, start, i, kStyleComment);
        } else if (c == '/' && i + 1 < t.size() && t[i + 1] == '*') {
            const std::size_t end = t.find("*/", i + 2);
            i = end == std::string_view::npos ? t.size() : end + 2;
            push(runs, start, i, kStyleComment);
        } else if (c == '"') {
            ++i;
            while (i < t.size() && t[i] != '"' && t[i] != '\n') i += (t[i] == '\\' && i + 1 < t.size()) ? 2 : 1;
            if (i < t.size() && t[i] == '"') ++i;
            push(runs, start, i, kStyleString);
        } else if (std::isdigit(c)) {
            while (i < t.size() && (std::isdigit(static_cast<unsigned char>(t[i])) || t[i] == '.' || t[i] == '_')) ++i;
            push(runs, start, i, kStyleNumber);
            after_number = true;
            continue;
        } else if (c == '%' && after_number) {
            ++i;
            push(runs, start, i, kStyleUnit);
        } else if (is_ident_start(c)) {
            while (i < t.size() && is_ident_char(static_cast<unsigned char>(t[i]))) ++i;
            const std::string_view word = t.substr(start, i - start);
            const std::size_t next = skip_spaces(t, i);
            int style = kStyleDefault;
            if (after_number && std::isupper(static_cast<unsigned char>(word[0])) && word.size() == 3) style = kStyleUnit;
            else if (after_number && (word == "years" || word == "days" || word == "months")) style = kStyleUnit;
            else if (next < t.size() && t[next] == ':' && (next + 1 >= t.size() || t[next + 1] != ':')) style = kStyleProperty;
            else if (contains(kKeywords, word)) style = kStyleKeyword;
            else if (contains(kTypes, word)) style = kStyleType;
            else if (next < t.size() && t[next] == '(') style = kStyleFunction;
            push(runs, start, i, style);
        } else {
            ++i;
            push(runs, start, i, kStyleDefault);
        }
        if (c != ' ' && c != '\t') after_number = false;
    }
    return runs;
}

const char* crit_keywords() {
    return "abnormally_low and committee criterion else enum field group if import let linear lot lowest money "
           "name name_ru not number optional or percent requirement score table tender test then tie_break weight "
           "yes yesno no";
}

}  // namespace tl::gui
