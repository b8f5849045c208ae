// The switch timeline panel: reads one interview's timeline and highlights, draws them with the
// report painter, and reloads once per burst of edits to that interview.
#include "timeline_panel.h"

#include <QPainter>
#include <QResizeEvent>
#include <QScrollArea>
#include <QScrollBar>
#include <QTimer>
#include <QVBoxLayout>

#include <app/logging.h>
#include <app/study_document.h>
#include <cmath>

namespace jtbd::app {

// TimelineView

TimelineView::TimelineView(QWidget *parent)
    : QuoteCardCanvas(parent)
{
    setObjectName(QStringLiteral("timelineView"));
    setAccessibleName(tr("Switch timeline"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    setMessage(tr("Choose an interview to see its switch timeline."));
}

TimelineView::~TimelineView() = default;

void TimelineView::setData(const report::TimelineData &data)
{
    m_data = data;
    setAccessibleDescription(data.title);
    bool stillShown = false;
    for (const auto &quotes : m_data.phases)
        for (const auto &quote : quotes)
            stillShown = stillShown || quote.highlightId == focusedHighlight();
    showContent(stillShown);
}

void TimelineView::contentReplaced()
{
    m_heightForWidth = -1;
    updateHeight();
}

const report::TimelineGeometry &TimelineView::geometry() const
{
    cards();
    return m_geometry;
}

QSize TimelineView::sizeHint() const
{
    return {1100, 700};
}

QSize TimelineView::minimumSizeHint() const
{
    return {720, 240};
}

void TimelineView::resizeEvent(QResizeEvent *event)
{
    QuoteCardCanvas::resizeEvent(event);
    updateHeight();
}

// As tall as every quote needs at this width, so the scroll area scrolls rather than the painter
// cutting quotes off.
void TimelineView::updateHeight()
{
    if (width() == m_heightForWidth)
        return;
    m_heightForWidth = width();
    const int needed = message().isEmpty()
                           ? static_cast<int>(std::ceil(report::timelineHeight(m_data, width())))
                           : 240;
    setMinimumHeight(needed);
}

std::vector<report::QuoteCardHit>
TimelineView::draw(QPainter &painter, const QRectF &rect, Id focused, Id hovered)
{
    if (paintMessage(painter, rect)) {
        m_geometry = {};
        return {};
    }
    report::TimelineOptions options;
    options.focusedHighlightId = focused;
    options.hoveredHighlightId = hovered;
    m_geometry = report::paintTimeline(painter, rect, m_data, options);
    return m_geometry.cards;
}

QString TimelineView::toolTipFor(Id highlightId) const
{
    for (std::size_t i = 0; i < m_data.phases.size(); ++i) {
        for (const auto &quote : m_data.phases.at(i)) {
            if (quote.highlightId != highlightId)
                continue;
            QString meta = toQString(info(kPhases.at(i)).name);
            if (quote.force)
                meta += QStringLiteral(" \u00B7 ") + toQString(info(*quote.force).id)
                        + QLatin1Char(' ') + toQString(info(*quote.force).shortName);
            meta += QStringLiteral(" \u00B7 intensity ") + QString::number(quote.intensity)
                    + QStringLiteral("/5");
            return QStringLiteral("<qt><p>") + report::quoted(quote.text).toHtmlEscaped()
                   + QStringLiteral("</p><p><i>") + meta.toHtmlEscaped()
                   + QStringLiteral(
                       "</i></p><p>Click or press Enter to open it in the transcript.</p></qt>");
        }
    }
    return {};
}

// TimelinePanel

TimelinePanel::TimelinePanel(StudyDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_view(new TimelineView(this))
    , m_scroll(canvasScrollArea(m_view, QStringLiteral("timelineScroll"), this))
    , m_reloadTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("timelinePanel"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_scroll);

    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(0);
    connect(m_reloadTimer, &QTimer::timeout, this, &TimelinePanel::reload);
    connect(m_document, &StudyDocument::changed, this, &TimelinePanel::onChanged);
    connect(m_view, &TimelineView::quoteActivated, this, &TimelinePanel::quoteActivated);
}

TimelinePanel::~TimelinePanel() = default;

void TimelinePanel::setInterview(Id interviewId)
{
    m_interviewId = interviewId;
    reload();
    m_scroll->verticalScrollBar()->setValue(0);
}

void TimelinePanel::onChanged(const Change &change)
{
    if (m_interviewId == 0)
        return;
    switch (change.kind) {
    case Change::Kind::Timeline:
    case Change::Kind::Highlights:
        if (change.id == 0 || change.id == m_interviewId)
            m_reloadTimer->start();
        break;
    case Change::Kind::Interviews:   // the title, or the interview deleted
    case Change::Kind::Participants: // the participant's name
    case Change::Kind::Codes:        // which codes are phases and forces
    case Change::Kind::Everything:
        m_reloadTimer->start();
        break;
    default:
        break;
    }
}

void TimelinePanel::reload()
{
    m_reloadTimer->stop();
    if (m_interviewId == 0) {
        m_view->setMessage(tr("Choose an interview to see its switch timeline."));
        return;
    }
    auto loaded = report::loadTimeline(m_document->study(), m_interviewId);
    if (loaded) {
        m_view->setData(*loaded);
        return;
    }
    if (loaded.error().code == ErrorCode::NotFound) {
        m_interviewId = 0;
        m_view->setMessage(
            tr("The interview was deleted. Choose another to see its switch timeline."));
        return;
    }
    qCWarning(lcApp) << "Could not read the timeline:" << toQString(loaded.error().message);
    m_view->setMessage(
        tr("The timeline could not be read: %1").arg(toQString(loaded.error().message)));
}

} // namespace jtbd::app
