// Undoable edits made while conducting an interview: notes taken under a guide question, questions
// marked as covered, and timeline events captured on the spot.
#pragma once

#include <jtbd/model.h>
#include <jtbd/result.h>

#include <QString>

#include <app/commands/study_command.h>
#include <memory>
#include <optional>

namespace jtbd {
class Study;
}

namespace jtbd::app {

using InterviewCommand = CommandResult;

// An AddCommand<InterviewNote>: addedId() is the note's id once applied. Empty text is refused.
InterviewCommand addNoteCommand(const Study &study, const InterviewNote &note);
// Undo brings the note back under its id.
InterviewCommand deleteNoteCommand(const Study &study, Id noteId, Id interviewId);

// Marks a question covered (at `atMs` into the interview, when known) or clears the mark. Undo
// restores the mark as it was, its time included. Null when nothing would change.
InterviewCommand setCoveredCommand(const Study &study,
                                   Id interviewId,
                                   Id questionId,
                                   bool covered,
                                   std::optional<std::int64_t> atMs);

// What the researcher typed as the date of a timeline event: a partial date (YYYY, YYYY-MM or
// YYYY-MM-DD) or words for a relative time ("about three months before"). Text made only of digits
// and date separators is read as a date and must be a real one.
struct EventWhen
{
    std::string occurredOn;
    std::string relativeTime;
};

Result<EventWhen> parseEventWhen(const QString &text);

// Links the interview to the guide it is conducted with. Null when it already is.
InterviewCommand useGuideCommand(const Study &study, Id interviewId, Id guideId);

// An AddCommand<TimelineEvent>: addedId() is the event's id once applied.
InterviewCommand addTimelineEventCommand(const Study &study, const TimelineEvent &event);

} // namespace jtbd::app
