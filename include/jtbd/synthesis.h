// The synthesis (method section 5): the quotes of each force affinitized into force groups, the
// story x force-group matrix, the stories clustered into jobs, and each job drafted from its
// evidence. A re-run keeps the researcher's work: pinned groups, quotes and stories placed by
// hand, renamed groups, and every job field the researcher edited.
#pragma once

#include <jtbd/model.h>
#include <jtbd/result.h>

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

namespace jtbd {

class Study;

// Stories (interviews) as rows, force groups as columns.
struct StoryMatrix
{
    enum class Cell : std::uint8_t {
        Empty,       // no quote of the story in the group, no mark
        Quoted,      // a tagged quote of the story is in the group
        Marked,      // the researcher marked that the story shows the group
        MarkedAbsent // a quote is in the group, but the researcher marked that it does not show it
    };

    std::vector<Id> interviewIds; // every interview with a force quote or a mark, by id
    std::vector<Id> groupIds;     // every force group, by force then id
    std::vector<Force> groupForces;
    std::vector<std::vector<Cell>> cells; // [row][column]

    static bool shows(Cell cell) { return cell == Cell::Quoted || cell == Cell::Marked; }

    bool shows(std::size_t row, std::size_t column) const { return shows(cells[row][column]); }
};

Result<StoryMatrix> storyMatrix(const Study &study);

// An agglomerative clustering's merges, as in SciPy's linkage matrix: merge i joins clusters
// left and right (ids below the number of leaves are leaves, leaf count + j is merge j) at
// distance, giving a cluster of size leaves.
struct Dendrogram
{
    struct Merge
    {
        int left = 0;
        int right = 0;
        double distance = 0;
        int size = 0;
    };

    int leaves = 0;
    std::vector<Merge> merges; // by distance, ties in a fixed order

    // The flat clustering with k clusters (cutting the last k-1 merges); labels 0 … k-1 numbered
    // by first leaf.
    std::vector<int> cut(int k) const;
    // Leaves in drawing order (no crossing branches).
    std::vector<int> leafOrder() const;
};

// Jaccard distance between two rows of 0/1 (1 when both are empty).
double jaccardDistance(std::span<const std::uint8_t> a, std::span<const std::uint8_t> b);
// UPGMA (average linkage) over a symmetric distance matrix.
Dendrogram averageLinkage(const std::vector<std::vector<double>> &distances);
// Mean silhouette of a flat clustering over a distance matrix (0 for a single cluster).
double silhouette(const std::vector<std::vector<double>> &distances, std::span<const int> labels);

// The stories clustered on the matrix, without storing anything: what the dendrogram view shows.
struct StoryClustering
{
    StoryMatrix matrix;
    Dendrogram dendrogram;                           // leaves are matrix rows
    std::vector<std::pair<int, double>> silhouettes; // (k, mean silhouette) for each k tried
    int k = 0;
    bool estimatedK = false;
    std::vector<int> labels; // per matrix row, 0 … k-1
};

// k empty: chosen by silhouette between 2 and 6 (fewer when there are fewer stories).
Result<StoryClustering> clusterStories(const Study &study, std::optional<int> k = {});

struct SynthesisOptions
{
    std::optional<int> jobs; // the number of jobs; empty: chosen by silhouette between 2 and 6
    std::uint64_t seed = 1;
};

struct SynthesisSummary
{
    int forceGroups = 0;
    int pinnedGroups = 0;
    int jobs = 0;
    bool estimatedJobs = false;
    std::vector<std::pair<int, double>> silhouettes;
    int keptPlacements = 0; // quotes and stories left where the researcher put them
};

// Runs the whole pipeline and stores its result in one transaction (Study::replaceSynthesis).
Result<SynthesisSummary> runSynthesis(Study &study, const SynthesisOptions &options = {});

// The draft of each job from its evidence, as runSynthesis writes it.
Result<JobDraft> draftJob(const Study &study, const Job &job);

} // namespace jtbd
