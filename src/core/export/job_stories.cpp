// The job stories as JSON, for sharing outside the tool (docs/job-stories.schema.json).
#include "json_codec.h"
#include "version.h"

#include <jtbd/export.h>
#include <jtbd/file_io.h>

namespace jtbd {

namespace {

using Json = json_codec::Json;

Json dateOrNull(const std::string &date)
{
    return date.empty() ? Json(nullptr) : Json(date);
}

// Who told a story: code and pseudonym, never the real name; null for an interview without a
// participant.
Json participantJson(const std::string &code, const std::string &pseudonym)
{
    if (code.empty() && pseudonym.empty())
        return nullptr;
    return Json{{"code", code}, {"pseudonym", pseudonym}};
}

Json quoteJson(const ReportQuote &q, bool withMemo)
{
    Json out = {{"highlight_id", q.highlightId},
                {"interview_id", q.interviewId},
                {"interview", q.interviewTitle},
                {"participant", participantJson(q.participantCode, q.participantPseudonym)},
                {"text", q.text},
                {"start", q.start},
                {"end", q.end},
                {"start_ms", q.startMs ? Json(*q.startMs) : Json(nullptr)},
                {"timestamp", q.startMs ? Json(formatTimestamp(*q.startMs, true)) : Json(nullptr)},
                {"intensity", q.intensity},
                {"confidence", key(q.confidence)},
                {"phase", q.phase ? Json(std::string(key(*q.phase))) : Json(nullptr)},
                {"codes", q.codeKeys}};
    if (withMemo)
        out["memo"] = q.memo;
    return out;
}

Json quotesJson(const std::vector<ReportQuote> &quotes, bool withMemo)
{
    Json list = Json::array();
    for (const auto &q : quotes)
        list.push_back(quoteJson(q, withMemo));
    return list;
}

std::string_view leaning(std::int64_t toward, std::int64_t against)
{
    if (toward == 0 && against == 0)
        return "none";
    return toward > against ? "switch" : toward < against ? "stay" : "level";
}

std::string balanceMeaning(std::int64_t toward, std::int64_t against)
{
    const std::int64_t difference = toward - against;
    if (toward == 0 && against == 0)
        return "No quote in these stories is tagged with a force yet, so there is no balance to "
               "read.";
    if (difference > 0)
        return "The forces toward the switch (push and pull) outweigh the forces holding it back "
               "(anxiety and habit) by "
               + std::to_string(difference) + ": the energy in the stories favours switching.";
    if (difference < 0)
        return "The forces holding the switch back (anxiety and habit) outweigh those toward it "
               "(push and pull) by "
               + std::to_string(-difference)
               + ": expect hesitation, a delayed switch or none at all.";
    return "The forces toward the switch and those holding it back are level: neither side "
           "dominates the stories.";
}

Json forcesJson(const ReportJob &job, Weighting weighting, bool withMemo)
{
    Json forces = Json::object();
    for (Force force : kForces) {
        const ReportForce &f = job[force];
        const ForceInfo &about = info(force);
        Json groups = Json::array();
        for (const auto &g : f.groups)
            groups.push_back({{"id", g.id}, {"label", g.label}, {"quotes", g.quotes}});
        forces[std::string(about.key)] = {{"id", about.id},
                                          {"name", about.name},
                                          {"toward_switch", about.towardSwitch},
                                          {"count", f.tally.count},
                                          {"intensity", f.tally.intensity},
                                          {"weight", f.tally.weight(weighting)},
                                          {"groups", groups},
                                          {"quotes", quotesJson(f.quotes, withMemo)},
                                          {"more", f.more}};
    }
    const ForcesSummary summary = job.summary();
    const std::int64_t toward = summary.toward(weighting);
    const std::int64_t against = summary.against(weighting);
    forces["balance"] = {{"toward", toward},
                         {"against", against},
                         {"difference", summary.balance(weighting)},
                         {"leaning", leaning(toward, against)},
                         {"meaning", balanceMeaning(toward, against)}};
    return forces;
}

Json jobJson(const ReportJob &job, Weighting weighting, bool withMemo)
{
    const Job &j = job.job;
    Json stories = Json::array();
    for (const auto &s : job.stories)
        stories.push_back(
            {{"interview_id", s.interviewId},
             {"interview", s.interviewTitle},
             {"participant", participantJson(s.participantCode, s.participantPseudonym)},
             {"conducted_on", dateOrNull(s.conductedOn)},
             {"switched_from", s.switchedFrom},
             {"switched_to", s.switchedTo},
             {"switch_date", dateOrNull(s.switchDate)}});
    Json triggers = Json::array();
    for (const auto &t : job.triggers)
        triggers.push_back(
            {{"kind", key(t.kind)},
             {"name", info(t.kind).name},
             {"interview_id", t.interviewId},
             {"participant", participantJson(t.participantCode, t.participantPseudonym)},
             {"occurred_on", dateOrNull(t.occurredOn)},
             {"relative_time", t.relativeTime},
             {"place", t.place},
             {"people", t.people},
             {"description", t.description},
             {"quote", t.quote ? quoteJson(*t.quote, withMemo) : Json(nullptr)}});
    Json out = {{"id", j.id},
                {"key", j.stableKey},
                {"name", j.name},
                {"statement", j.statement},
                {"job_story",
                 {{"when", j.storyWhen},
                  {"want", j.storyWant},
                  {"so_that", j.storySoThat},
                  {"text", job.storyText}}}};
    if (withMemo)
        out["notes"] = j.notes;
    out["stories"] = stories;
    out["forces"] = forcesJson(job, weighting, withMemo);
    out["triggers"] = triggers;
    out["hire_criteria"] = quotesJson(job.hireCriteria, withMemo);
    out["fire_criteria"] = quotesJson(job.fireCriteria, withMemo);
    out["alternatives"] = quotesJson(job.alternatives, withMemo);
    out["desired_outcomes"] = quotesJson(job.desiredOutcomes, withMemo);
    return out;
}

} // namespace

std::string jobStoriesJson(const ReportContent &content)
{
    const ExportOptions &options = content.options;
    const bool withMemo = options.includeMemos;
    Json jobs = Json::array();
    for (const auto &job : content.jobs)
        jobs.push_back(jobJson(job, options.weighting, withMemo));
    const Json root = {{"format", "jtbd-job-stories"},
                       {"version", kJobStoriesJsonVersion},
                       {"generator", std::string("JTBD Workbench ") + kAppVersion},
                       {"generated_at", content.generatedAt},
                       {"redacted", options.redact},
                       {"memos_included", withMemo},
                       {"weighting", options.weighting == Weighting::Count ? "count" : "intensity"},
                       {"study",
                        {{"name", content.info.name},
                         {"objectives", content.info.objectives},
                         {"interviews", content.interviewCount},
                         {"participants", content.participantCount},
                         {"highlights", content.highlightCount},
                         {"first_interview", dateOrNull(content.firstInterview)},
                         {"last_interview", dateOrNull(content.lastInterview)}}},
                       {"jobs", jobs}};
    // Texts in a study are valid UTF-8; should one not be, it is written with U+FFFD rather than
    // failing the export.
    return root.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

Status
writeJobStories(const Study &study, const std::filesystem::path &out, const ExportOptions &options)
{
    auto content = loadReportContent(study, options);
    if (!content)
        return content.error();
    return writeFileAtomically(out, jobStoriesJson(*content));
}

} // namespace jtbd
