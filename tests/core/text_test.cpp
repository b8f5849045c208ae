// UTF-8 code-point arithmetic, decoding, CSV fields and date validation.
#include <jtbd/csv.h>
#include <jtbd/model.h>
#include <jtbd/text.h>

#include <gtest/gtest.h>

namespace jtbd {

TEST(Text, CountsCodePointsNotBytes)
{
    EXPECT_EQ(codePointCount("abc"), 3);
    EXPECT_EQ(codePointCount("café"), 4);
    EXPECT_EQ(codePointCount("東京"), 2);
    EXPECT_EQ(codePointCount("👍🏽"), 2); // thumbs up + skin tone modifier
    EXPECT_EQ(codePointCount("مرحبا"), 5);
}

TEST(Text, SlicesByCodePoints)
{
    const std::string text = "I 💙 東京 and مرحبا!";
    EXPECT_EQ(codePointSlice(text, 2, 3), "💙");
    EXPECT_EQ(codePointSlice(text, 4, 6), "東京");
    EXPECT_EQ(codePointSlice(text, 11, 16), "مرحبا");
    EXPECT_EQ(codePointSlice(text, 16, 17), "!");
    EXPECT_EQ(codePointSlice(text, 17, 17), "");
    EXPECT_EQ(codePointSlice(text, 16, 18), std::nullopt);
    EXPECT_EQ(codePointSlice(text, 3, 2), std::nullopt);
}

TEST(Text, FindsInvalidUtf8)
{
    EXPECT_EQ(findInvalidUtf8("plain ascii"), std::nullopt);
    EXPECT_EQ(findInvalidUtf8("caf\xC3\xA9"), std::nullopt);
    EXPECT_EQ(findInvalidUtf8("caf\xE9 au lait"), 3U);  // Windows-1252 é
    EXPECT_EQ(findInvalidUtf8("ab\xC0\xAF"), 2U);       // overlong '/'
    EXPECT_EQ(findInvalidUtf8("x\xED\xA0\x80"), 1U);    // UTF-16 surrogate
    EXPECT_EQ(findInvalidUtf8("end\xE6\x9D"), 3U);      // cut short
    EXPECT_EQ(findInvalidUtf8("\xF4\x90\x80\x80"), 0U); // beyond U+10FFFF
}

TEST(Text, CountsWordsBetweenWhitespace)
{
    EXPECT_EQ(wordCount(""), 0);
    EXPECT_EQ(wordCount("  one\ttwo\nthree  "), 3);
    EXPECT_EQ(wordCount("don't stop-start"), 2);
}

TEST(Text, FormatsMilliseconds)
{
    EXPECT_EQ(formatMs(0), "00:00:00.000");
    EXPECT_EQ(formatMs(3723004), "01:02:03.004");
}

TEST(Text, AcceptsOnlyRealPartialDates)
{
    EXPECT_TRUE(isPartialDate(""));
    EXPECT_TRUE(isPartialDate("2026"));
    EXPECT_TRUE(isPartialDate("2026-03"));
    EXPECT_TRUE(isPartialDate("2024-02-29"));
    EXPECT_FALSE(isPartialDate("2026-02-29"));
    EXPECT_FALSE(isPartialDate("2026-13"));
    EXPECT_FALSE(isPartialDate("2026-04-31"));
    EXPECT_FALSE(isPartialDate("26-04-01"));
    EXPECT_FALSE(isPartialDate("last spring"));
}

TEST(Text, DecodesAndEncodesCodePoints)
{
    const std::string text = "café 東京 👍🏽";
    const std::u32string points = decodeUtf8(text);
    EXPECT_EQ(static_cast<std::int64_t>(points.size()), codePointCount(text));
    EXPECT_EQ(points[3], U'é');
    EXPECT_EQ(encodeUtf8(points), text);
    // An invalid byte reads as U+FFFD; a value that is not a code point is left out.
    EXPECT_EQ(decodeUtf8("a\xFF"
                         "b"),
              std::u32string(U"a\uFFFDb"));
    std::string out;
    appendUtf8(out, static_cast<char32_t>(0xD800));
    appendUtf8(out, static_cast<char32_t>(0x110000));
    EXPECT_EQ(out, "");
}

TEST(Text, WordCharactersAreLettersDigitsAndMarks)
{
    EXPECT_TRUE(isWordCharacter(U'a'));
    EXPECT_TRUE(isWordCharacter(U'7'));
    EXPECT_TRUE(isWordCharacter(U'東'));
    EXPECT_TRUE(isWordCharacter(U'\u0301')); // combining acute accent
    EXPECT_FALSE(isWordCharacter(U' '));
    EXPECT_FALSE(isWordCharacter(U'-'));
    EXPECT_FALSE(isWordCharacter(U'\''));
}

TEST(Csv, QuotesOnlyTheFieldsThatNeedIt)
{
    EXPECT_EQ(csvField("plain text"), "plain text");
    EXPECT_EQ(csvField("=SUM(A1)"), "=SUM(A1)"); // written as it is
    EXPECT_EQ(csvField("a, b"), "\"a, b\"");
    EXPECT_EQ(csvField("she said \"fine\""), "\"she said \"\"fine\"\"\"");
    EXPECT_EQ(csvField("two\nlines"), "\"two\nlines\"");
    EXPECT_EQ(csvField("cr\r"), "\"cr\r\"");

    std::string out;
    appendCsvRow(out, {"id", "quote", ""});
    appendCsvRow(out, {"1", "yes, \"really\"", "x"});
    EXPECT_EQ(out, "id,quote,\r\n1,\"yes, \"\"really\"\"\",x\r\n");
    const auto table = parseCsv(out);
    ASSERT_TRUE(table);
    ASSERT_EQ(table->rows.size(), 1U);
    EXPECT_EQ(table->rows[0][1], "yes, \"really\"");
}

} // namespace jtbd
