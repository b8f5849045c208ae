// The looks the panels share.
#include "panel_style.h"

#include <QColor>
#include <QFont>
#include <QIcon>
#include <QPainter>
#include <QPixmap>

namespace jtbd::app {

QFont scaledFont(const QFont &base, double factor, bool bold)
{
    QFont font = base;
    font.setPointSizeF(base.pointSizeF() * factor);
    font.setBold(bold);
    return font;
}

QPalette mutedPalette(QPalette palette)
{
    palette.setColor(QPalette::WindowText, palette.color(QPalette::Disabled, QPalette::WindowText));
    return palette;
}

QColor secondaryText(const QColor &text, const QColor &background)
{
    return QColor::fromRgbF(text.redF() * 0.55f + background.redF() * 0.45f,
                            text.greenF() * 0.55f + background.greenF() * 0.45f,
                            text.blueF() * 0.55f + background.blueF() * 0.45f);
}

QColor secondaryText(const QPalette &palette)
{
    return secondaryText(palette.color(QPalette::WindowText), palette.color(QPalette::Window));
}

QPalette secondaryPalette(QPalette palette)
{
    palette.setColor(QPalette::WindowText, secondaryText(palette));
    return palette;
}

QPalette hintPalette(QPalette palette)
{
    palette.setColor(QPalette::WindowText, palette.color(QPalette::PlaceholderText));
    return palette;
}

QIcon codeSwatchIcon(const QColor &color)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawRoundedRect(QRectF(1, 1, 10, 10), 2.5, 2.5);
    return QIcon(pixmap);
}

} // namespace jtbd::app
