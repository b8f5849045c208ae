// The force groups of one force as a tree: each group (label, pin, members) with its quotes, and
// last "Ungrouped" with the force's quotes that are in none of its groups. Group labels are edited
// in place and quotes are moved between groups by drag and drop, each as an undoable command.
#pragma once

#include <jtbd/model.h>

#include <QAbstractItemModel>
#include <QString>

#include <app/commands/force_group_commands.h>
#include <app/models/deferred_reload.h>
#include <unordered_map>
#include <vector>

namespace jtbd::app {

class StudyDocument;
struct Change;

// Each interview's story as the synthesis views name it: "P01 · Maya" (participant code and
// pseudonym), or the interview's title when no participant is linked.
std::unordered_map<Id, QString> storyNames(const Study &study);

class ForceGroupModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ForceGroupModel)

public:
    enum class ItemKind {
        Group,
        Ungrouped,
        Quote
    };

    enum Role {
        KindRole = Qt::UserRole + 1, // ItemKind as int
        GroupIdRole,                 // the group; for a quote the group it is in; 0: ungrouped
        HighlightIdRole,             // a quote's highlight; 0 for a group row
        InterviewIdRole,             // a quote's interview
        PinnedRole,                  // a group's pin
        RenamedRole, // a group whose label is the researcher's, not the engine's suggestion
        SuggestedLabelRole,
        CountRole,       // how many quotes a group (or "Ungrouped") holds
        ParticipantRole, // a quote's story: "P01 · Maya"
        PlacedRole,      // a quote the researcher put in its group by hand
        ForceColorRole,  // the force's colour (QColor)
    };

    // The MIME type of dragged quotes: "highlightId:groupId" pairs.
    static constexpr const char *kMimeType = "application/x-jtbd-force-quotes";

    explicit ForceGroupModel(StudyDocument *document, QObject *parent = nullptr);
    ~ForceGroupModel() override;

    // Shows the groups of `force` (read now).
    void setForce(Force force);

    Force force() const { return m_force; }

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // Renaming a group in place: applies a rename command.
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    // Dragging quotes onto a group, one of its quotes, or "Ungrouped" moves them there.
    Qt::DropActions supportedDragActions() const override;
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

    // The groups of the force as stored at the last reload, by id.
    const std::vector<ForceGroup> &groups() const { return m_groups; }

    const ForceGroup *group(Id groupId) const;
    QModelIndex groupIndex(Id groupId) const;
    QModelIndex ungroupedIndex() const;
    // The row of a quote in a group (0: among the ungrouped); invalid when it is not there.
    QModelIndex quoteIndex(Id groupId, Id highlightId) const;
    // The quote at `index` (invalid when it is no quote row).
    GroupedQuote quote(const QModelIndex &index) const;

    // Every quote of the force (grouped and not).
    int quoteCount() const { return m_quoteCount; }

    // Reads the study again now (done by itself after a change, once the event loop runs).
    void reload();

    // While the groups are not on screen a change is not read at once (each tag would read every
    // quote of the force); it is read when they are shown again.
    void setActive(bool active);

private:
    struct Quote
    {
        Id highlightId = 0;
        Id interviewId = 0;
        QString text;
        QString participant;
        bool placed = false;
    };

    // A top-level row: a group, or the ungrouped quotes (group.id 0).
    struct Row
    {
        ForceGroup group;
        std::vector<Quote> quotes;
    };

    void onChanged(const Change &change);
    const Row *rowOf(const QModelIndex &index) const;
    const Quote *quoteOf(const QModelIndex &index) const;
    // The group a drop on `parent` goes to: a group id, 0 for "Ungrouped", -1 for no group.
    Id dropTarget(const QModelIndex &parent) const;
    std::vector<GroupedQuote> dragged(const QMimeData *data) const;

    StudyDocument *m_document;
    Force m_force = Force::Push;
    std::vector<ForceGroup> m_groups;
    std::vector<Row> m_rows; // the groups by id, then the ungrouped quotes
    int m_quoteCount = 0;
    DeferredReload *m_reloads;
};

} // namespace jtbd::app
