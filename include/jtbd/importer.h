// Importing files into a study: transcripts become interviews, a study JSON fills an empty study.
// An import of many files is one transaction: one bad file means nothing is imported.
#pragma once

#include <jtbd/study.h>

#include <filesystem>
#include <string>
#include <vector>

namespace jtbd {

struct ImportOptions
{
    std::string format = "auto"; // "auto", "json" or a transcript parser's name
    std::string participantCode; // link the interviews to this participant (added when new)
    std::vector<std::string> interviewers; // speakers who are interviewers; others are participants
};

struct ImportedFile
{
    std::filesystem::path file;
    std::string format;
    std::optional<Id> interviewId; // none for a study JSON
    std::size_t turns = 0;
    std::vector<std::string> warnings;
};

Result<std::vector<ImportedFile>> importFiles(Study &study,
                                              const std::vector<std::filesystem::path> &files,
                                              const ImportOptions &options);

} // namespace jtbd
