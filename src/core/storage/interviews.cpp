// Interviews, their transcripts (speaker turns) and the notes taken during them.
#include "study_impl.h"

#include <jtbd/text.h>

namespace jtbd {

using storage::fail;

namespace {

void validate(const Interview &interview)
{
    if (trim(interview.title).empty())
        fail(ErrorCode::InvalidArgument, "an interview needs a title");
    if (!isPartialDate(interview.conductedOn))
        fail(ErrorCode::InvalidArgument,
             "interview '" + interview.title + "': date '" + interview.conductedOn
                 + "' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)");
    if (interview.durationMs && *interview.durationMs < 0)
        fail(ErrorCode::InvalidArgument,
             "interview '" + interview.title + "': duration is negative");
}

void validateLinks(Study::Impl &impl, const Interview &interview)
{
    if (interview.participantId)
        impl.requireRow("participant", *interview.participantId, "participant");
    if (interview.guideId)
        impl.requireRow("guide", *interview.guideId, "interview guide");
}

void writeInterviewers(storage::Database &db, Id id, const std::vector<std::string> &names)
{
    db.run("DELETE FROM interview_interviewer WHERE interview_id = ?", id);
    int ord = 0;
    for (const auto &name : names)
        db.run("INSERT INTO interview_interviewer (interview_id, ord, name) VALUES (?, ?, ?)",
               id,
               ord++,
               name);
}

std::vector<std::string> readInterviewers(storage::Database &db, Id id)
{
    std::vector<std::string> names;
    auto q =
        db.query("SELECT name FROM interview_interviewer WHERE interview_id = ? ORDER BY ord", id);
    while (q.next())
        names.push_back(q.text(0));
    return names;
}

constexpr std::string_view kColumns =
    "SELECT i.id, i.participant_id, i.guide_id, i.title, i.conducted_on, i.status, i.duration_ms, "
    "i.source_name, i.source_format, i.notes";

Interview readInterview(const storage::Query &q)
{
    Interview i;
    i.id = q.int64(0);
    i.participantId = q.optionalInt64(1);
    i.guideId = q.optionalInt64(2);
    i.title = q.text(3);
    i.conductedOn = q.text(4);
    i.status =
        parseStored<InterviewStatus>(q.textView(5), parseInterviewStatus, "interview status");
    i.durationMs = q.optionalInt64(6);
    i.sourceName = q.text(7);
    i.sourceFormat = q.text(8);
    i.notes = q.text(9);
    return i;
}

void validateTurn(const TurnInput &turn, std::size_t index)
{
    const std::string where = "turn " + std::to_string(index + 1);
    if (trim(turn.speaker).empty())
        fail(ErrorCode::InvalidArgument, where + ": no speaker");
    if (auto bad = findInvalidUtf8(turn.text))
        fail(ErrorCode::InvalidArgument, where + ": text is not valid UTF-8");
    if ((turn.startMs && *turn.startMs < 0) || (turn.endMs && *turn.endMs < 0))
        fail(ErrorCode::InvalidArgument, where + ": negative time");
    if (turn.startMs && turn.endMs && *turn.endMs < *turn.startMs)
        fail(ErrorCode::InvalidArgument,
             where + ": end time " + formatMs(*turn.endMs) + " is before start time "
                 + formatMs(*turn.startMs));
}

// Turns inserted by one statement at most. Each statement that reaches the search index (through
// the trigger on turn) makes FTS5 write out the index entries it holds in memory, so one turn per
// statement made a large import three times slower than a few hundred.
constexpr std::size_t kTurnsPerInsert = 256;

// Inserts turns [from, from + count), which start at `starts` in the interview text.
void insertTurns(storage::Database &db,
                 Id interviewId,
                 const std::vector<TurnInput> &turns,
                 const std::vector<std::int64_t> &starts,
                 std::size_t from,
                 std::size_t count)
{
    std::string sql = "INSERT INTO turn (interview_id, ord, speaker, role, start_ms, end_ms, "
                      "text_start, text_end, text) VALUES ";
    for (std::size_t i = 0; i < count; ++i)
        sql += i == 0 ? "(?, ?, ?, ?, ?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    auto q = db.query(sql);
    int index = 1;
    for (std::size_t i = from; i < from + count; ++i) {
        const auto &turn = turns[i];
        q.bind(index++, interviewId);
        q.bind(index++, static_cast<std::int64_t>(i));
        q.bind(index++, turn.speaker);
        q.bind(index++, key(turn.role));
        q.bind(index++, turn.startMs);
        q.bind(index++, turn.endMs);
        q.bind(index++, starts[i]);
        q.bind(index++, starts[i] + codePointCount(turn.text));
        q.bind(index++, turn.text);
    }
    q.run();
}

// Recomputes an interview's cached counts from its turns.
void refreshCounts(storage::Database &db, Id interviewId)
{
    db.run("UPDATE interview SET turn_count = (SELECT count(*) FROM turn WHERE interview_id = ?1), "
           "text_length = coalesce((SELECT max(text_end) FROM turn WHERE interview_id = ?1), 0) "
           "WHERE id = ?1",
           interviewId);
}

} // namespace

std::string Study::Impl::interviewText(Id interviewId) const
{
    std::string text;
    auto q = db.query("SELECT text FROM turn WHERE interview_id = ? ORDER BY ord", interviewId);
    bool first = true;
    while (q.next()) {
        if (!first)
            text += '\n';
        text += q.textView(0);
        first = false;
    }
    return text;
}

std::optional<std::string>
Study::Impl::textAt(Id interviewId, std::int64_t start, std::int64_t end) const
{
    if (start < 0 || end < start)
        return std::nullopt;
    // The turn that holds `start` (the last one starting at or before it), then those up to `end`.
    auto first =
        db.query("SELECT max(text_start) FROM turn WHERE interview_id = ? AND text_start <= ?",
                 interviewId,
                 start);
    if (!first.next() || first.isNull(0))
        return std::nullopt;
    const std::int64_t from = first.int64(0);
    std::string text;
    auto q = db.query(
        "SELECT text FROM turn WHERE interview_id = ? AND text_start >= ? AND text_start < ? "
        "ORDER BY text_start",
        interviewId,
        from,
        std::max(end, from + 1));
    bool firstTurn = true;
    while (q.next()) {
        if (!firstTurn)
            text += '\n';
        text += q.textView(0);
        firstTurn = false;
    }
    const auto slice = codePointSlice(text, start - from, end - from);
    if (!slice)
        return std::nullopt;
    return std::string(*slice);
}

Result<Id> Study::addInterview(const Interview &interview)
{
    return m_impl->write([&] {
        validate(interview);
        validateLinks(*m_impl, interview);
        m_impl->db.run(
            "INSERT INTO interview (id, participant_id, guide_id, title, conducted_on, status, "
            "duration_ms, source_name, source_format, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            optionalId(interview.id),
            interview.participantId,
            interview.guideId,
            interview.title,
            interview.conductedOn,
            key(interview.status),
            interview.durationMs,
            interview.sourceName,
            interview.sourceFormat,
            interview.notes);
        const Id id = m_impl->db.lastInsertId();
        writeInterviewers(m_impl->db, id, interview.interviewers);
        return id;
    });
}

Status Study::updateInterview(const Interview &interview)
{
    return m_impl->write([&] {
        m_impl->requireRow("interview", interview.id, "interview");
        validate(interview);
        validateLinks(*m_impl, interview);
        m_impl->db.run(
            "UPDATE interview SET participant_id = ?, guide_id = ?, title = ?, conducted_on = ?, "
            "status = ?, duration_ms = ?, source_name = ?, source_format = ?, notes = ? WHERE id = "
            "?",
            interview.participantId,
            interview.guideId,
            interview.title,
            interview.conductedOn,
            key(interview.status),
            interview.durationMs,
            interview.sourceName,
            interview.sourceFormat,
            interview.notes,
            interview.id);
        writeInterviewers(m_impl->db, interview.id, interview.interviewers);
    });
}

Status Study::deleteInterview(Id id)
{
    return m_impl->write([&] {
        m_impl->requireRow("interview", id, "interview");
        m_impl->db.run("DELETE FROM interview WHERE id = ?", id);
    });
}

Result<Interview> Study::interview(Id id) const
{
    return m_impl->read([&] {
        auto q = m_impl->db.query(std::string(kColumns) + " FROM interview i WHERE i.id = ?", id);
        if (!q.next())
            fail(ErrorCode::NotFound, "there is no interview with id " + std::to_string(id));
        Interview interview = readInterview(q);
        interview.interviewers = readInterviewers(m_impl->db, id);
        return interview;
    });
}

Result<std::vector<InterviewListItem>> Study::interviews() const
{
    return m_impl->read([&] {
        std::vector<InterviewListItem> list;
        std::unordered_map<Id, std::size_t> index;
        {
            auto q = m_impl->db.query(
                std::string(kColumns)
                + ", coalesce(p.code, ''), i.turn_count, i.word_count, "
                  "(SELECT count(*) FROM highlight h WHERE h.interview_id = i.id) "
                  "FROM interview i LEFT JOIN participant p ON p.id = i.participant_id "
                  "ORDER BY i.conducted_on, i.id");
            while (q.next()) {
                InterviewListItem item;
                item.interview = readInterview(q);
                item.participantCode = q.text(10);
                item.turnCount = q.int64(11);
                item.wordCount = q.int64(12);
                item.highlightCount = q.int64(13);
                index.emplace(item.interview.id, list.size());
                list.push_back(std::move(item));
            }
        }
        auto q = m_impl->db.query(
            "SELECT interview_id, name FROM interview_interviewer ORDER BY interview_id, ord");
        while (q.next())
            list[index.at(q.int64(0))].interview.interviewers.push_back(q.text(1));
        return list;
    });
}

Status Study::setTranscript(Id interviewId, const std::vector<TurnInput> &turns)
{
    return m_impl->write([&] {
        auto &db = m_impl->db;
        m_impl->requireRow("interview", interviewId, "interview");
        const auto highlighted =
            db.scalar("SELECT count(*) FROM highlight WHERE interview_id = ?", interviewId);
        if (highlighted > 0)
            fail(ErrorCode::Conflict,
                 "interview " + std::to_string(interviewId) + " has " + std::to_string(highlighted)
                     + " highlights; its transcript cannot be replaced without losing them");
        db.run("DELETE FROM turn WHERE interview_id = ?", interviewId);
        std::vector<std::int64_t> starts;
        starts.reserve(turns.size() + 1);
        std::int64_t offset = 0;
        std::int64_t words = 0;
        for (std::size_t i = 0; i < turns.size(); ++i) {
            validateTurn(turns[i], i);
            if (i > 0)
                ++offset; // the line feed between turns
            starts.push_back(offset);
            offset += codePointCount(turns[i].text);
            words += wordCount(turns[i].text);
        }
        for (std::size_t from = 0; from < turns.size();) {
            // The largest power of two that fits, so that few distinct statements are cached.
            std::size_t count = kTurnsPerInsert;
            while (count > turns.size() - from)
                count /= 2;
            insertTurns(db, interviewId, turns, starts, from, count);
            from += count;
        }
        db.run("UPDATE interview SET turn_count = ?, word_count = ?, text_length = ? WHERE id = ?",
               static_cast<std::int64_t>(turns.size()),
               words,
               offset,
               interviewId);
    });
}

Result<std::vector<Turn>> Study::turns(Id interviewId) const
{
    return m_impl->read([&] {
        m_impl->requireRow("interview", interviewId, "interview");
        std::vector<Turn> list;
        auto q = m_impl->db.query(
            "SELECT id, ord, speaker, role, start_ms, end_ms, text, text_start, text_end "
            "FROM turn WHERE interview_id = ? ORDER BY ord",
            interviewId);
        while (q.next()) {
            Turn t;
            t.id = q.int64(0);
            t.interviewId = interviewId;
            t.ord = q.int32(1);
            t.speaker = q.text(2);
            t.role = parseStored<SpeakerRole>(q.textView(3), parseSpeakerRole, "speaker role");
            t.startMs = q.optionalInt64(4);
            t.endMs = q.optionalInt64(5);
            t.text = q.text(6);
            t.textStart = q.int64(7);
            t.textEnd = q.int64(8);
            list.push_back(std::move(t));
        }
        return list;
    });
}

Result<std::string> Study::interviewText(Id interviewId) const
{
    return m_impl->read([&] {
        m_impl->requireRow("interview", interviewId, "interview");
        return m_impl->interviewText(interviewId);
    });
}

Status Study::updateTurn(const Turn &turn)
{
    return m_impl->write([&] {
        auto &db = m_impl->db;
        m_impl->requireRow("turn", turn.id, "turn");
        validateTurn({turn.speaker, turn.role, turn.startMs, turn.endMs, turn.text},
                     static_cast<std::size_t>(turn.ord));
        Id interviewId = 0;
        std::int64_t textStart = 0;
        std::int64_t textEnd = 0;
        std::string oldText;
        {
            auto q = db.query(
                "SELECT interview_id, text_start, text_end, text FROM turn WHERE id = ?", turn.id);
            q.next();
            interviewId = q.int64(0);
            textStart = q.int64(1);
            textEnd = q.int64(2);
            oldText = q.text(3);
        }
        const std::int64_t delta = codePointCount(turn.text) - (textEnd - textStart);
        if (turn.text != oldText) {
            // The turn's own range plus the line feeds on either side: a highlight touching them
            // would change meaning, so the edit is refused rather than guessed at.
            const auto overlapping = db.scalar("SELECT count(*) FROM highlight WHERE interview_id "
                                               "= ? AND start <= ? AND \"end\" >= ?",
                                               interviewId,
                                               textEnd,
                                               textStart);
            if (overlapping > 0)
                fail(ErrorCode::Conflict,
                     "the turn's text cannot change while " + std::to_string(overlapping)
                         + " highlights cover it; remove or move them first");
            db.run("UPDATE highlight SET start = start + ?1, \"end\" = \"end\" + ?1 WHERE "
                   "interview_id = ?2 "
                   "AND start > ?3",
                   delta,
                   interviewId,
                   textEnd);
            db.run("UPDATE turn SET text_start = text_start + ?1, text_end = text_end + ?1 WHERE "
                   "interview_id = ?2 AND ord > (SELECT ord FROM turn WHERE id = ?3)",
                   delta,
                   interviewId,
                   turn.id);
        }
        db.run("UPDATE turn SET speaker = ?, role = ?, start_ms = ?, end_ms = ?, text = ?, "
               "text_end = ? WHERE id = ?",
               turn.speaker,
               key(turn.role),
               turn.startMs,
               turn.endMs,
               turn.text,
               textStart + (textEnd - textStart) + delta,
               turn.id);
        db.run("UPDATE interview SET word_count = word_count + ? WHERE id = ?",
               wordCount(turn.text) - wordCount(oldText),
               interviewId);
        refreshCounts(db, interviewId);
    });
}

Status Study::setSpeakerRole(Id interviewId, std::string_view speaker, SpeakerRole role)
{
    return m_impl->write([&] {
        m_impl->requireRow("interview", interviewId, "interview");
        m_impl->db.run("UPDATE turn SET role = ? WHERE interview_id = ? AND speaker = ?",
                       key(role),
                       interviewId,
                       speaker);
        if (m_impl->db.changes() == 0)
            fail(ErrorCode::NotFound,
                 "interview " + std::to_string(interviewId) + " has no speaker '"
                     + std::string(speaker) + "'");
    });
}

Result<Id> Study::addNote(const InterviewNote &note)
{
    return m_impl->write([&] {
        m_impl->requireRow("interview", note.interviewId, "interview");
        if (note.questionId)
            m_impl->requireRow("guide_question", *note.questionId, "guide question");
        m_impl->db.run(
            "INSERT INTO interview_note (id, interview_id, question_id, at_ms, text, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            optionalId(note.id),
            note.interviewId,
            note.questionId,
            note.atMs,
            note.text,
            note.createdAt.empty() ? nowUtc() : note.createdAt);
        return m_impl->db.lastInsertId();
    });
}

Status Study::updateNote(const InterviewNote &note)
{
    return m_impl->write([&] {
        m_impl->requireRow("interview_note", note.id, "note");
        if (note.questionId)
            m_impl->requireRow("guide_question", *note.questionId, "guide question");
        m_impl->db.run(
            "UPDATE interview_note SET question_id = ?, at_ms = ?, text = ? WHERE id = ?",
            note.questionId,
            note.atMs,
            note.text,
            note.id);
    });
}

Status Study::deleteNote(Id id)
{
    return m_impl->write([&] {
        m_impl->requireRow("interview_note", id, "note");
        m_impl->db.run("DELETE FROM interview_note WHERE id = ?", id);
    });
}

Result<std::vector<InterviewNote>> Study::notes(Id interviewId) const
{
    return m_impl->read([&] {
        m_impl->requireRow("interview", interviewId, "interview");
        std::vector<InterviewNote> list;
        auto q =
            m_impl->db.query("SELECT id, question_id, at_ms, text, created_at FROM interview_note "
                             "WHERE interview_id = ? ORDER BY coalesce(at_ms, 0), id",
                             interviewId);
        while (q.next())
            list.push_back({q.int64(0),
                            interviewId,
                            q.optionalInt64(1),
                            q.optionalInt64(2),
                            q.text(3),
                            q.text(4)});
        return list;
    });
}

Result<std::vector<InterviewNote>> Study::questionNotes(Id questionId) const
{
    return m_impl->read([&] {
        m_impl->requireRow("guide_question", questionId, "guide question");
        std::vector<InterviewNote> list;
        auto q = m_impl->db.query("SELECT id, interview_id, at_ms, text, created_at FROM "
                                  "interview_note WHERE question_id = ? ORDER BY id",
                                  questionId);
        while (q.next())
            list.push_back(
                {q.int64(0), q.int64(1), questionId, q.optionalInt64(2), q.text(3), q.text(4)});
        return list;
    });
}

Status Study::setQuestionCovered(Id interviewId, Id questionId, std::optional<std::int64_t> atMs)
{
    return m_impl->write([&] {
        m_impl->requireRow("interview", interviewId, "interview");
        m_impl->requireRow("guide_question", questionId, "guide question");
        if (atMs && *atMs < 0)
            fail(ErrorCode::InvalidArgument,
                 "the time a question was covered cannot be negative (" + std::to_string(*atMs)
                     + " ms)");
        m_impl->db.run("INSERT INTO question_coverage (interview_id, question_id, covered_at_ms) "
                       "VALUES (?, ?, ?) ON CONFLICT (interview_id, question_id) DO UPDATE SET "
                       "covered_at_ms = excluded.covered_at_ms",
                       interviewId,
                       questionId,
                       atMs);
    });
}

Status Study::clearQuestionCovered(Id interviewId, Id questionId)
{
    return m_impl->write([&] {
        m_impl->requireRow("interview", interviewId, "interview");
        m_impl->requireRow("guide_question", questionId, "guide question");
        m_impl->db.run("DELETE FROM question_coverage WHERE interview_id = ? AND question_id = ?",
                       interviewId,
                       questionId);
    });
}

Result<std::vector<QuestionCoverage>> Study::coverage(Id interviewId) const
{
    return m_impl->read([&] {
        m_impl->requireRow("interview", interviewId, "interview");
        std::vector<QuestionCoverage> list;
        auto q = m_impl->db.query("SELECT question_id, covered_at_ms FROM question_coverage "
                                  "WHERE interview_id = ? ORDER BY question_id",
                                  interviewId);
        while (q.next())
            list.push_back({interviewId, q.int64(0), q.optionalInt64(1)});
        return list;
    });
}

Result<std::vector<QuestionCoverage>> Study::questionCoverage(Id questionId) const
{
    return m_impl->read([&] {
        m_impl->requireRow("guide_question", questionId, "guide question");
        std::vector<QuestionCoverage> list;
        auto q = m_impl->db.query("SELECT interview_id, covered_at_ms FROM question_coverage "
                                  "WHERE question_id = ? ORDER BY interview_id",
                                  questionId);
        while (q.next())
            list.push_back({q.int64(0), questionId, q.optionalInt64(1)});
        return list;
    });
}

} // namespace jtbd
