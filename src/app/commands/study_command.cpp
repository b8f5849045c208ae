// The undo command every edit is.
#include "study_command.h"

namespace jtbd::app {

StudyCommand::StudyCommand(const QString &text,
                           Edit forward,
                           Edit backward,
                           std::vector<Change> changes)
    : QUndoCommand(text)
    , m_forward(std::move(forward))
    , m_backward(std::move(backward))
    , m_changes(std::move(changes))
{}

bool StudyCommand::run(StudyDocument &document)
{
    m_document = &document;
    return perform(m_forward, text());
}

void StudyCommand::redo()
{
    // Nothing to do after push() (the edit was just made), or after an undo that failed (the edit
    // is still in the study): the stack's position and the study agree again.
    if (m_done) {
        m_done = false;
        return;
    }
    if (!perform(m_forward, QObject::tr("Redo %1").arg(text())))
        m_undone = true; // the study still holds the state before the edit
}

void StudyCommand::undo()
{
    if (m_undone) {
        m_undone = false;
        return;
    }
    if (!perform(m_backward, QObject::tr("Undo %1").arg(text())))
        m_done = true; // the study still holds the edit
}

bool StudyCommand::perform(const Edit &edit, const QString &action)
{
    Q_ASSERT(m_document);
    auto &study = m_document->mutableStudy();
    auto status = study.transaction([&] {
        return edit(study);
    });
    // Announce even after a failure: views reload what is actually stored.
    for (const auto &change : m_changes)
        m_document->announce(change);
    if (!status) {
        m_document->reportError(action, status.error());
        return false;
    }
    return true;
}

Error refusal(ErrorCode code, const QString &message)
{
    return makeError(code, toStd(message));
}

bool applyCommand(StudyDocument &document, const QString &action, CommandResult command)
{
    if (!command) {
        document.reportError(action, command.error());
        return false;
    }
    if (!*command)
        return true; // nothing to change
    return document.apply(std::move(*command));
}

} // namespace jtbd::app
