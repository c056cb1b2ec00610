// The command line's own texts in the user's language (--lang, or LANG): headings, confirmations,
// refusals and help in Russian through the built catalog, computed numbers of the text output with
// a decimal comma; JSON and CSV the same in every language.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "cli_runner.hpp"

using namespace tl::cli_test;

namespace {

/// A Russian user's environment (LANG only) and an English one (the overriding variables unset).
const std::vector<std::string> kRussian{"-u", "LC_ALL", "-u", "LC_MESSAGES", "-u", "LANGUAGE", "LANG=ru_RU.UTF-8"};
const std::vector<std::string> kEnglish{"-u", "LC_ALL", "-u", "LC_MESSAGES", "-u", "LANGUAGE", "LANG=C.UTF-8"};

std::vector<std::string> evaluate_args(const std::string& format = "text") {
    return {"evaluate", sample("bus-tyres", "rules.crit"), "--bids", sample("bus-tyres", "bids.csv"), "--format", format};
}

std::vector<std::string> with_lang(const std::string& lang, std::vector<std::string> args) {
    args.insert(args.begin(), {"--lang", lang});
    return args;
}

/// The line of `text` that starts with `start` (after leading spaces), or "".
std::string line_with(const std::string& text, const std::string& start) {
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t end = text.find('\n', at);
        const std::string line = text.substr(at, end == std::string::npos ? std::string::npos : end - at);
        if (line.find_first_not_of(' ') != std::string::npos && line.compare(line.find_first_not_of(' '), start.size(), start) == 0)
            return line;
        if (end == std::string::npos) break;
        at = end + 1;
    }
    return "";
}

/// Code points of `line` up to the end of `word` (where a right-aligned column ends on screen).
std::size_t column_end(const std::string& line, const std::string& word) {
    const std::size_t at = line.find(word);
    if (at == std::string::npos) return 0;
    std::size_t n = 0;
    for (std::size_t i = 0; i < at + word.size(); ++i)
        if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++n;
    return n;
}

}  // namespace

TEST_CASE("cli evaluate in Russian: headings, decimal commas, columns that line up", "[cli][i18n]") {
    const Run ru = run_cli(with_lang("ru", evaluate_args()), kEnglish);
    INFO(ru.out << ru.err);
    REQUIRE(ru.code == 0);
    CHECK(ru.out.find("Номер закупки: SPB-PT-2026-017\n") != std::string::npos);
    const std::string head = line_with(ru.out, "Место");
    REQUIRE(!head.empty());
    CHECK(head.find("Участник") != std::string::npos);
    CHECK(head.find("Итог") != std::string::npos);
    CHECK(head.find("Отметки") != std::string::npos);
    // Criterion ids are the rules' own and stay as written.
    CHECK(head.find("price") != std::string::npos);
    CHECK(ru.out.find("Не допущены:\n") != std::string::npos);
    CHECK(ru.out.find("Победитель: NevaRetread (итого 94,0000)\n") != std::string::npos);
    // Totals and scores TenderLoop computed: a decimal comma; none with a point.
    const std::string second = line_with(ru.out, "2  Shinservice");
    REQUIRE(!second.empty());
    CHECK(second.find("63,8333") != std::string::npos);
    CHECK(second.find("91,6667") != std::string::npos);
    CHECK(ru.out.find("63.8333") == std::string::npos);
    // The rules' text quoted in a reason keeps its own spelling.
    CHECK(ru.out.find("retreaded (25 %) >= 30 %") != std::string::npos);
    // A right-aligned column ends under its Cyrillic heading (widths in code points, not bytes).
    CHECK(column_end(head, "Итог") == column_end(second, "63,8333"));
    CHECK(column_end(head, "price") == column_end(second, "91,6667"));

    SECTION("the same under LANG=ru_RU.UTF-8 without --lang") {
        const Run by_env = run_cli(evaluate_args(), kRussian);
        CHECK(by_env.code == 0);
        CHECK(by_env.out == ru.out);
    }
    SECTION("--lang en under a Russian locale: English as always") {
        const Run en = run_cli(with_lang("en", evaluate_args()), kRussian);
        const Run plain = run_cli(evaluate_args(), kEnglish);
        CHECK(en.code == 0);
        CHECK(en.out == plain.out);
        CHECK(plain.out.find("Winner: NevaRetread (total 94.0000)\n") != std::string::npos);
        CHECK(line_with(plain.out, "Rank").find("Total") != std::string::npos);
    }
}

TEST_CASE("cli evaluate: JSON and CSV are the same in every language", "[cli][i18n]") {
    for (const std::string format : {"json", "csv"}) {
        const Run en = run_cli(evaluate_args(format), kEnglish);
        const Run ru = run_cli(evaluate_args(format), kRussian);
        const Run ru_option = run_cli(with_lang("ru", evaluate_args(format)), kEnglish);
        INFO(format << "\n" << ru.out);
        REQUIRE(en.code == 0);
        CHECK(ru.out == en.out);
        CHECK(ru_option.out == en.out);
    }
    const Run json = run_cli(evaluate_args("json"), kRussian);
    CHECK(json.out.find("\"total\": 94.0") != std::string::npos);
}

TEST_CASE("cli --lang: an unknown language is a usage error, worded in the environment's language", "[cli][i18n]") {
    const Run bad = run_cli(with_lang("xx", evaluate_args()), kEnglish);
    CHECK(bad.code == 2);
    CHECK(bad.out.empty());
    CHECK(bad.err.find("'xx'") != std::string::npos);
    const Run usage = run_cli({"--lang", "ru", "evaluate", sample("bus-tyres", "rules.crit"), "--format", "xml"}, kEnglish);
    CHECK(usage.code == 2);
    CHECK(usage.err.find("tenderloop evaluate: неизвестный формат 'xml' (допустимы text, json или csv)\n") != std::string::npos);
}

TEST_CASE("cli --help in Russian, with command and option names as they are", "[cli][i18n]") {
    const Run r = run_cli({"--lang", "ru", "--help"}, kEnglish);
    CHECK(r.code == 0);
    CHECK(r.out.rfind("Использование: tenderloop КОМАНДА [АРГУМЕНТЫ] [ПАРАМЕТРЫ]\n", 0) == 0);
    CHECK(r.out.find("\nКоманды:\n") != std::string::npos);
    CHECK(r.out.find("  evaluate RULES.crit|PROJECT.tender [--bids BIDS.csv]") != std::string::npos);
    CHECK(r.out.find("--format FORMAT        text (по умолчанию), json или csv\n") != std::string::npos);
    CHECK(r.out.find("--lang LANG") != std::string::npos);
    CHECK(r.out.find("Коды выхода:") != std::string::npos);
    const Run cmd = run_cli({"evaluate", "--help"}, kRussian);
    CHECK(cmd.out.rfind("Использование: tenderloop evaluate RULES.crit|PROJECT.tender", 0) == 0);
    CHECK(cmd.out.find("\nПараметры:\n") != std::string::npos);
    const Run en = run_cli({"evaluate", "--help"}, kEnglish);
    CHECK(en.out.rfind("Usage: tenderloop evaluate RULES.crit|PROJECT.tender", 0) == 0);
}

TEST_CASE("cli project commands in Russian: a confirmation, a refusal, the committee", "[cli][i18n]") {
    TempDir tmp;
    const std::string p = tmp.file("p.tender"), rules = sample("bus-tyres", "rules.crit");
    Run r = run_cli({"--lang", "ru", "new", p, "--rules", rules, "--user", "olga"}, kEnglish);
    INFO(r.out << r.err);
    REQUIRE(r.code == 0);
    CHECK(r.out.rfind("создан " + p + ": '", 0) == 0);
    CHECK(r.out.find("', версия правил 1 (rules.crit), вершина журнала ") != std::string::npos);

    r = run_cli({"bids", p, "import", sample("bus-tyres", "bids.csv"), "--user", "olga"}, kRussian);
    CHECK(r.code == 0);
    CHECK(r.out.rfind("в " + p + " импортировано 5 заявок: новых 5, заменено 0; вершина журнала ", 0) == 0);

    // Refused by tl_app: the same rules again. English first, then the same refusal in Russian.
    r = run_cli({"rules", p, "set", rules, "--user", "olga"}, kEnglish);
    CHECK(r.code == 1);
    CHECK(r.err == "tenderloop rules: the rules are the same as the current version 1\n");
    r = run_cli({"rules", p, "set", rules, "--user", "olga"}, kRussian);
    CHECK(r.code == 1);
    CHECK(r.err == "tenderloop rules: правила совпадают с текущей версией 1\n");

    r = run_cli({"--lang", "ru", "committee", p, "evaluator", "add", "Ольга", "--role", "chair", "--user", "olga"}, kEnglish);
    CHECK(r.code == 0);
    CHECK(r.out == "Ольга включён(а) в комиссию как председатель\n");
    r = run_cli({"--lang", "ru", "committee", p, "status"}, kEnglish);
    CHECK(r.code == 0);
    CHECK(r.out.rfind("Комиссия: 1 человек\n  Ольга  председатель   НЕТ ДЕКЛАРАЦИИ (оценивать пока нельзя)", 0) == 0);
}

TEST_CASE("cli check's summary counts in the language, with plural forms", "[cli][i18n]") {
    const std::string rules = sample("office-furniture", "rules.crit");
    const Run en = run_cli({"check", rules}, kEnglish);
    REQUIRE(en.code == 0);
    CHECK(en.out.find(": 7 fields, 2 requirements, 7 criteria (weights sum to 100 points), 0 warnings\n") != std::string::npos);
    const Run ru = run_cli({"check", rules}, kRussian);
    REQUIRE(ru.code == 0);
    CHECK(ru.out.find(": 7 полей, 2 требования, 7 критериев (сумма значимостей 100 баллов), 0 предупреждений\n") !=
          std::string::npos);
}

TEST_CASE("cli LANGUAGE chooses the language of the words and of the numbers alike", "[cli][i18n]") {
    // gettext honours LANGUAGE under C.UTF-8 and takes the first entry with a catalog ("uk" has
    // none here): headings and numbers must then both be Russian, never a mix.
    for (const std::string& list : {"ru", "uk:ru"}) {
        const Run r = run_cli(evaluate_args(), {"-u", "LC_ALL", "-u", "LANG", "LC_MESSAGES=C.UTF-8", "LANGUAGE=" + list});
        INFO(list << "\n" << r.out);
        REQUIRE(r.code == 0);
        CHECK(r.out.find("Место") != std::string::npos);
        CHECK(r.out.find("94,0000") != std::string::npos);
    }
}
