// Files from resources/ compiled into the program (the sample study, guide templates, schema).
#pragma once

#include <optional>
#include <string_view>
#include <vector>

namespace jtbd::resources {

// The bytes of an embedded file, by its path under resources/ ("guides/switch-interview.json").
std::optional<std::string_view> find(std::string_view name);

// Names of the embedded files that start with `prefix`, sorted.
std::vector<std::string_view> list(std::string_view prefix);

} // namespace jtbd::resources
