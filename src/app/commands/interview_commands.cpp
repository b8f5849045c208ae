// Undoable edits made while conducting an interview.
#include "interview_commands.h"

#include <jtbd/study.h>
#include <jtbd/text.h>

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

namespace jtbd::app {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("InterviewCommands", text);
}

} // namespace

InterviewCommand addNoteCommand(const Study &study, const InterviewNote &note)
{
    if (trim(note.text).empty())
        return refusal(ErrorCode::InvalidArgument, tr("a note cannot be empty"));
    if (auto interview = study.interview(note.interviewId); !interview)
        return interview.error();
    InterviewNote fresh = note;
    fresh.id = 0;
    if (fresh.createdAt.empty())
        fresh.createdAt = nowUtc(); // kept, so a redo stores the note exactly as it was
    return makeCommand<AddCommand<InterviewNote>>(
        tr("Add note"),
        std::move(fresh),
        [](Study &s, const InterviewNote &n) {
            return s.addNote(n);
        },
        [](Study &s, Id id) {
            return s.deleteNote(id);
        },
        std::vector<Change>{Change{Change::Kind::Notes, note.interviewId}});
}

InterviewCommand deleteNoteCommand(const Study &study, Id noteId, Id interviewId)
{
    auto notes = study.notes(interviewId);
    if (!notes)
        return notes.error();
    const auto found = std::find_if(notes->begin(), notes->end(), [&](const InterviewNote &n) {
        return n.id == noteId;
    });
    if (found == notes->end())
        return refusal(ErrorCode::NotFound, tr("the note is no longer there"));
    return std::make_unique<StudyCommand>(
        tr("Delete note"),
        [noteId](Study &s) {
            return s.deleteNote(noteId);
        },
        [note = *found](Study &s) -> Status {
            auto added = s.addNote(note);
            if (!added)
                return added.error();
            return {};
        },
        std::vector<Change>{Change{Change::Kind::Notes, interviewId}});
}

InterviewCommand setCoveredCommand(const Study &study,
                                   Id interviewId,
                                   Id questionId,
                                   bool covered,
                                   std::optional<std::int64_t> atMs)
{
    auto coverage = study.coverage(interviewId);
    if (!coverage)
        return coverage.error();
    const auto found =
        std::find_if(coverage->begin(), coverage->end(), [&](const QuestionCoverage &c) {
            return c.questionId == questionId;
        });
    const bool wasCovered = found != coverage->end();
    if (wasCovered == covered)
        return std::unique_ptr<StudyCommand>();
    const std::optional<std::int64_t> before = wasCovered ? found->atMs : std::nullopt;
    auto mark = [interviewId, questionId](std::optional<std::int64_t> at) {
        return [interviewId, questionId, at](Study &s) {
            return s.setQuestionCovered(interviewId, questionId, at);
        };
    };
    auto clear = [interviewId, questionId](Study &s) {
        return s.clearQuestionCovered(interviewId, questionId);
    };
    std::vector<Change> changes{Change{Change::Kind::Notes, interviewId}};
    if (covered)
        return std::make_unique<StudyCommand>(
            tr("Mark question covered"), mark(atMs), clear, std::move(changes));
    return std::make_unique<StudyCommand>(
        tr("Mark question not covered"), clear, mark(before), std::move(changes));
}

Result<EventWhen> parseEventWhen(const QString &text)
{
    const QString trimmed = text.trimmed();
    static const QRegularExpression dateLike(QStringLiteral("^[0-9][0-9./-]*$"));
    if (!dateLike.match(trimmed).hasMatch())
        return EventWhen{{}, toStd(trimmed)};
    const std::string date = toStd(trimmed);
    if (!isPartialDate(date))
        return refusal(ErrorCode::InvalidArgument,
                       tr("“%1” is not a date: write YYYY, YYYY-MM or YYYY-MM-DD (2026-03), or "
                          "words such as “about three months before”")
                           .arg(trimmed));
    return EventWhen{date, {}};
}

InterviewCommand useGuideCommand(const Study &study, Id interviewId, Id guideId)
{
    auto interview = study.interview(interviewId);
    if (!interview)
        return interview.error();
    if (auto guide = study.guide(guideId); !guide)
        return guide.error();
    if (interview->guideId == guideId)
        return std::unique_ptr<StudyCommand>();
    Interview after = *interview;
    after.guideId = guideId;
    return std::make_unique<StudyCommand>(
        tr("Use guide for interview"),
        [after](Study &s) {
            return s.updateInterview(after);
        },
        [before = *interview](Study &s) {
            return s.updateInterview(before);
        },
        std::vector<Change>{Change{Change::Kind::Interviews, 0}});
}

InterviewCommand addTimelineEventCommand(const Study &study, const TimelineEvent &event)
{
    if (!isPartialDate(event.occurredOn))
        return refusal(ErrorCode::InvalidArgument,
                       tr("“%1” is not a date: write YYYY, YYYY-MM or YYYY-MM-DD")
                           .arg(toQString(event.occurredOn)));
    if (auto interview = study.interview(event.interviewId); !interview)
        return interview.error();
    TimelineEvent fresh = event;
    fresh.id = 0;
    return makeCommand<AddCommand<TimelineEvent>>(
        tr("Capture %1").arg(toQString(info(event.kind).name)),
        std::move(fresh),
        [](Study &s, const TimelineEvent &e) {
            return s.addTimelineEvent(e);
        },
        [](Study &s, Id id) {
            return s.deleteTimelineEvent(id);
        },
        std::vector<Change>{Change{Change::Kind::Timeline, event.interviewId}});
}

} // namespace jtbd::app
