// Writing a file that leaves the tool (the study JSON, the PDF report, the job stories, the
// highlights) without holding up the window: the study is read through its own connection on a
// worker thread, the file is written beside the target and takes its name only when complete.
#pragma once

#include <jtbd/export.h>

#include <QObject>
#include <QString>

#include <atomic>
#include <filesystem>
#include <memory>

class QProgressDialog;
class QThread;
class QWidget;

namespace jtbd::app {

enum class ExportFormat {
    StudyJson,      // the whole study, to be imported again (docs/file-format.md)
    ReportPdf,      // the study report for people who do not use the tool
    JobStoriesJson, // the job stories (docs/job-stories.schema.json)
    HighlightsCsv   // one row per highlight
};

struct ExportRequest
{
    ExportFormat format = ExportFormat::ReportPdf;
    QString path;
    ExportOptions options; // not used by the study JSON, which is always complete
};

// "the report", "the job stories"… as the messages name what was written.
QString exportSubject(ExportFormat format);
// "pdf", "json" or "csv".
QString exportSuffix(ExportFormat format);
// The file dialog's filter, e.g. "PDF documents (*.pdf)".
QString exportFilter(ExportFormat format);

class ExportRunner final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportRunner)

public:
    explicit ExportRunner(QObject *parent = nullptr);
    // Cancels an export still running, waits for it and removes its partial file.
    ~ExportRunner() override;

    // Starts writing `request` from the study file `study`. Returns false (and does nothing) while
    // another export runs. finished() tells how it ended.
    bool start(const std::filesystem::path &study, const ExportRequest &request);
    // Stops the running export: its file is not written and an existing file of that name stays.
    void cancel();

    bool isRunning() const { return m_thread != nullptr; }

    // Whether the last export to finish ended because it was cancelled.
    bool wasCancelled() const { return m_wasCancelled; }

    // A window-modal progress window over `parent` that follows the running export (pages for the
    // PDF, busy otherwise), cancels it with its Cancel button and closes when it ends.
    QProgressDialog *showProgress(QWidget *parent);

Q_SIGNALS:
    // Pages drawn of the PDF report.
    void progressed(int done, int total);
    // `written` is true when the file is in place; `message` says what was written where, or
    // what went wrong (naming the file), or that the export was cancelled.
    void finished(bool written, const QString &message);

private:
    void onThreadFinished();

    QThread *m_thread = nullptr;
    ExportRequest m_request;
    std::filesystem::path m_target;
    std::filesystem::path m_partial; // beside the target, renamed into place when complete
    std::shared_ptr<std::atomic_bool> m_cancelled;
    std::shared_ptr<Status> m_status;
    bool m_wasCancelled = false;
};

} // namespace jtbd::app
