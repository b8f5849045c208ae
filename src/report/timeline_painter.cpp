// The switch timeline: six phase segments along a line, the events at their borders, the quotes
// of each phase in a column beneath it.
#include "timeline_painter.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPolygonF>

#include <algorithm>
#include <limits>
#include <map>
#include <unordered_map>

namespace jtbd::report {

namespace {

const QColor kInk(0x22, 0x22, 0x22);
const QColor kMuted(0x5F, 0x63, 0x68);
const QColor kLine(0x3C, 0x40, 0x43);
const QColor kPhase(0x3D, 0x5A, 0x80);
const QColor kNeutral(0x8A, 0x93, 0x9E);

// The border an event sits on: First thought starts passive looking (border 1), Event 1 starts
// active looking, Event 2 deciding, Purchase (and its mirror, Fire) first use.
int borderOf(EventKind kind)
{
    switch (kind) {
    case EventKind::FirstThought:
        return 1;
    case EventKind::Event1:
        return 2;
    case EventKind::Event2:
        return 3;
    case EventKind::Purchase:
    case EventKind::Fire:
        return 4;
    }
    return 4;
}

// What a code stands for, following its parents up to a built-in force or phase code.
struct CodeMeaning
{
    std::optional<Force> force;
    std::optional<Phase> phase;
};

std::unordered_map<Id, CodeMeaning> codeMeanings(const std::vector<Code> &codes)
{
    std::unordered_map<Id, const Code *> byId;
    for (const Code &code : codes)
        byId.emplace(code.id, &code);
    std::unordered_map<Id, CodeMeaning> meanings;
    for (const Code &code : codes) {
        CodeMeaning meaning;
        const Code *at = &code;
        for (int depth = 0; at && depth < 32; ++depth) {
            if (at->kind == CodeKind::Force && !meaning.force)
                meaning.force = parseForce(at->key);
            if (at->kind == CodeKind::Phase && !meaning.phase) {
                constexpr std::string_view prefix = "phase:";
                std::string_view key = at->key;
                if (key.starts_with(prefix))
                    key.remove_prefix(prefix.size());
                meaning.phase = parsePhase(key);
            }
            if (!at->parentId)
                break;
            auto parent = byId.find(*at->parentId);
            at = parent == byId.end() ? nullptr : parent->second;
        }
        meanings.emplace(code.id, meaning);
    }
    return meanings;
}

} // namespace

Result<TimelineData> loadTimeline(const Study &study, Id interviewId)
{
    auto interview = study.interview(interviewId);
    if (!interview)
        return interview.error();
    TimelineData data;
    data.interviewId = interviewId;
    QString code;
    if (interview->participantId) {
        if (auto participant = study.participant(*interview->participantId)) {
            code = toQString(participant->code);
            data.participant = participantLabel(toQString(participant->pseudonym), code);
        }
    }
    data.title = QStringLiteral("Switch timeline \u2014 ")
                 + (code.isEmpty() ? QString() : code + QStringLiteral(": "))
                 + toQString(interview->title);

    auto codes = study.codes();
    if (!codes)
        return codes.error();
    const auto meanings = codeMeanings(*codes);
    auto highlights = study.highlights(interviewId);
    if (!highlights)
        return highlights.error();
    for (const Highlight &h : *highlights) {
        std::optional<Phase> phase = h.phase;
        std::optional<Force> force;
        for (Id codeId : h.codeIds) {
            auto meaning = meanings.find(codeId);
            if (meaning == meanings.end())
                continue;
            if (!phase)
                phase = meaning->second.phase;
            if (!force)
                force = meaning->second.force;
        }
        if (!phase) {
            ++data.unplaced;
            continue;
        }
        data.phases.at(static_cast<std::size_t>(*phase))
            .push_back({h.id, h.interviewId, toQString(h.quote), h.intensity, force});
    }

    auto events = study.timeline(interviewId);
    if (!events)
        return events.error();
    for (const TimelineEvent &e : *events) {
        TimelineMark mark;
        mark.eventId = e.id;
        mark.kind = e.kind;
        QStringList when;
        if (!e.occurredOn.empty())
            when << toQString(e.occurredOn);
        if (!e.relativeTime.empty())
            when << toQString(e.relativeTime);
        mark.when = when.join(QStringLiteral(" \u00B7 "));
        mark.description = toQString(e.description);
        if (mark.description.isEmpty() && e.highlightId) {
            for (const Highlight &h : *highlights)
                if (h.id == *e.highlightId)
                    mark.description = quoted(toQString(h.quote));
        }
        mark.place = toQString(e.place);
        data.events.push_back(std::move(mark));
    }
    return data;
}

namespace {

struct Layout
{
    qreal fs = 12;
    qreal margin = 16;
};

qreal fontSizeFor(qreal width)
{
    return std::clamp(width / 96.0, 7.0, 12.5);
}

// One event's callout: name, when, what happened. Returns its height; draws when `painter`.
qreal eventCallout(QPainter *painter,
                   const QPointF &topLeft,
                   qreal width,
                   const QString &name,
                   const TimelineMark *mark,
                   qreal fs)
{
    const TextBlock title(name, reportFont(fs * 0.98, QFont::Bold), width, 1);
    qreal y = topLeft.y();
    if (painter)
        title.draw(*painter, QPointF(topLeft.x(), y), mark ? kInk : kMuted);
    y += title.height();
    if (!mark) {
        const TextBlock missing(
            QStringLiteral("not recorded"), reportFont(fs * 0.82, QFont::Normal, true), width, 1);
        if (painter)
            missing.draw(*painter, QPointF(topLeft.x(), y), kMuted);
        return y + missing.height() - topLeft.y();
    }
    if (!mark->when.isEmpty()) {
        const TextBlock when(mark->when, reportFont(fs * 0.8), width, 2);
        if (painter)
            when.draw(*painter, QPointF(topLeft.x(), y), kPhase);
        y += when.height();
    }
    if (!mark->description.isEmpty()) {
        const TextBlock what(mark->description, reportFont(fs * 0.85), width, 4);
        if (painter)
            what.draw(*painter, QPointF(topLeft.x(), y + fs * 0.15), kInk);
        y += what.height() + fs * 0.15;
    }
    return y - topLeft.y();
}

TimelineGeometry layoutTimeline(QPainter *painter,
                                const QRectF &rect,
                                const TimelineData &data,
                                const TimelineOptions &options)
{
    TimelineGeometry geometry;
    const qreal fs = fontSizeFor(rect.width());
    const qreal margin = fs * 1.3;
    const QRectF inner = rect.adjusted(margin, margin, -margin, -margin);
    const qreal segment = inner.width() / 6;
    qreal top = inner.top();

    // Title and what is not on the line.
    const TextBlock title(data.title, reportFont(fs * 1.4, QFont::Bold), inner.width(), 2);
    if (painter)
        title.draw(*painter, QPointF(inner.left(), top), kInk);
    top += title.height();
    int placed = 0;
    for (const auto &quotes : data.phases)
        placed += static_cast<int>(quotes.size());
    QString summary =
        data.participant.isEmpty() ? QString() : data.participant + QStringLiteral(" \u00B7 ");
    summary += QString::number(placed)
               + (placed == 1 ? QStringLiteral(" quote") : QStringLiteral(" quotes"))
               + QStringLiteral(" placed on the timeline");
    if (data.unplaced > 0)
        summary += QStringLiteral("; ") + QString::number(data.unplaced)
                   + (data.unplaced == 1 ? QStringLiteral(" has no phase yet")
                                         : QStringLiteral(" have no phase yet"));
    const TextBlock sub(summary, reportFont(fs * 0.9), inner.width(), 2);
    if (painter)
        sub.draw(*painter, QPointF(inner.left(), top + fs * 0.15), kMuted);
    top += sub.height() + fs * 1.2;

    // Events above the line, each centred on the border it happened at.
    std::map<int, std::vector<std::pair<QString, const TimelineMark *>>> byBorder;
    for (EventKind kind :
         {EventKind::FirstThought, EventKind::Event1, EventKind::Event2, EventKind::Purchase}) {
        bool any = false;
        for (const TimelineMark &mark : data.events)
            if (mark.kind == kind) {
                byBorder[borderOf(kind)].emplace_back(toQString(info(kind).name), &mark);
                any = true;
            }
        if (!any)
            byBorder[borderOf(kind)].emplace_back(toQString(info(kind).name), nullptr);
    }
    for (const TimelineMark &mark : data.events)
        if (mark.kind == EventKind::Fire)
            byBorder[borderOf(mark.kind)].emplace_back(QStringLiteral("Fire (what they left)"),
                                                       &mark);

    const qreal calloutWidth = segment - fs * 0.9;
    qreal eventsHeight = 0;
    for (const auto &[border, marks] : byBorder) {
        qreal height = 0;
        for (const auto &[name, mark] : marks)
            height += eventCallout(nullptr, QPointF(), calloutWidth, name, mark, fs) + fs * 0.6;
        eventsHeight = std::max(eventsHeight, height);
    }
    const qreal lineTop = top + eventsHeight + fs * 0.6;
    const qreal barHeight = fs * 2.3;
    const qreal lineY = lineTop + barHeight / 2;

    // Phase segments.
    for (std::size_t i = 0; i < kPhases.size(); ++i) {
        const QRectF bar(
            inner.left() + static_cast<qreal>(i) * segment + 1, lineTop, segment - 2, barHeight);
        geometry.phases.at(i) = bar;
        if (!painter)
            continue;
        painter->setPen(Qt::NoPen);
        painter->setBrush(tint(kPhase, 0.78 - 0.11 * static_cast<qreal>(i)));
        painter->drawRoundedRect(bar, fs * 0.35, fs * 0.35);
        const QFont font = reportFont(fs * 0.92, QFont::DemiBold);
        painter->setFont(font);
        painter->setPen(i >= 3 ? QColor(Qt::white) : kInk);
        const QString name =
            QString::number(i + 1) + QStringLiteral("  ") + toQString(info(kPhases.at(i)).name);
        painter->drawText(bar.adjusted(fs * 0.5, 0, -fs * 0.5, 0),
                          Qt::AlignCenter,
                          QFontMetricsF(font).elidedText(name, Qt::ElideRight, bar.width() - fs));
    }

    // Event callouts, connectors and markers.
    for (const auto &[border, marks] : byBorder) {
        const qreal x = inner.left() + border * segment;
        const qreal left =
            std::clamp(x - calloutWidth / 2, inner.left(), inner.right() - calloutWidth);
        qreal y = top;
        bool recorded = false;
        for (const auto &[name, mark] : marks) {
            const qreal height =
                eventCallout(painter, QPointF(left, y), calloutWidth, name, mark, fs);
            y += height + fs * 0.6;
            recorded = recorded || mark != nullptr;
            if (mark)
                geometry.markers.emplace_back(mark->kind, QPointF(x, lineY));
        }
        if (!painter)
            continue;
        painter->setPen(
            QPen(recorded ? kLine : kNeutral, 1, recorded ? Qt::SolidLine : Qt::DotLine));
        painter->drawLine(QPointF(x, y - fs * 0.4), QPointF(x, lineY));
        const qreal d = fs * 0.62;
        const QPolygonF diamond({QPointF(x, lineY - d),
                                 QPointF(x + d, lineY),
                                 QPointF(x, lineY + d),
                                 QPointF(x - d, lineY)});
        painter->setPen(QPen(kLine, 1.2));
        painter->setBrush(recorded ? QColor(0xCC, 0x41, 0x25) : QColor(Qt::white));
        painter->drawPolygon(diamond);
    }

    // Quotes under their phase.
    const qreal columnsTop = lineTop + barHeight + fs * 0.9;
    const qreal pad = fs * 0.3;
    const QFont moreFont = reportFont(fs * 0.85, QFont::Normal, true);
    const qreal moreHeight = QFontMetricsF(moreFont).height();
    qreal bottom = columnsTop;
    for (std::size_t i = 0; i < kPhases.size(); ++i) {
        const auto &quotes = data.phases.at(i);
        const qreal left = inner.left() + static_cast<qreal>(i) * segment + pad;
        const qreal width = segment - 2 * pad;
        qreal y = columnsTop;
        if (quotes.empty()) {
            if (painter) {
                painter->setFont(moreFont);
                painter->setPen(kMuted);
                painter->drawText(QRectF(left, y, width, moreHeight),
                                  Qt::AlignHCenter | Qt::AlignTop,
                                  QStringLiteral("no quotes"));
            }
            bottom = std::max(bottom, y + moreHeight);
            continue;
        }
        int shown = 0;
        for (const TimelineQuote &quote : quotes) {
            QuoteCard card;
            card.text = quote.text;
            // Every quote is the same participant's: the title names them once.
            card.intensity = quote.intensity;
            card.accent = quote.force ? toColor(info(*quote.force).color) : kNeutral;
            if (quote.force) {
                card.note = toQString(info(*quote.force).id);
                card.noteColor = card.accent;
            }
            QuoteCardStyle style;
            style.fontSize = fs * 0.92;
            style.maxLines = options.maxLines;
            style.focused =
                quote.highlightId != 0 && quote.highlightId == options.focusedHighlightId;
            style.hovered =
                quote.highlightId != 0 && quote.highlightId == options.hoveredHighlightId;
            const qreal height = quoteCardHeight(card, width, style);
            const bool last = shown + 1 == static_cast<int>(quotes.size());
            if (y + height + (last ? 0 : moreHeight) > inner.bottom())
                break;
            const QRectF cardRect(left, y, width, height);
            if (painter)
                paintQuoteCard(*painter, cardRect, card, style);
            geometry.cards.push_back(
                {cardRect, quote.interviewId, quote.highlightId, static_cast<int>(i)});
            y += height + fs * 0.45;
            ++shown;
        }
        const int more = static_cast<int>(quotes.size()) - shown;
        if (more > 0) {
            if (painter) {
                painter->setFont(moreFont);
                painter->setPen(kMuted);
                painter->drawText(QRectF(left, y, width, moreHeight),
                                  Qt::AlignLeft | Qt::AlignTop,
                                  QStringLiteral("+") + QString::number(more)
                                      + QStringLiteral(" more"));
            }
            y += moreHeight;
        }
        bottom = std::max(bottom, y);
    }
    geometry.height = bottom + margin - rect.top();
    return geometry;
}

} // namespace

qreal timelineHeight(const TimelineData &data, qreal width, const TimelineOptions &options)
{
    const QRectF unbounded(0, 0, width, std::numeric_limits<qreal>::max() / 4);
    return layoutTimeline(nullptr, unbounded, data, options).height;
}

TimelineGeometry paintTimeline(QPainter &painter,
                               const QRectF &rect,
                               const TimelineData &data,
                               const TimelineOptions &options)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.setClipRect(rect, Qt::IntersectClip);
    if (options.fillBackground)
        painter.fillRect(rect, Qt::white);
    TimelineGeometry geometry = layoutTimeline(&painter, rect, data, options);
    painter.restore();
    return geometry;
}

Status writeTimelinePng(const TimelineData &data,
                        const QString &path,
                        const QSizeF &size,
                        qreal devicePixelRatio)
{
    return writePng(path, size, devicePixelRatio, [&](QPainter &painter, const QRectF &rect) {
        paintTimeline(painter, rect, data);
    });
}

} // namespace jtbd::report
