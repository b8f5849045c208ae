// The plain-text transcript format: turns, times, continuations and every error it reports.
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

TurnInput turn(std::string speaker, std::optional<std::int64_t> start, std::string text)
{
    return {std::move(speaker), SpeakerRole::Unknown, start, std::nullopt, std::move(text)};
}

ParsedTranscript parsed(const std::string &bytes)
{
    auto result = parseTranscript(bytes, "txt", "t.txt");
    if (!result)
        ADD_FAILURE() << result.error().message;
    return result ? *result : ParsedTranscript{};
}

std::string errorOf(const std::string &bytes, const std::string &format = "txt")
{
    auto result = parseTranscript(bytes, format, "t.txt");
    if (result) {
        ADD_FAILURE() << "expected an error";
        return {};
    }
    EXPECT_EQ(result.error().code, ErrorCode::BadInput);
    return result.error().message;
}

} // namespace

TEST(PlainText, SpeakerTurnsSeparatedByBlankLines)
{
    const auto t = parsed("Interviewer: When did you first think about it?\n\nHannah: In "
                          "March.\nIt was raining.\n\n\n"
                          "Interviewer: Go on.\n");
    ASSERT_EQ(t.turns.size(), 3U);
    EXPECT_EQ(t.format, "txt");
    EXPECT_EQ(
        t.turns[0],
        (TurnInput{
            "Interviewer", SpeakerRole::Unknown, {}, {}, "When did you first think about it?"}));
    EXPECT_EQ(t.turns[1],
              (TurnInput{"Hannah", SpeakerRole::Unknown, {}, {}, "In March.\nIt was raining."}));
    EXPECT_EQ(t.turns[2].text, "Go on.");
    EXPECT_TRUE(t.warnings.empty());
}

TEST(PlainText, StartTimesAfterTheSpeaker)
{
    const auto t = parsed("Maya (00:04): Thanks for coming.\n\nDr. Hannah Price (1:02:03): "
                          "Sure.\n\nTom (75:10): Late.\n");
    ASSERT_EQ(t.turns.size(), 2U + 1U);
    EXPECT_EQ(t.turns[0].startMs, 4000);
    EXPECT_EQ(t.turns[0].speaker, "Maya");
    EXPECT_EQ(t.turns[1].speaker, "Dr. Hannah Price");
    EXPECT_EQ(t.turns[1].startMs, 3723000);
    EXPECT_EQ(t.turns[2].startMs, 75 * 60000 + 10000); // minutes past 59 without hours
    EXPECT_EQ(t.turns[0].endMs, std::nullopt);
}

TEST(PlainText, ParagraphWithoutSpeakerContinuesTheTurn)
{
    const auto t =
        parsed("Hannah: First paragraph.\n\nSecond paragraph, still Hannah. It says: wait.\n\n"
               "Maya: Right.\n");
    ASSERT_EQ(t.turns.size(), 2U);
    EXPECT_EQ(t.turns[0].text, "First paragraph.\nSecond paragraph, still Hannah. It says: wait.");
    EXPECT_EQ(t.warnings,
              std::vector<std::string>{
                  "added 1 paragraph without a speaker label to the turn before (the "
                  "first on line 3)"});
}

TEST(PlainText, ColonsThatAreNotSpeakers)
{
    const auto t = parsed(
        "Hannah: We met at 10:30 in the office.\n\nSee https://example.com: it has a colon.\n\n"
        "Maya: OK.\n");
    ASSERT_EQ(t.turns.size(), 2U);
    EXPECT_EQ(t.turns[0].text,
              "We met at 10:30 in the office.\nSee https://example.com: it has a colon.");
    EXPECT_EQ(t.warnings.size(), 1U);
}

TEST(PlainText, LineEndingsAndByteOrderMark)
{
    const std::string expectedText = "One.\nTwo.";
    for (const std::string bytes : {"\xEF\xBB\xBFHannah: One.\r\nTwo.\r\n\r\nMaya: Three.\r\n",
                                    "Hannah: One.\rTwo.\r\rMaya: Three.\r",
                                    "Hannah: One.\nTwo.\n\nMaya: Three."}) {
        const auto t = parsed(bytes);
        ASSERT_EQ(t.turns.size(), 2U);
        EXPECT_EQ(t.turns[0].speaker, "Hannah");
        EXPECT_EQ(t.turns[0].text, expectedText);
        EXPECT_EQ(t.turns[1].text, "Three.");
    }
}

TEST(PlainText, EmptyTurnsAreSkippedWithACountedWarning)
{
    const auto t = parsed("Hannah: Yes.\n\nMaya:\n\nTom:   \n\nHannah: No.\n");
    ASSERT_EQ(t.turns.size(), 2U);
    ASSERT_EQ(t.warnings.size(), 1U);
    EXPECT_EQ(t.warnings[0], "skipped 2 turns with a speaker but no text");
}

TEST(PlainText, UnicodeTextIsKept)
{
    const auto t = parsed("山田: 東京の事務所で 😤\n\nليلى: مرحبا\n");
    ASSERT_EQ(t.turns.size(), 2U);
    EXPECT_EQ(t.turns[0].speaker, "山田");
    EXPECT_EQ(t.turns[1].text, "مرحبا");
}

TEST(PlainText, ErrorsNameTheLineAndWhatWasExpected)
{
    // Prose before the first speaker of a file that has speakers (a file with none at all is
    // read as bare paragraphs).
    EXPECT_EQ(errorOf("\n\nThis is just prose without any speaker.\n\nMaya: Hi.\n"),
              "t.txt: line 3: expected a turn starting with a speaker, such as 'Interviewer: …', "
              "but found 'This "
              "is just prose without any speaker.'");
    EXPECT_EQ(errorOf("Maya (00:10): a\n\nHannah (00:61:00): b\n"),
              "t.txt: line 3: timestamp '00:61:00' is out of range");
    EXPECT_EQ(errorOf("Maya (00:10): a\n\nHannah (00:05): b\n"),
              "t.txt: line 3: start time 00:00:05.000 is before the start time 00:00:10.000 of the "
              "turn on line 1");
    EXPECT_EQ(errorOf(" \n\n"), "t.txt: the file is empty");
    EXPECT_EQ(errorOf("Maya:\n\nTom:\n"),
              "t.txt: the file holds no turns ('Speaker: text' paragraphs)");
}

TEST(PlainText, TextThatIsNotUtf8IsReadAsWindows1252WithAWarning)
{
    auto t = parsed("Maya: caf\xE9 au lait\n");
    ASSERT_EQ(t.turns.size(), 1U);
    EXPECT_EQ(t.turns[0].text, "café au lait");
    EXPECT_EQ(t.warnings,
              std::vector<std::string>{
                  "the file is not valid UTF-8 (line 1, column 10: byte 0xE9), so it was read as "
                  "Windows-1252; check that accented letters and quotes came out right"});
    t = parsed("Maya: ok\n\nHannah: \xC3\n");
    ASSERT_EQ(t.turns.size(), 2U);
    EXPECT_EQ(t.turns[1].text, "Ã");
    EXPECT_EQ(t.warnings,
              std::vector<std::string>{
                  "the file is not valid UTF-8 (line 3, column 9: byte 0xC3), so it was read as "
                  "Windows-1252; check that accented letters and quotes came out right"});
}

TEST(PlainText, Utf16IsRead)
{
    const std::string utf16{"\xFF\xFEM\0a\0:\0 \0h\0i\0", 14};
    auto t = parseTranscript(utf16, "auto", "t.txt");
    ASSERT_TRUE(t) << t.error().message;
    EXPECT_EQ(t->format, "txt");
    EXPECT_EQ(t->turns, (std::vector<TurnInput>{{"Ma", SpeakerRole::Unknown, {}, {}, "hi"}}));
    EXPECT_TRUE(t->warnings.empty());
}

TEST(PlainText, FormatIsRecognisedAndUnknownFormatsRefused)
{
    auto t = parseTranscript("Hannah: yes\n\nMaya: no\n", "auto", "t.txt");
    ASSERT_TRUE(t);
    EXPECT_EQ(t->format, "txt");
    auto unknown = parseTranscript("Hannah: yes\n", "pdf", "t.txt");
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(unknown.error().message,
              "unknown transcript format 'pdf'; the formats are auto, txt, vtt, srt, docx");
}

TEST(PlainText, OtterHeadersWithSpeakersAndTimes)
{
    const auto t = parsedFixture("txt/otter.txt", "txt");
    EXPECT_EQ(t.turns,
              (Turns{turn("Maya Okafor", 3000, "Thanks for making time for this. Shall we start?"),
                     turn("Hannah Price",
                          9000,
                          "Sure. It started with a late payment.\nThe brewery, in Leeds."),
                     turn("Speaker 3", 3765000, "Sorry I am late.")}));
    EXPECT_TRUE(t.warnings.empty()); // the "Transcribed by" footer is dropped silently
}

TEST(PlainText, OtterTimestampOnlyHeaders)
{
    const auto t = parsedFixture("txt/otter_timestamps_only.txt", "txt");
    EXPECT_EQ(t.turns,
              (Turns{turn("Unknown speaker", 3000, "Thanks for making time for this."),
                     turn("Unknown speaker", 21000, "It started with a late payment."),
                     turn("Unknown speaker", 3765000, "Sorry I am late.")}));
    EXPECT_TRUE(t.warnings.empty());
}

TEST(PlainText, OtterSpeakerOnlyHeaders)
{
    const auto t = parsedFixture("txt/otter_speakers_only.txt", "txt");
    EXPECT_EQ(t.turns,
              (Turns{turn("Maya Okafor", {}, "Thanks for making time for this."),
                     turn("Hannah Price", {}, "Sure. It started with a late payment."),
                     turn("Maya Okafor", {}, "Tell me more."),
                     turn("Unknown Speaker", {}, "Sorry I am late.")}));
    EXPECT_TRUE(t.warnings.empty());
}

TEST(PlainText, RevHeadersWithTheTextOnTheNextLine)
{
    const auto t = parsedFixture("txt/rev.txt", "txt");
    EXPECT_EQ(t.turns,
              (Turns{turn("Speaker 1", 0, "Thanks for making time for this."),
                     turn("Hannah Price",
                          4000,
                          "Sure. [crosstalk 00:00:05] It started with a late payment.\nThe "
                          "brewery."),
                     turn("Speaker 1", 3723000, "Same line still works."),
                     turn("Speaker 1",
                          3730000,
                          "And a header alone in its paragraph takes the next one.")}));
    EXPECT_TRUE(t.warnings.empty());
}

TEST(PlainText, BareParagraphsBelongToOneUnknownSpeaker)
{
    const auto t = parsedFixture("txt/bare_paragraphs.txt", "txt");
    EXPECT_EQ(t.turns,
              (Turns{turn("Unknown speaker",
                          {},
                          "So this is the interview with Hannah, recorded on the train."),
                     turn("Unknown speaker",
                          {},
                          "She talks about the brewery invoice: four months late.\nIt nearly "
                          "cost her the flat."),
                     turn("Unknown speaker", {}, "Then she signs up that evening.")}));
    EXPECT_TRUE(t.warnings.empty());
}

TEST(PlainText, TeamsWebViewerCopyNoiseIsDropped)
{
    const auto t = parsedFixture("txt/teams_web_copy.txt", "txt");
    EXPECT_EQ(t.turns,
              (Turns{turn("Paul Murphy", 3000, "Uh, yeah. So how did it start?"),
                     turn("Jeff Voigt", 9000, "With a late invoice. OK."),
                     turn("Paul Murphy", 3725000, "Thanks, that's all.")}));
    EXPECT_TRUE(t.warnings.empty());
}

TEST(PlainText, TitleLinesBeforeTimedHeadersAreSkippedWithAWarning)
{
    const auto t = parsedFixture("txt/teams_docx_copy.txt", "txt");
    EXPECT_EQ(t.turns,
              (Turns{turn("Maya Okafor", 3000, "Thanks for making time."),
                     turn("Hannah Price", 9000, "Sure.")}));
    EXPECT_EQ(t.warnings,
              std::vector<std::string>{"skipped 3 lines before the first speaker, from line 1 "
                                       "('Interview with Hannah')"});
}

TEST(PlainText, HeadersWithoutBlankLinesBetweenTurns)
{
    const auto t = parsed("Maya  0:03\nHello.\nHannah  0:05\nHi.\nMore from Hannah.\n0:09\n"
                          "Someone else.\n");
    EXPECT_EQ(t.turns,
              (Turns{turn("Maya", 3000, "Hello."),
                     turn("Hannah", 5000, "Hi.\nMore from Hannah."),
                     turn("Unknown speaker", 9000, "Someone else.")}));
}

TEST(PlainText, OneSpaceHeadersAndBareNamesCountOnlyWhenTheNameRecurs)
{
    // "Meeting at 10:30" and "Okay" head one paragraph each: text, not speakers.
    auto t = parsed("Maya: Hi.\n\nMeeting at 10:30\nwas the plan.\n\nOkay\nso then.\n");
    EXPECT_EQ(t.turns,
              (Turns{turn("Maya", {}, "Hi.\nMeeting at 10:30\nwas the plan.\nOkay\nso then.")}));
    EXPECT_EQ(t.warnings.size(), 1U);
    t = parsed("Maya 0:03\nHello.\n\nHannah 0:05\nHi.\n\nMaya 0:09\nBye.\n\nHannah 0:12\nBye.\n");
    EXPECT_EQ(t.turns,
              (Turns{turn("Maya", 3000, "Hello."),
                     turn("Hannah", 5000, "Hi."),
                     turn("Maya", 9000, "Bye."),
                     turn("Hannah", 12000, "Bye.")}));
}

TEST(PlainText, OneTurnPerLineWithoutBlankLines)
{
    const auto t = parsed("Sam: What made today the day?\nAlex: The invoice run broke again.\n"
                          "Sam: And then?\nAlex: I signed up that afternoon.\n");
    EXPECT_EQ(t.turns,
              (Turns{turn("Sam", {}, "What made today the day?"),
                     turn("Alex", {}, "The invoice run broke again."),
                     turn("Sam", {}, "And then?"),
                     turn("Alex", {}, "I signed up that afternoon.")}));
    EXPECT_TRUE(t.warnings.empty());
    auto detected =
        parseTranscript("Sam: Why?\nAlex: Because.\nSam: OK.\nAlex: Yes.\n", "auto", "t.txt");
    ASSERT_TRUE(detected) << detected.error().message;
    EXPECT_EQ(detected->format, "txt");
    EXPECT_EQ(detected->turns.size(), 4U);
}

TEST(PlainText, SpeakerLinesOfThreeSpeakersWithWrappedText)
{
    // A line under a turn that is not a recurring label stays in it, "Note:" included.
    const auto t = parsedFixture("txt/speaker_lines.txt", "txt");
    EXPECT_EQ(t.turns,
              (Turns{turn("Maya Okafor", {}, "Thanks for making time for this. Shall we start?"),
                     turn("Hannah Price",
                          {},
                          "Sure. It started with a late payment.\nThe brewery, in Leeds."),
                     turn("Maya Okafor", {}, "When was that?"),
                     turn("Speaker 3", {}, "Sorry I am late."),
                     turn("Hannah Price", {}, "In March.\nNote: the invoice was four months late."),
                     turn("Speaker 3", {}, "Got it.")}));
    EXPECT_TRUE(t.warnings.empty());
}

TEST(PlainText, SpeakerLinesMixedWithSpeakerParagraphs)
{
    const auto t = parsed("Sam: What made today the day?\nAlex: The invoice run broke again.\n\n"
                          "Sam: And then?\n\nAlex: I signed up that afternoon.\nIt was raining.\n"
                          "Sam: Why then?\nAlex: Because the run broke.\n");
    EXPECT_EQ(t.turns,
              (Turns{turn("Sam", {}, "What made today the day?"),
                     turn("Alex", {}, "The invoice run broke again."),
                     turn("Sam", {}, "And then?"),
                     turn("Alex", {}, "I signed up that afternoon.\nIt was raining."),
                     turn("Sam", {}, "Why then?"),
                     turn("Alex", {}, "Because the run broke.")}));
    EXPECT_TRUE(t.warnings.empty());
}

TEST(PlainText, ALabelInsideProseStaysText)
{
    // One "Note:" line inside a turn.
    auto t = parsed("Hannah: We spoke on Monday.\nNote: the call dropped\nand we called back.\n\n"
                    "Maya: OK.\n");
    EXPECT_EQ(
        t.turns,
        (Turns{
            turn("Hannah", {}, "We spoke on Monday.\nNote: the call dropped\nand we called back."),
            turn("Maya", {}, "OK.")}));
    // One "Name:" line inside bare prose: still a file without speakers.
    t = parsed("We met Hannah on the train.\nHannah: was her answer to everything.\nThen she "
               "signed up.\n\nThe end.\n");
    EXPECT_EQ(t.turns,
              (Turns{turn("Unknown speaker",
                          {},
                          "We met Hannah on the train.\nHannah: was her answer to everything.\n"
                          "Then she signed up."),
                     turn("Unknown speaker", {}, "The end.")}));
    // A label that recurs, but never beside another recurring one in its paragraph.
    t = parsed("Maya: Tell me about it.\n\nHannah: It was March.\nNote: the call dropped.\n"
               "Then we called back.\nNote: it dropped again.\n");
    EXPECT_EQ(t.turns,
              (Turns{turn("Maya", {}, "Tell me about it."),
                     turn("Hannah",
                          {},
                          "It was March.\nNote: the call dropped.\nThen we called back.\nNote: "
                          "it dropped again.")}));
    // Two labels once each in a paragraph: too little to tell speaker lines from prose.
    t = parsed("Maya: Tell me.\nHannah: said the note on the fridge.\n");
    EXPECT_EQ(t.turns, (Turns{turn("Maya", {}, "Tell me.\nHannah: said the note on the fridge.")}));
}

TEST(PlainText, FixtureErrorsNameTheLine)
{
    EXPECT_EQ(fixtureError("invalid/txt_prose_before_speaker.txt"),
              "invalid/txt_prose_before_speaker.txt: line 1: expected a turn starting with a "
              "speaker, such as 'Interviewer: …', but found 'Interview with Hannah'");
    EXPECT_EQ(fixtureError("invalid/txt_otter_out_of_range.txt"),
              "invalid/txt_otter_out_of_range.txt: line 4: timestamp '0:75' is out of range");
    EXPECT_EQ(fixtureError("invalid/txt_otter_time_goes_back.txt"),
              "invalid/txt_otter_time_goes_back.txt: line 4: start time 00:00:09.000 is before "
              "the start time 00:01:03.000 of the turn on line 1");
}

TEST(PlainText, EveryFixtureIsRecognised)
{
    for (const auto &entry : std::filesystem::directory_iterator(fixtures / "txt")) {
        const auto name = "txt/" + entry.path().filename().string();
        auto result = parseTranscript(fixture(name), "auto", name);
        ASSERT_TRUE(result) << name << ": " << result.error().message;
        EXPECT_EQ(result->format, "txt") << name;
    }
}

} // namespace jtbd
