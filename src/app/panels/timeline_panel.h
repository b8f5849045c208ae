// The switch timeline panel: one interview's six phases, the events between them and the quotes
// placed in each phase, scrolling when the quotes are many.
#pragma once

#include "quote_card_canvas.h"

#include <QWidget>

#include <report/timeline_painter.h>

class QLabel;
class QScrollArea;
class QTimer;

namespace jtbd::app {

struct Change;
class StudyDocument;

// The timeline drawn by the report painter, as tall as its quotes need at the current width.
class TimelineView final : public QuoteCardCanvas
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelineView)

public:
    explicit TimelineView(QWidget *parent = nullptr);
    ~TimelineView() override;

    void setData(const report::TimelineData &data);

    const report::TimelineData &data() const { return m_data; }

    const report::TimelineGeometry &geometry() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    std::vector<report::QuoteCardHit>
    draw(QPainter &painter, const QRectF &rect, Id focused, Id hovered) override;
    QString toolTipFor(Id highlightId) const override;
    void contentReplaced() override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void updateHeight();

    report::TimelineData m_data;
    report::TimelineGeometry m_geometry;
    int m_heightForWidth = -1; // the width the minimum height was computed for
};

class TimelinePanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimelinePanel)

public:
    explicit TimelinePanel(StudyDocument *document, QWidget *parent = nullptr);
    ~TimelinePanel() override;

    // Shows the timeline of `interviewId` (0: none) and reads it now.
    void setInterview(jtbd::Id interviewId);

    jtbd::Id interview() const { return m_interviewId; }

    TimelineView *timelineView() const { return m_view; }

Q_SIGNALS:
    void quoteActivated(jtbd::Id interviewId, jtbd::Id highlightId);

private:
    void onChanged(const Change &change);
    void reload();

    StudyDocument *m_document;
    Id m_interviewId = 0;
    TimelineView *m_view;
    QScrollArea *m_scroll;
    QTimer *m_reloadTimer;
};

} // namespace jtbd::app
