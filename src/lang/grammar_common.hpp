#pragma once
// Lexical pieces shared by the expression and the file grammar: keywords, identifiers, strings,
// numbers, units, and the error/annotation handler every rule ID derives from.
#include <boost/spirit/home/x3.hpp>
#include <boost/spirit/home/x3/support/utility/annotate_on_success.hpp>
#include <string>

#include "core/unit.hpp"
#include "lang/ast.hpp"
#include "lang/ast_adapted.hpp"
#include "lang/config.hpp"

namespace tl::lang::parser {

namespace x3 = boost::spirit::x3;

/// Rule IDs derive from this: nodes get their source position, and an expectation failure
/// stops the parse (the diagnostic is built in parse.cpp from the exception).
struct annotated : x3::annotate_on_success {};

// ASCII classes only: the standard ones call isspace/isalnum on negative chars for UTF-8 bytes
// (undefined behaviour; a Boost assertion in debug builds). Names are ASCII by definition.
inline const auto idchar = x3::ascii::alnum | x3::lit('_');

/// A whole word: `kw("if")` does not match the start of `iffy`.
inline auto kw(const char* word) { return x3::lexeme[x3::lit(word) >> !idchar]; }
/// A whole word that keeps its text as the attribute. `raw` writes only after the whole word
/// matched: `string(word)` would append "enum" to the attribute of `enumy` and then fail.
inline auto kw_str(const char* word) { return x3::raw[kw(word)]; }

inline const auto reserved = x3::lexeme[(x3::lit("and") | "or" | "not" | "if" | "then" | "else") >> !idchar];

inline const x3::rule<struct identifier_class, std::string> identifier = "name";
inline const auto identifier_def =
    x3::raw[x3::lexeme[!reserved >> (x3::ascii::alpha | x3::lit('_')) >> *idchar]];
BOOST_SPIRIT_DEFINE(identifier)

/// A double-quoted string with `\"` and `\\` escapes; any UTF-8 inside.
inline const x3::rule<struct string_class, std::string> quoted_string = "string";
inline const auto quoted_string_def =
    x3::lexeme['"' > *(('\\' > x3::char_("\"\\")) | (x3::char_ - '"' - x3::eol)) > '"'];
BOOST_SPIRIT_DEFINE(quoted_string)


/// Unit atoms the language knows (kg, kWh, RUB...), plus `points` for weights.
struct unit_atoms_table : x3::symbols<std::string> {
    unit_atoms_table() {
        for (const auto& a : known_unit_atoms()) add(a, a);
        for (const auto& c : known_currencies()) add(c, c);
        add("points", "points");
    }
};
inline const unit_atoms_table unit_atoms;
inline const auto unit_atom = x3::lexeme[unit_atoms >> !idchar];
inline const x3::rule<struct unit_text_class, std::string> unit_text = "unit";
inline const auto unit_text_def =
    x3::string("%") | x3::raw[x3::lexeme[unit_atom >> *(x3::char_("/*") >> unit_atom)]];
BOOST_SPIRIT_DEFINE(unit_text)

}  // namespace tl::lang::parser
