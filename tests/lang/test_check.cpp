// The checker: types, units, names and weights, with the messages an officer reads.
#include <catch2/catch.hpp>

#include "support/rules_fixture.hpp"

using tl::test::diagnostics_of;

namespace {
const std::string kHead = R"(tender { title: "T" currency: RUB }
field price: money
field mass: quantity(kg)
field share: percent
field noise: enum(A, B, C)
field ok: yesno
)";
std::string with_score(const std::string& score) {
    return kHead + "criterion c { weight: 100 % score: " + score + " }\n";
}
}  // namespace

TEST_CASE("valid rules check cleanly") {
    auto r = tl::lang::load_rules_text(kHead + R"(
requirement r1 { test: share >= 30 % and ok and noise != C }
criterion c { weight: 100 % score: ratio_lowest(price) + mass / (1 kg) * 0 + table(noise, A -> 0, else -> 0) + steps(share, >= 50 % -> 0, else -> 0) }
)", "t.crit");
    INFO(tl::format_diagnostics(r.diagnostics));
    CHECK(r.ok());
    CHECK(r.diagnostics.empty());
}

TEST_CASE("numbers too large to compute with are reported") {
    CHECK_THAT(diagnostics_of(with_score("1e400")), Catch::Contains("this number is too large to compute with"));
}

TEST_CASE("units are checked") {
    CHECK_THAT(diagnostics_of(with_score("price + mass")), Catch::Contains("cannot add mass (kg) to price (RUB)"));
    CHECK_THAT(diagnostics_of(with_score("price")), Catch::Contains("a score must be a plain number (points on the criterion's scale), but this is RUB"));
    CHECK_THAT(diagnostics_of(with_score("if ok then price else mass")), Catch::Contains("the 'else' branch gives kg but the 'then' branch gives RUB"));
    CHECK_THAT(diagnostics_of(with_score("price / (1000 EUR)")), Catch::Contains("this tender's currency is RUB, not EUR"));
    CHECK(diagnostics_of(with_score("price / (1000 RUB)")).find("error") == std::string::npos);
}

TEST_CASE("a percent compared with a bare number is an error that says what to write") {
    std::string d = diagnostics_of(kHead + "requirement r { test: share >= 30 }\ncriterion c { weight: 100 % score: 1 }\n");
    CHECK_THAT(d, Catch::Contains("test.crit:7:32: error: 'share' is a percent: write 30 % (a bare 30 would mean 3000 %)"));
}

TEST_CASE("unknown names get a did-you-mean") {
    CHECK_THAT(diagnostics_of(with_score("ratio_lowest(prise)")), Catch::Contains("unknown name 'prise'; did you mean 'price'?"));
    CHECK_THAT(diagnostics_of(with_score("ratio_lowset(price)")), Catch::Contains("unknown function 'ratio_lowset'; did you mean 'ratio_lowest'?"));
    CHECK_THAT(diagnostics_of(kHead + "criterion c { wieght: 100 % score: 1 }\n"), Catch::Contains("'wieght' is not a property of criterion; did you mean 'weight'?"));
    CHECK_THAT(diagnostics_of(with_score("table(noise, A -> 1, B -> 1, D -> 1)")), Catch::Contains("'D' is not a member of noise"));
}

TEST_CASE("weights must sum to 100 %, and the message says by how much") {
    std::string d = diagnostics_of(kHead + "criterion a { weight: 60 % score: 1 }\ncriterion b { weight: 35 % score: 1 }\n");
    CHECK_THAT(d, Catch::Contains("test.crit:7:23: error: weights sum to 95 %, 5 % short of 100 %"));
    CHECK_THAT(d, Catch::Contains("note: a: 60 % at line 7"));
    CHECK_THAT(d, Catch::Contains("note: b: 35 % at line 8"));
    CHECK_THAT(diagnostics_of(kHead + "criterion a { weight: 60 % score: 1 }\ncriterion b { weight: 50 % score: 1 }\n"),
               Catch::Contains("weights sum to 110 %, 10 % over 100 %"));
}

TEST_CASE("requirements are bid by bid and must be conditions") {
    CHECK_THAT(diagnostics_of(kHead + "requirement r { test: price <= 2 * lowest(price) }\ncriterion c { weight: 100 % score: 1 }\n"),
               Catch::Contains("'lowest' ranges over several bids; it is not allowed in a requirement"));
    CHECK_THAT(diagnostics_of(kHead + "requirement r { test: price }\ncriterion c { weight: 100 % score: 1 }\n"),
               Catch::Contains("a requirement's test must be a yes/no condition"));
}

TEST_CASE("scoring helpers are checked") {
    CHECK_THAT(diagnostics_of(with_score("table(noise, A -> 1, B -> 1)")), Catch::Contains("table(...) has no arm for C"));
    CHECK_THAT(diagnostics_of(with_score("steps(share, >= 50 % -> 100)")), Catch::Contains("steps(...) needs a last arm 'else -> value'"));
    CHECK_THAT(diagnostics_of(with_score("linear(share, 80 % -> 0, 30 % -> 100)")), Catch::Contains("must increase from left to right"));
    CHECK_THAT(diagnostics_of(with_score("linear(share, 30 -> 0, 80 -> 100)")), Catch::Contains("write e.g. 30 %"));
}

TEST_CASE("lets: cycles are caught, constants are constants") {
    CHECK_THAT(diagnostics_of(kHead + "let a = b + 1\nlet b = a * 2\n" + "criterion c { weight: 100 % score: a }\n"),
               Catch::Contains("is defined in terms of itself"));
    CHECK_THAT(diagnostics_of(kHead + "criterion c { weight: 100 % minimum: lowest(price) / (1 RUB) score: 1 }\n"),
               Catch::Contains("it is not allowed in a minimum score"));
}

TEST_CASE("warnings: unused fields and criteria that can never reach their maximum") {
    std::string d = diagnostics_of(kHead + "criterion c { weight: 100 % score: table(noise, A -> 90, B -> 60, C -> 0) }\n");
    CHECK_THAT(d, Catch::Contains("warning: field 'price' is not used"));
    CHECK_THAT(d, Catch::Contains("warning: field 'mass' is not used"));
    CHECK_THAT(d, Catch::Contains("warning: criterion 'c' can never reach 100: its score is at most 90"));
    CHECK(d.find("error") == std::string::npos);
}

TEST_CASE("duplicate declarations point at both places") {
    CHECK_THAT(diagnostics_of(kHead + "field price: money\ncriterion c { weight: 100 % score: 1 }\n"),
               Catch::Contains("test.crit:7:7: error: 'price' is already declared"));
}

TEST_CASE("every ISO 4217 currency is a tender currency, with a did-you-mean for a slip", "[currency]") {
    auto currency = [](const std::string& code) {
        return "tender { title: \"T\" currency: " + code + " }\nfield price: money\n"
               "criterion c { weight: 100 % score: 100 * lowest(price) / price }\n";
    };
    // From Debian's iso-codes at configure time: far more than the dozen written in by hand before.
    CHECK(tl::known_currencies().size() >= 150);
    for (const std::string code : {"CAD", "CNY", "JPY", "INR", "BRL", "XOF", "RUB", "EUR", "NOK"}) {
        const auto r = tl::lang::load_rules_text(currency(code), "t.crit");
        INFO(code << ": " << tl::format_diagnostics(r.diagnostics));
        CHECK(r.ok());
        CHECK(r.rules.tender.currency == code);
    }
    // No money: gold, the testing code, "no currency".
    for (const std::string code : {"XAU", "XTS", "XXX"})
        CHECK_THAT(diagnostics_of(currency(code)), Catch::Contains("currency must be an ISO code such as RUB or EUR"));
    // RUR, the rouble before 1998: the code of the same country, not the nearer-looking EUR.
    CHECK_THAT(diagnostics_of(currency("RUR")), Catch::Contains("did you mean 'RUB'?"));
    CHECK_THAT(diagnostics_of(currency("rub")), Catch::Contains("did you mean 'RUB'?"));
    CHECK_THAT(diagnostics_of(currency("CDA")), Catch::Contains("did you mean 'CAD'?"));
}

TEST_CASE("a criterion of weight 0 with a minimum is a gate that adds nothing to the total", "[gate-only]") {
    const std::string rules_text =
        "tender { title: \"T\" currency: EUR }\n"
        "field price: money\n"
        "field quality: number { range: 0 .. 100 }\n"
        "criterion cost { weight: 100 % score: 100 * lowest(price) / price }\n"
        "criterion q { weight: 0 % score: quality minimum: 60 }\n";
    const auto loaded = tl::lang::load_rules_text(rules_text, "t.crit");
    INFO(tl::format_diagnostics(loaded.diagnostics));
    REQUIRE(loaded.ok());
    CHECK(loaded.diagnostics.empty());

    // A (cheapest) fails the gate: lowest(price) is then B's 1000, so B scores 100 and C 1000/1200.
    const tl::BidTable bids = tl::test::bids_from(loaded.rules, "bidder,price,quality\nA,900,50\nB,1000,60\nC,1200,90\n");
    const tl::Result result = tl::evaluate(loaded.rules, bids);
    REQUIRE(result.lots.size() == 1);
    const auto& out = result.lots[0].bids;
    REQUIRE(out.size() == 3);
    CHECK(out[0].bidder == "B");
    CHECK(out[0].total == Approx(100));
    CHECK(out[0].contributions[1] == 0);
    CHECK(out[1].bidder == "C");
    CHECK(out[1].total == Approx(100.0 * 1000 / 1200));
    CHECK(out[2].bidder == "A");
    CHECK(out[2].eliminated);

    // Without a minimum a weight of 0 does nothing: an error that says what to do; below 0 as before.
    std::string no_minimum = rules_text;
    no_minimum.replace(no_minimum.find(" minimum: 60"), 12, "");
    CHECK_THAT(diagnostics_of(no_minimum), Catch::Contains("a criterion of weight 0 has no effect without a minimum score"));
    std::string negative = rules_text;
    negative.replace(negative.find("weight: 0 %"), 11, "weight: -5 %");
    CHECK_FALSE(tl::lang::load_rules_text(negative, "t.crit").ok());
}
