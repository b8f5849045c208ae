// The switch timeline: quotes placed by phase, events at the borders between phases, the layout.
#include "forces_fixture.h"

#include <jtbd/sample.h>

#include <QImage>
#include <QPainter>

#include <report/timeline_painter.h>

namespace jtbd::test {
namespace {

using report::TimelineData;
using report::TimelineGeometry;

TimelineGeometry layOut(const TimelineData &data, const QSizeF &size)
{
    QImage image(size.toSize(), QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&image);
    return report::paintTimeline(painter, QRectF(QPointF(0, 0), size), data);
}

std::vector<Id> idsOf(const std::vector<report::TimelineQuote> &quotes)
{
    std::vector<Id> ids;
    for (const auto &q : quotes)
        ids.push_back(q.highlightId);
    return ids;
}

class Timeline : public ::testing::Test
{
protected:
    TempDir dir;
    ForcesFixture f{dir / "timeline.jtbd"};
};

TEST_F(Timeline, QuotesArePlacedByTheirPhase)
{
    const auto data = expectOk(report::loadTimeline(f.study, f.interviewA));
    EXPECT_EQ(data.title, QStringLiteral("Switch timeline \u2014 P01: Robin: late payers"));
    EXPECT_EQ(data.participant, QStringLiteral("Robin (P01)"));
    EXPECT_EQ(idsOf(data[Phase::FirstThought]), std::vector<Id>{f.push[0]});
    EXPECT_EQ(idsOf(data[Phase::PassiveLooking]), (std::vector<Id>{f.push[1], f.push[2]}));
    // One by its phase field, one by a phase code on the highlight.
    EXPECT_EQ(idsOf(data[Phase::ActiveLooking]), (std::vector<Id>{f.push[3], f.push[4]}));
    EXPECT_EQ(idsOf(data[Phase::FirstUse]), std::vector<Id>{f.pullA});
    EXPECT_TRUE(data[Phase::Deciding].empty());
    EXPECT_EQ(data.unplaced, 1);
    ASSERT_EQ(data[Phase::FirstUse].size(), 1U);
    EXPECT_EQ(data[Phase::FirstUse][0].force, Force::Pull);
    EXPECT_EQ(data[Phase::FirstUse][0].intensity, 4);

    ASSERT_EQ(data.events.size(), 2U);
    EXPECT_EQ(data.events[0].kind, EventKind::FirstThought);
    EXPECT_EQ(data.events[0].when, QStringLiteral("2026-03-27 \u00B7 four months before"));
    EXPECT_EQ(data.events[1].kind, EventKind::Purchase);
    EXPECT_EQ(data.events[1].description, QStringLiteral("Paid for the trial on the train."));

    EXPECT_EQ(report::loadTimeline(f.study, 4242).error().code, ErrorCode::NotFound);
}

TEST_F(Timeline, PhasesInOrderWithQuotesUnderTheirPhase)
{
    const auto data = expectOk(report::loadTimeline(f.study, f.interviewA));
    const qreal height = report::timelineHeight(data, 1200);
    const auto g = layOut(data, QSizeF(1200, height));
    for (std::size_t i = 1; i < g.phases.size(); ++i)
        EXPECT_GT(g.phases.at(i).left(), g.phases.at(i - 1).left());
    EXPECT_EQ(g.cards.size(), 6U); // every placed quote fits at its needed height
    for (const auto &card : g.cards) {
        const QRectF &phase = g.phases.at(static_cast<std::size_t>(card.group));
        EXPECT_GE(card.rect.left(), phase.left() - 1);
        EXPECT_LE(card.rect.right(), phase.right() + 1);
        EXPECT_GT(card.rect.top(), phase.bottom());
        EXPECT_LE(card.rect.bottom(), height);
        EXPECT_EQ(card.interviewId, f.interviewA);
    }
    // The first thought sits between the first two phases, the purchase before first use.
    ASSERT_EQ(g.markers.size(), 2U);
    const auto border = [&](std::size_t i) {
        return (g.phases.at(i - 1).right() + g.phases.at(i).left()) / 2;
    };
    EXPECT_NEAR(g.markers[0].second.x(), border(1), 2);
    EXPECT_EQ(g.markers[1].first, EventKind::Purchase);
    EXPECT_NEAR(g.markers[1].second.x(), border(4), 2);
}

TEST_F(Timeline, AShortAreaCutsTheColumnsAndManyQuotesNeedMoreHeight)
{
    auto data = expectOk(report::loadTimeline(f.study, f.interviewA));
    const qreal height = report::timelineHeight(data, 1200);
    const auto cut = layOut(data, QSizeF(1200, 300));
    EXPECT_LT(cut.cards.size(), 6U);
    for (const auto &card : cut.cards)
        EXPECT_LE(card.rect.bottom(), 300);

    for (int i = 0; i < 8; ++i)
        data.phases.at(0).push_back(
            {1000 + i, f.interviewA, QString::fromStdString(ForcesFixture::kLong), 3, {}});
    EXPECT_GT(report::timelineHeight(data, 1200), height + 400);
}

TEST_F(Timeline, InterviewWithoutEventsOrPhasesStillDraws)
{
    const auto data = expectOk(report::loadTimeline(f.study, f.interviewB));
    EXPECT_TRUE(data.events.empty());
    EXPECT_EQ(idsOf(data[Phase::Deciding]), std::vector<Id>{f.anxiety});
    const auto g = layOut(data, QSizeF(900, 600));
    EXPECT_TRUE(g.markers.empty());
    EXPECT_EQ(g.cards.size(), 3U);
}

TEST_F(Timeline, SampleInterviewWritesAPng)
{
    auto sample = expectOk(createSampleStudy(dir / "sample.jtbd"));
    Id p01 = 0;
    for (const auto &item : expectOk(sample.interviews()))
        if (item.participantCode == "P01")
            p01 = item.interview.id;
    const auto data = expectOk(report::loadTimeline(sample, p01));
    int placed = 0;
    for (const auto &quotes : data.phases)
        placed += static_cast<int>(quotes.size());
    EXPECT_GT(placed, 5);
    EXPECT_EQ(data.events.size(), 5U); // first thought, event 1, event 2, purchase, fire
    const auto path = dir / "timeline.png";
    expectOk(report::writeTimelinePng(
        data, QString::fromStdString(path.string()), QSizeF(1200, 900), 1));
    EXPECT_EQ(QImage(QString::fromStdString(path.string())).size(), QSize(1200, 900));
}

} // namespace
} // namespace jtbd::test
