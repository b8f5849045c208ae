// An open study with its undo history.
#include "study_document.h"

#include <QFileInfo>
#include <QUndoStack>

#include <app/commands/study_command.h>

namespace jtbd::app {

StudyDocument::StudyDocument(Study study, QObject *parent)
    : QObject(parent)
    , m_study(std::move(study))
    , m_undoStack(new QUndoStack(this))
{}

StudyDocument::~StudyDocument() = default;

QString StudyDocument::displayName() const
{
    auto info = m_study.info();
    if (info && !info->name.empty())
        return toQString(info->name);
    return QFileInfo(QString::fromStdString(m_study.path().string())).fileName();
}

bool StudyDocument::apply(std::unique_ptr<StudyCommand> command)
{
    if (!command->run(*this))
        return false;
    command->markDone();
    m_undoStack->push(command.release()); // push() calls redo(), which skips the edit just made
    return true;
}

Status StudyDocument::applyWithoutUndo(const std::function<Status(Study &)> &edit, Change change)
{
    auto status = edit(m_study);
    announce(change);
    if (status)
        m_undoStack->clear();
    return status;
}

void StudyDocument::announce(const Change &change)
{
    Q_EMIT changed(change);
}

void StudyDocument::reportError(const QString &action, const Error &error)
{
    // Stopping work one asked to stop is not a failure to tell anyone about.
    if (error.code == ErrorCode::Cancelled)
        return;
    Q_EMIT errorOccurred(tr("%1 failed: %2").arg(action, toQString(error.message)));
}

std::string toStd(const QString &text)
{
    return text.toStdString();
}

} // namespace jtbd::app
