// The jobs board's pieces: a story card (one interview, dragged between jobs) and a job's column
// of cards, which takes dropped cards.
#pragma once

#include <jtbd/model.h>

#include <QByteArray>
#include <QFrame>
#include <QString>
#include <QWidget>

#include <vector>

class QLabel;
class QVBoxLayout;

namespace jtbd::app {

// What a card shows of a story.
struct StoryCardData
{
    Id interviewId = 0;
    QString code;        // the participant's code, "P01"
    QString pseudonym;   // "Robin"
    QString title;       // the interview's title
    QString quote;       // the story's strongest force quote; empty when it has none
    bool placed = false; // the researcher put the story in this job
};

// One story, painted: who, which interview, one line of its strongest quote, and a pin when the
// researcher placed it in its job. Dragging it starts a move to another column.
class StoryCard final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StoryCard)

public:
    // The MIME type of a dragged card: "interviewId fromJobId".
    static const QString kMimeType;

    StoryCard(const StoryCardData &data, Id jobId, QWidget *parent = nullptr);
    ~StoryCard() override;

    const StoryCardData &data() const { return m_data; }

    Id jobId() const { return m_jobId; }

    void setSelected(bool selected);

    bool isSelected() const { return m_selected; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void clicked();
    void openRequested();                     // double click, Enter
    void menuRequested(const QPoint &global); // right click, the menu key, Shift+F10
    // Around a drag, which runs an event loop of its own: the card must outlive it.
    void dragStarted();
    void dragFinished();

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    void startDrag();

    StoryCardData m_data;
    Id m_jobId;
    bool m_selected = false;
    QPoint m_pressPosition;
    bool m_pressed = false;
};

// A job's column: its name and number of stories at the top, its cards below. jobId 0 is the
// column of stories in no job.
class JobColumn final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobColumn)

public:
    JobColumn(Id jobId, const QString &name, QWidget *parent = nullptr);
    ~JobColumn() override;

    Id jobId() const { return m_jobId; }

    QString name() const { return m_name; }

    StoryCard *addCard(const StoryCardData &story);

    const std::vector<StoryCard *> &cards() const { return m_cards; }

    void setSelected(bool selected);

    bool isSelected() const { return m_selected; }

Q_SIGNALS:
    void clicked();
    // A card was dropped here from the column of `fromJobId`.
    void storyDropped(jtbd::Id interviewId, jtbd::Id fromJobId, jtbd::Id toJobId);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void updateCount();

    Id m_jobId;
    QString m_name;
    bool m_selected = false;
    bool m_dropTarget = false;
    QLabel *m_title;
    QLabel *m_count;
    QVBoxLayout *m_cardLayout;
    std::vector<StoryCard *> m_cards;
};

// What a dragged card carries: "interviewId fromJobId".
QByteArray storyDragData(Id interviewId, Id fromJobId);
// Reads "interviewId fromJobId" from a dragged card's data; false when it is not a card.
bool readStoryDrag(const QByteArray &data, Id *interviewId, Id *fromJobId);

} // namespace jtbd::app
