// The study JSON: a whole study in one versioned document (docs/file-format.md). Export, import
// into a new study and export again gives the same bytes.
#pragma once

#include <jtbd/study.h>

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace jtbd {

inline constexpr int kStudyJsonVersion = 1;

Result<std::string> exportStudyJson(const Study &study);
// Writes the export atomically: `out` is complete or untouched.
Status exportStudyJson(const Study &study, const std::filesystem::path &out);

// Reads a study JSON document; errors name the source, and the line or JSON path at fault.
Result<StudySnapshot> parseStudyJson(std::string_view text, const std::string &sourceName);

// Participants as a JSON list, each object as in the study JSON's "participants".
std::string participantsJson(const std::vector<Participant> &participants);

// True when `text` looks like a study JSON document (to recognise the format of a file).
bool looksLikeStudyJson(std::string_view text);

} // namespace jtbd
