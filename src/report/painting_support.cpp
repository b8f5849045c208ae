// Fonts, wrapped text, quote cards and safe file output shared by the report drawings.
#include "painting_support.h"

#include <jtbd/file_io.h>

#include <QBuffer>
#include <QFontMetricsF>
#include <QImage>
#include <QPainter>
#include <QPainterPath>
#include <QSvgGenerator>
#include <QTextLayout>

#include <algorithm>
#include <cmath>

namespace jtbd::report {

QString toQString(std::string_view utf8)
{
    return QString::fromUtf8(utf8.data(), static_cast<qsizetype>(utf8.size()));
}

QStringList fontFamilies()
{
    return {QStringLiteral("Noto Sans"),
            QStringLiteral("Noto Sans CJK SC"),
            QStringLiteral("Noto Sans Arabic"),
            QStringLiteral("Noto Sans Hebrew"),
            // Symbols and emoji with outlines, so they also print: a colour emoji font has only
            // bitmaps, which a PDF cannot show as text.
            QStringLiteral("Noto Sans Symbols"),
            QStringLiteral("Noto Sans Symbols2"),
            QStringLiteral("Symbola"),
            QStringLiteral("DejaVu Sans"),
            QStringLiteral("Sans Serif")};
}

QFont reportFont(qreal pixelSize, QFont::Weight weight, bool italic)
{
    QFont font;
    font.setFamilies(fontFamilies());
    font.setStyleHint(QFont::SansSerif);
    // Pixel sizes are whole numbers; scaling keeps the drawing proportional at small sizes.
    font.setPixelSize(std::max(1, static_cast<int>(std::lround(pixelSize))));
    font.setWeight(weight);
    font.setItalic(italic);
    return font;
}

QColor toColor(std::string_view hex)
{
    return QColor(QString::fromLatin1(hex.data(), static_cast<qsizetype>(hex.size())));
}

QColor tint(const QColor &color, qreal towardWhite)
{
    const qreal t = std::clamp(towardWhite, 0.0, 1.0);
    auto mix = [t](int channel) {
        return static_cast<int>(std::lround(channel + (255 - channel) * t));
    };
    return QColor(mix(color.red()), mix(color.green()), mix(color.blue()));
}

QString quoted(const QString &text)
{
    QString folded = text.simplified();
    return QChar(0x201C) + folded + QChar(0x201D);
}

QString participantLabel(const QString &pseudonym, const QString &code)
{
    if (!pseudonym.isEmpty() && !code.isEmpty())
        return pseudonym + QStringLiteral(" (") + code + QLatin1Char(')');
    return pseudonym.isEmpty() ? code : pseudonym;
}

TextBlock::TextBlock(const QString &text, const QFont &font, qreal width, int maxLines)
    : m_layout(std::make_shared<QTextLayout>(text, font))
    , m_font(font)
    , m_width(std::max<qreal>(width, 1))
    , m_rightToLeft(text.isRightToLeft())
{
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    option.setTextDirection(m_rightToLeft ? Qt::RightToLeft : Qt::LeftToRight);
    option.setAlignment(Qt::AlignAbsolute | (m_rightToLeft ? Qt::AlignRight : Qt::AlignLeft));
    m_layout->setTextOption(option);
    m_layout->setCacheEnabled(true);
    m_layout->beginLayout();
    qreal y = 0;
    int lastStart = 0;
    for (;;) {
        QTextLine line = m_layout->createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(m_width);
        if (maxLines > 0 && static_cast<int>(m_lines.size()) == maxLines) {
            m_elided = true;
            break;
        }
        line.setPosition(QPointF(0, y));
        lastStart = line.textStart();
        m_lines.push_back({y, line.height(), line.ascent()});
        y += line.height();
    }
    m_layout->endLayout();
    m_height = y;
    if (m_elided) {
        // The last line shows as much of the rest as fits, then an ellipsis.
        const QFontMetricsF metrics(m_font);
        m_lastLine = metrics.elidedText(text.mid(lastStart), Qt::ElideRight, m_width);
    }
}

void TextBlock::draw(QPainter &painter, const QPointF &topLeft, const QColor &color) const
{
    if (!m_layout)
        return;
    painter.save();
    painter.setPen(color);
    painter.setFont(m_font);
    const int whole = m_elided ? lineCount() - 1 : lineCount();
    for (int i = 0; i < whole; ++i)
        m_layout->lineAt(i).draw(&painter, topLeft);
    if (m_elided && !m_lines.empty()) {
        const Line &last = m_lines.back();
        painter.setLayoutDirection(m_rightToLeft ? Qt::RightToLeft : Qt::LeftToRight);
        const QRectF rect(topLeft.x(), topLeft.y() + last.y, m_width, last.height);
        painter.drawText(rect,
                         Qt::AlignAbsolute | Qt::AlignVCenter
                             | (m_rightToLeft ? Qt::AlignRight : Qt::AlignLeft),
                         m_lastLine);
    }
    painter.restore();
}

namespace {

struct CardMetrics
{
    qreal padding;
    qreal bar;
    qreal gap; // between the quote and the meta line
    QFont quoteFont;
    QFont metaFont;
    QFont noteFont;
    qreal metaHeight;
    qreal dot;
};

CardMetrics cardMetrics(const QuoteCardStyle &style)
{
    CardMetrics m;
    const qreal fs = style.fontSize;
    m.padding = fs * 0.55;
    m.bar = std::max(2.0, fs * 0.25);
    m.gap = fs * 0.3;
    m.quoteFont = reportFont(fs);
    m.metaFont = reportFont(fs * 0.82);
    m.noteFont = reportFont(fs * 0.74, QFont::DemiBold);
    m.metaHeight = QFontMetricsF(m.metaFont).height();
    m.dot = fs * 0.36;
    return m;
}

qreal textWidth(const CardMetrics &m, qreal width)
{
    return std::max<qreal>(width - m.bar - 2 * m.padding, 10);
}

} // namespace

qreal quoteCardHeight(const QuoteCard &card, qreal width, const QuoteCardStyle &style)
{
    const CardMetrics m = cardMetrics(style);
    const TextBlock text(quoted(card.text), m.quoteFont, textWidth(m, width), style.maxLines);
    return m.padding + text.height() + m.gap + m.metaHeight + m.padding;
}

void paintQuoteCard(QPainter &painter,
                    const QRectF &rect,
                    const QuoteCard &card,
                    const QuoteCardStyle &style)
{
    const CardMetrics m = cardMetrics(style);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    const qreal radius = style.fontSize * 0.3;

    QPainterPath shape;
    shape.addRoundedRect(rect, radius, radius);
    painter.fillPath(shape, Qt::white);
    painter.save();
    painter.setClipPath(shape);
    painter.fillRect(QRectF(rect.left(), rect.top(), m.bar, rect.height()), card.accent);
    painter.restore();
    const QColor border = style.hovered ? card.accent : tint(card.accent, 0.7);
    painter.setPen(QPen(border, style.hovered ? 1.5 : 0.8));
    painter.setBrush(Qt::NoBrush);
    painter.drawPath(shape);

    const qreal left = rect.left() + m.bar + m.padding;
    const qreal width = textWidth(m, rect.width());
    const TextBlock text(quoted(card.text), m.quoteFont, width, style.maxLines);
    text.draw(painter, QPointF(left, rect.top() + m.padding), QColor(0x22, 0x22, 0x22));

    // Meta line: who said it, an optional note chip, intensity as five dots on the right.
    const qreal metaTop = rect.top() + m.padding + text.height() + m.gap;
    const qreal dotsWidth = 5 * m.dot + 4 * m.dot * 0.45;
    const qreal dotsLeft = left + width - dotsWidth;
    painter.setPen(Qt::NoPen);
    for (int i = 0; i < 5; ++i) {
        const QRectF dotRect(
            dotsLeft + i * m.dot * 1.45, metaTop + (m.metaHeight - m.dot) / 2, m.dot, m.dot);
        if (i < card.intensity) {
            painter.setBrush(card.accent);
            painter.setPen(Qt::NoPen);
        } else {
            painter.setBrush(Qt::white);
            painter.setPen(QPen(tint(card.accent, 0.45), 0.8));
        }
        painter.drawEllipse(dotRect);
    }

    qreal whoRight = dotsLeft - m.padding;
    if (!card.note.isEmpty()) {
        const QFontMetricsF noteMetrics(m.noteFont);
        const qreal chipWidth = noteMetrics.horizontalAdvance(card.note) + style.fontSize * 0.6;
        const qreal chipHeight = std::min(m.metaHeight, noteMetrics.height() + 2);
        if (whoRight - chipWidth > left + style.fontSize * 3) {
            const QRectF chip(whoRight - chipWidth,
                              metaTop + (m.metaHeight - chipHeight) / 2,
                              chipWidth,
                              chipHeight);
            painter.setPen(Qt::NoPen);
            painter.setBrush(card.noteColor.isValid() ? card.noteColor : card.accent);
            painter.drawRoundedRect(chip, chipHeight / 2, chipHeight / 2);
            painter.setFont(m.noteFont);
            painter.setPen(Qt::white);
            painter.drawText(chip, Qt::AlignCenter, card.note);
            whoRight = chip.left() - m.padding;
        }
    }

    painter.setFont(m.metaFont);
    painter.setPen(QColor(0x55, 0x55, 0x55));
    const QFontMetricsF metaMetrics(m.metaFont);
    const QString whoText =
        card.who.isEmpty() ? QString() : QString(QChar(0x2014) + QLatin1Char(' ') + card.who);
    painter.drawText(QRectF(left, metaTop, std::max<qreal>(whoRight - left, 0), m.metaHeight),
                     Qt::AlignLeft | Qt::AlignVCenter,
                     metaMetrics.elidedText(whoText, Qt::ElideRight, whoRight - left));

    if (style.focused) {
        const qreal inset = -std::max(1.5, style.fontSize * 0.18);
        painter.setPen(QPen(QColor(0x1F, 0x6F, 0xEB), std::max(1.5, style.fontSize * 0.16)));
        painter.setBrush(Qt::NoBrush);
        painter.drawRoundedRect(
            rect.adjusted(inset, inset, -inset, -inset), radius - inset, radius - inset);
    }
    painter.restore();
}

namespace {

Status checkSize(const QSizeF &size)
{
    if (!(size.width() >= 1 && size.height() >= 1 && size.width() <= 20000
          && size.height() <= 20000))
        return makeError(ErrorCode::InvalidArgument,
                         "a drawing must be between 1 and 20000 units wide and high");
    return {};
}

} // namespace

Status
writePng(const QString &path, const QSizeF &size, qreal devicePixelRatio, const Drawing &draw)
{
    if (auto ok = checkSize(size); !ok)
        return ok;
    const qreal ratio = std::clamp(devicePixelRatio, 1.0, 4.0);
    QImage image((size * ratio).toSize(), QImage::Format_ARGB32_Premultiplied);
    if (image.isNull())
        return makeError(ErrorCode::Internal, "not enough memory for the image");
    image.setDevicePixelRatio(ratio);
    image.fill(Qt::white);
    {
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        draw(painter, QRectF(QPointF(0, 0), size));
    }
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "PNG"))
        return makeError(ErrorCode::Internal,
                         "cannot write '" + path.toStdString()
                             + "': the image could not be encoded; nothing was written");
    return writeFileAtomically(path.toStdString(), std::string_view(png.constData(), png.size()));
}

Status writeSvg(const QString &path,
                const QSizeF &size,
                const QString &title,
                const QString &description,
                const Drawing &draw)
{
    if (auto ok = checkSize(size); !ok)
        return ok;
    QByteArray svg;
    QBuffer buffer(&svg);
    buffer.open(QIODevice::WriteOnly);
    {
        QSvgGenerator generator;
        generator.setOutputDevice(&buffer);
        generator.setSize(size.toSize());
        generator.setViewBox(QRectF(QPointF(0, 0), size));
        generator.setResolution(96);
        generator.setTitle(title);
        generator.setDescription(description);
        QPainter painter;
        if (!painter.begin(&generator))
            return makeError(ErrorCode::Internal,
                             "cannot write '" + path.toStdString()
                                 + "': the SVG could not be started; nothing was written");
        painter.setRenderHint(QPainter::Antialiasing);
        painter.fillRect(QRectF(QPointF(0, 0), size), Qt::white);
        draw(painter, QRectF(QPointF(0, 0), size));
        painter.end();
    }
    return writeFileAtomically(path.toStdString(), std::string_view(svg.constData(), svg.size()));
}

} // namespace jtbd::report
