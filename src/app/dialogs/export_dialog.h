// File > Export for what leaves the tool: the PDF report, the job stories as JSON and the
// highlights as CSV. One dialog for the three: the file, redaction (on unless unchecked, and
// always in sight), memos, and which jobs.
#pragma once

#include <jtbd/model.h>

#include <QDialog>

#include <app/export_runner.h>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace jtbd {
class Study;
}

namespace jtbd::app {

class ExportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExportDialog)

public:
    // Lists the jobs of `study`; the file is proposed beside the study, named after
    // `displayName` (the study's name). `format` is one of the report formats, not the study JSON.
    ExportDialog(const Study &study,
                 const QString &displayName,
                 ExportFormat format,
                 QWidget *parent = nullptr);

    ExportFormat format() const;
    // Switches the format; a file name still as proposed follows it, a typed one gets the new
    // format's suffix.
    void setFormat(ExportFormat format);

    QString path() const;
    void setPath(const QString &path);

    bool redact() const;
    void setRedact(bool redact);

    bool includeMemos() const;
    void setIncludeMemos(bool include);

    // The jobs listed, in the dialog's order, and which of them are checked.
    std::vector<Id> jobIds() const;
    std::vector<Id> checkedJobIds() const;
    void setJobChecked(Id jobId, bool checked);
    void setAllJobsChecked(bool checked);

    // What to write: every job (an empty list) when all are checked, else the checked ones.
    ExportRequest request() const;

    // Export is possible with a file named and, when the study has jobs, at least one checked.
    bool canExport() const;

    QPushButton *exportButton() const { return m_exportButton; }

private:
    void browse();
    void updateState();
    QString proposedPath(ExportFormat format) const;

    QString m_folder;
    QString m_displayName;
    ExportFormat m_format;
    QComboBox *m_formatBox;
    QLabel *m_formatNote; // what the format holds
    QLineEdit *m_path;
    QCheckBox *m_redact;
    QLabel *m_redactNote; // what redaction does, or that names are kept
    QCheckBox *m_memos;
    QListWidget *m_jobs;
    QLabel *m_jobsNote;
    QPushButton *m_exportButton = nullptr;
};

} // namespace jtbd::app
