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
