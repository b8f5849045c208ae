// The synthesis: Jaccard distance, average linkage and silhouette against hand-computed values;
// planted jobs recovered from generated studies, and how the recovery degrades with noise; the
// researcher's work kept across re-runs; drafts that cite their evidence; the sample's jobs.
#include "test_support.h"

#include <jtbd/clustering.h>
#include <jtbd/sample.h>
#include <jtbd/study.h>
#include <jtbd/synthesis.h>

#include <algorithm>
#include <gtest/gtest.h>
#include <map>
#include <random>
#include <regex>
#include <set>
#include <tuple>

namespace jtbd {

using namespace test;

namespace {

std::vector<std::vector<double>> fourPoints()
{
    // d01 = 1, d02 = 4, d03 = 6, d12 = 3, d13 = 5, d23 = 2
    return {{0, 1, 4, 6}, {1, 0, 3, 5}, {4, 3, 0, 2}, {6, 5, 2, 0}};
}

// ---------------------------------------------------------------------------------------------
// Generated studies with planted jobs: each job has its own words for each force, in two themes;
// each story tells two or three quotes of each force in its job's words. Noise puts a quote in
// the words of another job.

std::string pseudoWord(int index)
{
    static const char *syllables[] = {
        "ka", "lo", "mi", "ne", "ru", "ta", "vo", "zi", "pe", "su", "fa", "go"};
    std::string word;
    for (int i = 0; i < 3; ++i) {
        word += syllables[index % 12];
        index /= 12;
    }
    return word + "n";
}

struct Planted
{
    Study study;
    std::vector<Id> interviews; // in the order planted
    std::map<Id, int> truth;    // interview -> planted job
};

constexpr int kThemes = 2;
constexpr int kThemeWords = 5;

std::string themeWord(int job, int force, int theme, int word)
{
    return pseudoWord(((job * 4 + force) * kThemes + theme) * kThemeWords + word + 1);
}

Planted plantJobs(const std::filesystem::path &path,
                  int jobs,
                  int storiesPerJob,
                  double noise,
                  std::uint64_t seed)
{
    std::mt19937_64 random(seed);
    auto uniform = [&](int n) {
        return static_cast<int>(random() % static_cast<std::uint64_t>(n));
    };
    auto chance = [&](double p) {
        return static_cast<double>(random() % 10000) < p * 10000;
    };
    static const char *templates[] = {
        "I remember the %s and the %s, it was always the %s with us.",
        "Every week it was %s again, then %s, and nobody cared about the %s.",
        "What got me was the %s, honestly, and the %s on top of the %s.",
        "We kept talking about %s and %s until the %s came up.",
    };
    std::vector<Id> interviews;
    std::map<Id, int> truth;
    Study study = expectOk(
        Study::create(
            path,
            [&](Study &s) -> Status {
                const Id forceCodes[] = {
                    codeId(s, "push"), codeId(s, "pull"), codeId(s, "anxiety"), codeId(s, "habit")};
                const Id outcome = codeId(s, "desired-outcome");
                for (int job = 0; job < jobs; ++job) {
                    for (int story = 0; story < storiesPerJob; ++story) {
                        Participant participant;
                        char code[16];
                        std::snprintf(code, sizeof code, "P%02d", job * storiesPerJob + story + 1);
                        participant.code = code;
                        participant.pseudonym = "Person " + participant.code;
                        auto participantId = s.addParticipant(participant);
                        if (!participantId)
                            return participantId.error();
                        Interview interview;
                        interview.participantId = *participantId;
                        interview.title = "Story " + participant.code;
                        auto interviewId = s.addInterview(interview);
                        if (!interviewId)
                            return interviewId.error();
                        interviews.push_back(*interviewId);
                        truth[*interviewId] = job;

                        std::vector<TurnInput> turns;
                        std::vector<std::vector<Id>> codes;
                        turns.push_back(
                            {"Maya", SpeakerRole::Interviewer, {}, {}, "Tell me about it."});
                        codes.emplace_back();
                        for (int force = 0; force < 4; ++force) {
                            const int quotes = 2 + uniform(2);
                            for (int q = 0; q < quotes; ++q) {
                                const int from =
                                    chance(noise) ? (job + 1 + uniform(jobs - 1)) % jobs : job;
                                const int theme = uniform(kThemes);
                                std::vector<int> picked = {0, 1, 2, 3, 4};
                                std::shuffle(picked.begin(), picked.end(), random);
                                char text[256];
                                std::snprintf(text,
                                              sizeof text,
                                              templates[uniform(4)],
                                              themeWord(from, force, theme, picked[0]).c_str(),
                                              themeWord(from, force, theme, picked[1]).c_str(),
                                              themeWord(from, force, theme, picked[2]).c_str());
                                std::string quote = text;
                                std::vector<Id> quoteCodes = {forceCodes[force]};
                                if (force == 1 && q == 0) { // a pull that says what they want
                                    quote = "I want to " + themeWord(from, force, theme, picked[3])
                                            + " the " + themeWord(from, force, theme, picked[4])
                                            + " every week.";
                                    quoteCodes.push_back(outcome);
                                }
                                turns.push_back({"Sam", SpeakerRole::Participant, {}, {}, quote});
                                codes.push_back(quoteCodes);
                            }
                        }
                        if (auto set = s.setTranscript(*interviewId, turns); !set)
                            return set.error();
                        std::int64_t offset = 0;
                        for (std::size_t t = 0; t < turns.size(); ++t) {
                            const auto length = static_cast<std::int64_t>(turns[t].text.size());
                            if (!codes[t].empty()) {
                                Highlight h;
                                h.interviewId = *interviewId;
                                h.start = offset;
                                h.end = offset + length;
                                h.codeIds = codes[t];
                                std::sort(h.codeIds.begin(), h.codeIds.end());
                                h.intensity = 1 + uniform(5);
                                if (auto added = s.addHighlight(h); !added)
                                    return added.error();
                            }
                            offset += length + 1;
                        }
                    }
                }
                return {};
            }),
        "planted study");
    return {std::move(study), std::move(interviews), std::move(truth)};
}

// The job of each planted story after a synthesis (jobs in id order; -1 for none), against the
// planted jobs, as the adjusted Rand index.
double recovery(const Planted &planted)
{
    const auto jobs = expectOk(planted.study.jobs(), "jobs");
    std::map<Id, int> found;
    for (std::size_t j = 0; j < jobs.size(); ++j) {
        for (Id id : jobs[j].interviewIds)
            found[id] = static_cast<int>(j);
    }
    std::vector<int> predicted;
    std::vector<int> truth;
    for (Id id : planted.interviews) {
        predicted.push_back(found.contains(id) ? found[id] : static_cast<int>(jobs.size()));
        truth.push_back(planted.truth.at(id));
    }
    return scoreAgreement(predicted, truth).ari;
}

} // namespace

TEST(SynthesisMath, JaccardDistance)
{
    const std::vector<std::uint8_t> a = {1, 1, 0, 0};
    const std::vector<std::uint8_t> b = {1, 0, 1, 0};
    const std::vector<std::uint8_t> none = {0, 0, 0, 0};
    EXPECT_DOUBLE_EQ(jaccardDistance(a, b), 1.0 - 1.0 / 3.0);
    EXPECT_DOUBLE_EQ(jaccardDistance(a, a), 0.0);
    EXPECT_DOUBLE_EQ(jaccardDistance(a, none), 1.0);
    EXPECT_DOUBLE_EQ(jaccardDistance(none, none), 1.0); // nothing in common
    EXPECT_DOUBLE_EQ(jaccardDistance(std::vector<std::uint8_t>{1, 1, 1, 1, 0, 1},
                                     std::vector<std::uint8_t>{0, 1, 1, 0, 1, 1}),
                     1.0 - 3.0 / 6.0);
}

TEST(SynthesisMath, AverageLinkageMatchesHandComputedMerges)
{
    const Dendrogram tree = averageLinkage(fourPoints());
    ASSERT_EQ(tree.leaves, 4);
    ASSERT_EQ(tree.merges.size(), 3U);
    // (0,1) at 1; (2,3) at 2; then the two pairs at the mean of d02, d03, d12, d13 = 4.5.
    EXPECT_EQ(tree.merges[0].left, 0);
    EXPECT_EQ(tree.merges[0].right, 1);
    EXPECT_DOUBLE_EQ(tree.merges[0].distance, 1.0);
    EXPECT_EQ(tree.merges[0].size, 2);
    EXPECT_EQ(tree.merges[1].left, 2);
    EXPECT_EQ(tree.merges[1].right, 3);
    EXPECT_DOUBLE_EQ(tree.merges[1].distance, 2.0);
    EXPECT_EQ(tree.merges[2].left, 4);
    EXPECT_EQ(tree.merges[2].right, 5);
    EXPECT_DOUBLE_EQ(tree.merges[2].distance, 4.5);
    EXPECT_EQ(tree.merges[2].size, 4);

    EXPECT_EQ(tree.cut(1), (std::vector<int>{0, 0, 0, 0}));
    EXPECT_EQ(tree.cut(2), (std::vector<int>{0, 0, 1, 1}));
    EXPECT_EQ(tree.cut(3), (std::vector<int>{0, 0, 1, 2}));
    EXPECT_EQ(tree.cut(4), (std::vector<int>{0, 1, 2, 3}));
    EXPECT_EQ(tree.cut(9), (std::vector<int>{0, 1, 2, 3})); // clamped
    EXPECT_EQ(tree.leafOrder(), (std::vector<int>{0, 1, 2, 3}));
}

TEST(SynthesisMath, AverageLinkageWeighsBySizeAndOrdersLeaves)
{
    // d02 = 1 merges 0 and 2 first; leaf 1 joins them at (d01 + d12) / 2 = (5 + 4) / 2 = 4.5.
    const Dendrogram tree = averageLinkage({{0, 5, 1}, {5, 0, 4}, {1, 4, 0}});
    ASSERT_EQ(tree.merges.size(), 2U);
    EXPECT_EQ(tree.merges[0].left, 0);
    EXPECT_EQ(tree.merges[0].right, 2);
    EXPECT_EQ(tree.merges[1].left, 1);
    EXPECT_EQ(tree.merges[1].right, 3);
    EXPECT_DOUBLE_EQ(tree.merges[1].distance, 4.5);
    EXPECT_EQ(tree.cut(2), (std::vector<int>{0, 1, 0})); // numbered by first leaf
    EXPECT_EQ(tree.leafOrder(), (std::vector<int>{1, 0, 2}));

    // A cluster of three against one leaf: UPGMA is the mean over all three pairs, not the
    // mean of the two parts' distances: d(3, {0,1,2}) = (9 + 6 + 3) / 3 = 6, where the
    // unweighted (WPGMA) value would be ((9 + 6) / 2 + 3) / 2 = 5.25.
    const Dendrogram weighted =
        averageLinkage({{0, 1, 2, 9}, {1, 0, 2, 6}, {2, 2, 0, 3}, {9, 6, 3, 0}});
    ASSERT_EQ(weighted.merges.size(), 3U);
    EXPECT_DOUBLE_EQ(weighted.merges[1].distance, 2.0);
    EXPECT_DOUBLE_EQ(weighted.merges[2].distance, 6.0);
}

TEST(SynthesisMath, LinkageBreaksTiesInAFixedOrder)
{
    // Every pair at the same distance: the pair whose first leaves come first merges first.
    const std::vector<std::vector<double>> equal = {
        {0, 1, 1, 1}, {1, 0, 1, 1}, {1, 1, 0, 1}, {1, 1, 1, 0}};
    const Dendrogram tree = averageLinkage(equal);
    ASSERT_EQ(tree.merges.size(), 3U);
    EXPECT_EQ(tree.merges[0].left, 0);
    EXPECT_EQ(tree.merges[0].right, 1);
    EXPECT_EQ(tree.merges[1].left, 2);
    EXPECT_EQ(tree.merges[1].right, 4);
    EXPECT_EQ(tree.merges[2].left, 3);
    EXPECT_EQ(tree.merges[2].right, 5);
    // The same input, evaluated again, gives the same tree.
    const Dendrogram again = averageLinkage(equal);
    for (std::size_t i = 0; i < tree.merges.size(); ++i) {
        EXPECT_EQ(again.merges[i].left, tree.merges[i].left);
        EXPECT_EQ(again.merges[i].right, tree.merges[i].right);
    }
    EXPECT_EQ(averageLinkage({}).merges.size(), 0U);
    EXPECT_EQ(averageLinkage({{0}}).leafOrder(), std::vector<int>{0});
}

TEST(SynthesisMath, SilhouetteMatchesHandComputedValue)
{
    const auto d = fourPoints();
    // Points 0..3: a = 1, 1, 2, 2; b = 5, 4, 3.5, 5.5; s = (b - a) / max(a, b).
    const double expected = ((5.0 - 1) / 5 + (4.0 - 1) / 4 + (3.5 - 2) / 3.5 + (5.5 - 2) / 5.5) / 4;
    EXPECT_NEAR(silhouette(d, std::vector<int>{0, 0, 1, 1}), expected, 1e-12);
    EXPECT_DOUBLE_EQ(silhouette(d, std::vector<int>{0, 0, 0, 0}), 0.0);
    // Clusters {0, 1, 2} and {3}. 0: a = (1 + 4) / 2 = 2.5, b = 6; 1: a = (1 + 3) / 2 = 2,
    // b = 5; 2: a = (4 + 3) / 2 = 3.5, b = 2; 3 is alone in its cluster and scores 0, as in
    // scikit-learn.
    const double lone = ((6 - 2.5) / 6 + (5.0 - 2) / 5 + (2 - 3.5) / 3.5 + 0) / 4;
    EXPECT_NEAR(silhouette(d, std::vector<int>{0, 0, 0, 1}), lone, 1e-12);
}

TEST(SynthesisMatrix, QuotesAndMarksFillTheCells)
{
    TempDir dir;
    Planted planted = plantJobs(dir / "matrix.jtbd", 2, 3, 0.0, 81);
    Study &study = planted.study;
    // A story without a single force quote: only a mark brings it into the matrix.
    Interview quiet;
    quiet.title = "No forces here";
    const Id quietId = expectOk(study.addInterview(quiet));
    expectOk(runSynthesis(study, {.jobs = 2, .seed = 1}));
    const auto groups = expectOk(study.forceGroups());

    StoryMatrix matrix = expectOk(storyMatrix(study));
    EXPECT_EQ(matrix.interviewIds, planted.interviews); // the quiet story has no row yet
    ASSERT_EQ(matrix.groupIds.size(), groups.size());
    for (std::size_t c = 0; c < groups.size(); ++c) {
        EXPECT_EQ(matrix.groupIds[c], groups[c].id);
        EXPECT_EQ(matrix.groupForces[c], groups[c].force);
    }
    // Every cell is Quoted exactly when a quote of the story is in the group.
    std::map<Id, Id> storyOf;
    for (Id story : planted.interviews)
        for (const auto &h : expectOk(study.highlights(story)))
            storyOf[h.id] = story;
    for (std::size_t r = 0; r < matrix.interviewIds.size(); ++r) {
        for (std::size_t c = 0; c < groups.size(); ++c) {
            const bool quoted = std::any_of(
                groups[c].highlightIds.begin(), groups[c].highlightIds.end(), [&](Id id) {
                    return storyOf[id] == matrix.interviewIds[r];
                });
            EXPECT_EQ(matrix.cells[r][c],
                      quoted ? StoryMatrix::Cell::Quoted : StoryMatrix::Cell::Empty);
        }
    }

    // Marks: a quoted cell marked "does not show", an empty cell marked "shows", and the quiet
    // story marked as showing the first group.
    std::size_t quotedRow = 0, quotedColumn = 0, emptyRow = 0, emptyColumn = 0;
    bool haveQuoted = false, haveEmpty = false;
    for (std::size_t r = 0; r < matrix.interviewIds.size(); ++r) {
        for (std::size_t c = 0; c < groups.size(); ++c) {
            if (!haveQuoted && matrix.cells[r][c] == StoryMatrix::Cell::Quoted) {
                std::tie(quotedRow, quotedColumn, haveQuoted) = std::tuple(r, c, true);
            } else if (!haveEmpty && matrix.cells[r][c] == StoryMatrix::Cell::Empty) {
                std::tie(emptyRow, emptyColumn, haveEmpty) = std::tuple(r, c, true);
            }
        }
    }
    ASSERT_TRUE(haveQuoted && haveEmpty);
    expectOk(study.setStoryGroupMark(
        matrix.interviewIds[quotedRow], matrix.groupIds[quotedColumn], false));
    expectOk(
        study.setStoryGroupMark(matrix.interviewIds[emptyRow], matrix.groupIds[emptyColumn], true));
    expectOk(study.setStoryGroupMark(quietId, matrix.groupIds[0], true));

    const StoryMatrix marked = expectOk(storyMatrix(study));
    ASSERT_EQ(marked.interviewIds.size(), matrix.interviewIds.size() + 1);
    EXPECT_EQ(marked.interviewIds.back(), quietId);
    EXPECT_EQ(marked.cells[quotedRow][quotedColumn], StoryMatrix::Cell::MarkedAbsent);
    EXPECT_FALSE(marked.shows(quotedRow, quotedColumn));
    EXPECT_EQ(marked.cells[emptyRow][emptyColumn], StoryMatrix::Cell::Marked);
    EXPECT_TRUE(marked.shows(emptyRow, emptyColumn));
    EXPECT_EQ(marked.cells.back()[0], StoryMatrix::Cell::Marked);
    for (std::size_t c = 1; c < groups.size(); ++c)
        EXPECT_EQ(marked.cells.back()[c], StoryMatrix::Cell::Empty);

    // The dendrogram view's clustering reads the same matrix.
    const StoryClustering clustering = expectOk(clusterStories(study));
    EXPECT_EQ(clustering.matrix.interviewIds, marked.interviewIds);
    EXPECT_EQ(clustering.dendrogram.leaves, static_cast<int>(marked.interviewIds.size()));
    EXPECT_TRUE(clustering.estimatedK);
    EXPECT_EQ(clustering.silhouettes.size(), 5U);
    EXPECT_EQ(clustering.labels, clustering.dendrogram.cut(clustering.k));
    const StoryClustering clamped = expectOk(clusterStories(study, 99));
    EXPECT_EQ(clamped.k, static_cast<int>(marked.interviewIds.size()));
    EXPECT_FALSE(clamped.estimatedK);
    auto refused = clusterStories(study, 0);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(expectOk(clusterStories(study, 1)).labels,
              std::vector<int>(marked.interviewIds.size(), 0));
}

TEST(SynthesisPlanted, RecoversCleanJobs)
{
    TempDir dir;
    for (std::uint64_t seed : {1U, 2U, 3U}) {
        Planted planted =
            plantJobs(dir / ("clean" + std::to_string(seed) + ".jtbd"), 4, 8, 0.0, seed);
        const auto summary = expectOk(runSynthesis(planted.study, {.jobs = {}, .seed = seed}));
        EXPECT_TRUE(summary.estimatedJobs);
        EXPECT_EQ(summary.jobs, 4) << "seed " << seed;
        EXPECT_GE(recovery(planted), 0.9) << "seed " << seed;
    }
}

TEST(SynthesisPlanted, NoiseCurve)
{
    TempDir dir;
    const double noises[] = {0.0, 0.1, 0.2, 0.3, 0.4, 0.6};
    std::vector<double> curve;
    for (double noise : noises) {
        double sum = 0;
        const std::uint64_t seeds[] = {11, 12, 13};
        for (std::uint64_t seed : seeds) {
            Planted planted = plantJobs(
                dir / ("noise" + std::to_string(noise) + "-" + std::to_string(seed) + ".jtbd"),
                4,
                8,
                noise,
                seed);
            expectOk(runSynthesis(planted.study, {.jobs = 4, .seed = seed}));
            sum += recovery(planted);
        }
        curve.push_back(sum / 3);
        std::printf("noise %.1f: mean ARI %.3f\n", noise, curve.back());
    }
    // Measured: 1.00, 1.00, 0.89, 0.73-0.86, 0.36-0.46, 0.05-0.07. The recovery degrades
    // gracefully: never better with more noise (within the spread of three studies), still good
    // at moderate noise, and lost once most quotes speak for other jobs.
    for (std::size_t i = 1; i < curve.size(); ++i)
        EXPECT_LE(curve[i], curve[i - 1] + 0.1) << "noise " << noises[i];
    EXPECT_GE(curve[0], 0.9);
    EXPECT_GE(curve[1], 0.85);
    EXPECT_GE(curve[2], 0.7);
    EXPECT_GE(curve[3], 0.5);
    EXPECT_LT(curve[5], 0.5);
}

TEST(SynthesisPlanted, SameSeedSameResult)
{
    TempDir dir;
    std::vector<std::vector<ForceGroup>> groups;
    std::vector<std::vector<Job>> jobs;
    std::vector<std::vector<JobDraft>> drafts;
    for (int run = 0; run < 2; ++run) {
        Planted planted = plantJobs(dir / ("same" + std::to_string(run) + ".jtbd"), 3, 6, 0.2, 5);
        expectOk(runSynthesis(planted.study, {.jobs = {}, .seed = 9}));
        groups.push_back(expectOk(planted.study.forceGroups()));
        auto list = expectOk(planted.study.jobs());
        std::vector<JobDraft> d;
        for (auto &job : list) {
            d.push_back(expectOk(planted.study.jobDraft(job.id)));
            job.stableKey.clear(); // generated at random for new jobs
        }
        jobs.push_back(list);
        drafts.push_back(d);
    }
    EXPECT_EQ(groups[0], groups[1]);
    EXPECT_EQ(jobs[0], jobs[1]);
    EXPECT_EQ(drafts[0], drafts[1]);
}

TEST(SynthesisRerun, KeepsGroupAndJobIdsAcrossARerunAndASmallEdit)
{
    TempDir dir;
    Planted planted = plantJobs(dir / "rerun.jtbd", 4, 8, 0.1, 21);
    Study &study = planted.study;
    expectOk(runSynthesis(study));
    const auto groups = expectOk(study.forceGroups());
    const auto jobs = expectOk(study.jobs());
    ASSERT_EQ(jobs.size(), 4U);

    // The same study again: nothing moves.
    expectOk(runSynthesis(study));
    EXPECT_EQ(expectOk(study.forceGroups()), groups);
    EXPECT_EQ(expectOk(study.jobs()), jobs);

    // A small edit: one quote deleted, one quote's force changed. The groups and jobs keep
    // their ids and stable keys, and almost all of their members.
    const auto highlights = expectOk(study.highlights(planted.interviews[3]));
    expectOk(study.deleteHighlight(highlights[1].id));
    Highlight changed = expectOk(study.highlights(planted.interviews[10]))[2];
    changed.codeIds = {codeId(study, "anxiety")};
    expectOk(study.updateHighlight(changed));
    expectOk(runSynthesis(study));

    const auto after = expectOk(study.jobs());
    ASSERT_EQ(after.size(), jobs.size());
    for (std::size_t j = 0; j < jobs.size(); ++j) {
        EXPECT_EQ(after[j].id, jobs[j].id);
        EXPECT_EQ(after[j].stableKey, jobs[j].stableKey);
        std::vector<Id> common;
        std::set_intersection(after[j].interviewIds.begin(),
                              after[j].interviewIds.end(),
                              jobs[j].interviewIds.begin(),
                              jobs[j].interviewIds.end(),
                              std::back_inserter(common));
        EXPECT_GE(common.size() + 1, jobs[j].interviewIds.size()) << "job " << jobs[j].id;
    }
    std::set<Id> before;
    for (const auto &g : groups)
        before.insert(g.id);
    int kept = 0;
    const auto groupsAfter = expectOk(study.forceGroups());
    for (const auto &g : groupsAfter)
        kept += before.contains(g.id) ? 1 : 0;
    EXPECT_GE(kept * 10, static_cast<int>(groups.size()) * 8)
        << kept << " of " << groups.size() << " groups kept their id";
}

TEST(SynthesisRerun, PinnedGroupsPlacedQuotesAndPlacedStoriesStay)
{
    TempDir dir;
    Planted planted = plantJobs(dir / "placed.jtbd", 3, 6, 0.0, 31);
    Study &study = planted.study;
    expectOk(runSynthesis(study, {.jobs = 3, .seed = 1}));
    auto groups = expectOk(study.forceGroups());
    std::vector<ForceGroup> pushes;
    for (const auto &g : groups) {
        if (g.force == Force::Push)
            pushes.push_back(g);
    }
    ASSERT_GE(pushes.size(), 3U);

    // Pin the first push group, renamed, with a quote taken from the second.
    ForceGroup pinned = pushes[0];
    ForceGroup donor = pushes[1];
    const Id moved = donor.highlightIds.front();
    donor.highlightIds.erase(donor.highlightIds.begin());
    pinned.highlightIds.push_back(moved);
    std::sort(pinned.highlightIds.begin(), pinned.highlightIds.end());
    pinned.pinned = true;
    pinned.label = "Our own label";
    expectOk(study.updateForceGroup(donor));
    expectOk(study.updateForceGroup(pinned));
    pinned = expectOk(study.forceGroup(pinned.id));

    // Place a quote of the third push group by hand in the second.
    ForceGroup from = pushes[2];
    ForceGroup into = expectOk(study.forceGroup(pushes[1].id));
    const Id placedQuote = from.highlightIds.back();
    from.highlightIds.pop_back();
    into.highlightIds.push_back(placedQuote);
    std::sort(into.highlightIds.begin(), into.highlightIds.end());
    into.placedHighlightIds = {placedQuote};
    expectOk(study.updateForceGroup(from));
    expectOk(study.updateForceGroup(into));

    // Place a story of the first job by hand in the second.
    auto jobs = expectOk(study.jobs());
    ASSERT_EQ(jobs.size(), 3U);
    const Id story = jobs[0].interviewIds.front();
    jobs[0].interviewIds.erase(jobs[0].interviewIds.begin());
    jobs[1].interviewIds.push_back(story);
    std::sort(jobs[1].interviewIds.begin(), jobs[1].interviewIds.end());
    jobs[1].placedInterviewIds = {story};
    expectOk(study.updateJob(jobs[0]));
    expectOk(study.updateJob(jobs[1]));

    const auto summary = expectOk(runSynthesis(study, {.jobs = 3, .seed = 1}));
    EXPECT_EQ(summary.pinnedGroups, 1);
    EXPECT_EQ(summary.keptPlacements, 2);
    EXPECT_EQ(expectOk(study.forceGroup(pinned.id)), pinned);

    const ForceGroup intoAfter = expectOk(study.forceGroup(into.id));
    EXPECT_EQ(intoAfter.placedHighlightIds, std::vector<Id>{placedQuote});
    EXPECT_TRUE(std::binary_search(
        intoAfter.highlightIds.begin(), intoAfter.highlightIds.end(), placedQuote));
    for (const auto &g : expectOk(study.forceGroups())) {
        if (g.id == into.id || g.force != Force::Push)
            continue;
        EXPECT_FALSE(std::binary_search(g.highlightIds.begin(), g.highlightIds.end(), placedQuote))
            << "group " << g.id;
        if (g.id != pinned.id) { // the pinned group's quotes are nobody else's
            for (Id id : pinned.highlightIds)
                EXPECT_FALSE(std::binary_search(g.highlightIds.begin(), g.highlightIds.end(), id));
        }
    }

    const Job second = expectOk(study.job(jobs[1].id));
    EXPECT_EQ(second.placedInterviewIds, std::vector<Id>{story});
    EXPECT_TRUE(std::binary_search(second.interviewIds.begin(), second.interviewIds.end(), story));
    for (const auto &job : expectOk(study.jobs())) {
        if (job.id != second.id) {
            EXPECT_FALSE(
                std::binary_search(job.interviewIds.begin(), job.interviewIds.end(), story));
        }
    }
}

TEST(SynthesisRerun, RenamedGroupsKeepTheirLabelOthersFollowTheEngine)
{
    TempDir dir;
    Planted planted = plantJobs(dir / "labels.jtbd", 3, 6, 0.0, 41);
    Study &study = planted.study;
    expectOk(runSynthesis(study));
    auto groups = expectOk(study.forceGroups());
    ASSERT_GE(groups.size(), 2U);
    for (const auto &g : groups) {
        EXPECT_EQ(g.label, g.suggestedLabel);
        EXPECT_FALSE(g.label.empty());
    }
    ForceGroup renamed = groups[0];
    renamed.label = "Month-end reporting breaks";
    expectOk(study.updateForceGroup(renamed));
    // The engine's suggestion changes when the group's quotes change; a stale suggestion stands
    // in for that here.
    ForceGroup stale = groups[1];
    stale.label = "old suggestion";
    stale.suggestedLabel = "old suggestion";
    expectOk(study.updateForceGroup(stale));

    expectOk(runSynthesis(study));
    const ForceGroup renamedAfter = expectOk(study.forceGroup(renamed.id));
    EXPECT_EQ(renamedAfter.label, "Month-end reporting breaks");
    EXPECT_EQ(renamedAfter.suggestedLabel, groups[0].suggestedLabel);
    const ForceGroup staleAfter = expectOk(study.forceGroup(stale.id));
    EXPECT_EQ(staleAfter.label, groups[1].suggestedLabel);
    EXPECT_EQ(staleAfter.suggestedLabel, groups[1].suggestedLabel);
}

TEST(SynthesisRerun, ResearcherEditsToJobsAreNeverOverwritten)
{
    TempDir dir;
    Planted planted = plantJobs(dir / "edits.jtbd", 3, 6, 0.0, 51);
    Study &study = planted.study;
    expectOk(runSynthesis(study, {.jobs = 3, .seed = 1}));
    auto jobs = expectOk(study.jobs());
    ASSERT_EQ(jobs.size(), 3U);
    for (const auto &job : jobs) {
        const JobDraft draft = expectOk(study.jobDraft(job.id));
        ASSERT_NE(draft.find(DraftPart::Name), nullptr);
        EXPECT_EQ(job.name, draft.find(DraftPart::Name)->text);
        ASSERT_NE(draft.find(DraftPart::StoryWant), nullptr);
        EXPECT_EQ(job.storyWant, draft.find(DraftPart::StoryWant)->text);
    }

    // The researcher renames the first job, rewrites its "so I can" and clears its statement;
    // a stale draft for the second job stands in for evidence that has changed since.
    Job edited = jobs[0];
    edited.name = "Get paid without chasing";
    edited.storySoThat = "stop feeling like a debt collector";
    edited.statement.clear();
    expectOk(study.updateJob(edited));
    JobDraft stale = expectOk(study.jobDraft(jobs[1].id));
    for (auto &clause : stale.clauses) {
        if (clause.part == DraftPart::StoryWhen)
            clause.text = "an older draft of the situation";
    }
    expectOk(study.setJobDraft(stale));
    Job second = jobs[1];
    second.storyWhen = "an older draft of the situation";
    expectOk(study.updateJob(second));

    expectOk(runSynthesis(study, {.jobs = 3, .seed = 1}));
    const Job editedAfter = expectOk(study.job(edited.id));
    const JobDraft editedDraft = expectOk(study.jobDraft(edited.id));
    EXPECT_EQ(editedAfter.name, "Get paid without chasing");
    EXPECT_EQ(editedAfter.storySoThat, "stop feeling like a debt collector");
    ASSERT_NE(editedDraft.find(DraftPart::Statement), nullptr);
    EXPECT_EQ(editedAfter.statement, editedDraft.find(DraftPart::Statement)->text); // was empty
    EXPECT_EQ(editedAfter.storyWhen, editedDraft.find(DraftPart::StoryWhen)->text);

    const Job secondAfter = expectOk(study.job(second.id));
    const JobDraft secondDraft = expectOk(study.jobDraft(second.id));
    ASSERT_NE(secondDraft.find(DraftPart::StoryWhen), nullptr);
    EXPECT_NE(secondDraft.find(DraftPart::StoryWhen)->text, "an older draft of the situation");
    EXPECT_EQ(secondAfter.storyWhen, secondDraft.find(DraftPart::StoryWhen)->text);
}

TEST(SynthesisRerun, AJobWithoutAClusterStaysOnlyWhenTheResearcherTouchedIt)
{
    TempDir dir;
    Planted planted = plantJobs(dir / "touched.jtbd", 2, 6, 0.0, 61);
    Study &study = planted.study;
    // Two jobs the researcher wrote, and two drafted ones, with no stories of their own.
    Job written;
    written.name = "A job we wrote";
    written.interviewIds = {planted.interviews[0]};
    written.id = expectOk(study.addJob(written));
    written = expectOk(study.job(written.id));
    Job drafted;
    drafted.name = "Drafted";
    drafted.id = expectOk(study.addJob(drafted));
    expectOk(
        study.setJobDraft({drafted.id,
                           {{DraftPart::Name,
                             "Drafted",
                             {expectOk(study.highlights(planted.interviews[0])).front().id}}}}));

    drafted = expectOk(study.job(drafted.id));
    expectOk(runSynthesis(study, {.jobs = 2, .seed = 1}));
    const auto jobs = expectOk(study.jobs());
    ASSERT_EQ(jobs.size(), 2U);
    // The written job continues the cluster that holds its story; the drafted one, untouched
    // and with no cluster, is gone (its id may be taken again by the new job).
    std::set<std::string> keys;
    for (const auto &job : jobs)
        keys.insert(job.stableKey);
    EXPECT_TRUE(keys.contains(written.stableKey));
    EXPECT_FALSE(keys.contains(drafted.stableKey));
    EXPECT_EQ(expectOk(study.job(written.id)).name, "A job we wrote");
    EXPECT_GE(expectOk(study.job(written.id)).interviewIds.size(), 6U);
}

TEST(SynthesisDrafts, EveryClauseCitesQuotesOfTheJobsOwnStories)
{
    TempDir dir;
    Planted planted = plantJobs(dir / "drafts.jtbd", 3, 6, 0.2, 71);
    Study &study = planted.study;
    expectOk(runSynthesis(study));
    for (const auto &job : expectOk(study.jobs())) {
        const JobDraft draft = expectOk(study.jobDraft(job.id));
        EXPECT_EQ(draft, expectOk(draftJob(study, job))); // as runSynthesis wrote it
        ASSERT_FALSE(draft.clauses.empty());
        std::set<DraftPart> single;
        for (const auto &clause : draft.clauses) {
            EXPECT_FALSE(clause.text.empty());
            ASSERT_FALSE(clause.highlightIds.empty()) << key(clause.part);
            for (Id id : clause.highlightIds) {
                const Highlight h = expectOk(study.highlight(id));
                EXPECT_TRUE(std::binary_search(
                    job.interviewIds.begin(), job.interviewIds.end(), h.interviewId))
                    << key(clause.part) << " cites highlight " << id;
            }
            if (clause.part <= DraftPart::Statement) {
                EXPECT_TRUE(single.insert(clause.part).second) << key(clause.part);
            }
        }
        EXPECT_TRUE(std::is_sorted(
            draft.clauses.begin(), draft.clauses.end(), [](const auto &a, const auto &b) {
                return a.part < b.part;
            }));
        // The job story's parts read as clauses of one sentence.
        ASSERT_NE(draft.find(DraftPart::StoryWant), nullptr);
        EXPECT_FALSE(std::isupper(
            static_cast<unsigned char>(draft.find(DraftPart::StoryWant)->text.front())));
    }
}

// The sample's twelve stories were written around three jobs; the synthesis (as jtbd cluster and
// the workbench run it, default seed) must find them from the tagged quotes alone, and keep the
// written jobs' ids, keys and words.
TEST(SynthesisSample, RecoversTheThreeWrittenJobs)
{
    for (std::uint64_t seed : {SynthesisOptions{}.seed}) {
        TempDir dir;
        Study study = expectOk(createSampleStudy(dir / "sample.jtbd"));
        const auto written = expectOk(study.jobs());
        ASSERT_EQ(written.size(), 3U);
        SynthesisOptions options;
        options.seed = seed;
        const auto summary = expectOk(runSynthesis(study, options));
        const auto found = expectOk(study.jobs());
        std::map<Id, std::string> codeOf;
        for (const auto &item : expectOk(study.interviews()))
            codeOf[item.interview.id] = item.participantCode;
        std::string jobsFound = "seed " + std::to_string(seed);
        for (const auto &job : found) {
            jobsFound += "\n  " + job.stableKey + ":";
            for (Id id : job.interviewIds)
                jobsFound += " " + codeOf[id];
        }
        EXPECT_TRUE(summary.estimatedJobs);
        EXPECT_EQ(summary.jobs, 3) << jobsFound;
        ASSERT_EQ(found.size(), written.size()) << jobsFound;
        for (std::size_t j = 0; j < written.size(); ++j) {
            EXPECT_EQ(found[j].id, written[j].id);
            EXPECT_EQ(found[j].stableKey, written[j].stableKey);
            EXPECT_EQ(found[j].interviewIds, written[j].interviewIds) << written[j].name << "\n"
                                                                      << jobsFound;
            // Written by the researcher, so kept; the drafts sit beside them.
            EXPECT_EQ(found[j].name, written[j].name);
            EXPECT_EQ(found[j].storyWhen, written[j].storyWhen);
            const JobDraft draft = expectOk(study.jobDraft(found[j].id));
            EXPECT_NE(draft.find(DraftPart::StoryWhen), nullptr);
            EXPECT_FALSE(draft.all(DraftPart::FirstThought).empty());
        }
    }
}

TEST(SynthesisSample, RecoversTheWrittenJobsFromTheResearchersGroups)
{
    // The quotes grouped by what they are about, as a researcher affinitizes them (here by a
    // few words for each topic), and pinned: from those groups the matrix and the clustering
    // find the three jobs the sample was written around, k included, under their own keys.
    TempDir dir;
    Study study = expectOk(createSampleStudy(dir / "grouped.jtbd"));
    const std::vector<std::pair<std::string, std::regex>> topics = {
        {"chasing late payers",
         std::regex("invoice|chas|paid|pay |owed|owe |late|debt|bailiff|client|remind|opened|"
                    "viewed|card|robot|pushy|automatic email|template|book|customer|collector|"
                    "begging|spam|agency",
                    std::regex::icase)},
        {"tax records and deadlines",
         std::regex("receipt|tax|hmrc|deadline|bag|shoebox|quarter|accountant|january|return|"
                    "numbers person|maths|bank account|connect|box|fined|folder|photo|submit|owe",
                    std::regex::icase)},
        {"figures for a decision",
         std::regex("figure|number|forecast|cash|afford|pack|month-end|vat|history|import|"
                    "package|margin|hire|architect|decision|call|bank balance|skint|growing|"
                    "profitab|lose it|lost|she'd think|replacing|glenys|sandra|janet|laptop|pc|"
                    "box dies",
                    std::regex::icase)},
    };
    for (Force force : kForces) {
        std::vector<std::vector<Id>> members(topics.size() + 1);
        for (const auto &h : expectOk(
                 study.highlightsInScope(Scope::wholeStudy(), codeId(study, codeKey(force))))) {
            std::size_t best = topics.size();
            std::ptrdiff_t bestHits = 0;
            for (std::size_t t = 0; t < topics.size(); ++t) {
                const auto hits = std::distance(
                    std::sregex_iterator(h.quote.begin(), h.quote.end(), topics[t].second),
                    std::sregex_iterator());
                if (hits > bestHits)
                    std::tie(best, bestHits) = std::tuple(t, hits);
            }
            members[best].push_back(h.id);
        }
        for (std::size_t t = 0; t < members.size(); ++t) {
            if (members[t].empty())
                continue;
            ForceGroup group;
            group.force = force;
            group.pinned = true;
            group.label = t < topics.size() ? topics[t].first : "other";
            group.highlightIds = members[t];
            expectOk(study.addForceGroup(group));
        }
    }
    const auto groups = expectOk(study.forceGroups());
    const auto written = expectOk(study.jobs());

    const auto summary = expectOk(runSynthesis(study));
    EXPECT_TRUE(summary.estimatedJobs);
    EXPECT_EQ(summary.jobs, 3);
    EXPECT_EQ(summary.pinnedGroups, static_cast<int>(groups.size()));
    EXPECT_EQ(expectOk(study.forceGroups()), groups);
    const auto found = expectOk(study.jobs());
    ASSERT_EQ(found.size(), written.size());
    for (std::size_t j = 0; j < written.size(); ++j) {
        EXPECT_EQ(found[j].id, written[j].id);
        EXPECT_EQ(found[j].stableKey, written[j].stableKey);
        EXPECT_EQ(found[j].interviewIds, written[j].interviewIds) << written[j].name;
        EXPECT_EQ(found[j].name, written[j].name); // written by hand, so kept
    }
}

} // namespace jtbd
