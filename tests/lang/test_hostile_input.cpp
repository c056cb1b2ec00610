// Hostile rule text (issue 12): nesting deep enough to exhaust the stack, line ends of old Mac
// editors, bytes that are not UTF-8. Each ends in a located error or reads correctly, never in a
// crash. The exact wording is in the golden files (tests/golden/diagnostics/too_deep_*,
// cr_line_ends, utf8_*); here: the limits themselves, exactly at and one past.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "core/expr.hpp"
#include "lang/load.hpp"
#include "lang/print.hpp"
#include "lang/syntax.hpp"

using namespace tl;

namespace {

// The limits docs/LANGUAGE.md states (src/lang/nesting.hpp).
constexpr int kNesting = 64;
constexpr int kTreeDepth = 500;

std::string repeat(const std::string& s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
}

// An expression nested `n` levels deep by one construct.
std::string nested(const std::string& construct, int n) {
    if (construct == "(") return repeat("(", n) + "x" + repeat(")", n);
    if (construct == "not") return repeat("not ", n) + "x";
    if (construct == "-") return repeat("-", n) + "x";
    if (construct == "if") return repeat("if c then ", n) + "x" + repeat(" else y", n);
    return repeat("f(", n) + "x" + repeat(")", n);  // calls
}

struct Parsed {
    bool ok = false;
    Diagnostics diagnostics;
    Expr expr;
};

Parsed parse(const std::string& text) {
    Parsed p;
    p.ok = lang::parse_expression(text, "x.crit", p.expr, p.diagnostics);
    return p;
}

std::string rules_with_score(const std::string& score) {
    return "tender { currency: RUB }\nfield price: money\ncriterion c {\n  name: \"C\"\n  weight: 100 %\n  score: " + score +
           "\n}\n";
}

}  // namespace

TEST_CASE("nesting: exactly the limit reads, one level more is a located lang.too-deep", "[lang][hostile]") {
    for (const std::string construct : {"(", "not", "-", "if", "call"}) {
        DYNAMIC_SECTION(construct) {
            const Parsed at = parse(nested(construct, kNesting));
            INFO(format_diagnostics(at.diagnostics));
            CHECK(at.ok);
            // The tree is usable by the recursive passes: it prints back and reads again.
            if (at.ok) CHECK(parse(print_expr(at.expr)).ok);

            const Parsed past = parse(nested(construct, kNesting + 1));
            CHECK_FALSE(past.ok);
            REQUIRE(past.diagnostics.size() == 1);
            CHECK(past.diagnostics[0].what.code == "lang.too-deep");
            CHECK(past.diagnostics[0].pos.line == 1);
            CHECK(past.diagnostics[0].pos.col > 1);

            // 2 000 levels (the stack overflow) and the same inside a whole rules file.
            CHECK_FALSE(parse(nested(construct, 2000)).ok);
            const lang::LoadResult file = lang::load_rules_text(rules_with_score(nested(construct, 2000)), "deep.crit");
            REQUIRE(file.diagnostics.size() == 1);
            CHECK(file.diagnostics[0].what.code == "lang.too-deep");
            CHECK(file.diagnostics[0].pos.line == 6);
        }
    }
}

TEST_CASE("nesting: the error points at the construct one level too deep", "[lang][hostile]") {
    const Parsed p = parse(nested("(", 2000));
    REQUIRE(p.diagnostics.size() == 1);
    CHECK(p.diagnostics[0].pos.col == kNesting + 1);
    // Levels of different constructs add up: `if` and `not` are two.
    CHECK(parse("if " + repeat("not ", kNesting - 1) + "c then 1 else 0").ok);
    CHECK_FALSE(parse("if " + repeat("not ", kNesting) + "c then 1 else 0").ok);
}

TEST_CASE("a chain of operators is at most the tree depth limit deep", "[lang][hostile]") {
    // n terms joined by `+` make a tree n deep (n - 1 operators over a leaf).
    auto sum = [](int n) {
        std::string s = "1";
        for (int i = 1; i < n; ++i) s += " + 1";
        return s;
    };
    const Parsed at = parse(sum(kTreeDepth));
    CHECK(at.ok);
    const Parsed past = parse(sum(kTreeDepth + 1));
    CHECK_FALSE(past.ok);
    REQUIRE(past.diagnostics.size() == 1);
    CHECK(past.diagnostics[0].what.code == "lang.too-many-operations");
    // At the operator that makes the tree too deep: the last `+` here.
    CHECK(past.diagnostics[0].pos.col == static_cast<int>(sum(kTreeDepth + 1).size()) - 2);

    // 200 000 terms: neither the parser, the lowering nor a destructor recurses that deep.
    const lang::LoadResult huge = lang::load_rules_text(rules_with_score(sum(200000)), "long.crit");
    REQUIRE_FALSE(huge.ok());
    CHECK(huge.diagnostics[0].what.code == "lang.too-many-operations");

    // Nesting and chains add up in the tree.
    CHECK_FALSE(parse("-(" + sum(kTreeDepth) + ")").ok);
    CHECK(parse("-(" + sum(kTreeDepth - 1) + ")").ok);
}

TEST_CASE("line ends: a lone CR ends a line, as LF and CRLF do", "[lang][hostile]") {
    const std::string lf = "tender { currency: RUB }\nfield price: money\ncriterion c {\n  name: \"C\"\n  weight: 100 %\n"
                           "  score: 100 * lowest(price) / price\n}\n";
    for (const std::string end : {"\n", "\r\n", "\r"}) {
        std::string text;
        for (char c : lf) text += c == '\n' ? end : std::string(1, c);
        DYNAMIC_SECTION("line end " << (end == "\r" ? "CR" : end == "\n" ? "LF" : "CRLF")) {
            const lang::LoadResult r = lang::load_rules_text(text, "ends.crit");
            INFO(format_diagnostics(r.diagnostics));
            REQUIRE(r.ok());
            CHECK(r.rules.criteria.size() == 1);
            // The line of a mistake is counted with that line end too.
            std::string bad = text;
            bad.replace(bad.find("lowest(price)"), 13, "lowest(prise)");
            const lang::LoadResult wrong = lang::load_rules_text(bad, "ends.crit");
            REQUIRE_FALSE(wrong.ok());
            CHECK(wrong.diagnostics[0].pos.line == 6);
            CHECK(wrong.diagnostics[0].pos.col == 23);
            CHECK(wrong.diagnostics[0].source_line == "  score: 100 * lowest(prise) / price");
        }
    }
}

TEST_CASE("UTF-8 is checked when the rules are read, at the bad byte", "[lang][hostile]") {
    struct Case {
        const char* what;
        std::string bytes;
        int line, col;
    };
    const std::string head = "tender { currency: RUB }\nfield price: money\n";
    const Case cases[] = {
        {"in a string", head + "criterion c { name: \"\xD6\xE5\xED\xE0\" }\n", 3, 22},
        {"in a comment", head + "// caf\xE9\n", 3, 7},
        {"overlong '/'", head + "criterion c { name: \"\xC0\xAF\" }\n", 3, 22},
        {"overlong 3 bytes", head + "# \xE0\x80\xAF\n", 3, 3},
        {"a surrogate", head + "# \xED\xA0\x80\n", 3, 3},
        {"past U+10FFFF", head + "# \xF4\x90\x80\x80\n", 3, 3},
        {"a lone continuation byte", head + "# \xD0\xA6\x80\n", 3, 4},
        {"a sequence cut off at the end", head + "# \xE2\x82", 3, 3},
    };
    for (const Case& c : cases) {
        DYNAMIC_SECTION(c.what) {
            const lang::LoadResult r = lang::load_rules_text(c.bytes, "bad.crit");
            REQUIRE(r.diagnostics.size() == 1);
            CHECK(r.diagnostics[0].what.code == "lang.invalid-utf8");
            CHECK(r.diagnostics[0].pos.line == c.line);
            CHECK(r.diagnostics[0].pos.col == c.col);
        }
    }
    // Valid multi-byte text passes: Cyrillic, a euro sign, an emoji.
    const lang::LoadResult fine =
        lang::load_rules_text(head + "# Цена € \xF0\x9F\x98\x80\ncriterion c { name: \"Цена\" weight: 100 % score: 100 * lowest(price) / price }\n",
                              "fine.crit");
    INFO(format_diagnostics(fine.diagnostics));
    CHECK(fine.ok());
}

TEST_CASE("nesting: what fmt prints at the limit reads again (it brackets an `if` in an operation)", "[lang][hostile]") {
    // 64 `if`s, each the right operand of a `+`: printed as `1 + (if c then 1 + (if ...`.
    const std::string deep = repeat("1 + if c then ", kNesting) + "x" + repeat(" else y", kNesting);
    const Parsed read = parse(deep);
    REQUIRE(read.ok);
    const std::string printed = print_expr(read.expr);
    CHECK(printed.find("(if") != std::string::npos);
    const Parsed again = parse(printed);
    INFO(format_diagnostics(again.diagnostics));
    CHECK(again.ok);
    // A bracket around anything else still counts.
    CHECK_FALSE(parse(repeat("(", kNesting) + "if c then 1 else (x))" + repeat(")", kNesting - 1)).ok);
}

TEST_CASE("lets built on lets: the evaluation depth through them is bounded too", "[lang][hostile]") {
    // a0 is 2 deep (price / 1 RUB); each `let ai = a(i-1) + 1` adds 2 (the name and the `+`).
    auto chain = [](int n, bool reversed) {
        std::vector<std::string> lets;
        for (int i = 1; i < n; ++i) lets.push_back("let a" + std::to_string(i) + " = a" + std::to_string(i - 1) + " + 1\n");
        if (reversed) std::reverse(lets.begin(), lets.end());
        std::string text = "tender { currency: RUB }\nfield price: money\nlet a0 = price / 1 RUB\n";
        for (const auto& l : lets) text += l;
        const std::string last = "a" + std::to_string(n - 1);
        return text + "criterion c { name: \"C\" weight: 100 % score: " + last + " - " + last + " + 50 }\n";
    };
    const lang::LoadResult at = lang::load_rules_text(chain(kTreeDepth / 2, false), "lets.crit");
    INFO(format_diagnostics(at.diagnostics));
    CHECK(at.ok());
    for (const bool reversed : {false, true}) {
        const lang::LoadResult past = lang::load_rules_text(chain(kTreeDepth / 2 + 1, reversed), "lets.crit");
        REQUIRE(past.diagnostics.size() == 1);
        CHECK(past.diagnostics[0].what.code == "lang.let-too-deep");
        // 1 997 lets (with the tender, the field and the criterion: the 2 000 items a set of rules
        // may have): refused, not a crash, whichever order they are written in. Written in order,
        // one error (the uses of a refused let stay silent); written backwards, the checker
        // follows them 500 at a time, and each such run ends in its own error.
        const lang::LoadResult huge = lang::load_rules_text(chain(1997, reversed), "lets.crit");
        REQUIRE_FALSE(huge.ok());
        if (!reversed) CHECK(huge.diagnostics.size() == 1);
        for (const Diagnostic& d : huge.diagnostics) CHECK(d.what.code == "lang.let-too-deep");
        // 20 000 lets: refused for their number before anything follows them.
        const lang::LoadResult past_items = lang::load_rules_text(chain(20000, reversed), "lets.crit");
        REQUIRE(past_items.diagnostics.size() == 1);
        CHECK(past_items.diagnostics[0].what.code == "lang.too-many-items");
        CHECK(past_items.diagnostics[0].pos.line == 2001);
    }
}
