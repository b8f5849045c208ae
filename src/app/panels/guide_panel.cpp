// The interview-guide panel and the way into run mode.
#include "guide_panel.h"

#include "panel_style.h"
#include "run_mode_panel.h"

#include <jtbd/study.h>
#include <jtbd/text.h>

#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

#include <app/commands/guide_commands.h>
#include <app/commands/interview_commands.h>
#include <app/logging.h>
#include <app/models/guide_model.h>
#include <app/study_document.h>
#include <functional>
#include <initializer_list>
#include <set>

namespace jtbd::app {

namespace {

enum Page {
    EditorPage,
    RunPage
};

enum FormPage {
    GuideFormPage,
    SectionFormPage,
    QuestionFormPage
};

// Calls back when a watched widget loses the focus.
class FocusOutFilter final : public QObject
{
public:
    FocusOutFilter(QObject *parent, std::function<void()> onFocusOut)
        : QObject(parent)
        , m_onFocusOut(std::move(onFocusOut))
    {}

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::FocusOut)
            m_onFocusOut();
        return QObject::eventFilter(watched, event);
    }

private:
    std::function<void()> m_onFocusOut;
};

QString guideLabel(const Guide &guide)
{
    if (guide.builtin)
        return QObject::tr("%1 (built-in template)").arg(toQString(guide.name));
    if (guide.isTemplate)
        return QObject::tr("%1 (template)").arg(toQString(guide.name));
    return toQString(guide.name);
}

std::vector<std::string> probeLines(const QString &text)
{
    std::vector<std::string> probes;
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        const QString trimmed = line.trimmed();
        if (!trimmed.isEmpty())
            probes.push_back(toStd(trimmed));
    }
    return probes;
}

QString joinProbes(const std::vector<std::string> &probes)
{
    QStringList lines;
    for (const auto &probe : probes)
        lines << toQString(probe);
    return lines.join(QLatin1Char('\n'));
}

QLabel *hintLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setPalette(hintPalette(label->palette()));
    return label;
}

// A page of the detail form, with its bold title as the first row.
QFormLayout *formPage(const QString &objectName, const QString &title, QWidget *parent)
{
    auto *page = new QWidget(parent);
    page->setObjectName(objectName);
    auto *layout = new QFormLayout(page);
    layout->setContentsMargins(12, 0, 0, 0);
    layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    layout->addRow(new QLabel(title, page));
    return layout;
}

// A multi-line field: its text wraps, and Tab moves on to the next field.
QPlainTextEdit *
textField(const QString &objectName, QWidget *parent, const QString &placeholder = {})
{
    auto *edit = new QPlainTextEdit(parent);
    edit->setObjectName(objectName);
    edit->setTabChangesFocus(true);
    edit->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    edit->setPlaceholderText(placeholder);
    return edit;
}

QSpinBox *minutesField(const QString &objectName, int maximum, QWidget *parent)
{
    auto *spin = new QSpinBox(parent);
    spin->setObjectName(objectName);
    spin->setRange(0, maximum);
    spin->setSuffix(GuidePanel::tr(" min"));
    return spin;
}

QPushButton *actionButton(const QString &text,
                          const QString &objectName,
                          const QString &toolTip,
                          QWidget *parent)
{
    auto *button = new QPushButton(text, parent);
    button->setObjectName(objectName);
    button->setToolTip(toolTip);
    return button;
}

// Multi-line fields have no "editing finished": they are stored when they lose the focus.
void commitOnFocusOut(GuidePanel *panel, std::initializer_list<QPlainTextEdit *> edits)
{
    auto *filter = new FocusOutFilter(panel, [panel] {
        panel->commitEdits();
    });
    for (QPlainTextEdit *edit : edits)
        edit->installEventFilter(filter);
}

} // namespace

GuidePanel::GuidePanel(StudyDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_model(new GuideModel(this))
{
    setObjectName(QStringLiteral("guidePanel"));
    buildUi();
    connect(m_document, &StudyDocument::changed, this, &GuidePanel::onChanged);
    connect(m_model, &GuideModel::sectionMoveRequested, this, [this](Id sectionId, int position) {
        applyCommand(*m_document,
                     tr("Move section"),
                     moveSectionCommand(m_document->study(), sectionId, position));
    });
    connect(m_model,
            &GuideModel::questionMoveRequested,
            this,
            [this](Id questionId, Id sectionId, int position) {
                applyCommand(
                    *m_document,
                    tr("Move question"),
                    moveQuestionCommand(m_document->study(), questionId, sectionId, position));
            });
    reloadGuides();
}

GuidePanel::~GuidePanel() = default;

void GuidePanel::buildUi()
{
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_pages = new QStackedWidget(this);
    m_pages->setObjectName(QStringLiteral("guidePages"));
    outer->addWidget(m_pages);

    auto *editor = new QWidget(m_pages);
    editor->setObjectName(QStringLiteral("guideEditor"));
    auto *root = new QVBoxLayout(editor);
    root->setContentsMargins(10, 10, 10, 10);
    root->setSpacing(8);

    // The guide chooser and what can be done with a whole guide.
    auto *bar = new QHBoxLayout;
    auto *guideLabelWidget = new QLabel(tr("Guide:"), editor);
    m_guideCombo = new QComboBox(editor);
    m_guideCombo->setObjectName(QStringLiteral("guideCombo"));
    m_guideCombo->setMinimumContentsLength(28);
    m_guideCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    guideLabelWidget->setBuddy(m_guideCombo);
    m_newButton = new QPushButton(tr("New from template…"), editor);
    m_newButton->setObjectName(QStringLiteral("guideNewButton"));
    m_templateButton = new QPushButton(tr("Save as template…"), editor);
    m_templateButton->setObjectName(QStringLiteral("guideTemplateButton"));
    m_renameButton = new QPushButton(tr("Rename…"), editor);
    m_renameButton->setObjectName(QStringLiteral("guideRenameButton"));
    m_interviewLabel = new QLabel(editor);
    m_interviewLabel->setObjectName(QStringLiteral("guideInterviewLabel"));
    m_runButton = new QPushButton(tr("▶  Run interview (F5)"), editor);
    m_runButton->setObjectName(QStringLiteral("guideRunButton"));
    m_runButton->setDefault(false);
    QFont runFont = m_runButton->font();
    runFont.setBold(true);
    m_runButton->setFont(runFont);
    bar->addWidget(guideLabelWidget);
    bar->addWidget(m_guideCombo, 1);
    bar->addWidget(m_newButton);
    bar->addWidget(m_templateButton);
    bar->addWidget(m_renameButton);
    bar->addSpacing(16);
    bar->addWidget(m_interviewLabel);
    bar->addWidget(m_runButton);
    root->addLayout(bar);

    // Why the built-in guide cannot be edited, and the way to an editable copy.
    m_builtinBanner = new QFrame(editor);
    m_builtinBanner->setObjectName(QStringLiteral("guideBuiltinBanner"));
    m_builtinBanner->setFrameShape(QFrame::StyledPanel);
    m_builtinBanner->setAutoFillBackground(true);
    QPalette bannerPalette = m_builtinBanner->palette();
    bannerPalette.setColor(QPalette::Window, QColor(0xFF, 0xF4, 0xD6));
    bannerPalette.setColor(QPalette::WindowText, QColor(0x4A, 0x3B, 0x00));
    m_builtinBanner->setPalette(bannerPalette);
    auto *bannerLayout = new QHBoxLayout(m_builtinBanner);
    bannerLayout->setContentsMargins(10, 6, 10, 6);
    auto *bannerText = new QLabel(
        tr("This is the built-in switch-interview template. It can be run as it is, but not "
           "changed: make a copy to adapt it to your study."),
        m_builtinBanner);
    bannerText->setObjectName(QStringLiteral("guideBuiltinMessage"));
    bannerText->setWordWrap(true);
    m_copyButton = new QPushButton(tr("Make an editable copy"), m_builtinBanner);
    m_copyButton->setObjectName(QStringLiteral("guideCopyButton"));
    bannerLayout->addWidget(bannerText, 1);
    bannerLayout->addWidget(m_copyButton);
    root->addWidget(m_builtinBanner);

    auto *splitter = new QSplitter(Qt::Horizontal, editor);
    splitter->setObjectName(QStringLiteral("guideSplitter"));
    splitter->setChildrenCollapsible(false);

    auto *treeSide = new QWidget(splitter);
    auto *treeLayout = new QVBoxLayout(treeSide);
    treeLayout->setContentsMargins(0, 0, 0, 0);
    treeLayout->setSpacing(6);
    m_tree = new QTreeView(treeSide);
    m_tree->setObjectName(QStringLiteral("guideTree"));
    m_tree->setModel(m_model);
    m_tree->setAlternatingRowColors(true);
    m_tree->setWordWrap(false);
    m_tree->setTextElideMode(Qt::ElideRight);
    m_tree->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setDragDropMode(QAbstractItemView::InternalMove);
    m_tree->setDefaultDropAction(Qt::MoveAction);
    m_tree->setDropIndicatorShown(true);
    m_tree->setIconSize(QSize(14, 14));
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(GuideModel::TitleColumn, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(GuideModel::PhaseColumn, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(GuideModel::MinutesColumn,
                                           QHeaderView::ResizeToContents);
    treeLayout->addWidget(m_tree, 1);

    auto *treeButtons = new QHBoxLayout;
    m_addSectionButton = actionButton(tr("+ Section"),
                                      QStringLiteral("guideAddSectionButton"),
                                      tr("Add a section after the selected one"),
                                      treeSide);
    m_addQuestionButton = actionButton(tr("+ Question"),
                                       QStringLiteral("guideAddQuestionButton"),
                                       tr("Add a question to the selected section"),
                                       treeSide);
    m_removeButton =
        actionButton(tr("Remove"),
                     QStringLiteral("guideRemoveButton"),
                     tr("Remove the selected question, or the section with its questions (Delete)"),
                     treeSide);
    m_upButton = actionButton(
        tr("Move up"), QStringLiteral("guideUpButton"), tr("Move up (Ctrl+Up)"), treeSide);
    m_downButton = actionButton(
        tr("Move down"), QStringLiteral("guideDownButton"), tr("Move down (Ctrl+Down)"), treeSide);
    treeButtons->addWidget(m_addSectionButton);
    treeButtons->addWidget(m_addQuestionButton);
    treeButtons->addWidget(m_removeButton);
    treeButtons->addStretch(1);
    treeButtons->addWidget(m_upButton);
    treeButtons->addWidget(m_downButton);
    treeLayout->addLayout(treeButtons);

    m_forms = new QStackedWidget(splitter);
    m_forms->setObjectName(QStringLiteral("guideForms"));
    m_forms->addWidget(buildGuideForm());
    m_forms->addWidget(buildSectionForm());
    m_forms->addWidget(buildQuestionForm());

    splitter->addWidget(treeSide);
    splitter->addWidget(m_forms);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({640, 460});
    root->addWidget(splitter, 1);

    m_runMode = new RunModePanel(m_document, m_pages);
    m_pages->addWidget(editor);
    m_pages->addWidget(m_runMode);

    connect(m_guideCombo, &QComboBox::activated, this, [this](int index) {
        commitEdits();
        showGuide(m_guideCombo->itemData(index).toLongLong());
    });
    connect(m_newButton, &QPushButton::clicked, this, &GuidePanel::askNewGuide);
    connect(m_templateButton, &QPushButton::clicked, this, &GuidePanel::askSaveAsTemplate);
    connect(m_renameButton, &QPushButton::clicked, this, &GuidePanel::askRename);
    connect(m_copyButton, &QPushButton::clicked, this, &GuidePanel::copyBuiltin);
    connect(m_runButton, &QPushButton::clicked, this, &GuidePanel::enterRunMode);
    connect(m_addSectionButton, &QPushButton::clicked, this, &GuidePanel::addSection);
    connect(m_addQuestionButton, &QPushButton::clicked, this, &GuidePanel::addQuestion);
    connect(m_removeButton, &QPushButton::clicked, this, &GuidePanel::removeSelected);
    connect(m_upButton, &QPushButton::clicked, this, [this] {
        moveSelected(-1);
    });
    connect(m_downButton, &QPushButton::clicked, this, [this] {
        moveSelected(+1);
    });
    connect(m_tree->selectionModel(),
            &QItemSelectionModel::currentChanged,
            this,
            [this](const QModelIndex &, const QModelIndex &) {
                if (m_loading)
                    return;
                // The form still holds the previous record: store it once this change is done.
                if (auto pending = formCommand()) {
                    auto held = std::make_shared<std::unique_ptr<StudyCommand>>(std::move(pending));
                    QTimer::singleShot(0, this, [this, held] {
                        if (*held)
                            m_document->apply(std::move(*held));
                    });
                }
                showSelected();
            });
    connect(m_runMode, &RunModePanel::leaveRequested, this, &GuidePanel::leaveRunMode);

    auto shortcut = [this](QWidget *on, const QKeySequence &keys, auto slot) {
        auto *s = new QShortcut(keys, on);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, slot);
    };
    shortcut(editor, QKeySequence(Qt::Key_F5), [this] {
        enterRunMode();
    });
    shortcut(m_tree, QKeySequence(Qt::CTRL | Qt::Key_Up), [this] {
        moveSelected(-1);
    });
    shortcut(m_tree, QKeySequence(Qt::CTRL | Qt::Key_Down), [this] {
        moveSelected(+1);
    });
    shortcut(m_tree, QKeySequence::Delete, [this] {
        removeSelected();
    });
}

QWidget *GuidePanel::buildGuideForm()
{
    QFormLayout *layout = formPage(QStringLiteral("guideForm"), tr("<b>Guide</b>"), this);
    QWidget *page = layout->parentWidget();
    m_guideName = new QLineEdit(page);
    m_guideName->setObjectName(QStringLiteral("guideNameEdit"));
    m_guideDescription = textField(QStringLiteral("guideDescriptionEdit"), page);
    m_guideMinutes = minutesField(QStringLiteral("guideMinutesEdit"), 600, page);
    m_guideSummary = hintLabel(QString(), page);
    m_guideSummary->setObjectName(QStringLiteral("guideSummary"));
    layout->addRow(tr("Name:"), m_guideName);
    layout->addRow(tr("Planned length:"), m_guideMinutes);
    layout->addRow(tr("Description:"), m_guideDescription);
    layout->addRow(m_guideSummary);
    layout->addRow(hintLabel(tr("Select a section or a question in the tree to edit it."), page));
    connect(m_guideName, &QLineEdit::editingFinished, this, &GuidePanel::commitEdits);
    connect(m_guideMinutes, &QSpinBox::editingFinished, this, &GuidePanel::commitEdits);
    commitOnFocusOut(this, {m_guideDescription});
    return page;
}

QWidget *GuidePanel::buildSectionForm()
{
    QFormLayout *layout = formPage(QStringLiteral("sectionForm"), tr("<b>Section</b>"), this);
    QWidget *page = layout->parentWidget();
    m_sectionTitle = new QLineEdit(page);
    m_sectionTitle->setObjectName(QStringLiteral("sectionTitleEdit"));
    // A section explores a phase, reconstructs an event, or both (deciding ends with event 2).
    m_sectionPhase = new QComboBox(page);
    m_sectionPhase->setObjectName(QStringLiteral("sectionPhaseCombo"));
    m_sectionPhase->addItem(tr("None"), QString());
    for (Phase phase : kPhases)
        m_sectionPhase->addItem(toQString(info(phase).name), toQString(key(phase)));
    m_sectionEvent = new QComboBox(page);
    m_sectionEvent->setObjectName(QStringLiteral("sectionEventCombo"));
    m_sectionEvent->addItem(tr("None"), QString());
    for (EventKind kind : kEventKinds)
        m_sectionEvent->addItem(toQString(info(kind).name), toQString(key(kind)));
    m_sectionMeaning = hintLabel(QString(), page);
    m_sectionMeaning->setObjectName(QStringLiteral("sectionMeaning"));
    m_sectionMinutes = minutesField(QStringLiteral("sectionMinutesEdit"), 240, page);
    m_sectionPurpose = textField(QStringLiteral("sectionPurposeEdit"),
                                 page,
                                 tr("What this part of the interview should find out"));
    m_sectionPurpose->setMaximumHeight(120);
    m_sectionTips = textField(
        QStringLiteral("sectionTipsEdit"),
        page,
        tr("Interviewing tips: unpack vague words, contrast and bracket, follow the energy…"));
    layout->addRow(tr("Title:"), m_sectionTitle);
    layout->addRow(tr("Phase:"), m_sectionPhase);
    layout->addRow(tr("Event:"), m_sectionEvent);
    layout->addRow(QString(), m_sectionMeaning);
    layout->addRow(tr("Planned:"), m_sectionMinutes);
    layout->addRow(tr("Purpose:"), m_sectionPurpose);
    layout->addRow(tr("Tips:"), m_sectionTips);
    connect(m_sectionTitle, &QLineEdit::editingFinished, this, &GuidePanel::commitEdits);
    connect(m_sectionMinutes, &QSpinBox::editingFinished, this, &GuidePanel::commitEdits);
    connect(m_sectionPhase, &QComboBox::activated, this, &GuidePanel::commitEdits);
    connect(m_sectionEvent, &QComboBox::activated, this, &GuidePanel::commitEdits);
    commitOnFocusOut(this, {m_sectionPurpose, m_sectionTips});
    return page;
}

QWidget *GuidePanel::buildQuestionForm()
{
    QFormLayout *layout = formPage(QStringLiteral("questionForm"), tr("<b>Question</b>"), this);
    QWidget *page = layout->parentWidget();
    m_questionSection = hintLabel(QString(), page);
    m_questionSection->setObjectName(QStringLiteral("questionSectionLabel"));
    m_questionText = textField(QStringLiteral("questionTextEdit"), page);
    m_questionText->setMaximumHeight(90);
    m_questionNote =
        textField(QStringLiteral("questionNoteEdit"), page, tr("A hint for the interviewer"));
    m_questionNote->setMaximumHeight(90);
    m_questionProbes =
        textField(QStringLiteral("questionProbesEdit"), page, tr("Follow-up probes, one per line"));
    layout->addRow(tr("In section:"), m_questionSection);
    layout->addRow(tr("Question:"), m_questionText);
    layout->addRow(tr("Note:"), m_questionNote);
    layout->addRow(tr("Probes:"), m_questionProbes);
    layout->addRow(QString(), hintLabel(tr("One probe per line."), page));
    commitOnFocusOut(this, {m_questionText, m_questionNote, m_questionProbes});
    return page;
}

// Loading.

void GuidePanel::onChanged(const Change &change)
{
    switch (change.kind) {
    case Change::Kind::Guides:
    case Change::Kind::Everything:
        if (change.kind == Change::Kind::Everything && m_interviewId != 0
            && !m_document->study().interview(m_interviewId))
            setInterview(0);
        reloadGuides();
        break;
    case Change::Kind::Notes:
        if (change.id == m_interviewId)
            reloadCoverage();
        break;
    case Change::Kind::Interviews:
        if (m_interviewId != 0 && !m_document->study().interview(m_interviewId))
            setInterview(0);
        else
            updateActions();
        break;
    default:
        break;
    }
}

void GuidePanel::reloadGuides()
{
    auto guides = m_document->study().guides();
    if (!guides) {
        qCWarning(lcApp) << "cannot read the interview guides:"
                         << toQString(guides.error().message);
        return;
    }
    m_loading = true;
    // What was selected, to select it again in the reloaded tree.
    const Id section = selectedQuestionId() == 0 ? selectedSectionId() : 0;
    const Id question = selectedQuestionId();
    m_guideCombo->clear();
    const Guide *shown = nullptr;
    for (const auto &guide : *guides) {
        m_guideCombo->addItem(guideLabel(guide), QVariant::fromValue<qlonglong>(guide.id));
        if (guide.id == m_guideId)
            shown = &guide;
    }
    if (!shown && !guides->empty())
        shown = &guides->front();
    m_guideId = shown ? shown->id : 0;
    m_guideCombo->setCurrentIndex(
        m_guideCombo->findData(QVariant::fromValue<qlonglong>(m_guideId)));
    m_model->setGuide(shown ? *shown : Guide{});
    m_model->setReadOnly(!shown || shown->builtin);
    m_tree->expandAll();
    if (question != 0)
        m_tree->setCurrentIndex(m_model->questionIndex(question));
    else if (section != 0)
        m_tree->setCurrentIndex(m_model->sectionIndex(section));
    m_loading = false;
    reloadCoverage();
    showSelected();
}

void GuidePanel::reloadCoverage()
{
    std::set<Id> covered;
    if (m_interviewId != 0) {
        if (auto coverage = m_document->study().coverage(m_interviewId)) {
            for (const auto &c : *coverage)
                covered.insert(c.questionId);
        }
    }
    m_model->setCoverage(covered, m_interviewId != 0);
}

void GuidePanel::setInterview(Id interviewId)
{
    commitEdits();
    if (isRunning() && interviewId != m_interviewId)
        leaveRunMode();
    m_interviewId = interviewId;
    if (interviewId != 0) {
        if (auto interview = m_document->study().interview(interviewId);
            interview && interview->guideId) {
            m_guideId = *interview->guideId;
        }
    }
    reloadGuides();
}

Id GuidePanel::guideId() const
{
    return m_guideId;
}

void GuidePanel::showGuide(Id guideId)
{
    if (guideId == m_guideId)
        return;
    m_guideId = guideId;
    m_tree->setCurrentIndex({});
    reloadGuides();
}

bool GuidePanel::isReadOnly() const
{
    return m_model->guide().id == 0 || m_model->guide().builtin;
}

void GuidePanel::showSelected()
{
    const QModelIndex current = m_tree->currentIndex();
    if (m_model->questionAt(current)) {
        m_formKind = FormKind::Question;
        m_formId = m_model->questionAt(current)->id;
    } else if (m_model->sectionAt(current)) {
        m_formKind = FormKind::Section;
        m_formId = m_model->sectionAt(current)->id;
    } else if (m_model->guide().id != 0) {
        m_formKind = FormKind::Guide;
        m_formId = m_model->guide().id;
    } else {
        m_formKind = FormKind::None;
        m_formId = 0;
    }
    fillForm();
    updateActions();
}

void GuidePanel::fillForm()
{
    const bool wasLoading = m_loading;
    m_loading = true;
    const bool readOnly = isReadOnly();
    const Guide &guide = m_model->guide();
    switch (m_formKind) {
    case FormKind::None:
    case FormKind::Guide: {
        m_forms->setCurrentIndex(GuideFormPage);
        m_guideName->setText(toQString(guide.name));
        m_guideDescription->setPlainText(toQString(guide.description));
        m_guideMinutes->setValue(guide.plannedMinutes);
        int questions = 0;
        int minutes = 0;
        for (const auto &section : guide.sections) {
            questions += static_cast<int>(section.questions.size());
            minutes += section.minutes;
        }
        m_guideSummary->setText(tr("%n section(s), %1 questions; the sections plan %2 minutes.",
                                   nullptr,
                                   static_cast<int>(guide.sections.size()))
                                    .arg(questions)
                                    .arg(minutes));
        break;
    }
    case FormKind::Section: {
        m_forms->setCurrentIndex(SectionFormPage);
        const GuideSection *section = m_model->sectionAt(m_model->sectionIndex(m_formId));
        if (!section)
            break;
        m_sectionTitle->setText(toQString(section->title));
        m_sectionPhase->setCurrentIndex(
            std::max(0,
                     m_sectionPhase->findData(section->phase ? toQString(key(*section->phase))
                                                             : QString())));
        m_sectionEvent->setCurrentIndex(
            std::max(0,
                     m_sectionEvent->findData(section->event ? toQString(key(*section->event))
                                                             : QString())));
        QStringList meanings;
        if (section->phase)
            meanings << tr("%1: %2").arg(toQString(info(*section->phase).name),
                                         toQString(info(*section->phase).meaning));
        if (section->event)
            meanings << tr("%1: %2").arg(toQString(info(*section->event).name),
                                         toQString(info(*section->event).meaning));
        const QString meaning = meanings.join(QLatin1Char('\n'));
        m_sectionMeaning->setText(meaning);
        m_sectionMeaning->setVisible(!meaning.isEmpty());
        m_sectionMinutes->setValue(section->minutes);
        m_sectionPurpose->setPlainText(toQString(section->purpose));
        m_sectionTips->setPlainText(toQString(section->tips));
        break;
    }
    case FormKind::Question: {
        m_forms->setCurrentIndex(QuestionFormPage);
        const QModelIndex index = m_model->questionIndex(m_formId);
        const GuideQuestion *question = m_model->questionAt(index);
        const GuideSection *section = m_model->sectionAt(index);
        if (!question || !section)
            break;
        const QString phase = GuideModel::phaseOrEventName(*section);
        m_questionSection->setText(phase.isEmpty()
                                       ? toQString(section->title)
                                       : tr("%1  ·  %2").arg(toQString(section->title), phase));
        m_questionText->setPlainText(toQString(question->text));
        m_questionNote->setPlainText(toQString(question->note));
        m_questionProbes->setPlainText(joinProbes(question->probes));
        break;
    }
    }
    for (QLineEdit *edit : {m_guideName, m_sectionTitle})
        edit->setReadOnly(readOnly);
    for (QPlainTextEdit *edit : {m_guideDescription,
                                 m_sectionPurpose,
                                 m_sectionTips,
                                 m_questionText,
                                 m_questionNote,
                                 m_questionProbes})
        edit->setReadOnly(readOnly);
    for (QSpinBox *spin : {m_guideMinutes, m_sectionMinutes})
        spin->setReadOnly(readOnly);
    m_sectionPhase->setEnabled(!readOnly);
    m_sectionEvent->setEnabled(!readOnly);
    m_loading = wasLoading;
}

void GuidePanel::updateActions()
{
    const bool hasGuide = m_model->guide().id != 0;
    const bool readOnly = isReadOnly();
    const QModelIndex current = m_tree->currentIndex();
    const bool hasSelection = current.isValid();
    const bool isQuestion = m_model->questionAt(current) != nullptr;
    const int row = current.row();
    const int siblings = hasSelection ? m_model->rowCount(current.parent()) : 0;
    m_builtinBanner->setVisible(hasGuide && m_model->guide().builtin);
    m_templateButton->setEnabled(hasGuide);
    m_renameButton->setEnabled(hasGuide && !readOnly);
    m_addSectionButton->setEnabled(hasGuide && !readOnly);
    m_addQuestionButton->setEnabled(!readOnly && hasSelection);
    m_removeButton->setEnabled(!readOnly && hasSelection);
    // A question at the top or bottom of its section moves on into the next section.
    const int sectionRow = isQuestion ? current.parent().row() : row;
    const int sectionCount = m_model->rowCount();
    m_upButton->setEnabled(!readOnly && hasSelection
                           && (row > 0 || (isQuestion && sectionRow > 0)));
    m_downButton->setEnabled(
        !readOnly && hasSelection
        && (row < siblings - 1 || (isQuestion && sectionRow < sectionCount - 1)));
    QString interview;
    if (m_interviewId != 0) {
        if (auto found = m_document->study().interview(m_interviewId))
            interview = toQString(found->title);
    }
    m_interviewLabel->setText(interview.isEmpty() ? tr("No interview selected")
                                                  : tr("Interview: %1").arg(interview));
    m_runButton->setEnabled(hasGuide && m_interviewId != 0);
    m_runButton->setToolTip(m_interviewId == 0
                                ? tr("Select an interview to conduct it with this guide")
                                : tr("Conduct the interview with this guide (F5)"));
}

// Selection.

void GuidePanel::selectSection(Id sectionId)
{
    m_tree->setCurrentIndex(m_model->sectionIndex(sectionId));
}

void GuidePanel::selectQuestion(Id questionId)
{
    m_tree->setCurrentIndex(m_model->questionIndex(questionId));
}

Id GuidePanel::selectedSectionId() const
{
    const GuideSection *section = m_model->sectionAt(m_tree->currentIndex());
    return section ? section->id : 0;
}

Id GuidePanel::selectedQuestionId() const
{
    const GuideQuestion *question = m_model->questionAt(m_tree->currentIndex());
    return question ? question->id : 0;
}

// Edits.

Id GuidePanel::applyAdding(const QString &action, Result<std::unique_ptr<StudyCommand>> command)
{
    if (!command) {
        applyCommand(*m_document, action, std::move(command));
        return 0;
    }
    const StudyCommand *added = command->get();
    if (!m_document->apply(std::move(*command)))
        return 0;
    return addedGuidePartId(added);
}

std::unique_ptr<StudyCommand> GuidePanel::formCommand()
{
    if (m_loading || isReadOnly())
        return nullptr;
    const Study &study = m_document->study();
    Result<std::unique_ptr<StudyCommand>> command = std::unique_ptr<StudyCommand>();
    switch (m_formKind) {
    case FormKind::None:
        return nullptr;
    case FormKind::Guide: {
        Guide guide = m_model->guide();
        if (guide.id != m_formId)
            return nullptr;
        guide.name = toStd(m_guideName->text().trimmed());
        guide.description = toStd(m_guideDescription->toPlainText().trimmed());
        guide.plannedMinutes = m_guideMinutes->value();
        command = updateGuideCommand(study, guide);
        break;
    }
    case FormKind::Section: {
        const GuideSection *found = m_model->sectionAt(m_model->sectionIndex(m_formId));
        if (!found)
            return nullptr;
        GuideSection section = *found;
        section.title = toStd(m_sectionTitle->text().trimmed());
        section.phase = parsePhase(toStd(m_sectionPhase->currentData().toString()));
        section.event = parseEventKind(toStd(m_sectionEvent->currentData().toString()));
        section.minutes = m_sectionMinutes->value();
        section.purpose = toStd(m_sectionPurpose->toPlainText().trimmed());
        section.tips = toStd(m_sectionTips->toPlainText().trimmed());
        command = updateSectionCommand(study, section);
        break;
    }
    case FormKind::Question: {
        const GuideQuestion *found = m_model->questionAt(m_model->questionIndex(m_formId));
        if (!found)
            return nullptr;
        GuideQuestion question = *found;
        question.text = toStd(m_questionText->toPlainText().trimmed());
        question.note = toStd(m_questionNote->toPlainText().trimmed());
        question.probes = probeLines(m_questionProbes->toPlainText());
        command = updateQuestionCommand(study, question);
        break;
    }
    }
    if (!command) {
        m_document->reportError(tr("Edit guide"), command.error());
        // Show what is stored again rather than keep a value that cannot be saved.
        QTimer::singleShot(0, this, [this] {
            fillForm();
        });
        return nullptr;
    }
    return std::move(*command);
}

bool GuidePanel::commitEdits()
{
    if (m_loading)
        return true;
    auto command = formCommand();
    if (!command)
        return true;
    return m_document->apply(std::move(command));
}

bool GuidePanel::addSection()
{
    commitEdits();
    if (isReadOnly())
        return applyCommand(
            *m_document, tr("Add section"), checkEditable(m_document->study(), m_guideId).error());
    const QModelIndex current = m_tree->currentIndex();
    int position = m_model->rowCount();
    if (current.isValid())
        position = (current.parent().isValid() ? current.parent().row() : current.row()) + 1;
    GuideSection section;
    section.title = toStd(tr("New section"));
    const Id added = applyAdding(
        tr("Add section"), addSectionCommand(m_document->study(), m_guideId, section, position));
    if (added == 0)
        return false;
    selectSection(added);
    m_sectionTitle->setFocus();
    m_sectionTitle->selectAll();
    return true;
}

bool GuidePanel::addQuestion()
{
    commitEdits();
    const QModelIndex current = m_tree->currentIndex();
    const GuideSection *section = m_model->sectionAt(current);
    if (!section)
        return false;
    int position = static_cast<int>(section->questions.size());
    if (m_model->questionAt(current))
        position = current.row() + 1;
    GuideQuestion question;
    question.text = toStd(tr("New question"));
    const Id added =
        applyAdding(tr("Add question"),
                    addQuestionCommand(m_document->study(), section->id, question, position));
    if (added == 0)
        return false;
    selectQuestion(added);
    m_questionText->setFocus();
    m_questionText->selectAll();
    return true;
}

bool GuidePanel::removeSelected()
{
    commitEdits();
    const QModelIndex current = m_tree->currentIndex();
    if (const GuideQuestion *question = m_model->questionAt(current)) {
        // Afterwards the next question of the section, or the section itself.
        const GuideSection *section = m_model->sectionAt(current);
        const Id sectionId = section->id;
        Id next = 0;
        if (current.row() + 1 < static_cast<int>(section->questions.size()))
            next = section->questions[static_cast<std::size_t>(current.row() + 1)].id;
        else if (current.row() > 0)
            next = section->questions[static_cast<std::size_t>(current.row() - 1)].id;
        if (!applyCommand(*m_document,
                          tr("Remove question"),
                          removeQuestionCommand(m_document->study(), question->id)))
            return false;
        if (next != 0)
            selectQuestion(next);
        else
            selectSection(sectionId);
        return true;
    }
    if (const GuideSection *section = m_model->sectionAt(current)) {
        const int row = current.row();
        if (!applyCommand(*m_document,
                          tr("Remove section"),
                          removeSectionCommand(m_document->study(), section->id)))
            return false;
        const int count = m_model->rowCount();
        if (count > 0)
            m_tree->setCurrentIndex(m_model->index(std::min(row, count - 1), 0));
        return true;
    }
    return false;
}

bool GuidePanel::moveSelected(int delta)
{
    commitEdits();
    const QModelIndex current = m_tree->currentIndex();
    if (const GuideQuestion *question = m_model->questionAt(current)) {
        const Id questionId = question->id;
        const QModelIndex sectionIndex = current.parent();
        const int target = current.row() + delta;
        Id sectionId = m_model->sectionAt(current)->id;
        int position = target;
        if (target < 0 || target >= m_model->rowCount(sectionIndex)) {
            // Past the end of its section: into the neighbouring one, at the near end.
            const QModelIndex neighbour = m_model->index(sectionIndex.row() + delta, 0);
            const GuideSection *other = m_model->sectionAt(neighbour);
            if (!other)
                return false;
            sectionId = other->id;
            position = delta < 0 ? static_cast<int>(other->questions.size()) : 0;
        }
        if (!applyCommand(
                *m_document,
                tr("Move question"),
                moveQuestionCommand(m_document->study(), questionId, sectionId, position)))
            return false;
        selectQuestion(questionId);
        return true;
    }
    if (const GuideSection *section = m_model->sectionAt(current)) {
        const Id sectionId = section->id;
        const int target = current.row() + delta;
        if (target < 0 || target >= m_model->rowCount())
            return false;
        if (!applyCommand(*m_document,
                          tr("Move section"),
                          moveSectionCommand(m_document->study(), sectionId, target)))
            return false;
        selectSection(sectionId);
        return true;
    }
    return false;
}

bool GuidePanel::renameGuide(const QString &name)
{
    commitEdits();
    auto guide = m_document->study().guide(m_guideId);
    if (!guide)
        return applyCommand(*m_document, tr("Rename guide"), guide.error());
    Guide renamed = *guide;
    renamed.name = toStd(name.trimmed());
    return applyCommand(
        *m_document, tr("Rename guide"), updateGuideCommand(m_document->study(), renamed));
}

bool GuidePanel::saveAsTemplate(const QString &name)
{
    commitEdits();
    return applyCommand(*m_document,
                        tr("Save as template"),
                        copyGuideCommand(m_document->study(), m_guideId, name, true));
}

bool GuidePanel::newGuideFromTemplate(Id templateId, const QString &name)
{
    commitEdits();
    const Id added = applyAdding(tr("New guide"),
                                 copyGuideCommand(m_document->study(), templateId, name, false));
    if (added == 0)
        return false;
    showGuide(added);
    return true;
}

bool GuidePanel::copyBuiltin()
{
    auto guide = m_document->study().guide(m_guideId);
    if (!guide)
        return applyCommand(*m_document, tr("Copy guide"), guide.error());
    return newGuideFromTemplate(m_guideId, tr("%1 (copy)").arg(toQString(guide->name)));
}

void GuidePanel::askNewGuide()
{
    auto guides = m_document->study().guides();
    if (!guides)
        return;
    QStringList names;
    std::vector<Id> ids;
    int preselect = 0;
    for (const auto &guide : *guides) {
        if (!guide.isTemplate && !guide.builtin)
            continue;
        if (guide.id == m_guideId)
            preselect = static_cast<int>(names.size());
        names << guideLabel(guide);
        ids.push_back(guide.id);
    }
    if (names.isEmpty())
        return;
    bool ok = false;
    const QString chosen = QInputDialog::getItem(
        this, tr("New guide"), tr("Start from the template:"), names, preselect, false, &ok);
    if (!ok)
        return;
    const Id templateId = ids[static_cast<std::size_t>(names.indexOf(chosen))];
    const QString name =
        QInputDialog::getText(this,
                              tr("New guide"),
                              tr("Name of the new guide:"),
                              QLineEdit::Normal,
                              tr("Switch interview, %1").arg(m_document->displayName()),
                              &ok);
    if (ok)
        newGuideFromTemplate(templateId, name);
}

void GuidePanel::askSaveAsTemplate()
{
    bool ok = false;
    const QString name =
        QInputDialog::getText(this,
                              tr("Save as template"),
                              tr("Name of the template:"),
                              QLineEdit::Normal,
                              tr("%1 template").arg(toQString(m_model->guide().name)),
                              &ok);
    if (ok)
        saveAsTemplate(name);
}

void GuidePanel::askRename()
{
    bool ok = false;
    const QString name = QInputDialog::getText(this,
                                               tr("Rename guide"),
                                               tr("New name:"),
                                               QLineEdit::Normal,
                                               toQString(m_model->guide().name),
                                               &ok);
    if (ok)
        renameGuide(name);
}

// Run mode.

bool GuidePanel::isRunning() const
{
    return m_pages->currentIndex() == RunPage;
}

bool GuidePanel::enterRunMode()
{
    commitEdits();
    if (m_interviewId == 0 || m_guideId == 0)
        return false;
    // An interview without a guide is linked to the one it is conducted with.
    if (auto interview = m_document->study().interview(m_interviewId);
        interview && !interview->guideId)
        applyCommand(*m_document,
                     tr("Use guide for interview"),
                     useGuideCommand(m_document->study(), m_interviewId, m_guideId));
    m_runMode->start(m_interviewId, m_guideId);
    if (!isRunning()) {
        m_pages->setCurrentIndex(RunPage);
        m_runMode->setFocus();
        Q_EMIT runModeChanged(true);
    }
    return true;
}

void GuidePanel::leaveRunMode()
{
    if (!isRunning())
        return;
    m_pages->setCurrentIndex(EditorPage);
    reloadCoverage();
    if (const Id question = m_runMode->currentQuestionId();
        question != 0 && m_runMode->guideId() == m_guideId)
        selectQuestion(question);
    m_tree->setFocus();
    Q_EMIT runModeChanged(false);
}

} // namespace jtbd::app
