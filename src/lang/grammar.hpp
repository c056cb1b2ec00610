#pragma once
// Declarations of the rule-language grammar. Each top-level rule is instantiated in its own
// translation unit (expression_rule.cpp, file_rule.cpp) to keep compile times sane.
#include <boost/spirit/home/x3.hpp>

#include "lang/ast.hpp"

namespace tl::lang::parser {

namespace x3 = boost::spirit::x3;

struct expression_class;
struct file_class;
using expression_type = x3::rule<expression_class, ast::expression>;
using file_type = x3::rule<file_class, std::vector<ast::item>>;
BOOST_SPIRIT_DECLARE(expression_type, file_type)

}  // namespace tl::lang::parser

namespace tl::lang {
/// The expression rule (an arithmetic/logical expression of the language).
parser::expression_type const& expression_rule();
/// The whole-file rule.
parser::file_type const& file_rule();
}  // namespace tl::lang
