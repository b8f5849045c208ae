// Interview guides: sections by timeline phase, questions and probes; templates.
#include "study_impl.h"

#include <jtbd/text.h>

namespace jtbd {

using storage::fail;

namespace {

std::optional<std::string_view> phaseKey(const std::optional<Phase> &phase)
{
    return phase ? std::optional(key(*phase)) : std::nullopt;
}

std::optional<std::string_view> eventKey(const std::optional<EventKind> &event)
{
    return event ? std::optional(key(*event)) : std::nullopt;
}

void requireText(std::string_view text, std::string_view what)
{
    if (trim(text).empty())
        fail(ErrorCode::InvalidArgument, std::string(what) + " cannot be empty");
}

void writeProbes(storage::Database &db, Id questionId, const std::vector<std::string> &probes)
{
    db.run("DELETE FROM guide_probe WHERE question_id = ?", questionId);
    int ord = 0;
    for (const auto &probe : probes)
        db.run("INSERT INTO guide_probe (question_id, ord, text) VALUES (?, ?, ?)",
               questionId,
               ord++,
               probe);
}

// Renumbers a parent's children 0…n−1 in their current order, with `moved` (when given) placed
// at `position` (clamped).
void renumber(storage::Database &db,
              std::string_view table,
              std::string_view parentColumn,
              Id parentId,
              std::optional<Id> moved = {},
              int position = 0)
{
    std::vector<Id> ids;
    {
        auto q = db.query("SELECT id FROM " + std::string(table) + " WHERE "
                              + std::string(parentColumn) + " = ? AND id <> ? ORDER BY ord, id",
                          parentId,
                          moved.value_or(0));
        while (q.next())
            ids.push_back(q.int64(0));
    }
    if (moved) {
        position = std::clamp(position, 0, static_cast<int>(ids.size()));
        ids.insert(ids.begin() + position, *moved);
    }
    for (std::size_t i = 0; i < ids.size(); ++i)
        db.run("UPDATE " + std::string(table) + " SET ord = ? WHERE id = ?",
               static_cast<int>(i),
               ids[i]);
}

} // namespace

Id Study::Impl::insertGuide(const Guide &guide, bool keepIds)
{
    requireText(guide.name, "a guide's name");
    db.run("INSERT INTO guide (id, name, description, planned_minutes, is_template, builtin) "
           "VALUES (?, ?, ?, ?, ?, ?)",
           keepIds ? optionalId(guide.id) : std::nullopt,
           guide.name,
           guide.description,
           guide.plannedMinutes,
           guide.isTemplate,
           guide.builtin);
    const Id id = db.lastInsertId();
    int ord = 0;
    for (const auto &section : guide.sections)
        insertSection(id, ord++, section, keepIds);
    return id;
}

Id Study::Impl::insertSection(Id guideId, int ord, const GuideSection &section, bool keepIds)
{
    requireText(section.title, "a section's title");
    db.run("INSERT INTO guide_section (id, guide_id, ord, title, phase, event, minutes, purpose, "
           "tips) "
           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
           keepIds ? optionalId(section.id) : std::nullopt,
           guideId,
           ord,
           section.title,
           phaseKey(section.phase),
           eventKey(section.event),
           section.minutes,
           section.purpose,
           section.tips);
    const Id sectionId = db.lastInsertId();
    int questionOrd = 0;
    for (const auto &question : section.questions)
        insertQuestion(sectionId, questionOrd++, question, keepIds);
    return sectionId;
}

Id Study::Impl::insertQuestion(Id sectionId, int ord, const GuideQuestion &question, bool keepIds)
{
    requireText(question.text, "a question");
    db.run("INSERT INTO guide_question (id, section_id, ord, text, note) VALUES (?, ?, ?, ?, ?)",
           keepIds ? optionalId(question.id) : std::nullopt,
           sectionId,
           ord,
           question.text,
           question.note);
    const Id questionId = db.lastInsertId();
    writeProbes(db, questionId, question.probes);
    return questionId;
}

Guide Study::Impl::loadGuide(Id id) const
{
    Guide guide;
    {
        auto q = db.query("SELECT id, name, description, planned_minutes, is_template, builtin "
                          "FROM guide WHERE id = ?",
                          id);
        if (!q.next())
            fail(ErrorCode::NotFound, "there is no interview guide with id " + std::to_string(id));
        guide.id = q.int64(0);
        guide.name = q.text(1);
        guide.description = q.text(2);
        guide.plannedMinutes = q.int32(3);
        guide.isTemplate = q.int64(4) != 0;
        guide.builtin = q.int64(5) != 0;
    }
    {
        auto q =
            db.query("SELECT id, title, phase, event, minutes, purpose, tips FROM guide_section "
                     "WHERE guide_id = ? ORDER BY ord, id",
                     id);
        while (q.next()) {
            GuideSection s;
            s.id = q.int64(0);
            s.title = q.text(1);
            if (!q.isNull(2))
                s.phase = parseStored<Phase>(q.textView(2), parsePhase, "phase");
            if (!q.isNull(3))
                s.event = parseStored<EventKind>(q.textView(3), parseEventKind, "event");
            s.minutes = q.int32(4);
            s.purpose = q.text(5);
            s.tips = q.text(6);
            guide.sections.push_back(std::move(s));
        }
    }
    for (auto &section : guide.sections) {
        auto q = db.query(
            "SELECT id, text, note FROM guide_question WHERE section_id = ? ORDER BY ord, id",
            section.id);
        while (q.next())
            section.questions.push_back({q.int64(0), q.text(1), q.text(2), {}});
        for (auto &question : section.questions) {
            auto p = db.query("SELECT text FROM guide_probe WHERE question_id = ? ORDER BY ord",
                              question.id);
            while (p.next())
                question.probes.push_back(p.text(0));
        }
    }
    return guide;
}

Result<Id> Study::addGuide(const Guide &guide)
{
    return m_impl->write([&] {
        Guide copy = guide;
        copy.builtin = false; // only the program ships built-in guides
        return m_impl->insertGuide(copy, true);
    });
}

Status Study::updateGuide(const Guide &guide)
{
    return m_impl->write([&] {
        m_impl->requireRow("guide", guide.id, "interview guide");
        requireText(guide.name, "a guide's name");
        m_impl->db.run(
            "UPDATE guide SET name = ?, description = ?, planned_minutes = ?, is_template = ? "
            "WHERE id = ?",
            guide.name,
            guide.description,
            guide.plannedMinutes,
            guide.isTemplate,
            guide.id);
    });
}

Status Study::deleteGuide(Id id)
{
    return m_impl->write([&] {
        m_impl->requireRow("guide", id, "interview guide");
        if (m_impl->db.scalar("SELECT builtin FROM guide WHERE id = ?", id) != 0)
            fail(ErrorCode::Conflict,
                 "the built-in switch-interview guide cannot be deleted; copy it to change it");
        m_impl->db.run("DELETE FROM guide WHERE id = ?", id);
    });
}

Result<Guide> Study::guide(Id id) const
{
    return m_impl->read([&] {
        return m_impl->loadGuide(id);
    });
}

Result<std::vector<Guide>> Study::guides() const
{
    return m_impl->read([&] {
        std::vector<Id> ids;
        {
            auto q = m_impl->db.query("SELECT id FROM guide ORDER BY builtin DESC, name, id");
            while (q.next())
                ids.push_back(q.int64(0));
        }
        std::vector<Guide> list;
        for (Id id : ids)
            list.push_back(m_impl->loadGuide(id));
        return list;
    });
}

Result<Id> Study::copyGuide(Id id, std::string_view name, bool asTemplate)
{
    return m_impl->write([&] {
        Guide guide = m_impl->loadGuide(id);
        guide.name = std::string(name);
        guide.isTemplate = asTemplate;
        guide.builtin = false;
        return m_impl->insertGuide(guide, false);
    });
}

Result<Id> Study::addSection(Id guideId, const GuideSection &section, std::optional<int> position)
{
    return m_impl->write([&] {
        m_impl->requireRow("guide", guideId, "interview guide");
        const int end = static_cast<int>(
            m_impl->db.scalar("SELECT count(*) FROM guide_section WHERE guide_id = ?", guideId));
        const Id sectionId = m_impl->insertSection(guideId, end, section, true);
        if (position)
            renumber(m_impl->db, "guide_section", "guide_id", guideId, sectionId, *position);
        return sectionId;
    });
}

Status Study::updateSection(const GuideSection &section)
{
    return m_impl->write([&] {
        m_impl->requireRow("guide_section", section.id, "guide section");
        requireText(section.title, "a section's title");
        m_impl->db.run(
            "UPDATE guide_section SET title = ?, phase = ?, event = ?, minutes = ?, purpose = ?, "
            "tips = ? WHERE id = ?",
            section.title,
            phaseKey(section.phase),
            eventKey(section.event),
            section.minutes,
            section.purpose,
            section.tips,
            section.id);
    });
}

Status Study::moveSection(Id sectionId, int position)
{
    return m_impl->write([&] {
        m_impl->requireRow("guide_section", sectionId, "guide section");
        const Id guideId =
            m_impl->db.scalar("SELECT guide_id FROM guide_section WHERE id = ?", sectionId);
        renumber(m_impl->db, "guide_section", "guide_id", guideId, sectionId, position);
    });
}

Status Study::deleteSection(Id sectionId)
{
    return m_impl->write([&] {
        m_impl->requireRow("guide_section", sectionId, "guide section");
        const Id guideId =
            m_impl->db.scalar("SELECT guide_id FROM guide_section WHERE id = ?", sectionId);
        m_impl->db.run("DELETE FROM guide_section WHERE id = ?", sectionId);
        renumber(m_impl->db, "guide_section", "guide_id", guideId);
    });
}

Result<Id>
Study::addQuestion(Id sectionId, const GuideQuestion &question, std::optional<int> position)
{
    return m_impl->write([&] {
        m_impl->requireRow("guide_section", sectionId, "guide section");
        const int end = static_cast<int>(m_impl->db.scalar(
            "SELECT count(*) FROM guide_question WHERE section_id = ?", sectionId));
        const Id questionId = m_impl->insertQuestion(sectionId, end, question, true);
        if (position)
            renumber(m_impl->db, "guide_question", "section_id", sectionId, questionId, *position);
        return questionId;
    });
}

Status Study::updateQuestion(const GuideQuestion &question)
{
    return m_impl->write([&] {
        m_impl->requireRow("guide_question", question.id, "guide question");
        requireText(question.text, "a question");
        m_impl->db.run("UPDATE guide_question SET text = ?, note = ? WHERE id = ?",
                       question.text,
                       question.note,
                       question.id);
        writeProbes(m_impl->db, question.id, question.probes);
    });
}

Status Study::moveQuestion(Id questionId, Id sectionId, int position)
{
    return m_impl->write([&] {
        m_impl->requireRow("guide_question", questionId, "guide question");
        m_impl->requireRow("guide_section", sectionId, "guide section");
        const Id oldSection =
            m_impl->db.scalar("SELECT section_id FROM guide_question WHERE id = ?", questionId);
        m_impl->db.run(
            "UPDATE guide_question SET section_id = ? WHERE id = ?", sectionId, questionId);
        renumber(m_impl->db, "guide_question", "section_id", sectionId, questionId, position);
        if (oldSection != sectionId)
            renumber(m_impl->db, "guide_question", "section_id", oldSection);
    });
}

Status Study::deleteQuestion(Id questionId)
{
    return m_impl->write([&] {
        m_impl->requireRow("guide_question", questionId, "guide question");
        const Id sectionId =
            m_impl->db.scalar("SELECT section_id FROM guide_question WHERE id = ?", questionId);
        m_impl->db.run("DELETE FROM guide_question WHERE id = ?", questionId);
        renumber(m_impl->db, "guide_question", "section_id", sectionId);
    });
}

} // namespace jtbd
