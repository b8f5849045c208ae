// The export dialog for the report, the job stories and the highlights.
#include "export_dialog.h"

#include <jtbd/study.h>

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include <app/study_document.h>

namespace jtbd::app {

namespace {

constexpr int kJobIdRole = Qt::UserRole;

const ExportFormat kFormats[] = {
    ExportFormat::ReportPdf, ExportFormat::JobStoriesJson, ExportFormat::HighlightsCsv};

QString formatLabel(ExportFormat format)
{
    switch (format) {
    case ExportFormat::ReportPdf:
        return ExportDialog::tr("Report (PDF)");
    case ExportFormat::JobStoriesJson:
        return ExportDialog::tr("Job stories (JSON)");
    case ExportFormat::HighlightsCsv:
        return ExportDialog::tr("Highlights (CSV)");
    case ExportFormat::StudyJson:
        break;
    }
    return {};
}

// What each format holds, under the format's name.
QString formatDescription(ExportFormat format)
{
    switch (format) {
    case ExportFormat::ReportPdf:
        return ExportDialog::tr("Cover, each job's story, forces diagram and strongest quotes, "
                                "and an appendix of participants, interviews and codes.");
    case ExportFormat::JobStoriesJson:
        return ExportDialog::tr("Each job's story, statement and evidence, for other tools.");
    case ExportFormat::HighlightsCsv:
        return ExportDialog::tr("One row per highlight with its codes, quote, participant, "
                                "interview and timestamps, for a spreadsheet.");
    case ExportFormat::StudyJson:
        break;
    }
    return {};
}

// The file name proposed for `format`: the study's name without characters that folders refuse.
QString fileBaseName(const QString &displayName, ExportFormat format)
{
    QString base = displayName.trimmed();
    static const QString refused = QStringLiteral("/\\:*?\"<>|");
    for (QChar &c : base)
        if (refused.contains(c) || c.unicode() < 0x20)
            c = QLatin1Char('-');
    if (base.isEmpty())
        base = ExportDialog::tr("Study");
    switch (format) {
    case ExportFormat::ReportPdf:
        return base + ExportDialog::tr(" report");
    case ExportFormat::JobStoriesJson:
        return base + ExportDialog::tr(" job stories");
    case ExportFormat::HighlightsCsv:
        return base + ExportDialog::tr(" highlights");
    case ExportFormat::StudyJson:
        break;
    }
    return base;
}

} // namespace

ExportDialog::ExportDialog(const Study &study,
                           const QString &displayName,
                           ExportFormat format,
                           QWidget *parent)
    : QDialog(parent)
    , m_folder(QString::fromStdString(study.path().parent_path().string()))
    , m_displayName(displayName)
    , m_format(format == ExportFormat::StudyJson ? ExportFormat::ReportPdf : format)
    , m_formatBox(new QComboBox(this))
    , m_formatNote(new QLabel(this))
    , m_path(new QLineEdit(this))
    , m_redact(new QCheckBox(tr("Redact participants' names"), this))
    , m_redactNote(new QLabel(this))
    , m_memos(new QCheckBox(tr("Include memos and notes"), this))
    , m_jobs(new QListWidget(this))
    , m_jobsNote(new QLabel(this))
{
    setWindowTitle(tr("Export"));
    setObjectName(QStringLiteral("exportDialog"));

    m_formatBox->setObjectName(QStringLiteral("exportFormat"));
    for (const auto f : kFormats)
        m_formatBox->addItem(formatLabel(f), static_cast<int>(f));
    m_formatBox->setCurrentIndex(m_formatBox->findData(static_cast<int>(m_format)));
    m_formatNote->setWordWrap(true);
    connect(m_formatBox, &QComboBox::currentIndexChanged, this, [this](int index) {
        setFormat(static_cast<ExportFormat>(m_formatBox->itemData(index).toInt()));
    });

    m_path->setObjectName(QStringLiteral("exportPath"));
    m_path->setText(proposedPath(m_format));
    m_path->setMinimumWidth(420);
    connect(m_path, &QLineEdit::textChanged, this, &ExportDialog::updateState);
    auto *browse = new QPushButton(tr("Browse…"), this);
    browse->setObjectName(QStringLiteral("exportBrowse"));
    connect(browse, &QPushButton::clicked, this, &ExportDialog::browse);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);

    // Redaction is on unless the researcher turns it off, and what it does is always in sight.
    m_redact->setObjectName(QStringLiteral("exportRedact"));
    m_redact->setChecked(true);
    m_redactNote->setObjectName(QStringLiteral("exportRedactNote"));
    m_redactNote->setWordWrap(true);
    m_redactNote->setContentsMargins(24, 0, 0, 0);
    connect(m_redact, &QCheckBox::toggled, this, &ExportDialog::updateState);

    m_memos->setObjectName(QStringLiteral("exportMemos"));
    m_memos->setToolTip(tr("Highlight memos, job notes and interview notes. They may name people: "
                           "redaction replaces participants' names in them too."));

    m_jobs->setObjectName(QStringLiteral("exportJobs"));
    m_jobs->setUniformItemSizes(true);
    if (auto jobs = study.jobs()) {
        for (const auto &job : *jobs) {
            const QString name = job.name.empty() ? tr("Job %1").arg(job.id) : toQString(job.name);
            const auto stories = job.interviewIds.size();
            auto *item =
                new QListWidgetItem(stories == 1 ? tr("%1 (1 story)").arg(name)
                                                 : tr("%1 (%2 stories)").arg(name).arg(stories),
                                    m_jobs);
            item->setData(kJobIdRole, QVariant::fromValue<qint64>(job.id));
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Checked);
        }
    }
    connect(m_jobs, &QListWidget::itemChanged, this, &ExportDialog::updateState);
    auto *all = new QPushButton(tr("Select All"), this);
    all->setObjectName(QStringLiteral("exportSelectAll"));
    auto *none = new QPushButton(tr("Select None"), this);
    none->setObjectName(QStringLiteral("exportSelectNone"));
    connect(all, &QPushButton::clicked, this, [this] {
        setAllJobsChecked(true);
    });
    connect(none, &QPushButton::clicked, this, [this] {
        setAllJobsChecked(false);
    });
    all->setEnabled(m_jobs->count() > 0);
    none->setEnabled(m_jobs->count() > 0);
    m_jobsNote->setObjectName(QStringLiteral("exportJobsNote"));
    auto *jobButtons = new QHBoxLayout;
    jobButtons->addWidget(all);
    jobButtons->addWidget(none);
    jobButtons->addStretch();
    jobButtons->addWidget(m_jobsNote);

    auto *form = new QFormLayout;
    form->addRow(tr("Format:"), m_formatBox);
    form->addRow(QString(), m_formatNote);
    form->addRow(tr("File:"), pathRow);
    auto *privacy = new QVBoxLayout;
    privacy->setSpacing(2);
    privacy->addWidget(m_redact);
    privacy->addWidget(m_redactNote);
    form->addRow(tr("Privacy:"), privacy);
    form->addRow(tr("Content:"), m_memos);
    auto *jobs = new QVBoxLayout;
    jobs->addWidget(m_jobs, 1);
    jobs->addLayout(jobButtons);
    form->addRow(tr("Jobs:"), jobs);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_exportButton = buttons->addButton(tr("Export"), QDialogButtonBox::AcceptRole);
    m_exportButton->setObjectName(QStringLiteral("exportButton"));
    m_exportButton->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (canExport())
            accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form, 1);
    layout->addWidget(buttons);
    resize(620, 480);
    updateState();
}

ExportFormat ExportDialog::format() const
{
    return m_format;
}

void ExportDialog::setFormat(ExportFormat format)
{
    if (format == ExportFormat::StudyJson || format == m_format)
        return;
    const ExportFormat before = m_format;
    m_format = format;
    const QSignalBlocker blocker(m_formatBox);
    m_formatBox->setCurrentIndex(m_formatBox->findData(static_cast<int>(format)));
    const QString current = m_path->text().trimmed();
    if (current.isEmpty() || current == proposedPath(before)) {
        m_path->setText(proposedPath(format));
    } else {
        const QFileInfo info(current);
        const QString base = info.suffix().compare(exportSuffix(before), Qt::CaseInsensitive) == 0
                                 ? info.completeBaseName()
                                 : info.fileName();
        m_path->setText(info.dir().filePath(base + QLatin1Char('.') + exportSuffix(format)));
    }
    updateState();
}

QString ExportDialog::path() const
{
    return m_path->text().trimmed();
}

void ExportDialog::setPath(const QString &path)
{
    m_path->setText(path);
}

bool ExportDialog::redact() const
{
    return m_redact->isChecked();
}

void ExportDialog::setRedact(bool redact)
{
    m_redact->setChecked(redact);
}

bool ExportDialog::includeMemos() const
{
    return m_memos->isChecked();
}

void ExportDialog::setIncludeMemos(bool include)
{
    m_memos->setChecked(include);
}

std::vector<Id> ExportDialog::jobIds() const
{
    std::vector<Id> ids;
    for (int row = 0; row < m_jobs->count(); ++row)
        ids.push_back(m_jobs->item(row)->data(kJobIdRole).value<qint64>());
    return ids;
}

std::vector<Id> ExportDialog::checkedJobIds() const
{
    std::vector<Id> ids;
    for (int row = 0; row < m_jobs->count(); ++row)
        if (m_jobs->item(row)->checkState() == Qt::Checked)
            ids.push_back(m_jobs->item(row)->data(kJobIdRole).value<qint64>());
    return ids;
}

void ExportDialog::setJobChecked(Id jobId, bool checked)
{
    for (int row = 0; row < m_jobs->count(); ++row)
        if (m_jobs->item(row)->data(kJobIdRole).value<qint64>() == jobId)
            m_jobs->item(row)->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
}

void ExportDialog::setAllJobsChecked(bool checked)
{
    {
        const QSignalBlocker blocker(m_jobs);
        for (int row = 0; row < m_jobs->count(); ++row)
            m_jobs->item(row)->setCheckState(checked ? Qt::Checked : Qt::Unchecked);
    }
    updateState();
}

ExportRequest ExportDialog::request() const
{
    ExportRequest request;
    request.format = m_format;
    request.path = path();
    request.options.redact = redact();
    request.options.includeMemos = includeMemos();
    // Every job is an empty list, so that the highlights of stories in no job are kept too.
    const auto checked = checkedJobIds();
    if (checked.size() != static_cast<std::size_t>(m_jobs->count()))
        request.options.jobIds = checked;
    return request;
}

bool ExportDialog::canExport() const
{
    return !path().isEmpty() && (m_jobs->count() == 0 || !checkedJobIds().empty());
}

void ExportDialog::browse()
{
    QString chosen =
        QFileDialog::getSaveFileName(this,
                                     tr("Export %1").arg(formatLabel(m_format)),
                                     path().isEmpty() ? proposedPath(m_format) : path(),
                                     exportFilter(m_format));
    if (chosen.isEmpty())
        return;
    if (QFileInfo(chosen).suffix().isEmpty())
        chosen += QLatin1Char('.') + exportSuffix(m_format);
    m_path->setText(QDir::toNativeSeparators(chosen));
}

void ExportDialog::updateState()
{
    const int total = m_jobs->count();
    const auto checked = static_cast<int>(checkedJobIds().size());
    if (total == 0)
        m_jobsNote->setText(tr("The study has no jobs yet."));
    else if (checked == 0)
        m_jobsNote->setText(tr("Check at least one job."));
    else
        m_jobsNote->setText(tr("%1 of %2 jobs").arg(checked).arg(total));
    m_formatNote->setText(formatDescription(m_format));
    m_redactNote->setText(
        redact() ? tr("Pseudonyms everywhere; real names inside quotes replaced by [pseudonym]")
                 : tr("Real names appear as written: handle the file like the study itself."));
    m_exportButton->setEnabled(canExport());
}

QString ExportDialog::proposedPath(ExportFormat format) const
{
    const QString name =
        fileBaseName(m_displayName, format) + QLatin1Char('.') + exportSuffix(format);
    return QDir::toNativeSeparators(QDir(m_folder).filePath(name));
}

} // namespace jtbd::app
