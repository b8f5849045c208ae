// Writing exports on a worker thread.
#include "export_runner.h"

#include <jtbd/study_json.h>

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProgressDialog>
#include <QThread>

#include <app/study_document.h>
#include <report/pdf_report.h>
#include <system_error>

namespace jtbd::app {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("jtbd::app::ExportRunner", text);
}

QString nativeName(const std::filesystem::path &path)
{
    return QDir::toNativeSeparators(QString::fromStdString(path.string()));
}

// What the worker runs: one of the writers, into `partial`.
Status writeExport(const Study &study,
                   const ExportRequest &request,
                   const std::filesystem::path &partial,
                   const report::ReportProgress &progress)
{
    switch (request.format) {
    case ExportFormat::StudyJson:
        return exportStudyJson(study, partial);
    case ExportFormat::ReportPdf:
        return report::writePdfReport(
            study, request.options, QString::fromStdString(partial.string()), progress);
    case ExportFormat::JobStoriesJson:
        return writeJobStories(study, partial, request.options);
    case ExportFormat::HighlightsCsv:
        return writeHighlightsCsv(study, partial, request.options);
    }
    return makeError(ErrorCode::Internal, "unknown export format");
}

} // namespace

QString exportSubject(ExportFormat format)
{
    switch (format) {
    case ExportFormat::StudyJson:
        return tr("the study");
    case ExportFormat::ReportPdf:
        return tr("the report");
    case ExportFormat::JobStoriesJson:
        return tr("the job stories");
    case ExportFormat::HighlightsCsv:
        return tr("the highlights");
    }
    return {};
}

QString exportSuffix(ExportFormat format)
{
    switch (format) {
    case ExportFormat::ReportPdf:
        return QStringLiteral("pdf");
    case ExportFormat::HighlightsCsv:
        return QStringLiteral("csv");
    case ExportFormat::StudyJson:
    case ExportFormat::JobStoriesJson:
        return QStringLiteral("json");
    }
    return {};
}

QString exportFilter(ExportFormat format)
{
    switch (format) {
    case ExportFormat::ReportPdf:
        return tr("PDF documents (*.pdf)");
    case ExportFormat::HighlightsCsv:
        return tr("CSV files (*.csv)");
    case ExportFormat::StudyJson:
    case ExportFormat::JobStoriesJson:
        return tr("JSON (*.json)");
    }
    return {};
}

ExportRunner::ExportRunner(QObject *parent)
    : QObject(parent)
{}

ExportRunner::~ExportRunner()
{
    if (!m_thread)
        return;
    cancel();
    m_thread->wait();
    delete m_thread;
    std::error_code ignored;
    std::filesystem::remove(m_partial, ignored);
}

bool ExportRunner::start(const std::filesystem::path &study, const ExportRequest &request)
{
    if (m_thread)
        return false;
    m_request = request;
    m_target = std::filesystem::path(request.path.toStdString());
    m_partial = m_target.string() + ".part";
    m_cancelled = std::make_shared<std::atomic_bool>(false);
    m_status = std::make_shared<Status>();
    // The worker shares only these with the window: the cancel flag and the result. Progress
    // reaches the window as queued calls, dropped if the runner is gone.
    m_thread = QThread::create(
        [this, study, request, partial = m_partial, cancelled = m_cancelled, status = m_status] {
            auto reader = Study::open(study);
            if (!reader) {
                *status = reader.error();
                return;
            }
            *status =
                writeExport(*reader, request, partial, [this, cancelled](int done, int total) {
                    QMetaObject::invokeMethod(
                        this,
                        [this, done, total] {
                            Q_EMIT progressed(done, total);
                        },
                        Qt::QueuedConnection);
                    return !*cancelled;
                });
        });
    connect(m_thread, &QThread::finished, this, &ExportRunner::onThreadFinished);
    m_thread->start();
    return true;
}

void ExportRunner::cancel()
{
    if (m_cancelled)
        *m_cancelled = true;
}

void ExportRunner::onThreadFinished()
{
    m_thread->deleteLater();
    m_thread = nullptr;
    std::error_code ignored;
    const QString name = nativeName(m_target);
    m_wasCancelled = *m_cancelled || (!*m_status && m_status->error().code == ErrorCode::Cancelled);
    if (m_wasCancelled) {
        std::filesystem::remove(m_partial, ignored);
        Q_EMIT finished(false, tr("Export cancelled; %1 was not written.").arg(name));
        return;
    }
    if (!*m_status) {
        std::filesystem::remove(m_partial, ignored);
        // The writers name the file they wrote, which is the partial one: name the target.
        QString message = toQString(m_status->error().message);
        message.replace(QString::fromStdString(m_partial.string()),
                        QString::fromStdString(m_target.string()));
        Q_EMIT finished(false, message);
        return;
    }
    std::error_code error;
    std::filesystem::rename(m_partial, m_target, error);
    if (error) {
        std::filesystem::remove(m_partial, ignored);
        Q_EMIT finished(
            false, tr("Cannot write %1: %2").arg(name, QString::fromStdString(error.message())));
        return;
    }
    const bool redacted = m_request.format != ExportFormat::StudyJson && m_request.options.redact;
    Q_EMIT finished(true,
                    (redacted ? tr("Wrote %1 (redacted) to %2") : tr("Wrote %1 to %2"))
                        .arg(exportSubject(m_request.format), name));
}

QProgressDialog *ExportRunner::showProgress(QWidget *parent)
{
    const QString label =
        tr("Writing %1 to %2…")
            .arg(exportSubject(m_request.format), QFileInfo(m_request.path).fileName());
    auto *progress = new QProgressDialog(label, tr("Cancel"), 0, 0, parent);
    progress->setObjectName(QStringLiteral("exportProgress"));
    progress->setWindowModality(Qt::WindowModal);
    progress->setMinimumDuration(400);
    progress->setAutoReset(false);
    progress->setAutoClose(false);
    connect(progress, &QProgressDialog::canceled, this, &ExportRunner::cancel);
    connect(this, &ExportRunner::progressed, progress, [progress](int done, int total) {
        if (progress->maximum() != total)
            progress->setRange(0, total);
        progress->setValue(done);
    });
    connect(this, &ExportRunner::finished, progress, &QObject::deleteLater);
    return progress;
}

} // namespace jtbd::app
