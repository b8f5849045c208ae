// The codebook panel.
#include "codebook_panel.h"

#include "panel_style.h"

#include <jtbd/study.h>

#include <QAction>
#include <QColorDialog>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPainter>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QToolBar>
#include <QTreeView>
#include <QUndoStack>
#include <QVBoxLayout>

#include <app/commands/code_commands.h>
#include <app/models/codebook_model.h>
#include <app/study_document.h>
#include <array>

namespace jtbd::app {

namespace {

// Colours for new top-level codes, apart from the forces' and the other built-in colours so a
// custom code is not mistaken for one of the method's.
constexpr std::array kCustomColors = {"#E69138",
                                      "#45818E",
                                      "#A64D79",
                                      "#6D9EEB",
                                      "#B45F06",
                                      "#38761D",
                                      "#674EA7",
                                      "#BF9000",
                                      "#0B5394",
                                      "#990000"};

QString inQuotes(const QString &name)
{
    return CodebookPanel::tr("“%1”").arg(name);
}

QPixmap swatchPixmap(const QColor &color, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    if (color.isValid()) {
        painter.setPen(QPen(color.darker(130), 1));
        painter.setBrush(color);
    } else {
        painter.setPen(QPen(QColor(0x99, 0x99, 0x99), 1, Qt::DashLine));
    }
    painter.drawRoundedRect(QRectF(0.5, 0.5, size - 1, size - 1), 3, 3);
    return pixmap;
}

QString kindText(const Code &code)
{
    switch (code.kind) {
    case CodeKind::Force:
        if (auto force = parseForce(code.key)) {
            const auto &f = info(*force);
            return CodebookPanel::tr("Force %1, %2 the switch")
                .arg(toQString(f.id),
                     f.towardSwitch ? CodebookPanel::tr("toward") : CodebookPanel::tr("against"));
        }
        return CodebookPanel::tr("Force");
    case CodeKind::Phase:
        return CodebookPanel::tr("Timeline phase");
    case CodeKind::Event:
        return CodebookPanel::tr("Timeline event");
    case CodeKind::Dimension:
        return CodebookPanel::tr("Dimension of the job");
    case CodeKind::Criterion:
        return CodebookPanel::tr("Hire or fire criterion");
    case CodeKind::Concept:
        return CodebookPanel::tr("Concept of the method");
    case CodeKind::Custom:
        return CodebookPanel::tr("Custom code");
    }
    return {};
}

// "1 highlight", "14 highlights": Qt's %n plurals need a translation to drop the "(s)".
QString highlightCount(std::int64_t n)
{
    return n == 1 ? CodebookPanel::tr("1 highlight")
                  : CodebookPanel::tr("%1 highlights").arg(QLocale().toString(qlonglong(n)));
}

QString subCodeCount(std::int64_t n)
{
    return n == 1 ? CodebookPanel::tr("1 sub-code")
                  : CodebookPanel::tr("%1 sub-codes").arg(QLocale().toString(qlonglong(n)));
}

QString shortcutText(const std::string &shortcut)
{
    if (shortcut.empty())
        return CodebookPanel::tr("none");
    return QKeySequence::fromString(toQString(shortcut), QKeySequence::PortableText)
        .toString(QKeySequence::NativeText);
}

// The new-code form: name, colour, shortcut and description, checked before it closes.
class NewCodeDialog final : public QDialog
{
public:
    NewCodeDialog(QWidget *parent,
                  const QString &title,
                  const Code &proposal,
                  std::function<QString(const Code &)> check)
        : QDialog(parent)
        , m_code(proposal)
        , m_check(std::move(check))
    {
        setWindowTitle(title);
        setObjectName(QStringLiteral("newCodeDialog"));
        auto *form = new QFormLayout;
        m_name = new QLineEdit(toQString(proposal.name), this);
        m_name->setObjectName(QStringLiteral("newCodeName"));
        m_name->setPlaceholderText(tr("e.g. Pricing"));
        m_colorButton = new QPushButton(this);
        m_colorButton->setObjectName(QStringLiteral("newCodeColor"));
        m_shortcut = new QLineEdit(toQString(proposal.shortcut), this);
        m_shortcut->setObjectName(QStringLiteral("newCodeShortcut"));
        m_shortcut->setPlaceholderText(tr("optional, e.g. P"));
        m_description = new QPlainTextEdit(toQString(proposal.description), this);
        m_description->setObjectName(QStringLiteral("newCodeDescription"));
        m_description->setPlaceholderText(tr("When to use this code"));
        m_description->setTabChangesFocus(true);
        m_error = new QLabel(this);
        m_error->setObjectName(QStringLiteral("newCodeError"));
        m_error->setStyleSheet(QStringLiteral("color: #B00020;"));
        m_error->setWordWrap(true);
        m_error->hide();
        form->addRow(tr("&Name:"), m_name);
        form->addRow(tr("&Colour:"), m_colorButton);
        form->addRow(tr("&Shortcut:"), m_shortcut);
        form->addRow(tr("&Description:"), m_description);
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
        auto *layout = new QVBoxLayout(this);
        layout->addLayout(form);
        layout->addWidget(m_error);
        layout->addWidget(buttons);
        showColor();
        connect(m_colorButton, &QPushButton::clicked, this, [this] {
            const QColor color =
                QColorDialog::getColor(QColor(toQString(m_code.color)), this, tr("Code colour"));
            if (color.isValid()) {
                m_code.color = toStd(color.name().toUpper());
                showColor();
            }
        });
        connect(buttons, &QDialogButtonBox::accepted, this, &NewCodeDialog::tryAccept);
        connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
        resize(420, sizeHint().height());
    }

    const Code &code() const { return m_code; }

private:
    void showColor()
    {
        const QColor color(toQString(m_code.color));
        m_colorButton->setIcon(QIcon(swatchPixmap(color, 14)));
        m_colorButton->setText(color.isValid() ? color.name().toUpper() : tr("None"));
    }

    void tryAccept()
    {
        m_code.name = toStd(m_name->text().trimmed());
        m_code.shortcut = toStd(m_shortcut->text().trimmed());
        m_code.description = toStd(m_description->toPlainText());
        const QString problem = m_check ? m_check(m_code) : QString();
        if (!problem.isEmpty()) {
            m_error->setText(problem);
            m_error->show();
            return;
        }
        accept();
    }

    Code m_code;
    std::function<QString(const Code &)> m_check;
    QLineEdit *m_name;
    QPushButton *m_colorButton;
    QLineEdit *m_shortcut;
    QPlainTextEdit *m_description;
    QLabel *m_error;
};

// Filters codes by name; a group shows only when a code in it matches, never for its own name.
class CodeFilterModel final : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        const QModelIndex index = sourceModel()->index(row, 0, parent);
        if (index.data(CodebookModel::GroupRole).toBool())
            return filterRegularExpression().pattern().isEmpty();
        return QSortFilterProxyModel::filterAcceptsRow(row, parent);
    }
};

QString problemOf(const Status &status)
{
    return status ? QString() : toQString(status.error().message);
}

} // namespace

bool CodebookPanel::Prompts::confirm(QWidget *parent, const QString &title, const QString &text)
{
    return QMessageBox::question(
               parent, title, text, QMessageBox::Yes | QMessageBox::No, QMessageBox::No)
           == QMessageBox::Yes;
}

std::optional<Code>
CodebookPanel::Prompts::newCode(QWidget *parent,
                                const QString &title,
                                const Code &proposal,
                                const std::function<QString(const Code &)> &check)
{
    NewCodeDialog dialog(parent, title, proposal, check);
    if (dialog.exec() != QDialog::Accepted)
        return std::nullopt;
    return dialog.code();
}

std::optional<QColor>
CodebookPanel::Prompts::color(QWidget *parent, const QString &title, const QColor &current)
{
    const QColor color = QColorDialog::getColor(current, parent, title);
    if (!color.isValid())
        return std::nullopt;
    return color;
}

std::optional<QString>
CodebookPanel::Prompts::shortcut(QWidget *parent,
                                 const QString &title,
                                 const QString &current,
                                 const std::function<QString(const QString &)> &check)
{
    QString text = current;
    QString problem;
    for (;;) {
        bool ok = false;
        QString label = tr("Key that tags a selection with this code (empty for none):");
        if (!problem.isEmpty())
            label = problem + QStringLiteral("\n\n") + label;
        text = QInputDialog::getText(parent, title, label, QLineEdit::Normal, text, &ok);
        if (!ok)
            return std::nullopt;
        problem = check ? check(text) : QString();
        if (problem.isEmpty())
            return text.trimmed();
    }
}

std::optional<int> CodebookPanel::Prompts::choose(QWidget *parent,
                                                  const QString &title,
                                                  const QString &label,
                                                  const QStringList &choices)
{
    bool ok = false;
    const QString item = QInputDialog::getItem(parent, title, label, choices, 0, false, &ok);
    if (!ok)
        return std::nullopt;
    const auto index = choices.indexOf(item);
    if (index < 0)
        return std::nullopt;
    return static_cast<int>(index);
}

CodebookPanel::CodebookPanel(StudyDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_model(new CodebookModel(document, this))
    , m_proxy(new CodeFilterModel(this))
    , m_prompts(std::make_unique<Prompts>())
{
    setObjectName(QStringLiteral("codebookPanel"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(CodebookModel::NameColumn);

    auto makeAction = [this](const QString &text, const char *name, const QString &tip) {
        auto *action = new QAction(text, this);
        action->setObjectName(QString::fromLatin1(name));
        action->setToolTip(tip);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        addAction(action);
        return action;
    };
    m_addAction =
        makeAction(tr("Add code"), "addCodeAction", tr("Add a custom code at the top level"));
    m_addAction->setShortcut(QKeySequence(Qt::Key_Insert));
    m_addSubAction = makeAction(
        tr("Add sub-code"), "addSubCodeAction", tr("Add a custom code inside the selected one"));
    m_addSubAction->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_Insert));
    m_renameAction = makeAction(tr("Rename"), "renameCodeAction", tr("Rename the code (F2)"));
    m_renameAction->setShortcut(QKeySequence(Qt::Key_F2));
    m_colorAction = makeAction(tr("Colour…"), "recolorCodeAction", tr("Change the code's colour"));
    m_shortcutAction = makeAction(
        tr("Shortcut…"), "shortcutCodeAction", tr("Assign or clear the key that applies the code"));
    m_moveAction =
        makeAction(tr("Move under…"), "moveCodeAction", tr("Nest the code inside another code"));
    m_mergeAction = makeAction(tr("Merge into…"),
                               "mergeCodeAction",
                               tr("Move every use of the code to another code, then remove it"));
    m_deleteAction = makeAction(
        tr("Delete"), "deleteCodeAction", tr("Delete the code; its highlights stay (Del)"));
    m_deleteAction->setShortcut(QKeySequence::Delete);

    m_toolBar = new QToolBar(this);
    m_toolBar->setObjectName(QStringLiteral("codebookToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_toolBar->addAction(m_addAction);
    m_toolBar->addAction(m_addSubAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_renameAction);
    m_toolBar->addAction(m_colorAction);
    m_toolBar->addAction(m_shortcutAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_moveAction);
    m_toolBar->addAction(m_mergeAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_deleteAction);

    m_filter = new QLineEdit(this);
    m_filter->setObjectName(QStringLiteral("codebookFilter"));
    m_filter->setPlaceholderText(tr("Filter codes"));
    m_filter->setClearButtonEnabled(true);

    m_tree = new QTreeView(this);
    m_tree->setObjectName(QStringLiteral("codebookTree"));
    m_tree->setModel(m_proxy);
    m_tree->setUniformRowHeights(true);
    m_tree->setAllColumnsShowFocus(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setEditTriggers(QAbstractItemView::EditKeyPressed);
    m_tree->setDragDropMode(QAbstractItemView::InternalMove);
    m_tree->setDefaultDropAction(Qt::MoveAction);
    m_tree->setDropIndicatorShown(true);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(CodebookModel::NameColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(CodebookModel::ShortcutColumn,
                                           QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(CodebookModel::UsageColumn,
                                           QHeaderView::ResizeToContents);
    m_tree->expandAll();

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->setSpacing(6);
    leftLayout->addWidget(m_filter);
    leftLayout->addWidget(m_tree, 1);

    // Details of the selected code, or of the selected group.
    m_detailStack = new QStackedWidget(this);
    m_detailStack->setObjectName(QStringLiteral("codeDetails"));
    auto *codePage = new QWidget(m_detailStack);
    auto *codeLayout = new QVBoxLayout(codePage);
    codeLayout->setContentsMargins(12, 4, 4, 4);
    auto *titleRow = new QHBoxLayout;
    m_detailSwatch = new QLabel(codePage);
    m_detailName = new QLabel(codePage);
    m_detailName->setObjectName(QStringLiteral("codeDetailName"));
    m_detailName->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detailName->setWordWrap(true);
    const QFont titleFont = scaledFont(m_detailName->font(), 1.35, true);
    m_detailName->setFont(titleFont);
    titleRow->addWidget(m_detailSwatch);
    titleRow->addWidget(m_detailName, 1);
    codeLayout->addLayout(titleRow);

    auto label = [codePage](const char *name) {
        auto *l = new QLabel(codePage);
        l->setObjectName(QString::fromLatin1(name));
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
        l->setWordWrap(true);
        return l;
    };
    m_detailKind = label("codeDetailKind");
    m_detailKey = label("codeDetailKey");
    m_detailParent = label("codeDetailParent");
    m_detailColor = label("codeDetailColor");
    m_detailShortcut = label("codeDetailShortcut");
    m_detailUsage = label("codeDetailUsage");
    m_detailNote = label("codeDetailNote");
    m_detailNote->setStyleSheet(QStringLiteral("color: palette(mid);"));
    m_detailColorButton = new QPushButton(tr("Change…"), codePage);
    m_detailColorButton->setObjectName(QStringLiteral("codeDetailColorButton"));
    m_detailShortcutButton = new QPushButton(tr("Change…"), codePage);
    m_detailShortcutButton->setObjectName(QStringLiteral("codeDetailShortcutButton"));

    auto *form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignLeft);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Kind:"), m_detailKind);
    form->addRow(tr("Key:"), m_detailKey);
    form->addRow(tr("Inside:"), m_detailParent);
    auto *colorRow = new QHBoxLayout;
    colorRow->addWidget(m_detailColor, 1);
    colorRow->addWidget(m_detailColorButton);
    form->addRow(tr("Colour:"), colorRow);
    auto *shortcutRow = new QHBoxLayout;
    shortcutRow->addWidget(m_detailShortcut, 1);
    shortcutRow->addWidget(m_detailShortcutButton);
    form->addRow(tr("Shortcut:"), shortcutRow);
    form->addRow(tr("Usage:"), m_detailUsage);
    codeLayout->addLayout(form);

    auto *descriptionLabel = new QLabel(tr("&Description"), codePage);
    m_detailDescription = new QPlainTextEdit(codePage);
    m_detailDescription->setObjectName(QStringLiteral("codeDetailDescription"));
    m_detailDescription->setPlaceholderText(tr("When to use this code, with an example"));
    m_detailDescription->setTabChangesFocus(true);
    descriptionLabel->setBuddy(m_detailDescription);
    m_saveDescription = new QPushButton(tr("Save description"), codePage);
    m_saveDescription->setObjectName(QStringLiteral("saveDescriptionButton"));
    m_saveDescription->setEnabled(false);
    codeLayout->addSpacing(6);
    codeLayout->addWidget(descriptionLabel);
    m_detailDescription->setFixedHeight(m_detailDescription->fontMetrics().lineSpacing() * 7 + 12);
    codeLayout->addWidget(m_detailDescription);
    auto *saveRow = new QHBoxLayout;
    saveRow->addStretch(1);
    saveRow->addWidget(m_saveDescription);
    codeLayout->addLayout(saveRow);
    codeLayout->addSpacing(6);
    codeLayout->addWidget(m_detailNote);
    codeLayout->addStretch(1);

    auto *groupPage = new QWidget(m_detailStack);
    auto *groupLayout = new QVBoxLayout(groupPage);
    groupLayout->setContentsMargins(12, 4, 4, 4);
    m_groupTitle = new QLabel(groupPage);
    m_groupTitle->setObjectName(QStringLiteral("groupDetailTitle"));
    m_groupTitle->setFont(titleFont);
    m_groupText = new QLabel(groupPage);
    m_groupText->setObjectName(QStringLiteral("groupDetailText"));
    m_groupText->setWordWrap(true);
    m_groupText->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    groupLayout->addWidget(m_groupTitle);
    groupLayout->addWidget(m_groupText);
    groupLayout->addStretch(1);

    m_detailStack->addWidget(codePage);
    m_detailStack->addWidget(groupPage);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("codebookSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(left);
    splitter->addWidget(m_detailStack);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(6);
    layout->addWidget(m_toolBar);
    layout->addWidget(splitter, 1);

    connect(m_addAction, &QAction::triggered, this, &CodebookPanel::addCode);
    connect(m_addSubAction, &QAction::triggered, this, &CodebookPanel::addSubCode);
    connect(m_renameAction, &QAction::triggered, this, &CodebookPanel::renameCurrent);
    connect(m_colorAction, &QAction::triggered, this, &CodebookPanel::recolorCurrent);
    connect(m_shortcutAction, &QAction::triggered, this, &CodebookPanel::editShortcut);
    connect(m_moveAction, &QAction::triggered, this, &CodebookPanel::moveCurrent);
    connect(m_mergeAction, &QAction::triggered, this, &CodebookPanel::mergeCurrent);
    connect(m_deleteAction, &QAction::triggered, this, &CodebookPanel::deleteCurrent);
    connect(m_detailColorButton, &QPushButton::clicked, this, &CodebookPanel::recolorCurrent);
    connect(m_detailShortcutButton, &QPushButton::clicked, this, &CodebookPanel::editShortcut);
    connect(m_saveDescription, &QPushButton::clicked, this, &CodebookPanel::saveDescription);
    connect(m_detailDescription, &QPlainTextEdit::textChanged, this, [this] {
        const Code *code = m_model->code(m_shownId);
        m_saveDescription->setEnabled(
            code && m_detailDescription->toPlainText() != toQString(code->description));
    });
    connect(m_filter, &QLineEdit::textChanged, this, &CodebookPanel::onFilterChanged);
    connect(m_tree, &QTreeView::activated, this, &CodebookPanel::onActivated);
    connect(m_tree->selectionModel(),
            &QItemSelectionModel::currentChanged,
            this,
            &CodebookPanel::onCurrentChanged);
    connect(m_proxy, &QAbstractItemModel::modelAboutToBeReset, this, &CodebookPanel::rememberState);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &CodebookPanel::restoreState);
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this] {
        showDetails();
        updateActions();
    });

    m_tree->setCurrentIndex(m_proxy->mapFromSource(m_model->groupIndex(CodeKind::Force)));
    showDetails();
    updateActions();
}

CodebookPanel::~CodebookPanel() = default;

void CodebookPanel::setPrompts(std::unique_ptr<Prompts> prompts)
{
    m_prompts = prompts ? std::move(prompts) : std::make_unique<Prompts>();
}

QModelIndex CodebookPanel::sourceIndex(const QModelIndex &proxyIndex) const
{
    return m_proxy->mapToSource(proxyIndex);
}

Id CodebookPanel::currentCodeId() const
{
    const Code *code = m_model->code(sourceIndex(m_tree->currentIndex()));
    return code ? code->id : 0;
}

const Code *CodebookPanel::currentCustomCode() const
{
    const Code *code = m_model->code(currentCodeId());
    return code && !code->builtin ? code : nullptr;
}

void CodebookPanel::selectCode(Id codeId)
{
    QModelIndex index = m_proxy->mapFromSource(m_model->indexOf(codeId));
    if (!index.isValid() && !m_filter->text().isEmpty()) {
        // Hidden by the filter: clear it rather than select nothing.
        m_filter->clear();
        index = m_proxy->mapFromSource(m_model->indexOf(codeId));
    }
    if (!index.isValid())
        return;
    for (QModelIndex p = index.parent(); p.isValid(); p = p.parent())
        m_tree->expand(p);
    m_tree->setCurrentIndex(index);
    m_tree->scrollTo(index);
}

void CodebookPanel::onCurrentChanged()
{
    showDetails();
    updateActions();
}

void CodebookPanel::onFilterChanged(const QString &text)
{
    const bool filtering = !text.trimmed().isEmpty();
    if (filtering && !m_filtering)
        m_beforeFilter = expansion(); // to give back when the filter is cleared
    m_filtering = filtering;
    m_proxy->setFilterFixedString(text.trimmed());
    if (filtering) {
        m_tree->expandAll();
    } else {
        applyExpansion(m_beforeFilter);
        if (m_tree->currentIndex().isValid())
            m_tree->scrollTo(m_tree->currentIndex());
    }
    if (!m_tree->currentIndex().isValid() && m_proxy->rowCount() > 0) {
        // Keep something selected so the keyboard keeps working while filtering.
        QModelIndex first = m_proxy->index(0, 0);
        while (m_proxy->rowCount(first) > 0)
            first = m_proxy->index(0, 0, first);
        m_tree->setCurrentIndex(first);
    }
    showDetails();
    updateActions();
}

void CodebookPanel::onActivated(const QModelIndex &index)
{
    const Code *code = m_model->code(sourceIndex(index));
    if (code)
        Q_EMIT codeActivated(code->id);
}

void CodebookPanel::updateActions()
{
    const Code *code = m_model->code(currentCodeId());
    const bool custom = code && !code->builtin;
    m_addSubAction->setEnabled(code != nullptr);
    m_renameAction->setEnabled(custom);
    m_colorAction->setEnabled(code != nullptr);
    m_shortcutAction->setEnabled(code != nullptr);
    m_moveAction->setEnabled(custom);
    m_mergeAction->setEnabled(custom);
    m_deleteAction->setEnabled(custom);
}

void CodebookPanel::showDetails()
{
    const QModelIndex current = sourceIndex(m_tree->currentIndex());
    const Code *code = m_model->code(current);
    if (!code) {
        m_shownId = 0;
        m_detailStack->setCurrentIndex(1);
        if (!current.isValid()) {
            m_groupTitle->setText(tr("Codebook"));
            m_groupText->setText(tr("Select a code to see and edit its details."));
            return;
        }
        const int count = m_model->rowCount(current);
        m_groupTitle->setText(current.data(Qt::DisplayRole).toString());
        QString text = current.data(Qt::ToolTipRole).toString();
        text +=
            QStringLiteral("\n\n")
            + (count == 1 ? tr("1 code in this group.") : tr("%1 codes in this group.").arg(count));
        if (current.data(CodebookModel::KindRole).toInt() == static_cast<int>(CodeKind::Custom))
            text += QStringLiteral("\n\n")
                    + tr("Add a code with Add code, or a sub-code inside any code, such as a kind "
                         "of push under Push.");
        m_groupText->setText(text);
        return;
    }
    m_detailStack->setCurrentIndex(0);
    const bool sameCode = m_shownId == code->id;
    m_shownId = code->id;
    const QColor color = code->color.empty() ? QColor() : QColor(toQString(code->color));
    m_detailSwatch->setPixmap(swatchPixmap(color, 18));
    m_detailName->setText(toQString(code->name));
    m_detailKind->setText(kindText(*code));
    m_detailKey->setText(toQString(code->key));
    QString inside;
    if (code->parentId) {
        inside = m_model->path(*code->parentId);
    } else {
        inside = m_model->groupIndex(code->builtin ? code->kind : CodeKind::Custom)
                     .data(Qt::DisplayRole)
                     .toString();
    }
    m_detailParent->setText(inside);
    m_detailColor->setText(color.isValid() ? color.name().toUpper() : tr("none"));
    m_detailShortcut->setText(shortcutText(code->shortcut));
    const auto usage = m_model->usage(code->id);
    m_detailUsage->setText(usage == 0 ? tr("Not used in any highlight yet")
                                      : tr("Used in %1").arg(highlightCount(usage)));
    m_detailNote->setText(code->builtin
                              ? tr("One of the method's codes: its name and place are fixed; its "
                                   "colour, shortcut and description can change.")
                              : QString());
    m_detailNote->setVisible(code->builtin);
    // Keep what is being typed when the same code is only refreshed.
    const QString stored = toQString(code->description);
    if (!sameCode || !m_saveDescription->isEnabled())
        m_detailDescription->setPlainText(stored);
    m_saveDescription->setEnabled(m_detailDescription->toPlainText() != stored);
}

CodebookPanel::Expansion CodebookPanel::expansion() const
{
    Expansion state;
    std::vector<QModelIndex> stack;
    for (int r = 0; r < m_proxy->rowCount(); ++r)
        stack.push_back(m_proxy->index(r, 0));
    while (!stack.empty()) {
        const QModelIndex index = stack.back();
        stack.pop_back();
        if (!m_tree->isExpanded(index))
            continue;
        const QModelIndex source = sourceIndex(index);
        if (source.data(CodebookModel::GroupRole).toBool())
            state.groups.push_back(source.data(CodebookModel::KindRole).toInt());
        else
            state.codes.push_back(source.data(CodebookModel::IdRole).toLongLong());
        for (int r = 0; r < m_proxy->rowCount(index); ++r)
            stack.push_back(m_proxy->index(r, 0, index));
    }
    return state;
}

void CodebookPanel::applyExpansion(const Expansion &state)
{
    m_tree->collapseAll();
    for (int kind : state.groups)
        m_tree->expand(m_proxy->mapFromSource(m_model->groupIndex(static_cast<CodeKind>(kind))));
    for (Id id : state.codes)
        m_tree->expand(m_proxy->mapFromSource(m_model->indexOf(id)));
    // The current code stays in sight even when its parents were collapsed.
    for (QModelIndex p = m_tree->currentIndex().parent(); p.isValid(); p = p.parent())
        m_tree->expand(p);
}

void CodebookPanel::rememberState()
{
    m_expanded = expansion();
    const QModelIndex current = sourceIndex(m_tree->currentIndex());
    m_rememberedCurrent = current.data(CodebookModel::IdRole).toLongLong();
    m_rememberedGroup = current.data(CodebookModel::GroupRole).toBool()
                            ? current.data(CodebookModel::KindRole).toInt()
                            : -1;
    m_haveState = true;
}

void CodebookPanel::restoreState()
{
    if (!m_haveState) {
        m_tree->expandAll();
        return;
    }
    m_haveState = false;
    applyExpansion(m_expanded);
    QModelIndex current;
    if (m_rememberedCurrent != 0)
        current = m_proxy->mapFromSource(m_model->indexOf(m_rememberedCurrent));
    else if (m_rememberedGroup >= 0)
        current =
            m_proxy->mapFromSource(m_model->groupIndex(static_cast<CodeKind>(m_rememberedGroup)));
    if (current.isValid()) {
        for (QModelIndex p = current.parent(); p.isValid(); p = p.parent())
            m_tree->expand(p);
        m_tree->setCurrentIndex(current);
    }
    showDetails();
    updateActions();
}

QString CodebookPanel::proposeColor(std::optional<Id> parentId) const
{
    if (parentId) {
        if (const Code *parent = m_model->code(*parentId); parent && !parent->color.empty())
            return toQString(parent->color);
    }
    auto codes = m_document->study().codes();
    std::vector<QString> used;
    std::size_t custom = 0;
    if (codes) {
        for (const auto &code : *codes) {
            used.push_back(toQString(code.color).toUpper());
            custom += code.builtin ? 0 : 1;
        }
    }
    for (const char *color : kCustomColors) {
        if (std::find(used.begin(), used.end(), QString::fromLatin1(color)) == used.end())
            return QString::fromLatin1(color);
    }
    return QString::fromLatin1(kCustomColors.at(custom % kCustomColors.size()));
}

void CodebookPanel::addCode()
{
    addCodeUnder(std::nullopt);
}

void CodebookPanel::addSubCode()
{
    const Id parent = currentCodeId();
    if (parent == 0)
        return;
    addCodeUnder(parent);
}

void CodebookPanel::addCodeUnder(std::optional<Id> parentId)
{
    Code proposal;
    proposal.parentId = parentId;
    proposal.color = toStd(proposeColor(parentId));
    QString title = tr("Add code");
    if (parentId)
        title = tr("Add a code inside %1").arg(inQuotes(m_model->path(*parentId)));
    const Study &study = m_document->study();
    auto answer = m_prompts->newCode(this, title, proposal, [&study](const Code &code) {
        auto command = addCodeCommand(study, code);
        return command ? QString() : toQString(command.error().message);
    });
    if (!answer)
        return;
    Code code = *answer;
    code.parentId = parentId;
    auto command = addCodeCommand(study, code);
    AddCommand<Code> *add =
        command && *command ? static_cast<AddCommand<Code> *>(command->get()) : nullptr;
    if (applyCommand(*m_document, tr("Add code"), std::move(command)) && add)
        selectCode(add->addedId());
}

void CodebookPanel::renameCurrent()
{
    const Code *code = currentCustomCode();
    if (!code)
        return;
    const QModelIndex index = m_tree->currentIndex().siblingAtColumn(CodebookModel::NameColumn);
    m_tree->setCurrentIndex(index);
    m_tree->edit(index);
}

void CodebookPanel::recolorCurrent()
{
    const Code *code = m_model->code(currentCodeId());
    if (!code)
        return;
    const Id id = code->id;
    auto color = m_prompts->color(this,
                                  tr("Colour of %1").arg(inQuotes(toQString(code->name))),
                                  QColor(toQString(code->color)));
    if (!color || !color->isValid())
        return;
    applyCommand(*m_document,
                 tr("Change colour"),
                 recolorCodeCommand(m_document->study(), id, color->name().toUpper()));
}

void CodebookPanel::editShortcut()
{
    const Code *code = m_model->code(currentCodeId());
    if (!code)
        return;
    const Id id = code->id;
    const Study &study = m_document->study();
    auto shortcut = m_prompts->shortcut(this,
                                        tr("Shortcut of %1").arg(inQuotes(toQString(code->name))),
                                        toQString(code->shortcut),
                                        [&study, id](const QString &text) {
                                            return problemOf(checkShortcut(study, id, text));
                                        });
    if (!shortcut)
        return;
    applyCommand(*m_document, tr("Set shortcut"), shortcutCommand(study, id, *shortcut));
}

std::vector<std::pair<std::optional<Id>, QString>> CodebookPanel::targets(Id codeId,
                                                                          bool forMerge) const
{
    std::vector<std::pair<std::optional<Id>, QString>> out;
    const Code *self = m_model->code(codeId);
    if (!self)
        return out;
    if (!forMerge && self->parentId)
        out.emplace_back(std::nullopt, tr("(top of the custom codes)"));
    const auto below = m_model->descendants(codeId);
    // In tree order, so the list reads like the codebook.
    std::vector<QModelIndex> stack;
    for (int r = m_model->rowCount() - 1; r >= 0; --r)
        stack.push_back(m_model->index(r, 0));
    while (!stack.empty()) {
        const QModelIndex index = stack.back();
        stack.pop_back();
        for (int r = m_model->rowCount(index) - 1; r >= 0; --r)
            stack.push_back(m_model->index(r, 0, index));
        const Code *code = m_model->code(index);
        if (!code || code->id == codeId
            || std::find(below.begin(), below.end(), code->id) != below.end())
            continue;
        if (!forMerge && self->parentId == code->id)
            continue;
        out.emplace_back(code->id, m_model->path(code->id));
    }
    return out;
}

std::optional<std::optional<Id>>
CodebookPanel::chooseTarget(Id codeId, bool forMerge, const QString &title, const QString &question)
{
    const auto choices = targets(codeId, forMerge);
    QStringList labels;
    for (const auto &choice : choices)
        labels << choice.second;
    const auto picked = m_prompts->choose(this, title, question, labels);
    if (!picked || *picked < 0 || *picked >= static_cast<int>(choices.size()))
        return std::nullopt;
    return choices[static_cast<std::size_t>(*picked)].first;
}

void CodebookPanel::moveCurrent()
{
    const Code *code = currentCustomCode();
    if (!code)
        return;
    const Id id = code->id;
    const auto parent = chooseTarget(
        id, false, tr("Move under"), tr("Move %1 under:").arg(inQuotes(toQString(code->name))));
    if (!parent)
        return;
    applyCommand(*m_document, tr("Move code"), nestCodeCommand(m_document->study(), id, *parent));
    selectCode(id);
}

void CodebookPanel::mergeCurrent()
{
    const Code *code = currentCustomCode();
    if (!code)
        return;
    const Id id = code->id;
    const QString name = toQString(code->name);
    const auto target = chooseTarget(
        id,
        true,
        tr("Merge into"),
        tr("Merge %1 into (its highlights and sub-codes move there, then %1 is removed):")
            .arg(inQuotes(name)));
    if (!target)
        return;
    const Id into = **target;
    if (applyCommand(
            *m_document, tr("Merge codes"), mergeCodeCommand(m_document->study(), id, into)))
        selectCode(into);
}

void CodebookPanel::deleteCurrent()
{
    const Code *code = currentCustomCode();
    if (!code)
        return;
    const Id id = code->id;
    const QString name = toQString(code->name);
    const auto children = m_model->rowCount(m_model->indexOf(id));
    auto usage = m_document->study().codeUsage(id);
    const std::int64_t count = usage ? *usage : m_model->usage(id);
    if (count > 0) {
        QString text = tr("%1 is used in %2. Delete it? The highlights stay, without this code.")
                           .arg(inQuotes(name), highlightCount(count));
        if (children > 0) {
            const QString up = code->parentId ? inQuotes(m_model->path(*code->parentId))
                                              : tr("the top of the custom codes");
            text += QStringLiteral(" ")
                    + (children == 1 ? tr("Its sub-code moves up to %1.").arg(up)
                                     : tr("Its %1 move up to %2.").arg(subCodeCount(children), up));
        }
        if (!m_prompts->confirm(this, tr("Delete code"), text))
            return;
    }
    applyCommand(*m_document, tr("Delete code"), deleteCodeCommand(m_document->study(), id));
}

void CodebookPanel::saveDescription()
{
    if (m_shownId == 0)
        return;
    applyCommand(
        *m_document,
        tr("Describe code"),
        describeCodeCommand(m_document->study(), m_shownId, m_detailDescription->toPlainText()));
    showDetails();
}

void CodebookPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_model->setUsageLive(true);
}

void CodebookPanel::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_model->setUsageLive(false);
}

} // namespace jtbd::app
