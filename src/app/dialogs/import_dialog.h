// The Import Transcripts dialog: which files, whose interviews, who asked the questions.
#pragma once

#include <jtbd/importer.h>

#include <QDialog>

#include <filesystem>
#include <vector>

class QComboBox;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace jtbd {
class Study;
}

namespace jtbd::app {

class ImportDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportDialog)

public:
    ImportDialog(const Study &study, const QStringList &files, QWidget *parent = nullptr);

    std::vector<std::filesystem::path> files() const;
    ImportOptions options() const;

private:
    void addFiles();
    void updateButtons();

    QListWidget *m_files;
    QComboBox *m_format;
    QComboBox *m_participant;
    QLineEdit *m_interviewers;
    QPushButton *m_importButton = nullptr;
};

} // namespace jtbd::app
