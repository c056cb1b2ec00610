// The file grammar: items and their `{ key: value }` blocks. Expressions come from
// expression_rule.cpp through the declared rule type, so X3 instantiates them only once.
#include "lang/grammar.hpp"
#include "lang/grammar_common.hpp"

namespace tl::lang::parser {

namespace {
const expression_type expression = "expression";
}

struct file_class : annotated {};
struct item_class : annotated {};
struct nested_item_class : annotated {};
struct type_spec_class : annotated {};
struct block_class : annotated {};
struct property_class : annotated {};
struct text_prop_class : annotated {};
struct expr_prop_class : annotated {};
struct range_prop_class : annotated {};
struct flag_prop_class : annotated {};
struct lot_prop_class : annotated {};
struct let_body_class : annotated {};
struct tie_list_class : annotated {};
struct tie_prop_class : annotated {};
struct let_prop_class : annotated {};
struct member_class : annotated {};

const file_type file = "file";
const x3::rule<item_class, ast::item> item = "an item (tender, field, let, requirement, criterion, group, tie_break, abnormally_low, import)";
const x3::rule<nested_item_class, ast::item> nested_item = "criterion";
const x3::rule<type_spec_class, ast::type_spec> type_spec = "a type (money, percent, number, quantity(unit), yesno, enum(...), text, date)";
const x3::rule<block_class, std::vector<ast::property>> block = "'{'";
const x3::rule<property_class, ast::property> property = "property";
const x3::rule<text_prop_class, ast::text_prop> text_prop = "property";
const x3::rule<expr_prop_class, ast::expr_prop> expr_prop = "property";
const x3::rule<range_prop_class, ast::range_prop> range_prop = "property";
const x3::rule<flag_prop_class, ast::flag_prop> flag_prop = "property";
const x3::rule<lot_prop_class, ast::lot_prop> lot_prop = "lot";
const x3::rule<let_body_class, std::vector<ast::property>> let_body = "expression";
const x3::rule<let_prop_class, ast::expr_prop> let_prop = "expression";
const x3::rule<tie_list_class, std::vector<ast::property>> tie_list = "tie-break";
const x3::rule<tie_prop_class, ast::expr_prop> tie_prop = "tie-break";
const x3::rule<member_class, std::string> member = "an enum member or a unit";
struct member_list_class : annotated {};
const x3::rule<member_list_class, std::vector<std::string>> member_list = "an enum member or a unit";
struct group_block_class : annotated {};
const x3::rule<group_block_class, std::vector<ast::property>> group_block = "'{'";
struct group_property_class : annotated {};
const x3::rule<group_property_class, ast::property> group_property = "property";

const auto no_type = x3::attr(ast::type_spec());
const auto no_props = x3::attr(std::vector<ast::property>());
const auto no_id = x3::attr(std::string());

const auto text_key = x3::raw[x3::lexeme[(x3::lit("name_ru") | "name" | "title_ru" | "title" | "reference" |
                                          "description" | "evidence") >> !idchar]];
const auto range_key = x3::raw[x3::lexeme[(x3::lit("range") | "scale" | "committee") >> !idchar]];

// Type arguments are read loosely (enum members, a unit such as g/km or "A++") so that the
// checker, not the parser, reports an unknown type or unit, with a suggestion.
const auto member_def = quoted_string | x3::raw[x3::lexeme[+(idchar | x3::char_("/*+%-"))]];
const auto member_list_def = member % ',';
const auto type_spec_def = identifier >> (('(' > member_list > ')') | x3::attr(std::vector<std::string>()));

const auto text_prop_def = text_key >> ':' > quoted_string;
const auto range_prop_def = range_key >> ':' > expression > ".." > expression;
const auto flag_prop_def = kw_str("optional") >> x3::attr(true);
const auto lot_prop_def = kw("lot") > identifier > ':' > quoted_string;
// A property is `key: value`; once a key that is not an item keyword stands there, the ':' is
// expected (so `weight 30 %` says so), while `field x` after a missing '}' reads as the '}' missing.
const auto item_keyword = x3::lexeme[(x3::lit("import") | "tender" | "field" | "let" | "requirement" | "criterion" |
                                      "group" | "tie_break" | "abnormally_low") >> !idchar];
const auto expr_prop_def = !item_keyword >> identifier > ':' > expression;
const auto property_def = text_prop | range_prop | flag_prop | lot_prop | expr_prop;
const auto block_def = '{' > *property > '}';
// Only a group holds criteria.
const auto group_property_def = nested_item | property;
const auto group_block_def = '{' > *group_property > '}';

const auto let_prop_def = x3::attr(std::string("=")) >> expression;
const auto let_body_def = x3::repeat(1)[let_prop];
const auto tie_prop_def = x3::attr(std::string("tie_break")) >> expression;
const auto tie_list_def = tie_prop % ',';

const auto nested_item_def = kw_str("criterion") > identifier > no_type > block;

const auto item_def =
    (kw_str("import") > quoted_string > no_type > no_props) |
    (kw_str("tender") > no_id > no_type > block) |
    (kw_str("field") > identifier > ':' > type_spec > (block | no_props)) |
    (kw_str("let") > identifier > no_type > '=' > let_body) |
    (kw_str("requirement") > identifier > no_type > block) |
    (kw_str("criterion") > identifier > no_type > block) |
    (kw_str("group") > identifier > no_type > group_block) |
    (kw_str("tie_break") > no_id > no_type > ':' > tie_list) |
    (kw_str("abnormally_low") > identifier > no_type > block);

const auto file_def = *item > x3::eoi;

BOOST_SPIRIT_DEFINE(file, item, nested_item, type_spec, block, property, text_prop, expr_prop, range_prop, flag_prop,
                    lot_prop, let_body, let_prop, tie_list, tie_prop, member, member_list, group_block,
                    group_property)

BOOST_SPIRIT_INSTANTIATE(file_type, iterator_type, context_type)

}  // namespace tl::lang::parser

namespace tl::lang {
parser::file_type const& file_rule() { return parser::file; }
}  // namespace tl::lang
