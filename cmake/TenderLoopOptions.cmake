# Warnings and sanitizers as INTERFACE targets that every project target links.
add_library(tl_warnings INTERFACE)
target_compile_options(tl_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor)

add_library(tl_sanitizers INTERFACE)
if(TL_SANITIZE)
  target_compile_options(tl_sanitizers INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
                                                 -fno-sanitize-recover=undefined)
  target_link_options(tl_sanitizers INTERFACE -fsanitize=address,undefined)
endif()

# libFuzzer (tests/fuzz/): coverage instrumentation for every library, with the fuzz target's
# sanitizers. fuzzer-no-link does not link libFuzzer's main(), so other targets still link.
if(TL_BUILD_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "TL_BUILD_FUZZ=ON needs clang++ (libFuzzer): -DCMAKE_CXX_COMPILER=clang++")
  endif()
  target_compile_options(tl_sanitizers INTERFACE -fsanitize=fuzzer-no-link,address,undefined
                                                 -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(tl_sanitizers INTERFACE -fsanitize=address,undefined)
endif()

find_program(CCACHE_PROGRAM ccache)
if(CCACHE_PROGRAM)
  # ccache must see every option, -ffile-prefix-map below included: a machine whose ccache
  # configuration ignores some options (ignore_options) would otherwise be handed an object compiled
  # without the mapping, and the program would hold the absolute source folder again. The empty
  # variable overrides whatever the configuration file says.
  set(CMAKE_CXX_COMPILER_LAUNCHER env CCACHE_IGNOREOPTIONS= ${CCACHE_PROGRAM})
endif()

# No path of the build machine in the programs: wx's logging and assertions (and any __FILE__)
# would otherwise carry the absolute source folder into the binaries, and debug information too.
# Mapping the source folder to nothing keeps paths relative (src/gui/i18n.cpp), the same on every
# machine; the install test checks it (tests/install/relocated_install.sh).
add_compile_options("-ffile-prefix-map=${PROJECT_SOURCE_DIR}/=")
