# One interface target every project target links: language level, warnings, version.
add_library(jtbd_options INTERFACE)
target_compile_features(jtbd_options INTERFACE cxx_std_20)
set(CMAKE_CXX_EXTENSIONS OFF)
target_compile_options(jtbd_options INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
    -Woverloaded-virtual -Wimplicit-fallthrough)
target_compile_definitions(jtbd_options INTERFACE JTBD_VERSION="${PROJECT_VERSION}")
set(CMAKE_EXPORT_COMPILE_COMMANDS ON)

# Qt code is held to Qt's strict settings: no Qt keywords (signals/slots/emit clash with other
# libraries), no foreach, no deprecated API.
add_library(jtbd_qt_options INTERFACE)
target_link_libraries(jtbd_qt_options INTERFACE jtbd_options)
target_compile_definitions(jtbd_qt_options INTERFACE
    QT_NO_KEYWORDS QT_NO_FOREACH QT_USE_QSTRINGBUILDER QT_NO_CAST_TO_ASCII
    QT_NO_URL_CAST_FROM_STRING QT_DISABLE_DEPRECATED_BEFORE=0x060400)
