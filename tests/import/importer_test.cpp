// Importing files into a study: one transaction for all of them.
#include "test_support.h"

#include <jtbd/importer.h>

#include <gtest/gtest.h>

namespace jtbd {

using namespace test;

TEST(Importer, TranscriptsBecomeInterviewsWithRolesAndParticipant)
{
    TempDir dir;
    Study study = expectOk(Study::create(dir / "s.jtbd"));
    writeBytes(dir / "hannah.txt",
               "Maya (00:04): Hi.\n\nHannah (00:06): Hello.\n\nMaya (00:09): Tell me.\n\nHannah "
               "(01:10): Well.\n");
    const auto report =
        expectOk(importFiles(study, {dir / "hannah.txt"}, {"auto", "P01", {"Maya"}}));
    ASSERT_EQ(report.size(), 1U);
    ASSERT_TRUE(report[0].interviewId);
    EXPECT_EQ(report[0].turns, 4U);
    const Interview interview = expectOk(study.interview(*report[0].interviewId));
    EXPECT_EQ(interview.title, "hannah");
    EXPECT_EQ(interview.sourceFormat, "txt");
    EXPECT_EQ(interview.sourceName, "hannah.txt");
    EXPECT_EQ(interview.status, InterviewStatus::Transcribed);
    EXPECT_EQ(interview.durationMs, 70000);
    EXPECT_EQ(interview.interviewers, std::vector<std::string>{"Maya"});
    const auto participant = expectOk(study.findParticipant("P01"));
    ASSERT_TRUE(participant);
    EXPECT_EQ(interview.participantId, participant->id);
    const auto turns = expectOk(study.turns(interview.id));
    EXPECT_EQ(turns[0].role, SpeakerRole::Interviewer);
    EXPECT_EQ(turns[1].role, SpeakerRole::Participant);
}

TEST(Importer, OneBadFileMeansNothingIsImported)
{
    TempDir dir;
    auto small = makeSmallStudy(dir / "s.jtbd");
    writeBytes(dir / "good.txt", "Maya: Hi.\n\nSam: Hello.\n");
    writeBytes(dir / "bad.txt", "Maya: Hi.\n\nSam (00:99): Hello.\n");
    auto imported =
        importFiles(small.study, {dir / "good.txt", dir / "bad.txt"}, {"auto", "P05", {}});
    ASSERT_FALSE(imported);
    EXPECT_EQ(imported.error().code, ErrorCode::BadInput);
    EXPECT_NE(imported.error().message.find("bad.txt: line 3"), std::string::npos)
        << imported.error().message;
    EXPECT_EQ(expectOk(small.study.stats()).interviews, 1);
    EXPECT_FALSE(expectOk(small.study.findParticipant("P05")).has_value());

    auto missing = importFiles(small.study, {dir / "good.txt", dir / "nope.txt"}, {});
    ASSERT_FALSE(missing);
    EXPECT_NE(missing.error().message.find("nope.txt' does not exist"), std::string::npos);
    EXPECT_EQ(expectOk(small.study.stats()).interviews, 1);
}

TEST(Importer, StudyJsonGoesOnItsOwn)
{
    TempDir dir;
    auto small = makeSmallStudy(dir / "s.jtbd");
    writeBytes(dir / "study.json", "{\"format\": \"jtbd-study\", \"version\": 1}");
    writeBytes(dir / "t.txt", "Maya: Hi.\n");
    auto mixed = importFiles(small.study, {dir / "study.json", dir / "t.txt"}, {});
    ASSERT_FALSE(mixed);
    EXPECT_EQ(mixed.error().code, ErrorCode::InvalidArgument);
    auto notEmpty = importFiles(small.study, {dir / "study.json"}, {});
    ASSERT_FALSE(notEmpty);
    EXPECT_EQ(expectOk(small.study.stats()).interviews, 1);
}

} // namespace jtbd
