// The study JSON: exact round trip, all-or-nothing import, errors that point at the problem.
#include "test_support.h"

#include <jtbd/importer.h>
#include <jtbd/sample.h>
#include <jtbd/study_json.h>

#include <gtest/gtest.h>

namespace jtbd {

using namespace test;
namespace fs = std::filesystem;

class StudyJson : public ::testing::Test
{
protected:
    void SetUp() override
    {
        Study sample = expectOk(createSampleStudy(dir / "sample.jtbd"));
        // Edits that leave gaps in ids and nested custom codes, so the round trip is not trivial.
        Code custom;
        custom.name = "Chasing clients";
        custom.parentId = codeId(sample, "push");
        custom.color = "#123456";
        expectOk(sample.addCode(custom));
        expectOk(sample.deleteHighlight(5));
        expectOk(sample.deleteParticipant(expectOk(sample.findParticipant("P12"))->id));
        // Questions covered while interviewing, one without a time.
        const Id interviewId = expectOk(sample.interviews())[0].interview.id;
        const Guide guide = expectOk(sample.guides())[0];
        expectOk(sample.setQuestionCovered(interviewId, guide.sections[1].questions[0].id, 95000));
        expectOk(sample.setQuestionCovered(interviewId, guide.sections[0].questions[0].id, {}));
        exported = expectOk(exportStudyJson(sample));
    }

    TempDir dir;
    std::string exported;
};

TEST_F(StudyJson, RoundTripIsByteIdentical)
{
    Study copy = expectOk(Study::create(dir / "copy.jtbd", [&](Study &s) -> Status {
        auto snapshot = parseStudyJson(exported, "export.json");
        if (!snapshot)
            return snapshot.error();
        return s.restore(*snapshot);
    }));
    EXPECT_EQ(expectOk(exportStudyJson(copy)), exported);
    EXPECT_EQ(expectOk(copy.checkIntegrity()), std::vector<std::string>{});
    const Id interviewId = expectOk(copy.interviews())[0].interview.id;
    const auto covered = expectOk(copy.coverage(interviewId));
    ASSERT_EQ(covered.size(), 2U);
    EXPECT_EQ(covered[0].atMs, std::nullopt);
    EXPECT_EQ(covered[1].atMs, 95000);
    EXPECT_NE(exported.find("\"covered_questions\": ["), std::string::npos);
}

TEST_F(StudyJson, DocumentIsVersionedAndReadable)
{
    auto snapshot = expectOk(parseStudyJson(exported, "export.json"));
    EXPECT_EQ(exported.substr(0, 44), "{\n  \"format\": \"jtbd-study\",\n  \"version\": 1,\n");
    EXPECT_EQ(snapshot.info.name, "Tallybird switch interviews, autumn 2026");
    EXPECT_EQ(snapshot.interviews.size(), 12U);
    EXPECT_EQ(snapshot.participants.size(), 11U);
    EXPECT_TRUE(looksLikeStudyJson(exported));
    EXPECT_FALSE(looksLikeStudyJson("Interviewer: {\"format\"}"));
}

TEST_F(StudyJson, SyntaxErrorsGiveLineAndColumn)
{
    auto broken =
        parseStudyJson("{\n  \"format\": \"jtbd-study\",\n  \"version\": 1,,\n}", "broken.json");
    ASSERT_FALSE(broken);
    EXPECT_EQ(broken.error().code, ErrorCode::BadInput);
    EXPECT_NE(broken.error().message.find("broken.json: line 3, column 16"), std::string::npos)
        << broken.error().message;
}

TEST_F(StudyJson, WrongValuesGiveTheirPath)
{
    std::string wrong = exported;
    const auto at = wrong.find("\"intensity\": ");
    wrong.replace(at, 13, "\"intensity\": \"strong\", \"x\": ");
    auto parsed = parseStudyJson(wrong, "wrong.json");
    ASSERT_FALSE(parsed);
    EXPECT_NE(parsed.error().message.find("wrong.json: interviews[0].highlights[0].intensity: "
                                          "expected a whole number, found string"),
              std::string::npos)
        << parsed.error().message;
}

TEST_F(StudyJson, NewerVersionIsRefused)
{
    std::string newer = exported;
    newer.replace(newer.find("\"version\": 1"), 12, "\"version\": 7");
    auto parsed = parseStudyJson(newer, "newer.json");
    ASSERT_FALSE(parsed);
    EXPECT_NE(parsed.error().message.find("newer JTBD Workbench"), std::string::npos);
}

TEST_F(StudyJson, ImportThatFailsHalfWayLeavesNoTrace)
{
    // The last interview's first highlight points at text that is not its quote.
    std::string tampered = exported;
    const auto last = tampered.rfind("\"quote\": \"");
    tampered.insert(last + 10, "NOT THE TEXT ");
    writeBytes(dir / "tampered.json", tampered);

    // Into a new file: no file appears.
    auto created = Study::create(dir / "new.jtbd", [&](Study &s) -> Status {
        auto imported = importFiles(s, {dir / "tampered.json"}, {});
        return imported ? Status{} : Status{imported.error()};
    });
    ASSERT_FALSE(created);
    EXPECT_EQ(created.error().code, ErrorCode::BadInput);
    EXPECT_NE(created.error().message.find("tampered.json: interview"), std::string::npos)
        << created.error().message;
    EXPECT_NE(created.error().message.find("quote does not match"), std::string::npos);
    EXPECT_FALSE(fs::exists(dir / "new.jtbd"));

    // Into an existing empty study: it stays empty and unchanged.
    {
        Study empty = expectOk(Study::create(dir / "empty.jtbd"));
    }
    const std::string before = readBytes(dir / "empty.jtbd");
    {
        Study empty = expectOk(Study::open(dir / "empty.jtbd"));
        auto imported = importFiles(empty, {dir / "tampered.json"}, {});
        ASSERT_FALSE(imported);
        EXPECT_TRUE(expectOk(empty.isEmpty()));
        EXPECT_EQ(expectOk(empty.stats()).codes, 23);
    }
    EXPECT_EQ(readBytes(dir / "empty.jtbd"), before);
}

// Parses `text`, restores it into a new study and returns the error (or an empty one on success).
Error importError(const TempDir &dir, const std::string &text)
{
    auto created = Study::create(dir / "x.jtbd", [&](Study &s) -> Status {
        auto snapshot = parseStudyJson(text, "x.json");
        if (!snapshot)
            return snapshot.error();
        return s.restore(*snapshot);
    });
    return created ? Error{} : created.error();
}

TEST_F(StudyJson, CodebookMustHoldTheMethodsCodes)
{
    // Without the push code.
    std::string noPush = exported;
    noPush.replace(noPush.find("\"key\": \"push\""), 13, "\"key\": \"shove\"");
    Error error = importError(dir, noPush);
    EXPECT_EQ(error.code, ErrorCode::InvalidArgument);
    EXPECT_NE(error.message.find("'shove' is marked built in"), std::string::npos) << error.message;

    // A custom code cannot claim to be a force.
    std::string fakeForce = exported;
    const auto custom = fakeForce.find("\"kind\": \"custom\"");
    ASSERT_NE(custom, std::string::npos);
    fakeForce.replace(custom, 16, "\"kind\": \"force\"");
    error = importError(dir, fakeForce);
    EXPECT_NE(error.message.find("has kind 'force', which only the method's built-in codes have"),
              std::string::npos)
        << error.message;
    EXPECT_FALSE(std::filesystem::exists(dir / "x.jtbd"));
}

TEST_F(StudyJson, KindsAreRequiredNotGuessed)
{
    std::string noKind = exported;
    const auto timeline = noKind.find("\"timeline\": [");
    const auto kind = noKind.find("\"kind\": \"", timeline);
    noKind.replace(kind, noKind.find(',', kind) + 1 - kind, "");
    auto parsed = parseStudyJson(noKind, "x.json");
    ASSERT_FALSE(parsed);
    EXPECT_NE(parsed.error().message.find("x.json: interviews[0].timeline[0].kind: is missing"),
              std::string::npos)
        << parsed.error().message;
}

TEST_F(StudyJson, NullMeansTheDefault)
{
    std::string nulls = exported;
    const auto story = nulls.find("\"story\": {");
    nulls.replace(story, nulls.find('}', story) + 1 - story, "\"story\": null");
    const auto snapshot = expectOk(parseStudyJson(nulls, "x.json"));
    EXPECT_EQ(snapshot.jobs[0].storyWhen, "");
    EXPECT_EQ(snapshot.jobs[0].name, "Get paid on time without chasing");
}

TEST_F(StudyJson, RestoreRefusesAStudyThatIsNotEmpty)
{
    Study sample = expectOk(Study::open(dir / "sample.jtbd"));
    auto restored = sample.restore(expectOk(parseStudyJson(exported, "x.json")));
    ASSERT_FALSE(restored);
    EXPECT_EQ(restored.error().code, ErrorCode::Conflict);
}

TEST_F(StudyJson, ExportWritesAtomically)
{
    Study sample = expectOk(Study::open(dir / "sample.jtbd"));
    writeBytes(dir / "out.json", "old contents");
    expectOk(exportStudyJson(sample, dir / "out.json"));
    EXPECT_EQ(readBytes(dir / "out.json"), exported);
    // A folder that does not exist: an error naming the path, and nothing written.
    auto failed = exportStudyJson(sample, dir / "missing" / "out.json");
    ASSERT_FALSE(failed);
    EXPECT_NE(failed.error().message.find("missing/out.json"), std::string::npos);
    EXPECT_FALSE(fs::exists(dir / "missing"));
}

} // namespace jtbd
