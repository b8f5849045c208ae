// The drawings of the command line, run as a user would: the PDF report of `jtbd export --pdf`
// and the forces diagram of `jtbd forces --png/--svg`, with their errors.
#include "cli_runner.h"

#include <cstdio>
#include <filesystem>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sys/wait.h>

namespace jtbd::test {
namespace {

namespace fs = std::filesystem;

// A tool's exit status and what it printed.
std::pair<int, std::string> tool(const std::string &command)
{
    std::string out;
    FILE *pipe = popen((command + " 2>&1").c_str(), "r");
    if (!pipe)
        return {-1, out};
    char buffer[65536];
    std::size_t n = 0;
    while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0)
        out.append(buffer, n);
    const int status = pclose(pipe);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

std::uint32_t bigEndian(const std::string &bytes, std::size_t at)
{
    std::uint32_t value = 0;
    for (std::size_t i = 0; i < 4; ++i)
        value = value << 8 | static_cast<unsigned char>(bytes.at(at + i));
    return value;
}

class ReportCli : public ::testing::Test
{
protected:
    void SetUp() override
    {
        const CliOutcome made = jtbd({"sample", "s.jtbd"});
        ASSERT_EQ(made.exitCode, 0) << made.err;
    }

    CliOutcome jtbd(const std::vector<std::string> &args)
    {
        return runCli(JTBD_CLI, dir.path(), args);
    }

    // The files in the folder but the study and the captured output.
    std::vector<std::string> written() const
    {
        std::vector<std::string> names;
        for (const auto &entry : fs::directory_iterator(dir.path())) {
            const std::string name = entry.path().filename().string();
            if (name != "s.jtbd" && name != ".out" && name != ".err"
                && name.rfind("s.jtbd-", 0) != 0)
                names.push_back(name);
        }
        return names;
    }

    std::string pdfText(const std::string &file)
    {
        const auto [status, text] =
            tool("pdftotext -enc UTF-8 " + shellQuote((dir / file).string()) + " -");
        EXPECT_EQ(status, 0) << text;
        return text;
    }

    TempDir dir;
};

TEST_F(ReportCli, ExportsTheReportAsAPdf)
{
    const CliOutcome run = jtbd({"export", "s.jtbd", "--pdf", "r.pdf"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_EQ(run.out, "Wrote the report to r.pdf\n");
    EXPECT_EQ(run.err, ""); // no notes from the drawing library
    const auto [status, check] = tool("qpdf --check " + shellQuote((dir / "r.pdf").string()));
    EXPECT_EQ(status, 0) << check;
    const std::string text = pdfText("r.pdf");
    EXPECT_NE(text.find("Tallybird switch interviews"), std::string::npos);
    EXPECT_NE(text.find("Hannah Price"), std::string::npos); // the appendix, unredacted
}

TEST_F(ReportCli, ARedactedReportOfOneJob)
{
    const CliOutcome jobs = jtbd({"jobs", "s.jtbd", "--json"});
    ASSERT_EQ(jobs.exitCode, 0) << jobs.err;
    const auto list = nlohmann::json::parse(jobs.out);
    std::string second;
    std::string first;
    for (const auto &job : list.contains("jobs") ? list.at("jobs") : list) {
        if (job.at("id").get<long long>() == 2)
            second = job.at("name").get<std::string>();
        if (job.at("id").get<long long>() == 1)
            first = job.at("name").get<std::string>();
    }
    ASSERT_FALSE(second.empty()) << jobs.out;

    const CliOutcome run = jtbd({"export", "s.jtbd", "--pdf", "r.pdf", "--redact", "--jobs", "2"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_EQ(run.out, "Wrote the report (redacted) to r.pdf\n");
    const auto [status, check] = tool("qpdf --check " + shellQuote((dir / "r.pdf").string()));
    EXPECT_EQ(status, 0) << check;
    const std::string text = pdfText("r.pdf");
    EXPECT_NE(text.find("Redacted: participants appear under pseudonyms"), std::string::npos);
    EXPECT_NE(text.find(second), std::string::npos);
    EXPECT_EQ(text.find(first), std::string::npos);
    EXPECT_EQ(text.find("Hannah"), std::string::npos);
    EXPECT_EQ(text.find("Price"), std::string::npos);
}

TEST_F(ReportCli, DrawsTheForcesDiagramAsPngAndSvg)
{
    const CliOutcome run =
        jtbd({"forces", "s.jtbd", "--job", "1", "--png", "f.png", "--svg", "f.svg"});
    ASSERT_EQ(run.exitCode, 0) << run.err;
    EXPECT_NE(run.out.find("Wrote the forces diagram to f.png"), std::string::npos) << run.out;
    EXPECT_NE(run.out.find("Wrote the forces diagram to f.svg"), std::string::npos) << run.out;

    const std::string png = readBytes(dir / "f.png");
    ASSERT_GT(png.size(), 33U);
    EXPECT_EQ(png.substr(0, 8), std::string("\x89PNG\r\n\x1a\n", 8));
    EXPECT_EQ(png.substr(12, 4), "IHDR");
    EXPECT_EQ(bigEndian(png, 16), 2800U); // 1400 x 900 drawn at twice the size
    EXPECT_EQ(bigEndian(png, 20), 1800U);

    // Well-formed XML with an svg root.
    const auto [status, root] = tool("/usr/bin/python3 -c 'import sys, xml.etree.ElementTree as E; "
                                     "print(E.parse(sys.argv[1]).getroot().tag)' "
                                     + shellQuote((dir / "f.svg").string()));
    EXPECT_EQ(status, 0) << root;
    EXPECT_EQ(root, "{http://www.w3.org/2000/svg}svg\n");
    const std::string svg = readBytes(dir / "f.svg");
    EXPECT_NE(svg.find("Forces of progress"), std::string::npos);
    // The job's quotes name a participant; --redact replaces her name by her pseudonym.
    EXPECT_NE(svg.find("Hannah"), std::string::npos);
    const CliOutcome redacted =
        jtbd({"forces", "s.jtbd", "--job", "1", "--svg", "r.svg", "--redact"});
    ASSERT_EQ(redacted.exitCode, 0) << redacted.err;
    EXPECT_NE(redacted.out.find("(redacted)"), std::string::npos);
    const std::string red = readBytes(dir / "r.svg");
    EXPECT_EQ(red.find("Hannah"), std::string::npos);
    EXPECT_NE(red.find("[Robin]"), std::string::npos);
}

TEST_F(ReportCli, AnUnknownJobIsAUsageError)
{
    const CliOutcome run = jtbd({"forces", "s.jtbd", "--job", "99", "--png", "f.png"});
    EXPECT_EQ(run.exitCode, 1);
    EXPECT_NE(run.err.find("99"), std::string::npos) << run.err;
    const CliOutcome pdf = jtbd({"export", "s.jtbd", "--pdf", "r.pdf", "--jobs", "99"});
    EXPECT_EQ(pdf.exitCode, 1);
    EXPECT_NE(pdf.err.find("99"), std::string::npos) << pdf.err;
    EXPECT_TRUE(written().empty());
}

TEST_F(ReportCli, AnUnwritablePathIsAnErrorAndLeavesNothing)
{
    CliOutcome run = jtbd({"export", "s.jtbd", "--pdf", "no such folder/r.pdf"});
    EXPECT_NE(run.exitCode, 0);
    EXPECT_NE(run.err.find("no such folder"), std::string::npos) << run.err;
    EXPECT_EQ(run.err.rfind("error: ", 0), 0U) << run.err;

    fs::create_directory(dir / "taken.png");
    run = jtbd({"forces", "s.jtbd", "--job", "1", "--png", "taken.png"});
    EXPECT_NE(run.exitCode, 0);
    EXPECT_NE(run.err.find("taken.png"), std::string::npos) << run.err;
    EXPECT_TRUE(fs::is_directory(dir / "taken.png"));
    fs::remove(dir / "taken.png");
    EXPECT_TRUE(written().empty());
}

} // namespace
} // namespace jtbd::test
