// The study navigator's tree.
#include "navigator_model.h"

#include <QFont>

#include <app/study_document.h>

namespace jtbd::app {

namespace {

// Internal ids: groups are 0, items carry their group + 1 so parent() can find it.
constexpr quintptr kGroupItem = 0;

QString groupName(NavigatorModel::Group group)
{
    switch (group) {
    case NavigatorModel::Group::Participants:
        return NavigatorModel::tr("Participants");
    case NavigatorModel::Group::Interviews:
        return NavigatorModel::tr("Interviews");
    case NavigatorModel::Group::Jobs:
        return NavigatorModel::tr("Jobs");
    }
    return {};
}

QString statusName(InterviewStatus status)
{
    switch (status) {
    case InterviewStatus::Planned:
        return NavigatorModel::tr("planned");
    case InterviewStatus::Conducted:
        return NavigatorModel::tr("conducted");
    case InterviewStatus::Transcribed:
        return NavigatorModel::tr("transcribed");
    case InterviewStatus::Coded:
        return NavigatorModel::tr("coded");
    case InterviewStatus::Reviewed:
        return NavigatorModel::tr("reviewed");
    }
    return {};
}

} // namespace

NavigatorModel::NavigatorModel(StudyDocument *document, QObject *parent)
    : QAbstractItemModel(parent)
    , m_document(document)
{
    connect(document, &StudyDocument::changed, this, &NavigatorModel::onChanged);
    reload();
}

NavigatorModel::~NavigatorModel() = default;

void NavigatorModel::reload()
{
    beginResetModel();
    for (auto &group : m_groups)
        group = {};
    const auto &study = m_document->study();
    if (auto participants = study.participants()) {
        for (const auto &p : *participants) {
            QString text = toQString(p.code);
            if (!p.pseudonym.empty())
                text += QStringLiteral(" · ") + toQString(p.pseudonym);
            QString tip =
                toQString(p.switchedFrom) + QStringLiteral(" → ") + toQString(p.switchedTo);
            groupData(Group::Participants).items.push_back({p.id, text, tip, {}});
        }
    }
    if (auto interviews = study.interviews()) {
        for (const auto &item : *interviews) {
            QString tip = tr("%n highlights", nullptr, static_cast<int>(item.highlightCount));
            tip +=
                QStringLiteral(" · ") + tr("%n words", nullptr, static_cast<int>(item.wordCount));
            groupData(Group::Interviews)
                .items.push_back({item.interview.id,
                                  toQString(item.interview.title),
                                  tip,
                                  statusName(item.interview.status)});
        }
    }
    if (auto jobs = study.jobs()) {
        for (const auto &job : *jobs) {
            QString tip = toQString(job.storyText());
            QString status = tr("%n stories", nullptr, static_cast<int>(job.interviewIds.size()));
            groupData(Group::Jobs).items.push_back({job.id, toQString(job.name), tip, status});
        }
    }
    endResetModel();
}

void NavigatorModel::onChanged(const Change &change)
{
    switch (change.kind) {
    case Change::Kind::Participants:
    case Change::Kind::Interviews:
    case Change::Kind::Jobs:
    case Change::Kind::Everything:
    case Change::Kind::Transcript: // word counts
    case Change::Kind::Highlights: // highlight counts
        reload();
        break;
    default:
        break;
    }
}

QModelIndex NavigatorModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, kGroupItem);
    return createIndex(row, column, static_cast<quintptr>(parent.row() + 1));
}

QModelIndex NavigatorModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kGroupItem)
        return {};
    return createIndex(static_cast<int>(child.internalId() - 1), 0, kGroupItem);
}

int NavigatorModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return static_cast<int>(m_groups.size());
    if (parent.column() != 0 || parent.internalId() != kGroupItem)
        return 0;
    return groupData(static_cast<Group>(parent.row())).fetched;
}

int NavigatorModel::columnCount(const QModelIndex &) const
{
    return 1;
}

bool NavigatorModel::hasChildren(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return true;
    if (parent.internalId() != kGroupItem)
        return false;
    return !groupData(static_cast<Group>(parent.row())).items.empty();
}

bool NavigatorModel::canFetchMore(const QModelIndex &parent) const
{
    if (!parent.isValid() || parent.internalId() != kGroupItem)
        return false;
    const auto &group = groupData(static_cast<Group>(parent.row()));
    return group.fetched < static_cast<int>(group.items.size());
}

void NavigatorModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    auto &group = groupData(static_cast<Group>(parent.row()));
    const int total = static_cast<int>(group.items.size());
    const int last = std::min(total, group.fetched + kBatchSize) - 1;
    beginInsertRows(parent, group.fetched, last);
    group.fetched = last + 1;
    endInsertRows();
}

QVariant NavigatorModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == kGroupItem) {
        const auto group = static_cast<Group>(index.row());
        switch (role) {
        case Qt::DisplayRole:
            return QStringLiteral("%1 (%2)")
                .arg(groupName(group))
                .arg(groupData(group).items.size());
        case Qt::FontRole: {
            QFont font;
            font.setBold(true);
            return font;
        }
        case IdRole:
            return QVariant::fromValue<qint64>(0);
        case GroupRole:
            return index.row();
        default:
            return {};
        }
    }
    const auto group = static_cast<Group>(index.internalId() - 1);
    const auto &item = groupData(group).items.at(static_cast<std::size_t>(index.row()));
    switch (role) {
    case Qt::DisplayRole:
        return item.status.isEmpty() ? item.text
                                     : QStringLiteral("%1  (%2)").arg(item.text, item.status);
    case Qt::ToolTipRole:
        return item.toolTip;
    case IdRole:
        return QVariant::fromValue<qint64>(item.id);
    case GroupRole:
        return static_cast<int>(group);
    default:
        return {};
    }
}

Qt::ItemFlags NavigatorModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable;
}

QModelIndex NavigatorModel::groupIndex(Group group) const
{
    return index(static_cast<int>(group), 0);
}

QModelIndex NavigatorModel::find(Group group, Id id)
{
    const auto parentIndex = groupIndex(group);
    const auto &items = groupData(group).items;
    for (std::size_t row = 0; row < items.size(); ++row) {
        if (items[row].id != id)
            continue;
        while (static_cast<int>(row) >= groupData(group).fetched && canFetchMore(parentIndex))
            fetchMore(parentIndex);
        return index(static_cast<int>(row), 0, parentIndex);
    }
    return {};
}

} // namespace jtbd::app
