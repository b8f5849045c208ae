// The switch timeline of one interview: the six phases in order, the events between them, and
// under each phase the quotes placed in it. Its data, read from a study, and its painter.
#pragma once

#include "painting_support.h"

#include <jtbd/study.h>

#include <QRectF>
#include <QString>

#include <array>
#include <optional>
#include <vector>

class QPainter;

namespace jtbd::report {

struct TimelineQuote
{
    Id highlightId = 0;
    Id interviewId = 0;
    QString text;
    int intensity = 3;
    std::optional<Force> force; // the first force it is tagged with, if any
};

struct TimelineMark
{
    Id eventId = 0;
    EventKind kind = EventKind::FirstThought;
    QString when;        // "2026-03-27 · about four months before signing up"
    QString description; // the description, or the quote that tells it
    QString place;
};

struct TimelineData
{
    Id interviewId = 0;
    QString title;                    // "Switch timeline — P01: Robin, brand designer…"
    QString participant;              // "Robin (P01)"
    std::vector<TimelineMark> events; // in timeline order
    std::array<std::vector<TimelineQuote>, 6> phases{}; // by Phase, in transcript order
    int unplaced = 0;                                   // highlights with no phase

    const std::vector<TimelineQuote> &operator[](Phase phase) const
    {
        return phases.at(static_cast<std::size_t>(phase));
    }
};

// The phase a highlight sits in: its own phase, else the first phase code it carries (a code
// nested under a phase code counts as that phase).
Result<TimelineData> loadTimeline(const Study &study, Id interviewId);

struct TimelineOptions
{
    Id focusedHighlightId = 0;
    Id hoveredHighlightId = 0;
    bool fillBackground = true;
    int maxLines = 6; // of each quote
};

struct TimelineGeometry
{
    std::vector<QuoteCardHit> cards; // group = the phase as an index; by phase, top to bottom
    std::array<QRectF, 6> phases{};  // the phase segments on the line, by Phase
    std::vector<std::pair<EventKind, QPointF>> markers; // where each event sits on the line
    qreal height = 0; // how tall the drawing needs to be at this width
};

// The height the timeline needs at `width` (all quotes shown), for scrolling views.
qreal timelineHeight(const TimelineData &data, qreal width, const TimelineOptions &options = {});

// Draws into `rect`; quotes that do not fit above its bottom are counted as "+N more".
TimelineGeometry paintTimeline(QPainter &painter,
                               const QRectF &rect,
                               const TimelineData &data,
                               const TimelineOptions &options = {});

Status writeTimelinePng(const TimelineData &data,
                        const QString &path,
                        const QSizeF &size = QSizeF(1400, 900),
                        qreal devicePixelRatio = 2);

} // namespace jtbd::report
