// The forces diagram: Push and Pull above the axis toward the new way, Habit and Anxiety below it
// back toward the current way, each quadrant with the customer's words.
#include "forces_diagram.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QPolygonF>

#include <algorithm>
#include <cmath>

namespace jtbd::report {

namespace {

QString number(std::int64_t value)
{
    return QString::number(value);
}

std::size_t index(Force force)
{
    return static_cast<std::size_t>(force);
}

// A quote as the diagram shows it, from a study read or from a report's content.
ForceQuote forceQuote(Id highlightId,
                      Id interviewId,
                      const std::string &text,
                      const std::string &participantCode,
                      const std::string &participantPseudonym,
                      int intensity,
                      Confidence confidence)
{
    ForceQuote q;
    q.highlightId = highlightId;
    q.interviewId = interviewId;
    q.text = toQString(text);
    q.participantCode = toQString(participantCode);
    q.participantPseudonym = toQString(participantPseudonym);
    q.intensity = intensity;
    q.confidence = confidence;
    return q;
}

const QColor kInk(0x22, 0x22, 0x22);
const QColor kMuted(0x5F, 0x63, 0x68);
const QColor kRule(0xD0, 0xD4, 0xDA);

} // namespace

QString ForceQuote::who() const
{
    const QString label = participantLabel(participantPseudonym, participantCode);
    return label.isEmpty() ? QStringLiteral("no participant linked") : label;
}

QString ForcesDiagramData::weightingName() const
{
    return weighting == Weighting::Intensity ? QStringLiteral("summed intensity")
                                             : QStringLiteral("number of quotes");
}

QString ForcesDiagramData::balanceText() const
{
    return QStringLiteral("F1 + F2 = ") + number(toward()) + QStringLiteral(" against F3 + F4 = ")
           + number(against());
}

QString ForcesDiagramData::balanceMeaning() const
{
    const std::int64_t difference = toward() - against();
    if (toward() == 0 && against() == 0)
        return QStringLiteral("No quote ") + within()
               + QStringLiteral(" is tagged with a force yet, so there is no balance to read.");
    if (difference > 0)
        return QStringLiteral("The forces toward the switch (push and pull) outweigh the forces "
                              "holding it back (anxiety and habit) by ")
               + number(difference)
               + QStringLiteral(": the energy in the stories favours switching.");
    if (difference < 0)
        return QStringLiteral("The forces holding the switch back (anxiety and habit) outweigh "
                              "those toward it (push and pull) by ")
               + number(-difference)
               + QStringLiteral(": expect hesitation, a delayed switch or none at all.");
    return QStringLiteral("The forces toward the switch and those holding it back are level: "
                          "neither side dominates the stories.");
}

QString ForcesDiagramData::within() const
{
    switch (scope.kind) {
    case Scope::Kind::Interview:
        return QStringLiteral("in this interview");
    case Scope::Kind::Job:
        return QStringLiteral("in this job");
    case Scope::Kind::Participants:
        return QStringLiteral("among these participants");
    case Scope::Kind::Study:
        break;
    }
    return QStringLiteral("in the study");
}

QString ForcesDiagramData::methodText() const
{
    const QString measure = weighting == Weighting::Intensity
                                ? QStringLiteral("the summed intensity (1 to 5 each) of the quotes")
                                : QStringLiteral("the number of quotes");
    return QStringLiteral("How it was computed: each force's weight is ") + measure
           + QStringLiteral(" tagged with it or with a code nested under it, ") + within()
           + QStringLiteral("; a quote tagged with two forces counts for both. Arrow thickness "
                            "follows the weight. The method has no numeric scale, so read the "
                            "numbers as the energy in the tagged evidence, not as a measurement.");
}

Result<QString> describeScope(const Study &study, const Scope &scope)
{
    switch (scope.kind) {
    case Scope::Kind::Study:
        return QStringLiteral("Whole study");
    case Scope::Kind::Interview: {
        auto interview = study.interview(scope.id);
        if (!interview)
            return interview.error();
        QString code;
        if (interview->participantId) {
            auto participant = study.participant(*interview->participantId);
            if (participant)
                code = toQString(participant->code);
        }
        const QString title = toQString(interview->title);
        if (code.isEmpty())
            return QString(QStringLiteral("Interview: ") + title);
        return QString(QStringLiteral("Interview ") + code + QStringLiteral(": ") + title);
    }
    case Scope::Kind::Job: {
        auto job = study.job(scope.id);
        if (!job)
            return job.error();
        return QString(QStringLiteral("Job: ") + toQString(job->name) + QStringLiteral(" (")
                       + number(static_cast<std::int64_t>(job->interviewIds.size()))
                       + (job->interviewIds.size() == 1 ? QStringLiteral(" story)")
                                                        : QStringLiteral(" stories)")));
    }
    case Scope::Kind::Participants:
        return QString(QStringLiteral("Participants with ") + toQString(scope.attributeKey)
                       + QStringLiteral(" = ") + toQString(scope.attributeValue));
    }
    return QStringLiteral("Whole study");
}

Result<ForcesDiagramData>
loadForcesDiagram(const Study &study, const Scope &scope, Weighting weighting, int quotesPerForce)
{
    if (quotesPerForce < 0)
        return makeError(ErrorCode::InvalidArgument, "the number of quotes cannot be negative");
    ForcesDiagramData data;
    data.scope = scope;
    data.weighting = weighting;
    // The tallies and the quotes in one read: ranking each force's quotes on its own sorts every
    // quote of the scope four times.
    auto evidence = study.forcesEvidence(scope, quotesPerForce);
    if (!evidence)
        return evidence.error();
    data.summary = evidence->summary;
    auto scopeText = describeScope(study, scope);
    if (!scopeText)
        return scopeText.error();
    data.scopeText = *scopeText;
    data.title = QStringLiteral("Forces of progress \u2014 ") + data.scopeText;
    if (auto info = study.info())
        data.studyName = toQString(info->name);
    for (Force force : kForces) {
        ForceEvidence &forceEvidence = data.forces.at(index(force));
        forceEvidence.tally = data.summary[force];
        for (const EvidenceQuote &e : (*evidence)[force]) {
            forceEvidence.quotes.push_back(forceQuote(e.highlight.id,
                                                      e.highlight.interviewId,
                                                      e.highlight.quote,
                                                      e.participantCode,
                                                      e.participantPseudonym,
                                                      e.highlight.intensity,
                                                      e.highlight.confidence));
        }
        forceEvidence.more = std::max<std::int64_t>(
            0, forceEvidence.tally.count - static_cast<std::int64_t>(forceEvidence.quotes.size()));
    }
    return data;
}

ForcesDiagramData forcesDiagramData(const ReportJob &job,
                                    const QString &studyName,
                                    Weighting weighting,
                                    int quotesPerForce)
{
    ForcesDiagramData data;
    data.scope = Scope::job(job.job.id);
    data.weighting = weighting;
    const auto stories = static_cast<std::int64_t>(job.stories.empty() ? job.job.interviewIds.size()
                                                                       : job.stories.size());
    data.scopeText = QStringLiteral("Job: ") + toQString(job.job.name) + QStringLiteral(" (")
                     + number(stories)
                     + (stories == 1 ? QStringLiteral(" story)") : QStringLiteral(" stories)"));
    data.title = QStringLiteral("Forces of progress \u2014 ") + data.scopeText;
    data.studyName = studyName;
    for (Force force : kForces) {
        const ReportForce &source = job[force];
        ForceEvidence &evidence = data.forces.at(index(force));
        evidence.tally = source.tally;
        data.summary[force] = source.tally;
        for (const ReportQuote &quote : source.quotes) {
            if (quotesPerForce >= 0 && static_cast<int>(evidence.quotes.size()) >= quotesPerForce)
                break;
            evidence.quotes.push_back(forceQuote(quote.highlightId,
                                                 quote.interviewId,
                                                 quote.text,
                                                 quote.participantCode,
                                                 quote.participantPseudonym,
                                                 quote.intensity,
                                                 quote.confidence));
        }
        // The report's own "more" counts from its quotes; the diagram may show fewer of them.
        evidence.more = std::max<std::int64_t>(
            0, evidence.tally.count - static_cast<std::int64_t>(evidence.quotes.size()));
    }
    return data;
}

void redact(ForcesDiagramData &data, const Redactor &redactor)
{
    auto apply = [&redactor](QString &text) {
        text = QString::fromStdString(redactor.apply(text.toStdString()));
    };
    apply(data.title);
    apply(data.scopeText);
    apply(data.studyName);
    for (ForceEvidence &evidence : data.forces)
        for (ForceQuote &quote : evidence.quotes)
            apply(quote.text);
}

namespace {

struct Metrics
{
    qreal fs;  // the quotes' pixel size; everything else is derived from it
    qreal gap; // between cards
    qreal arrowArea;
    qreal headerHeight;
};

// An arrow from `tail` to `head` along a horizontal line, `thickness` thick.
QPolygonF arrowShape(
    const QPointF &tail, const QPointF &head, qreal thickness, qreal headLength, qreal headWidth)
{
    const qreal direction = head.x() >= tail.x() ? 1.0 : -1.0;
    const qreal neck = head.x() - direction * headLength;
    const qreal y = tail.y();
    const qreal half = thickness / 2;
    const qreal headHalf = headWidth / 2;
    return QPolygonF({QPointF(tail.x(), y - half),
                      QPointF(neck, y - half),
                      QPointF(neck, y - headHalf),
                      head,
                      QPointF(neck, y + headHalf),
                      QPointF(neck, y + half),
                      QPointF(tail.x(), y + half)});
}

void paintArrow(QPainter &painter,
                const QRectF &area,
                Force force,
                const ForcesDiagramData &data,
                std::int64_t maxWeight,
                const Metrics &m,
                ForcesDiagramGeometry &geometry)
{
    const ForceInfo &fi = info(force);
    const QColor color = toColor(fi.color);
    const bool towardB = fi.towardSwitch;
    const std::int64_t weight = data.weight(force);

    // The weight's number sits at the arrow's tail.
    const QFont numberFont = reportFont(m.fs * 1.35, QFont::Bold);
    const QFontMetricsF numberMetrics(numberFont);
    const QString label = number(weight);
    const qreal labelWidth = std::max(numberMetrics.horizontalAdvance(label), m.fs * 1.6);
    const qreal pad = m.fs * 0.6;
    const qreal y = area.center().y();
    QRectF labelRect;
    QPointF tail;
    QPointF head;
    if (towardB) {
        labelRect = QRectF(area.left(), area.top(), labelWidth, area.height());
        tail = QPointF(labelRect.right() + pad, y);
        head = QPointF(area.right(), y);
    } else {
        labelRect = QRectF(area.right() - labelWidth, area.top(), labelWidth, area.height());
        tail = QPointF(labelRect.left() - pad, y);
        head = QPointF(area.left(), y);
    }
    painter.setFont(numberFont);
    painter.setPen(weight > 0 ? color : kMuted);
    painter.drawText(labelRect, Qt::AlignCenter, label);

    const qreal minThickness = m.fs * 0.35;
    const qreal maxThickness = std::min(m.fs * 2.1, area.height() * 0.55);
    const qreal thickness = weight > 0 && maxWeight > 0
                                ? minThickness
                                      + (maxThickness - minThickness) * static_cast<qreal>(weight)
                                            / static_cast<qreal>(maxWeight)
                                : 0;
    const qreal headLength = std::max(m.fs * 1.3, thickness * 0.9);
    const qreal headWidth = std::max(m.fs * 1.1, thickness + m.fs * 1.0);
    geometry.arrows.at(index(force)) = QLineF(tail, head);
    geometry.arrowWidths.at(index(force)) = thickness;
    if (thickness > 0) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(color);
        painter.drawPolygon(arrowShape(tail, head, thickness, headLength, headWidth));
    } else {
        // No evidence: an outline, so the direction still reads.
        painter.setPen(QPen(tint(color, 0.35), 1, Qt::DashLine));
        painter.setBrush(Qt::NoBrush);
        painter.drawPolygon(arrowShape(tail, head, minThickness, headLength, headWidth));
    }
}

void paintHeader(QPainter &painter,
                 const QRectF &area,
                 Force force,
                 const ForcesDiagramData &data,
                 const Metrics &m)
{
    const ForceInfo &fi = info(force);
    const QColor color = toColor(fi.color);
    const qreal swatch = m.fs * 0.95;
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawRoundedRect(QRectF(area.left(), area.center().y() - swatch / 2, swatch, swatch),
                            swatch * 0.25,
                            swatch * 0.25);

    const ForceTally &tally = data[force].tally;
    const QString tallyText =
        number(tally.count)
        + (tally.count == 1 ? QStringLiteral(" quote") : QStringLiteral(" quotes"))
        + QStringLiteral(" \u00B7 intensity ") + number(tally.intensity);
    const QFont tallyFont = reportFont(m.fs * 0.85);
    const QFontMetricsF tallyMetrics(tallyFont);
    const qreal tallyWidth = tallyMetrics.horizontalAdvance(tallyText);

    const QFont nameFont = reportFont(m.fs * 1.1, QFont::Bold);
    const QFontMetricsF nameMetrics(nameFont);
    const qreal nameLeft = area.left() + swatch + m.fs * 0.5;
    const qreal room = area.right() - nameLeft - tallyWidth - m.fs * 0.8;
    QString name = toQString(fi.id) + QStringLiteral("  ") + toQString(fi.name);
    if (nameMetrics.horizontalAdvance(name) > room)
        name = toQString(fi.id) + QStringLiteral("  ") + toQString(fi.shortName);
    painter.setFont(nameFont);
    painter.setPen(kInk);
    painter.drawText(QRectF(nameLeft, area.top(), std::max<qreal>(room, 0), area.height()),
                     Qt::AlignLeft | Qt::AlignVCenter,
                     nameMetrics.elidedText(name, Qt::ElideRight, std::max<qreal>(room, 0)));
    painter.setFont(tallyFont);
    painter.setPen(kMuted);
    painter.drawText(QRectF(area.right() - tallyWidth, area.top(), tallyWidth, area.height()),
                     Qt::AlignRight | Qt::AlignVCenter,
                     tallyText);
}

// The quote cards of one force between `top` and `bottom`, as many as fit, then "+N more".
void paintCards(QPainter &painter,
                qreal left,
                qreal width,
                qreal top,
                qreal bottom,
                Force force,
                const ForcesDiagramData &data,
                const ForcesDiagramOptions &options,
                const Metrics &m,
                ForcesDiagramGeometry &geometry)
{
    const ForceEvidence &evidence = data[force];
    const QColor color = toColor(info(force).color);
    const QFont moreFont = reportFont(m.fs * 0.88, QFont::Normal, true);
    const qreal moreHeight = QFontMetricsF(moreFont).height() + m.gap * 0.5;
    const std::int64_t total = std::max<std::int64_t>(
        evidence.tally.count, static_cast<std::int64_t>(evidence.quotes.size()));

    if (total == 0) {
        const QString empty = QStringLiteral("No quotes tagged ") + toQString(info(force).name)
                              + QLatin1Char(' ') + data.within() + QLatin1Char('.');
        const TextBlock block(empty, moreFont, width, 3);
        if (top + block.height() <= bottom)
            block.draw(painter, QPointF(left, top), kMuted);
        return;
    }

    qreal y = top;
    int shown = 0;
    for (const ForceQuote &quote : evidence.quotes) {
        QuoteCard card;
        card.text = quote.text;
        card.who = quote.who();
        card.intensity = quote.intensity;
        card.accent = color;
        QuoteCardStyle style;
        style.fontSize = m.fs;
        style.focused = options.focusedHighlightId == quote.highlightId && quote.highlightId != 0;
        style.hovered = options.hoveredHighlightId == quote.highlightId && quote.highlightId != 0;
        const bool moreAfter = total - (shown + 1) > 0;
        // Room for the gap after the card and the "+N more" line below it.
        const qreal reserve = moreAfter ? moreHeight + m.gap : 0;
        qreal height = 0;
        bool fits = false;
        for (int lines : {4, 3, 2, 1}) {
            style.maxLines = lines;
            height = quoteCardHeight(card, width, style);
            if (y + height + reserve <= bottom) {
                fits = true;
                break;
            }
        }
        if (!fits)
            break;
        const QRectF rect(left, y, width, height);
        paintQuoteCard(painter, rect, card, style);
        geometry.cards.push_back(
            {rect, quote.interviewId, quote.highlightId, static_cast<int>(force)});
        ++shown;
        y += height + m.gap;
    }
    const std::int64_t more = total - shown;
    geometry.shownQuotes.at(index(force)) = shown;
    geometry.more.at(index(force)) = more;
    if (more > 0 && y + moreHeight - m.gap * 0.5 <= bottom + 0.5) {
        painter.setFont(moreFont);
        painter.setPen(kMuted);
        const QString text =
            QStringLiteral("+") + number(more)
            + (shown == 0 ? (more == 1 ? QStringLiteral(" quote") : QStringLiteral(" quotes"))
                          : QStringLiteral(" more"))
            + QLatin1Char(' ') + data.within();
        painter.drawText(QRectF(left, y, width, moreHeight), Qt::AlignLeft | Qt::AlignTop, text);
    }
}

void paintQuadrant(QPainter &painter,
                   const QRectF &quadrant,
                   Force force,
                   const ForcesDiagramData &data,
                   std::int64_t maxWeight,
                   const ForcesDiagramOptions &options,
                   const Metrics &m,
                   ForcesDiagramGeometry &geometry)
{
    geometry.quadrants.at(index(force)) = quadrant;
    const QColor color = toColor(info(force).color);
    painter.setPen(Qt::NoPen);
    painter.setBrush(tint(color, 0.955));
    painter.drawRoundedRect(quadrant, m.fs * 0.5, m.fs * 0.5);

    const qreal pad = m.fs * 0.8;
    const QRectF inner = quadrant.adjusted(pad, pad * 0.6, -pad, -pad * 0.6);
    // Above the axis the arrow is the quadrant's bottom row, below it the top row, so that the
    // arrows run along the axis as in the method's diagram.
    const bool above = info(force).towardSwitch;
    QRectF arrowArea;
    QRectF header;
    qreal cardsTop = 0;
    qreal cardsBottom = 0;
    if (above) {
        header = QRectF(inner.left(), inner.top(), inner.width(), m.headerHeight);
        arrowArea = QRectF(inner.left(), inner.bottom() - m.arrowArea, inner.width(), m.arrowArea);
        cardsTop = header.bottom() + m.gap;
        cardsBottom = arrowArea.top() - m.gap * 0.5;
    } else {
        arrowArea = QRectF(inner.left(), inner.top(), inner.width(), m.arrowArea);
        header = QRectF(inner.left(), arrowArea.bottom(), inner.width(), m.headerHeight);
        cardsTop = header.bottom() + m.gap;
        cardsBottom = inner.bottom();
    }
    paintArrow(painter, arrowArea, force, data, maxWeight, m, geometry);
    paintHeader(painter, header, force, data, m);
    paintCards(painter,
               inner.left(),
               inner.width(),
               cardsTop,
               cardsBottom,
               force,
               data,
               options,
               m,
               geometry);
}

void paintAxis(QPainter &painter,
               const QRectF &band,
               const ForcesDiagramData &data,
               const Metrics &m,
               ForcesDiagramGeometry &geometry)
{
    const qreal y = band.center().y();
    const QColor axisColor(0x3C, 0x40, 0x43);
    const qreal dot = m.fs * 0.55;
    const qreal headLength = m.fs * 0.9;
    const QPointF a(band.left() + dot, y);
    const QPointF b(band.right(), y);
    geometry.axis = QLineF(a, b);

    painter.setPen(QPen(axisColor, std::max(1.2, m.fs * 0.14)));
    painter.drawLine(a, QPointF(b.x() - headLength, y));
    painter.setPen(Qt::NoPen);
    painter.setBrush(axisColor);
    painter.drawEllipse(a, dot, dot);
    painter.drawPolygon(QPolygonF({QPointF(b.x() - headLength, y - headLength * 0.5),
                                   b,
                                   QPointF(b.x() - headLength, y + headLength * 0.5)}));

    // Labels sit on the axis on a white patch so the line reads as running through them.
    const QFont endFont = reportFont(m.fs * 1.0, QFont::DemiBold);
    const QFontMetricsF endMetrics(endFont);
    const qreal patchPad = m.fs * 0.45;
    auto patch = [&](const QString &text,
                     const QFont &font,
                     qreal x,
                     Qt::Alignment side,
                     const QColor &ink) {
        const QFontMetricsF metrics(font);
        const qreal width = metrics.horizontalAdvance(text) + 2 * patchPad;
        const qreal height = metrics.height() + patchPad * 0.6;
        const qreal left = side == Qt::AlignLeft    ? x
                           : side == Qt::AlignRight ? x - width
                                                    : x - width / 2;
        const QRectF rect(left, y - height / 2, width, height);
        painter.setPen(Qt::NoPen);
        painter.setBrush(Qt::white);
        painter.drawRoundedRect(rect, height * 0.3, height * 0.3);
        painter.setFont(font);
        painter.setPen(ink);
        painter.drawText(rect, Qt::AlignCenter, text);
    };
    patch(QStringLiteral("Current way (A)"),
          endFont,
          a.x() + dot + m.fs * 0.3,
          Qt::AlignLeft,
          axisColor);
    patch(QStringLiteral("New way (B)"),
          endFont,
          b.x() - headLength - m.fs * 0.3,
          Qt::AlignRight,
          axisColor);
    const QString legend =
        QStringLiteral("switch \u2192   arrow thickness: ") + data.weightingName();
    const QFont legendFont = reportFont(m.fs * 0.82);
    const qreal legendWidth = QFontMetricsF(legendFont).horizontalAdvance(legend) + 2 * patchPad;
    const qreal free = band.width()
                       - 2
                             * (endMetrics.horizontalAdvance(QStringLiteral("Current way (A)"))
                                + 2 * patchPad + dot * 2 + m.fs);
    if (legendWidth < free)
        patch(legend, legendFont, band.center().x(), Qt::AlignHCenter, kMuted);
}

} // namespace

ForcesDiagramGeometry paintForcesDiagram(QPainter &painter,
                                         const QRectF &rect,
                                         const ForcesDiagramData &data,
                                         const ForcesDiagramOptions &options)
{
    ForcesDiagramGeometry geometry;
    if (rect.width() < 10 || rect.height() < 10)
        return geometry;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::TextAntialiasing);
    painter.setClipRect(rect, Qt::IntersectClip);
    if (options.fillBackground)
        painter.fillRect(rect, Qt::white);

    Metrics m;
    m.fs = std::clamp(std::min(rect.width() / 80.0, rect.height() / 58.0), 7.0, 13.0);
    m.gap = m.fs * 0.5;
    m.arrowArea = m.fs * 2.9;
    m.headerHeight = m.fs * 2.0;
    const qreal margin = m.fs * 1.3;
    const QRectF inner = rect.adjusted(margin, margin, -margin, -margin);
    qreal top = inner.top();

    if (options.showTitle) {
        const TextBlock title(data.title, reportFont(m.fs * 1.45, QFont::Bold), inner.width(), 2);
        title.draw(painter, QPointF(inner.left(), top), kInk);
        top += title.height();
        if (!data.studyName.isEmpty()) {
            const TextBlock study(data.studyName, reportFont(m.fs * 0.95), inner.width(), 1);
            study.draw(painter, QPointF(inner.left(), top + m.fs * 0.15), kMuted);
            top += study.height() + m.fs * 0.15;
        }
        top += m.fs * 0.8;
    }

    // The balance, its meaning and its method at the foot, laid out first to know their height.
    const TextBlock balance(data.balanceText() + QStringLiteral("   (") + data.weightingName()
                                + QLatin1Char(')'),
                            reportFont(m.fs * 1.15, QFont::Bold),
                            inner.width(),
                            2);
    const TextBlock meaning(data.balanceMeaning(), reportFont(m.fs * 0.95), inner.width(), 3);
    const TextBlock method(data.methodText(), reportFont(m.fs * 0.8), inner.width(), 4);
    const qreal footerHeight =
        balance.height() + m.fs * 0.25 + meaning.height() + m.fs * 0.3 + method.height();
    const qreal footerTop = inner.bottom() - footerHeight;
    geometry.balance = QRectF(inner.left(), footerTop, inner.width(), footerHeight);
    painter.setPen(QPen(kRule, 1));
    painter.drawLine(QPointF(inner.left(), footerTop - m.fs * 0.6),
                     QPointF(inner.right(), footerTop - m.fs * 0.6));
    qreal y = footerTop;
    const bool toward = data.toward() >= data.against();
    balance.draw(painter,
                 QPointF(inner.left(), y),
                 data.toward() == data.against() ? kInk
                 : toward                        ? QColor(0x1E, 0x6B, 0x3F)
                                                 : QColor(0x9A, 0x3B, 0x1E));
    y += balance.height() + m.fs * 0.25;
    meaning.draw(painter, QPointF(inner.left(), y), kInk);
    y += meaning.height() + m.fs * 0.3;
    method.draw(painter, QPointF(inner.left(), y), kMuted);

    // The four quadrants around the axis.
    const QRectF body(inner.left(), top, inner.width(), footerTop - m.fs * 1.2 - top);
    const qreal axisHeight = m.fs * 2.4;
    const qreal half = std::max<qreal>((body.height() - axisHeight) / 2, 0);
    const qreal gutter = m.fs * 1.2;
    const qreal column = (body.width() - gutter) / 2;
    const QRectF axisBand(body.left(), body.top() + half, body.width(), axisHeight);
    const qreal lowerTop = axisBand.bottom();
    std::int64_t maxWeight = 0;
    for (Force force : kForces)
        maxWeight = std::max(maxWeight, data.weight(force));

    const std::array<std::pair<Force, QRectF>, 4> quadrants = {{
        {Force::Push, QRectF(body.left(), body.top(), column, half)},
        {Force::Pull, QRectF(body.left() + column + gutter, body.top(), column, half)},
        {Force::Habit, QRectF(body.left(), lowerTop, column, half)},
        {Force::Anxiety, QRectF(body.left() + column + gutter, lowerTop, column, half)},
    }};
    for (const auto &[force, area] : quadrants)
        paintQuadrant(painter, area, force, data, maxWeight, options, m, geometry);
    paintAxis(painter, axisBand, data, m, geometry);

    painter.restore();
    return geometry;
}

namespace {

QString svgDescription(const ForcesDiagramData &data)
{
    return data.balanceText() + QStringLiteral(" (") + data.weightingName() + QStringLiteral("). ")
           + data.balanceMeaning();
}

} // namespace

Status writeForcesDiagramPng(const ForcesDiagramData &data,
                             const QString &path,
                             const QSizeF &size,
                             qreal devicePixelRatio)
{
    return writePng(path, size, devicePixelRatio, [&](QPainter &painter, const QRectF &rect) {
        paintForcesDiagram(painter, rect, data);
    });
}

Status writeForcesDiagramSvg(const ForcesDiagramData &data, const QString &path, const QSizeF &size)
{
    return writeSvg(
        path, size, data.title, svgDescription(data), [&](QPainter &painter, const QRectF &rect) {
            paintForcesDiagram(painter, rect, data);
        });
}

} // namespace jtbd::report
