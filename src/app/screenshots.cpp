// Screenshots of every panel, written offscreen.
#include "screenshots.h"

#include <jtbd/sample.h>
#include <jtbd/synthesis.h>

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QFont>
#include <QImage>
#include <QPainter>
#include <QPixmap>
#include <QTemporaryDir>

#include <algorithm>
#include <app/dialogs/export_dialog.h>
#include <app/dialogs/open_error.h>
#include <app/main_window.h>
#include <app/panels/force_groups_panel.h>
#include <app/panels/forces_panel.h>
#include <app/panels/guide_panel.h>
#include <app/panels/jobs_board_panel.h>
#include <app/panels/transcript_panel.h>
#include <app/study_document.h>
#include <map>

namespace jtbd::app {

namespace {

// The interview and highlight to show: the first interview with highlights.
std::pair<Id, Id> firstTaggedQuote(const Study &study)
{
    auto interviews = study.interviews();
    if (!interviews)
        return {0, 0};
    for (const auto &item : *interviews) {
        if (item.highlightCount == 0)
            continue;
        auto highlights = study.highlights(item.interview.id);
        if (highlights && !highlights->empty())
            return {item.interview.id, (*highlights)[highlights->size() / 3].id};
    }
    return {interviews->empty() ? 0 : interviews->front().interview.id, 0};
}

} // namespace

QStringList writeScreenshots(const QString &folder, const QString &studyPath, QString *error)
{
    if (!QDir().mkpath(folder)) {
        *error = QStringLiteral("cannot create the folder %1").arg(folder);
        return {};
    }
    QTemporaryDir scratch;
    QString path = studyPath;
    if (path.isEmpty()) {
        path = scratch.filePath(QStringLiteral("Sample study.jtbd"));
        if (auto sample = createSampleStudy(path.toStdString()); !sample) {
            *error = toQString(sample.error().message);
            return {};
        }
    }

    MainWindow window;
    ErrorText failure;
    window.setErrorPresenter([&failure](const ErrorText &text) {
        failure = text;
    });
    if (!window.openStudy(path)) {
        *error = failure.title + QStringLiteral(": ") + failure.text;
        return {};
    }
    window.resize(1440, 900);
    window.show();

    const auto &study = window.document()->study();
    const auto [interviewId, highlightId] = firstTaggedQuote(study);
    Id jobId = 0;
    if (auto jobs = study.jobs(); jobs && !jobs->empty())
        jobId = jobs->front().id;

    QStringList written;
    auto shoot = [&](const QString &name) {
        QApplication::processEvents();
        const QString file = QDir(folder).filePath(name + QStringLiteral(".png"));
        const QImage image = window.grab().toImage();
        if (image.isNull() || !image.save(file)) {
            *error = QStringLiteral("cannot write %1").arg(file);
            return false;
        }
        written << file;
        return true;
    };

    window.showPanel(MainWindow::Panel::Guide);
    if (!shoot(QStringLiteral("guide")))
        return {};
    if (interviewId != 0) {
        window.guidePanel()->setInterview(interviewId);
        if (window.guidePanel()->enterRunMode()) {
            if (!shoot(QStringLiteral("run-mode")))
                return {};
            window.guidePanel()->leaveRunMode();
        }
    }
    if (interviewId != 0) {
        if (highlightId != 0)
            window.showQuote(interviewId, highlightId);
        else
            window.openInterview(interviewId);
        window.showPanel(MainWindow::Panel::Transcript);
        if (!shoot(QStringLiteral("transcript")))
            return {};
    }
    window.forcesPanel()->setScope(Scope::wholeStudy());
    window.showPanel(MainWindow::Panel::Forces);
    if (!shoot(QStringLiteral("forces-study")))
        return {};
    if (jobId != 0) {
        window.forcesPanel()->setScope(Scope::job(jobId));
        if (!shoot(QStringLiteral("forces-job")))
            return {};
    }
    if (interviewId != 0) {
        window.forcesPanel()->setScope(Scope::interview(interviewId));
        if (!shoot(QStringLiteral("forces-interview")))
            return {};
        window.showPanel(MainWindow::Panel::Timeline);
        if (!shoot(QStringLiteral("timeline")))
            return {};
    }
    window.showPanel(MainWindow::Panel::Codebook);
    if (!shoot(QStringLiteral("codebook")))
        return {};
    window.showPanel(MainWindow::Panel::JobsBoard);
    window.jobsBoardPanel()->showDendrogram(false);
    if (!shoot(QStringLiteral("jobs-board")))
        return {};
    // The sample has no force groups until the synthesis runs: it runs here on the scratch copy
    // only (never on a study named on the command line), after the other panels were shot.
    if (studyPath.isEmpty()) {
        if (auto groups = study.forceGroups(); groups && groups->empty()) {
            const auto ran = window.document()->applyWithoutUndo(
                [](Study &s) -> Status {
                    auto summary = runSynthesis(s);
                    return summary ? Status{} : Status(summary.error());
                },
                Change{Change::Kind::Everything, 0});
            if (!ran)
                qWarning("The synthesis did not run for the screenshots: %s",
                         ran.error().message.c_str());
        }
    }
    window.showPanel(MainWindow::Panel::ForceGroups);
    window.forceGroupsPanel()->showPage(ForceGroupsPanel::Page::Groups);
    // The force with the most groups shows best what the panel does.
    if (auto groups = study.forceGroups(); groups && !groups->empty()) {
        std::map<Force, int> perForce;
        for (const auto &group : *groups)
            ++perForce[group.force];
        const auto most = std::max_element(perForce.begin(), perForce.end(), [](auto a, auto b) {
            return a.second < b.second;
        });
        window.forceGroupsPanel()->setForce(most->first);
        // The largest group folded, so that several groups are in sight with their quotes.
        const ForceGroup *largest = nullptr;
        for (const auto &group : *groups)
            if (group.force == most->first
                && (!largest || group.highlightIds.size() > largest->highlightIds.size()))
                largest = &group;
        window.forceGroupsPanel()->setGroupExpanded(largest->id, false);
    }
    if (!shoot(QStringLiteral("force-groups")))
        return {};
    window.forceGroupsPanel()->showPage(ForceGroupsPanel::Page::Matrix);
    if (!shoot(QStringLiteral("story-matrix")))
        return {};
    window.showPanel(MainWindow::Panel::JobsBoard);
    window.jobsBoardPanel()->showDendrogram(true);
    QApplication::processEvents(); // the board reads what the synthesis stored
    if (!shoot(QStringLiteral("jobs-dendrogram")))
        return {};
    // File > Export: the dialog over the window, as a window manager would place it.
    if (auto *dialog = window.showExportDialog(ExportFormat::ReportPdf)) {
        // A researcher's folder rather than this machine's, so the picture is the same anywhere.
        dialog->setPath(QStringLiteral("/home/researcher/Documents/")
                        + QFileInfo(dialog->path()).fileName());
        QApplication::processEvents();
        QImage image = window.grab().toImage();
        const QImage front = dialog->grab().toImage();
        // Offscreen windows have no frame: a plain title bar stands in for the window manager's.
        const int titleHeight = 30;
        QPainter painter(&image);
        painter.fillRect(image.rect(), QColor(0, 0, 0, 70));
        const QPoint at((image.width() - front.width()) / 2,
                        (image.height() - front.height() - titleHeight) / 3 + titleHeight);
        const QRect title(at.x(), at.y() - titleHeight, front.width(), titleHeight);
        painter.fillRect(title.united(QRect(at, front.size())).adjusted(-1, -1, 1, 1),
                         QColor(0, 0, 0, 140));
        painter.fillRect(title, QColor(0xDD, 0xDD, 0xDD));
        QFont font = dialog->font();
        font.setBold(true);
        painter.setFont(font);
        painter.setPen(QColor(0x30, 0x30, 0x30));
        painter.drawText(title, Qt::AlignCenter, dialog->windowTitle());
        painter.drawImage(at, front);
        painter.end();
        dialog->reject();
        const QString file = QDir(folder).filePath(QStringLiteral("export-dialog.png"));
        if (!image.save(file)) {
            *error = QStringLiteral("cannot write %1").arg(file);
            return {};
        }
        written << file;
    }
    window.close();
    return written;
}

} // namespace jtbd::app
