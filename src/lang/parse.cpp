// Runs the X3 grammar and turns its failures into diagnostics; the tree is lowered into the
// Spirit-free syntax model by lower.cpp.
#include <boost/spirit/home/x3.hpp>

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "core/unit.hpp"
#include "lang/config.hpp"
#include "lang/grammar.hpp"
#include "lang/lower.hpp"
#include "lang/nesting.hpp"
#include "lang/source_text.hpp"
#include "lang/suggest.hpp"
#include "lang/syntax.hpp"

namespace tl::lang {

namespace x3 = boost::spirit::x3;

std::string source_line(const std::string& text, int line) {
    int current = 1;
    std::size_t start = 0;
    while (current < line) {
        std::size_t nl = text.find('\n', start);
        if (nl == std::string::npos) return {};
        start = nl + 1;
        ++current;
    }
    std::size_t end = text.find('\n', start);
    std::string s = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (!s.empty() && s.back() == '\r') s.pop_back();
    return s;
}

namespace {

const char* const kItemKeywords[] = {"import", "tender", "field", "let", "requirement", "criterion", "group",
                                     "tie_break", "abnormally_low"};

// Names a character that is not ASCII: a no-break space pasted from a word processor looks like a
// space but is not one.
Message describe_non_ascii(const std::string& text, std::size_t off) {
    const auto c0 = static_cast<unsigned char>(text[off]);
    unsigned code = 0;
    int extra = c0 >= 0xF0 ? 3 : c0 >= 0xE0 ? 2 : c0 >= 0xC0 ? 1 : 0;
    code = extra == 3 ? (c0 & 0x07u) : extra == 2 ? (c0 & 0x0Fu) : extra == 1 ? (c0 & 0x1Fu) : c0;
    for (int k = 1; k <= extra && off + static_cast<std::size_t>(k) < text.size(); ++k)
        code = (code << 6) | (static_cast<unsigned char>(text[off + static_cast<std::size_t>(k)]) & 0x3Fu);
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", code);
    Message name;
    if (code == 0xA0) name = Message("lang.char.no-break-space", TL_MSG(" (no-break space)"));
    else if (code == 0x202F) name = Message("lang.char.narrow-no-break-space", TL_MSG(" (narrow no-break space)"));
    else if (code == 0x2013 || code == 0x2014) name = Message("lang.char.dash", TL_MSG(" (dash; use '-')"));
    else if (code == 0x201C || code == 0x201D || code == 0xAB || code == 0xBB)
        name = Message("lang.char.typographic-quote", TL_MSG(" (typographic quote; use '\"')"));
    return Message("lang.unexpected-character",
                   TL_MSG("unexpected the character {code}{name}, which rules can only hold inside \"texts\" and comments"))
        .text("code", buf)
        .nested("name", name);
}

// What X3 expected (a rule's name in the grammar) in words an officer reads: grammar things are
// messages (translated), quoted keywords and punctuation stay as written.
Message describe_expected(const std::string& which) {
    if (which == "eoi" || which == "file" ||
        which == "an item (tender, field, let, requirement, criterion, group, tie_break, abnormally_low, import)")
        return Message("lang.expected.item",
                       TL_MSG("an item (tender, field, let, requirement, criterion, group, tie_break, abnormally_low, import)"));
    struct Described {
        const char* which;
        const char* code;
        const char* english;
    };
    static const Described kDescribed[] = {
        {"expression", "lang.expected.expression", TL_MSG("expression")},
        {"value", "lang.expected.value", TL_MSG("value")},
        {"comparison", "lang.expected.comparison", TL_MSG("comparison")},
        {"number", "lang.expected.number", TL_MSG("number")},
        {"name", "lang.expected.name", TL_MSG("name")},
        {"string", "lang.expected.string", TL_MSG("string")},
        {"call", "lang.expected.call", TL_MSG("call")},
        {"argument", "lang.expected.argument", TL_MSG("argument")},
        {"unit", "lang.expected.unit", TL_MSG("unit")},
        {"property", "lang.expected.property", TL_MSG("property")},
        {"a type (money, percent, number, quantity(unit), yesno, enum(...), text, date)", "lang.expected.type",
         TL_MSG("a type (money, percent, number, quantity(unit), yesno, enum(...), text, date)")},
    };
    for (const Described& d : kDescribed)
        if (which == d.which) return Message(d.code, d.english);
    // Keywords and punctuation ('x', 'then', criterion, +): quoted source text, never translated.
    if (which.size() == 3 && which.front() == '\'' && which.back() == '\'') return verbatim("'" + which.substr(1, 1) + "'");
    return verbatim(which);
}

// For a missing closer, find the opener it would close by scanning back over balanced pairs
// (strings and comments skipped), so the message can say "to close '(' at line 3".
Message opener_note(const std::string& text, std::size_t failure, char closer) {
    const char opener = closer == ')' ? '(' : '{';
    std::vector<std::size_t> stack;
    bool in_string = false, in_comment = false;
    for (std::size_t i = 0; i < failure && i < text.size(); ++i) {
        char c = text[i];
        if (in_comment) { if (c == '\n') in_comment = false; continue; }
        if (in_string) { if (c == '\\') ++i; else if (c == '"' || c == '\n') in_string = false; continue; }
        if (c == '"') in_string = true;
        else if (c == '#' || (c == '/' && i + 1 < text.size() && text[i + 1] == '/')) in_comment = true;
        else if (c == opener) stack.push_back(i);
        else if (c == closer && !stack.empty()) stack.pop_back();
    }
    if (stack.empty()) return {};
    const std::size_t at = stack.back();
    int line = 1;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < at; ++i)
        if (text[i] == '\n') { ++line; line_start = i + 1; }
    return Message("lang.to-close", TL_MSG("to close '{opener}' at line {line}, column {column}"))
        .text("opener", std::string(1, opener))
        .count("line", line)
        .count("column", utf8_column(text.substr(line_start), at - line_start));
}

template <class Attr, class Rule>
bool run(const std::string& text, const std::string& path, const Rule& rule, Attr& attr,
         parser::error_handler_type*& handler_out, std::unique_ptr<parser::error_handler_type>& handler,
         Diagnostics& diagnostics) {
    auto first = text.cbegin();
    const auto last = text.cend();
    std::ostringstream sink;  // X3's own message is replaced by ours
    handler = std::make_unique<parser::error_handler_type>(first, last, sink, path);
    handler_out = handler.get();
    const auto parser_with_handler = x3::with<x3::error_handler_tag>(std::ref(*handler))[rule];
    parser::nesting_depth() = 0;
    try {
        bool ok = x3::phrase_parse(first, last, parser_with_handler, parser::skipper, attr);
        if (ok && first == last) return true;
        const std::size_t off = static_cast<std::size_t>(first - text.cbegin());
        const SourcePos pos = position_at(text, path, off);
        diagnostics.push_back(make_diagnostic(Severity::Error, pos, Message("lang.cannot-read", TL_MSG("cannot read this")),
                                              source_line(text, pos.line)));
        return false;
    } catch (const x3::expectation_failure<parser::iterator_type>& e) {
        std::size_t off = static_cast<std::size_t>(e.where() - text.cbegin());
        SourcePos pos;
        auto report = [&](Message what) {
            diagnostics.push_back(make_diagnostic(Severity::Error, pos, std::move(what), source_line(text, pos.line)));
            return false;
        };
        if (e.which() == "'\"'") {
            // A text runs to the end of its line; say so where the line ends.
            pos = position_at(text, path, off);
            return report(Message("lang.unterminated-text", TL_MSG("this text has no closing '\"' (a text ends on its line)")));
        }
        // Point at the next token, not at the white space before it.
        while (off < text.size() && (text[off] == ' ' || text[off] == '\t' || text[off] == '\r' || text[off] == '\n')) ++off;
        pos = position_at(text, path, off);
        // What stands there: a word, a run of punctuation, or a character that is not ASCII.
        auto is_word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
        std::string word;
        for (std::size_t k = off; k < text.size() && is_word(text[k]); ++k) word += text[k];
        if (off < text.size() && (static_cast<unsigned char>(text[off]) & 0x80)) return report(describe_non_ascii(text, off));
        // `4000 kwh`: a word right after a number is a unit the language does not know. The parser
        // may stop on the word itself, or (in a block, taking it for a property) on what follows.
        auto word_after_number = [&](std::size_t start) {
            std::size_t before = start;
            while (before > 0 && (text[before - 1] == ' ' || text[before - 1] == '\t')) --before;
            return before > 0 && before < start && std::isdigit(static_cast<unsigned char>(text[before - 1]));
        };
        if (word.empty() && e.which() == "':'") {
            std::size_t end = off;
            while (end > 0 && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
            std::size_t start = end;
            while (start > 0 && is_word(text[start - 1])) --start;
            if (start < end && word_after_number(start)) {
                word = text.substr(start, end - start);
                off = start;
                pos = position_at(text, path, off);
            }
        }
        if (!word.empty() && word_after_number(off))
            return report(Message("lang.unknown-unit", TL_MSG("unknown unit '{unit}'{hint}"))
                              .text("unit", word)
                              .nested("hint", did_you_mean_unit(word)));
        if (e.which() == "too-deep")
            return report(Message("lang.too-deep",
                                  TL_MSG("this expression nests more than {limit} levels deep (brackets, 'not', '-', 'if' and calls); split it into parts with 'let'"))
                              .count("limit", kMaxNesting));
        if (e.which() == "no-chain")
            return report(Message("lang.chained-comparison", TL_MSG("comparisons do not chain: write 'a <= x and x <= b'")));
        Message found;
        if (off >= text.size()) {
            found = Message("lang.found.end-of-file", TL_MSG("the end of the file"));
        } else {
            std::size_t end = off;
            // A word, or else a single character: `'kwh'` rather than `'kwh)'`.
            while (end < text.size() && end - off < 20 && is_word(text[end])) ++end;
            if (end == off)
                while (end < text.size() && end - off < 2 && std::string("<>=!-").find(text[end]) != std::string::npos) ++end;
            if (end == off) end = off + 1;
            found = verbatim("'" + text.substr(off, end - off) + "'");
        }
        Message hint;
        if ((e.which() == "eoi" || e.which() == "file") && !word.empty()) {
            std::vector<std::string> keywords(std::begin(kItemKeywords), std::end(kItemKeywords));
            hint = did_you_mean(word, keywords);
        }
        Message note;
        if (e.which() == "')'" || e.which() == "'}'") note = opener_note(text, off, e.which()[1]);
        Message what = note.empty() ? Message("lang.expected", TL_MSG("{expected} expected, found {found}{hint}"))
                                    : Message("lang.expected-to-close", TL_MSG("{expected} expected ({note}), found {found}{hint}"))
                                          .nested("note", note);
        return report(what.nested("expected", describe_expected(e.which())).nested("found", found).nested("hint", hint));
    }
}

}  // namespace

SourcePos position_at(const std::string& text, const std::string& path, std::size_t offset) {
    SourcePos p;
    p.file = path;
    p.line = 1;
    std::size_t line_start = 0;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i)
        if (text[i] == '\n') { ++p.line; line_start = i + 1; }
    p.col = utf8_column(text.substr(line_start, offset - line_start + 1), offset - line_start);
    return p;
}

namespace {

// An expression tree cut at kMaxTreeDepth by the lowering: say where.
bool report_too_deep(const Lowering& lowering, const std::string& text, Diagnostics& diagnostics) {
    if (!lowering.too_deep) return true;
    diagnostics.push_back(make_diagnostic(
        Severity::Error, *lowering.too_deep,
        Message("lang.too-many-operations", TL_MSG("this expression is more than {limit} operations deep; split it into parts with 'let'"))
            .count("limit", kMaxTreeDepth),
        source_line(text, lowering.too_deep->line)));
    return false;
}

}  // namespace

bool parse_rules(const std::string& saved, const std::string& path, RuleFile& out, Diagnostics& diagnostics) {
    const std::string text = with_line_ends(saved);
    std::vector<ast::item> items;
    parser::error_handler_type* handler = nullptr;
    std::unique_ptr<parser::error_handler_type> owner;
    out.path = path;
    out.text = text;
    if (!check_utf8(text, path, diagnostics)) return false;
    if (!run(text, path, file_rule(), items, handler, owner, diagnostics)) return false;
    Lowering lowering{text, path, *handler};
    for (const auto& it : items) out.items.push_back(lowering.item(it));
    diagnostics.insert(diagnostics.end(), lowering.warnings.begin(), lowering.warnings.end());
    if (!report_too_deep(lowering, text, diagnostics)) {
        out.items.clear();
        return false;
    }
    out.comments = collect_comments(text);
    return true;
}

bool parse_expression(const std::string& saved, const std::string& path, Expr& out, Diagnostics& diagnostics) {
    const std::string text = with_line_ends(saved);
    ast::expression e;
    parser::error_handler_type* handler = nullptr;
    std::unique_ptr<parser::error_handler_type> owner;
    if (!check_utf8(text, path, diagnostics)) return false;
    if (!run(text, path, expression_rule(), e, handler, owner, diagnostics)) return false;
    Lowering lowering{text, path, *handler};
    out = lowering.expression(e);
    diagnostics.insert(diagnostics.end(), lowering.warnings.begin(), lowering.warnings.end());
    return report_too_deep(lowering, text, diagnostics);
}

}  // namespace tl::lang
