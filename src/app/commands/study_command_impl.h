// Template definitions for study_command.h.
#pragma once

namespace jtbd::app {

template<typename Record>
AddCommand<Record>::AddCommand(
    const QString &text, Record record, Add add, Remove remove, std::vector<Change> changes)
    : StudyCommand(text, {}, {}, std::move(changes))
    , m_record(std::make_shared<Record>(std::move(record)))
{
    auto stored = m_record;
    setForward([stored, add = std::move(add)](Study &study) -> Status {
        auto id = add(study, *stored);
        if (!id)
            return id.error();
        stored->id = *id;
        return {};
    });
    setBackward([stored, remove = std::move(remove)](Study &study) {
        return remove(study, stored->id);
    });
}

} // namespace jtbd::app
