// Agreement between a clustering and reference labels: NMI, ARI and matched accuracy.
#include "assignment.h"

#include <jtbd/clustering.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace jtbd {

namespace {

// Labels renumbered 0 … m-1 in order of first appearance.
std::vector<int> dense(std::span<const int> labels, int &count)
{
    std::map<int, int> numbers;
    std::vector<int> result;
    result.reserve(labels.size());
    for (int label : labels)
        result.push_back(
            numbers.try_emplace(label, static_cast<int>(numbers.size())).first->second);
    count = static_cast<int>(numbers.size());
    return result;
}

double entropy(const std::vector<double> &counts, double n)
{
    double h = 0;
    for (double c : counts)
        if (c > 0)
            h -= c / n * std::log(c / n);
    return h;
}

double pairs(double x)
{
    return x * (x - 1) / 2;
}

} // namespace

AgreementScores scoreAgreement(std::span<const int> predicted, std::span<const int> truth)
{
    AgreementScores scores;
    const std::size_t n = std::min(predicted.size(), truth.size());
    if (n == 0)
        return scores;
    int clusters = 0;
    int classes = 0;
    const std::vector<int> a = dense(predicted.first(n), clusters);
    const std::vector<int> b = dense(truth.first(n), classes);
    std::vector<std::vector<double>> table(
        static_cast<std::size_t>(clusters),
        std::vector<double>(static_cast<std::size_t>(classes), 0));
    std::vector<double> rowSum(static_cast<std::size_t>(clusters), 0);
    std::vector<double> columnSum(static_cast<std::size_t>(classes), 0);
    for (std::size_t i = 0; i < n; ++i) {
        table[static_cast<std::size_t>(a[i])][static_cast<std::size_t>(b[i])] += 1;
        rowSum[static_cast<std::size_t>(a[i])] += 1;
        columnSum[static_cast<std::size_t>(b[i])] += 1;
    }
    const double total = static_cast<double>(n);

    // NMI with the arithmetic mean of the entropies; two single-cluster labelings agree fully.
    double mutual = 0;
    for (std::size_t i = 0; i < table.size(); ++i)
        for (std::size_t j = 0; j < table[i].size(); ++j)
            if (table[i][j] > 0)
                mutual += table[i][j] / total
                          * std::log(table[i][j] * total / (rowSum[i] * columnSum[j]));
    const double hA = entropy(rowSum, total);
    const double hB = entropy(columnSum, total);
    scores.nmi = (hA + hB) > 0 ? std::clamp(mutual / ((hA + hB) / 2), 0.0, 1.0) : 1.0;

    // ARI (Hubert and Arabie).
    double index = 0;
    for (const auto &row : table)
        for (double cell : row)
            index += pairs(cell);
    double rows = 0;
    for (double s : rowSum)
        rows += pairs(s);
    double columns = 0;
    for (double s : columnSum)
        columns += pairs(s);
    const double expected = rows * columns / pairs(total);
    const double maximum = (rows + columns) / 2;
    scores.ari = maximum == expected ? 1.0 : (index - expected) / (maximum - expected);

    // Accuracy: the one-to-one matching of clusters to classes that agrees on the most items.
    const std::size_t size = static_cast<std::size_t>(std::max(clusters, classes));
    std::vector<std::vector<double>> cost(size, std::vector<double>(size, 0));
    for (std::size_t i = 0; i < table.size(); ++i)
        for (std::size_t j = 0; j < table[i].size(); ++j)
            cost[i][j] = -table[i][j];
    const std::vector<int> match = clustering::cheapestAssignment(cost);
    double agreed = 0;
    for (std::size_t i = 0; i < table.size(); ++i)
        if (match[i] >= 0 && static_cast<std::size_t>(match[i]) < table[i].size())
            agreed += table[i][static_cast<std::size_t>(match[i])];
    scores.accuracy = agreed / total;
    return scores;
}

} // namespace jtbd
