// Importing files into a study, all in one transaction.
#include <jtbd/file_io.h>
#include <jtbd/importer.h>
#include <jtbd/study_json.h>
#include <jtbd/text.h>
#include <jtbd/transcript.h>

#include <algorithm>
#include <set>

namespace jtbd {

namespace fs = std::filesystem;

namespace {

bool isJson(const ImportOptions &options, std::string_view content)
{
    return options.format == "json" || (options.format == "auto" && looksLikeStudyJson(content));
}

Result<Id> participantFor(Study &study, const std::string &code)
{
    auto found = study.findParticipant(code);
    if (!found)
        return found.error();
    if (*found)
        return (*found)->id;
    Participant p;
    p.code = code;
    return study.addParticipant(p);
}

} // namespace

Result<std::vector<ImportedFile>>
importFiles(Study &study, const std::vector<fs::path> &files, const ImportOptions &options)
{
    if (files.empty())
        return makeError(ErrorCode::InvalidArgument, "no files to import");

    // Read and parse everything before writing anything: a bad file stops the import untouched.
    struct Parsed
    {
        fs::path file;
        std::string content;
        std::optional<ParsedTranscript> transcript;
    };

    std::vector<Parsed> parsed;
    for (const auto &file : files) {
        auto content = readFile(file);
        if (!content)
            return content.error();
        Parsed item{file, std::move(*content), std::nullopt};
        if (isJson(options, item.content)) {
            if (files.size() != 1)
                return makeError(
                    ErrorCode::InvalidArgument,
                    file.string()
                        + ": a study JSON export is imported on its own, not with other files");
        } else {
            auto transcript = parseTranscript(item.content, options.format, file.string());
            if (!transcript)
                return transcript.error();
            item.transcript = std::move(*transcript);
        }
        parsed.push_back(std::move(item));
    }

    std::vector<ImportedFile> report;
    const std::set<std::string> interviewers(options.interviewers.begin(),
                                             options.interviewers.end());
    Status status = study.transaction([&]() -> Status {
        for (auto &item : parsed) {
            ImportedFile done;
            done.file = item.file;
            if (!item.transcript) {
                auto snapshot = parseStudyJson(item.content, item.file.string());
                if (!snapshot)
                    return snapshot.error();
                if (auto restored = study.restore(*snapshot); !restored) {
                    // Records that contradict each other are a fault of the file, not the study.
                    const auto code = restored.error().code;
                    const bool fileAtFault = code == ErrorCode::InvalidArgument
                                             || code == ErrorCode::NotFound
                                             || code == ErrorCode::Conflict;
                    return makeError(fileAtFault ? ErrorCode::BadInput : code,
                                     item.file.string() + ": " + restored.error().message);
                }
                done.format = "json";
                report.push_back(std::move(done));
                continue;
            }
            auto &transcript = *item.transcript;
            for (auto &turn : transcript.turns) {
                // A speaker the file does not name stays unknown: it could be either side.
                if (interviewers.contains(turn.speaker))
                    turn.role = SpeakerRole::Interviewer;
                else if (!interviewers.empty() && turn.speaker != kUnknownSpeaker)
                    turn.role = SpeakerRole::Participant;
            }
            Interview interview;
            interview.title = item.file.stem().string();
            interview.status = InterviewStatus::Transcribed;
            interview.sourceName = item.file.filename().string();
            interview.sourceFormat = transcript.format;
            interview.interviewers = options.interviewers;
            if (!options.participantCode.empty()) {
                auto participantId = participantFor(study, options.participantCode);
                if (!participantId)
                    return participantId.error();
                interview.participantId = *participantId;
            }
            const auto lastTime =
                std::max_element(transcript.turns.begin(),
                                 transcript.turns.end(),
                                 [](const TurnInput &a, const TurnInput &b) {
                                     return a.endMs.value_or(a.startMs.value_or(0))
                                            < b.endMs.value_or(b.startMs.value_or(0));
                                 });
            if (lastTime != transcript.turns.end() && (lastTime->endMs || lastTime->startMs))
                interview.durationMs = lastTime->endMs.value_or(*lastTime->startMs);
            auto id = study.addInterview(interview);
            if (!id)
                return id.error();
            if (auto set = study.setTranscript(*id, transcript.turns); !set)
                return makeError(set.error().code, item.file.string() + ": " + set.error().message);
            done.format = transcript.format;
            done.interviewId = *id;
            done.turns = transcript.turns.size();
            done.warnings = std::move(transcript.warnings);
            report.push_back(std::move(done));
        }
        return {};
    });
    if (!status)
        return status.error();
    return report;
}

} // namespace jtbd
