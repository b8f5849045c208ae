// jtbd_bench_workbench: times the workbench's interactive paths on the 2,000-interview study
// against the budgets of docs/performance.md. Runs offscreen; a release build only means anything.
#include "bench_support.h"
#include "study_generator.h"

#include <jtbd/study.h>

#include <QApplication>
#include <QDir>
#include <QImage>
#include <QPixmap>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <app/main_window.h>
#include <app/panels/forces_panel.h>
#include <app/panels/transcript_panel.h>
#include <app/panels/transcript_view.h>
#include <app/study_document.h>
#include <app/text_offsets.h>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace jtbd;
using namespace jtbd::bench;

namespace {

constexpr double kFirstPaintBudgetMs = 1000.0;
constexpr double kTranscriptBudgetMs = 300.0;
constexpr double kTagBudgetMs = 16.0;
constexpr double kScopeBudgetMs = 100.0;
constexpr int kBigTranscriptWords = 20000;

struct Options
{
    int interviews = 2000;
    int runs = 11;
    std::optional<fs::path> out;
};

// The study of the study benchmark, plus one interview of 20,000 words (the transcript budget's
// size). Returns the big interview's id.
Id writeStudy(const fs::path &path, int interviews)
{
    Study study = must(Study::create(path), "creating " + path.string());
    const CodePool codes = must(codePool(study), "reading the codebook");
    GeneratorOptions generator;
    generator.interviews = interviews;
    generator.participants = std::max(1, interviews / 4);
    generator.jobs = std::max(1, interviews / 40);
    generator.interviewsPerJob = std::min(60, interviews);
    const auto data = generateStudy(generator, codes, builtinGuide(study));
    must(writeStudy(study, data), "writing the study");

    GeneratorOptions one;
    one.interviews = 1;
    one.participants = 1;
    one.jobs = 1;
    one.interviewsPerJob = 1;
    one.wordsPerInterview = kBigTranscriptWords;
    one.highlightsPerInterview = 120;
    one.seed = 7;
    auto big = generateStudy(one, codes).interviews.front();
    big.interview.title = "A long interview (20,000 words)";
    big.interview.participantId = 1;
    Id id = 0;
    must(study.transaction([&]() -> Status {
        auto added = study.addInterview(big.interview);
        if (!added)
            return added.error();
        id = *added;
        if (auto set = study.setTranscript(id, big.turns); !set)
            return set;
        for (auto highlight : big.highlights) {
            highlight.interviewId = id;
            if (auto h = study.addHighlight(highlight); !h)
                return h.error();
        }
        return {};
    }),
         "adding the long interview");
    return id;
}

std::string row(const char *what, const Samples &s, double budget)
{
    char line[256];
    std::snprintf(line,
                  sizeof line,
                  "| %s | %.1f ms | %.1f – %.1f ms | %zu | < %.0f ms | %s |\n",
                  what,
                  s.median(),
                  s.min(),
                  s.max(),
                  s.ms.size(),
                  budget,
                  s.median() < budget ? "met" : "**missed**");
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
        if (arg == "--interviews")
            options.interviews = std::stoi(value());
        else if (arg == "--runs")
            options.runs = std::stoi(value());
        else if (arg == "--out")
            options.out = value();
        else
            die("usage: jtbd_bench_workbench [--interviews N] [--runs N] [--out FILE]");
    }
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true); // recent files and settings stay out of the user's
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("jtbd-bench-workbench"));

    QTemporaryDir folder;
    const fs::path path = fs::path(folder.path().toStdString()) / "large.jtbd";
    const auto writeStart = Clock::now();
    const Id bigId = writeStudy(path, options.interviews);
    std::cout << "wrote " << options.interviews << " interviews + one of " << kBigTranscriptWords
              << " words in " << msSince(writeStart) / 1000 << " s\n";
    const QString file = QString::fromStdString(path.string());

    // 1. Opening the study until the window's first frame is drawn (grab() paints it all).
    Samples firstPaint;
    for (int run = 0; run < options.runs; ++run) {
        const auto start = Clock::now();
        app::MainWindow window;
        window.resize(1440, 900);
        if (!window.openStudy(file))
            die("cannot open the study");
        window.show();
        const QImage frame = window.grab().toImage();
        firstPaint.ms.push_back(msSince(start));
        if (frame.isNull())
            die("nothing was drawn");
    }

    app::MainWindow window;
    window.resize(1440, 900);
    if (!window.openStudy(file))
        die("cannot open the study");
    window.show();
    QApplication::processEvents();
    auto *transcript = window.transcriptPanel();
    auto *view = transcript->view();
    window.showPanel(app::MainWindow::Panel::Transcript);

    // 2. Opening the 20,000-word transcript until drawn; another interview in between.
    Samples openTranscript;
    for (int run = 0; run < options.runs; ++run) {
        transcript->setInterview(2);
        QApplication::processEvents();
        const auto start = Clock::now();
        transcript->setInterview(bigId);
        view->viewport()->grab();
        openTranscript.ms.push_back(msSince(start));
    }

    // 3. Tagging a selection with the 1 key until stored and drawn, in fresh places of the text.
    const std::string text = must(window.document()->study().interviewText(bigId), "text");
    const app::TextOffsets offsets(QString::fromStdString(text));
    const auto highlightsBefore = must(window.document()->study().highlights(bigId), "h").size();
    Samples tag;
    const int tags = std::max(options.runs, 21);
    const std::int64_t length = offsets.codePointLength();
    for (int run = 0; run < tags; ++run) {
        // Spread over the text, clear of each other: 40 code points every length/(tags+1).
        const std::int64_t start = (run + 1) * length / (tags + 1);
        view->selectRange(offsets.toUtf16(start), offsets.toUtf16(start + 40));
        QApplication::processEvents();
        const auto begin = Clock::now();
        QTest::keyClick(view, Qt::Key_1);
        view->viewport()->grab();
        tag.ms.push_back(msSince(begin));
    }
    const auto highlightsAfter = must(window.document()->study().highlights(bigId), "h").size();
    if (highlightsAfter < highlightsBefore + static_cast<std::size_t>(tags) / 2)
        die("the 1 key did not store highlights ("
            + std::to_string(highlightsAfter - highlightsBefore) + " of " + std::to_string(tags)
            + ")");

    // 4. Switching the forces diagram from one interview to the whole study until drawn.
    window.showPanel(app::MainWindow::Panel::Forces);
    auto *forces = window.forcesPanel();
    Samples scope;
    for (int run = 0; run < options.runs; ++run) {
        // An edit empties the panel's cache of recent scopes: every run loads the study afresh.
        window.document()->announce({app::Change::Kind::Highlights, bigId});
        QApplication::processEvents();
        forces->setScope(Scope::interview(1 + run));
        QApplication::processEvents();
        const auto start = Clock::now();
        forces->setScope(Scope::wholeStudy());
        QApplication::processEvents();
        forces->grab();
        scope.ms.push_back(msSince(start));
    }

    std::string table;
    table += "| Measurement | Median | Range | Runs | Budget | Result |\n";
    table += "|---|---:|---:|---:|---|---|\n";
    table += row("Open the study until the window is drawn", firstPaint, kFirstPaintBudgetMs);
    table += row("Open a 20,000-word transcript until drawn", openTranscript, kTranscriptBudgetMs);
    table += row("Tag a selection (key 1) until stored and drawn", tag, kTagBudgetMs);
    table += row("Forces diagram: switch to the whole study until drawn", scope, kScopeBudgetMs);
    std::cout << "\n" << table;
    if (options.out) {
        std::ofstream out(*options.out);
        out << "Study: " << options.interviews
            << " interviews of 8,000 words with 50 highlights each, plus one interview of "
               "20,000 words. Offscreen platform, window 1440 × 900.\n\n"
            << table;
    }
    const bool met = firstPaint.median() < kFirstPaintBudgetMs
                     && openTranscript.median() < kTranscriptBudgetMs && tag.median() < kTagBudgetMs
                     && scope.median() < kScopeBudgetMs;
    return met ? 0 : 1;
}
