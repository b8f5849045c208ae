// Run mode: conducting an interview from its guide.
#include "run_mode_panel.h"

#include "panel_style.h"

#include <jtbd/study.h>
#include <jtbd/text.h>

#include <QCheckBox>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

#include <app/commands/interview_commands.h>
#include <app/logging.h>
#include <app/models/guide_model.h>
#include <app/study_document.h>
#include <array>

namespace jtbd::app {

namespace {

constexpr std::array kCaptureKinds = {
    EventKind::FirstThought, EventKind::Event1, EventKind::Event2, EventKind::Purchase};

const QColor kAmber(0xB2, 0x6A, 0x00);
const QColor kRed(0xC6, 0x28, 0x28);

// "23:10"; past the hour the minutes go on ("83:10"), as on an interview plan.
QString clockText(qint64 ms)
{
    const qint64 seconds = std::max<qint64>(ms, 0) / 1000;
    return QStringLiteral("%1:%2")
        .arg(seconds / 60, 2, 10, QLatin1Char('0'))
        .arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

QString minutesText(int minutes)
{
    return clockText(static_cast<qint64>(minutes) * 60 * 1000);
}

QLabel *wrappingLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

} // namespace

RunModePanel::RunModePanel(StudyDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_outlineModel(new GuideModel(this))
    , m_tick(new QTimer(this))
{
    setObjectName(QStringLiteral("runModePanel"));
    m_outlineModel->setReadOnly(true);
    buildUi();
    m_tick->setInterval(250);
    connect(m_tick, &QTimer::timeout, this, &RunModePanel::updateClock);
    connect(m_document, &StudyDocument::changed, this, &RunModePanel::onChanged);
}

RunModePanel::~RunModePanel() = default;

void RunModePanel::buildUi()
{
    auto *root = new QVBoxLayout(this);
    root->setContentsMargins(12, 10, 12, 10);
    root->setSpacing(10);

    // Top bar: who, where in the guide, the clock, the way out.
    auto *top = new QHBoxLayout;
    top->setSpacing(12);
    m_interviewLabel = new QLabel(this);
    m_interviewLabel->setObjectName(QStringLiteral("runInterviewLabel"));
    m_interviewLabel->setFont(scaledFont(font(), 1.15, true));
    m_interviewLabel->setWordWrap(true);
    m_positionLabel = new QLabel(this);
    m_positionLabel->setObjectName(QStringLiteral("runPositionLabel"));
    m_clockLabel = new QLabel(this);
    m_clockLabel->setObjectName(QStringLiteral("runClockLabel"));
    QFont clockFont = scaledFont(font(), 1.9, true);
    clockFont.setFamily(QStringLiteral("monospace"));
    clockFont.setStyleHint(QFont::Monospace);
    m_clockLabel->setFont(clockFont);
    m_clockPlanLabel = new QLabel(this);
    m_clockPlanLabel->setObjectName(QStringLiteral("runClockPlanLabel"));
    m_clockButton = new QPushButton(tr("Start clock"), this);
    m_clockButton->setObjectName(QStringLiteral("runClockButton"));
    m_clockButton->setToolTip(tr("Start or pause the interview clock (Ctrl+T)"));
    m_leaveButton = new QPushButton(tr("Leave run mode (Esc)"), this);
    m_leaveButton->setObjectName(QStringLiteral("runLeaveButton"));
    auto *who = new QVBoxLayout;
    who->setSpacing(2);
    who->addWidget(m_interviewLabel);
    who->addWidget(m_positionLabel);
    auto *clockBox = new QVBoxLayout;
    clockBox->setSpacing(0);
    clockBox->addWidget(m_clockLabel, 0, Qt::AlignRight);
    clockBox->addWidget(m_clockPlanLabel, 0, Qt::AlignRight);
    top->addLayout(who, 1);
    top->addLayout(clockBox);
    top->addWidget(m_clockButton, 0, Qt::AlignVCenter);
    top->addSpacing(8);
    top->addWidget(m_leaveButton, 0, Qt::AlignVCenter);
    root->addLayout(top);

    auto *line = new QFrame(this);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Sunken);
    root->addWidget(line);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("runSplitter"));
    splitter->setChildrenCollapsible(false);

    // The outline: where we are, what is covered.
    m_outline = new QTreeView(splitter);
    m_outline->setObjectName(QStringLiteral("runOutline"));
    m_outline->setModel(m_outlineModel);
    m_outline->setHeaderHidden(true);
    m_outline->setColumnHidden(GuideModel::PhaseColumn, true);
    m_outline->setColumnHidden(GuideModel::MinutesColumn, true);
    m_outline->setWordWrap(true);
    m_outline->setUniformRowHeights(false);
    m_outline->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_outline->setIconSize(QSize(14, 14));
    m_outline->setFocusPolicy(Qt::ClickFocus);
    connect(m_outline, &QTreeView::clicked, this, &RunModePanel::onOutlineClicked);

    // The question.
    auto *centre = new QWidget(splitter);
    centre->setObjectName(QStringLiteral("runQuestionArea"));
    auto *centreLayout = new QVBoxLayout(centre);
    centreLayout->setContentsMargins(18, 4, 18, 4);
    centreLayout->setSpacing(10);
    m_sectionLabel = wrappingLabel(QStringLiteral("runSectionLabel"), centre);
    m_sectionLabel->setFont(scaledFont(font(), 1.2, true));
    m_phaseLabel = wrappingLabel(QStringLiteral("runPhaseLabel"), centre);
    const QPalette muted = hintPalette(m_phaseLabel->palette());
    m_phaseLabel->setPalette(muted);
    m_questionLabel = wrappingLabel(QStringLiteral("runQuestionLabel"), centre);
    m_questionLabel->setFont(scaledFont(font(), 2.0, true));
    m_questionLabel->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_hintLabel = wrappingLabel(QStringLiteral("runHintLabel"), centre);
    m_hintLabel->setFont(scaledFont(font(), 1.1));
    m_probesLabel = wrappingLabel(QStringLiteral("runProbesLabel"), centre);
    m_probesLabel->setTextFormat(Qt::RichText);
    m_probesLabel->setFont(scaledFont(font(), 1.1));
    m_tipsLabel = wrappingLabel(QStringLiteral("runTipsLabel"), centre);
    m_tipsLabel->setTextFormat(Qt::RichText);
    m_tipsLabel->setPalette(muted);
    m_coveredBox = new QCheckBox(tr("Covered (Space)"), centre);
    m_coveredBox->setObjectName(QStringLiteral("runCoveredBox"));
    m_coveredBox->setFocusPolicy(Qt::TabFocus);
    connect(m_coveredBox, &QCheckBox::clicked, this, &RunModePanel::setCovered);

    auto *navigation = new QHBoxLayout;
    m_previousButton = new QPushButton(tr("◀  Previous"), centre);
    m_previousButton->setObjectName(QStringLiteral("runPreviousButton"));
    m_previousButton->setToolTip(tr("Previous question (Page Up, Ctrl+Left)"));
    m_nextButton = new QPushButton(tr("Next  ▶"), centre);
    m_nextButton->setObjectName(QStringLiteral("runNextButton"));
    m_nextButton->setToolTip(tr("Next question (Page Down, Ctrl+Right)"));
    m_stepLabel = new QLabel(centre);
    m_stepLabel->setObjectName(QStringLiteral("runStepLabel"));
    m_stepLabel->setAlignment(Qt::AlignCenter);
    navigation->addWidget(m_previousButton);
    navigation->addWidget(m_stepLabel, 1);
    navigation->addWidget(m_nextButton);
    connect(m_previousButton, &QPushButton::clicked, this, &RunModePanel::previous);
    connect(m_nextButton, &QPushButton::clicked, this, &RunModePanel::next);

    centreLayout->addWidget(m_sectionLabel);
    centreLayout->addWidget(m_phaseLabel);
    centreLayout->addSpacing(6);
    centreLayout->addWidget(m_questionLabel);
    centreLayout->addWidget(m_hintLabel);
    centreLayout->addWidget(m_probesLabel);
    centreLayout->addWidget(m_tipsLabel);
    centreLayout->addStretch(1);
    centreLayout->addWidget(m_coveredBox);
    centreLayout->addLayout(navigation);

    // Notes for the question.
    auto *notes = new QWidget(splitter);
    notes->setObjectName(QStringLiteral("runNotesArea"));
    auto *notesLayout = new QVBoxLayout(notes);
    notesLayout->setContentsMargins(4, 4, 0, 4);
    notesLayout->setSpacing(6);
    m_notesTitle = new QLabel(tr("Notes on this question"), notes);
    m_notesTitle->setObjectName(QStringLiteral("runNotesTitle"));
    m_notesTitle->setFont(scaledFont(font(), 1.0, true));
    m_noteEdit = new QPlainTextEdit(notes);
    m_noteEdit->setObjectName(QStringLiteral("runNoteEdit"));
    m_noteEdit->setPlaceholderText(
        tr("Type what you hear: their words, the energy, what to come back to…"));
    m_noteEdit->setTabChangesFocus(true);
    m_noteEdit->setMaximumHeight(130);
    connect(m_noteEdit, &QPlainTextEdit::textChanged, this, [this] {
        // A note is timed from when it was begun, not when it was saved.
        if (m_noteEdit->document()->isEmpty())
            m_noteBegunMs.reset();
        else if (!m_noteBegunMs)
            m_noteBegunMs = elapsedMs();
        m_noteMessage->clear();
    });
    m_saveNoteButton = new QPushButton(tr("Save note (Ctrl+Enter)"), notes);
    m_saveNoteButton->setObjectName(QStringLiteral("runSaveNoteButton"));
    connect(m_saveNoteButton, &QPushButton::clicked, this, &RunModePanel::saveNote);
    m_noteMessage = new QLabel(notes);
    m_noteMessage->setObjectName(QStringLiteral("runNoteMessage"));
    m_noteMessage->setWordWrap(true);
    m_noteList = new QListWidget(notes);
    m_noteList->setObjectName(QStringLiteral("runNoteList"));
    m_noteList->setWordWrap(true);
    m_noteList->setAlternatingRowColors(true);
    m_noteList->setToolTip(tr("Delete removes the selected note"));
    auto *deleteNote = new QShortcut(QKeySequence::Delete, m_noteList);
    deleteNote->setContext(Qt::WidgetShortcut);
    connect(deleteNote, &QShortcut::activated, this, [this] {
        auto *item = m_noteList->currentItem();
        if (!item)
            return;
        const Id noteId = item->data(Qt::UserRole).toLongLong();
        if (noteId == 0)
            return; // the "No notes yet" line
        auto command = deleteNoteCommand(m_document->study(), noteId, m_interviewId);
        if (!command)
            m_document->reportError(tr("Delete note"), command.error());
        else if (*command)
            m_document->apply(std::move(*command));
    });
    auto *buttonRow = new QHBoxLayout;
    buttonRow->addWidget(m_noteMessage, 1);
    buttonRow->addWidget(m_saveNoteButton);
    notesLayout->addWidget(m_notesTitle);
    notesLayout->addWidget(m_noteEdit);
    notesLayout->addLayout(buttonRow);
    auto *takenTitle = new QLabel(tr("Taken so far"), notes);
    takenTitle->setObjectName(QStringLiteral("runNotesTakenTitle"));
    notesLayout->addWidget(takenTitle);
    notesLayout->addWidget(m_noteList, 1);

    splitter->addWidget(m_outline);
    splitter->addWidget(centre);
    splitter->addWidget(notes);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setStretchFactor(2, 0);
    splitter->setSizes({300, 540, 330});
    root->addWidget(splitter, 1);

    // Quick capture of timeline events.
    auto *captureBar = new QFrame(this);
    captureBar->setObjectName(QStringLiteral("runCaptureBar"));
    captureBar->setFrameShape(QFrame::StyledPanel);
    auto *captureLayout = new QVBoxLayout(captureBar);
    captureLayout->setContentsMargins(10, 8, 10, 8);
    captureLayout->setSpacing(6);
    auto *buttons = new QHBoxLayout;
    auto *captureTitle = new QLabel(tr("Capture a timeline event:"), captureBar);
    captureTitle->setObjectName(QStringLiteral("runCaptureBarTitle"));
    buttons->addWidget(captureTitle);
    for (std::size_t i = 0; i < kCaptureKinds.size(); ++i) {
        const EventKind kind = kCaptureKinds[i];
        auto *button = new QPushButton(
            tr("%1  (Alt+%2)").arg(toQString(info(kind).name)).arg(i + 1), captureBar);
        button->setObjectName(QStringLiteral("runCapture_%1").arg(toQString(key(kind))));
        button->setToolTip(toQString(info(kind).meaning));
        connect(button, &QPushButton::clicked, this, [this, kind] {
            beginCapture(kind);
        });
        buttons->addWidget(button);
        m_captureButtons.push_back(button);
        auto *shortcut =
            new QShortcut(QKeySequence(Qt::ALT | (Qt::Key_1 + static_cast<int>(i))), this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, [this, kind] {
            beginCapture(kind);
        });
    }
    buttons->addStretch(1);
    captureLayout->addLayout(buttons);
    m_capturedLabel = new QLabel(captureBar);
    m_capturedLabel->setObjectName(QStringLiteral("runCapturedLabel"));
    m_capturedLabel->setPalette(muted);
    m_capturedLabel->setWordWrap(true);
    captureLayout->addWidget(m_capturedLabel);

    m_captureForm = new QFrame(captureBar);
    m_captureForm->setObjectName(QStringLiteral("runCaptureForm"));
    auto *form = new QHBoxLayout(m_captureForm);
    form->setContentsMargins(0, 0, 0, 0);
    m_captureTitle = new QLabel(m_captureForm);
    m_captureTitle->setObjectName(QStringLiteral("runCaptureTitle"));
    m_captureTitle->setFont(scaledFont(font(), 1.0, true));
    m_captureWhen = new QLineEdit(m_captureForm);
    m_captureWhen->setObjectName(QStringLiteral("runCaptureWhen"));
    m_captureWhen->setPlaceholderText(tr("When: 2026-03, or “two weeks before”"));
    m_captureWhen->setToolTip(
        tr("A date (YYYY, YYYY-MM or YYYY-MM-DD) or words for a time relative to the switch"));
    m_captureNote = new QLineEdit(m_captureForm);
    m_captureNote->setObjectName(QStringLiteral("runCaptureNote"));
    m_captureNote->setPlaceholderText(tr("What happened, where, who was there"));
    m_captureSave = new QPushButton(tr("Save event"), m_captureForm);
    m_captureSave->setObjectName(QStringLiteral("runCaptureSave"));
    m_captureCancel = new QPushButton(tr("Cancel"), m_captureForm);
    m_captureCancel->setObjectName(QStringLiteral("runCaptureCancel"));
    form->addWidget(m_captureTitle);
    form->addWidget(m_captureWhen, 1);
    form->addWidget(m_captureNote, 2);
    form->addWidget(m_captureSave);
    form->addWidget(m_captureCancel);
    m_captureMessage = new QLabel(captureBar);
    m_captureMessage->setObjectName(QStringLiteral("runCaptureMessage"));
    m_captureMessage->setWordWrap(true);
    QPalette warning = m_captureMessage->palette();
    warning.setColor(QPalette::WindowText, kRed);
    m_captureMessage->setPalette(warning);
    m_noteMessage->setPalette(warning);
    captureLayout->addWidget(m_captureForm);
    captureLayout->addWidget(m_captureMessage);
    m_captureForm->hide();
    m_captureMessage->hide();
    connect(m_captureSave, &QPushButton::clicked, this, &RunModePanel::saveCapture);
    connect(m_captureCancel, &QPushButton::clicked, this, &RunModePanel::cancelCapture);
    connect(m_captureWhen, &QLineEdit::returnPressed, this, &RunModePanel::saveCapture);
    connect(m_captureNote, &QLineEdit::returnPressed, this, &RunModePanel::saveCapture);
    root->addWidget(captureBar);

    connect(m_clockButton, &QPushButton::clicked, this, [this] {
        if (isClockRunning())
            pauseClock();
        else
            startClock();
    });
    connect(m_leaveButton, &QPushButton::clicked, this, &RunModePanel::leaveRequested);

    auto shortcut = [this](const QKeySequence &keys, auto slot) {
        auto *s = new QShortcut(keys, this);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, slot);
        return s;
    };
    shortcut(QKeySequence(Qt::Key_PageDown), [this] {
        next();
    });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_Right), [this] {
        next();
    });
    shortcut(QKeySequence(Qt::Key_PageUp), [this] {
        previous();
    });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_Left), [this] {
        previous();
    });
    shortcut(QKeySequence(Qt::Key_Space), [this] {
        toggleCovered();
    });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), [this] {
        saveNote();
    });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_Enter), [this] {
        saveNote();
    });
    shortcut(QKeySequence(Qt::CTRL | Qt::Key_T), [this] {
        if (isClockRunning())
            pauseClock();
        else
            startClock();
    });
    shortcut(QKeySequence(Qt::Key_Escape), [this] {
        if (m_captureForm->isVisible())
            cancelCapture();
        else
            Q_EMIT leaveRequested();
    });
}

void RunModePanel::start(Id interviewId, Id guideId)
{
    if (m_interviewId != 0 && currentQuestionId() != 0)
        m_lastQuestion.insert(m_interviewId, currentQuestionId());
    m_interviewId = interviewId;
    auto guide = m_document->study().guide(guideId);
    if (!guide) {
        m_document->reportError(tr("Run interview"), guide.error());
        m_guide = Guide{};
    } else {
        m_guide = std::move(*guide);
    }
    cancelCapture();
    m_noteEdit->clear();
    reloadGuide();
    reloadRecords();
    // Back where this interview was left, or at the first question not yet covered.
    int step = 0;
    const Id last = m_lastQuestion.value(interviewId, 0);
    bool placed = false;
    for (std::size_t i = 0; i < m_steps.size(); ++i) {
        const auto &s = m_steps[i];
        if (s.question < 0)
            continue;
        const Id id = m_guide.sections[static_cast<std::size_t>(s.section)]
                          .questions[static_cast<std::size_t>(s.question)]
                          .id;
        if (last != 0 ? id == last : !m_covered.contains(id)) {
            step = static_cast<int>(i);
            placed = true;
            break;
        }
    }
    if (!placed)
        step = 0;
    m_step = -1;
    goToStep(step);
    updateClock();
    if (isClockRunning())
        m_tick->start();
}

void RunModePanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // Laid out only now: keep the current question in the middle of the outline.
    m_outline->scrollTo(m_outline->currentIndex(), QAbstractItemView::PositionAtCenter);
}

void RunModePanel::onChanged(const Change &change)
{
    if (m_interviewId == 0)
        return;
    switch (change.kind) {
    case Change::Kind::Everything:
        if (!m_document->study().interview(m_interviewId)) {
            m_interviewId = 0;
            Q_EMIT leaveRequested();
            return;
        }
        if (auto guide = m_document->study().guide(m_guide.id))
            m_guide = std::move(*guide);
        reloadGuide();
        reloadRecords();
        showStep();
        break;
    case Change::Kind::Guides:
        if (auto guide = m_document->study().guide(m_guide.id)) {
            const Id question = currentQuestionId();
            const Id section = currentSectionId();
            m_guide = std::move(*guide);
            reloadGuide();
            if (question != 0)
                goToQuestion(question);
            if (currentQuestionId() != question || question == 0) {
                for (std::size_t i = 0; i < m_steps.size(); ++i) {
                    if (m_guide.sections[static_cast<std::size_t>(m_steps[i].section)].id
                        == section) {
                        m_step = static_cast<int>(i);
                        break;
                    }
                }
            }
            m_step = std::clamp(m_step, 0, std::max(stepCount() - 1, 0));
            reloadRecords();
            showStep();
        } else {
            Q_EMIT leaveRequested(); // the guide is gone
        }
        break;
    case Change::Kind::Notes:
    case Change::Kind::Timeline:
    case Change::Kind::Interviews:
        if (change.id == m_interviewId || change.kind == Change::Kind::Interviews) {
            reloadRecords();
            showStep();
        }
        break;
    default:
        break;
    }
}

void RunModePanel::reloadGuide()
{
    m_steps.clear();
    for (std::size_t s = 0; s < m_guide.sections.size(); ++s) {
        const auto &questions = m_guide.sections[s].questions;
        if (questions.empty())
            m_steps.push_back({static_cast<int>(s), -1});
        for (std::size_t q = 0; q < questions.size(); ++q)
            m_steps.push_back({static_cast<int>(s), static_cast<int>(q)});
    }
    m_outlineModel->setGuide(m_guide);
    m_outline->expandAll();
}

void RunModePanel::reloadRecords()
{
    const Study &study = m_document->study();
    m_notes.clear();
    m_timeline.clear();
    m_covered.clear();
    QString who;
    if (auto interview = study.interview(m_interviewId)) {
        who = toQString(interview->title);
        if (auto notes = study.notes(m_interviewId))
            m_notes = std::move(*notes);
        if (auto timeline = study.timeline(m_interviewId))
            m_timeline = std::move(*timeline);
        if (auto coverage = study.coverage(m_interviewId)) {
            for (const auto &c : *coverage)
                m_covered.insert(c.questionId);
        }
    }
    m_interviewLabel->setText(who.isEmpty() ? tr("No interview") : who);
    m_outlineModel->setCoverage(m_covered, true);
    showTimeline();
}

const GuideSection *RunModePanel::currentSection() const
{
    if (m_step < 0 || m_step >= stepCount())
        return nullptr;
    return &m_guide.sections[static_cast<std::size_t>(
        m_steps[static_cast<std::size_t>(m_step)].section)];
}

const GuideQuestion *RunModePanel::currentQuestion() const
{
    const GuideSection *section = currentSection();
    if (!section)
        return nullptr;
    const int q = m_steps[static_cast<std::size_t>(m_step)].question;
    return q < 0 ? nullptr : &section->questions[static_cast<std::size_t>(q)];
}

Id RunModePanel::currentSectionId() const
{
    const GuideSection *section = currentSection();
    return section ? section->id : 0;
}

Id RunModePanel::currentQuestionId() const
{
    const GuideQuestion *question = currentQuestion();
    return question ? question->id : 0;
}

void RunModePanel::goToStep(int step)
{
    if (m_steps.empty()) {
        m_step = 0;
        showStep();
        return;
    }
    step = std::clamp(step, 0, stepCount() - 1);
    if (step == m_step)
        return;
    m_step = step;
    if (m_interviewId != 0 && currentQuestionId() != 0)
        m_lastQuestion.insert(m_interviewId, currentQuestionId());
    showStep();
}

void RunModePanel::goToQuestion(Id questionId)
{
    for (std::size_t i = 0; i < m_steps.size(); ++i) {
        const auto &s = m_steps[i];
        if (s.question >= 0
            && m_guide.sections[static_cast<std::size_t>(s.section)]
                       .questions[static_cast<std::size_t>(s.question)]
                       .id
                   == questionId) {
            m_step = -1;
            goToStep(static_cast<int>(i));
            return;
        }
    }
}

void RunModePanel::next()
{
    goToStep(m_step + 1);
}

void RunModePanel::previous()
{
    goToStep(m_step - 1);
}

void RunModePanel::onOutlineClicked(const QModelIndex &index)
{
    if (const GuideQuestion *question = m_outlineModel->questionAt(index)) {
        goToQuestion(question->id);
        return;
    }
    if (const GuideSection *section = m_outlineModel->sectionAt(index)) {
        for (std::size_t i = 0; i < m_steps.size(); ++i) {
            if (m_guide.sections[static_cast<std::size_t>(m_steps[i].section)].id == section->id) {
                goToStep(static_cast<int>(i));
                return;
            }
        }
    }
}

void RunModePanel::showStep()
{
    const GuideSection *section = currentSection();
    const GuideQuestion *question = currentQuestion();
    const bool any = section != nullptr;
    m_previousButton->setEnabled(any && m_step > 0);
    m_nextButton->setEnabled(any && m_step < stepCount() - 1);
    m_coveredBox->setEnabled(question != nullptr);
    m_noteEdit->setEnabled(any);
    m_saveNoteButton->setEnabled(any);
    if (!section) {
        m_sectionLabel->setText(m_guide.sections.empty() ? tr("This guide has no sections yet")
                                                         : QString());
        m_phaseLabel->clear();
        m_questionLabel->clear();
        m_hintLabel->hide();
        m_probesLabel->hide();
        m_tipsLabel->hide();
        m_positionLabel->clear();
        m_stepLabel->clear();
        m_coveredBox->setChecked(false);
        showNotes();
        updateClock();
        return;
    }
    const int sectionNumber = m_steps[static_cast<std::size_t>(m_step)].section + 1;
    const int sectionCount = static_cast<int>(m_guide.sections.size());
    m_sectionLabel->setText(toQString(section->title));
    QStringList facts;
    const QString phase = GuideModel::phaseOrEventName(*section);
    if (!phase.isEmpty())
        facts << phase;
    if (section->minutes > 0)
        facts << tr("%1 min planned").arg(section->minutes);
    if (!section->purpose.empty())
        facts << toQString(section->purpose);
    m_phaseLabel->setText(facts.join(QStringLiteral("  ·  ")));
    m_positionLabel->setText(
        tr("%1  ·  section %2 of %3%4")
            .arg(toQString(m_guide.name))
            .arg(sectionNumber)
            .arg(sectionCount)
            .arg(phase.isEmpty() ? QString() : QStringLiteral("  ·  ") + phase));
    if (question) {
        m_questionLabel->setText(toQString(question->text));
        m_hintLabel->setText(toQString(question->note));
        m_hintLabel->setVisible(!question->note.empty());
        QString probes;
        for (const auto &probe : question->probes)
            probes += QStringLiteral("<li>%1</li>").arg(toQString(probe).toHtmlEscaped());
        m_probesLabel->setText(probes.isEmpty() ? QString()
                                                : tr("<b>Probes</b><ul style=\"margin-top:2px; "
                                                     "margin-left:-20px\">%1</ul>")
                                                      .arg(probes));
        m_probesLabel->setVisible(!probes.isEmpty());
        const int inSection = m_steps[static_cast<std::size_t>(m_step)].question + 1;
        m_stepLabel->setText(tr("Question %1 of %2 in this section  ·  step %3 of %4")
                                 .arg(inSection)
                                 .arg(section->questions.size())
                                 .arg(m_step + 1)
                                 .arg(stepCount()));
        m_coveredBox->setChecked(m_covered.contains(question->id));
        m_notesTitle->setText(tr("Notes on this question"));
        m_outline->setCurrentIndex(m_outlineModel->questionIndex(question->id));
    } else {
        m_questionLabel->setText(toQString(section->title));
        m_hintLabel->setVisible(false);
        m_probesLabel->setVisible(false);
        m_stepLabel->setText(tr("Step %1 of %2").arg(m_step + 1).arg(stepCount()));
        m_coveredBox->setChecked(false);
        m_notesTitle->setText(tr("Notes on this section"));
        m_outline->setCurrentIndex(m_outlineModel->sectionIndex(section->id));
    }
    m_tipsLabel->setText(section->tips.empty()
                             ? QString()
                             : tr("<b>Tips</b>  %1").arg(toQString(section->tips).toHtmlEscaped()));
    m_tipsLabel->setVisible(!section->tips.empty());
    m_outline->scrollTo(m_outline->currentIndex(), QAbstractItemView::PositionAtCenter);
    showNotes();
    updateClock();
}

void RunModePanel::showNotes()
{
    m_noteList->clear();
    const Id question = currentQuestionId();
    for (const auto &note : m_notes) {
        // On a section without questions, the notes taken under no question.
        if (question != 0 ? note.questionId != question : note.questionId.has_value())
            continue;
        const QString time = note.atMs ? clockText(*note.atMs) : tr("--:--");
        auto *item = new QListWidgetItem(tr("%1   %2").arg(time, toQString(note.text)));
        item->setData(Qt::UserRole, QVariant::fromValue<qlonglong>(note.id));
        item->setToolTip(toQString(note.text));
        m_noteList->addItem(item);
    }
    if (m_noteList->count() == 0) {
        auto *item = new QListWidgetItem(tr("No notes yet"));
        item->setFlags(Qt::NoItemFlags);
        m_noteList->addItem(item);
    }
}

void RunModePanel::showTimeline()
{
    QStringList captured;
    for (const auto &event : m_timeline) {
        QString when = toQString(!event.occurredOn.empty() ? event.occurredOn : event.relativeTime);
        captured << (when.isEmpty() ? toQString(info(event.kind).name)
                                    : tr("%1: %2").arg(toQString(info(event.kind).name), when));
    }
    m_capturedLabel->setText(captured.isEmpty()
                                 ? tr("No events captured yet")
                                 : tr("Captured: %1").arg(captured.join(QStringLiteral("  ·  "))));
}

// The clock.

RunModePanel::Clock &RunModePanel::clock()
{
    return m_clocks[m_interviewId];
}

const RunModePanel::Clock *RunModePanel::clockOf(Id interviewId) const
{
    const auto found = m_clocks.constFind(interviewId);
    return found == m_clocks.constEnd() ? nullptr : &found.value();
}

void RunModePanel::startClock()
{
    if (m_interviewId == 0 || isClockRunning())
        return;
    Clock &c = clock();
    c.running = true;
    c.since.start();
    m_tick->start();
    updateClock();
}

void RunModePanel::pauseClock()
{
    if (!isClockRunning())
        return;
    Clock &c = clock();
    c.accumulatedMs += c.since.elapsed();
    c.running = false;
    m_tick->stop();
    updateClock();
}

bool RunModePanel::isClockRunning() const
{
    const Clock *c = clockOf(m_interviewId);
    return c && c->running;
}

qint64 RunModePanel::elapsedMs() const
{
    const Clock *c = clockOf(m_interviewId);
    if (!c)
        return 0;
    return c->accumulatedMs + (c->running ? c->since.elapsed() : 0);
}

void RunModePanel::setElapsedMs(qint64 ms)
{
    if (m_interviewId == 0)
        return;
    Clock &c = clock();
    c.accumulatedMs = std::max<qint64>(ms, 0);
    if (c.running)
        c.since.start();
    updateClock();
}

int RunModePanel::plannedMinutes() const
{
    if (m_guide.plannedMinutes > 0)
        return m_guide.plannedMinutes;
    int sum = 0;
    for (const auto &section : m_guide.sections)
        sum += section.minutes;
    return sum;
}

int RunModePanel::minutesThroughCurrentSection() const
{
    if (m_step < 0 || m_step >= stepCount())
        return 0;
    const int current = m_steps[static_cast<std::size_t>(m_step)].section;
    int sum = 0;
    for (int s = 0; s <= current; ++s)
        sum += m_guide.sections[static_cast<std::size_t>(s)].minutes;
    return sum;
}

void RunModePanel::updateClock()
{
    const qint64 elapsed = elapsedMs();
    const int planned = plannedMinutes();
    const int sectionEnd = minutesThroughCurrentSection();
    m_clockLabel->setText(planned > 0 ? tr("%1 / %2").arg(clockText(elapsed), minutesText(planned))
                                      : clockText(elapsed));
    QString overrun;
    QColor colour = palette().color(QPalette::WindowText);
    const qint64 minuteMs = 60 * 1000;
    if (planned > 0 && elapsed > planned * minuteMs) {
        overrun = QStringLiteral("guide");
        colour = kRed;
    } else if (sectionEnd > 0 && elapsed > sectionEnd * minuteMs) {
        overrun = QStringLiteral("section");
        colour = kAmber;
    }
    m_clockLabel->setProperty("overrun", overrun);
    QPalette p = m_clockLabel->palette();
    p.setColor(QPalette::WindowText, colour);
    m_clockLabel->setPalette(p);
    QString plan;
    if (overrun == QLatin1String("guide"))
        plan = tr("over the planned %1 minutes").arg(planned);
    else if (overrun == QLatin1String("section"))
        plan = tr("behind plan: this section was due to end at %1").arg(minutesText(sectionEnd));
    else if (sectionEnd > 0)
        plan = tr("this section ends at %1").arg(minutesText(sectionEnd));
    if (!isClockRunning())
        plan = plan.isEmpty() ? tr("clock paused") : tr("clock paused  ·  %1").arg(plan);
    m_clockPlanLabel->setText(plan);
    m_clockPlanLabel->setPalette(p);
    m_clockButton->setText(isClockRunning() ? tr("Pause clock")
                           : elapsed > 0    ? tr("Resume clock")
                                            : tr("Start clock"));
}

// Notes and coverage.

std::optional<std::int64_t> RunModePanel::noteTime() const
{
    // Without a clock that was ever started there is no time into the interview to give.
    const Clock *c = clockOf(m_interviewId);
    if (!c || (!c->running && c->accumulatedMs == 0))
        return std::nullopt;
    return m_noteBegunMs.value_or(elapsedMs());
}

bool RunModePanel::saveNote()
{
    if (m_interviewId == 0 || !currentSection())
        return false;
    const QString text = m_noteEdit->toPlainText().trimmed();
    if (text.isEmpty()) {
        m_noteMessage->setText(tr("Type a note first."));
        return false;
    }
    InterviewNote note;
    note.interviewId = m_interviewId;
    if (const Id question = currentQuestionId(); question != 0)
        note.questionId = question;
    note.atMs = noteTime();
    note.text = toStd(text);
    auto command = addNoteCommand(m_document->study(), note);
    if (!command) {
        m_noteMessage->setText(toQString(command.error().message));
        return false;
    }
    if (!m_document->apply(std::move(*command)))
        return false;
    m_noteEdit->clear();
    m_noteBegunMs.reset();
    return true;
}

void RunModePanel::setCovered(bool covered)
{
    const Id question = currentQuestionId();
    if (m_interviewId == 0 || question == 0)
        return;
    const auto at =
        noteTime().has_value() ? std::optional<std::int64_t>(elapsedMs()) : std::nullopt;
    auto command = setCoveredCommand(m_document->study(), m_interviewId, question, covered, at);
    if (!command) {
        m_document->reportError(tr("Mark question covered"), command.error());
    } else if (*command) {
        m_document->apply(std::move(*command));
    }
    m_coveredBox->setChecked(m_covered.contains(question));
}

void RunModePanel::toggleCovered()
{
    const Id question = currentQuestionId();
    if (question != 0)
        setCovered(!m_covered.contains(question));
}

// Timeline capture.

void RunModePanel::beginCapture(EventKind kind)
{
    if (m_interviewId == 0)
        return;
    m_captureKind = kind;
    m_captureTitle->setText(tr("%1:").arg(toQString(info(kind).name)));
    m_captureWhen->clear();
    m_captureNote->clear();
    m_captureMessage->clear();
    m_captureMessage->hide();
    m_captureForm->show();
    m_captureWhen->setFocus();
}

bool RunModePanel::saveCapture()
{
    if (!m_captureKind || m_interviewId == 0)
        return false;
    auto when = parseEventWhen(m_captureWhen->text());
    if (!when) {
        m_captureMessage->setText(toQString(when.error().message));
        m_captureMessage->show();
        m_captureWhen->setFocus();
        m_captureWhen->selectAll();
        return false;
    }
    TimelineEvent event;
    event.interviewId = m_interviewId;
    event.kind = *m_captureKind;
    event.occurredOn = when->occurredOn;
    event.relativeTime = when->relativeTime;
    event.description = toStd(m_captureNote->text().trimmed());
    auto command = addTimelineEventCommand(m_document->study(), event);
    if (!command) {
        m_captureMessage->setText(toQString(command.error().message));
        m_captureMessage->show();
        return false;
    }
    if (!m_document->apply(std::move(*command)))
        return false;
    cancelCapture();
    return true;
}

void RunModePanel::cancelCapture()
{
    m_captureKind.reset();
    m_captureForm->hide();
    m_captureMessage->clear();
    m_captureMessage->hide();
    if (m_noteEdit->isVisible())
        m_noteEdit->setFocus();
}

} // namespace jtbd::app
