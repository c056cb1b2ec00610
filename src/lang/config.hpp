#pragma once
// The one parser context type every grammar translation unit is instantiated with.
#include <boost/spirit/home/x3.hpp>
#include <boost/spirit/home/x3/support/utility/error_reporting.hpp>
#include <string>

namespace tl::lang::parser {

namespace x3 = boost::spirit::x3;

using iterator_type = std::string::const_iterator;

/// Skips white space and comments (`//` or `#` to the end of the line).
struct skipper_tag;
// A comment ends at '\n', as everywhere else lines are counted: the printer and the diagnostics
// must see the same comment the parser skipped. A lone '\r' is a line end too: parse_rules turns
// it into '\n' before the grammar runs (source_text.hpp).
inline const auto skipper = x3::ascii::space | x3::lexeme[(x3::lit("//") | x3::lit('#')) >> *(x3::char_ - x3::lit('\n'))];
using skipper_type = std::remove_cv_t<decltype(skipper)>;

using phrase_context_type = x3::phrase_parse_context<skipper_type>::type;
using error_handler_type = x3::error_handler<iterator_type>;
using context_type =
    x3::context<x3::error_handler_tag, std::reference_wrapper<error_handler_type>, phrase_context_type>;

}  // namespace tl::lang::parser
