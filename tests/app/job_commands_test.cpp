// The jobs board's undo commands on the sample study: moving a story between jobs, placing it,
// editing a job's fields, and running the synthesis, each done, undone and redone exactly.
#include "app_fixture.h"

#include <QUndoStack>

#include <algorithm>
#include <app/commands/job_commands.h>
#include <app/study_document.h>

namespace jtbd::test {
namespace {

using app::EditJobCommand;
using app::JobField;
using app::MoveStoryCommand;
using app::RunSynthesisCommand;
using app::SynthesisState;

bool has(const std::vector<Id> &ids, Id id)
{
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

class JobCommandsTest
    : public ::testing::Test
    , protected SampleDocument
{
protected:
    std::vector<Job> jobs() { return expectOk(study().jobs(), "jobs"); }

    SynthesisState state() { return expectOk(SynthesisState::read(study()), "synthesis state"); }

    bool apply(app::CommandResult command)
    {
        EXPECT_TRUE(command.ok()) << (command.ok() ? "" : command.error().message);
        if (!command || !*command)
            return false;
        return document->apply(std::move(*command));
    }

    QUndoStack &stack() { return *document->undoStack(); }
};

TEST_F(JobCommandsTest, MovingAStoryPlacesItInTheTargetAndUndoRestoresBothJobs)
{
    const auto before = jobs();
    ASSERT_EQ(before.size(), 3u);
    const Job &from = before[0];
    const Job &to = before[1];
    const Id story = from.interviewIds.front();
    ASSERT_TRUE(from.placedInterviewIds.empty());

    ASSERT_TRUE(apply(MoveStoryCommand::create(study(), story, from.id, to.id)));
    const auto after = jobs();
    EXPECT_FALSE(has(after[0].interviewIds, story));
    EXPECT_EQ(after[0].interviewIds.size(), from.interviewIds.size() - 1);
    EXPECT_TRUE(has(after[1].interviewIds, story));
    EXPECT_EQ(after[1].placedInterviewIds, std::vector<Id>{story});
    EXPECT_TRUE(std::is_sorted(after[1].interviewIds.begin(), after[1].interviewIds.end()));
    EXPECT_EQ(after[2], before[2]);
    EXPECT_EQ(stack().count(), 1);
    EXPECT_TRUE(stack().text(0).contains(QStringLiteral("P01")));

    stack().undo();
    EXPECT_EQ(jobs(), before);
    stack().redo();
    EXPECT_EQ(jobs(), after);
}

TEST_F(JobCommandsTest, MovingAPlacedStoryOnTakesItsPlacementAlong)
{
    const auto start = jobs();
    const Id story = start[0].interviewIds.front();
    ASSERT_TRUE(apply(MoveStoryCommand::create(study(), story, start[0].id, start[1].id)));
    ASSERT_TRUE(apply(MoveStoryCommand::create(study(), story, start[1].id, start[2].id)));
    const auto after = jobs();
    EXPECT_FALSE(has(after[1].interviewIds, story));
    EXPECT_FALSE(has(after[1].placedInterviewIds, story));
    EXPECT_EQ(after[2].placedInterviewIds, std::vector<Id>{story});
    stack().undo();
    stack().undo();
    EXPECT_EQ(jobs(), start);
}

TEST_F(JobCommandsTest, AStoryCanLeaveEveryJobAndComeBack)
{
    const auto start = jobs();
    const Id story = start[2].interviewIds.back();
    ASSERT_TRUE(apply(MoveStoryCommand::create(study(), story, start[2].id, 0)));
    for (const Job &job : jobs())
        EXPECT_FALSE(has(job.interviewIds, story)) << job.name;
    ASSERT_TRUE(apply(MoveStoryCommand::create(study(), story, 0, start[0].id)));
    EXPECT_TRUE(has(jobs()[0].placedInterviewIds, story));
    stack().undo();
    stack().undo();
    EXPECT_EQ(jobs(), start);
}

TEST_F(JobCommandsTest, MovesThatChangeNothingOrNoLongerApply)
{
    const auto start = jobs();
    const Id story = start[0].interviewIds.front();
    auto same = MoveStoryCommand::create(study(), story, start[0].id, start[0].id);
    ASSERT_TRUE(same.ok());
    EXPECT_EQ(*same, nullptr);

    // The story is not in the second job: the move is refused, saying so.
    auto stale = MoveStoryCommand::create(study(), story, start[1].id, start[2].id);
    ASSERT_FALSE(stale.ok());
    EXPECT_EQ(stale.error().code, ErrorCode::NotFound);
    EXPECT_NE(stale.error().message.find("P01"), std::string::npos) << stale.error().message;

    auto missing = MoveStoryCommand::create(study(), story, start[0].id, 9999);
    EXPECT_FALSE(missing.ok());
    EXPECT_EQ(stack().count(), 0);
    EXPECT_EQ(jobs(), start);
}

TEST_F(JobCommandsTest, PlacingAStoryWhereItIs)
{
    const auto start = jobs();
    const Id story = start[1].interviewIds[1];
    ASSERT_TRUE(apply(MoveStoryCommand::setPlaced(study(), story, start[1].id, true)));
    EXPECT_EQ(jobs()[1].placedInterviewIds, std::vector<Id>{story});
    EXPECT_EQ(jobs()[1].interviewIds, start[1].interviewIds);
    auto again = MoveStoryCommand::setPlaced(study(), story, start[1].id, true);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(*again, nullptr);
    ASSERT_TRUE(apply(MoveStoryCommand::setPlaced(study(), story, start[1].id, false)));
    EXPECT_TRUE(jobs()[1].placedInterviewIds.empty());
    stack().undo();
    EXPECT_EQ(jobs()[1].placedInterviewIds, std::vector<Id>{story});
    stack().undo();
    EXPECT_EQ(jobs(), start);
    EXPECT_FALSE(
        MoveStoryCommand::setPlaced(study(), start[0].interviewIds[0], start[1].id, true).ok());
}

TEST_F(JobCommandsTest, EditingEachFieldIsOneStep)
{
    const auto start = jobs();
    const Id jobId = start[0].id;
    const std::pair<JobField, const char *> edits[] = {
        {JobField::Name, "Get paid without chasing"},
        {JobField::Statement, "Get paid for finished work"},
        {JobField::StoryWhen, "a client goes quiet after the invoice"},
        {JobField::StoryWant, "have the chasing done for me"},
        {JobField::StorySoThat, "stay friends with my clients"},
        {JobField::Notes, "strongest in the sole traders"},
    };
    for (const auto &[field, text] : edits)
        ASSERT_TRUE(apply(EditJobCommand::create(study(),
                                                 jobId,
                                                 field,
                                                 QStringLiteral("  ") + QString::fromUtf8(text)
                                                     + QStringLiteral("\n"))));
    Job edited = jobs()[0];
    for (const auto &[field, text] : edits)
        EXPECT_EQ(app::jobField(edited, field), text); // trimmed
    EXPECT_EQ(edited.interviewIds, start[0].interviewIds);
    EXPECT_EQ(stack().count(), 6);

    stack().undo(); // the notes only
    EXPECT_EQ(jobs()[0].notes, start[0].notes);
    EXPECT_EQ(jobs()[0].storySoThat, "stay friends with my clients");
    while (stack().canUndo())
        stack().undo();
    EXPECT_EQ(jobs(), start);
    while (stack().canRedo())
        stack().redo();
    EXPECT_EQ(jobs()[0], edited);
}

TEST_F(JobCommandsTest, EditsRefusedOrWithoutEffect)
{
    const auto start = jobs();
    auto empty =
        EditJobCommand::create(study(), start[0].id, JobField::Name, QStringLiteral("   "));
    ASSERT_FALSE(empty.ok());
    EXPECT_EQ(empty.error().code, ErrorCode::InvalidArgument);
    auto same = EditJobCommand::create(
        study(), start[0].id, JobField::Name, app::toQString(start[0].name) + QStringLiteral(" "));
    ASSERT_TRUE(same.ok());
    EXPECT_EQ(*same, nullptr);
    EXPECT_FALSE(EditJobCommand::create(study(), 4242, JobField::Name, QStringLiteral("x")).ok());
    // Clearing a story part is allowed: the job story is then shorter.
    ASSERT_TRUE(apply(EditJobCommand::create(study(), start[0].id, JobField::StoryWant, {})));
    EXPECT_EQ(jobs()[0].storyWant, "");
}

TEST_F(JobCommandsTest, AnEditAndAMoveUndoneInEitherOrder)
{
    const auto start = jobs();
    const Id story = start[0].interviewIds[1];
    ASSERT_TRUE(apply(
        EditJobCommand::create(study(), start[1].id, JobField::Name, QStringLiteral("Renamed"))));
    ASSERT_TRUE(apply(MoveStoryCommand::create(study(), story, start[0].id, start[1].id)));
    const auto after = jobs();
    EXPECT_EQ(after[1].name, "Renamed");
    EXPECT_TRUE(has(after[1].interviewIds, story));
    stack().undo();
    EXPECT_EQ(jobs()[1].name, "Renamed");
    EXPECT_EQ(jobs()[1].interviewIds, start[1].interviewIds);
    stack().undo();
    EXPECT_EQ(jobs(), start);
    stack().redo();
    stack().redo();
    EXPECT_EQ(jobs(), after);
}

TEST_F(JobCommandsTest, RunSynthesisUndoRestoresTheExactPreviousState)
{
    const SynthesisState before = state();
    ASSERT_EQ(before.jobs.size(), 3u);
    for (const JobDraft &draft : before.drafts)
        EXPECT_TRUE(draft.clauses.empty());

    SynthesisOptions options;
    options.jobs = 3;
    auto command = std::make_unique<RunSynthesisCommand>(options);
    auto *raw = command.get();
    ASSERT_TRUE(document->apply(std::move(command)));
    EXPECT_EQ(raw->summary().jobs, 3);
    EXPECT_GT(raw->summary().forceGroups, 0);
    const SynthesisState after = state();
    EXPECT_EQ(after.jobs.size(), 3u);
    EXPECT_FALSE(after.groups.empty());
    EXPECT_NE(after, before);
    bool drafted = false;
    for (const JobDraft &draft : after.drafts)
        drafted = drafted || !draft.clauses.empty();
    EXPECT_TRUE(drafted);

    stack().undo();
    EXPECT_EQ(state(), before);
    EXPECT_EQ(jobs(), before.jobs);
    for (const Job &job : before.jobs)
        EXPECT_TRUE(expectOk(study().jobDraft(job.id), "draft").clauses.empty());

    // Redo stores the result of the run again, under the same ids, drafts included.
    stack().redo();
    const SynthesisState redone = state();
    EXPECT_EQ(redone, after);
    for (std::size_t i = 0; i < after.jobs.size(); ++i)
        EXPECT_EQ(expectOk(study().jobDraft(after.jobs[i].id), "draft").clauses,
                  after.drafts[i].clauses);
}

TEST_F(JobCommandsTest, UndoingARerunBringsBackGroupsAndMarks)
{
    SynthesisOptions three;
    three.jobs = 3;
    ASSERT_TRUE(document->apply(std::make_unique<RunSynthesisCommand>(three)));
    // The researcher's work between runs: a mark, a story placed by hand, a renamed job.
    SynthesisState worked = state();
    ASSERT_FALSE(worked.groups.empty());
    const Id groupId = worked.groups.front().id;
    const Id story = worked.jobs[0].interviewIds.front();
    ASSERT_TRUE(
        apply(MoveStoryCommand::create(study(), story, worked.jobs[0].id, worked.jobs[1].id)));
    ASSERT_TRUE(apply(EditJobCommand::create(
        study(), worked.jobs[2].id, JobField::Name, QStringLiteral("Mine"))));
    expectOk(study().setStoryGroupMark(story, groupId, false), "mark");
    const SynthesisState before = state();
    ASSERT_EQ(before.marks.size(), 1u);

    SynthesisOptions two;
    two.jobs = 2;
    ASSERT_TRUE(document->apply(std::make_unique<RunSynthesisCommand>(two)));
    const SynthesisState after = state();
    EXPECT_NE(after, before);
    stack().undo();
    EXPECT_EQ(state(), before);
    stack().redo();
    EXPECT_EQ(state(), after);
}

} // namespace
} // namespace jtbd::test
