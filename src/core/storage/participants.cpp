// Participants and their free attributes.
#include "study_impl.h"

#include <jtbd/text.h>

#include <set>

namespace jtbd {

using storage::fail;

namespace {

void validate(const Participant &p)
{
    if (trim(p.code).empty())
        fail(ErrorCode::InvalidArgument, "a participant needs a code (such as P01)");
    if (!isPartialDate(p.switchDate))
        fail(ErrorCode::InvalidArgument,
             "participant " + p.code + ": switch date '" + p.switchDate
                 + "' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)");
    std::set<std::string> keys;
    for (const auto &attribute : p.attributes) {
        if (trim(attribute.key).empty())
            fail(ErrorCode::InvalidArgument,
                 "participant " + p.code + ": an attribute has no name");
        if (!keys.insert(attribute.key).second)
            fail(ErrorCode::InvalidArgument,
                 "participant " + p.code + ": attribute '" + attribute.key + "' is given twice");
    }
}

void requireUniqueCode(storage::Database &db, const Participant &p)
{
    if (db.scalar("SELECT count(*) FROM participant WHERE code = ? AND id <> ?", p.code, p.id) > 0)
        fail(ErrorCode::Conflict, "participant code " + p.code + " is already in use");
}

void writeAttributes(storage::Database &db, Id id, const std::vector<Attribute> &attributes)
{
    db.run("DELETE FROM participant_attribute WHERE participant_id = ?", id);
    int ord = 0;
    for (const auto &a : attributes)
        db.run("INSERT INTO participant_attribute (participant_id, key, value, ord) VALUES (?, ?, "
               "?, ?)",
               id,
               a.key,
               a.value,
               ord++);
}

constexpr std::string_view kColumns =
    "SELECT id, code, name, pseudonym, switched_from, switched_to, "
    "switch_date, consent, notes FROM participant";

Participant readParticipant(const storage::Query &q)
{
    Participant p;
    p.id = q.int64(0);
    p.code = q.text(1);
    p.name = q.text(2);
    p.pseudonym = q.text(3);
    p.switchedFrom = q.text(4);
    p.switchedTo = q.text(5);
    p.switchDate = q.text(6);
    p.consent = parseStored<Consent>(q.textView(7), parseConsent, "consent");
    p.notes = q.text(8);
    return p;
}

std::vector<Attribute> readAttributes(storage::Database &db, Id id)
{
    std::vector<Attribute> attributes;
    auto q = db.query(
        "SELECT key, value FROM participant_attribute WHERE participant_id = ? ORDER BY ord", id);
    while (q.next())
        attributes.push_back({q.text(0), q.text(1)});
    return attributes;
}

} // namespace

Result<Id> Study::addParticipant(const Participant &participant)
{
    return m_impl->write([&] {
        validate(participant);
        auto &db = m_impl->db;
        const Participant &p = participant;
        requireUniqueCode(db, p);
        db.run("INSERT INTO participant (id, code, name, pseudonym, switched_from, switched_to, "
               "switch_date, consent, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
               optionalId(p.id),
               p.code,
               p.name,
               p.pseudonym,
               p.switchedFrom,
               p.switchedTo,
               p.switchDate,
               key(p.consent),
               p.notes);
        const Id id = db.lastInsertId();
        writeAttributes(db, id, p.attributes);
        return id;
    });
}

Status Study::updateParticipant(const Participant &participant)
{
    return m_impl->write([&] {
        validate(participant);
        m_impl->requireRow("participant", participant.id, "participant");
        requireUniqueCode(m_impl->db, participant);
        m_impl->db.run(
            "UPDATE participant SET code = ?, name = ?, pseudonym = ?, switched_from = ?, "
            "switched_to = ?, switch_date = ?, consent = ?, notes = ? WHERE id = ?",
            participant.code,
            participant.name,
            participant.pseudonym,
            participant.switchedFrom,
            participant.switchedTo,
            participant.switchDate,
            key(participant.consent),
            participant.notes,
            participant.id);
        writeAttributes(m_impl->db, participant.id, participant.attributes);
    });
}

Status Study::deleteParticipant(Id id)
{
    return m_impl->write([&] {
        m_impl->requireRow("participant", id, "participant");
        m_impl->db.run("DELETE FROM participant WHERE id = ?", id);
    });
}

Result<Participant> Study::participant(Id id) const
{
    return m_impl->read([&] {
        auto q = m_impl->db.query(std::string(kColumns) + " WHERE id = ?", id);
        if (!q.next())
            fail(ErrorCode::NotFound, "there is no participant with id " + std::to_string(id));
        Participant p = readParticipant(q);
        p.attributes = readAttributes(m_impl->db, id);
        return p;
    });
}

Result<std::optional<Participant>> Study::findParticipant(std::string_view code) const
{
    return m_impl->read([&]() -> std::optional<Participant> {
        auto q = m_impl->db.query(std::string(kColumns) + " WHERE code = ?", code);
        if (!q.next())
            return std::nullopt;
        Participant p = readParticipant(q);
        p.attributes = readAttributes(m_impl->db, p.id);
        return p;
    });
}

Result<std::vector<Participant>> Study::participants() const
{
    return m_impl->read([&] {
        std::vector<Participant> list;
        {
            auto q = m_impl->db.query(std::string(kColumns) + " ORDER BY code, id");
            while (q.next())
                list.push_back(readParticipant(q));
        }
        for (auto &p : list)
            p.attributes = readAttributes(m_impl->db, p.id);
        return list;
    });
}

} // namespace jtbd
