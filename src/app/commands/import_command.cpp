// Importing transcripts as one undoable edit.
#include "import_command.h"

#include <QObject>

#include <algorithm>

namespace jtbd::app {

struct ImportTranscriptsCommand::State
{
    std::vector<std::filesystem::path> files;
    ImportOptions options;
    Progress progress;
    bool imported = false;
    std::vector<ImportedFile> results;
    std::vector<Participant> newParticipants;
    std::vector<std::pair<Interview, std::vector<TurnInput>>> interviews;
};

namespace {

Status importNow(Study &study, ImportTranscriptsCommand::Progress &progress, auto &state)
{
    auto before = study.participants();
    if (!before)
        return before.error();
    const int total = static_cast<int>(state.files.size());
    for (int i = 0; i < total; ++i) {
        if (progress && !progress(i, total))
            return makeError(ErrorCode::Cancelled,
                             "the import was cancelled; nothing was imported");
        auto result = importFiles(study, {state.files[static_cast<std::size_t>(i)]}, state.options);
        if (!result)
            return result.error();
        for (auto &file : *result)
            state.results.push_back(std::move(file));
    }
    if (progress)
        progress(total, total);
    // Keep what was added, so redo can put it back without the files.
    auto after = study.participants();
    if (!after)
        return after.error();
    for (const auto &p : *after) {
        const bool existed = std::any_of(before->begin(), before->end(), [&](const auto &b) {
            return b.id == p.id;
        });
        if (!existed)
            state.newParticipants.push_back(p);
    }
    for (const auto &file : state.results) {
        if (!file.interviewId)
            continue;
        auto interview = study.interview(*file.interviewId);
        auto turns = study.turns(*file.interviewId);
        if (!interview)
            return interview.error();
        if (!turns)
            return turns.error();
        std::vector<TurnInput> inputs;
        inputs.reserve(turns->size());
        for (const auto &t : *turns)
            inputs.push_back({t.speaker, t.role, t.startMs, t.endMs, t.text});
        state.interviews.emplace_back(*interview, std::move(inputs));
    }
    state.imported = true;
    return {};
}

} // namespace

ImportTranscriptsCommand::ImportTranscriptsCommand(std::vector<std::filesystem::path> files,
                                                   ImportOptions options,
                                                   Progress progress)
    : StudyCommand(
        files.size() == 1
            ? QObject::tr("Import %1")
                  .arg(QString::fromStdString(files.front().filename().string()))
            : QObject::tr("Import %n transcripts", nullptr, static_cast<int>(files.size())),
        {},
        {},
        {Change{Change::Kind::Everything, 0}})
    , m_state(std::make_shared<State>())
{
    m_state->files = std::move(files);
    m_state->options = std::move(options);
    m_state->progress = std::move(progress);
    auto state = m_state;
    setForward([state](Study &study) -> Status {
        if (!state->imported)
            return importNow(study, state->progress, *state);
        for (const auto &p : state->newParticipants)
            if (auto id = study.addParticipant(p); !id)
                return id.error();
        for (const auto &[interview, turns] : state->interviews) {
            if (auto id = study.addInterview(interview); !id)
                return id.error();
            if (auto status = study.setTranscript(interview.id, turns); !status)
                return status;
        }
        return {};
    });
    setBackward([state](Study &study) -> Status {
        for (const auto &entry : state->interviews)
            if (auto status = study.deleteInterview(entry.first.id); !status)
                return status;
        for (const auto &p : state->newParticipants)
            if (auto status = study.deleteParticipant(p.id); !status)
                return status;
        return {};
    });
}

const std::vector<ImportedFile> &ImportTranscriptsCommand::imported() const
{
    return m_state->results;
}

} // namespace jtbd::app
