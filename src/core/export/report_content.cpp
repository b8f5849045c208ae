// What a report shows, read from a study once and redacted once: the PDF report and the job
// stories JSON are both drawn from it.
#include "report_support.h"

#include <jtbd/export.h>
#include <jtbd/text.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

namespace jtbd {

namespace {

// A failed read, carried out of the nested reads below to loadReportContent.
struct ReadFailure
{
    Error error;
};

template<typename T>
T take(Result<T> result)
{
    if (!result)
        throw ReadFailure{result.error()};
    return std::move(result).value();
}

int confidenceRank(Confidence confidence) // 0 is the strongest, as strongestEvidence ranks
{
    switch (confidence) {
    case Confidence::High:
        return 0;
    case Confidence::Medium:
        return 1;
    case Confidence::Low:
        return 2;
    }
    return 2;
}

// The order of Study::strongestEvidence: intensity, then confidence, then the most recent, then
// the lowest id.
bool stronger(const Highlight &a, const Highlight &b)
{
    if (a.intensity != b.intensity)
        return a.intensity > b.intensity;
    if (confidenceRank(a.confidence) != confidenceRank(b.confidence))
        return confidenceRank(a.confidence) < confidenceRank(b.confidence);
    if (a.createdAt != b.createdAt)
        return a.createdAt > b.createdAt;
    return a.id < b.id;
}

// The built-in codes whose strongest quotes each job lists.
constexpr std::string_view kTaggedLists[] = {
    "hire-criterion", "fire-criterion", "alternative-considered", "desired-outcome"};

std::string joinIds(const std::vector<Id> &ids)
{
    std::string text;
    for (std::size_t i = 0; i < ids.size(); ++i)
        text += (i > 0 ? ", " : "") + std::to_string(ids[i]);
    return text;
}

// Everything read once and shared by every job of the report.
class ContentReader
{
public:
    ContentReader(const Study &study, const ExportOptions &options)
        : m_study(study)
        , m_options(options)
    {}

    ReportContent read()
    {
        ReportContent content;
        content.options = m_options;
        content.generatedAt = nowUtc();

        const auto participants = take(m_study.participants());
        if (m_options.redact)
            m_redactor = Redactor(participants);
        for (const auto &p : participants)
            m_participants.emplace(p.id, p);

        auto list = take(m_study.interviews());
        // By date, then id; interviews without a date (still planned) come last.
        std::stable_sort(list.begin(), list.end(), [](const auto &a, const auto &b) {
            const auto &da = a.interview.conductedOn;
            const auto &db = b.interview.conductedOn;
            if (da.empty() != db.empty())
                return db.empty();
            if (da != db)
                return da < db;
            return a.interview.id < b.interview.id;
        });
        for (std::size_t i = 0; i < list.size(); ++i) {
            m_interviewOrder.emplace(list[i].interview.id, i);
            m_interviews.emplace(list[i].interview.id, list[i]);
            m_interviewTitles.emplace(list[i].interview.id, redact(list[i].interview.title));
        }

        const auto codes = take(m_study.codes());
        for (const auto &code : codes)
            m_codeKeys.emplace(code.id, code.key);
        m_codes = codes;
        for (std::string_view key : kTaggedLists)
            m_taggedIds.emplace(key, codeAndChildren(key));

        readInfo(content);
        const auto stats = take(m_study.stats());
        content.interviewCount = stats.interviews;
        content.participantCount = stats.participants;
        content.highlightCount = stats.highlights;
        content.coderCount = stats.coders;
        for (const auto &item : list) {
            const auto &date = item.interview.conductedOn;
            if (date.empty())
                continue;
            if (content.firstInterview.empty() || date < content.firstInterview)
                content.firstInterview = date;
            if (content.lastInterview.empty() || date > content.lastInterview)
                content.lastInterview = date;
        }

        m_forceGroups = take(m_study.forceGroups());
        for (const Job &job : take(report_support::selectJobs(m_study, m_options.jobIds)))
            content.jobs.push_back(readJob(job));

        readParticipants(content, participants, list);
        readInterviews(content, list);
        readCodebook(content);
        return content;
    }

private:
    std::string redact(const std::string &text) const
    {
        return m_options.redact ? m_redactor.apply(text) : text;
    }

    std::string memo(const std::string &text) const
    {
        return m_options.includeMemos ? redact(text) : std::string();
    }

    void readInfo(ReportContent &content)
    {
        content.info = take(m_study.info());
        content.info.name = redact(content.info.name);
        content.info.objectives = redact(content.info.objectives);
        content.info.assumptions = redact(content.info.assumptions);
    }

    const Participant *participantOf(Id interviewId) const
    {
        const auto item = m_interviews.find(interviewId);
        if (item == m_interviews.end() || !item->second.interview.participantId)
            return nullptr;
        const auto found = m_participants.find(*item->second.interview.participantId);
        return found == m_participants.end() ? nullptr : &found->second;
    }

    std::string interviewTitle(Id interviewId) const
    {
        const auto found = m_interviewTitles.find(interviewId);
        return found == m_interviewTitles.end() ? std::string() : found->second;
    }

    // The timeline of an interview, read once however many jobs it tells a story of.
    const std::vector<TimelineEvent> &timelineOf(Id interviewId)
    {
        auto found = m_timelines.find(interviewId);
        if (found == m_timelines.end())
            found = m_timelines.emplace(interviewId, take(m_study.timeline(interviewId))).first;
        return found->second;
    }

    // When the turn holding `offset` starts in the recording, as Study::forcesEvidence reads it.
    std::optional<std::int64_t> startMsAt(Id interviewId, std::int64_t offset)
    {
        auto found = m_turnStarts.find(interviewId);
        if (found == m_turnStarts.end()) {
            std::vector<std::pair<std::int64_t, std::optional<std::int64_t>>> starts;
            for (const auto &turn : take(m_study.turns(interviewId)))
                starts.emplace_back(turn.textStart, turn.startMs);
            found = m_turnStarts.emplace(interviewId, std::move(starts)).first;
        }
        const auto &starts = found->second;
        const auto after = std::upper_bound(
            starts.begin(), starts.end(), offset, [](std::int64_t value, const auto &turn) {
                return value < turn.first;
            });
        if (after == starts.begin())
            return std::nullopt;
        return std::prev(after)->second;
    }

    std::vector<std::string> codeKeys(const std::vector<Id> &ids) const
    {
        std::vector<std::string> keys;
        for (Id id : ids) {
            if (const auto found = m_codeKeys.find(id); found != m_codeKeys.end())
                keys.push_back(found->second);
        }
        return keys;
    }

    ReportQuote quoteOf(const Highlight &h, std::optional<std::int64_t> startMs) const
    {
        ReportQuote q;
        q.highlightId = h.id;
        q.interviewId = h.interviewId;
        q.text = redact(h.quote);
        if (const Participant *p = participantOf(h.interviewId)) {
            q.participantCode = p->code;
            q.participantPseudonym = p->pseudonym;
        }
        q.interviewTitle = interviewTitle(h.interviewId);
        q.start = h.start;
        q.end = h.end;
        q.startMs = startMs;
        q.intensity = h.intensity;
        q.confidence = h.confidence;
        q.phase = h.phase;
        q.codeKeys = codeKeys(h.codeIds);
        q.memo = memo(h.memo);
        return q;
    }

    ReportQuote quoteOf(const Highlight &h)
    {
        return quoteOf(h, startMsAt(h.interviewId, h.start));
    }

    // A built-in code and every code nested under it.
    std::unordered_set<Id> codeAndChildren(std::string_view key) const
    {
        std::unordered_set<Id> ids;
        for (const auto &code : m_codes) {
            if (code.key == key)
                ids.insert(code.id);
        }
        bool grew = !ids.empty();
        while (grew) {
            grew = false;
            for (const auto &code : m_codes) {
                if (code.parentId && ids.contains(*code.parentId) && ids.insert(code.id).second)
                    grew = true;
            }
        }
        return ids;
    }

    // The strongest highlights carrying `key` (or a code under it), at most quotesPerList.
    std::vector<ReportQuote> strongestTagged(const std::vector<Highlight> &highlights,
                                             std::string_view key)
    {
        const auto &ids = m_taggedIds.at(key);
        std::vector<const Highlight *> tagged;
        for (const auto &h : highlights) {
            if (std::any_of(h.codeIds.begin(), h.codeIds.end(), [&](Id id) {
                    return ids.contains(id);
                }))
                tagged.push_back(&h);
        }
        std::sort(tagged.begin(), tagged.end(), [](const Highlight *a, const Highlight *b) {
            return stronger(*a, *b);
        });
        const auto limit = static_cast<std::size_t>(std::max(0, m_options.quotesPerList));
        std::vector<ReportQuote> quotes;
        for (std::size_t i = 0; i < tagged.size() && i < limit; ++i)
            quotes.push_back(quoteOf(*tagged[i]));
        return quotes;
    }

    ReportJob readJob(const Job &stored)
    {
        ReportJob job;
        job.job = stored;
        job.job.name = redact(stored.name);
        job.job.statement = redact(stored.statement);
        job.job.storyWhen = redact(stored.storyWhen);
        job.job.storyWant = redact(stored.storyWant);
        job.job.storySoThat = redact(stored.storySoThat);
        job.job.notes = memo(stored.notes);
        job.storyText = job.job.storyText();

        // The stories, in the order of the interviews appendix.
        std::vector<Id> storyIds;
        for (Id id : stored.interviewIds) {
            if (m_interviews.contains(id))
                storyIds.push_back(id);
        }
        std::sort(storyIds.begin(), storyIds.end(), [&](Id a, Id b) {
            return m_interviewOrder.at(a) < m_interviewOrder.at(b);
        });
        for (Id id : storyIds) {
            const auto &interview = m_interviews.at(id).interview;
            ReportStory story;
            story.interviewId = id;
            story.interviewTitle = interviewTitle(id);
            story.conductedOn = interview.conductedOn;
            if (const Participant *p = participantOf(id)) {
                story.participantCode = p->code;
                story.participantPseudonym = p->pseudonym;
                story.switchedFrom = redact(p->switchedFrom);
                story.switchedTo = redact(p->switchedTo);
                story.switchDate = p->switchDate;
            }
            job.stories.push_back(std::move(story));
        }

        const Scope scope = Scope::job(stored.id);
        const auto evidence =
            take(m_study.forcesEvidence(scope, std::max(0, m_options.quotesPerForce)));
        for (Force force : kForces) {
            auto &out = job.forces.at(static_cast<std::size_t>(force));
            out.force = force;
            out.tally = evidence.summary[force];
            for (const auto &e : evidence[force])
                out.quotes.push_back(quoteOf(e.highlight, e.startMs));
            out.more = out.tally.count - static_cast<std::int64_t>(out.quotes.size());
        }

        const auto highlights = take(m_study.highlightsInScope(scope));
        std::unordered_map<Id, const Highlight *> byId;
        for (const auto &h : highlights)
            byId.emplace(h.id, &h);

        for (const auto &group : m_forceGroups) {
            const auto quotes =
                std::count_if(group.highlightIds.begin(), group.highlightIds.end(), [&](Id id) {
                    return byId.contains(id);
                });
            if (quotes == 0)
                continue;
            job.forces.at(static_cast<std::size_t>(group.force))
                .groups.push_back({group.id, redact(group.label), quotes});
        }
        for (auto &force : job.forces) {
            std::stable_sort(
                force.groups.begin(), force.groups.end(), [](const auto &a, const auto &b) {
                    return a.quotes != b.quotes ? a.quotes > b.quotes : a.id < b.id;
                });
        }

        for (Id id : storyIds) {
            for (const auto &event : timelineOf(id)) {
                ReportTrigger trigger;
                trigger.kind = event.kind;
                trigger.interviewId = id;
                if (const Participant *p = participantOf(id)) {
                    trigger.participantCode = p->code;
                    trigger.participantPseudonym = p->pseudonym;
                }
                trigger.occurredOn = event.occurredOn;
                trigger.relativeTime = redact(event.relativeTime);
                trigger.place = redact(event.place);
                trigger.people = redact(event.people);
                trigger.description = redact(event.description);
                if (event.highlightId) {
                    if (const auto found = byId.find(*event.highlightId); found != byId.end())
                        trigger.quote = quoteOf(*found->second);
                    else
                        trigger.quote = quoteOf(take(m_study.highlight(*event.highlightId)));
                }
                job.triggers.push_back(std::move(trigger));
            }
        }
        // By event kind; within a kind, by story (the order read), then timeline order.
        std::stable_sort(
            job.triggers.begin(), job.triggers.end(), [](const auto &a, const auto &b) {
                return static_cast<int>(a.kind) < static_cast<int>(b.kind);
            });

        job.hireCriteria = strongestTagged(highlights, "hire-criterion");
        job.fireCriteria = strongestTagged(highlights, "fire-criterion");
        job.alternatives = strongestTagged(highlights, "alternative-considered");
        job.desiredOutcomes = strongestTagged(highlights, "desired-outcome");
        return job;
    }

    void readParticipants(ReportContent &content,
                          const std::vector<Participant> &participants,
                          const std::vector<InterviewListItem> &interviews) const
    {
        for (const auto &p : participants) {
            ReportParticipant out;
            out.id = p.id;
            out.code = p.code;
            out.pseudonym = p.pseudonym;
            out.name = m_options.redact ? std::string() : p.name;
            for (const auto &attribute : p.attributes)
                out.attributes.push_back({redact(attribute.key), redact(attribute.value)});
            out.switchedFrom = redact(p.switchedFrom);
            out.switchedTo = redact(p.switchedTo);
            out.switchDate = p.switchDate;
            out.interviews =
                std::count_if(interviews.begin(), interviews.end(), [&](const auto &i) {
                    return i.interview.participantId == p.id;
                });
            content.participants.push_back(std::move(out));
        }
    }

    void readInterviews(ReportContent &content, const std::vector<InterviewListItem> &list) const
    {
        for (const auto &item : list) {
            const auto &interview = item.interview;
            ReportInterview out;
            out.id = interview.id;
            out.title = interviewTitle(interview.id);
            if (const Participant *p = participantOf(interview.id)) {
                out.participantCode = p->code;
                out.participantPseudonym = p->pseudonym;
            }
            out.conductedOn = interview.conductedOn;
            out.durationMs = interview.durationMs;
            out.status = interview.status;
            out.highlights = item.highlightCount;
            for (const auto &job : content.jobs) {
                const auto &ids = job.job.interviewIds;
                if (std::find(ids.begin(), ids.end(), interview.id) != ids.end())
                    out.jobIds.push_back(job.job.id);
            }
            std::sort(out.jobIds.begin(), out.jobIds.end());
            if (m_options.includeMemos) {
                if (!trim(interview.notes).empty())
                    out.notes.push_back(redact(interview.notes));
                for (const auto &note : take(m_study.notes(interview.id)))
                    out.notes.push_back(redact(note.text));
            }
            content.interviews.push_back(std::move(out));
        }
    }

    // The codebook as the workbench shows it: each code followed by the codes nested under it.
    void readCodebook(ReportContent &content) const
    {
        std::unordered_set<Id> ids;
        for (const auto &code : m_codes)
            ids.insert(code.id);
        std::unordered_set<Id> placed;
        const auto visit = [&](const auto &self, const Code &code, int depth) -> void {
            if (!placed.insert(code.id).second)
                return;
            ReportCode out;
            out.id = code.id;
            out.key = code.key;
            out.name = redact(code.name);
            out.kind = code.kind;
            out.color = code.color;
            out.description = redact(code.description);
            out.depth = depth;
            out.usage = take(m_study.codeUsage(code.id));
            content.codebook.push_back(std::move(out));
            for (const auto &child : m_codes) {
                if (child.parentId == code.id)
                    self(self, child, depth + 1);
            }
        };
        for (const auto &code : m_codes) {
            if (!code.parentId || !ids.contains(*code.parentId))
                visit(visit, code, 0);
        }
    }

    const Study &m_study;
    const ExportOptions &m_options;
    Redactor m_redactor;
    std::unordered_map<Id, Participant> m_participants;
    std::unordered_map<Id, InterviewListItem> m_interviews;
    std::unordered_map<Id, std::size_t> m_interviewOrder;
    std::unordered_map<Id, std::string> m_interviewTitles; // redacted
    std::unordered_map<Id, std::string> m_codeKeys;
    std::vector<Code> m_codes;
    std::map<std::string_view, std::unordered_set<Id>> m_taggedIds; // by key of kTaggedLists
    std::unordered_map<Id, std::vector<TimelineEvent>> m_timelines;
    std::vector<ForceGroup> m_forceGroups;
    std::unordered_map<Id, std::vector<std::pair<std::int64_t, std::optional<std::int64_t>>>>
        m_turnStarts;
};

} // namespace

namespace report_support {

Result<std::vector<Job>> selectJobs(const Study &study, const std::vector<Id> &ids)
{
    auto jobs = study.jobs();
    if (!jobs || ids.empty())
        return jobs;
    std::vector<Job> selected;
    std::unordered_set<Id> taken;
    for (Id id : ids) {
        if (!taken.insert(id).second)
            continue;
        const auto found = std::find_if(jobs->begin(), jobs->end(), [&](const Job &j) {
            return j.id == id;
        });
        if (found == jobs->end()) {
            std::vector<Id> known;
            for (const auto &j : *jobs)
                known.push_back(j.id);
            return makeError(ErrorCode::NotFound,
                             "there is no job " + std::to_string(id) + " in the study"
                                 + (known.empty() ? std::string(" (it has no jobs yet)")
                                                  : " (its jobs are " + joinIds(known) + ")"));
        }
        selected.push_back(*found);
    }
    return selected;
}

} // namespace report_support

ForcesSummary ReportJob::summary() const
{
    ForcesSummary summary;
    for (Force force : kForces)
        summary[force] = (*this)[force].tally;
    return summary;
}

Result<ReportContent> loadReportContent(const Study &study, const ExportOptions &options)
{
    if (options.quotesPerForce < 0 || options.quotesPerList < 0)
        return makeError(ErrorCode::InvalidArgument,
                         "the number of quotes per force and per list cannot be negative");
    try {
        return ContentReader(study, options).read();
    } catch (const ReadFailure &failure) {
        return failure.error;
    }
}

} // namespace jtbd
