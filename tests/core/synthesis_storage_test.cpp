// Storing the synthesis: force groups with their suggested labels and placed quotes, the marks in
// the story x force-group matrix, jobs with placed stories, job drafts and their evidence, the
// all-or-nothing replacement a synthesis run makes, migration 6 and the study JSON.
#include "test_support.h"

#include <jtbd/study.h>
#include <jtbd/study_json.h>

#include <gtest/gtest.h>

namespace jtbd {

using namespace test;
namespace fs = std::filesystem;

namespace {

bool contains(const std::string &text, const std::string &part)
{
    return text.find(part) != std::string::npos;
}

} // namespace

// Two interviews with two quotes each: push and pull in the first, anxiety and habit in the
// second.
class SynthesisStorage : public ::testing::Test
{
protected:
    void SetUp() override
    {
        auto small = makeSmallStudy(path);
        first = small.interviewId;
        Interview interview;
        interview.title = "Second interview";
        second = expectOk(small.study.addInterview(interview));
        expectOk(small.study.setTranscript(
            second,
            {{"Sam",
              SpeakerRole::Participant,
              {},
              {},
              "I worried about moving my data but I always used paper."}}));
        push = addHighlight(small.study, first, 35, 46, "push");      // "The brewery"
        pull = addHighlight(small.study, first, 84, 93, "pull");      // "overdraft"
        anxiety = addHighlight(small.study, second, 2, 9, "anxiety"); // "worried"
        habit = addHighlight(small.study, second, 37, 48, "habit");   // "always used"
        study.emplace(std::move(small.study));
    }

    static Id addHighlight(Study &study, Id interviewId, int start, int end, const char *code)
    {
        Highlight h;
        h.interviewId = interviewId;
        h.start = start;
        h.end = end;
        h.codeIds = {codeId(study, code)};
        return expectOk(study.addHighlight(h));
    }

    ForceGroup group(Force force, const std::string &label, std::vector<Id> members) const
    {
        ForceGroup g;
        g.force = force;
        g.label = label;
        g.suggestedLabel = label;
        g.highlightIds = std::move(members);
        return g;
    }

    Job job(const std::string &name, std::vector<Id> interviews) const
    {
        Job j;
        j.name = name;
        j.interviewIds = std::move(interviews);
        return j;
    }

    std::string count(const std::string &table) const
    {
        return sqlite(path, "SELECT count(*) FROM " + table);
    }

    TempDir dir;
    fs::path path = dir / "s.jtbd";
    std::optional<Study> study;
    Id first = 0;
    Id second = 0;
    Id push = 0;
    Id pull = 0;
    Id anxiety = 0;
    Id habit = 0;
};

TEST_F(SynthesisStorage, ForceGroupKeepsItsSuggestedLabelAndPlacedQuotes)
{
    ForceGroup g = group(Force::Push, "Late payments", {push, pull});
    g.suggestedLabel = "brewery paid late";
    g.notes = "the cash gap";
    g.pinned = true;
    g.placedHighlightIds = {pull};
    g.id = expectOk(study->addForceGroup(g));
    EXPECT_EQ(expectOk(study->forceGroup(g.id)), g);

    g.label = "Paid late";
    g.suggestedLabel = "";
    g.placedHighlightIds = {push, pull};
    expectOk(study->updateForceGroup(g));
    EXPECT_EQ(expectOk(study->forceGroup(g.id)), g);
    EXPECT_EQ(expectOk(study->forceGroups()), std::vector<ForceGroup>{g});

    // Placed flags follow the members: a quote taken out of the group is no longer placed.
    g.highlightIds = {push};
    g.placedHighlightIds = {};
    expectOk(study->updateForceGroup(g));
    EXPECT_EQ(expectOk(study->forceGroup(g.id)).placedHighlightIds, std::vector<Id>{});
    EXPECT_EQ(sqlite(path, "SELECT count(*) FROM force_group_member WHERE placed = 1"), "0");
}

TEST_F(SynthesisStorage, ForceGroupsAreListedByForceThenId)
{
    const Id habitGroup = expectOk(study->addForceGroup(group(Force::Habit, "Paper", {habit})));
    const Id pullB = expectOk(study->addForceGroup(group(Force::Pull, "Quick app", {})));
    const Id anxietyGroup =
        expectOk(study->addForceGroup(group(Force::Anxiety, "Moving data", {anxiety})));
    const Id pushGroup = expectOk(study->addForceGroup(group(Force::Push, "Late", {push})));
    const Id pullA = expectOk(study->addForceGroup(group(Force::Pull, "Overdraft", {pull})));
    std::vector<Id> order;
    for (const auto &g : expectOk(study->forceGroups()))
        order.push_back(g.id);
    EXPECT_EQ(order, (std::vector<Id>{pushGroup, pullB, pullA, anxietyGroup, habitGroup}));
}

TEST_F(SynthesisStorage, AGroupMayHoldQuotesCodedWithAnotherForce)
{
    // The researcher moves quotes freely; the group's force does not restrict its members.
    const Id id = expectOk(study->addForceGroup(group(Force::Push, "Mixed", {pull, habit})));
    EXPECT_EQ(expectOk(study->forceGroup(id)).highlightIds, (std::vector<Id>{pull, habit}));
}

TEST_F(SynthesisStorage, PlacedMembersMustBeMembers)
{
    ForceGroup g = group(Force::Push, "Late payments", {push});
    g.placedHighlightIds = {pull};
    auto added = study->addForceGroup(g);
    ASSERT_FALSE(added);
    EXPECT_EQ(added.error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(added.error().message,
              "force group 'Late payments': placed highlight " + std::to_string(pull)
                  + " is not one of its quotes");
    EXPECT_EQ(count("force_group"), "0");

    g.placedHighlightIds = {};
    g.id = expectOk(study->addForceGroup(g));
    g.placedHighlightIds = {pull};
    auto updated = study->updateForceGroup(g);
    ASSERT_FALSE(updated);
    EXPECT_EQ(updated.error().code, ErrorCode::InvalidArgument);

    Job j = job("Get paid on time", {first});
    j.placedInterviewIds = {second};
    auto addedJob = study->addJob(j);
    ASSERT_FALSE(addedJob);
    EXPECT_EQ(addedJob.error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(addedJob.error().message,
              "job 'Get paid on time': placed interview " + std::to_string(second)
                  + " is not one of its stories");
    EXPECT_EQ(count("job"), "0");
}

TEST_F(SynthesisStorage, UnknownGroupIsNotFound)
{
    auto missing = study->forceGroup(77);
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code, ErrorCode::NotFound);
    EXPECT_EQ(missing.error().message, "there is no force group with id 77");
}

TEST_F(SynthesisStorage, StoryGroupMarksAreSetChangedAndRemoved)
{
    const Id late = expectOk(study->addForceGroup(group(Force::Push, "Late", {push})));
    const Id paper = expectOk(study->addForceGroup(group(Force::Habit, "Paper", {habit})));
    EXPECT_TRUE(expectOk(study->storyGroupMarks()).empty());
    expectOk(study->setStoryGroupMark(second, late, true));
    expectOk(study->setStoryGroupMark(first, paper, true));
    expectOk(study->setStoryGroupMark(first, late, false));
    EXPECT_EQ(expectOk(study->storyGroupMarks()),
              (std::vector<StoryGroupMark>{
                  {first, late, false}, {first, paper, true}, {second, late, true}}));
    expectOk(study->setStoryGroupMark(first, late, true));
    expectOk(study->setStoryGroupMark(first, paper, std::nullopt));
    EXPECT_EQ(expectOk(study->storyGroupMarks()),
              (std::vector<StoryGroupMark>{{first, late, true}, {second, late, true}}));
    // Removing a mark that is not there is not an error: the cell already follows the quotes.
    expectOk(study->setStoryGroupMark(first, paper, std::nullopt));
}

TEST_F(SynthesisStorage, MarksNeedAnExistingInterviewAndGroup)
{
    const Id late = expectOk(study->addForceGroup(group(Force::Push, "Late", {push})));
    auto noInterview = study->setStoryGroupMark(99, late, true);
    ASSERT_FALSE(noInterview);
    EXPECT_EQ(noInterview.error().code, ErrorCode::NotFound);
    EXPECT_EQ(noInterview.error().message, "there is no interview with id 99");
    auto noGroup = study->setStoryGroupMark(first, 98, false);
    ASSERT_FALSE(noGroup);
    EXPECT_EQ(noGroup.error().code, ErrorCode::NotFound);
    EXPECT_EQ(noGroup.error().message, "there is no force group with id 98");
    EXPECT_EQ(count("story_group_mark"), "0");
}

TEST_F(SynthesisStorage, JobKeepsItsPlacedStories)
{
    Job j = job("Get paid on time", {first, second});
    j.placedInterviewIds = {second};
    j.storyWhen = "a client pays late";
    j.id = expectOk(study->addJob(j));
    const Job stored = expectOk(study->job(j.id));
    EXPECT_EQ(stored.placedInterviewIds, std::vector<Id>{second});
    EXPECT_EQ(stored.interviewIds, (std::vector<Id>{first, second}));
    EXPECT_TRUE(stored.stableKey.starts_with("job-"));
    j.stableKey = stored.stableKey;
    EXPECT_EQ(stored, j);

    j.placedInterviewIds = {first, second};
    expectOk(study->updateJob(j));
    EXPECT_EQ(expectOk(study->jobs()), std::vector<Job>{j});
}

TEST_F(SynthesisStorage, JobDraftKeepsClausesAndEvidenceInTheGivenOrder)
{
    const Id jobId = expectOk(study->addJob(job("Get paid on time", {first, second})));
    EXPECT_EQ(expectOk(study->jobDraft(jobId)), (JobDraft{jobId, {}}));
    const JobDraft draft{jobId,
                         {{DraftPart::Name, "Get paid on time", {push}},
                          {DraftPart::StoryWhen, "a client pays late", {push, pull}},
                          {DraftPart::Anxiety, "moving my data", {anxiety}},
                          {DraftPart::Anxiety, "losing records", {habit, anxiety}},
                          {DraftPart::Habit, "paper", {}}}};
    expectOk(study->setJobDraft(draft));
    const JobDraft stored = expectOk(study->jobDraft(jobId));
    EXPECT_EQ(stored, draft);
    ASSERT_NE(stored.find(DraftPart::StoryWhen), nullptr);
    EXPECT_EQ(stored.find(DraftPart::StoryWhen)->text, "a client pays late");
    EXPECT_EQ(stored.find(DraftPart::Statement), nullptr);
    ASSERT_EQ(stored.all(DraftPart::Anxiety).size(), 2U);
    EXPECT_EQ(stored.all(DraftPart::Anxiety)[1]->highlightIds, (std::vector<Id>{habit, anxiety}));

    // Setting replaces the whole draft.
    const JobDraft shorter{jobId, {{DraftPart::Statement, "get paid for work done", {pull}}}};
    expectOk(study->setJobDraft(shorter));
    EXPECT_EQ(expectOk(study->jobDraft(jobId)), shorter);
    EXPECT_EQ(count("job_draft_clause"), "1");
    EXPECT_EQ(count("job_draft_evidence"), "1");
}

TEST_F(SynthesisStorage, JobDraftNamesWhatIsMissing)
{
    const Id jobId = expectOk(study->addJob(job("Get paid on time", {first})));
    const JobDraft draft{jobId, {{DraftPart::StoryWhen, "a client pays late", {push}}}};
    expectOk(study->setJobDraft(draft));

    auto noJob = study->setJobDraft({jobId + 10, {}});
    ASSERT_FALSE(noJob);
    EXPECT_EQ(noJob.error().code, ErrorCode::NotFound);
    EXPECT_EQ(noJob.error().message, "there is no job with id " + std::to_string(jobId + 10));
    auto readMissing = study->jobDraft(jobId + 10);
    ASSERT_FALSE(readMissing);
    EXPECT_EQ(readMissing.error().code, ErrorCode::NotFound);

    auto badQuote =
        study->setJobDraft({jobId,
                            {{DraftPart::Name, "Get paid", {push}},
                             {DraftPart::StoryWant, "be paid on the day", {pull, 4242}}}});
    ASSERT_FALSE(badQuote);
    EXPECT_EQ(badQuote.error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(badQuote.error().message,
              "the draft of job " + std::to_string(jobId)
                  + " cites highlight 4242, which does not exist (clause 2, story-want)");
    // The draft is as it was.
    EXPECT_EQ(expectOk(study->jobDraft(jobId)), draft);
}

TEST_F(SynthesisStorage, DeletingAQuoteTakesItOutOfGroupsAndDrafts)
{
    ForceGroup g = group(Force::Push, "Late", {push, pull});
    g.placedHighlightIds = {push};
    g.id = expectOk(study->addForceGroup(g));
    const Id jobId = expectOk(study->addJob(job("Get paid on time", {first})));
    expectOk(study->setJobDraft({jobId, {{DraftPart::StoryWhen, "paid late", {pull, push}}}}));

    expectOk(study->deleteHighlight(push));
    const ForceGroup stored = expectOk(study->forceGroup(g.id));
    EXPECT_EQ(stored.highlightIds, std::vector<Id>{pull});
    EXPECT_EQ(stored.placedHighlightIds, std::vector<Id>{});
    // The clause stays, citing the quotes that are left.
    EXPECT_EQ(expectOk(study->jobDraft(jobId)),
              (JobDraft{jobId, {{DraftPart::StoryWhen, "paid late", {pull}}}}));
    EXPECT_EQ(sqlite(path, "PRAGMA foreign_key_check"), "");
}

TEST_F(SynthesisStorage, DeletingAStoryTakesItOutOfMarksAndJobs)
{
    const Id late = expectOk(study->addForceGroup(group(Force::Push, "Late", {push})));
    expectOk(study->setStoryGroupMark(first, late, false));
    expectOk(study->setStoryGroupMark(second, late, true));
    Job j = job("Get paid on time", {first, second});
    j.placedInterviewIds = {first, second};
    j.id = expectOk(study->addJob(j));

    expectOk(study->deleteInterview(first));
    EXPECT_EQ(expectOk(study->storyGroupMarks()),
              (std::vector<StoryGroupMark>{{second, late, true}}));
    const Job stored = expectOk(study->job(j.id));
    EXPECT_EQ(stored.interviewIds, std::vector<Id>{second});
    EXPECT_EQ(stored.placedInterviewIds, std::vector<Id>{second});
    // Its quotes went too, and with them the group's members.
    EXPECT_TRUE(expectOk(study->forceGroup(late)).highlightIds.empty());
}

TEST_F(SynthesisStorage, DeletingAGroupOrJobTakesItsMarksAndDraft)
{
    const Id late = expectOk(study->addForceGroup(group(Force::Push, "Late", {push})));
    expectOk(study->setStoryGroupMark(first, late, false));
    const Id jobId = expectOk(study->addJob(job("Get paid on time", {first})));
    expectOk(study->setJobDraft({jobId, {{DraftPart::StoryWhen, "paid late", {push}}}}));
    expectOk(study->deleteForceGroup(late));
    expectOk(study->deleteJob(jobId));
    EXPECT_EQ(count("story_group_mark"), "0");
    EXPECT_EQ(count("job_draft_clause"), "0");
    EXPECT_EQ(count("job_draft_evidence"), "0");
}

TEST_F(SynthesisStorage, ReplaceSynthesisKeepsGivenIdsAndDeletesTheRest)
{
    ForceGroup kept = group(Force::Push, "Late", {push});
    kept.id = expectOk(study->addForceGroup(kept));
    const Id dropped = expectOk(study->addForceGroup(group(Force::Habit, "Paper", {habit})));
    expectOk(study->setStoryGroupMark(second, dropped, false));
    expectOk(study->setStoryGroupMark(first, kept.id, true));
    const Id droppedJob = expectOk(study->addJob(job("Old job", {first})));
    expectOk(study->setJobDraft({droppedJob, {{DraftPart::Name, "Old job", {push}}}}));
    Job keptJob = job("Get paid on time", {first});
    keptJob.id = expectOk(study->addJob(keptJob));
    const std::string keptKey = expectOk(study->job(keptJob.id)).stableKey;

    kept.label = "Paid late";
    kept.highlightIds = {push, pull};
    kept.placedHighlightIds = {pull};
    const ForceGroup added = group(Force::Anxiety, "Moving data", {anxiety});
    keptJob.interviewIds = {first, second};
    keptJob.placedInterviewIds = {second};
    keptJob.stableKey = ""; // kept: the stored key stays
    const Job newJob = job("Keep records safe", {second});
    const JobDraft keptDraft{0, {{DraftPart::StoryWhen, "a client pays late", {push, pull}}}};
    const JobDraft newDraft{0, {{DraftPart::Anxiety, "moving my data", {anxiety}}}};
    expectOk(study->replaceSynthesis({kept, added}, {keptJob, newJob}, {keptDraft, newDraft}));

    const auto groups = expectOk(study->forceGroups());
    ASSERT_EQ(groups.size(), 2U);
    EXPECT_EQ(groups[0], kept);
    EXPECT_NE(groups[1].id, kept.id);
    EXPECT_EQ(groups[1].label, "Moving data");
    EXPECT_EQ(groups[1].highlightIds, std::vector<Id>{anxiety});
    // The dropped group's mark went with it; the kept group's stayed.
    EXPECT_EQ(expectOk(study->storyGroupMarks()),
              (std::vector<StoryGroupMark>{{first, kept.id, true}}));

    const auto jobs = expectOk(study->jobs());
    ASSERT_EQ(jobs.size(), 2U);
    EXPECT_EQ(jobs[0].id, keptJob.id);
    EXPECT_EQ(jobs[0].stableKey, keptKey);
    EXPECT_EQ(jobs[0].interviewIds, (std::vector<Id>{first, second}));
    EXPECT_EQ(jobs[0].placedInterviewIds, std::vector<Id>{second});
    EXPECT_EQ(jobs[1].name, "Keep records safe");
    EXPECT_TRUE(jobs[1].stableKey.starts_with("job-"));
    EXPECT_NE(jobs[1].stableKey, keptKey);
    EXPECT_EQ(expectOk(study->jobDraft(jobs[0].id)).clauses, keptDraft.clauses);
    EXPECT_EQ(expectOk(study->jobDraft(jobs[1].id)).clauses, newDraft.clauses);
    // The dropped job's draft went with it.
    EXPECT_EQ(count("job_draft_clause"), "2");
    EXPECT_FALSE(study->job(droppedJob));
    EXPECT_EQ(sqlite(path, "PRAGMA foreign_key_check"), "");
}

TEST_F(SynthesisStorage, ReplaceSynthesisIsAllOrNothing)
{
    const Id late = expectOk(study->addForceGroup(group(Force::Push, "Late", {push})));
    expectOk(study->setStoryGroupMark(first, late, false));
    const Id jobId = expectOk(study->addJob(job("Get paid on time", {first})));
    expectOk(study->setJobDraft({jobId, {{DraftPart::Name, "Get paid on time", {push}}}}));
    const StudySnapshot before = expectOk(study->snapshot());

    // Everything is valid but the last draft, which cites a quote that does not exist.
    auto replaced =
        study->replaceSynthesis({group(Force::Pull, "Overdraft", {pull})},
                                {job("First new job", {first}), job("Second new job", {second})},
                                {JobDraft{0, {{DraftPart::Name, "First new job", {pull}}}},
                                 JobDraft{0, {{DraftPart::Habit, "paper", {habit, 9999}}}}});
    ASSERT_FALSE(replaced);
    EXPECT_EQ(replaced.error().code, ErrorCode::InvalidArgument);
    EXPECT_TRUE(contains(replaced.error().message, "highlight 9999")) << replaced.error().message;
    EXPECT_TRUE(contains(replaced.error().message, "'Second new job'")) << replaced.error().message;

    const StudySnapshot after = expectOk(study->snapshot());
    EXPECT_EQ(after.forceGroups, before.forceGroups);
    EXPECT_EQ(after.storyGroupMarks, before.storyGroupMarks);
    EXPECT_EQ(after.jobs, before.jobs);
    EXPECT_EQ(after.jobDrafts, before.jobDrafts);
    EXPECT_EQ(after.jobDrafts.size(), 1U);
}

TEST_F(SynthesisStorage, ReplaceSynthesisNeedsADraftForEachJobOrNone)
{
    auto mismatched =
        study->replaceSynthesis({}, {job("One", {first}), job("Two", {second})}, {JobDraft{}});
    ASSERT_FALSE(mismatched);
    EXPECT_EQ(mismatched.error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(mismatched.error().message,
              "the synthesis has 1 drafts for 2 jobs; each job needs its draft");
    // No drafts at all: the jobs have none.
    expectOk(study->replaceSynthesis({}, {job("One", {first})}, {}));
    const auto jobs = expectOk(study->jobs());
    ASSERT_EQ(jobs.size(), 1U);
    EXPECT_TRUE(expectOk(study->jobDraft(jobs[0].id)).clauses.empty());
    // Replacing with nothing clears the synthesis.
    expectOk(study->replaceSynthesis({}, {}, {}));
    EXPECT_TRUE(expectOk(study->jobs()).empty());
}

TEST_F(SynthesisStorage, AVersionFiveStudyMigratesKeepingItsGroupsAndJobs)
{
    ForceGroup g = group(Force::Push, "Late", {push, pull});
    g.suggestedLabel = "";
    g.id = expectOk(study->addForceGroup(g));
    Job j = job("Get paid on time", {first, second});
    j.id = expectOk(study->addJob(j));
    j.stableKey = expectOk(study->job(j.id)).stableKey;
    study.reset();
    // What version 5 wrote: none of migration 6.
    sqlite(path,
           "DROP TABLE job_draft_evidence; DROP TABLE job_draft_clause; DROP TABLE "
           "story_group_mark; ALTER TABLE force_group DROP COLUMN suggested_label; ALTER TABLE "
           "force_group_member DROP COLUMN placed; ALTER TABLE job_member DROP COLUMN placed; "
           "PRAGMA user_version = 5");
    {
        Study reopened = expectOk(Study::open(path));
        EXPECT_EQ(expectOk(reopened.forceGroups()), std::vector<ForceGroup>{g});
        EXPECT_EQ(expectOk(reopened.jobs()), std::vector<Job>{j});
        EXPECT_TRUE(expectOk(reopened.storyGroupMarks()).empty());
        EXPECT_TRUE(expectOk(reopened.jobDraft(j.id)).clauses.empty());
        // What version 6 adds works on the migrated file.
        g.placedHighlightIds = {pull};
        g.suggestedLabel = "paid late";
        expectOk(reopened.updateForceGroup(g));
        EXPECT_EQ(expectOk(reopened.forceGroup(g.id)), g);
        expectOk(reopened.setStoryGroupMark(second, g.id, true));
        expectOk(reopened.setJobDraft({j.id, {{DraftPart::StoryWhen, "paid late", {push}}}}));
        EXPECT_EQ(expectOk(reopened.jobDraft(j.id)).clauses.size(), 1U);
        EXPECT_EQ(expectOk(reopened.checkIntegrity()), std::vector<std::string>{});
    }
    EXPECT_EQ(sqlite(path, "PRAGMA user_version"), "6");
    EXPECT_EQ(sqlite(path.string() + ".v5.bak", "PRAGMA user_version"), "5");
    EXPECT_EQ(sqlite(path.string() + ".v5.bak", "SELECT label FROM force_group"), "Late");
    EXPECT_EQ(sqlite(path,
                     "SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND name IN "
                     "('story_group_mark_by_group', 'job_draft_clause_by_job', "
                     "'job_draft_evidence_by_highlight')"),
              "3");
    // The file's constraints hold: a draft part is one of the keys, a flag is 0 or 1.
    EXPECT_THROW(sqlite(path,
                        "INSERT INTO job_draft_clause (job_id, part, position, text) VALUES ("
                            + std::to_string(j.id) + ", 'story_when', 9, 'x')"),
                 std::runtime_error);
    EXPECT_THROW(sqlite(path, "UPDATE job_member SET placed = 2"), std::runtime_error);
    EXPECT_EQ(sqlite(path, "PRAGMA foreign_key_check"), "");
}

TEST_F(SynthesisStorage, CurrentFileWithoutItsDraftTableIsRefused)
{
    study.reset();
    sqlite(path, "DROP TABLE job_draft_evidence");
    const std::string before = readBytes(path);
    auto opened = Study::open(path);
    ASSERT_FALSE(opened);
    EXPECT_EQ(opened.error().code, ErrorCode::StudyDamaged);
    EXPECT_TRUE(contains(opened.error().message, "'job_draft_evidence' is missing"))
        << opened.error().message;
    EXPECT_EQ(readBytes(path), before);
}

TEST_F(SynthesisStorage, JsonRoundTripKeepsTheWholeSynthesis)
{
    ForceGroup g = group(Force::Push, "Paid late", {push, pull});
    g.suggestedLabel = "brewery paid late";
    g.placedHighlightIds = {pull};
    const Id late = expectOk(study->addForceGroup(g));
    const Id paper = expectOk(study->addForceGroup(group(Force::Habit, "Paper", {habit})));
    expectOk(study->setStoryGroupMark(second, late, true));
    expectOk(study->setStoryGroupMark(first, paper, false));
    Job j = job("Get paid on time", {first, second});
    j.placedInterviewIds = {first};
    const Id jobId = expectOk(study->addJob(j));
    expectOk(study->addJob(job("Keep records safe", {second}))); // no draft
    expectOk(study->setJobDraft({jobId,
                                 {{DraftPart::StoryWhen, "a client pays late", {pull, push}},
                                  {DraftPart::HireCriterion, "quick to set up", {}},
                                  {DraftPart::Anxiety, "moving my data", {anxiety}}}}));
    const StudySnapshot original = expectOk(study->snapshot());
    ASSERT_EQ(original.jobDrafts.size(), 1U);
    const std::string exported = expectOk(exportStudyJson(*study));
    EXPECT_TRUE(contains(exported, "\"suggested_label\": \"brewery paid late\"")) << exported;
    EXPECT_TRUE(contains(exported, "\"story_group_marks\": [")) << exported;
    EXPECT_TRUE(contains(exported, "\"part\": \"story-when\"")) << exported;
    EXPECT_TRUE(contains(exported, "\"part\": \"hire-criterion\"")) << exported;

    const StudySnapshot parsed = expectOk(parseStudyJson(exported, "export.json"));
    EXPECT_EQ(parsed.forceGroups, original.forceGroups);
    EXPECT_EQ(parsed.storyGroupMarks, original.storyGroupMarks);
    EXPECT_EQ(parsed.jobs, original.jobs);
    EXPECT_EQ(parsed.jobDrafts, original.jobDrafts);

    Study copy = expectOk(Study::create(dir / "copy.jtbd", [&](Study &s) {
        return s.restore(parsed);
    }));
    const StudySnapshot restored = expectOk(copy.snapshot());
    EXPECT_EQ(restored.forceGroups, original.forceGroups);
    EXPECT_EQ(restored.storyGroupMarks, original.storyGroupMarks);
    EXPECT_EQ(restored.jobs, original.jobs);
    EXPECT_EQ(restored.jobDrafts, original.jobDrafts);
    EXPECT_EQ(expectOk(exportStudyJson(copy)), exported);
}

TEST_F(SynthesisStorage, JsonWithoutTheSynthesisFieldsStillImports)
{
    expectOk(study->addForceGroup(group(Force::Push, "Late", {push})));
    expectOk(study->addJob(job("Get paid on time", {first})));
    std::string text = expectOk(exportStudyJson(*study));
    // Takes the export back to what a study JSON looked like before these fields.
    for (const std::string field : {",\n      \"placed_highlights\": []",
                                    "\"suggested_label\": \"Late\",\n      ",
                                    ",\n  \"story_group_marks\": []",
                                    ",\n      \"placed_interviews\": []"}) {
        const auto at = text.find(field);
        ASSERT_NE(at, std::string::npos) << field;
        text.erase(at, field.size());
    }
    ASSERT_FALSE(contains(text, "placed"));
    const StudySnapshot parsed = expectOk(parseStudyJson(text, "old.json"));
    ASSERT_EQ(parsed.forceGroups.size(), 1U);
    EXPECT_EQ(parsed.forceGroups[0].suggestedLabel, "");
    EXPECT_EQ(parsed.forceGroups[0].highlightIds, std::vector<Id>{push});
    EXPECT_TRUE(parsed.forceGroups[0].placedHighlightIds.empty());
    EXPECT_TRUE(parsed.storyGroupMarks.empty());
    ASSERT_EQ(parsed.jobs.size(), 1U);
    EXPECT_TRUE(parsed.jobs[0].placedInterviewIds.empty());
    EXPECT_TRUE(parsed.jobDrafts.empty());
    Study copy = expectOk(Study::create(dir / "old.jtbd", [&](Study &s) {
        return s.restore(parsed);
    }));
    EXPECT_EQ(expectOk(copy.jobs()).size(), 1U);
}

TEST_F(SynthesisStorage, JsonErrorsInTheSynthesisNameTheirPath)
{
    const Id jobId = expectOk(study->addJob(job("Get paid on time", {first})));
    expectOk(study->setJobDraft({jobId, {{DraftPart::StoryWhen, "paid late", {push}}}}));
    std::string text = expectOk(exportStudyJson(*study));
    const auto at = text.find("\"story-when\"");
    ASSERT_NE(at, std::string::npos);
    text.replace(at, 12, "\"story_when\"");
    auto parsed = parseStudyJson(text, "bad.json");
    ASSERT_FALSE(parsed);
    EXPECT_EQ(parsed.error().code, ErrorCode::BadInput);
    EXPECT_EQ(parsed.error().message,
              "bad.json: jobs[0].draft.clauses[0].part: 'story_when' is not a known draft part");
}

TEST(DraftPart, KeysRoundTrip)
{
    for (int i = 0; i < kDraftPartCount; ++i) {
        const auto part = static_cast<DraftPart>(i);
        EXPECT_EQ(parseDraftPart(key(part)), part) << key(part);
    }
    EXPECT_EQ(key(DraftPart::StorySoThat), "story-so-that");
    EXPECT_EQ(key(DraftPart::Event1), "event-1");
    EXPECT_EQ(key(DraftPart::HireCriterion), "hire-criterion");
    EXPECT_EQ(parseDraftPart("Story-When"), std::nullopt);
}

} // namespace jtbd
