// Agreement scores against values computed independently (scikit-learn 1.2's
// normalized_mutual_info_score and adjusted_rand_score) and against hand-counted accuracy.
#include <jtbd/clustering.h>

#include <gtest/gtest.h>
#include <vector>

namespace jtbd {
namespace {

TEST(Agreement, IdenticalPartitionsAgreeFullyWhateverTheirNumbers)
{
    const std::vector<int> a{0, 0, 1, 1, 2, 2};
    const std::vector<int> b{7, 7, 3, 3, 9, 9};
    const AgreementScores scores = scoreAgreement(a, b);
    EXPECT_DOUBLE_EQ(scores.nmi, 1.0);
    EXPECT_DOUBLE_EQ(scores.ari, 1.0);
    EXPECT_DOUBLE_EQ(scores.accuracy, 1.0);
}

TEST(Agreement, MatchesReferenceValues)
{
    const std::vector<int> predicted{0, 0, 0, 1, 1, 1, 2, 2, 2, 2};
    const std::vector<int> truth{1, 1, 0, 0, 2, 2, 2, 2, 2, 0};
    const AgreementScores scores = scoreAgreement(predicted, truth);
    EXPECT_NEAR(scores.nmi, 0.3991502288153316, 1e-12);
    EXPECT_NEAR(scores.ari, 0.1366906474820144, 1e-12);
    // Best matching: 0->1 (2 items), 1->0 (1), 2->2 (3): 6 of 10.
    EXPECT_DOUBLE_EQ(scores.accuracy, 0.6);
}

TEST(Agreement, MoreClustersThanClasses)
{
    const std::vector<int> predicted{5, 5, 7, 7, 9, 9, 9};
    const std::vector<int> truth{0, 0, 0, 1, 1, 2, 2};
    const AgreementScores scores = scoreAgreement(predicted, truth);
    EXPECT_NEAR(scores.nmi, 0.5636355530993445, 1e-12);
    EXPECT_NEAR(scores.ari, 0.2125, 1e-12);
    // 5->0 (2), 7->1 (1), 9->2 (2): 5 of 7.
    EXPECT_NEAR(scores.accuracy, 5.0 / 7.0, 1e-12);
}

TEST(Agreement, OneClusterAgainstManyClassesScoresZero)
{
    const std::vector<int> predicted{0, 0, 0, 0};
    const std::vector<int> truth{0, 1, 2, 3};
    const AgreementScores scores = scoreAgreement(predicted, truth);
    EXPECT_DOUBLE_EQ(scores.nmi, 0.0);
    EXPECT_DOUBLE_EQ(scores.ari, 0.0);
    EXPECT_DOUBLE_EQ(scores.accuracy, 0.25);
}

TEST(Agreement, EmptyInputScoresZero)
{
    const AgreementScores scores = scoreAgreement({}, {});
    EXPECT_EQ(scores.nmi, 0.0);
    EXPECT_EQ(scores.accuracy, 0.0);
}

} // namespace
} // namespace jtbd
