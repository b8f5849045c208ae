// Laying out blocks on pages: where paragraphs may break, headings kept with what follows, table
// headers repeated, anchors, sections and plain pages.
#include <QImage>
#include <QPainter>

#include <gtest/gtest.h>
#include <report/page_flow.h>
#include <report/painting_support.h>

namespace jtbd::test {
namespace {

using report::Block;
using report::Composite;
using report::PageFlow;
using report::Paragraph;

QString words(int count)
{
    QStringList out;
    for (int i = 0; i < count; ++i)
        out << QStringLiteral("word%1").arg(i);
    return out.join(QLatin1Char(' '));
}

// A block of `height` that counts where it is painted.
Block counted(qreal height, std::vector<std::pair<qreal, qreal>> *parts)
{
    Block block;
    block.height = height;
    block.paint = [parts](QPainter &, const QPointF &, qreal from, qreal to) {
        parts->emplace_back(from, to);
    };
    return block;
}

void paintAll(const PageFlow &flow)
{
    QImage image(600, 900, QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&image);
    for (int i = 0; i < flow.pageCount(); ++i)
        flow.paintPage(painter, i);
}

TEST(PageFlow, AParagraphBreaksBetweenLinesLeavingTwoOnEachSide)
{
    const Paragraph short3(words(30), report::reportFont(10), 120, Qt::black);
    ASSERT_GE(short3.lineCount(), 1);
    const Paragraph three(
        QStringLiteral("one\ntwo\nthree"), report::reportFont(10), 400, Qt::black);
    EXPECT_EQ(three.lineCount(), 3); // line feeds start lines
    EXPECT_TRUE(three.breaks().empty());

    const Paragraph ten(
        QStringLiteral("1\n2\n3\n4\n5\n6\n7\n8\n9\n10"), report::reportFont(10), 400, Qt::black);
    ASSERT_EQ(ten.lineCount(), 10);
    const auto breaks = ten.breaks();
    ASSERT_EQ(breaks.size(), 7U); // after lines 2 to 8
    EXPECT_DOUBLE_EQ(breaks.front(), ten.lineBottom(1));
    EXPECT_DOUBLE_EQ(breaks.back(), ten.lineBottom(7));
    EXPECT_DOUBLE_EQ(ten.height(), ten.lineBottom(9));
}

TEST(PageFlow, ABlockOfParagraphsSideBySideBreaksOnlyWhereNoLineIsCut)
{
    // Two columns with different line heights: a break must fall between lines of both.
    const Paragraph left(
        QStringLiteral("a\nb\nc\nd\ne\nf\ng\nh"), report::reportFont(10), 100, Qt::black);
    const Paragraph right(QStringLiteral("A\nB\nC"), report::reportFont(17), 100, Qt::black);
    Composite row;
    row.add(left, 0, 0);
    row.add(right, 120, 0);
    const Block block = row.toBlock(300);
    EXPECT_DOUBLE_EQ(block.height, std::max(left.height(), right.height()));
    // Below the short column the long one may break between its lines.
    ASSERT_FALSE(block.breaks.empty());
    EXPECT_GE(block.breaks.back(), right.height() - 0.01);
    for (qreal cut : block.breaks) {
        for (const Paragraph *p : {&left, &right})
            for (int i = 0; i < p->lineCount(); ++i)
                EXPECT_FALSE(cut > p->lineTop(i) + 0.01 && cut < p->lineBottom(i) - 0.01)
                    << "cut " << cut << " goes through line " << i;
    }
    // A part keeps a line: no break above the first line.
    for (qreal cut : block.breaks)
        EXPECT_GE(cut, std::min(left.lineBottom(0), right.lineBottom(0)) - 0.01);
}

TEST(PageFlow, AHeadingMovesToTheNextPageWithWhatFollows)
{
    PageFlow flow(QRectF(0, 0, 300, 100));
    std::vector<std::pair<qreal, qreal>> first, heading, after;
    flow.add(counted(60, &first));
    Block title = counted(20, &heading);
    title.keepWithNext = true;
    title.anchor = 0;
    flow.add(title);
    flow.add(counted(30, &after)); // 60 + 20 + 30 > 100: the heading goes with it
    flow.paginate();
    EXPECT_EQ(flow.pageCount(), 2);
    EXPECT_EQ(flow.anchorPage(0), 2);
    EXPECT_EQ(flow.anchorPage(5), 0);
}

TEST(PageFlow, ALongBlockGoesOnOverPagesAtItsBreaksAndTablesRepeatTheirHeader)
{
    PageFlow flow(QRectF(0, 0, 300, 100));
    std::vector<std::pair<qreal, qreal>> header, parts, rows;
    auto head = std::make_shared<Block>(counted(10, &header));
    head->keepWithNext = true;
    flow.add(*head);
    for (int i = 0; i < 12; ++i) {
        Block row = counted(25, &rows);
        row.repeatHeader = head;
        flow.add(row);
    }
    Block text = counted(230, &parts);
    for (int y = 10; y < 230; y += 10)
        text.breaks.push_back(y);
    text.pageBreakBefore = true;
    text.section = QStringLiteral("Text");
    flow.add(text);
    flow.paginate();
    paintAll(flow);

    // 12 rows of 25 under a 10 header: 3 a page, so 4 pages, each with the header.
    EXPECT_EQ(rows.size(), 12U);
    EXPECT_EQ(header.size(), 4U);
    // The text starts a page of its own and is cut into whole parts at its breaks.
    ASSERT_EQ(parts.size(), 3U);
    EXPECT_EQ(parts[0], std::make_pair(0.0, 100.0));
    EXPECT_EQ(parts[1], std::make_pair(100.0, 200.0));
    EXPECT_EQ(parts[2], std::make_pair(200.0, 230.0));
    EXPECT_EQ(flow.pageCount(), 7);
    EXPECT_EQ(flow.section(4), QStringLiteral("Text"));
    EXPECT_EQ(flow.section(6), QStringLiteral("Text"));
    EXPECT_TRUE(flow.section(0).isEmpty());
}

TEST(PageFlow, APageBreakOnAnEmptyPageAddsNoBlankPage)
{
    PageFlow flow(QRectF(0, 0, 300, 100));
    std::vector<std::pair<qreal, qreal>> a, b;
    Block cover = counted(40, &a);
    cover.pageBreakBefore = true;
    cover.plainPage = true;
    flow.add(cover);
    Block next = counted(40, &b);
    next.pageBreakBefore = true;
    next.section = QStringLiteral("Contents");
    flow.add(next);
    flow.paginate();
    EXPECT_EQ(flow.pageCount(), 2);
    EXPECT_TRUE(flow.plainPage(0));
    EXPECT_FALSE(flow.plainPage(1));
    EXPECT_EQ(flow.section(1), QStringLiteral("Contents"));
}

} // namespace
} // namespace jtbd::test
