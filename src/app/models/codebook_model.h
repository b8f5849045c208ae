// The codebook as a tree: the method's codes in their groups (forces, phases, events, dimensions,
// criteria, concepts), custom codes nested by parent, with colour, shortcut and usage.
#pragma once

#include <jtbd/model.h>

#include <QAbstractItemModel>
#include <QHash>
#include <QIcon>
#include <QTimer>

#include <optional>
#include <unordered_map>
#include <vector>

namespace jtbd::app {

class StudyDocument;
struct Change;

class CodebookModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CodebookModel)

public:
    // While the codebook is not on screen its usage counts are not recounted after every tag
    // (one query per code); they are recounted once it is shown again.
    void setUsageLive(bool live);

    enum Column {
        NameColumn,
        ShortcutColumn,
        UsageColumn,
        ColumnCount
    };

    enum Role {
        IdRole = Qt::UserRole + 1, // the code's id; 0 for a group
        KindRole,                  // the CodeKind (as int); a group's is the kind it holds
        BuiltinRole,               // true for the method's codes and their groups
        GroupRole,                 // true for a group row
        KeyRole,                   // the code's key
        ColorRole,                 // the code's colour as a QColor (invalid when it has none)
        UsageRole,                 // how many highlights carry the code (qint64)
        DescriptionRole,
        ShortcutRole,
    };

    // The MIME type of dragged codes: their ids.
    static constexpr const char *kMimeType = "application/x-jtbd-code-ids";

    explicit CodebookModel(StudyDocument *document, QObject *parent = nullptr);
    ~CodebookModel() override;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    // Renaming a custom code in place: applies a rename command.
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;

    // Dragging custom codes onto a code (or onto "Custom codes") nests them there.
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

    // The code as stored at the last reload; nullptr for a group or an invalid index.
    const Code *code(const QModelIndex &index) const;
    const Code *code(Id id) const;
    std::int64_t usage(Id id) const;
    // The row of a code (column 0); invalid when there is none.
    QModelIndex indexOf(Id id) const;
    // The group that holds the method's codes of `kind`, or the custom codes.
    QModelIndex groupIndex(CodeKind kind) const;
    // "Push › Pricing › Annual plans": the code's place in the tree.
    QString path(Id id) const;
    // Every code nested under `id`, at any depth.
    std::vector<Id> descendants(Id id) const;

    void reload();
    // Counts each code's highlights again (done by itself, shortly after highlights change).
    void refreshUsage();

private:
    struct Node
    {
        int parent = -1; // index into m_nodes; -1 for a group
        int row = 0;
        std::vector<int> children;
        bool group = false;
        CodeKind kind = CodeKind::Custom; // a group's kind
        Code code;                        // empty for a group
        std::int64_t usage = 0;
    };

    void onChanged(const Change &change);
    void build(std::vector<Code> codes, std::vector<Node> &nodes) const;
    bool sameShape(const std::vector<Node> &nodes) const;
    QModelIndex indexOfNode(int node, int column) const;
    QIcon swatch(const QColor &color) const;
    const Node *node(const QModelIndex &index) const;
    std::vector<Id> draggedIds(const QMimeData *data) const;
    std::optional<std::optional<Id>> dropParent(const QModelIndex &parent) const;

    StudyDocument *m_document;
    std::vector<Node> m_nodes; // the groups first, in CodeKind order; then codes, parents first
    std::vector<int> m_roots;
    std::unordered_map<Id, int> m_byId;
    QTimer m_usageTimer;
    bool m_usageLive = true;
    bool m_usageStale = false;             // a recount was skipped while not live
    mutable QHash<QRgb, QIcon> m_swatches; // by colour
};

} // namespace jtbd::app
