#pragma once
// Internal to src/lang: turns the X3 tree into the Spirit-free syntax model.
#include <optional>
#include <string>

#include "core/diagnostic.hpp"
#include "lang/ast.hpp"
#include "lang/config.hpp"
#include "lang/syntax.hpp"

namespace tl::lang {

/// file:line:col of a byte offset (column in code points).
SourcePos position_at(const std::string& text, const std::string& path, std::size_t offset);

/// Comments of a text, skipping those inside strings, for `fmt` to put back.
std::vector<Comment> collect_comments(const std::string& text);

/// Byte offsets of line starts, so positions are found by binary search (a scan from the start
/// of the text per node made checking quadratic in the file's length).
class LineIndex {
public:
    explicit LineIndex(const std::string& text);
    SourcePos position(const std::string& text, const std::string& path, std::size_t offset) const;
    std::string line_text(const std::string& text, int line) const;

private:
    std::vector<std::size_t> starts_;
};

struct Lowering {
    const std::string& text;
    const std::string& path;
    parser::error_handler_type& handler;
    LineIndex lines{text};
    /// Where an expression first grew deeper than kMaxTreeDepth (nesting.hpp); its tree was cut
    /// there, so the caller must report this and drop the result.
    std::optional<SourcePos> too_deep;
    int height_ = 0;  ///< the height of the tree the last lowering call returned
    /// What lowering noticed without refusing it (a literal with more digits than a double keeps),
    /// for the caller to add to the diagnostics.
    Diagnostics warnings{};

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
