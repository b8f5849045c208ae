// The study file: creation, refusal of what is not a current study, migration from 0.
#include "test_support.h"

#include <jtbd/study.h>

#include <gtest/gtest.h>

namespace jtbd {

using namespace test;
namespace fs = std::filesystem;

// Takes a current file back to what version 5 had: no synthesis marks, drafts, suggested labels
// or placed members (migration 6).
const std::string kWithoutSynthesisState =
    "DROP TABLE job_draft_evidence; DROP TABLE job_draft_clause; DROP TABLE story_group_mark; "
    "ALTER TABLE force_group DROP COLUMN suggested_label; "
    "ALTER TABLE force_group_member DROP COLUMN placed; "
    "ALTER TABLE job_member DROP COLUMN placed; ";

// Takes a current file back to what version 4 had: no highlight_strength (migration 5), and
// nothing later.
const std::string kWithoutStrengthIndex =
    kWithoutSynthesisState + "DROP INDEX highlight_strength; ";

// Takes a current file back to what version 3 had: no question coverage (migration 4), and
// nothing later.
const std::string kWithoutCoverage = kWithoutStrengthIndex + "DROP TABLE question_coverage; ";

// Takes a current file back to what version 2 had: no search index, its triggers or
// turn_by_role (migration 3), and nothing later.
const std::string kWithoutSearchIndex =
    kWithoutCoverage
    + "DROP TRIGGER turn_search_insert; DROP TRIGGER turn_search_delete; "
      "DROP TRIGGER turn_search_update; DROP TABLE turn_search; DROP INDEX turn_by_role; ";

TEST(StudyFile, NewFileIsWalWithSchemaVersionAndApplicationId)
{
    TempDir dir;
    const auto path = dir / "new.jtbd";
    {
        Study study = expectOk(Study::create(path));
        EXPECT_EQ(expectOk(study.info()).name, "new");
        EXPECT_TRUE(expectOk(study.isEmpty()));
    }
    EXPECT_EQ(sqlite(path, "PRAGMA user_version"), std::to_string(Study::kSchemaVersion));
    EXPECT_EQ(sqlite(path, "PRAGMA application_id"), std::to_string(Study::kApplicationId));
    EXPECT_EQ(sqlite(path, "PRAGMA journal_mode"), "wal");
    EXPECT_EQ(sqlite(path, "PRAGMA integrity_check"), "ok");
    EXPECT_EQ(sqlite(path, "SELECT count(*) FROM code WHERE builtin = 1"), "23");
    EXPECT_EQ(sqlite(path, "SELECT name FROM guide WHERE builtin = 1"), "Switch interview");
    // Nothing is left of the temporary file it was built in.
    EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()), 1);
}

TEST(StudyFile, ForeignKeysAreEnforced)
{
    TempDir dir;
    auto small = makeSmallStudy(dir / "s.jtbd");
    // Deleting a participant unlinks the interview instead of leaving a dangling id.
    expectOk(small.study.deleteParticipant(small.participantId));
    EXPECT_EQ(expectOk(small.study.interview(small.interviewId)).participantId, std::nullopt);
    EXPECT_EQ(sqlite(dir / "s.jtbd", "PRAGMA foreign_key_check"), "");
}

TEST(StudyFile, CreateRefusesToOverwrite)
{
    TempDir dir;
    writeBytes(dir / "taken.jtbd", "precious");
    auto study = Study::create(dir / "taken.jtbd");
    ASSERT_FALSE(study);
    EXPECT_EQ(study.error().code, ErrorCode::StudyExists);
    EXPECT_EQ(readBytes(dir / "taken.jtbd"), "precious");
}

TEST(StudyFile, CreateInAMissingFolderSaysWhich)
{
    TempDir dir;
    auto study = Study::create(dir / "nowhere" / "s.jtbd");
    ASSERT_FALSE(study);
    EXPECT_EQ(study.error().code, ErrorCode::Io);
    EXPECT_NE(study.error().message.find("nowhere"), std::string::npos);
}

TEST(StudyFile, FailedFillLeavesNoFile)
{
    TempDir dir;
    auto study = Study::create(dir / "s.jtbd", [](Study &s) -> Status {
        Participant p;
        p.code = "P01";
        if (auto added = s.addParticipant(p); !added)
            return added.error();
        return makeError(ErrorCode::BadInput, "stopped half way");
    });
    ASSERT_FALSE(study);
    EXPECT_EQ(study.error().message, "stopped half way");
    EXPECT_TRUE(fs::is_empty(dir.path()));
}

TEST(StudyFile, MissingFileIsReported)
{
    TempDir dir;
    auto study = Study::open(dir / "none.jtbd");
    ASSERT_FALSE(study);
    EXPECT_EQ(study.error().code, ErrorCode::StudyMissing);
    EXPECT_FALSE(fs::exists(dir / "none.jtbd"));
}

struct Refusal
{
    const char *name;
    ErrorCode code;
    const char *phrase;
};

class RefusedFile : public ::testing::TestWithParam<Refusal>
{};

// Builds the file each case refuses; every one must be left byte for byte as it was.
fs::path makeRefusedFile(const TempDir &dir, const std::string &name)
{
    const auto path = dir / (name + ".jtbd");
    if (name == "text") {
        writeBytes(path, "Interviewer: this is a transcript, not a study\n");
    } else if (name == "empty") {
        writeBytes(path, "");
    } else if (name == "other-sqlite") {
        sqlite(path, "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('mine')");
    } else if (name == "newer") {
        {
            auto small = makeSmallStudy(path);
        }
        sqlite(path, "PRAGMA user_version = 99");
    } else if (name == "truncated") {
        {
            auto small = makeSmallStudy(path);
        }
        auto bytes = readBytes(path);
        writeBytes(path, bytes.substr(0, bytes.size() / 2));
    } else if (name == "corrupt-page") {
        {
            auto small = makeSmallStudy(path);
        }
        auto bytes = readBytes(path);
        // Overwrite the b-tree pages after the schema page with noise.
        for (std::size_t i = 4096; i < bytes.size() && i < 4096 * 4; ++i)
            bytes[i] = static_cast<char>((i * 7919) & 0xFF);
        writeBytes(path, bytes);
    } else if (name == "cut-header") {
        writeBytes(path, std::string("SQLite format 3\0", 16) + "short");
    }
    return path;
}

TEST_P(RefusedFile, IsRefusedWithAClearMessageAndLeftUnchanged)
{
    TempDir dir;
    const auto path = makeRefusedFile(dir, GetParam().name);
    const std::string before = readBytes(path);
    auto study = Study::open(path);
    ASSERT_FALSE(study) << GetParam().name;
    EXPECT_EQ(study.error().code, GetParam().code) << study.error().message;
    EXPECT_NE(study.error().message.find(GetParam().phrase), std::string::npos)
        << study.error().message;
    EXPECT_NE(study.error().message.find(path.filename().string()), std::string::npos)
        << study.error().message;
    EXPECT_EQ(readBytes(path), before);
    EXPECT_FALSE(fs::exists(path.string() + "-wal"));
}

INSTANTIATE_TEST_SUITE_P(
    StudyFile,
    RefusedFile,
    ::testing::Values(Refusal{"text", ErrorCode::NotAStudy, "not an SQLite database"},
                      Refusal{"empty", ErrorCode::NotAStudy, "empty"},
                      Refusal{"other-sqlite", ErrorCode::NotAStudy, "another program"},
                      Refusal{"newer", ErrorCode::StudyTooNew, "newer version"},
                      Refusal{"truncated", ErrorCode::StudyDamaged, "damaged"},
                      Refusal{"corrupt-page", ErrorCode::StudyDamaged, "damaged"},
                      Refusal{"cut-header", ErrorCode::StudyDamaged, "damaged"}),
    [](const auto &param) {
        std::string name = param.param.name;
        std::replace(name.begin(), name.end(), '-', '_');
        return name;
    });

TEST(StudyFile, MigratesFromVersionZeroAfterABackup)
{
    TempDir dir;
    const auto path = dir / "old.jtbd";
    // A study file that was stamped but never given a schema: version 0.
    sqlite(path, "PRAGMA application_id = " + std::to_string(Study::kApplicationId));
    const std::string before = readBytes(path);
    {
        Study study = expectOk(Study::open(path));
        EXPECT_EQ(expectOk(study.stats()).codes, 23);
        EXPECT_EQ(expectOk(study.guides()).size(), 1U);
    }
    EXPECT_EQ(sqlite(path, "PRAGMA user_version"), std::to_string(Study::kSchemaVersion));
    ASSERT_TRUE(fs::exists(path.string() + ".v0.bak"));
    EXPECT_EQ(sqlite(path.string() + ".v0.bak", "PRAGMA user_version"), "0");
    EXPECT_EQ(sqlite(path.string() + ".v0.bak", "PRAGMA application_id"),
              std::to_string(Study::kApplicationId));
    EXPECT_FALSE(before.empty());
}

TEST(StudyFile, MigratesAVersionOneStudyKeepingItsData)
{
    TempDir dir;
    const auto path = dir / "v1.jtbd";
    {
        auto small = makeSmallStudy(path);
    }
    // What a study written by the first version looks like: no offset or intensity indexes, and
    // no search index (version 3).
    sqlite(path,
           std::string(kWithoutSearchIndex)
               + "DROP INDEX turn_by_offset; DROP INDEX highlight_intensity; PRAGMA user_version = "
                 "1");
    {
        Study study = expectOk(Study::open(path));
        EXPECT_EQ(expectOk(study.stats()).words, 19);
        EXPECT_EQ(expectOk(study.findParticipant("P01"))->name, "Hannah Price");
    }
    EXPECT_EQ(sqlite(path, "PRAGMA user_version"), std::to_string(Study::kSchemaVersion));
    EXPECT_EQ(sqlite(path,
                     "SELECT count(*) FROM sqlite_schema WHERE name IN ('turn_by_offset', "
                     "'highlight_intensity')"),
              "2");
    const auto backup = path.string() + ".v1.bak";
    ASSERT_TRUE(fs::exists(backup));
    EXPECT_EQ(sqlite(backup, "PRAGMA user_version"), "1");
    EXPECT_EQ(sqlite(backup, "SELECT name FROM participant"), "Hannah Price");
    // Opening again does not migrate again.
    fs::remove(backup);
    {
        Study study = expectOk(Study::open(path));
    }
    EXPECT_FALSE(fs::exists(backup));
}

TEST(StudyFile, MigratesAVersionTwoStudyToASearchableOne)
{
    TempDir dir;
    const auto path = dir / "v2.jtbd";
    {
        auto small = makeSmallStudy(path);
    }
    sqlite(path, std::string(kWithoutSearchIndex) + "PRAGMA user_version = 2");
    {
        Study study = expectOk(Study::open(path));
        const auto hits = expectOk(study.search({.text = "overdraft"}));
        ASSERT_EQ(hits.size(), 1U);
        EXPECT_EQ(hits[0].speaker, "Hannah");
        EXPECT_EQ(hits[0].snippet, "The brewery paid 94 days late and I went into my «overdraft».");
        EXPECT_EQ(hits[0].start, 35 + 49);
        EXPECT_EQ(hits[0].end, 35 + 58);
        // The index stays in step with edits after the migration too.
        auto turns = expectOk(study.turns(hits[0].interviewId));
        turns[1].text = "The brewery paid late.";
        expectOk(study.updateTurn(turns[1]));
        EXPECT_TRUE(expectOk(study.search({.text = "overdraft"})).empty());
        EXPECT_EQ(expectOk(study.search({.text = "brewery"})).size(), 1U);
    }
    EXPECT_EQ(sqlite(path, "PRAGMA user_version"), std::to_string(Study::kSchemaVersion));
    EXPECT_EQ(sqlite(path,
                     "INSERT INTO turn_search (turn_search, rank) VALUES ('integrity-check', "
                     "1); SELECT count(*) FROM turn_search_docsize"),
              "2");
    EXPECT_EQ(sqlite(path.string() + ".v2.bak", "PRAGMA user_version"), "2");
}

TEST(StudyFile, MigratesAVersionThreeStudyToOneThatRecordsCoverage)
{
    TempDir dir;
    const auto path = dir / "v3.jtbd";
    Id interviewId = 0;
    {
        auto small = makeSmallStudy(path);
        interviewId = small.interviewId;
    }
    sqlite(path, std::string(kWithoutCoverage) + "PRAGMA user_version = 3");
    {
        Study study = expectOk(Study::open(path));
        const Id questionId = expectOk(study.guides())[0].sections[0].questions[0].id;
        EXPECT_TRUE(expectOk(study.coverage(interviewId)).empty());
        expectOk(study.setQuestionCovered(interviewId, questionId, 61000));
        EXPECT_EQ(expectOk(study.coverage(interviewId)),
                  (std::vector<QuestionCoverage>{{interviewId, questionId, 61000}}));
    }
    EXPECT_EQ(sqlite(path, "PRAGMA user_version"), std::to_string(Study::kSchemaVersion));
    EXPECT_EQ(sqlite(path.string() + ".v3.bak", "PRAGMA user_version"), "3");
    EXPECT_EQ(sqlite(path, "PRAGMA foreign_key_check"), "");
}

TEST(StudyFile, MigratesAVersionFourStudyToOneThatRanksEvidenceByIndex)
{
    TempDir dir;
    const auto path = dir / "v4.jtbd";
    Id interviewId = 0;
    {
        auto small = makeSmallStudy(path);
        interviewId = small.interviewId;
        Highlight h;
        h.interviewId = interviewId;
        h.start = 0;
        h.end = 4;
        h.intensity = 5;
        h.codeIds = {codeId(small.study, "push")};
        expectOk(small.study.addHighlight(h));
    }
    sqlite(path, std::string(kWithoutStrengthIndex) + "PRAGMA user_version = 4");
    {
        Study study = expectOk(Study::open(path));
        const ForcesEvidence evidence = expectOk(study.forcesEvidence(Scope::wholeStudy(), 3));
        ASSERT_EQ(evidence[Force::Push].size(), 1U);
        EXPECT_EQ(evidence[Force::Push][0].highlight.interviewId, interviewId);
        EXPECT_EQ(evidence.summary[Force::Push].intensity, 5);
    }
    EXPECT_EQ(sqlite(path, "PRAGMA user_version"), "6");
    EXPECT_EQ(sqlite(path,
                     "SELECT sql FROM sqlite_schema WHERE type = 'index' AND name = "
                     "'highlight_strength'"),
              "CREATE INDEX highlight_strength ON highlight(intensity, confidence, created_at "
              "DESC)");
    EXPECT_EQ(sqlite(path.string() + ".v4.bak", "PRAGMA user_version"), "4");
    EXPECT_EQ(sqlite(path, "PRAGMA foreign_key_check"), "");
}

TEST(StudyFile, CurrentFileWithoutItsCoverageTableIsRefused)
{
    TempDir dir;
    const auto path = dir / "s.jtbd";
    {
        auto small = makeSmallStudy(path);
    }
    sqlite(path, std::string(kWithoutCoverage));
    const std::string before = readBytes(path);
    auto study = Study::open(path);
    ASSERT_FALSE(study);
    EXPECT_EQ(study.error().code, ErrorCode::StudyDamaged);
    EXPECT_NE(study.error().message.find("'question_coverage' is missing"), std::string::npos)
        << study.error().message;
    EXPECT_EQ(readBytes(path), before);
}

TEST(StudyFile, CurrentFileWithoutItsSearchTriggerIsRefused)
{
    TempDir dir;
    const auto path = dir / "s.jtbd";
    {
        auto small = makeSmallStudy(path);
    }
    // Without it, edited turns would silently drop out of the search index.
    sqlite(path, "DROP TRIGGER turn_search_update");
    const std::string before = readBytes(path);
    auto study = Study::open(path);
    ASSERT_FALSE(study);
    EXPECT_EQ(study.error().code, ErrorCode::StudyDamaged);
    EXPECT_NE(study.error().message.find("its trigger 'turn_search_update' is missing"),
              std::string::npos)
        << study.error().message;
    EXPECT_EQ(readBytes(path), before);
}

TEST(StudyFile, OlderFileMissingATableIsRefusedBeforeMigrating)
{
    TempDir dir;
    const auto path = dir / "v1.jtbd";
    {
        auto small = makeSmallStudy(path);
    }
    sqlite(path,
           "DROP INDEX turn_by_offset; DROP INDEX highlight_intensity; DROP TABLE job_member; "
           "PRAGMA user_version = 1");
    const std::string before = readBytes(path);
    auto study = Study::open(path);
    ASSERT_FALSE(study);
    EXPECT_EQ(study.error().code, ErrorCode::StudyDamaged);
    EXPECT_NE(study.error().message.find("'job_member' is missing"), std::string::npos)
        << study.error().message;
    EXPECT_EQ(readBytes(path), before);
    EXPECT_FALSE(fs::exists(path.string() + ".v1.bak"));
}

TEST(StudyFile, ReopenedStudyKeepsEverything)
{
    TempDir dir;
    const auto path = dir / "s.jtbd";
    {
        auto small = makeSmallStudy(path);
        expectOk(small.study.setInfo(
            {"Churn study", "Why people cancel", "Price is not the reason", {}, {}}));
    }
    Study study = expectOk(Study::open(path));
    const auto info = expectOk(study.info());
    EXPECT_EQ(info.name, "Churn study");
    EXPECT_EQ(info.objectives, "Why people cancel");
    EXPECT_EQ(info.assumptions, "Price is not the reason");
    EXPECT_EQ(info.appVersion, JTBD_VERSION);
    EXPECT_EQ(expectOk(study.stats()).interviews, 1);
    EXPECT_EQ(expectOk(study.stats()).words, 19);
}

TEST(StudyFile, CheckFindsTamperedCountsOffsetsAndQuotes)
{
    TempDir dir;
    const auto path = dir / "s.jtbd";
    {
        auto small = makeSmallStudy(path);
        Highlight h;
        h.interviewId = small.interviewId;
        h.start = 0;
        h.end = 4;
        h.codeIds = {codeId(small.study, "push")};
        expectOk(small.study.addHighlight(h));
        EXPECT_EQ(expectOk(small.study.checkIntegrity()), std::vector<std::string>{});
    }
    // Edits made behind the program's back, as another tool might.
    sqlite(path, "UPDATE interview SET word_count = 3");
    {
        Study study = expectOk(Study::open(path));
        EXPECT_EQ(expectOk(study.checkIntegrity()),
                  std::vector<std::string>{"interview 1: its stored word count 3 should be 19"});
    }
    sqlite(path,
           "UPDATE interview SET word_count = 19; UPDATE turn SET text_start = text_start + 1 "
           "WHERE ord = 1; "
           "UPDATE highlight SET quote = 'Then'");
    Study study = expectOk(Study::open(path));
    const auto problems = expectOk(study.checkIntegrity());
    ASSERT_EQ(problems.size(), 2U) << ::testing::PrintToString(problems);
    EXPECT_EQ(problems[0], "interview 1, turn 2: stored range [36, 94) should be [35, 94)");
    EXPECT_EQ(problems[1], "highlight 1: its quote no longer matches the interview text at [0, 4)");
}

TEST(StudyFile, DamagedFileCanStillBeExaminedWithoutVerifying)
{
    TempDir dir;
    const auto path = makeRefusedFile(dir, "corrupt-page");
    const std::string before = readBytes(path);
    auto study = Study::open(path, {.verify = false});
    if (study) {
        auto problems = study->checkIntegrity();
        // Either the check lists the damage or reading it fails as damage: never "sound".
        EXPECT_TRUE(!problems || !problems->empty());
        if (!problems) {
            EXPECT_EQ(problems.error().code, ErrorCode::StudyDamaged);
        }
    } else {
        EXPECT_EQ(study.error().code, ErrorCode::StudyDamaged);
    }
    EXPECT_EQ(readBytes(path), before);
}

TEST(StudyFile, AStudyNeedsAName)
{
    TempDir dir;
    Study study = expectOk(Study::create(dir / "s.jtbd"));
    auto set = study.setInfo({"  ", "", "", {}, {}});
    ASSERT_FALSE(set);
    EXPECT_EQ(set.error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(expectOk(study.info()).name, "s");
}

} // namespace jtbd
