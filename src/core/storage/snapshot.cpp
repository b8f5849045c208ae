// The whole study as values (for the JSON export) and back into an empty study (for the import).
#include "study_impl.h"

#include <algorithm>
#include <map>

namespace jtbd {

using storage::fail;

namespace {

// Inside a guarded transaction: the value, or the error thrown to the guard.
template<typename T>
T must(Result<T> result, const std::string &context = {})
{
    if (!result)
        throw storage::StorageFailure{Error{
            result.error().code,
            context.empty() ? result.error().message : context + ": " + result.error().message}};
    if constexpr (!std::is_void_v<T>)
        return std::move(*result);
}

// The method's codes must all be there, as the method defines them: forces and phases are found
// by their keys, so a codebook without them would make every diagram wrong.
void validateCodebook(const std::vector<Code> &codes)
{
    std::map<std::string, const Code *> byKey;
    for (const auto &code : codes)
        byKey[code.key] = &code;
    for (const auto &code : codes) {
        if (code.builtin) {
            const auto &builtins = builtinCodes();
            const auto found =
                std::find_if(builtins.begin(), builtins.end(), [&](const BuiltinCode &b) {
                    return b.key == code.key && b.kind == code.kind;
                });
            if (found == builtins.end())
                fail(ErrorCode::InvalidArgument,
                     "code " + std::to_string(code.id) + " '" + code.key
                         + "' is marked built in, but the method has no "
                         + std::string(key(code.kind)) + " code with that key");
        } else if (code.kind != CodeKind::Custom) {
            fail(ErrorCode::InvalidArgument,
                 "code " + std::to_string(code.id) + " '" + code.key + "' has kind '"
                     + std::string(key(code.kind))
                     + "', which only the method's built-in codes have");
        }
    }
    for (const auto &builtin : builtinCodes()) {
        const auto found = byKey.find(std::string(builtin.key));
        if (found == byKey.end() || !found->second->builtin)
            fail(ErrorCode::InvalidArgument,
                 "the codebook lacks the method's code '" + std::string(builtin.key) + "' ("
                     + std::string(builtin.name) + ")");
    }
}

template<typename T>
void sortById(std::vector<T> &list)
{
    std::sort(list.begin(), list.end(), [](const T &a, const T &b) {
        return a.id < b.id;
    });
}

} // namespace

Result<StudySnapshot> Study::snapshot() const
{
    // One transaction, so the snapshot is consistent even while another program writes.
    return m_impl->guard([&] {
        return storage::inTransaction(m_impl->db, [&] {
            StudySnapshot s;
            s.info = must(info());
            s.coders = must(coders());
            s.codes = must(codes());
            s.participants = must(participants());
            s.guides = must(guides());
            s.forceGroups = must(forceGroups());
            s.storyGroupMarks = must(storyGroupMarks());
            s.jobs = must(jobs());
            sortById(s.coders);
            sortById(s.codes);
            sortById(s.participants);
            sortById(s.guides);
            sortById(s.forceGroups);
            // Only the jobs with a draft have one in the snapshot, in job order.
            for (const auto &job : s.jobs) {
                JobDraft draft = must(jobDraft(job.id));
                if (!draft.clauses.empty())
                    s.jobDrafts.push_back(std::move(draft));
            }
            for (const auto &item : must(interviews())) {
                const Id id = item.interview.id;
                InterviewRecord record;
                record.interview = item.interview;
                for (auto &t : must(turns(id)))
                    record.turns.push_back(
                        {std::move(t.speaker), t.role, t.startMs, t.endMs, std::move(t.text)});
                record.notes = must(notes(id));
                record.highlights = must(highlights(id));
                record.timeline = must(timeline(id));
                record.coverage = must(coverage(id));
                sortById(record.notes);
                sortById(record.highlights);
                sortById(record.timeline);
                s.interviews.push_back(std::move(record));
            }
            std::sort(s.interviews.begin(), s.interviews.end(), [](const auto &a, const auto &b) {
                return a.interview.id < b.interview.id;
            });
            return s;
        });
    });
}

Status Study::restore(const StudySnapshot &snapshot)
{
    return m_impl->write([&] {
        auto &db = m_impl->db;
        if (!must(isEmpty()))
            fail(ErrorCode::Conflict,
                 "a study can only be restored into an empty study; '" + path().string()
                     + "' already holds participants, interviews or codes");
        db.run("UPDATE study SET name = ?, objectives = ?, assumptions = ?, created_at = ?, "
               "app_version = ? "
               "WHERE id = 1",
               snapshot.info.name,
               snapshot.info.objectives,
               snapshot.info.assumptions,
               snapshot.info.createdAt,
               snapshot.info.appVersion);
        validateCodebook(snapshot.codes);
        // What a new study starts with is replaced by what the snapshot holds.
        db.run("DELETE FROM guide");
        db.run("DELETE FROM code");
        for (const auto &coder : snapshot.coders)
            db.run("INSERT INTO coder (id, name) VALUES (?, ?)", coder.id, coder.name);
        // Parents are linked once every code exists, so the order of the list does not matter.
        for (const auto &code : snapshot.codes)
            db.run("INSERT INTO code (id, kind, key, name, color, shortcut, description, builtin, "
                   "ord) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   code.id,
                   key(code.kind),
                   code.key,
                   code.name,
                   code.color,
                   code.shortcut,
                   code.description,
                   code.builtin,
                   code.ord);
        for (const auto &code : snapshot.codes) {
            if (code.parentId) {
                m_impl->requireRow("code", *code.parentId, "parent code");
                db.run("UPDATE code SET parent_id = ? WHERE id = ?", code.parentId, code.id);
            }
        }
        for (const auto &guide : snapshot.guides)
            m_impl->insertGuide(guide, true);
        for (const auto &participant : snapshot.participants)
            must(addParticipant(participant)); // its messages name the participant
        for (const auto &record : snapshot.interviews) {
            const std::string where = "interview " + std::to_string(record.interview.id);
            must(addInterview(record.interview)); // its messages name the interview
            must(setTranscript(record.interview.id, record.turns), where);
            for (const auto &note : record.notes)
                must(addNote(note), where + ", note " + std::to_string(note.id));
            for (const auto &highlight : record.highlights)
                must(addHighlight(highlight),
                     where + ", highlight " + std::to_string(highlight.id));
            for (const auto &event : record.timeline)
                must(addTimelineEvent(event),
                     where + ", timeline event " + std::to_string(event.id));
            for (const auto &covered : record.coverage)
                must(setQuestionCovered(record.interview.id, covered.questionId, covered.atMs),
                     where + ", covered question " + std::to_string(covered.questionId));
        }
        for (const auto &group : snapshot.forceGroups)
            must(addForceGroup(group), "force group " + std::to_string(group.id));
        for (const auto &mark : snapshot.storyGroupMarks)
            must(setStoryGroupMark(mark.interviewId, mark.forceGroupId, mark.shows),
                 "mark of interview " + std::to_string(mark.interviewId) + " in force group "
                     + std::to_string(mark.forceGroupId));
        for (const auto &job : snapshot.jobs)
            must(addJob(job), "job " + std::to_string(job.id));
        for (const auto &draft : snapshot.jobDrafts)
            must(setJobDraft(draft)); // its messages name the job
    });
}

} // namespace jtbd
