// Keys of the domain's small enums, as stored in the study file and written to JSON.
#include <jtbd/model.h>

#include <array>
#include <charconv>

namespace jtbd {

namespace {

constexpr std::array<std::string_view, 3> kConsent = {"unknown", "given", "declined"};
constexpr std::array<std::string_view, 5> kStatus = {
    "planned", "conducted", "transcribed", "coded", "reviewed"};
constexpr std::array<std::string_view, 3> kRole = {"unknown", "interviewer", "participant"};
constexpr std::array<std::string_view, 3> kConfidence = {"low", "medium", "high"};
// In the order of DraftPart; the study file's job_draft_clause.part accepts exactly these.
constexpr std::array<std::string_view, kDraftPartCount> kDraftPart = {"name",
                                                                      "story-when",
                                                                      "story-want",
                                                                      "story-so-that",
                                                                      "statement",
                                                                      "first-thought",
                                                                      "event-1",
                                                                      "event-2",
                                                                      "fired",
                                                                      "alternative",
                                                                      "hire-criterion",
                                                                      "fire-criterion",
                                                                      "anxiety",
                                                                      "habit"};
static_assert(static_cast<int>(DraftPart::Habit) + 1 == kDraftPartCount);

template<typename Enum, std::size_t N>
std::optional<Enum> parseKey(const std::array<std::string_view, N> &keys, std::string_view text)
{
    for (std::size_t i = 0; i < N; ++i) {
        if (keys[i] == text)
            return static_cast<Enum>(i);
    }
    return std::nullopt;
}

bool digits(std::string_view text, int &out)
{
    const auto *end = text.data() + text.size();
    auto [ptr, ec] = std::from_chars(text.data(), end, out);
    return ec == std::errc() && ptr == end;
}

} // namespace

std::string_view key(Consent consent)
{
    return kConsent.at(static_cast<std::size_t>(consent));
}

std::string_view key(InterviewStatus status)
{
    return kStatus.at(static_cast<std::size_t>(status));
}

std::string_view key(SpeakerRole role)
{
    return kRole.at(static_cast<std::size_t>(role));
}

std::string_view key(Confidence confidence)
{
    return kConfidence.at(static_cast<std::size_t>(confidence));
}

std::string_view key(DraftPart part)
{
    return kDraftPart.at(static_cast<std::size_t>(part));
}

std::optional<DraftPart> parseDraftPart(std::string_view text)
{
    return parseKey<DraftPart>(kDraftPart, text);
}

std::optional<Consent> parseConsent(std::string_view text)
{
    return parseKey<Consent>(kConsent, text);
}

std::optional<InterviewStatus> parseInterviewStatus(std::string_view text)
{
    return parseKey<InterviewStatus>(kStatus, text);
}

std::optional<SpeakerRole> parseSpeakerRole(std::string_view text)
{
    return parseKey<SpeakerRole>(kRole, text);
}

std::optional<Confidence> parseConfidence(std::string_view text)
{
    return parseKey<Confidence>(kConfidence, text);
}

std::string Job::storyText() const
{
    if (storyWhen.empty() && storyWant.empty() && storySoThat.empty())
        return {};
    // A part not written yet shows as an ellipsis, so a draft still reads as the frame it fills.
    const auto part = [](const std::string &text) {
        return text.empty() ? std::string("…") : text;
    };
    return "When " + part(storyWhen) + ", I want to " + part(storyWant) + ", so I can "
           + part(storySoThat) + ".";
}

const DraftClause *JobDraft::find(DraftPart part) const
{
    for (const auto &clause : clauses) {
        if (clause.part == part)
            return &clause;
    }
    return nullptr;
}

std::vector<const DraftClause *> JobDraft::all(DraftPart part) const
{
    std::vector<const DraftClause *> found;
    for (const auto &clause : clauses) {
        if (clause.part == part)
            found.push_back(&clause);
    }
    return found;
}

bool isPartialDate(std::string_view text)
{
    if (text.empty())
        return true;
    int year = 0;
    int month = 0;
    int day = 0;
    if (text.size() < 4 || !digits(text.substr(0, 4), year) || year < 1900 || year > 2999)
        return false;
    if (text.size() == 4)
        return true;
    if (text.size() < 7 || text[4] != '-' || !digits(text.substr(5, 2), month) || month < 1
        || month > 12)
        return false;
    if (text.size() == 7)
        return true;
    if (text.size() != 10 || text[7] != '-' || !digits(text.substr(8, 2), day) || day < 1)
        return false;
    constexpr std::array<int, 12> kDays = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    const int maxDay = month == 2 && !leap ? 28 : kDays.at(static_cast<std::size_t>(month - 1));
    return day <= maxDay;
}

} // namespace jtbd
