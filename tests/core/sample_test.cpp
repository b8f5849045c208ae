// The bundled sample study is complete enough to learn the method from and to test with.
#include "test_support.h"

#include <jtbd/sample.h>

#include <cctype>
#include <gtest/gtest.h>
#include <map>
#include <set>
#include <sstream>

namespace jtbd {

using namespace test;

TEST(Sample, HasTwelveCodedInterviewsAndThreeJobs)
{
    TempDir dir;
    Study study = expectOk(createSampleStudy(dir / "sample.jtbd"));
    const StudyStats stats = expectOk(study.stats());
    EXPECT_GE(stats.interviews, 12);
    EXPECT_GE(stats.highlights, 150);
    EXPECT_EQ(stats.jobs, 3);
    EXPECT_EQ(stats.participants, stats.interviews);
    EXPECT_EQ(expectOk(study.checkIntegrity()), std::vector<std::string>{});

    std::map<std::string, Id> codeIds;
    for (const auto &code : expectOk(study.codes()))
        codeIds[code.key] = code.id;
    for (const auto &item : expectOk(study.interviews())) {
        const auto &title = item.interview.title;
        EXPECT_GE(item.wordCount, 800) << title;
        EXPECT_EQ(item.interview.status, InterviewStatus::Coded) << title;
        // A conversation: interviewer and participant turns, with times.
        std::set<SpeakerRole> roles;
        for (const auto &turn : expectOk(study.turns(item.interview.id))) {
            roles.insert(turn.role);
            EXPECT_TRUE(turn.startMs.has_value()) << title;
        }
        EXPECT_EQ(roles,
                  (std::set<SpeakerRole>{SpeakerRole::Interviewer, SpeakerRole::Participant}))
            << title;
        // Coded with all four forces, the timeline and the dimensions.
        std::set<Id> used;
        for (const auto &h : expectOk(study.highlights(item.interview.id)))
            used.insert(h.codeIds.begin(), h.codeIds.end());
        for (const char *key : {"push",
                                "pull",
                                "anxiety",
                                "habit",
                                "dimension:functional",
                                "dimension:emotional",
                                "dimension:social"})
            EXPECT_TRUE(used.contains(codeIds[key])) << title << " lacks " << key;
        std::set<EventKind> events;
        for (const auto &e : expectOk(study.timeline(item.interview.id))) {
            events.insert(e.kind);
            EXPECT_TRUE(e.highlightId.has_value()) << title;
            EXPECT_FALSE(e.occurredOn.empty()) << title;
        }
        for (EventKind kind :
             {EventKind::FirstThought, EventKind::Event1, EventKind::Event2, EventKind::Purchase})
            EXPECT_TRUE(events.contains(kind)) << title;
        // Participants have attributes to filter by.
        const Participant p = expectOk(study.participant(*item.interview.participantId));
        EXPECT_GE(p.attributes.size(), 3U) << p.code;
        EXPECT_FALSE(p.pseudonym.empty()) << p.code;
    }
}

TEST(Sample, JobsGroupFourStoriesEachAndLeanTowardTheSwitch)
{
    TempDir dir;
    Study study = expectOk(createSampleStudy(dir / "sample.jtbd"));
    std::set<Id> stories;
    for (const auto &job : expectOk(study.jobs())) {
        EXPECT_EQ(job.interviewIds.size(), 4U) << job.name;
        EXPECT_FALSE(job.storyWhen.empty());
        EXPECT_FALSE(job.storyWant.empty());
        EXPECT_FALSE(job.storySoThat.empty());
        // The parts fit the frame without repeating its words.
        const std::string story = job.storyText();
        EXPECT_EQ(story.rfind("When ", 0), 0U) << story;
        EXPECT_EQ(story.find("I want to to "), std::string::npos) << story;
        EXPECT_EQ(story.find("so I can I can"), std::string::npos) << story;
        stories.insert(job.interviewIds.begin(), job.interviewIds.end());
        // These people all switched: the forces toward it outweigh those against.
        EXPECT_GT(expectOk(study.forcesSummary(Scope::job(job.id))).balance(Weighting::Intensity),
                  0)
            << job.name;
    }
    EXPECT_EQ(stories.size(), 12U);
}

// Redacted reports replace participants' real names; a name that also belongs to someone else in
// another story would be replaced there too.
TEST(Sample, NoParticipantsNameAppearsInAnotherStory)
{
    TempDir dir;
    Study study = expectOk(createSampleStudy(dir / "sample.jtbd"));
    const auto isLetter = [](char c) {
        return std::isalpha(static_cast<unsigned char>(c)) || (c & 0x80);
    };
    const auto list = expectOk(study.interviews());
    for (const auto &participant : expectOk(study.participants())) {
        std::vector<std::string> names;
        std::istringstream words(participant.name);
        for (std::string word; words >> word;)
            names.push_back(word);
        for (const auto &item : list) {
            if (item.interview.participantId == participant.id)
                continue;
            const std::string text = expectOk(study.interviewText(item.interview.id));
            for (const auto &name : names) {
                for (auto at = text.find(name); at != std::string::npos;
                     at = text.find(name, at + 1)) {
                    const bool wordStart = at == 0 || !isLetter(text[at - 1]);
                    const bool wordEnd =
                        at + name.size() == text.size() || !isLetter(text[at + name.size()]);
                    EXPECT_FALSE(wordStart && wordEnd) << participant.code << "'s name '" << name
                                                       << "' appears in " << item.interview.title;
                }
            }
        }
    }
}

TEST(Sample, RefusesToOverwrite)
{
    TempDir dir;
    writeBytes(dir / "sample.jtbd", "mine");
    auto study = createSampleStudy(dir / "sample.jtbd");
    ASSERT_FALSE(study);
    EXPECT_EQ(study.error().code, ErrorCode::StudyExists);
    EXPECT_EQ(readBytes(dir / "sample.jtbd"), "mine");
}

} // namespace jtbd
