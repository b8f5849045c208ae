// The sample study shipped with the program: twelve coded switch interviews (resources/sample/).
#pragma once

#include <jtbd/study.h>

#include <filesystem>

namespace jtbd {

// Writes the sample study to a new file at `path` (refuses to overwrite).
Result<Study> createSampleStudy(const std::filesystem::path &path);

} // namespace jtbd
