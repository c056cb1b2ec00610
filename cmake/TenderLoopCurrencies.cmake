# The ISO 4217 currency codes a tender may use, from Debian's iso-codes package (the list ISO's
# maintenance agency publishes, kept current by Debian) rather than typed by hand. Written at
# configure time into <build>/generated/iso4217_codes.inc for src/core/unit.cpp: the programs carry
# the list and need no data file at run time.
#
# Left out: the X codes that are no money a tender is paid in (precious metals XAU XAG XPD XPT,
# bond market units XBA..XBD, XDR XSU XUA, the testing code XTS and "no currency" XXX); the real
# currencies among them (the CFA francs XAF XOF, the East Caribbean dollar XCD, the CFP franc XPF)
# are kept.
set(TL_ISO4217_JSON "/usr/share/iso-codes/json/iso_4217.json" CACHE FILEPATH
    "ISO 4217 currency list (Debian package iso-codes)")
if(NOT EXISTS "${TL_ISO4217_JSON}")
  message(FATAL_ERROR "${TL_ISO4217_JSON} not found: install the Debian package iso-codes (scripts/setup)")
endif()
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${TL_ISO4217_JSON}")
file(READ "${TL_ISO4217_JSON}" tl_iso4217)
string(JSON tl_count LENGTH "${tl_iso4217}" "4217")
math(EXPR tl_last "${tl_count} - 1")
set(TL_CURRENCY_CODES "")
set(TL_CURRENCY_COUNT 0)
foreach(i RANGE ${tl_last})
  string(JSON tl_code GET "${tl_iso4217}" "4217" ${i} "alpha_3")
  if(tl_code MATCHES "^X" AND NOT tl_code MATCHES "^(XAF|XCD|XOF|XPF)$")
    continue()
  endif()
  string(APPEND TL_CURRENCY_CODES "    \"${tl_code}\",\n")
  math(EXPR TL_CURRENCY_COUNT "${TL_CURRENCY_COUNT} + 1")
endforeach()
configure_file(${CMAKE_CURRENT_LIST_DIR}/iso4217_codes.inc.in ${PROJECT_BINARY_DIR}/generated/iso4217_codes.inc @ONLY)
message(STATUS "ISO 4217: ${TL_CURRENCY_COUNT} currency codes from ${TL_ISO4217_JSON}")
