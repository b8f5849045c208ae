// Undoable edits of the jobs board: moving a story between jobs, editing a job's name, statement
// and job story, and running the synthesis, whose undo puts back the force groups, marks, jobs and
// drafts exactly as they were.
#pragma once

#include <jtbd/model.h>
#include <jtbd/result.h>
#include <jtbd/synthesis.h>

#include <QString>

#include <app/commands/study_command.h>
#include <memory>
#include <optional>
#include <vector>

namespace jtbd {
class Study;
}

namespace jtbd::app {

// Moves a story (an interview) from one job to another and marks it as placed there by the
// researcher, so a re-run of the synthesis leaves it where it was put. `fromJobId` 0: the story
// is in no job yet; `toJobId` 0: the story leaves its job for none. Undo restores both jobs
// exactly, members and placed members included.
class MoveStoryCommand final : public StudyCommand
{
public:
    // Null when nothing would change (the same job, a story already where it is going).
    static CommandResult create(const Study &study, Id interviewId, Id fromJobId, Id toJobId);
    // Marks a story of a job as placed there by the researcher (or no longer placed): a re-run
    // keeps a placed story in its job. Null when it already is as asked.
    static CommandResult setPlaced(const Study &study, Id interviewId, Id jobId, bool placed);

    MoveStoryCommand(const QString &text, std::vector<Job> before, std::vector<Job> after);
};

// The fields of a job the researcher writes.
enum class JobField {
    Name,
    Statement,
    StoryWhen,   // When …
    StoryWant,   // I want to …
    StorySoThat, // so I can …
    Notes
};

// The value of `field` in `job`.
const std::string &jobField(const Job &job, JobField field);
// The draft part a field follows (Notes has none).
std::optional<DraftPart> draftPartOf(JobField field);

// Sets one field of a job. Undo puts back the value it had; the job's other fields, members
// included, are left as they are then, so it composes with moves made after it.
class EditJobCommand final : public StudyCommand
{
public:
    // Null when the text (trimmed) is what the field holds already. An empty name is refused.
    static CommandResult create(const Study &study, Id jobId, JobField field, const QString &text);

    EditJobCommand(
        const QString &text, Id jobId, JobField field, std::string before, std::string after);
};

// What a run of the synthesis replaces: every force group, the researcher's marks, every job and
// every job's draft.
struct SynthesisState
{
    std::vector<ForceGroup> groups;
    std::vector<StoryGroupMark> marks;
    std::vector<Job> jobs;
    std::vector<JobDraft> drafts; // drafts[i] belongs to jobs[i]

    bool operator==(const SynthesisState &) const = default;

    static Result<SynthesisState> read(const Study &study);
    // Puts `state` back exactly: groups, jobs and drafts under their ids, marks as they were.
    Status write(Study &study) const;
};

// Runs the synthesis (runSynthesis). The first run clusters and drafts; undo restores the state
// before it; redo stores the result of that run again rather than running once more, so redo
// gives exactly what was undone.
class RunSynthesisCommand final : public StudyCommand
{
public:
    explicit RunSynthesisCommand(const SynthesisOptions &options);

    // What the run found, once it has run.
    const SynthesisSummary &summary() const { return m_state->summary; }

private:
    struct State
    {
        SynthesisOptions options;
        bool ran = false;
        SynthesisState before;
        SynthesisState after;
        SynthesisSummary summary;
    };

    std::shared_ptr<State> m_state;
};

} // namespace jtbd::app
