// Undoable edits of force groups and of the story x force-group matrix.
#include "force_group_commands.h"

#include "id_lists.h"

#include <jtbd/study.h>
#include <jtbd/text.h>

#include <QCoreApplication>

#include <algorithm>
#include <map>
#include <set>

namespace jtbd::app {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("ForceGroupCommands", text);
}

QString inQuotes(std::string_view label)
{
    return tr("“%1”").arg(toQString(label));
}

QString quoteCount(std::size_t n)
{
    return n == 1 ? tr("1 quote") : tr("%1 quotes").arg(n);
}

std::vector<Id> without(const std::vector<Id> &ids, const std::vector<Id> &removed)
{
    std::vector<Id> out;
    for (Id id : ids)
        if (std::find(removed.begin(), removed.end(), id) == removed.end())
            out.push_back(id);
    return out;
}

std::unique_ptr<StudyCommand> nothingToDo()
{
    return nullptr;
}

Status refuseEmptyLabel(const std::string &label)
{
    if (trim(label).empty())
        return refusal(ErrorCode::InvalidArgument, tr("A force group needs a label."));
    return {};
}

// The marks on the groups `groupIds`, as they are now.
Result<std::vector<StoryGroupMark>> marksOf(const Study &study, const std::set<Id> &groupIds)
{
    auto marks = study.storyGroupMarks();
    if (!marks)
        return marks.error();
    std::vector<StoryGroupMark> out;
    for (const auto &mark : *marks)
        if (groupIds.count(mark.forceGroupId))
            out.push_back(mark);
    return out;
}

CommandResult edit(const QString &text,
                   std::vector<ForceGroup> before,
                   std::vector<ForceGroup> after,
                   std::vector<MarkChange> marks = {})
{
    return makeCommand<ForceGroupEditCommand>(
        text, std::move(before), std::move(after), std::move(marks));
}

} // namespace

// ---------------------------------------------------------------------------------------------

struct ForceGroupEditCommand::State
{
    std::vector<ForceGroup> before;
    std::vector<ForceGroup> after; // a created group's id is learned on the first run
    std::vector<MarkChange> marks;
    std::set<Id> beforeIds;
    Id created = 0;

    bool wasBefore(Id id) const { return id != 0 && beforeIds.count(id) > 0; }

    bool isAfter(Id id) const
    {
        return std::any_of(after.begin(), after.end(), [id](const ForceGroup &g) {
            return g.id == id;
        });
    }

    // A group the edit deletes (its marks go with it).
    bool deletes(Id id) const { return wasBefore(id) && !isAfter(id); }

    Status forward(Study &study)
    {
        // Removals first: a deleted group's marks and the group, then the groups that stay,
        // then the new ones, then the marks on groups that exist by then.
        for (const auto &mark : marks)
            if (deletes(mark.groupId) && mark.before)
                if (auto status = study.setStoryGroupMark(mark.interviewId, mark.groupId, {});
                    !status)
                    return status;
        for (const auto &group : before)
            if (deletes(group.id))
                if (auto status = study.deleteForceGroup(group.id); !status)
                    return status;
        for (const auto &group : after)
            if (wasBefore(group.id))
                if (auto status = study.updateForceGroup(group); !status)
                    return status;
        for (auto &group : after) {
            if (wasBefore(group.id))
                continue;
            auto id = study.addForceGroup(group);
            if (!id)
                return id.error();
            group.id = *id;
            created = *id;
        }
        for (const auto &mark : marks)
            if (!deletes(mark.groupId) && mark.before != mark.after)
                if (auto status =
                        study.setStoryGroupMark(mark.interviewId, mark.groupId, mark.after);
                    !status)
                    return status;
        return {};
    }

    Status backward(Study &study)
    {
        for (const auto &group : after)
            if (!wasBefore(group.id))
                if (auto status = study.deleteForceGroup(group.id); !status)
                    return status;
        for (const auto &group : before) {
            if (isAfter(group.id)) {
                if (auto status = study.updateForceGroup(group); !status)
                    return status;
                continue;
            }
            auto id = study.addForceGroup(group); // under its own id, which is free again
            if (!id)
                return id.error();
        }
        for (const auto &mark : marks)
            if (mark.before != mark.after || deletes(mark.groupId))
                if (auto status =
                        study.setStoryGroupMark(mark.interviewId, mark.groupId, mark.before);
                    !status)
                    return status;
        return {};
    }
};

ForceGroupEditCommand::ForceGroupEditCommand(const QString &text,
                                             std::vector<ForceGroup> before,
                                             std::vector<ForceGroup> after,
                                             std::vector<MarkChange> marks)
    : StudyCommand(text, {}, {}, std::vector<Change>{Change{Change::Kind::ForceGroups, 0}})
    , m_state(std::make_shared<State>())
{
    m_state->before = std::move(before);
    m_state->after = std::move(after);
    m_state->marks = std::move(marks);
    for (const auto &group : m_state->before)
        m_state->beforeIds.insert(group.id);
    auto state = m_state;
    setForward([state](Study &study) {
        return state->forward(study);
    });
    setBackward([state](Study &study) {
        return state->backward(study);
    });
}

Id ForceGroupEditCommand::createdId() const
{
    return m_state->created;
}

// ---------------------------------------------------------------------------------------------

ForceGroupCommand addForceGroupCommand(const Study &study,
                                       Force force,
                                       const QString &label,
                                       const std::vector<Id> &highlightIds)
{
    ForceGroup group;
    group.force = force;
    group.label = std::string(trim(toStd(label)));
    if (auto status = refuseEmptyLabel(group.label); !status)
        return status.error();
    group.highlightIds = sortedUnique(highlightIds);
    group.placedHighlightIds = group.highlightIds;
    for (Id id : group.highlightIds)
        if (auto h = study.highlight(id); !h)
            return h.error();
    return edit(tr("New %1 group %2")
                    .arg(toQString(info(force).shortName).toLower(), inQuotes(group.label)),
                {},
                {group});
}

ForceGroupCommand renameForceGroupCommand(const Study &study, Id groupId, const QString &label)
{
    auto before = study.forceGroup(groupId);
    if (!before)
        return before.error();
    ForceGroup after = *before;
    after.label = std::string(trim(toStd(label)));
    if (auto status = refuseEmptyLabel(after.label); !status)
        return status.error();
    if (after == *before)
        return nothingToDo();
    return edit(
        tr("Rename force group %1 to %2").arg(inQuotes(before->label), inQuotes(after.label)),
        {*before},
        {after});
}

ForceGroupCommand pinForceGroupCommand(const Study &study, Id groupId, bool pinned)
{
    auto before = study.forceGroup(groupId);
    if (!before)
        return before.error();
    if (before->pinned == pinned)
        return nothingToDo();
    ForceGroup after = *before;
    after.pinned = pinned;
    return edit(
        (pinned ? tr("Pin %1") : tr("Unpin %1")).arg(inQuotes(before->label)), {*before}, {after});
}

ForceGroupCommand mergeForceGroupsCommand(const Study &study, const std::vector<Id> &from, Id into)
{
    auto target = study.forceGroup(into);
    if (!target)
        return target.error();
    std::vector<ForceGroup> sources;
    for (Id id : sortedUnique(from)) {
        if (id == into)
            return refusal(ErrorCode::InvalidArgument,
                           tr("%1 cannot be merged into itself.").arg(inQuotes(target->label)));
        auto source = study.forceGroup(id);
        if (!source)
            return source.error();
        if (source->force != target->force)
            return refusal(ErrorCode::InvalidArgument,
                           tr("%1 is a group of %2 and %3 one of %4: only groups of the same "
                              "force can be merged.")
                               .arg(inQuotes(source->label),
                                    toQString(info(source->force).shortName),
                                    inQuotes(target->label),
                                    toQString(info(target->force).shortName)));
        sources.push_back(std::move(*source));
    }
    if (sources.empty())
        return nothingToDo();

    ForceGroup merged = *target;
    for (const auto &source : sources) {
        merged.highlightIds.insert(
            merged.highlightIds.end(), source.highlightIds.begin(), source.highlightIds.end());
        // The researcher put these quotes here: a re-run must not pull them apart again.
        merged.placedHighlightIds.insert(merged.placedHighlightIds.end(),
                                         source.highlightIds.begin(),
                                         source.highlightIds.end());
    }
    merged.highlightIds = sortedUnique(std::move(merged.highlightIds));
    merged.placedHighlightIds = sortedUnique(std::move(merged.placedHighlightIds));

    // The marks: the sources' go with them; some move to the target (see the header).
    std::set<Id> involved{into};
    for (const auto &source : sources)
        involved.insert(source.id);
    auto marks = marksOf(study, involved);
    if (!marks)
        return marks.error();
    std::map<Id, bool> targetMarks; // by interview
    for (const auto &mark : *marks)
        if (mark.forceGroupId == into)
            targetMarks.emplace(mark.interviewId, mark.shows);
    std::set<Id> targetStories; // interviews of the target's own quotes
    for (Id highlightId : target->highlightIds) {
        auto h = study.highlight(highlightId);
        if (!h)
            return h.error();
        targetStories.insert(h->interviewId);
    }
    std::vector<MarkChange> changes;
    std::map<Id, bool> carried;
    for (const auto &mark : *marks) {
        if (mark.forceGroupId == into)
            continue;
        changes.push_back({mark.interviewId, mark.forceGroupId, mark.shows, std::nullopt});
        if (targetMarks.count(mark.interviewId) || carried.count(mark.interviewId))
            continue;
        if (mark.shows || !targetStories.count(mark.interviewId))
            carried.emplace(mark.interviewId, mark.shows);
    }
    for (const auto &[interviewId, shows] : carried)
        changes.push_back({interviewId, into, std::nullopt, shows});

    std::vector<ForceGroup> before = sources;
    before.push_back(*target);
    const QString text =
        sources.size() == 1
            ? tr("Merge %1 into %2").arg(inQuotes(sources.front().label), inQuotes(target->label))
            : tr("Merge %1 groups into %2").arg(sources.size()).arg(inQuotes(target->label));
    return edit(text, std::move(before), {merged}, std::move(changes));
}

ForceGroupCommand splitForceGroupCommand(const Study &study,
                                         Id groupId,
                                         const std::vector<Id> &highlightIds,
                                         const QString &label)
{
    auto before = study.forceGroup(groupId);
    if (!before)
        return before.error();
    const auto moving = sortedUnique(highlightIds);
    if (moving.empty())
        return refusal(ErrorCode::InvalidArgument,
                       tr("Select the quotes of %1 that should form the new group.")
                           .arg(inQuotes(before->label)));
    for (Id id : moving)
        if (!sortedContainsId(before->highlightIds, id))
            return refusal(
                ErrorCode::InvalidArgument,
                tr("Quote %1 is not in %2: only a group's own quotes can be split from it.")
                    .arg(id)
                    .arg(inQuotes(before->label)));
    ForceGroup created;
    created.force = before->force;
    created.label = std::string(trim(toStd(label)));
    if (auto status = refuseEmptyLabel(created.label); !status)
        return status.error();
    created.highlightIds = moving;
    created.placedHighlightIds = moving;
    ForceGroup rest = *before;
    rest.highlightIds = without(before->highlightIds, moving);
    rest.placedHighlightIds = without(before->placedHighlightIds, moving);
    return edit(
        tr("Split %1 from %2 into %3")
            .arg(quoteCount(moving.size()), inQuotes(before->label), inQuotes(created.label)),
        {*before},
        {rest, created});
}

ForceGroupCommand
moveQuotesCommand(const Study &study, const std::vector<GroupedQuote> &quotes, Id toGroupId)
{
    std::optional<ForceGroup> target;
    if (toGroupId != 0) {
        auto group = study.forceGroup(toGroupId);
        if (!group)
            return group.error();
        target = std::move(*group);
    }
    // The source groups as they are, and the quotes leaving each.
    std::map<Id, ForceGroup> sources;
    std::map<Id, std::vector<Id>> leaving;
    std::vector<Id> arriving;
    for (const auto &quote : quotes) {
        if (quote.groupId == toGroupId)
            continue;
        if (auto h = study.highlight(quote.highlightId); !h)
            return h.error();
        arriving.push_back(quote.highlightId);
        if (quote.groupId == 0)
            continue;
        if (!sources.count(quote.groupId)) {
            auto group = study.forceGroup(quote.groupId);
            if (!group)
                return group.error();
            if (target && group->force != target->force)
                return refusal(ErrorCode::InvalidArgument,
                               tr("%1 is a group of %2: quotes of %3 cannot move there.")
                                   .arg(inQuotes(target->label),
                                        toQString(info(target->force).shortName),
                                        toQString(info(group->force).shortName)));
            sources.emplace(quote.groupId, std::move(*group));
        }
        if (!sortedContainsId(sources.at(quote.groupId).highlightIds, quote.highlightId))
            return refusal(ErrorCode::NotFound,
                           tr("Quote %1 is no longer in %2.")
                               .arg(quote.highlightId)
                               .arg(inQuotes(sources.at(quote.groupId).label)));
        leaving[quote.groupId].push_back(quote.highlightId);
    }
    arriving = sortedUnique(std::move(arriving));
    if (arriving.empty())
        return nothingToDo();

    std::vector<ForceGroup> before;
    std::vector<ForceGroup> after;
    for (const auto &[id, group] : sources) {
        before.push_back(group);
        ForceGroup changed = group;
        changed.highlightIds = without(group.highlightIds, leaving.at(id));
        changed.placedHighlightIds = without(group.placedHighlightIds, leaving.at(id));
        after.push_back(std::move(changed));
    }
    if (target) {
        ForceGroup changed = *target;
        changed.highlightIds.insert(changed.highlightIds.end(), arriving.begin(), arriving.end());
        changed.highlightIds = sortedUnique(std::move(changed.highlightIds));
        changed.placedHighlightIds.insert(
            changed.placedHighlightIds.end(), arriving.begin(), arriving.end());
        changed.placedHighlightIds = sortedUnique(std::move(changed.placedHighlightIds));
        before.push_back(*target);
        after.push_back(std::move(changed));
    }
    if (before == after)
        return nothingToDo();
    const QString text =
        target ? tr("Move %1 to %2").arg(quoteCount(arriving.size()), inQuotes(target->label))
               : tr("Ungroup %1").arg(quoteCount(arriving.size()));
    return edit(text, std::move(before), std::move(after));
}

ForceGroupCommand deleteForceGroupCommand(const Study &study, Id groupId)
{
    auto before = study.forceGroup(groupId);
    if (!before)
        return before.error();
    auto marks = marksOf(study, {groupId});
    if (!marks)
        return marks.error();
    std::vector<MarkChange> changes;
    for (const auto &mark : *marks)
        changes.push_back({mark.interviewId, groupId, mark.shows, std::nullopt});
    return edit(tr("Delete force group %1").arg(inQuotes(before->label)),
                {*before},
                {},
                std::move(changes));
}

ForceGroupCommand
storyGroupMarkCommand(const Study &study, Id interviewId, Id groupId, std::optional<bool> shows)
{
    auto group = study.forceGroup(groupId);
    if (!group)
        return group.error();
    auto interview = study.interview(interviewId);
    if (!interview)
        return interview.error();
    auto marks = marksOf(study, {groupId});
    if (!marks)
        return marks.error();
    std::optional<bool> current;
    for (const auto &mark : *marks)
        if (mark.interviewId == interviewId)
            current = mark.shows;
    if (current == shows)
        return nothingToDo();
    const QString story = toQString(interview->title);
    QString text;
    if (!shows)
        text = tr("Clear the mark of “%1” on %2").arg(story, inQuotes(group->label));
    else if (*shows)
        text = tr("Mark that “%1” shows %2").arg(story, inQuotes(group->label));
    else
        text = tr("Mark that “%1” does not show %2").arg(story, inQuotes(group->label));
    return edit(text, {}, {}, {MarkChange{interviewId, groupId, current, shows}});
}

std::optional<bool> nextMark(StoryMatrix::Cell cell)
{
    switch (cell) {
    case StoryMatrix::Cell::Quoted:
        return false;
    case StoryMatrix::Cell::Empty:
        return true;
    case StoryMatrix::Cell::Marked:
    case StoryMatrix::Cell::MarkedAbsent:
        return std::nullopt;
    }
    return std::nullopt;
}

ForceGroupCommand cycleStoryGroupMarkCommand(const Study &study,
                                             Id interviewId,
                                             Id groupId,
                                             StoryMatrix::Cell current)
{
    return storyGroupMarkCommand(study, interviewId, groupId, nextMark(current));
}

} // namespace jtbd::app
