// Laying out a long document on fixed pages: text measured once, blocks placed in two passes
// (break into pages, then paint), so a contents page can show the real page numbers. Long text
// breaks between lines, never through one; nothing is clipped.
#pragma once

#include <QColor>
#include <QFont>
#include <QList>
#include <QPointF>
#include <QRectF>
#include <QString>
#include <QTextLayout>

#include <functional>
#include <memory>
#include <vector>

class QPainter;

namespace jtbd::report {

// Text wrapped to a width at every line, never elided. Right-to-left text (Arabic, Hebrew) is
// aligned right unless an alignment is given. Line feeds in the text start new lines.
class Paragraph
{
public:
    Paragraph() = default;
    Paragraph(const QString &text,
              const QFont &font,
              qreal width,
              const QColor &color,
              const QList<QTextLayout::FormatRange> &formats = {},
              Qt::Alignment alignment = {});

    qreal height() const { return m_height; }

    int lineCount() const { return static_cast<int>(m_lines.size()); }

    // The top and bottom of line `i`, from the paragraph's top.
    qreal lineTop(int i) const { return m_lines.at(static_cast<std::size_t>(i)).top; }

    qreal lineBottom(int i) const { return m_lines.at(static_cast<std::size_t>(i)).bottom; }

    // Where the last line's text ends (from the left edge), for dotted leaders.
    qreal lastLineRight() const;

    // Offsets between lines where the paragraph may go on on the next page: none for fewer
    // than four lines, else at least two lines on each side.
    std::vector<qreal> breaks() const;

    // Draws the lines lying within [from, to) of the paragraph, with offset `from` at `origin`.
    void draw(QPainter &painter, const QPointF &origin, qreal from, qreal to) const;

    // The whole paragraph with its top-left corner at `topLeft`.
    void draw(QPainter &painter, const QPointF &topLeft) const
    {
        draw(painter, topLeft, 0, m_height);
    }

private:
    struct Line
    {
        qreal top = 0;
        qreal bottom = 0;
    };

    std::shared_ptr<QTextLayout> m_layout;
    QColor m_color;
    qreal m_width = 0;
    qreal m_height = 0;
    std::vector<Line> m_lines;
};

// A stretch of content in the flow: a heading, a paragraph, a quote, a table row, a drawing.
// It is `height` tall and may be split only at `breaks` (offsets from its top, increasing).
struct Block
{
    // Draws the part [from, to) of the block with offset `from` at `origin` (the left edge of
    // the text column). Called once per page the block appears on.
    using Paint =
        std::function<void(QPainter &painter, const QPointF &origin, qreal from, qreal to)>;

    qreal height = 0;
    std::vector<qreal> breaks;
    Paint paint;
    qreal spaceBefore = 0; // left out at the top of a page
    bool pageBreakBefore = false;
    bool keepWithNext = false; // a heading: moves to the next page with the start of what follows
    bool plainPage = false;    // with pageBreakBefore: this page has no running header or footer
    QString section;           // with pageBreakBefore: the running header from this page on
    int anchor = -1;           // records the page it starts on (see PageFlow::anchorPage)
    // A table's header row, drawn again at the top of each page the table continues on.
    std::shared_ptr<const Block> repeatHeader;
};

// A block made of paragraphs placed at offsets, with decorations (bars, rules, fills) painted
// under them for each part of the block on a page. It may break wherever no paragraph's line
// is cut (and where each paragraph allows it).
class Composite
{
public:
    // A paragraph at (x, y) inside the block; `keepWithPrevious` forbids a break just above it.
    void add(const Paragraph &paragraph, qreal x, qreal y, bool keepWithPrevious = false);

    // Decorations drawn before the paragraphs: `part` is the rectangle of the block's part on
    // this page (full width), `top` the y the block's top would have on this page (above
    // `part` when the block began on an earlier page), `first`/`last` whether the part holds
    // the block's start/end.
    using Decoration = std::function<void(
        QPainter &painter, const QRectF &part, qreal top, bool first, bool last)>;

    void decorate(Decoration decoration) { m_decorations.push_back(std::move(decoration)); }

    // The height of the paragraphs' box; the block is at least this tall plus `bottomPadding`.
    qreal contentBottom() const;

    Block toBlock(qreal width, qreal bottomPadding = 0, bool breakable = true) const;

private:
    struct Item
    {
        Paragraph paragraph;
        qreal x = 0;
        qreal y = 0;
        bool keepWithPrevious = false;
    };

    std::vector<Item> m_items;
    std::vector<Decoration> m_decorations;
};

// A block drawn by `draw` into its rectangle, never split.
Block drawingBlock(qreal width,
                   qreal height,
                   std::function<void(QPainter &painter, const QRectF &rect)> draw);

// Empty vertical space (dropped at the top of a page).
Block spaceBlock(qreal height);

// The pages and where each block's parts go on them.
class PageFlow
{
public:
    // `body` is the text area of every page.
    explicit PageFlow(const QRectF &body);

    void add(Block block);

    // Breaks the blocks into pages. Call once, after the last add().
    void paginate();

    int pageCount() const { return static_cast<int>(m_pages.size()); }

    // The 1-based page an anchored block starts on, or 0 when it is not placed.
    int anchorPage(int anchor) const;

    // Whether page `index` (0-based) is plain (no running header or footer).
    bool plainPage(int index) const { return m_pages.at(static_cast<std::size_t>(index)).plain; }

    // The running header's section of page `index`.
    QString section(int index) const { return m_pages.at(static_cast<std::size_t>(index)).section; }

    // Draws the blocks of page `index` (0-based); the caller draws the page's header and footer.
    void paintPage(QPainter &painter, int index) const;

private:
    struct Piece
    {
        const Block *block = nullptr;
        qreal from = 0;
        qreal to = 0;
        qreal y = 0;
    };

    struct Page
    {
        std::vector<Piece> pieces;
        QString section;
        bool plain = false;
    };

    qreal keptHeight(std::size_t index) const;

    QRectF m_body;
    std::vector<Block> m_blocks;
    std::vector<Page> m_pages;
    std::vector<int> m_anchorPages;
};

} // namespace jtbd::report
