// The main window: opening studies (and refusing bad files), the navigator,
// import with undo, recent files, and the screenshot mode.
#include "app_fixture.h"

#include <jtbd/sample.h>
#include <jtbd/study_json.h>

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QDir>
#include <QImage>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>

#include <app/app_log.h>
#include <app/commands/import_command.h>
#include <app/dialogs/open_error.h>
#include <app/logging.h>
#include <app/main_window.h>
#include <app/models/navigator_model.h>
#include <app/panels/forces_panel.h>
#include <app/panels/guide_panel.h>
#include <app/panels/transcript_panel.h>
#include <app/panels/transcript_view.h>
#include <spdlog/spdlog.h>

namespace jtbd::test {
namespace {

using app::MainWindow;
using app::NavigatorModel;

QString q(const std::filesystem::path &path)
{
    return QString::fromStdString(path.string());
}

// Writes the sample study into `dir` and opens it in `window`.
bool openSample(MainWindow &window, const TempDir &dir)
{
    expectOk(createSampleStudy(dir / "sample.jtbd"));
    return window.openStudy(q(dir / "sample.jtbd"));
}

// Waits until `finished` (MainWindow::exportFinished) has reported `count` exports.
bool exportsFinished(const QSignalSpy &finished, int count)
{
    return QTest::qWaitFor(
        [&] {
            return finished.count() == count;
        },
        30000);
}

struct RecordedErrors
{
    std::vector<app::ErrorText> errors;

    void attach(MainWindow &window)
    {
        window.setErrorPresenter([this](const app::ErrorText &e) {
            errors.push_back(e);
        });
    }
};

TEST(MainWindow, OpensAStudyAndListsItsInterviews)
{
    TempDir dir;
    MainWindow window;
    ASSERT_TRUE(openSample(window, dir));
    auto *model = window.navigatorModel();
    const auto interviews = model->groupIndex(NavigatorModel::Group::Interviews);
    while (model->canFetchMore(interviews))
        model->fetchMore(interviews);
    EXPECT_EQ(model->rowCount(interviews), 12);
    EXPECT_TRUE(model->groupIndex(NavigatorModel::Group::Jobs)
                    .data()
                    .toString()
                    .endsWith(QStringLiteral("(3)")));
    EXPECT_TRUE(window.windowTitle().contains(window.document()->displayName()));
    EXPECT_EQ(window.recentFiles().value(0), q(std::filesystem::absolute(dir / "sample.jtbd")));
}

// Each kind of bad file gets its own explanation, and is left exactly as it
// was.
TEST(MainWindow, RefusesBadFilesWithAClearMessageAndChangesNothing)
{
    TempDir dir;
    const auto notAStudy = dir / "notes.jtbd";
    writeBytes(notAStudy, "Interviewer: hello\nParticipant: hi\n");
    auto damaged = dir / "damaged.jtbd";
    expectOk(createSampleStudy(damaged));
    {
        auto bytes = readBytes(damaged);
        writeBytes(damaged, bytes.substr(0, bytes.size() / 3));
    }
    auto newer = dir / "newer.jtbd";
    expectOk(Study::create(newer));
    sqlite(newer, "PRAGMA user_version = 99");

    struct Case
    {
        std::filesystem::path file;
        QString title;
    };

    const Case cases[] = {{notAStudy, QStringLiteral("Not a JTBD study")},
                          {damaged, QStringLiteral("The study is damaged")},
                          {newer, QStringLiteral("Made by a newer version")},
                          {dir / "missing.jtbd", QStringLiteral("Study not found")}};

    MainWindow window;
    RecordedErrors recorded;
    recorded.attach(window);
    ASSERT_TRUE(window.createStudy(q(dir / "current.jtbd")));
    auto *current = window.document();
    for (const auto &c : cases) {
        const std::string before = std::filesystem::exists(c.file) ? readBytes(c.file) : "";
        recorded.errors.clear();
        EXPECT_FALSE(window.openStudy(q(c.file))) << c.file;
        ASSERT_EQ(recorded.errors.size(), 1u) << c.file;
        EXPECT_EQ(recorded.errors[0].title, c.title) << c.file;
        EXPECT_TRUE(
            recorded.errors[0].text.contains(QString::fromStdString(c.file.filename().string())))
            << recorded.errors[0].text.toStdString();
        if (std::filesystem::exists(c.file)) {
            EXPECT_EQ(readBytes(c.file), before) << c.file << " was modified";
        }
        EXPECT_EQ(window.document(), current) << "the open study must stay open";
    }
    EXPECT_FALSE(std::filesystem::exists(dir / "missing.jtbd"));
}

TEST(MainWindow, RemembersRecentFilesMostRecentFirst)
{
    TempDir dir;
    MainWindow window;
    QSettings().remove(QStringLiteral("files/recent"));
    ASSERT_TRUE(window.createStudy(q(dir / "a.jtbd")));
    ASSERT_TRUE(window.createStudy(q(dir / "b.jtbd")));
    ASSERT_TRUE(window.openStudy(q(dir / "a.jtbd")));
    const auto recent = window.recentFiles();
    ASSERT_GE(recent.size(), 2);
    EXPECT_TRUE(recent[0].endsWith(QStringLiteral("a.jtbd")));
    EXPECT_TRUE(recent[1].endsWith(QStringLiteral("b.jtbd")));
    EXPECT_EQ(recent.count(recent[0]), 1);
}

TEST(MainWindow, TheSampleStudyIsWrittenOnceToTheDataFolder)
{
    MainWindow window;
    ASSERT_TRUE(window.openSampleStudy());
    const auto path = window.document()->path();
    EXPECT_TRUE(std::filesystem::exists(path));
    auto stats = expectOk(window.document()->study().stats());
    EXPECT_EQ(stats.interviews, 12);
    // A second start opens the same file rather than writing a new one.
    MainWindow again;
    ASSERT_TRUE(again.openSampleStudy());
    EXPECT_EQ(again.document()->path(), path);
}

TEST(NavigatorModel, PassesTheModelTesterAndLoadsLazily)
{
    TempDir dir;
    auto study = expectOk(Study::create(dir / "many.jtbd"));
    const int total = NavigatorModel::kBatchSize * 2 + 17;
    expectOk(study.transaction([&]() -> Status {
        for (int i = 0; i < total; ++i) {
            Interview interview;
            interview.title = "Interview " + std::to_string(i);
            if (auto id = study.addInterview(interview); !id)
                return id.error();
        }
        return {};
    }));
    app::StudyDocument document(std::move(study));
    NavigatorModel model(&document);
    QAbstractItemModelTester tester(&model,
                                    QAbstractItemModelTester::FailureReportingMode::Warning);
    // The tester would fetch on its own from inside the model's signals; this test fetches.
    tester.setUseFetchMore(false);
    const auto interviews = model.groupIndex(NavigatorModel::Group::Interviews);
    // Rows come a batch at a time (the tester itself may already have asked for one).
    const int before = model.rowCount(interviews);
    EXPECT_LE(before, NavigatorModel::kBatchSize);
    EXPECT_TRUE(model.canFetchMore(interviews));
    model.fetchMore(interviews);
    EXPECT_EQ(model.rowCount(interviews), before + NavigatorModel::kBatchSize);
    // Finding a record far down fetches as far as needed.
    auto last = expectOk(document.study().interviews()).back().interview.id;
    auto found = model.find(NavigatorModel::Group::Interviews, last);
    ASSERT_TRUE(found.isValid());
    EXPECT_EQ(found.data(NavigatorModel::IdRole).toLongLong(), last);
    EXPECT_EQ(model.rowCount(interviews), total);
    EXPECT_FALSE(model.canFetchMore(interviews));
    EXPECT_TRUE(
        model.index(0, 0, interviews).data().toString().contains(QStringLiteral("planned")));
}

// Tagging changes only an interview's counts: the navigator keeps its rows (and so the view its
// expansion and selection) and refreshes the counts shortly after.
TEST(NavigatorModel, NewHighlightsUpdateCountsWithoutResettingTheTree)
{
    SampleDocument doc;
    NavigatorModel model(doc.document.get());
    QAbstractItemModelTester tester(&model,
                                    QAbstractItemModelTester::FailureReportingMode::Warning);
    const Id interviewId = doc.interviewOf("P01");
    const auto row = model.find(NavigatorModel::Group::Interviews, interviewId);
    ASSERT_TRUE(row.isValid());
    const QString before = row.data(Qt::ToolTipRole).toString();
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy updates(&model, &QAbstractItemModel::dataChanged);

    const auto text = expectOk(doc.study().interviewText(interviewId));
    Highlight h;
    h.interviewId = interviewId;
    h.start = 0;
    h.end = 5;
    h.codeIds = {codeId(doc.study(), "push")};
    expectOk(doc.study().addHighlight(h));
    doc.document->announce({app::Change::Kind::Highlights, interviewId});

    EXPECT_TRUE(QTest::qWaitFor(
        [&] {
            return updates.count() > 0;
        },
        3000));
    EXPECT_EQ(resets.count(), 0);
    const auto after = model.find(NavigatorModel::Group::Interviews, interviewId);
    EXPECT_EQ(after, row);
    EXPECT_NE(after.data(Qt::ToolTipRole).toString(), before);
}

TEST(ImportTranscripts, UndoRemovesTheInterviewAndRedoRestoresItUnderTheSameId)
{
    SmallDocument doc;
    const auto file = doc.dir / "call.txt";
    writeBytes(file,
               "Sam: What made today the day?\n\nAlex: The invoice run broke again.\n\n"
               "Sam: And then?\n\nAlex: I signed up that afternoon.\n");
    ImportOptions options;
    options.participantCode = "P77";
    options.interviewers = {"Sam"};
    auto command = std::make_unique<app::ImportTranscriptsCommand>(
        std::vector<std::filesystem::path>{file}, options);
    auto *raw = command.get();
    const auto before = expectOk(doc.study().snapshot());
    ASSERT_TRUE(doc.document->apply(std::move(command)));
    ASSERT_EQ(raw->imported().size(), 1u);
    const Id id = *raw->imported()[0].interviewId;
    const auto after = expectOk(doc.study().snapshot());
    EXPECT_EQ(after.interviews.size(), before.interviews.size() + 1);
    EXPECT_EQ(after.participants.size(), before.participants.size() + 1);

    doc.document->undoStack()->undo();
    const auto undone = expectOk(doc.study().snapshot());
    EXPECT_EQ(undone.interviews, before.interviews);
    EXPECT_EQ(undone.participants, before.participants);

    doc.document->undoStack()->redo();
    const auto redone = expectOk(doc.study().snapshot());
    EXPECT_EQ(redone.interviews, after.interviews);
    EXPECT_EQ(redone.participants, after.participants);
    EXPECT_EQ(expectOk(doc.study().interview(id)).participantId.has_value(), true);
    EXPECT_EQ(expectOk(doc.study().turns(id)).size(), 4u);
}

TEST(ImportTranscripts, ABadFileImportsNothingAndSaysWhere)
{
    SmallDocument doc;
    const auto good = doc.dir / "good.txt";
    writeBytes(good, "Sam: Hello?\n\nAlex: Hi.\n\nSam: Why?\n\nAlex: Because.\n");
    const auto bad = doc.dir / "bad.vtt";
    writeBytes(bad, "WEBVTT\n\n00:00:01.000 --> 00:61:00.000\nSam: broken\n");
    const auto before = expectOk(doc.study().snapshot());
    QString message;
    QObject::connect(doc.document.get(), &app::StudyDocument::errorOccurred, [&](const QString &m) {
        message = m;
    });
    ImportOptions options;
    EXPECT_FALSE(doc.document->apply(std::make_unique<app::ImportTranscriptsCommand>(
        std::vector<std::filesystem::path>{good, bad}, options)));
    EXPECT_TRUE(message.contains(QStringLiteral("bad.vtt"))) << message.toStdString();
    EXPECT_EQ(expectOk(doc.study().snapshot()).interviews, before.interviews);
    EXPECT_EQ(doc.document->undoStack()->count(), 0);
}

TEST(ImportTranscripts, CancellingImportsNothing)
{
    SmallDocument doc;
    std::vector<std::filesystem::path> files;
    for (int i = 0; i < 3; ++i) {
        files.push_back(doc.dir / ("t" + std::to_string(i) + ".txt"));
        writeBytes(files.back(), "Sam: Hello?\n\nAlex: Hi.\n\nSam: Why?\n\nAlex: Because.\n");
    }
    const auto before = expectOk(doc.study().snapshot());
    QSignalSpy errors(doc.document.get(), &app::StudyDocument::errorOccurred);
    EXPECT_FALSE(doc.document->apply(
        std::make_unique<app::ImportTranscriptsCommand>(files, ImportOptions{}, [](int done, int) {
            return done < 2;
        })));
    EXPECT_EQ(errors.count(), 0) << "stopping an import one asked to stop is not an error";
    EXPECT_EQ(expectOk(doc.study().snapshot()).interviews, before.interviews);
}

TEST(MainWindow, EditMenuUndoAndRedoFollowTheOpenStudy)
{
    TempDir dir;
    MainWindow window;
    ASSERT_TRUE(window.createStudy(q(dir / "s.jtbd")));
    auto *undo = window.findChild<QAction *>(QStringLiteral("undoAction"));
    auto *redo = window.findChild<QAction *>(QStringLiteral("redoAction"));
    ASSERT_TRUE(undo && redo);
    EXPECT_FALSE(undo->isEnabled());
    EXPECT_EQ(undo->shortcut(), QKeySequence(QKeySequence::Undo));
    const auto file = dir / "call.txt";
    writeBytes(file, "Sam: Hello?\n\nAlex: Hi.\n\nSam: Why?\n\nAlex: Because.\n");
    ASSERT_TRUE(window.document()->apply(std::make_unique<app::ImportTranscriptsCommand>(
        std::vector<std::filesystem::path>{file}, ImportOptions{})));
    EXPECT_TRUE(undo->isEnabled());
    undo->trigger();
    EXPECT_EQ(expectOk(window.document()->study().interviews()).size(), 0u);
    EXPECT_TRUE(redo->isEnabled());
    redo->trigger();
    EXPECT_EQ(expectOk(window.document()->study().interviews()).size(), 1u);
    // The navigator follows: its group title counts the interviews.
    EXPECT_TRUE(window.navigatorModel()
                    ->groupIndex(NavigatorModel::Group::Interviews)
                    .data()
                    .toString()
                    .endsWith(QStringLiteral("(1)")));
}

// The JSON export runs beside the window and leaves the file only when complete.
TEST(MainWindow, ExportsJsonInTheBackground)
{
    TempDir dir;
    MainWindow window;
    ASSERT_TRUE(openSample(window, dir));
    QSignalSpy finished(&window, &MainWindow::exportFinished);
    window.exportJson(q(dir / "out.json"));
    EXPECT_TRUE(window.isExporting());
    ASSERT_TRUE(exportsFinished(finished, 1));
    EXPECT_TRUE(finished.at(0).at(0).toBool()) << finished.at(0).at(1).toString().toStdString();
    const auto json = readBytes(dir / "out.json");
    auto parsed = parseStudyJson(json, "out.json");
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(parsed->interviews.size(), 12u);
    EXPECT_FALSE(std::filesystem::exists(dir / "out.json.part"));
}

TEST(MainWindow, ACancelledOrFailedExportLeavesNoFile)
{
    TempDir dir;
    MainWindow window;
    ASSERT_TRUE(openSample(window, dir));
    QSignalSpy finished(&window, &MainWindow::exportFinished);
    window.exportJson(q(dir / "cancelled.json"));
    window.cancelExport();
    ASSERT_TRUE(exportsFinished(finished, 1));
    EXPECT_FALSE(finished.at(0).at(0).toBool());
    EXPECT_TRUE(finished.at(0).at(1).toString().contains(QStringLiteral("cancelled")));
    EXPECT_FALSE(std::filesystem::exists(dir / "cancelled.json"));
    EXPECT_FALSE(std::filesystem::exists(dir / "cancelled.json.part"));

    window.exportJson(q(dir / "no-such-folder" / "out.json"));
    ASSERT_TRUE(exportsFinished(finished, 2));
    EXPECT_FALSE(finished.at(1).at(0).toBool());
    EXPECT_TRUE(finished.at(1).at(1).toString().contains(QStringLiteral("no-such-folder")))
        << finished.at(1).at(1).toString().toStdString();
}

// A quote card in the forces diagram leads to its place in the transcript.
TEST(MainWindow, ClickingAQuoteCardOpensTheTranscriptAtTheQuote)
{
    TempDir dir;
    MainWindow window;
    ASSERT_TRUE(openSample(window, dir));
    window.resize(1440, 900);
    window.show();
    window.showPanel(MainWindow::Panel::Forces);
    window.forcesPanel()->setScope(Scope::wholeStudy());
    QApplication::processEvents();
    auto *view = window.forcesPanel()->diagramView();
    const auto cards = view->geometry().cards;
    ASSERT_FALSE(cards.empty());
    // A card of another interview than the one open, so that the click has to switch.
    const auto card = std::find_if(cards.begin(), cards.end(), [&](const auto &c) {
        return c.interviewId != window.transcriptPanel()->interviewId();
    });
    ASSERT_NE(card, cards.end());
    QTest::mouseClick(view, Qt::LeftButton, {}, card->rect.center().toPoint());
    EXPECT_EQ(window.currentPanel(), MainWindow::Panel::Transcript);
    EXPECT_EQ(window.transcriptPanel()->interviewId(), card->interviewId);
    EXPECT_EQ(window.transcriptPanel()->currentHighlightId(), card->highlightId);
    const auto highlight = expectOk(window.document()->study().highlight(card->highlightId));
    EXPECT_EQ(window.transcriptPanel()->view()->textCursor().selectedText().toStdString(),
              highlight.quote);
}

TEST(Logging, MessagesGoToTheRotatingLogFile)
{
    TempDir dir;
    const auto testHandler = qInstallMessageHandler(nullptr);
    qInstallMessageHandler(testHandler);
    const auto previousLogger = spdlog::default_logger();
    const QString file = app::startLogging(q(dir.path() / "logs"));
    qCInfo(lcApp) << "opened a study for the log test";
    spdlog::default_logger()->flush();
    qInstallMessageHandler(testHandler);
    spdlog::set_default_logger(previousLogger);
    ASSERT_FALSE(file.isEmpty());
    EXPECT_TRUE(file.startsWith(q(dir.path() / "logs")));
    EXPECT_NE(readBytes(file.toStdString()).find("opened a study for the log test"),
              std::string::npos);
}

TEST(MainWindow, InterviewStatusIsAnUndoableEditTheNavigatorShows)
{
    TempDir dir;
    expectOk(createSampleStudy(dir / "sample.jtbd"));
    MainWindow window;
    ASSERT_TRUE(window.openStudy(q(dir / "sample.jtbd")));
    const Id id = expectOk(window.document()->study().interviews()).front().interview.id;
    const auto before = expectOk(window.document()->study().interview(id));
    ASSERT_NE(before.status, InterviewStatus::Reviewed);
    ASSERT_TRUE(window.setInterviewStatus(id, InterviewStatus::Reviewed));
    EXPECT_EQ(expectOk(window.document()->study().interview(id)).status, InterviewStatus::Reviewed);
    const auto row = window.navigatorModel()->find(NavigatorModel::Group::Interviews, id);
    EXPECT_TRUE(row.data().toString().contains(QStringLiteral("reviewed")));
    window.document()->undoStack()->undo();
    EXPECT_EQ(expectOk(window.document()->study().interview(id)), before);
    window.document()->undoStack()->redo();
    EXPECT_EQ(expectOk(window.document()->study().interview(id)).status, InterviewStatus::Reviewed);
}

// Window-wide keys and the panels' own keys must not clash: Qt runs neither of two shortcuts
// for the same key that are active at once.
TEST(MainWindow, F5StartsRunModeFromAnywhereIncludingTheGuide)
{
    TempDir dir;
    expectOk(createSampleStudy(dir / "sample.jtbd"));
    MainWindow window;
    ASSERT_TRUE(window.openStudy(q(dir / "sample.jtbd")));
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    for (auto panel : {MainWindow::Panel::Guide, MainWindow::Panel::Forces}) {
        window.showPanel(panel);
        window.activateWindow();
        QWidget *focus = panel == MainWindow::Panel::Guide
                             ? static_cast<QWidget *>(window.guidePanel())
                             : static_cast<QWidget *>(window.forcesPanel());
        focus->setFocus();
        QApplication::processEvents();
        QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : focus,
                        Qt::Key_F5);
        EXPECT_TRUE(window.guidePanel()->isRunning()) << static_cast<int>(panel);
        EXPECT_EQ(window.currentPanel(), MainWindow::Panel::Guide);
        window.guidePanel()->leaveRunMode();
    }
}

// The sample study in the data folder may have been written by a newer version (or damaged):
// the window says so and stays usable instead of opening it.
TEST(MainWindow, ASampleStudyItCannotOpenIsReportedNotOpened)
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    ASSERT_TRUE(QDir().mkpath(folder));
    const auto path = std::filesystem::path(folder.toStdString()) / "Sample study.jtbd";
    for (const char *suffix : {"", "-wal", "-shm"})
        std::filesystem::remove(path.string() + suffix);
    expectOk(Study::create(path));
    sqlite(path, "PRAGMA user_version = 99");
    MainWindow window;
    RecordedErrors recorded;
    recorded.attach(window);
    EXPECT_FALSE(window.openSampleStudy());
    ASSERT_EQ(recorded.errors.size(), 1u);
    EXPECT_EQ(recorded.errors[0].title, QStringLiteral("Made by a newer version"));
    EXPECT_EQ(window.document(), nullptr);
    std::filesystem::remove(path);
}

TEST(OpenError, NamesTheFileAndSaysItWasNotChanged)
{
    auto text = app::describeOpenError(QStringLiteral("/x/y/old.jtbd"),
                                       makeError(ErrorCode::StudyDamaged, "page 3 is corrupt"));
    EXPECT_TRUE(text.text.contains(QStringLiteral("old.jtbd")));
    EXPECT_TRUE(text.text.contains(QStringLiteral("page 3 is corrupt")));
    EXPECT_TRUE(text.text.contains(QStringLiteral("not changed")));
}

TEST(ScreenshotMode, WritesANonEmptyPngOfEveryPanel)
{
    TempDir dir;
    QProcess process;
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    process.setProcessEnvironment(env);
    process.start(QStringLiteral(JTBD_WORKBENCH), {QStringLiteral("--screenshot"), q(dir.path())});
    ASSERT_TRUE(process.waitForFinished(120000));
    ASSERT_EQ(process.exitCode(), 0) << process.readAllStandardError().toStdString();
    for (const char *name : {"guide",
                             "run-mode",
                             "transcript",
                             "forces-study",
                             "forces-job",
                             "forces-interview",
                             "timeline",
                             "codebook",
                             "jobs-board",
                             "jobs-dendrogram",
                             "force-groups",
                             "story-matrix",
                             "export-dialog"}) {
        const auto file = dir / (std::string(name) + ".png");
        ASSERT_TRUE(std::filesystem::exists(file)) << name;
        QImage image(q(file));
        ASSERT_FALSE(image.isNull()) << name;
        EXPECT_GE(image.width(), 1000) << name;
        // Not a blank window: many distinct colours.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        EXPECT_GT(colours.size(), 20) << name;
    }
}

} // namespace
} // namespace jtbd::test
