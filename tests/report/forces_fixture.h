// A study with known forces for the diagram and timeline tests: two participants with attributes,
// two interviews, quotes of every force with chosen intensities, phases and timeline events.
#pragma once

#include "test_support.h"

#include <jtbd/study.h>
#include <jtbd/text.h>

#include <string>

namespace jtbd::test {

struct ForcesFixture
{
    // Totals: Push 5 quotes / intensity 15 (5, 4, 3, 2, 1), Pull 2 / 7 (4 in A, 3 in B),
    // Anxiety 1 / 2 (B), Habit 1 / 1 (B). Sole traders (P01, interview A): Push 15, Pull 4.
    Study study;
    Id robin = 0; // P01, business = Sole trader
    Id sam = 0;   // P02, business = Limited company
    Id interviewA = 0;
    Id interviewB = 0;
    Id push[5] = {}; // strongest first
    Id pullA = 0;
    Id pullB = 0;
    Id anxiety = 0;
    Id habit = 0;
    Id unplaced = 0; // a quote in A with no phase and no force
    Id firstThought = 0;
    Id purchase = 0;

    static inline const std::string kLong =
        "I kept a spreadsheet of every invoice and every reminder I had sent, and every Friday I "
        "sat down with it and rang the ones who were late, and it took the whole afternoon, and "
        "then the next week it started again with the same people saying the same things, and I "
        "thought this cannot be what running a design studio is supposed to feel like at all.";

    explicit ForcesFixture(const std::filesystem::path &path)
        : study(expectOk(Study::create(path), "create"))
    {
        Participant p1;
        p1.code = "P01";
        p1.pseudonym = "Robin";
        p1.attributes = {{"business", "Sole trader"}, {"region", "Yorkshire"}};
        robin = expectOk(study.addParticipant(p1), "P01");
        Participant p2;
        p2.code = "P02";
        p2.pseudonym = "Sam";
        p2.attributes = {{"business", "Limited company"}, {"region", "Yorkshire"}};
        sam = expectOk(study.addParticipant(p2), "P02");

        Interview a;
        a.title = "Robin: late payers";
        a.participantId = robin;
        a.status = InterviewStatus::Coded;
        interviewA = expectOk(study.addInterview(a), "interview A");
        expectOk(study.setTranscript(
                     interviewA,
                     {{"Maya", SpeakerRole::Interviewer, 0, 1000, "Tell me about the invoices."},
                      {"Robin", SpeakerRole::Participant, 1000, 9000, kLong},
                      {"Robin",
                       SpeakerRole::Participant,
                       9000,
                       20000,
                       "The brewery paid ninety-four days late. I went into my overdraft. I was "
                       "so tired of chasing. Friday calls were the worst. I just wanted it gone. "
                       "The app showed me when they opened it. Honestly I love that."}}),
                 "transcript A");
        Interview b;
        b.title = "Sam: month-end";
        b.participantId = sam;
        b.status = InterviewStatus::Coded;
        interviewB = expectOk(study.addInterview(b), "interview B");
        expectOk(
            study.setTranscript(
                interviewB,
                {{"Sam", SpeakerRole::Participant, 0, 5000, "会计软件让我很紧张，我怕数据丢失。"},
                 {"Sam",
                  SpeakerRole::Participant,
                  5000,
                  9000,
                  "كنت أستخدم الجدول لسنوات وكان كافيا."},
                 {"Sam", SpeakerRole::Participant, 9000, 12000, "Seeing March before March."}}),
            "transcript B");

        push[0] = tag(interviewA, kLong, "push", 5, Phase::FirstThought);
        push[1] = tag(interviewA,
                      "The brewery paid ninety-four days late.",
                      "push",
                      4,
                      Phase::PassiveLooking);
        push[2] = tag(interviewA, "I went into my overdraft.", "push", 3, Phase::PassiveLooking);
        push[3] =
            tag(interviewA, "I was so tired of chasing.", "push", 2, {}, "phase:active-looking");
        push[4] = tag(interviewA, "Friday calls were the worst.", "push", 1, Phase::ActiveLooking);
        pullA =
            tag(interviewA, "The app showed me when they opened it.", "pull", 4, Phase::FirstUse);
        unplaced = tag(interviewA, "Honestly I love that.", "dimension:emotional", 2, {});
        anxiety =
            tag(interviewB, "会计软件让我很紧张，我怕数据丢失。", "anxiety", 2, Phase::Deciding);
        habit = tag(
            interviewB, "كنت أستخدم الجدول لسنوات وكان كافيا.", "habit", 1, Phase::ActiveLooking);
        pullB = tag(interviewB, "Seeing March before March.", "pull", 3, Phase::OngoingUse);

        TimelineEvent first;
        first.interviewId = interviewA;
        first.kind = EventKind::FirstThought;
        first.occurredOn = "2026-03-27";
        first.relativeTime = "four months before";
        first.description = "Sat in the car after a chasing call.";
        firstThought = expectOk(study.addTimelineEvent(first), "first thought");
        TimelineEvent bought;
        bought.interviewId = interviewA;
        bought.kind = EventKind::Purchase;
        bought.occurredOn = "2026-08-10";
        bought.description = "Paid for the trial on the train.";
        purchase = expectOk(study.addTimelineEvent(bought), "purchase");
    }

    // Tags the first occurrence of `quote` in the interview's text.
    Id tag(Id interviewId,
           const std::string &quote,
           const std::string &codeKey,
           int intensity,
           std::optional<Phase> phase,
           const std::string &extraCode = {})
    {
        const std::string text = expectOk(study.interviewText(interviewId), "text");
        const auto at = text.find(quote);
        if (at == std::string::npos) {
            ADD_FAILURE() << "no quote " << quote;
            return 0;
        }
        Highlight h;
        h.interviewId = interviewId;
        h.start = codePointCount(std::string_view(text).substr(0, at));
        h.end = h.start + codePointCount(quote);
        h.codeIds = {codeId(study, codeKey)};
        if (!extraCode.empty())
            h.codeIds.push_back(codeId(study, extraCode));
        std::sort(h.codeIds.begin(), h.codeIds.end());
        h.intensity = intensity;
        h.phase = phase;
        return expectOk(study.addHighlight(h), "highlight");
    }
};

} // namespace jtbd::test
