# Warnings and sanitizers as INTERFACE targets that every project target links.
add_library(tl_warnings INTERFACE)
target_compile_options(tl_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor)

add_library(tl_sanitizers INTERFACE)
if(TL_SANITIZE)
  target_compile_options(tl_sanitizers INTERFACE -fsanitize=address,undefined -fno-omit-frame-pointer
                                                 -fno-sanitize-recover=undefined)
  target_link_options(tl_sanitizers INTERFACE -fsanitize=address,undefined)
endif()

find_program(CCACHE_PROGRAM ccache)
if(CCACHE_PROGRAM)
  set(CMAKE_CXX_COMPILER_LAUNCHER ${CCACHE_PROGRAM})
endif()
