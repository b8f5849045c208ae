// UTF-16 positions and code-point offsets: emoji, CJK, combining marks, right-to-left text.
#include <jtbd/text.h>

#include <QList>

#include <app/text_offsets.h>
#include <gtest/gtest.h>

namespace jtbd::test {
namespace {

using app::TextOffsets;

// The reference: code points in the UTF-16 prefix, counted the slow way.
std::int64_t slowCodePoints(const QString &text, qsizetype utf16)
{
    return static_cast<std::int64_t>(QStringView(text).left(utf16).toUcs4().size());
}

TEST(TextOffsets, AsciiIsTheIdentity)
{
    const QString text = QStringLiteral("The brewery paid 94 days late.\nOverdraft.");
    TextOffsets offsets(text);
    EXPECT_EQ(offsets.codePointLength(), text.size());
    for (qsizetype i = 0; i <= text.size(); ++i) {
        EXPECT_EQ(offsets.toCodePoint(i), i);
        EXPECT_EQ(offsets.toUtf16(i), i);
    }
}

TEST(TextOffsets, SurrogatePairsCountAsOneCodePoint)
{
    const QString text = QStringLiteral("a\U0001F600b");
    TextOffsets offsets(text);
    ASSERT_EQ(text.size(), 4);
    EXPECT_EQ(offsets.codePointLength(), 3);
    EXPECT_EQ(offsets.toCodePoint(0), 0);
    EXPECT_EQ(offsets.toCodePoint(1), 1);
    EXPECT_TRUE(offsets.insidePair(2));
    EXPECT_EQ(offsets.toCodePoint(2, TextOffsets::Snap::Down), 1);
    EXPECT_EQ(offsets.toCodePoint(2, TextOffsets::Snap::Up), 2);
    EXPECT_EQ(offsets.toCodePoint(3), 2);
    EXPECT_EQ(offsets.toCodePoint(4), 3);
    EXPECT_EQ(offsets.toUtf16(0), 0);
    EXPECT_EQ(offsets.toUtf16(1), 1);
    EXPECT_EQ(offsets.toUtf16(2), 3);
    EXPECT_EQ(offsets.toUtf16(3), 4);
}

TEST(TextOffsets, ASelectionEndingInsideAPairSnapsOutward)
{
    const QString text = QStringLiteral("x\U0001F680\U0001F680y"); // x🚀🚀y
    TextOffsets offsets(text);
    // From inside the first rocket to inside the second: both rockets.
    const auto range = offsets.toCodePoints(2, 4);
    EXPECT_EQ(range.start, 1);
    EXPECT_EQ(range.end, 3);
    // Reversed ends are ordered.
    const auto reversed = offsets.toCodePoints(4, 2);
    EXPECT_EQ(reversed.start, 1);
    EXPECT_EQ(reversed.end, 3);
}

TEST(TextOffsets, MixedScriptsMatchTheSlowCountEverywhere)
{
    // Emoji with skin tone and a family (ZWJ sequence), a flag (two regional indicators), CJK,
    // Arabic, Hebrew, combining marks, and a supplementary CJK ideograph.
    const QString text = QString::fromUtf8(
        "Sure 👍🏽 — 家族 👨‍👩‍👧 🇯🇵 日本語のテキスト\n"
        "قالت: «كان الأمر صعبًا» 😅 and שלום\n"
        "Cafe\xcc\x81 nai\xcc\x88ve 𠀋𠀋 end");
    TextOffsets offsets(text);
    const std::string utf8 = text.toStdString();
    EXPECT_EQ(offsets.codePointLength(), codePointCount(utf8));
    EXPECT_EQ(offsets.utf16Length(), text.size());
    for (qsizetype i = 0; i <= text.size(); ++i) {
        if (offsets.insidePair(i)) {
            EXPECT_EQ(offsets.toCodePoint(i, TextOffsets::Snap::Down), slowCodePoints(text, i - 1));
            EXPECT_EQ(offsets.toCodePoint(i, TextOffsets::Snap::Up), slowCodePoints(text, i + 1));
            continue;
        }
        const auto cp = offsets.toCodePoint(i);
        EXPECT_EQ(cp, slowCodePoints(text, i)) << "at UTF-16 position " << i;
        EXPECT_EQ(offsets.toUtf16(cp), i) << "round trip of " << i;
    }
    // Each code-point slice of the UTF-8 text is the same text as the UTF-16 slice.
    const auto rocket = text.indexOf(QStringLiteral("😅"));
    const auto range = offsets.toCodePoints(rocket, rocket + 2);
    EXPECT_EQ(std::string(*codePointSlice(utf8, range.start, range.end)), "😅");
    const auto arabic = text.indexOf(QStringLiteral("كان"));
    const auto arabicRange = offsets.toCodePoints(arabic, arabic + 3);
    EXPECT_EQ(std::string(*codePointSlice(utf8, arabicRange.start, arabicRange.end)), "كان");
}

TEST(TextOffsets, PositionsOutsideTheTextAreClamped)
{
    const QString text = QStringLiteral("日本\U0001F600");
    TextOffsets offsets(text);
    EXPECT_EQ(offsets.toCodePoint(-5), 0);
    EXPECT_EQ(offsets.toCodePoint(100), 3);
    EXPECT_EQ(offsets.toUtf16(-1), 0);
    EXPECT_EQ(offsets.toUtf16(100), 4);
}

TEST(TextOffsets, EmptyText)
{
    TextOffsets offsets{QString()};
    EXPECT_EQ(offsets.codePointLength(), 0);
    EXPECT_EQ(offsets.toCodePoint(0), 0);
    EXPECT_EQ(offsets.toUtf16(0), 0);
}

} // namespace
} // namespace jtbd::test
