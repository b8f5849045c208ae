// WebVTT transcripts: Zoom and Teams files, each trap of the format, and every error it reports.
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
    return parsedFixture(name, "vtt");
}

} // namespace

TEST(WebVtt, ZoomNamePrefixesThatRecurAreSpeakers)
{
    const auto t = parsed("vtt/zoom.vtt");
    EXPECT_EQ(
        t.turns,
        (Turns{turn("Maya Okafor",
                    1200,
                    9100,
                    "Thanks for making time for this. Can you tell me when you first looked for "
                    "an invoicing tool?"),
               turn("Hannah Price",
                    9600,
                    15250,
                    "It was August, on the train back from Harrogate. Note: I had just come out "
                    "of a client meeting."),
               // "Note:" starts a cue only once: text of an unknown speaker, not a speaker.
               turn("Unknown speaker", 15900, 17000, "Note: the recording paused here."),
               turn("Maya Okafor", 17400, 21000, "What happened in the meeting?"),
               turn("Hannah Price", 21500, 24000, "They said: we pay on sixty days.")}));
    EXPECT_TRUE(t.warnings.empty());
}

TEST(WebVtt, TeamsVoicesWithGuidCueIds)
{
    const auto t = parsed("vtt/teams.vtt");
    EXPECT_EQ(t.turns,
              (Turns{turn("Maya Okafor",
                          3120,
                          8000,
                          "Thanks for joining. Shall we start? Just tell me in your own words."),
                     turn("Hannah Price", 8900, 13370, "Sure. It started with a late payment.")}));
    EXPECT_TRUE(t.warnings.empty());
}

TEST(WebVtt, VoiceWithoutClosingTagRunsToTheEndOfTheCue)
{
    const auto t = parsed("vtt/teams_no_close.vtt");
    EXPECT_EQ(t.turns,
              (Turns{turn("Roger Bingham",
                          0,
                          4300,
                          "We are in New York City We're actually at the Lucern Hotel, just down "
                          "the street"),
                     turn("Neil deGrasse Tyson",
                          4300,
                          6500,
                          "From the American Museum of Natural History")}));
}

TEST(WebVtt, SeveralVoicesInOneCue)
{
    const auto t = parsed("vtt/teams_several_voices.vtt");
    EXPECT_EQ(t.turns,
              (Turns{turn("Maya", 1000, 3000, "So you paid that evening?"),
                     turn("Hannah", 1000, 5000, "Yes, on the train. Before we got to Leeds."),
                     turn("Maya", 3000, 5000, "Right.")}));
    EXPECT_TRUE(t.warnings.empty());
}

TEST(WebVtt, OldTeamsUnpaddedTimesCountWholeMilliseconds)
{
    const auto t = parsed("vtt/teams_unpadded.vtt");
    // 0:0:6.90 is 6.090 s, which is why the cue "0:0:6.90 --> 0:0:6.500" is not backwards.
    EXPECT_EQ(t.turns,
              (Turns{turn("Maya Okafor", 0, 6090, "This is a transcript test. Can you hear me?"),
                     turn("Hannah Price", 6090, 3600025, "Yes. Loud and clear.")}));
    EXPECT_TRUE(t.warnings.empty());
}

TEST(WebVtt, HeaderMetadataLinesAreIgnored)
{
    const auto t = parsed("vtt/header_metadata.vtt");
    EXPECT_EQ(t.turns,
              (Turns{turn("Maya", 1000, 3000, "Shall we start?"),
                     turn("Hannah", 3500, 5000, "Yes."),
                     turn("Maya", 5500, 7000, "Good."),
                     turn("Hannah", 7000, 9000, "Go on then.")}));
    EXPECT_TRUE(t.warnings.empty());
}

TEST(WebVtt, NoteStyleAndRegionBlocksAreSkippedSilently)
{
    const auto t = parsed("vtt/note_style_region.vtt");
    EXPECT_EQ(t.turns,
              (Turns{turn("Maya", 1000, 3000, "Where were you sitting?"),
                     turn("Hannah", 3000, 5000, "At the kitchen table.")}));
    EXPECT_TRUE(t.warnings.empty());
}

TEST(WebVtt, CueSettingsAfterTheEndTimeAreIgnored)
{
    const auto t = parsed("vtt/cue_settings.vtt");
    EXPECT_EQ(t.turns,
              (Turns{turn("Maya", 1000, 3000, "Where were you?"),
                     turn("Hannah", 3000, 5000, "At home.")}));
}

TEST(WebVtt, CueIdsOfAnyShape)
{
    const auto t = parsed("vtt/cue_ids.vtt");
    EXPECT_EQ(t.turns,
              (Turns{turn("Maya", 1000, 2000, "One."),
                     turn("Hannah", 2000, 3000, "Two."),
                     turn("Maya", 3000, 4000, "Three."),
                     turn("Hannah", 4000, 5000, "Four.")}));
    EXPECT_TRUE(t.warnings.empty());
}

TEST(WebVtt, MultiLinePayloadsJoinWithASpace)
{
    const auto t = parsed("vtt/multiline.vtt");
    EXPECT_EQ(
        t.turns,
        (Turns{turn("Maya", 1000, 5000, "When did you first think about changing how you invoice?"),
               turn("Hannah",
                    5500,
                    9000,
                    "Honestly, it was the brewery. They paid four months late. We nearly "
                    "lost the flat."),
               turn("Maya", 9000, 11000, "That sounds stressful."),
               turn("Hannah", 11000, 12000, "It was.")}));
}

TEST(WebVtt, MarkupIsRemovedAndEntitiesDecoded)
{
    const auto t = parsed("vtt/markup_entities.vtt");
    EXPECT_EQ(t.turns,
              (Turns{turn("Maya", 1000, 4000, "Really? Four months & no reminder?"),
                     turn("Hannah",
                          4000,
                          10000,
                          "Yes, c'est la vie. It was 3 < 4 > 2\u00A0weeks. The client was "
                          "東京\u200E based — ☺ \u200FR&D.")}));
    EXPECT_TRUE(t.warnings.empty());
}

TEST(WebVtt, TimesWithoutHours)
{
    const auto t = parsed("vtt/no_hours.vtt");
    EXPECT_EQ(t.turns,
              (Turns{turn("Maya", 1000, 4000, "Short and sweet."),
                     turn("Hannah", 62500, 75 * 60000 + 10250, "And a long answer.")}));
}

TEST(WebVtt, LastCueWithoutATrailingLineEnd)
{
    const auto t = parsed("vtt/no_trailing_blank.vtt");
    EXPECT_EQ(t.turns,
              (Turns{turn("Maya", 1000, 2000, "First."),
                     turn("Hannah", 2000, 3500, "Last, with no line end.")}));
}

TEST(WebVtt, EmptyCuesAreSkippedAndCounted)
{
    const auto t = parsed("vtt/empty_cues.vtt");
    EXPECT_EQ(t.turns,
              (Turns{turn("Maya", 1000, 2000, "Hello."), turn("Hannah", 4000, 5000, "Hi.")}));
    EXPECT_EQ(t.warnings, Warnings{"skipped 3 empty cues (the first on line 8)"});
}

TEST(WebVtt, DialogueDashesStartANewUnknownSpeaker)
{
    const auto t = parsed("vtt/dialogue_dashes.vtt");
    EXPECT_EQ(t.turns,
              (Turns{turn("Unknown speaker", 1000, 3000, "Did you pay that night?"),
                     turn("Unknown speaker", 1000, 5000, "I did. On my phone, on the train."),
                     turn("Unknown speaker", 5000, 7000, "Why then?")}));
}

TEST(WebVtt, BlocksThatAreNotCuesAreSkippedWithAWarning)
{
    const auto t = parsed("vtt/unknown_block.vtt");
    EXPECT_EQ(t.turns,
              (Turns{turn("Maya", 1000, 2000, "Hello."), turn("Hannah", 2000, 3000, "Hi.")}));
    EXPECT_EQ(t.warnings, Warnings{"skipped 2 blocks that are not cues (the first on line 6)"});
}

TEST(WebVtt, CuesWithoutBlankLinesBetweenThem)
{
    const auto t = parsed("vtt/no_blank_between_cues.vtt");
    EXPECT_EQ(t.turns,
              (Turns{turn("Maya", 1000, 2000, "Hello."),
                     turn("Hannah", 2000, 3000, "Hi."),
                     turn("Maya", 3000, 4000, "How are you?"),
                     turn("Hannah", 4000, 5000, "Fine.")}));
    EXPECT_EQ(t.warnings,
              Warnings{"read 3 cues with no blank line before them (the first on line 7)"});
}

TEST(WebVtt, BroadcastChevronsMarkSpeakerChanges)
{
    const auto t = parsed("vtt/youtube_chevrons.vtt");
    EXPECT_EQ(t.turns,
              (Turns{turn("MAYA", 1000, 5000, "Welcome back to the show. Today we talk invoices."),
                     turn("Unknown speaker", 5000, 9000, "Thanks for having me. [Music]")}));
}

TEST(WebVtt, ErrorsNameTheLineAndWhatWasExpected)
{
    EXPECT_EQ(fixtureError("invalid/vtt_broken_arrow.vtt"),
              "invalid/vtt_broken_arrow.vtt: line 8: expected a cue timing such as 00:00:01.000 "
              "--> 00:00:04.000, found '00:00:05.000 - 00:00:07.000'");
    EXPECT_EQ(fixtureError("invalid/vtt_bad_end_time.vtt"),
              "invalid/vtt_bad_end_time.vtt: line 6: expected a cue timing such as 00:00:01.000 "
              "--> 00:00:04.000, found '00:00:02.000 --> 00:00:03,5x0'");
    EXPECT_EQ(fixtureError("invalid/vtt_end_before_start.vtt"),
              "invalid/vtt_end_before_start.vtt: line 6: end time 00:00:02.000 is before start "
              "time 00:00:05.000");
    EXPECT_EQ(fixtureError("invalid/vtt_out_of_range.vtt"),
              "invalid/vtt_out_of_range.vtt: line 3: timestamp '00:00:61.000' is out of range");
    EXPECT_EQ(fixtureError("invalid/vtt_number_without_timing.vtt"),
              "invalid/vtt_number_without_timing.vtt: line 8: expected a cue timing such as "
              "00:00:01.000 --> 00:00:04.000 after cue number 2, found the end of the file");
    EXPECT_EQ(fixtureError("invalid/vtt_no_cues.vtt"),
              "invalid/vtt_no_cues.vtt: the file holds no cues; expected a cue timing such as "
              "00:00:01.000 --> 00:00:04.000 followed by its text");
    EXPECT_EQ(fixtureError("invalid/vtt_all_empty.vtt"),
              "invalid/vtt_all_empty.vtt: all 2 cues of the file are empty");
    EXPECT_EQ(fixtureError("invalid/vtt_no_signature.vtt", "vtt"),
              "invalid/vtt_no_signature.vtt: line 1: expected 'WEBVTT' at the start of a WebVTT "
              "file, found '1'");
}

TEST(WebVtt, EveryFixtureIsRecognised)
{
    for (const auto &entry : std::filesystem::directory_iterator(fixtures / "vtt")) {
        const auto name = "vtt/" + entry.path().filename().string();
        auto result = parseTranscript(fixture(name), "auto", name);
        ASSERT_TRUE(result) << name << ": " << result.error().message;
        EXPECT_EQ(result->format, "vtt") << name;
    }
    for (const auto *parser : transcriptParsers()) {
        if (parser->name() == "vtt") {
            EXPECT_EQ(parser->recognise(fixture("vtt/zoom.vtt")), 100);
        }
    }
}

} // namespace jtbd
