// jtbd affinitize, run as a user would: clusters, scores against labels, the CSV it writes, JSON
// and the messages for bad input.
#include "cli_runner.h"

#include <jtbd/csv.h>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace jtbd {
namespace {

using namespace test;

class AffinitizeCli : public ::testing::Test
{
protected:
    CliOutcome jtbd(const std::vector<std::string> &args)
    {
        return runCli(JTBD_CLI, dir.path(), args);
    }

    void writeSurvey()
    {
        writeBytes(dir / "survey.csv",
                   "id,answer,topic\n"
                   "1,\"Chasing late invoices, every month, is exhausting\",invoices\n"
                   "2,The client paid the invoice ninety days late,invoices\n"
                   "3,I hate chasing clients about unpaid invoices,invoices\n"
                   "4,My receipts for the tax return are in a shoebox,tax\n"
                   "5,The tax deadline in January always panics me,tax\n"
                   "6,I lose receipts and then the tax return takes days,tax\n");
    }

    TempDir dir;
};

TEST_F(AffinitizeCli, ScoresAgainstLabelsAsJson)
{
    writeSurvey();
    const CliOutcome run =
        jtbd({"affinitize", "survey.csv", "--label-column", "topic", "--k", "2", "--json"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    const auto json = nlohmann::json::parse(run.out);
    EXPECT_EQ(json.at("n"), 6);
    EXPECT_EQ(json.at("k"), 2);
    EXPECT_EQ(json.at("k_estimated"), false);
    EXPECT_DOUBLE_EQ(json.at("nmi").get<double>(), 1.0);
    EXPECT_DOUBLE_EQ(json.at("ari").get<double>(), 1.0);
    EXPECT_DOUBLE_EQ(json.at("acc").get<double>(), 1.0);
    EXPECT_GE(json.at("seconds").get<double>(), 0.0);
    ASSERT_EQ(json.at("clusters").size(), 2U);
    EXPECT_EQ(json.at("clusters")[0].at("size"), 3);
}

TEST_F(AffinitizeCli, WithoutLabelsTheScoresAreNull)
{
    writeSurvey();
    const auto json = nlohmann::json::parse(jtbd({"affinitize", "survey.csv", "--json"}).out);
    EXPECT_TRUE(json.at("nmi").is_null());
    EXPECT_TRUE(json.at("k_estimated").get<bool>());
    EXPECT_GE(json.at("k").get<int>(), 1);
}

TEST_F(AffinitizeCli, WritesEachRowsClusterAsCsv)
{
    writeSurvey();
    const CliOutcome run = jtbd({"affinitize", "survey.csv", "--k", "2", "--out", "clusters.csv"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_NE(run.out.find("6 statements from survey.csv (column 'answer') in 2 clusters"),
              std::string::npos)
        << run.out;
    const CsvTable table = expectOk(parseCsv(readBytes(dir / "clusters.csv")));
    EXPECT_EQ(
        table.header,
        (std::vector<std::string>{"line", "cluster", "cluster_terms", "cluster_central", "text"}));
    ASSERT_EQ(table.rows.size(), 6U);
    // The quoted statement with commas comes back whole, and rows keep their input lines.
    EXPECT_EQ(table.rows[0][4], "Chasing late invoices, every month, is exhausting");
    EXPECT_EQ(table.rows[0][0], "2");
    EXPECT_EQ(table.rows[0][1], table.rows[2][1]);
    EXPECT_NE(table.rows[0][1], table.rows[3][1]);
    EXPECT_EQ(table.rows[3][1], table.rows[5][1]);
}

TEST_F(AffinitizeCli, BadInputSaysWhatAndWhere)
{
    writeSurvey();
    CliOutcome run = jtbd({"affinitize", "survey.csv", "--text-column", "comment"});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_NE(
        run.err.find("survey.csv has no column 'comment'; its columns are: id, answer, topic"),
        std::string::npos)
        << run.err;

    run = jtbd({"affinitize", "survey.csv", "--k", "three"});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_NE(run.err.find("--k must be a whole number"), std::string::npos) << run.err;

    writeBytes(dir / "latin1.csv", "text\nna\xEFve caf\xE9\n");
    run = jtbd({"affinitize", "latin1.csv"});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_NE(run.err.find("latin1.csv: line 2"), std::string::npos) << run.err;

    run = jtbd({"affinitize", "missing.csv"});
    EXPECT_EQ(run.exitCode, 2);
    EXPECT_NE(run.err.find("missing.csv"), std::string::npos) << run.err;

    // An output that cannot be written leaves nothing behind.
    run = jtbd({"affinitize", "survey.csv", "--out", "no-such-folder/out.csv"});
    EXPECT_NE(run.exitCode, 0);
    EXPECT_FALSE(std::filesystem::exists(dir / "no-such-folder"));
    EXPECT_NE(run.err.find("no-such-folder"), std::string::npos) << run.err;
}

} // namespace
} // namespace jtbd
