// An interview guide as a tree: its sections (by timeline phase or event) with their questions
// under them. Optionally shows which questions an interview has covered. Rows can be dragged to
// reorder; the model only asks for the move (moveRequested), the panel makes it an undoable edit.
#pragma once

#include <jtbd/model.h>

#include <QAbstractItemModel>
#include <QIcon>

#include <optional>
#include <set>

namespace jtbd::app {

class GuideModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuideModel)

public:
    enum Column {
        TitleColumn,  // section title or question text
        PhaseColumn,  // the section's phase or event
        MinutesColumn // the section's planned minutes
    };

    enum Role {
        IdRole = Qt::UserRole + 1, // the section's or question's id
        IsSectionRole,             // true for a section row
        CoveredRole,               // questions: covered in the interview shown
    };

    explicit GuideModel(QObject *parent = nullptr);

    // Replaces what is shown. Keeps nothing of the previous guide (views restore their selection
    // by id).
    void setGuide(const Guide &guide);

    const Guide &guide() const { return m_guide; }

    // The questions to show with a tick; `show` false hides ticks and circles altogether.
    void setCoverage(const std::set<Id> &coveredQuestionIds, bool show);

    bool isCovered(Id questionId) const { return m_covered.contains(questionId); }

    // Read-only guides (the built-in one) accept no drops.
    void setReadOnly(bool readOnly) { m_readOnly = readOnly; }

    QModelIndex sectionIndex(Id sectionId, int column = 0) const;
    QModelIndex questionIndex(Id questionId, int column = 0) const;
    // The section a row is, or the section a question row sits in.
    const GuideSection *sectionAt(const QModelIndex &index) const;
    // The question a row is; null for a section row.
    const GuideQuestion *questionAt(const QModelIndex &index) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

    Qt::DropActions supportedDropActions() const override;
    QStringList mimeTypes() const override;
    QMimeData *mimeData(const QModelIndexList &indexes) const override;
    bool canDropMimeData(const QMimeData *data,
                         Qt::DropAction action,
                         int row,
                         int column,
                         const QModelIndex &parent) const override;
    bool dropMimeData(const QMimeData *data,
                      Qt::DropAction action,
                      int row,
                      int column,
                      const QModelIndex &parent) override;

    // "Purchase (event)", "Active looking (phase)", "Event 2 (event) · Deciding (phase)", or empty.
    static QString phaseOrEventName(const GuideSection &section);

Q_SIGNALS:
    // A dragged section wants `position` among the sections.
    void sectionMoveRequested(jtbd::Id sectionId, int position);
    // A dragged question wants `position` in `sectionId`.
    void questionMoveRequested(jtbd::Id questionId, jtbd::Id sectionId, int position);

private:
    struct Dragged
    {
        bool section = false;
        Id id = 0;
    };

    std::optional<Dragged> draggedFrom(const QMimeData *data) const;

    Guide m_guide;
    std::set<Id> m_covered;
    bool m_showCoverage = false;
    bool m_readOnly = false;
    QIcon m_tick;
    QIcon m_open;
};

} // namespace jtbd::app
