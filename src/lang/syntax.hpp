#pragma once
/// A parsed rule file before checking: items with their properties, expressions already in the
/// core's tree (names not yet resolved). What `fmt` prints and `check` reads. Free of Spirit.
#include <string>
#include <vector>

#include "core/diagnostic.hpp"
#include "core/expr.hpp"

namespace tl::lang {

enum class PropertyKind { Text, Expr, Range, Flag, Lot, Item };

struct Item;

struct Property {
    PropertyKind kind = PropertyKind::Expr;
    std::string key;   ///< `name`, `score`, ...; the lot id for Lot
    SourcePos pos;
    std::string text;  ///< Text and Lot: the string
    Expr value;        ///< Expr: the value; Range: the low end
    Expr high;         ///< Range: the high end
    std::vector<Item> item;  ///< Item: exactly one nested item (a criterion inside a group)
};

struct Comment {
    int line = 0;
    std::string text;  ///< including the `//` or `#`
    bool own_line = true;  ///< false when code precedes it on its line
};

struct Item {
    std::string keyword;  ///< tender, field, let, requirement, criterion, group, tie_break, abnormally_low, import
    std::string id;       ///< import: the path
    SourcePos pos, id_pos;
    std::string type_name;               ///< field: money, enum, quantity...
    std::vector<std::string> type_args;  ///< enum members, or the quantity's unit
    SourcePos type_pos;
    std::vector<Property> props;
    int end_line = 0;  ///< last line of the item, for placing comments

    /// First property with this key, or nullptr.
    const Property* find(const std::string& key) const;
};

struct RuleFile {
    std::string path;
    std::string text;
    std::vector<Item> items;
    std::vector<Comment> comments;
};

/// Parses rule text. On a syntax error returns false with one diagnostic that says what was
/// expected where (and which bracket it would close).
bool parse_rules(const std::string& text, const std::string& path, RuleFile& out, Diagnostics& diagnostics);

/// Parses a single expression (for tools and tests).
bool parse_expression(const std::string& text, const std::string& path, Expr& out, Diagnostics& diagnostics);

/// The source line (without its newline) for a 1-based line number.
std::string source_line(const std::string& text, int line);

}  // namespace tl::lang
