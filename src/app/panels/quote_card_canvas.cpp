// Clicks, hover, keyboard focus and tooltips over the quote cards of a report drawing.
#include "quote_card_canvas.h"

#include <QFocusEvent>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPicture>
#include <QScrollArea>
#include <QToolTip>

namespace jtbd::app {

QuoteCardCanvas::QuoteCardCanvas(QWidget *parent)
    : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

QuoteCardCanvas::~QuoteCardCanvas() = default;

const std::vector<report::QuoteCardHit> &QuoteCardCanvas::cards() const
{
    if (m_stale) {
        // Laid out without showing: the same drawing recorded, not rasterised.
        QPicture picture;
        QPainter painter(&picture);
        auto *self = const_cast<QuoteCardCanvas *>(this);
        m_cards = self->draw(painter, QRectF(rect()), m_focused, m_hovered);
        m_stale = false;
    }
    return m_cards;
}

void QuoteCardCanvas::setFocusedHighlight(Id highlightId)
{
    if (m_focused == highlightId)
        return;
    m_focused = highlightId;
    contentChanged();
}

void QuoteCardCanvas::contentChanged()
{
    m_stale = true;
    update();
}

void QuoteCardCanvas::setMessage(const QString &message)
{
    m_message = message;
    contentReplaced();
    contentChanged();
}

void QuoteCardCanvas::showContent(bool focusedStillShown)
{
    m_message.clear();
    if (!focusedStillShown)
        setFocusedHighlight(0);
    contentReplaced();
    contentChanged();
}

bool QuoteCardCanvas::paintMessage(QPainter &painter, const QRectF &rect) const
{
    if (m_message.isEmpty())
        return false;
    painter.fillRect(rect, Qt::white);
    painter.setFont(report::reportFont(14));
    painter.setPen(QColor(0x5F, 0x63, 0x68));
    painter.drawText(
        rect.adjusted(40, 40, -40, -40), Qt::AlignCenter | Qt::TextWordWrap, m_message);
    return true;
}

bool QuoteCardCanvas::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        if (const auto *card = cardAt(help->pos())) {
            QToolTip::showText(
                help->globalPos(), toolTipFor(card->highlightId), this, card->rect.toRect());
        } else {
            QToolTip::hideText();
            event->ignore();
        }
        return true;
    }
    return QWidget::event(event);
}

void QuoteCardCanvas::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    m_cards = draw(painter, QRectF(rect()), hasFocus() ? m_focused : 0, m_hovered);
    m_stale = false;
}

void QuoteCardCanvas::resizeEvent(QResizeEvent *event)
{
    m_stale = true;
    QWidget::resizeEvent(event);
}

const report::QuoteCardHit *QuoteCardCanvas::cardAt(const QPointF &position) const
{
    for (const auto &card : cards())
        if (card.rect.contains(position))
            return &card;
    return nullptr;
}

int QuoteCardCanvas::focusedIndex() const
{
    const auto &list = cards();
    for (std::size_t i = 0; i < list.size(); ++i)
        if (list[i].highlightId == m_focused)
            return static_cast<int>(i);
    return -1;
}

void QuoteCardCanvas::focusCard(int index)
{
    const auto &list = cards();
    if (index < 0 || index >= static_cast<int>(list.size()))
        return;
    setFocusedHighlight(list[static_cast<std::size_t>(index)].highlightId);
}

void QuoteCardCanvas::activate(const report::QuoteCardHit &card)
{
    Q_EMIT quoteActivated(card.interviewId, card.highlightId);
}

void QuoteCardCanvas::mousePressEvent(QMouseEvent *event)
{
    m_pressed = 0;
    if (event->button() == Qt::LeftButton) {
        if (const auto *card = cardAt(event->position())) {
            m_pressed = card->highlightId;
            setFocusedHighlight(card->highlightId);
            setFocus(Qt::MouseFocusReason);
            event->accept();
            return;
        }
    }
    QWidget::mousePressEvent(event);
}

void QuoteCardCanvas::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && m_pressed != 0) {
        const auto *card = cardAt(event->position());
        const Id pressed = m_pressed;
        m_pressed = 0;
        if (card && card->highlightId == pressed) {
            const report::QuoteCardHit hit = *card;
            activate(hit);
            event->accept();
            return;
        }
    }
    QWidget::mouseReleaseEvent(event);
}

void QuoteCardCanvas::mouseMoveEvent(QMouseEvent *event)
{
    const auto *card = cardAt(event->position());
    const Id hovered = card ? card->highlightId : 0;
    if (hovered != m_hovered) {
        m_hovered = hovered;
        setCursor(card ? Qt::PointingHandCursor : Qt::ArrowCursor);
        contentChanged();
    }
    QWidget::mouseMoveEvent(event);
}

void QuoteCardCanvas::leaveEvent(QEvent *event)
{
    if (m_hovered != 0) {
        m_hovered = 0;
        unsetCursor();
        contentChanged();
    }
    QWidget::leaveEvent(event);
}

void QuoteCardCanvas::keyPressEvent(QKeyEvent *event)
{
    const int count = static_cast<int>(cards().size());
    const int index = focusedIndex();
    switch (event->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        if (index >= 0) {
            const report::QuoteCardHit hit = cards()[static_cast<std::size_t>(index)];
            activate(hit);
            event->accept();
            return;
        }
        break;
    case Qt::Key_Down:
    case Qt::Key_Right:
        if (count > 0) {
            focusCard(index < 0 ? 0 : std::min(index + 1, count - 1));
            event->accept();
            return;
        }
        break;
    case Qt::Key_Up:
    case Qt::Key_Left:
        if (count > 0) {
            focusCard(index < 0 ? 0 : std::max(index - 1, 0));
            event->accept();
            return;
        }
        break;
    case Qt::Key_Home:
        if (count > 0) {
            focusCard(0);
            event->accept();
            return;
        }
        break;
    case Qt::Key_End:
        if (count > 0) {
            focusCard(count - 1);
            event->accept();
            return;
        }
        break;
    default:
        break;
    }
    QWidget::keyPressEvent(event);
}

void QuoteCardCanvas::focusInEvent(QFocusEvent *event)
{
    const int count = static_cast<int>(cards().size());
    if (count > 0 && focusedIndex() < 0) {
        if (event->reason() == Qt::BacktabFocusReason)
            focusCard(count - 1);
        else
            focusCard(0);
    }
    update();
    QWidget::focusInEvent(event);
}

void QuoteCardCanvas::focusOutEvent(QFocusEvent *event)
{
    update();
    QWidget::focusOutEvent(event);
}

bool QuoteCardCanvas::focusNextPrevChild(bool next)
{
    // Tab walks the cards first; past the last (or before the first) it leaves the drawing.
    const int count = static_cast<int>(cards().size());
    const int index = focusedIndex();
    const int target = index < 0 ? (next ? 0 : count - 1) : index + (next ? 1 : -1);
    if (hasFocus() && target >= 0 && target < count) {
        focusCard(target);
        return true;
    }
    m_focused = 0;
    m_stale = true;
    return QWidget::focusNextPrevChild(next);
}

QScrollArea *canvasScrollArea(QuoteCardCanvas *canvas, const QString &objectName, QWidget *panel)
{
    auto *scroll = new QScrollArea(panel);
    scroll->setObjectName(objectName);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(canvas);
    panel->setFocusProxy(canvas);
    return scroll;
}

} // namespace jtbd::app
