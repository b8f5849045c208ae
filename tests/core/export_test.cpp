// What leaves the tool: redaction of real names, the report content, the job stories JSON and
// the highlights CSV.
#include "test_support.h"

#include <jtbd/csv.h>
#include <jtbd/export.h>
#include <jtbd/sample.h>

#include <algorithm>
#include <csignal>
#include <functional>
#include <gtest/gtest.h>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sys/resource.h>
#include <sys/wait.h>

#include <unistd.h>

namespace jtbd {

using namespace test;
namespace fs = std::filesystem;

namespace {

Participant person(std::string code, std::string name, std::string pseudonym)
{
    Participant p;
    p.code = std::move(code);
    p.name = std::move(name);
    p.pseudonym = std::move(pseudonym);
    return p;
}

// Every text of a report's content, with where it is, for checks that must see all of them.
std::vector<std::pair<std::string, std::string>> allStrings(const ReportContent &c)
{
    std::vector<std::pair<std::string, std::string>> out;
    const auto add = [&](const std::string &where, const std::string &text) {
        out.emplace_back(where, text);
    };
    const auto addQuote = [&](const std::string &where, const ReportQuote &q) {
        add(where + ".text", q.text);
        add(where + ".participantCode", q.participantCode);
        add(where + ".participantPseudonym", q.participantPseudonym);
        add(where + ".interviewTitle", q.interviewTitle);
        add(where + ".memo", q.memo);
        for (const auto &k : q.codeKeys)
            add(where + ".codeKeys", k);
    };
    add("info.name", c.info.name);
    add("info.objectives", c.info.objectives);
    add("info.assumptions", c.info.assumptions);
    add("info.createdAt", c.info.createdAt);
    add("info.appVersion", c.info.appVersion);
    add("generatedAt", c.generatedAt);
    add("firstInterview", c.firstInterview);
    add("lastInterview", c.lastInterview);
    for (const auto &job : c.jobs) {
        const std::string at = "job " + std::to_string(job.job.id);
        const Job &j = job.job;
        for (const auto *text : {&j.stableKey,
                                 &j.name,
                                 &j.statement,
                                 &j.storyWhen,
                                 &j.storyWant,
                                 &j.storySoThat,
                                 &j.notes,
                                 &job.storyText})
            add(at, *text);
        for (const auto &s : job.stories)
            for (const auto *text : {&s.interviewTitle,
                                     &s.participantCode,
                                     &s.participantPseudonym,
                                     &s.conductedOn,
                                     &s.switchedFrom,
                                     &s.switchedTo,
                                     &s.switchDate})
                add(at + ".story", *text);
        for (const auto &force : job.forces) {
            for (const auto &q : force.quotes)
                addQuote(at + ".force", q);
            for (const auto &g : force.groups)
                add(at + ".group", g.label);
        }
        for (const auto &t : job.triggers) {
            for (const auto *text : {&t.participantCode,
                                     &t.participantPseudonym,
                                     &t.occurredOn,
                                     &t.relativeTime,
                                     &t.place,
                                     &t.people,
                                     &t.description})
                add(at + ".trigger", *text);
            if (t.quote)
                addQuote(at + ".trigger.quote", *t.quote);
        }
        for (const auto *list :
             {&job.hireCriteria, &job.fireCriteria, &job.alternatives, &job.desiredOutcomes})
            for (const auto &q : *list)
                addQuote(at + ".list", q);
    }
    for (const auto &p : c.participants) {
        for (const auto *text :
             {&p.code, &p.pseudonym, &p.name, &p.switchedFrom, &p.switchedTo, &p.switchDate})
            add("participant " + p.code, *text);
        for (const auto &a : p.attributes) {
            add("participant " + p.code + ".attribute", a.key);
            add("participant " + p.code + ".attribute", a.value);
        }
    }
    for (const auto &i : c.interviews) {
        for (const auto *text :
             {&i.title, &i.participantCode, &i.participantPseudonym, &i.conductedOn})
            add("interview " + std::to_string(i.id), *text);
        for (const auto &n : i.notes)
            add("interview " + std::to_string(i.id) + ".note", n);
    }
    for (const auto &code : c.codebook)
        for (const auto *text : {&code.key, &code.name, &code.color, &code.description})
            add("code " + code.key, *text);
    return out;
}

int confidenceRank(Confidence c)
{
    return c == Confidence::High ? 0 : c == Confidence::Medium ? 1 : 2;
}

// Stronger quotes first: intensity, then confidence.
bool strongestFirst(const std::vector<ReportQuote> &quotes)
{
    return std::is_sorted(quotes.begin(), quotes.end(), [](const auto &a, const auto &b) {
        if (a.intensity != b.intensity)
            return a.intensity > b.intensity;
        return confidenceRank(a.confidence) < confidenceRank(b.confidence);
    });
}

bool hasPartialFile(const fs::path &folder)
{
    for (const auto &entry : fs::directory_iterator(folder))
        if (entry.path().filename().string().find(".partial-") != std::string::npos)
            return true;
    return false;
}

class SampleExport : public ::testing::Test
{
protected:
    static void SetUpTestSuite()
    {
        s_dir = new TempDir;
        s_study = new Study(expectOk(createSampleStudy(*s_dir / "sample.jtbd")));
    }

    static void TearDownTestSuite()
    {
        delete s_study;
        delete s_dir;
        s_study = nullptr;
        s_dir = nullptr;
    }

    static const Study &study() { return *s_study; }

    static ReportContent content(const ExportOptions &options = {})
    {
        return expectOk(loadReportContent(study(), options));
    }

    static TempDir *s_dir;
    static Study *s_study;
};

TempDir *SampleExport::s_dir = nullptr;
Study *SampleExport::s_study = nullptr;

} // namespace

// Redaction

TEST(ExportRedaction, WholeNameInAnyCase)
{
    const Redactor r({person("P01", "Hannah Price", "Robin")});
    EXPECT_EQ(r.apply("I spoke to Hannah Price today."), "I spoke to [Robin] today.");
    EXPECT_EQ(r.apply("lower: hannah price."), "lower: [Robin].");
    EXPECT_EQ(r.apply("shouting: HANNAH PRICE!"), "shouting: [Robin]!");
    EXPECT_EQ(r.apply("split over\nHannah\nPrice"), "split over\n[Robin]");
    EXPECT_EQ(r.apply("HannahPrice"), "HannahPrice"); // not the name, nor a word of it
}

TEST(ExportRedaction, NamePartsOnlyWithTheirCapital)
{
    const Redactor r({person("P02", "Will Turner", "Bo")});
    EXPECT_EQ(r.apply("Will said he will call."), "[Bo] said he will call.");
    EXPECT_EQ(r.apply("Ask Turner, or TURNER, or WILL."), "Ask [Bo], or [Bo], or [Bo].");
    EXPECT_EQ(r.apply("a turner, willow, Willow, Turners"), "a turner, willow, Willow, Turners");
    EXPECT_EQ(r.apply("Will Turner and will turner"), "[Bo] and [Bo]"); // the whole name: any case
}

TEST(ExportRedaction, PossessivesKeepTheirEnding)
{
    const Redactor r({person("P01", "Hannah Price", "Robin")});
    EXPECT_EQ(r.apply("Hannah's invoice and Hannah\u2019s bank"),
              "[Robin]'s invoice and [Robin]\u2019s bank");
    EXPECT_EQ(r.apply("Hannahs"), "Hannahs");
    EXPECT_EQ(r.apply("hannah's"), "hannah's"); // a lowercase word is not the name
}

TEST(ExportRedaction, AccentsAndHyphenatedNames)
{
    const Redactor r(
        {person("P07", "Zoë Lambert", "Margot"), person("P08", "Anne-Marie Dupont", "Claude")});
    EXPECT_EQ(r.apply("Zoë said ZOË"), "[Margot] said [Margot]");
    EXPECT_EQ(r.apply("zoë lambert"), "[Margot]");
    EXPECT_EQ(r.apply("Anne-Marie, Anne and Marie"), "[Claude], [Claude] and [Claude]");
}

TEST(ExportRedaction, EitherApostropheInAName)
{
    const Redactor r({person("P09", "Siobhán O'Brien", "Nora")});
    EXPECT_EQ(r.apply("O'Brien and O\u2019Brien, Siobhán"), "[Nora] and [Nora], [Nora]");
}

TEST(ExportRedaction, CaselessScriptsAnywhere)
{
    const Redactor r({person("P03", "王小明", "Lin"), person("P04", "山田 太郎", "Sora")});
    EXPECT_EQ(r.apply("我昨天见了王小明以后"), "我昨天见了[Lin]以后");
    EXPECT_EQ(r.apply("山田さんと太郎くん"), "[Sora]さんと[Sora]くん");
    EXPECT_EQ(r.apply("山田太郎は"), "[Sora]は"); // written without the space: the whole name
    EXPECT_EQ(r.apply("王小"), "王小");           // only the whole written name
}

TEST(ExportRedaction, SeveralParticipants)
{
    const Redactor r({person("P01", "Hannah Price", "Robin"),
                      person("P05", "Gareth Evans", "Huw"),
                      person("P10", "Marek Nowak", "Adam")});
    EXPECT_EQ(r.apply("can someone sort Hannah out please, said Gareth to Mr Nowak"),
              "can someone sort [Robin] out please, said [Huw] to Mr [Adam]");
}

TEST(ExportRedaction, LongestMatchWins)
{
    const Redactor r({person("P01", "Ann Lee", "Ada"),
                      person("P02", "Anna Lee-Smith", "Bea"),
                      person("P03", "Jo Anna", "Cy")});
    EXPECT_EQ(r.apply("Ann met Anna Lee-Smith"), "[Ada] met [Bea]");
    // "Lee-Smith" beats "Lee"; "Jo Anna" (the whole name) beats "Jo" and "Anna".
    EXPECT_EQ(r.apply("Lee-Smith, Jo Anna"), "[Bea], [Cy]");
    // A part two participants share names both ("Lee" is a piece of "Lee-Smith" too).
    EXPECT_EQ(r.apply("Anna and Lee"), "[Bea or Cy] and [Ada or Bea]");
}

TEST(ExportRedaction, CodeWhenThereIsNoPseudonym)
{
    const Redactor r({person("P07", "Rhys Morgan", "")});
    EXPECT_EQ(r.apply("Rhys rang Morgan"), "[P07] rang [P07]");
}

TEST(ExportRedaction, NothingToDoWithoutNames)
{
    const Redactor none({person("P01", "", "Robin"), person("P02", "  ", "")});
    EXPECT_TRUE(none.empty());
    EXPECT_EQ(none.apply("Robin said 👋🏽 e\u0301"), "Robin said 👋🏽 e\u0301");
    EXPECT_TRUE(Redactor().empty());
    const Redactor r({person("P01", "J. Price", "Robin")});
    EXPECT_EQ(r.apply("J. said so, and J. Price"), "J. said so, and [Robin]"); // no initials
}

// The report content

TEST_F(SampleExport, EveryJobWithItsStoriesForcesAndQuotes)
{
    const ReportContent c = content();
    const auto jobs = expectOk(study().jobs());
    ASSERT_EQ(c.jobs.size(), 3u);
    const StudyStats stats = expectOk(study().stats());
    EXPECT_EQ(c.interviewCount, stats.interviews);
    EXPECT_EQ(c.participantCount, stats.participants);
    EXPECT_EQ(c.highlightCount, 238);
    EXPECT_EQ(c.highlightCount, stats.highlights);
    EXPECT_FALSE(c.firstInterview.empty());
    EXPECT_LE(c.firstInterview, c.lastInterview);
    EXPECT_EQ(c.generatedAt.size(), 20u);
    EXPECT_EQ(c.generatedAt.back(), 'Z');

    for (std::size_t j = 0; j < c.jobs.size(); ++j) {
        const ReportJob &job = c.jobs[j];
        EXPECT_EQ(job.job.id, jobs[j].id);
        EXPECT_EQ(job.job.name, jobs[j].name);
        EXPECT_EQ(job.storyText, jobs[j].storyText());
        EXPECT_EQ(job.stories.size(), jobs[j].interviewIds.size());
        const Scope scope = Scope::job(job.job.id);
        const ForcesSummary summary = expectOk(study().forcesSummary(scope));
        for (Force force : kForces) {
            const ReportForce &f = job[force];
            EXPECT_EQ(f.force, force);
            EXPECT_EQ(f.tally.count, summary[force].count);
            EXPECT_EQ(f.tally.intensity, summary[force].intensity);
            EXPECT_EQ(f.quotes.size(), std::min<std::size_t>(4, summary[force].count));
            EXPECT_EQ(f.more, summary[force].count - static_cast<std::int64_t>(f.quotes.size()));
            EXPECT_TRUE(strongestFirst(f.quotes)) << key(force);
            const auto strongest = expectOk(study().strongestEvidence(scope, force, 4));
            ASSERT_EQ(strongest.size(), f.quotes.size());
            for (std::size_t i = 0; i < strongest.size(); ++i) {
                EXPECT_EQ(f.quotes[i].highlightId, strongest[i].highlight.id);
                EXPECT_EQ(f.quotes[i].text, strongest[i].highlight.quote);
                EXPECT_EQ(f.quotes[i].startMs, strongest[i].startMs);
                EXPECT_TRUE(f.quotes[i].startMs.has_value());
                EXPECT_TRUE(f.quotes[i].memo.empty()); // memos only when asked
                EXPECT_TRUE(std::find(f.quotes[i].codeKeys.begin(),
                                      f.quotes[i].codeKeys.end(),
                                      std::string(key(force)))
                            != f.quotes[i].codeKeys.end());
            }
            EXPECT_TRUE(f.groups.empty()); // the sample has no force groups until clustered
        }
        for (std::size_t i = 0; i < 4; ++i)
            EXPECT_EQ(job.summary().tallies[i].count, summary.tallies[i].count);
        for (const auto &story : job.stories) {
            EXPECT_FALSE(story.participantCode.empty());
            EXPECT_FALSE(story.participantPseudonym.empty());
            EXPECT_FALSE(story.switchedTo.empty());
        }
    }
}

TEST_F(SampleExport, CriteriaAndOutcomesAreTheStrongestTaggedQuotes)
{
    const ReportContent c = content();
    std::size_t listed = 0;
    for (const auto &job : c.jobs) {
        const Scope scope = Scope::job(job.job.id);
        const std::pair<const std::vector<ReportQuote> *, const char *> lists[] = {
            {&job.hireCriteria, "hire-criterion"},
            {&job.fireCriteria, "fire-criterion"},
            {&job.alternatives, "alternative-considered"},
            {&job.desiredOutcomes, "desired-outcome"}};
        for (const auto &[list, code] : lists) {
            auto tagged = expectOk(study().highlightsInScope(scope, codeId(study(), code)));
            std::sort(tagged.begin(), tagged.end(), [](const Highlight &a, const Highlight &b) {
                if (a.intensity != b.intensity)
                    return a.intensity > b.intensity;
                if (a.confidence != b.confidence)
                    return confidenceRank(a.confidence) < confidenceRank(b.confidence);
                if (a.createdAt != b.createdAt)
                    return a.createdAt > b.createdAt;
                return a.id < b.id;
            });
            ASSERT_EQ(list->size(), std::min<std::size_t>(5, tagged.size())) << code;
            for (std::size_t i = 0; i < list->size(); ++i) {
                EXPECT_EQ((*list)[i].highlightId, tagged[i].id) << code;
                EXPECT_EQ((*list)[i].text, tagged[i].quote);
            }
            listed += list->size();
        }
    }
    EXPECT_GT(listed, 0u);
}

TEST_F(SampleExport, TriggersByEventKindWithTheirQuotes)
{
    const ReportContent c = content();
    std::size_t triggers = 0;
    for (const auto &job : c.jobs) {
        std::size_t events = 0;
        for (Id id : job.job.interviewIds)
            events += expectOk(study().timeline(id)).size();
        EXPECT_EQ(job.triggers.size(), events);
        EXPECT_TRUE(std::is_sorted(
            job.triggers.begin(), job.triggers.end(), [](const auto &a, const auto &b) {
                return static_cast<int>(a.kind) < static_cast<int>(b.kind);
            }));
        for (const auto &t : job.triggers) {
            ASSERT_TRUE(t.quote.has_value()); // every sample event has its quote
            const Highlight h = expectOk(study().highlight(t.quote->highlightId));
            EXPECT_EQ(t.quote->text, h.quote);
            EXPECT_EQ(t.quote->interviewId, t.interviewId);
            EXPECT_FALSE(t.occurredOn.empty());
        }
        triggers += job.triggers.size();
    }
    EXPECT_EQ(triggers, 60u);
}

TEST_F(SampleExport, AppendixOfParticipantsInterviewsAndCodebook)
{
    const ReportContent c = content();
    ASSERT_EQ(c.participants.size(), 12u);
    EXPECT_TRUE(std::is_sorted(
        c.participants.begin(), c.participants.end(), [](const auto &a, const auto &b) {
            return a.code < b.code;
        }));
    EXPECT_EQ(c.participants[0].code, "P01");
    EXPECT_EQ(c.participants[0].name, "Hannah Price");
    EXPECT_EQ(c.participants[0].pseudonym, "Robin");
    EXPECT_EQ(c.participants[0].interviews, 1);
    EXPECT_FALSE(c.participants[0].attributes.empty());

    ASSERT_EQ(c.interviews.size(), 12u);
    std::int64_t highlights = 0;
    for (std::size_t i = 0; i < c.interviews.size(); ++i) {
        const auto &interview = c.interviews[i];
        highlights += interview.highlights;
        EXPECT_EQ(interview.jobIds.size(), 1u) << interview.title;
        EXPECT_TRUE(interview.notes.empty());
        if (i > 0) {
            const auto &before = c.interviews[i - 1];
            EXPECT_TRUE(
                before.conductedOn < interview.conductedOn
                || (before.conductedOn == interview.conductedOn && before.id < interview.id));
        }
    }
    EXPECT_EQ(highlights, c.highlightCount);

    const auto codes = expectOk(study().codes());
    ASSERT_EQ(c.codebook.size(), codes.size());
    std::map<Id, std::size_t> position;
    for (std::size_t i = 0; i < c.codebook.size(); ++i)
        position[c.codebook[i].id] = i;
    for (const auto &code : codes) {
        const auto &shown = c.codebook[position.at(code.id)];
        EXPECT_EQ(shown.usage, expectOk(study().codeUsage(code.id))) << code.key;
        if (code.parentId) {
            const auto &parent = c.codebook[position.at(*code.parentId)];
            EXPECT_LT(position.at(*code.parentId), position.at(code.id));
            EXPECT_EQ(shown.depth, parent.depth + 1);
        } else {
            EXPECT_EQ(shown.depth, 0);
        }
    }
    EXPECT_EQ(c.codebook.front().key, "push");
}

TEST_F(SampleExport, JobsAskedForInTheirOrder)
{
    ExportOptions options;
    options.jobIds = {2, 1, 2};
    const ReportContent c = content(options);
    ASSERT_EQ(c.jobs.size(), 2u);
    EXPECT_EQ(c.jobs[0].job.id, 2);
    EXPECT_EQ(c.jobs[1].job.id, 1);
    for (const auto &interview : c.interviews)
        for (Id id : interview.jobIds)
            EXPECT_TRUE(id == 1 || id == 2);

    options.jobIds = {1, 7};
    auto missing = loadReportContent(study(), options);
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, ErrorCode::NotFound);
    EXPECT_EQ(missing.error().message, "there is no job 7 in the study (its jobs are 1, 2, 3)");
}

TEST_F(SampleExport, RedactedContentHoldsNoRealName)
{
    const auto participants = expectOk(study().participants());
    const auto names = realNames(participants);
    ASSERT_GE(names.size(), 36u);

    ExportOptions options;
    options.redact = true;
    options.includeMemos = true;
    options.quotesPerForce = 100;
    options.quotesPerList = 100;
    const ReportContent c = content(options);
    const auto strings = allStrings(c);
    for (const auto &[where, text] : strings)
        for (const auto &name : names)
            EXPECT_FALSE(containsWord(text, name)) << where << " shows " << name << ": " << text;
    for (const auto &p : c.participants) {
        EXPECT_TRUE(p.name.empty());
        EXPECT_FALSE(p.pseudonym.empty());
    }
    // The quote that names its teller reads with the pseudonym instead.
    bool found = false;
    for (const auto &[where, text] : strings)
        found = found || text.find("can someone sort [Robin] out please") != std::string::npos;
    EXPECT_TRUE(found);

    // Unredacted, the same content does show them.
    const auto plain = allStrings(content());
    bool named = false;
    for (const auto &[where, text] : plain)
        named = named || text.find("can someone sort Hannah out please") != std::string::npos;
    EXPECT_TRUE(named);
}

TEST(ExportContent, MemosAndNotesOnlyWhenAsked)
{
    TempDir dir;
    Study study = expectOk(createSampleStudy(dir / "s.jtbd"));
    Job job = expectOk(study.job(1));
    job.notes = "Hannah's story fits best";
    expectOk(study.updateJob(job));
    const Id interviewId = job.interviewIds.front();
    Interview interview = expectOk(study.interview(interviewId));
    interview.notes = "Recorded at Hannah Price's studio";
    expectOk(study.updateInterview(interview));
    expectOk(study.addNote({0, interviewId, {}, 60000, "Hannah showed the spreadsheet", ""}));
    TimelineEvent event = expectOk(study.timeline(interviewId)).front();
    event.people = "Hannah and her client";
    expectOk(study.updateTimelineEvent(event));

    ExportOptions options;
    options.jobIds = {1};
    ReportContent c = expectOk(loadReportContent(study, options));
    EXPECT_TRUE(c.jobs[0].job.notes.empty());
    for (const auto &i : c.interviews)
        EXPECT_TRUE(i.notes.empty());
    for (const auto &[where, text] : allStrings(c)) {
        if (where.ends_with(".memo")) {
            EXPECT_TRUE(text.empty()) << where;
        }
    }

    options.includeMemos = true;
    c = expectOk(loadReportContent(study, options));
    EXPECT_EQ(c.jobs[0].job.notes, "Hannah's story fits best");
    const auto shown = std::find_if(c.interviews.begin(), c.interviews.end(), [&](const auto &i) {
        return i.id == interviewId;
    });
    ASSERT_NE(shown, c.interviews.end());
    EXPECT_EQ(shown->notes,
              (std::vector<std::string>{"Recorded at Hannah Price's studio",
                                        "Hannah showed the spreadsheet"}));
    std::size_t memos = 0;
    for (const auto &[where, text] : allStrings(c))
        memos += where.ends_with(".memo") && !text.empty();
    EXPECT_GT(memos, 0u);
    const auto hasPeople = [](const ReportContent &content, const std::string &people) {
        const auto &triggers = content.jobs[0].triggers;
        return std::any_of(triggers.begin(), triggers.end(), [&](const ReportTrigger &t) {
            return t.people == people;
        });
    };
    EXPECT_TRUE(hasPeople(c, "Hannah and her client"));

    options.redact = true;
    c = expectOk(loadReportContent(study, options));
    EXPECT_EQ(c.jobs[0].job.notes, "[Robin]'s story fits best");
    EXPECT_TRUE(hasPeople(c, "[Robin] and her client"));
    const auto redacted =
        std::find_if(c.interviews.begin(), c.interviews.end(), [&](const auto &i) {
            return i.id == interviewId;
        });
    EXPECT_EQ(redacted->notes,
              (std::vector<std::string>{"Recorded at [Robin]'s studio",
                                        "[Robin] showed the spreadsheet"}));
}

TEST(ExportContent, FormatsTimestamps)
{
    EXPECT_EQ(formatTimestamp(0), "00:00");
    EXPECT_EQ(formatTimestamp(754999), "12:34");
    EXPECT_EQ(formatTimestamp(3723000), "01:02:03");
    EXPECT_EQ(formatTimestamp(754000, true), "00:12:34");
    EXPECT_EQ(formatTimestamp(-5), "00:00");
}

// The job stories JSON

TEST_F(SampleExport, JobStoriesJsonMatchesTheContent)
{
    ExportOptions options;
    options.jobIds = {3, 1};
    const ReportContent c = content(options);
    const auto json = nlohmann::json::parse(jobStoriesJson(c));
    EXPECT_EQ(json["format"], "jtbd-job-stories");
    EXPECT_EQ(json["version"], kJobStoriesJsonVersion);
    EXPECT_EQ(json["generator"], std::string("JTBD Workbench ") + JTBD_VERSION);
    EXPECT_EQ(json["generated_at"], c.generatedAt);
    EXPECT_EQ(json["redacted"], false);
    EXPECT_EQ(json["weighting"], "intensity");
    EXPECT_EQ(json["study"]["name"], c.info.name);
    EXPECT_EQ(json["study"]["highlights"], 238);
    EXPECT_EQ(json["study"]["first_interview"], c.firstInterview);
    ASSERT_EQ(json["jobs"].size(), 2u);
    for (std::size_t j = 0; j < c.jobs.size(); ++j) {
        const ReportJob &job = c.jobs[j];
        const auto &out = json["jobs"][j];
        EXPECT_EQ(out["id"], job.job.id);
        EXPECT_EQ(out["key"], job.job.stableKey);
        EXPECT_EQ(out["name"], job.job.name);
        EXPECT_EQ(out["job_story"]["when"], job.job.storyWhen);
        EXPECT_EQ(out["job_story"]["text"], job.storyText);
        EXPECT_FALSE(out.contains("notes")); // memos were not asked for
        ASSERT_EQ(out["stories"].size(), job.stories.size());
        EXPECT_EQ(out["stories"][0]["participant"]["code"], job.stories[0].participantCode);
        EXPECT_FALSE(out["stories"][0]["participant"].contains("name"));
        for (Force force : kForces) {
            const auto &f = out["forces"][std::string(key(force))];
            EXPECT_EQ(f["id"], info(force).id);
            EXPECT_EQ(f["count"], job[force].tally.count);
            EXPECT_EQ(f["intensity"], job[force].tally.intensity);
            EXPECT_EQ(f["more"], job[force].more);
            ASSERT_EQ(f["quotes"].size(), job[force].quotes.size());
            for (std::size_t i = 0; i < job[force].quotes.size(); ++i) {
                const ReportQuote &q = job[force].quotes[i];
                EXPECT_EQ(f["quotes"][i]["highlight_id"], q.highlightId);
                EXPECT_EQ(f["quotes"][i]["text"], q.text);
                EXPECT_EQ(f["quotes"][i]["start"], q.start);
                EXPECT_EQ(f["quotes"][i]["start_ms"], *q.startMs);
                EXPECT_EQ(f["quotes"][i]["timestamp"], formatTimestamp(*q.startMs, true));
                EXPECT_FALSE(f["quotes"][i].contains("memo"));
            }
        }
        const ForcesSummary summary = job.summary();
        EXPECT_EQ(out["forces"]["balance"]["difference"], summary.balance(Weighting::Intensity));
        ASSERT_EQ(out["triggers"].size(), job.triggers.size());
        EXPECT_EQ(out["triggers"][0]["kind"], "first-thought");
        EXPECT_EQ(out["triggers"][0]["quote"]["text"], job.triggers[0].quote->text);
        EXPECT_EQ(out["hire_criteria"].size(), job.hireCriteria.size());
        EXPECT_EQ(out["desired_outcomes"].size(), job.desiredOutcomes.size());
    }
    // The real names never appear, even unredacted: the file is made for sharing.
    const std::string text = jobStoriesJson(c);
    EXPECT_EQ(text.find("Hannah Price"), std::string::npos);
    EXPECT_EQ(text.find("\"name\": \"Hannah"), std::string::npos);
}

// The highlights CSV

TEST(ExportCsv, QuotesWithCommasQuotesAndLineBreaksParseBack)
{
    TempDir dir;
    Study study = expectOk(Study::create(dir / "s.jtbd"));
    Participant p = person("P01", "Hannah Price", "Robin");
    p.id = expectOk(study.addParticipant(p));
    Interview interview;
    interview.title = "Robin, \"the designer\"";
    interview.participantId = p.id;
    const Id interviewId = expectOk(study.addInterview(interview));
    expectOk(study.setTranscript(
        interviewId,
        {{"Maya", SpeakerRole::Interviewer, 0, 4000, "So what happened, Hannah?"},
         {"Hannah",
          SpeakerRole::Participant,
          4000,
          9000,
          "He wrote \"can someone sort Hannah out, please\" and I went hot."}}));
    // Across the two turns: a comma, double quotes and the line feed between them.
    const std::string text = expectOk(study.interviewText(interviewId));
    Highlight h;
    h.interviewId = interviewId;
    h.start = 8;
    h.end = static_cast<std::int64_t>(std::string("So what happened, Hannah?\nHe wrote \"can "
                                                  "someone sort Hannah out, please\"")
                                          .size());
    h.codeIds = {codeId(study, "push"), codeId(study, "dimension:emotional")};
    h.intensity = 5;
    h.confidence = Confidence::High;
    h.phase = Phase::FirstThought;
    h.memo = "Hannah, again";
    h.id = expectOk(study.addHighlight(h));
    h = expectOk(study.highlight(h.id));
    ASSERT_NE(h.quote.find('\n'), std::string::npos);

    ExportOptions options;
    options.includeMemos = true;
    const std::string csv = expectOk(highlightsCsv(study, options));
    EXPECT_EQ(csv.substr(0, csv.find("\r\n")),
              "highlight_id,interview_id,interview,participant_code,participant_pseudonym,"
              "participant_name,codes,code_names,quote,start,end,start_ms,end_ms,timestamp,"
              "phase,intensity,confidence,coder,memo,created_at,updated_at");
    EXPECT_TRUE(csv.ends_with("\r\n"));
    EXPECT_NE(csv.substr(0, 3), "\xEF\xBB\xBF"); // no byte-order mark
    const CsvTable table = expectOk(parseCsv(csv));
    ASSERT_EQ(table.rows.size(), 1u);
    std::map<std::string, std::string> row;
    for (std::size_t i = 0; i < table.header.size(); ++i)
        row[table.header[i]] = table.rows[0].at(i);
    EXPECT_EQ(row["highlight_id"], std::to_string(h.id));
    EXPECT_EQ(row["interview"], "Robin, \"the designer\"");
    EXPECT_EQ(row["participant_code"], "P01");
    EXPECT_EQ(row["participant_pseudonym"], "Robin");
    EXPECT_EQ(row["participant_name"], "Hannah Price");
    EXPECT_EQ(row["codes"], "push; dimension:emotional");
    EXPECT_EQ(row["code_names"], "Push; Emotional");
    EXPECT_EQ(row["quote"], h.quote);
    EXPECT_EQ(row["start"], "8");
    EXPECT_EQ(row["end"], std::to_string(h.end));
    EXPECT_EQ(row["start_ms"], "0");
    EXPECT_EQ(row["end_ms"], "9000");
    EXPECT_EQ(row["timestamp"], "00:00:00");
    EXPECT_EQ(row["phase"], "first-thought");
    EXPECT_EQ(row["intensity"], "5");
    EXPECT_EQ(row["confidence"], "high");
    EXPECT_EQ(row["memo"], "Hannah, again");
    EXPECT_EQ(row["created_at"], h.createdAt);

    options.redact = true;
    const CsvTable redacted = expectOk(parseCsv(expectOk(highlightsCsv(study, options))));
    std::map<std::string, std::string> r;
    for (std::size_t i = 0; i < redacted.header.size(); ++i)
        r[redacted.header[i]] = redacted.rows[0].at(i);
    EXPECT_EQ(r["participant_name"], "");
    EXPECT_EQ(r["quote"], "happened, [Robin]?\nHe wrote \"can someone sort [Robin] out, please\"");
    EXPECT_EQ(r["memo"], "[Robin], again");
    options.includeMemos = false;
    const CsvTable noMemo = expectOk(parseCsv(expectOk(highlightsCsv(study, options))));
    EXPECT_EQ(noMemo.rows[0].at(18), "");
}

TEST_F(SampleExport, CsvHasEveryHighlightOrTheJobsAskedFor)
{
    const CsvTable all = expectOk(parseCsv(expectOk(highlightsCsv(study(), {}))));
    ASSERT_EQ(all.rows.size(), 238u);
    std::set<std::string> ids;
    for (const auto &row : all.rows) {
        ASSERT_EQ(row.size(), 21u);
        ids.insert(row[0]);
        const Highlight h = expectOk(study().highlight(std::stoll(row[0])));
        EXPECT_EQ(row[8], h.quote);
        EXPECT_FALSE(row[5].empty()); // the real name, unredacted
        EXPECT_FALSE(row[13].empty());
        EXPECT_TRUE(row[17] == "Maya Okafor" || row[17] == "Tom Brandt") << row[17];
    }
    EXPECT_EQ(ids.size(), 238u);

    ExportOptions options;
    options.jobIds = {2};
    options.redact = true;
    const CsvTable job = expectOk(parseCsv(expectOk(highlightsCsv(study(), options))));
    const auto inJob = expectOk(study().highlightsInScope(Scope::job(2)));
    EXPECT_EQ(job.rows.size(), inJob.size());
    const auto names = realNames(expectOk(study().participants()));
    for (const auto &row : job.rows) {
        EXPECT_EQ(row[5], "");
        for (const auto &field : row)
            for (const auto &name : names)
                EXPECT_FALSE(containsWord(field, name)) << name << " in " << field;
    }

    options.jobIds = {9};
    auto missing = highlightsCsv(study(), options);
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, ErrorCode::NotFound);
    EXPECT_NE(missing.error().message.find("no job 9"), std::string::npos);
}

// Writing the files

TEST_F(SampleExport, UnwritablePlaceIsAnErrorNamingIt)
{
    TempDir dir;
    writeBytes(dir / "file", "not a folder");
    for (const fs::path &out : {dir / "missing" / "stories.json", dir / "file" / "stories.json"}) {
        const Status stories = writeJobStories(study(), out, {});
        ASSERT_FALSE(stories.ok());
        EXPECT_EQ(stories.error().code, ErrorCode::Io);
        EXPECT_NE(stories.error().message.find(out.string()), std::string::npos)
            << stories.error().message;
        const Status csv = writeHighlightsCsv(study(), out, {});
        ASSERT_FALSE(csv.ok());
        EXPECT_NE(csv.error().message.find(out.string()), std::string::npos);
    }
    EXPECT_FALSE(hasPartialFile(dir.path()));
}

TEST_F(SampleExport, FullDiskLeavesTheOldFileAndNoTemporaryFile)
{
    TempDir dir;
    const std::string csvSize = std::to_string(expectOk(highlightsCsv(study(), {})).size());
    const std::size_t storiesSize = jobStoriesJson(content()).size();
    ASSERT_GT(storiesSize, 40u * 1024);
    ASSERT_GT(std::stoul(csvSize), 40u * 1024);
    const fs::path stories = dir / "stories.json";
    const fs::path csv = dir / "highlights.csv";
    writeBytes(stories, "the old stories");
    writeBytes(csv, "the old highlights");

    const fs::path studyPath = *s_dir / "sample.jtbd";
    const int status = inChild([&] {
        // The file-size limit stands in for a full disk: writes past it fail like ENOSPC.
        std::signal(SIGXFSZ, SIG_IGN);
        const rlimit limit{32 * 1024, 32 * 1024};
        setrlimit(RLIMIT_FSIZE, &limit);
        auto opened = Study::open(studyPath);
        if (!opened)
            return 10;
        for (const auto &[out, written] :
             {std::pair{stories, writeJobStories(*opened, stories, {})},
              std::pair{csv, writeHighlightsCsv(*opened, csv, {})}}) {
            if (written)
                return 11;
            const auto code = written.error().code;
            if (code != ErrorCode::DiskFull && code != ErrorCode::Io)
                return 12;
            if (written.error().message.find(out.string()) == std::string::npos)
                return 13;
        }
        return 0;
    });
    EXPECT_EQ(status, 0);
    EXPECT_EQ(readBytes(stories), "the old stories");
    EXPECT_EQ(readBytes(csv), "the old highlights");
    EXPECT_FALSE(hasPartialFile(dir.path()));

    // With room, both are written whole.
    expectOk(writeJobStories(study(), stories, {}));
    expectOk(writeHighlightsCsv(study(), csv, {}));
    EXPECT_EQ(readBytes(csv).size(), std::stoul(csvSize));
    const auto written = nlohmann::json::parse(readBytes(stories));
    EXPECT_EQ(written["jobs"].size(), 3u);
}

} // namespace jtbd
