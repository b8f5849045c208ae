// The story x force-group matrix on screen: stories as rows, force groups as columns under
// labels turned upright and coloured by force, a mark per cell (filled: a tagged quote shows the
// group; a diamond: marked by the researcher; struck and hollow: marked as not shown), a legend,
// and a click or Space on a cell to change the researcher's mark.
#pragma once

#include <jtbd/synthesis.h>

#include <QHeaderView>
#include <QTableView>
#include <QWidget>

#include <utility>

class QLabel;
class QStackedWidget;

namespace jtbd::app {

class StoryMatrixModel;
class StudyDocument;

// Draws one cell's mark centred in `rect` in the force's colour: the table and its legend share it.
void paintMatrixCell(QPainter &painter,
                     const QRectF &rect,
                     StoryMatrix::Cell cell,
                     const QColor &color);

// Column headers with the labels upright (read bottom to top), on a band in the force's colour.
class GroupHeaderView final : public QHeaderView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GroupHeaderView)

public:
    explicit GroupHeaderView(QWidget *parent = nullptr);
    ~GroupHeaderView() override;

    // The longest label drawn in full; longer ones are elided (the tooltip has them whole).
    static constexpr int kMaxLabelLength = 230;

protected:
    void paintSection(QPainter *painter, const QRect &rect, int logicalIndex) const override;
    QSize sectionSizeFromContents(int logicalIndex) const override;
};

// The table: toggles a cell on a click or Space.
class StoryMatrixTable final : public QTableView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StoryMatrixTable)

public:
    explicit StoryMatrixTable(QWidget *parent = nullptr);
    ~StoryMatrixTable() override;

    // The whole table: headers and every cell, so that it takes no more room than it needs
    // (QAbstractScrollArea's own adjustment counts scroll bars that were only there before).
    QSize sizeHint() const override;

Q_SIGNALS:
    void toggleRequested(const QModelIndex &index);

protected:
    void keyPressEvent(QKeyEvent *event) override;
};

class StoryMatrixView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StoryMatrixView)

public:
    explicit StoryMatrixView(StudyDocument *document, QWidget *parent = nullptr);
    ~StoryMatrixView() override;

    StoryMatrixModel *model() const { return m_model; }

    StoryMatrixTable *table() const { return m_table; }

    // Changes the mark of the cell (as a click on it does).
    bool toggle(Id interviewId, Id groupId);

Q_SIGNALS:
    // A column's header was double-clicked: show that group.
    void groupActivated(jtbd::Id groupId);

private:
    void onToggleRequested(const QModelIndex &index);
    void updateState();

    StoryMatrixModel *m_model;
    QStackedWidget *m_stack; // the table, or a hint when there are no groups
    StoryMatrixTable *m_table;
    QLabel *m_summary;
    QLabel *m_empty;
    std::pair<Id, Id> m_current; // the current cell's story and group across a reload
};

} // namespace jtbd::app
