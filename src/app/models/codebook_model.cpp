// The codebook tree.
#include "codebook_model.h"

#include <jtbd/study.h>

#include <QColor>
#include <QFont>
#include <QHash>
#include <QIODevice>
#include <QIcon>
#include <QKeySequence>
#include <QMimeData>
#include <QPainter>
#include <QPixmap>
#include <QUndoStack>

#include <app/commands/code_commands.h>
#include <app/logging.h>
#include <app/study_document.h>
#include <set>

namespace jtbd::app {

namespace {

constexpr int kGroupCount = static_cast<int>(CodeKind::Custom) + 1;
// Usage is counted again this long after the last highlight edit, so tagging a run of passages
// costs one count, not one per passage.
constexpr int kUsageDelayMs = 150;

QString groupName(CodeKind kind)
{
    switch (kind) {
    case CodeKind::Force:
        return CodebookModel::tr("Forces");
    case CodeKind::Phase:
        return CodebookModel::tr("Timeline phases");
    case CodeKind::Event:
        return CodebookModel::tr("Events");
    case CodeKind::Dimension:
        return CodebookModel::tr("Dimensions");
    case CodeKind::Criterion:
        return CodebookModel::tr("Hire and fire criteria");
    case CodeKind::Concept:
        return CodebookModel::tr("Concepts");
    case CodeKind::Custom:
        return CodebookModel::tr("Custom codes");
    }
    return {};
}

QString groupToolTip(CodeKind kind)
{
    switch (kind) {
    case CodeKind::Force:
        return CodebookModel::tr("The four forces of progress: F1 Push and F2 Pull toward the "
                                 "switch, F3 Anxiety and F4 Habit against it.");
    case CodeKind::Phase:
        return CodebookModel::tr("The six phases of the switch timeline.");
    case CodeKind::Event:
        return CodebookModel::tr("The points in time between the phases.");
    case CodeKind::Dimension:
        return CodebookModel::tr("The functional, emotional and social sides of a job.");
    case CodeKind::Criterion:
        return CodebookModel::tr("Why they hired the new way, and what would make them fire it.");
    case CodeKind::Concept:
        return CodebookModel::tr("Other ideas of the method worth tagging.");
    case CodeKind::Custom:
        return CodebookModel::tr("Your own codes. Drop a code here to move it to the top.");
    }
    return {};
}

QColor codeColor(const Code &code)
{
    if (code.color.empty())
        return {};
    return QColor(toQString(code.color));
}

} // namespace

QIcon CodebookModel::swatch(const QColor &color) const
{
    const QRgb key = color.isValid() ? color.rgb() : 0;
    auto it = m_swatches.constFind(key);
    if (it != m_swatches.constEnd())
        return *it;
    QIcon icon;
    for (int size : {12, 16, 24}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        const qreal inset = size / 8.0;
        const QRectF box(inset, inset, size - 2 * inset, size - 2 * inset);
        if (color.isValid()) {
            painter.setPen(QPen(color.darker(130), 1));
            painter.setBrush(color);
        } else {
            painter.setPen(QPen(QColor(0x99, 0x99, 0x99), 1, Qt::DashLine));
            painter.setBrush(Qt::NoBrush);
        }
        painter.drawRoundedRect(box.adjusted(0.5, 0.5, -0.5, -0.5), 2, 2);
        painter.end();
        // The same pixmap when selected: a tinted swatch would show a colour the code does not
        // have.
        icon.addPixmap(pixmap, QIcon::Normal);
        icon.addPixmap(pixmap, QIcon::Selected);
    }
    m_swatches.insert(key, icon);
    return icon;
}

CodebookModel::CodebookModel(StudyDocument *document, QObject *parent)
    : QAbstractItemModel(parent)
    , m_document(document)
{
    m_usageTimer.setSingleShot(true);
    m_usageTimer.setInterval(kUsageDelayMs);
    connect(&m_usageTimer, &QTimer::timeout, this, [this] {
        if (m_usageLive)
            refreshUsage();
        else
            m_usageStale = true;
    });
    connect(document, &StudyDocument::changed, this, &CodebookModel::onChanged);
    reload();
}

CodebookModel::~CodebookModel() = default;

void CodebookModel::setUsageLive(bool live)
{
    m_usageLive = live;
    if (live && m_usageStale) {
        m_usageStale = false;
        refreshUsage();
    }
}

void CodebookModel::onChanged(const Change &change)
{
    switch (change.kind) {
    case Change::Kind::Codes:
    case Change::Kind::Everything:
        reload();
        break;
    case Change::Kind::Highlights:
    case Change::Kind::Interviews: // a deleted interview takes its highlights along
        m_usageTimer.start();
        break;
    default:
        break;
    }
}

void CodebookModel::build(std::vector<Code> codes, std::vector<Node> &nodes) const
{
    nodes.clear();
    nodes.reserve(codes.size() + kGroupCount);
    for (int g = 0; g < kGroupCount; ++g) {
        Node group;
        group.group = true;
        group.kind = static_cast<CodeKind>(g);
        group.row = g;
        nodes.push_back(std::move(group));
    }
    std::unordered_map<Id, std::vector<std::size_t>> childrenOf; // parent id -> positions in codes
    std::set<Id> ids;
    for (const auto &code : codes)
        ids.insert(code.id);
    for (std::size_t i = 0; i < codes.size(); ++i) {
        if (codes[i].parentId && ids.count(*codes[i].parentId))
            childrenOf[*codes[i].parentId].push_back(i);
    }
    std::vector<bool> placed(codes.size(), false);
    // Depth first, so that a code's node always comes after its parent's.
    auto place = [&](auto &&self, std::size_t i, int parentNode) -> void {
        if (placed[i])
            return;
        placed[i] = true;
        Node node;
        node.parent = parentNode;
        node.row = static_cast<int>(nodes[parentNode].children.size());
        node.code = codes[i];
        const int index = static_cast<int>(nodes.size());
        nodes.push_back(std::move(node));
        nodes[parentNode].children.push_back(index);
        auto it = childrenOf.find(codes[i].id);
        if (it == childrenOf.end())
            return;
        for (std::size_t child : it->second)
            self(self, child, index);
    };
    const int customGroup = static_cast<int>(CodeKind::Custom);
    for (std::size_t i = 0; i < codes.size(); ++i) {
        if (codes[i].builtin && codes[i].kind != CodeKind::Custom)
            place(place, i, static_cast<int>(codes[i].kind));
    }
    for (std::size_t i = 0; i < codes.size(); ++i) {
        const bool root = !codes[i].parentId || !ids.count(*codes[i].parentId);
        if (root)
            place(place, i, customGroup);
    }
    // Whatever is left sits in a loop of parent links: show it rather than lose it.
    for (std::size_t i = 0; i < codes.size(); ++i) {
        if (!placed[i]) {
            qCWarning(lcApp) << "code" << codes[i].id << "is nested in a loop of parents";
            place(place, i, customGroup);
        }
    }
}

bool CodebookModel::sameShape(const std::vector<Node> &nodes) const
{
    if (nodes.size() != m_nodes.size())
        return false;
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const auto &a = nodes[i];
        const auto &b = m_nodes[i];
        if (a.group != b.group || a.parent != b.parent || a.row != b.row || a.code.id != b.code.id
            || a.children.size() != b.children.size())
            return false;
    }
    return true;
}

void CodebookModel::reload()
{
    m_usageTimer.stop();
    const Study &study = m_document->study();
    auto codes = study.codes();
    if (!codes) {
        qCWarning(lcApp) << "cannot read the codebook:" << toQString(codes.error().message);
        codes = std::vector<Code>{};
    }
    std::vector<Node> nodes;
    build(std::move(*codes), nodes);
    for (auto &node : nodes) {
        if (node.group)
            continue;
        auto usage = study.codeUsage(node.code.id);
        node.usage = usage ? *usage : 0;
    }
    if (!m_nodes.empty() && sameShape(nodes)) {
        // Same codes in the same places: tell the views what changed and keep their state.
        std::vector<int> changed;
        for (std::size_t i = 0; i < nodes.size(); ++i) {
            if (nodes[i].code != m_nodes[i].code || nodes[i].usage != m_nodes[i].usage)
                changed.push_back(static_cast<int>(i));
        }
        m_nodes = std::move(nodes);
        for (int i : changed)
            Q_EMIT dataChanged(indexOfNode(i, 0), indexOfNode(i, ColumnCount - 1));
        return;
    }
    beginResetModel();
    m_nodes = std::move(nodes);
    m_roots.clear();
    m_byId.clear();
    for (int i = 0; i < static_cast<int>(m_nodes.size()); ++i) {
        if (m_nodes[i].group)
            m_roots.push_back(i);
        else
            m_byId.emplace(m_nodes[i].code.id, i);
    }
    endResetModel();
}

void CodebookModel::refreshUsage()
{
    m_usageTimer.stop();
    const Study &study = m_document->study();
    for (int i = 0; i < static_cast<int>(m_nodes.size()); ++i) {
        auto &node = m_nodes[i];
        if (node.group)
            continue;
        auto usage = study.codeUsage(node.code.id);
        if (!usage) {
            // The code went away; the Codes notification that follows reloads the tree.
            continue;
        }
        if (*usage != node.usage) {
            node.usage = *usage;
            const QModelIndex cell = indexOfNode(i, UsageColumn);
            Q_EMIT dataChanged(cell, cell);
        }
    }
}

QModelIndex CodebookModel::indexOfNode(int node, int column) const
{
    if (node < 0 || node >= static_cast<int>(m_nodes.size()))
        return {};
    return createIndex(m_nodes[node].row, column, quintptr(node + 1));
}

const CodebookModel::Node *CodebookModel::node(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    const auto i = static_cast<std::size_t>(index.internalId() - 1);
    return i < m_nodes.size() ? &m_nodes[i] : nullptr;
}

QModelIndex CodebookModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid()) {
        if (row >= static_cast<int>(m_roots.size()))
            return {};
        return indexOfNode(m_roots[row], column);
    }
    if (parent.column() != 0)
        return {};
    const Node *p = node(parent);
    if (!p || row >= static_cast<int>(p->children.size()))
        return {};
    return indexOfNode(p->children[row], column);
}

QModelIndex CodebookModel::parent(const QModelIndex &child) const
{
    const Node *n = node(child);
    if (!n || n->parent < 0)
        return {};
    return indexOfNode(n->parent, 0);
}

int CodebookModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return static_cast<int>(m_roots.size());
    if (parent.column() != 0)
        return 0;
    const Node *n = node(parent);
    return n ? static_cast<int>(n->children.size()) : 0;
}

int CodebookModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant CodebookModel::data(const QModelIndex &index, int role) const
{
    const Node *n = node(index);
    if (!n)
        return {};
    if (n->group) {
        switch (role) {
        case Qt::DisplayRole:
            return index.column() == NameColumn ? groupName(n->kind) : QVariant();
        case Qt::ToolTipRole:
            return groupToolTip(n->kind);
        case Qt::FontRole: {
            QFont font;
            font.setBold(true);
            return font;
        }
        case IdRole:
            return QVariant::fromValue<qint64>(0);
        case KindRole:
            return static_cast<int>(n->kind);
        case BuiltinRole:
            return n->kind != CodeKind::Custom;
        case GroupRole:
            return true;
        default:
            return {};
        }
    }
    const Code &code = n->code;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case NameColumn:
            return toQString(code.name);
        case ShortcutColumn:
            return QKeySequence::fromString(toQString(code.shortcut), QKeySequence::PortableText)
                .toString(QKeySequence::NativeText);
        case UsageColumn:
            return QVariant::fromValue<qint64>(n->usage);
        }
        return {};
    case Qt::EditRole:
        return index.column() == NameColumn ? QVariant(toQString(code.name)) : QVariant();
    case Qt::DecorationRole:
        return index.column() == NameColumn ? QVariant(swatch(codeColor(code))) : QVariant();
    case Qt::ToolTipRole: {
        QString tip = toQString(code.name);
        if (!code.description.empty())
            tip += QStringLiteral("\n") + toQString(code.description);
        return tip;
    }
    case Qt::TextAlignmentRole:
        if (index.column() == UsageColumn)
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ForegroundRole:
        if (index.column() == UsageColumn && n->usage == 0)
            return QColor(0x99, 0x99, 0x99);
        return {};
    case IdRole:
        return QVariant::fromValue<qint64>(code.id);
    case KindRole:
        return static_cast<int>(code.kind);
    case BuiltinRole:
        return code.builtin;
    case GroupRole:
        return false;
    case KeyRole:
        return toQString(code.key);
    case ColorRole:
        return codeColor(code);
    case UsageRole:
        return QVariant::fromValue<qint64>(n->usage);
    case DescriptionRole:
        return toQString(code.description);
    case ShortcutRole:
        return toQString(code.shortcut);
    default:
        return {};
    }
}

QVariant CodebookModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::DisplayRole) {
        switch (section) {
        case NameColumn:
            return tr("Code");
        case ShortcutColumn:
            return tr("Key");
        case UsageColumn:
            return tr("Used");
        }
    }
    if (role == Qt::ToolTipRole && section == UsageColumn)
        return tr("How many highlights carry the code itself");
    if (role == Qt::TextAlignmentRole && section == UsageColumn)
        return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

Qt::ItemFlags CodebookModel::flags(const QModelIndex &index) const
{
    const Node *n = node(index);
    if (!n)
        return Qt::NoItemFlags;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (n->group) {
        if (n->kind == CodeKind::Custom)
            flags |= Qt::ItemIsDropEnabled;
        return flags;
    }
    flags |= Qt::ItemIsDropEnabled;
    if (!n->code.builtin) {
        flags |= Qt::ItemIsDragEnabled;
        if (index.column() == NameColumn)
            flags |= Qt::ItemIsEditable;
    }
    return flags;
}

bool CodebookModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    const Node *n = node(index);
    if (!n || n->group || role != Qt::EditRole || index.column() != NameColumn)
        return false;
    const Id id = n->code.id;
    if (value.toString().trimmed() == toQString(n->code.name))
        return false;
    return applyCommand(*m_document,
                        tr("Rename code"),
                        renameCodeCommand(m_document->study(), id, value.toString()));
}

Qt::DropActions CodebookModel::supportedDragActions() const
{
    return Qt::MoveAction;
}

Qt::DropActions CodebookModel::supportedDropActions() const
{
    return Qt::MoveAction;
}

QStringList CodebookModel::mimeTypes() const
{
    return {QString::fromLatin1(kMimeType)};
}

QMimeData *CodebookModel::mimeData(const QModelIndexList &indexes) const
{
    std::vector<Id> ids;
    for (const auto &index : indexes) {
        const Node *n = node(index);
        if (!n || n->group || n->code.builtin)
            continue;
        if (std::find(ids.begin(), ids.end(), n->code.id) == ids.end())
            ids.push_back(n->code.id);
    }
    if (ids.empty())
        return nullptr;
    QByteArray bytes;
    for (Id id : ids) {
        if (!bytes.isEmpty())
            bytes += ',';
        bytes += QByteArray::number(id);
    }
    auto *mime = new QMimeData;
    mime->setData(QString::fromLatin1(kMimeType), bytes);
    return mime;
}

std::vector<Id> CodebookModel::draggedIds(const QMimeData *data) const
{
    std::vector<Id> ids;
    if (!data || !data->hasFormat(QString::fromLatin1(kMimeType)))
        return ids;
    for (const auto &part : data->data(QString::fromLatin1(kMimeType)).split(',')) {
        bool ok = false;
        const Id id = part.toLongLong(&ok);
        if (ok)
            ids.push_back(id);
    }
    return ids;
}

std::optional<std::optional<Id>> CodebookModel::dropParent(const QModelIndex &parent) const
{
    const Node *n = node(parent);
    if (!n)
        return std::nullopt;
    if (n->group) {
        if (n->kind == CodeKind::Custom)
            return std::optional<Id>();
        return std::nullopt;
    }
    return std::optional<Id>(n->code.id);
}

bool CodebookModel::canDropMimeData(
    const QMimeData *data, Qt::DropAction action, int, int, const QModelIndex &parent) const
{
    if (action != Qt::MoveAction)
        return false;
    const auto target = dropParent(parent);
    const auto ids = draggedIds(data);
    if (!target || ids.empty())
        return false;
    for (Id id : ids) {
        const Code *c = code(id);
        if (!c || c->builtin)
            return false;
        if (*target) {
            if (**target == id)
                return false;
            const auto below = descendants(id);
            if (std::find(below.begin(), below.end(), **target) != below.end())
                return false;
        }
    }
    return true;
}

bool CodebookModel::dropMimeData(
    const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    const auto target = *dropParent(parent);
    const auto ids = draggedIds(data);
    auto *stack = m_document->undoStack();
    const bool macro = ids.size() > 1;
    if (macro)
        stack->beginMacro(tr("Move %n codes", nullptr, static_cast<int>(ids.size())));
    bool ok = true;
    for (Id id : ids) {
        ok = applyCommand(
                 *m_document, tr("Move code"), nestCodeCommand(m_document->study(), id, target))
             && ok;
    }
    if (macro)
        stack->endMacro();
    return ok;
}

const Code *CodebookModel::code(const QModelIndex &index) const
{
    const Node *n = node(index);
    return n && !n->group ? &n->code : nullptr;
}

const Code *CodebookModel::code(Id id) const
{
    auto it = m_byId.find(id);
    return it == m_byId.end() ? nullptr : &m_nodes[it->second].code;
}

std::int64_t CodebookModel::usage(Id id) const
{
    auto it = m_byId.find(id);
    return it == m_byId.end() ? 0 : m_nodes[it->second].usage;
}

QModelIndex CodebookModel::indexOf(Id id) const
{
    auto it = m_byId.find(id);
    return it == m_byId.end() ? QModelIndex() : indexOfNode(it->second, 0);
}

QModelIndex CodebookModel::groupIndex(CodeKind kind) const
{
    return indexOfNode(static_cast<int>(kind), 0);
}

QString CodebookModel::path(Id id) const
{
    auto it = m_byId.find(id);
    if (it == m_byId.end())
        return {};
    QStringList parts;
    for (int i = it->second; i >= 0 && !m_nodes[i].group; i = m_nodes[i].parent)
        parts.prepend(toQString(m_nodes[i].code.name));
    return parts.join(QStringLiteral(" › "));
}

std::vector<Id> CodebookModel::descendants(Id id) const
{
    std::vector<Id> out;
    auto it = m_byId.find(id);
    if (it == m_byId.end())
        return out;
    std::vector<int> stack(m_nodes[it->second].children.begin(),
                           m_nodes[it->second].children.end());
    while (!stack.empty()) {
        const int i = stack.back();
        stack.pop_back();
        out.push_back(m_nodes[i].code.id);
        stack.insert(stack.end(), m_nodes[i].children.begin(), m_nodes[i].children.end());
    }
    return out;
}

} // namespace jtbd::app
