// Paragraphs measured once, blocks broken into pages between lines, then painted page by page.
#include "page_flow.h"

#include <QPainter>
#include <QTextLine>

#include <algorithm>
#include <cmath>

namespace jtbd::report {

namespace {

// Positions closer than this are the same (layout sums of fractional line heights).
constexpr qreal kEpsilon = 0.01;

} // namespace

Paragraph::Paragraph(const QString &text,
                     const QFont &font,
                     qreal width,
                     const QColor &color,
                     const QList<QTextLayout::FormatRange> &formats,
                     Qt::Alignment alignment)
    : m_color(color)
    , m_width(std::max<qreal>(width, 1))
{
    // Line feeds in notes and objectives become line breaks; a tab or carriage return would
    // show as a box.
    QString shown = text;
    shown.replace(QLatin1String("\r\n"), QStringLiteral("\n"));
    shown.replace(QLatin1Char('\r'), QLatin1Char('\n'));
    shown.replace(QLatin1Char('\n'), QChar(QChar::LineSeparator));
    shown.replace(QLatin1Char('\t'), QLatin1Char(' '));
    const bool rightToLeft = text.isRightToLeft();

    m_layout = std::make_shared<QTextLayout>(shown, font);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    option.setTextDirection(rightToLeft ? Qt::RightToLeft : Qt::LeftToRight);
    if (alignment == Qt::Alignment())
        alignment = rightToLeft ? Qt::AlignRight : Qt::AlignLeft;
    option.setAlignment(Qt::AlignAbsolute | alignment);
    // Unhinted advances: the layout measured here is the one printed.
    option.setUseDesignMetrics(true);
    m_layout->setTextOption(option);
    if (!formats.isEmpty())
        m_layout->setFormats(formats);
    m_layout->setCacheEnabled(true);
    m_layout->beginLayout();
    qreal y = 0;
    for (;;) {
        QTextLine line = m_layout->createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(m_width);
        line.setPosition(QPointF(0, y));
        m_lines.push_back({y, y + line.height()});
        y += line.height();
    }
    m_layout->endLayout();
    m_height = y;
}

qreal Paragraph::lastLineRight() const
{
    if (!m_layout || m_lines.empty())
        return 0;
    return m_layout->lineAt(lineCount() - 1).naturalTextRect().right();
}

std::vector<qreal> Paragraph::breaks() const
{
    std::vector<qreal> out;
    const int n = lineCount();
    // A break after line i leaves i + 1 lines above and n - i - 1 below.
    for (int i = 1; i + 2 < n; ++i)
        out.push_back(m_lines.at(static_cast<std::size_t>(i)).bottom);
    return out;
}

void Paragraph::draw(QPainter &painter, const QPointF &origin, qreal from, qreal to) const
{
    if (!m_layout)
        return;
    painter.save();
    painter.setPen(m_color);
    const QPointF position = origin - QPointF(0, from);
    for (int i = 0; i < lineCount(); ++i) {
        const Line &line = m_lines.at(static_cast<std::size_t>(i));
        if (line.top + kEpsilon >= from && line.bottom <= to + kEpsilon)
            m_layout->lineAt(i).draw(&painter, position);
    }
    painter.restore();
}

void Composite::add(const Paragraph &paragraph, qreal x, qreal y, bool keepWithPrevious)
{
    m_items.push_back({paragraph, x, y, keepWithPrevious});
}

qreal Composite::contentBottom() const
{
    qreal bottom = 0;
    for (const Item &item : m_items)
        bottom = std::max(bottom, item.y + item.paragraph.height());
    return bottom;
}

Block Composite::toBlock(qreal width, qreal bottomPadding, bool breakable) const
{
    Block block;
    block.height = contentBottom() + bottomPadding;
    if (breakable) {
        // Candidates: the tops of paragraphs and the breaks inside them; a candidate stands when
        // it cuts through no other paragraph's line and lands on an allowed break of any
        // paragraph it falls inside.
        std::vector<std::vector<qreal>> inside; // each paragraph's own breaks
        std::vector<qreal> candidates;
        for (const Item &item : m_items) {
            inside.push_back(item.paragraph.breaks());
            if (!item.keepWithPrevious)
                candidates.push_back(item.y);
            for (qreal b : inside.back())
                candidates.push_back(item.y + b);
        }
        std::sort(candidates.begin(), candidates.end());
        // A part holds at least one line: no break above the first line or below the last.
        qreal firstLineBottom = block.height;
        qreal lastLineTop = 0;
        for (const Item &item : m_items) {
            if (item.paragraph.lineCount() == 0)
                continue;
            firstLineBottom = std::min(firstLineBottom, item.y + item.paragraph.lineBottom(0));
            lastLineTop = std::max(lastLineTop,
                                   item.y + item.paragraph.lineTop(item.paragraph.lineCount() - 1));
        }
        for (qreal c : candidates) {
            if (c < firstLineBottom - kEpsilon || c > lastLineTop + kEpsilon)
                continue;
            if (!block.breaks.empty() && c - block.breaks.back() < kEpsilon)
                continue;
            bool allowed = true;
            for (std::size_t i = 0; i < m_items.size(); ++i) {
                const Item &item = m_items[i];
                const qreal top = item.y;
                const qreal bottom = item.y + item.paragraph.height();
                if (item.keepWithPrevious && std::abs(c - top) < kEpsilon) {
                    allowed = false;
                    break;
                }
                if (c > top + kEpsilon && c < bottom - kEpsilon) {
                    const bool onBreak =
                        std::any_of(inside[i].begin(), inside[i].end(), [&](qreal b) {
                            return std::abs(top + b - c) < kEpsilon;
                        });
                    if (!onBreak) {
                        allowed = false;
                        break;
                    }
                }
            }
            if (allowed)
                block.breaks.push_back(c);
        }
    }
    const qreal height = block.height;
    block.paint = [items = m_items, decorations = m_decorations, width, height](
                      QPainter &painter, const QPointF &origin, qreal from, qreal to) {
        const QRectF part(origin.x(), origin.y(), width, to - from);
        const qreal top = origin.y() - from;
        const bool first = from <= kEpsilon;
        const bool last = to >= height - kEpsilon;
        for (const Decoration &decoration : decorations) {
            painter.save();
            decoration(painter, part, top, first, last);
            painter.restore();
        }
        for (const Item &item : items) {
            const qreal itemTop = item.y;
            const qreal itemBottom = item.y + item.paragraph.height();
            if (itemBottom <= from + kEpsilon || itemTop >= to - kEpsilon)
                continue;
            item.paragraph.draw(
                painter, QPointF(origin.x() + item.x, origin.y()), from - item.y, to - item.y);
        }
    };
    return block;
}

Block drawingBlock(qreal width,
                   qreal height,
                   std::function<void(QPainter &painter, const QRectF &rect)> draw)
{
    Block block;
    block.height = height;
    block.paint = [width, height, draw = std::move(draw)](
                      QPainter &painter, const QPointF &origin, qreal, qreal) {
        draw(painter, QRectF(origin, QSizeF(width, height)));
    };
    return block;
}

Block spaceBlock(qreal height)
{
    Block block;
    block.spaceBefore = height;
    block.paint = [](QPainter &, const QPointF &, qreal, qreal) {};
    return block;
}

PageFlow::PageFlow(const QRectF &body)
    : m_body(body)
{}

void PageFlow::add(Block block)
{
    m_blocks.push_back(std::move(block));
}

int PageFlow::anchorPage(int anchor) const
{
    if (anchor < 0 || anchor >= static_cast<int>(m_anchorPages.size()))
        return 0;
    return m_anchorPages.at(static_cast<std::size_t>(anchor));
}

// The height a heading needs below it: itself, and the headings kept with it, and the first
// unbreakable part of what follows.
qreal PageFlow::keptHeight(std::size_t index) const
{
    qreal height = m_blocks.at(index).height;
    std::size_t i = index;
    while (m_blocks.at(i).keepWithNext && i + 1 < m_blocks.size()
           && !m_blocks.at(i + 1).pageBreakBefore) {
        const Block &next = m_blocks.at(i + 1);
        height += next.spaceBefore;
        if (next.keepWithNext) {
            height += next.height;
        } else {
            height += next.breaks.empty() ? next.height : next.breaks.front();
            break;
        }
        ++i;
    }
    return height;
}

void PageFlow::paginate()
{
    m_pages.clear();
    int anchors = 0;
    for (const Block &block : m_blocks)
        anchors = std::max(anchors, block.anchor + 1);
    m_anchorPages.assign(static_cast<std::size_t>(anchors), 0);

    const qreal top = m_body.top();
    const qreal bottom = m_body.bottom();
    qreal y = top;
    auto startPage = [&] {
        Page page;
        if (!m_pages.empty())
            page.section = m_pages.back().section;
        m_pages.push_back(std::move(page));
        y = top;
    };
    auto place = [&](const Block *block, qreal from, qreal to, qreal at) {
        m_pages.back().pieces.push_back({block, from, to, at});
    };
    // A new page in the middle of a block: a table's header row comes first.
    auto continueOnNewPage = [&](const Block &block) {
        startPage();
        if (block.repeatHeader) {
            place(block.repeatHeader.get(), 0, block.repeatHeader->height, y);
            y += block.repeatHeader->height;
        }
    };

    startPage();
    for (std::size_t i = 0; i < m_blocks.size(); ++i) {
        const Block &block = m_blocks.at(i);
        if (block.pageBreakBefore) {
            if (y > top + kEpsilon)
                startPage();
            m_pages.back().plain = block.plainPage;
            if (!block.section.isNull())
                m_pages.back().section = block.section;
        }
        qreal from = 0;
        for (;;) {
            const bool atTop = y <= top + kEpsilon;
            const qreal space = atTop ? 0 : block.spaceBefore;
            const qreal room = bottom - y - space;
            const qreal rest = block.height - from;
            const qreal need = from <= 0 && block.keepWithNext ? keptHeight(i) : rest;
            if (need <= room + kEpsilon || (atTop && rest <= room + kEpsilon)) {
                if (from <= 0 && block.anchor >= 0)
                    m_anchorPages.at(static_cast<std::size_t>(block.anchor)) =
                        static_cast<int>(m_pages.size());
                place(&block, from, block.height, y + space);
                y += space + rest;
                break;
            }
            // The largest allowed part that fits on this page; none when even the first does not.
            qreal cut = -1;
            for (qreal b : block.breaks)
                if (b > from + kEpsilon && b - from <= room + kEpsilon)
                    cut = b;
            if (cut < 0 && atTop) {
                // Taller than a page between two breaks: the part is placed whole, below the
                // body if it must, rather than cut through a line.
                cut = block.height;
                for (qreal b : block.breaks)
                    if (b > from + kEpsilon) {
                        cut = b;
                        break;
                    }
            }
            if (cut < 0) {
                continueOnNewPage(block);
                continue;
            }
            if (from <= 0 && block.anchor >= 0)
                m_anchorPages.at(static_cast<std::size_t>(block.anchor)) =
                    static_cast<int>(m_pages.size());
            place(&block, from, cut, y + space);
            y += space + (cut - from);
            from = cut;
            if (from >= block.height - kEpsilon)
                break;
            continueOnNewPage(block);
        }
    }
}

void PageFlow::paintPage(QPainter &painter, int index) const
{
    for (const Piece &piece : m_pages.at(static_cast<std::size_t>(index)).pieces) {
        painter.save();
        piece.block->paint(painter, QPointF(m_body.left(), piece.y), piece.from, piece.to);
        painter.restore();
    }
}

} // namespace jtbd::report
