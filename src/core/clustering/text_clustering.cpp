// The text-clustering engine: TF-IDF vectors of the statements, a graph joining each statement
// to its nearest neighbours, a diffusion embedding of that graph (an approximation of spectral
// clustering: random vectors smoothed along the graph, so that statements in one dense region
// end up with similar coordinates), then k-means on the embedding.
#include "text_features.h"

#include <jtbd/clustering.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <numeric>
#include <random>
#include <thread>

namespace jtbd {

namespace {

using clustering::TextFeatures;

constexpr int kDiffusionSteps = 15;       // smoothing steps along the graph, at most
constexpr int kMinDiffusionSteps = 4;     // and at least (2 log2 n - 6 in between)
constexpr std::size_t kMaxDimension = 96; // random vectors diffused (twice k, at most this)
constexpr double kNeighbourScale = 2.0;   // neighbours = 2 sqrt(statements per cluster), 5 … 25
constexpr double kKGrowth = 1.5;          // the k tried when estimating: 2, 3, 5, 7, 10, 15 …
constexpr double kSilhouetteTolerance = 0.98; // the smallest k within 2% of the best silhouette
constexpr int kKMeansIterations = 60;

#if defined(__x86_64__) && defined(__GNUC__)
#define JTBD_VECTOR_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define JTBD_VECTOR_CLONES
#endif

// A deterministic source of numbers for a seed, the same on every platform.
class Random
{
public:
    explicit Random(std::uint64_t seed)
        : m_engine(seed)
    {}

    double uniform() { return static_cast<double>(m_engine() >> 11) * 0x1.0p-53; }

    float gaussian()
    {
        const double u = std::max(uniform(), 1e-300);
        const double v = uniform();
        return static_cast<float>(std::sqrt(-2.0 * std::log(u)) * std::cos(6.283185307179586 * v));
    }

private:
    std::mt19937_64 m_engine;
};

// Work on many rows is split into this many blocks, one thread each (none for small inputs).
std::size_t blockCount(std::size_t rows)
{
    if (rows < 4096)
        return 1;
    return std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8);
}

// Calls work(block, begin, end) for consecutive blocks of [0, rows), in parallel. Each block
// writes only its own rows, so the result does not depend on the number of threads.
template<typename Work>
void forEachBlock(std::size_t rows, Work work)
{
    const std::size_t blocks = blockCount(rows);
    if (blocks == 1) {
        work(0, 0, rows);
        return;
    }
    std::vector<std::thread> threads;
    for (std::size_t b = 1; b < blocks; ++b)
        threads.emplace_back([&, b] {
            work(b, rows * b / blocks, rows * (b + 1) / blocks);
        });
    work(0, 0, rows / blocks);
    for (std::thread &thread : threads)
        thread.join();
}

// A sparse symmetric matrix in compressed rows.
struct Graph
{
    std::vector<std::uint32_t> rowStart;
    std::vector<std::uint32_t> columns;
    std::vector<float> weights;
};

// Each non-empty row joined to its most similar rows (cosine of the TF-IDF vectors), made
// symmetric by keeping an edge found from either end, then normalised: D^-1/2 W D^-1/2.
Graph neighbourGraph(const TextFeatures &features,
                     const std::vector<std::uint32_t> &rows,
                     std::size_t wanted)
{
    const std::size_t n = rows.size();
    const std::size_t termCount = features.termNames.size();
    // Postings: for each term, the (local row, weight) pairs that use it.
    std::vector<std::uint32_t> postingStart(termCount + 1, 0);
    for (std::uint32_t r : rows)
        for (std::uint32_t t : features.rowTerms(r))
            ++postingStart[t + 1];
    std::partial_sum(postingStart.begin(), postingStart.end(), postingStart.begin());
    std::vector<std::uint32_t> postingRow(postingStart.back());
    std::vector<float> postingWeight(postingStart.back());
    std::vector<std::uint32_t> fill(postingStart.begin(), postingStart.end() - 1);
    for (std::uint32_t local = 0; local < n; ++local) {
        const auto terms = features.rowTerms(rows[local]);
        const auto weights = features.rowWeights(rows[local]);
        for (std::size_t i = 0; i < terms.size(); ++i) {
            postingRow[fill[terms[i]]] = local;
            postingWeight[fill[terms[i]]++] = weights[i];
        }
    }

    const auto neighbours =
        static_cast<std::size_t>(std::min<std::size_t>(wanted, n > 0 ? n - 1 : 0));

    // Scores accumulated along the postings of each row's terms: exact cosines, in time
    // proportional to the pairs of rows sharing a term (stop words are not terms). Rows are
    // independent, so blocks of them run on separate threads; edges come out in row order.
    struct Edge
    {
        std::uint32_t from;
        std::uint32_t to;
        float weight;
    };

    auto nearest = [&](std::size_t begin, std::size_t end, std::vector<Edge> &edges) {
        std::vector<float> score(n, 0.0F);
        std::vector<std::uint32_t> touched;
        for (auto local = static_cast<std::uint32_t>(begin); local < end; ++local) {
            touched.clear();
            const auto terms = features.rowTerms(rows[local]);
            const auto weights = features.rowWeights(rows[local]);
            for (std::size_t i = 0; i < terms.size(); ++i) {
                for (std::uint32_t p = postingStart[terms[i]]; p < postingStart[terms[i] + 1];
                     ++p) {
                    const std::uint32_t other = postingRow[p];
                    if (score[other] == 0.0F)
                        touched.push_back(other);
                    score[other] += weights[i] * postingWeight[p];
                }
            }
            std::erase_if(touched, [&](std::uint32_t other) {
                return other == local;
            });
            auto better = [&](std::uint32_t x, std::uint32_t y) {
                return score[x] > score[y] || (score[x] == score[y] && x < y);
            };
            const std::size_t keep = std::min(neighbours, touched.size());
            std::partial_sort(
                touched.begin(), touched.begin() + static_cast<long>(keep), touched.end(), better);
            for (std::size_t i = 0; i < keep; ++i)
                edges.push_back({local, touched[i], score[touched[i]]});
            for (std::uint32_t other : touched)
                score[other] = 0.0F;
            score[local] = 0.0F;
        }
    };
    std::vector<std::vector<Edge>> found(blockCount(n));
    forEachBlock(n, [&](std::size_t block, std::size_t begin, std::size_t end) {
        nearest(begin, end, found[block]);
    });

    // Symmetric: both directions of every edge, the larger weight where both were found.
    Graph graph;
    graph.rowStart.assign(n + 1, 0);
    for (const auto &edges : found)
        for (const Edge &edge : edges) {
            ++graph.rowStart[edge.from + 1];
            ++graph.rowStart[edge.to + 1];
        }
    std::partial_sum(graph.rowStart.begin(), graph.rowStart.end(), graph.rowStart.begin());
    std::vector<std::pair<std::uint32_t, float>> both(graph.rowStart.back());
    std::vector<std::uint32_t> next(graph.rowStart.begin(), graph.rowStart.end() - 1);
    for (const auto &edges : found)
        for (const Edge &edge : edges) {
            both[next[edge.from]++] = {edge.to, edge.weight};
            both[next[edge.to]++] = {edge.from, edge.weight};
        }
    std::vector<std::uint32_t> start(graph.rowStart);
    graph.rowStart[0] = 0;
    for (std::size_t r = 0; r < n; ++r) {
        auto first = both.begin() + start[r];
        auto last = both.begin() + start[r + 1];
        std::sort(first, last);
        for (auto it = first; it != last;) {
            auto same = it;
            float w = 0;
            while (same != last && same->first == it->first)
                w = std::max(w, (same++)->second);
            graph.columns.push_back(it->first);
            graph.weights.push_back(w);
            it = same;
        }
        graph.rowStart[r + 1] = static_cast<std::uint32_t>(graph.columns.size());
    }

    std::vector<float> scale(n);
    for (std::size_t r = 0; r < n; ++r) {
        float degree = 0;
        for (std::uint32_t e = graph.rowStart[r]; e < graph.rowStart[r + 1]; ++e)
            degree += graph.weights[e];
        scale[r] = degree > 0 ? 1.0F / std::sqrt(degree) : 0.0F;
    }
    for (std::size_t r = 0; r < n; ++r)
        for (std::uint32_t e = graph.rowStart[r]; e < graph.rowStart[r + 1]; ++e)
            graph.weights[e] *= scale[r] * scale[graph.columns[e]];
    return graph;
}

// out = (in + G in) / 2 for a dense n x width block (rows padded to width).
JTBD_VECTOR_CLONES
void diffuseRows(const Graph &graph,
                 const float *in,
                 float *out,
                 std::size_t begin,
                 std::size_t end,
                 std::size_t width)
{
    for (std::size_t r = begin; r < end; ++r) {
        float *target = out + r * width;
        const float *self = in + r * width;
        for (std::size_t j = 0; j < width; ++j)
            target[j] = 0.5F * self[j];
        for (std::uint32_t e = graph.rowStart[r]; e < graph.rowStart[r + 1]; ++e) {
            const float w = 0.5F * graph.weights[e];
            const float *source = in + graph.columns[e] * width;
            for (std::size_t j = 0; j < width; ++j)
                target[j] += w * source[j];
        }
    }
}

void diffuse(const Graph &graph, const float *in, float *out, std::size_t n, std::size_t width)
{
    forEachBlock(n, [&](std::size_t, std::size_t begin, std::size_t end) {
        diffuseRows(graph, in, out, begin, end, width);
    });
}

struct Embedding
{
    std::size_t n = 0;
    std::size_t width = 0; // a multiple of 8; columns past the dimension are zero
    std::vector<float> values;

    float *row(std::size_t r) { return values.data() + r * width; }

    const float *row(std::size_t r) const { return values.data() + r * width; }
};

Embedding
diffusionEmbedding(const Graph &graph, std::size_t n, std::size_t dimension, Random &random)
{
    Embedding embedding;
    embedding.n = n;
    embedding.width = (dimension + 7) / 8 * 8;
    embedding.values.assign(n * embedding.width, 0.0F);
    for (std::size_t r = 0; r < n; ++r)
        for (std::size_t j = 0; j < dimension; ++j)
            embedding.row(r)[j] = random.gaussian();
    std::vector<float> next(embedding.values.size());
    std::vector<double> columnNorm(embedding.width);
    // Few statements mix along the graph in few steps: more would blur them into one cluster.
    const int steps = static_cast<int>(std::clamp<long>(
        std::lround(2.0 * std::log2(static_cast<double>(std::max<std::size_t>(n, 2))) - 6.0),
        kMinDiffusionSteps,
        kDiffusionSteps));
    for (int step = 0; step < steps; ++step) {
        diffuse(graph, embedding.values.data(), next.data(), n, embedding.width);
        std::fill(columnNorm.begin(), columnNorm.end(), 0.0);
        for (std::size_t r = 0; r < n; ++r)
            for (std::size_t j = 0; j < dimension; ++j)
                columnNorm[j] +=
                    double(next[r * embedding.width + j]) * next[r * embedding.width + j];
        for (std::size_t j = 0; j < dimension; ++j)
            columnNorm[j] = columnNorm[j] > 0 ? 1.0 / std::sqrt(columnNorm[j]) : 0.0;
        for (std::size_t r = 0; r < n; ++r)
            for (std::size_t j = 0; j < dimension; ++j)
                next[r * embedding.width + j] *= static_cast<float>(columnNorm[j]);
        embedding.values.swap(next);
    }
    for (std::size_t r = 0; r < n; ++r) {
        float *x = embedding.row(r);
        float norm = 0;
        for (std::size_t j = 0; j < dimension; ++j)
            norm += x[j] * x[j];
        norm = norm > 0 ? 1.0F / std::sqrt(norm) : 0.0F;
        for (std::size_t j = 0; j < dimension; ++j)
            x[j] *= norm;
    }
    return embedding;
}

struct KMeansResult
{
    std::vector<int> assignment;
};

// Dot products of one point with each of k centres.
JTBD_VECTOR_CLONES
void dotRow(const float *x, const float *centres, std::size_t k, std::size_t width, float *out)
{
    for (std::size_t c = 0; c < k; ++c) {
        const float *y = centres + c * width;
        float lanes[8] = {0, 0, 0, 0, 0, 0, 0, 0};
        for (std::size_t j = 0; j < width; j += 8)
            for (std::size_t l = 0; l < 8; ++l)
                lanes[l] += x[j + l] * y[j + l];
        out[c] = ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3]))
                 + ((lanes[4] + lanes[5]) + (lanes[6] + lanes[7]));
    }
}

float distanceBetween(const float *a, const float *b, std::size_t width)
{
    float sum = 0;
    for (std::size_t j = 0; j < width; ++j)
        sum += (a[j] - b[j]) * (a[j] - b[j]);
    return std::sqrt(sum);
}

// Lloyd's k-means started by k-means++, with Hamerly's bounds: a point whose distance to its
// centre is known to be below half the gap to any other centre is not measured again.
KMeansResult kMeans(const Embedding &points, int k, Random &random)
{
    const std::size_t n = points.n;
    const std::size_t width = points.width;
    const auto kk = static_cast<std::size_t>(k);
    std::vector<float> centres(kk * width, 0.0F);

    // k-means++: each next centre drawn with probability proportional to the squared distance
    // from the nearest centre so far.
    std::vector<float> nearest(n, std::numeric_limits<float>::infinity());
    std::size_t chosen = static_cast<std::size_t>(random.uniform() * static_cast<double>(n)) % n;
    for (std::size_t c = 0; c < kk; ++c) {
        std::memcpy(centres.data() + c * width, points.row(chosen), width * sizeof(float));
        double total = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const float d = distanceBetween(points.row(i), centres.data() + c * width, width);
            nearest[i] = std::min(nearest[i], d * d);
            total += nearest[i];
        }
        if (c + 1 == kk)
            break;
        double target = random.uniform() * total;
        chosen = n - 1;
        for (std::size_t i = 0; i < n; ++i) {
            target -= nearest[i];
            if (target < 0) {
                chosen = i;
                break;
            }
        }
    }

    KMeansResult result;
    result.assignment.assign(n, 0);
    std::vector<float> upper(n, 0.0F); // distance to the own centre, at most
    std::vector<float> lower(n, 0.0F); // distance to any other centre, at least
    std::vector<float> dots(kk);
    std::vector<float> centreNorm(kk);
    std::vector<float> gap(kk);   // half the distance to the nearest other centre
    std::vector<float> shift(kk); // how far each centre moved in the last update
    std::vector<double> sums(kk * width, 0.0);
    std::vector<std::size_t> counts(kk, 0);
    std::vector<float> previous(kk * width);

    auto measure = [&](std::size_t i) {
        dotRow(points.row(i), centres.data(), kk, width, dots.data());
        float best = std::numeric_limits<float>::infinity();
        float second = std::numeric_limits<float>::infinity();
        int bestCentre = 0;
        for (std::size_t c = 0; c < kk; ++c) {
            // |x - c|^2 = |x|^2 + |c|^2 - 2 x.c, with |x| = 1
            const float d = std::sqrt(std::max(0.0F, 1.0F + centreNorm[c] - 2.0F * dots[c]));
            if (d < best) {
                second = best;
                best = d;
                bestCentre = static_cast<int>(c);
            } else if (d < second) {
                second = d;
            }
        }
        upper[i] = best;
        lower[i] = second;
        return bestCentre;
    };
    auto norms = [&] {
        for (std::size_t c = 0; c < kk; ++c) {
            float norm = 0;
            for (std::size_t j = 0; j < width; ++j)
                norm += centres[c * width + j] * centres[c * width + j];
            centreNorm[c] = norm;
        }
    };

    norms();
    for (std::size_t i = 0; i < n; ++i) {
        result.assignment[i] = measure(i);
        const auto c = static_cast<std::size_t>(result.assignment[i]);
        ++counts[c];
        for (std::size_t j = 0; j < width; ++j)
            sums[c * width + j] += points.row(i)[j];
    }
    for (int iteration = 0; iteration < kKMeansIterations; ++iteration) {
        // Move each centre to the mean of its points; an empty cluster takes the point farthest
        // from its centre.
        previous = centres;
        for (std::size_t c = 0; c < kk; ++c) {
            if (counts[c] == 0) {
                const auto farthest = static_cast<std::size_t>(
                    std::max_element(upper.begin(), upper.end()) - upper.begin());
                const auto from = static_cast<std::size_t>(result.assignment[farthest]);
                --counts[from];
                ++counts[c];
                for (std::size_t j = 0; j < width; ++j) {
                    sums[from * width + j] -= points.row(farthest)[j];
                    sums[c * width + j] += points.row(farthest)[j];
                }
                result.assignment[farthest] = static_cast<int>(c);
                upper[farthest] = 0;
                lower[farthest] = 0;
            }
        }
        for (std::size_t c = 0; c < kk; ++c)
            for (std::size_t j = 0; j < width; ++j)
                centres[c * width + j] =
                    static_cast<float>(sums[c * width + j] / static_cast<double>(counts[c]));
        float largestShift = 0;
        for (std::size_t c = 0; c < kk; ++c) {
            shift[c] =
                distanceBetween(previous.data() + c * width, centres.data() + c * width, width);
            largestShift = std::max(largestShift, shift[c]);
        }
        if (largestShift == 0)
            break;
        norms();
        for (std::size_t c = 0; c < kk; ++c) {
            float closest = std::numeric_limits<float>::infinity();
            for (std::size_t o = 0; o < kk; ++o)
                if (o != c)
                    closest = std::min(closest,
                                       distanceBetween(centres.data() + c * width,
                                                       centres.data() + o * width,
                                                       width));
            gap[c] = closest / 2;
        }

        std::size_t changed = 0;
        for (std::size_t i = 0; i < n; ++i) {
            const auto own = static_cast<std::size_t>(result.assignment[i]);
            upper[i] += shift[own];
            lower[i] -= largestShift;
            const float bound = std::max(gap[own], lower[i]);
            if (upper[i] <= bound)
                continue;
            upper[i] = distanceBetween(points.row(i), centres.data() + own * width, width);
            if (upper[i] <= bound)
                continue;
            const auto now = static_cast<std::size_t>(measure(i));
            if (now == own)
                continue;
            ++changed;
            --counts[own];
            ++counts[now];
            for (std::size_t j = 0; j < width; ++j) {
                sums[own * width + j] -= points.row(i)[j];
                sums[now * width + j] += points.row(i)[j];
            }
            result.assignment[i] = static_cast<int>(now);
        }
        if (changed == 0)
            break;
    }

    return result;
}

// Neighbours in the graph for clusters of a given size: enough to tie a cluster together, few
// enough not to reach into the next one.
std::size_t neighboursFor(std::size_t n, int k)
{
    const double perCluster = static_cast<double>(n) / std::max(1, k);
    return static_cast<std::size_t>(
        std::clamp<long>(std::lround(kNeighbourScale * std::sqrt(perCluster)), 5, 25));
}

Embedding
embed(const TextFeatures &features, const std::vector<std::uint32_t> &rows, int k, Random &random)
{
    const std::size_t n = rows.size();
    const Graph graph = neighbourGraph(features, rows, neighboursFor(n, k));
    const std::size_t dimension =
        std::min(std::clamp<std::size_t>(2 * static_cast<std::size_t>(k), 16, kMaxDimension), n);
    return diffusionEmbedding(graph, n, dimension, random);
}

// The mean simplified silhouette of a clustering of unit rows: for each point, a = distance to
// its own centre, b = distance to the nearest other centre, (b - a) / max(a, b).
double simplifiedSilhouette(const Embedding &points, const std::vector<int> &assignment, int k)
{
    const std::size_t width = points.width;
    const auto kk = static_cast<std::size_t>(k);
    std::vector<float> centres(kk * width, 0.0F);
    std::vector<std::size_t> counts(kk, 0);
    for (std::size_t i = 0; i < points.n; ++i) {
        const auto c = static_cast<std::size_t>(assignment[i]);
        ++counts[c];
        for (std::size_t j = 0; j < width; ++j)
            centres[c * width + j] += points.row(i)[j];
    }
    for (std::size_t c = 0; c < kk; ++c)
        for (std::size_t j = 0; j < width; ++j)
            centres[c * width + j] /= static_cast<float>(std::max<std::size_t>(1, counts[c]));
    double total = 0;
    for (std::size_t i = 0; i < points.n; ++i) {
        float own = 0;
        float other = std::numeric_limits<float>::infinity();
        for (std::size_t c = 0; c < kk; ++c) {
            if (counts[c] == 0)
                continue;
            const float d = distanceBetween(points.row(i), centres.data() + c * width, width);
            if (c == static_cast<std::size_t>(assignment[i]))
                own = d;
            else
                other = std::min(other, d);
        }
        const float larger = std::max(own, other);
        if (std::isfinite(other) && larger > 0)
            total += (other - own) / larger;
    }
    return total / static_cast<double>(points.n);
}

std::vector<int> clusterRows(const TextFeatures &features,
                             const std::vector<std::uint32_t> &rows,
                             int k,
                             std::uint64_t seed)
{
    const std::size_t n = rows.size();
    if (static_cast<std::size_t>(k) >= n) {
        std::vector<int> each(n);
        std::iota(each.begin(), each.end(), 0);
        return each;
    }
    if (k == 1)
        return std::vector<int>(n, 0);
    Random random(seed);
    return kMeans(embed(features, rows, k, random), k, random).assignment;
}

// The number of clusters: k-means for k = 2, 3, 5, 7 … up to a limit (below) on one
// embedding, and the smallest k whose silhouette comes within 2% of the best. Silhouettes keep
// creeping up as clusters split into near-copies; the smallest k near the top is the point
// where splitting stops paying.
int estimateK(const TextFeatures &features,
              const std::vector<std::uint32_t> &rows,
              std::uint64_t seed)
{
    const std::size_t n = rows.size();
    if (n < 4)
        return 1;
    // At most a fifth of the statements, and at most 4 sqrt(n): beyond that clusters are
    // paraphrases of one another, not groups a reader would name.
    const int largest = std::max(2,
                                 static_cast<int>(std::min<double>(static_cast<double>(n) / 5.0,
                                                                   4.0 * std::sqrt(double(n)))));
    std::vector<int> candidates;
    for (double k = 2; k <= largest; k = std::max(k + 1, k * kKGrowth))
        candidates.push_back(static_cast<int>(std::lround(k)));
    Random random(seed);
    // One embedding for every candidate, built for clusters of the middle candidate's size.
    const Embedding embedding = embed(features, rows, candidates[candidates.size() / 2], random);
    std::vector<double> silhouettes;
    for (int k : candidates) {
        Random run(seed + static_cast<std::uint64_t>(k));
        silhouettes.push_back(
            simplifiedSilhouette(embedding, kMeans(embedding, k, run).assignment, k));
    }
    const double best = *std::max_element(silhouettes.begin(), silhouettes.end());
    for (std::size_t i = 0; i < candidates.size(); ++i)
        if (silhouettes[i] >= kSilhouetteTolerance * best)
            return candidates[i];
    return candidates.back();
}

} // namespace

std::string TextCluster::label(std::size_t termCount) const
{
    std::string text;
    for (std::size_t i = 0; i < std::min(termCount, terms.size()); ++i) {
        if (i > 0)
            text += " \u00B7 ";
        text += terms[i];
    }
    return text;
}

namespace {

// Labels: the terms most over-represented in each cluster, and its most central text (the
// highest cosine with the cluster's mean vector). Cluster numbers are below clusterCount.
std::vector<TextCluster>
describe(const TextFeatures &features, std::span<const int> assignment, std::size_t clusterCount)
{
    const std::size_t textCount = assignment.size();
    std::vector<TextCluster> clusters(clusterCount);
    std::vector<std::vector<std::uint32_t>> members(clusterCount);
    for (std::uint32_t i = 0; i < textCount; ++i)
        members[static_cast<std::size_t>(assignment[i])].push_back(i);
    const double n = static_cast<double>(textCount);
    std::vector<double> centre(features.termNames.size(), 0.0);
    std::vector<std::uint32_t> inCluster(features.termNames.size(), 0);
    for (std::size_t c = 0; c < clusterCount; ++c) {
        TextCluster &cluster = clusters[c];
        cluster.size = members[c].size();
        if (members[c].empty())
            continue;
        std::vector<std::uint32_t> present; // the terms of this cluster's texts
        for (std::uint32_t r : members[c]) {
            const auto terms = features.rowTerms(r);
            const auto weights = features.rowWeights(r);
            for (std::size_t i = 0; i < terms.size(); ++i) {
                if (inCluster[terms[i]]++ == 0)
                    present.push_back(terms[i]);
                centre[terms[i]] += weights[i];
            }
        }
        std::vector<std::pair<double, std::uint32_t>> scored;
        const double clusterSize = static_cast<double>(cluster.size);
        for (std::uint32_t t : present) {
            const double share = inCluster[t] / clusterSize;
            const double overall = features.documentFrequency[t] / n;
            if (inCluster[t] >= 2 || cluster.size == 1)
                scored.emplace_back(share * std::log(1.0 + share / overall), t);
        }
        std::sort(scored.begin(), scored.end(), [&](const auto &a, const auto &b) {
            return a.first != b.first ? a.first > b.first
                                      : features.termNames[a.second] < features.termNames[b.second];
        });
        for (std::size_t i = 0; i < std::min<std::size_t>(5, scored.size()); ++i)
            cluster.terms.push_back(features.termNames[scored[i].second]);
        double bestScore = -1;
        cluster.centralIndex = members[c].front();
        for (std::uint32_t r : members[c]) {
            double score = 0;
            const auto terms = features.rowTerms(r);
            const auto weights = features.rowWeights(r);
            for (std::size_t i = 0; i < terms.size(); ++i)
                score += weights[i] * centre[terms[i]];
            if (score > bestScore) {
                bestScore = score;
                cluster.centralIndex = r;
            }
        }
        for (std::uint32_t t : present) {
            inCluster[t] = 0;
            centre[t] = 0;
        }
    }
    return clusters;
}

} // namespace

Result<std::vector<TextCluster>> describeClusters(std::span<const std::string> texts,
                                                  std::span<const int> assignment,
                                                  const std::string &language)
{
    if (assignment.size() != texts.size())
        return makeError(ErrorCode::InvalidArgument,
                         "describing clusters needs one cluster per text: "
                             + std::to_string(assignment.size()) + " for "
                             + std::to_string(texts.size()) + " texts");
    std::size_t clusterCount = 0;
    for (int c : assignment) {
        if (c < 0)
            return makeError(ErrorCode::InvalidArgument,
                             "cluster numbers start at 0, not " + std::to_string(c));
        clusterCount = std::max(clusterCount, static_cast<std::size_t>(c) + 1);
    }
    auto features = clustering::textFeatures(texts, {language});
    if (!features)
        return features.error();
    return describe(*features, assignment, clusterCount);
}

namespace clustering {

FeatureClustering
clusterFeatures(const TextFeatures &features, std::optional<int> k, std::uint64_t seed)
{
    const std::size_t n = features.rows();
    FeatureClustering result;
    result.assignment.assign(n, 0);
    if (n == 0)
        return result;

    std::vector<std::uint32_t> rows;
    std::vector<std::uint32_t> wordless;
    for (std::uint32_t r = 0; r < n; ++r)
        (features.rowTerms(r).empty() ? wordless : rows).push_back(r);

    const int wordlessClusters = wordless.empty() ? 0 : 1;
    int wordClusters = 0;
    if (k) {
        const int wanted = std::min<int>(*k, static_cast<int>(n));
        wordClusters = std::max(rows.empty() ? 0 : 1, wanted - wordlessClusters);
    } else {
        result.estimatedK = true;
        wordClusters = rows.empty() ? 0 : estimateK(features, rows, seed);
    }
    const std::vector<int> local =
        rows.empty() ? std::vector<int>{} : clusterRows(features, rows, wordClusters, seed);
    const int used = local.empty() ? 0 : *std::max_element(local.begin(), local.end()) + 1;
    for (std::size_t i = 0; i < rows.size(); ++i)
        result.assignment[rows[i]] = local[i];
    for (std::uint32_t r : wordless)
        result.assignment[r] = used;
    const int total = used + wordlessClusters;

    // Number clusters by size, largest first (ties: the one whose first text comes first).
    std::vector<std::size_t> size(static_cast<std::size_t>(total), 0);
    std::vector<std::size_t> first(static_cast<std::size_t>(total), n);
    for (std::size_t i = 0; i < n; ++i) {
        const auto c = static_cast<std::size_t>(result.assignment[i]);
        ++size[c];
        first[c] = std::min(first[c], i);
    }
    std::vector<int> order(static_cast<std::size_t>(total));
    std::iota(order.begin(), order.end(), 0);
    std::erase_if(order, [&](int c) {
        return size[static_cast<std::size_t>(c)] == 0;
    });
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        const auto ua = static_cast<std::size_t>(a);
        const auto ub = static_cast<std::size_t>(b);
        return size[ua] != size[ub] ? size[ua] > size[ub] : first[ua] < first[ub];
    });
    std::vector<int> renumber(static_cast<std::size_t>(total), -1);
    for (std::size_t i = 0; i < order.size(); ++i)
        renumber[static_cast<std::size_t>(order[i])] = static_cast<int>(i);
    for (int &c : result.assignment)
        c = renumber[static_cast<std::size_t>(c)];
    result.clusterCount = order.size();
    return result;
}

std::vector<TextCluster> describeFeatures(const TextFeatures &features,
                                          std::span<const int> assignment,
                                          std::size_t clusterCount)
{
    return describe(features, assignment, clusterCount);
}

} // namespace clustering

Result<TextClustering> clusterTexts(std::span<const std::string> texts,
                                    const TextClusteringOptions &options)
{
    if (options.k && *options.k < 1)
        return makeError(ErrorCode::InvalidArgument,
                         "the number of clusters must be at least 1, not "
                             + std::to_string(*options.k));
    auto features = clustering::textFeatures(texts, {options.language});
    if (!features)
        return features.error();
    TextClustering result;
    if (texts.empty())
        return result;
    auto clustered = clustering::clusterFeatures(*features, options.k, options.seed);
    result.assignment = std::move(clustered.assignment);
    result.estimatedK = clustered.estimatedK;
    result.clusters = describe(*features, result.assignment, clustered.clusterCount);
    return result;
}

} // namespace jtbd
