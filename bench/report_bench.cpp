// jtbd_bench_report: times what leaves the tool (the PDF report, the job stories as JSON, the
// highlights as CSV) for the sample study and the 2,000-interview study with 50 jobs, against the
// budgets of docs/performance.md. Runs offscreen; a release build only means anything.
#include "bench_support.h"
#include "study_generator.h"

#include <jtbd/export.h>
#include <jtbd/sample.h>
#include <jtbd/study.h>

#include <QGuiApplication>
#include <QTemporaryDir>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iostream>
#include <optional>
#include <report/pdf_report.h>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace jtbd;
using namespace jtbd::bench;

namespace {

constexpr double kSampleBudgetMs = 1000.0;
constexpr double kLargeBudgetMs = 5000.0;

struct Options
{
    int interviews = 2000;
    int jobs = 50;
    int sampleRuns = 9;
    int largeRuns = 3;
    std::optional<fs::path> out;
};

// One measured output: how long, how big, how many pages (the PDF only).
struct Measurement
{
    std::string study;
    std::string output;
    Samples samples;
    std::uintmax_t bytes = 0;
    int pages = 0;
    double budgetMs = 0;

    bool met() const { return samples.median() < budgetMs; }
};

std::string formatBytes(std::uintmax_t bytes)
{
    char text[32];
    if (bytes >= 1024 * 1024)
        std::snprintf(text, sizeof text, "%.1f MB", static_cast<double>(bytes) / (1024.0 * 1024));
    else
        std::snprintf(text, sizeof text, "%.0f KB", static_cast<double>(bytes) / 1024.0);
    return text;
}

// Runs `write` (which writes `file`) `runs` times.
Measurement measure(const std::string &study,
                    const std::string &output,
                    const fs::path &file,
                    int runs,
                    double budgetMs,
                    const std::function<Status(int &pages)> &write)
{
    Measurement m{study, output, {}, 0, 0, budgetMs};
    for (int run = 0; run < runs; ++run) {
        int pages = 0;
        const auto start = Clock::now();
        must(write(pages), output + " of " + study);
        m.samples.ms.push_back(msSince(start));
        m.pages = pages;
    }
    std::error_code error;
    m.bytes = fs::file_size(file, error);
    if (error)
        die(file.string() + " was not written");
    std::printf("%s, %s: median %.1f ms (%.1f – %.1f), %s%s\n",
                study.c_str(),
                output.c_str(),
                m.samples.median(),
                m.samples.min(),
                m.samples.max(),
                formatBytes(m.bytes).c_str(),
                m.pages ? (", " + std::to_string(m.pages) + " pages").c_str() : "");
    std::fflush(stdout);
    return m;
}

// The three outputs of one study, each written into `folder`, redacted as the workbench's dialog
// proposes.
void measureStudy(const Study &study,
                  const std::string &name,
                  const fs::path &folder,
                  int runs,
                  double budgetMs,
                  std::vector<Measurement> &results)
{
    ExportOptions options;
    options.redact = true;
    const fs::path pdf = folder / "report.pdf";
    results.push_back(measure(name, "PDF report", pdf, runs, budgetMs, [&](int &pages) {
        return report::writePdfReport(
            study, options, QString::fromStdString(pdf.string()), [&pages](int, int total) {
                pages = total;
                return true;
            });
    }));
    const fs::path json = folder / "job-stories.json";
    results.push_back(measure(name, "Job stories (JSON)", json, runs, budgetMs, [&](int &) {
        return writeJobStories(study, json, options);
    }));
    const fs::path csv = folder / "highlights.csv";
    results.push_back(measure(name, "Highlights (CSV)", csv, runs, budgetMs, [&](int &) {
        return writeHighlightsCsv(study, csv, options);
    }));
}

std::string row(const Measurement &m)
{
    char line[512];
    std::snprintf(line,
                  sizeof line,
                  "| %s | %s | %.0f ms | %.0f – %.0f ms | %zu | %s | %s | < %.0f ms | %s |\n",
                  m.study.c_str(),
                  m.output.c_str(),
                  m.samples.median(),
                  m.samples.min(),
                  m.samples.max(),
                  m.samples.ms.size(),
                  m.pages ? std::to_string(m.pages).c_str() : "–",
                  formatBytes(m.bytes).c_str(),
                  m.budgetMs,
                  m.met() ? "met" : "**missed**");
    return line;
}

} // namespace

int main(int argc, char **argv)
{
    Options options;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc)
                die(arg + " needs a value");
            return argv[++i];
        };
        auto number = [&](int minimum) {
            const std::string text = value();
            char *end = nullptr;
            const long n = std::strtol(text.c_str(), &end, 10);
            if (text.empty() || *end != '\0' || n < minimum)
                die(arg + " needs a whole number of at least " + std::to_string(minimum) + ", not '"
                    + text + "'");
            return static_cast<int>(n);
        };
        if (arg == "--interviews")
            options.interviews = number(1);
        else if (arg == "--jobs")
            options.jobs = number(1);
        else if (arg == "--runs")
            options.sampleRuns = number(1);
        else if (arg == "--large-runs")
            options.largeRuns = number(1);
        else if (arg == "--out")
            options.out = value();
        else
            die("usage: jtbd_bench_report [--interviews N] [--jobs N] [--runs N] "
                "[--large-runs N] [--out FILE]");
    }
    // The report draws with QtGui's fonts and painter; no display is needed.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);

    QTemporaryDir folder;
    if (!folder.isValid())
        die("cannot make a temporary folder");
    const fs::path root = folder.path().toStdString();
    std::vector<Measurement> results;

    // 1. The sample study, as the workbench and `jtbd sample` create it.
    {
        const fs::path path = root / "sample.jtbd";
        Study study = must(createSampleStudy(path), "creating the sample study");
        measureStudy(study, "Sample study", root, options.sampleRuns, kSampleBudgetMs, results);
    }

    // 2. The large study of the other benchmarks: generated and written first, not timed.
    GeneratorOptions generator;
    generator.interviews = options.interviews;
    generator.participants = std::max(1, options.interviews / 4);
    generator.jobs = options.jobs;
    generator.interviewsPerJob = std::min(60, options.interviews);
    const std::string largeName = std::to_string(options.interviews) + " interviews, "
                                  + std::to_string(options.jobs) + " jobs";
    {
        const fs::path path = root / "large.jtbd";
        const auto writeStart = Clock::now();
        {
            Study study = must(Study::create(path), "creating " + path.string());
            const CodePool codes = must(codePool(study), "reading the codebook");
            const auto data = generateStudy(generator, codes, builtinGuide(study));
            must(writeStudy(study, data), "writing the study");
        }
        std::printf("wrote the study of %s in %.1f s (not timed)\n",
                    largeName.c_str(),
                    msSince(writeStart) / 1000);
        std::fflush(stdout);
        const Study study = must(Study::open(path), "opening " + path.string());
        measureStudy(study, largeName, root, options.largeRuns, kLargeBudgetMs, results);
    }

    std::string table;
    table += "| Study | Output | Median | Range | Runs | Pages | Size | Budget | Result |\n";
    table += "|---|---|---:|---:|---:|---:|---:|---|---|\n";
    for (const auto &m : results)
        table += row(m);
    std::cout << "\n" << table;
    if (options.out) {
        std::ofstream out(*options.out);
        out << "Redacted, without memos, every job; written from an open study, reading "
               "included. The large study: "
            << options.interviews << " interviews of 8,000 words with 50 highlights each, "
            << options.jobs << " jobs of " << generator.interviewsPerJob
            << " interviews. Offscreen platform.\n\n"
            << table;
        if (!out)
            die("cannot write " + options.out->string());
    }
    const bool met = std::all_of(results.begin(), results.end(), [](const Measurement &m) {
        return m.met();
    });
    return met ? 0 : 1;
}
