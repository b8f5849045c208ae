// Reading input files and writing output files without ever leaving a half-written file behind.
#pragma once

#include <jtbd/result.h>

#include <filesystem>
#include <string>
#include <string_view>

namespace jtbd {

// The whole file; errors name the file and the reason.
Result<std::string> readFile(const std::filesystem::path &path);

// Writes to a temporary file beside `path`, flushes it to disk, then renames it over `path`.
// On any failure (no permission, disk full) the temporary file is removed and `path` is untouched.
Status writeFileAtomically(const std::filesystem::path &path, std::string_view content);

} // namespace jtbd
