// The switch timeline panel: what it shows for an interview, clicks on quotes, reloading after
// edits to its interview, scrolling when the quotes are many.
#include "app_fixture.h"
#include "forces_document.h"

#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>

#include <app/panels/timeline_panel.h>
#include <app/study_document.h>

namespace jtbd::test {
namespace {

using app::TimelinePanel;
using app::TimelineView;

class TimelinePanelTest
    : public ::testing::Test
    , protected ForcesDocument
{
protected:
    TimelinePanelTest()
        : ForcesDocument("timeline.jtbd")
    {
        panel = std::make_unique<TimelinePanel>(document.get());
        panel->resize(1200, 800);
        view = panel->findChild<TimelineView *>(QStringLiteral("timelineView"));
    }

    std::size_t placed() const
    {
        std::size_t n = 0;
        for (const auto &quotes : view->data().phases)
            n += quotes.size();
        return n;
    }

    std::unique_ptr<TimelinePanel> panel;
    TimelineView *view = nullptr;
};

TEST_F(TimelinePanelTest, EmptyUntilAnInterviewIsChosen)
{
    ASSERT_NE(view, nullptr);
    EXPECT_EQ(panel->interview(), 0);
    EXPECT_FALSE(view->message().isEmpty());
    EXPECT_TRUE(view->cards().empty());
    panel->setInterview(ids->interviewA);
    EXPECT_TRUE(view->message().isEmpty());
    EXPECT_EQ(view->data().interviewId, ids->interviewA);
    EXPECT_EQ(placed(), 6U);
    EXPECT_EQ(view->data().events.size(), 2U);
    panel->setInterview(0);
    EXPECT_FALSE(view->message().isEmpty());
}

TEST_F(TimelinePanelTest, ClickingAQuoteEmitsItsIds)
{
    panel->setInterview(ids->interviewA);
    panel->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(panel.get()));
    QSignalSpy spy(panel.get(), &TimelinePanel::quoteActivated);
    const auto cards = view->geometry().cards;
    ASSERT_EQ(cards.size(), 6U);
    const auto pull = std::find_if(cards.begin(), cards.end(), [&](const auto &card) {
        return card.highlightId == ids->pullA;
    });
    ASSERT_NE(pull, cards.end());
    EXPECT_EQ(pull->group, static_cast<int>(Phase::FirstUse));
    QTest::mouseClick(view, Qt::LeftButton, {}, pull->rect.center().toPoint());
    ASSERT_EQ(spy.count(), 1);
    EXPECT_EQ(spy.at(0).at(0).value<Id>(), ids->interviewA);
    EXPECT_EQ(spy.at(0).at(1).value<Id>(), ids->pullA);

    QTest::keyClick(view, Qt::Key_Home);
    QTest::keyClick(view, Qt::Key_Enter);
    ASSERT_EQ(spy.count(), 2);
    EXPECT_EQ(spy.at(1).at(1).value<Id>(), cards.front().highlightId);
}

TEST_F(TimelinePanelTest, ReloadsForEditsToItsInterviewOnly)
{
    panel->setInterview(ids->interviewA);
    auto addEvent = [&](Id interviewId) {
        expectOk(document->applyWithoutUndo(
            [&](Study &study) {
                TimelineEvent e;
                e.interviewId = interviewId;
                e.kind = EventKind::Event2;
                e.description = "A client asked for sixty-day terms.";
                auto id = study.addTimelineEvent(e);
                return id ? Status{} : Status{id.error()};
            },
            {app::Change::Kind::Timeline, interviewId}));
    };
    addEvent(ids->interviewB);
    QTest::qWait(0);
    QCoreApplication::processEvents();
    EXPECT_EQ(view->data().events.size(), 2U); // another interview's edit

    addEvent(ids->interviewA);
    EXPECT_TRUE(QTest::qWaitFor(
        [&] {
            return view->data().events.size() == 3U;
        },
        2000));
    EXPECT_EQ(view->data().events[1].kind, EventKind::Event2);

    // The interview deleted: the panel empties rather than showing stale quotes.
    expectOk(document->applyWithoutUndo(
        [&](Study &study) {
            return study.deleteInterview(ids->interviewA);
        },
        {app::Change::Kind::Interviews, 0}));
    EXPECT_TRUE(QTest::qWaitFor(
        [&] {
            return panel->interview() == 0;
        },
        2000));
    EXPECT_TRUE(view->cards().empty());
}

TEST_F(TimelinePanelTest, ScrollsWhenTheQuotesAreMany)
{
    SampleDocument sample;
    TimelinePanel samplePanel(sample.document.get());
    samplePanel.resize(1200, 500);
    samplePanel.setInterview(sample.interviewOf("P01"));
    samplePanel.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&samplePanel));
    auto *scroll = samplePanel.findChild<QScrollArea *>(QStringLiteral("timelineScroll"));
    ASSERT_NE(scroll, nullptr);
    auto *sampleView = samplePanel.timelineView();
    EXPECT_TRUE(QTest::qWaitFor(
        [&] {
            return scroll->verticalScrollBar()->maximum() > 0;
        },
        2000));
    EXPECT_GT(sampleView->height(), scroll->viewport()->height());
    // Every quote placed on the timeline is drawn: none is cut off at the bottom.
    std::size_t placed = 0;
    for (const auto &quotes : sampleView->data().phases)
        placed += quotes.size();
    EXPECT_EQ(sampleView->geometry().cards.size(), placed);
}

} // namespace
} // namespace jtbd::test
