// The forces diagram: its numbers and quotes for a known study, the Re-Wired layout, and the PNG
// and SVG files.
#include "forces_fixture.h"

#include <QFile>
#include <QImage>
#include <QPainter>
#include <QPicture>

#include <csignal>
#include <filesystem>
#include <report/forces_diagram.h>
#include <sys/resource.h>

namespace jtbd::test {
namespace {

using report::ForcesDiagramData;
using report::ForcesDiagramGeometry;

ForcesDiagramGeometry layOut(const ForcesDiagramData &data, const QSizeF &size)
{
    QImage image(size.toSize(), QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&image);
    return report::paintForcesDiagram(painter, QRectF(QPointF(0, 0), size), data);
}

std::vector<report::QuoteCardHit> cardsOf(const ForcesDiagramGeometry &geometry, Force force)
{
    std::vector<report::QuoteCardHit> out;
    for (const auto &card : geometry.cards)
        if (card.group == static_cast<int>(force))
            out.push_back(card);
    return out;
}

class ForcesDiagram : public ::testing::Test
{
protected:
    TempDir dir;
    ForcesFixture f{dir / "forces.jtbd"};
};

TEST_F(ForcesDiagram, NumbersForTheWholeStudy)
{
    const auto data =
        expectOk(report::loadForcesDiagram(f.study, Scope::wholeStudy(), Weighting::Intensity));
    EXPECT_EQ(data[Force::Push].tally.count, 5);
    EXPECT_EQ(data[Force::Push].tally.intensity, 15);
    EXPECT_EQ(data[Force::Pull].tally.intensity, 7);
    EXPECT_EQ(data[Force::Anxiety].tally.intensity, 2);
    EXPECT_EQ(data[Force::Habit].tally.intensity, 1);
    EXPECT_EQ(data.toward(), 22);
    EXPECT_EQ(data.against(), 3);
    EXPECT_EQ(data.balanceText(), QStringLiteral("F1 + F2 = 22 against F3 + F4 = 3"));
    EXPECT_TRUE(data.balanceMeaning().contains(QStringLiteral("outweigh")));
    EXPECT_TRUE(data.balanceMeaning().contains(QStringLiteral("19")));
    EXPECT_TRUE(data.methodText().contains(QStringLiteral("summed intensity")));
    EXPECT_EQ(data.title, QStringLiteral("Forces of progress \u2014 Whole study"));

    const auto counted =
        expectOk(report::loadForcesDiagram(f.study, Scope::wholeStudy(), Weighting::Count));
    EXPECT_EQ(counted.balanceText(), QStringLiteral("F1 + F2 = 7 against F3 + F4 = 2"));
    EXPECT_EQ(counted.weightingName(), QStringLiteral("number of quotes"));
    EXPECT_TRUE(counted.methodText().contains(QStringLiteral("number of quotes")));
}

TEST_F(ForcesDiagram, StrongestQuotesAndTheCountOfTheRest)
{
    const auto data =
        expectOk(report::loadForcesDiagram(f.study, Scope::wholeStudy(), Weighting::Intensity, 3));
    const auto &push = data[Force::Push];
    ASSERT_EQ(push.quotes.size(), 3U);
    EXPECT_EQ(push.quotes[0].highlightId, f.push[0]);
    EXPECT_EQ(push.quotes[1].highlightId, f.push[1]);
    EXPECT_EQ(push.quotes[2].highlightId, f.push[2]);
    EXPECT_EQ(push.more, 2);
    EXPECT_EQ(push.quotes[1].who(), QStringLiteral("Robin (P01)"));
    EXPECT_EQ(push.quotes[1].intensity, 4);
    EXPECT_EQ(push.quotes[1].interviewId, f.interviewA);
    EXPECT_EQ(push.quotes[1].text, QStringLiteral("The brewery paid ninety-four days late."));
    EXPECT_EQ(data[Force::Anxiety].quotes.at(0).who(), QStringLiteral("Sam (P02)"));
    EXPECT_EQ(data[Force::Anxiety].more, 0);

    const auto none =
        expectOk(report::loadForcesDiagram(f.study, Scope::wholeStudy(), Weighting::Intensity, 0));
    EXPECT_TRUE(none[Force::Push].quotes.empty());
    EXPECT_EQ(none[Force::Push].more, 5);
    EXPECT_EQ(
        report::loadForcesDiagram(f.study, Scope::wholeStudy(), Weighting::Count, -1).error().code,
        ErrorCode::InvalidArgument);
}

TEST_F(ForcesDiagram, TitlesSayTheScope)
{
    auto interview = expectOk(
        report::loadForcesDiagram(f.study, Scope::interview(f.interviewB), Weighting::Intensity));
    EXPECT_EQ(interview.scopeText, QStringLiteral("Interview P02: Sam: month-end"));
    EXPECT_EQ(interview.toward(), 3);
    EXPECT_EQ(interview.against(), 3);
    EXPECT_TRUE(interview.balanceMeaning().contains(QStringLiteral("level")));

    const Id job =
        expectOk(f.study.addJob({0, "", "Get paid", "", "", "", "", "", {f.interviewA}}));
    auto byJob = expectOk(report::loadForcesDiagram(f.study, Scope::job(job), Weighting::Count));
    EXPECT_EQ(byJob.scopeText, QStringLiteral("Job: Get paid (1 story)"));
    EXPECT_EQ(byJob.toward(), 6);

    auto soleTraders = expectOk(report::loadForcesDiagram(
        f.study, Scope::participants("business", "Sole trader"), Weighting::Intensity));
    EXPECT_EQ(soleTraders.title,
              QStringLiteral("Forces of progress \u2014 Participants with business = Sole trader"));
    EXPECT_EQ(soleTraders.toward(), 19);
    EXPECT_EQ(soleTraders.against(), 0);
    EXPECT_TRUE(soleTraders[Force::Habit].quotes.empty());

    EXPECT_EQ(
        report::loadForcesDiagram(f.study, Scope::interview(9999), Weighting::Count).error().code,
        ErrorCode::NotFound);
}

TEST_F(ForcesDiagram, ReWiredLayout)
{
    const auto data =
        expectOk(report::loadForcesDiagram(f.study, Scope::wholeStudy(), Weighting::Intensity));
    const auto g = layOut(data, QSizeF(1200, 800));
    const qreal axisY = g.axis.y1();
    EXPECT_LT(g.axis.x1(), g.axis.x2()); // from A on the left to B on the right

    const auto push = cardsOf(g, Force::Push);
    const auto pull = cardsOf(g, Force::Pull);
    const auto habit = cardsOf(g, Force::Habit);
    const auto anxiety = cardsOf(g, Force::Anxiety);
    ASSERT_FALSE(push.empty());
    ASSERT_FALSE(pull.empty());
    ASSERT_FALSE(habit.empty());
    ASSERT_FALSE(anxiety.empty());
    for (const auto &p : push) {
        EXPECT_LT(p.rect.bottom(), axisY);
        for (const auto &q : pull)
            EXPECT_LE(p.rect.right(), q.rect.left());
    }
    for (const auto &q : pull)
        EXPECT_LT(q.rect.bottom(), axisY);
    for (const auto &h : habit) {
        EXPECT_GT(h.rect.top(), axisY);
        for (const auto &a : anxiety)
            EXPECT_LE(h.rect.right(), a.rect.left());
    }
    for (const auto &a : anxiety)
        EXPECT_GT(a.rect.top(), axisY);
    EXPECT_EQ(push.front().highlightId, f.push[0]);
    EXPECT_EQ(push.front().interviewId, f.interviewA);

    // Push and Pull point right toward B, Habit and Anxiety left back to A.
    const auto arrow = [&](Force force) {
        return g.arrows.at(static_cast<std::size_t>(force));
    };
    EXPECT_GT(arrow(Force::Push).x2(), arrow(Force::Push).x1());
    EXPECT_GT(arrow(Force::Pull).x2(), arrow(Force::Pull).x1());
    EXPECT_LT(arrow(Force::Habit).x2(), arrow(Force::Habit).x1());
    EXPECT_LT(arrow(Force::Anxiety).x2(), arrow(Force::Anxiety).x1());
    EXPECT_LT(arrow(Force::Push).y1(), axisY);
    EXPECT_GT(arrow(Force::Habit).y1(), axisY);
    // Thickness follows the weight: push 15 > pull 7 > anxiety 2 > habit 1.
    const auto width = [&](Force force) {
        return g.arrowWidths.at(static_cast<std::size_t>(force));
    };
    EXPECT_GT(width(Force::Push), width(Force::Pull));
    EXPECT_GT(width(Force::Pull), width(Force::Anxiety));
    EXPECT_GT(width(Force::Anxiety), width(Force::Habit));
    EXPECT_GT(width(Force::Habit), 0);

    const QRectF &pushArea = g.quadrants.at(static_cast<std::size_t>(Force::Push));
    const QRectF &anxietyArea = g.quadrants.at(static_cast<std::size_t>(Force::Anxiety));
    EXPECT_LT(pushArea.center().x(), anxietyArea.center().x());
    EXPECT_LT(pushArea.center().y(), anxietyArea.center().y());
    EXPECT_GT(g.balance.top(), anxietyArea.bottom());
}

TEST_F(ForcesDiagram, CountWeightingChangesTheArrows)
{
    auto data =
        expectOk(report::loadForcesDiagram(f.study, Scope::wholeStudy(), Weighting::Intensity));
    const auto byIntensity = layOut(data, QSizeF(1200, 800));
    data.weighting = Weighting::Count;
    const auto byCount = layOut(data, QSizeF(1200, 800));
    const auto ratio = [](const ForcesDiagramGeometry &g, Force force) {
        return g.arrowWidths.at(static_cast<std::size_t>(force))
               / g.arrowWidths.at(static_cast<std::size_t>(Force::Push));
    };
    // Anxiety is 2 of 15 by intensity but 1 of 5 by count.
    EXPECT_GT(ratio(byCount, Force::Anxiety), ratio(byIntensity, Force::Anxiety) + 0.02);
}

TEST_F(ForcesDiagram, EveryCardFitsItsQuadrantOnAnA4Page)
{
    const auto data =
        expectOk(report::loadForcesDiagram(f.study, Scope::wholeStudy(), Weighting::Intensity, 6));
    const QRectF page(0, 0, 595, 842);
    const auto g = layOut(data, page.size());
    ASSERT_FALSE(g.cards.empty());
    for (const auto &card : g.cards) {
        const QRectF &area = g.quadrants.at(static_cast<std::size_t>(card.group));
        EXPECT_TRUE(area.contains(card.rect)) << card.highlightId;
    }
    EXPECT_TRUE(page.contains(g.balance));
    // The long quote is cut to a few lines, not left to run over the quadrant.
    const auto push = cardsOf(g, Force::Push);
    ASSERT_FALSE(push.empty());
    EXPECT_LT(push.front().rect.height(),
              g.quadrants.at(static_cast<std::size_t>(Force::Push)).height() / 2);
    // Every quote is either drawn or counted in "+N more".
    for (Force force : kForces) {
        const auto i = static_cast<std::size_t>(force);
        EXPECT_EQ(g.shownQuotes.at(i) + g.more.at(i), data[force].tally.count);
    }
}

TEST_F(ForcesDiagram, ASmallAreaShowsFewerCardsAndCountsTheRest)
{
    const auto data =
        expectOk(report::loadForcesDiagram(f.study, Scope::wholeStudy(), Weighting::Intensity, 6));
    const auto large = layOut(data, QSizeF(1400, 1100));
    const auto small = layOut(data, QSizeF(700, 420));
    const auto push = static_cast<std::size_t>(Force::Push);
    EXPECT_LT(small.shownQuotes.at(push), large.shownQuotes.at(push));
    EXPECT_EQ(small.more.at(push), 5 - small.shownQuotes.at(push));
}

TEST_F(ForcesDiagram, EmptyScopeDrawsWithoutCards)
{
    auto data = expectOk(report::loadForcesDiagram(
        f.study, Scope::participants("region", "Nowhere"), Weighting::Intensity));
    EXPECT_EQ(data.toward() + data.against(), 0);
    EXPECT_TRUE(data.balanceMeaning().contains(QStringLiteral("no balance")));
    const auto g = layOut(data, QSizeF(1000, 700));
    EXPECT_TRUE(g.cards.empty());
    for (qreal width : g.arrowWidths)
        EXPECT_EQ(width, 0);
}

TEST_F(ForcesDiagram, WritesPngAndSvg)
{
    const auto data =
        expectOk(report::loadForcesDiagram(f.study, Scope::wholeStudy(), Weighting::Intensity));
    const auto png = dir / "forces.png";
    expectOk(report::writeForcesDiagramPng(
        data, QString::fromStdString(png.string()), QSizeF(800, 500), 2));
    QImage image(QString::fromStdString(png.string()));
    ASSERT_FALSE(image.isNull());
    EXPECT_EQ(image.size(), QSize(1600, 1000));
    // Something other than the white background was drawn.
    EXPECT_NE(image.pixel(image.width() / 4, image.height() / 4), qRgb(255, 255, 255));

    const auto svg = dir / "forces.svg";
    expectOk(report::writeForcesDiagramSvg(data, QString::fromStdString(svg.string())));
    const std::string text = readBytes(svg);
    EXPECT_NE(text.find("<svg"), std::string::npos);
    EXPECT_NE(text.find("Forces of progress"), std::string::npos);
    EXPECT_NE(text.find("F1 + F2 = 22 against F3 + F4 = 3"), std::string::npos);
}

TEST_F(ForcesDiagram, AnUnwritablePathIsAnErrorAndLeavesNoFile)
{
    const auto data =
        expectOk(report::loadForcesDiagram(f.study, Scope::wholeStudy(), Weighting::Intensity));
    const auto before = std::distance(std::filesystem::directory_iterator(dir.path()),
                                      std::filesystem::directory_iterator());
    const auto missing = dir / "no such folder" / "forces.png";
    const Status png =
        report::writeForcesDiagramPng(data, QString::fromStdString(missing.string()));
    ASSERT_FALSE(png);
    EXPECT_EQ(png.error().code, ErrorCode::Io);
    EXPECT_NE(png.error().message.find("no such folder"), std::string::npos);
    EXPECT_FALSE(std::filesystem::exists(missing));

    // A folder where the file should go.
    std::filesystem::create_directory(dir / "taken.svg");
    const Status svg =
        report::writeForcesDiagramSvg(data, QString::fromStdString((dir / "taken.svg").string()));
    EXPECT_FALSE(svg);
    EXPECT_TRUE(std::filesystem::is_directory(dir / "taken.svg"));
    const auto after = std::distance(std::filesystem::directory_iterator(dir.path()),
                                     std::filesystem::directory_iterator());
    EXPECT_EQ(after, before + 1); // only the folder made above: no temporary file left
}

TEST_F(ForcesDiagram, AFullDiskIsSaidSoAndKeepsThePreviousImage)
{
    const auto data =
        expectOk(report::loadForcesDiagram(f.study, Scope::wholeStudy(), Weighting::Intensity));
    const auto png = dir / "forces.png";
    const auto svg = dir / "forces.svg";
    writeBytes(png, "the previous image");
    writeBytes(svg, "the previous drawing");
    const auto before = std::distance(std::filesystem::directory_iterator(dir.path()),
                                      std::filesystem::directory_iterator());
    // A file-size limit stands in for a full disk: writes past it fail like ENOSPC. Only the soft
    // limit is lowered, and put back before anything else is written.
    rlimit saved{};
    ASSERT_EQ(getrlimit(RLIMIT_FSIZE, &saved), 0);
    const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit small = saved;
    small.rlim_cur = 8 * 1024;
    ASSERT_EQ(setrlimit(RLIMIT_FSIZE, &small), 0);
    const Status pngStatus =
        report::writeForcesDiagramPng(data, QString::fromStdString(png.string()));
    const Status svgStatus =
        report::writeForcesDiagramSvg(data, QString::fromStdString(svg.string()));
    setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, previousHandler);

    for (const Status *status : {&pngStatus, &svgStatus}) {
        ASSERT_FALSE(*status);
        EXPECT_EQ(status->error().code, ErrorCode::DiskFull) << status->error().message;
        EXPECT_NE(status->error().message.find("the disk is full"), std::string::npos);
    }
    EXPECT_EQ(readBytes(png), "the previous image");
    EXPECT_EQ(readBytes(svg), "the previous drawing");
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()),
                            std::filesystem::directory_iterator()),
              before); // no temporary file left
}

} // namespace
} // namespace jtbd::test
