// The force groups of one force as a tree.
#include "force_group_model.h"

#include <jtbd/study.h>

#include <QColor>
#include <QMimeData>

#include <algorithm>
#include <app/logging.h>
#include <app/study_document.h>
#include <set>
#include <unordered_map>

namespace jtbd::app {

namespace {

constexpr quintptr kTopLevel = 0;

// A quote on one line: line breaks and runs of spaces become one space, so the two lines the
// panel shows are filled with words.
QString flattened(const std::string &quote)
{
    return toQString(quote).simplified();
}

QString groupToolTip(const ForceGroup &group)
{
    QString tip = ForceGroupModel::tr("“%1”").arg(toQString(group.label));
    if (!group.suggestedLabel.empty() && group.suggestedLabel != group.label)
        tip += QStringLiteral("\n")
               + ForceGroupModel::tr("Renamed by you; the synthesis suggested “%1”.")
                     .arg(toQString(group.suggestedLabel));
    else if (group.suggestedLabel.empty())
        tip += QStringLiteral("\n") + ForceGroupModel::tr("Made by you.");
    if (group.pinned)
        tip += QStringLiteral("\n")
               + ForceGroupModel::tr("Pinned: a new run of the synthesis leaves it as it is.");
    if (!group.notes.empty())
        tip += QStringLiteral("\n\n") + toQString(group.notes);
    return tip;
}

} // namespace

std::unordered_map<Id, QString> storyNames(const Study &study)
{
    std::unordered_map<Id, QString> names;
    auto interviews = study.interviews();
    if (!interviews) {
        qCWarning(lcApp) << "cannot read the interviews:" << toQString(interviews.error().message);
        return names;
    }
    std::unordered_map<Id, std::string> pseudonyms;
    if (auto participants = study.participants()) {
        for (const auto &p : *participants)
            pseudonyms.emplace(p.id, p.pseudonym);
    }
    for (const auto &item : *interviews) {
        const auto &interview = item.interview;
        QString name;
        if (!item.participantCode.empty()) {
            name = toQString(item.participantCode);
            const auto it = interview.participantId ? pseudonyms.find(*interview.participantId)
                                                    : pseudonyms.end();
            if (it != pseudonyms.end() && !it->second.empty())
                name += QStringLiteral(" · ") + toQString(it->second);
        } else {
            name = toQString(interview.title);
        }
        names.emplace(interview.id, name);
    }
    return names;
}

ForceGroupModel::ForceGroupModel(StudyDocument *document, QObject *parent)
    : QAbstractItemModel(parent)
    , m_document(document)
    , m_reloads(new DeferredReload(
          [this] {
              reload();
          },
          this))
{
    connect(document, &StudyDocument::changed, this, &ForceGroupModel::onChanged);
    reload();
}

ForceGroupModel::~ForceGroupModel() = default;

void ForceGroupModel::setForce(Force force)
{
    if (force == m_force && !m_rows.empty())
        return;
    m_force = force;
    reload();
}

void ForceGroupModel::setActive(bool active)
{
    m_reloads->setActive(active);
}

void ForceGroupModel::onChanged(const Change &change)
{
    switch (change.kind) {
    case Change::Kind::ForceGroups:
    case Change::Kind::Highlights:   // a quote tagged, retagged or deleted
    case Change::Kind::Participants: // pseudonyms
    case Change::Kind::Interviews:   // a deleted interview takes its quotes along
    case Change::Kind::Codes:        // a code nested under the force, merged or deleted
    case Change::Kind::Jobs:         // a run of the synthesis replaces the groups and the jobs
    case Change::Kind::Everything:
        m_reloads->request();
        break;
    default:
        break;
    }
}

void ForceGroupModel::reload()
{
    m_reloads->reloading();
    const Study &study = m_document->study();

    std::vector<ForceGroup> groups;
    if (auto all = study.forceGroups()) {
        for (auto &group : *all)
            if (group.force == m_force)
                groups.push_back(std::move(group));
    } else {
        qCWarning(lcApp) << "cannot read the force groups:" << toQString(all.error().message);
    }

    // The force's quotes, and any member of a group that no longer carries the force.
    std::unordered_map<Id, Highlight> highlights;
    std::vector<Id> order; // the force's quotes in the order the study lists them
    auto forceCode = study.findCode(key(m_force));
    if (forceCode && *forceCode) {
        if (auto list = study.highlightsInScope(Scope::wholeStudy(), (*forceCode)->id)) {
            for (auto &h : *list) {
                order.push_back(h.id);
                highlights.emplace(h.id, std::move(h));
            }
        } else {
            qCWarning(lcApp) << "cannot read the quotes of" << toQString(key(m_force)) << ":"
                             << toQString(list.error().message);
        }
    }
    for (const auto &group : groups)
        for (Id id : group.highlightIds)
            if (!highlights.count(id))
                if (auto h = study.highlight(id))
                    highlights.emplace(id, std::move(*h));

    const auto names = storyNames(study);
    auto makeQuote = [&](Id id, const ForceGroup *group) {
        Quote quote;
        quote.highlightId = id;
        if (auto it = highlights.find(id); it != highlights.end()) {
            quote.interviewId = it->second.interviewId;
            quote.text = flattened(it->second.quote);
        }
        if (auto it = names.find(quote.interviewId); it != names.end())
            quote.participant = it->second;
        quote.placed = group
                       && std::binary_search(
                           group->placedHighlightIds.begin(), group->placedHighlightIds.end(), id);
        return quote;
    };
    // Within a group, quotes read story by story, in the order each was said.
    auto sortQuotes = [&](std::vector<Quote> &quotes) {
        std::stable_sort(quotes.begin(), quotes.end(), [&](const Quote &a, const Quote &b) {
            if (a.participant != b.participant)
                return a.participant.localeAwareCompare(b.participant) < 0;
            const auto ha = highlights.find(a.highlightId);
            const auto hb = highlights.find(b.highlightId);
            const auto sa = ha == highlights.end() ? 0 : ha->second.start;
            const auto sb = hb == highlights.end() ? 0 : hb->second.start;
            return sa < sb;
        });
    };

    std::vector<Row> rows;
    std::set<Id> grouped;
    for (const auto &group : groups) {
        Row row;
        row.group = group;
        for (Id id : group.highlightIds) {
            if (!highlights.count(id))
                continue; // deleted meanwhile; the next notification reloads
            row.quotes.push_back(makeQuote(id, &group));
            grouped.insert(id);
        }
        sortQuotes(row.quotes);
        rows.push_back(std::move(row));
    }
    Row ungrouped;
    ungrouped.group.force = m_force;
    for (Id id : order)
        if (!grouped.count(id))
            ungrouped.quotes.push_back(makeQuote(id, nullptr));
    sortQuotes(ungrouped.quotes);
    rows.push_back(std::move(ungrouped));

    beginResetModel();
    m_groups = std::move(groups);
    m_rows = std::move(rows);
    m_quoteCount = static_cast<int>(order.size());
    endResetModel();
}

const ForceGroupModel::Row *ForceGroupModel::rowOf(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || index.internalId() != kTopLevel)
        return nullptr;
    if (index.row() < 0 || index.row() >= static_cast<int>(m_rows.size()))
        return nullptr;
    return &m_rows[static_cast<std::size_t>(index.row())];
}

const ForceGroupModel::Quote *ForceGroupModel::quoteOf(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || index.internalId() == kTopLevel)
        return nullptr;
    const auto parentRow = static_cast<std::size_t>(index.internalId() - 1);
    if (parentRow >= m_rows.size())
        return nullptr;
    const auto &quotes = m_rows[parentRow].quotes;
    if (index.row() < 0 || index.row() >= static_cast<int>(quotes.size()))
        return nullptr;
    return &quotes[static_cast<std::size_t>(index.row())];
}

QModelIndex ForceGroupModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column != 0 || row < 0)
        return {};
    if (!parent.isValid()) {
        if (row >= static_cast<int>(m_rows.size()))
            return {};
        return createIndex(row, 0, kTopLevel);
    }
    const Row *owner = rowOf(parent);
    if (!owner || row >= static_cast<int>(owner->quotes.size()))
        return {};
    return createIndex(row, 0, quintptr(parent.row() + 1));
}

QModelIndex ForceGroupModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kTopLevel)
        return {};
    return createIndex(static_cast<int>(child.internalId() - 1), 0, kTopLevel);
}

int ForceGroupModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return static_cast<int>(m_rows.size());
    if (parent.column() != 0)
        return 0;
    const Row *row = rowOf(parent);
    return row ? static_cast<int>(row->quotes.size()) : 0;
}

int ForceGroupModel::columnCount(const QModelIndex &) const
{
    return 1;
}

QVariant ForceGroupModel::data(const QModelIndex &index, int role) const
{
    if (const Row *row = rowOf(index)) {
        const auto &group = row->group;
        const bool ungrouped = group.id == 0;
        switch (role) {
        case Qt::DisplayRole:
            return ungrouped ? tr("Ungrouped") : toQString(group.label);
        case Qt::EditRole:
            return ungrouped ? QVariant() : QVariant(toQString(group.label));
        case Qt::ToolTipRole:
            return ungrouped ? tr("Quotes of this force that are in none of its groups. Drop a "
                                  "quote here to take it out of its group.")
                             : groupToolTip(group);
        case Qt::AccessibleTextRole:
            return ungrouped ? tr("Ungrouped, %n quotes", nullptr, int(row->quotes.size()))
                             : tr("Group %1, %n quotes%2", nullptr, int(row->quotes.size()))
                                   .arg(toQString(group.label),
                                        group.pinned ? tr(", pinned") : QString());
        case KindRole:
            return static_cast<int>(ungrouped ? ItemKind::Ungrouped : ItemKind::Group);
        case GroupIdRole:
            return qlonglong(group.id);
        case HighlightIdRole:
        case InterviewIdRole:
            return qlonglong(0);
        case PinnedRole:
            return group.pinned;
        case RenamedRole:
            return !ungrouped && !group.suggestedLabel.empty()
                   && group.suggestedLabel != group.label;
        case SuggestedLabelRole:
            return toQString(group.suggestedLabel);
        case CountRole:
            return static_cast<int>(row->quotes.size());
        case ForceColorRole:
            return QColor(toQString(info(m_force).color));
        default:
            return {};
        }
    }
    if (const Quote *quote = quoteOf(index)) {
        const auto &owner = m_rows[static_cast<std::size_t>(index.internalId() - 1)];
        switch (role) {
        case Qt::DisplayRole:
            return quote->text;
        case Qt::ToolTipRole:
            return QStringLiteral("“%1”\n— %2").arg(quote->text, quote->participant);
        case Qt::AccessibleTextRole:
            return tr("%1: %2").arg(quote->participant, quote->text);
        case KindRole:
            return static_cast<int>(ItemKind::Quote);
        case GroupIdRole:
            return qlonglong(owner.group.id);
        case HighlightIdRole:
            return qlonglong(quote->highlightId);
        case InterviewIdRole:
            return qlonglong(quote->interviewId);
        case ParticipantRole:
            return quote->participant;
        case PlacedRole:
            return quote->placed;
        case ForceColorRole:
            return QColor(toQString(info(m_force).color));
        default:
            return {};
        }
    }
    return {};
}

Qt::ItemFlags ForceGroupModel::flags(const QModelIndex &index) const
{
    if (const Row *row = rowOf(index)) {
        Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDropEnabled;
        if (row->group.id != 0)
            flags |= Qt::ItemIsEditable;
        return flags;
    }
    if (quoteOf(index))
        return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled
               | Qt::ItemIsDropEnabled | Qt::ItemNeverHasChildren;
    return Qt::NoItemFlags;
}

bool ForceGroupModel::setData(const QModelIndex &index, const QVariant &value, int role)
{
    const Row *row = rowOf(index);
    if (!row || row->group.id == 0 || role != Qt::EditRole)
        return false;
    if (value.toString().trimmed() == toQString(row->group.label))
        return false;
    return applyCommand(
        *m_document,
        tr("Rename force group"),
        renameForceGroupCommand(m_document->study(), row->group.id, value.toString()));
}

Qt::DropActions ForceGroupModel::supportedDragActions() const
{
    return Qt::MoveAction;
}

Qt::DropActions ForceGroupModel::supportedDropActions() const
{
    return Qt::MoveAction;
}

QStringList ForceGroupModel::mimeTypes() const
{
    return {QString::fromLatin1(kMimeType)};
}

QMimeData *ForceGroupModel::mimeData(const QModelIndexList &indexes) const
{
    QByteArray bytes;
    std::set<std::pair<Id, Id>> seen;
    for (const auto &index : indexes) {
        const auto q = quote(index);
        if (q.highlightId == 0 || !seen.insert({q.highlightId, q.groupId}).second)
            continue;
        if (!bytes.isEmpty())
            bytes += ',';
        bytes += QByteArray::number(q.highlightId) + ':' + QByteArray::number(q.groupId);
    }
    if (bytes.isEmpty())
        return nullptr;
    auto *mime = new QMimeData;
    mime->setData(QString::fromLatin1(kMimeType), bytes);
    return mime;
}

std::vector<GroupedQuote> ForceGroupModel::dragged(const QMimeData *data) const
{
    std::vector<GroupedQuote> quotes;
    if (!data || !data->hasFormat(QString::fromLatin1(kMimeType)))
        return quotes;
    for (const auto &part : data->data(QString::fromLatin1(kMimeType)).split(',')) {
        const auto fields = part.split(':');
        if (fields.size() != 2)
            return {};
        bool okHighlight = false;
        bool okGroup = false;
        GroupedQuote quote{fields[0].toLongLong(&okHighlight), fields[1].toLongLong(&okGroup)};
        if (!okHighlight || !okGroup)
            return {};
        quotes.push_back(quote);
    }
    return quotes;
}

Id ForceGroupModel::dropTarget(const QModelIndex &parent) const
{
    if (const Row *row = rowOf(parent))
        return row->group.id;
    if (quoteOf(parent)) // dropped onto a quote: into its group
        return m_rows[static_cast<std::size_t>(parent.internalId() - 1)].group.id;
    return -1;
}

bool ForceGroupModel::canDropMimeData(
    const QMimeData *data, Qt::DropAction action, int, int, const QModelIndex &parent) const
{
    if (action != Qt::MoveAction)
        return false;
    const Id target = dropTarget(parent);
    if (target < 0)
        return false;
    const auto quotes = dragged(data);
    if (quotes.empty())
        return false;
    // Only this force's quotes, and at least one that is not already there.
    bool moves = false;
    for (const auto &q : quotes) {
        if (!quoteIndex(q.groupId, q.highlightId).isValid())
            return false;
        moves = moves || q.groupId != target;
    }
    return moves;
}

bool ForceGroupModel::dropMimeData(
    const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    return applyCommand(*m_document,
                        tr("Move quotes"),
                        moveQuotesCommand(m_document->study(), dragged(data), dropTarget(parent)));
}

const ForceGroup *ForceGroupModel::group(Id groupId) const
{
    for (const auto &g : m_groups)
        if (g.id == groupId)
            return &g;
    return nullptr;
}

QModelIndex ForceGroupModel::groupIndex(Id groupId) const
{
    if (groupId == 0)
        return {};
    for (std::size_t r = 0; r < m_rows.size(); ++r)
        if (m_rows[r].group.id == groupId)
            return createIndex(static_cast<int>(r), 0, kTopLevel);
    return {};
}

QModelIndex ForceGroupModel::ungroupedIndex() const
{
    if (m_rows.empty())
        return {};
    return createIndex(static_cast<int>(m_rows.size()) - 1, 0, kTopLevel);
}

QModelIndex ForceGroupModel::quoteIndex(Id groupId, Id highlightId) const
{
    const QModelIndex owner = groupId == 0 ? ungroupedIndex() : groupIndex(groupId);
    const Row *row = rowOf(owner);
    if (!row)
        return {};
    for (std::size_t r = 0; r < row->quotes.size(); ++r)
        if (row->quotes[r].highlightId == highlightId)
            return createIndex(static_cast<int>(r), 0, quintptr(owner.row() + 1));
    return {};
}

GroupedQuote ForceGroupModel::quote(const QModelIndex &index) const
{
    const Quote *q = quoteOf(index);
    if (!q)
        return {};
    return {q->highlightId, m_rows[static_cast<std::size_t>(index.internalId() - 1)].group.id};
}

} // namespace jtbd::app
