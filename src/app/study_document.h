// An open study in the workbench: the study file, its undo history, and the notifications that keep
// every panel in step with what is stored.
#pragma once

#include <jtbd/study.h>

#include <QObject>
#include <QString>

#include <filesystem>
#include <memory>
#include <report/painting_support.h>

class QUndoStack;

namespace jtbd::app {

class StudyCommand;

// What an edit touched, so that views reload only that. `id` is the interview for the
// interview-specific kinds and 0 otherwise.
struct Change
{
    enum class Kind {
        StudyInfo,
        Participants,
        Interviews, // the list: added, removed, renamed, status
        Transcript, // one interview's turns
        Highlights, // one interview's highlights (and so the forces)
        Notes,      // one interview's notes
        Timeline,   // one interview's timeline events
        Codes,      // the codebook
        Guides,
        ForceGroups, // force groups and the researcher's marks in the story x force-group matrix
        Jobs,        // jobs, their members and drafts
        Everything   // after a bulk change such as an import
    };

    Kind kind = Kind::Everything;
    Id id = 0;
};

class StudyDocument final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StudyDocument)

public:
    explicit StudyDocument(Study study, QObject *parent = nullptr);
    ~StudyDocument() override;

    // Reads go straight to the study; writes go through apply() so they can be undone.
    const Study &study() const { return m_study; }

    const std::filesystem::path &path() const { return m_study.path(); }

    QString displayName() const; // the study's name, or its file name

    QUndoStack *undoStack() const { return m_undoStack; }

    // Runs the command's edit now. When it succeeds the command goes on the undo stack and true is
    // returned; when it fails nothing is stored, errorOccurred() is emitted and false is returned.
    bool apply(std::unique_ptr<StudyCommand> command);

    // An edit that is not undoable (an import, a new study's setup): runs `edit` on the study,
    // announces `change`, and clears the undo history, whose commands may no longer apply.
    Status applyWithoutUndo(const std::function<Status(Study &)> &edit, Change change);

    // Used by commands: the study to write to, and the announcement after they wrote.
    Study &mutableStudy() { return m_study; }

    void announce(const Change &change);
    void reportError(const QString &action, const Error &error);

Q_SIGNALS:
    void changed(const jtbd::app::Change &change);
    // A stored edit failed; `message` says what and why, for a message box or the status bar.
    void errorOccurred(const QString &message);

private:
    Study m_study;
    QUndoStack *m_undoStack;
};

using report::toQString;
std::string toStd(const QString &text);

} // namespace jtbd::app
