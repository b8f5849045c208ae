// Synthesis records: force groups (affinitized quotes of one force), the researcher's marks in the
// story x force-group matrix, jobs (clusters of stories) and the drafts the synthesis wrote for
// them.
#include "study_impl.h"

#include <jtbd/text.h>

#include <algorithm>
#include <map>
#include <optional>
#include <random>
#include <set>

namespace jtbd {

using storage::fail;

namespace {

// Groups are listed push, pull, anxiety, habit (the order of the forces diagram), then by id.
constexpr std::string_view kGroupColumns =
    "SELECT id, force, label, notes, pinned, suggested_label FROM force_group";
constexpr std::string_view kGroupOrder =
    " ORDER BY CASE force WHEN 'push' THEN 0 WHEN 'pull' THEN 1 WHEN 'anxiety' THEN 2 ELSE 3 END, "
    "id";

constexpr std::string_view kJobColumns =
    "SELECT id, stable_key, name, statement, story_when, story_want, story_so_that, notes FROM job";

std::string quotedName(const std::string &name)
{
    return "'" + name + "'";
}

// Placed members must be members: a quote or story is placed in the group or job it sits in.
void requirePlacedSubset(const std::vector<Id> &members,
                         const std::vector<Id> &placed,
                         const std::string &owner,
                         std::string_view member,
                         std::string_view memberList)
{
    const std::set<Id> all(members.begin(), members.end());
    for (Id id : placed) {
        if (!all.contains(id))
            fail(ErrorCode::InvalidArgument,
                 owner + ": placed " + std::string(member) + " " + std::to_string(id)
                     + " is not one of its " + std::string(memberList));
    }
}

void validateGroup(const ForceGroup &group)
{
    if (trim(group.label).empty())
        fail(ErrorCode::InvalidArgument, "a force group needs a label");
    requirePlacedSubset(group.highlightIds,
                        group.placedHighlightIds,
                        "force group " + quotedName(group.label),
                        "highlight",
                        "quotes");
}

void validateJob(const Job &job)
{
    if (trim(job.name).empty())
        fail(ErrorCode::InvalidArgument, "a job needs a name");
    requirePlacedSubset(job.interviewIds,
                        job.placedInterviewIds,
                        "job " + quotedName(job.name),
                        "interview",
                        "stories");
}

void writeGroupMembers(Study::Impl &impl, const ForceGroup &group)
{
    impl.db.run("DELETE FROM force_group_member WHERE force_group_id = ?", group.id);
    const std::set<Id> placed(group.placedHighlightIds.begin(), group.placedHighlightIds.end());
    for (Id highlightId : group.highlightIds) {
        impl.requireRow("highlight", highlightId, "highlight");
        impl.db.run("INSERT OR IGNORE INTO force_group_member (force_group_id, highlight_id, "
                    "placed) VALUES (?, ?, ?)",
                    group.id,
                    highlightId,
                    placed.contains(highlightId));
    }
}

void writeJobMembers(Study::Impl &impl, const Job &job)
{
    impl.db.run("DELETE FROM job_member WHERE job_id = ?", job.id);
    const std::set<Id> placed(job.placedInterviewIds.begin(), job.placedInterviewIds.end());
    for (Id interviewId : job.interviewIds) {
        impl.requireRow("interview", interviewId, "interview");
        impl.db.run(
            "INSERT OR IGNORE INTO job_member (job_id, interview_id, placed) VALUES (?, ?, ?)",
            job.id,
            interviewId,
            placed.contains(interviewId));
    }
}

Id insertGroup(Study::Impl &impl, const ForceGroup &group)
{
    validateGroup(group);
    impl.db.run("INSERT INTO force_group (id, force, label, notes, pinned, suggested_label) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                optionalId(group.id),
                key(group.force),
                group.label,
                group.notes,
                group.pinned,
                group.suggestedLabel);
    ForceGroup stored = group;
    stored.id = impl.db.lastInsertId();
    writeGroupMembers(impl, stored);
    return stored.id;
}

void updateGroup(Study::Impl &impl, const ForceGroup &group)
{
    impl.requireRow("force_group", group.id, "force group");
    validateGroup(group);
    impl.db.run("UPDATE force_group SET force = ?, label = ?, notes = ?, pinned = ?, "
                "suggested_label = ? WHERE id = ?",
                key(group.force),
                group.label,
                group.notes,
                group.pinned,
                group.suggestedLabel,
                group.id);
    writeGroupMembers(impl, group);
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

Id insertJob(Study::Impl &impl, const Job &job)
{
    validateJob(job);
    Job stored = job;
    if (stored.stableKey.empty())
        stored.stableKey = newStableKey(impl.db);
    else if (impl.db.scalar("SELECT count(*) FROM job WHERE stable_key = ?", stored.stableKey) > 0)
        fail(ErrorCode::Conflict, "job key '" + stored.stableKey + "' is already in use");
    impl.db.run("INSERT INTO job (id, stable_key, name, statement, story_when, story_want, "
                "story_so_that, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                optionalId(stored.id),
                stored.stableKey,
                stored.name,
                stored.statement,
                stored.storyWhen,
                stored.storyWant,
                stored.storySoThat,
                stored.notes);
    stored.id = impl.db.lastInsertId();
    writeJobMembers(impl, stored);
    return stored.id;
}

void updateJobRow(Study::Impl &impl, const Job &job)
{
    impl.requireRow("job", job.id, "job");
    validateJob(job);
    if (job.stableKey.empty()
        || impl.db.scalar(
               "SELECT count(*) FROM job WHERE stable_key = ? AND id <> ?", job.stableKey, job.id)
               > 0)
        fail(ErrorCode::Conflict, "job key '" + job.stableKey + "' is empty or already in use");
    impl.db.run("UPDATE job SET stable_key = ?, name = ?, statement = ?, story_when = ?, "
                "story_want = ?, story_so_that = ?, notes = ? WHERE id = ?",
                job.stableKey,
                job.name,
                job.statement,
                job.storyWhen,
                job.storyWant,
                job.storySoThat,
                job.notes,
                job.id);
    writeJobMembers(impl, job);
}

// Replaces the draft of job `jobId`; `owner` names the job in messages ("job 3 'Get paid'").
void writeDraft(Study::Impl &impl, Id jobId, const JobDraft &draft, const std::string &owner)
{
    // Checked first, so the message names the highlight rather than a failed constraint.
    for (std::size_t i = 0; i < draft.clauses.size(); ++i) {
        for (Id highlightId : draft.clauses[i].highlightIds) {
            if (impl.db.scalar("SELECT count(*) FROM highlight WHERE id = ?", highlightId) == 0)
                fail(ErrorCode::InvalidArgument,
                     "the draft of " + owner + " cites highlight " + std::to_string(highlightId)
                         + ", which does not exist (clause " + std::to_string(i + 1) + ", "
                         + std::string(key(draft.clauses[i].part)) + ")");
        }
    }
    // The evidence goes with its clauses (ON DELETE CASCADE).
    impl.db.run("DELETE FROM job_draft_clause WHERE job_id = ?", jobId);
    for (std::size_t i = 0; i < draft.clauses.size(); ++i) {
        const DraftClause &clause = draft.clauses[i];
        impl.db.run(
            "INSERT INTO job_draft_clause (job_id, part, position, text) VALUES (?, ?, ?, ?)",
            jobId,
            key(clause.part),
            static_cast<std::int64_t>(i),
            clause.text);
        const Id clauseId = impl.db.lastInsertId();
        for (std::size_t rank = 0; rank < clause.highlightIds.size(); ++rank)
            impl.db.run("INSERT OR IGNORE INTO job_draft_evidence (clause_id, highlight_id, "
                        "position) VALUES (?, ?, ?)",
                        clauseId,
                        clause.highlightIds[rank],
                        static_cast<std::int64_t>(rank));
    }
}

JobDraft readDraft(Study::Impl &impl, Id jobId)
{
    JobDraft draft;
    draft.jobId = jobId;
    // One row per piece of evidence, in clause order; a clause without evidence has one row
    // whose highlight is NULL.
    auto q = impl.db.query("SELECT c.id, c.part, c.text, e.highlight_id FROM job_draft_clause c "
                           "LEFT JOIN job_draft_evidence e ON e.clause_id = c.id "
                           "WHERE c.job_id = ? ORDER BY c.position, c.id, e.position",
                           jobId);
    std::optional<Id> clauseId;
    while (q.next()) {
        if (q.int64(0) != clauseId) {
            clauseId = q.int64(0);
            draft.clauses.push_back(
                {parseStored<DraftPart>(q.textView(1), parseDraftPart, "draft part"),
                 q.text(2),
                 {}});
        }
        if (!q.isNull(3))
            draft.clauses.back().highlightIds.push_back(q.int64(3));
    }
    return draft;
}

ForceGroup readGroup(const storage::Query &q)
{
    ForceGroup group;
    group.id = q.int64(0);
    group.force = parseStored<Force>(q.textView(1), parseForce, "force");
    group.label = q.text(2);
    group.notes = q.text(3);
    group.pinned = q.int64(4) != 0;
    group.suggestedLabel = q.text(5);
    return group;
}

Job readJob(const storage::Query &q)
{
    Job job;
    job.id = q.int64(0);
    job.stableKey = q.text(1);
    job.name = q.text(2);
    job.statement = q.text(3);
    job.storyWhen = q.text(4);
    job.storyWant = q.text(5);
    job.storySoThat = q.text(6);
    job.notes = q.text(7);
    return job;
}

// Members of one owner (`ownerId` given) or of all, with their placed flags: ids sorted.
struct Members
{
    std::vector<Id> all;
    std::vector<Id> placed;
};

std::map<Id, Members> readMembers(Study::Impl &impl, std::string_view sql, std::optional<Id> owner)
{
    std::map<Id, Members> members;
    auto q = owner ? impl.db.query(sql, *owner) : impl.db.query(sql);
    while (q.next()) {
        auto &m = members[q.int64(0)];
        m.all.push_back(q.int64(1));
        if (q.int64(2) != 0)
            m.placed.push_back(q.int64(1));
    }
    return members;
}

void fillGroupMembers(Study::Impl &impl, std::vector<ForceGroup> &groups, std::optional<Id> owner)
{
    auto members = readMembers(impl,
                               owner ? "SELECT force_group_id, highlight_id, placed FROM "
                                       "force_group_member WHERE force_group_id = ? ORDER BY 2"
                                     : "SELECT force_group_id, highlight_id, placed FROM "
                                       "force_group_member ORDER BY 1, 2",
                               owner);
    for (auto &group : groups) {
        auto &m = members[group.id];
        group.highlightIds = std::move(m.all);
        group.placedHighlightIds = std::move(m.placed);
    }
}

void fillJobMembers(Study::Impl &impl, std::vector<Job> &jobs, std::optional<Id> owner)
{
    auto members = readMembers(impl,
                               owner ? "SELECT job_id, interview_id, placed FROM job_member WHERE "
                                       "job_id = ? ORDER BY 2"
                                     : "SELECT job_id, interview_id, placed FROM job_member ORDER "
                                       "BY 1, 2",
                               owner);
    for (auto &job : jobs) {
        auto &m = members[job.id];
        job.interviewIds = std::move(m.all);
        job.placedInterviewIds = std::move(m.placed);
    }
}

// The ids of a table's rows that are not in `keep`.
std::vector<Id> idsNotIn(Study::Impl &impl, std::string_view table, const std::set<Id> &keep)
{
    std::vector<Id> gone;
    auto q = impl.db.query("SELECT id FROM " + std::string(table) + " ORDER BY id");
    while (q.next()) {
        if (!keep.contains(q.int64(0)))
            gone.push_back(q.int64(0));
    }
    return gone;
}

} // namespace

Result<Id> Study::addForceGroup(const ForceGroup &group)
{
    return m_impl->write([&] {
        return insertGroup(*m_impl, group);
    });
}

Status Study::updateForceGroup(const ForceGroup &group)
{
    return m_impl->write([&] {
        updateGroup(*m_impl, group);
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
            auto q = m_impl->db.query(std::string(kGroupColumns) + std::string(kGroupOrder));
            while (q.next())
                list.push_back(readGroup(q));
        }
        fillGroupMembers(*m_impl, list, std::nullopt);
        return list;
    });
}

Result<ForceGroup> Study::forceGroup(Id id) const
{
    return m_impl->read([&] {
        std::vector<ForceGroup> list;
        {
            auto q = m_impl->db.query(std::string(kGroupColumns) + " WHERE id = ?", id);
            if (!q.next())
                fail(ErrorCode::NotFound, "there is no force group with id " + std::to_string(id));
            list.push_back(readGroup(q));
        }
        fillGroupMembers(*m_impl, list, id);
        return std::move(list.front());
    });
}

Status Study::setStoryGroupMark(Id interviewId, Id forceGroupId, std::optional<bool> shows)
{
    return m_impl->write([&] {
        m_impl->requireRow("interview", interviewId, "interview");
        m_impl->requireRow("force_group", forceGroupId, "force group");
        if (shows)
            m_impl->db.run("INSERT INTO story_group_mark (interview_id, force_group_id, shows) "
                           "VALUES (?, ?, ?) ON CONFLICT (interview_id, force_group_id) DO UPDATE "
                           "SET shows = excluded.shows",
                           interviewId,
                           forceGroupId,
                           *shows);
        else
            m_impl->db.run(
                "DELETE FROM story_group_mark WHERE interview_id = ? AND force_group_id = ?",
                interviewId,
                forceGroupId);
    });
}

Result<std::vector<StoryGroupMark>> Study::storyGroupMarks() const
{
    return m_impl->read([&] {
        std::vector<StoryGroupMark> list;
        auto q = m_impl->db.query("SELECT interview_id, force_group_id, shows FROM "
                                  "story_group_mark ORDER BY interview_id, force_group_id");
        while (q.next())
            list.push_back({q.int64(0), q.int64(1), q.int64(2) != 0});
        return list;
    });
}

Result<Id> Study::addJob(const Job &job)
{
    return m_impl->write([&] {
        return insertJob(*m_impl, job);
    });
}

Status Study::updateJob(const Job &job)
{
    return m_impl->write([&] {
        updateJobRow(*m_impl, job);
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
        std::vector<Job> list;
        {
            auto q = m_impl->db.query(std::string(kJobColumns) + " WHERE id = ?", id);
            if (!q.next())
                fail(ErrorCode::NotFound, "there is no job with id " + std::to_string(id));
            list.push_back(readJob(q));
        }
        fillJobMembers(*m_impl, list, id);
        return std::move(list.front());
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
        fillJobMembers(*m_impl, list, std::nullopt);
        return list;
    });
}

Status Study::setJobDraft(const JobDraft &draft)
{
    return m_impl->write([&] {
        m_impl->requireRow("job", draft.jobId, "job");
        writeDraft(*m_impl, draft.jobId, draft, "job " + std::to_string(draft.jobId));
    });
}

Result<JobDraft> Study::jobDraft(Id jobId) const
{
    return m_impl->read([&] {
        m_impl->requireRow("job", jobId, "job");
        return readDraft(*m_impl, jobId);
    });
}

Status Study::replaceSynthesis(const std::vector<ForceGroup> &groups,
                               const std::vector<Job> &jobs,
                               const std::vector<JobDraft> &drafts)
{
    return m_impl->write([&] {
        auto &impl = *m_impl;
        if (!drafts.empty() && drafts.size() != jobs.size())
            fail(ErrorCode::InvalidArgument,
                 "the synthesis has " + std::to_string(drafts.size()) + " drafts for "
                     + std::to_string(jobs.size()) + " jobs; each job needs its draft");
        std::set<Id> keptGroups;
        for (const auto &group : groups) {
            if (group.id != 0 && !keptGroups.insert(group.id).second)
                fail(ErrorCode::InvalidArgument,
                     "force group " + std::to_string(group.id) + " is listed twice");
        }
        std::set<Id> keptJobs;
        for (const auto &job : jobs) {
            if (job.id != 0 && !keptJobs.insert(job.id).second)
                fail(ErrorCode::InvalidArgument,
                     "job " + std::to_string(job.id) + " is listed twice");
        }
        // Deleted first, so that a new record may take a key a deleted one had. Marks, members
        // and drafts go with them.
        for (Id id : idsNotIn(impl, "force_group", keptGroups))
            impl.db.run("DELETE FROM force_group WHERE id = ?", id);
        for (Id id : idsNotIn(impl, "job", keptJobs))
            impl.db.run("DELETE FROM job WHERE id = ?", id);

        for (const auto &group : groups) {
            if (group.id != 0
                && impl.db.scalar("SELECT count(*) FROM force_group WHERE id = ?", group.id) > 0)
                updateGroup(impl, group);
            else
                insertGroup(impl, group);
        }
        for (std::size_t i = 0; i < jobs.size(); ++i) {
            Job job = jobs[i];
            bool exists = false;
            if (job.id != 0) {
                auto q = impl.db.query("SELECT stable_key FROM job WHERE id = ?", job.id);
                if (q.next()) {
                    exists = true;
                    // A job the synthesis kept keeps its key when none is given.
                    if (job.stableKey.empty())
                        job.stableKey = q.text(0);
                }
            }
            if (exists)
                updateJobRow(impl, job);
            else
                job.id = insertJob(impl, job);
            const JobDraft none;
            writeDraft(impl,
                       job.id,
                       drafts.empty() ? none : drafts[i],
                       "job " + std::to_string(job.id) + " " + quotedName(job.name));
        }
    });
}

} // namespace jtbd
