#include <catch2/catch.hpp>

#include "core/unit.hpp"

using tl::parse_unit;
using tl::Unit;

TEST_CASE("units parse, combine and print") {
    auto rub_per_kwh = parse_unit("RUB/kWh");
    REQUIRE(rub_per_kwh);
    CHECK(rub_per_kwh->to_string() == "RUB/kWh");
    auto kwh = parse_unit("kWh");
    REQUIRE(kwh);
    CHECK(rub_per_kwh->times(*kwh) == Unit::atom("RUB"));
    CHECK(Unit::atom("RUB").divided_by(Unit::atom("RUB")).dimensionless());
    CHECK(parse_unit("g/km")->to_string() == "g/km");
    CHECK(parse_unit("kg*km")->to_string() == "kg*km");
    CHECK(parse_unit("%")->percent);
    auto co2 = parse_unit("kWh")->times(*parse_unit("kgCO2e/kWh")).times(*parse_unit("EUR/kgCO2e"));
    CHECK(co2 == Unit::atom("EUR"));
}

TEST_CASE("unknown unit atoms are reported by name") {
    std::string bad;
    CHECK_FALSE(parse_unit("kg/parsec", &bad));
    CHECK(bad == "parsec");
    CHECK_FALSE(parse_unit("", &bad));
}

TEST_CASE("a percent is dimensionless but remembered") {
    Unit pct = Unit::percent_unit();
    CHECK(pct.dimensionless());
    CHECK(pct.same_dimension(Unit::plain()));
    CHECK(pct != Unit::plain());
    CHECK_FALSE(pct.times(Unit::atom("RUB")).percent);
}
