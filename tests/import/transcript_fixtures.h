// What the transcript tests share: the fixture files on disk and readable turns in failures.
#pragma once

#include <jtbd/transcript.h>

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <iterator>
#include <ostream>
#include <string>
#include <vector>

namespace jtbd {

// Turns as GoogleTest prints them when a comparison fails.
inline void PrintTo(const TurnInput &turn, std::ostream *out)
{
    auto time = [](const std::optional<std::int64_t> &ms) {
        return ms ? std::to_string(*ms) : std::string("-");
    };
    *out << "{" << turn.speaker << ", " << time(turn.startMs) << ", " << time(turn.endMs) << ", \""
         << turn.text << "\"}";
}

namespace transcript_test {

inline const std::filesystem::path fixtures =
    std::filesystem::path(__FILE__).parent_path().parent_path() / "data" / "transcripts";

// The bytes of a fixture under tests/data/transcripts.
inline std::string fixture(const std::string &name)
{
    std::ifstream in(fixtures / name, std::ios::binary);
    if (!in)
        ADD_FAILURE() << "missing fixture " << (fixtures / name).string();
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A fixture read with format recognition, which must pick `expectedFormat`.
inline ParsedTranscript parsedFixture(const std::string &name, const std::string &expectedFormat)
{
    auto result = parseTranscript(fixture(name), "auto", name);
    if (!result) {
        ADD_FAILURE() << result.error().message;
        return {};
    }
    EXPECT_EQ(result->format, expectedFormat) << name;
    return *result;
}

// The message a fixture is refused with.
inline std::string fixtureError(const std::string &name, const std::string &format = "auto")
{
    auto result = parseTranscript(fixture(name), format, name);
    if (result) {
        ADD_FAILURE() << name << ": expected an error";
        return {};
    }
    EXPECT_EQ(result.error().code, ErrorCode::BadInput);
    return result.error().message;
}

inline TurnInput turn(std::string speaker,
                      std::optional<std::int64_t> start,
                      std::optional<std::int64_t> end,
                      std::string text)
{
    return {std::move(speaker), SpeakerRole::Unknown, start, end, std::move(text)};
}

using Turns = std::vector<TurnInput>;
using Warnings = std::vector<std::string>;

} // namespace transcript_test

} // namespace jtbd
