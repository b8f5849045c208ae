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

TEST_F(Forces, ParticipantAttributeScopeCoversTheirInterviewsOnly)
{
    // P01 (first interview) is a sole trader in Wales; P02 (second) a limited company in Wales;
    // a third interview without a participant is in no attribute scope.
    Participant p01 =
        expectOk(study->participant(expectOk(study->interview(first)).participantId.value()));
    p01.attributes = {{"business", "Sole trader"}, {"region", "Wales"}};
    expectOk(study->updateParticipant(p01));
    Participant p02;
    p02.code = "P02";
    p02.pseudonym = "Sam";
    p02.attributes = {{"business", "Limited company"}, {"region", "Wales"}};
    const Id p02Id = expectOk(study->addParticipant(p02));
    Interview second_ = expectOk(study->interview(second));
    second_.participantId = p02Id;
    expectOk(study->updateInterview(second_));
    Interview loose{0, {}, {}, "Third", "", {}, InterviewStatus::Coded, {}, "", "", ""};
    const Id third = expectOk(study->addInterview(loose));
    expectOk(study->setTranscript(third, {{"P", SpeakerRole::Participant, {}, {}, "zyxwvutsrq"}}));

    const Id soleTraderPush = tag(first, 0, {"push"}, 5);
    tag(first, 3, {"habit"}, 2);
    const Id companyPull = tag(second, 0, {"pull"}, 4);
    tag(third, 0, {"push"}, 1);

    const Scope soleTraders = Scope::participants("business", "Sole trader");
    EXPECT_EQ(soleTraders.kind, Scope::Kind::Participants);
    const ForcesSummary sole = expectOk(study->forcesSummary(soleTraders));
    EXPECT_EQ(sole[Force::Push].count, 1);
    EXPECT_EQ(sole[Force::Push].intensity, 5);
    EXPECT_EQ(sole[Force::Habit].intensity, 2);
    EXPECT_EQ(sole[Force::Pull].count, 0);

    const ForcesSummary wales =
        expectOk(study->forcesSummary(Scope::participants("region", "Wales")));
    EXPECT_EQ(wales[Force::Push].count, 1); // the third interview has no participant
    EXPECT_EQ(wales[Force::Pull].intensity, 4);

    // Values match exactly: another spelling or an unknown key is an empty scope, not an error.
    const ForcesSummary none =
        expectOk(study->forcesSummary(Scope::participants("region", "wales")));
    EXPECT_EQ(none.toward(Weighting::Count) + none.against(Weighting::Count), 0);
    EXPECT_EQ(expectOk(study->forcesSummary(Scope::participants("shoe size", "9")))
                  .against(Weighting::Count),
              0);
    EXPECT_EQ(study->forcesSummary(Scope::participants("", "x")).error().code,
              ErrorCode::InvalidArgument);

    const auto pushes = expectOk(study->strongestEvidence(soleTraders, Force::Push, 10));
    ASSERT_EQ(pushes.size(), 1U);
    EXPECT_EQ(pushes[0].highlight.id, soleTraderPush);
    EXPECT_EQ(pushes[0].participantCode, "P01");
    const auto pulls = expectOk(study->strongestEvidence(
        Scope::participants("business", "Limited company"), Force::Pull, 10));
    ASSERT_EQ(pulls.size(), 1U);
    EXPECT_EQ(pulls[0].highlight.id, companyPull);
    EXPECT_EQ(pulls[0].participantPseudonym, "Sam");

    const auto inScope = expectOk(study->highlightsInScope(soleTraders));
    ASSERT_EQ(inScope.size(), 2U);
    EXPECT_EQ(inScope[0].interviewId, first);
    EXPECT_FALSE(inScope[0].codeIds.empty());
    const auto pushInWales = expectOk(
        study->highlightsInScope(Scope::participants("region", "Wales"), codeId(*study, "push")));
    ASSERT_EQ(pushInWales.size(), 1U);
    EXPECT_EQ(pushInWales[0].id, soleTraderPush);
}

TEST_F(Forces, ScopesCompareByKindAndValue)
{
    EXPECT_EQ(Scope::participants("region", "Wales"), Scope::participants("region", "Wales"));
    EXPECT_NE(Scope::participants("region", "Wales"), Scope::participants("region", "Kent"));
    EXPECT_NE(Scope::job(1), Scope::interview(1));
    EXPECT_EQ(Scope::wholeStudy(), Scope{});
}

} // namespace jtbd
