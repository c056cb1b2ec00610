#include "core/message.hpp"

#include <cmath>

#include "core/number_format.hpp"

namespace tl {

namespace {

/// A new argument of `m`, named and of its kind (the builders below fill in the value).
MessageArg& add_arg(Message& m, const std::string& name, MessageArg::Kind kind) {
    MessageArg& a = m.args.emplace_back();
    a.name = name;
    a.kind = kind;
    return a;
}

}  // namespace

Message& Message::text(const std::string& name, const std::string& value) {
    add_arg(*this, name, MessageArg::Kind::Text).text = value;
    return *this;
}

Message& Message::number(const std::string& name, double value, int decimals) {
    MessageArg& a = add_arg(*this, name, MessageArg::Kind::Number);
    a.number = value;
    a.decimals = decimals;
    return *this;
}

Message& Message::count(const std::string& name, long long value) {
    add_arg(*this, name, MessageArg::Kind::Count).count = value;
    return *this;
}

Message& Message::nested(const std::string& name, Message value) {
    add_arg(*this, name, MessageArg::Kind::Nested).nested = std::make_shared<const Message>(std::move(value));
    return *this;
}

const MessageArg* Message::arg(const std::string& name) const {
    for (const auto& a : args)
        if (a.name == name) return &a;
    return nullptr;
}

namespace {

class EnglishTranslator final : public Translator {
public:
    std::string translate(const std::string& msgid) const override { return msgid; }
    std::string translate_plural(const std::string& msgid, const std::string& plural, long long n) const override {
        return n == 1 ? msgid : plural;
    }
    std::string language() const override { return "en"; }
};

/// Groups the integer digits of `digits` (an optional '-', digits, an optional fraction) by
/// three with `separator`, when the integer part has more than four digits (Russian practice
/// leaves 2026 or 1500 ungrouped).
std::string group_thousands(const std::string& digits, const std::string& separator) {
    std::size_t start = (!digits.empty() && digits[0] == '-') ? 1 : 0;
    std::size_t end = start;
    while (end < digits.size() && digits[end] >= '0' && digits[end] <= '9') ++end;
    const std::size_t n = end - start;
    if (n <= 4) return digits;
    std::string out = digits.substr(0, start);
    for (std::size_t i = 0; i < n; ++i) {
        if (i > 0 && (n - i) % 3 == 0) out += separator;
        out += digits[start + i];
    }
    return out + digits.substr(end);
}

std::string word_arg(const MessageArg& a, const Translator& t) {
    switch (a.kind) {
        case MessageArg::Kind::Text: return a.text;
        case MessageArg::Kind::Number: return format_number_in(a.number, t.language(), a.decimals);
        case MessageArg::Kind::Count: return std::to_string(a.count);
        case MessageArg::Kind::Nested: return a.nested ? word(*a.nested, t) : std::string();
    }
    return a.text;
}

/// The count that chooses a plural form: the first Count argument.
const MessageArg* plural_count(const Message& m) {
    for (const auto& a : m.args)
        if (a.kind == MessageArg::Kind::Count) return &a;
    return nullptr;
}

}  // namespace

const Translator& english() {
    static const EnglishTranslator instance;
    return instance;
}

std::string format_number_in(double v, const std::string& language, int decimals) {
    std::string s = decimals >= 0 ? format_fixed(v, decimals) : format_number(v);
    if (language != "ru" || !std::isfinite(v)) return s;
    const std::size_t dot = s.find('.');
    if (dot != std::string::npos) s[dot] = ',';
    // U+00A0 NO-BREAK SPACE: the group separator of Russian typography that never breaks a line.
    return group_thousands(s, "\xC2\xA0");
}

std::string word(const Message& m, const Translator& t) {
    std::string templ;
    const std::size_t bar = m.english.find(kPluralSeparator);
    if (bar != std::string::npos) {
        const MessageArg* n = plural_count(m);
        templ = t.translate_plural(m.english.substr(0, bar), m.english.substr(bar + 1), n ? n->count : 1);
    } else {
        templ = m.english.empty() ? std::string() : t.translate(m.english);
    }
    std::string out;
    std::vector<bool> used(m.args.size(), false);
    for (std::size_t i = 0; i < templ.size(); ++i) {
        if (templ[i] == '{') {
            const std::size_t close = templ.find('}', i + 1);
            if (close != std::string::npos) {
                const std::string name = templ.substr(i + 1, close - i - 1);
                bool found = false;
                for (std::size_t k = 0; k < m.args.size(); ++k) {
                    if (m.args[k].name != name) continue;
                    out += word_arg(m.args[k], t);
                    used[k] = true;
                    found = true;
                    break;
                }
                if (found) {
                    i = close;
                    continue;
                }
            }
        }
        out += templ[i];
    }
    // A translation that lost an argument must not hide the value from the user.
    for (std::size_t k = 0; k < m.args.size(); ++k) {
        if (used[k] || templ.find("{" + m.args[k].name + "}") != std::string::npos) continue;
        // In a plural template the count chooses the form; a form may well not show it.
        if (bar != std::string::npos && m.args[k].kind == MessageArg::Kind::Count) continue;
        const std::string v = word_arg(m.args[k], t);
        if (!v.empty()) out += " [" + v + "]";
    }
    return out;
}

}  // namespace tl
