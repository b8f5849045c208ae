// Undoable edits of the jobs board.
#include "job_commands.h"

#include "id_lists.h"

#include <jtbd/study.h>
#include <jtbd/text.h>

#include <QCoreApplication>

#include <algorithm>
#include <set>

namespace jtbd::app {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("JobCommands", text);
}

void insertSorted(std::vector<Id> &ids, Id id)
{
    const auto at = std::lower_bound(ids.begin(), ids.end(), id);
    if (at == ids.end() || *at != id)
        ids.insert(at, id);
}

void erase(std::vector<Id> &ids, Id id)
{
    ids.erase(std::remove(ids.begin(), ids.end(), id), ids.end());
}

Status updateAll(Study &study, const std::vector<Job> &jobs)
{
    for (const Job &job : jobs)
        if (auto status = study.updateJob(job); !status)
            return status;
    return {};
}

std::string &fieldOf(Job &job, JobField field)
{
    switch (field) {
    case JobField::Name:
        return job.name;
    case JobField::Statement:
        return job.statement;
    case JobField::StoryWhen:
        return job.storyWhen;
    case JobField::StoryWant:
        return job.storyWant;
    case JobField::StorySoThat:
        return job.storySoThat;
    case JobField::Notes:
        break;
    }
    return job.notes;
}

QString fieldName(JobField field)
{
    switch (field) {
    case JobField::Name:
        return tr("name");
    case JobField::Statement:
        return tr("statement");
    case JobField::StoryWhen:
        return tr("“When …”");
    case JobField::StoryWant:
        return tr("“I want to …”");
    case JobField::StorySoThat:
        return tr("“so I can …”");
    case JobField::Notes:
        break;
    }
    return tr("notes");
}

// The story's title for the undo history: its participant's code, or the interview's title.
QString storyName(const Study &study, const Interview &interview)
{
    if (interview.participantId) {
        if (auto participant = study.participant(*interview.participantId))
            return toQString(participant->code);
    }
    return toQString(interview.title);
}

} // namespace

// MoveStoryCommand

MoveStoryCommand::MoveStoryCommand(const QString &text,
                                   std::vector<Job> before,
                                   std::vector<Job> after)
    : StudyCommand(
        text,
        [after = std::move(after)](Study &study) {
            return updateAll(study, after);
        },
        [before = std::move(before)](Study &study) {
            return updateAll(study, before);
        },
        std::vector<Change>{Change{Change::Kind::Jobs, 0}})
{}

CommandResult MoveStoryCommand::create(const Study &study, Id interviewId, Id fromJobId, Id toJobId)
{
    auto interview = study.interview(interviewId);
    if (!interview)
        return interview.error();
    if (fromJobId == toJobId)
        return std::unique_ptr<StudyCommand>();
    std::vector<Job> before;
    std::vector<Job> after;
    QString fromName;
    QString toName;
    if (fromJobId != 0) {
        auto from = study.job(fromJobId);
        if (!from)
            return from.error();
        if (!containsId(from->interviewIds, interviewId))
            return refusal(ErrorCode::NotFound,
                           tr("the story of %1 is no longer in the job “%2”")
                               .arg(storyName(study, *interview), toQString(from->name)));
        before.push_back(*from);
        erase(from->interviewIds, interviewId);
        erase(from->placedInterviewIds, interviewId);
        after.push_back(*from);
        fromName = toQString(from->name);
    }
    if (toJobId != 0) {
        auto to = study.job(toJobId);
        if (!to)
            return to.error();
        before.push_back(*to);
        insertSorted(to->interviewIds, interviewId);
        insertSorted(to->placedInterviewIds, interviewId);
        after.push_back(*to);
        toName = toQString(to->name);
    }
    const QString story = storyName(study, *interview);
    const QString text = toJobId == 0 ? tr("Take %1 out of “%2”").arg(story, fromName)
                                      : tr("Move %1 to “%2”").arg(story, toName);
    return makeCommand<MoveStoryCommand>(text, std::move(before), std::move(after));
}

CommandResult MoveStoryCommand::setPlaced(const Study &study, Id interviewId, Id jobId, bool placed)
{
    auto job = study.job(jobId);
    if (!job)
        return job.error();
    auto interview = study.interview(interviewId);
    if (!interview)
        return interview.error();
    if (!containsId(job->interviewIds, interviewId))
        return refusal(ErrorCode::NotFound,
                       tr("the story of %1 is not in the job “%2”")
                           .arg(storyName(study, *interview), toQString(job->name)));
    if (containsId(job->placedInterviewIds, interviewId) == placed)
        return std::unique_ptr<StudyCommand>();
    Job after = *job;
    if (placed)
        insertSorted(after.placedInterviewIds, interviewId);
    else
        erase(after.placedInterviewIds, interviewId);
    const QString story = storyName(study, *interview);
    const QString text = placed ? tr("Keep %1 in “%2”").arg(story, toQString(job->name))
                                : tr("Let the synthesis place %1").arg(story);
    return makeCommand<MoveStoryCommand>(text, std::vector<Job>{*job}, std::vector<Job>{after});
}

// EditJobCommand

const std::string &jobField(const Job &job, JobField field)
{
    return fieldOf(const_cast<Job &>(job), field);
}

std::optional<DraftPart> draftPartOf(JobField field)
{
    switch (field) {
    case JobField::Name:
        return DraftPart::Name;
    case JobField::Statement:
        return DraftPart::Statement;
    case JobField::StoryWhen:
        return DraftPart::StoryWhen;
    case JobField::StoryWant:
        return DraftPart::StoryWant;
    case JobField::StorySoThat:
        return DraftPart::StorySoThat;
    case JobField::Notes:
        break;
    }
    return std::nullopt;
}

EditJobCommand::EditJobCommand(
    const QString &text, Id jobId, JobField field, std::string before, std::string after)
    : StudyCommand(
        text,
        // Each direction reads the job as it is then and sets only this field, so the members
        // and other fields stay whatever later or earlier steps made them.
        [jobId, field, after = std::move(after)](Study &study) -> Status {
            auto job = study.job(jobId);
            if (!job)
                return job.error();
            fieldOf(*job, field) = after;
            return study.updateJob(*job);
        },
        [jobId, field, before = std::move(before)](Study &study) -> Status {
            auto job = study.job(jobId);
            if (!job)
                return job.error();
            fieldOf(*job, field) = before;
            return study.updateJob(*job);
        },
        std::vector<Change>{Change{Change::Kind::Jobs, 0}})
{}

CommandResult
EditJobCommand::create(const Study &study, Id jobId, JobField field, const QString &text)
{
    auto job = study.job(jobId);
    if (!job)
        return job.error();
    const std::string value = std::string(trim(toStd(text)));
    if (field == JobField::Name && value.empty())
        return refusal(ErrorCode::InvalidArgument, tr("a job needs a name"));
    const std::string &before = jobField(*job, field);
    if (before == value)
        return std::unique_ptr<StudyCommand>();
    return makeCommand<EditJobCommand>(
        tr("Edit the %1 of “%2”").arg(fieldName(field), toQString(job->name)),
        jobId,
        field,
        before,
        value);
}

// RunSynthesisCommand

Result<SynthesisState> SynthesisState::read(const Study &study)
{
    SynthesisState state;
    auto groups = study.forceGroups();
    if (!groups)
        return groups.error();
    auto marks = study.storyGroupMarks();
    if (!marks)
        return marks.error();
    auto jobs = study.jobs();
    if (!jobs)
        return jobs.error();
    state.groups = std::move(*groups);
    state.marks = std::move(*marks);
    state.jobs = std::move(*jobs);
    for (const Job &job : state.jobs) {
        auto draft = study.jobDraft(job.id);
        if (!draft)
            return draft.error();
        state.drafts.push_back(std::move(*draft));
    }
    return state;
}

Status SynthesisState::write(Study &study) const
{
    if (auto status = study.replaceSynthesis(groups, jobs, drafts); !status)
        return status;
    // Marks on groups that were replaced went with them; the rest may differ. Clear the marks
    // that should not be there, then set every one that should.
    auto current = study.storyGroupMarks();
    if (!current)
        return current.error();
    for (const StoryGroupMark &mark : *current) {
        const bool wanted = std::any_of(marks.begin(), marks.end(), [&](const StoryGroupMark &m) {
            return m.interviewId == mark.interviewId && m.forceGroupId == mark.forceGroupId;
        });
        if (!wanted)
            if (auto status =
                    study.setStoryGroupMark(mark.interviewId, mark.forceGroupId, std::nullopt);
                !status)
                return status;
    }
    for (const StoryGroupMark &mark : marks)
        if (auto status = study.setStoryGroupMark(mark.interviewId, mark.forceGroupId, mark.shows);
            !status)
            return status;
    return {};
}

RunSynthesisCommand::RunSynthesisCommand(const SynthesisOptions &options)
    : StudyCommand(
        options.jobs ? QCoreApplication::translate(
            "JobCommands", "Run synthesis (%n jobs)", nullptr, *options.jobs)
                     : tr("Run synthesis"),
        {},
        {},
        std::vector<Change>{Change{Change::Kind::ForceGroups, 0}, Change{Change::Kind::Jobs, 0}})
    , m_state(std::make_shared<State>())
{
    m_state->options = options;
    auto state = m_state;
    setForward([state](Study &study) -> Status {
        if (state->ran)
            return state->after.write(study);
        // The first run: what was there before, the run, and what it stored, all in the one
        // transaction the command runs in.
        auto before = SynthesisState::read(study);
        if (!before)
            return before.error();
        auto summary = runSynthesis(study, state->options);
        if (!summary)
            return summary.error();
        auto after = SynthesisState::read(study);
        if (!after)
            return after.error();
        state->before = std::move(*before);
        state->after = std::move(*after);
        state->summary = *summary;
        state->ran = true;
        return {};
    });
    setBackward([state](Study &study) -> Status {
        return state->before.write(study);
    });
}

} // namespace jtbd::app
