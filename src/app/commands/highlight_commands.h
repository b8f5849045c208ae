// Undo commands for coding a transcript: tagging a range, editing a highlight, deleting one.
#pragma once

#include "study_command.h"

#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace jtbd::app {

// The name of the person using the computer ($USER, %USERNAME%), or "Researcher".
QString osUserName();

// The coder new highlights are recorded under: the study's coder named after the OS user, else its
// first coder; when the study has none, the OS user is added. Writes, so call it inside an edit.
Result<Id> resolveCoder(Study &study);

// Adds a highlight; redo adds it again under the same id with the same timestamps. A highlight
// without a coder gets resolveCoder()'s.
class AddHighlightCommand final : public StudyCommand
{
public:
    AddHighlightCommand(const QString &text, Highlight highlight);

    Id addedId() const { return m_highlight->id; }

private:
    std::shared_ptr<Highlight> m_highlight;
};

// Deletes a highlight. Undo restores it under the same id with its codes, memo and timestamps, and
// relinks the timeline events and force groups the delete detached from it.
class DeleteHighlightCommand final : public StudyCommand
{
public:
    DeleteHighlightCommand(const QString &text, const Study &study, Id highlightId);

private:
    struct Saved
    {
        Highlight highlight;
        std::vector<TimelineEvent> events;
        std::vector<Id> forceGroups;        // the groups that held the quote
        std::vector<Id> placedInGroups;     // those where the researcher had placed it
        std::vector<JobDraft> citingDrafts; // job drafts that cited it, whole
    };

    std::shared_ptr<Saved> m_saved;
};

// Replaces a highlight's codes, intensity, confidence, phase or memo (its range stays).
// Commands with the same `mergeSession` (>= 0) on the same highlight merge into one undo step:
// the inspector gives each burst of memo typing its own session.
class UpdateHighlightCommand final : public StudyCommand
{
public:
    UpdateHighlightCommand(const QString &text,
                           Highlight before,
                           Highlight after,
                           int mergeSession = -1);

    int id() const override;
    bool mergeWith(const QUndoCommand *other) override;

    const Highlight &before() const { return m_before; }

    const Highlight &after() const { return m_after; }

private:
    void setEdits();

    Highlight m_before;
    Highlight m_after;
    int m_mergeSession;
};

// True when two highlights differ in nothing but their update time.
bool sameHighlight(const Highlight &a, const Highlight &b);

// What tagging the code-point range [start, end) of an interview with `codeIds` does. On the exact
// range of an existing highlight the codes are toggled on it (added when any is missing, otherwise
// removed) instead of stacking a duplicate; elsewhere a new highlight is added. `highlights` are
// the interview's current highlights; `label` names the codes for the undo text ("Push").
struct TagPlan
{
    std::unique_ptr<StudyCommand> command; // null when there is nothing to do
    std::optional<Id> existingId;          // the highlight toggled, when one was
    bool removed = false;                  // the codes were taken off rather than added
    QString refusal;                       // why nothing is done, when command is null
};

TagPlan planTag(const std::vector<Highlight> &highlights,
                Id interviewId,
                std::int64_t start,
                std::int64_t end,
                std::vector<Id> codeIds,
                const QString &label);

// Toggles codes on one highlight as planTag does on an exact range.
TagPlan planToggle(const Highlight &highlight, std::vector<Id> codeIds, const QString &label);

} // namespace jtbd::app
