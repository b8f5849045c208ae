// The Import Transcripts dialog.
#include "import_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include <app/study_document.h>

namespace jtbd::app {

ImportDialog::ImportDialog(const Study &study, const QStringList &files, QWidget *parent)
    : QDialog(parent)
    , m_files(new QListWidget(this))
    , m_format(new QComboBox(this))
    , m_participant(new QComboBox(this))
    , m_interviewers(new QLineEdit(this))
{
    setWindowTitle(tr("Import Transcripts"));
    setObjectName(QStringLiteral("importDialog"));
    m_files->setObjectName(QStringLiteral("importFiles"));
    m_files->addItems(files);
    m_files->setSelectionMode(QAbstractItemView::ExtendedSelection);

    auto *add = new QPushButton(tr("Add Files…"), this);
    auto *remove = new QPushButton(tr("Remove"), this);
    connect(add, &QPushButton::clicked, this, &ImportDialog::addFiles);
    connect(remove, &QPushButton::clicked, this, [this] {
        qDeleteAll(m_files->selectedItems());
        updateButtons();
    });
    auto *fileButtons = new QVBoxLayout;
    fileButtons->addWidget(add);
    fileButtons->addWidget(remove);
    fileButtons->addStretch();
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_files, 1);
    fileRow->addLayout(fileButtons);

    m_format->setObjectName(QStringLiteral("importFormat"));
    m_format->addItem(tr("Recognise from the content"), QStringLiteral("auto"));
    m_format->addItem(tr("Plain text (Speaker: text, Rev, Otter, Teams)"), QStringLiteral("txt"));
    m_format->addItem(tr("WebVTT (Zoom, Teams)"), QStringLiteral("vtt"));
    m_format->addItem(tr("SubRip (.srt)"), QStringLiteral("srt"));
    m_format->addItem(tr("Word document (.docx)"), QStringLiteral("docx"));

    m_participant->setObjectName(QStringLiteral("importParticipant"));
    m_participant->setEditable(true);
    m_participant->addItem(QString());
    if (auto participants = study.participants())
        for (const auto &p : *participants)
            m_participant->addItem(toQString(p.code));
    m_participant->setToolTip(
        tr("Link the interviews to this participant; a new code adds a participant."));

    m_interviewers->setObjectName(QStringLiteral("importInterviewers"));
    m_interviewers->setPlaceholderText(tr("e.g. Sam, Interviewer"));
    m_interviewers->setToolTip(
        tr("Speakers who asked the questions, separated by commas; everyone else is taken as "
           "the participant."));

    auto *form = new QFormLayout;
    form->addRow(tr("Format:"), m_format);
    form->addRow(tr("Participant:"), m_participant);
    form->addRow(tr("Interviewers:"), m_interviewers);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_importButton = buttons->addButton(tr("Import"), QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Transcripts (each becomes an interview):"), this));
    layout->addLayout(fileRow);
    layout->addLayout(form);
    layout->addWidget(buttons);
    resize(640, 420);
    updateButtons();
}

void ImportDialog::addFiles()
{
    const auto chosen =
        QFileDialog::getOpenFileNames(this,
                                      tr("Add Transcripts"),
                                      {},
                                      tr("Transcripts (*.txt *.vtt *.srt *.docx);;All files (*)"));
    m_files->addItems(chosen);
    updateButtons();
}

void ImportDialog::updateButtons()
{
    m_importButton->setEnabled(m_files->count() > 0);
}

std::vector<std::filesystem::path> ImportDialog::files() const
{
    std::vector<std::filesystem::path> out;
    for (int i = 0; i < m_files->count(); ++i)
        out.emplace_back(m_files->item(i)->text().toStdString());
    return out;
}

ImportOptions ImportDialog::options() const
{
    ImportOptions options;
    options.format = m_format->currentData().toString().toStdString();
    options.participantCode = m_participant->currentText().trimmed().toStdString();
    for (const auto &name : m_interviewers->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!name.trimmed().isEmpty())
            options.interviewers.push_back(name.trimmed().toStdString());
    return options;
}

} // namespace jtbd::app
