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

namespace {

// The intensity of each highlight in a scope, by id. Looked up once per (force code, highlight)
// pair, about 100,000 times in a large study, so a flat table indexed by id when the ids are
// dense (they are, unless most highlights were deleted or imported with scattered ids), which is
// several times faster than a hash map; a hash map otherwise.
class ScopeIntensities
{
public:
    explicit ScopeIntensities(const std::vector<std::pair<Id, int>> &rows)
        : m_size(rows.size())
    {
        if (rows.empty())
            return;
        const auto [low, high] =
            std::minmax_element(rows.begin(), rows.end(), [](const auto &a, const auto &b) {
                return a.first < b.first;
            });
        const auto span =
            static_cast<std::uint64_t>(high->first) - static_cast<std::uint64_t>(low->first);
        if (span < 4 * static_cast<std::uint64_t>(rows.size()) + 4096) {
            m_first = low->first;
            m_dense.assign(span + 1, 0);
            for (const auto &[id, intensity] : rows)
                m_dense[static_cast<std::size_t>(id - m_first)] =
                    static_cast<std::uint8_t>(intensity);
        } else {
            m_sparse.reserve(rows.size());
            for (const auto &[id, intensity] : rows)
                m_sparse.emplace(id, intensity);
        }
    }

    std::size_t size() const { return m_size; }

    // 0 when the highlight is not in the scope (intensities are 1 to 5).
    int operator[](Id id) const
    {
        if (m_sparse.empty()) {
            if (id < m_first || static_cast<std::uint64_t>(id - m_first) >= m_dense.size())
                return 0;
            return m_dense[static_cast<std::size_t>(id - m_first)];
        }
        const auto found = m_sparse.find(id);
        return found == m_sparse.end() ? 0 : found->second;
    }

private:
    std::size_t m_size = 0;
    Id m_first = 0;
    std::vector<std::uint8_t> m_dense;
    std::unordered_map<Id, int> m_sparse;
};

// The highlights of a scope that show each force, read from indexes only.
struct ForceTallies
{
    ScopeIntensities intensity;           // of every highlight in the scope
    std::array<std::vector<Id>, 4> shown; // by Force: sorted, each highlight once
    std::int64_t studySize = 0;           // highlights in the whole study
};

std::vector<std::pair<Id, int>> scopeIntensities(const Study::Impl &impl, const Scope &scope)
{
    std::vector<std::pair<Id, int>> rows;
    auto q = impl.db.query("SELECT h.id, h.intensity FROM highlight h WHERE "
                           + Study::Impl::scopeFilter(scope));
    Study::Impl::bindScope(q, scope);
    while (q.next())
        rows.emplace_back(q.int64(0), q.int32(1));
    return rows;
}

// Summed in C++ from two index reads: the highlights of each force (highlight_code by code) and
// the intensity of each highlight in scope (a small index, not the rows with their quotes). One
// SQL query with DISTINCT over (force, highlight) needs a temporary b-tree and a row lookup per
// pair: several times slower on a large study.
ForceTallies tallyForces(const Study::Impl &impl, const Scope &scope)
{
    ForceTallies tallies{ScopeIntensities(scopeIntensities(impl, scope)), {}, 0};
    tallies.studySize = scope.kind == Scope::Kind::Study
                            ? static_cast<std::int64_t>(tallies.intensity.size())
                            : impl.db.scalar("SELECT count(*) FROM highlight");
    std::vector<std::pair<Id, Force>> forceCodes;
    {
        auto q = impl.db.query(std::string(kForceCodes) + "SELECT id, force FROM force_code");
        while (q.next())
            forceCodes.emplace_back(q.int64(0),
                                    parseStored<Force>(q.textView(1), parseForce, "force"));
    }
    if (static_cast<std::int64_t>(tallies.intensity.size()) * 4 < tallies.studySize) {
        // Under a quarter of the study (an interview, a job): reading the codes of its own
        // highlights beats passing every highlight of every force in the study.
        const std::unordered_map<Id, Force> forceOf(forceCodes.begin(), forceCodes.end());
        auto q = impl.db.query("SELECT hc.highlight_id, hc.code_id FROM highlight h JOIN "
                               "highlight_code hc ON hc.highlight_id = h.id WHERE "
                               + Study::Impl::scopeFilter(scope));
        Study::Impl::bindScope(q, scope);
        while (q.next()) {
            if (const auto found = forceOf.find(q.int64(1)); found != forceOf.end())
                tallies.shown.at(static_cast<std::size_t>(found->second)).push_back(q.int64(0));
        }
    } else {
        for (const auto &[codeId, force] : forceCodes) {
            auto q =
                impl.db.query("SELECT highlight_id FROM highlight_code WHERE code_id = ?", codeId);
            auto &ids = tallies.shown.at(static_cast<std::size_t>(force));
            while (q.next()) {
                const Id id = q.int64(0);
                if (tallies.intensity[id] != 0)
                    ids.push_back(id);
            }
        }
    }
    for (auto &ids : tallies.shown) {
        // A highlight counts once per force, however many of that force's codes it carries.
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    }
    return tallies;
}

ForcesSummary summarise(const ForceTallies &tallies)
{
    ForcesSummary summary;
    for (Force force : kForces) {
        const auto &ids = tallies.shown.at(static_cast<std::size_t>(force));
        auto &tally = summary[force];
        tally.count = static_cast<std::int64_t>(ids.size());
        for (Id id : ids)
            tally.intensity += tallies.intensity[id];
    }
    return summary;
}

} // namespace

Result<ForcesSummary> Study::forcesSummary(const Scope &scope) const
{
    return m_impl->read([&] {
        m_impl->requireScope(scope);
        return summarise(tallyForces(*m_impl, scope));
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

namespace {

// What an evidence quote shows besides its highlight (kHighlightColumns), and where it is read
// from; columns 12 to 15.
constexpr std::string_view kEvidenceSource =
    ", coalesce(p.code, ''), coalesce(p.pseudonym, ''), i.title,"
    " (SELECT t.start_ms FROM turn t WHERE t.interview_id = h.interview_id"
    "  AND t.text_start <= h.start ORDER BY t.text_start DESC LIMIT 1)"
    " FROM highlight h JOIN interview i ON i.id = h.interview_id"
    " LEFT JOIN participant p ON p.id = i.participant_id";

EvidenceQuote readEvidence(const Study::Impl &impl, const storage::Query &q)
{
    EvidenceQuote e;
    e.highlight = impl.readHighlight(q);
    e.participantCode = q.text(12);
    e.participantPseudonym = q.text(13);
    e.interviewTitle = q.text(14);
    e.startMs = q.optionalInt64(15);
    return e;
}

} // namespace

Result<std::vector<EvidenceQuote>>
Study::strongestEvidence(const Scope &scope, Force force, int limit) const
{
    return m_impl->read([&] {
        m_impl->requireScope(scope);
        if (limit < 0)
            fail(ErrorCode::InvalidArgument, "limit cannot be negative");
        const std::string sql =
            std::string(kForceCodes) + "SELECT " + std::string(kHighlightColumns)
            + std::string(kEvidenceSource)
            + " WHERE h.id IN (SELECT hc.highlight_id FROM highlight_code hc"
              "   JOIN force_code f ON f.id = hc.code_id WHERE f.force = ?1) AND "
            + Impl::scopeFilter(scope)
            + " ORDER BY h.intensity DESC,"
              " CASE h.confidence WHEN 'high' THEN 0 WHEN 'medium' THEN 1 ELSE 2 END,"
              " h.created_at DESC, h.id LIMIT ?2";
        std::vector<EvidenceQuote> list;
        {
            auto q = m_impl->db.query(sql, key(force), limit);
            Impl::bindScope(q, scope);
            while (q.next())
                list.push_back(readEvidence(*m_impl, q));
        }
        for (auto &e : list)
            e.highlight.codeIds = m_impl->highlightCodeIds(e.highlight.id);
        return list;
    });
}

namespace {

// The order of strongestEvidence: intensity, then confidence, then recency, then id.
struct Strength
{
    Id id = 0;
    int intensity = 0;
    int confidence = 0; // 0 high, 1 medium, 2 low, as the SQL ranks it
    std::string createdAt;

    bool operator<(const Strength &other) const // stronger first
    {
        if (intensity != other.intensity)
            return intensity > other.intensity;
        if (confidence != other.confidence)
            return confidence < other.confidence;
        // SQLite compares text byte by byte, as std::string does.
        if (createdAt != other.createdAt)
            return createdAt > other.createdAt;
        return id < other.id;
    }
};

// The confidences from strongest to weakest, as strongestEvidence ranks them.
constexpr std::array<std::string_view, 3> kConfidenceRanks = {"high", "medium", "low"};

int confidenceRank(std::string_view confidence)
{
    return confidence == kConfidenceRanks[0] ? 0 : confidence == kConfidenceRanks[1] ? 1 : 2;
}

// The `limit` strongest of `ids`, ranked from their rows: for a force with few quotes in scope.
std::vector<Id> rankDirectly(const Study::Impl &impl, const std::vector<Id> &ids, std::size_t limit)
{
    std::vector<Strength> ranked;
    ranked.reserve(ids.size());
    for (Id id : ids) {
        auto q = impl.db.query(
            "SELECT intensity, confidence, created_at FROM highlight WHERE id = ?", id);
        if (!q.next())
            fail(ErrorCode::Internal, "a highlight disappeared while it was read");
        ranked.push_back({id, q.int32(0), confidenceRank(q.textView(1)), q.text(2)});
    }
    const auto end = ranked.begin() + static_cast<std::ptrdiff_t>(std::min(limit, ranked.size()));
    std::partial_sort(ranked.begin(), end, ranked.end());
    std::vector<Id> strongest;
    for (auto it = ranked.begin(); it != end; ++it)
        strongest.push_back(it->id);
    return strongest;
}

} // namespace

Result<ForcesEvidence> Study::forcesEvidence(const Scope &scope, int limit) const
{
    return m_impl->read([&] {
        m_impl->requireScope(scope);
        if (limit < 0)
            fail(ErrorCode::InvalidArgument, "limit cannot be negative");
        storage::Database &db = m_impl->db;
        // One state of the file for every read below, so the quotes match the tallies.
        struct ReadTransaction
        {
            storage::Database &db;
            bool started;

            ~ReadTransaction()
            {
                if (started)
                    db.endRead();
            }
        } transaction{db, db.beginRead()};

        const ForceTallies tallies = tallyForces(*m_impl, scope);
        ForcesEvidence evidence;
        evidence.summary = summarise(tallies);

        // Ranking every quote of a force takes a row lookup each: 25,000 per force in a large
        // study. The index highlight_strength holds the study's highlights in the order of
        // strongestEvidence within each intensity and confidence, so walking it, strongest pair
        // first, until every force has its quotes usually stops after a few dozen entries. A
        // force with `count` of the study's highlights turns up about every studySize / count
        // entries, so a rare one would make the walk pass most of the index: such a force is
        // ranked from its own rows instead, when that takes fewer row lookups than the walk
        // would take steps (a lookup costs about kStepsPerLookup steps).
        constexpr std::int64_t kStepsPerLookup = 16;
        const auto wanted = static_cast<std::size_t>(limit);
        std::array<std::vector<Id>, 4> chosen;
        std::vector<std::size_t> walked; // forces, by index, found by walking
        for (std::size_t f = 0; f < chosen.size(); ++f) {
            const auto &ids = tallies.shown.at(f);
            const auto target = static_cast<std::int64_t>(std::min(wanted, ids.size()));
            if (target == 0)
                continue;
            const auto count = static_cast<std::int64_t>(ids.size());
            if (count * count * kStepsPerLookup >= target * tallies.studySize)
                walked.push_back(f);
            else
                chosen.at(f) = rankDirectly(*m_impl, ids, wanted);
        }
        std::size_t open = walked.size();
        for (int intensity = 5; intensity >= 1 && open > 0; --intensity) {
            for (std::string_view confidence : kConfidenceRanks) {
                if (open == 0)
                    break;
                // Within one intensity and confidence the index runs by created_at descending,
                // then by id.
                auto q = db.query("SELECT id FROM highlight WHERE intensity = ? AND confidence "
                                  "= ? ORDER BY created_at DESC, id",
                                  intensity,
                                  confidence);
                while (open > 0 && q.next()) {
                    const Id id = q.int64(0);
                    for (std::size_t f : walked) {
                        auto &list = chosen.at(f);
                        const auto &ids = tallies.shown.at(f);
                        if (list.size() < std::min(wanted, ids.size())
                            && std::binary_search(ids.begin(), ids.end(), id)) {
                            list.push_back(id);
                            if (list.size() == std::min(wanted, ids.size()))
                                --open;
                        }
                    }
                }
            }
        }

        const std::string sql = "SELECT " + std::string(kHighlightColumns)
                                + std::string(kEvidenceSource) + " WHERE h.id = ?";
        for (std::size_t f = 0; f < chosen.size(); ++f) {
            auto &quotes = evidence.quotes.at(f);
            for (Id id : chosen.at(f)) {
                auto q = db.query(sql, id);
                if (!q.next())
                    fail(ErrorCode::Internal, "a highlight disappeared while it was read");
                quotes.push_back(readEvidence(*m_impl, q));
                quotes.back().highlight.codeIds = m_impl->highlightCodeIds(id);
            }
        }
        return evidence;
    });
}

} // namespace jtbd
