// Stories clustered into jobs (method section 5, step 4): Jaccard distance between the stories'
// rows of the matrix, average linkage (UPGMA), and k chosen by the mean silhouette.
#include "clustering/assignment.h"
#include "synthesis_internal.h"

#include <jtbd/study.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <limits>
#include <numeric>

namespace jtbd {

namespace {

// Distances closer than this are treated as equal, so that ties are broken by the fixed order
// rather than by rounding in the last bits of an average.
constexpr double kTieTolerance = 1e-12;

bool less(double a, double b)
{
    return a < b - kTieTolerance;
}

} // namespace

double jaccardDistance(std::span<const std::uint8_t> a, std::span<const std::uint8_t> b)
{
    const std::size_t n = std::min(a.size(), b.size());
    std::size_t both = 0;
    std::size_t either = 0;
    for (std::size_t i = 0; i < n; ++i) {
        both += (a[i] && b[i]) ? 1 : 0;
        either += (a[i] || b[i]) ? 1 : 0;
    }
    // Cells past the shorter row count as absent from it.
    for (std::size_t i = n; i < a.size(); ++i)
        either += a[i] ? 1 : 0;
    for (std::size_t i = n; i < b.size(); ++i)
        either += b[i] ? 1 : 0;
    if (either == 0)
        return 1.0; // two stories showing nothing have nothing in common
    return 1.0 - static_cast<double>(both) / static_cast<double>(either);
}

Dendrogram averageLinkage(const std::vector<std::vector<double>> &distances)
{
    Dendrogram tree;
    const int n = static_cast<int>(distances.size());
    tree.leaves = n;
    if (n < 2)
        return tree;

    // Each active cluster lives in the slot of its first (smallest) leaf: merging slots a < b
    // keeps slot a. Ties between pairs at the same distance go to the pair whose first leaves come
    // first, (a, b) before (a, c) when b < c, which makes the result independent of rounding and
    // of the order of evaluation.
    std::vector<std::vector<double>> d = distances;
    std::vector<int> clusterId(n);
    std::iota(clusterId.begin(), clusterId.end(), 0);
    std::vector<int> size(n, 1);
    std::vector<bool> active(n, true);
    // Nearest neighbour of each slot among the active slots after it, with its distance.
    std::vector<int> nearest(n, -1);
    std::vector<double> nearestDistance(n, std::numeric_limits<double>::infinity());
    auto findNearest = [&](int i) {
        nearest[i] = -1;
        nearestDistance[i] = std::numeric_limits<double>::infinity();
        for (int j = i + 1; j < n; ++j) {
            if (active[j] && (nearest[i] < 0 || less(d[i][j], nearestDistance[i]))) {
                nearest[i] = j;
                nearestDistance[i] = d[i][j];
            }
        }
    };
    for (int i = 0; i < n; ++i)
        findNearest(i);

    for (int step = 0; step < n - 1; ++step) {
        int a = -1;
        for (int i = 0; i < n; ++i) {
            if (active[i] && nearest[i] >= 0
                && (a < 0 || less(nearestDistance[i], nearestDistance[a])))
                a = i;
        }
        const int b = nearest[a];
        const double distance = nearestDistance[a];
        const int left = std::min(clusterId[a], clusterId[b]);
        const int right = std::max(clusterId[a], clusterId[b]);
        tree.merges.push_back({left, right, distance, size[a] + size[b]});

        // UPGMA: the new cluster's distance to each other cluster is the mean over all pairs of
        // leaves, i.e. the size-weighted mean of its two parts' distances.
        const double wa = size[a];
        const double wb = size[b];
        for (int k = 0; k < n; ++k) {
            if (!active[k] || k == a || k == b)
                continue;
            const double merged = (wa * d[a][k] + wb * d[b][k]) / (wa + wb);
            d[a][k] = merged;
            d[k][a] = merged;
        }
        active[b] = false;
        size[a] += size[b];
        clusterId[a] = n + step;

        for (int i = 0; i < n; ++i) {
            if (!active[i])
                continue;
            if (i == a || nearest[i] == a || nearest[i] == b)
                findNearest(i);
            else if (i < a
                     && (less(d[i][a], nearestDistance[i])
                         || (!less(nearestDistance[i], d[i][a]) && a < nearest[i]))) {
                nearest[i] = a;
                nearestDistance[i] = d[i][a];
            }
        }
    }
    return tree;
}

std::vector<int> Dendrogram::cut(int k) const
{
    std::vector<int> labels(static_cast<std::size_t>(leaves), 0);
    if (leaves == 0)
        return labels;
    k = std::clamp(k, 1, leaves);
    // Union-find over leaves and merges, applying all but the last k-1 merges.
    std::vector<int> parent(static_cast<std::size_t>(leaves) + merges.size());
    std::iota(parent.begin(), parent.end(), 0);
    auto root = [&](int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    };
    const int applied = std::min<int>(leaves - k, static_cast<int>(merges.size()));
    for (int j = 0; j < applied; ++j) {
        parent[root(merges[j].left)] = leaves + j;
        parent[root(merges[j].right)] = leaves + j;
    }
    std::vector<int> labelOfRoot(parent.size(), -1);
    int next = 0;
    for (int leaf = 0; leaf < leaves; ++leaf) {
        const int r = root(leaf);
        if (labelOfRoot[r] < 0)
            labelOfRoot[r] = next++;
        labels[leaf] = labelOfRoot[r];
    }
    return labels;
}

std::vector<int> Dendrogram::leafOrder() const
{
    std::vector<int> order;
    if (leaves == 0)
        return order;
    // Every top cluster (the root when every merge is there), left branch before right, without
    // recursion: a chain of merges can be as deep as there are stories.
    std::vector<bool> merged(static_cast<std::size_t>(leaves) + merges.size(), false);
    for (const auto &m : merges) {
        merged[m.left] = true;
        merged[m.right] = true;
    }
    std::vector<int> tops;
    for (int id = 0; id < static_cast<int>(merged.size()); ++id) {
        if (!merged[id])
            tops.push_back(id);
    }
    // Tops in the order of their first leaf, found by walking each one.
    for (int top : tops) {
        std::vector<int> stack{top};
        while (!stack.empty()) {
            const int id = stack.back();
            stack.pop_back();
            if (id < leaves) {
                order.push_back(id);
                continue;
            }
            const auto &m = merges[id - leaves];
            stack.push_back(m.right);
            stack.push_back(m.left);
        }
    }
    return order;
}

double silhouette(const std::vector<std::vector<double>> &distances, std::span<const int> labels)
{
    const std::size_t n = std::min(distances.size(), labels.size());
    if (n == 0)
        return 0;
    if (*std::min_element(labels.begin(), labels.begin() + n) < 0)
        return 0; // not a clustering: every label is 0 … k-1
    const int clusters = *std::max_element(labels.begin(), labels.begin() + n) + 1;
    if (clusters < 2)
        return 0;
    std::vector<int> count(clusters, 0);
    for (std::size_t i = 0; i < n; ++i)
        ++count[labels[i]];
    double total = 0;
    std::vector<double> sum(clusters);
    for (std::size_t i = 0; i < n; ++i) {
        const int own = labels[i];
        // As scikit-learn: a point alone in its cluster scores 0.
        if (count[own] < 2)
            continue;
        std::fill(sum.begin(), sum.end(), 0.0);
        for (std::size_t j = 0; j < n; ++j) {
            if (j != i)
                sum[labels[j]] += distances[i][j];
        }
        const double a = sum[own] / (count[own] - 1);
        double b = std::numeric_limits<double>::infinity();
        for (int c = 0; c < clusters; ++c) {
            if (c != own && count[c] > 0)
                b = std::min(b, sum[c] / count[c]);
        }
        if (!std::isfinite(b))
            continue;
        const double denominator = std::max(a, b);
        if (denominator > 0)
            total += (b - a) / denominator;
    }
    return total / static_cast<double>(n);
}

namespace synthesis {

StoryClustering clusterMatrix(StoryMatrix matrix, std::optional<int> k)
{
    StoryClustering result;
    const std::size_t n = matrix.interviewIds.size();
    // The rows as bits, 64 groups to a word: a large study has thousands of stories and
    // hundreds of groups. The same values as jaccardDistance.
    const std::size_t blocks = (matrix.groupIds.size() + 63) / 64;
    std::vector<std::vector<std::uint64_t>> rows(n, std::vector<std::uint64_t>(blocks, 0));
    for (std::size_t r = 0; r < n; ++r) {
        for (std::size_t c = 0; c < matrix.groupIds.size(); ++c) {
            if (matrix.shows(r, c))
                rows[r][c / 64] |= std::uint64_t{1} << (c % 64);
        }
    }
    std::vector<std::vector<double>> distances(n, std::vector<double>(n, 0.0));
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = i + 1; j < n; ++j) {
            int both = 0;
            int either = 0;
            for (std::size_t b = 0; b < blocks; ++b) {
                both += std::popcount(rows[i][b] & rows[j][b]);
                either += std::popcount(rows[i][b] | rows[j][b]);
            }
            distances[i][j] =
                either == 0 ? 1.0 : 1.0 - static_cast<double>(both) / static_cast<double>(either);
            distances[j][i] = distances[i][j];
        }
    }
    result.dendrogram = averageLinkage(distances);
    result.matrix = std::move(matrix);
    const int stories = static_cast<int>(n);
    if (stories == 0)
        return result;

    if (k) {
        result.k = std::clamp(*k, 1, stories);
        result.labels = result.dendrogram.cut(result.k);
        result.silhouettes.emplace_back(result.k, silhouette(distances, result.labels));
        return result;
    }
    result.estimatedK = true;
    // k from 2 to 6 (and below the number of stories, where the silhouette means something); the
    // best mean silhouette wins, a tie going to the smaller k. Too few stories make one job.
    result.k = 1;
    double best = -std::numeric_limits<double>::infinity();
    for (int candidate = 2; candidate <= std::min(6, stories - 1); ++candidate) {
        const auto labels = result.dendrogram.cut(candidate);
        const double score = silhouette(distances, labels);
        result.silhouettes.emplace_back(candidate, score);
        if (less(best, score)) {
            best = score;
            result.k = candidate;
        }
    }
    result.labels = result.dendrogram.cut(result.k);
    return result;
}

std::vector<int> matchByOverlap(const std::vector<std::vector<int>> &overlap)
{
    const int rows = static_cast<int>(overlap.size());
    int columns = 0;
    for (const auto &row : overlap)
        columns = std::max(columns, static_cast<int>(row.size()));
    std::vector<int> match(rows, -1);
    if (rows == 0 || columns == 0)
        return match;

    // Most shared members in total = least total cost on a square table of -overlap (missing
    // cells 0); a pair that shares nothing is no match.
    const int n = std::max(rows, columns);
    std::vector<std::vector<double>> cost(n, std::vector<double>(n, 0.0));
    for (int i = 0; i < rows; ++i)
        for (int j = 0; j < static_cast<int>(overlap[i].size()); ++j)
            cost[i][j] = -static_cast<double>(overlap[i][j]);
    const std::vector<int> column = clustering::cheapestAssignment(cost);
    for (int i = 0; i < rows; ++i) {
        const int j = column[i];
        if (j >= 0 && j < static_cast<int>(overlap[i].size()) && overlap[i][j] > 0)
            match[i] = j;
    }
    return match;
}

} // namespace synthesis

Result<StoryClustering> clusterStories(const Study &study, std::optional<int> k)
{
    if (k && *k < 1)
        return makeError(ErrorCode::InvalidArgument,
                         "the number of jobs must be at least 1, not " + std::to_string(*k));
    auto matrix = storyMatrix(study);
    if (!matrix)
        return matrix.error();
    return synthesis::clusterMatrix(std::move(*matrix), k);
}

} // namespace jtbd
