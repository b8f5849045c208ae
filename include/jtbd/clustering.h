// Clustering short statements (quotes, survey answers, support tickets) by what they say, and
// scoring a clustering against known labels.
#pragma once

#include <jtbd/result.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace jtbd {

struct TextClusteringOptions
{
    std::optional<int> k; // the number of clusters; empty: estimated from the texts
    std::uint64_t seed = 1;
    std::string language = "english"; // a Snowball stemmer's name (sb_stemmer_list())
};

struct TextCluster
{
    std::vector<std::string> terms; // its most distinctive words, as written, best first
    std::size_t centralIndex = 0;   // the text closest to the cluster's centre
    std::size_t size = 0;

    // "terms joined by ' · '": a short label for the cluster.
    std::string label(std::size_t termCount = 3) const;
};

struct TextClustering
{
    std::vector<int> assignment;       // each text's cluster, 0 … k-1
    std::vector<TextCluster> clusters; // by size, largest first
    bool estimatedK = false;           // k was estimated, not given
};

// Deterministic for the same texts, options and seed. An empty list gives no clusters; k is
// clamped to the number of texts. Texts without a single word share one cluster.
// InvalidArgument for k < 1 or an unknown language.
Result<TextClustering> clusterTexts(std::span<const std::string> texts,
                                    const TextClusteringOptions &options = {});

// The label of each cluster of a given partition (cluster numbers 0 … m-1 per text): its most
// distinctive words, its most central text and its size. What clusterTexts does after
// clustering, for texts clustered by other means or on other text (a quote clustered by its
// surrounding turn, labelled by its own words). A cluster without texts has size 0.
Result<std::vector<TextCluster>> describeClusters(std::span<const std::string> texts,
                                                  std::span<const int> assignment,
                                                  const std::string &language = "english");

// Statements read from a CSV (RFC 4180) or TSV file with a header row. A file named *.tsv, or
// whose header has tabs and no quotes, is tab-separated: no quoting, quotes are text.
struct StatementTable
{
    std::vector<std::string> texts;
    std::vector<std::string> labels; // one per text when a label column was named, else empty
    std::vector<std::size_t> lines;  // the line each row starts on
    std::string textColumn;          // the column the texts came from

    // Each row's label as a number, 0 … (distinct labels - 1) in order of first appearance: the
    // reference scoreAgreement takes. Empty when there are no labels.
    std::vector<int> labelNumbers() const;
};

// The texts come from textColumn, or when it is empty from a column named "text", or else from
// the column with the longest values on average. BadInput names the file and line (invalid
// UTF-8, an unclosed quote, a short row); InvalidArgument for a column the header lacks, with
// the columns it has.
Result<StatementTable> readStatements(std::string_view bytes,
                                      const std::string &sourceName,
                                      const std::string &textColumn = {},
                                      const std::string &labelColumn = {});

// How well a clustering agrees with reference labels (both given as small integers per item).
struct AgreementScores
{
    double nmi = 0;      // normalised mutual information, arithmetic mean (as scikit-learn)
    double ari = 0;      // adjusted Rand index
    double accuracy = 0; // share of items in agreement after the best one-to-one matching
};

AgreementScores scoreAgreement(std::span<const int> predicted, std::span<const int> truth);

} // namespace jtbd
