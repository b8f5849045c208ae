// Full-text search over every turn of a study: what to look for, and the turns found.
#pragma once

#include <jtbd/model.h>

#include <cstdint>
#include <optional>
#include <string>

namespace jtbd {

// What to look for, and where. `text` is in the search syntax (docs/user-guide.md, "Search"):
// words, "phrases", prefix*, AND / OR / NOT in capitals, and parentheses. Each filter that is set
// narrows the turns searched; together they must all hold.
// Every member has an initializer, so that a query can name only what it sets: {.text = "late"}.
struct SearchQuery
{
    std::string text{};
    std::optional<Id> interviewId{};
    std::string participantCode{};        // the interviews of the participant with this code
    std::optional<Attribute> attribute{}; // interviews of participants with this key and value
    std::optional<SpeakerRole> role{};    // turns spoken in this role
    // Turns that overlap a highlight carrying this code or a code nested under it.
    std::optional<Id> codeId{};
    int limit = 50; // at most this many hits, the best first
};

// One matching turn. Hits come best first: by score, then in the order the turns were stored.
struct SearchHit
{
    Id interviewId = 0;
    std::string interviewTitle;
    std::string participantCode; // empty when the interview has no participant
    Id turnId = 0;
    std::string speaker;
    SpeakerRole role = SpeakerRole::Unknown;
    std::optional<std::int64_t> startMs;
    // The first match in the turn (a whole phrase, or a whole word for a prefix): code points
    // [start, end) in the interview text.
    std::int64_t start = 0;
    std::int64_t end = 0;
    // About 12 words either side of the first match, with every match in it marked «like this»;
    // "…" where the turn's text goes on, line breaks shown as spaces.
    std::string snippet;
    // Relevance (BM25: rarer words, more matches and shorter turns score higher). Comparable
    // between the hits of one search only.
    double score = 0;

    bool operator==(const SearchHit &) const = default;
};

} // namespace jtbd
