// Instantiates the expression grammar for the one context type (see config.hpp).
#include "lang/expression_def.hpp"

namespace tl::lang::parser {
BOOST_SPIRIT_INSTANTIATE(expression_type, iterator_type, context_type)
}  // namespace tl::lang::parser

namespace tl::lang {
parser::expression_type const& expression_rule() { return parser::expression; }
}  // namespace tl::lang
