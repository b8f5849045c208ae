// jtbd export, run as a user would: the job stories against their JSON Schema, redaction, the
// highlights CSV read by another program, job selection and the errors people meet.
#include "cli_runner.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace jtbd {

using namespace test;
namespace fs = std::filesystem;

namespace {

// Debian's python, which has jsonschema (the python3 first on PATH may not).
constexpr const char *kPython = "/usr/bin/python3";

bool hasPartialFile(const fs::path &folder)
{
    for (const auto &entry : fs::recursive_directory_iterator(folder))
        if (entry.path().filename().string().find(".partial-") != std::string::npos)
            return true;
    return false;
}

class ExportCli : public ::testing::Test
{
protected:
    CliOutcome jtbd(const std::vector<std::string> &args)
    {
        return runCli(JTBD_CLI, dir.path(), args);
    }

    CliOutcome python(const std::string &script, const std::vector<std::string> &args)
    {
        std::vector<std::string> all = {"-c", script};
        all.insert(all.end(), args.begin(), args.end());
        return runCli(kPython, dir.path(), all);
    }

    void SetUp() override
    {
        const CliOutcome run = jtbd({"sample", "s.jtbd"});
        ASSERT_EQ(run.exitCode, 0) << run.err;
    }

    // The participants' real names from the whole-study JSON: each full name and each part of
    // it, as written.
    std::vector<std::string> realNames()
    {
        const CliOutcome run = jtbd({"export", "s.jtbd", "--json", "study.json"});
        EXPECT_EQ(run.exitCode, 0) << run.err;
        const auto study = nlohmann::json::parse(readBytes(dir / "study.json"));
        std::vector<std::string> names;
        for (const auto &p : study["participants"])
            for (auto &name : nameAndParts(p["name"]))
                names.push_back(std::move(name));
        return names;
    }

    TempDir dir;
};

constexpr const char *kValidate = R"(
import json, sys, jsonschema
schema = json.load(open(sys.argv[1], encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
document = json.load(open(sys.argv[2], encoding="utf-8"))
errors = list(jsonschema.Draft202012Validator(schema).iter_errors(document))
for e in errors[:10]:
    print("/".join(str(p) for p in e.absolute_path), e.message)
print(len(errors), "errors")
sys.exit(1 if errors else 0)
)";

} // namespace

TEST_F(ExportCli, JobStoriesMatchTheirSchema)
{
    const std::string schema = std::string(JTBD_SOURCE_DIR) + "/docs/job-stories.schema.json";
    CliOutcome run = jtbd({"export", "s.jtbd", "--job-stories", "out.json"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_EQ(run.out, "Wrote the job stories to out.json\n");
    CliOutcome check = python(kValidate, {schema, "out.json"});
    EXPECT_EQ(check.exitCode, 0) << check.out << check.err;
    EXPECT_EQ(check.out, "0 errors\n");

    // Redacted, with memos: the optional fields are in the schema too.
    run = jtbd({"export", "s.jtbd", "--job-stories", "r.json", "--redact", "--include-memos"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_EQ(run.out, "Wrote the job stories (redacted) to r.json\n");
    check = python(kValidate, {schema, "r.json"});
    EXPECT_EQ(check.exitCode, 0) << check.out << check.err;
    const auto json = nlohmann::json::parse(readBytes(dir / "r.json"));
    EXPECT_EQ(json["redacted"], true);
    EXPECT_TRUE(json["jobs"][0].contains("notes"));
    EXPECT_TRUE(json["jobs"][0]["forces"]["push"]["quotes"][0].contains("memo"));

    // The schema refuses what it does not describe: it is not a schema that accepts anything.
    auto broken = nlohmann::json::parse(readBytes(dir / "out.json"));
    broken["jobs"][0]["forces"]["push"]["quotes"][0]["intensity"] = 9;
    broken["jobs"][0]["surprise"] = true;
    writeBytes(dir / "broken.json", broken.dump());
    check = python(kValidate, {schema, "broken.json"});
    EXPECT_EQ(check.exitCode, 1) << check.out << check.err;
    EXPECT_NE(check.out.find("2 errors"), std::string::npos) << check.out;
}

TEST_F(ExportCli, RedactedFilesHoldNoRealName)
{
    const auto names = realNames();
    ASSERT_EQ(names.size(), 36u); // twelve participants, first name and surname each

    CliOutcome run =
        jtbd({"export", "s.jtbd", "--job-stories", "r.json", "--csv", "r.csv", "--redact"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_EQ(run.out,
              "Wrote the job stories (redacted) to r.json\nWrote the highlights (redacted) to "
              "r.csv\n");
    const std::string json = readBytes(dir / "r.json");
    const std::string csv = readBytes(dir / "r.csv");
    for (const auto &name : names) {
        EXPECT_FALSE(containsWord(json, name)) << name << " in the redacted job stories";
        EXPECT_FALSE(containsWord(csv, name)) << name << " in the redacted highlights";
    }
    EXPECT_NE(csv.find("sort [Robin] out please"), std::string::npos);

    run = jtbd({"export", "s.jtbd", "--job-stories", "p.json", "--csv", "p.csv"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const std::string plainCsv = readBytes(dir / "p.csv");
    EXPECT_TRUE(containsWord(plainCsv, "Hannah Price")); // participant_name
    EXPECT_NE(plainCsv.find("sort Hannah out please"), std::string::npos);
    const std::string plainJson = readBytes(dir / "p.json");
    bool named = false;
    for (const auto &name : names)
        named = named || containsWord(plainJson, name);
    EXPECT_TRUE(named); // quotes keep the names they hold
}

TEST_F(ExportCli, CsvReadsBackInPython)
{
    CliOutcome run = jtbd({"export", "s.jtbd", "--csv", "h.csv", "--json", "study.json"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    run = jtbd({"stats", "s.jtbd", "--json"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const auto highlights = nlohmann::json::parse(run.out)["highlights"].get<int>();
    ASSERT_EQ(highlights, 238);

    const std::string bytes = readBytes(dir / "h.csv");
    EXPECT_NE(bytes.substr(0, 3), "\xEF\xBB\xBF");
    EXPECT_TRUE(bytes.starts_with("highlight_id,interview_id,interview,"));
    EXPECT_NE(bytes.find("\r\n"), std::string::npos);

    const CliOutcome check = python(R"(
import csv, json, sys
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
study = json.load(open(sys.argv[2], encoding="utf-8"))
quotes = {h["id"]: h["quote"] for i in study["interviews"] for h in i["highlights"]}
mismatched = [r["highlight_id"] for r in rows if quotes.get(int(r["highlight_id"])) != r["quote"]]
with_comma = sum(1 for r in rows if "," in r["quote"])
with_quote = sum(1 for r in rows if '"' in r["quote"])
print(len(rows), len(set(r["highlight_id"] for r in rows)), len(mismatched), with_comma > 0, with_quote > 0)
print(sorted(rows[0].keys()) == sorted(["highlight_id", "interview_id", "interview", "participant_code",
    "participant_pseudonym", "participant_name", "codes", "code_names", "quote", "start", "end",
    "start_ms", "end_ms", "timestamp", "phase", "intensity", "confidence", "coder", "memo",
    "created_at", "updated_at"]))
)",
                                    {"h.csv", "study.json"});
    ASSERT_EQ(check.exitCode, 0) << check.err;
    EXPECT_EQ(check.out,
              std::to_string(highlights) + " " + std::to_string(highlights)
                  + " 0 True True\nTrue\n");
}

TEST_F(ExportCli, JobsInTheOrderAsked)
{
    CliOutcome run = jtbd({"export", "s.jtbd", "--job-stories", "j.json", "--jobs", "2,1"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const auto json = nlohmann::json::parse(readBytes(dir / "j.json"));
    ASSERT_EQ(json["jobs"].size(), 2u);
    EXPECT_EQ(json["jobs"][0]["id"], 2);
    EXPECT_EQ(json["jobs"][1]["id"], 1);

    run = jtbd({"export", "s.jtbd", "--job-stories", "x.json", "--jobs", "7"});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_EQ(run.err, "error: there is no job 7 in the study (its jobs are 1, 2, 3)\n");
    EXPECT_FALSE(fs::exists(dir / "x.json"));
}

TEST_F(ExportCli, UnwritableOutputNamesItAndLeavesNothing)
{
    writeBytes(dir / "file", "a file, not a folder");
    for (const std::string out : {"missing/out.json", "file/out.json"}) {
        const CliOutcome run = jtbd({"export", "s.jtbd", "--job-stories", out});
        EXPECT_NE(run.exitCode, 0);
        EXPECT_NE(run.err.find("'" + out + "'"), std::string::npos) << run.err;
        EXPECT_EQ(run.out, "");
    }
    const CliOutcome csv = jtbd({"export", "s.jtbd", "--csv", "missing/h.csv"});
    EXPECT_NE(csv.exitCode, 0);
    EXPECT_NE(csv.err.find("'missing/h.csv'"), std::string::npos) << csv.err;
    EXPECT_FALSE(fs::exists(dir / "missing"));
    EXPECT_FALSE(hasPartialFile(dir.path()));
}

TEST_F(ExportCli, NothingToExportShowsUsage)
{
    const CliOutcome run = jtbd({"export", "s.jtbd"});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_NE(run.err.find("--job-stories"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("jtbd export --help"), std::string::npos) << run.err;
}

TEST_F(ExportCli, RedactionLeavesTheStudyJsonWholeAndSaysSo)
{
    const CliOutcome run =
        jtbd({"export", "s.jtbd", "--json", "study.json", "--csv", "h.csv", "--redact"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_NE(run.err.find("--redact does not apply to --json"), std::string::npos) << run.err;
    // The study JSON is a whole copy: every real name is in it; the CSV has none.
    const auto study = nlohmann::json::parse(readBytes(dir / "study.json"));
    const std::string csv = readBytes(dir / "h.csv");
    for (const auto &p : study["participants"]) {
        EXPECT_FALSE(p["name"].get<std::string>().empty());
        EXPECT_FALSE(containsWord(csv, p["name"].get<std::string>())) << p["name"];
    }
}

} // namespace jtbd
