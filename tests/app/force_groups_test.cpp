// The force groups panel and its model: the groups of a force with their quotes and the ungrouped
// ones, renaming in place, moving quotes by drag and drop, the panel's edits, refreshing after a
// change, opening a quote in its transcript, and how it looks.
#include "force_groups_document.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QLineEdit>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>

#include <app/dialogs/open_error.h>
#include <app/main_window.h>
#include <app/models/force_group_model.h>
#include <app/models/story_matrix_model.h>
#include <app/panels/force_groups_panel.h>
#include <app/panels/story_matrix_view.h>
#include <app/panels/transcript_panel.h>
#include <memory>

namespace jtbd::test {
namespace {

using app::ForceGroupModel;
using app::ForceGroupsPanel;
using Kind = ForceGroupModel::ItemKind;

// The group made last: groups are listed by force, then id.
ForceGroup newest(const std::vector<ForceGroup> &groups)
{
    return *std::max_element(groups.begin(), groups.end(), [](const auto &a, const auto &b) {
        return a.id < b.id;
    });
}

Kind kindOf(const QModelIndex &index)
{
    return static_cast<Kind>(index.data(ForceGroupModel::KindRole).toInt());
}

std::vector<Id> quoteIds(const ForceGroupModel &model, const QModelIndex &parent)
{
    std::vector<Id> ids;
    for (int r = 0; r < model.rowCount(parent); ++r)
        ids.push_back(
            model.index(r, 0, parent).data(ForceGroupModel::HighlightIdRole).toLongLong());
    std::sort(ids.begin(), ids.end());
    return ids;
}

class ForceGroupModelTest
    : public ::testing::Test
    , protected ForceGroupsDocument
{
protected:
    ForceGroupModelTest()
        : model(document.get())
        , tester(&model, QAbstractItemModelTester::FailureReportingMode::Warning)
    {}

    ForceGroupModel model;
    QAbstractItemModelTester tester;
};

TEST_F(ForceGroupModelTest, ShowsTheForcesGroupsThenItsUngroupedQuotes)
{
    ASSERT_EQ(model.force(), Force::Push);
    ASSERT_EQ(model.rowCount(), 3); // two push groups and "Ungrouped"
    const QModelIndex first = model.index(0, 0);
    EXPECT_EQ(first.data().toString(), QStringLiteral("Month-end reporting breaks"));
    EXPECT_EQ(kindOf(first), Kind::Group);
    EXPECT_EQ(first.data(ForceGroupModel::GroupIdRole).toLongLong(), monthEnd);
    EXPECT_EQ(first.data(ForceGroupModel::CountRole).toInt(), 3);
    EXPECT_FALSE(first.data(ForceGroupModel::RenamedRole).toBool());
    EXPECT_EQ(quoteIds(model, first), group(monthEnd).highlightIds);

    const QModelIndex second = model.index(1, 0);
    EXPECT_EQ(second.data().toString(), QStringLiteral("Invoices paid late"));
    EXPECT_TRUE(second.data(ForceGroupModel::RenamedRole).toBool());
    EXPECT_EQ(second.data(ForceGroupModel::SuggestedLabelRole).toString(),
              QStringLiteral("late invoice payments"));

    const QModelIndex ungrouped = model.ungroupedIndex();
    EXPECT_EQ(ungrouped.row(), 2);
    EXPECT_EQ(kindOf(ungrouped), Kind::Ungrouped);
    EXPECT_EQ(ungrouped.data().toString(), QStringLiteral("Ungrouped"));
    std::vector<Id> loose;
    for (std::size_t i = 5; i < push.size(); ++i)
        loose.push_back(push[i].id);
    std::sort(loose.begin(), loose.end());
    EXPECT_EQ(quoteIds(model, ungrouped), loose);
    EXPECT_EQ(model.quoteCount(), static_cast<int>(push.size()));
    EXPECT_FALSE(model.flags(ungrouped) & Qt::ItemIsEditable);
    EXPECT_TRUE(model.flags(first) & Qt::ItemIsEditable);
}

TEST_F(ForceGroupModelTest, AQuoteShowsItsTextStoryAndPlacement)
{
    const Highlight &h = push[0];
    const QModelIndex quote = model.quoteIndex(monthEnd, h.id);
    ASSERT_TRUE(quote.isValid());
    EXPECT_EQ(kindOf(quote), Kind::Quote);
    EXPECT_EQ(quote.data().toString(), QString::fromStdString(h.quote).simplified());
    EXPECT_EQ(quote.data(ForceGroupModel::InterviewIdRole).toLongLong(), h.interviewId);
    const auto participant = quote.data(ForceGroupModel::ParticipantRole).toString();
    EXPECT_TRUE(participant.startsWith(QStringLiteral("P"))) << participant.toStdString();
    EXPECT_TRUE(participant.contains(QStringLiteral(" · "))) << participant.toStdString();
    EXPECT_FALSE(quote.data(ForceGroupModel::PlacedRole).toBool());
    EXPECT_TRUE(model.flags(quote) & Qt::ItemIsDragEnabled);
    EXPECT_FALSE(model.flags(quote) & Qt::ItemIsEditable);
}

TEST_F(ForceGroupModelTest, OtherForcesShowTheirOwnGroups)
{
    model.setForce(Force::Pull);
    ASSERT_EQ(model.rowCount(), 2);
    EXPECT_EQ(model.index(0, 0).data().toString(), QStringLiteral("Everything in one place"));
    EXPECT_TRUE(model.index(0, 0).data(ForceGroupModel::PinnedRole).toBool());
    model.setForce(Force::Habit);
    ASSERT_EQ(model.rowCount(), 1); // only "Ungrouped"
    EXPECT_EQ(kindOf(model.index(0, 0)), Kind::Ungrouped);
}

TEST_F(ForceGroupModelTest, RenamingInPlaceIsOneUndoableEditThatKeepsTheSuggestion)
{
    const QModelIndex first = model.groupIndex(monthEnd);
    ASSERT_TRUE(model.setData(first, QStringLiteral("Books never balance")));
    EXPECT_EQ(document->undoStack()->count(), 1);
    EXPECT_EQ(group(monthEnd).label, "Books never balance");
    EXPECT_EQ(group(monthEnd).suggestedLabel, "Month-end reporting breaks");
    QCoreApplication::processEvents(); // the model reads the study again
    EXPECT_EQ(model.groupIndex(monthEnd).data().toString(), QStringLiteral("Books never balance"));
    EXPECT_TRUE(model.groupIndex(monthEnd).data(ForceGroupModel::RenamedRole).toBool());
    document->undoStack()->undo();
    QCoreApplication::processEvents();
    EXPECT_EQ(model.groupIndex(monthEnd).data().toString(),
              QStringLiteral("Month-end reporting breaks"));
    EXPECT_FALSE(model.setData(model.ungroupedIndex(), QStringLiteral("No")));
}

TEST_F(ForceGroupModelTest, DraggingAQuoteOntoAnotherGroupMovesAndPlacesIt)
{
    const auto before = groups();
    const Id moved = group(monthEnd).highlightIds[0];
    std::unique_ptr<QMimeData> mime(model.mimeData({model.quoteIndex(monthEnd, moved)}));
    ASSERT_NE(mime, nullptr);
    ASSERT_TRUE(mime->hasFormat(QString::fromLatin1(ForceGroupModel::kMimeType)));
    const QModelIndex target = model.groupIndex(lateInvoices);
    EXPECT_FALSE(model.canDropMimeData(mime.get(), Qt::MoveAction, -1, 0, {}))
        << "between the groups is no group";
    EXPECT_FALSE(
        model.canDropMimeData(mime.get(), Qt::MoveAction, -1, 0, model.groupIndex(monthEnd)))
        << "where it already is";
    ASSERT_TRUE(model.canDropMimeData(mime.get(), Qt::MoveAction, -1, 0, target));
    ASSERT_TRUE(model.dropMimeData(mime.get(), Qt::MoveAction, -1, 0, target));
    EXPECT_EQ(document->undoStack()->count(), 1);
    const auto to = group(lateInvoices);
    EXPECT_TRUE(std::binary_search(to.highlightIds.begin(), to.highlightIds.end(), moved));
    EXPECT_EQ(to.placedHighlightIds, std::vector<Id>{moved});
    QCoreApplication::processEvents();
    const QModelIndex placed = model.quoteIndex(lateInvoices, moved);
    ASSERT_TRUE(placed.isValid());
    EXPECT_TRUE(placed.data(ForceGroupModel::PlacedRole).toBool());
    EXPECT_FALSE(model.quoteIndex(monthEnd, moved).isValid());

    document->undoStack()->undo();
    EXPECT_EQ(groups(), before);
}

TEST_F(ForceGroupModelTest, DroppingOnAQuoteOrOnUngroupedUsesThatGroup)
{
    const Id loose = push[6].id;
    std::unique_ptr<QMimeData> mime(model.mimeData({model.quoteIndex(0, loose)}));
    const QModelIndex onQuote = model.quoteIndex(lateInvoices, group(lateInvoices).highlightIds[0]);
    ASSERT_TRUE(model.dropMimeData(mime.get(), Qt::MoveAction, -1, 0, onQuote));
    EXPECT_EQ(group(lateInvoices).placedHighlightIds, std::vector<Id>{loose});
    QCoreApplication::processEvents();

    std::unique_ptr<QMimeData> back(model.mimeData({model.quoteIndex(lateInvoices, loose)}));
    ASSERT_TRUE(model.dropMimeData(back.get(), Qt::MoveAction, 0, 0, model.ungroupedIndex()));
    EXPECT_TRUE(group(lateInvoices).placedHighlightIds.empty());
    QCoreApplication::processEvents();
    EXPECT_TRUE(model.quoteIndex(0, loose).isValid());
    // Something that is not a quote of this model is not taken.
    QMimeData other;
    other.setData(QString::fromLatin1(ForceGroupModel::kMimeType), "999999:0");
    EXPECT_FALSE(model.canDropMimeData(&other, Qt::MoveAction, -1, 0, model.groupIndex(monthEnd)));
}

// ---------------------------------------------------------------------------------------------

class ForceGroupsPanelTest
    : public ::testing::Test
    , protected ForceGroupsDocument
{
protected:
    ForceGroupsPanelTest()
    {
        panel = std::make_unique<ForceGroupsPanel>(document.get());
        panel->resize(1100, 800);
        panel->show();
    }

    ForceGroupModel &model() { return *panel->model(); }

    std::unique_ptr<ForceGroupsPanel> panel;
};

TEST_F(ForceGroupsPanelTest, ShowsAForceSelectorInTheForcesColours)
{
    for (Force force : kForces) {
        const auto name = "forceGroupsForce-" + std::string(key(force));
        auto *button = namedChild<QToolButton>(*panel, name.c_str());
        ASSERT_NE(button, nullptr);
        EXPECT_TRUE(button->styleSheet().contains(
            QColor(QString::fromUtf8(info(force).color)).darker(115).name()));
    }
    auto *pullButton = namedChild<QToolButton>(*panel, "forceGroupsForce-pull");
    EXPECT_EQ(pullButton->text(), QStringLiteral("Pull · 1 group"));
    pullButton->click();
    EXPECT_EQ(panel->force(), Force::Pull);
    EXPECT_EQ(model().index(0, 0).data().toString(), QStringLiteral("Everything in one place"));
}

TEST_F(ForceGroupsPanelTest, RefreshesWhenTheGroupsChange)
{
    ASSERT_EQ(model().rowCount(), 3);
    addGroup(Force::Push, "Tax letters pile up", {5}, push);
    document->announce({app::Change::Kind::ForceGroups, 0});
    EXPECT_EQ(model().rowCount(), 3) << "bursts are read once, when the event loop runs";
    QCoreApplication::processEvents();
    ASSERT_EQ(model().rowCount(), 4);
    EXPECT_EQ(model().index(2, 0).data().toString(), QStringLiteral("Tax letters pile up"));
    auto *pushButton = namedChild<QToolButton>(*panel, "forceGroupsForce-push");
    EXPECT_EQ(pushButton->text(), QStringLiteral("Push · 3 groups"));
    // Every group is open, so its quotes are in sight.
    EXPECT_TRUE(panel->tree()->isExpanded(model().index(2, 0)));
}

TEST_F(ForceGroupsPanelTest, WhileHiddenReadsChangesOnlyWhenShownAgain)
{
    panel->hide();
    addGroup(Force::Push, "Tax letters pile up", {5}, push);
    document->announce({app::Change::Kind::ForceGroups, 0});
    QCoreApplication::processEvents();
    EXPECT_EQ(model().rowCount(), 3);
    EXPECT_EQ(panel->matrixView()->model()->columnCount(), 4);
    panel->show();
    EXPECT_EQ(model().rowCount(), 4);
    EXPECT_EQ(panel->matrixView()->model()->columnCount(), 4) << "the matrix page is not on screen";
    panel->showPage(ForceGroupsPanel::Page::Matrix);
    EXPECT_EQ(panel->matrixView()->model()->columnCount(), 5);
}

TEST_F(ForceGroupsPanelTest, OnlyThePageOnScreenReadsChanges)
{
    panel->showPage(ForceGroupsPanel::Page::Matrix);
    addGroup(Force::Push, "Tax letters pile up", {5}, push);
    document->announce({app::Change::Kind::ForceGroups, 0});
    QCoreApplication::processEvents();
    EXPECT_EQ(panel->matrixView()->model()->columnCount(), 5);
    EXPECT_EQ(model().rowCount(), 3) << "the groups page is not on screen";
    panel->showPage(ForceGroupsPanel::Page::Groups);
    EXPECT_EQ(model().rowCount(), 4);
}

TEST_F(ForceGroupsPanelTest, KeepsFoldedGroupsFoldedAndTheSelectionAcrossAReload)
{
    panel->tree()->collapse(model().groupIndex(lateInvoices));
    const Id chosen = group(monthEnd).highlightIds[1];
    panel->selectQuotes(monthEnd, {chosen});
    model().reload();
    EXPECT_FALSE(panel->tree()->isExpanded(model().groupIndex(lateInvoices)));
    EXPECT_TRUE(panel->tree()->isExpanded(model().groupIndex(monthEnd)));
    const auto selected = panel->selectedQuotes();
    ASSERT_EQ(selected.size(), 1u);
    EXPECT_EQ(selected[0].highlightId, chosen);
}

TEST_F(ForceGroupsPanelTest, MergesTheSelectedGroupsIntoTheCurrentOne)
{
    const auto before = groups();
    panel->selectGroups({lateInvoices, monthEnd}); // the first becomes the current one
    auto *merge = namedChild<QAction>(*panel, "mergeForceGroupsAction");
    ASSERT_TRUE(merge->isEnabled());
    merge->trigger();
    EXPECT_FALSE(document->study().forceGroup(monthEnd).ok());
    EXPECT_EQ(group(lateInvoices).highlightIds.size(), 5u);
    EXPECT_EQ(model().rowCount(), 2);
    EXPECT_EQ(panel->selectedGroupIds(), std::vector<Id>{lateInvoices});
    document->undoStack()->undo();
    EXPECT_EQ(groups(), before);
}

TEST_F(ForceGroupsPanelTest, SplitsSelectedQuotesIntoANewGroupReadyToBeNamed)
{
    const auto source = group(monthEnd);
    panel->selectQuotes(monthEnd, {source.highlightIds[0], source.highlightIds[1]});
    auto *split = namedChild<QAction>(*panel, "splitForceGroupAction");
    ASSERT_TRUE(split->isEnabled());
    split->trigger();
    ASSERT_EQ(groups().size(), 5u);
    const auto created = newest(groups());
    EXPECT_EQ(created.force, Force::Push);
    EXPECT_EQ(created.label, "Split from “Month-end reporting breaks”");
    EXPECT_EQ(created.highlightIds,
              (std::vector<Id>{source.highlightIds[0], source.highlightIds[1]}));
    EXPECT_EQ(group(monthEnd).highlightIds, std::vector<Id>{source.highlightIds[2]});
    EXPECT_EQ(panel->currentGroupId(), created.id);
    // The label is open for typing: typing a name and Enter renames it, one more undo step.
    auto *editor = panel->tree()->findChild<QLineEdit *>();
    ASSERT_NE(editor, nullptr);
    editor->setText(QStringLiteral("Spreadsheets break"));
    QTest::keyClick(editor, Qt::Key_Return);
    QCoreApplication::processEvents(); // the delegate commits after the key is handled
    EXPECT_EQ(group(created.id).label, "Spreadsheets break");
    EXPECT_EQ(document->undoStack()->count(), 2);
}

TEST_F(ForceGroupsPanelTest, GroupsUngroupedQuotesAndMovesQuotesThroughTheMenuAction)
{
    const Id a = push[5].id;
    const Id b = push[6].id;
    panel->selectQuotes(0, {a, b});
    auto *split = namedChild<QAction>(*panel, "splitForceGroupAction");
    EXPECT_EQ(split->text(), QStringLiteral("Group selected quotes"));
    split->trigger();
    const auto created = newest(groups());
    EXPECT_EQ(created.highlightIds, (std::vector<Id>{std::min(a, b), std::max(a, b)}));
    QTest::keyClick(panel->tree()->findChild<QLineEdit *>(), Qt::Key_Escape);

    panel->selectQuotes(created.id, {a});
    panel->moveSelectedTo(monthEnd);
    const auto target = group(monthEnd);
    EXPECT_TRUE(
        std::binary_search(target.placedHighlightIds.begin(), target.placedHighlightIds.end(), a));
    EXPECT_EQ(group(created.id).highlightIds, std::vector<Id>{b});
    // The moved quote stays selected where it went.
    const auto selected = panel->selectedQuotes();
    ASSERT_EQ(selected.size(), 1u);
    EXPECT_EQ(selected[0], (app::GroupedQuote{a, monthEnd}));
}

TEST_F(ForceGroupsPanelTest, PinsAndDeletesTheCurrentGroup)
{
    panel->selectGroups({monthEnd});
    auto *pin = namedChild<QAction>(*panel, "pinForceGroupAction");
    ASSERT_TRUE(pin->isEnabled());
    EXPECT_FALSE(pin->isChecked());
    pin->trigger();
    EXPECT_TRUE(group(monthEnd).pinned);
    EXPECT_TRUE(pin->isChecked());
    EXPECT_TRUE(model().groupIndex(monthEnd).data(ForceGroupModel::PinnedRole).toBool());

    const auto before = groups();
    const auto quotes = group(monthEnd).highlightIds;
    namedChild<QAction>(*panel, "deleteForceGroupAction")->trigger();
    EXPECT_FALSE(document->study().forceGroup(monthEnd).ok());
    EXPECT_EQ(model().rowCount(), 2);
    for (Id id : quotes)
        EXPECT_TRUE(model().quoteIndex(0, id).isValid()) << "ungrouped now: " << id;
    document->undoStack()->undo();
    EXPECT_EQ(groups(), before);
}

TEST_F(ForceGroupsPanelTest, NewGroupOpensItsLabelForTyping)
{
    namedChild<QAction>(*panel, "newForceGroupAction")->trigger();
    const auto created = newest(groups());
    EXPECT_EQ(created.label, "New group");
    EXPECT_EQ(created.force, Force::Push);
    auto *editor = panel->tree()->findChild<QLineEdit *>();
    ASSERT_NE(editor, nullptr);
    EXPECT_EQ(editor->text(), QStringLiteral("New group"));
}

TEST_F(ForceGroupsPanelTest, EnterOnAQuoteAsksToShowIt)
{
    QSignalSpy spy(panel.get(), &ForceGroupsPanel::quoteActivated);
    const Highlight &h = push[1];
    panel->selectQuotes(monthEnd, {h.id});
    panel->tree()->setFocus();
    QTest::keyClick(panel->tree(), Qt::Key_Return);
    ASSERT_EQ(spy.count(), 1);
    EXPECT_EQ(spy.at(0).at(0).value<Id>(), h.interviewId);
    EXPECT_EQ(spy.at(0).at(1).value<Id>(), h.id);
}

TEST_F(ForceGroupsPanelTest, LooksRightAtTheWindowsSize)
{
    panel->resize(1150, 820);
    QCoreApplication::processEvents();
    const QImage image = panel->grab().toImage();
    keepScreenshot(image, QStringLiteral("force-groups-panel.png"));
    ASSERT_FALSE(image.isNull());
    // Rows tall enough for two lines of quote and the story beside it.
    const QFontMetrics metrics(panel->tree()->font());
    const QModelIndex quote = model().quoteIndex(monthEnd, group(monthEnd).highlightIds[0]);
    EXPECT_GE(panel->tree()->visualRect(quote).height(), metrics.lineSpacing() * 2);

    // A pinned group, a quote placed by hand and a selection.
    expectOk(study().setStoryGroupMark(pull[0].interviewId, onePlace, false));
    panel->selectQuotes(monthEnd, {group(monthEnd).highlightIds[0]});
    panel->moveSelectedTo(lateInvoices);
    QCoreApplication::processEvents();
    keepScreenshot(panel->grab().toImage(), QStringLiteral("force-groups-placed.png"));
    panel->setForce(Force::Pull);
    panel->selectGroups({onePlace});
    QCoreApplication::processEvents();
    keepScreenshot(panel->grab().toImage(), QStringLiteral("force-groups-pinned.png"));
}

// ---------------------------------------------------------------------------------------------

TEST(ForceGroupsWindow, CtrlSevenShowsThePanelAndAQuoteOpensInItsTranscript)
{
    ForceGroupsDocument groups;
    const auto path = QString::fromStdString(groups.document->path().string());
    groups.document.reset(); // the window opens the file itself
    app::MainWindow window;
    window.setErrorPresenter([](const app::ErrorText &error) {
        ADD_FAILURE() << error.title.toStdString() << ": " << error.text.toStdString();
    });
    ASSERT_TRUE(window.openStudy(path));
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    ASSERT_NE(window.forceGroupsPanel(), nullptr);
    window.activateWindow();
    window.navigatorView()->setFocus();
    QApplication::processEvents();
    QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : &window,
                    Qt::Key_7,
                    Qt::ControlModifier);
    EXPECT_EQ(window.currentPanel(), app::MainWindow::Panel::ForceGroups);
    const Highlight &h = groups.push[0];
    Q_EMIT window.forceGroupsPanel()->quoteActivated(h.interviewId, h.id);
    EXPECT_EQ(window.currentPanel(), app::MainWindow::Panel::Transcript);
    EXPECT_EQ(window.transcriptPanel()->interviewId(), h.interviewId);
    EXPECT_EQ(window.transcriptPanel()->currentHighlightId(), std::optional<Id>(h.id));
}

} // namespace
} // namespace jtbd::test
