// What leaves the tool for people who do not use it: the content of a study's report (read once,
// redacted once), the job stories as JSON (docs/job-stories.schema.json) and the highlights as
// CSV. The PDF report and the diagram images draw the same content with Qt (src/report/).
#pragma once

#include <jtbd/forces.h>
#include <jtbd/model.h>
#include <jtbd/result.h>
#include <jtbd/study.h>
#include <jtbd/text.h>

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace jtbd {

inline constexpr int kJobStoriesJsonVersion = 1;

struct ExportOptions
{
    // Pseudonyms everywhere, no real names, and participants' real names replaced inside every
    // text (quotes, memos, titles, job fields) by "[pseudonym]".
    bool redact = false;
    std::vector<Id> jobIds;    // only these jobs, in this order; empty = every job, by id
    bool includeMemos = false; // highlight memos, job notes and interview notes
    int quotesPerForce = 4;    // the strongest quotes shown per force in each job
    int quotesPerList = 5;     // per list of criteria, alternatives…
    Weighting weighting = Weighting::Intensity;
};

// Replaces participants' real names in free text. The whole name is matched case-insensitively;
// each part of it (first name, surname: two letters or more) as a whole word written with its
// capital, as names are ("Hannah", "HANNAH", "Hannah's", not "hannah" or "Hannahs"). Scripts
// without case or word spaces (Han, Kana, Hangul, Thai…) are matched as written, anywhere. Where
// names overlap the longest match wins. Each match becomes "[pseudonym]", or "[code]" for a
// participant without a pseudonym; a possessive keeps its ending ("[Robin]'s"). Participants
// without a name add nothing. Text is UTF-8 in and out; invalid bytes become U+FFFD.
class Redactor
{
public:
    Redactor() = default; // replaces nothing
    explicit Redactor(const std::vector<Participant> &participants);

    std::string apply(std::string_view text) const;

    bool empty() const { return m_names.empty(); }

private:
    struct Name
    {
        std::u32string text;         // as written in the name (a part with its capital)
        std::u32string folded;       // case-folded
        std::u32string upper;        // in capitals ("HANNAH"), for a part
        std::string replacement;     // "[Robin]"
        bool wholeName = false;      // the full name: any case
        bool needsWordBounds = true; // false for caseless scripts without word spaces
    };

    std::vector<Name> m_names; // longest first
    // The names by the case-folded first letter, longest first: the candidates at a position.
    std::unordered_map<char32_t, std::vector<std::size_t>> m_byFirstLetter;
};

// A quote with where it came from.
struct ReportQuote
{
    Id highlightId = 0;
    Id interviewId = 0;
    std::string text; // redacted when asked
    std::string participantCode;
    std::string participantPseudonym;
    std::string interviewTitle;
    std::int64_t start = 0; // code points into the interview text, [start, end)
    std::int64_t end = 0;
    std::optional<std::int64_t> startMs; // when its turn starts in the recording
    int intensity = 3;
    Confidence confidence = Confidence::Medium;
    std::optional<Phase> phase;
    std::vector<std::string> codeKeys;
    std::string memo; // only with includeMemos
};

struct ReportForceGroup
{
    Id id = 0;
    std::string label;
    std::int64_t quotes = 0; // of this job's stories
};

struct ReportForce
{
    Force force = Force::Push;
    ForceTally tally;
    std::vector<ReportQuote> quotes;      // the strongest first
    std::int64_t more = 0;                // quotes in the job not in `quotes`
    std::vector<ReportForceGroup> groups; // force groups holding quotes of this job, largest first
};

// A timeline event of one of the job's stories: what set the switch in motion, and when.
struct ReportTrigger
{
    EventKind kind = EventKind::FirstThought;
    Id interviewId = 0;
    std::string participantCode;
    std::string participantPseudonym;
    std::string occurredOn;   // YYYY, YYYY-MM or YYYY-MM-DD; may be empty
    std::string relativeTime; // "about three months before they signed up"
    std::string place;
    std::string people; // who was involved
    std::string description;
    std::optional<ReportQuote> quote; // the quote that tells it
};

// A story of the job: one interview and who told it.
struct ReportStory
{
    Id interviewId = 0;
    std::string interviewTitle;
    std::string participantCode;
    std::string participantPseudonym;
    std::string conductedOn;
    std::string switchedFrom; // the participant's, when recorded
    std::string switchedTo;
    std::string switchDate; // YYYY, YYYY-MM or YYYY-MM-DD; may be empty
};

struct ReportJob
{
    Job job; // name, statement, story parts and notes redacted when asked; notes only with memos
    std::string storyText; // "When …, I want to …, so I can …."
    std::vector<ReportStory> stories;
    std::array<ReportForce, 4> forces{}; // indexed by Force
    std::vector<ReportTrigger> triggers; // by event kind, then interview
    // Tagged evidence of the job's stories, strongest first (at most quotesPerList each).
    std::vector<ReportQuote> hireCriteria;    // code hire-criterion
    std::vector<ReportQuote> fireCriteria;    // code fire-criterion
    std::vector<ReportQuote> alternatives;    // code alternative-considered
    std::vector<ReportQuote> desiredOutcomes; // code desired-outcome

    const ReportForce &operator[](Force force) const
    {
        return forces.at(static_cast<std::size_t>(force));
    }

    ForcesSummary summary() const;
};

struct ReportParticipant
{
    Id id = 0;
    std::string code;
    std::string pseudonym;
    std::string name; // empty when redacted
    std::vector<Attribute> attributes;
    std::string switchedFrom;
    std::string switchedTo;
    std::string switchDate;
    std::int64_t interviews = 0;
};

struct ReportInterview
{
    Id id = 0;
    std::string title;
    std::string participantCode;
    std::string participantPseudonym;
    std::string conductedOn;
    std::optional<std::int64_t> durationMs;
    InterviewStatus status = InterviewStatus::Planned;
    std::int64_t highlights = 0;
    std::vector<Id> jobIds; // the jobs of this report its story is in
    // Interview notes, only with includeMemos: the interview's own note first, then the notes
    // taken during it.
    std::vector<std::string> notes;
};

struct ReportCode
{
    Id id = 0;
    std::string key;
    std::string name;
    CodeKind kind = CodeKind::Custom;
    std::string color;
    std::string description;
    int depth = 0; // 0 for a top-level code, 1 for its children…
    std::int64_t usage = 0;
};

struct ReportContent
{
    StudyInfo info; // name, objectives and assumptions redacted when asked
    ExportOptions options;
    std::string generatedAt;    // ISO 8601 UTC
    std::string firstInterview; // the earliest conductedOn, or empty
    std::string lastInterview;
    std::int64_t interviewCount = 0;
    std::int64_t participantCount = 0;
    std::int64_t highlightCount = 0;
    std::int64_t coderCount = 0;
    std::vector<ReportJob> jobs;                 // the jobs asked for, in the order asked
    std::vector<ReportParticipant> participants; // by code
    std::vector<ReportInterview> interviews;     // by date, then id; undated ones last
    std::vector<ReportCode> codebook;            // in display order, children under parents
};

// Reads what a report shows. An unknown id in options.jobIds is NotFound naming it (a repeated id
// counts once).
Result<ReportContent> loadReportContent(const Study &study, const ExportOptions &options);

// The job stories as JSON (docs/job-stories.schema.json), and written atomically to a file.
std::string jobStoriesJson(const ReportContent &content);
Status
writeJobStories(const Study &study, const std::filesystem::path &out, const ExportOptions &options);

// One row per highlight (RFC 4180: CRLF line ends, fields quoted when needed), with its codes,
// quote, participant, interview, timestamps, intensity and memo. Redaction and the job filter
// apply as for the report; memos are written only with includeMemos.
Result<std::string> highlightsCsv(const Study &study, const ExportOptions &options);
Status writeHighlightsCsv(const Study &study,
                          const std::filesystem::path &out,
                          const ExportOptions &options);

} // namespace jtbd
