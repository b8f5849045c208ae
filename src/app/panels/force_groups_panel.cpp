// The force groups panel.
#include "force_groups_panel.h"

#include "panel_style.h"
#include "story_matrix_view.h"

#include <jtbd/study.h>

#include <QAction>
#include <QButtonGroup>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPainter>
#include <QPainterPath>
#include <QStackedWidget>
#include <QStyledItemDelegate>
#include <QTabWidget>
#include <QTextLayout>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>

#include <algorithm>
#include <app/models/force_group_model.h>
#include <app/models/story_matrix_model.h>
#include <app/study_document.h>

namespace jtbd::app {

namespace {

using Kind = ForceGroupModel::ItemKind;

constexpr int kForceBar = 4; // the force's colour at the left of a group's row
constexpr int kPinSize = 14;
constexpr int kStoryColumn = 190; // the widest the story name beside a quote gets

Kind kindOf(const QModelIndex &index)
{
    return static_cast<Kind>(index.data(ForceGroupModel::KindRole).toInt());
}

bool isQuote(const QModelIndex &index)
{
    return index.isValid() && kindOf(index) == Kind::Quote;
}

bool isGroup(const QModelIndex &index)
{
    return index.isValid() && kindOf(index) == Kind::Group;
}

Id groupIdOf(const QModelIndex &index)
{
    return index.data(ForceGroupModel::GroupIdRole).toLongLong();
}

QString inQuotes(const QString &text)
{
    return ForceGroupsPanel::tr("“%1”").arg(text);
}

// A push pin, leaning right, in `color`: the sign of a pinned group.
void paintPin(QPainter &painter, const QRectF &box, const QColor &color)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, true);
    painter.translate(box.center());
    painter.rotate(35);
    const qreal s = box.height() / 14.0;
    painter.setPen(QPen(color.darker(150), 1.2 * s, Qt::SolidLine, Qt::RoundCap));
    painter.drawLine(QPointF(0, 1 * s), QPointF(0, 7 * s)); // the needle
    painter.setPen(Qt::NoPen);
    painter.setBrush(color);
    painter.drawRoundedRect(QRectF(-2.5 * s, -7 * s, 5 * s, 6 * s), 1.2 * s, 1.2 * s); // the body
    painter.drawRoundedRect(QRectF(-4.5 * s, -1.5 * s, 9 * s, 2.5 * s), 1 * s, 1 * s); // the rim
    painter.restore();
}

QIcon pinIcon(const QColor &color)
{
    QPixmap pixmap(16, 16);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    paintPin(painter, QRectF(1, 1, 14, 14), color);
    return QIcon(pixmap);
}

// `text` in at most two lines of `width`, the second elided when the text goes on.
QStringList twoLines(const QString &text, const QFont &font, qreal width)
{
    QStringList lines;
    QTextLayout layout(text, font);
    layout.beginLayout();
    QTextLine first = layout.createLine();
    if (!first.isValid()) {
        layout.endLayout();
        return lines;
    }
    first.setLineWidth(width);
    lines << text.mid(first.textStart(), first.textLength()).trimmed();
    const int rest = first.textStart() + first.textLength();
    layout.endLayout();
    if (rest < text.size())
        lines << QFontMetrics(font).elidedText(
            text.mid(rest).trimmed(), Qt::ElideRight, static_cast<int>(width));
    return lines;
}

// Paints group headers (label, pin, count, "renamed") and quotes (two lines and the story).
class ForceGroupDelegate final : public QStyledItemDelegate
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
        opt.icon = QIcon();
        const QWidget *widget = option.widget;
        QStyle *style = widget ? widget->style() : nullptr;
        const Kind kind = kindOf(index);
        const QColor force = index.data(ForceGroupModel::ForceColorRole).value<QColor>();
        const bool selected = option.state & QStyle::State_Selected;
        const QColor text =
            option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text);
        // Secondary text: between the text and the background, darker than disabled text so
        // the story names stay readable.
        QColor muted = selected ? text : secondaryText(text, option.palette.color(QPalette::Base));

        painter->save();
        if (kind != Kind::Quote) {
            QColor tint = kind == Kind::Group ? force : option.palette.color(QPalette::Mid);
            tint.setAlpha(kind == Kind::Group ? 30 : 40);
            painter->fillRect(option.rect, tint);
        }
        if (style)
            style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);
        if (kind == Kind::Quote) {
            // A hairline between quotes so two-line quotes do not run together.
            painter->setPen(QPen(option.palette.color(QPalette::Midlight), 1));
            painter->drawLine(option.rect.bottomLeft() + QPoint(6, 0), option.rect.bottomRight());
            paintQuote(painter, option, index, text, muted);
        } else
            paintGroup(painter, option, index, kind, force, text, muted);
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const QFontMetrics metrics(option.font);
        if (kindOf(index) == Kind::Quote)
            return {200, metrics.lineSpacing() * 2 + 12};
        return {200, metrics.height() + 16};
    }

    void updateEditorGeometry(QWidget *editor,
                              const QStyleOptionViewItem &option,
                              const QModelIndex &index) const override
    {
        const int left =
            kForceBar + 6 + (index.data(ForceGroupModel::PinnedRole).toBool() ? kPinSize + 6 : 0);
        editor->setGeometry(option.rect.adjusted(left, 2, -8, -2));
    }

private:
    static void paintGroup(QPainter *painter,
                           const QStyleOptionViewItem &option,
                           const QModelIndex &index,
                           Kind kind,
                           const QColor &force,
                           const QColor &text,
                           const QColor &muted)
    {
        const QRect rect = option.rect;
        if (kind == Kind::Group)
            painter->fillRect(QRect(rect.left(), rect.top(), kForceBar, rect.height()), force);
        int x = rect.left() + kForceBar + 8;
        if (index.data(ForceGroupModel::PinnedRole).toBool()) {
            paintPin(*painter,
                     QRectF(x, rect.center().y() - kPinSize / 2.0 + 0.5, kPinSize, kPinSize),
                     option.state & QStyle::State_Selected ? text : force);
            x += kPinSize + 6;
        }
        const int count = index.data(ForceGroupModel::CountRole).toInt();
        QString details = count == 1 ? ForceGroupsPanel::tr("1 quote")
                                     : ForceGroupsPanel::tr("%1 quotes").arg(count);
        const bool renamed = index.data(ForceGroupModel::RenamedRole).toBool();
        const QString hint = renamed ? ForceGroupsPanel::tr("renamed") : QString();

        QFont bold = option.font;
        bold.setBold(true);
        if (kind == Kind::Ungrouped) {
            bold.setBold(false);
            bold.setItalic(true);
        }
        QFont small = option.font;
        QFont italic = small;
        italic.setItalic(true);
        const QFontMetrics boldMetrics(bold);
        const QFontMetrics smallMetrics(small);
        const QFontMetrics italicMetrics(italic);
        const int detailsWidth = smallMetrics.horizontalAdvance(details);
        const int hintWidth = hint.isEmpty() ? 0 : italicMetrics.horizontalAdvance(hint) + 12;
        const int available = rect.right() - 8 - x - detailsWidth - 14 - hintWidth;
        const QString label = boldMetrics.elidedText(
            index.data(Qt::DisplayRole).toString(), Qt::ElideRight, std::max(40, available));
        painter->setFont(bold);
        painter->setPen(text);
        const QRect line(x, rect.top(), rect.right() - x, rect.height());
        painter->drawText(line, Qt::AlignLeft | Qt::AlignVCenter, label);
        x += boldMetrics.horizontalAdvance(label) + 14;
        painter->setFont(small);
        painter->setPen(muted);
        painter->drawText(QRect(x, rect.top(), detailsWidth + 2, rect.height()),
                          Qt::AlignLeft | Qt::AlignVCenter,
                          details);
        x += detailsWidth + 12;
        if (!hint.isEmpty() && x + hintWidth <= rect.right()) {
            painter->setFont(italic);
            painter->drawText(QRect(x, rect.top(), hintWidth, rect.height()),
                              Qt::AlignLeft | Qt::AlignVCenter,
                              hint);
        }
    }

    static void paintQuote(QPainter *painter,
                           const QStyleOptionViewItem &option,
                           const QModelIndex &index,
                           const QColor &text,
                           const QColor &muted)
    {
        const QRect rect = option.rect.adjusted(6, 6, -8, -6);
        const QFontMetrics metrics(option.font);
        const int storyWidth = std::min(kStoryColumn, rect.width() / 4);
        const int textWidth = rect.width() - storyWidth - 16;
        painter->setFont(option.font);
        painter->setPen(text);
        const auto lines = twoLines(index.data(Qt::DisplayRole).toString(), option.font, textWidth);
        const bool placed = index.data(ForceGroupModel::PlacedRole).toBool();
        // A one-line quote (and a lone story name) sits in the middle of the row.
        const int block =
            static_cast<int>(std::max<qsizetype>(lines.size(), 1)) * metrics.lineSpacing();
        int y = rect.top() + (rect.height() - block) / 2;
        for (const auto &line : lines) {
            painter->drawText(QRect(rect.left(), y, textWidth, metrics.lineSpacing()),
                              Qt::AlignLeft | Qt::AlignVCenter,
                              line);
            y += metrics.lineSpacing();
        }
        const int storyTop = placed ? rect.top() + (rect.height() - 2 * metrics.lineSpacing()) / 2
                                    : rect.top() + (rect.height() - metrics.lineSpacing()) / 2;
        const QRect story(rect.right() - storyWidth, storyTop, storyWidth, metrics.lineSpacing());
        painter->setPen(muted);
        painter->drawText(
            story,
            Qt::AlignRight | Qt::AlignVCenter,
            metrics.elidedText(index.data(ForceGroupModel::ParticipantRole).toString(),
                               Qt::ElideRight,
                               storyWidth));
        if (placed) {
            QFont italic = option.font;
            italic.setItalic(true);
            painter->setFont(italic);
            painter->drawText(story.translated(0, metrics.lineSpacing()),
                              Qt::AlignRight | Qt::AlignVCenter,
                              ForceGroupsPanel::tr("placed by you"));
        }
    }
};

QString buttonStyle(const QColor &color)
{
    // Unchecked: the force's colour as text and border; checked: filled with it.
    return QStringLiteral("QToolButton { color: %1; border: 1px solid %1; border-radius: 4px; "
                          "padding: 4px 12px; background: transparent; }"
                          "QToolButton:checked { color: white; background: %1; font-weight: bold; }"
                          "QToolButton:hover:!checked { background: %2; }")
        .arg(color.darker(115).name(),
             QColor(color.red(), color.green(), color.blue(), 40).name(QColor::HexArgb));
}

} // namespace

ForceGroupsPanel::ForceGroupsPanel(StudyDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_model(new ForceGroupModel(document, this))
    , m_pages(new QTabWidget(this))
    , m_forceButtons(new QButtonGroup(this))
    , m_summary(new QLabel(this))
    , m_toolBar(new QToolBar(this))
    , m_treeStack(new QStackedWidget(this))
    , m_tree(new QTreeView(this))
    , m_empty(new QLabel(this))
    , m_matrix(new StoryMatrixView(document, this))
{
    setObjectName(QStringLiteral("forceGroupsPanel"));

    auto makeAction = [this](const QString &text, const char *name, const QString &tip) {
        auto *action = new QAction(text, this);
        action->setObjectName(QString::fromLatin1(name));
        action->setToolTip(tip);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
        return action;
    };
    m_addAction = makeAction(
        tr("New group"), "newForceGroupAction", tr("Add an empty group to this force (Insert)"));
    m_addAction->setShortcut(QKeySequence(Qt::Key_Insert));
    m_renameAction =
        makeAction(tr("Rename"), "renameForceGroupAction", tr("Rename the group (F2)"));
    m_renameAction->setShortcut(QKeySequence(Qt::Key_F2));
    m_pinAction = makeAction(tr("Pin"),
                             "pinForceGroupAction",
                             tr("Pin the group: a new run of the synthesis leaves it as it is"));
    m_pinAction->setCheckable(true);
    m_pinAction->setIcon(pinIcon(QColor(0x55, 0x55, 0x55)));
    m_mergeAction = makeAction(tr("Merge"),
                               "mergeForceGroupsAction",
                               tr("Merge the selected groups into the current one"));
    m_splitAction = makeAction(tr("Split into new group"),
                               "splitForceGroupAction",
                               tr("Make a new group of the selected quotes"));
    m_deleteAction =
        makeAction(tr("Delete group"),
                   "deleteForceGroupAction",
                   tr("Delete the selected groups; their quotes become ungrouped (Del)"));
    m_deleteAction->setShortcut(QKeySequence::Delete);
    m_showQuoteAction = makeAction(
        tr("Show in Transcript"), "showForceQuoteAction", tr("Open the quote in its transcript"));
    m_foldAction =
        makeAction(tr("Fold all"), "foldForceGroupsAction", tr("Show only the groups' labels"));
    m_unfoldAction =
        makeAction(tr("Unfold all"), "unfoldForceGroupsAction", tr("Show every group's quotes"));
    connect(m_foldAction, &QAction::triggered, this, [this] {
        setAllExpanded(false);
    });
    connect(m_unfoldAction, &QAction::triggered, this, [this] {
        setAllExpanded(true);
    });
    connect(m_addAction, &QAction::triggered, this, &ForceGroupsPanel::addGroup);
    connect(m_renameAction, &QAction::triggered, this, &ForceGroupsPanel::renameCurrent);
    connect(m_pinAction, &QAction::triggered, this, &ForceGroupsPanel::togglePinCurrent);
    connect(m_mergeAction, &QAction::triggered, this, &ForceGroupsPanel::mergeSelected);
    connect(m_splitAction, &QAction::triggered, this, &ForceGroupsPanel::splitSelected);
    connect(m_deleteAction, &QAction::triggered, this, &ForceGroupsPanel::deleteSelected);
    connect(m_showQuoteAction, &QAction::triggered, this, [this] {
        onActivated(m_tree->currentIndex());
    });

    // The force selector, in the forces' colours.
    auto *forceRow = new QHBoxLayout;
    forceRow->setSpacing(6);
    for (std::size_t i = 0; i < kForces.size(); ++i) {
        const Force force = kForces[i];
        auto *button = new QToolButton(this);
        button->setObjectName(QStringLiteral("forceGroupsForce-%1").arg(toQString(key(force))));
        button->setCheckable(true);
        button->setAutoRaise(false);
        button->setToolTip(toQString(info(force).name));
        button->setStyleSheet(buttonStyle(QColor(toQString(info(force).color))));
        m_forceButtons->addButton(button, static_cast<int>(i));
        m_forceButton[i] = button;
        forceRow->addWidget(button);
    }
    m_forceButton[0]->setChecked(true);
    forceRow->addSpacing(12);
    m_summary->setObjectName(QStringLiteral("forceGroupsSummary"));
    m_summary->setPalette(mutedPalette(m_summary->palette()));
    m_summary->setWordWrap(true);
    forceRow->addWidget(m_summary, 1);
    connect(m_forceButtons, &QButtonGroup::idClicked, this, [this](int id) {
        setForce(kForces[static_cast<std::size_t>(id)]);
    });

    m_toolBar->setObjectName(QStringLiteral("forceGroupsToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_toolBar->addAction(m_addAction);
    m_toolBar->addAction(m_renameAction);
    m_toolBar->addAction(m_pinAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_mergeAction);
    m_toolBar->addAction(m_splitAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_deleteAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_foldAction);
    m_toolBar->addAction(m_unfoldAction);

    m_tree->setObjectName(QStringLiteral("forceGroupsTree"));
    m_tree->setModel(m_model);
    m_tree->setItemDelegate(new ForceGroupDelegate(m_tree));
    m_tree->setHeaderHidden(true);
    m_tree->setUniformRowHeights(false);
    m_tree->setAnimated(false);
    m_tree->setIndentation(18);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_tree->setDragDropMode(QAbstractItemView::DragDrop);
    m_tree->setDefaultDropAction(Qt::MoveAction);
    m_tree->setDropIndicatorShown(true);
    // Not overwrite mode: after a move the view would blank the dragged rows through setData.
    m_tree->setDragDropOverwriteMode(false);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_tree->header()->setStretchLastSection(true);
    connect(m_tree, &QTreeView::activated, this, &ForceGroupsPanel::onActivated);
    connect(
        m_tree, &QTreeView::customContextMenuRequested, this, &ForceGroupsPanel::showContextMenu);
    connect(m_tree->selectionModel(),
            &QItemSelectionModel::selectionChanged,
            this,
            &ForceGroupsPanel::updateActions);
    connect(m_tree->selectionModel(),
            &QItemSelectionModel::currentChanged,
            this,
            &ForceGroupsPanel::updateActions);
    connect(
        m_model, &QAbstractItemModel::modelAboutToBeReset, this, &ForceGroupsPanel::rememberState);
    connect(m_model, &QAbstractItemModel::modelReset, this, &ForceGroupsPanel::restoreState);

    m_empty->setObjectName(QStringLiteral("forceGroupsEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setPalette(hintPalette(m_empty->palette()));
    m_treeStack->addWidget(m_tree);
    m_treeStack->addWidget(m_empty);

    auto *groupsPage = new QWidget(m_pages);
    groupsPage->setObjectName(QStringLiteral("forceGroupsPage"));
    auto *groupsLayout = new QVBoxLayout(groupsPage);
    groupsLayout->setContentsMargins(8, 8, 8, 4);
    groupsLayout->setSpacing(6);
    groupsLayout->addLayout(forceRow);
    groupsLayout->addWidget(m_toolBar);
    groupsLayout->addWidget(m_treeStack, 1);

    m_pages->setObjectName(QStringLiteral("forceGroupsPages"));
    m_pages->setDocumentMode(true);
    m_pages->addTab(groupsPage, tr("Groups by force"));
    m_pages->addTab(m_matrix, tr("Story × force-group matrix"));
    connect(m_matrix, &StoryMatrixView::groupActivated, this, &ForceGroupsPanel::showGroup);
    connect(m_pages, &QTabWidget::currentChanged, this, [this] {
        setModelsActive(isVisible());
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_pages);

    restoreState();
    // Until the panel is shown, changes are only noted (showEvent reads them).
    setModelsActive(false);
}

ForceGroupsPanel::~ForceGroupsPanel() = default;

void ForceGroupsPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    setModelsActive(true);
}

void ForceGroupsPanel::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    setModelsActive(false);
}

void ForceGroupsPanel::setModelsActive(bool panelShown)
{
    // Only the page on screen reads each change; the other page's model reads the changes it
    // missed when its page is shown.
    m_model->setActive(panelShown && currentPage() == Page::Groups);
    m_matrix->model()->setActive(panelShown && currentPage() == Page::Matrix);
}

void ForceGroupsPanel::setForce(Force force)
{
    const auto position = std::find(kForces.begin(), kForces.end(), force) - kForces.begin();
    if (!m_forceButton[static_cast<std::size_t>(position)]->isChecked())
        m_forceButton[static_cast<std::size_t>(position)]->setChecked(true);
    if (force == m_model->force())
        return;
    m_selectedGroups.clear();
    m_selectedQuotes.clear();
    m_current = {};
    m_currentGroup = 0;
    m_model->setForce(force);
}

Force ForceGroupsPanel::force() const
{
    return m_model->force();
}

void ForceGroupsPanel::showPage(Page page)
{
    m_pages->setCurrentIndex(page == Page::Groups ? 0 : 1);
}

ForceGroupsPanel::Page ForceGroupsPanel::currentPage() const
{
    return m_pages->currentIndex() == 0 ? Page::Groups : Page::Matrix;
}

// ---------------------------------------------------------------------------------------------
// Selection

void ForceGroupsPanel::selectGroups(const std::vector<Id> &groupIds)
{
    QItemSelection selection;
    QModelIndex first;
    for (Id id : groupIds) {
        const QModelIndex index = m_model->groupIndex(id);
        if (!index.isValid())
            continue;
        if (!first.isValid())
            first = index;
        selection.select(index, index);
    }
    if (first.isValid())
        m_tree->selectionModel()->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
    m_tree->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    if (first.isValid())
        m_tree->scrollTo(first);
    updateActions();
}

void ForceGroupsPanel::selectQuotes(Id groupId, const std::vector<Id> &highlightIds)
{
    QItemSelection selection;
    QModelIndex first;
    for (Id id : highlightIds) {
        const QModelIndex index = m_model->quoteIndex(groupId, id);
        if (!index.isValid())
            continue;
        if (!first.isValid())
            first = index;
        selection.select(index, index);
    }
    if (first.isValid()) {
        m_tree->expand(first.parent());
        m_tree->selectionModel()->setCurrentIndex(first, QItemSelectionModel::NoUpdate);
        m_tree->scrollTo(first);
    }
    m_tree->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    updateActions();
}

std::vector<Id> ForceGroupsPanel::selectedGroupIds() const
{
    std::vector<Id> ids;
    for (const auto &index : m_tree->selectionModel()->selectedRows())
        if (isGroup(index))
            ids.push_back(groupIdOf(index));
    return ids;
}

std::vector<GroupedQuote> ForceGroupsPanel::selectedQuotes() const
{
    std::vector<GroupedQuote> quotes;
    auto rows = m_tree->selectionModel()->selectedRows();
    // In the order the tree shows them.
    std::sort(rows.begin(), rows.end(), [](const QModelIndex &a, const QModelIndex &b) {
        if (a.parent().row() != b.parent().row())
            return a.parent().row() < b.parent().row();
        return a.row() < b.row();
    });
    for (const auto &index : rows)
        if (isQuote(index))
            quotes.push_back(m_model->quote(index));
    return quotes;
}

Id ForceGroupsPanel::currentGroupId() const
{
    return groupIdOf(m_tree->currentIndex());
}

void ForceGroupsPanel::showGroup(Id groupId)
{
    auto group = m_document->study().forceGroup(groupId);
    if (!group)
        return;
    showPage(Page::Groups);
    setForce(group->force);
    if (m_model->groupIndex(groupId).isValid())
        selectGroups({groupId});
}

void ForceGroupsPanel::setAllExpanded(bool expanded)
{
    for (int r = 0; r < m_model->rowCount(); ++r)
        m_tree->setExpanded(m_model->index(r, 0), expanded);
}

void ForceGroupsPanel::setGroupExpanded(Id groupId, bool expanded)
{
    const QModelIndex index =
        groupId == 0 ? m_model->ungroupedIndex() : m_model->groupIndex(groupId);
    if (index.isValid())
        m_tree->setExpanded(index, expanded);
}

void ForceGroupsPanel::rememberState()
{
    // Groups folded away stay folded; new groups open.
    for (int r = 0; r < m_model->rowCount(); ++r) {
        const QModelIndex index = m_model->index(r, 0);
        const Id id = groupIdOf(index);
        if (m_tree->isExpanded(index))
            m_collapsed.erase(id);
        else
            m_collapsed.insert(id);
    }
    m_selectedGroups = selectedGroupIds();
    m_selectedQuotes = selectedQuotes();
    const QModelIndex current = m_tree->currentIndex();
    m_current = isQuote(current) ? m_model->quote(current) : GroupedQuote{};
    m_currentGroup = isGroup(current) ? groupIdOf(current) : 0;
}

void ForceGroupsPanel::restoreState()
{
    for (int r = 0; r < m_model->rowCount(); ++r) {
        const QModelIndex index = m_model->index(r, 0);
        m_tree->setExpanded(index, !m_collapsed.count(groupIdOf(index)));
    }
    // A quote that moved is followed to its new group.
    auto findQuote = [this](const GroupedQuote &quote) {
        QModelIndex index = m_model->quoteIndex(quote.groupId, quote.highlightId);
        for (int r = 0; !index.isValid() && r < m_model->rowCount(); ++r)
            index = m_model->quoteIndex(groupIdOf(m_model->index(r, 0)), quote.highlightId);
        return index;
    };
    QItemSelection selection;
    for (Id id : m_selectedGroups)
        if (const QModelIndex index = m_model->groupIndex(id); index.isValid())
            selection.select(index, index);
    for (const auto &quote : m_selectedQuotes)
        if (const QModelIndex index = findQuote(quote); index.isValid())
            selection.select(index, index);
    QModelIndex current;
    if (m_current.highlightId != 0)
        current = findQuote(m_current);
    else if (m_currentGroup != 0)
        current = m_model->groupIndex(m_currentGroup);
    if (current.isValid()) {
        m_tree->expand(current.parent());
        m_tree->selectionModel()->setCurrentIndex(current, QItemSelectionModel::NoUpdate);
    }
    m_tree->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect);
    updateSummary();
    updateActions();
}

void ForceGroupsPanel::focusGroup(Id groupId, bool edit)
{
    m_model->reload(); // now rather than when the event loop comes round: the group is wanted
    const QModelIndex index = m_model->groupIndex(groupId);
    if (!index.isValid())
        return;
    selectGroups({groupId});
    m_tree->setCurrentIndex(index);
    m_tree->expand(index);
    if (edit)
        m_tree->edit(index);
}

// ---------------------------------------------------------------------------------------------
// Looks

void ForceGroupsPanel::updateSummary()
{
    std::array<int, 4> groups{};
    if (auto all = m_document->study().forceGroups()) {
        for (const auto &g : *all)
            ++groups[static_cast<std::size_t>(std::find(kForces.begin(), kForces.end(), g.force)
                                              - kForces.begin())];
    }
    for (std::size_t i = 0; i < kForces.size(); ++i) {
        const auto &f = info(kForces[i]);
        m_forceButton[i]->setText(
            groups[i] == 1 ? tr("%1 · 1 group").arg(toQString(f.shortName))
                           : tr("%1 · %2 groups").arg(toQString(f.shortName)).arg(groups[i]));
    }
    const auto &f = info(m_model->force());
    const int total = m_model->quoteCount();
    const QModelIndex ungroupedIndex = m_model->ungroupedIndex();
    const int ungrouped = m_model->rowCount(ungroupedIndex);
    const int groupCount = static_cast<int>(m_model->groups().size());
    QString text =
        tr("%1 (%2): %n tagged quotes", nullptr, total).arg(toQString(f.name), toQString(f.id));
    if (groupCount > 0)
        text += tr(", %n in groups", nullptr, total - ungrouped)
                + tr(", %n ungrouped.", nullptr, ungrouped);
    else
        text += QStringLiteral(".");
    text += QStringLiteral(" ") + tr("Drag quotes between groups, or right-click for more.");
    m_summary->setText(text);

    const bool empty = total == 0 && groupCount == 0;
    m_empty->setText(tr("No quote is tagged %1 yet. Tag quotes in the transcripts; the synthesis "
                        "groups them here.")
                         .arg(toQString(f.shortName)));
    m_treeStack->setCurrentIndex(empty ? 1 : 0);
}

void ForceGroupsPanel::updateActions()
{
    const QModelIndex current = m_tree->currentIndex();
    const bool onGroup = isGroup(current);
    m_renameAction->setEnabled(onGroup);
    m_pinAction->setEnabled(onGroup);
    const bool pinned = onGroup && current.data(ForceGroupModel::PinnedRole).toBool();
    m_pinAction->setChecked(pinned);
    m_pinAction->setText(pinned ? tr("Unpin") : tr("Pin"));
    const auto groups = selectedGroupIds();
    m_mergeAction->setEnabled(groups.size() >= 2);
    m_deleteAction->setEnabled(!groups.empty());
    const auto quotes = selectedQuotes();
    const bool oneGroup =
        !quotes.empty() && std::all_of(quotes.begin(), quotes.end(), [&](const GroupedQuote &q) {
            return q.groupId == quotes.front().groupId;
        });
    m_splitAction->setEnabled(oneGroup);
    m_splitAction->setText(oneGroup && quotes.front().groupId == 0 ? tr("Group selected quotes")
                                                                   : tr("Split into new group"));
    m_showQuoteAction->setEnabled(isQuote(current));
}

// ---------------------------------------------------------------------------------------------
// Edits

void ForceGroupsPanel::addGroup()
{
    auto command = addForceGroupCommand(m_document->study(), m_model->force(), tr("New group"));
    auto *edit =
        command && *command ? static_cast<ForceGroupEditCommand *>(command->get()) : nullptr;
    if (applyCommand(*m_document, tr("New group"), std::move(command)) && edit)
        focusGroup(edit->createdId(), true);
}

void ForceGroupsPanel::renameCurrent()
{
    const QModelIndex current = m_tree->currentIndex();
    if (!isGroup(current))
        return;
    m_tree->edit(current);
}

void ForceGroupsPanel::togglePinCurrent()
{
    const QModelIndex current = m_tree->currentIndex();
    if (!isGroup(current))
        return;
    const Id id = groupIdOf(current);
    const bool pinned = current.data(ForceGroupModel::PinnedRole).toBool();
    applyCommand(*m_document,
                 pinned ? tr("Unpin group") : tr("Pin group"),
                 pinForceGroupCommand(m_document->study(), id, !pinned));
    m_model->reload(); // now rather than when the event loop comes round: the pin shows the edit
    updateActions();
}

void ForceGroupsPanel::mergeSelected()
{
    auto groups = selectedGroupIds();
    if (groups.size() < 2)
        return;
    const QModelIndex current = m_tree->currentIndex();
    Id into = groups.front();
    if (isGroup(current)
        && std::find(groups.begin(), groups.end(), groupIdOf(current)) != groups.end())
        into = groupIdOf(current);
    groups.erase(std::remove(groups.begin(), groups.end(), into), groups.end());
    if (applyCommand(*m_document,
                     tr("Merge groups"),
                     mergeForceGroupsCommand(m_document->study(), groups, into)))
        focusGroup(into, false);
}

void ForceGroupsPanel::splitSelected()
{
    const auto quotes = selectedQuotes();
    if (quotes.empty())
        return;
    const Id source = quotes.front().groupId;
    std::vector<Id> ids;
    for (const auto &q : quotes) {
        if (q.groupId != source)
            return; // quotes of several groups: Move to ▸ is for that
        ids.push_back(q.highlightId);
    }
    const ForceGroup *group = m_model->group(source);
    ForceGroupCommand command =
        source == 0 || !group
            ? addForceGroupCommand(m_document->study(), m_model->force(), tr("New group"), ids)
            : splitForceGroupCommand(m_document->study(),
                                     source,
                                     ids,
                                     tr("Split from %1").arg(inQuotes(toQString(group->label))));
    auto *edit =
        command && *command ? static_cast<ForceGroupEditCommand *>(command->get()) : nullptr;
    if (applyCommand(*m_document, tr("Split group"), std::move(command)) && edit)
        focusGroup(edit->createdId(), true);
}

void ForceGroupsPanel::moveSelectedTo(Id groupId)
{
    const auto quotes = selectedQuotes();
    if (quotes.empty())
        return;
    applyCommand(
        *m_document, tr("Move quotes"), moveQuotesCommand(m_document->study(), quotes, groupId));
    m_model->reload(); // now: the moved quotes are selected where they went at once
}

void ForceGroupsPanel::deleteSelected()
{
    const auto groups = selectedGroupIds();
    if (groups.empty())
        return;
    auto *stack = m_document->undoStack();
    const bool macro = groups.size() > 1;
    if (macro)
        stack->beginMacro(tr("Delete %n force groups", nullptr, static_cast<int>(groups.size())));
    for (Id id : groups)
        applyCommand(
            *m_document, tr("Delete group"), deleteForceGroupCommand(m_document->study(), id));
    if (macro)
        stack->endMacro();
    m_model->reload(); // now: the deleted groups leave the tree at once
}

// ---------------------------------------------------------------------------------------------
// Activation and menus

void ForceGroupsPanel::onActivated(const QModelIndex &index)
{
    if (!isQuote(index))
        return;
    const Id interviewId = index.data(ForceGroupModel::InterviewIdRole).toLongLong();
    const Id highlightId = index.data(ForceGroupModel::HighlightIdRole).toLongLong();
    if (interviewId != 0 && highlightId != 0)
        Q_EMIT quoteActivated(interviewId, highlightId);
}

void ForceGroupsPanel::fillMoveMenu(QMenu *menu)
{
    const auto quotes = selectedQuotes();
    const bool allIn = [&](Id groupId) {
        return std::all_of(quotes.begin(), quotes.end(), [groupId](const GroupedQuote &q) {
            return q.groupId == groupId;
        });
    }(0);
    for (const auto &group : m_model->groups()) {
        const Id id = group.id;
        auto *action = menu->addAction(toQString(group.label), this, [this, id] {
            moveSelectedTo(id);
        });
        action->setEnabled(std::any_of(quotes.begin(), quotes.end(), [id](const GroupedQuote &q) {
            return q.groupId != id;
        }));
    }
    if (!m_model->groups().empty())
        menu->addSeparator();
    auto *ungroup = menu->addAction(tr("Ungrouped"), this, [this] {
        moveSelectedTo(0);
    });
    ungroup->setEnabled(!allIn);
}

void ForceGroupsPanel::showContextMenu(const QPoint &position)
{
    const QModelIndex index = m_tree->indexAt(position);
    if (index.isValid() && !m_tree->selectionModel()->isSelected(index)) {
        m_tree->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect);
    }
    updateActions();
    QMenu menu(this);
    if (isQuote(index)) {
        menu.addAction(m_showQuoteAction);
        auto *move = menu.addMenu(tr("Move to"));
        move->setObjectName(QStringLiteral("forceGroupsMoveMenu"));
        fillMoveMenu(move);
        menu.addAction(m_splitAction);
        menu.addSeparator();
    } else if (isGroup(index)) {
        menu.addAction(m_renameAction);
        menu.addAction(m_pinAction);
        if (m_mergeAction->isEnabled())
            menu.addAction(m_mergeAction);
        menu.addAction(m_deleteAction);
        menu.addSeparator();
    }
    menu.addAction(m_addAction);
    menu.exec(m_tree->viewport()->mapToGlobal(position));
}

} // namespace jtbd::app
