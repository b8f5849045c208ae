// Every highlight as a CSV row (RFC 4180), for spreadsheets and analysis tools.
#include "report_support.h"

#include <jtbd/csv.h>
#include <jtbd/export.h>
#include <jtbd/file_io.h>

#include <algorithm>
#include <array>
#include <unordered_map>
#include <unordered_set>

namespace jtbd {

namespace {

constexpr std::array kColumns = {"highlight_id",
                                 "interview_id",
                                 "interview",
                                 "participant_code",
                                 "participant_pseudonym",
                                 "participant_name",
                                 "codes",
                                 "code_names",
                                 "quote",
                                 "start",
                                 "end",
                                 "start_ms",
                                 "end_ms",
                                 "timestamp",
                                 "phase",
                                 "intensity",
                                 "confidence",
                                 "coder",
                                 "memo",
                                 "created_at",
                                 "updated_at"};

std::string optionalNumber(const std::optional<std::int64_t> &value)
{
    return value ? std::to_string(*value) : std::string();
}

// Where a quote sits in the recording: the start of the turn its first character is in, and the
// end of the turn its last character is in (or, when that turn has no end, the start of the next).
struct TurnTimes
{
    std::vector<Turn> turns; // texts dropped: only the ranges and times are kept

    std::size_t indexAt(std::int64_t offset) const
    {
        const auto after = std::upper_bound(
            turns.begin(), turns.end(), offset, [](std::int64_t value, const Turn &turn) {
                return value < turn.textStart;
            });
        return after == turns.begin() ? turns.size()
                                      : static_cast<std::size_t>(after - turns.begin()) - 1;
    }

    std::optional<std::int64_t> startMs(std::int64_t start) const
    {
        const std::size_t i = indexAt(start);
        return i < turns.size() ? turns[i].startMs : std::nullopt;
    }

    std::optional<std::int64_t> endMs(std::int64_t start, std::int64_t end) const
    {
        const std::size_t i = indexAt(std::max(start, end - 1));
        if (i >= turns.size())
            return std::nullopt;
        if (turns[i].endMs)
            return turns[i].endMs;
        return i + 1 < turns.size() ? turns[i + 1].startMs : std::nullopt;
    }
};

} // namespace

Result<std::string> highlightsCsv(const Study &study, const ExportOptions &options)
{
    auto participants = study.participants();
    if (!participants)
        return participants.error();
    auto interviews = study.interviews();
    if (!interviews)
        return interviews.error();
    auto codes = study.codes();
    if (!codes)
        return codes.error();
    auto coders = study.coders();
    if (!coders)
        return coders.error();
    auto highlights = study.highlightsInScope(Scope::wholeStudy());
    if (!highlights)
        return highlights.error();

    // With jobs asked for, only the highlights of their stories.
    std::optional<std::unordered_set<Id>> storyIds;
    if (!options.jobIds.empty()) {
        auto jobs = report_support::selectJobs(study, options.jobIds);
        if (!jobs)
            return jobs.error();
        storyIds.emplace();
        for (const auto &job : *jobs)
            storyIds->insert(job.interviewIds.begin(), job.interviewIds.end());
    }

    const Redactor redactor = options.redact ? Redactor(*participants) : Redactor();
    std::unordered_map<Id, const Participant *> participantById;
    for (const auto &p : *participants)
        participantById.emplace(p.id, &p);
    std::unordered_map<Id, const Interview *> interviewById;
    std::unordered_map<Id, std::string> interviewTitles; // redacted once, not per highlight
    for (const auto &item : *interviews) {
        interviewById.emplace(item.interview.id, &item.interview);
        interviewTitles.emplace(item.interview.id, redactor.apply(item.interview.title));
    }
    std::unordered_map<Id, const Code *> codeById;
    std::unordered_map<Id, std::string> codeNames; // redacted once, not per highlight
    for (const auto &c : *codes) {
        codeById.emplace(c.id, &c);
        codeNames.emplace(c.id, redactor.apply(c.name));
    }
    std::unordered_map<Id, std::string> coderNames;
    for (const auto &c : *coders)
        coderNames.emplace(c.id, c.name);

    std::string out;
    appendCsvRow(out, std::vector<std::string>(kColumns.begin(), kColumns.end()));
    Id timesOf = 0;
    TurnTimes times;
    for (const Highlight &h : *highlights) {
        if (storyIds && !storyIds->contains(h.interviewId))
            continue;
        if (timesOf != h.interviewId) {
            // Highlights come by interview: each interview's turns are read once.
            auto turns = study.turns(h.interviewId);
            if (!turns)
                return turns.error();
            times.turns = std::move(*turns);
            for (auto &turn : times.turns)
                turn.text.clear();
            timesOf = h.interviewId;
        }
        const Interview *interview =
            interviewById.contains(h.interviewId) ? interviewById.at(h.interviewId) : nullptr;
        const Participant *participant = nullptr;
        if (interview && interview->participantId
            && participantById.contains(*interview->participantId))
            participant = participantById.at(*interview->participantId);

        std::string keys;
        std::string names;
        for (Id id : h.codeIds) {
            const auto found = codeById.find(id);
            if (found == codeById.end())
                continue;
            keys += (keys.empty() ? "" : "; ") + found->second->key;
            names += (names.empty() ? "" : "; ") + codeNames.at(id);
        }
        const auto startMs = times.startMs(h.start);
        appendCsvRow(out,
                     {std::to_string(h.id),
                      std::to_string(h.interviewId),
                      interview ? interviewTitles.at(h.interviewId) : std::string(),
                      participant ? participant->code : std::string(),
                      participant ? participant->pseudonym : std::string(),
                      participant && !options.redact ? participant->name : std::string(),
                      keys,
                      names,
                      redactor.apply(h.quote),
                      std::to_string(h.start),
                      std::to_string(h.end),
                      optionalNumber(startMs),
                      optionalNumber(times.endMs(h.start, h.end)),
                      startMs ? formatTimestamp(*startMs, true) : std::string(),
                      h.phase ? std::string(key(*h.phase)) : std::string(),
                      std::to_string(h.intensity),
                      std::string(key(h.confidence)),
                      h.coderId && coderNames.contains(*h.coderId) ? coderNames.at(*h.coderId)
                                                                   : std::string(),
                      options.includeMemos ? redactor.apply(h.memo) : std::string(),
                      h.createdAt,
                      h.updatedAt});
    }
    return out;
}

Status writeHighlightsCsv(const Study &study,
                          const std::filesystem::path &out,
                          const ExportOptions &options)
{
    auto text = highlightsCsv(study, options);
    if (!text)
        return text.error();
    return writeFileAtomically(out, *text);
}

} // namespace jtbd
