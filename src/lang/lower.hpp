#pragma once
// Internal to src/lang: turns the X3 tree into the Spirit-free syntax model.
#include <string>

#include "lang/ast.hpp"
#include "lang/config.hpp"
#include "lang/syntax.hpp"

namespace tl::lang {

/// file:line:col of a byte offset (column in code points).
SourcePos position_at(const std::string& text, const std::string& path, std::size_t offset);

/// Comments of a text, skipping those inside strings, for `fmt` to put back.
std::vector<Comment> collect_comments(const std::string& text);

struct Lowering {
    const std::string& text;
    const std::string& path;
    parser::error_handler_type& handler;

    Item item(const ast::item& it);
    Expr expression(const ast::expression& e);

private:
    template <class Node>
    SourcePos pos(const Node& n);
    Expr operand(const ast::operand& o);
    Expr call(const ast::call& c);
    Property property(const ast::property& p);
    int last_line(const ast::item& it);
};

}  // namespace tl::lang
