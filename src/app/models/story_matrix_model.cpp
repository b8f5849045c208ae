// The story x force-group matrix as a table.
#include "story_matrix_model.h"

#include <jtbd/study.h>

#include <QColor>

#include <app/commands/force_group_commands.h>
#include <app/logging.h>
#include <app/models/force_group_model.h>
#include <app/study_document.h>
#include <unordered_map>

namespace jtbd::app {

StoryMatrixModel::StoryMatrixModel(StudyDocument *document, QObject *parent)
    : QAbstractTableModel(parent)
    , m_document(document)
    , m_reloads(new DeferredReload(
          [this] {
              reload();
          },
          this))
{
    connect(document, &StudyDocument::changed, this, &StoryMatrixModel::onChanged);
    reload();
}

StoryMatrixModel::~StoryMatrixModel() = default;

void StoryMatrixModel::setActive(bool active)
{
    m_reloads->setActive(active);
}

void StoryMatrixModel::onChanged(const Change &change)
{
    switch (change.kind) {
    case Change::Kind::ForceGroups:
    case Change::Kind::Jobs: // a run of the synthesis replaces the groups and the jobs
    case Change::Kind::Highlights:
    case Change::Kind::Participants:
    case Change::Kind::Interviews:
    case Change::Kind::Codes:
    case Change::Kind::Everything:
        m_reloads->request();
        break;
    default:
        break;
    }
}

void StoryMatrixModel::reload()
{
    m_reloads->reloading();
    const Study &study = m_document->study();
    StoryMatrix matrix;
    if (auto read = storyMatrix(study))
        matrix = std::move(*read);
    else
        qCWarning(lcApp) << "cannot read the story matrix:" << toQString(read.error().message);

    std::unordered_map<Id, ForceGroup> groups;
    if (auto all = study.forceGroups()) {
        for (auto &g : *all)
            groups.emplace(g.id, std::move(g));
    }
    std::vector<Column> columns;
    for (std::size_t c = 0; c < matrix.groupIds.size(); ++c) {
        Column column;
        column.id = matrix.groupIds[c];
        column.force = c < matrix.groupForces.size() ? matrix.groupForces[c] : Force::Push;
        if (auto it = groups.find(column.id); it != groups.end()) {
            column.label = toQString(it->second.label);
            column.suggestedLabel = toQString(it->second.suggestedLabel);
            column.pinned = it->second.pinned;
            column.quotes = static_cast<int>(it->second.highlightIds.size());
        }
        columns.push_back(std::move(column));
    }
    const auto names = storyNames(study);
    std::vector<QString> stories;
    for (Id id : matrix.interviewIds) {
        auto it = names.find(id);
        stories.push_back(it == names.end() ? tr("Interview %1").arg(id) : it->second);
    }

    beginResetModel();
    m_matrix = std::move(matrix);
    m_columns = std::move(columns);
    m_stories = std::move(stories);
    endResetModel();
}

int StoryMatrixModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_matrix.interviewIds.size());
}

int StoryMatrixModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_columns.size());
}

QString StoryMatrixModel::cellText(StoryMatrix::Cell cell) const
{
    switch (cell) {
    case StoryMatrix::Cell::Empty:
        return tr("not shown");
    case StoryMatrix::Cell::Quoted:
        return tr("shown by a tagged quote");
    case StoryMatrix::Cell::Marked:
        return tr("shown, marked by you");
    case StoryMatrix::Cell::MarkedAbsent:
        return tr("not shown, marked by you although a quote is in the group");
    }
    return {};
}

int StoryMatrixModel::showing(int column) const
{
    int n = 0;
    for (std::size_t r = 0; r < m_matrix.cells.size(); ++r)
        if (m_matrix.shows(r, static_cast<std::size_t>(column)))
            ++n;
    return n;
}

QVariant StoryMatrixModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto r = static_cast<std::size_t>(index.row());
    const auto c = static_cast<std::size_t>(index.column());
    if (r >= m_matrix.cells.size() || c >= m_matrix.cells[r].size())
        return {};
    const auto cell = m_matrix.cells[r][c];
    const auto &column = m_columns[c];
    switch (role) {
    case CellRole:
        return static_cast<int>(cell);
    case ShowsRole:
        return StoryMatrix::shows(cell);
    case InterviewIdRole:
        return qlonglong(m_matrix.interviewIds[r]);
    case GroupIdRole:
        return qlonglong(column.id);
    case ForceRole:
        return static_cast<int>(column.force);
    case ForceColorRole:
        return QColor(toQString(info(column.force).color));
    case Qt::AccessibleTextRole:
        return tr("%1, %2: %3").arg(m_stories[r], column.label, cellText(cell));
    case Qt::ToolTipRole: {
        QString next;
        switch (cell) {
        case StoryMatrix::Cell::Quoted:
            next = tr("Click to mark that the story does not show it.");
            break;
        case StoryMatrix::Cell::Empty:
            next = tr("Click to mark that the story shows it.");
            break;
        default:
            next = tr("Click to clear your mark.");
            break;
        }
        return tr("%1\n“%2” (%3): %4\n%5")
            .arg(m_stories[r],
                 column.label,
                 toQString(info(column.force).shortName),
                 cellText(cell),
                 next);
    }
    default:
        return {};
    }
}

QVariant StoryMatrixModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (section < 0)
        return {};
    if (orientation == Qt::Horizontal) {
        if (section >= static_cast<int>(m_columns.size()))
            return {};
        const auto &column = m_columns[static_cast<std::size_t>(section)];
        switch (role) {
        case Qt::DisplayRole:
            return column.label;
        case Qt::ToolTipRole: {
            QString tip = tr("“%1”, a group of %2\n%3 quotes; shown by %4 of %5 stories")
                              .arg(column.label, toQString(info(column.force).name))
                              .arg(column.quotes)
                              .arg(showing(section))
                              .arg(m_stories.size());
            if (!column.suggestedLabel.isEmpty() && column.suggestedLabel != column.label)
                tip += QStringLiteral("\n")
                       + tr("Renamed by you; the synthesis suggested “%1”.")
                             .arg(column.suggestedLabel);
            if (column.pinned)
                tip += QStringLiteral("\n") + tr("Pinned");
            return tip;
        }
        case GroupIdRole:
            return qlonglong(column.id);
        case ForceRole:
            return static_cast<int>(column.force);
        case ForceColorRole:
            return QColor(toQString(info(column.force).color));
        default:
            return {};
        }
    }
    if (section >= static_cast<int>(m_stories.size()))
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return m_stories[static_cast<std::size_t>(section)];
    case InterviewIdRole:
        return qlonglong(m_matrix.interviewIds[static_cast<std::size_t>(section)]);
    default:
        return {};
    }
}

Qt::ItemFlags StoryMatrixModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    return Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
}

QModelIndex StoryMatrixModel::cellIndex(Id interviewId, Id groupId) const
{
    int row = -1;
    int column = -1;
    for (std::size_t r = 0; r < m_matrix.interviewIds.size(); ++r)
        if (m_matrix.interviewIds[r] == interviewId)
            row = static_cast<int>(r);
    for (std::size_t c = 0; c < m_columns.size(); ++c)
        if (m_columns[c].id == groupId)
            column = static_cast<int>(c);
    if (row < 0 || column < 0)
        return {};
    return index(row, column);
}

bool StoryMatrixModel::toggle(const QModelIndex &index)
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return false;
    const Id interviewId = index.data(InterviewIdRole).toLongLong();
    const Id groupId = index.data(GroupIdRole).toLongLong();
    const auto cell = static_cast<StoryMatrix::Cell>(index.data(CellRole).toInt());
    return applyCommand(
        *m_document,
        tr("Mark the story"),
        cycleStoryGroupMarkCommand(m_document->study(), interviewId, groupId, cell));
}

} // namespace jtbd::app
