// Builds the sample study from its hand-written sources: transcripts, and coding given as quotes.
// Each quote is found in its transcript to get exact code-point offsets; a quote that is missing
// or ambiguous is an error (tested), so the sources cannot drift from the transcripts.
#include "../export/json_codec.h"
#include "../resources.h"

#include <jtbd/sample.h>
#include <jtbd/text.h>
#include <jtbd/transcript.h>

#include <map>

namespace jtbd {

namespace {

using json_codec::JsonError;
using json_codec::Reader;

[[noreturn]] void fail(const std::string &message)
{
    throw JsonError{"", message};
}

template<typename T>
T must(Result<T> result, const std::string &context)
{
    if (!result)
        fail(context + ": " + result.error().message);
    if constexpr (!std::is_void_v<T>)
        return std::move(*result);
}

std::string resource(std::string_view name)
{
    auto data = resources::find(name);
    if (!data)
        fail("the sample file " + std::string(name) + " is missing from the program");
    return std::string(*data);
}

// The code-point range of the n-th (1-based) occurrence of `quote` in `text`.
std::pair<std::int64_t, std::int64_t>
locate(const std::string &text, const std::string &quote, int occurrence, const std::string &where)
{
    std::size_t at = std::string::npos;
    std::size_t from = 0;
    int found = 0;
    while ((from = text.find(quote, from)) != std::string::npos) {
        if (++found == occurrence)
            at = from;
        from += 1;
    }
    if (found == 0)
        fail(where + ": the quote is not in the transcript: \"" + quote.substr(0, 60) + "\"");
    if (found > 1 && occurrence == 0)
        fail(where + ": the quote occurs " + std::to_string(found)
             + " times; say which with \"occurrence\"");
    if (occurrence > found)
        fail(where + ": occurrence " + std::to_string(occurrence)
             + " asked for, but the quote occurs " + std::to_string(found) + " time"
             + (found == 1 ? "" : "s"));
    if (at == std::string::npos)
        at = text.find(quote);
    const auto start = codePointCount(std::string_view(text).substr(0, at));
    return {start, start + codePointCount(quote)};
}

std::vector<Id>
codeIds(Study &study, const std::vector<std::string> &keys, const std::string &where)
{
    std::vector<Id> ids;
    for (const auto &k : keys) {
        auto code = must(study.findCode(k), where);
        if (!code)
            fail(where + ": unknown code '" + k + "'");
        ids.push_back(code->id);
    }
    return ids;
}

void loadInterview(Study &study,
                   const std::string &code,
                   const std::string &leadCoder,
                   std::map<std::string, Id> &interviewIds)
{
    const std::string base = "sample/interviews/" + code;
    const std::string metaText = resource(base + ".json");
    const auto meta = must(json_codec::parse(metaText, base + ".json"), base + ".json");
    const Reader root(meta, "");

    const Reader p = root["participant"];
    Participant participant;
    participant.code = p.requiredString("code");
    participant.name = p.string("name");
    participant.pseudonym = p.string("pseudonym");
    if (p.has("attributes")) {
        for (const auto &[k, v] : p["attributes"].json().items())
            participant.attributes.push_back({k, v.get<std::string>()});
    }
    participant.switchedFrom = p.string("switched_from");
    participant.switchedTo = p.string("switched_to");
    participant.switchDate = p.string("switch_date");
    participant.consent =
        p.enumeration<Consent>("consent", parseConsent, Consent::Unknown, "consent value");
    const Id participantId = must(study.addParticipant(participant), base);

    const std::string transcriptBytes = resource(base + ".txt");
    auto transcript = must(parseTranscript(transcriptBytes, "txt", base + ".txt"), base + ".txt");
    const Reader r = root["interview"];
    std::map<std::string, SpeakerRole> roles;
    for (const auto &[speaker, role] : r["speakers"].json().items())
        roles[speaker] = parseSpeakerRole(role.get<std::string>()).value_or(SpeakerRole::Unknown);
    for (auto &turn : transcript.turns)
        turn.role = roles.contains(turn.speaker) ? roles[turn.speaker] : SpeakerRole::Unknown;

    Interview interview;
    interview.participantId = participantId;
    interview.title = r.requiredString("title");
    interview.conductedOn = r.requiredString("date");
    interview.interviewers = r.strings("interviewers");
    interview.status = r.enumeration<InterviewStatus>(
        "status", parseInterviewStatus, InterviewStatus::Coded, "status");
    interview.sourceName = code + ".txt";
    interview.sourceFormat = "txt";
    // The recording runs to the end of the last turn, at the pace the timestamps were set with.
    const auto &last = transcript.turns.back();
    interview.durationMs = last.startMs.value_or(0) + wordCount(last.text) * 400 + 1500;
    if (auto guides = must(study.guides(), base); !guides.empty())
        interview.guideId = guides.front().id;
    const Id interviewId = must(study.addInterview(interview), base);
    must(study.setTranscript(interviewId, transcript.turns), base);
    interviewIds[participant.code] = interviewId;

    const std::string text = must(study.interviewText(interviewId), base);
    std::vector<Highlight> added;
    int minute = 0;
    auto stamp = [&] {
        char buffer[32];
        std::snprintf(
            buffer, sizeof buffer, "%sT17:%02d:00Z", interview.conductedOn.c_str(), minute++ % 60);
        return std::string(buffer);
    };
    const auto highlights = root.array("highlights");
    for (std::size_t i = 0; i < highlights.size(); ++i) {
        const auto &h = highlights[i];
        const std::string where = base + ".json: highlights[" + std::to_string(i) + "]";
        Highlight highlight;
        highlight.interviewId = interviewId;
        std::tie(highlight.start, highlight.end) = locate(
            text, h.requiredString("quote"), static_cast<int>(h.integer("occurrence", 0)), where);
        highlight.codeIds = codeIds(study, h.strings("codes"), where);
        highlight.intensity = static_cast<int>(h.integer("intensity", 3));
        highlight.confidence = h.enumeration<Confidence>(
            "confidence", parseConfidence, Confidence::Medium, "confidence");
        highlight.phase = h.optionalEnumeration<Phase>("phase", parsePhase, "phase");
        highlight.memo = h.string("memo");
        highlight.coderId = must(study.ensureCoder(h.string("coder", leadCoder)), where);
        highlight.createdAt = stamp();
        highlight.id = must(study.addHighlight(highlight), where);
        added.push_back(highlight);
    }

    const auto events = root.array("events");
    for (std::size_t i = 0; i < events.size(); ++i) {
        const auto &e = events[i];
        const std::string where = base + ".json: events[" + std::to_string(i) + "]";
        TimelineEvent event;
        event.interviewId = interviewId;
        event.kind =
            e.enumeration<EventKind>("kind", parseEventKind, EventKind::FirstThought, "event kind");
        event.occurredOn = e.string("date");
        event.relativeTime = e.string("relative");
        event.place = e.string("place");
        event.people = e.string("people");
        event.description = e.string("description");
        if (e.has("quote")) {
            const auto [start, end] = locate(text, e.requiredString("quote"), 0, where);
            // Link the highlight that covers the quote; without one, the quote is tagged as the
            // event.
            for (const auto &h : added) {
                if (h.start <= start && h.end >= end)
                    event.highlightId = h.id;
            }
            if (!event.highlightId) {
                Highlight highlight;
                highlight.interviewId = interviewId;
                highlight.start = start;
                highlight.end = end;
                highlight.codeIds = codeIds(study, {codeKey(event.kind)}, where);
                highlight.coderId = must(study.ensureCoder(leadCoder), where);
                highlight.createdAt = stamp();
                event.highlightId = must(study.addHighlight(highlight), where);
            }
        }
        must(study.addTimelineEvent(event), where);
    }
}

Status fillSample(Study &study)
{
    try {
        const std::string studyText = resource("sample/study.json");
        const auto json =
            must(json_codec::parse(studyText, "sample/study.json"), "sample/study.json");
        const Reader root(json, "");
        const Reader s = root["study"];
        must(study.setInfo({s.requiredString("name"),
                            s.string("objectives"),
                            s.string("assumptions"),
                            {},
                            {}}),
             "sample/study.json");
        const std::string leadCoder = root.requiredString("lead_coder");
        must(study.ensureCoder(leadCoder), "sample/study.json");
        std::map<std::string, Id> interviewIds;
        for (auto name : resources::list("sample/interviews/")) {
            if (name.size() > 4 && name.substr(name.size() - 4) == ".txt") {
                const auto file = name.substr(name.rfind('/') + 1);
                loadInterview(
                    study, std::string(file.substr(0, file.size() - 4)), leadCoder, interviewIds);
            }
        }
        for (const auto &j : root.array("jobs")) {
            Job job;
            job.stableKey = j.requiredString("key");
            job.name = j.requiredString("name");
            job.statement = j.string("statement");
            job.storyWhen = j.string("when");
            job.storyWant = j.string("want");
            job.storySoThat = j.string("so_that");
            for (const auto &code : j.strings("members")) {
                if (!interviewIds.contains(code))
                    fail("sample/study.json: job '" + job.name + "' names unknown participant "
                         + code);
                job.interviewIds.push_back(interviewIds.at(code));
            }
            must(study.addJob(job), "sample/study.json");
        }
        return {};
    } catch (const JsonError &e) {
        return makeError(ErrorCode::Internal,
                         "the bundled sample study is invalid: "
                             + (e.path.empty() ? e.message : e.path + ": " + e.message));
    }
}

} // namespace

Result<Study> createSampleStudy(const std::filesystem::path &path)
{
    return Study::create(path, fillSample);
}

} // namespace jtbd
