// Confirmed edits survive a full disk, a killed process and a second program holding the file.
#include "test_support.h"

#include <jtbd/study_json.h>

#include <csignal>
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <sqlite3.h>
#include <unistd.h>

namespace jtbd {

using namespace test;

namespace {

std::vector<TurnInput> bigTranscript()
{
    std::vector<TurnInput> turns;
    for (int i = 0; i < 4000; ++i)
        turns.push_back(
            {"Speaker", SpeakerRole::Participant, {}, {}, std::string(200, 'a' + i % 26)});
    return turns;
}

} // namespace

TEST(Durability, FullDiskKeepsConfirmedEditsAndSaysSo)
{
    TempDir dir;
    const auto path = dir / "s.jtbd";
    {
        auto small = makeSmallStudy(path);
    }
    const int status = inChild([&] {
        // The file-size limit stands in for a full disk: writes past it fail like ENOSPC.
        std::signal(SIGXFSZ, SIG_IGN);
        const rlimit limit{256 * 1024, 256 * 1024};
        setrlimit(RLIMIT_FSIZE, &limit);
        auto study = Study::open(path);
        if (!study)
            return 10;
        Participant p;
        p.code = "P02";
        if (!study->addParticipant(p)) // small: fits
            return 11;
        const Id id = *study->addInterview(
            {0, {}, {}, "Big", "", {}, InterviewStatus::Planned, {}, "", "", ""});
        auto big = study->setTranscript(id, bigTranscript());
        if (big)
            return 12;
        if (big.error().code != ErrorCode::DiskFull
            || big.error().message.find("s.jtbd") == std::string::npos
            || big.error().message.find("full") == std::string::npos)
            return 13;
        return 0;
    });
    EXPECT_EQ(status, 0);
    Study study = expectOk(Study::open(path));
    EXPECT_TRUE(
        expectOk(study.findParticipant("P02")).has_value()); // confirmed before the disk filled
    EXPECT_EQ(expectOk(study.stats()).turns, 2);             // the failed transcript is not there
    EXPECT_EQ(expectOk(study.checkIntegrity()), std::vector<std::string>{});
}

TEST(Durability, KilledProcessLosesOnlyTheUnfinishedTransaction)
{
    TempDir dir;
    const auto path = dir / "s.jtbd";
    {
        auto small = makeSmallStudy(path);
    }
    const int status = inChild([&] {
        auto study = Study::open(path);
        if (!study)
            return 10;
        Participant p;
        p.code = "P02";
        if (!study->addParticipant(p))
            return 11;
        (void)study->transaction([&]() -> Status {
            p.code = "P03";
            (void)study->addParticipant(p);
            const Id id = *study->addInterview(
                {0, {}, {}, "Half", "", {}, InterviewStatus::Planned, {}, "", "", ""});
            (void)study->setTranscript(id, bigTranscript());
            raise(SIGKILL); // mid-transaction, as a crash or a kill -9 would
            return {};
        });
        return 12;
    });
    EXPECT_EQ(status, 1000 + SIGKILL);
    Study study = expectOk(Study::open(path));
    EXPECT_TRUE(expectOk(study.findParticipant("P02")).has_value());
    EXPECT_FALSE(expectOk(study.findParticipant("P03")).has_value());
    EXPECT_EQ(expectOk(study.stats()).interviews, 1);
    EXPECT_EQ(expectOk(study.checkIntegrity()), std::vector<std::string>{});
}

TEST(Durability, LockedStudySaysSoAndChangesNothing)
{
    TempDir dir;
    const auto path = dir / "s.jtbd";
    {
        auto small = makeSmallStudy(path);
    }
    sqlite3 *other = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &other), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(other,
                           "BEGIN IMMEDIATE; INSERT INTO coder (name) VALUES ('holder')",
                           nullptr,
                           nullptr,
                           nullptr),
              SQLITE_OK);
    {
        Study study = expectOk(Study::open(path, {200}));
        Participant p;
        p.code = "P09";
        auto added = study.addParticipant(p);
        ASSERT_FALSE(added);
        EXPECT_EQ(added.error().code, ErrorCode::StudyLocked);
        EXPECT_NE(added.error().message.find("locked by another program"), std::string::npos);
        // Reading still works while the other program writes.
        EXPECT_EQ(expectOk(study.stats()).participants, 1);
    }
    sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(other);
    Study study = expectOk(Study::open(path));
    EXPECT_FALSE(expectOk(study.findParticipant("P09")).has_value());
}

TEST(Durability, DamagedTablePageIsFoundOnOpen)
{
    TempDir dir;
    const auto path = dir / "s.jtbd";
    {
        auto small = makeSmallStudy(path);
    }
    // Break only the turn table's root page: the quick check on open finds it before any read.
    auto bytes = readBytes(path);
    const auto page =
        std::stoll(sqlite(path, "SELECT rootpage FROM sqlite_schema WHERE name = 'turn'"));
    for (std::size_t i = 0; i < 64; ++i)
        bytes[static_cast<std::size_t>(page - 1) * 4096 + i] = static_cast<char>(0xEE);
    writeBytes(path, bytes);
    auto study = Study::open(path);
    ASSERT_FALSE(study);
    EXPECT_EQ(study.error().code, ErrorCode::StudyDamaged);
    EXPECT_EQ(readBytes(path), bytes);
}

} // namespace jtbd
