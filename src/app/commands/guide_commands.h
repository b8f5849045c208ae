// Undoable edits of interview guides: the guide's own fields, sections and questions (add, edit,
// move, remove), copies and templates. The built-in switch-interview guide is refused: it is copied
// before it is changed.
#pragma once

#include <jtbd/model.h>
#include <jtbd/result.h>

#include <QString>

#include <app/commands/study_command.h>
#include <functional>
#include <memory>

namespace jtbd {
class Study;
}

namespace jtbd::app {

using GuideCommand = CommandResult;

// Refused (Conflict, with a message a person can act on) when `guideId` is the built-in guide.
Status checkEditable(const Study &study, Id guideId);

// Name, description, planned length and template flag; sections are left alone.
GuideCommand updateGuideCommand(const Study &study, const Guide &guide);
// A copy of `sourceId` (the built-in one included) with its sections and questions, as a template
// or as a guide to use. The command is an AddGuidePartCommand<Guide>: its addedId() is the copy's
// id once applied, and redo brings the copy back under the same ids.
GuideCommand
copyGuideCommand(const Study &study, Id sourceId, const QString &name, bool asTemplate);

// `position` counts from 0 among the guide's sections; past the end appends. The command is an
// AddGuidePartCommand<GuideSection>.
GuideCommand
addSectionCommand(const Study &study, Id guideId, const GuideSection &section, int position);
// The section's own fields (title, phase, event, minutes, purpose, tips), not its questions.
GuideCommand updateSectionCommand(const Study &study, const GuideSection &section);
GuideCommand moveSectionCommand(const Study &study, Id sectionId, int position);
// Undo brings the section back in place under its id, with its questions under theirs, the notes
// taken under them linked again and their coverage in every interview restored.
GuideCommand removeSectionCommand(const Study &study, Id sectionId);

// An AddGuidePartCommand<GuideQuestion>.
GuideCommand
addQuestionCommand(const Study &study, Id sectionId, const GuideQuestion &question, int position);
GuideCommand updateQuestionCommand(const Study &study, const GuideQuestion &question);
// Moves a question to `position` in `sectionId` (its own section or another of the same guide).
GuideCommand moveQuestionCommand(const Study &study, Id questionId, Id sectionId, int position);
// Undo restores the question in place under its id, its notes' links and its coverage.
GuideCommand removeQuestionCommand(const Study &study, Id questionId);

// How guides, sections and questions are added: after the first add, what was stored is read back
// with the ids its parts were given, so that redo stores exactly that again (same ids throughout)
// and later commands that refer to those ids stay valid.
template<typename Record>
class AddGuidePartCommand final : public StudyCommand
{
public:
    using Add = std::function<Result<Id>(Study &, const Record &)>;
    using Load = std::function<Result<Record>(const Study &, Id)>;
    using Remove = std::function<Status(Study &, Id)>;

    AddGuidePartCommand(const QString &text,
                        Record record,
                        Add add,
                        Load load,
                        Remove remove,
                        std::vector<Change> changes)
        : StudyCommand(text, {}, {}, std::move(changes))
        , m_record(std::make_shared<Record>(std::move(record)))
    {
        auto stored = m_record;
        setForward([stored, add = std::move(add), load = std::move(load)](Study &study) -> Status {
            auto id = add(study, *stored);
            if (!id)
                return id.error();
            auto back = load(study, *id);
            if (!back)
                return back.error();
            *stored = std::move(*back);
            return {};
        });
        setBackward([stored, remove = std::move(remove)](Study &study) {
            return remove(study, stored->id);
        });
    }

    // The new record's id, once the command has run.
    Id addedId() const { return m_record->id; }

private:
    std::shared_ptr<Record> m_record;
};

// The id a guide command added, or 0 for a command that adds nothing.
Id addedGuidePartId(const StudyCommand *command);

} // namespace jtbd::app
