// A widget that shows a report drawing with quote cards in it, and makes the cards clickable and
// reachable from the keyboard (Tab, arrows, Enter), with the full quote as a tooltip.
#pragma once

#include <jtbd/model.h>

#include <QWidget>

#include <report/painting_support.h>
#include <vector>

class QScrollArea;

namespace jtbd::app {

class QuoteCardCanvas : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QuoteCardCanvas)

public:
    explicit QuoteCardCanvas(QWidget *parent = nullptr);
    ~QuoteCardCanvas() override;

    // The cards as last laid out at the widget's size, in reading order.
    const std::vector<report::QuoteCardHit> &cards() const;

    // The card with the keyboard focus ring (0: none).
    Id focusedHighlight() const { return m_focused; }

    void setFocusedHighlight(Id highlightId);

    // Shown instead of the drawing (nothing chosen, a failed read); empty: none.
    void setMessage(const QString &message);

    QString message() const { return m_message; }

Q_SIGNALS:
    void quoteActivated(jtbd::Id interviewId, jtbd::Id highlightId);

protected:
    // Draws the content into `rect` and returns where its cards are.
    virtual std::vector<report::QuoteCardHit>
    draw(QPainter &painter, const QRectF &rect, Id focused, Id hovered) = 0;
    // The tooltip of a card: the whole quote and who said it.
    virtual QString toolTipFor(Id highlightId) const = 0;

    // The content changed: lay out again and repaint.
    void contentChanged();
    // New content replaces the message; the focused card keeps the focus only while it is still
    // shown.
    void showContent(bool focusedStillShown);

    // The message or the content was replaced, just before it is laid out again.
    virtual void contentReplaced() {}

    // Paints the message over `rect` when there is one; true when it did, and there is nothing
    // else to draw.
    bool paintMessage(QPainter &painter, const QRectF &rect) const;

    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;
    bool focusNextPrevChild(bool next) override;

private:
    const report::QuoteCardHit *cardAt(const QPointF &position) const;
    int focusedIndex() const;
    void focusCard(int index);
    void activate(const report::QuoteCardHit &card);

    QString m_message;
    mutable std::vector<report::QuoteCardHit> m_cards;
    mutable bool m_stale = true;
    Id m_focused = 0;
    Id m_hovered = 0;
    Id m_pressed = 0;
};

// A frameless scroll area that shows `canvas` at its width and passes `panel`'s focus on to it.
QScrollArea *canvasScrollArea(QuoteCardCanvas *canvas, const QString &objectName, QWidget *panel);

} // namespace jtbd::app
