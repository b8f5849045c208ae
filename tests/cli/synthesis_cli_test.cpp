// jtbd cluster and jtbd jobs, run as a user would: output, JSON, exit codes and messages.
#include "cli_runner.h"

#include <cstdlib>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <set>
#include <sys/wait.h>

namespace jtbd {

using namespace test;

namespace {

class SynthesisCli : public ::testing::Test
{
protected:
    CliOutcome jtbd(const std::vector<std::string> &args)
    {
        return runCli(JTBD_CLI, dir.path(), args);
    }

    nlohmann::json json(const std::vector<std::string> &args)
    {
        const CliOutcome run = jtbd(args);
        EXPECT_EQ(run.exitCode, 0) << run.err;
        return nlohmann::json::parse(run.out);
    }

    void makeSample()
    {
        const CliOutcome run = jtbd({"sample", "s.jtbd"});
        ASSERT_EQ(run.exitCode, 0) << run.err;
    }

    TempDir dir;
};

} // namespace

TEST_F(SynthesisCli, ClusterPrintsGroupsPerForceAndJobs)
{
    makeSample();
    const CliOutcome run = jtbd({"cluster", "s.jtbd"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_TRUE(run.err.empty()) << run.err;
    for (const char *heading : {"Force groups: ",
                                "\nPush (F1)\n",
                                "\nPull (F2)\n",
                                "\nAnxiety (F3)\n",
                                "\nHabit (F4)\n",
                                "\nJobs: ",
                                "the number of clusters chosen by the mean silhouette: k=2 "})
        EXPECT_NE(run.out.find(heading), std::string::npos) << heading << "\n" << run.out;
    // The jobs the researcher wrote keep their names; their stories are listed with who told them.
    EXPECT_NE(run.out.find("Get paid on time without chasing"), std::string::npos);
    EXPECT_NE(run.out.find("  - interview 1, P01 (Robin): Robin, brand designer"),
              std::string::npos)
        << run.out;
    EXPECT_EQ(run.out.find("No jobs"), std::string::npos);
}

TEST_F(SynthesisCli, ClusterAsJsonAgreesWithItself)
{
    makeSample();
    const auto out = json({"cluster", "s.jtbd", "--json"});
    const auto &summary = out["summary"];
    EXPECT_TRUE(summary["k_estimated"].get<bool>());
    EXPECT_EQ(summary["silhouettes"].size(), 5U); // k = 2 … 6
    EXPECT_EQ(summary["pinned_groups"], 0);
    EXPECT_EQ(summary["force_groups"].get<std::size_t>(), out["force_groups"].size());
    EXPECT_EQ(summary["jobs"].get<std::size_t>(), out["jobs"].size());
    std::set<std::string> forces;
    std::set<long long> quotes;
    for (const auto &group : out["force_groups"]) {
        forces.insert(group["force"].get<std::string>());
        EXPECT_FALSE(group["label"].get<std::string>().empty());
        EXPECT_EQ(group["label"], group["suggested_label"]);
        EXPECT_FALSE(group["highlights"].empty());
        for (const auto &id : group["highlights"])
            quotes.insert(id.get<long long>());
    }
    EXPECT_EQ(forces, (std::set<std::string>{"push", "pull", "anxiety", "habit"}));
    std::set<long long> stories;
    for (const auto &job : out["jobs"]) {
        for (const auto &story : job["interviews"]) {
            EXPECT_TRUE(stories.insert(story["id"].get<long long>()).second)
                << "story " << story["id"] << " is in two jobs";
            EXPECT_FALSE(story["pseudonym"].get<std::string>().empty());
        }
    }
    EXPECT_EQ(stories.size(), 12U);

    // Run again: the same groups and jobs, under the same ids.
    const auto again = json({"cluster", "s.jtbd", "--json"});
    EXPECT_EQ(again["force_groups"], out["force_groups"]);
    EXPECT_EQ(again["jobs"], out["jobs"]);
}

TEST_F(SynthesisCli, ClusterWithAGivenNumberOfJobs)
{
    makeSample();
    const auto out = json({"cluster", "s.jtbd", "--k", "3", "--json"});
    EXPECT_FALSE(out["summary"]["k_estimated"].get<bool>());
    ASSERT_EQ(out["summary"]["silhouettes"].size(), 1U);
    EXPECT_EQ(out["summary"]["silhouettes"][0]["k"], 3);
    EXPECT_GE(out["jobs"].size(), 3U);
    const CliOutcome text = jtbd({"cluster", "s.jtbd", "--k", "2"});
    EXPECT_EQ(text.exitCode, 0) << text.err;
    EXPECT_EQ(text.out.find("chosen by the mean silhouette"), std::string::npos);
}

TEST_F(SynthesisCli, JobsShowDraftsWithTheirEvidence)
{
    makeSample();
    ASSERT_EQ(jtbd({"cluster", "s.jtbd"}).exitCode, 0);
    const auto jobs = json({"jobs", "s.jtbd", "--json"});
    ASSERT_FALSE(jobs.empty());
    for (const auto &job : jobs) {
        if (job["interviews"].empty())
            continue;
        std::set<long long> members;
        for (const auto &story : job["interviews"])
            members.insert(story["id"].get<long long>());
        ASSERT_FALSE(job["draft"].empty()) << job["name"];
        std::set<std::string> parts;
        for (const auto &clause : job["draft"]) {
            parts.insert(clause["part"].get<std::string>());
            EXPECT_FALSE(clause["text"].get<std::string>().empty());
            EXPECT_FALSE(clause["highlights"].empty());
        }
        for (const char *part : {"name", "story-when", "story-want", "first-thought", "anxiety"})
            EXPECT_TRUE(parts.contains(part)) << part << " missing from " << job["name"];
        EXPECT_TRUE(job.contains("placed_interviews"));
    }

    const CliOutcome text = jtbd({"jobs", "s.jtbd"});
    ASSERT_EQ(text.exitCode, 0) << text.err;
    EXPECT_NE(text.out.find("  Draft from the evidence:\n    Name: "), std::string::npos)
        << text.out;
    EXPECT_NE(text.out.find("\n    When: "), std::string::npos);
    EXPECT_NE(text.out.find("\n    First thought: "), std::string::npos);
    EXPECT_NE(text.out.find(" [P"), std::string::npos); // evidence: "[P01 #12, P04 #40]"
}

TEST_F(SynthesisCli, ClusterErrors)
{
    makeSample();
    CliOutcome run = jtbd({"cluster", "s.jtbd", "--k", "0"});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_EQ(run.err, "error: --k takes a number of jobs of at least 1, or 'auto'; got '0'\n");
    run = jtbd({"cluster", "s.jtbd", "--k", "three"});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_NE(run.err.find("got 'three'"), std::string::npos) << run.err;
    run = jtbd({"cluster", "missing.jtbd"});
    EXPECT_EQ(run.exitCode, 3);
    EXPECT_EQ(run.err.rfind("error: ", 0), 0U) << run.err;
    run = jtbd({"cluster"});
    EXPECT_EQ(run.exitCode, 1);

    // A study without force quotes clusters into nothing, and says so.
    ASSERT_EQ(jtbd({"new", "empty.jtbd"}).exitCode, 0);
    run = jtbd({"cluster", "empty.jtbd"});
    EXPECT_EQ(run.exitCode, 0) << run.err;
    EXPECT_NE(run.out.find("No jobs: no interview has a quote tagged with a force."),
              std::string::npos)
        << run.out;
    EXPECT_EQ(json({"jobs", "empty.jtbd", "--json"}), nlohmann::json::array());
}

} // namespace jtbd
