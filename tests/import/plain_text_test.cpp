// The plain-text transcript format: turns, times, continuations and every error it reports.
#include <jtbd/transcript.h>

#include <gtest/gtest.h>

namespace jtbd {

namespace {

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
    EXPECT_EQ(errorOf("\n\nThis is just prose without any speaker.\n"),
              "t.txt: line 3: expected a turn starting with a speaker, such as 'Interviewer: …', "
              "but found 'This "
              "is just prose without any speaker.'");
    EXPECT_EQ(errorOf("Maya (00:10): a\n\nHannah (00:61:00): b\n"),
              "t.txt: line 3: timestamp '00:61:00' is out of range");
    EXPECT_EQ(errorOf("Maya (00:10): a\n\nHannah (00:05): b\n"),
              "t.txt: line 3: start time 00:00:05.000 is before the start time 00:00:10.000 of the "
              "turn on line 1");
    EXPECT_EQ(errorOf("Maya: caf\xE9 au lait\n"),
              "t.txt: line 1, column 10: byte 0xE9 is not valid UTF-8; save the file as UTF-8");
    EXPECT_EQ(errorOf("Maya: ok\n\nHannah: \xC3\n"),
              "t.txt: line 3, column 9: byte 0xC3 is not valid UTF-8; save the file as UTF-8");
    EXPECT_EQ(errorOf(" \n\n"), "t.txt: the file is empty");
    EXPECT_EQ(errorOf("Maya:\n\nTom:\n"),
              "t.txt: the file holds no turns ('Speaker: text' paragraphs)");
    EXPECT_EQ(errorOf(std::string("\xFF\xFE") + "M\0a\0", "auto"),
              "t.txt: the file is UTF-16 text, which this version cannot read; save it as UTF-8");
}

TEST(PlainText, FormatIsRecognisedAndUnknownFormatsRefused)
{
    auto t = parseTranscript("Hannah: yes\n\nMaya: no\n", "auto", "t.txt");
    ASSERT_TRUE(t);
    EXPECT_EQ(t->format, "txt");
    auto unknown = parseTranscript("Hannah: yes\n", "docx", "t.txt");
    ASSERT_FALSE(unknown);
    EXPECT_EQ(unknown.error().code, ErrorCode::InvalidArgument);
}

} // namespace jtbd
