// The coding panel.
#include "transcript_panel.h"

#include "highlight_inspector.h"
#include "panel_style.h"
#include "quick_code_palette.h"
#include "transcript_view.h"

#include <jtbd/text.h>

#include <QAbstractTextDocumentLayout>
#include <QComboBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QShortcut>
#include <QSplitter>
#include <QStyle>
#include <QTextBlock>
#include <QTextDocument>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <app/commands/highlight_commands.h>
#include <app/logging.h>
#include <app/study_document.h>

namespace jtbd::app {

namespace {

constexpr int kFindLimit = 5000;

QToolButton *toolButton(const QString &name, const QString &text, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(name);
    button->setText(text);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    button->setAutoRaise(true);
    return button;
}

bool isSpace(QChar ch)
{
    return ch.isSpace() || ch == QChar::ParagraphSeparator || ch == QChar::LineSeparator;
}

} // namespace

TranscriptPanel::TranscriptPanel(StudyDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_titleLabel(new QLabel(this))
    , m_subtitleLabel(new QLabel(this))
    , m_filterCombo(new QComboBox(this))
    , m_previousButton(toolButton(QStringLiteral("previousHighlight"), tr("Previous"), this))
    , m_nextButton(toolButton(QStringLiteral("nextHighlight"), tr("Next"), this))
    , m_findButton(toolButton(QStringLiteral("findButton"), tr("Find"), this))
    , m_paletteButton(toolButton(QStringLiteral("paletteButton"), tr("Code…"), this))
    , m_view(new TranscriptView(this))
    , m_inspector(new HighlightInspector(document, this))
    , m_palette(new QuickCodePalette(this))
    , m_findBar(new QWidget(this))
    , m_findEdit(new QLineEdit(m_findBar))
    , m_findCount(new QLabel(m_findBar))
    , m_countLabel(new QLabel(this))
    , m_keyLegend(new QLabel(this))
{
    setObjectName(QStringLiteral("transcriptPanel"));

    // Header: which interview, then the tools.
    auto *header = new QWidget(this);
    header->setObjectName(QStringLiteral("transcriptHeader"));
    auto *headerLayout = new QHBoxLayout(header);
    headerLayout->setContentsMargins(14, 8, 10, 8);
    headerLayout->setSpacing(6);
    auto *titles = new QVBoxLayout;
    titles->setSpacing(1);
    m_titleLabel->setObjectName(QStringLiteral("transcriptTitle"));
    m_titleLabel->setFont(scaledFont(m_titleLabel->font(), 1.15, true));
    m_titleLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_subtitleLabel->setObjectName(QStringLiteral("transcriptSubtitle"));
    const QPalette muted = mutedPalette(m_subtitleLabel->palette());
    m_subtitleLabel->setPalette(muted);
    titles->addWidget(m_titleLabel);
    titles->addWidget(m_subtitleLabel);
    headerLayout->addLayout(titles, 1);

    auto *showLabel = new QLabel(tr("Show"), header);
    m_filterCombo->setObjectName(QStringLiteral("codeFilter"));
    m_filterCombo->setToolTip(tr("Show only the highlights with this code"));
    m_filterCombo->setMinimumContentsLength(16);
    m_filterCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    showLabel->setBuddy(m_filterCombo);
    headerLayout->addWidget(showLabel);
    headerLayout->addWidget(m_filterCombo);
    headerLayout->addSpacing(8);
    m_previousButton->setIcon(style()->standardIcon(QStyle::SP_ArrowUp));
    m_previousButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_previousButton->setToolTip(tr("Previous highlight (Shift+F8)"));
    m_nextButton->setIcon(style()->standardIcon(QStyle::SP_ArrowDown));
    m_nextButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_nextButton->setToolTip(tr("Next highlight (F8)"));
    m_findButton->setToolTip(tr("Find in transcript (Ctrl+F)"));
    m_paletteButton->setToolTip(tr("Tag with any code from the codebook (Ctrl+K or /)"));
    headerLayout->addWidget(m_previousButton);
    headerLayout->addWidget(m_nextButton);
    headerLayout->addWidget(m_findButton);
    headerLayout->addWidget(m_paletteButton);

    // Find bar, hidden until Ctrl+F.
    m_findBar->setObjectName(QStringLiteral("findBar"));
    auto *findLayout = new QHBoxLayout(m_findBar);
    findLayout->setContentsMargins(14, 4, 10, 4);
    m_findEdit->setObjectName(QStringLiteral("findEdit"));
    m_findEdit->setPlaceholderText(tr("Find in transcript"));
    m_findEdit->setClearButtonEnabled(true);
    m_findEdit->installEventFilter(this);
    m_findCount->setObjectName(QStringLiteral("findCount"));
    m_findCount->setMinimumWidth(90);
    auto *findPrevious = toolButton(QStringLiteral("findPrevious"), tr("Previous"), m_findBar);
    findPrevious->setToolTip(tr("Previous match (Shift+Enter)"));
    auto *findNext = toolButton(QStringLiteral("findNext"), tr("Next"), m_findBar);
    findNext->setToolTip(tr("Next match (Enter)"));
    auto *findClose = toolButton(QStringLiteral("findClose"), tr("Close"), m_findBar);
    findClose->setToolTip(tr("Close (Esc)"));
    findLayout->addWidget(new QLabel(tr("Find"), m_findBar));
    findLayout->addWidget(m_findEdit, 1);
    findLayout->addWidget(m_findCount);
    findLayout->addWidget(findPrevious);
    findLayout->addWidget(findNext);
    findLayout->addWidget(findClose);
    m_findBar->hide();

    // Footer: the force keys and the counts.
    auto *footer = new QWidget(this);
    auto *footerLayout = new QHBoxLayout(footer);
    footerLayout->setContentsMargins(14, 3, 10, 5);
    m_keyLegend->setObjectName(QStringLiteral("keyLegend"));
    m_keyLegend->setTextFormat(Qt::RichText);
    m_countLabel->setObjectName(QStringLiteral("highlightCount"));
    m_countLabel->setPalette(muted);
    footerLayout->addWidget(m_keyLegend, 1);
    footerLayout->addWidget(m_countLabel);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("transcriptSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_view);
    splitter->addWidget(m_inspector);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 0);
    m_inspector->setMinimumWidth(240);
    splitter->setSizes({900, 300});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(header);
    auto *line = new QFrame(this);
    line->setFrameShape(QFrame::HLine);
    line->setFrameShadow(QFrame::Plain);
    line->setForegroundRole(QPalette::Mid);
    layout->addWidget(line);
    layout->addWidget(m_findBar);
    layout->addWidget(splitter, 1);
    layout->addWidget(footer);

    m_view->installEventFilter(this);

    auto addShortcut = [this](const QKeySequence &keys, auto slot) {
        auto *shortcut = new QShortcut(keys, this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, slot);
    };
    addShortcut(QKeySequence(Qt::CTRL | Qt::Key_K), &TranscriptPanel::openPalette);
    addShortcut(QKeySequence::Find, &TranscriptPanel::openFind);
    addShortcut(QKeySequence(Qt::Key_F8), &TranscriptPanel::nextHighlight);
    addShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F8), &TranscriptPanel::previousHighlight);

    connect(m_previousButton, &QToolButton::clicked, this, &TranscriptPanel::previousHighlight);
    connect(m_nextButton, &QToolButton::clicked, this, &TranscriptPanel::nextHighlight);
    connect(m_findButton, &QToolButton::clicked, this, &TranscriptPanel::openFind);
    connect(m_paletteButton, &QToolButton::clicked, this, &TranscriptPanel::openPalette);
    connect(m_filterCombo, &QComboBox::activated, this, [this](int index) {
        const qlonglong id = m_filterCombo->itemData(index).toLongLong();
        setCodeFilter(id > 0 ? std::optional<Id>(id) : std::nullopt);
    });
    connect(m_findEdit, &QLineEdit::textChanged, this, [this] {
        runFind(true);
    });
    connect(findPrevious, &QToolButton::clicked, this, [this] {
        stepFind(-1);
    });
    connect(findNext, &QToolButton::clicked, this, [this] {
        stepFind(1);
    });
    connect(findClose, &QToolButton::clicked, this, &TranscriptPanel::closeFind);

    connect(m_view, &QTextEdit::cursorPositionChanged, this, &TranscriptPanel::refreshCurrent);
    connect(m_view, &QTextEdit::selectionChanged, this, &TranscriptPanel::refreshCurrent);
    connect(m_view, &TranscriptView::markClicked, this, [this](Id id) {
        showHighlight(m_interviewId, id);
    });
    connect(m_palette, &QuickCodePalette::codeChosen, this, [this](Id id) {
        applyCodes({id});
        m_view->setFocus(Qt::OtherFocusReason);
    });
    connect(
        m_inspector, &HighlightInspector::addCodeRequested, this, &TranscriptPanel::openPalette);
    connect(m_inspector,
            &HighlightInspector::deleteRequested,
            this,
            &TranscriptPanel::deleteCurrentHighlight);
    connect(m_document, &StudyDocument::changed, this, &TranscriptPanel::onChanged);

    reloadCodes();
    reloadAll();
}

TranscriptPanel::~TranscriptPanel() = default;

void TranscriptPanel::commitPendingEdits()
{
    m_inspector->commitMemo();
}

void TranscriptPanel::setInterview(Id interviewId)
{
    if (interviewId == m_interviewId)
        return;
    m_inspector->commitMemo();
    m_interviewId = interviewId;
    m_currentId.reset();
    m_wantedCurrent.reset();
    closeFind();
    reloadAll(false);
    m_view->verticalScrollBar()->setValue(0);
}

void TranscriptPanel::showHighlight(Id interviewId, Id highlightId)
{
    setInterview(interviewId);
    const Entry *e = entry(highlightId);
    if (!e) {
        Q_EMIT statusMessage(tr("That highlight is no longer in this interview"));
        return;
    }
    if (!e->visible)
        setCodeFilter(std::nullopt); // asked for by id: show it even when the filter hides it
    e = entry(highlightId);
    m_view->selectRange(e->start, e->end);
    setCurrent(highlightId);
}

void TranscriptPanel::onChanged(const Change &change)
{
    switch (change.kind) {
    case Change::Kind::Everything:
        reloadCodes();
        reloadAll();
        break;
    case Change::Kind::Codes:
        reloadCodes();
        reloadHighlights();
        break;
    case Change::Kind::Transcript:
        if (change.id == m_interviewId || change.id == 0)
            reloadAll();
        break;
    case Change::Kind::Highlights:
        if (change.id == m_interviewId || change.id == 0)
            reloadHighlights();
        break;
    case Change::Kind::Interviews:
    case Change::Kind::Participants:
        reloadHeader();
        break;
    default:
        break;
    }
}

void TranscriptPanel::reloadHeader()
{
    m_participantCode.clear();
    m_title.clear();
    if (m_interviewId == 0) {
        m_titleLabel->setText(tr("No interview open"));
        m_subtitleLabel->setText(tr("Choose an interview to read and code its transcript."));
        return;
    }
    const Study &study = m_document->study();
    auto interview = study.interview(m_interviewId);
    if (!interview) {
        // The interview was deleted under us.
        m_interviewId = 0;
        reloadAll();
        return;
    }
    m_title = toQString(interview->title);
    QStringList subtitle;
    if (interview->participantId) {
        if (auto participant = study.participant(*interview->participantId)) {
            m_participantCode = toQString(participant->code);
            if (!participant->pseudonym.empty())
                subtitle << toQString(participant->pseudonym);
        }
    }
    if (!interview->conductedOn.empty())
        subtitle << toQString(interview->conductedOn);
    QStringList interviewers;
    for (const auto &name : interview->interviewers)
        interviewers << toQString(name);
    if (!interviewers.isEmpty())
        subtitle << tr("with %1").arg(interviewers.join(QStringLiteral(", ")));
    const QString words =
        QLocale().toString(static_cast<qlonglong>(wordCount(toStd(m_view->text()))));
    subtitle << tr("%1 words").arg(words);
    m_titleLabel->setText(m_participantCode.isEmpty()
                              ? m_title
                              : m_participantCode + QStringLiteral("  ·  ") + m_title);
    m_subtitleLabel->setText(subtitle.join(QStringLiteral("  ·  ")));
}

void TranscriptPanel::reloadAll(bool keepPlace)
{
    // Keep the reader's place: the text position at the top of the view and the selection, in
    // code points, which survive a rebuilt document.
    const bool hadText = keepPlace && !m_view->text().isEmpty();
    const QTextCursor topCursor = m_view->cursorForPosition(QPoint(0, 0));
    const auto topCodePoint = m_offsets.toCodePoint(topCursor.position());
    const QTextCursor selection = m_view->textCursor();
    const auto selected =
        m_offsets.toCodePoints(selection.selectionStart(), selection.selectionEnd());

    std::vector<Turn> turns;
    if (m_interviewId != 0) {
        auto loaded = m_document->study().turns(m_interviewId);
        if (loaded) {
            turns = std::move(*loaded);
        } else if (loaded.error().code == ErrorCode::NotFound) {
            m_interviewId = 0;
        } else {
            qCWarning(lcApp) << "Cannot read the transcript:" << toQString(loaded.error().message);
        }
    }
    m_view->setTurns(turns);
    m_offsets = TextOffsets(m_view->text());
    reloadHeader();
    reloadHighlights();

    if (hadText && m_interviewId != 0) {
        const qsizetype top = m_offsets.toUtf16(topCodePoint);
        m_view->selectRange(m_offsets.toUtf16(selected.start), m_offsets.toUtf16(selected.end));
        const QTextBlock block = m_view->document()->findBlock(static_cast<int>(top));
        if (block.isValid()) {
            const QRectF rect = m_view->document()->documentLayout()->blockBoundingRect(block);
            m_view->verticalScrollBar()->setValue(static_cast<int>(rect.top()));
        }
    }
    const bool enabled = m_interviewId != 0;
    for (QWidget *w : {static_cast<QWidget *>(m_filterCombo),
                       static_cast<QWidget *>(m_previousButton),
                       static_cast<QWidget *>(m_nextButton),
                       static_cast<QWidget *>(m_findButton),
                       static_cast<QWidget *>(m_paletteButton)})
        w->setEnabled(enabled);
}

void TranscriptPanel::reloadCodes()
{
    auto codes = m_document->study().codes();
    if (!codes) {
        qCWarning(lcApp) << "Cannot read the codebook:" << toQString(codes.error().message);
        return;
    }
    m_codes = std::move(*codes);
    m_inspectorStale = true;
    m_codeIndex.clear();
    for (std::size_t i = 0; i < m_codes.size(); ++i)
        m_codeIndex.emplace(m_codes[i].id, i);
    m_palette->setCodes(m_codes);

    // Keys: each code's own shortcut, and 1–4 for the forces unless a code took them.
    m_shortcuts.clear();
    for (const auto &code : m_codes) {
        if (code.shortcut.empty())
            continue;
        const QKeySequence seq =
            QKeySequence::fromString(toQString(code.shortcut), QKeySequence::PortableText);
        if (seq.count() == 1)
            m_shortcuts.emplace_back(seq[0], code.id);
    }
    const std::array<Qt::Key, 4> forceKeys = {Qt::Key_1, Qt::Key_2, Qt::Key_3, Qt::Key_4};
    for (Force force : kForces) {
        const QKeyCombination combination(forceKeys.at(static_cast<std::size_t>(force)));
        const bool taken = std::any_of(m_shortcuts.begin(), m_shortcuts.end(), [&](const auto &s) {
            return s.first == combination;
        });
        if (taken)
            continue;
        for (const auto &code : m_codes)
            if (code.key == codeKey(force))
                m_shortcuts.emplace_back(combination, code.id);
    }

    // The legend of the keys that tag.
    QStringList legend;
    for (const auto &[keys, id] : m_shortcuts) {
        const Code &code = m_codes[m_codeIndex.at(id)];
        legend << QStringLiteral("<span style='color:%1'>&#9632;</span>&nbsp;<b>%2</b>&nbsp;%3")
                      .arg(toQString(code.color),
                           QKeySequence(keys).toString(QKeySequence::NativeText).toHtmlEscaped(),
                           toQString(code.name).toHtmlEscaped());
    }
    legend << tr("<b>Ctrl+K</b>&nbsp;any code");
    m_keyLegend->setText(legend.join(QStringLiteral("&nbsp;&nbsp;&nbsp; ")));

    // The filter: all, or one code; kept across reloads while the code exists.
    m_filterCombo->clear();
    m_filterCombo->addItem(tr("All highlights"), QVariant::fromValue<qlonglong>(0));
    CodeKind lastKind = CodeKind::Force;
    bool first = true;
    for (const auto &code : m_codes) {
        if (!first && code.kind != lastKind)
            m_filterCombo->insertSeparator(m_filterCombo->count());
        first = false;
        lastKind = code.kind;
        m_filterCombo->addItem(codeSwatchIcon(QColor(toQString(code.color))),
                               toQString(code.name),
                               QVariant::fromValue<qlonglong>(code.id));
    }
    if (m_filterCode && !m_codeIndex.contains(*m_filterCode))
        m_filterCode.reset();
    setCodeFilter(m_filterCode);
}

void TranscriptPanel::setCodeFilter(std::optional<Id> codeId)
{
    m_filterCode = codeId;
    m_filterSet.clear();
    if (codeId) {
        // The code and everything nested under it.
        m_filterSet.insert(*codeId);
        bool grew = true;
        while (grew) {
            grew = false;
            for (const auto &code : m_codes)
                if (code.parentId && m_filterSet.contains(*code.parentId)
                    && m_filterSet.insert(code.id).second)
                    grew = true;
        }
    }
    const int index = m_filterCombo->findData(QVariant::fromValue<qlonglong>(codeId ? *codeId : 0));
    m_filterCombo->setCurrentIndex(std::max(0, index));
    if (!m_entries.empty() || m_interviewId != 0)
        reloadHighlights();
}

void TranscriptPanel::reloadHighlights()
{
    m_entries.clear();
    m_coderNames.clear();
    if (m_interviewId != 0) {
        const Study &study = m_document->study();
        auto highlights = study.highlights(m_interviewId);
        if (!highlights) {
            if (highlights.error().code != ErrorCode::NotFound)
                qCWarning(lcApp) << "Cannot read the highlights:"
                                 << toQString(highlights.error().message);
        } else {
            m_entries.reserve(highlights->size());
            for (auto &h : *highlights) {
                Entry e;
                e.start = m_offsets.toUtf16(h.start);
                e.end = m_offsets.toUtf16(h.end);
                e.visible = m_filterSet.empty()
                            || std::any_of(h.codeIds.begin(), h.codeIds.end(), [&](Id id) {
                                   return m_filterSet.contains(id);
                               });
                e.highlight = std::move(h);
                m_entries.push_back(std::move(e));
            }
        }
        if (auto coders = study.coders())
            for (const auto &coder : *coders)
                m_coderNames.emplace(coder.id, toQString(coder.name));
    }

    std::vector<TranscriptView::Mark> marks;
    marks.reserve(m_entries.size());
    for (const auto &e : m_entries) {
        if (!e.visible)
            continue;
        TranscriptView::Mark mark;
        mark.id = e.highlight.id;
        mark.start = e.start;
        mark.end = e.end;
        // Codebook order: forces first, so the first colour is the force when there is one.
        std::vector<std::size_t> order;
        for (Id id : e.highlight.codeIds)
            if (auto it = m_codeIndex.find(id); it != m_codeIndex.end())
                order.push_back(it->second);
        std::sort(order.begin(), order.end());
        for (std::size_t i : order) {
            mark.colors.emplace_back(toQString(m_codes[i].color));
            mark.names << toQString(m_codes[i].name);
        }
        marks.push_back(std::move(mark));
    }
    m_view->setMarks(std::move(marks));

    if (m_wantedCurrent && entry(*m_wantedCurrent)) {
        m_currentId = m_wantedCurrent;
        m_wantedCurrent.reset();
    }
    if (m_currentId && (!entry(*m_currentId) || !entry(*m_currentId)->visible))
        m_currentId.reset();
    if (m_currentId)
        setCurrent(m_currentId);
    else
        refreshCurrent();
    updateCounts();
}

void TranscriptPanel::updateCounts()
{
    const auto shown = std::count_if(m_entries.begin(), m_entries.end(), [](const Entry &e) {
        return e.visible;
    });
    if (m_interviewId == 0)
        m_countLabel->clear();
    else if (m_filterCode)
        m_countLabel->setText(
            tr("%1 of %n highlight(s) shown", nullptr, int(m_entries.size())).arg(shown));
    else
        m_countLabel->setText(tr("%n highlight(s)", nullptr, int(m_entries.size())));
}

const TranscriptPanel::Entry *TranscriptPanel::entry(Id id) const
{
    for (const auto &e : m_entries)
        if (e.highlight.id == id)
            return &e;
    return nullptr;
}

std::vector<const TranscriptPanel::Entry *> TranscriptPanel::visibleEntries() const
{
    std::vector<const Entry *> list;
    for (const auto &e : m_entries)
        if (e.visible)
            list.push_back(&e);
    return list;
}

void TranscriptPanel::refreshCurrent()
{
    const QTextCursor cursor = m_view->textCursor();
    const qsizetype a = cursor.selectionStart();
    const qsizetype b = cursor.selectionEnd();
    std::optional<Id> found;
    if (m_currentId) {
        // The current highlight stays current while the cursor is inside it.
        if (const Entry *e = entry(*m_currentId);
            e && e->visible && e->start <= a && b <= e->end && (a != b || a < e->end))
            found = m_currentId;
    }
    if (!found) {
        const Entry *best = nullptr;
        for (const auto &e : m_entries) {
            if (!e.visible || e.start > a)
                continue;
            const bool exact = e.start == a && e.end == b;
            const bool inside = a == b ? (a < e.end) : (b <= e.end);
            if (exact) {
                best = &e;
                break;
            }
            if (inside && (!best || e.end - e.start < best->end - best->start))
                best = &e;
        }
        if (best)
            found = best->highlight.id;
    }
    // An exact selection of another highlight wins over staying.
    if (found && a != b) {
        for (const auto &e : m_entries)
            if (e.visible && e.start == a && e.end == b) {
                found = e.highlight.id;
                break;
            }
    }
    setCurrent(found);
}

void TranscriptPanel::setCurrent(std::optional<Id> id)
{
    m_currentId = id;
    m_view->setCurrentMark(id.value_or(0));
    std::optional<Highlight> highlight;
    QString coder;
    if (id) {
        if (const Entry *e = entry(*id)) {
            highlight = e->highlight;
            if (e->highlight.coderId)
                if (auto it = m_coderNames.find(*e->highlight.coderId); it != m_coderNames.end())
                    coder = it->second;
        }
    }
    // Moving the cursor within one highlight leaves the inspector as it is.
    if (!m_inspectorStale && highlight == m_inspected)
        return;
    m_inspectorStale = false;
    m_inspected = highlight;
    m_inspector->setHighlight(highlight, m_codes, coder);
}

QString TranscriptPanel::codeLabel(const std::vector<Id> &codeIds) const
{
    QStringList names;
    for (Id id : codeIds)
        if (auto it = m_codeIndex.find(id); it != m_codeIndex.end())
            names << toQString(m_codes[it->second].name);
    return names.join(QStringLiteral(" + "));
}

QString TranscriptPanel::where() const
{
    return m_participantCode.isEmpty() ? m_title : m_participantCode;
}

bool TranscriptPanel::applyCodes(const std::vector<Id> &codeIds)
{
    if (m_interviewId == 0 || codeIds.empty())
        return false;
    const QString label = codeLabel(codeIds);
    const QTextCursor cursor = m_view->textCursor();
    qsizetype a = cursor.selectionStart();
    qsizetype b = cursor.selectionEnd();
    TagPlan plan;
    if (a != b) {
        // Spaces and line breaks at the edges of a selection are not part of the quote.
        const QString &text = m_view->text();
        while (a < b && isSpace(text.at(a)))
            ++a;
        while (b > a && isSpace(text.at(b - 1)))
            --b;
        if (a == b) {
            Q_EMIT statusMessage(tr("Select some words to tag"));
            return false;
        }
        const auto range = m_offsets.toCodePoints(a, b);
        std::vector<Highlight> highlights;
        highlights.reserve(m_entries.size());
        for (const auto &e : m_entries)
            highlights.push_back(e.highlight);
        plan = planTag(highlights, m_interviewId, range.start, range.end, codeIds, label);
        // Show the stored range as the selection (trimmed, and widened over a split emoji).
        const qsizetype start = m_offsets.toUtf16(range.start);
        const qsizetype end = m_offsets.toUtf16(range.end);
        if (start != cursor.selectionStart() || end != cursor.selectionEnd())
            m_view->selectRange(start, end);
    } else if (m_currentId) {
        const Entry *e = entry(*m_currentId);
        if (!e)
            return false;
        plan = planToggle(e->highlight, codeIds, label);
    } else {
        Q_EMIT statusMessage(tr("Select text to tag, or put the cursor in a highlight"));
        return false;
    }
    if (!plan.command) {
        Q_EMIT statusMessage(plan.refusal);
        return false;
    }
    auto *added = dynamic_cast<AddHighlightCommand *>(plan.command.get());
    if (!m_document->apply(std::move(plan.command)))
        return false;
    for (Id id : codeIds)
        m_palette->noteUsed(id);
    if (added) {
        // The reload during apply() already ran; make the new highlight current now.
        m_wantedCurrent = added->addedId();
        if (entry(*m_wantedCurrent)) {
            m_wantedCurrent.reset();
            setCurrent(added->addedId());
        }
        Q_EMIT statusMessage(tr("Tagged as %1 · %2").arg(label, where()));
    } else if (plan.removed) {
        Q_EMIT statusMessage(tr("Removed %1 from the highlight · %2").arg(label, where()));
    } else {
        Q_EMIT statusMessage(tr("Added %1 to the highlight · %2").arg(label, where()));
    }
    return true;
}

void TranscriptPanel::nextHighlight()
{
    stepHighlight(+1);
}

void TranscriptPanel::previousHighlight()
{
    stepHighlight(-1);
}

void TranscriptPanel::stepHighlight(int step)
{
    const auto list = visibleEntries();
    if (list.empty()) {
        Q_EMIT statusMessage(m_filterCode ? tr("No highlights with this code")
                                          : tr("No highlights yet"));
        return;
    }
    const auto count = static_cast<std::ptrdiff_t>(list.size());
    std::ptrdiff_t index = 0;
    if (const auto it = std::find_if(list.begin(),
                                     list.end(),
                                     [&](const Entry *e) {
                                         return m_currentId && e->highlight.id == *m_currentId;
                                     });
        it != list.end()) {
        index = (it - list.begin()) + step;
    } else {
        // From the cursor: the first highlight at or after it, or the last one before it.
        const qsizetype pos = m_view->textCursor().selectionStart();
        const std::ptrdiff_t after = std::find_if(list.begin(),
                                                  list.end(),
                                                  [&](const Entry *e) {
                                                      return e->start >= pos;
                                                  })
                                     - list.begin();
        index = step > 0 ? after : after - 1;
    }
    const bool wrapped = index < 0 || index >= count;
    if (wrapped)
        index = step > 0 ? 0 : count - 1;
    const Entry *e = list[static_cast<std::size_t>(index)];
    m_view->selectRange(e->start, e->end);
    setCurrent(e->highlight.id);
    const QString wrapNote = !wrapped   ? QString()
                             : step > 0 ? tr(" (from the top)")
                                        : tr(" (from the end)");
    Q_EMIT statusMessage(tr("Highlight %1 of %2 · %3%4")
                             .arg(index + 1)
                             .arg(list.size())
                             .arg(codeLabel(e->highlight.codeIds), wrapNote));
}

void TranscriptPanel::deleteCurrentHighlight()
{
    if (!m_currentId)
        return;
    const Id id = *m_currentId;
    const Entry *e = entry(id);
    const QString label = e ? codeLabel(e->highlight.codeIds) : QString();
    m_currentId.reset();
    if (m_document->apply(std::make_unique<DeleteHighlightCommand>(
            tr("Delete %1 highlight").arg(label), m_document->study(), id)))
        Q_EMIT statusMessage(tr("Deleted the %1 highlight · %2").arg(label, where()));
}

void TranscriptPanel::openPalette()
{
    if (m_interviewId == 0)
        return;
    const QTextCursor cursor = m_view->textCursor();
    QString target;
    if (cursor.hasSelection())
        target = tr("Tag the selection");
    else if (m_currentId)
        target = tr("Add to or remove from the current highlight");
    else {
        Q_EMIT statusMessage(tr("Select text to tag, or put the cursor in a highlight"));
        return;
    }
    QTextCursor end = cursor;
    end.setPosition(cursor.selectionEnd());
    QRect rect = m_view->cursorRect(end);
    if (!m_view->viewport()->rect().intersects(rect))
        rect = QRect(m_view->viewport()->rect().center(), QSize(1, 1));
    m_palette->open(m_view->viewport()->mapToGlobal(rect.bottomLeft() + QPoint(0, 6)), target);
}

void TranscriptPanel::openFind()
{
    if (m_interviewId == 0)
        return;
    m_findBar->show();
    const QTextCursor cursor = m_view->textCursor();
    if (cursor.hasSelection() && !cursor.selectedText().contains(QChar::ParagraphSeparator)
        && cursor.selectedText().size() < 80 && m_findEdit->text() != cursor.selectedText()) {
        m_findEdit->setText(cursor.selectedText());
    }
    m_findEdit->setFocus(Qt::ShortcutFocusReason);
    m_findEdit->selectAll();
    runFind(false);
}

void TranscriptPanel::closeFind()
{
    const bool hadFocus = m_findEdit->hasFocus();
    m_findBar->hide();
    m_findMatches.clear();
    m_findCurrent = -1;
    m_view->setMatches({}, -1);
    if (hadFocus)
        m_view->setFocus(Qt::OtherFocusReason);
}

void TranscriptPanel::runFind(bool moveToNearest)
{
    m_findMatches.clear();
    m_findCurrent = -1;
    const QString needle = m_findEdit->text();
    const QString &text = m_view->text();
    if (!needle.isEmpty()) {
        qsizetype from = 0;
        while (static_cast<int>(m_findMatches.size()) < kFindLimit) {
            const qsizetype at = text.indexOf(needle, from, Qt::CaseInsensitive);
            if (at < 0)
                break;
            m_findMatches.emplace_back(at, at + needle.size());
            from = at + std::max<qsizetype>(1, needle.size());
        }
    }
    if (!m_findMatches.empty()) {
        const qsizetype pos = m_view->textCursor().selectionStart();
        const auto it = std::find_if(m_findMatches.begin(), m_findMatches.end(), [&](auto &m) {
            return m.first >= pos;
        });
        m_findCurrent =
            it == m_findMatches.end() ? 0 : static_cast<int>(it - m_findMatches.begin());
    }
    std::vector<TranscriptView::Match> matches;
    matches.reserve(m_findMatches.size());
    for (const auto &[a, b] : m_findMatches)
        matches.push_back({a, b});
    m_view->setMatches(std::move(matches), m_findCurrent);
    if (needle.isEmpty())
        m_findCount->clear();
    else if (m_findMatches.empty())
        m_findCount->setText(tr("No matches"));
    else
        m_findCount->setText(tr("%1 of %2").arg(m_findCurrent + 1).arg(m_findMatches.size()));
    if (moveToNearest && m_findCurrent >= 0) {
        const auto &[a, b] = m_findMatches[static_cast<std::size_t>(m_findCurrent)];
        m_view->selectRange(a, b);
    }
}

void TranscriptPanel::stepFind(int delta)
{
    if (m_findMatches.empty())
        return;
    const int count = static_cast<int>(m_findMatches.size());
    m_findCurrent = ((m_findCurrent < 0 ? 0 : m_findCurrent + delta) % count + count) % count;
    std::vector<TranscriptView::Match> matches;
    matches.reserve(m_findMatches.size());
    for (const auto &[a, b] : m_findMatches)
        matches.push_back({a, b});
    m_view->setMatches(std::move(matches), m_findCurrent);
    const auto &[a, b] = m_findMatches[static_cast<std::size_t>(m_findCurrent)];
    m_view->selectRange(a, b);
    m_findCount->setText(tr("%1 of %2").arg(m_findCurrent + 1).arg(count));
}

bool TranscriptPanel::handleKey(QKeyEvent *event, bool apply)
{
    const Qt::KeyboardModifiers modifiers = event->modifiers() & ~Qt::KeypadModifier;
    const int key = event->key();
    auto run = [&](auto &&action) {
        if (apply)
            action();
        return true;
    };
    if (key == Qt::Key_K && modifiers == Qt::ControlModifier)
        return run([&] {
            openPalette();
        });
    if (key == Qt::Key_Slash && (modifiers == Qt::NoModifier || modifiers == Qt::ShiftModifier))
        return run([&] {
            openPalette();
        });
    if (QKeySequence(QKeyCombination(modifiers, Qt::Key(key))) == QKeySequence(QKeySequence::Find))
        return run([&] {
            openFind();
        });
    if (key == Qt::Key_F8 && modifiers == Qt::NoModifier)
        return run([&] {
            nextHighlight();
        });
    if (key == Qt::Key_F8 && modifiers == Qt::ShiftModifier)
        return run([&] {
            previousHighlight();
        });
    if ((key == Qt::Key_Delete || key == Qt::Key_Backspace) && modifiers == Qt::NoModifier
        && m_currentId)
        return run([&] {
            deleteCurrentHighlight();
        });
    if (key == Qt::Key_Escape && m_findBar->isVisible())
        return run([&] {
            closeFind();
        });
    const QKeyCombination combination(modifiers, Qt::Key(key));
    for (const auto &[keys, codeId] : m_shortcuts) {
        if (keys == combination) {
            const Id id = codeId;
            return run([&] {
                applyCodes({id});
            });
        }
    }
    return false;
}

bool TranscriptPanel::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_view
        && (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress)) {
        auto *key = static_cast<QKeyEvent *>(event);
        const bool press = event->type() == QEvent::KeyPress;
        if (handleKey(key, press)) {
            // Claimed on the override too, so a window-wide shortcut on the same key does not
            // take it while the transcript has the focus.
            event->accept();
            return true;
        }
    }
    if (watched == m_findEdit && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            stepFind(key->modifiers() & Qt::ShiftModifier ? -1 : 1);
            return true;
        }
        if (key->key() == Qt::Key_Escape) {
            closeFind();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace jtbd::app
