// The selected job's editor: fields stored one undo step per edit (when the field is left), each
// next to its draft and the quotes the draft cites.
#include "job_editor.h"

#include "panel_style.h"

#include <jtbd/study.h>

#include <QAbstractTextDocumentLayout>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMouseEvent>
#include <QPushButton>
#include <QScrollArea>
#include <QTextEdit>
#include <QToolButton>
#include <QVBoxLayout>

#include <app/study_document.h>
#include <cmath>
#include <report/painting_support.h>

namespace jtbd::app {

namespace {

// How many quotes a draft clause shows; the rest are counted.
constexpr int kQuotesPerField = 2;
constexpr int kQuotesPerClause = 1;
// A quote longer than this is cut, with an ellipsis; the whole quote is in the transcript.
constexpr int kQuoteChars = 220;

QLabel *captionLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setFont(scaledFont(label->font(), 1.0, true));
    label->setWordWrap(true);
    return label;
}

QLabel *headingLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setFont(scaledFont(label->font(), 1.15, true));
    return label;
}

QLabel *mutedLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    label->setPalette(secondaryPalette(label->palette()));
    return label;
}

// A text field that wraps its text and grows to show all of it.
QTextEdit *growingTextEdit(const QString &objectName, const QString &placeholder, QWidget *parent)
{
    auto *edit = new QTextEdit(parent);
    edit->setObjectName(objectName);
    edit->setAcceptRichText(false);
    edit->setTabChangesFocus(true);
    edit->setLineWrapMode(QTextEdit::WidgetWidth);
    edit->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    edit->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    edit->setPlaceholderText(placeholder);
    edit->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    const int minimum = edit->fontMetrics().lineSpacing() * 2;
    auto fit = [edit, minimum](const QSizeF &size) {
        const int frame = edit->frameWidth() * 2;
        const int margins = edit->contentsMargins().top() + edit->contentsMargins().bottom();
        edit->setFixedHeight(std::max(minimum, static_cast<int>(std::ceil(size.height()))) + frame
                             + margins);
    };
    QObject::connect(edit->document()->documentLayout(),
                     &QAbstractTextDocumentLayout::documentSizeChanged,
                     edit,
                     fit);
    fit(edit->document()->size());
    return edit;
}

// Removes a widget at once from what is shown and found, and deletes it once the event that led
// here is over (it may be the widget whose click started it).
void discard(QWidget *widget)
{
    if (!widget)
        return;
    widget->hide();
    widget->setParent(nullptr);
    widget->deleteLater();
}

QString fieldObjectName(JobField field)
{
    switch (field) {
    case JobField::Name:
        return QStringLiteral("jobName");
    case JobField::Statement:
        return QStringLiteral("jobStatement");
    case JobField::StoryWhen:
        return QStringLiteral("jobStoryWhen");
    case JobField::StoryWant:
        return QStringLiteral("jobStoryWant");
    case JobField::StorySoThat:
        return QStringLiteral("jobStorySoThat");
    case JobField::Notes:
        break;
    }
    return QStringLiteral("jobNotes");
}

} // namespace

// QuoteLink

QuoteLink::QuoteLink(
    Id interviewId, Id highlightId, const QString &quote, const QString &who, QWidget *parent)
    : QLabel(parent)
    , m_interviewId(interviewId)
    , m_highlightId(highlightId)
{
    setObjectName(QStringLiteral("quoteLink"));
    QString shown = quote.simplified();
    if (shown.size() > kQuoteChars)
        shown = shown.left(kQuoteChars).trimmed() + QChar(0x2026);
    setTextFormat(Qt::RichText);
    setText(QStringLiteral("<i>") + report::quoted(shown).toHtmlEscaped()
            + QStringLiteral("</i> <span style=\"white-space:nowrap\">\u2014 ")
            + who.toHtmlEscaped() + QStringLiteral("</span>"));
    setWordWrap(true);
    setCursor(Qt::PointingHandCursor);
    setFocusPolicy(Qt::StrongFocus);
    setContentsMargins(6, 2, 6, 2);
    setAutoFillBackground(true);
    setAccessibleName(report::quoted(shown) + QStringLiteral(" \u2014 ") + who);
    setToolTip(tr("Open this quote in its transcript"));
    setHot(false);
}

QuoteLink::~QuoteLink() = default;

void QuoteLink::setHot(bool hot)
{
    QPalette pal = palette();
    pal.setColor(QPalette::Window,
                 hot ? pal.color(QPalette::Highlight).lighter(185) : pal.color(QPalette::Base));
    setPalette(pal);
}

void QuoteLink::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && rect().contains(event->position().toPoint())) {
        Q_EMIT activated(m_interviewId, m_highlightId);
        return;
    }
    QLabel::mouseReleaseEvent(event);
}

void QuoteLink::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        Q_EMIT activated(m_interviewId, m_highlightId);
        return;
    default:
        break;
    }
    QLabel::keyPressEvent(event);
}

void QuoteLink::enterEvent(QEnterEvent *event)
{
    setHot(true);
    QLabel::enterEvent(event);
}

void QuoteLink::leaveEvent(QEvent *event)
{
    setHot(hasFocus());
    QLabel::leaveEvent(event);
}

void QuoteLink::focusInEvent(QFocusEvent *event)
{
    setHot(true);
    QLabel::focusInEvent(event);
}

void QuoteLink::focusOutEvent(QFocusEvent *event)
{
    setHot(false);
    QLabel::focusOutEvent(event);
}

// JobEditor

JobEditor::JobEditor(StudyDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_scroll(new QScrollArea(this))
    , m_content(new QWidget)
    , m_hint(nullptr)
    , m_form(new QWidget(m_content))
    , m_members(nullptr)
    , m_openForces(new QPushButton(tr("Open Forces Diagram"), m_form))
{
    setObjectName(QStringLiteral("jobEditor"));
    m_content->setObjectName(QStringLiteral("jobEditorContent"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scroll->setWidget(m_content);
    outer->addWidget(m_scroll);

    auto *contentLayout = new QVBoxLayout(m_content);
    contentLayout->setContentsMargins(14, 12, 14, 12);
    m_hint = mutedLabel(tr("Choose a job on the board to edit its name, job story and statement, "
                           "and to see the evidence they were drafted from."),
                        m_content);
    m_hint->setObjectName(QStringLiteral("jobEditorHint"));
    contentLayout->addWidget(m_hint);
    contentLayout->addWidget(m_form);
    contentLayout->addStretch(1);

    auto *form = new QVBoxLayout(m_form);
    form->setContentsMargins(0, 0, 0, 0);
    form->setSpacing(6);
    addFieldRow(form, JobField::Name, tr("Job name"), tr("A short name for the job"));
    {
        auto *line = new QHBoxLayout;
        m_members = mutedLabel({}, m_form);
        m_members->setObjectName(QStringLiteral("jobMembers"));
        line->addWidget(m_members, 1);
        m_openForces->setObjectName(QStringLiteral("jobOpenForces"));
        m_openForces->setToolTip(tr("The forces diagram of this job's stories"));
        m_openForces->setAutoDefault(false);
        line->addWidget(m_openForces, 0, Qt::AlignTop);
        form->addLayout(line);
    }
    form->addSpacing(8);
    form->addWidget(headingLabel(tr("Job story"), m_form));
    addFieldRow(form,
                JobField::StoryWhen,
                tr("When \u2026"),
                tr("the situation: the struggling moment and its context"));
    addFieldRow(form,
                JobField::StoryWant,
                tr("I want to \u2026"),
                tr("the motivation: the progress they want to make"));
    addFieldRow(form,
                JobField::StorySoThat,
                tr("so I can \u2026"),
                tr("the expected outcome, and how they want to feel and be seen"));
    form->addSpacing(8);
    form->addWidget(headingLabel(tr("Job statement"), m_form));
    addFieldRow(form,
                JobField::Statement,
                tr("Verb + object + clarifier"),
                tr("e.g. Get paid for finished work without chasing the client"));
    form->addSpacing(8);
    form->addWidget(headingLabel(tr("Evidence from the draft"), m_form));
    m_evidence = new QWidget(m_form);
    m_evidence->setObjectName(QStringLiteral("jobEvidence"));
    m_evidenceLayout = new QVBoxLayout(m_evidence);
    m_evidenceLayout->setContentsMargins(0, 0, 0, 0);
    form->addWidget(m_evidence);

    connect(m_openForces, &QPushButton::clicked, this, [this] {
        if (m_job)
            Q_EMIT forcesRequested(m_job->id);
    });
    setJob(std::nullopt, {});
}

JobEditor::~JobEditor() = default;

void JobEditor::addFieldRow(QVBoxLayout *layout,
                            JobField field,
                            const QString &title,
                            const QString &hint)
{
    FieldRow row;
    row.field = field;
    layout->addWidget(captionLabel(title, m_form));
    if (field == JobField::Name) {
        auto *edit = new QLineEdit(m_form);
        edit->setObjectName(fieldObjectName(field));
        edit->setPlaceholderText(hint);
        edit->setFont(scaledFont(edit->font(), 1.15, true));
        connect(edit, &QLineEdit::editingFinished, this, [this] {
            if (auto *r = rowOf(JobField::Name))
                commitField(*r);
        });
        row.editor = edit;
    } else {
        auto *edit = growingTextEdit(fieldObjectName(field), hint, m_form);
        // A multi-line field has no "editing finished": it is stored when it loses the focus.
        edit->installEventFilter(this);
        row.editor = edit;
    }
    row.editor->setAccessibleName(title);
    layout->addWidget(row.editor);

    auto *draftLine = new QHBoxLayout;
    draftLine->setContentsMargins(0, 0, 0, 0);
    row.draftLabel = mutedLabel({}, m_form);
    row.draftLabel->setObjectName(fieldObjectName(field) + QStringLiteral("Draft"));
    row.draftLabel->setTextFormat(Qt::RichText);
    draftLine->addWidget(row.draftLabel, 1);
    row.useDraft = new QPushButton(tr("Use Draft"), m_form);
    row.useDraft->setObjectName(fieldObjectName(field) + QStringLiteral("UseDraft"));
    row.useDraft->setToolTip(tr("Replace the text with the draft"));
    row.useDraft->setAutoDefault(false);
    draftLine->addWidget(row.useDraft, 0, Qt::AlignTop);
    layout->addLayout(draftLine);
    connect(row.useDraft, &QPushButton::clicked, this, [this, field] {
        FieldRow *r = rowOf(field);
        if (!r || !m_job)
            return;
        setFieldText(*r, r->draftText);
        Q_EMIT fieldEdited(m_job->id, field, r->draftText);
    });

    row.quotes = new QWidget(m_form);
    row.quotes->setObjectName(fieldObjectName(field) + QStringLiteral("Quotes"));
    auto *quotes = new QVBoxLayout(row.quotes);
    quotes->setContentsMargins(12, 0, 0, 4);
    quotes->setSpacing(2);
    layout->addWidget(row.quotes);
    m_rows.push_back(row);
}

bool JobEditor::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::FocusOut) {
        for (FieldRow &row : m_rows)
            if (row.editor == watched)
                commitField(row);
    }
    return QWidget::eventFilter(watched, event);
}

JobEditor::FieldRow *JobEditor::rowOf(JobField field)
{
    for (FieldRow &row : m_rows)
        if (row.field == field)
            return &row;
    return nullptr;
}

QWidget *JobEditor::fieldEditor(JobField field) const
{
    for (const FieldRow &row : m_rows)
        if (row.field == field)
            return row.editor;
    return nullptr;
}

QList<QuoteLink *> JobEditor::quoteLinks() const
{
    return m_form->findChildren<QuoteLink *>();
}

QString JobEditor::fieldText(const FieldRow &row) const
{
    if (auto *line = qobject_cast<QLineEdit *>(row.editor))
        return line->text();
    return static_cast<QTextEdit *>(row.editor)->toPlainText();
}

void JobEditor::setFieldText(FieldRow &row, const QString &text)
{
    if (auto *line = qobject_cast<QLineEdit *>(row.editor)) {
        if (line->text() != text)
            line->setText(text);
        line->setModified(false);
        return;
    }
    auto *edit = static_cast<QTextEdit *>(row.editor);
    if (edit->toPlainText() != text)
        edit->setPlainText(text);
    edit->document()->setModified(false);
}

bool JobEditor::isEditing(const FieldRow &row) const
{
    if (!row.editor->hasFocus())
        return false;
    if (auto *line = qobject_cast<QLineEdit *>(row.editor))
        return line->isModified();
    return static_cast<QTextEdit *>(row.editor)->document()->isModified();
}

void JobEditor::commitField(FieldRow &row)
{
    if (!m_job)
        return;
    bool modified = false;
    if (auto *line = qobject_cast<QLineEdit *>(row.editor)) {
        modified = line->isModified();
        line->setModified(false);
    } else {
        auto *document = static_cast<QTextEdit *>(row.editor)->document();
        modified = document->isModified();
        document->setModified(false);
    }
    if (modified)
        Q_EMIT fieldEdited(m_job->id, row.field, fieldText(row));
}

void JobEditor::commitEdits()
{
    for (FieldRow &row : m_rows)
        commitField(row);
}

void JobEditor::clearCache()
{
    m_who.clear();
}

QString JobEditor::whoOf(Id interviewId)
{
    if (auto found = m_who.find(interviewId); found != m_who.end())
        return found->second;
    QString who;
    const Study &study = m_document->study();
    if (auto interview = study.interview(interviewId)) {
        who = toQString(interview->title);
        if (interview->participantId) {
            if (auto participant = study.participant(*interview->participantId))
                who = report::participantLabel(toQString(participant->pseudonym),
                                               toQString(participant->code));
        }
    }
    m_who.emplace(interviewId, who);
    return who;
}

void JobEditor::fillQuotes(QWidget *box, const std::vector<Id> &highlightIds, int limit)
{
    auto *layout = box->layout();
    while (QLayoutItem *item = layout->takeAt(0)) {
        discard(item->widget());
        delete item;
    }
    int shown = 0;
    for (Id highlightId : highlightIds) {
        if (shown == limit)
            break;
        auto highlight = m_document->study().highlight(highlightId);
        if (!highlight)
            continue; // deleted since the draft was written: nothing to open
        auto *link = new QuoteLink(highlight->interviewId,
                                   highlight->id,
                                   toQString(highlight->quote),
                                   whoOf(highlight->interviewId),
                                   box);
        connect(link, &QuoteLink::activated, this, &JobEditor::quoteActivated);
        layout->addWidget(link);
        ++shown;
    }
    const int more = static_cast<int>(highlightIds.size()) - shown;
    if (more > 0 && shown == limit) {
        auto *rest = new QLabel(
            QStringLiteral("<a href=\"more\">%1</a>").arg(tr("+ %n more quotes", nullptr, more)),
            box);
        rest->setObjectName(QStringLiteral("moreQuotes"));
        rest->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
        rest->setToolTip(tr("Show every quote this was drawn from"));
        connect(rest, &QLabel::linkActivated, this, [this, box, highlightIds] {
            fillQuotes(box, highlightIds, static_cast<int>(highlightIds.size()));
        });
        layout->addWidget(rest);
    }
    box->setVisible(layout->count() > 0);
}

void JobEditor::showField(FieldRow &row)
{
    const std::string &stored = jobField(*m_job, row.field);
    if (!isEditing(row))
        setFieldText(row, toQString(stored));
    const auto part = draftPartOf(row.field);
    const DraftClause *clause = part ? m_draft.find(*part) : nullptr;
    if (!clause) {
        row.draftText.clear();
        row.draftLabel->setText(m_draft.clauses.empty() ? QString() : tr("Nothing drafted."));
        row.draftLabel->setVisible(!m_draft.clauses.empty());
        row.useDraft->hide();
        fillQuotes(row.quotes, {}, 0);
        return;
    }
    row.draftText = toQString(clause->text);
    const bool same = clause->text == stored;
    row.draftLabel->setText(same ? tr("Follows the draft, drawn from:")
                                 : tr("Draft: <i>%1</i>").arg(row.draftText.toHtmlEscaped()));
    row.draftLabel->show();
    row.useDraft->setVisible(!same);
    fillQuotes(row.quotes, clause->highlightIds, kQuotesPerField);
}

void JobEditor::rebuildEvidence()
{
    while (QLayoutItem *item = m_evidenceLayout->takeAt(0)) {
        discard(item->widget());
        delete item;
    }
    if (m_draft.clauses.empty()) {
        m_evidenceLayout->addWidget(mutedLabel(
            tr("No draft yet. Run Synthesis to draft this job from the evidence of its stories."),
            m_evidence));
        return;
    }

    // Each part of the draft folds, so a job drawn from many stories stays readable: a part
    // with a few clauses starts open, a long one closed, and each stays as the researcher left
    // it while they move between jobs.
    const std::pair<DraftPart, QString> parts[] = {
        {DraftPart::FirstThought, tr("Trigger: first thought (starts passive looking)")},
        {DraftPart::Event1, tr("Trigger: event 1 (passive to active looking)")},
        {DraftPart::Event2, tr("Trigger: event 2 (active looking to deciding)")},
        {DraftPart::Fired, tr("What was fired")},
        {DraftPart::Alternative, tr("Alternatives considered")},
        {DraftPart::HireCriterion, tr("Hiring criteria")},
        {DraftPart::FireCriterion, tr("Firing criteria")},
        {DraftPart::Anxiety, tr("Anxieties to design against")},
        {DraftPart::Habit, tr("Habits to overcome")},
    };
    for (const auto &[part, title] : parts) {
        const auto clauses = m_draft.all(part);
        auto *header = new QToolButton(m_evidence);
        header->setObjectName(QStringLiteral("evidence-") + toQString(key(part)));
        header->setText(clauses.empty() ? tr("%1: nothing in the evidence").arg(title)
                                        : QStringLiteral("%1 (%2)").arg(title).arg(clauses.size()));
        header->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        header->setAutoRaise(true);
        header->setEnabled(!clauses.empty());
        header->setFont(scaledFont(header->font(), 1.0, true));
        m_evidenceLayout->addWidget(header);
        if (clauses.empty()) {
            header->setArrowType(Qt::NoArrow);
            continue;
        }
        auto *body = new QWidget(m_evidence);
        auto *layout = new QVBoxLayout(body);
        layout->setContentsMargins(18, 0, 0, 6);
        layout->setSpacing(3);
        for (const DraftClause *clause : clauses) {
            auto *text = new QLabel(QStringLiteral("\u2022 ") + toQString(clause->text), body);
            text->setWordWrap(true);
            text->setTextInteractionFlags(Qt::TextSelectableByMouse);
            layout->addWidget(text);
            auto *quotes = new QWidget(body);
            auto *quotesLayout = new QVBoxLayout(quotes);
            quotesLayout->setContentsMargins(12, 0, 0, 2);
            quotesLayout->setSpacing(2);
            fillQuotes(quotes, clause->highlightIds, kQuotesPerClause);
            layout->addWidget(quotes);
        }
        m_evidenceLayout->addWidget(body);
        const auto remembered = m_expanded.find(part);
        const bool open = remembered != m_expanded.end() ? remembered->second : clauses.size() <= 2;
        header->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
        header->setAccessibleDescription(open ? tr("expanded") : tr("collapsed"));
        body->setVisible(open);
        connect(header, &QToolButton::clicked, this, [this, header, body, part] {
            const bool on = !body->isVisibleTo(m_evidence);
            header->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
            header->setAccessibleDescription(on ? tr("expanded") : tr("collapsed"));
            body->setVisible(on);
            m_expanded[part] = on;
        });
    }
}

void JobEditor::setJob(const std::optional<Job> &job, const JobDraft &draft)
{
    const bool sameJob = job && m_job && job->id == m_job->id;
    m_job = job;
    m_draft = draft;
    m_hint->setVisible(!m_job);
    m_form->setVisible(m_job.has_value());
    if (!m_job) {
        for (FieldRow &row : m_rows)
            setFieldText(row, {});
        return;
    }
    if (!sameJob) {
        // Another job: what was typed for the last one was handed on already (commitEdits).
        for (FieldRow &row : m_rows)
            setFieldText(row, {});
        m_scroll->ensureVisible(0, 0);
    }
    for (FieldRow &row : m_rows)
        showField(row);
    const int stories = static_cast<int>(m_job->interviewIds.size());
    m_members->setText(tr("%n stories", nullptr, stories)
                       + (m_job->placedInterviewIds.empty()
                              ? QString()
                              : tr(", %n placed by you",
                                   nullptr,
                                   static_cast<int>(m_job->placedInterviewIds.size()))));
    rebuildEvidence();
}

} // namespace jtbd::app
