#include "lang/lower.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>

#include <boost/variant/apply_visitor.hpp>

#include "lang/nesting.hpp"
#include "lang/number_literal.hpp"

namespace tl::lang {

LineIndex::LineIndex(const std::string& text) {
    starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] == '\n') starts_.push_back(i + 1);
}

SourcePos LineIndex::position(const std::string& text, const std::string& path, std::size_t offset) const {
    auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
    const std::size_t line = static_cast<std::size_t>(it - starts_.begin());  // 1-based
    const std::size_t start = starts_[line - 1];
    SourcePos p;
    p.file = path;
    p.line = static_cast<int>(line);
    p.col = 1;
    for (std::size_t i = start; i < offset && i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++p.col;
    return p;
}

std::string LineIndex::line_text(const std::string& text, int line) const {
    if (line < 1 || static_cast<std::size_t>(line) > starts_.size()) return {};
    const std::size_t start = starts_[static_cast<std::size_t>(line - 1)];
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    if (end > start && text[end - 1] == '\r') --end;
    return text.substr(start, end - start);
}

template <class Node>
SourcePos Lowering::pos(const Node& n) {
    if (n.id_first < 0) return SourcePos{path, 0, 0};  // a node no rule annotated
    auto range = handler.position_of(n);
    return lines.position(text, path, static_cast<std::size_t>(range.begin() - text.cbegin()));
}

int Lowering::last_line(const ast::item& it) {
    auto range = handler.position_of(it);
    return lines.position(text, path, static_cast<std::size_t>(range.end() - text.cbegin())).line;
}

Expr Lowering::expression(const ast::expression& e) {
    Expr acc = operand(e.first);
    int acc_height = height_;
    for (const auto& op : e.rest) {
        Expr rhs = operand(op.operand_);
        // A chain nests to the left, one level per operator. Past the limit the tree is not built
        // further: every pass over it (even its destructor) recurses as deep as it is.
        const int h = 1 + std::max(acc_height, height_);
        if (h > kMaxTreeDepth) {
            if (!too_deep) too_deep = pos(op);
            break;
        }
        acc_height = h;
        Expr b;
        b.kind = ExprKind::Binary;
        b.bin = op.op;
        b.op_pos = pos(op);
        b.pos = acc.pos;
        b.args.push_back(std::move(acc));
        b.args.push_back(std::move(rhs));
        acc = std::move(b);
    }
    height_ = acc_height;
    return acc;
}

Expr Lowering::operand(const ast::operand& o) {
    struct Visitor {
        Lowering& self;
        using result_type = Expr;
        Expr operator()(const ast::number_lit& n) const {
            Expr e;
            e.kind = ExprKind::Number;
            // The grammar accepted the text as a number; from_chars is exact and ignores the locale.
            const auto [end, ec] = std::from_chars(n.text.data(), n.text.data() + n.text.size(), e.number);
            (void)end;
            const NumberText digits = inspect_number(n.text);
            // Too large is infinite, too close to zero NaN: the checker words each (check_expr.cpp).
            if (ec == std::errc::result_out_of_range)
                e.number = digits.magnitude < 0 ? std::numeric_limits<double>::quiet_NaN() : std::numeric_limits<double>::infinity();
            e.unit_text = n.unit;
            e.pos = self.pos(n);
            if (digits.significant_digits > kMaxSignificantDigits && std::isfinite(e.number)) {
                char shown[32];
                std::snprintf(shown, sizeof shown, "%.17g", e.number);
                self.warnings.push_back(make_diagnostic(
                    Severity::Warning, e.pos,
                    Message("lang.number-rounded", TL_MSG("this number has {digits} significant digits, more than the {max} a "
                                                          "computer's number keeps; it is computed as {value}"))
                        .text("digits", std::to_string(digits.significant_digits))
                        .text("max", std::to_string(kMaxSignificantDigits))
                        .text("value", shown),
                    self.lines.line_text(self.text, e.pos.line)));
            }
            self.height_ = 1;
            return e;
        }
        Expr operator()(const ast::name_ref& n) const {
            Expr e;
            e.kind = n.is_else ? ExprKind::Else : ExprKind::Name;
            e.name = n.name;
            e.pos = self.pos(n);
            self.height_ = 1;
            return e;
        }
        Expr operator()(const ast::text_lit& t) const {
            Expr e;
            e.kind = ExprKind::Text;
            e.name = t.text;
            e.pos = self.pos(t);
            self.height_ = 1;
            return e;
        }
        Expr operator()(const ast::unary& u) const {
            Expr e;
            e.kind = ExprKind::Unary;
            e.un = u.op;
            e.pos = self.pos(u);
            e.args.push_back(self.operand(u.operand_));
            self.height_ += 1;
            return e;
        }
        Expr operator()(const ast::if_expr& i) const {
            Expr e;
            e.kind = ExprKind::If;
            e.pos = self.pos(i);
            int h = 0;
            for (const ast::expression* part : {&i.condition, &i.then_branch, &i.else_branch}) {
                e.args.push_back(self.expression(*part));
                h = std::max(h, self.height_);
            }
            self.height_ = h + 1;
            return e;
        }
        Expr operator()(const ast::call& c) const { return self.call(c); }
        Expr operator()(const ast::expression& x) const { return self.expression(x); }
    };
    Expr e = boost::apply_visitor(Visitor{*this}, o);
    // `-`, `not`, `if` and calls add a level over a chain inside them; one past the limit stops
    // there (the nesting limit of the grammar bounds how far past it the tree can be).
    if (height_ > kMaxTreeDepth && !too_deep) too_deep = e.pos;
    return e;
}

Expr Lowering::call(const ast::call& c) {
    Expr e;
    e.kind = ExprKind::Call;
    e.name = c.name;
    e.func = func_by_name(c.name);
    e.pos = pos(c);
    int h = 0;
    for (const auto& a : c.args) {
        Expr key = expression(a.key);
        if (!a.value && !a.guard) {
            h = std::max(h, height_);
            e.args.push_back(std::move(key));
            continue;
        }
        int arrow_height = height_;
        Expr arrow;
        arrow.kind = ExprKind::Arrow;
        arrow.pos = pos(a);
        arrow.bin = a.guard ? *a.guard : BinOp::None;
        arrow.args.push_back(std::move(key));
        if (a.value) {
            arrow.args.push_back(expression(*a.value));
            arrow_height = std::max(arrow_height, height_);
        }
        h = std::max(h, arrow_height + 1);
        e.args.push_back(std::move(arrow));
    }
    height_ = h + 1;
    return e;
}

Property Lowering::property(const ast::property& p) {
    struct Visitor {
        Lowering& self;
        using result_type = Property;
        Property operator()(const ast::text_prop& t) const {
            Property r;
            r.kind = PropertyKind::Text;
            r.key = t.key;
            r.text = t.value;
            r.pos = self.pos(t);
            return r;
        }
        Property operator()(const ast::expr_prop& t) const {
            Property r;
            r.kind = PropertyKind::Expr;
            r.key = t.key;
            r.value = self.expression(t.value);
            r.pos = self.pos(t);
            if (!r.pos.known()) r.pos = r.value.pos;
            return r;
        }
        Property operator()(const ast::range_prop& t) const {
            Property r;
            r.kind = PropertyKind::Range;
            r.key = t.key;
            r.value = self.expression(t.lo);
            r.high = self.expression(t.hi);
            r.pos = self.pos(t);
            return r;
        }
        Property operator()(const ast::flag_prop& t) const {
            Property r;
            r.kind = PropertyKind::Flag;
            r.key = t.key;
            r.pos = self.pos(t);
            return r;
        }
        Property operator()(const ast::lot_prop& t) const {
            Property r;
            r.kind = PropertyKind::Lot;
            r.key = t.id;
            r.text = t.name;
            r.pos = self.pos(t);
            return r;
        }
        Property operator()(const ast::item& t) const {
            Property r;
            r.kind = PropertyKind::Item;
            r.key = t.keyword;
            r.item.push_back(self.item(t));
            r.pos = r.item.front().pos;
            return r;
        }
    };
    return boost::apply_visitor(Visitor{*this}, p);
}

Item Lowering::item(const ast::item& it) {
    Item r;
    r.keyword = it.keyword;
    r.id = it.id;
    r.pos = pos(it);
    r.id_pos = r.pos;
    // The id follows the keyword: find it on the item's line for a precise caret.
    if (!it.id.empty()) {
        const std::string line = lines.line_text(text, r.pos.line);
        std::size_t at = line.find(it.id);
        if (at != std::string::npos) r.id_pos.col = utf8_column(line, at);
    }
    r.type_name = it.type.name;
    r.type_args = it.type.args;
    r.type_pos = pos(it.type);
    for (const auto& p : it.props) r.props.push_back(property(p));
    r.end_line = last_line(it);
    return r;
}

std::vector<Comment> collect_comments(const std::string& text) {
    std::vector<Comment> out;
    int line = 1;
    bool code_on_line = false, in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\n') {
            ++line;
            code_on_line = false;
            in_string = false;
            continue;
        }
        if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"') in_string = false;
            continue;
        }
        if (c == '"') {
            in_string = true;
            code_on_line = true;
        } else if (c == '#' || (c == '/' && i + 1 < text.size() && text[i + 1] == '/')) {
            std::size_t end = text.find('\n', i);
            std::string body = text.substr(i, end == std::string::npos ? std::string::npos : end - i);
            while (!body.empty() && (body.back() == '\r' || body.back() == ' ' || body.back() == '\t')) body.pop_back();
            out.push_back({line, body, !code_on_line});
            i = (end == std::string::npos ? text.size() : end) - 1;
        } else if (c != ' ' && c != '\t' && c != '\r') {
            code_on_line = true;
        }
    }
    return out;
}

const Property* Item::find(const std::string& key) const {
    for (const auto& p : props)
        if (p.key == key && p.kind != PropertyKind::Item) return &p;
    return nullptr;
}

}  // namespace tl::lang
