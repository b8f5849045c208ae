// Generates the synthetic study of the benchmarks from a seed.
#include "study_generator.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <random>
#include <set>
#include <string>
#include <string_view>

namespace jtbd::bench {

namespace {

// Function words repeat so that their share is close to spoken English.
constexpr auto kCommonWords = std::to_array<std::string_view>(
    {"the",    "the",  "the",   "and",  "and",    "I",    "I",     "I",     "to",    "to",
     "a",      "a",    "it",    "it",   "was",    "was",  "of",    "that",  "that",  "we",
     "you",    "so",   "so",    "like", "just",   "in",   "in",    "my",    "my",    "is",
     "for",    "on",   "but",   "had",  "they",   "with", "this",  "be",    "not",   "have",
     "at",     "what", "there", "do",   "really", "then", "when",  "all",   "about", "because",
     "if",     "one",  "out",   "up",   "me",     "know", "think", "we're", "it's",  "I'm",
     "don't",  "kind", "of",    "were", "them",   "get",  "go",    "would", "could", "more",
     "time",   "some", "our",   "yeah", "well",   "mean", "right", "also",  "still", "thing",
     "didn't", "can",  "going", "said", "every",  "week", "much",  "how",   "even",  "lot",
     "sort",   "way",  "back",  "into", "from",   "only"});

constexpr auto kContentWords = std::to_array<std::string_view>(
    {"spreadsheet", "report",     "deadline",  "manager",      "team",       "invoice",
     "customer",    "meeting",    "email",     "budget",       "project",    "tool",
     "switch",      "trial",      "price",     "subscription", "onboarding", "export",
     "dashboard",   "colleague",  "client",    "calendar",     "workflow",   "approval",
     "template",    "folder",     "phone",     "laptop",       "weekend",    "Monday",
     "Friday",      "quarter",    "numbers",   "mistake",      "chasing",    "copying",
     "pasting",     "frustrated", "worried",   "relieved",     "excited",    "nervous",
     "tired",       "annoyed",    "confident", "embarrassed",  "finally",    "honestly",
     "basically",   "actually",   "probably",  "definitely",   "somehow",    "suddenly",
     "realised",    "noticed",    "searched",  "compared",     "signed",     "cancelled",
     "paid",        "tried",      "asked",     "recommended",  "reviewed",   "migrated",
     "imported",    "lost",       "missed",    "forgot",       "waited",     "decided",
     "switched",    "boss",       "partner",   "accountant",   "freelancer", "agency",
     "startup",     "warehouse",  "shop",      "clinic",       "school",     "office",
     "home",        "version",    "feature",   "integration",  "login",      "password",
     "backup",      "data",       "sync",      "mobile",       "desktop",    "browser",
     "cheaper",     "faster",     "simpler",   "easier",       "slower",     "clunky",
     "reliable",    "familiar",   "risky",     "expensive",    "free",       "seamless",
     "struggle",    "habit",      "anxiety",   "promise",      "review",     "demo",
     "sales",       "support",    "ticket",    "contract",     "renewal",    "pilot"});

// Multi-byte words, so that code-point offsets differ from byte offsets: Latin-1 and Latin
// Extended letters (2 bytes), CJK and symbols (3 bytes), emoji (4 bytes) and an emoji sequence
// joined by a zero-width joiner (several code points).
constexpr auto kWideWords = std::to_array<std::string_view>(
    {"café",   "naïve", "résumé", "déjà",        "Zürich", "München", "São",    "crème",
     "façade", "über",  "Łódź",   "smörgåsbord", "東京",   "大阪",    "日本語", "データ",
     "€40",    "½",     "😀",      "👍",           "🚀",      "😅",       "🙈",      "👩‍💻"});

constexpr auto kInterviewerNames = std::to_array<std::string_view>({"Dana",
                                                                    "Alex",
                                                                    "Sam",
                                                                    "Priya",
                                                                    "Jonas",
                                                                    "Mei",
                                                                    "Noor",
                                                                    "Tomás",
                                                                    "Chloé",
                                                                    "Kenji",
                                                                    "Ola",
                                                                    "Ruth"});

constexpr auto kFirstNames = std::to_array<std::string_view>(
    {"Anna",  "Ben",  "Carla", "David", "Elif",   "Farid", "Greta", "Hugo",
     "Ines",  "José", "Kira",  "Liam",  "Marta",  "Nils",  "Olga",  "Pedro",
     "Quinn", "Rosa", "Søren", "Tariq", "Ulrike", "Zoë",   "佐藤",  "Łukasz"});

constexpr auto kLastNames = std::to_array<std::string_view>({"Müller",
                                                             "Smith",
                                                             "García",
                                                             "Nowak",
                                                             "Rossi",
                                                             "Dubois",
                                                             "Jensen",
                                                             "Kowalski",
                                                             "Silva",
                                                             "Tanaka",
                                                             "O'Brien",
                                                             "Novák",
                                                             "Yılmaz",
                                                             "Haddad",
                                                             "Lindqvist",
                                                             "Okafor"});

constexpr auto kRoles = std::to_array<std::string_view>({"Founder",
                                                         "Operations manager",
                                                         "Accountant",
                                                         "Freelance designer",
                                                         "Team lead",
                                                         "Office manager",
                                                         "Product manager",
                                                         "Shop owner"});

constexpr auto kCompanySizes =
    std::to_array<std::string_view>({"1", "2–10", "11–50", "51–200", "200+"});

constexpr auto kCountries = std::to_array<std::string_view>({"Deutschland",
                                                             "France",
                                                             "España",
                                                             "Österreich",
                                                             "United Kingdom",
                                                             "日本",
                                                             "Brasil",
                                                             "Polska",
                                                             "Canada",
                                                             "Türkiye"});

constexpr auto kPlans = std::to_array<std::string_view>({"free", "starter", "team", "business"});

constexpr auto kSolutions = std::to_array<std::string_view>({"spreadsheets",
                                                             "a paper notebook",
                                                             "email threads",
                                                             "a whiteboard",
                                                             "the old invoicing tool",
                                                             "a shared drive",
                                                             "a project tracker",
                                                             "a chat app",
                                                             "an accountant",
                                                             "nothing"});

constexpr auto kJobVerbs = std::to_array<std::string_view>({"Get",
                                                            "Keep",
                                                            "Stop",
                                                            "Prove",
                                                            "Close",
                                                            "Share",
                                                            "Plan",
                                                            "Track",
                                                            "Hand over",
                                                            "Catch",
                                                            "Agree",
                                                            "Prepare"});

constexpr auto kJobObjects = std::to_array<std::string_view>({"the monthly numbers",
                                                              "client work",
                                                              "the team's week",
                                                              "late invoices",
                                                              "what changed since Friday",
                                                              "the board report",
                                                              "open support tickets",
                                                              "the budget",
                                                              "a new hire's first week",
                                                              "the renewal"});

constexpr auto kMemos =
    std::to_array<std::string_view>({"Strong struggling moment; compare with the other founders.",
                                     "Said twice, with a laugh: habit rather than conviction?",
                                     "The deadline is the real trigger here (event 2).",
                                     "Anxiety about losing data in the move — naïve fear or real?",
                                     "Pull is the demo, not the feature list.",
                                     "Partner pushed for it; social dimension.",
                                     "Check the date against the contract renewal.",
                                     "Energy drops here: ask about it in the follow-up ☕"});

// Raw output of the engine mapped to [0, n): slightly biased for huge n, identical everywhere.
class Dice
{
public:
    explicit Dice(std::uint64_t seed)
        : m_engine(seed)
    {}

    std::uint64_t below(std::uint64_t n) { return m_engine() % n; }

    int between(int low, int high)
    {
        return low + static_cast<int>(below(static_cast<std::uint64_t>(high - low + 1)));
    }

    // True with probability percent / 100.
    bool percent(int percent) { return below(100) < static_cast<std::uint64_t>(percent); }

    template<typename T, std::size_t N>
    const T &pick(const std::array<T, N> &items)
    {
        return items[below(N)];
    }

    template<typename T>
    const T &pick(const std::vector<T> &items)
    {
        return items[below(items.size())];
    }

private:
    std::mt19937_64 m_engine;
};

std::int64_t codePoints(std::string_view utf8)
{
    std::int64_t count = 0;
    for (char c : utf8)
        count += (static_cast<unsigned char>(c) & 0xC0U) == 0x80U ? 0 : 1;
    return count;
}

std::string format(const char *pattern, int value)
{
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, pattern, value);
    return buffer;
}

// YYYY-MM-DD, `day` days after 2025-01-01.
std::string dateAfter(int day)
{
    using namespace std::chrono;
    const year_month_day date{sys_days{year{2025} / January / 1} + days{day}};
    char buffer[16];
    std::snprintf(buffer,
                  sizeof buffer,
                  "%04d-%02u-%02u",
                  static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()),
                  static_cast<unsigned>(date.day()));
    return buffer;
}

std::string timestamp(const std::string &date, int secondsIntoDay)
{
    char buffer[32];
    std::snprintf(buffer,
                  sizeof buffer,
                  "%sT%02d:%02d:%02dZ",
                  date.c_str(),
                  secondsIntoDay / 3600 % 24,
                  secondsIntoDay / 60 % 60,
                  secondsIntoDay % 60);
    return buffer;
}

// A word of a turn: where it starts and ends (trailing punctuation included) in the turn's text.
struct WordPosition
{
    std::size_t byteStart = 0;
    std::size_t byteEnd = 0;
    std::int64_t pointStart = 0;
    std::int64_t pointEnd = 0;
};

struct TurnWords
{
    std::vector<WordPosition> words;
};

std::string_view nextWord(Dice &dice)
{
    const auto roll = dice.below(100);
    if (roll < 3)
        return dice.pick(kWideWords);
    if (roll < 58)
        return dice.pick(kCommonWords);
    return dice.pick(kContentWords);
}

// Sentences of 4–18 words; a question when the interviewer speaks.
std::string makeTurnText(Dice &dice, int wordCount, bool question, TurnWords &positions)
{
    std::string text;
    text.reserve(static_cast<std::size_t>(wordCount) * 7);
    positions.words.clear();
    std::int64_t points = 0;
    int sentenceLeft = 0;
    for (int w = 0; w < wordCount; ++w) {
        const bool sentenceStart = sentenceLeft == 0;
        if (sentenceStart)
            sentenceLeft = dice.between(4, 18);
        if (w > 0) {
            text += ' ';
            ++points;
        }
        WordPosition position{text.size(), 0, points, 0};
        const std::string_view word = nextWord(dice);
        const std::size_t wordStart = text.size();
        text += word;
        if (sentenceStart && text[wordStart] >= 'a' && text[wordStart] <= 'z')
            text[wordStart] = static_cast<char>(text[wordStart] - 'a' + 'A');
        points += codePoints(word);
        --sentenceLeft;
        if (sentenceLeft == 0 || w == wordCount - 1) {
            text += question && w == wordCount - 1 ? '?' : (dice.percent(8) ? '?' : '.');
            ++points;
            sentenceLeft = 0;
        } else if (dice.percent(6)) {
            text += ',';
            ++points;
        }
        position.byteEnd = text.size();
        position.pointEnd = points;
        positions.words.push_back(position);
    }
    return text;
}

Participant makeParticipant(Dice &dice, int index)
{
    Participant p;
    p.code = format("P%04d", index + 1);
    p.name = std::string(dice.pick(kFirstNames)) + " " + std::string(dice.pick(kLastNames));
    p.pseudonym = std::string(dice.pick(kFirstNames)) + " " + format("#%d", index + 1);
    p.attributes = {{"role", std::string(dice.pick(kRoles))},
                    {"company size", std::string(dice.pick(kCompanySizes))},
                    {"country", std::string(dice.pick(kCountries))},
                    {"plan", std::string(dice.pick(kPlans))}};
    if (dice.percent(50))
        p.attributes.push_back({"tenure (months)", std::to_string(dice.between(1, 60))});
    p.switchedFrom = std::string(dice.pick(kSolutions));
    p.switchedTo = "Workbench " + std::string(dice.pick(kPlans));
    p.switchDate = dateAfter(dice.between(0, 600)).substr(0, dice.percent(50) ? 7 : 10);
    p.consent = dice.percent(95) ? Consent::Given : Consent::Unknown;
    if (dice.percent(30))
        p.notes = "Recruited through the " + std::string(dice.pick(kPlans)) + " plan survey.";
    return p;
}

std::vector<Id> drawCodes(Dice &dice, const CodePool &codes)
{
    // Most coded passages in a switch interview carry a force; the rest of the codebook is
    // layered on top.
    std::set<Id> chosen;
    chosen.insert(dice.percent(80) ? dice.pick(codes.forces) : dice.pick(codes.all));
    const int extra = dice.between(0, 2);
    for (int i = 0; i < extra; ++i)
        chosen.insert(dice.pick(codes.all));
    return {chosen.begin(), chosen.end()};
}

SyntheticInterview makeInterview(Dice &dice,
                                 const GeneratorOptions &options,
                                 const CodePool &codes,
                                 std::optional<Id> guideId,
                                 int index)
{
    SyntheticInterview s;
    Interview &interview = s.interview;
    const int participantIndex = index % std::max(1, options.participants);
    if (options.participants > 0)
        interview.participantId = participantIndex + 1;
    interview.guideId = guideId;
    interview.title =
        format("Switch interview %04d", index + 1) + " — " + format("P%04d", participantIndex + 1);
    const int day = dice.between(0, 660);
    interview.conductedOn = dateAfter(day);
    interview.interviewers.emplace_back(dice.pick(kInterviewerNames));
    if (dice.percent(40))
        interview.interviewers.emplace_back(dice.pick(kInterviewerNames));
    if (interview.interviewers.size() == 2
        && interview.interviewers[0] == interview.interviewers[1])
        interview.interviewers.pop_back();
    interview.status = dice.percent(70) ? InterviewStatus::Coded : InterviewStatus::Reviewed;
    interview.sourceName = format("interview-%04d.vtt", index + 1);
    interview.sourceFormat = "vtt";
    if (dice.percent(25))
        interview.notes = "Participant was in a café; some background noise 🙉.";

    // Alternating turns: short questions, long answers; the last one is cut to hit the word
    // count exactly.
    const std::string participantSpeaker = format("P%04d", participantIndex + 1);
    std::vector<TurnWords> words;
    int remaining = options.wordsPerInterview;
    std::int64_t ms = dice.between(0, 5000);
    std::int64_t offset = 0;
    bool interviewerSpeaks = true;
    while (remaining > 0) {
        const int wanted =
            interviewerSpeaks ? dice.between(6, 35) : dice.between(15, 120) + dice.between(15, 120);
        const int count = std::min(remaining, wanted);
        remaining -= count;
        TurnInput turn;
        turn.speaker = interviewerSpeaks ? interview.interviewers.front() : participantSpeaker;
        turn.role = interviewerSpeaks ? SpeakerRole::Interviewer : SpeakerRole::Participant;
        turn.startMs = ms;
        ms += static_cast<std::int64_t>(count) * dice.between(300, 500); // about 150 words a minute
        turn.endMs = ms;
        ms += dice.between(200, 1500);
        TurnWords positions;
        turn.text = makeTurnText(dice, count, interviewerSpeaks, positions);
        if (!s.turns.empty())
            ++offset; // the line feed between turns
        const std::int64_t length = positions.words.back().pointEnd;
        s.spans.push_back({offset, offset + length});
        offset += length;
        s.wordCount += count;
        s.turns.push_back(std::move(turn));
        words.push_back(std::move(positions));
        interviewerSpeaks = !interviewerSpeaks;
    }
    s.textLength = offset;
    interview.durationMs = s.turns.back().endMs;

    std::vector<std::size_t> answerTurns;
    for (std::size_t t = 0; t < s.turns.size(); ++t) {
        if (s.turns[t].role == SpeakerRole::Participant && words[t].words.size() >= 4)
            answerTurns.push_back(t);
    }
    if (answerTurns.empty()) {
        for (std::size_t t = 0; t < s.turns.size(); ++t)
            answerTurns.push_back(t);
    }
    const Id interviewId = index + 1;
    for (int h = 0; h < options.highlightsPerInterview; ++h) {
        const std::size_t t = dice.pick(answerTurns);
        const auto &turnWords = words[t].words;
        const int available = static_cast<int>(turnWords.size());
        const int length = std::min(available, dice.between(4, 40));
        const int first = dice.between(0, available - length);
        const WordPosition &from = turnWords[static_cast<std::size_t>(first)];
        const WordPosition &to = turnWords[static_cast<std::size_t>(first + length - 1)];
        Highlight highlight;
        highlight.interviewId = interviewId;
        highlight.start = s.spans[t].start + from.pointStart;
        highlight.end = s.spans[t].start + to.pointEnd;
        highlight.quote = s.turns[t].text.substr(from.byteStart, to.byteEnd - from.byteStart);
        highlight.codeIds = drawCodes(dice, codes);
        highlight.intensity = dice.between(1, 5);
        const auto confidence = dice.below(10);
        highlight.confidence = confidence < 2   ? Confidence::Low
                               : confidence < 7 ? Confidence::Medium
                                                : Confidence::High;
        if (dice.percent(60))
            highlight.phase = dice.pick(kPhases);
        if (dice.percent(20))
            highlight.memo = std::string(dice.pick(kMemos));
        highlight.createdAt =
            timestamp(dateAfter(day + dice.between(1, 20)), dice.between(8 * 3600, 19 * 3600));
        highlight.updatedAt = highlight.createdAt;
        s.highlights.push_back(std::move(highlight));
    }
    std::sort(s.highlights.begin(), s.highlights.end(), [](const auto &a, const auto &b) {
        return a.start != b.start ? a.start < b.start : a.end < b.end;
    });
    return s;
}

Job makeJob(Dice &dice, const GeneratorOptions &options, int index)
{
    Job job;
    job.stableKey = format("job-bench-%04d", index + 1);
    const std::string verb(kJobVerbs[static_cast<std::size_t>(index) % kJobVerbs.size()]);
    const std::string object(
        kJobObjects[static_cast<std::size_t>(index / static_cast<int>(kJobVerbs.size()))
                    % kJobObjects.size()]);
    job.name = verb + " " + object + format(" (%d)", index + 1);
    job.statement = verb + " " + object + " without chasing anyone for it";
    job.storyWhen = "When " + std::string(dice.pick(kJobObjects)) + " is due and "
                    + std::string(dice.pick(kSolutions)) + " is all I have";
    job.storyWant = "I want to " + verb + " " + object;
    job.storySoThat = "so I can stop worrying about it over the weekend";
    if (dice.percent(50))
        job.notes = "Seen in the café interviews too; naïve version of the job?";
    // A partial Fisher–Yates shuffle picks distinct interviews.
    std::vector<Id> pool(static_cast<std::size_t>(options.interviews));
    for (std::size_t i = 0; i < pool.size(); ++i)
        pool[i] = static_cast<Id>(i) + 1;
    const std::size_t members =
        std::min(pool.size(), static_cast<std::size_t>(std::max(0, options.interviewsPerJob)));
    for (std::size_t i = 0; i < members; ++i)
        std::swap(pool[i], pool[i + dice.below(pool.size() - i)]);
    job.interviewIds.assign(pool.begin(), pool.begin() + static_cast<std::ptrdiff_t>(members));
    std::sort(job.interviewIds.begin(), job.interviewIds.end());
    return job;
}

} // namespace

std::int64_t SyntheticStudy::turnCount() const
{
    std::int64_t count = 0;
    for (const auto &i : interviews)
        count += static_cast<std::int64_t>(i.turns.size());
    return count;
}

std::int64_t SyntheticStudy::wordCount() const
{
    std::int64_t count = 0;
    for (const auto &i : interviews)
        count += i.wordCount;
    return count;
}

std::int64_t SyntheticStudy::highlightCount() const
{
    std::int64_t count = 0;
    for (const auto &i : interviews)
        count += static_cast<std::int64_t>(i.highlights.size());
    return count;
}

std::int64_t SyntheticStudy::highlightCodeCount() const
{
    std::int64_t count = 0;
    for (const auto &i : interviews) {
        for (const auto &h : i.highlights)
            count += static_cast<std::int64_t>(h.codeIds.size());
    }
    return count;
}

SyntheticStudy
generateStudy(const GeneratorOptions &options, const CodePool &codes, std::optional<Id> guideId)
{
    Dice dice(options.seed);
    SyntheticStudy study;
    study.participants.reserve(static_cast<std::size_t>(options.participants));
    for (int i = 0; i < options.participants; ++i)
        study.participants.push_back(makeParticipant(dice, i));
    study.interviews.reserve(static_cast<std::size_t>(options.interviews));
    for (int i = 0; i < options.interviews; ++i)
        study.interviews.push_back(makeInterview(dice, options, codes, guideId, i));
    for (int i = 0; i < options.jobs; ++i)
        study.jobs.push_back(makeJob(dice, options, i));
    return study;
}

Result<CodePool> codePool(const Study &study)
{
    auto codes = study.codes();
    if (!codes)
        return codes.error();
    CodePool pool;
    for (const Code &code : *codes) {
        pool.all.push_back(code.id);
        if (code.kind == CodeKind::Force)
            pool.forces.push_back(code.id);
    }
    if (pool.forces.size() != 4)
        return makeError(ErrorCode::Internal, "a new study should have four force codes");
    return pool;
}

std::optional<Id> builtinGuide(const Study &study)
{
    if (auto guides = study.guides())
        for (const Guide &guide : *guides)
            if (guide.builtin)
                return guide.id;
    return std::nullopt;
}

Status writeStudy(Study &study, const SyntheticStudy &data)
{
    return study.transaction([&]() -> Status {
        for (std::size_t i = 0; i < data.participants.size(); ++i) {
            auto id = study.addParticipant(data.participants[i]);
            if (!id)
                return id.error();
            if (*id != static_cast<Id>(i) + 1)
                return makeError(ErrorCode::Internal, "participant ids are not 1, 2, 3…");
        }
        for (std::size_t i = 0; i < data.interviews.size(); ++i) {
            const auto &record = data.interviews[i];
            auto id = study.addInterview(record.interview);
            if (!id)
                return id.error();
            if (*id != static_cast<Id>(i) + 1)
                return makeError(ErrorCode::Internal, "interview ids are not 1, 2, 3…");
            if (auto set = study.setTranscript(*id, record.turns); !set)
                return set;
            for (const auto &highlight : record.highlights) {
                if (auto added = study.addHighlight(highlight); !added)
                    return added.error();
            }
        }
        for (const auto &job : data.jobs) {
            if (auto added = study.addJob(job); !added)
                return added.error();
        }
        return {};
    });
}

} // namespace jtbd::bench
