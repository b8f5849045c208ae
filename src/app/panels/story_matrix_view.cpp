// The story x force-group matrix on screen.
#include "story_matrix_view.h"

#include "panel_style.h"

#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPainter>
#include <QPainterPath>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QVBoxLayout>

#include <app/models/story_matrix_model.h>
#include <app/study_document.h>

namespace jtbd::app {

namespace {

constexpr int kCellWidth = 30;
constexpr int kCellHeight = 26;
constexpr int kMarkSize = 14;
constexpr int kForceBand = 5; // the force's colour under each column label

QColor columnColor(const QAbstractItemModel *model, int column)
{
    const QColor color =
        model->headerData(column, Qt::Horizontal, StoryMatrixModel::ForceColorRole).value<QColor>();
    return color.isValid() ? color : QColor(0x77, 0x77, 0x77);
}

// True when `column` is the last of its force: a heavier line separates the forces.
bool endsForce(const QAbstractItemModel *model, int column)
{
    if (column + 1 >= model->columnCount())
        return false;
    return model->headerData(column, Qt::Horizontal, StoryMatrixModel::ForceRole)
           != model->headerData(column + 1, Qt::Horizontal, StoryMatrixModel::ForceRole);
}

class CellDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter,
               const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        opt.text.clear();
        // The selection and hover backgrounds of the style, then the mark.
        const QWidget *widget = option.widget;
        QStyle *style = widget ? widget->style() : nullptr;
        if (style)
            style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing, true);
        const auto cell =
            static_cast<StoryMatrix::Cell>(index.data(StoryMatrixModel::CellRole).toInt());
        const QColor color = index.data(StoryMatrixModel::ForceColorRole).value<QColor>();
        const QRectF box(option.rect.center().x() - kMarkSize / 2.0 + 0.5,
                         option.rect.center().y() - kMarkSize / 2.0 + 0.5,
                         kMarkSize,
                         kMarkSize);
        paintMatrixCell(*painter, box, cell, color);
        painter->restore();
        if (endsForce(index.model(), index.column())) {
            painter->save();
            painter->setPen(QPen(option.palette.color(QPalette::Mid), 2));
            painter->drawLine(option.rect.topRight() + QPoint(1, 0),
                              option.rect.bottomRight() + QPoint(1, 1));
            painter->restore();
        }
        if (option.state & QStyle::State_HasFocus) {
            painter->save();
            painter->setPen(QPen(option.palette.color(QPalette::Highlight), 2));
            painter->setBrush(Qt::NoBrush);
            painter->drawRect(QRectF(option.rect).adjusted(1.5, 1.5, -1.5, -1.5));
            painter->restore();
        }
    }

    QSize sizeHint(const QStyleOptionViewItem &, const QModelIndex &) const override
    {
        return {kCellWidth, kCellHeight};
    }
};

// The four kinds of cell with what they mean.
class MatrixLegend final : public QWidget
{
public:
    explicit MatrixLegend(QWidget *parent)
        : QWidget(parent)
    {
        setObjectName(QStringLiteral("storyMatrixLegend"));
        m_entries = {
            {StoryMatrix::Cell::Quoted, StoryMatrixView::tr("a tagged quote shows the group")},
            {StoryMatrix::Cell::Marked, StoryMatrixView::tr("you marked that the story shows it")},
            {StoryMatrix::Cell::MarkedAbsent,
             StoryMatrixView::tr("you marked that it does not, despite a quote")},
            {StoryMatrix::Cell::Empty, StoryMatrixView::tr("not shown")},
        };
    }

    QSize sizeHint() const override
    {
        const QFontMetrics metrics(font());
        int width = 0;
        for (const auto &entry : m_entries)
            width += kMarkSize + 6 + metrics.horizontalAdvance(entry.second) + 22;
        return {width, std::max(metrics.height(), kMarkSize) + 8};
    }

    QSize minimumSizeHint() const override { return {0, sizeHint().height()}; }

protected:
    void paintEvent(QPaintEvent *) override
    {
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing, true);
        const QFontMetrics metrics(font());
        const QColor neutral = palette().color(QPalette::WindowText);
        qreal x = 0;
        const qreal middle = height() / 2.0;
        for (const auto &[cell, text] : m_entries) {
            const QRectF box(x + 0.5, middle - kMarkSize / 2.0, kMarkSize, kMarkSize);
            if (cell == StoryMatrix::Cell::Empty) {
                painter.setPen(QPen(palette().color(QPalette::Mid), 1));
                painter.setBrush(Qt::NoBrush);
                painter.drawRect(box);
            }
            paintMatrixCell(painter, box, cell, neutral);
            x += kMarkSize + 6;
            painter.setPen(palette().color(QPalette::WindowText));
            painter.drawText(QRectF(x, 0, metrics.horizontalAdvance(text) + 2, height()),
                             Qt::AlignLeft | Qt::AlignVCenter,
                             text);
            x += metrics.horizontalAdvance(text) + 22;
        }
    }

private:
    std::vector<std::pair<StoryMatrix::Cell, QString>> m_entries;
};

} // namespace

void paintMatrixCell(QPainter &painter,
                     const QRectF &rect,
                     StoryMatrix::Cell cell,
                     const QColor &color)
{
    painter.save();
    switch (cell) {
    case StoryMatrix::Cell::Empty:
        break;
    case StoryMatrix::Cell::Quoted:
        painter.setPen(QPen(color.darker(120), 1));
        painter.setBrush(color);
        painter.drawRoundedRect(rect, 2.5, 2.5);
        break;
    case StoryMatrix::Cell::Marked: {
        // A diamond: the researcher's own judgement, apart from the quotes' squares.
        QPainterPath diamond;
        const QPointF c = rect.center();
        const qreal r = rect.width() / 2.0 + 1.5;
        diamond.moveTo(c.x(), c.y() - r);
        diamond.lineTo(c.x() + r, c.y());
        diamond.lineTo(c.x(), c.y() + r);
        diamond.lineTo(c.x() - r, c.y());
        diamond.closeSubpath();
        painter.setPen(QPen(color.darker(140), 1.5));
        painter.setBrush(color.lighter(115));
        painter.drawPath(diamond);
        break;
    }
    case StoryMatrix::Cell::MarkedAbsent:
        painter.setPen(QPen(color, 1.5));
        painter.setBrush(Qt::NoBrush);
        painter.drawRoundedRect(rect.adjusted(0.75, 0.75, -0.75, -0.75), 2.5, 2.5);
        painter.setPen(QPen(color.darker(130), 2));
        painter.drawLine(rect.bottomLeft() + QPointF(-1, 1), rect.topRight() + QPointF(1, -1));
        break;
    }
    painter.restore();
}

// ---------------------------------------------------------------------------------------------

GroupHeaderView::GroupHeaderView(QWidget *parent)
    : QHeaderView(Qt::Horizontal, parent)
{
    setObjectName(QStringLiteral("storyMatrixHeader"));
    setSectionsClickable(true);
    setHighlightSections(true);
    setDefaultSectionSize(kCellWidth);
    setMinimumSectionSize(kCellWidth);
    setSectionResizeMode(QHeaderView::Fixed);
}

GroupHeaderView::~GroupHeaderView() = default;

QSize GroupHeaderView::sectionSizeFromContents(int logicalIndex) const
{
    if (!model())
        return {kCellWidth, 40};
    const QString label =
        model()->headerData(logicalIndex, orientation(), Qt::DisplayRole).toString();
    const QFontMetrics metrics(font());
    const int length = std::min(metrics.horizontalAdvance(label) + 14, kMaxLabelLength);
    return {std::max(kCellWidth, metrics.height() + 10), length + kForceBand + 4};
}

void GroupHeaderView::paintSection(QPainter *painter, const QRect &rect, int logicalIndex) const
{
    if (!rect.isValid() || !model())
        return;
    painter->save();
    const QColor color = columnColor(model(), logicalIndex);
    QColor tint = color;
    tint.setAlpha(selectionModel() && selectionModel()->isColumnSelected(logicalIndex, {}) ? 70
                                                                                           : 26);
    painter->fillRect(rect, palette().color(QPalette::Base));
    painter->fillRect(rect, tint);
    painter->fillRect(QRect(rect.left(), rect.bottom() - kForceBand + 1, rect.width(), kForceBand),
                      color);
    painter->setPen(QPen(palette().color(QPalette::Midlight), 1));
    painter->drawLine(rect.topRight(), rect.bottomRight());
    if (endsForce(model(), logicalIndex)) {
        painter->setPen(QPen(palette().color(QPalette::Mid), 2));
        painter->drawLine(rect.topRight() + QPoint(1, 0), rect.bottomRight() + QPoint(1, 0));
    }

    // The label turned upright, read from the bottom up, starting just above the band.
    const QString label =
        model()->headerData(logicalIndex, orientation(), Qt::DisplayRole).toString();
    const QFontMetrics metrics(font());
    const int available = rect.height() - kForceBand - 10;
    const QString shown = metrics.elidedText(label, Qt::ElideRight, available);
    painter->translate(rect.left() + (rect.width() + metrics.ascent() - metrics.descent()) / 2.0,
                       rect.bottom() - kForceBand - 5);
    painter->rotate(-90);
    painter->setPen(palette().color(QPalette::WindowText));
    painter->drawText(QPointF(0, 0), shown);
    painter->restore();
}

// ---------------------------------------------------------------------------------------------

StoryMatrixTable::StoryMatrixTable(QWidget *parent)
    : QTableView(parent)
{}

StoryMatrixTable::~StoryMatrixTable() = default;

QSize StoryMatrixTable::sizeHint() const
{
    const int frame = 2 * frameWidth();
    const int width = (verticalHeader()->isHidden() ? 0 : verticalHeader()->sizeHint().width())
                      + horizontalHeader()->length() + frame + 1;
    const int height =
        (horizontalHeader()->isHidden() ? 0 : horizontalHeader()->sizeHint().height())
        + verticalHeader()->length() + frame + 1;
    return {width, height};
}

void StoryMatrixTable::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && event->modifiers() == Qt::NoModifier
        && currentIndex().isValid()) {
        Q_EMIT toggleRequested(currentIndex());
        event->accept();
        return;
    }
    QTableView::keyPressEvent(event);
}

// ---------------------------------------------------------------------------------------------

StoryMatrixView::StoryMatrixView(StudyDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_model(new StoryMatrixModel(document, this))
    , m_stack(new QStackedWidget(this))
    , m_table(new StoryMatrixTable(this))
    , m_summary(new QLabel(this))
    , m_empty(new QLabel(this))
{
    setObjectName(QStringLiteral("storyMatrixView"));
    m_table->setObjectName(QStringLiteral("storyMatrixTable"));
    m_table->setModel(m_model);
    m_table->setHorizontalHeader(new GroupHeaderView(m_table));
    m_table->setItemDelegate(new CellDelegate(m_table));
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setMouseTracking(true);
    m_table->setShowGrid(true);
    m_table->setGridStyle(Qt::SolidLine);
    m_table->setCornerButtonEnabled(false);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(kCellHeight);
    m_table->verticalHeader()->setHighlightSections(true);
    m_table->horizontalHeader()->setHighlightSections(true);
    connect(m_table, &QTableView::clicked, this, &StoryMatrixView::onToggleRequested);
    connect(m_table, &StoryMatrixTable::toggleRequested, this, &StoryMatrixView::onToggleRequested);
    connect(
        m_table->horizontalHeader(), &QHeaderView::sectionDoubleClicked, this, [this](int section) {
            const Id id =
                m_model->headerData(section, Qt::Horizontal, StoryMatrixModel::GroupIdRole)
                    .toLongLong();
            if (id != 0)
                Q_EMIT groupActivated(id);
        });

    m_summary->setObjectName(QStringLiteral("storyMatrixSummary"));
    m_summary->setWordWrap(true);
    m_summary->setPalette(mutedPalette(m_summary->palette()));
    m_empty->setObjectName(QStringLiteral("storyMatrixEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setPalette(hintPalette(m_empty->palette()));
    m_empty->setText(tr("No force groups yet.\nRun the synthesis, or make groups in Force groups: "
                        "each group becomes a column here, each story a row."));

    // The table keeps its natural size at the top left; the space around it stays empty rather
    // than stretching the cells.
    auto *tablePage = new QWidget(m_stack);
    auto *tableLayout = new QVBoxLayout(tablePage);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    auto *row = new QHBoxLayout;
    row->addWidget(m_table, 0, Qt::AlignLeft | Qt::AlignTop);
    row->addStretch(1);
    tableLayout->addLayout(row);
    tableLayout->addWidget(new MatrixLegend(tablePage)); // right under the cells it explains
    tableLayout->addStretch(1);
    m_stack->addWidget(tablePage);
    m_stack->addWidget(m_empty);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(6);
    layout->addWidget(m_summary);
    layout->addWidget(m_stack, 1);

    // The matrix is read again after every change: the current cell stays where it was.
    connect(m_model, &QAbstractItemModel::modelAboutToBeReset, this, [this] {
        const QModelIndex current = m_table->currentIndex();
        m_current = {current.data(StoryMatrixModel::InterviewIdRole).toLongLong(),
                     current.data(StoryMatrixModel::GroupIdRole).toLongLong()};
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        updateState();
        const QModelIndex again = m_model->cellIndex(m_current.first, m_current.second);
        if (again.isValid())
            m_table->setCurrentIndex(again);
    });
    updateState();
}

StoryMatrixView::~StoryMatrixView() = default;

void StoryMatrixView::updateState()
{
    const int stories = m_model->rowCount();
    const int groups = m_model->columnCount();
    m_stack->setCurrentIndex(groups == 0 ? 1 : 0);
    m_summary->setText(
        groups == 0 ? QString()
                    : tr("%1 stories × %2 force groups. Click a cell, or press Space on it, to "
                         "change your mark; double-click a group to see its quotes.")
                          .arg(stories)
                          .arg(groups));
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->resizeSections(QHeaderView::Fixed);
    m_table->updateGeometry();
}

void StoryMatrixView::onToggleRequested(const QModelIndex &index)
{
    if (index.isValid())
        m_model->toggle(index);
}

bool StoryMatrixView::toggle(Id interviewId, Id groupId)
{
    const QModelIndex index = m_model->cellIndex(interviewId, groupId);
    if (!index.isValid())
        return false;
    m_table->setCurrentIndex(index);
    return m_model->toggle(index);
}

} // namespace jtbd::app
