// Short texts as weighted term vectors: Unicode-aware words, stop words, Snowball stems, TF-IDF.
#pragma once

#include <jtbd/clustering.h>
#include <jtbd/result.h>

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace jtbd::clustering {

struct FeatureOptions
{
    std::string language = "english"; // Snowball stemmer; stop words exist for English only
};

// One row per text: the terms it uses and their weights, the row scaled to unit length. A text
// without a single word has an empty row.
struct TextFeatures
{
    std::vector<std::uint32_t> rowStart; // rows() + 1 offsets into terms and weights
    std::vector<std::uint32_t> terms;    // ascending within a row
    std::vector<float> weights;
    std::vector<std::string> termNames; // per term: the word form seen most often
    std::vector<std::uint32_t> documentFrequency;

    std::size_t rows() const { return rowStart.empty() ? 0 : rowStart.size() - 1; }

    std::span<const std::uint32_t> rowTerms(std::size_t row) const
    {
        return {terms.data() + rowStart[row], terms.data() + rowStart[row + 1]};
    }

    std::span<const float> rowWeights(std::size_t row) const
    {
        return {weights.data() + rowStart[row], weights.data() + rowStart[row + 1]};
    }
};

// The words of a text, case-folded and NFKC-normalised; letters of scripts written without
// spaces (Han, Hiragana, Katakana, Thai…) are one word each.
std::vector<std::string> words(std::string_view utf8);

// InvalidArgument for a language no Snowball stemmer knows.
Result<TextFeatures> textFeatures(std::span<const std::string> texts,
                                  const FeatureOptions &options);

// How clusterTexts groups texts, without describing the clusters: the features of one set of
// texts can be built once and grouped under several seeds. Clusters are numbered by size,
// largest first; texts without a word share one cluster.
struct FeatureClustering
{
    std::vector<int> assignment; // per row
    std::size_t clusterCount = 0;
    bool estimatedK = false;
};

// k empty: the number of clusters is estimated from the rows.
FeatureClustering
clusterFeatures(const TextFeatures &features, std::optional<int> k, std::uint64_t seed);

// The clusters as clusterTexts describes them: terms, central text and size.
std::vector<TextCluster> describeFeatures(const TextFeatures &features,
                                          std::span<const int> assignment,
                                          std::size_t clusterCount);

} // namespace jtbd::clustering
