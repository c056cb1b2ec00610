#pragma once
// The expression grammar: precedence levels from `or` (loosest) to operands.
#include "lang/grammar.hpp"
#include "lang/grammar_common.hpp"
#include "lang/nesting.hpp"

namespace tl::lang::parser {

struct or_ops_table : x3::symbols<BinOp> {
    or_ops_table() { add("or", BinOp::Or); }
};
struct and_ops_table : x3::symbols<BinOp> {
    and_ops_table() { add("and", BinOp::And); }
};
struct cmp_ops_table : x3::symbols<BinOp> {
    cmp_ops_table() {
        add("==", BinOp::Eq)("!=", BinOp::Ne)("<=", BinOp::Le)(">=", BinOp::Ge)("<", BinOp::Lt)(">", BinOp::Gt);
    }
};
struct add_ops_table : x3::symbols<BinOp> {
    add_ops_table() { add("+", BinOp::Add)("-", BinOp::Sub); }
};
struct mul_ops_table : x3::symbols<BinOp> {
    mul_ops_table() { add("*", BinOp::Mul)("/", BinOp::Div); }
};
inline const or_ops_table or_ops;
inline const and_ops_table and_ops;
inline const cmp_ops_table cmp_ops;
inline const add_ops_table add_ops;
inline const mul_ops_table mul_ops;

struct not_op_table : x3::symbols<UnOp> {
    not_op_table() { add("not", UnOp::Not); }
};
struct neg_op_table : x3::symbols<UnOp> {
    neg_op_table() { add("-", UnOp::Neg); }
};
inline const not_op_table not_op;
inline const neg_op_table neg_op;

struct expression_class : annotated {};
struct or_class : annotated {};
struct and_class : annotated {};
struct not_class : annotated {};
struct cmp_class : annotated {};
struct add_class : annotated {};
struct mul_class : annotated {};
struct unary_not_class : annotated {};
struct unary_neg_class : annotated {};
struct or_op_class : annotated {};
struct and_op_class : annotated {};
struct cmp_op_class : annotated {};
struct add_op_class : annotated {};
struct mul_op_class : annotated {};
struct number_class : annotated {};
struct name_class : annotated {};
struct text_class : annotated {};
struct if_class : annotated {};
struct call_class : annotated {};
struct call_arg_class : annotated {};
struct operand_class : annotated {};
struct paren_class : annotated {};
struct then_class;
struct else_class;
struct no_chain_class;

inline const expression_type expression = "expression";
inline const x3::rule<or_class, ast::expression> or_expr = "expression";
inline const x3::rule<and_class, ast::expression> and_expr = "expression";
inline const x3::rule<not_class, ast::expression> not_expr = "expression";
inline const x3::rule<cmp_class, ast::expression> cmp_expr = "expression";
inline const x3::rule<add_class, ast::expression> add_expr = "expression";
inline const x3::rule<mul_class, ast::expression> mul_expr = "expression";
inline const x3::rule<unary_not_class, ast::unary> unary_not = "expression";
inline const x3::rule<unary_neg_class, ast::unary> unary_neg = "value";
inline const x3::rule<or_op_class, ast::operation> or_op = "or";
inline const x3::rule<and_op_class, ast::operation> and_op = "and";
inline const x3::rule<cmp_op_class, ast::operation> cmp_op = "comparison";
inline const x3::rule<add_op_class, ast::operation> add_op = "+";
inline const x3::rule<mul_op_class, ast::operation> mul_op = "*";
inline const x3::rule<number_class, ast::number_lit> number_lit = "number";
inline const x3::rule<name_class, ast::name_ref> name_ref = "name";
inline const x3::rule<text_class, ast::text_lit> text_lit = "string";
inline const x3::rule<if_class, ast::if_expr> if_expr = "if";
inline const x3::rule<call_class, ast::call> call = "call";
inline const x3::rule<call_arg_class, ast::call_arg> call_arg = "argument";
inline const x3::rule<operand_class, ast::operand> operand = "value";
inline const x3::rule<paren_class, ast::expression> paren_expr = "'('";
inline const x3::rule<then_class> then_keyword = "'then'";
inline const x3::rule<else_class> else_keyword = "'else'";
// Named so that parse.cpp can say why: `a <= b <= c` needs `a <= b and b <= c`.
inline const x3::rule<no_chain_class> no_chain = "no-chain";

// `-` must not eat the start of `->` (the arrow of linear/steps/table).
inline const auto add_symbol = x3::lexeme[add_ops >> !x3::lit('>')];
inline const auto mul_symbol = mul_ops;
inline const auto not_symbol = x3::lexeme[not_op >> !idchar];
inline const auto neg_symbol = x3::lexeme[neg_op >> !x3::lit('>')];
inline const auto or_symbol = x3::lexeme[or_ops >> !idchar];
inline const auto and_symbol = x3::lexeme[and_ops >> !idchar];

inline const auto expression_def = or_expr;
inline const auto or_expr_def = and_expr >> *or_op;
inline const auto or_op_def = or_symbol > and_expr;
inline const auto and_expr_def = not_expr >> *and_op;
inline const auto and_op_def = and_symbol > not_expr;
inline const auto not_expr_def = (unary_not >> x3::attr(std::vector<ast::operation>())) | cmp_expr;
// Each construct that nests opens a level (nesting.hpp): the recursion stays bounded.
inline const auto unary_not_def = nest(not_symbol)[not_symbol > not_expr];
// Comparisons do not chain: `a < b < c` is an error, not a surprise.
inline const auto cmp_expr_def = add_expr >> x3::repeat(0, 1)[cmp_op] > no_chain;
inline const auto no_chain_def = !cmp_ops;
inline const auto then_keyword_def = kw("then");
inline const auto else_keyword_def = kw("else");
inline const auto cmp_op_def = cmp_ops > add_expr;
inline const auto add_expr_def = mul_expr >> *add_op;
inline const auto add_op_def = add_symbol > mul_expr;
inline const auto mul_expr_def = (operand >> *mul_op);
inline const auto mul_op_def = mul_symbol > operand;
inline const auto unary_neg_def = nest(neg_symbol)[neg_symbol > operand];

// Decimal numbers as officers write them: no `inf`/`nan`, no `1.` or `.5` (so `0 .. 100` reads as a
// range). The digits are kept as written; lower.cpp converts them exactly (Spirit's real parser can
// be an ulp off) and a number too large is reported by the checker.
inline const auto number_text = x3::raw[x3::lexeme[+x3::ascii::digit >> -('.' >> +x3::ascii::digit) >>
                                                   -(x3::ascii::char_("eE") >> -x3::ascii::char_("+-") >> +x3::ascii::digit)]];
inline const auto number_lit_def = number_text >> (unit_text | x3::attr(std::string()));
inline const auto name_ref_def = (identifier >> x3::attr(false)) | (kw_str("else") >> x3::attr(true));
inline const auto text_lit_def = quoted_string >> x3::attr('"');
inline const auto if_expr_def = nest(kw("if"))[kw("if") > expression > then_keyword > expression > else_keyword > expression];
inline const auto call_arg_def = -cmp_ops >> expression >> -(x3::lit("->") > expression);
inline const auto call_def = nest(identifier >> '(')[identifier >> '(' >> -(call_arg % ',') > ')'];
// `(if ...)` is one level, the `if`'s: `fmt` brackets an `if` that stands in an operation
// (`1 + (if c then a else b)`), and what it prints must read again at the same depth.
inline const auto paren_expr_def = ('(' >> &kw("if") > expression > ')') | nest(x3::lit('('))['(' > expression > ')'];
inline const auto operand_def =
    number_lit | if_expr | call | name_ref | text_lit | unary_neg | paren_expr;

BOOST_SPIRIT_DEFINE(expression, or_expr, and_expr, not_expr, cmp_expr, add_expr, mul_expr, unary_not, unary_neg,
                    or_op, and_op, cmp_op, add_op, mul_op, number_lit, name_ref, text_lit, if_expr, call, call_arg,
                    operand, paren_expr, then_keyword, else_keyword, no_chain)

}  // namespace tl::lang::parser
