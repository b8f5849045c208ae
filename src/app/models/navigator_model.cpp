// The study navigator's tree.
#include "navigator_model.h"

#include <QFont>
#include <QTimer>

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

} // namespace

NavigatorModel::NavigatorModel(StudyDocument *document, QObject *parent)
    : QAbstractItemModel(parent)
    , m_document(document)
    , m_countsTimer(new QTimer(this))
{
    m_countsTimer->setSingleShot(true);
    m_countsTimer->setInterval(400);
    connect(m_countsTimer, &QTimer::timeout, this, &NavigatorModel::reload);
    connect(document, &StudyDocument::changed, this, &NavigatorModel::onChanged);
    reload();
}

NavigatorModel::~NavigatorModel() = default;

QString NavigatorModel::statusName(InterviewStatus status)
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

void NavigatorModel::reload()
{
    std::array<GroupData, 3> fresh;
    const auto &study = m_document->study();
    if (auto participants = study.participants()) {
        for (const auto &p : *participants) {
            QString text = toQString(p.code);
            if (!p.pseudonym.empty())
                text += QStringLiteral(" · ") + toQString(p.pseudonym);
            QString tip =
                toQString(p.switchedFrom) + QStringLiteral(" → ") + toQString(p.switchedTo);
            fresh[0].items.push_back({p.id, text, tip, {}});
        }
    }
    if (auto interviews = study.interviews()) {
        for (const auto &item : *interviews) {
            QString tip = tr("%n highlights", nullptr, static_cast<int>(item.highlightCount));
            tip +=
                QStringLiteral(" · ") + tr("%n words", nullptr, static_cast<int>(item.wordCount));
            fresh[1].items.push_back({item.interview.id,
                                      toQString(item.interview.title),
                                      tip,
                                      statusName(item.interview.status)});
        }
    }
    if (auto jobs = study.jobs()) {
        for (const auto &job : *jobs) {
            QString tip = toQString(job.storyText());
            QString status = tr("%n stories", nullptr, static_cast<int>(job.interviewIds.size()));
            fresh[2].items.push_back({job.id, toQString(job.name), tip, status});
        }
    }
    // Same records as before (a highlight was added, a title changed): update the rows in place
    // so views keep their expansion, selection and scroll position.
    bool sameRecords = true;
    for (std::size_t g = 0; g < m_groups.size() && sameRecords; ++g) {
        const auto &was = m_groups[g].items;
        const auto &now = fresh[g].items;
        sameRecords =
            was.size() == now.size()
            && std::equal(was.begin(), was.end(), now.begin(), [](const auto &a, const auto &b) {
                   return a.id == b.id;
               });
    }
    if (sameRecords) {
        for (std::size_t g = 0; g < m_groups.size(); ++g) {
            fresh[g].fetched = m_groups[g].fetched;
            m_groups[g] = std::move(fresh[g]);
            const auto parent = index(static_cast<int>(g), 0);
            Q_EMIT dataChanged(parent, parent);
            if (m_groups[g].fetched > 0)
                Q_EMIT dataChanged(index(0, 0, parent), index(m_groups[g].fetched - 1, 0, parent));
        }
        return;
    }
    beginResetModel();
    m_groups = std::move(fresh);
    endResetModel();
}

void NavigatorModel::onChanged(const Change &change)
{
    switch (change.kind) {
    case Change::Kind::Participants:
    case Change::Kind::Interviews:
    case Change::Kind::Jobs:
    case Change::Kind::Everything:
        m_countsTimer->stop();
        reload();
        break;
    case Change::Kind::Transcript: // word counts
    case Change::Kind::Highlights: // highlight counts
        // Only tooltips change: not worth delaying a tag's frame for, and a run of tags
        // refreshes them once.
        m_countsTimer->start();
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
