// A deterministic synthetic study, as the values the jtbd API takes, for the benchmarks.
#pragma once

#include <jtbd/model.h>
#include <jtbd/study.h>

#include <cstdint>
#include <optional>
#include <vector>

namespace jtbd::bench {

struct GeneratorOptions
{
    int participants = 500;
    int interviews = 2000;
    int wordsPerInterview = 8000; // exactly this many words per transcript
    int highlightsPerInterview = 50;
    int jobs = 50;
    int interviewsPerJob = 60;
    std::uint64_t seed = 0x4A544244;
};

// The codes highlights draw from: the built-in codes of a new study, as Study::codes() lists them.
struct CodePool
{
    std::vector<Id> forces; // the four force codes
    std::vector<Id> all;    // every built-in code, the forces included
};

// Where a turn sits in its interview's text, in code points, [start, end).
struct TurnSpan
{
    std::int64_t start = 0;
    std::int64_t end = 0;
};

struct SyntheticInterview
{
    Interview interview;
    std::vector<TurnInput> turns;
    // What setTranscript derives from the turns, worked out here so that a writer measured against
    // the API does not have to.
    std::vector<TurnSpan> spans;
    std::int64_t wordCount = 0;
    std::int64_t textLength = 0;       // code points, line feeds between turns included
    std::vector<Highlight> highlights; // quotes filled in, in text order
};

// References between records use the ids a new study assigns in insertion order (1, 2, 3…):
// participant i has id i + 1, interview i has id i + 1.
struct SyntheticStudy
{
    std::vector<Participant> participants;
    std::vector<SyntheticInterview> interviews;
    std::vector<Job> jobs;

    std::int64_t turnCount() const;
    std::int64_t wordCount() const;
    std::int64_t highlightCount() const;
    std::int64_t highlightCodeCount() const;
};

// The same options and codes always give the same study, on any platform: only the raw output of
// std::mt19937_64 is used, never the standard distributions (whose results differ by library).
SyntheticStudy generateStudy(const GeneratorOptions &options,
                             const CodePool &codes,
                             std::optional<Id> guideId = {});

// The codes of `study` that generated highlights draw from, and its built-in guide.
Result<CodePool> codePool(const Study &study);
std::optional<Id> builtinGuide(const Study &study);

// What the importer does: every record added through the public API, in one transaction. The
// study must be new (the ids of `data` are those a new study assigns).
Status writeStudy(Study &study, const SyntheticStudy &data);

} // namespace jtbd::bench
