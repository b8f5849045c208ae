// The forces summary per scope and the strongest evidence for a force.
#include "test_support.h"

#include <gtest/gtest.h>

namespace jtbd {

using namespace test;

class Forces : public ::testing::Test
{
protected:
    void SetUp() override
    {
        auto small = makeSmallStudy(dir / "f.jtbd");
        first = small.interviewId;
        study.emplace(std::move(small.study));
        Interview other{0, {}, {}, "Second", "", {}, InterviewStatus::Coded, {}, "", "", ""};
        second = expectOk(study->addInterview(other));
        expectOk(study->setTranscript(
            second, {{"P", SpeakerRole::Participant, {}, {}, "abcdefghijklmnopqrstuvwxyz"}}));
        Code lateness;
        lateness.name = "Late payments";
        lateness.parentId = codeId(*study, "push");
        latenessCode = expectOk(study->addCode(lateness));
    }

    Id tag(Id interview,
           int start,
           std::vector<std::string> keys,
           int intensity,
           std::vector<Id> extra = {},
           Confidence confidence = Confidence::Medium)
    {
        Highlight h;
        h.interviewId = interview;
        h.start = start;
        h.end = start + 2;
        for (const auto &k : keys)
            h.codeIds.push_back(codeId(*study, k));
        h.codeIds.insert(h.codeIds.end(), extra.begin(), extra.end());
        h.intensity = intensity;
        h.confidence = confidence;
        return expectOk(study->addHighlight(h));
    }

    TempDir dir;
    std::optional<Study> study;
    Id first = 0;
    Id second = 0;
    Id latenessCode = 0;
};

TEST_F(Forces, SummaryCountsEachHighlightOncePerForce)
{
    tag(first, 0, {"push"}, 5, {latenessCode}); // push and a code nested under push: one push
    tag(first, 3, {}, 2, {latenessCode});       // only the nested code: still push
    tag(first, 6, {"pull", "struggling-moment"}, 4);
    tag(first, 9, {"anxiety", "habit"}, 3); // one highlight, two forces
    tag(second, 0, {"habit"}, 1);
    tag(second, 4, {"dimension:social"}, 5); // no force at all

    const ForcesSummary study_ = expectOk(study->forcesSummary(Scope::wholeStudy()));
    EXPECT_EQ(study_[Force::Push].count, 2);
    EXPECT_EQ(study_[Force::Push].intensity, 7);
    EXPECT_EQ(study_[Force::Pull].count, 1);
    EXPECT_EQ(study_[Force::Pull].intensity, 4);
    EXPECT_EQ(study_[Force::Anxiety].count, 1);
    EXPECT_EQ(study_[Force::Habit].count, 2);
    EXPECT_EQ(study_[Force::Habit].intensity, 4);
    EXPECT_EQ(study_.toward(Weighting::Intensity), 11);
    EXPECT_EQ(study_.against(Weighting::Intensity), 7);
    EXPECT_EQ(study_.balance(Weighting::Intensity), 4);
    EXPECT_EQ(study_.balance(Weighting::Count), 3 - 3);

    const ForcesSummary one = expectOk(study->forcesSummary(Scope::interview(second)));
    EXPECT_EQ(one[Force::Push].count, 0);
    EXPECT_EQ(one[Force::Habit].count, 1);
    EXPECT_EQ(one.balance(Weighting::Intensity), -1);
}

TEST_F(Forces, JobScopeCoversItsStoriesOnly)
{
    tag(first, 0, {"push"}, 5);
    tag(second, 0, {"pull"}, 2);
    const Id job = expectOk(study->addJob({0, "", "Get paid", "", "", "", "", "", {second}}));
    const ForcesSummary summary = expectOk(study->forcesSummary(Scope::job(job)));
    EXPECT_EQ(summary[Force::Push].count, 0);
    EXPECT_EQ(summary[Force::Pull].intensity, 2);
    EXPECT_EQ(study->forcesSummary(Scope::job(999)).error().code, ErrorCode::NotFound);
    EXPECT_EQ(study->forcesSummary(Scope::interview(999)).error().code, ErrorCode::NotFound);
}

TEST_F(Forces, StrongestEvidenceComesFirst)
{
    const Id weak = tag(first, 0, {"push"}, 2, {}, Confidence::High);
    const Id strongUnsure = tag(first, 3, {"push"}, 5, {}, Confidence::Low);
    const Id strongSure = tag(second, 0, {}, 5, {latenessCode}, Confidence::High);
    tag(first, 6, {"pull"}, 5);
    const auto evidence = expectOk(study->strongestEvidence(Scope::wholeStudy(), Force::Push, 10));
    ASSERT_EQ(evidence.size(), 3U);
    EXPECT_EQ(evidence[0].highlight.id, strongSure);
    EXPECT_EQ(evidence[1].highlight.id, strongUnsure);
    EXPECT_EQ(evidence[2].highlight.id, weak);
    EXPECT_EQ(evidence[1].participantCode, "P01");
    EXPECT_EQ(evidence[1].participantPseudonym, "Robin");
    EXPECT_EQ(evidence[1].startMs, 0);
    EXPECT_EQ(evidence[0].interviewTitle, "Second");
    EXPECT_EQ(expectOk(study->strongestEvidence(Scope::wholeStudy(), Force::Push, 1)).size(), 1U);
}

} // namespace jtbd
