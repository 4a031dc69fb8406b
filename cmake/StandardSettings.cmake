# Opt-in build settings as INTERFACE targets, so every target links the same flags.
option(POWERLIST_WERROR "Treat warnings as errors (CI)" OFF)
option(POWERLIST_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)

add_library(powerlist_warnings INTERFACE)
target_compile_options(powerlist_warnings INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wno-sign-conversion
  -Wno-dangling-pointer -Wno-missing-field-initializers)
if(POWERLIST_WERROR)
  target_compile_options(powerlist_warnings INTERFACE -Werror)
endif()

add_library(powerlist_sanitizers INTERFACE)
if(POWERLIST_SANITIZE)
  # -O1: what AddressSanitizer's authors advise for a usable speed (a Debug build's -O0 checks
  # a real workbook several times slower), stack traces kept by the frame pointer. GCC 12 with
  # the sanitizers at -O1 warns maybe-uninitialized inside libstdc++'s <regex> (a false alarm;
  # the plain build keeps the warning).
  target_compile_options(powerlist_sanitizers INTERFACE -O1 -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
    -Wno-maybe-uninitialized)
  target_link_options(powerlist_sanitizers INTERFACE -fsanitize=address,undefined)
endif()
