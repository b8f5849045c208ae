// Highlights (coded passages) and timeline events of an interview.
#include "study_impl.h"

#include <jtbd/text.h>

#include <algorithm>

namespace jtbd {

using storage::fail;

namespace {

std::optional<std::string_view> phaseKey(const std::optional<Phase> &phase)
{
    return phase ? std::optional(key(*phase)) : std::nullopt;
}

// Checks a highlight against its interview and returns the quote at its range.
std::string validate(Study::Impl &impl, const Highlight &h)
{
    std::int64_t length = 0;
    {
        auto q = impl.db.query("SELECT text_length FROM interview WHERE id = ?", h.interviewId);
        if (!q.next())
            fail(ErrorCode::NotFound,
                 "there is no interview with id " + std::to_string(h.interviewId));
        length = q.int64(0);
    }
    if (h.intensity < 1 || h.intensity > 5)
        fail(ErrorCode::InvalidArgument,
             "intensity " + std::to_string(h.intensity) + " is outside 1–5");
    if (h.codeIds.empty())
        fail(ErrorCode::InvalidArgument, "a highlight needs at least one code");
    for (Id codeId : h.codeIds)
        impl.requireRow("code", codeId, "code");
    if (h.coderId)
        impl.requireRow("coder", *h.coderId, "coder");
    if (h.start < 0 || h.end <= h.start || h.end > length)
        fail(ErrorCode::InvalidArgument,
             "highlight range [" + std::to_string(h.start) + ", " + std::to_string(h.end)
                 + ") is not inside interview " + std::to_string(h.interviewId) + " ("
                 + std::to_string(length) + " characters)");
    const auto quote = impl.textAt(h.interviewId, h.start, h.end);
    if (!quote)
        fail(ErrorCode::Internal, "interview text is shorter than its recorded length");
    if (!h.quote.empty() && h.quote != *quote)
        fail(ErrorCode::Conflict,
             "the quote does not match the interview text at [" + std::to_string(h.start) + ", "
                 + std::to_string(h.end) + "): the text there is \"" + *quote + "\"");
    return *quote;
}

void validate(Study::Impl &impl, const TimelineEvent &event)
{
    impl.requireRow("interview", event.interviewId, "interview");
    if (!isPartialDate(event.occurredOn))
        fail(ErrorCode::InvalidArgument,
             "timeline event date '" + event.occurredOn
                 + "' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)");
    if (event.highlightId) {
        impl.requireRow("highlight", *event.highlightId, "highlight");
        if (impl.db.scalar("SELECT interview_id FROM highlight WHERE id = ?", *event.highlightId)
            != event.interviewId)
            fail(ErrorCode::InvalidArgument,
                 "a timeline event can only link a highlight of its own interview");
    }
}

} // namespace

Highlight Study::Impl::readHighlight(const storage::Query &q) const
{
    Highlight h;
    h.id = q.int64(0);
    h.interviewId = q.int64(1);
    h.start = q.int64(2);
    h.end = q.int64(3);
    h.quote = q.text(4);
    h.coderId = q.optionalInt64(5);
    h.intensity = q.int32(6);
    h.confidence = parseStored<Confidence>(q.textView(7), parseConfidence, "confidence");
    if (!q.isNull(8))
        h.phase = parseStored<Phase>(q.textView(8), parsePhase, "phase");
    h.memo = q.text(9);
    h.createdAt = q.text(10);
    h.updatedAt = q.text(11);
    return h;
}

std::vector<Id> Study::Impl::highlightCodeIds(Id highlightId) const
{
    std::vector<Id> ids;
    auto q = db.query("SELECT code_id FROM highlight_code WHERE highlight_id = ? ORDER BY code_id",
                      highlightId);
    while (q.next())
        ids.push_back(q.int64(0));
    return ids;
}

void Study::Impl::writeHighlightCodes(Id highlightId, const std::vector<Id> &codeIds, bool replace)
{
    if (replace)
        db.run("DELETE FROM highlight_code WHERE highlight_id = ?", highlightId);
    for (Id codeId : codeIds)
        db.run("INSERT OR IGNORE INTO highlight_code (highlight_id, code_id) VALUES (?, ?)",
               highlightId,
               codeId);
}

std::unordered_map<Id, std::vector<Id>> Study::Impl::highlightCodes(const Scope &scope) const
{
    std::unordered_map<Id, std::vector<Id>> codes;
    auto q =
        db.query("SELECT hc.highlight_id, hc.code_id FROM highlight h JOIN highlight_code hc ON "
                 "hc.highlight_id = h.id WHERE "
                 + scopeFilter(scope) + " ORDER BY 1, 2");
    bindScope(q, scope);
    while (q.next())
        codes[q.int64(0)].push_back(q.int64(1));
    return codes;
}

Result<Id> Study::addHighlight(const Highlight &highlight)
{
    return m_impl->write([&] {
        const std::string quote = validate(*m_impl, highlight);
        const std::string created = highlight.createdAt.empty() ? nowUtc() : highlight.createdAt;
        m_impl->db.run(
            "INSERT INTO highlight (id, interview_id, start, \"end\", quote, coder_id, intensity, "
            "confidence, phase, memo, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "?, ?, ?)",
            optionalId(highlight.id),
            highlight.interviewId,
            highlight.start,
            highlight.end,
            quote,
            highlight.coderId,
            highlight.intensity,
            key(highlight.confidence),
            phaseKey(highlight.phase),
            highlight.memo,
            created,
            highlight.updatedAt.empty() ? created : highlight.updatedAt);
        const Id id = m_impl->db.lastInsertId();
        m_impl->writeHighlightCodes(id, highlight.codeIds, false);
        return id;
    });
}

Status Study::updateHighlight(const Highlight &highlight)
{
    return m_impl->write([&] {
        m_impl->requireRow("highlight", highlight.id, "highlight");
        if (m_impl->db.scalar("SELECT interview_id FROM highlight WHERE id = ?", highlight.id)
            != highlight.interviewId)
            fail(ErrorCode::InvalidArgument, "a highlight cannot move to another interview");
        Highlight h = highlight;
        h.quote.clear(); // the range decides the quote
        const std::string quote = validate(*m_impl, h);
        m_impl->db.run(
            "UPDATE highlight SET start = ?, \"end\" = ?, quote = ?, coder_id = ?, intensity = ?, "
            "confidence = ?, phase = ?, memo = ?, updated_at = ? WHERE id = ?",
            h.start,
            h.end,
            quote,
            h.coderId,
            h.intensity,
            key(h.confidence),
            phaseKey(h.phase),
            h.memo,
            nowUtc(),
            h.id);
        m_impl->writeHighlightCodes(h.id, h.codeIds, true);
    });
}

Status Study::deleteHighlight(Id id)
{
    return m_impl->write([&] {
        m_impl->requireRow("highlight", id, "highlight");
        m_impl->db.run("DELETE FROM highlight WHERE id = ?", id);
    });
}

Result<Highlight> Study::highlight(Id id) const
{
    return m_impl->read([&] {
        auto q = m_impl->db.query(
            "SELECT " + std::string(kHighlightColumns) + " FROM highlight h WHERE h.id = ?", id);
        if (!q.next())
            fail(ErrorCode::NotFound, "there is no highlight with id " + std::to_string(id));
        Highlight h = m_impl->readHighlight(q);
        h.codeIds = m_impl->highlightCodeIds(id);
        return h;
    });
}

Result<std::vector<Highlight>> Study::highlights(Id interviewId) const
{
    return m_impl->read([&] {
        m_impl->requireRow("interview", interviewId, "interview");
        std::vector<Highlight> list;
        {
            auto q = m_impl->db.query("SELECT " + std::string(kHighlightColumns)
                                          + " FROM highlight h WHERE h.interview_id = ? ORDER BY "
                                            "h.start, h.\"end\", h.id",
                                      interviewId);
            while (q.next())
                list.push_back(m_impl->readHighlight(q));
        }
        auto codes = m_impl->highlightCodes(Scope::interview(interviewId));
        for (auto &h : list)
            h.codeIds = std::move(codes[h.id]);
        return list;
    });
}

Result<Id> Study::addTimelineEvent(const TimelineEvent &event)
{
    return m_impl->write([&] {
        validate(*m_impl, event);
        m_impl->db.run("INSERT INTO timeline_event (id, interview_id, kind, occurred_on, "
                       "relative_time, place, "
                       "people, description, highlight_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       optionalId(event.id),
                       event.interviewId,
                       key(event.kind),
                       event.occurredOn,
                       event.relativeTime,
                       event.place,
                       event.people,
                       event.description,
                       event.highlightId);
        return m_impl->db.lastInsertId();
    });
}

Status Study::updateTimelineEvent(const TimelineEvent &event)
{
    return m_impl->write([&] {
        m_impl->requireRow("timeline_event", event.id, "timeline event");
        validate(*m_impl, event);
        m_impl->db.run("UPDATE timeline_event SET interview_id = ?, kind = ?, occurred_on = ?, "
                       "relative_time = ?, "
                       "place = ?, people = ?, description = ?, highlight_id = ? WHERE id = ?",
                       event.interviewId,
                       key(event.kind),
                       event.occurredOn,
                       event.relativeTime,
                       event.place,
                       event.people,
                       event.description,
                       event.highlightId,
                       event.id);
    });
}

Status Study::deleteTimelineEvent(Id id)
{
    return m_impl->write([&] {
        m_impl->requireRow("timeline_event", id, "timeline event");
        m_impl->db.run("DELETE FROM timeline_event WHERE id = ?", id);
    });
}

Result<std::vector<TimelineEvent>> Study::timeline(Id interviewId) const
{
    return m_impl->read([&] {
        m_impl->requireRow("interview", interviewId, "interview");
        std::vector<TimelineEvent> list;
        auto q = m_impl->db.query(
            "SELECT id, kind, occurred_on, relative_time, place, people, description, "
            "highlight_id FROM timeline_event WHERE interview_id = ? ORDER BY id",
            interviewId);
        while (q.next()) {
            TimelineEvent e;
            e.id = q.int64(0);
            e.interviewId = interviewId;
            e.kind = parseStored<EventKind>(q.textView(1), parseEventKind, "event kind");
            e.occurredOn = q.text(2);
            e.relativeTime = q.text(3);
            e.place = q.text(4);
            e.people = q.text(5);
            e.description = q.text(6);
            e.highlightId = q.optionalInt64(7);
            list.push_back(std::move(e));
        }
        // Timeline order is the method's order of events; dates break no ties across kinds, since
        // a fire can come before or after the purchase it mirrors.
        std::stable_sort(
            list.begin(), list.end(), [](const TimelineEvent &a, const TimelineEvent &b) {
                return a.kind < b.kind;
            });
        return list;
    });
}

} // namespace jtbd
