// The looks the panels share: scaled title fonts, muted and secondary text and code colour
// swatches.
#pragma once

#include <QFont>
#include <QIcon>
#include <QPalette>

class QColor;

namespace jtbd::app {

// `base` at `factor` times its size, bold or not.
QFont scaledFont(const QFont &base, double factor, bool bold = false);

// `palette` with its text in the grey of disabled text: for counts, dates and other secondary
// information next to the main text.
QPalette mutedPalette(QPalette palette);

// Secondary text (an interview's title, counts, the draft beside a field) in a grey dark enough
// to read, darker than disabled text: between `text` and `background`.
QColor secondaryText(const QColor &text, const QColor &background);
// The same between a palette's window text and window colour.
QColor secondaryText(const QPalette &palette);
// `palette` with its text in that grey.
QPalette secondaryPalette(QPalette palette);

// `palette` with its text in the grey of placeholder text: for hints on what to do.
QPalette hintPalette(QPalette palette);

// A small rounded square in a code's colour, for the codes in lists and menus.
QIcon codeSwatchIcon(const QColor &color);

} // namespace jtbd::app
