#pragma once
#include <boost/fusion/include/adapt_struct.hpp>

#include "lang/ast.hpp"

BOOST_FUSION_ADAPT_STRUCT(tl::lang::ast::number_lit, text, unit)
BOOST_FUSION_ADAPT_STRUCT(tl::lang::ast::name_ref, name, is_else)
BOOST_FUSION_ADAPT_STRUCT(tl::lang::ast::text_lit, text, quote)
BOOST_FUSION_ADAPT_STRUCT(tl::lang::ast::unary, op, operand_)
BOOST_FUSION_ADAPT_STRUCT(tl::lang::ast::operation, op, operand_)
BOOST_FUSION_ADAPT_STRUCT(tl::lang::ast::expression, first, rest)
BOOST_FUSION_ADAPT_STRUCT(tl::lang::ast::if_expr, condition, then_branch, else_branch)
BOOST_FUSION_ADAPT_STRUCT(tl::lang::ast::call_arg, guard, key, value)
BOOST_FUSION_ADAPT_STRUCT(tl::lang::ast::call, name, args)
BOOST_FUSION_ADAPT_STRUCT(tl::lang::ast::type_spec, name, args)
BOOST_FUSION_ADAPT_STRUCT(tl::lang::ast::text_prop, key, value)
BOOST_FUSION_ADAPT_STRUCT(tl::lang::ast::expr_prop, key, value)
BOOST_FUSION_ADAPT_STRUCT(tl::lang::ast::range_prop, key, lo, hi)
BOOST_FUSION_ADAPT_STRUCT(tl::lang::ast::flag_prop, key, on)
BOOST_FUSION_ADAPT_STRUCT(tl::lang::ast::lot_prop, id, name)
BOOST_FUSION_ADAPT_STRUCT(tl::lang::ast::item, keyword, id, type, props)
