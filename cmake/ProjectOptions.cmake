# One interface target every project target links: language level, warnings, version.
add_library(jtbd_options INTERFACE)
target_compile_features(jtbd_options INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)
target_compile_options(jtbd_options INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
    -Woverloaded-virtual -Wimplicit-fallthrough)
target_compile_definitions(jtbd_options INTERFACE JTBD_VERSION="${PROJECT_VERSION}")
set(CMAKE_EXPORT_COMPILE_COMMANDS ON)
