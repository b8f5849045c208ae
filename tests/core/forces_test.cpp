// The forces summary per scope and the strongest evidence for a force.
#include "test_support.h"

#include <jtbd/sample.h>

#include <gtest/gtest.h>
#include <set>
#include <utility>

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

// forcesEvidence gives exactly forcesSummary and, for each force, strongestEvidence.
void expectSameAsOneForceAtATime(const Study &study, const Scope &scope, int limit)
{
    SCOPED_TRACE(::testing::Message()
                 << "scope kind " << static_cast<int>(scope.kind) << " id " << scope.id << " "
                 << scope.attributeKey << "=" << scope.attributeValue << ", limit " << limit);
    const ForcesEvidence all = expectOk(study.forcesEvidence(scope, limit));
    const ForcesSummary summary = expectOk(study.forcesSummary(scope));
    for (Force force : kForces) {
        SCOPED_TRACE(std::string(key(force)));
        EXPECT_EQ(all.summary[force].count, summary[force].count);
        EXPECT_EQ(all.summary[force].intensity, summary[force].intensity);
        const auto one = expectOk(study.strongestEvidence(scope, force, limit));
        ASSERT_EQ(all[force].size(), one.size());
        for (std::size_t i = 0; i < one.size(); ++i) {
            EXPECT_EQ(all[force][i].highlight, one[i].highlight) << "quote " << i;
            EXPECT_EQ(all[force][i].participantCode, one[i].participantCode);
            EXPECT_EQ(all[force][i].participantPseudonym, one[i].participantPseudonym);
            EXPECT_EQ(all[force][i].interviewTitle, one[i].interviewTitle);
            EXPECT_EQ(all[force][i].startMs, one[i].startMs);
        }
    }
}

TEST(ForcesEvidence, MatchesOneForceAtATimeOnTheSampleStudyInEveryScope)
{
    TempDir dir;
    const Study study = expectOk(createSampleStudy(dir / "sample.jtbd"));
    std::vector<Scope> scopes = {Scope::wholeStudy()};
    for (const auto &item : expectOk(study.interviews()))
        scopes.push_back(Scope::interview(item.interview.id));
    for (const auto &job : expectOk(study.jobs()))
        scopes.push_back(Scope::job(job.id));
    std::set<std::pair<std::string, std::string>> attributes;
    for (const auto &participant : expectOk(study.participants())) {
        for (const auto &attribute : participant.attributes)
            attributes.emplace(attribute.key, attribute.value);
    }
    for (const auto &[key_, value] : attributes)
        scopes.push_back(Scope::participants(key_, value));
    scopes.push_back(Scope::participants("region", "nowhere"));
    ASSERT_GT(scopes.size(), 1U + 12U + 3U);

    // The diagram's quotes first: every force of the sample has more than six.
    const ForcesEvidence whole = expectOk(study.forcesEvidence(Scope::wholeStudy(), 6));
    for (Force force : kForces)
        EXPECT_EQ(whole[force].size(), 6U) << key(force);
    for (const Scope &scope : scopes) {
        for (int limit : {0, 1, 6, 1000})
            expectSameAsOneForceAtATime(study, scope, limit);
    }
}

TEST_F(Forces, EvidenceOfAllForcesKeepsTheOrderOfOneForceAtATime)
{
    // Many pushes and pulls, a few habits and anxieties, ties at every level of the order: a
    // common force and a rare one are found in different ways.
    auto add = [&](Id interview,
                   int start,
                   std::vector<Id> codes,
                   int intensity,
                   Confidence confidence,
                   const std::string &createdAt) {
        Highlight h;
        h.interviewId = interview;
        h.start = start;
        h.end = start + 1;
        h.codeIds = std::move(codes);
        h.intensity = intensity;
        h.confidence = confidence;
        h.createdAt = createdAt;
        return expectOk(study->addHighlight(h));
    };
    const Id push = codeId(*study, "push");
    const Id pull = codeId(*study, "pull");
    const Id habit = codeId(*study, "habit");
    const Id anxiety = codeId(*study, "anxiety");
    const std::vector<std::string> times = {
        "2026-03-01T10:00:00Z", "2026-03-02T09:00:00Z", "2026-03-02T09:00:00Z"};
    const std::vector<Confidence> confidences = {
        Confidence::Low, Confidence::High, Confidence::Medium, Confidence::High};
    Id lonelyAnxiety = 0;
    expectOk(study->transaction([&]() -> Status {
        for (int i = 0; i < 160; ++i) {
            const Id interview = i % 2 == 0 ? second : first;
            std::vector<Id> codes = {i % 3 == 0 ? latenessCode : push};
            if (i % 4 == 0)
                codes.push_back(pull);
            if (i % 5 == 0)
                codes.push_back(latenessCode); // two codes of one force: one push
            add(interview, i % 20, codes, 5 - i % 3, confidences.at(i % 4), times.at(i % 3));
        }
        for (int i = 0; i < 6; ++i)
            add(i % 2 == 0 ? first : second,
                i,
                {habit},
                3 + i % 2,
                confidences.at(i % 4),
                times.at(i % 3));
        lonelyAnxiety = add(first, 12, {anxiety}, 1, Confidence::Low, times.at(0));
        return {};
    }));

    const ForcesEvidence evidence = expectOk(study->forcesEvidence(Scope::wholeStudy(), 5));
    EXPECT_EQ(evidence[Force::Push].size(), 5U);
    EXPECT_EQ(evidence[Force::Habit].size(), 5U);
    ASSERT_EQ(evidence[Force::Anxiety].size(), 1U);
    EXPECT_EQ(evidence[Force::Anxiety][0].highlight.id, lonelyAnxiety);
    EXPECT_EQ(evidence.summary[Force::Push].count, 160);
    for (int limit : {0, 1, 2, 5, 9, 200}) {
        expectSameAsOneForceAtATime(*study, Scope::wholeStudy(), limit);
        expectSameAsOneForceAtATime(*study, Scope::interview(first), limit);
        expectSameAsOneForceAtATime(*study, Scope::interview(second), limit);
    }
    const Id job = expectOk(study->addJob({0, "", "Get paid", "", "", "", "", "", {second}}));
    expectSameAsOneForceAtATime(*study, Scope::job(job), 3);
    Participant p01 =
        expectOk(study->participant(expectOk(study->interview(first)).participantId.value()));
    p01.attributes = {{"business", "Sole trader"}};
    expectOk(study->updateParticipant(p01));
    expectSameAsOneForceAtATime(*study, Scope::participants("business", "Sole trader"), 4);
}

TEST_F(Forces, EvidenceOfAllForcesSeesTheTransactionItRunsIn)
{
    tag(first, 0, {"push"}, 3);
    expectOk(study->transaction([&]() -> Status {
        tag(first, 3, {"push"}, 5);
        const ForcesEvidence inside = expectOk(study->forcesEvidence(Scope::wholeStudy(), 6));
        EXPECT_EQ(inside.summary[Force::Push].count, 2);
        EXPECT_EQ(inside[Force::Push].size(), 2U);
        EXPECT_EQ(inside[Force::Push][0].highlight.intensity, 5);
        return {};
    }));
    EXPECT_EQ(expectOk(study->forcesEvidence(Scope::wholeStudy(), 6))[Force::Push].size(), 2U);
}

TEST_F(Forces, EvidenceOfAllForcesRefusesWhatOneForceRefuses)
{
    EXPECT_EQ(study->forcesEvidence(Scope::wholeStudy(), -1).error().code,
              ErrorCode::InvalidArgument);
    EXPECT_EQ(study->forcesEvidence(Scope::interview(999), 6).error().code, ErrorCode::NotFound);
    EXPECT_EQ(study->forcesEvidence(Scope::job(999), 6).error().code, ErrorCode::NotFound);
    EXPECT_EQ(study->forcesEvidence(Scope::participants(" ", "x"), 6).error().code,
              ErrorCode::InvalidArgument);
    const ForcesEvidence empty = expectOk(study->forcesEvidence(Scope::wholeStudy(), 6));
    for (Force force : kForces) {
        EXPECT_TRUE(empty[force].empty());
        EXPECT_EQ(empty.summary[force].count, 0);
    }
}

} // namespace jtbd
