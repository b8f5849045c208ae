// Highlight offsets are code points: emoji, CJK and right-to-left text keep quotes exact.
#include "test_support.h"

#include <jtbd/text.h>

#include <gtest/gtest.h>

namespace jtbd {

using namespace test;

TEST(Unicode, HighlightOffsetsAndQuotesStayExact)
{
    TempDir dir;
    const auto path = dir / "u.jtbd";
    Id interviewId = 0;
    std::vector<std::pair<std::string, Id>> expected;
    {
        Study study = expectOk(Study::create(path));
        interviewId = expectOk(study.addInterview(
            {0, {}, {}, "Unicode", "", {}, InterviewStatus::Transcribed, {}, "", "", ""}));
        expectOk(study.setTranscript(
            interviewId,
            {{"Interviewer", SpeakerRole::Interviewer, {}, {}, "How did it feel? 🤔"},
             {"山田",
              SpeakerRole::Participant,
              {},
              {},
              "東京の事務所で、請求書が三ヶ月も遅れた 😤 本当に"},
             {"ليلى",
              SpeakerRole::Participant,
              {},
              {},
              "قالت: الفاتورة متأخرة جدا 👩🏽‍💻 and then I left"}}));
        const std::string text = expectOk(study.interviewText(interviewId));
        // Each quote is located by its bytes, then stored by code points.
        for (const std::string quote :
             {"🤔", "請求書が三ヶ月も遅れた 😤", "الفاتورة متأخرة", "👩🏽‍💻 and then"}) {
            const auto at = text.find(quote);
            ASSERT_NE(at, std::string::npos) << quote;
            Highlight h;
            h.interviewId = interviewId;
            h.start = codePointCount(std::string_view(text).substr(0, at));
            h.end = h.start + codePointCount(quote);
            h.codeIds = {codeId(study, "push")};
            expected.emplace_back(quote, expectOk(study.addHighlight(h)));
        }
    }
    Study study = expectOk(Study::open(path));
    for (const auto &[quote, id] : expected)
        EXPECT_EQ(expectOk(study.highlight(id)).quote, quote);
    // The emoji at the end of the first turn is code point 17: offsets are not bytes or UTF-16
    // units.
    EXPECT_EQ(expectOk(study.highlight(expected[0].second)).start, 17);
    const auto turns = expectOk(study.turns(interviewId));
    EXPECT_EQ(turns[1].textStart, 19);
    EXPECT_EQ(turns[1].speaker, "山田");
    EXPECT_EQ(expectOk(study.checkIntegrity()), std::vector<std::string>{});
}

TEST(Unicode, ParticipantAndCodeNamesKeepTheirCharacters)
{
    TempDir dir;
    Study study = expectOk(Study::create(dir / "u.jtbd"));
    Participant p;
    p.code = "P-ü1";
    p.name = "Søren Ødegård";
    p.attributes = {{"città", "Zürich"}, {"言語", "日本語"}};
    p.id = expectOk(study.addParticipant(p));
    EXPECT_EQ(expectOk(study.participant(p.id)), p);
    Code c;
    c.name = "Ärger über Mahnungen";
    const Id id = expectOk(study.addCode(c));
    EXPECT_EQ(expectOk(study.code(id)).key,
              "Ärger-über-mahnungen"); // ASCII lower-cased, other letters kept
}

} // namespace jtbd
