// Every entity of the domain survives a round trip through the study file.
#include "test_support.h"

#include <gtest/gtest.h>

namespace jtbd {

using namespace test;

class Domain : public ::testing::Test
{
protected:
    TempDir dir;
    std::filesystem::path path = dir / "study.jtbd";

    // Closes the study and opens the file again, so reads come from disk.
    Study reopen(Study &study)
    {
        {
            Study closing = std::move(study);
        }
        return expectOk(Study::open(path));
    }
};

TEST_F(Domain, ParticipantRoundTrip)
{
    Study study = expectOk(Study::create(path));
    Participant p;
    p.code = "P07";
    p.name = "Zoë Lambert";
    p.pseudonym = "Iris";
    p.attributes = {{"occupation", "Translator"}, {"region", "Brighton"}, {"age", "29"}};
    p.switchedFrom = "Google Docs template";
    p.switchedTo = "Tallybird";
    p.switchDate = "2026-07-28";
    p.consent = Consent::Given;
    p.notes = "Prefers email";
    p.id = expectOk(study.addParticipant(p));
    study = reopen(study);
    EXPECT_EQ(expectOk(study.participant(p.id)), p);
    EXPECT_EQ(expectOk(study.findParticipant("P07")), p);
    EXPECT_EQ(expectOk(study.findParticipant("P99")), std::nullopt);

    p.attributes = {{"region", "Hove"}, {"occupation", "Translator"}};
    p.consent = Consent::Declined;
    expectOk(study.updateParticipant(p));
    study = reopen(study);
    EXPECT_EQ(expectOk(study.participants()), std::vector<Participant>{p});

    expectOk(study.deleteParticipant(p.id));
    EXPECT_TRUE(expectOk(study.participants()).empty());
}

TEST_F(Domain, ParticipantRulesAreChecked)
{
    Study study = expectOk(Study::create(path));
    Participant p;
    p.code = "P01";
    expectOk(study.addParticipant(p));
    auto duplicate = study.addParticipant(p);
    ASSERT_FALSE(duplicate);
    EXPECT_EQ(duplicate.error().code, ErrorCode::Conflict);
    EXPECT_NE(duplicate.error().message.find("P01"), std::string::npos);

    p.code = "P02";
    p.switchDate = "last March";
    auto badDate = study.addParticipant(p);
    ASSERT_FALSE(badDate);
    EXPECT_NE(badDate.error().message.find("last March"), std::string::npos);

    p.switchDate = "";
    p.attributes = {{"role", "a"}, {"role", "b"}};
    EXPECT_EQ(study.addParticipant(p).error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(expectOk(study.participants()).size(), 1U);
}

TEST_F(Domain, GuideRoundTripWithEditsAndReordering)
{
    Study study = expectOk(Study::create(path));
    Guide guide;
    guide.name = "Cancellation interview";
    guide.description = "For people who left";
    guide.plannedMinutes = 45;
    guide.sections = {
        {0,
         "The cancellation",
         std::nullopt,
         EventKind::Fire,
         10,
         "Reconstruct the day",
         "Bracket it",
         {{0, "When did you cancel?", "", {"Where were you?", "Who else knew?"}}}},
        {0,
         "First thought",
         Phase::FirstThought,
         EventKind::FirstThought,
         5,
         "",
         "",
         {{0, "When did it start to bother you?", "note", {}}}},
    };
    const Id id = expectOk(study.addGuide(guide));
    study = reopen(study);
    Guide stored = expectOk(study.guide(id));
    EXPECT_EQ(stored.name, "Cancellation interview");
    ASSERT_EQ(stored.sections.size(), 2U);
    EXPECT_EQ(stored.sections[0].event, EventKind::Fire);
    EXPECT_EQ(stored.sections[0].phase, std::nullopt);
    EXPECT_EQ(stored.sections[0].questions[0].probes,
              (std::vector<std::string>{"Where were you?", "Who else knew?"}));
    EXPECT_EQ(stored.sections[1].phase, Phase::FirstThought);
    EXPECT_FALSE(stored.builtin);

    // Add a section in front, move a question across, edit, delete.
    const Id wrapUp = expectOk(
        study.addSection(id, {0, "Wrap-up", std::nullopt, std::nullopt, 3, "", "", {}}, 0));
    expectOk(study.moveSection(wrapUp, 2));
    const Id moved = stored.sections[1].questions[0].id;
    expectOk(study.moveQuestion(moved, stored.sections[0].id, 0));
    GuideQuestion edited = stored.sections[0].questions[0];
    edited.text = "Tell me about the day you cancelled.";
    edited.probes = {"What happened just before?"};
    expectOk(study.updateQuestion(edited));
    const Id extra = expectOk(study.addQuestion(wrapUp, {0, "Anything we didn't ask?", "", {}}));
    study = reopen(study);
    stored = expectOk(study.guide(id));
    ASSERT_EQ(stored.sections.size(), 3U);
    EXPECT_EQ(stored.sections[2].title, "Wrap-up");
    ASSERT_EQ(stored.sections[0].questions.size(), 2U);
    EXPECT_EQ(stored.sections[0].questions[0].id, moved);
    EXPECT_EQ(stored.sections[0].questions[1].text, "Tell me about the day you cancelled.");
    EXPECT_EQ(stored.sections[0].questions[1].probes,
              std::vector<std::string>{"What happened just before?"});
    EXPECT_TRUE(stored.sections[1].questions.empty());
    EXPECT_EQ(stored.sections[2].questions[0].id, extra);

    expectOk(study.deleteQuestion(moved));
    expectOk(study.deleteSection(stored.sections[1].id));
    stored = expectOk(study.guide(id));
    ASSERT_EQ(stored.sections.size(), 2U);
    EXPECT_EQ(stored.sections[0].questions.size(), 1U);
}

TEST_F(Domain, BuiltinGuideIsARealSwitchInterviewAndCannotBeDeleted)
{
    Study study = expectOk(Study::create(path));
    const auto guides = expectOk(study.guides());
    ASSERT_EQ(guides.size(), 1U);
    const Guide &guide = guides[0];
    EXPECT_TRUE(guide.builtin);
    EXPECT_TRUE(guide.isTemplate);
    // Documentary intro first, the purchase before the timeline is walked backwards, wrap-up last.
    ASSERT_GE(guide.sections.size(), 10U);
    EXPECT_EQ(guide.sections.front().phase, std::nullopt);
    EXPECT_EQ(guide.sections[2].event, EventKind::Purchase);
    int minutes = 0;
    std::set<Phase> phases;
    for (const auto &section : guide.sections) {
        minutes += section.minutes;
        EXPECT_FALSE(section.questions.empty()) << section.title;
        for (const auto &question : section.questions)
            EXPECT_FALSE(question.probes.empty()) << question.text;
        if (section.phase)
            phases.insert(*section.phase);
    }
    EXPECT_EQ(minutes, guide.plannedMinutes);
    EXPECT_EQ(phases.size(), 6U);
    auto deleted = study.deleteGuide(guide.id);
    ASSERT_FALSE(deleted);
    EXPECT_EQ(deleted.error().code, ErrorCode::Conflict);

    const Id copy = expectOk(study.copyGuide(guide.id, "Our switch interview", true));
    Guide copied = expectOk(study.guide(copy));
    EXPECT_FALSE(copied.builtin);
    EXPECT_EQ(copied.sections.size(), guide.sections.size());
    EXPECT_EQ(copied.sections[3].questions[0].text, guide.sections[3].questions[0].text);
    expectOk(study.deleteGuide(copy));
}

TEST_F(Domain, InterviewTurnsAndNotesRoundTrip)
{
    auto small = makeSmallStudy(path);
    Study study = std::move(small.study);
    const Id guideId = expectOk(study.guides())[0].id;
    Interview interview = expectOk(study.interview(small.interviewId));
    interview.guideId = guideId;
    interview.conductedOn = "2026-10-02";
    interview.interviewers = {"Maya Okafor", "Tom Brandt"};
    interview.status = InterviewStatus::Coded;
    interview.durationMs = 52 * 60 * 1000;
    interview.notes = "Debriefed in the car";
    expectOk(study.updateInterview(interview));
    const Id questionId = expectOk(study.guide(guideId)).sections[2].questions[0].id;
    InterviewNote note{
        0, small.interviewId, questionId, 125000, "Bought it on the train", "2026-10-02T10:02:05Z"};
    note.id = expectOk(study.addNote(note));
    study = reopen(study);

    EXPECT_EQ(expectOk(study.interview(small.interviewId)), interview);
    EXPECT_EQ(expectOk(study.notes(small.interviewId)), std::vector<InterviewNote>{note});
    const auto turns = expectOk(study.turns(small.interviewId));
    ASSERT_EQ(turns.size(), 2U);
    EXPECT_EQ(turns[1].speaker, "Hannah");
    EXPECT_EQ(turns[1].role, SpeakerRole::Participant);
    EXPECT_EQ(turns[1].startMs, 4000);
    EXPECT_EQ(turns[1].textStart, turns[0].textEnd + 1);
    EXPECT_EQ(expectOk(study.interviewText(small.interviewId)),
              "When did you first think about it?\nThe brewery paid 94 days late and I went into "
              "my overdraft.");
    const auto list = expectOk(study.interviews());
    ASSERT_EQ(list.size(), 1U);
    EXPECT_EQ(list[0].participantCode, "P01");
    EXPECT_EQ(list[0].turnCount, 2);
    EXPECT_EQ(list[0].wordCount, 19);
    EXPECT_EQ(list[0].interview.interviewers, interview.interviewers);

    expectOk(study.setSpeakerRole(small.interviewId, "Maya", SpeakerRole::Unknown));
    EXPECT_EQ(expectOk(study.turns(small.interviewId))[0].role, SpeakerRole::Unknown);
    EXPECT_EQ(
        study.setSpeakerRole(small.interviewId, "Nobody", SpeakerRole::Interviewer).error().code,
        ErrorCode::NotFound);

    // Deleting the guide question keeps the note, unlinked; deleting the interview removes all.
    expectOk(study.deleteGuide(expectOk(study.copyGuide(guideId, "tmp", false))));
    expectOk(study.deleteInterview(small.interviewId));
    EXPECT_EQ(expectOk(study.stats()).turns, 0);
    EXPECT_EQ(sqlite(path, "SELECT count(*) FROM interview_note"), "0");
}

TEST_F(Domain, QuestionCoverageRoundTripsAndGoesWithItsQuestion)
{
    auto small = makeSmallStudy(path);
    Study study = std::move(small.study);
    const Id copyId = expectOk(study.copyGuide(expectOk(study.guides())[0].id, "Ours", false));
    const Guide guide = expectOk(study.guide(copyId));
    const Id first = guide.sections[0].questions[0].id;
    const Id second = guide.sections[1].questions[0].id;
    expectOk(study.setQuestionCovered(small.interviewId, second, 120000));
    expectOk(study.setQuestionCovered(small.interviewId, first, {}));
    expectOk(study.setQuestionCovered(small.interviewId, first, 30000)); // marked again: new time
    InterviewNote note{0, small.interviewId, second, 125000, "Said 'finally' twice", ""};
    note.id = expectOk(study.addNote(note));
    study = reopen(study);
    EXPECT_EQ(expectOk(study.coverage(small.interviewId)),
              (std::vector<QuestionCoverage>{{small.interviewId, first, 30000},
                                             {small.interviewId, second, 120000}}));
    EXPECT_EQ(expectOk(study.questionCoverage(second)),
              (std::vector<QuestionCoverage>{{small.interviewId, second, 120000}}));
    const auto notes = expectOk(study.questionNotes(second));
    ASSERT_EQ(notes.size(), 1U);
    EXPECT_EQ(notes[0].id, note.id);
    EXPECT_EQ(notes[0].atMs, 125000);

    expectOk(study.clearQuestionCovered(small.interviewId, first));
    expectOk(study.clearQuestionCovered(small.interviewId, first)); // nothing left to clear
    EXPECT_EQ(expectOk(study.coverage(small.interviewId)).size(), 1U);
    EXPECT_EQ(study.setQuestionCovered(small.interviewId, 987654, {}).error().code,
              ErrorCode::NotFound);
    EXPECT_EQ(study.setQuestionCovered(small.interviewId, first, -5).error().code,
              ErrorCode::InvalidArgument);

    // A deleted section takes its coverage along and unlinks its notes; added back under its ids
    // (as an undo does), it can be linked again.
    const GuideSection section = expectOk(study.guide(copyId)).sections[1];
    expectOk(study.deleteSection(section.id));
    EXPECT_TRUE(expectOk(study.coverage(small.interviewId)).empty());
    EXPECT_EQ(expectOk(study.notes(small.interviewId))[0].questionId, std::nullopt);
    EXPECT_EQ(expectOk(study.addSection(copyId, section, 1)), section.id);
    EXPECT_EQ(expectOk(study.guide(copyId)).sections[1], section);
    auto taken = study.addQuestion(section.id, section.questions[0]);
    ASSERT_FALSE(taken); // its id is in use
    EXPECT_EQ(taken.error().code, ErrorCode::Conflict);

    expectOk(study.setQuestionCovered(small.interviewId, second, 1000));
    expectOk(study.deleteInterview(small.interviewId));
    EXPECT_EQ(sqlite(path, "SELECT count(*) FROM question_coverage"), "0");
}

TEST_F(Domain, TurnEditsMoveLaterHighlightsAndRefuseCoveredOnes)
{
    auto small = makeSmallStudy(path);
    Study &study = small.study;
    const auto before = expectOk(study.turns(small.interviewId));
    Highlight h;
    h.interviewId = small.interviewId;
    h.start = before[1].textStart + 4; // "brewery"
    h.end = h.start + 7;
    h.codeIds = {codeId(study, "push")};
    h.id = expectOk(study.addHighlight(h));

    Turn first = before[0];
    first.text = "So, when did you first think about switching?";
    expectOk(study.updateTurn(first));
    const Highlight moved = expectOk(study.highlight(h.id));
    EXPECT_EQ(moved.quote, "brewery");
    EXPECT_EQ(moved.start, h.start + 11);
    EXPECT_EQ(expectOk(study.checkIntegrity()), std::vector<std::string>{});
    EXPECT_EQ(expectOk(study.interviews())[0].wordCount, 20);

    Turn second = expectOk(study.turns(small.interviewId))[1];
    second.text = "Someone paid late.";
    auto refused = study.updateTurn(second);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::Conflict);
    second.text = expectOk(study.turns(small.interviewId))[1].text;
    second.speaker = "Hannah P.";
    expectOk(study.updateTurn(second)); // a speaker rename is fine
    EXPECT_EQ(expectOk(study.highlight(h.id)).quote, "brewery");

    auto replace =
        study.setTranscript(small.interviewId, {{"A", SpeakerRole::Unknown, {}, {}, "new"}});
    ASSERT_FALSE(replace);
    EXPECT_EQ(replace.error().code, ErrorCode::Conflict);
}

TEST_F(Domain, TranscriptRulesAreChecked)
{
    auto small = makeSmallStudy(path);
    auto badTimes = small.study.setTranscript(small.interviewId,
                                              {{"A", SpeakerRole::Unknown, 5000, 1000, "x"}});
    ASSERT_FALSE(badTimes);
    EXPECT_NE(badTimes.error().message.find("before start time"), std::string::npos);
    auto noSpeaker =
        small.study.setTranscript(small.interviewId, {{" ", SpeakerRole::Unknown, {}, {}, "x"}});
    EXPECT_EQ(noSpeaker.error().code, ErrorCode::InvalidArgument);
    // A refused transcript leaves the old one in place.
    EXPECT_EQ(expectOk(small.study.turns(small.interviewId)).size(), 2U);
}

TEST_F(Domain, CodebookRoundTripNestMergeDelete)
{
    Study study = expectOk(Study::create(path));
    Code lateness;
    lateness.name = "Late payments";
    lateness.color = "#AA3300";
    lateness.parentId = codeId(study, "push");
    lateness.shortcut = "Ctrl+L";
    lateness.id = expectOk(study.addCode(lateness));
    Code chasing;
    chasing.name = "Chasing clients";
    chasing.parentId = lateness.id;
    chasing.id = expectOk(study.addCode(chasing));
    study = reopen(study);

    Code stored = expectOk(study.code(lateness.id));
    EXPECT_EQ(stored.key, "late-payments");
    EXPECT_EQ(stored.kind, CodeKind::Custom);
    EXPECT_EQ(stored.parentId, codeId(study, "push"));
    EXPECT_EQ(stored.color, "#AA3300");
    EXPECT_EQ(stored.shortcut, "Ctrl+L");
    EXPECT_EQ(expectOk(study.findCode("chasing-clients"))->parentId, lateness.id);

    // Shortcuts stay unique; names give unique keys; a cycle and a bad colour are refused.
    EXPECT_EQ(study.addCode(lateness).error().code, ErrorCode::Conflict);
    lateness.shortcut.clear();
    EXPECT_EQ(study.addCode(lateness).error().code, ErrorCode::Conflict) << "its id is taken";
    lateness.id = 0;
    EXPECT_EQ(expectOk(study.code(expectOk(study.addCode(lateness)))).key, "late-payments-2");
    lateness.id = stored.id;
    stored.parentId = chasing.id;
    EXPECT_EQ(study.updateCode(stored).error().code, ErrorCode::InvalidArgument);
    stored.parentId = codeId(study, "push");
    stored.color = "red";
    EXPECT_EQ(study.updateCode(stored).error().code, ErrorCode::InvalidArgument);

    // The method's codes keep their names but can be recoloured.
    Code push = expectOk(study.code(codeId(study, "push")));
    push.name = "Shove";
    EXPECT_EQ(study.updateCode(push).error().code, ErrorCode::InvalidArgument);
    push.name = "Push";
    push.color = "#FF0000";
    expectOk(study.updateCode(push));
    EXPECT_EQ(expectOk(study.code(push.id)).color, "#FF0000");
    EXPECT_EQ(study.deleteCode(push.id).error().code, ErrorCode::InvalidArgument);

    // Merge: children follow to the target (highlights move too: see the highlight tests). A code
    // cannot be merged into its own sub-code, which would become its own parent.
    EXPECT_EQ(study.mergeCode(lateness.id, chasing.id).error().code, ErrorCode::InvalidArgument);
    expectOk(study.mergeCode(lateness.id, codeId(study, "push")));
    EXPECT_EQ(expectOk(study.code(chasing.id)).parentId, codeId(study, "push"));
    EXPECT_EQ(study.code(lateness.id).error().code, ErrorCode::NotFound);
    expectOk(study.deleteCode(chasing.id));
    EXPECT_EQ(expectOk(study.stats()).customCodes, 1);

    // A deleted code can be put back under its old id (what undo does).
    Code restored = chasing;
    restored.parentId = codeId(study, "push");
    EXPECT_EQ(expectOk(study.addCode(restored)), chasing.id);
    EXPECT_EQ(expectOk(study.code(chasing.id)).name, "Chasing clients");
}

TEST_F(Domain, HighlightsRoundTripAndKeepCodesWhenACodeGoes)
{
    auto small = makeSmallStudy(path);
    Study study = std::move(small.study);
    Code custom;
    custom.name = "Overdraft";
    custom.id = expectOk(study.addCode(custom));
    const Id coder = expectOk(study.addCoder("Maya Okafor"));
    EXPECT_EQ(expectOk(study.ensureCoder("Maya Okafor")), coder);
    const auto turns = expectOk(study.turns(small.interviewId));
    Highlight h;
    h.interviewId = small.interviewId;
    h.start = turns[1].textStart;
    h.end = turns[1].textEnd;
    h.codeIds = {codeId(study, "push"), codeId(study, "struggling-moment"), custom.id};
    std::sort(h.codeIds.begin(), h.codeIds.end());
    h.coderId = coder;
    h.intensity = 5;
    h.confidence = Confidence::High;
    h.phase = Phase::FirstThought;
    h.memo = "Energy: sighs";
    h.createdAt = "2026-10-02T17:00:00Z";
    h.quote = "The brewery paid 94 days late and I went into my overdraft.";
    h.id = expectOk(study.addHighlight(h));
    h.updatedAt = h.createdAt;
    study = reopen(study);
    EXPECT_EQ(expectOk(study.highlight(h.id)), h);
    EXPECT_EQ(expectOk(study.highlights(small.interviewId)), std::vector<Highlight>{h});
    EXPECT_EQ(expectOk(study.codeUsage(custom.id)), 1);
    EXPECT_EQ(expectOk(study.highlightsInScope(Scope::wholeStudy(), custom.id)).size(), 1U);
    EXPECT_EQ(expectOk(study.highlightsInScope(Scope::wholeStudy(), custom.id)).at(0).codeIds,
              h.codeIds);
    EXPECT_EQ(expectOk(study.highlightsInScope(Scope::interview(small.interviewId))).at(0), h);

    TimelineEvent event{0,
                        small.interviewId,
                        EventKind::FirstThought,
                        "2026-03",
                        "five months before",
                        "her car",
                        "Gary from the brewery",
                        "The fourth chasing call",
                        h.id};
    event.id = expectOk(study.addTimelineEvent(event));
    ForceGroup group{0, Force::Push, "Clients pay late", "", true, {h.id}};
    group.id = expectOk(study.addForceGroup(group));
    Job job{0,
            "",
            "Get paid on time",
            "Get paid without chasing",
            "a client is late",
            "be paid",
            "pay rent",
            "",
            {small.interviewId}};
    job.id = expectOk(study.addJob(job));
    study = reopen(study);
    EXPECT_EQ(expectOk(study.timeline(small.interviewId)), std::vector<TimelineEvent>{event});
    EXPECT_EQ(expectOk(study.forceGroups()), std::vector<ForceGroup>{group});
    Job storedJob = expectOk(study.job(job.id));
    EXPECT_FALSE(storedJob.stableKey.empty());
    job.stableKey = storedJob.stableKey;
    EXPECT_EQ(storedJob, job);
    EXPECT_EQ(storedJob.storyText(),
              "When a client is late, I want to be paid, so I can pay rent.");
    storedJob.storyWant.clear();
    EXPECT_EQ(storedJob.storyText(), "When a client is late, I want to …, so I can pay rent.");

    // Merging moves the highlight to the target code.
    Code other;
    other.name = "Money worries";
    other.id = expectOk(study.addCode(other));
    expectOk(study.mergeCode(custom.id, other.id));
    EXPECT_EQ(expectOk(study.codeUsage(other.id)), 1);
    // Deleting a code leaves the highlight with its other codes; the memo and quote stay.
    expectOk(study.deleteCode(other.id));
    const Highlight after = expectOk(study.highlight(h.id));
    EXPECT_EQ(after.codeIds.size(), 2U);
    EXPECT_EQ(after.memo, "Energy: sighs");
    // Deleting the highlight unlinks the event and empties the group.
    expectOk(study.deleteHighlight(h.id));
    EXPECT_EQ(expectOk(study.timeline(small.interviewId))[0].highlightId, std::nullopt);
    EXPECT_TRUE(expectOk(study.forceGroups())[0].highlightIds.empty());
}

TEST_F(Domain, HighlightRulesAreChecked)
{
    auto small = makeSmallStudy(path);
    Study &study = small.study;
    Highlight h;
    h.interviewId = small.interviewId;
    h.start = 0;
    h.end = 4;
    h.codeIds = {codeId(study, "pull")};
    h.intensity = 6;
    EXPECT_EQ(study.addHighlight(h).error().code, ErrorCode::InvalidArgument);
    h.intensity = 3;
    h.codeIds = {};
    EXPECT_EQ(study.addHighlight(h).error().code, ErrorCode::InvalidArgument);
    h.codeIds = {codeId(study, "pull")};
    h.end = 1000;
    auto outside = study.addHighlight(h);
    ASSERT_FALSE(outside);
    EXPECT_NE(outside.error().message.find("not inside"), std::string::npos);
    h.end = 4;
    h.quote = "What";
    auto drift = study.addHighlight(h);
    ASSERT_FALSE(drift);
    EXPECT_EQ(drift.error().code, ErrorCode::Conflict);
    EXPECT_NE(drift.error().message.find("When"), std::string::npos);
    EXPECT_EQ(expectOk(study.stats()).highlights, 0);
}

TEST_F(Domain, TransactionIsAllOrNothing)
{
    auto small = makeSmallStudy(path);
    Study &study = small.study;
    auto status = study.transaction([&]() -> Status {
        Participant p;
        p.code = "P02";
        if (auto added = study.addParticipant(p); !added)
            return added.error();
        p.code = "P01"; // taken: the whole transaction is undone
        if (auto added = study.addParticipant(p); !added)
            return added.error();
        return {};
    });
    ASSERT_FALSE(status);
    EXPECT_EQ(status.error().code, ErrorCode::Conflict);
    EXPECT_EQ(expectOk(study.participants()).size(), 1U);
    EXPECT_EQ(expectOk(study.findParticipant("P02")), std::nullopt);
}

TEST_F(Domain, AFailedEditDoomsItsTransactionEvenWhenIgnored)
{
    auto small = makeSmallStudy(path);
    Study &study = small.study;
    auto status = study.transaction([&]() -> Status {
        Participant p;
        p.code = "P02";
        (void)study.addParticipant(p);
        p.code = "P01";
        (void)study.addParticipant(p); // fails: the body carries on regardless
        p.code = "P03";
        (void)study.addParticipant(p);
        return {};
    });
    ASSERT_FALSE(status);
    EXPECT_EQ(status.error().code, ErrorCode::Conflict);
    EXPECT_NE(status.error().message.find("P01"), std::string::npos) << status.error().message;
    EXPECT_EQ(expectOk(study.participants()).size(), 1U);
    // The next transaction starts clean.
    Participant p;
    p.code = "P04";
    expectOk(study.addParticipant(p));
    EXPECT_EQ(expectOk(study.participants()).size(), 2U);
}

} // namespace jtbd
