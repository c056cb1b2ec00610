# Every third-party dependency comes from Debian packages (scripts/debian-packages.txt).
find_package(Boost 1.74 REQUIRED)            # Spirit X3 is header-only
find_package(fmt REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(PkgConfig REQUIRED)
pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET xlsxwriter)  # Debian ships 1.1.4
if(TL_BUILD_TESTS)
  find_package(Catch2 2.13 REQUIRED)
endif()
