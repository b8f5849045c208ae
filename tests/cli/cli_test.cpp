// The jtbd command line, run as a user would: output, exit codes and messages.
#include "test_support.h"

#include <cstdlib>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <set>
#include <sys/wait.h>

#include <sqlite3.h>

namespace jtbd {

using namespace test;
namespace fs = std::filesystem;

namespace {

struct Outcome
{
    int exitCode;
    std::string out;
    std::string err;
};

std::string quote(const std::string &arg)
{
    std::string q = "'";
    for (char c : arg)
        q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

class Cli : public ::testing::Test
{
protected:
    // Runs jtbd with `args` in the test folder; `prefix` is shell run before it (limits, traps).
    Outcome jtbd(const std::vector<std::string> &args, const std::string &prefix = "")
    {
        std::string command =
            "cd " + quote(dir.path().string()) + " && " + prefix + " " + quote(JTBD_CLI);
        for (const auto &arg : args)
            command += " " + quote(arg);
        command += " >" + quote((dir / ".out").string()) + " 2>" + quote((dir / ".err").string());
        const int status = std::system(("sh -c " + quote(command)).c_str());
        return {WEXITSTATUS(status), readBytes(dir / ".out"), readBytes(dir / ".err")};
    }

    nlohmann::json json(const std::vector<std::string> &args)
    {
        const Outcome run = jtbd(args);
        EXPECT_EQ(run.exitCode, 0) << run.err;
        return nlohmann::json::parse(run.out);
    }

    void makeSample()
    {
        const Outcome run = jtbd({"sample", "s.jtbd"});
        ASSERT_EQ(run.exitCode, 0) << run.err;
    }

    TempDir dir;
};

} // namespace

TEST_F(Cli, NewStudyWithName)
{
    Outcome run = jtbd({"new", "churn.jtbd", "--name", "Churn, Q3"});
    EXPECT_EQ(run.exitCode, 0) << run.err;
    EXPECT_EQ(run.out, "Created study 'Churn, Q3' in churn.jtbd\n");
    EXPECT_EQ(sqlite(dir / "churn.jtbd", "SELECT name FROM study"), "Churn, Q3");
    run = jtbd({"new", "churn.jtbd"});
    EXPECT_EQ(run.exitCode, 3);
    EXPECT_EQ(run.err,
              "error: 'churn.jtbd' already exists; choose another name or remove it first\n");
}

TEST_F(Cli, SampleStatsAndForcesAsJson)
{
    makeSample();
    const auto stats = json({"stats", "s.jtbd", "--json"});
    for (const char *key :
         {"interviews", "participants", "turns", "words", "highlights", "codes", "jobs"})
        EXPECT_TRUE(stats.at(key).is_number_integer()) << key;
    EXPECT_EQ(stats["interviews"], 12);
    EXPECT_EQ(stats["jobs"], 3);
    EXPECT_GE(stats["highlights"].get<int>(), 150);
    EXPECT_EQ(stats["words"].get<long>(),
              std::stol(sqlite(dir / "s.jtbd", "SELECT sum(word_count) FROM interview")));

    const auto forces = json({"forces", "s.jtbd", "--json"});
    long toward = 0;
    long against = 0;
    for (const char *force : {"push", "pull", "anxiety", "habit"}) {
        ASSERT_TRUE(forces.contains(force)) << force;
        EXPECT_GT(forces[force]["count"].get<int>(), 0);
        EXPECT_GE(forces[force]["intensity"].get<int>(), forces[force]["count"].get<int>());
    }
    toward = forces["push"]["intensity"].get<long>() + forces["pull"]["intensity"].get<long>();
    against = forces["anxiety"]["intensity"].get<long>() + forces["habit"]["intensity"].get<long>();
    EXPECT_EQ(forces["balance"].get<long>(), toward - against);
    EXPECT_EQ(forces["weighting"], "intensity");

    const auto byCount = json({"forces", "s.jtbd", "--by", "count", "--json"});
    EXPECT_EQ(byCount["balance"].get<long>(),
              byCount["push"]["count"].get<long>() + byCount["pull"]["count"].get<long>()
                  - byCount["anxiety"]["count"].get<long>()
                  - byCount["habit"]["count"].get<long>());
}

TEST_F(Cli, ForcesForAnInterviewAndAJob)
{
    makeSample();
    const auto one = json({"forces", "s.jtbd", "--interview", "1", "--json"});
    const auto job = json({"forces", "s.jtbd", "--job", "1", "--json"});
    const auto all = json({"forces", "s.jtbd", "--json"});
    EXPECT_LT(one["push"]["count"].get<int>(), job["push"]["count"].get<int>());
    EXPECT_LT(job["push"]["count"].get<int>(), all["push"]["count"].get<int>());
    const Outcome text = jtbd({"forces", "s.jtbd", "--job", "1"});
    EXPECT_EQ(text.exitCode, 0);
    EXPECT_NE(text.out.find("job 1 (Get paid on time without chasing)"), std::string::npos)
        << text.out;
    // The method's layout: push and pull on the line above the axis, habit and anxiety below.
    const auto axis = text.out.find("the current way (A)");
    ASSERT_NE(axis, std::string::npos) << text.out;
    EXPECT_LT(text.out.find("Push (F1) " + std::to_string(job["push"]["intensity"].get<int>())),
              axis);
    EXPECT_LT(text.out.find("Pull (F2)"), axis);
    EXPECT_GT(text.out.find("Habit (F4)"), axis);
    EXPECT_GT(text.out.find("Anxiety (F3)"), text.out.find("Habit (F4)"));
    EXPECT_NE(text.out.find("balance +" + std::to_string(job["balance"].get<int>())),
              std::string::npos)
        << text.out;
}

TEST_F(Cli, ListsInterviewsAndJobsWithTheirIds)
{
    makeSample();
    const auto interviews = json({"interviews", "s.jtbd", "--json"});
    ASSERT_EQ(interviews.size(), 12U);
    std::set<std::string> participants;
    for (const auto &i : interviews) {
        EXPECT_GE(i["words"].get<int>(), 800);
        EXPECT_EQ(i["status"], "coded");
        participants.insert(i["participant_code"].get<std::string>());
    }
    EXPECT_EQ(participants.size(), 12U);
    const auto jobs = json({"jobs", "s.jtbd", "--json"});
    ASSERT_EQ(jobs.size(), 3U);
    EXPECT_EQ(jobs[0]["name"], "Get paid on time without chasing");
    EXPECT_EQ(jobs[0]["interviews"].size(), 4U);
    EXPECT_EQ(jobs[0]["job_story"].get<std::string>().rfind("When ", 0), 0U);
    const Outcome text = jtbd({"jobs", "s.jtbd"});
    EXPECT_EQ(text.exitCode, 0);
    EXPECT_NE(text.out.find("Job 1: Get paid on time without chasing (4 stories)"),
              std::string::npos)
        << text.out;
}

TEST_F(Cli, ParticipantsFromASpreadsheet)
{
    makeSample();
    writeBytes(dir / "people.csv",
               "code,pseudonym,region\nP01,,Leeds\nP13,Bea,\"Hove, East Sussex\"\n");
    Outcome run = jtbd({"participants", "s.jtbd", "--import", "people.csv"});
    EXPECT_EQ(run.exitCode, 0) << run.err;
    EXPECT_EQ(run.out, "Imported participants from people.csv: 1 added, 1 updated\n");
    const auto list = json({"participants", "s.jtbd", "--json"});
    ASSERT_EQ(list.size(), 13U);
    EXPECT_EQ(list[12]["code"], "P13");
    EXPECT_EQ(list[12]["attributes"]["region"], "Hove, East Sussex");
    EXPECT_EQ(list[0]["pseudonym"], "Robin");
    writeBytes(dir / "bad.csv", "code,region\nP14,Leeds\nP15,\"open\n");
    run = jtbd({"participants", "s.jtbd", "--import", "bad.csv"});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_EQ(run.err, "error: bad.csv: line 3: a quoted field is not closed\n");
    EXPECT_EQ(json({"participants", "s.jtbd", "--json"}).size(), 13U);
}

TEST_F(Cli, CheckListsDamage)
{
    makeSample();
    sqlite(dir / "s.jtbd", "UPDATE interview SET word_count = 1 WHERE id = 3");
    const Outcome run = jtbd({"check", "s.jtbd"});
    EXPECT_EQ(run.exitCode, 3);
    EXPECT_NE(run.err.find("s.jtbd: interview 3: its stored word count 1 should be"),
              std::string::npos)
        << run.err;
    EXPECT_NE(run.err.find("has 1 problem (listed above)"), std::string::npos) << run.err;
}

TEST_F(Cli, UsageErrorsExitOne)
{
    makeSample();
    Outcome run = jtbd({"forces", "s.jtbd", "--interview", "99"});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_EQ(run.err, "error: there is no interview with id 99\n");
    run = jtbd({"forces", "s.jtbd", "--interview", "1", "--job", "1"});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_EQ(run.err.rfind("error: ", 0), 0U) << run.err;
    run = jtbd({"frobnicate"});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_EQ(run.err.rfind("error: ", 0), 0U);
    run = jtbd({"import", "s.jtbd", "x.txt", "--format", "pdf"});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_NE(run.err.find("pdf"), std::string::npos);
    run = jtbd({"--help"});
    EXPECT_EQ(run.exitCode, 0);
    EXPECT_NE(run.out.find("import"), std::string::npos);
}

TEST_F(Cli, ImportTranscriptsWithParticipantAndInterviewers)
{
    ASSERT_EQ(jtbd({"new", "s.jtbd"}).exitCode, 0);
    writeBytes(dir / "p01.txt",
               "Maya: When did it start?\n\nHannah: In March, at the kitchen table.\n");
    writeBytes(dir / "p02.txt", "Maya: Hi.\n\nSam: Hello.\n\nSam:\n");
    const Outcome run = jtbd({"import",
                              "s.jtbd",
                              "p01.txt",
                              "p02.txt",
                              "--participant",
                              "P01",
                              "--interviewer",
                              "Maya"});
    EXPECT_EQ(run.exitCode, 0) << run.err;
    EXPECT_NE(run.out.find("Imported p01.txt (txt): interview 1, 2 turns"), std::string::npos)
        << run.out;
    EXPECT_EQ(run.err, "warning: p02.txt: skipped 1 turn with a speaker but no text\n");
    EXPECT_EQ(sqlite(dir / "s.jtbd", "SELECT role FROM turn WHERE speaker = 'Maya' GROUP BY role"),
              "interviewer");
    EXPECT_EQ(sqlite(dir / "s.jtbd", "SELECT role FROM turn WHERE speaker = 'Hannah'"),
              "participant");
    EXPECT_EQ(sqlite(dir / "s.jtbd",
                     "SELECT count(*) FROM interview WHERE participant_id = (SELECT id FROM "
                     "participant WHERE code = 'P01')"),
              "2");
}

TEST_F(Cli, ImportIntoAMissingStudySaysHowToCreateIt)
{
    writeBytes(dir / "t.txt", "Maya: Hi.\n");
    const Outcome run = jtbd({"import", "none.jtbd", "t.txt"});
    EXPECT_EQ(run.exitCode, 3);
    EXPECT_EQ(
        run.err,
        "error: study file 'none.jtbd' does not exist; create it first with: jtbd new none.jtbd\n");
    const Outcome spaced = jtbd({"import", "my study.jtbd", "t.txt"});
    EXPECT_NE(spaced.err.find("create it first with: jtbd new 'my study.jtbd'"), std::string::npos)
        << spaced.err;
    const Outcome nowhere = jtbd({"import", "no/such/folder/s.jtbd", "t.txt"});
    EXPECT_EQ(nowhere.err.find("create it first"), std::string::npos) << nowhere.err;
    EXPECT_FALSE(fs::exists(dir / "none.jtbd"));
}

TEST_F(Cli, BadTranscriptExitsTwoAndChangesNothing)
{
    makeSample();
    writeBytes(dir / "good.txt", "Maya: Hi.\n\nSam: Hello.\n");
    writeBytes(dir / "bad.txt", "Maya (00:10): Hi.\n\nSam (00:02): Hello.\n");
    const std::string before = readBytes(dir / "s.jtbd");
    const Outcome run = jtbd({"import", "s.jtbd", "good.txt", "bad.txt"});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_EQ(run.err,
              "error: bad.txt: line 3: start time 00:00:02.000 is before the start time "
              "00:00:10.000 of the turn on line 1\n");
    EXPECT_EQ(run.out, "");
    EXPECT_EQ(readBytes(dir / "s.jtbd"), before);
}

TEST_F(Cli, JsonRoundTripIsByteIdenticalAndTheFileIsSound)
{
    makeSample();
    ASSERT_EQ(jtbd({"export", "s.jtbd", "--json", "a.json"}).exitCode, 0);
    const Outcome imported = jtbd({"import", "b.jtbd", "a.json"});
    ASSERT_EQ(imported.exitCode, 0) << imported.err;
    ASSERT_EQ(jtbd({"export", "b.jtbd", "--json", "b.json"}).exitCode, 0);
    EXPECT_EQ(readBytes(dir / "a.json"), readBytes(dir / "b.json"));
    EXPECT_EQ(sqlite(dir / "b.jtbd", "PRAGMA integrity_check"), "ok");
    const Outcome check = jtbd({"check", "b.jtbd"});
    EXPECT_EQ(check.exitCode, 0);
    EXPECT_EQ(check.out, "b.jtbd: no problems found\n");
}

TEST_F(Cli, BrokenJsonCreatesNoStudy)
{
    makeSample();
    ASSERT_EQ(jtbd({"export", "s.jtbd", "--json", "a.json"}).exitCode, 0);
    const std::string text = readBytes(dir / "a.json");
    writeBytes(dir / "cut.json", text.substr(0, text.size() / 2));
    Outcome run = jtbd({"import", "new.jtbd", "cut.json", "--format", "json"});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_EQ(run.err.rfind("error: cut.json: line ", 0), 0U) << run.err;
    EXPECT_FALSE(fs::exists(dir / "new.jtbd"));

    std::string tampered = text;
    tampered.insert(tampered.rfind("\"quote\": \"") + 10, "X");
    writeBytes(dir / "tampered.json", tampered);
    run = jtbd({"import", "new.jtbd", "tampered.json"});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_NE(run.err.find("quote does not match"), std::string::npos) << run.err;
    EXPECT_FALSE(fs::exists(dir / "new.jtbd"));
    EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()),
              6); // no leftovers
}

TEST_F(Cli, StudyFileProblemsExitThreeAndLeaveTheFileAlone)
{
    makeSample();
    writeBytes(dir / "notes.jtbd", "Interviewer: not a study\n");
    {
        const std::string newer = readBytes(dir / "s.jtbd");
        writeBytes(dir / "newer.jtbd", newer);
        sqlite(dir / "newer.jtbd", "PRAGMA user_version = 42");
        auto damaged = newer;
        for (std::size_t i = 8192; i < 8192 + 2048; ++i)
            damaged[i] = 'x';
        writeBytes(dir / "damaged.jtbd", damaged);
    }
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"missing.jtbd", "error: study file 'missing.jtbd' does not exist\n"},
        {"notes.jtbd", "error: 'notes.jtbd' is not a JTBD study: it is not an SQLite database\n"},
        {"newer.jtbd",
         "error: 'newer.jtbd' was written by a newer version of JTBD Workbench (study format 42; "
         "this version reads up to "
             + std::to_string(Study::kSchemaVersion)
             + "). Install the newer version to open it; the file was not changed\n"},
        {"damaged.jtbd", "; to see what can still be read: jtbd check damaged.jtbd\n"},
    };
    for (const auto &[file, message] : cases) {
        const std::string before = fs::exists(dir / file) ? readBytes(dir / file) : "";
        for (const std::vector<std::string> &args :
             {std::vector<std::string>{"stats", file},
              std::vector<std::string>{"forces", file, "--json"},
              std::vector<std::string>{"export", file, "--json", "x.json"}}) {
            const Outcome run = jtbd(args);
            EXPECT_EQ(run.exitCode, 3) << file;
            EXPECT_NE(run.err.find(message), std::string::npos) << run.err;
            EXPECT_EQ(run.out, "");
        }
        if (!before.empty()) {
            EXPECT_EQ(readBytes(dir / file), before) << file;
        }
        EXPECT_FALSE(fs::exists(dir / "x.json"));
    }
}

TEST_F(Cli, FullDiskIsReportedAndConfirmedWorkKept)
{
    makeSample();
    std::string big;
    for (int i = 0; i < 20000; ++i)
        big += "Sam: " + std::string(300, 'a' + i % 26) + "\n\n";
    writeBytes(dir / "big.txt", big);
    // A file-size limit stands in for a full disk; SIGXFSZ is ignored so writes fail instead.
    const Outcome run = jtbd({"import", "s.jtbd", "big.txt"}, "trap '' XFSZ; ulimit -f 1500;");
    EXPECT_EQ(run.exitCode, 3) << run.err;
    EXPECT_NE(run.err.find("full"), std::string::npos) << run.err;
    EXPECT_NE(run.err.find("s.jtbd"), std::string::npos) << run.err;
    EXPECT_EQ(json({"stats", "s.jtbd", "--json"})["interviews"], 12);
    EXPECT_EQ(jtbd({"check", "s.jtbd"}).exitCode, 0);
}

TEST_F(Cli, LockedStudyExitsThree)
{
    makeSample();
    sqlite3 *other = nullptr;
    ASSERT_EQ(sqlite3_open((dir / "s.jtbd").c_str(), &other), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(other, "BEGIN IMMEDIATE; DELETE FROM job", nullptr, nullptr, nullptr),
              SQLITE_OK);
    writeBytes(dir / "t.txt", "Maya: Hi.\n");
    const Outcome run = jtbd({"import", "s.jtbd", "t.txt"});
    EXPECT_EQ(run.exitCode, 3);
    EXPECT_NE(run.err.find("locked by another program"), std::string::npos) << run.err;
    sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
    sqlite3_close(other);
    EXPECT_EQ(json({"stats", "s.jtbd", "--json"})["interviews"], 12);
}

TEST_F(Cli, SearchTheSampleWithFilters)
{
    makeSample();
    Outcome run = jtbd({"search", "s.jtbd", "chasing", "--participant", "P01", "--code", "push"});
    EXPECT_EQ(run.exitCode, 0) << run.err;
    EXPECT_EQ(run.out,
              "Interview 1 (P01): Robin, brand designer: late-paying clients\n"
              "  Hannah (participant) at 00:08:24\n"
              "  …hop samples. If I know it's been opened, I'm not «chasing» a ghost, I'm "
              "«chasing» a person who's seen it. It…\n");
    EXPECT_EQ(run.err, "");

    // Without the code, more of P01's turns; the limit is said when it is reached.
    run = jtbd({"search", "s.jtbd", "chasing", "--participant", "P01", "--limit", "2"});
    EXPECT_EQ(run.exitCode, 0) << run.err;
    EXPECT_NE(run.out.find("\n\nMore turns match; the best 2 are shown. --limit N shows more.\n"),
              std::string::npos)
        << run.out;
    // Exactly as many as the limit: nothing more to say.
    run = jtbd(
        {"search", "s.jtbd", "chasing", "--participant", "P01", "--code", "push", "--limit", "1"});
    EXPECT_EQ(run.out.find("More turns match"), std::string::npos) << run.out;

    run = jtbd({"search", "s.jtbd", "zebra"});
    EXPECT_EQ(run.exitCode, 0) << run.err;
    EXPECT_EQ(run.out, "No turns match.\n");
}

TEST_F(Cli, SearchAsJson)
{
    makeSample();
    const Outcome run =
        jtbd({"search", "s.jtbd", "chasing", "--participant", "P01", "--code", "push", "--json"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    // Parsed keeping the order of the keys, which is the order of SearchHit's fields.
    const auto hits = nlohmann::ordered_json::parse(run.out);
    ASSERT_EQ(hits.size(), 1U);
    const auto &hit = hits[0];
    std::vector<std::string> keys;
    for (const auto &[key, value] : hit.items())
        keys.push_back(key);
    EXPECT_EQ(keys,
              (std::vector<std::string>{"interview_id",
                                        "interview_title",
                                        "participant_code",
                                        "turn_id",
                                        "speaker",
                                        "role",
                                        "start_ms",
                                        "start",
                                        "end",
                                        "snippet",
                                        "score"}));
    EXPECT_EQ(hit["interview_id"], 1);
    EXPECT_EQ(hit["interview_title"], "Robin, brand designer: late-paying clients");
    EXPECT_EQ(hit["participant_code"], "P01");
    EXPECT_EQ(hit["speaker"], "Hannah");
    EXPECT_EQ(hit["role"], "participant");
    EXPECT_EQ(hit["start_ms"], 504000);
    EXPECT_GT(hit["score"].get<double>(), 0);
    // start and end are code points in the interview text: the turn's own offset plus the word's.
    const std::string turn = std::to_string(hit["turn_id"].get<long>());
    EXPECT_EQ(sqlite(dir / "s.jtbd",
                     "SELECT substr(text, " + std::to_string(hit["start"].get<long>())
                         + " - text_start + 1, " + std::to_string(hit["end"].get<long>()) + " - "
                         + std::to_string(hit["start"].get<long>())
                         + ") FROM turn WHERE id = " + turn),
              "chasing");

    // Every hit of a participant filter is that participant's; a role filter keeps to the role.
    const auto all = json({"search",
                           "s.jtbd",
                           "invoice*",
                           "--participant",
                           "P04",
                           "--role",
                           "interviewer",
                           "--json"});
    EXPECT_FALSE(all.empty());
    for (const auto &h : all) {
        EXPECT_EQ(h["participant_code"], "P04");
        EXPECT_EQ(h["role"], "interviewer");
        EXPECT_NE(h["snippet"].get<std::string>().find("«"), std::string::npos);
    }
    EXPECT_EQ(json({"search", "s.jtbd", "zebra", "--json"}), nlohmann::json::array());
}

TEST_F(Cli, SearchErrorsExitOneOrThree)
{
    makeSample();

    struct Case
    {
        std::vector<std::string> args;
        int exitCode;
        std::string message;
    };

    const std::vector<Case> cases = {
        {{"search", "s.jtbd", "AND cancel"},
         1,
         "error: the search 'AND cancel' starts with AND; put words on both sides\n"},
        {{"search", "s.jtbd", "\"late payment"},
         1,
         "error: the search '\"late payment' has an unmatched quote: add a closing \"\n"},
        {{"search", "s.jtbd", "chasing", "--participant", "P99"},
         1,
         "error: there is no participant with code 'P99'\n"},
        {{"search", "s.jtbd", "chasing", "--code", "nope"},
         1,
         "error: there is no code with the key 'nope' (keys look like push, anxiety or "
         "phase:deciding)\n"},
        {{"search", "s.jtbd", "chasing", "--interview", "99"},
         1,
         "error: there is no interview with id 99\n"},
        {{"search", "s.jtbd", "chasing", "--attribute", "region"},
         1,
         "error: --attribute takes KEY=VALUE, such as: --attribute \"business=Sole trader\"\n"},
        {{"search", "missing.jtbd", "chasing"},
         3,
         "error: study file 'missing.jtbd' does not exist\n"},
    };
    for (const auto &[args, exitCode, message] : cases) {
        const Outcome run = jtbd(args);
        EXPECT_EQ(run.exitCode, exitCode) << args[2];
        EXPECT_EQ(run.err, message);
        EXPECT_EQ(run.out, "");
    }
    writeBytes(dir / "notes.jtbd", "Interviewer: not a study\n");
    EXPECT_EQ(jtbd({"search", "notes.jtbd", "chasing"}).exitCode, 3);
    EXPECT_EQ(jtbd({"search", "s.jtbd", "chasing", "--role", "boss"}).exitCode, 1);
}

} // namespace jtbd
