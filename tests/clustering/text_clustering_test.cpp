// The text-clustering engine: its budgets on public labelled data (../shared/data, see its
// README), determinism, labels, and what it does with awkward input.
#include "test_support.h"

#include <jtbd/clustering.h>
#include <jtbd/file_io.h>

#include <algorithm>
#include <cstdlib>
#include <gtest/gtest.h>
#include <set>

namespace jtbd {
namespace {

using namespace test;

struct Labelled
{
    std::vector<std::string> texts;
    std::vector<int> labels;
    int classes = 0;
};

Labelled
load(const std::string &relative, const std::string &textColumn, const std::string &labelColumn)
{
    // The public data sits beside the project (../shared/data); JTBD_SHARED_DATA in the
    // environment points elsewhere.
    const char *elsewhere = std::getenv("JTBD_SHARED_DATA");
    const std::filesystem::path path =
        std::filesystem::path(elsewhere ? elsewhere : JTBD_SHARED_DATA) / relative;
    const std::string bytes =
        expectOk(readFile(path), "the labelled data the budgets are scored on");
    StatementTable table = expectOk(readStatements(bytes, path.string(), textColumn, labelColumn));
    Labelled data;
    data.labels = table.labelNumbers();
    data.texts = std::move(table.texts);
    data.classes = *std::max_element(data.labels.begin(), data.labels.end()) + 1;
    return data;
}

const Labelled &banking()
{
    static const Labelled data = load("banking77/train.csv", "text", "category");
    return data;
}

const Labelled &clinc()
{
    static const Labelled data = load("clinc150/val.tsv", "text", "label");
    return data;
}

double nmiFor(const Labelled &data, std::optional<int> k, std::uint64_t seed = 1)
{
    TextClusteringOptions options;
    options.k = k;
    options.seed = seed;
    const TextClustering result = expectOk(clusterTexts(data.texts, options));
    EXPECT_EQ(result.assignment.size(), data.texts.size());
    EXPECT_EQ(result.estimatedK, !k.has_value());
    if (k)
        EXPECT_EQ(static_cast<int>(result.clusters.size()), *k);
    return scoreAgreement(result.assignment, data.labels).nmi;
}

TEST(TextClusteringData, FilesReadAsTheirReadmeDescribes)
{
    EXPECT_EQ(banking().texts.size(), 10003U);
    EXPECT_EQ(banking().classes, 77);
    EXPECT_EQ(clinc().texts.size(), 3000U);
    EXPECT_EQ(clinc().classes, 150);
}

// Budgets: NMI at least 0.63 on banking77 and 0.78 on clinc150 with k the number of classes;
// with k estimated, within 0.03 of that.
TEST(TextClusteringBudget, Banking77)
{
    const double known = nmiFor(banking(), banking().classes);
    EXPECT_GE(known, 0.63);
    const double estimated = nmiFor(banking(), std::nullopt);
    EXPECT_GE(estimated, known - 0.03);
}

TEST(TextClusteringBudget, Clinc150)
{
    const double known = nmiFor(clinc(), clinc().classes);
    EXPECT_GE(known, 0.78);
    const double estimated = nmiFor(clinc(), std::nullopt);
    EXPECT_GE(estimated, known - 0.03);
}

TEST(TextClusteringBudget, HoldsForOtherSeeds)
{
    for (std::uint64_t seed : {7U, 1234U})
        EXPECT_GE(nmiFor(clinc(), clinc().classes, seed), 0.78) << "seed " << seed;
}

TEST(TextClustering, SameSeedSameClusters)
{
    const std::vector<std::string> texts(clinc().texts.begin(), clinc().texts.begin() + 600);
    TextClusteringOptions options;
    options.k = 30;
    options.seed = 99;
    const TextClustering first = expectOk(clusterTexts(texts, options));
    const TextClustering second = expectOk(clusterTexts(texts, options));
    EXPECT_EQ(first.assignment, second.assignment);
    ASSERT_EQ(first.clusters.size(), second.clusters.size());
    for (std::size_t c = 0; c < first.clusters.size(); ++c) {
        EXPECT_EQ(first.clusters[c].terms, second.clusters[c].terms);
        EXPECT_EQ(first.clusters[c].centralIndex, second.clusters[c].centralIndex);
    }
}

TEST(TextClustering, SeparatesObviousTopicsAndLabelsThem)
{
    const std::vector<std::string> texts{
        "Chasing late invoices every month is exhausting",
        "The client paid the invoice ninety days late",
        "I hate chasing clients about unpaid invoices",
        "Another invoice overdue, another awkward phone call",
        "My receipts for the tax return are in a shoebox",
        "The tax deadline in January always panics me",
        "I lose receipts and then the tax return takes days",
        "Filing the self assessment tax return at midnight again",
        "Hiring someone means knowing our cash flow first",
        "We could not tell whether the cash would cover a new hire",
        "Before signing the lease we needed today's cash position",
        "Is there enough cash to take on another person?",
    };
    TextClusteringOptions options;
    options.k = 3;
    const TextClustering result = expectOk(clusterTexts(texts, options));
    const std::vector<int> truth{0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2};
    EXPECT_DOUBLE_EQ(scoreAgreement(result.assignment, truth).ari, 1.0);
    std::set<std::string> firstTerms;
    for (const TextCluster &cluster : result.clusters) {
        EXPECT_EQ(cluster.size, 4U);
        ASSERT_FALSE(cluster.terms.empty());
        firstTerms.insert(cluster.terms.front());
        // The central statement belongs to the cluster.
        EXPECT_EQ(&cluster - result.clusters.data(), result.assignment.at(cluster.centralIndex));
    }
    EXPECT_TRUE(firstTerms.contains("invoice") || firstTerms.contains("invoices"))
        << result.clusters[0].label();
    EXPECT_TRUE(firstTerms.contains("tax")) << result.clusters[1].label();
    EXPECT_TRUE(firstTerms.contains("cash")) << result.clusters[2].label();
}

TEST(TextClustering, EstimatesAFewClustersForAFewTopics)
{
    std::vector<std::string> texts;
    const std::vector<std::string> topics{"invoice payment late client",
                                          "tax return receipts deadline",
                                          "cash flow hire lease",
                                          "bank feed import statement"};
    const std::vector<std::string> fillers{"really",
                                           "always",
                                           "again",
                                           "honestly",
                                           "every month",
                                           "at the end",
                                           "for me",
                                           "in the car",
                                           "on friday",
                                           "this year"};
    for (const std::string &topic : topics)
        for (const std::string &filler : fillers)
            texts.push_back(topic + " " + filler);
    const TextClustering result = expectOk(clusterTexts(texts));
    EXPECT_TRUE(result.estimatedK);
    EXPECT_GE(result.clusters.size(), 3U);
    EXPECT_LE(result.clusters.size(), 8U);
}

TEST(TextClustering, AwkwardInput)
{
    EXPECT_TRUE(expectOk(clusterTexts({})).clusters.empty());

    // Texts without a word share one cluster; the rest are clustered as usual.
    const std::vector<std::string> texts{
        "?!", "invoice late", "invoice overdue", "", "tax return", "tax deadline", "…"};
    TextClusteringOptions options;
    options.k = 3;
    const TextClustering result = expectOk(clusterTexts(texts, options));
    EXPECT_EQ(result.clusters.size(), 3U);
    EXPECT_EQ(result.assignment[0], result.assignment[3]);
    EXPECT_EQ(result.assignment[0], result.assignment[6]);
    EXPECT_EQ(result.assignment[1], result.assignment[2]);
    EXPECT_EQ(result.assignment[4], result.assignment[5]);
    EXPECT_NE(result.assignment[1], result.assignment[4]);

    // k larger than the texts: one cluster each.
    options.k = 50;
    EXPECT_EQ(
        expectOk(clusterTexts(std::vector<std::string>{"a cat", "a dog"}, options)).clusters.size(),
        2U);

    options.k = 0;
    auto refused = clusterTexts(texts, options);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::InvalidArgument);

    options.k = 2;
    options.language = "klingon";
    refused = clusterTexts(texts, options);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::InvalidArgument);
    EXPECT_NE(refused.error().message.find("klingon"), std::string::npos);
}

TEST(TextClustering, ClustersTextInOtherScripts)
{
    const std::vector<std::string> texts{"Rechnung bezahlt zu spät",
                                         "Rechnung wieder zu spät bezahlt",
                                         "Die Rechnung kam spät",
                                         "Steuererklärung Frist Januar",
                                         "Frist für die Steuererklärung",
                                         "Steuererklärung im Januar",
                                         "请款单 逾期 付款",
                                         "付款 逾期 请款单",
                                         "逾期 付款 请款单 客户"};
    TextClusteringOptions options;
    options.k = 3;
    options.language = "german";
    const TextClustering result = expectOk(clusterTexts(texts, options));
    const std::vector<int> truth{0, 0, 0, 1, 1, 1, 2, 2, 2};
    EXPECT_DOUBLE_EQ(scoreAgreement(result.assignment, truth).ari, 1.0);
}

TEST(TextClustering, DescribesAGivenPartition)
{
    const std::vector<std::string> quotes{"The invoice was ninety days late",
                                          "Another late invoice to chase",
                                          "Receipts for the tax return",
                                          "The tax return deadline again"};
    // Cluster 1 is left empty on purpose.
    const std::vector<int> partition{0, 0, 2, 2};
    const auto clusters = expectOk(describeClusters(quotes, partition));
    ASSERT_EQ(clusters.size(), 3U);
    EXPECT_EQ(clusters[0].size, 2U);
    EXPECT_EQ(clusters[1].size, 0U);
    EXPECT_TRUE(clusters[1].terms.empty());
    EXPECT_EQ(clusters[2].size, 2U);
    ASSERT_FALSE(clusters[0].terms.empty());
    EXPECT_TRUE(clusters[0].terms.front() == "invoice" || clusters[0].terms.front() == "late")
        << clusters[0].label();
    EXPECT_TRUE(clusters[2].terms.front() == "tax" || clusters[2].terms.front() == "return")
        << clusters[2].label();
    EXPECT_TRUE(clusters[2].centralIndex == 2 || clusters[2].centralIndex == 3);

    auto mismatched = describeClusters(quotes, std::vector<int>{0, 1});
    ASSERT_FALSE(mismatched);
    EXPECT_EQ(mismatched.error().code, ErrorCode::InvalidArgument);
    auto negative = describeClusters(quotes, std::vector<int>{0, -1, 0, 0});
    ASSERT_FALSE(negative);
    EXPECT_EQ(negative.error().code, ErrorCode::InvalidArgument);
}

TEST(Statements, ReadsTsvAndCsvAndNamesWhatIsWrong)
{
    StatementTable tsv = expectOk(
        readStatements("label\ttext\na\tfirst one\r\nb\tsay \"hi\" twice\n", "x.tsv", "", "label"));
    EXPECT_EQ(tsv.texts, (std::vector<std::string>{"first one", "say \"hi\" twice"}));
    EXPECT_EQ(tsv.labels, (std::vector<std::string>{"a", "b"}));
    EXPECT_EQ(tsv.labelNumbers(), (std::vector<int>{0, 1}));

    // Without a "text" column, the column with the longest values.
    StatementTable csv = expectOk(readStatements(
        "id,answer\n1,\"a long answer, with a comma\"\n2,another answer\n", "x.csv"));
    EXPECT_EQ(csv.textColumn, "answer");
    EXPECT_EQ(csv.texts.at(0), "a long answer, with a comma");
    EXPECT_EQ(csv.lines, (std::vector<std::size_t>{2, 3}));

    auto missing = readStatements("id,answer\n1,x\n", "survey.csv", "comment");
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().code, ErrorCode::InvalidArgument);
    EXPECT_EQ(missing.error().message,
              "survey.csv has no column 'comment'; its columns are: id, answer");

    auto latin1 = readStatements("text\ncaf\xE9\n", "old.csv");
    ASSERT_FALSE(latin1);
    EXPECT_EQ(latin1.error().code, ErrorCode::BadInput);
    EXPECT_NE(latin1.error().message.find("old.csv: line 2"), std::string::npos);

    auto unclosed = readStatements("text\n\"never closed\n", "broken.csv");
    ASSERT_FALSE(unclosed);
    EXPECT_EQ(unclosed.error().code, ErrorCode::BadInput);
    EXPECT_NE(unclosed.error().message.find("broken.csv"), std::string::npos);
}

} // namespace
} // namespace jtbd
