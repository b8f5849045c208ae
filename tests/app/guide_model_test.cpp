// The guide tree model: sections with their questions, coverage ticks, drag-and-drop requests.
#include "app_fixture.h"

#include <QAbstractItemModelTester>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>

#include <app/models/guide_model.h>

namespace jtbd::test {
namespace {

using app::GuideModel;

// The built-in guide shown in a model, watched by the model tester.
class GuideModelTest : public ::testing::Test
{
protected:
    GuideModelTest() { model.setGuide(guide); }

    SmallDocument doc;
    const Guide guide = builtinGuide(doc.study());
    GuideModel model;
    QAbstractItemModelTester tester{&model,
                                    QAbstractItemModelTester::FailureReportingMode::Warning};
};

TEST_F(GuideModelTest, ShowsSectionsWithTheirQuestionsAndPassesTheModelTester)
{
    ASSERT_EQ(model.rowCount(), static_cast<int>(guide.sections.size()));
    const QModelIndex purchase = model.index(2, 0);
    EXPECT_EQ(model.data(purchase).toString(),
              QStringLiteral("3. ") + app::toQString(guide.sections[2].title));
    EXPECT_EQ(model.data(model.index(2, GuideModel::PhaseColumn)).toString(),
              QStringLiteral("Purchase (event)"));
    EXPECT_EQ(model.data(model.index(2, GuideModel::MinutesColumn)).toString(),
              QStringLiteral("%1 min").arg(guide.sections[2].minutes));
    EXPECT_TRUE(model.data(purchase, GuideModel::IsSectionRole).toBool());
    ASSERT_EQ(model.rowCount(purchase), static_cast<int>(guide.sections[2].questions.size()));
    const QModelIndex first = model.index(0, 0, purchase);
    EXPECT_EQ(model.parent(first), purchase);
    EXPECT_EQ(model.data(first).toString(), app::toQString(guide.sections[2].questions[0].text));
    EXPECT_EQ(model.data(first, GuideModel::IdRole).toLongLong(),
              guide.sections[2].questions[0].id);
    EXPECT_EQ(model.questionIndex(guide.sections[2].questions[0].id), first);
    EXPECT_EQ(model.sectionIndex(guide.sections[2].id), purchase);
    EXPECT_EQ(model.rowCount(first), 0);
    EXPECT_EQ(model.questionAt(purchase), nullptr);
    EXPECT_EQ(model.sectionAt(first)->id, guide.sections[2].id);

    // Replaced by a smaller guide, then by nothing: the tester checks every signal on the way.
    Guide other = guide;
    other.sections.resize(2);
    other.sections[1].questions.clear();
    model.setGuide(other);
    EXPECT_EQ(model.rowCount(), 2);
    EXPECT_EQ(model.rowCount(model.index(1, 0)), 0);
    model.setGuide(Guide{});
    EXPECT_EQ(model.rowCount(), 0);
}

TEST_F(GuideModelTest, TicksCoveredQuestionsOnlyWhenCoverageIsShown)
{
    const Id covered = guide.sections[1].questions[1].id;
    const QModelIndex index = model.questionIndex(covered);
    EXPECT_FALSE(model.data(index, Qt::DecorationRole).isValid());
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setCoverage({covered}, true);
    EXPECT_GE(changed.count(), 1);
    EXPECT_TRUE(model.data(index, GuideModel::CoveredRole).toBool());
    EXPECT_TRUE(model.data(index, Qt::DecorationRole).isValid());
    const QModelIndex open = model.questionIndex(guide.sections[1].questions[0].id);
    EXPECT_FALSE(model.data(open, GuideModel::CoveredRole).toBool());
    EXPECT_TRUE(
        model.data(open, Qt::ToolTipRole).toString().contains(QStringLiteral("Not covered")));
    model.setCoverage({covered}, false);
    EXPECT_FALSE(model.data(index, Qt::DecorationRole).isValid());
}

TEST_F(GuideModelTest, DroppingARowAsksForTheMoveInsteadOfMakingIt)
{
    QSignalSpy sectionMoves(&model, &GuideModel::sectionMoveRequested);
    QSignalSpy questionMoves(&model, &GuideModel::questionMoveRequested);

    // The first section dropped between the third and the fourth.
    std::unique_ptr<QMimeData> section(model.mimeData({model.index(0, 0)}));
    ASSERT_TRUE(section);
    EXPECT_TRUE(model.canDropMimeData(section.get(), Qt::MoveAction, 3, 0, {}));
    model.dropMimeData(section.get(), Qt::MoveAction, 3, 0, {});
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return sectionMoves.count() == 1;
        },
        2000));
    EXPECT_EQ(sectionMoves.at(0).at(0).value<Id>(), guide.sections[0].id);
    EXPECT_EQ(sectionMoves.at(0).at(1).toInt(), 2);
    EXPECT_EQ(model.rowCount(), static_cast<int>(guide.sections.size())); // unchanged

    // A question dropped at the top of another section.
    const QModelIndex question = model.questionIndex(guide.sections[0].questions[1].id);
    std::unique_ptr<QMimeData> dragged(model.mimeData({question}));
    const QModelIndex target = model.index(4, 0);
    EXPECT_FALSE(model.canDropMimeData(dragged.get(), Qt::MoveAction, 0, 0, {})); // not at the top
    model.dropMimeData(dragged.get(), Qt::MoveAction, 0, 0, target);
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return questionMoves.count() == 1;
        },
        2000));
    EXPECT_EQ(questionMoves.at(0).at(0).value<Id>(), guide.sections[0].questions[1].id);
    EXPECT_EQ(questionMoves.at(0).at(1).value<Id>(), guide.sections[4].id);
    EXPECT_EQ(questionMoves.at(0).at(2).toInt(), 0);

    // A read-only guide (the built-in one in the panel) takes no drops.
    model.setReadOnly(true);
    EXPECT_FALSE(model.canDropMimeData(section.get(), Qt::MoveAction, 3, 0, {}));
}

} // namespace
} // namespace jtbd::test
