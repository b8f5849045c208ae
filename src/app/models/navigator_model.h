// The study navigator's tree: participants, interviews (with their status) and jobs.
#pragma once

#include <jtbd/model.h>

#include <QAbstractItemModel>

class QTimer;

#include <array>
#include <vector>

namespace jtbd::app {

class StudyDocument;
struct Change;

class NavigatorModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NavigatorModel)

public:
    enum class Group {
        Participants,
        Interviews,
        Jobs
    };

    enum Role {
        IdRole = Qt::UserRole + 1, // the participant, interview or job id; 0 for a group
        GroupRole,                 // the Group (as int) an item belongs to
    };

    // Rows are handed to views this many at a time (canFetchMore/fetchMore), so a study with
    // thousands of interviews opens without building thousands of view items.
    static constexpr int kBatchSize = 200;

    explicit NavigatorModel(StudyDocument *document, QObject *parent = nullptr);
    ~NavigatorModel() override;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

    QModelIndex groupIndex(Group group) const;
    static QString statusName(InterviewStatus status); // "planned", "conducted"…
    // The item of a record, fetching rows as needed; invalid when there is none.
    QModelIndex find(Group group, Id id);

    void reload();

private:
    struct Item
    {
        Id id = 0;
        QString text;
        QString toolTip;
        QString status; // interviews: the status shown after the title
    };

    struct GroupData
    {
        std::vector<Item> items; // everything the study holds
        int fetched = 0;         // how many the views have been given
    };

    void onChanged(const Change &change);

    GroupData &groupData(Group group) { return m_groups[static_cast<std::size_t>(group)]; }

    const GroupData &groupData(Group group) const
    {
        return m_groups[static_cast<std::size_t>(group)];
    }

    StudyDocument *m_document;
    QTimer *m_countsTimer;
    std::array<GroupData, 3> m_groups;
};

} // namespace jtbd::app
