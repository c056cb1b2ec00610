# Every third-party dependency comes from Debian packages (scripts/debian-packages.txt).
find_package(Boost 1.74 REQUIRED)            # Spirit X3 is header-only
find_package(fmt REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(PkgConfig REQUIRED)
find_package(ICU 72 REQUIRED COMPONENTS uc i18n)  # bidders' names: NFKC case folding, confusables (uspoof)
pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET xlsxwriter)  # Debian ships 1.1.4
pkg_check_modules(LIBZIP REQUIRED IMPORTED_TARGET libzip)          # reading .xlsx bid forms
pkg_check_modules(EXPAT REQUIRED IMPORTED_TARGET expat)
pkg_check_modules(NETTLE REQUIRED IMPORTED_TARGET nettle)      # SHA-256 of the inputs (Audit sheet)
pkg_check_modules(SQLITE3 REQUIRED IMPORTED_TARGET sqlite3)    # .tender project files; Debian ships 3.40
if(TL_BUILD_TESTS)
  find_package(Catch2 2.13 REQUIRED)
endif()
