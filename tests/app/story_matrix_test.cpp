// The story x force-group matrix: its table against jtbd::storyMatrix, the click cycle of the
// researcher's marks (each undoable), the keyboard, refreshing after a change, and readable
// headers at the window's size.
#include "force_groups_document.h"

#include <QAbstractItemModelTester>
#include <QHeaderView>
#include <QScrollBar>
#include <QTest>
#include <QUndoStack>

#include <app/models/story_matrix_model.h>
#include <app/panels/force_groups_panel.h>
#include <app/panels/story_matrix_view.h>
#include <memory>

namespace jtbd::test {
namespace {

using app::StoryMatrixModel;
using app::StoryMatrixView;
using Cell = StoryMatrix::Cell;

Cell cellAt(const QModelIndex &index)
{
    return static_cast<Cell>(index.data(StoryMatrixModel::CellRole).toInt());
}

class StoryMatrixTest
    : public ::testing::Test
    , protected ForceGroupsDocument
{
protected:
    StoryMatrixTest()
    {
        view = std::make_unique<StoryMatrixView>(document.get());
        view->resize(1100, 700);
        view->show();
        tester = std::make_unique<QAbstractItemModelTester>(
            view->model(), QAbstractItemModelTester::FailureReportingMode::Warning);
    }

    StoryMatrixModel &model() { return *view->model(); }

    // A story with no quote in `groupId`.
    Id storyOutside(Id groupId)
    {
        const auto &matrix = model().matrix();
        for (int r = 0; r < model().rowCount(); ++r) {
            const QModelIndex index = model().cellIndex(matrix.interviewIds[r], groupId);
            if (cellAt(index) == Cell::Empty)
                return matrix.interviewIds[r];
        }
        ADD_FAILURE() << "every story shows group " << groupId;
        return 0;
    }

    std::unique_ptr<StoryMatrixView> view;
    std::unique_ptr<QAbstractItemModelTester> tester;
};

TEST_F(StoryMatrixTest, ShowsTheStudysMatrixWithStoriesAndGroupsNamed)
{
    const auto expected = expectOk(storyMatrix(document->study()));
    ASSERT_EQ(model().rowCount(), static_cast<int>(expected.interviewIds.size()));
    ASSERT_EQ(model().columnCount(), 4);
    EXPECT_EQ(expected.groupIds, (std::vector<Id>{monthEnd, lateInvoices, onePlace, trust}));
    for (int r = 0; r < model().rowCount(); ++r)
        for (int c = 0; c < model().columnCount(); ++c)
            EXPECT_EQ(cellAt(model().index(r, c)), expected.cells[r][c]) << r << "," << c;
    EXPECT_EQ(model().headerData(0, Qt::Horizontal, Qt::DisplayRole).toString(),
              QStringLiteral("Month-end reporting breaks"));
    EXPECT_EQ(model().headerData(2, Qt::Horizontal, StoryMatrixModel::ForceRole).toInt(),
              static_cast<int>(Force::Pull));
    EXPECT_EQ(
        model().headerData(2, Qt::Horizontal, StoryMatrixModel::ForceColorRole).value<QColor>(),
        QColor(QString::fromUtf8(info(Force::Pull).color)));
    const QString story = model().headerData(0, Qt::Vertical, Qt::DisplayRole).toString();
    EXPECT_TRUE(story.startsWith(QStringLiteral("P"))) << story.toStdString();
    EXPECT_TRUE(story.contains(QStringLiteral(" · "))) << story.toStdString();
    // The story of the group's first quote shows it.
    const QModelIndex quoted = model().cellIndex(push[0].interviewId, monthEnd);
    EXPECT_EQ(cellAt(quoted), Cell::Quoted);
    EXPECT_TRUE(quoted.data(StoryMatrixModel::ShowsRole).toBool());
}

TEST_F(StoryMatrixTest, AQuotedCellTogglesToMarkedAbsentAndBack)
{
    const Id story = push[0].interviewId;
    ASSERT_TRUE(view->toggle(story, monthEnd));
    EXPECT_EQ(marks(), (std::vector<StoryGroupMark>{{story, monthEnd, false}}));
    QCoreApplication::processEvents();
    EXPECT_EQ(cellAt(model().cellIndex(story, monthEnd)), Cell::MarkedAbsent);
    EXPECT_FALSE(model().cellIndex(story, monthEnd).data(StoryMatrixModel::ShowsRole).toBool());
    ASSERT_TRUE(view->toggle(story, monthEnd));
    QCoreApplication::processEvents();
    EXPECT_EQ(cellAt(model().cellIndex(story, monthEnd)), Cell::Quoted);
    EXPECT_TRUE(marks().empty());
    EXPECT_EQ(document->undoStack()->count(), 2);

    document->undoStack()->undo();
    QCoreApplication::processEvents();
    EXPECT_EQ(cellAt(model().cellIndex(story, monthEnd)), Cell::MarkedAbsent);
    document->undoStack()->undo();
    QCoreApplication::processEvents();
    EXPECT_EQ(cellAt(model().cellIndex(story, monthEnd)), Cell::Quoted);
    document->undoStack()->redo();
    QCoreApplication::processEvents();
    EXPECT_EQ(cellAt(model().cellIndex(story, monthEnd)), Cell::MarkedAbsent);
}

TEST_F(StoryMatrixTest, AnEmptyCellTogglesToMarkedAndBack)
{
    const Id story = storyOutside(trust);
    ASSERT_NE(story, 0);
    ASSERT_TRUE(view->toggle(story, trust));
    QCoreApplication::processEvents();
    EXPECT_EQ(cellAt(model().cellIndex(story, trust)), Cell::Marked);
    EXPECT_TRUE(model().cellIndex(story, trust).data(StoryMatrixModel::ShowsRole).toBool());
    ASSERT_TRUE(view->toggle(story, trust));
    QCoreApplication::processEvents();
    EXPECT_EQ(cellAt(model().cellIndex(story, trust)), Cell::Empty);
    document->undoStack()->undo();
    QCoreApplication::processEvents();
    EXPECT_EQ(cellAt(model().cellIndex(story, trust)), Cell::Marked);
}

TEST_F(StoryMatrixTest, AClickOrSpaceOnACellChangesTheMarkAndKeepsTheCellCurrent)
{
    auto *table = view->table();
    const Id story = push[0].interviewId;
    const QModelIndex cell = model().cellIndex(story, monthEnd);
    const QRect rect = table->visualRect(cell);
    ASSERT_TRUE(rect.isValid());
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rect.center());
    QCoreApplication::processEvents();
    EXPECT_EQ(cellAt(model().cellIndex(story, monthEnd)), Cell::MarkedAbsent);
    EXPECT_EQ(table->currentIndex(), model().cellIndex(story, monthEnd));

    table->setFocus();
    QTest::keyClick(table, Qt::Key_Space);
    QCoreApplication::processEvents();
    EXPECT_EQ(cellAt(model().cellIndex(story, monthEnd)), Cell::Quoted);
    EXPECT_EQ(document->undoStack()->count(), 2);
}

TEST_F(StoryMatrixTest, FollowsChangesToTheGroups)
{
    const int columns = model().columnCount();
    addGroup(Force::Habit, "The spreadsheet I know", {}, push);
    document->announce({app::Change::Kind::ForceGroups, 0});
    QCoreApplication::processEvents();
    EXPECT_EQ(model().columnCount(), columns + 1);
    EXPECT_EQ(model().headerData(columns, Qt::Horizontal, Qt::DisplayRole).toString(),
              QStringLiteral("The spreadsheet I know"));
}

TEST_F(StoryMatrixTest, ADoubleClickedHeaderShowsItsGroupInThePanel)
{
    app::ForceGroupsPanel panel(document.get());
    panel.showPage(app::ForceGroupsPanel::Page::Matrix);
    Q_EMIT panel.matrixView()->groupActivated(trust);
    EXPECT_EQ(panel.currentPage(), app::ForceGroupsPanel::Page::Groups);
    EXPECT_EQ(panel.force(), Force::Anxiety);
    EXPECT_EQ(panel.selectedGroupIds(), std::vector<Id>{trust});
}

// ---------------------------------------------------------------------------------------------

// The sample study with fifteen groups over the four forces (four from ForceGroupsDocument), the
// size the matrix is made for.
struct FifteenGroups : ForceGroupsDocument
{
    FifteenGroups()
    {
        const auto habit = quotesOf("habit");
        const char *pushLabels[] = {"Clients go quiet after the invoice is sent",
                                    "Receipts in a shoebox until January"};
        const char *pullLabels[] = {"Reminders that go out by themselves",
                                    "The tax bill worked out as I go",
                                    "Seeing cash for the next three months"};
        const char *anxietyLabels[] = {"Moving years of records",
                                       "Clients seeing an automated reminder as rude",
                                       "Getting the VAT wrong"};
        const char *habitLabels[] = {"The spreadsheet I built myself",
                                     "My accountant does it every year",
                                     "Word invoice template"};
        std::size_t next = 5;
        for (const char *label : pushLabels)
            addGroup(Force::Push, label, {next++ % push.size()}, push);
        next = 2;
        for (const char *label : pullLabels)
            addGroup(Force::Pull, label, {next++ % pull.size()}, pull);
        next = 2;
        for (const char *label : anxietyLabels)
            addGroup(Force::Anxiety, label, {next++ % anxiety.size()}, anxiety);
        next = 0;
        for (const char *label : habitLabels)
            addGroup(Force::Habit, label, {next++ % habit.size()}, habit);
    }
};

TEST(StoryMatrixLooks, FifteenGroupsAndTwelveStoriesAreReadableInTheWindow)
{
    FifteenGroups study;
    app::ForceGroupsPanel panel(study.document.get());
    // The panel's share of a 1400x900 window beside the study navigator.
    panel.resize(1130, 820);
    panel.showPage(app::ForceGroupsPanel::Page::Matrix);
    panel.show();
    QCoreApplication::processEvents();
    auto *view = panel.matrixView();
    auto *table = view->table();
    auto &model = *view->model();
    ASSERT_EQ(model.columnCount(), 15);
    ASSERT_EQ(model.rowCount(), 12);

    // Every cell fits: no scrolling either way.
    EXPECT_FALSE(table->horizontalScrollBar()->isVisible());
    EXPECT_FALSE(table->verticalScrollBar()->isVisible());
    const QRect last = table->visualRect(model.index(11, 14));
    EXPECT_TRUE(table->viewport()->rect().contains(last)) << "the last cell is in sight";
    // Every story's name is drawn whole.
    auto *rows = table->verticalHeader();
    const QFontMetrics metrics(rows->font());
    for (int r = 0; r < model.rowCount(); ++r)
        EXPECT_LE(metrics.horizontalAdvance(model.headerData(r, Qt::Vertical).toString()),
                  rows->width())
            << r;
    // Every label up to the longest drawn in full is not cut.
    auto *columns = table->horizontalHeader();
    for (int c = 0; c < model.columnCount(); ++c) {
        const QString label = model.headerData(c, Qt::Horizontal).toString();
        const int width = QFontMetrics(columns->font()).horizontalAdvance(label);
        if (width + 14 <= app::GroupHeaderView::kMaxLabelLength) {
            EXPECT_LE(width, columns->height() - 10) << label.toStdString();
        }
        EXPECT_GE(columns->sectionSize(c), QFontMetrics(columns->font()).height());
    }

    const QImage image = panel.grab().toImage();
    keepScreenshot(image, QStringLiteral("story-matrix.png"));
    ASSERT_FALSE(image.isNull());
}

} // namespace
} // namespace jtbd::test
