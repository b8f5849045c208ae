// The story x force-group matrix as a table: stories (interviews) as rows, force groups as
// columns (by force, then id), each cell Empty, Quoted, Marked or MarkedAbsent
// (jtbd::storyMatrix). Toggling a cell changes the researcher's mark as an undoable command.
#pragma once

#include <jtbd/synthesis.h>

#include <QAbstractTableModel>
#include <QString>

#include <app/models/deferred_reload.h>
#include <vector>

namespace jtbd::app {

class StudyDocument;
struct Change;

class StoryMatrixModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StoryMatrixModel)

public:
    enum Role {
        CellRole = Qt::UserRole + 1, // StoryMatrix::Cell as int (cells only)
        InterviewIdRole,             // the row's story (cells and vertical headers)
        GroupIdRole,                 // the column's group (cells and horizontal headers)
        ForceRole,                   // the column's force as int
        ForceColorRole,              // the column's force colour (QColor)
        ShowsRole,                   // true when the cell counts as showing the group
    };

    explicit StoryMatrixModel(StudyDocument *document, QObject *parent = nullptr);
    ~StoryMatrixModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant
    headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    const StoryMatrix &matrix() const { return m_matrix; }

    QModelIndex cellIndex(Id interviewId, Id groupId) const;

    // Moves the cell's researcher's mark on: Quoted → marked absent → back to Quoted, Empty →
    // marked → back to Empty. False when the edit was refused (the document reports why).
    bool toggle(const QModelIndex &index);

    // Reads the study again now (done by itself after a change, once the event loop runs).
    void reload();

    // While the matrix is not on screen a change is not read at once; it is read when the matrix
    // is shown again.
    void setActive(bool active);

private:
    struct Column
    {
        Id id = 0;
        Force force = Force::Push;
        QString label;
        QString suggestedLabel;
        bool pinned = false;
        int quotes = 0;
    };

    void onChanged(const Change &change);
    QString cellText(StoryMatrix::Cell cell) const;
    int showing(int column) const; // how many stories show the column's group

    StudyDocument *m_document;
    StoryMatrix m_matrix;
    std::vector<Column> m_columns;
    std::vector<QString> m_stories;
    DeferredReload *m_reloads;
};

} // namespace jtbd::app
