// Undoable force-group edits: rename, pin, merge, split, move, add, delete and the matrix marks,
// each a round trip through the study (do, undo, compare, redo, compare).
#include "force_groups_document.h"

#include <jtbd/synthesis.h>

#include <QUndoStack>

#include <app/commands/force_group_commands.h>

namespace jtbd::test {
namespace {

using app::ForceGroupEditCommand;
using app::GroupedQuote;

// Everything a force-group edit may touch.
struct SynthesisState
{
    std::vector<ForceGroup> groups;
    std::vector<StoryGroupMark> marks;

    bool operator==(const SynthesisState &) const = default;
};

void PrintTo(const SynthesisState &state, std::ostream *out)
{
    *out << state.groups.size() << " groups, " << state.marks.size() << " marks";
    for (const auto &g : state.groups) {
        *out << "\n  #" << g.id << " " << g.label << " (" << g.suggestedLabel << ")"
             << (g.pinned ? " pinned" : "") << " [";
        for (Id id : g.highlightIds)
            *out << id << " ";
        *out << "] placed [";
        for (Id id : g.placedHighlightIds)
            *out << id << " ";
        *out << "]";
    }
}

class ForceGroupCommandsTest
    : public ::testing::Test
    , protected ForceGroupsDocument
{
protected:
    SynthesisState state() { return {groups(), marks()}; }

    QUndoStack &stack() { return *document->undoStack(); }

    // Applies the command, which must be a real edit; returns it for createdId().
    ForceGroupEditCommand *apply(app::ForceGroupCommand command)
    {
        EXPECT_TRUE(command.ok()) << (command ? "" : command.error().message);
        if (!command || !*command)
            return nullptr;
        auto *raw = dynamic_cast<ForceGroupEditCommand *>(command->get());
        EXPECT_NE(raw, nullptr);
        EXPECT_TRUE(document->apply(std::move(*command)));
        return raw;
    }

    // Undo gives `before` back exactly and redo gives `after` back exactly, twice over.
    void expectRoundTrip(const SynthesisState &before, const SynthesisState &after)
    {
        for (int i = 0; i < 2; ++i) {
            stack().undo();
            EXPECT_EQ(state(), before) << "after undo " << i;
            stack().redo();
            EXPECT_EQ(state(), after) << "after redo " << i;
        }
    }
};

TEST_F(ForceGroupCommandsTest, RenameMakesTheLabelTheResearchersAndKeepsTheSuggestion)
{
    const auto before = state();
    std::vector<app::Change::Kind> changes;
    QObject::connect(document.get(), &app::StudyDocument::changed, [&](const app::Change &change) {
        changes.push_back(change.kind);
    });
    apply(app::renameForceGroupCommand(
        document->study(), monthEnd, QStringLiteral("  Books never close on time ")));
    const auto renamed = group(monthEnd);
    EXPECT_EQ(renamed.label, "Books never close on time");
    EXPECT_EQ(renamed.suggestedLabel, "Month-end reporting breaks");
    EXPECT_EQ(renamed.highlightIds, before.groups[0].highlightIds);
    EXPECT_EQ(changes, std::vector<app::Change::Kind>{app::Change::Kind::ForceGroups});
    EXPECT_EQ(stack().count(), 1);
    expectRoundTrip(before, state());
}

TEST_F(ForceGroupCommandsTest, RenameRefusesAnEmptyLabelAndIgnoresTheSameOne)
{
    auto empty = app::renameForceGroupCommand(document->study(), monthEnd, QStringLiteral("  "));
    ASSERT_FALSE(empty.ok());
    EXPECT_EQ(empty.error().code, ErrorCode::InvalidArgument);
    auto same = app::renameForceGroupCommand(
        document->study(), monthEnd, QStringLiteral("Month-end reporting breaks"));
    ASSERT_TRUE(same.ok());
    EXPECT_EQ(*same, nullptr);
    auto missing = app::renameForceGroupCommand(document->study(), 9999, QStringLiteral("X"));
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, ErrorCode::NotFound);
}

TEST_F(ForceGroupCommandsTest, PinAndUnpin)
{
    const auto before = state();
    apply(app::pinForceGroupCommand(document->study(), monthEnd, true));
    EXPECT_TRUE(group(monthEnd).pinned);
    expectRoundTrip(before, state());
    const auto pinned = state();
    apply(app::pinForceGroupCommand(document->study(), onePlace, false));
    EXPECT_FALSE(group(onePlace).pinned);
    expectRoundTrip(pinned, state());
    auto again = app::pinForceGroupCommand(document->study(), monthEnd, true);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(*again, nullptr);
}

TEST_F(ForceGroupCommandsTest, MergeMovesEveryQuoteIntoTheTargetAsPlacedAndDeletesTheSource)
{
    const auto before = state();
    const auto source = group(lateInvoices);
    const auto target = group(monthEnd);
    apply(app::mergeForceGroupsCommand(document->study(), {lateInvoices}, monthEnd));
    const auto after = state();
    ASSERT_EQ(after.groups.size(), before.groups.size() - 1);
    EXPECT_FALSE(document->study().forceGroup(lateInvoices).ok());
    const auto merged = group(monthEnd);
    std::vector<Id> all = target.highlightIds;
    all.insert(all.end(), source.highlightIds.begin(), source.highlightIds.end());
    std::sort(all.begin(), all.end());
    EXPECT_EQ(merged.highlightIds, all);
    EXPECT_EQ(merged.placedHighlightIds, source.highlightIds);
    EXPECT_EQ(merged.label, target.label);
    EXPECT_EQ(merged.suggestedLabel, target.suggestedLabel);
    expectRoundTrip(before, after);
}

TEST_F(ForceGroupCommandsTest, MergeCarriesTheSourcesMarksWhereTheTargetHasNone)
{
    // A story with no quote in either group, marked as showing the source; and a story whose
    // quote sits in the target, marked as not showing the source.
    const Id quotedInTarget = push[0].interviewId;
    Id elsewhere = 0;
    for (const auto &item : expectOk(document->study().interviews()))
        if (item.interview.id != push[0].interviewId && item.interview.id != push[1].interviewId
            && item.interview.id != push[2].interviewId && item.interview.id != push[3].interviewId
            && item.interview.id != push[4].interviewId)
            elsewhere = item.interview.id;
    ASSERT_NE(elsewhere, 0);
    expectOk(study().setStoryGroupMark(elsewhere, lateInvoices, true));
    expectOk(study().setStoryGroupMark(quotedInTarget, lateInvoices, false));
    const auto before = state();
    apply(app::mergeForceGroupsCommand(document->study(), {lateInvoices}, monthEnd));
    const auto after = state();
    EXPECT_EQ(after.marks, (std::vector<StoryGroupMark>{{elsewhere, monthEnd, true}}))
        << "a 'shows' mark moves; a 'does not show' mark does not hide the target's own quote";
    expectRoundTrip(before, after);
}

TEST_F(ForceGroupCommandsTest, MergeIsRefusedAcrossForcesAndIntoItself)
{
    auto across = app::mergeForceGroupsCommand(document->study(), {onePlace}, monthEnd);
    ASSERT_FALSE(across.ok());
    EXPECT_EQ(across.error().code, ErrorCode::InvalidArgument);
    auto self = app::mergeForceGroupsCommand(document->study(), {monthEnd}, monthEnd);
    ASSERT_FALSE(self.ok());
    const auto before = state();
    EXPECT_FALSE(app::applyCommand(*document, QStringLiteral("Merge"), std::move(across)));
    EXPECT_EQ(state(), before);
    EXPECT_EQ(stack().count(), 0);
}

TEST_F(ForceGroupCommandsTest, SplitMakesANewGroupOfTheSelectedQuotes)
{
    const auto before = state();
    const auto source = group(monthEnd);
    const std::vector<Id> moving{source.highlightIds[0], source.highlightIds[2]};
    auto *command = apply(app::splitForceGroupCommand(
        document->study(), monthEnd, moving, QStringLiteral("Spreadsheets break")));
    ASSERT_NE(command, nullptr);
    const Id created = command->createdId();
    ASSERT_NE(created, 0);
    const auto split = group(created);
    EXPECT_EQ(split.force, Force::Push);
    EXPECT_EQ(split.label, "Spreadsheets break");
    EXPECT_EQ(split.highlightIds, moving);
    EXPECT_EQ(split.placedHighlightIds, moving);
    EXPECT_EQ(group(monthEnd).highlightIds, std::vector<Id>{source.highlightIds[1]});
    const auto after = state();
    expectRoundTrip(before, after); // the new group comes back under the same id
    EXPECT_EQ(command->createdId(), created);
}

TEST_F(ForceGroupCommandsTest, SplitIsRefusedForNoQuotesOrQuotesOfAnotherGroup)
{
    auto none = app::splitForceGroupCommand(document->study(), monthEnd, {}, QStringLiteral("X"));
    ASSERT_FALSE(none.ok());
    auto foreign = app::splitForceGroupCommand(
        document->study(), monthEnd, {group(lateInvoices).highlightIds[0]}, QStringLiteral("X"));
    ASSERT_FALSE(foreign.ok());
    EXPECT_EQ(foreign.error().code, ErrorCode::InvalidArgument);
}

TEST_F(ForceGroupCommandsTest, MovingQuotesPlacesThemInTheTargetAndTakesThemFromTheSource)
{
    const auto before = state();
    const Id moved = group(monthEnd).highlightIds[1];
    apply(app::moveQuotesCommand(document->study(), {GroupedQuote{moved, monthEnd}}, lateInvoices));
    const auto from = group(monthEnd);
    const auto to = group(lateInvoices);
    EXPECT_FALSE(std::binary_search(from.highlightIds.begin(), from.highlightIds.end(), moved));
    EXPECT_TRUE(std::binary_search(to.highlightIds.begin(), to.highlightIds.end(), moved));
    EXPECT_EQ(to.placedHighlightIds, std::vector<Id>{moved});
    expectRoundTrip(before, state());

    // Back again: placed in the first group, no longer placed in the second.
    const auto moved1 = state();
    apply(app::moveQuotesCommand(document->study(), {GroupedQuote{moved, lateInvoices}}, monthEnd));
    EXPECT_TRUE(group(lateInvoices).placedHighlightIds.empty());
    EXPECT_EQ(group(monthEnd).placedHighlightIds, std::vector<Id>{moved});
    expectRoundTrip(moved1, state());
}

TEST_F(ForceGroupCommandsTest, MovingUngroupedQuotesInAndGroupedQuotesOut)
{
    const Id loose = push[5].id; // in no group
    const auto before = state();
    apply(app::moveQuotesCommand(document->study(), {GroupedQuote{loose, 0}}, monthEnd));
    const auto joined = group(monthEnd);
    EXPECT_TRUE(std::binary_search(joined.highlightIds.begin(), joined.highlightIds.end(), loose));
    EXPECT_EQ(joined.placedHighlightIds, std::vector<Id>{loose});
    expectRoundTrip(before, state());

    const auto grouped = state();
    const Id out = group(lateInvoices).highlightIds[0];
    apply(app::moveQuotesCommand(document->study(), {GroupedQuote{out, lateInvoices}}, 0));
    EXPECT_EQ(group(lateInvoices).highlightIds.size(), 1u);
    expectRoundTrip(grouped, state());

    // Nothing to move: a quote dropped where it already is.
    auto same =
        app::moveQuotesCommand(document->study(), {GroupedQuote{loose, monthEnd}}, monthEnd);
    ASSERT_TRUE(same.ok());
    EXPECT_EQ(*same, nullptr);
    // Another force's group is refused.
    auto across = app::moveQuotesCommand(
        document->study(), {GroupedQuote{group(onePlace).highlightIds[0], onePlace}}, monthEnd);
    ASSERT_FALSE(across.ok());
}

TEST_F(ForceGroupCommandsTest, NewGroupComesBackUnderItsIdOnRedo)
{
    const auto before = state();
    auto *command = apply(
        app::addForceGroupCommand(document->study(), Force::Habit, QStringLiteral("Old habits")));
    ASSERT_NE(command, nullptr);
    const Id id = command->createdId();
    const auto created = group(id);
    EXPECT_EQ(created.force, Force::Habit);
    EXPECT_EQ(created.label, "Old habits");
    EXPECT_TRUE(created.highlightIds.empty());
    expectRoundTrip(before, state());
    EXPECT_EQ(group(id), created);
    auto unnamed = app::addForceGroupCommand(document->study(), Force::Habit, QString());
    EXPECT_FALSE(unnamed.ok());
}

TEST_F(ForceGroupCommandsTest, DeleteUngroupsTheQuotesAndUndoBringsTheGroupAndItsMarksBack)
{
    const Id story = push[0].interviewId;
    expectOk(study().setStoryGroupMark(story, monthEnd, false));
    const auto before = state();
    apply(app::deleteForceGroupCommand(document->study(), monthEnd));
    const auto after = state();
    EXPECT_EQ(after.groups.size(), before.groups.size() - 1);
    EXPECT_TRUE(after.marks.empty());
    expectRoundTrip(before, after);
}

TEST_F(ForceGroupCommandsTest, MarksFollowTheClickCycle)
{
    using Cell = StoryMatrix::Cell;
    EXPECT_EQ(app::nextMark(Cell::Quoted), std::optional<bool>(false));
    EXPECT_EQ(app::nextMark(Cell::MarkedAbsent), std::nullopt);
    EXPECT_EQ(app::nextMark(Cell::Empty), std::optional<bool>(true));
    EXPECT_EQ(app::nextMark(Cell::Marked), std::nullopt);

    const Id story = push[0].interviewId;
    const auto before = state();
    apply(app::cycleStoryGroupMarkCommand(document->study(), story, monthEnd, Cell::Quoted));
    EXPECT_EQ(marks(), (std::vector<StoryGroupMark>{{story, monthEnd, false}}));
    const auto absent = state();
    expectRoundTrip(before, absent);
    apply(app::cycleStoryGroupMarkCommand(document->study(), story, monthEnd, Cell::MarkedAbsent));
    EXPECT_TRUE(marks().empty());
    expectRoundTrip(absent, state());

    auto same = app::storyGroupMarkCommand(document->study(), story, monthEnd, std::nullopt);
    ASSERT_TRUE(same.ok());
    EXPECT_EQ(*same, nullptr);
    auto missing = app::storyGroupMarkCommand(document->study(), story, 9999, true);
    EXPECT_FALSE(missing.ok());
}

} // namespace
} // namespace jtbd::test
