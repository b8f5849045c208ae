// File > Export for the report, the job stories and the highlights: the dialog's defaults (names
// redacted, in sight), each format written through the window, the job filter, and that a failed
// or cancelled export leaves nothing behind.
#include "app_fixture.h"

#include <jtbd/sample.h>

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QProgressDialog>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <app/dialogs/export_dialog.h>
#include <app/dialogs/open_error.h>
#include <app/main_window.h>
#include <set>

namespace jtbd::test {
namespace {

using app::ExportDialog;
using app::ExportFormat;
using app::MainWindow;

QString q(const std::filesystem::path &path)
{
    return QString::fromStdString(path.string());
}

// The names of the files in `dir`.
std::set<std::string> filesIn(const std::filesystem::path &dir)
{
    std::set<std::string> names;
    for (const auto &entry : std::filesystem::directory_iterator(dir))
        names.insert(entry.path().filename().string());
    return names;
}

// A window with the sample study open, recording the errors it presents.
struct ExportFixture
{
    TempDir dir;
    MainWindow window;
    std::vector<app::ErrorText> errors;
    QSignalSpy finished{&window, &MainWindow::exportFinished};

    ExportFixture()
    {
        window.setErrorPresenter([this](const app::ErrorText &e) {
            errors.push_back(e);
        });
        expectOk(createSampleStudy(dir / "sample.jtbd"));
        EXPECT_TRUE(window.openStudy(q(dir / "sample.jtbd")));
    }

    // Opens the dialog for `format` (a test answers it: the watch for forgotten dialogs leaves
    // it open).
    ExportDialog *open(ExportFormat format)
    {
        auto *d = window.showExportDialog(format);
        EXPECT_NE(d, nullptr);
        if (d)
            d->setProperty("expectedByTest", true);
        return d;
    }

    // Opens the dialog for `format`, writing to `file`.
    ExportDialog *dialog(ExportFormat format, const std::filesystem::path &file)
    {
        auto *d = open(format);
        if (d)
            d->setPath(q(file));
        return d;
    }

    // Clicks Export; returns the progress window that follows the export.
    QProgressDialog *start(ExportDialog *d)
    {
        EXPECT_TRUE(d->exportButton()->isEnabled());
        QTest::mouseClick(d->exportButton(), Qt::LeftButton);
        auto *progress = window.findChild<QProgressDialog *>(QStringLiteral("exportProgress"));
        EXPECT_NE(progress, nullptr);
        if (progress)
            progress->setProperty("expectedByTest", true);
        return progress;
    }

    // Clicks Export and waits until the export has ended; returns whether the file was written.
    bool run(ExportDialog *d)
    {
        const int before = static_cast<int>(finished.count());
        start(d);
        EXPECT_TRUE(QTest::qWaitFor(
            [&] {
                return finished.count() == before + 1;
            },
            60000));
        return finished.count() == before + 1 && finished.last().at(0).toBool();
    }

    QString lastMessage() const
    {
        return finished.isEmpty() ? QString() : finished.last().at(1).toString();
    }

    std::vector<Id> jobIds()
    {
        std::vector<Id> ids;
        for (const auto &job : expectOk(window.document()->study().jobs()))
            ids.push_back(job.id);
        return ids;
    }
};

QJsonObject readJson(const std::filesystem::path &file)
{
    QJsonParseError error;
    const auto bytes = readBytes(file);
    const auto document = QJsonDocument::fromJson(QByteArray::fromStdString(bytes), &error);
    EXPECT_EQ(error.error, QJsonParseError::NoError) << error.errorString().toStdString();
    return document.object();
}

std::vector<Id> jobIdsIn(const QJsonObject &stories)
{
    std::vector<Id> ids;
    for (const auto &job : stories.value(QStringLiteral("jobs")).toArray())
        ids.push_back(job.toObject().value(QStringLiteral("id")).toInteger());
    return ids;
}

TEST(ExportDialog, RedactsByDefaultForEveryFormatAndSaysSo)
{
    ExportFixture f;
    const auto jobs = f.jobIds();
    ASSERT_FALSE(jobs.empty());
    for (auto format :
         {ExportFormat::ReportPdf, ExportFormat::JobStoriesJson, ExportFormat::HighlightsCsv}) {
        auto *dialog = f.open(format);
        ASSERT_NE(dialog, nullptr);
        QApplication::processEvents();
        EXPECT_TRUE(dialog->isVisible());
        EXPECT_EQ(dialog->format(), format);
        auto *redact = namedChild<QCheckBox>(*dialog, "exportRedact");
        auto *note = namedChild<QLabel>(*dialog, "exportRedactNote");
        ASSERT_TRUE(redact && note);
        EXPECT_TRUE(redact->isChecked());
        EXPECT_TRUE(redact->isVisible());
        EXPECT_TRUE(note->isVisible());
        EXPECT_TRUE(note->text().contains(QStringLiteral("[pseudonym]")))
            << note->text().toStdString();
        EXPECT_FALSE(namedChild<QCheckBox>(*dialog, "exportMemos")->isChecked());
        // The file is proposed after the study's name, with the format's suffix.
        EXPECT_TRUE(dialog->path().endsWith(QLatin1Char('.') + app::exportSuffix(format)))
            << dialog->path().toStdString();
        EXPECT_TRUE(dialog->path().contains(f.window.document()->displayName()));
        // Every job is listed and checked.
        EXPECT_EQ(dialog->jobIds(), jobs);
        EXPECT_EQ(dialog->checkedJobIds(), jobs);
        const auto request = dialog->request();
        EXPECT_TRUE(request.options.redact);
        EXPECT_FALSE(request.options.includeMemos);
        EXPECT_TRUE(request.options.jobIds.empty()); // every job
        dialog->reject();
    }
}

TEST(ExportDialog, SwitchingTheFormatFollowsInTheFileName)
{
    ExportFixture f;
    auto *dialog = f.open(ExportFormat::ReportPdf);
    ASSERT_NE(dialog, nullptr);
    auto *box = namedChild<QComboBox>(*dialog, "exportFormat");
    ASSERT_NE(box, nullptr);
    box->setCurrentIndex(box->findData(static_cast<int>(ExportFormat::HighlightsCsv)));
    EXPECT_EQ(dialog->format(), ExportFormat::HighlightsCsv);
    EXPECT_TRUE(dialog->path().endsWith(QStringLiteral(".csv")));
    // A name the researcher typed is kept; only its suffix changes.
    dialog->setPath(q(f.dir / "for the team.csv"));
    dialog->setFormat(ExportFormat::JobStoriesJson);
    EXPECT_EQ(dialog->path(), q(f.dir / "for the team.json"));
    EXPECT_EQ(box->currentData().toInt(), static_cast<int>(ExportFormat::JobStoriesJson));
    dialog->reject();
}

TEST(ExportDialog, WritesThePdfReport)
{
    ExportFixture f;
    const auto file = f.dir / "report.pdf";
    ASSERT_TRUE(f.run(f.dialog(ExportFormat::ReportPdf, file))) << f.lastMessage().toStdString();
    EXPECT_EQ(readBytes(file).substr(0, 5), "%PDF-");
    // The status bar names the file and says the names were redacted.
    EXPECT_TRUE(f.lastMessage().startsWith(QStringLiteral("Wrote the report (redacted) to ")))
        << f.lastMessage().toStdString();
    EXPECT_TRUE(f.lastMessage().contains(QStringLiteral("report.pdf")));
    EXPECT_TRUE(f.errors.empty());
    EXPECT_EQ(filesIn(f.dir.path()).count("report.pdf.part"), 0u);
}

TEST(ExportDialog, WritesTheJobStoriesRedactedByDefault)
{
    ExportFixture f;
    const auto file = f.dir / "stories.json";
    ASSERT_TRUE(f.run(f.dialog(ExportFormat::JobStoriesJson, file)))
        << f.lastMessage().toStdString();
    const auto stories = readJson(file);
    EXPECT_EQ(stories.value(QStringLiteral("redacted")), QJsonValue(true));
    EXPECT_EQ(stories.value(QStringLiteral("memos_included")), QJsonValue(false));
    EXPECT_EQ(jobIdsIn(stories), f.jobIds());
    EXPECT_TRUE(f.lastMessage().contains(QStringLiteral("job stories (redacted)")));

    // With redaction unchecked and memos included, the file says so.
    auto *dialog = f.dialog(ExportFormat::JobStoriesJson, file);
    dialog->setRedact(false);
    dialog->setIncludeMemos(true);
    ASSERT_TRUE(f.run(dialog)) << f.lastMessage().toStdString();
    const auto plain = readJson(file);
    EXPECT_EQ(plain.value(QStringLiteral("redacted")), QJsonValue(false));
    EXPECT_EQ(plain.value(QStringLiteral("memos_included")), QJsonValue(true));
    EXPECT_FALSE(f.lastMessage().contains(QStringLiteral("redacted")));
}

TEST(ExportDialog, WritesTheHighlightsCsv)
{
    ExportFixture f;
    const auto file = f.dir / "highlights.csv";
    ASSERT_TRUE(f.run(f.dialog(ExportFormat::HighlightsCsv, file)))
        << f.lastMessage().toStdString();
    const auto csv = readBytes(file);
    const auto headerEnd = csv.find("\r\n");
    ASSERT_NE(headerEnd, std::string::npos);
    const auto header = csv.substr(0, headerEnd);
    for (const char *column : {"quote", "participant", "interview", "intensity"})
        EXPECT_NE(header.find(column), std::string::npos) << column << " in " << header;
    // One row per highlight of the sample study, after the header.
    std::size_t rows = 0;
    for (auto at = csv.find("\r\n"); at != std::string::npos; at = csv.find("\r\n", at + 2))
        ++rows;
    EXPECT_GT(rows, 10u);
}

TEST(ExportDialog, UncheckedJobsAreLeftOut)
{
    ExportFixture f;
    const auto jobs = f.jobIds();
    ASSERT_GE(jobs.size(), 2u);
    const auto file = f.dir / "one-job.json";
    auto *dialog = f.dialog(ExportFormat::JobStoriesJson, file);
    // Select None leaves nothing to export; checking one job allows it again.
    QTest::mouseClick(namedChild<QPushButton>(*dialog, "exportSelectNone"), Qt::LeftButton);
    EXPECT_TRUE(dialog->checkedJobIds().empty());
    EXPECT_FALSE(dialog->exportButton()->isEnabled());
    dialog->setJobChecked(jobs[1], true);
    EXPECT_EQ(dialog->request().options.jobIds, std::vector<Id>{jobs[1]});
    ASSERT_TRUE(f.run(dialog)) << f.lastMessage().toStdString();
    EXPECT_EQ(jobIdsIn(readJson(file)), std::vector<Id>{jobs[1]});

    // Select All is every job again.
    dialog = f.dialog(ExportFormat::JobStoriesJson, file);
    dialog->setJobChecked(jobs[0], false);
    QTest::mouseClick(namedChild<QPushButton>(*dialog, "exportSelectAll"), Qt::LeftButton);
    EXPECT_EQ(dialog->checkedJobIds(), jobs);
    EXPECT_TRUE(dialog->request().options.jobIds.empty());
    dialog->reject();
}

TEST(ExportDialog, AnUnwritableFolderShowsAnErrorNamingThePathAndLeavesNothing)
{
    ExportFixture f;
    const auto before = filesIn(f.dir.path());
    for (auto format :
         {ExportFormat::ReportPdf, ExportFormat::JobStoriesJson, ExportFormat::HighlightsCsv}) {
        const auto file =
            f.dir / "no-such-folder" / ("out." + app::exportSuffix(format).toStdString());
        f.errors.clear();
        EXPECT_FALSE(f.run(f.dialog(format, file)));
        ASSERT_EQ(f.errors.size(), 1u) << f.lastMessage().toStdString();
        EXPECT_TRUE(f.errors[0].text.contains(q(file))) << f.errors[0].text.toStdString();
        EXPECT_FALSE(f.errors[0].text.contains(QStringLiteral(".part")))
            << f.errors[0].text.toStdString();
        EXPECT_FALSE(std::filesystem::exists(f.dir / "no-such-folder"));
        EXPECT_EQ(filesIn(f.dir.path()), before);
    }
}

TEST(ExportDialog, CancellingThePdfExportLeavesNoFile)
{
    ExportFixture f;
    const auto before = filesIn(f.dir.path());
    const auto file = f.dir / "cancelled.pdf";
    // The progress window's Cancel, before the first page is drawn.
    auto *progress = f.start(f.dialog(ExportFormat::ReportPdf, file));
    ASSERT_NE(progress, nullptr);
    auto *cancel = progress->findChild<QPushButton *>();
    ASSERT_NE(cancel, nullptr);
    cancel->click();
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return f.finished.count() == 1;
        },
        60000));
    EXPECT_FALSE(f.finished.at(0).at(0).toBool());
    EXPECT_TRUE(f.lastMessage().contains(QStringLiteral("cancelled")))
        << f.lastMessage().toStdString();
    EXPECT_TRUE(f.lastMessage().contains(QStringLiteral("cancelled.pdf")));
    EXPECT_TRUE(f.errors.empty()); // a cancel is not an error
    EXPECT_EQ(filesIn(f.dir.path()), before);
    EXPECT_FALSE(f.window.isExporting());
}

TEST(ExportDialog, ACancelledExportKeepsTheFileThatWasThere)
{
    ExportFixture f;
    const auto file = f.dir / "earlier.pdf";
    writeBytes(file, "the earlier report");
    f.start(f.dialog(ExportFormat::ReportPdf, file));
    f.window.cancelExport();
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return f.finished.count() == 1;
        },
        60000));
    EXPECT_FALSE(f.finished.at(0).at(0).toBool());
    EXPECT_EQ(readBytes(file), "the earlier report");
}

TEST(ExportMenu, OffersTheReportFormatsFirstAndOnlyWithAStudyOpen)
{
    TempDir dir;
    MainWindow window;
    const char *names[] = {
        "exportReportAction", "exportJobStoriesAction", "exportHighlightsAction"};
    std::vector<QAction *> actions;
    for (const char *name : names) {
        auto *action = namedChild<QAction>(window, name);
        ASSERT_NE(action, nullptr);
        EXPECT_FALSE(action->isEnabled()) << name;
        actions.push_back(action);
    }
    EXPECT_EQ(actions[0]->text(), QStringLiteral("Report as &PDF…"));
    EXPECT_EQ(actions[1]->text(), QStringLiteral("Job Stories as JSON…"));
    EXPECT_EQ(actions[2]->text(), QStringLiteral("Highlights as CSV…"));
    EXPECT_EQ(window.showExportDialog(ExportFormat::ReportPdf), nullptr);

    // In File > Export, before the study JSON and the diagram images.
    QMenu *exportMenu = nullptr;
    for (auto *menu : window.menuBar()->findChildren<QMenu *>())
        if (menu->title() == QStringLiteral("&Export"))
            exportMenu = menu;
    ASSERT_NE(exportMenu, nullptr);
    const auto entries = exportMenu->actions();
    ASSERT_GE(entries.size(), 4);
    for (int i = 0; i < 3; ++i)
        EXPECT_EQ(entries[i], actions[static_cast<std::size_t>(i)]);
    EXPECT_TRUE(entries.back()->text().contains(QStringLiteral("SVG")));

    expectOk(createSampleStudy(dir / "sample.jtbd"));
    ASSERT_TRUE(window.openStudy(q(dir / "sample.jtbd")));
    for (auto *action : actions)
        EXPECT_TRUE(action->isEnabled()) << action->objectName().toStdString();
    // Each opens the dialog with its format chosen.
    actions[2]->trigger();
    auto *dialog = window.findChild<ExportDialog *>(QStringLiteral("exportDialog"));
    ASSERT_NE(dialog, nullptr);
    dialog->setProperty("expectedByTest", true);
    EXPECT_EQ(dialog->format(), ExportFormat::HighlightsCsv);
    dialog->reject();
}

} // namespace
} // namespace jtbd::test
