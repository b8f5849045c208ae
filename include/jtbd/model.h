// The domain of a study: plain value types, read from and written to a Study.
#pragma once

#include <jtbd/method.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jtbd {

using Id = std::int64_t;

struct StudyInfo
{
    std::string name;
    std::string objectives;  // research objectives, free text
    std::string assumptions; // assumptions to test, free text
    std::string createdAt;   // ISO 8601 UTC, set when the study is created
    std::string appVersion;  // the program version that created the study
};

enum class Consent {
    Unknown,
    Given,
    Declined
};

struct Attribute
{
    std::string key;
    std::string value;

    bool operator==(const Attribute &) const = default;
};

struct Participant
{
    Id id = 0;
    std::string code;                  // "P01": unique in the study
    std::string name;                  // real name; never in redacted exports
    std::string pseudonym;             // what reports show
    std::vector<Attribute> attributes; // free key/value, in the order given, keys unique
    std::string switchedFrom;
    std::string switchedTo;
    std::string switchDate;             // YYYY, YYYY-MM or YYYY-MM-DD; empty when unknown
    Consent consent = Consent::Unknown; // consent to record
    std::string notes;

    bool operator==(const Participant &) const = default;
};

struct GuideQuestion
{
    Id id = 0;
    std::string text;
    std::string note; // a hint for the interviewer
    std::vector<std::string> probes;

    bool operator==(const GuideQuestion &) const = default;
};

struct GuideSection
{
    Id id = 0;
    std::string title;
    std::optional<Phase> phase;     // the timeline phase the section explores
    std::optional<EventKind> event; // or the event it reconstructs
    int minutes = 0;                // planned length
    std::string purpose;
    std::string tips; // interviewing tips: unpacking, contrast, bracketing, energy…
    std::vector<GuideQuestion> questions;

    bool operator==(const GuideSection &) const = default;
};

struct Guide
{
    Id id = 0;
    std::string name;
    std::string description;
    int plannedMinutes = 60;
    bool isTemplate = false;
    bool builtin = false; // the switch-interview template shipped with the program
    std::vector<GuideSection> sections;

    bool operator==(const Guide &) const = default;
};

enum class InterviewStatus {
    Planned,
    Conducted,
    Transcribed,
    Coded,
    Reviewed
};

struct Interview
{
    Id id = 0;
    std::optional<Id> participantId;
    std::optional<Id> guideId;
    std::string title;
    std::string conductedOn; // YYYY-MM-DD, or empty while planned
    std::vector<std::string> interviewers;
    InterviewStatus status = InterviewStatus::Planned;
    std::optional<std::int64_t> durationMs;
    std::string sourceName;   // file the transcript came from
    std::string sourceFormat; // "txt", "vtt"…
    std::string notes;

    bool operator==(const Interview &) const = default;
};

// An interview as the navigator lists it.
struct InterviewListItem
{
    Interview interview;
    std::string participantCode; // empty when no participant is linked
    std::int64_t turnCount = 0;
    std::int64_t wordCount = 0;
    std::int64_t highlightCount = 0;
};

enum class SpeakerRole {
    Unknown,
    Interviewer,
    Participant
};

// A turn as an importer produces it.
struct TurnInput
{
    std::string speaker;
    SpeakerRole role = SpeakerRole::Unknown;
    std::optional<std::int64_t> startMs;
    std::optional<std::int64_t> endMs;
    std::string text;

    bool operator==(const TurnInput &) const = default;
};

// A stored turn. The interview's text is its turns' texts joined by "\n"; textStart/textEnd are
// this turn's code-point range in that text.
struct Turn
{
    Id id = 0;
    Id interviewId = 0;
    int ord = 0;
    std::string speaker;
    SpeakerRole role = SpeakerRole::Unknown;
    std::optional<std::int64_t> startMs;
    std::optional<std::int64_t> endMs;
    std::string text;
    std::int64_t textStart = 0;
    std::int64_t textEnd = 0;
};

struct InterviewNote
{
    Id id = 0;
    Id interviewId = 0;
    std::optional<Id> questionId;     // the guide question it was taken under
    std::optional<std::int64_t> atMs; // time into the interview
    std::string text;
    std::string createdAt;

    bool operator==(const InterviewNote &) const = default;
};

// A guide question marked as asked in an interview, and when.
struct QuestionCoverage
{
    Id interviewId = 0;
    Id questionId = 0;
    std::optional<std::int64_t> atMs; // time into the interview when it was covered

    bool operator==(const QuestionCoverage &) const = default;
};

struct Code
{
    Id id = 0;
    std::optional<Id> parentId;
    CodeKind kind = CodeKind::Custom;
    std::string key; // unique; derived from the name for custom codes when left empty
    std::string name;
    std::string color; // #RRGGBB
    std::string shortcut;
    std::string description;
    bool builtin = false;
    int ord = 0; // position among its siblings

    bool operator==(const Code &) const = default;
};

struct Coder
{
    Id id = 0;
    std::string name;

    bool operator==(const Coder &) const = default;
};

enum class Confidence {
    Low,
    Medium,
    High
};

struct Highlight
{
    Id id = 0;
    Id interviewId = 0;
    std::int64_t start = 0; // code points into the interview text, [start, end)
    std::int64_t end = 0;
    std::string quote;       // the text in that range, kept to detect drift
    std::vector<Id> codeIds; // one or more, sorted
    std::optional<Id> coderId;
    int intensity = 3; // 1–5, the energy in the words
    Confidence confidence = Confidence::Medium;
    std::optional<Phase> phase; // where in the timeline the passage sits
    std::string memo;
    std::string createdAt;
    std::string updatedAt;

    bool operator==(const Highlight &) const = default;
};

struct TimelineEvent
{
    Id id = 0;
    Id interviewId = 0;
    EventKind kind = EventKind::FirstThought;
    std::string occurredOn;   // YYYY, YYYY-MM or YYYY-MM-DD; may be empty
    std::string relativeTime; // "about three months before they signed up"
    std::string place;
    std::string people;
    std::string description;
    std::optional<Id> highlightId; // the quote that tells it

    bool operator==(const TimelineEvent &) const = default;
};

struct ForceGroup
{
    Id id = 0;
    Force force = Force::Push;
    std::string label;
    std::string notes;
    bool pinned = false;          // a re-run of the synthesis leaves the group exactly as it is
    std::vector<Id> highlightIds; // sorted
    // The label the clustering engine suggested at the last run. While label equals it the
    // group's label follows the engine; once the researcher renames the group it is theirs.
    std::string suggestedLabel;
    // The members the researcher put in this group by hand (a sorted subset of highlightIds). A
    // re-run leaves them where they were put.
    std::vector<Id> placedHighlightIds;

    bool operator==(const ForceGroup &) const = default;
};

// A researcher's mark in the story x force-group matrix, overriding what the tagged quotes say:
// shows = true marks that the story shows the group without a tagged quote in it; false marks
// that it does not, although a quote of it sits in the group.
struct StoryGroupMark
{
    Id interviewId = 0;
    Id forceGroupId = 0;
    bool shows = true;

    bool operator==(const StoryGroupMark &) const = default;
};

struct Job
{
    Id id = 0;
    std::string stableKey; // survives re-clustering; generated when empty
    std::string name;
    std::string statement;   // verb + object + clarifier
    std::string storyWhen;   // "When …
    std::string storyWant;   // I want to …
    std::string storySoThat; // so I can …"
    std::string notes;
    std::vector<Id> interviewIds; // the stories in this job, sorted
    // The stories the researcher put in this job by hand (a sorted subset of interviewIds). A
    // re-run of the clustering leaves them where they were put.
    std::vector<Id> placedInterviewIds;

    // "When …, I want to …, so I can …." from the three parts; empty when none is written.
    std::string storyText() const;

    bool operator==(const Job &) const = default;
};

// The parts of a job the synthesis drafts from the evidence.
enum class DraftPart {
    Name,
    StoryWhen,   // the situation: the dominant push and its context
    StoryWant,   // the motivation: the dominant pull
    StorySoThat, // the expected outcome: desired outcomes, emotional and social dimensions
    Statement,   // verb + object + clarifier
    FirstThought,
    Event1,
    Event2,
    Fired,       // what was fired (the old way)
    Alternative, // alternatives considered
    HireCriterion,
    FireCriterion,
    Anxiety, // anxieties to design against
    Habit    // habits of the present the new way has to overcome
};

inline constexpr int kDraftPartCount = 14;

// One clause of a job's draft and the quotes it came from (highlight ids, never empty for a
// clause drawn from evidence).
struct DraftClause
{
    DraftPart part = DraftPart::Name;
    std::string text;
    std::vector<Id> highlightIds;

    bool operator==(const DraftClause &) const = default;
};

// What the synthesis last drafted for a job, in part order then rank. Name, StoryWhen,
// StoryWant, StorySoThat and Statement have at most one clause each; a job's own fields of the
// same names follow the draft until the researcher edits them.
struct JobDraft
{
    Id jobId = 0;
    std::vector<DraftClause> clauses;

    // The clause of a single-clause part, or nullptr.
    const DraftClause *find(DraftPart part) const;
    std::vector<const DraftClause *> all(DraftPart part) const;

    bool operator==(const JobDraft &) const = default;
};

struct StudyStats
{
    std::int64_t participants = 0;
    std::int64_t interviews = 0;
    std::int64_t turns = 0;
    std::int64_t words = 0;
    std::int64_t highlights = 0;
    std::int64_t codes = 0;
    std::int64_t customCodes = 0;
    std::int64_t coders = 0;
    std::int64_t timelineEvents = 0;
    std::int64_t forceGroups = 0;
    std::int64_t jobs = 0;
    std::int64_t guides = 0;
};

std::string_view key(DraftPart part); // "story-when", "event-1", "hire-criterion"…
std::optional<DraftPart> parseDraftPart(std::string_view text);
std::string_view key(Consent consent);
std::string_view key(InterviewStatus status);
std::string_view key(SpeakerRole role);
std::string_view key(Confidence confidence);
std::optional<Consent> parseConsent(std::string_view text);
std::optional<InterviewStatus> parseInterviewStatus(std::string_view text);
std::optional<SpeakerRole> parseSpeakerRole(std::string_view text);
std::optional<Confidence> parseConfidence(std::string_view text);

// True for "", YYYY, YYYY-MM and YYYY-MM-DD with a real month and day.
bool isPartialDate(std::string_view text);

} // namespace jtbd
