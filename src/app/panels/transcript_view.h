// The read-only transcript text of the coding panel, with a speaker gutter, highlight colours and a
// code margin. Positions are UTF-16 positions in the interview text (the document holds exactly
// that text: one block per line of a turn, headers are painted, never inserted).
#pragma once

#include <jtbd/model.h>

#include <QColor>
#include <QTextEdit>
#include <QTextLayout>

#include <unordered_map>
#include <vector>

namespace jtbd::app {

class TranscriptView final : public QTextEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TranscriptView)

public:
    // A highlight as drawn: its range in the document and its codes' colours and names.
    struct Mark
    {
        Id id = 0;
        qsizetype start = 0;
        qsizetype end = 0;
        std::vector<QColor> colors; // one per code, in codebook order
        QStringList names;
    };

    struct Match
    {
        qsizetype start = 0;
        qsizetype end = 0;
    };

    explicit TranscriptView(QWidget *parent = nullptr);
    ~TranscriptView() override;

    // Replaces the text: the turns' texts joined by "\n", speaker and time in the gutter.
    void setTurns(const std::vector<Turn> &turns);
    void clearTurns();

    const QString &text() const { return m_text; }

    // The highlights to draw, sorted by start. Only the blocks whose colours change are redrawn.
    void setMarks(std::vector<Mark> marks);

    const std::vector<Mark> &marks() const { return m_marks; }

    void setCurrentMark(Id id);

    Id currentMark() const { return m_current; }

    void setMatches(std::vector<Match> matches, int current);

    // Selects [start, end) and scrolls it into the middle of the view when it is not visible.
    void selectRange(qsizetype start, qsizetype end);

    // The rectangles of the code margin's labels from the last paint, for tests and tooltips.
    struct MarginItem
    {
        Id id = 0;
        QRect rect; // in the margin's coordinates
    };

    const std::vector<MarginItem> &marginItems() const { return m_marginItems; }

    QWidget *codeMargin() const { return m_margin; }

    QWidget *speakerGutter() const { return m_gutter; }

Q_SIGNALS:
    void markClicked(jtbd::Id id);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    friend class TranscriptGutter;
    friend class TranscriptMargin;

    struct TurnHeader
    {
        int firstBlock = 0;
        QString speaker;
        QString time;
        SpeakerRole role = SpeakerRole::Unknown;
    };

    void placeMargins();
    void connectLayout();
    void refreshFormats();
    QList<QTextLayout::FormatRange> formatsFor(const QTextBlock &block) const;
    void paintGutter(QPainter &painter, const QRect &rect);
    void paintMargin(QPainter &painter, const QRect &rect);
    void marginClicked(const QPoint &pos);
    // The vertical extent of [start, end) in viewport coordinates.
    std::pair<int, int> verticalSpan(qsizetype start, qsizetype end) const;
    std::pair<int, int> visibleBlocks() const;

    QString m_text;
    std::vector<TurnHeader> m_headers; // by firstBlock
    std::vector<Mark> m_marks;
    std::vector<Match> m_matches;
    int m_currentMatch = -1;
    Id m_current = 0;
    std::unordered_map<int, QList<QTextLayout::FormatRange>> m_applied; // block -> its formats
    std::vector<MarginItem> m_marginItems;
    QWidget *m_gutter;
    QWidget *m_margin;
};

} // namespace jtbd::app
