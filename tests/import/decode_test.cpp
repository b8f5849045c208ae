// Decoding transcript bytes: byte-order marks, UTF-16, line endings, the Windows-1252 fallback, and
// files that are not text at all.
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

std::string errorOf(const std::string &bytes)
{
    auto result = parseTranscript(bytes, "auto", "t.txt");
    if (result) {
        ADD_FAILURE() << "expected an error";
        return {};
    }
    EXPECT_EQ(result.error().code, ErrorCode::BadInput);
    return result.error().message;
}

const Turns vttTurns = {turn("Zoë", 1000, 2000, "Café, naïve — “quoted”."),
                        turn("Maya", 2000, 3500, "日本語 😀 ok")};
const Turns txtTurns = {turn("Zoë", {}, {}, "Café, naïve — “quoted”."),
                        turn("Maya", {}, {}, "日本語 😀 ok")};

} // namespace

TEST(Decode, Utf8WithAByteOrderMark)
{
    const auto t = parsedFixture("encoding/utf8_bom.vtt", "vtt");
    EXPECT_EQ(t.turns, vttTurns);
    EXPECT_TRUE(t.warnings.empty());
    const auto decoded = decodeText(fixture("encoding/utf8_bom.vtt"));
    ASSERT_TRUE(decoded);
    EXPECT_EQ(decoded->encoding, "UTF-8");
    EXPECT_EQ(decoded->text.substr(0, 7), "WEBVTT\n");
}

TEST(Decode, Utf16LittleEndianWithAByteOrderMark)
{
    const auto t = parsedFixture("encoding/utf16le.txt", "txt");
    EXPECT_EQ(t.turns, txtTurns);
    EXPECT_TRUE(t.warnings.empty());
    const auto decoded = decodeText(fixture("encoding/utf16le.txt"));
    ASSERT_TRUE(decoded);
    EXPECT_EQ(decoded->encoding, "UTF-16LE");
    EXPECT_EQ(decoded->text, "Zoë: Café, naïve — “quoted”.\n\nMaya: 日本語 😀 ok\n");
}

TEST(Decode, Utf16BigEndianWithAByteOrderMark)
{
    const auto t = parsedFixture("encoding/utf16be.vtt", "vtt");
    EXPECT_EQ(t.turns, vttTurns);
    EXPECT_TRUE(t.warnings.empty());
    EXPECT_EQ(decodeText(fixture("encoding/utf16be.vtt"))->encoding, "UTF-16BE");
}

TEST(Decode, Utf16WithoutAByteOrderMarkIsReadWithAWarning)
{
    const auto t = parsedFixture("encoding/utf16le_no_bom.txt", "txt");
    EXPECT_EQ(t.turns, txtTurns);
    EXPECT_EQ(t.warnings,
              Warnings{"the file has no byte-order mark but looks like UTF-16LE text, so it was "
                       "read as UTF-16LE"});
}

TEST(Decode, CrlfLineEnds)
{
    const auto t = parsedFixture("encoding/crlf.srt", "srt");
    EXPECT_EQ(t.turns,
              (Turns{turn("Zoë", 1000, 2000, "Café."),
                     turn("Maya", 2000, 3000, "Ok."),
                     turn("Zoë", 3000, 4000, "Bye."),
                     turn("Maya", 4000, 5000, "Bye.")}));
    EXPECT_TRUE(t.warnings.empty());
}

TEST(Decode, CrLineEnds)
{
    const auto t = parsedFixture("encoding/cr.txt", "txt");
    EXPECT_EQ(
        t.turns,
        (Turns{turn("Zoë", {}, {}, "Café, line one.\nLine two."), turn("Maya", {}, {}, "Ok.")}));
    EXPECT_EQ(decodeText("a\r\nb\rc\n\rd")->text, "a\nb\nc\n\nd");
}

TEST(Decode, Windows1252IsTheFallbackAndTheWarningSaysSo)
{
    const auto t = parsedFixture("encoding/windows1252.txt", "txt");
    EXPECT_EQ(t.turns,
              (Turns{turn("Zoë", {}, {}, "Café – “quoted” for 5€."), turn("Maya", {}, {}, "Ok.")}));
    EXPECT_EQ(t.warnings,
              Warnings{"the file is not valid UTF-8 (line 1, column 3: byte 0xEB), so it was "
                       "read as Windows-1252; check that accented letters and quotes came out "
                       "right"});
    const auto decoded = decodeText(fixture("encoding/windows1252.txt"));
    ASSERT_TRUE(decoded);
    EXPECT_EQ(decoded->encoding, "Windows-1252");
    // The five bytes Windows-1252 leaves undefined become the C1 controls of the same number.
    EXPECT_EQ(decodeText("\x81\x8D\x8F\x90\x9D")->text, "\u0081\u008D\u008F\u0090\u009D");
}

TEST(Decode, StrayBytesInUtf8AreReadAsWindows1252AndTheRestStaysUtf8)
{
    const auto t = parsedFixture("encoding/mixed_utf8_windows1252.txt", "txt");
    EXPECT_EQ(
        t.turns,
        (Turns{turn("Zoë", {}, {}, "café and “quotes” “pasted”."), turn("Maya", {}, {}, "Ok.")}));
    EXPECT_EQ(t.warnings,
              Warnings{"the file is not valid UTF-8 (line 1, column 9: byte 0xE9), so the bytes "
                       "that are not UTF-8 were read as Windows-1252; check that accented letters "
                       "and quotes came out right"});
}

TEST(Decode, WarningsOfDecodingComeBeforeThoseOfTheParser)
{
    auto t = parseTranscript("Zo\xEB: Hi.\n\nMaya:\n", "auto", "t.txt");
    ASSERT_TRUE(t);
    ASSERT_EQ(t->warnings.size(), 2U);
    EXPECT_NE(t->warnings[0].find("Windows-1252"), std::string::npos);
    EXPECT_EQ(t->warnings[1], "skipped 1 turn with a speaker but no text");
}

TEST(Decode, FilesThatCannotBeReadAsTextAreRefused)
{
    EXPECT_EQ(errorOf(std::string("\xFF\xFEM\0a\0y", 7)),
              "t.txt: the UTF-16 text ends in the middle of a character (the file has an odd "
              "number of bytes); it may be cut short");
    EXPECT_EQ(errorOf(std::string("\xFF\xFEM\0\n\0\x3D\xD8x\0", 10)),
              "t.txt: line 2: the UTF-16 text holds half of a character (code unit 0xD83D "
              "without its pair); the file is damaged");
    EXPECT_EQ(errorOf(std::string("Maya: hi\n\0\0\x01 there", 15)),
              "t.txt: line 2, column 1: the file holds a NUL byte, so it is not a text file");
    // A ZIP is read as a Word document; one cut short says so.
    EXPECT_EQ(errorOf(std::string("PK\x03\x04\x14\0\x06\0", 8)),
              "t.txt: the Word document is damaged (Not a zip archive)");
    EXPECT_EQ(errorOf("%PDF-1.7\n"),
              "t.txt: the file is a PDF document, not plain text; save the transcript as text "
              "(.txt, .vtt or .srt) and import that");
    EXPECT_EQ(errorOf("{\\rtf1\\ansi Maya: hi}"),
              "t.txt: the file is an RTF document, not plain text; save the transcript as text "
              "(.txt, .vtt or .srt) and import that");
    EXPECT_EQ(errorOf(std::string("\xFF\xFE\0\0M\0\0\0", 8)),
              "t.txt: the file is UTF-32 text, which this program cannot read; save it as UTF-8");
    EXPECT_EQ(errorOf("\xEF\xBB\xBF \r\n"), "t.txt: the file is empty");
}

TEST(Decode, EveryEncodingFixtureIsRecognisedByItsContent)
{
    for (const auto &entry : std::filesystem::directory_iterator(fixtures / "encoding")) {
        const auto name = "encoding/" + entry.path().filename().string();
        auto result = parseTranscript(fixture(name), "auto", name);
        ASSERT_TRUE(result) << name << ": " << result.error().message;
        EXPECT_EQ(result->format, entry.path().extension().string().substr(1)) << name;
    }
}

} // namespace jtbd
