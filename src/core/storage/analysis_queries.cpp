// The queries behind forces diagrams and evidence lists, over a scope.
#include "study_impl.h"

#include <jtbd/text.h>

#include <algorithm>
#include <array>
#include <unordered_map>

namespace jtbd {

using storage::fail;

namespace {

// Every code that counts as a force: the four built-in force codes and custom codes nested
// under them, at any depth.
constexpr std::string_view kForceCodes =
    "WITH RECURSIVE force_code(id, force) AS ("
    "  SELECT id, key FROM code WHERE kind = 'force'"
    "  UNION ALL SELECT c.id, f.force FROM code c JOIN force_code f ON c.parent_id = f.id) ";

// A code and the codes nested under it, with the code as parameter ?21.
constexpr std::string_view kCodeAndChildren =
    "WITH RECURSIVE sub(id) AS (SELECT ?21 UNION ALL SELECT c.id FROM code c JOIN sub ON "
    "c.parent_id = sub.id) ";

} // namespace

void Study::Impl::requireScope(const Scope &scope) const
{
    if (scope.kind == Scope::Kind::Interview)
        requireRow("interview", scope.id, "interview");
    else if (scope.kind == Scope::Kind::Job)
        requireRow("job", scope.id, "job");
    else if (scope.kind == Scope::Kind::Participants && trim(scope.attributeKey).empty())
        fail(ErrorCode::InvalidArgument, "a participant attribute scope needs an attribute key");
}

std::string Study::Impl::scopeFilter(const Scope &scope)
{
    switch (scope.kind) {
    case Scope::Kind::Study:
        return "1";
    case Scope::Kind::Interview:
        return "h.interview_id = ?20";
    case Scope::Kind::Job:
        return "h.interview_id IN (SELECT interview_id FROM job_member WHERE job_id = ?20)";
    case Scope::Kind::Participants:
        // The attribute table is small (participants x keys); the interviews are found through
        // interview_by_participant and their highlights through highlight_by_interview.
        return "h.interview_id IN (SELECT i.id FROM participant_attribute pa JOIN interview i ON "
               "i.participant_id = pa.participant_id WHERE pa.key = ?20 AND pa.value = ?22)";
    }
    return "1";
}

void Study::Impl::bindScope(storage::Query &query, const Scope &scope)
{
    switch (scope.kind) {
    case Scope::Kind::Study:
        return;
    case Scope::Kind::Interview:
    case Scope::Kind::Job:
        query.bind(20, scope.id);
        return;
    case Scope::Kind::Participants:
        query.bind(20, scope.attributeKey);
        query.bind(22, scope.attributeValue);
        return;
    }
}

Result<ForcesSummary> Study::forcesSummary(const Scope &scope) const
{
    // Summed in C++ from two index reads: the highlights of each force (highlight_code by code)
    // and the intensity of each highlight in scope (a small index, not the rows with their
    // quotes). One SQL query with DISTINCT over (force, highlight) needs a temporary b-tree and a
    // row lookup per pair: several times slower on a large study.
    return m_impl->read([&] {
        m_impl->requireScope(scope);
        std::unordered_map<Id, int> intensity;
        {
            auto q = m_impl->db.query("SELECT h.id, h.intensity FROM highlight h WHERE "
                                      + Impl::scopeFilter(scope));
            Impl::bindScope(q, scope);
            while (q.next())
                intensity.emplace(q.int64(0), q.int32(1));
        }
        std::vector<std::pair<Id, Force>> forceCodes;
        {
            auto q =
                m_impl->db.query(std::string(kForceCodes) + "SELECT id, force FROM force_code");
            while (q.next())
                forceCodes.emplace_back(q.int64(0),
                                        parseStored<Force>(q.textView(1), parseForce, "force"));
        }
        std::array<std::vector<Id>, 4> shown; // highlights in scope showing each force
        for (const auto &[codeId, force] : forceCodes) {
            auto q = m_impl->db.query("SELECT highlight_id FROM highlight_code WHERE code_id = ?",
                                      codeId);
            auto &ids = shown.at(static_cast<std::size_t>(force));
            while (q.next()) {
                if (intensity.contains(q.int64(0)))
                    ids.push_back(q.int64(0));
            }
        }
        ForcesSummary summary;
        for (Force force : kForces) {
            auto &ids = shown.at(static_cast<std::size_t>(force));
            // A highlight counts once per force, however many of that force's codes it carries.
            std::sort(ids.begin(), ids.end());
            ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
            auto &tally = summary[force];
            tally.count = static_cast<std::int64_t>(ids.size());
            for (Id id : ids)
                tally.intensity += intensity.at(id);
        }
        return summary;
    });
}

Result<std::vector<Highlight>> Study::highlightsInScope(const Scope &scope,
                                                        std::optional<Id> codeId) const
{
    return m_impl->read([&] {
        m_impl->requireScope(scope);
        if (codeId)
            m_impl->requireRow("code", *codeId, "code");
        std::string sql = "SELECT " + std::string(kHighlightColumns) + " FROM highlight h WHERE "
                          + Impl::scopeFilter(scope);
        if (codeId)
            sql = std::string(kCodeAndChildren) + sql
                  + " AND h.id IN (SELECT highlight_id FROM highlight_code WHERE code_id IN "
                    "(SELECT id "
                    "FROM sub))";
        sql += " ORDER BY h.interview_id, h.start, h.id";
        std::vector<Highlight> list;
        {
            auto q = m_impl->db.query(sql);
            Impl::bindScope(q, scope);
            if (codeId)
                q.bind(21, *codeId);
            while (q.next())
                list.push_back(m_impl->readHighlight(q));
        }
        auto codes = m_impl->highlightCodes(scope);
        for (auto &h : list)
            h.codeIds = std::move(codes[h.id]);
        return list;
    });
}

Result<std::vector<EvidenceQuote>>
Study::strongestEvidence(const Scope &scope, Force force, int limit) const
{
    return m_impl->read([&] {
        m_impl->requireScope(scope);
        if (limit < 0)
            fail(ErrorCode::InvalidArgument, "limit cannot be negative");
        const std::string sql =
            std::string(kForceCodes) + "SELECT " + std::string(kHighlightColumns)
            + ", coalesce(p.code, ''), coalesce(p.pseudonym, ''), i.title,"
              " (SELECT t.start_ms FROM turn t WHERE t.interview_id = h.interview_id"
              "  AND t.text_start <= h.start ORDER BY t.text_start DESC LIMIT 1)"
              " FROM highlight h JOIN interview i ON i.id = h.interview_id"
              " LEFT JOIN participant p ON p.id = i.participant_id"
              " WHERE h.id IN (SELECT hc.highlight_id FROM highlight_code hc"
              "   JOIN force_code f ON f.id = hc.code_id WHERE f.force = ?1) AND "
            + Impl::scopeFilter(scope)
            + " ORDER BY h.intensity DESC,"
              " CASE h.confidence WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END,"
              " h.created_at DESC, h.id LIMIT ?2";
        std::vector<EvidenceQuote> list;
        {
            auto q = m_impl->db.query(sql, key(force), limit);
            Impl::bindScope(q, scope);
            while (q.next()) {
                EvidenceQuote e;
                e.highlight = m_impl->readHighlight(q);
                e.participantCode = q.text(12);
                e.participantPseudonym = q.text(13);
                e.interviewTitle = q.text(14);
                e.startMs = q.optionalInt64(15);
                list.push_back(std::move(e));
            }
        }
        for (auto &e : list)
            e.highlight.codeIds = m_impl->highlightCodeIds(e.highlight.id);
        return list;
    });
}

} // namespace jtbd
