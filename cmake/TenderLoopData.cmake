# TenderLoop's data, in one place for both programs (installed in every build, with or without
# the GUI). The programs find it from their own location (src/app/data_paths.hpp), never from a
# path compiled in:
#   installed  <prefix>/bin/tenderloop[-gui] -> <prefix>/share/tenderloop/{rules,samples,templates},
#              <prefix>/share/doc/tenderloop/LANGUAGE.md, <prefix>/share/locale
#   build tree <build>/src/{cli,gui}/...     -> the marker <build>/tenderloop-build-tree.txt names
#              the source folder and <build>/locale (the built translations)

# The criteria library New project starts from, the empty project's rules, the sample tenders.
install(DIRECTORY ${PROJECT_SOURCE_DIR}/rules/ DESTINATION share/tenderloop/rules
        FILES_MATCHING PATTERN "*.crit")
install(FILES ${PROJECT_SOURCE_DIR}/templates/new-rules.crit DESTINATION share/tenderloop/templates)
install(DIRECTORY ${PROJECT_SOURCE_DIR}/samples/ DESTINATION share/tenderloop/samples
        USE_SOURCE_PERMISSIONS)
# The rule language reference (the GUI's F1).
install(FILES ${PROJECT_SOURCE_DIR}/docs/LANGUAGE.md DESTINATION share/doc/tenderloop)

# The build-tree marker: data read at run time, so the binaries themselves hold no path of this
# machine. Not installed.
file(CONFIGURE OUTPUT ${CMAKE_BINARY_DIR}/tenderloop-build-tree.txt CONTENT
"# Written by CMake (cmake/TenderLoopData.cmake): tenderloop and tenderloop-gui run from this build
# folder find their data here (src/app/data_paths.hpp). Relative paths are relative to this file.
source_dir=${PROJECT_SOURCE_DIR}
locale_dir=locale
")
