#pragma once
// The syntax tree the Spirit X3 grammar fills in. Every node that a diagnostic may point at is
// position-tagged; `lower.cpp` turns this tree into the core model. Nothing outside src/lang sees
// these types.
#include <boost/optional.hpp>
#include <boost/spirit/home/x3/support/ast/position_tagged.hpp>
#include <boost/spirit/home/x3/support/ast/variant.hpp>
#include <string>
#include <vector>

#include "core/expr.hpp"

namespace tl::lang::ast {

namespace x3 = boost::spirit::x3;

struct expression;
struct unary;
struct if_expr;
struct call;

/// A number as written: converted by lower.cpp with std::from_chars, which rounds correctly
/// (Spirit's own conversion can be an ulp off, so `fmt` would not print back the same number).
struct number_lit : x3::position_tagged {
    std::string text;
    std::string unit;  ///< empty when none
};

/// A name; also the keyword `else` as the key of an arrow (is_else).
struct name_ref : x3::position_tagged {
    std::string name;
    bool is_else = false;
};

/// A quoted string in an expression (an enum member such as "A++").
struct text_lit : x3::position_tagged {
    std::string text;
    char quote = '"';
};

struct operand : x3::variant<number_lit, name_ref, text_lit, x3::forward_ast<unary>, x3::forward_ast<if_expr>,
                             x3::forward_ast<call>, x3::forward_ast<expression>> {
    using base_type::base_type;
    using base_type::operator=;
};

struct unary : x3::position_tagged {
    UnOp op = UnOp::Neg;
    operand operand_;
};

struct operation : x3::position_tagged {
    BinOp op = BinOp::None;
    operand operand_;
};

/// `first op1 x1 op2 x2 ...`, all operators of one precedence level.
struct expression : x3::position_tagged {
    operand first;
    std::vector<operation> rest;
};

struct if_expr : x3::position_tagged {
    expression condition, then_branch, else_branch;
};

/// One argument; `guard key -> value` inside linear/steps/table, else just `key`.
struct call_arg : x3::position_tagged {
    boost::optional<BinOp> guard;
    expression key;
    boost::optional<expression> value;
};

struct call : x3::position_tagged {
    std::string name;
    std::vector<call_arg> args;
};

// ---- items ----

/// `enum(A, "A++")`, `quantity(g/km)`, or a plain type name with no arguments.
struct type_spec : x3::position_tagged {
    std::string name;
    std::vector<std::string> args;
};

struct item;

struct text_prop : x3::position_tagged {
    std::string key;
    std::string value;
};
struct expr_prop : x3::position_tagged {
    std::string key;
    expression value;
};
struct range_prop : x3::position_tagged {
    std::string key;
    expression lo, hi;
};
struct flag_prop : x3::position_tagged {
    std::string key;
    bool on = true;
};
struct lot_prop : x3::position_tagged {
    std::string id;
    std::string name;
};

struct property : x3::variant<text_prop, expr_prop, range_prop, flag_prop, lot_prop, x3::forward_ast<item>> {
    using base_type::base_type;
    using base_type::operator=;
};

/// Every item has the same shape: `keyword id : type { properties }`; what does not apply is
/// empty. `import "x"` keeps the path in `id`; `let x = e` and `tie_break: a, b` keep their
/// expressions as properties with key "=" and "tie_break".
struct item : x3::position_tagged {
    std::string keyword;
    std::string id;
    type_spec type;
    std::vector<property> props;
};

struct file {
    std::vector<item> items;
};

}  // namespace tl::lang::ast
