// The one Catch2 main for every test binary (Debian's Catch2 2.13 ships no Catch2WithMain).
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include "support/skip.hpp"

int main(int argc, char* argv[]) {
    // Catch2 returns the number of failed assertions; 77 of them must not read as "skipped".
    const int failed = Catch::Session().run(argc, argv);
    return failed == tl::test::kSkipExitCode ? failed + 1 : failed;
}
