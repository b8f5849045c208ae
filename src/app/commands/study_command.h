// The undo command every edit of the workbench is: a change to the study with its inverse. Each
// direction is one transaction, on disk when it returns.
#pragma once

#include <QUndoCommand>

#include <app/study_document.h>
#include <functional>
#include <memory>
#include <vector>

namespace jtbd::app {

class StudyCommand;

// A command ready for StudyDocument::apply(), or why the edit is refused (nothing was written).
using CommandResult = Result<std::unique_ptr<StudyCommand>>;

class StudyCommand : public QUndoCommand
{
public:
    using Edit = std::function<Status(Study &)>;

    // `forward` makes the edit, `backward` takes it back; both run inside one transaction.
    // `changes` are announced after either direction.
    StudyCommand(const QString &text, Edit forward, Edit backward, std::vector<Change> changes);

    // Makes the edit for the first time; false (with the error reported) when it failed.
    bool run(StudyDocument &document);

    void markDone() { m_done = true; }

    void redo() override;
    void undo() override;

protected:
    // For commands whose forward edit learns something the backward one needs (a new id):
    // replace the edits after the first run.
    void setForward(Edit forward) { m_forward = std::move(forward); }

    void setBackward(Edit backward) { m_backward = std::move(backward); }

private:
    bool perform(const Edit &edit, const QString &action);

    Edit m_forward;
    Edit m_backward;
    std::vector<Change> m_changes;
    StudyDocument *m_document = nullptr;
    // QUndoStack moves its position whether or not an undo or redo succeeded. These record that
    // the study is still where it was, so that the next step the other way has nothing to do.
    bool m_done = false;   // the study holds the edit: the next redo() skips it
    bool m_undone = false; // the study does not hold the edit: the next undo() skips it
};

// A command that adds a record and takes it back by the id the add returned. On redo the record is
// added again under that same id, so later commands that refer to it stay valid.
template<typename Record>
class AddCommand final : public StudyCommand
{
public:
    using Add = std::function<Result<Id>(Study &, const Record &)>;
    using Remove = std::function<Status(Study &, Id)>;

    AddCommand(
        const QString &text, Record record, Add add, Remove remove, std::vector<Change> changes);

    // The new record's id, once the command has run.
    Id addedId() const { return m_record->id; }

private:
    std::shared_ptr<Record> m_record;
};

// A derived command as a CommandResult (two conversions are one too many for the compiler).
template<typename T, typename... Args>
CommandResult makeCommand(Args &&...args)
{
    return std::unique_ptr<StudyCommand>(std::make_unique<T>(std::forward<Args>(args)...));
}

// Why an edit is refused, in words a person can act on.
Error refusal(ErrorCode code, const QString &message);

// Applies `command`; a refusal is reported through StudyDocument::errorOccurred as
// "`action` failed: …". A command that would change nothing is null and is not applied. True when
// the edit was stored or there was nothing to change.
bool applyCommand(StudyDocument &document, const QString &action, CommandResult command);

} // namespace jtbd::app

#include "study_command_impl.h"
