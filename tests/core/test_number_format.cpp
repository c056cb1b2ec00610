#include <catch2/catch.hpp>
#include <cmath>

#include "core/number_format.hpp"

using tl::format_fixed;
using tl::format_number;
using tl::round_half_away;

TEST_CASE("rounding is half away from zero, as Excel's ROUND") {
    CHECK(round_half_away(2.5, 0) == 3);
    CHECK(round_half_away(-2.5, 0) == -3);
    CHECK(round_half_away(0.125, 2) == Approx(0.13).epsilon(1e-15));
    // 2.675 is held as 2.67499999999999982236431605997495353221893310546875: Excel shows 2.68.
    CHECK(round_half_away(2.675, 2) == Approx(2.68).epsilon(1e-15));
    CHECK(round_half_away(1.005, 2) == Approx(1.01).epsilon(1e-15));
    CHECK(round_half_away(63.833333333, 4) == Approx(63.8333).epsilon(1e-15));
    CHECK(round_half_away(-1.2344, 3) == Approx(-1.234).epsilon(1e-15));
    CHECK(std::isnan(round_half_away(std::nan(""), 2)));
}

TEST_CASE("numbers print as people read them") {
    CHECK(format_number(12000000) == "12000000");
    CHECK(format_number(0.4) == "0.4");
    CHECK(format_number(-0.0) == "0");
    CHECK(format_number(91.666666666666) == "91.666666666666");
    CHECK(format_number(100.0 / 3) == "33.3333333333333");
    // A price just above a limit must not print as the limit itself.
    CHECK(format_number(123456789.04) == "123456789.04");
    CHECK(format_number(12345678901.55) == "12345678901.55");
    CHECK(format_number(0.1 + 0.2) == "0.3");
    CHECK(format_number(1e-7) == "1e-07");
    CHECK(format_number(std::nan("")) == "n/a");
    CHECK(format_fixed(63.83333333, 4) == "63.8333");
    CHECK(format_fixed(61.61016949, 4) == "61.6102");
}
