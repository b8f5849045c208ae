// Undoable edits of interview guides.
#include "guide_commands.h"

#include <jtbd/study.h>
#include <jtbd/text.h>

#include <QCoreApplication>

#include <algorithm>
#include <set>

namespace jtbd::app {

namespace {

// Beyond this many interviews a removal announces Everything instead of one change each.
constexpr std::size_t kMaxNoteChanges = 16;

QString tr(const char *text)
{
    return QCoreApplication::translate("GuideCommands", text);
}

std::vector<Change> guidesChanged()
{
    return {Change{Change::Kind::Guides, 0}};
}

// Where a section or question sits: its guide and its position.
struct SectionPlace
{
    Guide guide;
    int position = 0;

    const GuideSection &section() const
    {
        return guide.sections[static_cast<std::size_t>(position)];
    }
};

struct QuestionPlace
{
    Guide guide;
    int sectionPosition = 0;
    int position = 0;

    const GuideSection &section() const
    {
        return guide.sections[static_cast<std::size_t>(sectionPosition)];
    }

    const GuideQuestion &question() const
    {
        return section().questions[static_cast<std::size_t>(position)];
    }
};

Result<SectionPlace> findSection(const Study &study, Id sectionId)
{
    auto guides = study.guides();
    if (!guides)
        return guides.error();
    for (auto &guide : *guides) {
        for (std::size_t i = 0; i < guide.sections.size(); ++i) {
            if (guide.sections[i].id == sectionId)
                return SectionPlace{std::move(guide), static_cast<int>(i)};
        }
    }
    return makeError(ErrorCode::NotFound,
                     "there is no guide section with id " + std::to_string(sectionId));
}

Result<QuestionPlace> findQuestion(const Study &study, Id questionId)
{
    auto guides = study.guides();
    if (!guides)
        return guides.error();
    for (auto &guide : *guides) {
        for (std::size_t s = 0; s < guide.sections.size(); ++s) {
            const auto &questions = guide.sections[s].questions;
            for (std::size_t q = 0; q < questions.size(); ++q) {
                if (questions[q].id == questionId)
                    return QuestionPlace{
                        std::move(guide), static_cast<int>(s), static_cast<int>(q)};
            }
        }
    }
    return makeError(ErrorCode::NotFound,
                     "there is no guide question with id " + std::to_string(questionId));
}

// The section or question to edit: refused when it belongs to the built-in guide.
template<typename Place>
Result<Place> editablePlace(const Study &study, Result<Place> place)
{
    if (!place)
        return place.error();
    if (auto allowed = checkEditable(study, place->guide.id); !allowed)
        return allowed.error();
    return place;
}

// What deleting questions removes or changes elsewhere: the notes taken under them lose their
// link, and their coverage in every interview goes.
struct QuestionUse
{
    std::vector<InterviewNote> notes;
    std::vector<QuestionCoverage> coverage;
};

Result<QuestionUse> useOf(const Study &study, const std::vector<GuideQuestion> &questions)
{
    QuestionUse use;
    for (const auto &question : questions) {
        auto notes = study.questionNotes(question.id);
        if (!notes)
            return notes.error();
        use.notes.insert(use.notes.end(), notes->begin(), notes->end());
        auto coverage = study.questionCoverage(question.id);
        if (!coverage)
            return coverage.error();
        use.coverage.insert(use.coverage.end(), coverage->begin(), coverage->end());
    }
    return use;
}

Status restoreUse(Study &study, const QuestionUse &use)
{
    for (const auto &note : use.notes) {
        if (auto status = study.updateNote(note); !status)
            return status;
    }
    for (const auto &covered : use.coverage) {
        if (auto status =
                study.setQuestionCovered(covered.interviewId, covered.questionId, covered.atMs);
            !status)
            return status;
    }
    return {};
}

std::vector<Change> changesFor(const QuestionUse &use)
{
    std::set<Id> interviews;
    for (const auto &note : use.notes)
        interviews.insert(note.interviewId);
    for (const auto &covered : use.coverage)
        interviews.insert(covered.interviewId);
    if (interviews.size() > kMaxNoteChanges)
        return {Change{Change::Kind::Everything, 0}};
    auto changes = guidesChanged();
    for (Id id : interviews)
        changes.push_back(Change{Change::Kind::Notes, id});
    return changes;
}

Result<GuideSection> loadSection(const Study &study, Id sectionId)
{
    auto place = findSection(study, sectionId);
    if (!place)
        return place.error();
    return place->section();
}

Result<GuideQuestion> loadQuestion(const Study &study, Id questionId)
{
    auto place = findQuestion(study, questionId);
    if (!place)
        return place.error();
    return place->question();
}

// The edit that stores `after` in place of `before`, and `before` again when undone.
template<typename Record>
std::unique_ptr<StudyCommand> replaceCommand(const QString &text,
                                             Record before,
                                             Record after,
                                             Status (Study::*store)(const Record &))
{
    return std::make_unique<StudyCommand>(
        text,
        [store, after = std::move(after)](Study &s) {
            return (s.*store)(after);
        },
        [store, before = std::move(before)](Study &s) {
            return (s.*store)(before);
        },
        guidesChanged());
}

// The edit that deletes a section or question; undone, `addBack` stores the part again under its
// ids and what `questions` were used for is restored.
GuideCommand removePartCommand(const Study &study,
                               const QString &text,
                               const std::vector<GuideQuestion> &questions,
                               StudyCommand::Edit remove,
                               std::function<Result<Id>(Study &)> addBack)
{
    auto use = useOf(study, questions);
    if (!use)
        return use.error();
    auto changes = changesFor(*use);
    return std::make_unique<StudyCommand>(
        text,
        std::move(remove),
        [addBack = std::move(addBack), use = std::move(*use)](Study &s) -> Status {
            auto added = addBack(s);
            if (!added)
                return added.error();
            return restoreUse(s, use);
        },
        std::move(changes));
}

} // namespace

Status checkEditable(const Study &study, Id guideId)
{
    auto guide = study.guide(guideId);
    if (!guide)
        return guide.error();
    if (guide->builtin)
        return refusal(ErrorCode::Conflict,
                       tr("“%1” is the built-in template and cannot be changed; make a copy and "
                          "edit the copy")
                           .arg(toQString(guide->name)));
    return {};
}

GuideCommand updateGuideCommand(const Study &study, const Guide &guide)
{
    auto before = study.guide(guide.id);
    if (!before)
        return before.error();
    if (auto editable = checkEditable(study, guide.id); !editable)
        return editable.error();
    if (trim(guide.name).empty())
        return refusal(ErrorCode::InvalidArgument, tr("a guide needs a name"));
    if (guide.plannedMinutes < 0)
        return refusal(ErrorCode::InvalidArgument, tr("the planned length cannot be negative"));
    Guide after = *before;
    after.name = guide.name;
    after.description = guide.description;
    after.plannedMinutes = guide.plannedMinutes;
    after.isTemplate = guide.isTemplate;
    if (after == *before)
        return std::unique_ptr<StudyCommand>();
    const QString text = after.name != before->name
                             ? tr("Rename guide to “%1”").arg(toQString(after.name))
                             : tr("Edit guide “%1”").arg(toQString(after.name));
    return replaceCommand(text, std::move(*before), std::move(after), &Study::updateGuide);
}

GuideCommand copyGuideCommand(const Study &study, Id sourceId, const QString &name, bool asTemplate)
{
    auto source = study.guide(sourceId);
    if (!source)
        return source.error();
    if (name.trimmed().isEmpty())
        return refusal(ErrorCode::InvalidArgument, tr("a guide needs a name"));
    const std::string copyName = toStd(name.trimmed());
    const QString text = asTemplate ? tr("Save “%1” as template").arg(name.trimmed())
                                    : tr("New guide “%1”").arg(name.trimmed());
    return makeCommand<AddGuidePartCommand<Guide>>(
        text,
        Guide{},
        [sourceId, copyName, asTemplate](Study &s, const Guide &stored) -> Result<Id> {
            // The first time the copy is made; after an undo, what was made comes back.
            if (stored.id == 0)
                return s.copyGuide(sourceId, copyName, asTemplate);
            return s.addGuide(stored);
        },
        [](const Study &s, Id id) {
            return s.guide(id);
        },
        [](Study &s, Id id) {
            return s.deleteGuide(id);
        },
        guidesChanged());
}

GuideCommand
addSectionCommand(const Study &study, Id guideId, const GuideSection &section, int position)
{
    if (auto editable = checkEditable(study, guideId); !editable)
        return editable.error();
    if (trim(section.title).empty())
        return refusal(ErrorCode::InvalidArgument, tr("a section needs a title"));
    GuideSection fresh = section;
    fresh.id = 0;
    for (auto &question : fresh.questions)
        question.id = 0;
    return makeCommand<AddGuidePartCommand<GuideSection>>(
        tr("Add section “%1”").arg(toQString(section.title)),
        std::move(fresh),
        [guideId, position](Study &s, const GuideSection &stored) {
            return s.addSection(guideId, stored, std::max(position, 0));
        },
        loadSection,
        [](Study &s, Id id) {
            return s.deleteSection(id);
        },
        guidesChanged());
}

GuideCommand updateSectionCommand(const Study &study, const GuideSection &section)
{
    auto place = editablePlace(study, findSection(study, section.id));
    if (!place)
        return place.error();
    if (trim(section.title).empty())
        return refusal(ErrorCode::InvalidArgument, tr("a section needs a title"));
    if (section.minutes < 0)
        return refusal(ErrorCode::InvalidArgument, tr("a section's minutes cannot be negative"));
    GuideSection before = place->section();
    GuideSection after = section;
    after.questions = before.questions;
    if (after == before)
        return std::unique_ptr<StudyCommand>();
    before.questions.clear();
    after.questions.clear();
    const QString text = tr("Edit section “%1”").arg(toQString(after.title));
    return replaceCommand(text, std::move(before), std::move(after), &Study::updateSection);
}

GuideCommand moveSectionCommand(const Study &study, Id sectionId, int position)
{
    auto place = editablePlace(study, findSection(study, sectionId));
    if (!place)
        return place.error();
    const int last = static_cast<int>(place->guide.sections.size()) - 1;
    position = std::clamp(position, 0, std::max(last, 0));
    const int from = place->position;
    if (position == from)
        return std::unique_ptr<StudyCommand>();
    return std::make_unique<StudyCommand>(
        tr("Move section “%1”").arg(toQString(place->section().title)),
        [sectionId, position](Study &s) {
            return s.moveSection(sectionId, position);
        },
        [sectionId, from](Study &s) {
            return s.moveSection(sectionId, from);
        },
        guidesChanged());
}

GuideCommand removeSectionCommand(const Study &study, Id sectionId)
{
    auto place = editablePlace(study, findSection(study, sectionId));
    if (!place)
        return place.error();
    return removePartCommand(
        study,
        tr("Remove section “%1”").arg(toQString(place->section().title)),
        place->section().questions,
        [sectionId](Study &s) {
            return s.deleteSection(sectionId);
        },
        [guideId = place->guide.id, position = place->position, section = place->section()](
            Study &s) {
            return s.addSection(guideId, section, position);
        });
}

GuideCommand
addQuestionCommand(const Study &study, Id sectionId, const GuideQuestion &question, int position)
{
    auto place = editablePlace(study, findSection(study, sectionId));
    if (!place)
        return place.error();
    if (trim(question.text).empty())
        return refusal(ErrorCode::InvalidArgument, tr("a question cannot be empty"));
    GuideQuestion fresh = question;
    fresh.id = 0;
    return makeCommand<AddGuidePartCommand<GuideQuestion>>(
        tr("Add question"),
        std::move(fresh),
        [sectionId, position](Study &s, const GuideQuestion &stored) {
            return s.addQuestion(sectionId, stored, std::max(position, 0));
        },
        loadQuestion,
        [](Study &s, Id id) {
            return s.deleteQuestion(id);
        },
        guidesChanged());
}

GuideCommand updateQuestionCommand(const Study &study, const GuideQuestion &question)
{
    auto place = editablePlace(study, findQuestion(study, question.id));
    if (!place)
        return place.error();
    if (trim(question.text).empty())
        return refusal(ErrorCode::InvalidArgument, tr("a question cannot be empty"));
    GuideQuestion before = place->question();
    GuideQuestion after = question;
    // Blank probe lines are not probes.
    std::erase_if(after.probes, [](const std::string &probe) {
        return trim(probe).empty();
    });
    if (after == before)
        return std::unique_ptr<StudyCommand>();
    return replaceCommand(
        tr("Edit question"), std::move(before), std::move(after), &Study::updateQuestion);
}

GuideCommand moveQuestionCommand(const Study &study, Id questionId, Id sectionId, int position)
{
    auto place = editablePlace(study, findQuestion(study, questionId));
    if (!place)
        return place.error();
    const auto target = std::find_if(place->guide.sections.begin(),
                                     place->guide.sections.end(),
                                     [&](const GuideSection &section) {
                                         return section.id == sectionId;
                                     });
    if (target == place->guide.sections.end())
        return refusal(ErrorCode::InvalidArgument,
                       tr("a question can only move to a section of its own guide"));
    const Id fromSection = place->section().id;
    const int from = place->position;
    // In its own section the question leaves a gap, so the last position is one less.
    const int count =
        static_cast<int>(target->questions.size()) - (sectionId == fromSection ? 1 : 0);
    position = std::clamp(position, 0, std::max(count, 0));
    if (sectionId == fromSection && position == from)
        return std::unique_ptr<StudyCommand>();
    return std::make_unique<StudyCommand>(
        tr("Move question"),
        [questionId, sectionId, position](Study &s) {
            return s.moveQuestion(questionId, sectionId, position);
        },
        [questionId, fromSection, from](Study &s) {
            return s.moveQuestion(questionId, fromSection, from);
        },
        guidesChanged());
}

GuideCommand removeQuestionCommand(const Study &study, Id questionId)
{
    auto place = editablePlace(study, findQuestion(study, questionId));
    if (!place)
        return place.error();
    return removePartCommand(
        study,
        tr("Remove question"),
        {place->question()},
        [questionId](Study &s) {
            return s.deleteQuestion(questionId);
        },
        [sectionId = place->section().id, position = place->position, question = place->question()](
            Study &s) {
            return s.addQuestion(sectionId, question, position);
        });
}

Id addedGuidePartId(const StudyCommand *command)
{
    if (const auto *guide = dynamic_cast<const AddGuidePartCommand<Guide> *>(command))
        return guide->addedId();
    if (const auto *section = dynamic_cast<const AddGuidePartCommand<GuideSection> *>(command))
        return section->addedId();
    if (const auto *question = dynamic_cast<const AddGuidePartCommand<GuideQuestion> *>(command))
        return question->addedId();
    return 0;
}

} // namespace jtbd::app
