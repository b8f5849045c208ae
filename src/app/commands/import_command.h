// Importing transcripts as one undoable edit: undo removes the new interviews (and participants the
// import added); redo puts them back under the same ids without reading the files again.
#pragma once

#include <jtbd/importer.h>

#include <app/commands/study_command.h>
#include <filesystem>
#include <functional>
#include <memory>
#include <vector>

namespace jtbd::app {

class ImportTranscriptsCommand final : public StudyCommand
{
public:
    // Called before each file with how many are done; returning false cancels the whole import.
    using Progress = std::function<bool(int done, int total)>;

    ImportTranscriptsCommand(std::vector<std::filesystem::path> files,
                             ImportOptions options,
                             Progress progress = {});

    // What the first run imported (file, format, turns, warnings).
    const std::vector<ImportedFile> &imported() const;

private:
    struct State;
    std::shared_ptr<State> m_state;
};

} // namespace jtbd::app
