// The one Catch2 main for every test binary (Debian's Catch2 2.13 ships no Catch2WithMain).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
