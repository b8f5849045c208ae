// Synthesis records: force groups (affinitized quotes of one force) and jobs (clusters of stories).
#include "study_impl.h"

#include <jtbd/text.h>

#include <algorithm>
#include <random>

namespace jtbd {

using storage::fail;

namespace {

void writeGroupMembers(Study::Impl &impl, const ForceGroup &group)
{
    impl.db.run("DELETE FROM force_group_member WHERE force_group_id = ?", group.id);
    for (Id highlightId : group.highlightIds) {
        impl.requireRow("highlight", highlightId, "highlight");
        impl.db.run(
            "INSERT OR IGNORE INTO force_group_member (force_group_id, highlight_id) VALUES (?, ?)",
            group.id,
            highlightId);
    }
}

void writeJobMembers(Study::Impl &impl, const Job &job)
{
    impl.db.run("DELETE FROM job_member WHERE job_id = ?", job.id);
    for (Id interviewId : job.interviewIds) {
        impl.requireRow("interview", interviewId, "interview");
        impl.db.run("INSERT OR IGNORE INTO job_member (job_id, interview_id) VALUES (?, ?)",
                    job.id,
                    interviewId);
    }
}

std::vector<Id> ids(storage::Database &db, std::string_view sql, Id id)
{
    std::vector<Id> list;
    auto q = db.query(sql, id);
    while (q.next())
        list.push_back(q.int64(0));
    return list;
}

std::string newStableKey(storage::Database &db)
{
    static std::mt19937_64 generator{std::random_device{}()};
    for (;;) {
        char buffer[24];
        std::snprintf(buffer,
                      sizeof buffer,
                      "job-%012llx",
                      static_cast<unsigned long long>(generator() & 0xFFFFFFFFFFFFULL));
        if (db.scalar("SELECT count(*) FROM job WHERE stable_key = ?", buffer) == 0)
            return buffer;
    }
}

constexpr std::string_view kJobColumns =
    "SELECT id, stable_key, name, statement, story_when, story_want, story_so_that, notes FROM job";

Job readJob(const storage::Query &q)
{
    return Job{q.int64(0),
               q.text(1),
               q.text(2),
               q.text(3),
               q.text(4),
               q.text(5),
               q.text(6),
               q.text(7),
               {}};
}

} // namespace

Result<Id> Study::addForceGroup(const ForceGroup &group)
{
    return m_impl->write([&] {
        if (trim(group.label).empty())
            fail(ErrorCode::InvalidArgument, "a force group needs a label");
        m_impl->db.run(
            "INSERT INTO force_group (id, force, label, notes, pinned) VALUES (?, ?, ?, ?, ?)",
            optionalId(group.id),
            key(group.force),
            group.label,
            group.notes,
            group.pinned);
        ForceGroup stored = group;
        stored.id = m_impl->db.lastInsertId();
        writeGroupMembers(*m_impl, stored);
        return stored.id;
    });
}

Status Study::updateForceGroup(const ForceGroup &group)
{
    return m_impl->write([&] {
        m_impl->requireRow("force_group", group.id, "force group");
        if (trim(group.label).empty())
            fail(ErrorCode::InvalidArgument, "a force group needs a label");
        m_impl->db.run(
            "UPDATE force_group SET force = ?, label = ?, notes = ?, pinned = ? WHERE id = ?",
            key(group.force),
            group.label,
            group.notes,
            group.pinned,
            group.id);
        writeGroupMembers(*m_impl, group);
    });
}

Status Study::deleteForceGroup(Id id)
{
    return m_impl->write([&] {
        m_impl->requireRow("force_group", id, "force group");
        m_impl->db.run("DELETE FROM force_group WHERE id = ?", id);
    });
}

Result<std::vector<ForceGroup>> Study::forceGroups() const
{
    return m_impl->read([&] {
        std::vector<ForceGroup> list;
        {
            auto q = m_impl->db.query(
                "SELECT id, force, label, notes, pinned FROM force_group ORDER BY id");
            while (q.next())
                list.push_back({q.int64(0),
                                parseStored<Force>(q.textView(1), parseForce, "force"),
                                q.text(2),
                                q.text(3),
                                q.int64(4) != 0,
                                {}});
        }
        for (auto &g : list)
            g.highlightIds = ids(
                m_impl->db,
                "SELECT highlight_id FROM force_group_member WHERE force_group_id = ? ORDER BY 1",
                g.id);
        return list;
    });
}

Result<Id> Study::addJob(const Job &job)
{
    return m_impl->write([&] {
        if (trim(job.name).empty())
            fail(ErrorCode::InvalidArgument, "a job needs a name");
        Job stored = job;
        if (stored.stableKey.empty())
            stored.stableKey = newStableKey(m_impl->db);
        else if (m_impl->db.scalar("SELECT count(*) FROM job WHERE stable_key = ?",
                                   stored.stableKey)
                 > 0)
            fail(ErrorCode::Conflict, "job key '" + stored.stableKey + "' is already in use");
        m_impl->db.run("INSERT INTO job (id, stable_key, name, statement, story_when, story_want, "
                       "story_so_that, "
                       "notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                       optionalId(stored.id),
                       stored.stableKey,
                       stored.name,
                       stored.statement,
                       stored.storyWhen,
                       stored.storyWant,
                       stored.storySoThat,
                       stored.notes);
        stored.id = m_impl->db.lastInsertId();
        writeJobMembers(*m_impl, stored);
        return stored.id;
    });
}

Status Study::updateJob(const Job &job)
{
    return m_impl->write([&] {
        m_impl->requireRow("job", job.id, "job");
        if (trim(job.name).empty())
            fail(ErrorCode::InvalidArgument, "a job needs a name");
        if (job.stableKey.empty()
            || m_impl->db.scalar("SELECT count(*) FROM job WHERE stable_key = ? AND id <> ?",
                                 job.stableKey,
                                 job.id)
                   > 0)
            fail(ErrorCode::Conflict, "job key '" + job.stableKey + "' is empty or already in use");
        m_impl->db.run("UPDATE job SET stable_key = ?, name = ?, statement = ?, story_when = ?, "
                       "story_want = ?, "
                       "story_so_that = ?, notes = ? WHERE id = ?",
                       job.stableKey,
                       job.name,
                       job.statement,
                       job.storyWhen,
                       job.storyWant,
                       job.storySoThat,
                       job.notes,
                       job.id);
        writeJobMembers(*m_impl, job);
    });
}

Status Study::deleteJob(Id id)
{
    return m_impl->write([&] {
        m_impl->requireRow("job", id, "job");
        m_impl->db.run("DELETE FROM job WHERE id = ?", id);
    });
}

Result<Job> Study::job(Id id) const
{
    return m_impl->read([&] {
        auto q = m_impl->db.query(std::string(kJobColumns) + " WHERE id = ?", id);
        if (!q.next())
            fail(ErrorCode::NotFound, "there is no job with id " + std::to_string(id));
        Job job = readJob(q);
        job.interviewIds =
            ids(m_impl->db, "SELECT interview_id FROM job_member WHERE job_id = ? ORDER BY 1", id);
        return job;
    });
}

Result<std::vector<Job>> Study::jobs() const
{
    return m_impl->read([&] {
        std::vector<Job> list;
        {
            auto q = m_impl->db.query(std::string(kJobColumns) + " ORDER BY id");
            while (q.next())
                list.push_back(readJob(q));
        }
        for (auto &job : list)
            job.interviewIds =
                ids(m_impl->db,
                    "SELECT interview_id FROM job_member WHERE job_id = ? ORDER BY 1",
                    job.id);
        return list;
    });
}

} // namespace jtbd
