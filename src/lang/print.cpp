#include "lang/print.hpp"

#include <cstddef>

namespace tl::lang {

namespace {

std::string quote(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

bool plain_member(const std::string& s) {
    if (s.empty() || (s[0] >= '0' && s[0] <= '9')) return false;
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
    return s != "and" && s != "or" && s != "not" && s != "if" && s != "then" && s != "else";
}

struct Printer {
    const RuleFile& file;
    std::size_t next_comment = 0;
    std::string out;

    // Own-line comments that stand before `line` go out first, at the current indentation.
    void comments_before(int line, const std::string& indent) {
        while (next_comment < file.comments.size() && file.comments[next_comment].line < line) {
            out += indent + file.comments[next_comment].text + "\n";
            ++next_comment;
        }
    }
    // A comment that trails code on `line` stays on that line.
    void trailing(int line) {
        if (next_comment < file.comments.size() && file.comments[next_comment].line == line &&
            !file.comments[next_comment].own_line) {
            out.pop_back();  // the newline
            out += "  " + file.comments[next_comment].text + "\n";
            ++next_comment;
        }
    }

    // `last_on_line`: a trailing comment belongs to the last property written on its line.
    void property(const Property& p, const std::string& indent, bool last_on_line) {
        comments_before(p.pos.line, indent);
        switch (p.kind) {
            case PropertyKind::Text: out += indent + p.key + ": " + quote(p.text) + "\n"; break;
            case PropertyKind::Expr: out += indent + p.key + ": " + print_expr(p.value) + "\n"; break;
            case PropertyKind::Range:
                out += indent + p.key + ": " + print_expr(p.value) + " .. " + print_expr(p.high) + "\n";
                break;
            case PropertyKind::Flag: out += indent + p.key + "\n"; break;
            case PropertyKind::Lot: out += indent + "lot " + p.key + ": " + quote(p.text) + "\n"; break;
            case PropertyKind::Item: item(p.item.front(), indent); return;
        }
        if (last_on_line) trailing(p.pos.line);
    }

    void block(const Item& it, const std::string& indent) {
        out += " {\n";
        // A comment on the header line stays there, unless a property shares that line.
        if (it.props.empty() || it.props.front().pos.line != it.pos.line) trailing(it.pos.line);
        for (std::size_t i = 0; i < it.props.size(); ++i)
            property(it.props[i], indent + "  ", i + 1 == it.props.size() || it.props[i + 1].pos.line != it.props[i].pos.line);
        comments_before(it.end_line, indent + "  ");
        out += indent + "}\n";
        trailing(it.end_line);
    }

    void item(const Item& it, const std::string& indent) {
        comments_before(it.pos.line, indent);
        out += indent + it.keyword;
        if (it.keyword == "import") {
            out += " " + quote(it.id) + "\n";
            trailing(it.pos.line);
            return;
        }
        if (it.keyword == "let") {
            out += " " + it.id + " = " + print_expr(it.props.front().value) + "\n";
            trailing(it.pos.line);
            return;
        }
        if (it.keyword == "tie_break") {
            out += ": ";
            for (std::size_t i = 0; i < it.props.size(); ++i) out += (i ? ", " : "") + print_expr(it.props[i].value);
            out += "\n";
            trailing(it.pos.line);
            return;
        }
        if (!it.id.empty()) out += " " + it.id;
        if (it.keyword == "field") {
            out += ": " + it.type_name;
            // Arguments as read (the checker judges them); `quantity` with none prints bare.
            if (!it.type_args.empty()) {
                out += "(";
                for (std::size_t i = 0; i < it.type_args.size(); ++i) {
                    const std::string& arg = it.type_args[i];
                    const bool bare = it.type_name == "quantity" ? arg.find_first_of(" \"\\,()") == std::string::npos
                                                                 : plain_member(arg);
                    out += (i ? ", " : "") + (bare ? arg : quote(arg));
                }
                out += ")";
            }
            if (it.props.empty()) {
                out += "\n";
                trailing(it.pos.line);
                return;
            }
        }
        block(it, indent);
    }
};

}  // namespace

std::string format_rules(const RuleFile& file) {
    Printer p{file, 0, {}};
    std::string previous;
    for (std::size_t i = 0; i < file.items.size(); ++i) {
        const Item& it = file.items[i];
        // One blank line between items, none between consecutive one-line items of a kind
        // (lets, imports, short fields), so lists stay lists.
        const bool one_line = it.keyword == "let" || it.keyword == "import" || (it.keyword == "field" && it.props.empty());
        if (i > 0 && !(one_line && previous == it.keyword)) p.out += "\n";
        p.item(it, "");
        previous = one_line ? it.keyword : "";
    }
    p.comments_before(1 << 30, "");
    return p.out;
}

}  // namespace tl::lang
