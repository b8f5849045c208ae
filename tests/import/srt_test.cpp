// SRT transcripts: cue numbering, separators, styling, each way of naming speakers, and errors.
#include "transcript_fixtures.h"

#include <jtbd/transcript.h>

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <iterator>
#include <ostream>

namespace jtbd {

namespace {

using namespace transcript_test;

ParsedTranscript parsed(const std::string &name)
{
    return parsedFixture(name, "srt");
}

} // namespace

TEST(Srt, CommaMillisecondsAndNoSpeakers)
{
    const auto t = parsed("srt/comma.srt");
    EXPECT_EQ(t.turns,
              (Turns{turn("Unknown speaker",
                          137440,
                          144000,
                          "So when did the late payments start to bother you? Around the spring, "
                          "I think.")}));
    EXPECT_TRUE(t.warnings.empty());
}

TEST(Srt, DotMillisecondsAreReadWithAWarning)
{
    const auto t = parsed("srt/dot.srt");
    EXPECT_EQ(t.turns,
              (Turns{turn("Maya", 1000, 3500, "How did you hear about it?"),
                     turn("Hannah", 4000, 6000, "A friend mentioned it."),
                     turn("Maya", 6500, 8000, "Which friend?"),
                     turn("Hannah", 8250, 10000, "Joe's sister.")}));
    EXPECT_EQ(t.warnings,
              Warnings{"read 3 cue timings written with '.' instead of ',' before the "
                       "milliseconds (the first on line 2)"});
}

TEST(Srt, WrongOrMissingNumbersAreTolerated)
{
    const auto t = parsed("srt/bad_numbering.srt");
    EXPECT_EQ(t.turns,
              (Turns{turn("Maya", 1000, 2000, "First."),
                     turn("Hannah", 2000, 3000, "Second."),
                     turn("Maya", 3000, 4000, "Third, with no number."),
                     turn("Hannah", 4000, 5000, "Fourth.")}));
    EXPECT_TRUE(t.warnings.empty());
}

TEST(Srt, LastCueWithoutAFinalBlankLine)
{
    const auto t = parsed("srt/no_final_blank.srt");
    EXPECT_EQ(t.turns,
              (Turns{turn("MAYA", 1000, 2000, "Hello."),
                     turn("HANNAH", 2000, 3000, "The last cue has no blank line after it.")}));
}

TEST(Srt, HtmlAndAssTagsAreRemoved)
{
    const auto t = parsed("srt/tags.srt");
    EXPECT_EQ(t.turns,
              (Turns{turn("Maya", 1000, 3000, "Where exactly were you sitting?"),
                     turn("Hannah", 3000, 5000, "At the kitchen table, honestly."),
                     turn("Maya", 5000, 7000, "And 2 < 3 is {still} text."),
                     turn("Hannah", 7000, 9000, "Yes.")}));
}

TEST(Srt, NamePrefixesCountWhenTheyRecur)
{
    const auto t = parsed("srt/speakers_colon.srt");
    EXPECT_EQ(t.turns,
              (Turns{turn("MAYA", 1000, 3000, "Tell me about that day."),
                     turn("HANNAH", 3000, 6000, "It was raining. Note: I had no umbrella."),
                     turn("Unknown speaker", 6000, 8000, "Note: recording paused."),
                     turn("MAYA", 8000, 10000, "Go on."),
                     turn("HANNAH", 10000, 12000, "So I bought one.")}));
}

TEST(Srt, BracketedNamesAreSpeakersAndSoundsStayText)
{
    const auto t = parsed("srt/speakers_brackets.srt");
    EXPECT_EQ(t.turns,
              (Turns{turn("Maya", 1000, 3000, "How did that feel?"),
                     turn("Hannah", 3000, 6000, "[laughs] Awful, honestly."),
                     turn("Unknown speaker", 6000, 8000, "[Music]"),
                     turn("Maya", 8000, 10000, "Go on."),
                     turn("Hannah", 10000, 12000, "[inaudible 00:00:11] the end.")}));
}

TEST(Srt, ChevronsMarkANewSpeakerWhoKeepsTheFloor)
{
    const auto t = parsed("srt/speakers_chevrons.srt");
    EXPECT_EQ(
        t.turns,
        (Turns{
            turn("MAYA", 1000, 3000, "Welcome. Tell me about the first invoice you chased."),
            turn("HANNAH", 3000, 7000, "It was for the brewery. They paid four months late."),
            turn(
                "Unknown speaker", 7000, 11000, "Sorry, can I ask who that was? The one in Leeds?"),
            turn("HANNAH", 11000, 13000, "Yes, that one.")}));
}

TEST(Srt, ChevronsInTheMiddleOfALine)
{
    const auto t = parsed("srt/chevrons_mid_line.srt");
    EXPECT_EQ(t.turns,
              (Turns{turn("MAYA", 1000, 3000, "Did you pay?"),
                     turn("HANNAH", 1000, 5000, "Yes. That evening."),
                     turn("Unknown speaker", 3000, 5000, "Who was with you?")}));
}

TEST(Srt, OverlappingCuesAreKeptWithAWarning)
{
    const auto t = parsed("srt/overlap.srt");
    EXPECT_EQ(t.turns,
              (Turns{turn("Maya", 1000, 5000, "So you paid that evening?"),
                     turn("Hannah", 4000, 6000, "Yes, on the train."),
                     turn("Maya", 5500, 7000, "Right."),
                     turn("Hannah", 7000, 9000, "Before Leeds.")}));
    EXPECT_EQ(t.warnings,
              Warnings{"kept 2 cues that start before the cue before them ends (the first on "
                       "line 6)"});
}

TEST(Srt, DialogueDashes)
{
    const auto t = parsed("srt/dialogue_dashes.srt");
    EXPECT_EQ(t.turns,
              (Turns{turn("Unknown speaker", 1000, 3000, "Did you pay that night?"),
                     turn("Unknown speaker", 1000, 5000, "I did. On my phone.")}));
}

TEST(Srt, CoordinatesAfterTheTimingAreIgnored)
{
    const auto t = parsed("srt/coordinates.srt");
    EXPECT_EQ(t.turns,
              (Turns{turn("Unknown speaker", 1000, 5000, "Where were you? On the train.")}));
    EXPECT_TRUE(t.warnings.empty());
}

TEST(Srt, CuesWithoutBlankLinesBetweenThem)
{
    const auto t = parsed("srt/no_blank_between_cues.srt");
    EXPECT_EQ(t.turns,
              (Turns{turn("Maya", 1000, 2000, "Hello."),
                     turn("Hannah", 2000, 3000, "Hi."),
                     turn("Maya", 3000, 4000, "Ready?"),
                     turn("Hannah", 4000, 5000, "Yes.")}));
    EXPECT_EQ(t.warnings,
              Warnings{"read 3 cues with no blank line before them (the first on line 5)"});
}

TEST(Srt, ErrorsNameTheLineAndWhatWasExpected)
{
    EXPECT_EQ(fixtureError("invalid/srt_bad_timing.srt"),
              "invalid/srt_bad_timing.srt: line 6: expected a cue timing such as 00:00:01,000 --> "
              "00:00:04,000, found '00:00:02,000 --> 00:00:03;000'");
    EXPECT_EQ(fixtureError("invalid/srt_timing_without_arrow.srt"),
              "invalid/srt_timing_without_arrow.srt: line 6: expected a cue timing such as "
              "00:00:01,000 --> 00:00:04,000, found '0:00:03 to 0:00:04'");
    EXPECT_EQ(fixtureError("invalid/srt_end_before_start.srt"),
              "invalid/srt_end_before_start.srt: line 6: end time 00:01:02.000 is before start "
              "time 00:01:05.000");
    EXPECT_EQ(fixtureError("invalid/srt_number_without_timing.srt"),
              "invalid/srt_number_without_timing.srt: line 6: expected a cue timing such as "
              "00:00:01,000 --> 00:00:04,000 after cue number 2, found a blank line");
    // Forced on a file with no cue at all.
    EXPECT_EQ(fixtureError("txt/bare_paragraphs.txt", "srt"),
              "txt/bare_paragraphs.txt: the file holds no cues; expected a cue timing such as "
              "00:00:01,000 --> 00:00:04,000 followed by its text");
}

TEST(Srt, EveryFixtureIsRecognised)
{
    for (const auto &entry : std::filesystem::directory_iterator(fixtures / "srt")) {
        const auto name = "srt/" + entry.path().filename().string();
        auto result = parseTranscript(fixture(name), "auto", name);
        ASSERT_TRUE(result) << name << ": " << result.error().message;
        EXPECT_EQ(result->format, "srt") << name;
    }
    // A broken first timing still says SRT, so the SRT parser can say what is wrong with it.
    EXPECT_NE(fixtureError("invalid/srt_timing_without_arrow.srt").find("expected a cue timing"),
              std::string::npos);
}

} // namespace jtbd
