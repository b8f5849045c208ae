// Story cards and job columns: painting, selection, dragging a card and dropping it on a column.
#include "job_column.h"

#include "panel_style.h"

#include <QApplication>
#include <QContextMenuEvent>
#include <QDrag>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMimeData>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QStyleOption>
#include <QVBoxLayout>

#include <report/painting_support.h>

namespace jtbd::app {

namespace {

constexpr int kPadding = 8;
constexpr int kPinSize = 14;
constexpr qreal kRadius = 5;

// A small drawing pin: the mark of a story the researcher put in its job.
void paintPin(QPainter &painter, const QRectF &box)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    const QColor red(0xC0, 0x39, 0x2B);
    const QPointF head(box.left() + box.width() * 0.62, box.top() + box.height() * 0.36);
    painter.setPen(QPen(QColor(0x55, 0x55, 0x55), 1.4, Qt::SolidLine, Qt::RoundCap));
    painter.drawLine(head, QPointF(box.left() + box.width() * 0.18, box.bottom() - 1));
    painter.setPen(QPen(red.darker(130), 1));
    painter.setBrush(red);
    painter.drawEllipse(head, box.width() * 0.3, box.width() * 0.3);
    painter.restore();
}

} // namespace

// StoryCard

const QString StoryCard::kMimeType = QStringLiteral("application/x-jtbd-story");

StoryCard::StoryCard(const StoryCardData &data, Id jobId, QWidget *parent)
    : QWidget(parent)
    , m_data(data)
    , m_jobId(jobId)
{
    setObjectName(QStringLiteral("storyCard"));
    setFocusPolicy(Qt::StrongFocus);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setCursor(Qt::OpenHandCursor);
    const QString who = report::participantLabel(data.pseudonym, data.code);
    setAccessibleName(who.isEmpty() ? data.title : who);
    setAccessibleDescription(
        data.title + QStringLiteral(". ")
        + (data.quote.isEmpty() ? tr("No force quotes tagged.") : report::quoted(data.quote))
        + (data.placed ? tr(" Placed here by you.") : QString()));
    QString tip = QStringLiteral("<qt><p><b>") + who.toHtmlEscaped()
                  + QStringLiteral("</b> \u00B7 ") + data.title.toHtmlEscaped()
                  + QStringLiteral("</p>");
    if (!data.quote.isEmpty())
        tip += QStringLiteral("<p><i>") + report::quoted(data.quote).toHtmlEscaped()
               + QStringLiteral("</i></p>");
    if (data.placed)
        tip += tr("<p>Placed in this job by you: a re-run of the synthesis leaves it here.</p>");
    tip += tr("<p>Drag to another job to move the story; double-click to open its transcript; "
              "the context menu moves it with the keyboard.</p></qt>");
    setToolTip(tip);
}

StoryCard::~StoryCard() = default;

void StoryCard::setSelected(bool selected)
{
    if (m_selected == selected)
        return;
    m_selected = selected;
    update();
}

QSize StoryCard::sizeHint() const
{
    const QFontMetrics metrics(font());
    return {240, metrics.lineSpacing() * 3 + kPadding * 2 + 4};
}

QSize StoryCard::minimumSizeHint() const
{
    return {140, sizeHint().height()};
}

void StoryCard::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing, true);
    const QPalette &pal = palette();
    const QRectF frame = QRectF(rect()).adjusted(1, 1, -1, -1);
    const bool focused = hasFocus();
    QColor border = pal.color(QPalette::Mid);
    qreal borderWidth = 1;
    if (m_selected || focused) {
        border = pal.color(QPalette::Highlight);
        borderWidth = 2;
    }
    painter.setPen(QPen(border, borderWidth));
    painter.setBrush(pal.color(QPalette::Base));
    painter.drawRoundedRect(frame, kRadius, kRadius);

    const QRect inner = rect().adjusted(kPadding, kPadding, -kPadding, -kPadding);
    const QFontMetrics metrics(font());
    const int line = metrics.lineSpacing();
    const int textRight = m_data.placed ? inner.right() - kPinSize - 4 : inner.right();

    QFont bold = font();
    bold.setBold(true);
    painter.setFont(bold);
    painter.setPen(pal.color(QPalette::Text));
    const QString who = report::participantLabel(m_data.pseudonym, m_data.code);
    QRect row(inner.left(), inner.top(), textRight - inner.left(), line);
    painter.drawText(row,
                     Qt::AlignLeft | Qt::AlignVCenter,
                     QFontMetrics(bold).elidedText(
                         who.isEmpty() ? m_data.title : who, Qt::ElideRight, row.width()));
    if (m_data.placed)
        paintPin(painter, QRectF(inner.right() - kPinSize, inner.top(), kPinSize, kPinSize));

    painter.setFont(font());
    painter.setPen(secondaryText(pal));
    row = QRect(inner.left(), inner.top() + line, inner.width(), line);
    painter.drawText(row,
                     Qt::AlignLeft | Qt::AlignVCenter,
                     metrics.elidedText(m_data.title, Qt::ElideRight, row.width()));

    QFont italic = font();
    italic.setItalic(true);
    painter.setFont(italic);
    row = QRect(inner.left(), inner.top() + 2 * line, inner.width(), line);
    if (m_data.quote.isEmpty()) {
        painter.drawText(row, Qt::AlignLeft | Qt::AlignVCenter, tr("No force quotes tagged"));
    } else {
        painter.setPen(pal.color(QPalette::Text));
        painter.drawText(row,
                         Qt::AlignLeft | Qt::AlignVCenter,
                         QFontMetrics(italic).elidedText(
                             report::quoted(m_data.quote), Qt::ElideRight, row.width()));
    }
}

void StoryCard::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        m_pressed = true;
        m_pressPosition = event->position().toPoint();
        setFocus(Qt::MouseFocusReason);
        Q_EMIT clicked();
    }
    QWidget::mousePressEvent(event);
}

void StoryCard::mouseMoveEvent(QMouseEvent *event)
{
    if (m_pressed && (event->buttons() & Qt::LeftButton)
        && (event->position().toPoint() - m_pressPosition).manhattanLength()
               >= QApplication::startDragDistance()) {
        m_pressed = false;
        startDrag();
        return;
    }
    QWidget::mouseMoveEvent(event);
}

void StoryCard::mouseReleaseEvent(QMouseEvent *event)
{
    m_pressed = false;
    QWidget::mouseReleaseEvent(event);
}

void StoryCard::mouseDoubleClickEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        Q_EMIT openRequested();
        return;
    }
    QWidget::mouseDoubleClickEvent(event);
}

void StoryCard::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        Q_EMIT openRequested();
        return;
    case Qt::Key_Space:
        Q_EMIT clicked();
        return;
    default:
        break;
    }
    QWidget::keyPressEvent(event);
}

void StoryCard::contextMenuEvent(QContextMenuEvent *event)
{
    Q_EMIT clicked();
    // From the keyboard the menu opens at the card, not wherever the mouse happens to be.
    const QPoint at = event->reason() == QContextMenuEvent::Mouse
                          ? event->globalPos()
                          : mapToGlobal(QPoint(kPadding * 2, height() / 2));
    Q_EMIT menuRequested(at);
}

void StoryCard::focusInEvent(QFocusEvent *event)
{
    QWidget::focusInEvent(event);
    update();
}

void StoryCard::focusOutEvent(QFocusEvent *event)
{
    QWidget::focusOutEvent(event);
    update();
}

void StoryCard::startDrag()
{
    auto *mime = new QMimeData;
    mime->setData(kMimeType, storyDragData(m_data.interviewId, m_jobId));
    auto *drag = new QDrag(this);
    drag->setMimeData(mime);
    drag->setPixmap(grab());
    drag->setHotSpot(m_pressPosition);
    Q_EMIT dragStarted();
    drag->exec(Qt::MoveAction);
    Q_EMIT dragFinished();
}

QByteArray storyDragData(Id interviewId, Id fromJobId)
{
    return QByteArray::number(static_cast<qlonglong>(interviewId)) + ' '
           + QByteArray::number(static_cast<qlonglong>(fromJobId));
}

bool readStoryDrag(const QByteArray &data, Id *interviewId, Id *fromJobId)
{
    const QList<QByteArray> parts = data.split(' ');
    if (parts.size() != 2)
        return false;
    bool okInterview = false;
    bool okJob = false;
    *interviewId = parts[0].toLongLong(&okInterview);
    *fromJobId = parts[1].toLongLong(&okJob);
    return okInterview && okJob && *interviewId > 0;
}

// JobColumn

JobColumn::JobColumn(Id jobId, const QString &name, QWidget *parent)
    : QFrame(parent)
    , m_jobId(jobId)
    , m_name(name)
    , m_title(new QLabel(name, this))
    , m_count(new QLabel(this))
    , m_cardLayout(new QVBoxLayout)
{
    setObjectName(QStringLiteral("jobColumn"));
    setAcceptDrops(true);
    setMinimumWidth(230);
    setMaximumWidth(420);
    // As tall as the board, so a card can be dropped anywhere in the column.
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAccessibleName(jobId == 0 ? tr("Stories in no job") : tr("Job: %1").arg(name));

    m_title->setObjectName(QStringLiteral("jobColumnTitle"));
    m_title->setWordWrap(true);
    m_title->setFont(scaledFont(font(), 1.1, true));
    m_title->setTextFormat(Qt::PlainText);
    m_count->setObjectName(QStringLiteral("jobColumnCount"));
    m_count->setPalette(secondaryPalette(m_count->palette()));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 10, 10, 10);
    layout->setSpacing(6);
    layout->addWidget(m_title);
    layout->addWidget(m_count);
    layout->addSpacing(2);
    m_cardLayout->setSpacing(6);
    layout->addLayout(m_cardLayout);
    layout->addStretch(1);
    updateCount();
}

JobColumn::~JobColumn() = default;

StoryCard *JobColumn::addCard(const StoryCardData &story)
{
    auto *card = new StoryCard(story, m_jobId, this);
    m_cardLayout->addWidget(card);
    m_cards.push_back(card);
    updateCount();
    return card;
}

void JobColumn::updateCount()
{
    const int n = static_cast<int>(m_cards.size());
    int placed = 0;
    for (const StoryCard *card : m_cards)
        placed += card->data().placed ? 1 : 0;
    QString text =
        m_jobId == 0 ? tr("%n stories in no job", nullptr, n) : tr("%n stories", nullptr, n);
    if (placed > 0)
        text += tr(" \u00B7 %n placed by you", nullptr, placed);
    if (n == 0)
        text = m_jobId == 0 ? tr("none") : tr("No stories: drag one here");
    m_count->setText(text);
}

void JobColumn::setSelected(bool selected)
{
    if (m_selected == selected)
        return;
    m_selected = selected;
    update();
}

void JobColumn::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing, true);
    const QPalette &pal = palette();
    QColor fill = pal.color(QPalette::AlternateBase);
    if (m_jobId == 0)
        fill = pal.color(QPalette::Window);
    QColor border = pal.color(QPalette::Midlight);
    qreal width = 1;
    if (m_selected) {
        border = pal.color(QPalette::Highlight);
        width = 2;
    }
    if (m_dropTarget) {
        border = pal.color(QPalette::Highlight);
        fill = pal.color(QPalette::Highlight);
        fill.setAlphaF(0.12);
        width = 2;
    }
    QPen pen(border, width);
    if (m_jobId == 0 && !m_selected && !m_dropTarget)
        pen.setStyle(Qt::DashLine);
    painter.setPen(pen);
    painter.setBrush(fill);
    painter.drawRoundedRect(QRectF(rect()).adjusted(1, 1, -1, -1), 7, 7);
}

void JobColumn::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton)
        Q_EMIT clicked();
    QFrame::mousePressEvent(event);
}

void JobColumn::dragEnterEvent(QDragEnterEvent *event)
{
    Id interviewId = 0;
    Id fromJobId = 0;
    if (!event->mimeData()->hasFormat(StoryCard::kMimeType)
        || !readStoryDrag(event->mimeData()->data(StoryCard::kMimeType), &interviewId, &fromJobId)
        || fromJobId == m_jobId) {
        event->ignore();
        return;
    }
    event->setDropAction(Qt::MoveAction);
    event->accept();
    m_dropTarget = true;
    update();
}

void JobColumn::dragMoveEvent(QDragMoveEvent *event)
{
    event->setDropAction(Qt::MoveAction);
    event->accept();
}

void JobColumn::dragLeaveEvent(QDragLeaveEvent *event)
{
    m_dropTarget = false;
    update();
    QFrame::dragLeaveEvent(event);
}

void JobColumn::dropEvent(QDropEvent *event)
{
    m_dropTarget = false;
    update();
    Id interviewId = 0;
    Id fromJobId = 0;
    if (!readStoryDrag(event->mimeData()->data(StoryCard::kMimeType), &interviewId, &fromJobId)
        || fromJobId == m_jobId) {
        event->ignore();
        return;
    }
    event->setDropAction(Qt::MoveAction);
    event->accept();
    Q_EMIT storyDropped(interviewId, fromJobId, m_jobId);
}

} // namespace jtbd::app
