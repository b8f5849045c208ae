# Writes a C++ source that holds the given files as byte arrays, looked up by relative name.
# Run in script mode: cmake -DOUTPUT=… -DFILES="name=/abs/path|…" -P EmbedResources.cmake
string(REPLACE "|" ";" FILES "${FILES}")
set(entries "")
set(arrays "")
set(index 0)
foreach(entry IN LISTS FILES)
    string(FIND "${entry}" "=" split)
    string(SUBSTRING "${entry}" 0 ${split} file)
    math(EXPR split "${split} + 1")
    string(SUBSTRING "${entry}" ${split} -1 path)
    file(READ "${path}" hex HEX)
    string(LENGTH "${hex}" hex_length)
    math(EXPR size "${hex_length} / 2")
    string(REGEX REPLACE "([0-9a-f][0-9a-f])" "'\\\\x\\1'," bytes "${hex}")
    string(APPEND arrays "static const char kData${index}[] = {${bytes} 0};\n")
    string(APPEND entries "    {\"${file}\", std::string_view(kData${index}, ${size})},\n")
    math(EXPR index "${index} + 1")
endforeach()
file(WRITE "${OUTPUT}.tmp" "// Generated from resources/ by cmake/EmbedResources.cmake; do not edit.
#include \"resources.h\"

#include <array>
#include <utility>

namespace jtbd::resources {

namespace {
${arrays}
const std::pair<std::string_view, std::string_view> kEntries[] = {
${entries}};
} // namespace

std::optional<std::string_view> find(std::string_view name)
{
    for (const auto &[entryName, data] : kEntries) {
        if (entryName == name)
            return data;
    }
    return std::nullopt;
}

std::vector<std::string_view> list(std::string_view prefix)
{
    std::vector<std::string_view> names;
    for (const auto &[entryName, data] : kEntries) {
        if (entryName.substr(0, prefix.size()) == prefix)
            names.push_back(entryName);
    }
    return names;
}

} // namespace jtbd::resources
")
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
