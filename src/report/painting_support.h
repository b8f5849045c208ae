// What the report drawings share: fonts that cover every script, wrapped and elided text, quote
// cards, and writing a drawing to PNG or SVG without leaving a half-written file.
#pragma once

#include <jtbd/model.h>
#include <jtbd/result.h>

#include <QColor>
#include <QFont>
#include <QRectF>
#include <QString>

#include <functional>
#include <memory>
#include <string_view>
#include <vector>

class QPainter;
class QTextLayout;

namespace jtbd::report {

// A clickable quote card in a drawing: where it was drawn and what it shows. `group` is the
// force (forces diagram) or the phase (timeline) as an index.
struct QuoteCardHit
{
    QRectF rect;
    Id interviewId = 0;
    Id highlightId = 0;
    int group = 0;
};

// The study stores UTF-8; Qt shows UTF-16. Every conversion for display goes through here.
QString toQString(std::string_view utf8);

// The families tried in order for every glyph, so Latin, CJK, Arabic and Hebrew quotes, symbols
// and emoji all find one, on screen and in print.
QStringList fontFamilies();

// A font of that family list with a pixel size in the painter's units, so a drawing scales the
// same way on screen, in an image and on a page.
QFont reportFont(qreal pixelSize, QFont::Weight weight = QFont::Normal, bool italic = false);

// The colour of `hex` ("#RRGGBB") mixed toward white: 0 is the colour, 1 is white.
QColor tint(const QColor &color, qreal towardWhite);

// Text wrapped to a width, cut after `maxLines` lines with an ellipsis on the last one. Right-to-
// left text (Arabic, Hebrew) is aligned right.
class TextBlock
{
public:
    TextBlock() = default;
    TextBlock(const QString &text, const QFont &font, qreal width, int maxLines = 0);

    qreal height() const { return m_height; }

    int lineCount() const { return static_cast<int>(m_lines.size()); }

    bool elided() const { return m_elided; }

    // Draws the block with its top-left corner at `topLeft`.
    void draw(QPainter &painter, const QPointF &topLeft, const QColor &color) const;

private:
    struct Line
    {
        qreal y = 0;
        qreal height = 0;
        qreal ascent = 0;
    };

    std::shared_ptr<QTextLayout> m_layout; // the lines drawn as laid out
    QString m_lastLine;                    // the cut last line with its ellipsis
    QFont m_font;
    qreal m_width = 0;
    qreal m_height = 0;
    bool m_rightToLeft = false;
    bool m_elided = false;
    std::vector<Line> m_lines;
};

// A quote as a card: the customer's words (wrapped, at most some lines) over who said it and how
// strongly (intensity 1–5 as dots).
struct QuoteCard
{
    QString text;
    QString who;  // "Robin (P01)"; nothing is shown when empty
    QString note; // a short label on the meta line, e.g. "F1 Push"; may be empty
    int intensity = 3;
    QColor accent;
    QColor noteColor; // the colour of the note's chip
};

struct QuoteCardStyle
{
    qreal fontSize = 12; // the quote's pixel size; the rest is derived
    int maxLines = 4;
    bool focused = false;
    bool hovered = false;
};

// The height of `card` drawn `width` wide.
qreal quoteCardHeight(const QuoteCard &card, qreal width, const QuoteCardStyle &style);
// Draws the card into `rect` (its height from quoteCardHeight).
void paintQuoteCard(QPainter &painter,
                    const QRectF &rect,
                    const QuoteCard &card,
                    const QuoteCardStyle &style);

// The colour of a force, phase background and so on, as QColor.
QColor toColor(std::string_view hex);

// “text” with typographic quotes and its whitespace folded to single spaces.
QString quoted(const QString &text);

// "Robin (P01)", "P01", "Robin", or "" when neither is known.
QString participantLabel(const QString &pseudonym, const QString &code);

// Paints a drawing of `size` (in the painter's units) and writes it, through a temporary file
// renamed into place, as a PNG at `devicePixelRatio` or as an SVG. An unwritable path is an Io
// error naming the file; nothing is left behind when writing fails.
using Drawing = std::function<void(QPainter &painter, const QRectF &rect)>;
Status
writePng(const QString &path, const QSizeF &size, qreal devicePixelRatio, const Drawing &draw);
Status writeSvg(const QString &path,
                const QSizeF &size,
                const QString &title,
                const QString &description,
                const Drawing &draw);

} // namespace jtbd::report
