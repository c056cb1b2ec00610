// Messages as values, worded per language (core/message.hpp).
#include <catch2/catch.hpp>

#include <map>

#include "core/diagnostic.hpp"
#include "core/message.hpp"

namespace {

/// A catalog in a map, as a .mo would give it.
class MapTranslator final : public tl::Translator {
public:
    std::map<std::string, std::string> texts;
    std::string translate(const std::string& msgid) const override {
        auto it = texts.find(msgid);
        return it == texts.end() ? msgid : it->second;
    }
    std::string translate_plural(const std::string& msgid, const std::string& plural, long long n) const override {
        // Russian plural forms: 1 заявка, 2 заявки, 5 заявок (only for the one test message).
        if (msgid != "{n} bid") return n == 1 ? msgid : plural;
        if (n % 10 == 1 && n % 100 != 11) return "{n} заявка";
        if (n % 10 >= 2 && n % 10 <= 4 && (n % 100 < 10 || n % 100 >= 20)) return "{n} заявки";
        return "{n} заявок";
    }
    std::string language() const override { return "ru"; }
};

}  // namespace

TEST_CASE("messages are worded from their template and arguments") {
    tl::Message m("lang.unknown-name", TL_MSG("unknown name '{name}'{hint}"));
    m.text("name", "prise").nested("hint", tl::Message("lang.did-you-mean", TL_MSG(" (did you mean '{name}'?)")).text("name", "price"));
    CHECK(tl::word(m) == "unknown name 'prise' (did you mean 'price'?)");

    MapTranslator ru;
    ru.texts["unknown name '{name}'{hint}"] = "неизвестное имя '{name}'{hint}";
    ru.texts[" (did you mean '{name}'?)"] = " (может быть, '{name}'?)";
    CHECK(tl::word(m, ru) == "неизвестное имя 'prise' (может быть, 'price'?)");
}

TEST_CASE("numbers follow the language, quoted text stays as written") {
    tl::Message m("test.value", TL_MSG("{value} is below {limit} (rule: {rule})"));
    m.number("value", 12000000.5).number("limit", 0.25).text("rule", "price >= 0.25 * 1.5");
    CHECK(tl::word(m) == "12000000.5 is below 0.25 (rule: price >= 0.25 * 1.5)");
    MapTranslator ru;
    ru.texts["{value} is below {limit} (rule: {rule})"] = "{value} меньше {limit} (правило: {rule})";
    CHECK(tl::word(m, ru) == "12\xC2\xA0" "000\xC2\xA0" "000,5 меньше 0,25 (правило: price >= 0.25 * 1.5)");
    CHECK(tl::format_number_in(2026, "ru") == "2026");
    CHECK(tl::format_number_in(-91.66666667, "ru", 4) == "-91,6667");
    CHECK(tl::format_number_in(63.83335, "en", 4) == "63.8334");
}

TEST_CASE("plural forms come from the catalog") {
    MapTranslator ru;
    auto bids = [&](long long n) {
        return tl::word(tl::Message("test.bids", TL_MSG_PLURAL("{n} bid", "{n} bids")).count("n", n), ru);
    };
    CHECK(bids(1) == "1 заявка");
    CHECK(bids(3) == "3 заявки");
    CHECK(bids(11) == "11 заявок");
    CHECK(bids(21) == "21 заявка");
    CHECK(tl::word(tl::Message("test.bids", TL_MSG_PLURAL("{n} bid", "{n} bids")).count("n", 2)) == "2 bids");
    // A form that does not show the count: the count only chose it, it is not appended.
    const tl::Message one = tl::Message("test.import", TL_MSG_PLURAL("correct the file above", "correct the files above")).count("n", 1);
    CHECK(tl::word(one) == "correct the file above");
}

TEST_CASE("a translation that lost a placeholder still shows the value") {
    MapTranslator ru;
    ru.texts["cell {cell} is empty"] = "ячейка пуста";
    const tl::Message m = tl::Message("test.cell", TL_MSG("cell {cell} is empty")).text("cell", "C7");
    CHECK(tl::word(m, ru) == "ячейка пуста [C7]");
}

TEST_CASE("diagnostics keep place, caret and notes in every language") {
    tl::SourcePos pos{"rules.crit", 3, 9};
    auto d = tl::make_diagnostic(tl::Severity::Error, pos,
                                 tl::Message("lang.expected", TL_MSG("{what} expected")).text("what", "')'"),
                                 "  score: (price");
    tl::add_note(d, tl::Message("lang.to-close", TL_MSG("to close '{open}' at line {line}")).text("open", "(").count("line", 3));
    CHECK(d.message == "')' expected");
    CHECK(tl::format_diagnostic(d) ==
          "rules.crit:3:9: error: ')' expected\n    score: (price\n          ^\n  note: to close '(' at line 3\n");
    MapTranslator ru;
    ru.texts["error"] = "ошибка";
    ru.texts["note"] = "примечание";
    ru.texts["{what} expected"] = "ожидается {what}";
    ru.texts["to close '{open}' at line {line}"] = "чтобы закрыть '{open}' в строке {line}";
    CHECK(tl::format_diagnostic(d, ru) ==
          "rules.crit:3:9: ошибка: ожидается ')'\n    score: (price\n          ^\n  примечание: чтобы закрыть '(' в строке 3\n");
}
