// Undoable edits of the synthesis's force groups (renaming, pinning, merging, splitting, moving
// quotes, adding and deleting groups) and of the researcher's marks in the story x force-group
// matrix, with the checks that refuse an edit before anything is written.
#pragma once

#include <jtbd/model.h>
#include <jtbd/result.h>
#include <jtbd/synthesis.h>

#include <QString>

#include <app/commands/study_command.h>
#include <memory>
#include <optional>
#include <vector>

namespace jtbd::app {

using ForceGroupCommand = CommandResult;

// A quote as the force-groups panel shows it: the highlight and the group it sits in (0 when it
// is in none of its force's groups).
struct GroupedQuote
{
    Id highlightId = 0;
    Id groupId = 0;

    bool operator==(const GroupedQuote &) const = default;
};

// One cell of the researcher's marks: what it holds before and after an edit (nullopt: no mark).
struct MarkChange
{
    Id interviewId = 0;
    Id groupId = 0;
    std::optional<bool> before;
    std::optional<bool> after;
};

// Replaces force groups and marks, and puts them back on undo: every edit of this file is one.
// Groups only in `before` are deleted, groups only in `after` (id 0, or an id not in `before`) are
// added, the others are updated. Undo writes `before` back whole, so the groups come back as they
// were, ids included; a redo adds a created group under the id it had.
class ForceGroupEditCommand final : public StudyCommand
{
public:
    ForceGroupEditCommand(const QString &text,
                          std::vector<ForceGroup> before,
                          std::vector<ForceGroup> after,
                          std::vector<MarkChange> marks);

    // The group the edit created (a new group, the group a split made), once it has run; 0 when
    // the edit creates none.
    Id createdId() const;

private:
    struct State;
    std::shared_ptr<State> m_state;
};

// A new group of `force` called `label` holding `highlightIds` (placed there by the researcher).
ForceGroupCommand addForceGroupCommand(const Study &study,
                                       Force force,
                                       const QString &label,
                                       const std::vector<Id> &highlightIds = {});
// The label becomes the researcher's; the engine's suggestion (suggestedLabel) is kept.
ForceGroupCommand renameForceGroupCommand(const Study &study, Id groupId, const QString &label);
// A pinned group is left as it is by a re-run of the synthesis.
ForceGroupCommand pinForceGroupCommand(const Study &study, Id groupId, bool pinned);
// Every quote of `from` joins `into`, placed there by hand so a re-run keeps them together; the
// groups of `from` go. A mark of a merged group moves to `into` where `into` has none: a "shows"
// mark always, a "does not show" mark only when none of `into`'s own quotes is of that story.
// Refused across forces and for a group merged into itself.
ForceGroupCommand mergeForceGroupsCommand(const Study &study, const std::vector<Id> &from, Id into);
// The quotes `highlightIds` of the group leave it for a new group of the same force called
// `label` (placed there by hand).
ForceGroupCommand splitForceGroupCommand(const Study &study,
                                         Id groupId,
                                         const std::vector<Id> &highlightIds,
                                         const QString &label);
// Each quote leaves its group (none for an ungrouped quote) and joins `toGroupId`, where it is
// placed by hand; `toGroupId` 0 leaves the quotes ungrouped. Refused when the target is of
// another force than a quote's group.
ForceGroupCommand
moveQuotesCommand(const Study &study, const std::vector<GroupedQuote> &quotes, Id toGroupId);
// The group goes, its quotes become ungrouped; undo brings it back with its marks.
ForceGroupCommand deleteForceGroupCommand(const Study &study, Id groupId);

// Sets the researcher's mark on one cell of the story x force-group matrix (nullopt clears it).
ForceGroupCommand
storyGroupMarkCommand(const Study &study, Id interviewId, Id groupId, std::optional<bool> shows);
// The mark a click gives a cell showing `cell`: a quoted cell is marked as not showing the group,
// an empty one as showing it, and a marked one goes back to what its quotes say.
std::optional<bool> nextMark(StoryMatrix::Cell cell);
// storyGroupMarkCommand with nextMark(current).
ForceGroupCommand cycleStoryGroupMarkCommand(const Study &study,
                                             Id interviewId,
                                             Id groupId,
                                             StoryMatrix::Cell current);

} // namespace jtbd::app
