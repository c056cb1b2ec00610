#pragma once
/// Messages as values (docs/ARCHITECTURE.md, "Messages and languages"): a stable code, the English
/// template that is also the gettext catalog's msgid, and the arguments as values. A message is
/// worded only when a front end shows it, through a Translator the front end injects (the CLI gives
/// libintl, the desktop app wx's translations of the same `tenderloop` catalog), so no layer below
/// the front ends knows the user's language and nothing ever parses a worded message.
///
/// Templates name their arguments in braces: `unknown name '{name}'{hint}`. An argument is one of
///  - text quoted from the user's input (a name, a cell, a rules expression): kept exactly as
///    written in every language, decimal points included;
///  - a number or count TenderLoop computed: formatted for the language (a decimal comma in Russian);
///  - another message (a hint, a described thing): worded with the same translator.
#include <memory>
#include <string>
#include <vector>

/// Marks an English template for xgettext (`--keyword=TL_MSG`) where it is written; it translates
/// nothing itself (the translator does, when the message is worded).
#define TL_MSG(english) english

/// Marks a template with a plural: the singular and plural English forms, kept in one string
/// separated by kPluralSeparator (xgettext: `--keyword=TL_MSG_PLURAL:1,2`).
#define TL_MSG_PLURAL(singular, plural) singular "|" plural

namespace tl {

struct Message;

/// One named argument of a message.
struct MessageArg {
    enum class Kind { Text, Number, Count, Nested };
    std::string name;
    Kind kind = Kind::Text;
    std::string text;         ///< Text: verbatim
    double number = 0;        ///< Number
    int decimals = -1;        ///< Number: fixed decimals, or -1 for the shortest exact form
    long long count = 0;      ///< Count
    std::shared_ptr<const Message> nested;  ///< Nested
};

/// A message as a value. Empty `code`: no message.
struct Message {
    std::string code;     ///< stable identifier, e.g. "lang.unknown-name" (tests and tools key on it)
    std::string english;  ///< the English template, also the catalog msgid
    std::vector<MessageArg> args;

    Message() = default;
    Message(std::string code_, std::string english_) : code(std::move(code_)), english(std::move(english_)) {}

    bool empty() const { return code.empty() && english.empty(); }

    /// Adds a text argument quoted from the input (never translated or reformatted).
    Message& text(const std::string& name, const std::string& value);
    /// Adds a number TenderLoop computed (formatted per language; `decimals` < 0: shortest form).
    Message& number(const std::string& name, double value, int decimals = -1);
    /// Adds a whole count (also chooses the plural form where a template has one).
    Message& count(const std::string& name, long long value);
    /// Adds a message worded with the same translator (empty: worded as "").
    Message& nested(const std::string& name, Message value);

    /// The argument called `name`, or null.
    const MessageArg* arg(const std::string& name) const;
};

/// A text that exists only as written (an operating system's error, a library's detail, a quoted
/// token) as a message: shown as it is in every language ("{text}" is no catalog entry).
inline Message verbatim(const std::string& text) { return Message("verbatim", "{text}").text("text", text); }

/// The language messages are worded in, injected by the front end.
class Translator {
public:
    virtual ~Translator() = default;
    /// The catalog's text for `msgid`, or `msgid` itself when it has none.
    virtual std::string translate(const std::string& msgid) const = 0;
    /// The catalog's plural form for `n` (`msgid` singular, `plural` the English plural).
    virtual std::string translate_plural(const std::string& msgid, const std::string& plural, long long n) const = 0;
    /// "en", "ru", ...: chooses how numbers and dates are written and which texts of the rules
    /// (`name` or `name_ru`) are shown.
    virtual std::string language() const = 0;
};

/// The English templates as written (tests, logs, and any front end without a catalog).
const Translator& english();

/// The words of `m` in the translator's language, arguments filled in. A template whose msgstr
/// lost or misspelt an argument still shows the value (appended), never a raw `{name}`.
std::string word(const Message& m, const Translator& t = english());

/// A number as a person reads it in `language`: format_number's digits, and in Russian a decimal
/// comma and a thin no-break space between thousands of the integer part (12 000 000,5).
std::string format_number_in(double v, const std::string& language, int decimals = -1);

/// Plural templates: "{n} bid|{n} bids" holds the singular and plural English forms separated by
/// '|'; the catalog's msgid is the singular, msgid_plural the plural.
inline constexpr char kPluralSeparator = '|';

}  // namespace tl
