// Screenshots of every panel, written offscreen.
#include "screenshots.h"

#include <jtbd/sample.h>

#include <QApplication>
#include <QDir>
#include <QImage>
#include <QPixmap>
#include <QTemporaryDir>

#include <app/dialogs/open_error.h>
#include <app/main_window.h>
#include <app/panels/forces_panel.h>
#include <app/panels/guide_panel.h>
#include <app/panels/transcript_panel.h>
#include <app/study_document.h>

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
    window.close();
    return written;
}

} // namespace jtbd::app
