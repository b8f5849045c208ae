// Full-text search: hits, ranking, offsets, snippets, filters, the index in step, bad searches.
#include "test_support.h"

#include <jtbd/importer.h>
#include <jtbd/search.h>
#include <jtbd/study.h>
#include <jtbd/text.h>

#include <algorithm>
#include <gtest/gtest.h>
#include <map>
#include <sstream>

namespace jtbd {

using namespace test;
namespace fs = std::filesystem;

namespace {

// Three interviews with accents, an emoji, CJK text, a line break inside a turn, a word inside
// another ("late" in "template"), and highlights coded push and with a custom code under pull.
class Search : public ::testing::Test
{
protected:
    void SetUp() override
    {
        path = dir / "search.jtbd";
        study = std::make_unique<Study>(expectOk(Study::create(path)));
        Participant hannah;
        hannah.code = "P01";
        hannah.attributes = {{"region", "Leeds"}};
        p01 = expectOk(study->addParticipant(hannah));
        Participant yuki;
        yuki.code = "P02";
        yuki.attributes = {{"region", "Kyoto"}};
        p02 = expectOk(study->addParticipant(yuki));
        Participant nobody;
        nobody.code = "P03";
        expectOk(study->addParticipant(nobody));

        cafe = addInterview("Café chat", p01);
        expectOk(study->setTranscript(
            cafe,
            {{"Maya",
              SpeakerRole::Interviewer,
              0,
              {},
              "When did you first think about cancelling?"},
             {"Hannah",
              SpeakerRole::Participant,
              4000,
              {},
              "I cancelled the old spreadsheet in March. The café owner 😀 said the invoice was "
              "late, so I cancelled it again."},
             {"Maya",
              SpeakerRole::Interviewer,
              9000,
              {},
              "What happened with the naïve invoice template?"},
             {"Hannah",
              SpeakerRole::Participant,
              12000,
              {},
              "Honestly the spreadsheet was fine\nuntil the late invoices piled up."}}));
        tokyo = addInterview("Tokyo office", p02);
        expectOk(study->setTranscript(
            tokyo,
            {{"Tom", SpeakerRole::Interviewer, {}, {}, "Tell me about Tokyo."},
             {"Yuki",
              SpeakerRole::Participant,
              61000,
              {},
              "東京 の オフィス で 🚀 spreadsheet を 使って いました. Then I switched to "
              "Tallybird."}}));
        resume = addInterview("Résumé", std::nullopt);
        expectOk(study->setTranscript(
            resume,
            {{"Sam", SpeakerRole::Unknown, 3723000, {}, "Résumé review: the RESUME was late."}}));
        std::string words;
        for (int i = 1; i <= 41; ++i)
            words +=
                (i > 1 ? " " : "") + (i == 21 ? std::string("needle") : "w" + std::to_string(i));
        longOne = addInterview("Long answer", p02);
        expectOk(
            study->setTranscript(longOne, {{"Yuki", SpeakerRole::Participant, {}, {}, words}}));

        cafeTurns = expectOk(study->turns(cafe));
        tokyoTurns = expectOk(study->turns(tokyo));
        resumeTurns = expectOk(study->turns(resume));

        // "I cancelled the old spreadsheet" (turn 2) is push; "template?\nHonestly", across
        // turns 3 and 4, carries a custom code nested under pull.
        Code pain;
        pain.name = "Spreadsheet pain";
        pain.parentId = codeId(*study, "pull");
        painCode = expectOk(study->addCode(pain));
        Highlight push;
        push.interviewId = cafe;
        push.start = 43;
        push.end = 74;
        push.codeIds = {codeId(*study, "push")};
        expectOk(study->addHighlight(push));
        Highlight across;
        across.interviewId = cafe;
        across.start = 191;
        across.end = 209;
        across.codeIds = {painCode};
        expectOk(study->addHighlight(across));
    }

    Id addInterview(const std::string &title, std::optional<Id> participant)
    {
        Interview interview;
        interview.title = title;
        interview.participantId = participant;
        return expectOk(study->addInterview(interview));
    }

    std::vector<SearchHit> find(const std::string &text, SearchQuery query = {})
    {
        query.text = text;
        return expectOk(study->search(query), text.c_str());
    }

    // The turns found, in the order found.
    std::vector<Id> turnsFound(const std::string &text, SearchQuery query = {})
    {
        std::vector<Id> ids;
        for (const auto &hit : find(text, std::move(query)))
            ids.push_back(hit.turnId);
        return ids;
    }

    std::vector<Id> sorted(std::vector<Id> ids)
    {
        std::sort(ids.begin(), ids.end());
        return ids;
    }

    std::string rejection(const std::string &text)
    {
        SearchQuery query;
        query.text = text;
        auto hits = study->search(query);
        if (hits) {
            ADD_FAILURE() << "accepted: " << text;
            return "";
        }
        EXPECT_EQ(hits.error().code, ErrorCode::InvalidArgument) << text;
        return hits.error().message;
    }

    // FTS5's bm25() for an FTS5 expression, by turn id, as another connection reads it (negated:
    // bm25() gives better matches lower numbers).
    std::map<Id, double> bm25(const std::string &expression)
    {
        std::map<Id, double> scores;
        std::istringstream rows(sqlite(path,
                                       "SELECT rowid, -bm25(turn_search) FROM turn_search WHERE "
                                       "turn_search MATCH '"
                                           + expression + "'"));
        std::string row;
        while (std::getline(rows, row))
            scores[std::stoll(row.substr(0, row.find('|')))] =
                std::stod(row.substr(row.find('|') + 1));
        return scores;
    }

    void expectBm25(const std::vector<SearchHit> &hits, const std::string &expression)
    {
        const auto scores = bm25(expression);
        ASSERT_EQ(hits.size(), scores.size()) << expression;
        for (const auto &hit : hits) {
            ASSERT_TRUE(scores.contains(hit.turnId)) << hit.turnId;
            EXPECT_NEAR(hit.score, scores.at(hit.turnId), 1e-12) << hit.turnId;
        }
    }

    // FTS5's own check of the index against the turn table, by another connection.
    void expectIndexInStep()
    {
        EXPECT_NO_THROW(sqlite(
            path, "INSERT INTO turn_search (turn_search, rank) VALUES ('integrity-check', 1)"));
        EXPECT_EQ(sqlite(path, "SELECT count(*) FROM turn_search_docsize"),
                  sqlite(path, "SELECT count(*) FROM turn"));
    }

    TempDir dir;
    fs::path path;
    std::unique_ptr<Study> study;
    Id p01 = 0;
    Id p02 = 0;
    Id cafe = 0;
    Id tokyo = 0;
    Id resume = 0;
    Id longOne = 0;
    Id painCode = 0;
    std::vector<Turn> cafeTurns;
    std::vector<Turn> tokyoTurns;
    std::vector<Turn> resumeTurns;
};

} // namespace

TEST_F(Search, AWordFindsEveryTurnWithItShortestFirst)
{
    const auto hits = find("spreadsheet");
    ASSERT_EQ(hits.size(), 3U);
    // One match each, so the shorter turn ranks higher (11, 13 and 20 words).
    SearchHit first;
    first.interviewId = cafe;
    first.interviewTitle = "Café chat";
    first.participantCode = "P01";
    first.turnId = cafeTurns[3].id;
    first.speaker = "Hannah";
    first.role = SpeakerRole::Participant;
    first.startMs = 12000;
    first.start = 214;
    first.end = 225;
    first.snippet = "Honestly the «spreadsheet» was fine until the late invoices piled up.";
    first.score = hits[0].score;
    EXPECT_EQ(hits[0], first);

    EXPECT_EQ(hits[1].interviewId, tokyo);
    EXPECT_EQ(hits[1].interviewTitle, "Tokyo office");
    EXPECT_EQ(hits[1].participantCode, "P02");
    EXPECT_EQ(hits[1].turnId, tokyoTurns[1].id);
    EXPECT_EQ(hits[1].speaker, "Yuki");
    EXPECT_EQ(hits[1].startMs, 61000);
    EXPECT_EQ(hits[1].start, 35);
    EXPECT_EQ(hits[1].end, 46);
    EXPECT_EQ(
        hits[1].snippet,
        "東京 の オフィス で 🚀 «spreadsheet» を 使って いました. Then I switched to Tallybird.");

    EXPECT_EQ(hits[2].turnId, cafeTurns[1].id);
    EXPECT_EQ(hits[2].start, 63);
    EXPECT_EQ(hits[2].end, 74);
    // Twelve words either side of the match: the text goes on after "I".
    EXPECT_EQ(hits[2].snippet,
              "I cancelled the old «spreadsheet» in March. The café owner 😀 said the invoice "
              "was late, so I…");

    EXPECT_GT(hits[0].score, hits[1].score);
    EXPECT_GT(hits[1].score, hits[2].score);
    for (const auto &hit : hits)
        EXPECT_EQ(
            codePointSlice(expectOk(study->interviewText(hit.interviewId)), hit.start, hit.end),
            "spreadsheet");
}

TEST_F(Search, ScoresAreFts5sBm25)
{
    // A prefix of four letters or more is searched as the words it stands for, each scored as
    // a word of its own; a shorter one as FTS5's prefix.
    expectBm25(find("spreadsheet OR cancel*"),
               "\"spreadsheet\" OR (\"cancelled\" OR \"cancelling\")");
    expectBm25(find("spreadsheet OR can*"), "\"spreadsheet\" OR \"can\"*");
    expectBm25(find("\"invoice was late\" OR naive OR tokyo"),
               "\"invoice was late\" OR \"naive\" OR \"tokyo\"");
    // A filter leaves the scores as they are over the whole study.
    const auto all = bm25("\"spreadsheet\"");
    for (const auto &hit : find("spreadsheet", {.participantCode = "P01"}))
        EXPECT_NEAR(hit.score, all.at(hit.turnId), 1e-12);
}

TEST_F(Search, ManyMatchesAreScoredTheSame)
{
    // Past a few thousand matches the lengths of all turns are read at once: by id while the ids
    // are dense, as sorted pairs once one is far off.
    const Id many = addInterview("Many turns", p01);
    std::vector<TurnInput> turns;
    for (int i = 0; i < 3500; ++i)
        turns.push_back({"Sam",
                         SpeakerRole::Participant,
                         {},
                         {},
                         "needle" + std::string(static_cast<std::size_t>(i % 7), '!')
                             + std::string(" hay").append(static_cast<std::size_t>(i % 5) * 4, ' ')
                             + (i % 3 == 0 ? " needle" : "")});
    expectOk(study->setTranscript(many, turns));
    expectBm25(find("needle", {.limit = 5000}), "\"needle\"");
    const std::string end =
        sqlite(path, "SELECT max(text_end) FROM turn WHERE interview_id = " + std::to_string(many));
    sqlite(path,
           "INSERT INTO turn (id, interview_id, ord, speaker, role, text_start, text_end, text) "
           "VALUES (10000000, "
               + std::to_string(many) + ", 3500, 'Sam', 'participant', " + end + " + 1, " + end
               + " + 14, 'needle needle')");
    const auto hits = find("needle", {.limit = 5000});
    expectBm25(hits, "\"needle\"");
    EXPECT_EQ(hits.front().turnId, 10000000);
    EXPECT_EQ(hits.front().snippet, "«needle» «needle»");
    EXPECT_EQ(find("needle", {.role = SpeakerRole::Participant, .limit = 5000}).size(),
              hits.size());
}

TEST_F(Search, OffsetsCountCodePointsPastEmojiAndCjk)
{
    // 78 code points but 113 bytes into the interview text: CJK takes 3 bytes, the emoji 4.
    const auto hits = find("Tallybird");
    ASSERT_EQ(hits.size(), 1U);
    EXPECT_EQ(hits[0].start, 78);
    EXPECT_EQ(hits[0].end, 87);
    EXPECT_EQ(
        hits[0].snippet,
        "東京 の オフィス で 🚀 spreadsheet を 使って いました. Then I switched to «Tallybird».");

    const auto cjk = find("東京");
    ASSERT_EQ(cjk.size(), 1U);
    EXPECT_EQ(cjk[0].start, 21);
    EXPECT_EQ(cjk[0].end, 23);
    EXPECT_EQ(
        cjk[0].snippet,
        "«東京» の オフィス で 🚀 spreadsheet を 使って いました. Then I switched to Tallybird.");
}

TEST_F(Search, AccentsAndCaseAreIgnored)
{
    const auto cafeHits = find("cafe");
    ASSERT_EQ(cafeHits.size(), 1U);
    EXPECT_EQ(cafeHits[0].start, 89);
    EXPECT_EQ(cafeHits[0].end, 93);
    EXPECT_NE(cafeHits[0].snippet.find("The «café» owner"), std::string::npos);

    const auto naive = find("NAIVE");
    ASSERT_EQ(naive.size(), 1U);
    EXPECT_EQ(naive[0].start, 177);
    EXPECT_EQ(naive[0].end, 182);
    EXPECT_EQ(naive[0].snippet, "What happened with the «naïve» invoice template?");

    const auto resumes = find("résumé");
    ASSERT_EQ(resumes.size(), 1U);
    EXPECT_EQ(resumes[0].start, 0);
    EXPECT_EQ(resumes[0].end, 6);
    EXPECT_EQ(resumes[0].snippet, "«Résumé» review: the «RESUME» was late.");
    EXPECT_EQ(resumes[0].role, SpeakerRole::Unknown);
    EXPECT_EQ(resumes[0].participantCode, "");
    EXPECT_EQ(resumes[0].startMs, 3723000);
    EXPECT_EQ(find("resume"), resumes);
}

TEST_F(Search, WordsAreWholeWords)
{
    // "template" holds "late" but is another word.
    EXPECT_EQ(sorted(turnsFound("late")),
              sorted({cafeTurns[1].id, cafeTurns[3].id, resumeTurns[0].id}));
    // No stemming: "invoices" is not "invoice".
    EXPECT_EQ(sorted(turnsFound("invoice")), sorted({cafeTurns[1].id, cafeTurns[2].id}));
}

TEST_F(Search, PhrasesAreMarkedWhole)
{
    const auto hits = find("\"invoice was late\"");
    ASSERT_EQ(hits.size(), 1U);
    EXPECT_EQ(hits[0].turnId, cafeTurns[1].id);
    EXPECT_EQ(hits[0].start, 111);
    EXPECT_EQ(hits[0].end, 127);
    EXPECT_EQ(hits[0].snippet,
              "I cancelled the old spreadsheet in March. The café owner 😀 said the «invoice was "
              "late», so I cancelled it again.");
    // Across the line break inside a turn.
    const auto broken = find("\"fine until\"");
    ASSERT_EQ(broken.size(), 1U);
    EXPECT_EQ(broken[0].start, 230);
    EXPECT_EQ(broken[0].end, 240);
    EXPECT_EQ(broken[0].snippet,
              "Honestly the spreadsheet was «fine until» the late invoices piled up.");
    EXPECT_EQ(turnsFound("\"late invoice\""), std::vector<Id>{});
}

TEST_F(Search, PrefixesMatchWholeWords)
{
    const auto hits = find("cancel*");
    ASSERT_EQ(hits.size(), 2U);
    // One match in 7 words outranks two in 20.
    EXPECT_EQ(hits[0].turnId, cafeTurns[0].id);
    EXPECT_EQ(hits[0].start, 31);
    EXPECT_EQ(hits[0].end, 41);
    EXPECT_EQ(hits[0].snippet, "When did you first think about «cancelling»?");
    EXPECT_EQ(hits[1].turnId, cafeTurns[1].id);
    EXPECT_EQ(hits[1].start, 45);
    EXPECT_EQ(hits[1].end, 54);
    // The second "cancelled" is more than twelve words after the first, outside the snippet.
    EXPECT_EQ(hits[1].snippet,
              "I «cancelled» the old spreadsheet in March. The café owner 😀 said the invoice "
              "was…");
    EXPECT_EQ(turnsFound("\"the old spr\"*"), std::vector<Id>{cafeTurns[1].id});
    EXPECT_EQ(find("\"the old spr\"*")[0].snippet,
              "I cancelled «the old spreadsheet» in March. The café owner 😀 said the invoice "
              "was late, so I…");
}

TEST_F(Search, APrefixOfManyWordsIsFts5s)
{
    std::string text;
    for (int i = 10; i < 30; ++i)
        text += "quill" + std::to_string(i) + " ";
    expectOk(study->setTranscript(resume, {{"Sam", SpeakerRole::Participant, {}, {}, text}}));
    const auto hits = find("quill*");
    ASSERT_EQ(hits.size(), 1U);
    EXPECT_EQ(hits[0].start, 0);
    EXPECT_EQ(hits[0].end, 7);
    // Every word in the snippet matches: thirteen of them, then the text goes on.
    std::string snippet;
    for (int i = 10; i <= 22; ++i)
        snippet += (i > 10 ? " «quill" : "«quill") + std::to_string(i) + "»";
    EXPECT_EQ(hits[0].snippet, snippet + "…");
    expectBm25(hits, "\"quill\"*");
    EXPECT_EQ(find("zebra*"), std::vector<SearchHit>{});
}

TEST_F(Search, AndOrNotAndParentheses)
{
    const std::vector<Id> both = sorted({cafeTurns[1].id, cafeTurns[3].id});
    EXPECT_EQ(sorted(turnsFound("spreadsheet late")), both);
    EXPECT_EQ(sorted(turnsFound("spreadsheet AND late")), both);
    EXPECT_EQ(sorted(turnsFound("Tokyo OR Tallybird")),
              sorted({tokyoTurns[0].id, tokyoTurns[1].id}));
    EXPECT_EQ(sorted(turnsFound("spreadsheet NOT café")),
              sorted({cafeTurns[3].id, tokyoTurns[1].id}));
    EXPECT_EQ(turnsFound("spreadsheet NOT (café OR Tallybird)"), std::vector<Id>{cafeTurns[3].id});
    // NOT binds tighter than OR: invoice OR (spreadsheet NOT late).
    EXPECT_EQ(sorted(turnsFound("invoice OR spreadsheet NOT late")),
              sorted({cafeTurns[1].id, cafeTurns[2].id, tokyoTurns[1].id}));
    EXPECT_EQ(sorted(turnsFound("(invoice OR spreadsheet) NOT late")),
              sorted({cafeTurns[2].id, tokyoTurns[1].id}));
    // AND binds tighter than OR.
    EXPECT_EQ(sorted(turnsFound("Tokyo OR spreadsheet late")),
              sorted({tokyoTurns[0].id, cafeTurns[1].id, cafeTurns[3].id}));
    // Operators are operators only in capitals; "or" is a word that no turn has.
    EXPECT_EQ(turnsFound("Tokyo or Tallybird"), std::vector<Id>{});
    // FTS5's other syntax is plain text here.
    EXPECT_EQ(turnsFound("NEAR(spreadsheet fine)"), std::vector<Id>{});
    EXPECT_EQ(turnsFound("^spreadsheet+fine"), std::vector<Id>{});
    // Every match in the snippet is marked, whichever word it is.
    const auto hits = find("spreadsheet late", {.participantCode = "P01", .limit = 1});
    ASSERT_EQ(hits.size(), 1U);
    EXPECT_EQ(hits[0].snippet,
              "Honestly the «spreadsheet» was fine until the «late» invoices piled up.");
}

TEST_F(Search, SnippetsShowTwelveWordsEitherSide)
{
    const auto hits = find("needle");
    ASSERT_EQ(hits.size(), 1U);
    EXPECT_EQ(hits[0].snippet,
              "…w9 w10 w11 w12 w13 w14 w15 w16 w17 w18 w19 w20 «needle» w22 w23 w24 w25 w26 w27 "
              "w28 w29 w30 w31 w32 w33…");
    EXPECT_EQ(hits[0].start, 71);
    EXPECT_EQ(hits[0].end, 77);
    EXPECT_EQ(hits[0].startMs, std::nullopt);
}

TEST_F(Search, FilterByInterviewParticipantAndAttribute)
{
    EXPECT_EQ(turnsFound("spreadsheet", {.interviewId = tokyo}), std::vector<Id>{tokyoTurns[1].id});
    EXPECT_EQ(turnsFound("spreadsheet", {.participantCode = "P01"}),
              (std::vector<Id>{cafeTurns[3].id, cafeTurns[1].id}));
    EXPECT_EQ(turnsFound("spreadsheet", {.attribute = Attribute{"region", "Kyoto"}}),
              std::vector<Id>{tokyoTurns[1].id});
    EXPECT_EQ(turnsFound("spreadsheet", {.attribute = Attribute{"region", "Nowhere"}}),
              std::vector<Id>{});
    EXPECT_EQ(turnsFound("spreadsheet", {.participantCode = "P03"}), std::vector<Id>{});
    // Filters together must all hold.
    EXPECT_EQ(turnsFound("spreadsheet",
                         {.interviewId = tokyo, .attribute = Attribute{"region", "Leeds"}}),
              std::vector<Id>{});
    EXPECT_EQ(turnsFound("needle", {.participantCode = "P02"}),
              std::vector<Id>{expectOk(study->turns(longOne))[0].id});
}

TEST_F(Search, FilterBySpeakerRole)
{
    EXPECT_EQ(turnsFound("invoice", {.role = SpeakerRole::Interviewer}),
              std::vector<Id>{cafeTurns[2].id});
    EXPECT_EQ(turnsFound("invoice", {.role = SpeakerRole::Participant}),
              std::vector<Id>{cafeTurns[1].id});
    EXPECT_EQ(turnsFound("late", {.role = SpeakerRole::Unknown}),
              std::vector<Id>{resumeTurns[0].id});
    EXPECT_EQ(turnsFound("invoice", {.participantCode = "P01", .role = SpeakerRole::Interviewer}),
              std::vector<Id>{cafeTurns[2].id});
}

TEST_F(Search, FilterByCodeTakesNestedCodesAndHighlightsAcrossTurns)
{
    const Id push = codeId(*study, "push");
    const Id pull = codeId(*study, "pull");
    EXPECT_EQ(turnsFound("spreadsheet", {.codeId = push}), std::vector<Id>{cafeTurns[1].id});
    // The highlight under pull's child covers the end of turn 3 and the start of turn 4.
    EXPECT_EQ(sorted(turnsFound("spreadsheet OR template", {.codeId = pull})),
              sorted({cafeTurns[2].id, cafeTurns[3].id}));
    EXPECT_EQ(sorted(turnsFound("spreadsheet OR template", {.codeId = painCode})),
              sorted({cafeTurns[2].id, cafeTurns[3].id}));
    EXPECT_EQ(turnsFound("spreadsheet", {.codeId = codeId(*study, "anxiety")}), std::vector<Id>{});
    EXPECT_EQ(
        turnsFound("spreadsheet",
                   {.participantCode = "P01", .role = SpeakerRole::Participant, .codeId = pull}),
        std::vector<Id>{cafeTurns[3].id});
    EXPECT_EQ(turnsFound("spreadsheet", {.participantCode = "P02", .codeId = pull}),
              std::vector<Id>{});
}

TEST_F(Search, UnknownFiltersAreNotFound)
{
    for (const auto &[query, message] : std::vector<std::pair<SearchQuery, std::string>>{
             {{.text = "late", .interviewId = 999}, "there is no interview with id 999"},
             {{.text = "late", .participantCode = "P99"},
              "there is no participant with code 'P99'"},
             {{.text = "late", .codeId = 999}, "there is no code with id 999"}}) {
        auto hits = study->search(query);
        ASSERT_FALSE(hits);
        EXPECT_EQ(hits.error().code, ErrorCode::NotFound);
        EXPECT_EQ(hits.error().message, message);
    }
}

TEST_F(Search, LimitKeepsTheBest)
{
    EXPECT_EQ(turnsFound("spreadsheet", {.limit = 1}), std::vector<Id>{cafeTurns[3].id});
    auto none = study->search({.text = "spreadsheet", .limit = 0});
    ASSERT_FALSE(none);
    EXPECT_EQ(none.error().code, ErrorCode::InvalidArgument);
}

TEST_F(Search, ImportedTranscriptIsSearchable)
{
    writeBytes(dir / "P04.txt",
               "Maya (00:00:05): When did you switch?\n\nRavi (00:00:09): After the naïve "
               "spreadsheet broke.\n");
    const auto imported = expectOk(importFiles(
        *study, {dir / "P04.txt"}, {.participantCode = "P04", .interviewers = {"Maya"}}));
    ASSERT_EQ(imported.size(), 1U);
    const auto hits = find("naive spreadsheet", {.participantCode = "P04"});
    ASSERT_EQ(hits.size(), 1U);
    EXPECT_EQ(hits[0].interviewId, imported[0].interviewId);
    EXPECT_EQ(hits[0].interviewTitle, "P04");
    EXPECT_EQ(hits[0].speaker, "Ravi");
    EXPECT_EQ(hits[0].role, SpeakerRole::Participant);
    EXPECT_EQ(hits[0].startMs, 9000);
    // 20 code points of the first turn, its line feed, then "After the ".
    EXPECT_EQ(hits[0].start, 31);
    EXPECT_EQ(hits[0].end, 36);
    EXPECT_EQ(hits[0].snippet, "After the «naïve» «spreadsheet» broke.");
    expectIndexInStep();
}

TEST_F(Search, ReplacedTranscriptIsSearchedAsNew)
{
    EXPECT_EQ(find("cancel*").size(), 2U); // keeps the words that start with "cancel"
    expectOk(
        study->setTranscript(resume,
                             {{"Sam", SpeakerRole::Participant, {}, {}, "A brand new transcript."},
                              {"Sam", SpeakerRole::Participant, {}, {}, "No cancellation."}}));
    EXPECT_EQ(find("cancel*").size(), 3U);
    EXPECT_EQ(find("résumé"), std::vector<SearchHit>{});
    const auto hits = find("brand");
    ASSERT_EQ(hits.size(), 1U);
    EXPECT_EQ(hits[0].interviewId, resume);
    EXPECT_EQ(hits[0].start, 2);
    EXPECT_EQ(hits[0].end, 7);
    expectIndexInStep();
}

TEST_F(Search, EditedTurnIsSearchedAsEdited)
{
    Turn first = tokyoTurns[0];
    first.text = "Tell me about Osaka and Tokyo.";
    expectOk(study->updateTurn(first));
    const auto osaka = find("osaka");
    ASSERT_EQ(osaka.size(), 1U);
    EXPECT_EQ(osaka[0].start, 14);
    EXPECT_EQ(osaka[0].end, 19);
    EXPECT_EQ(find("Tokyo")[0].start, 24);
    // The turn after it moved by ten code points.
    const auto moved = find("Tallybird");
    ASSERT_EQ(moved.size(), 1U);
    EXPECT_EQ(moved[0].start, 88);
    EXPECT_EQ(moved[0].end, 97);
    first.text = "Tell me about Kyoto.";
    expectOk(study->updateTurn(first));
    EXPECT_EQ(find("osaka"), std::vector<SearchHit>{});
    EXPECT_EQ(turnsFound("kyoto"), std::vector<Id>{first.id});
    expectIndexInStep();
}

TEST_F(Search, ChangedSpeakerIsShownAndFiltered)
{
    Turn answer = tokyoTurns[1];
    answer.speaker = "Yuki Sato";
    answer.role = SpeakerRole::Interviewer;
    expectOk(study->updateTurn(answer));
    const auto hits = find("Tallybird", {.role = SpeakerRole::Interviewer});
    ASSERT_EQ(hits.size(), 1U);
    EXPECT_EQ(hits[0].speaker, "Yuki Sato");
    EXPECT_EQ(hits[0].role, SpeakerRole::Interviewer);
    EXPECT_EQ(find("Tallybird", {.role = SpeakerRole::Participant}), std::vector<SearchHit>{});
    expectOk(study->setSpeakerRole(tokyo, "Yuki Sato", SpeakerRole::Participant));
    EXPECT_EQ(find("Tallybird", {.role = SpeakerRole::Participant}).size(), 1U);
    expectIndexInStep();
}

TEST_F(Search, DeletedInterviewLeavesTheIndex)
{
    // The turns go by ON DELETE CASCADE; their delete trigger still runs.
    expectOk(study->deleteInterview(tokyo));
    EXPECT_EQ(find("Tallybird"), std::vector<SearchHit>{});
    EXPECT_EQ(find("Tokyo"), std::vector<SearchHit>{});
    EXPECT_EQ(find("spreadsheet").size(), 2U);
    expectIndexInStep();
    expectOk(study->deleteInterview(cafe));
    EXPECT_EQ(find("spreadsheet"), std::vector<SearchHit>{});
    expectIndexInStep();
}

TEST_F(Search, AnotherConnectionsEditIsSeen)
{
    // The first searches fill what is kept between searches: the turns of a role, how many turns
    // hold each word.
    EXPECT_EQ(find("Tallybird", {.role = SpeakerRole::Participant}).size(), 1U);
    EXPECT_EQ(find("spreadsheet").size(), 3U);
    {
        Study other = expectOk(Study::open(path));
        Turn answer = tokyoTurns[1];
        answer.role = SpeakerRole::Interviewer;
        expectOk(other.updateTurn(answer));
        expectOk(other.deleteInterview(resume));
    }
    EXPECT_EQ(find("Tallybird", {.role = SpeakerRole::Participant}).size(), 0U);
    EXPECT_EQ(find("Tallybird", {.role = SpeakerRole::Interviewer}).size(), 1U);
    expectBm25(find("spreadsheet"), "\"spreadsheet\"");
}

TEST_F(Search, RestoredStudyFindsTheSame)
{
    const auto snapshot = expectOk(study->snapshot());
    Study copy = expectOk(Study::create(dir / "copy.jtbd"));
    expectOk(copy.restore(snapshot));
    for (const std::string text : {"spreadsheet", "cancel*", "\"invoice was late\"", "東京"}) {
        auto original = find(text);
        auto restored = expectOk(copy.search({.text = text}));
        // Turns get new ids when a transcript is written again; everything else is the same.
        for (auto *hits : {&original, &restored})
            for (auto &hit : *hits)
                hit.turnId = 0;
        EXPECT_EQ(restored, original) << text;
    }
}

TEST_F(Search, UnreadableSearchesSayWhatToChange)
{
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"",
         "the search is empty: type a word, a \"phrase\" or the start of a word with a *, as "
         "in cancel*"},
        {"   ",
         "the search is empty: type a word, a \"phrase\" or the start of a word with a *, as "
         "in cancel*"},
        {"\"late invoice", "the search '\"late invoice' has an unmatched quote: add a closing \""},
        {"\"\"", "the search '\"\"' has quotes with nothing between them: put words inside them"},
        {"(late OR early",
         "the search '(late OR early' has a '(' without a ')' after it: add the ')'"},
        {"late)",
         "the search 'late)' has a ')' without a '(' before it: add the '(' or remove the ')'"},
        {"()", "the search '()' has empty parentheses '()': put words between them"},
        {"AND cancel", "the search 'AND cancel' starts with AND; put words on both sides"},
        {"OR", "the search 'OR' starts with OR; put words on both sides"},
        {"NOT cancel",
         "the search 'NOT cancel' starts with NOT; NOT leaves out turns, so put the words to look "
         "for before it, as in: invoice NOT paid"},
        {"NOT",
         "the search 'NOT' starts with NOT; NOT leaves out turns, so put the words to look for "
         "before it, as in: invoice NOT paid"},
        {"cancel OR", "the search 'cancel OR' ends with OR; put words on both sides"},
        {"invoice NOT",
         "the search 'invoice NOT' ends with NOT; put the words to leave out after it, as in: "
         "invoice NOT paid"},
        {"cancel AND OR refund",
         "the search 'cancel AND OR refund' has OR right after AND; put words between them"},
        {"(OR late)",
         "the search '(OR late)' has OR just after '('; put words on both sides of OR"},
        {"(late AND)",
         "the search '(late AND)' has AND just before ')'; put words on both sides of AND"},
        {"speaker:Maya",
         "the search 'speaker:Maya' has a ':' in 'speaker:Maya'; searching a named column is not "
         "supported: narrow the search with the filters, and put text with a colon in quotes, as "
         "in \"10:30\""},
        {"can*cel",
         "the search 'can*cel' has a * inside 'can*cel': a * goes at the end of a word, as in "
         "cancel*, to find the words that start with it"},
        {"late *",
         "the search 'late *' has a * without a word before it: put the * straight after the "
         "start of a word, as in cancel*, to find the words that start with it"},
        {"😀 !",
         "the search '😀 !' has nothing to look for in '😀': punctuation, symbols and emoji are "
         "not indexed, so search for words"},
    };
    for (const auto &[text, message] : cases) {
        const std::string got = rejection(text);
        EXPECT_EQ(got, message) << text;
        EXPECT_EQ(got.find("fts5"), std::string::npos) << got;
        EXPECT_EQ(got.find("syntax error"), std::string::npos) << got;
    }
    // Quoted, a colon is text.
    EXPECT_EQ(turnsFound("\"review: the\""), std::vector<Id>{resumeTurns[0].id});
    // Parentheses nest, up to a limit.
    EXPECT_EQ(turnsFound("((((late))))").size(), 3U);
    EXPECT_NE(rejection(std::string(40, '(') + "late" + std::string(40, ')'))
                  .find("more than 32 levels of parentheses"),
              std::string::npos);
}

} // namespace jtbd
