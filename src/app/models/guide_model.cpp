// The guide tree: sections and their questions.
#include "guide_model.h"

#include <QDataStream>
#include <QIODevice>
#include <QMimeData>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>
#include <QTimer>

#include <app/study_document.h>

namespace jtbd::app {

namespace {

const QString kMimeType = QStringLiteral("application/x-jtbd-guide-rows");

// Section rows have internal id 0; a question row stores its section's row + 1.
constexpr quintptr kSectionRow = 0;

QIcon paintedIcon(bool covered)
{
    QPixmap pixmap(32, 32);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    if (covered) {
        painter.setPen(Qt::NoPen);
        painter.setBrush(QColor(0x2E, 0x7D, 0x32));
        painter.drawEllipse(QRectF(2, 2, 28, 28));
        QPen pen(Qt::white, 4, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
        painter.setPen(pen);
        QPainterPath tick;
        tick.moveTo(9, 16.5);
        tick.lineTo(14, 21.5);
        tick.lineTo(23, 11);
        painter.drawPath(tick);
    } else {
        painter.setPen(QPen(QColor(0x9E, 0x9E, 0x9E), 2.5));
        painter.setBrush(Qt::NoBrush);
        painter.drawEllipse(QRectF(4, 4, 24, 24));
    }
    return QIcon(pixmap);
}

} // namespace

GuideModel::GuideModel(QObject *parent)
    : QAbstractItemModel(parent)
    , m_tick(paintedIcon(true))
    , m_open(paintedIcon(false))
{}

void GuideModel::setGuide(const Guide &guide)
{
    beginResetModel();
    m_guide = guide;
    endResetModel();
}

void GuideModel::setCoverage(const std::set<Id> &coveredQuestionIds, bool show)
{
    if (m_covered == coveredQuestionIds && m_showCoverage == show)
        return;
    m_covered = coveredQuestionIds;
    m_showCoverage = show;
    for (int s = 0; s < static_cast<int>(m_guide.sections.size()); ++s) {
        const int count =
            static_cast<int>(m_guide.sections[static_cast<std::size_t>(s)].questions.size());
        if (count > 0) {
            const QModelIndex section = index(s, 0);
            Q_EMIT dataChanged(index(0, 0, section),
                               index(count - 1, 0, section),
                               {Qt::DecorationRole, CoveredRole, Qt::ToolTipRole});
        }
    }
}

QModelIndex GuideModel::sectionIndex(Id sectionId, int column) const
{
    for (std::size_t s = 0; s < m_guide.sections.size(); ++s) {
        if (m_guide.sections[s].id == sectionId)
            return index(static_cast<int>(s), column);
    }
    return {};
}

QModelIndex GuideModel::questionIndex(Id questionId, int column) const
{
    for (std::size_t s = 0; s < m_guide.sections.size(); ++s) {
        const auto &questions = m_guide.sections[s].questions;
        for (std::size_t q = 0; q < questions.size(); ++q) {
            if (questions[q].id == questionId)
                return index(static_cast<int>(q), column, index(static_cast<int>(s), 0));
        }
    }
    return {};
}

const GuideSection *GuideModel::sectionAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this)
        return nullptr;
    const auto row = index.internalId() == kSectionRow ? static_cast<std::size_t>(index.row())
                                                       : index.internalId() - 1;
    return row < m_guide.sections.size() ? &m_guide.sections[row] : nullptr;
}

const GuideQuestion *GuideModel::questionAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || index.internalId() == kSectionRow)
        return nullptr;
    const GuideSection *section = sectionAt(index);
    if (!section || index.row() >= static_cast<int>(section->questions.size()))
        return nullptr;
    return &section->questions[static_cast<std::size_t>(index.row())];
}

QModelIndex GuideModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column > MinutesColumn)
        return {};
    if (!parent.isValid()) {
        if (row >= static_cast<int>(m_guide.sections.size()))
            return {};
        return createIndex(row, column, kSectionRow);
    }
    if (parent.internalId() != kSectionRow || parent.column() != 0)
        return {};
    const GuideSection *section = sectionAt(parent);
    if (!section || row >= static_cast<int>(section->questions.size()))
        return {};
    return createIndex(row, column, static_cast<quintptr>(parent.row()) + 1);
}

QModelIndex GuideModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kSectionRow)
        return {};
    return createIndex(static_cast<int>(child.internalId() - 1), 0, kSectionRow);
}

int GuideModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return static_cast<int>(m_guide.sections.size());
    if (parent.internalId() != kSectionRow || parent.column() != 0)
        return 0;
    const GuideSection *section = sectionAt(parent);
    return section ? static_cast<int>(section->questions.size()) : 0;
}

int GuideModel::columnCount(const QModelIndex &) const
{
    return MinutesColumn + 1;
}

QString GuideModel::phaseOrEventName(const GuideSection &section)
{
    QStringList names;
    if (section.event)
        names << tr("%1 (event)").arg(toQString(info(*section.event).name));
    if (section.phase)
        names << tr("%1 (phase)").arg(toQString(info(*section.phase).name));
    return names.join(QStringLiteral(" · "));
}

QVariant GuideModel::data(const QModelIndex &index, int role) const
{
    const GuideSection *section = sectionAt(index);
    if (!section)
        return {};
    const GuideQuestion *question = questionAt(index);
    if (index.internalId() != kSectionRow && !question)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        if (question)
            return index.column() == TitleColumn ? toQString(question->text) : QVariant();
        switch (index.column()) {
        case TitleColumn:
            return tr("%1. %2").arg(index.row() + 1).arg(toQString(section->title));
        case PhaseColumn:
            return phaseOrEventName(*section);
        case MinutesColumn:
            return section->minutes > 0 ? tr("%1 min").arg(section->minutes) : QString();
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (question) {
            QString tip = toQString(question->text);
            if (!question->note.empty())
                tip += QStringLiteral("\n\n") + toQString(question->note);
            if (m_showCoverage)
                tip += QStringLiteral("\n\n")
                       + (m_covered.contains(question->id) ? tr("Covered") : tr("Not covered yet"));
            return tip;
        }
        return section->purpose.empty() ? QVariant() : QVariant(toQString(section->purpose));
    case Qt::DecorationRole:
        if (question && m_showCoverage && index.column() == TitleColumn)
            return m_covered.contains(question->id) ? m_tick : m_open;
        return {};
    case Qt::FontRole:
        if (!question && index.column() == TitleColumn) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == MinutesColumn)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case IdRole:
        return QVariant::fromValue<qlonglong>(question ? question->id : section->id);
    case IsSectionRole:
        return question == nullptr;
    case CoveredRole:
        return question ? QVariant(m_covered.contains(question->id)) : QVariant();
    default:
        return {};
    }
}

QVariant GuideModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TitleColumn:
        return tr("Section / question");
    case PhaseColumn:
        return tr("Phase or event");
    case MinutesColumn:
        return tr("Planned");
    default:
        return {};
    }
}

Qt::ItemFlags GuideModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return m_readOnly ? Qt::NoItemFlags : Qt::ItemIsDropEnabled;
    Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemNeverHasChildren;
    if (index.internalId() == kSectionRow)
        flags &= ~Qt::ItemNeverHasChildren;
    if (!m_readOnly)
        flags |= Qt::ItemIsDragEnabled | Qt::ItemIsDropEnabled;
    return flags;
}

Qt::DropActions GuideModel::supportedDropActions() const
{
    return Qt::MoveAction;
}

QStringList GuideModel::mimeTypes() const
{
    return {kMimeType};
}

QMimeData *GuideModel::mimeData(const QModelIndexList &indexes) const
{
    // One row at a time: the first dragged row decides.
    for (const auto &index : indexes) {
        const GuideSection *section = sectionAt(index);
        if (!section)
            continue;
        const GuideQuestion *question = questionAt(index);
        QByteArray bytes;
        QDataStream out(&bytes, QIODevice::WriteOnly);
        out << (question == nullptr) << static_cast<qint64>(question ? question->id : section->id);
        auto *mime = new QMimeData;
        mime->setData(kMimeType, bytes);
        return mime;
    }
    return nullptr;
}

std::optional<GuideModel::Dragged> GuideModel::draggedFrom(const QMimeData *data) const
{
    if (!data || !data->hasFormat(kMimeType))
        return std::nullopt;
    QByteArray bytes = data->data(kMimeType);
    QDataStream in(&bytes, QIODevice::ReadOnly);
    bool section = false;
    qint64 id = 0;
    in >> section >> id;
    if (in.status() != QDataStream::Ok)
        return std::nullopt;
    return Dragged{section, id};
}

bool GuideModel::canDropMimeData(
    const QMimeData *data, Qt::DropAction action, int row, int, const QModelIndex &parent) const
{
    if (m_readOnly || action != Qt::MoveAction)
        return false;
    const auto dragged = draggedFrom(data);
    if (!dragged)
        return false;
    if (dragged->section)
        // Between sections, or onto a section (which takes its place).
        return !parent.isValid() || (parent.internalId() == kSectionRow && row < 0);
    // Questions go into a section, or onto a question (which takes its place).
    return parent.isValid();
}

bool GuideModel::dropMimeData(
    const QMimeData *data, Qt::DropAction action, int row, int column, const QModelIndex &parent)
{
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    const auto dragged = *draggedFrom(data);
    const int sectionCount = static_cast<int>(m_guide.sections.size());
    if (dragged.section) {
        const QModelIndex from = sectionIndex(dragged.id);
        if (!from.isValid())
            return false;
        int position = parent.isValid() ? parent.row() : (row < 0 ? sectionCount : row);
        // Dropping below itself: the row it leaves closes up.
        if (!parent.isValid() && position > from.row())
            --position;
        // Queued: the edit reloads this model, which must not happen inside the view's drop.
        QTimer::singleShot(0, this, [this, id = dragged.id, position] {
            Q_EMIT sectionMoveRequested(id, position);
        });
        return false;
    }
    const QModelIndex from = questionIndex(dragged.id);
    if (!from.isValid())
        return false;
    Id targetSection = 0;
    int position = 0;
    if (parent.internalId() == kSectionRow) {
        const GuideSection *section = sectionAt(parent);
        targetSection = section->id;
        position = row < 0 ? static_cast<int>(section->questions.size()) : row;
    } else {
        // Onto a question: take its place.
        const GuideSection *section = sectionAt(parent);
        targetSection = section->id;
        position = parent.row();
    }
    if (targetSection == sectionAt(from)->id && position > from.row())
        --position;
    QTimer::singleShot(0, this, [this, id = dragged.id, targetSection, position] {
        Q_EMIT questionMoveRequested(id, targetSection, position);
    });
    return false;
}

} // namespace jtbd::app
