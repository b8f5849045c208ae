// The highlight inspector.
#include "highlight_inspector.h"

#include "panel_style.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDate>
#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <app/commands/highlight_commands.h>
#include <app/study_document.h>

namespace jtbd::app {

namespace {

constexpr int kQuoteLimit = 420; // characters of the quote shown; the text view has the rest
constexpr int kMemoPauseMs = 900;

QLabel *sectionLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setFont(scaledFont(label->font(), 0.9, true));
    return label;
}

} // namespace

HighlightInspector::HighlightInspector(StudyDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_pages(new QStackedWidget(this))
    , m_quote(new QLabel(this))
    , m_meta(new QLabel(this))
    , m_codeList(new QListWidget(this))
    , m_addCode(new QPushButton(tr("Add code…"), this))
    , m_removeCode(new QPushButton(tr("Remove"), this))
    , m_intensity(new QButtonGroup(this))
    , m_confidence(new QComboBox(this))
    , m_phase(new QComboBox(this))
    , m_memo(new QPlainTextEdit(this))
    , m_delete(new QPushButton(tr("Delete highlight"), this))
    , m_memoTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("highlightInspector"));
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(m_pages);

    // Nothing selected: how to start.
    auto *empty = new QLabel(m_pages);
    empty->setObjectName(QStringLiteral("inspectorEmpty"));
    empty->setWordWrap(true);
    empty->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    empty->setTextFormat(Qt::RichText);
    empty->setContentsMargins(14, 14, 14, 14);
    empty->setText(
        tr("<p><b>No highlight selected</b></p>"
           "<p>Select a passage and press a force key:</p>"
           "<p><b>1</b> Push &nbsp; <b>2</b> Pull &nbsp; <b>3</b> Anxiety &nbsp; <b>4</b> Habit</p>"
           "<p><b>Ctrl+K</b> or <b>/</b> opens the code palette for any code in the codebook.</p>"
           "<p><b>F8</b> / <b>Shift+F8</b> moves between highlights, <b>Ctrl+F</b> finds text, "
           "<b>Delete</b> removes the current highlight.</p>"));
    const QPalette muted = mutedPalette(empty->palette());
    empty->setPalette(muted);
    m_pages->addWidget(empty);

    auto *page = new QWidget(m_pages);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(14, 12, 14, 12);
    layout->setSpacing(8);

    layout->addWidget(sectionLabel(tr("Quote"), page));
    m_quote->setObjectName(QStringLiteral("inspectorQuote"));
    m_quote->setWordWrap(true);
    m_quote->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_quote->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_quote->setMargin(8);
    m_quote->setAutoFillBackground(true);
    layout->addWidget(m_quote);
    m_meta->setObjectName(QStringLiteral("inspectorMeta"));
    m_meta->setWordWrap(true);
    m_meta->setPalette(muted);
    layout->addWidget(m_meta);

    layout->addSpacing(4);
    layout->addWidget(sectionLabel(tr("Codes"), page));
    m_codeList->setObjectName(QStringLiteral("inspectorCodes"));
    m_codeList->setSelectionMode(QAbstractItemView::SingleSelection);
    layout->addWidget(m_codeList);
    auto *codeButtons = new QHBoxLayout;
    m_addCode->setObjectName(QStringLiteral("inspectorAddCode"));
    m_addCode->setToolTip(tr("Add a code from the codebook (Ctrl+K)"));
    m_removeCode->setObjectName(QStringLiteral("inspectorRemoveCode"));
    codeButtons->addWidget(m_addCode);
    codeButtons->addWidget(m_removeCode);
    codeButtons->addStretch(1);
    layout->addLayout(codeButtons);

    layout->addSpacing(4);
    auto *form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setHorizontalSpacing(12);
    auto *intensityRow = new QHBoxLayout;
    intensityRow->setSpacing(2);
    for (int i = 1; i <= 5; ++i) {
        auto *button = new QToolButton(page);
        button->setObjectName(QStringLiteral("inspectorIntensity%1").arg(i));
        button->setText(QString::number(i));
        button->setCheckable(true);
        button->setAutoRaise(false);
        button->setMinimumWidth(28);
        button->setToolTip(i == 1   ? tr("1: barely there")
                           : i == 5 ? tr("5: the strongest energy in the story")
                                    : tr("Intensity %1").arg(i));
        m_intensity->addButton(button, i);
        intensityRow->addWidget(button);
    }
    intensityRow->addStretch(1);
    m_intensity->setExclusive(true);
    form->addRow(tr("Intensity"), intensityRow);

    m_confidence->setObjectName(QStringLiteral("inspectorConfidence"));
    m_confidence->addItem(tr("Low"), static_cast<int>(Confidence::Low));
    m_confidence->addItem(tr("Medium"), static_cast<int>(Confidence::Medium));
    m_confidence->addItem(tr("High"), static_cast<int>(Confidence::High));
    form->addRow(tr("Confidence"), m_confidence);

    m_phase->setObjectName(QStringLiteral("inspectorPhase"));
    m_phase->addItem(tr("None"), -1);
    for (Phase phase : kPhases) {
        const auto &p = info(phase);
        m_phase->addItem(toQString(p.name), static_cast<int>(phase));
        QString tip = toQString(p.meaning);
        if (!p.aliases.empty())
            tip +=
                QStringLiteral(" (") + tr("also: %1").arg(toQString(p.aliases)) + QLatin1Char(')');
        m_phase->setItemData(m_phase->count() - 1, tip, Qt::ToolTipRole);
    }
    form->addRow(tr("Phase"), m_phase);
    layout->addLayout(form);

    layout->addSpacing(4);
    layout->addWidget(sectionLabel(tr("Memo"), page));
    m_memo->setObjectName(QStringLiteral("inspectorMemo"));
    m_memo->setPlaceholderText(tr("Why this passage matters, what to ask next…"));
    m_memo->setTabChangesFocus(true);
    m_memo->installEventFilter(this);
    layout->addWidget(m_memo, 1);

    m_delete->setObjectName(QStringLiteral("inspectorDelete"));
    m_delete->setToolTip(tr("Delete this highlight (Delete)"));
    auto *bottom = new QHBoxLayout;
    bottom->addStretch(1);
    bottom->addWidget(m_delete);
    layout->addLayout(bottom);
    m_pages->addWidget(page);

    m_memoTimer->setSingleShot(true);
    m_memoTimer->setInterval(kMemoPauseMs);
    connect(m_memoTimer, &QTimer::timeout, this, &HighlightInspector::commitMemo);
    connect(m_memo, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_updating)
            m_memoTimer->start();
    });

    connect(m_addCode, &QPushButton::clicked, this, &HighlightInspector::addCodeRequested);
    connect(m_removeCode, &QPushButton::clicked, this, &HighlightInspector::removeSelectedCode);
    connect(m_delete, &QPushButton::clicked, this, &HighlightInspector::deleteRequested);
    connect(m_codeList, &QListWidget::currentRowChanged, this, [this] {
        m_removeCode->setEnabled(m_codeList->currentItem() && m_codeList->count() > 1);
    });
    connect(m_intensity, &QButtonGroup::idClicked, this, [this](int value) {
        if (m_updating || !m_highlight || m_highlight->intensity == value)
            return;
        Highlight after = *m_highlight;
        after.intensity = value;
        apply(after, tr("Set intensity to %1").arg(value));
    });
    connect(m_confidence, &QComboBox::activated, this, [this](int index) {
        if (m_updating || !m_highlight)
            return;
        const auto value = static_cast<Confidence>(m_confidence->itemData(index).toInt());
        if (value == m_highlight->confidence)
            return;
        Highlight after = *m_highlight;
        after.confidence = value;
        apply(after, tr("Set confidence to %1").arg(m_confidence->itemText(index).toLower()));
    });
    connect(m_phase, &QComboBox::activated, this, [this](int index) {
        if (m_updating || !m_highlight)
            return;
        const int chosen = m_phase->itemData(index).toInt();
        const std::optional<Phase> value =
            chosen < 0 ? std::nullopt : std::optional(static_cast<Phase>(chosen));
        if (value == m_highlight->phase)
            return;
        Highlight after = *m_highlight;
        after.phase = value;
        apply(after,
              value ? tr("Set phase to %1").arg(m_phase->itemText(index)) : tr("Clear phase"));
    });

    setHighlight(std::nullopt, {}, {});
}

HighlightInspector::~HighlightInspector() = default;

std::optional<Id> HighlightInspector::highlightId() const
{
    return m_highlight ? std::optional(m_highlight->id) : std::nullopt;
}

void HighlightInspector::setHighlight(const std::optional<Highlight> &highlight,
                                      const std::vector<Code> &codes,
                                      const QString &coderName)
{
    if (m_highlight && (!highlight || highlight->id != m_highlight->id))
        commitMemo(); // typing for the previous highlight is kept, not lost
    const bool sameHighlight = m_highlight && highlight && highlight->id == m_highlight->id;
    m_highlight = highlight;
    m_codes = codes;
    m_coderName = coderName;
    m_updating = true;
    if (!highlight) {
        m_memoTimer->stop();
        m_pages->setCurrentIndex(0);
        m_memo->clear();
        m_updating = false;
        return;
    }
    m_pages->setCurrentIndex(1);
    if (!sameHighlight)
        ++m_memoSession;

    QString quote = toQString(highlight->quote);
    if (quote.size() > kQuoteLimit)
        quote = quote.left(kQuoteLimit).trimmed() + QStringLiteral("…");
    m_quote->setText(QStringLiteral("“") + quote + QStringLiteral("”"));

    QColor primary = palette().color(QPalette::Mid);
    m_codeList->clear();
    for (Id id : highlight->codeIds) {
        const auto it = std::find_if(codes.begin(), codes.end(), [&](const Code &c) {
            return c.id == id;
        });
        if (it == codes.end())
            continue;
        const QColor color(toQString(it->color));
        if (m_codeList->count() == 0)
            primary = color;
        auto *item = new QListWidgetItem(codeSwatchIcon(color), toQString(it->name), m_codeList);
        item->setData(Qt::UserRole, QVariant::fromValue<qlonglong>(id));
        item->setToolTip(toQString(it->description));
    }
    const int rows = std::clamp(m_codeList->count(), 1, 4);
    m_codeList->setFixedHeight(rows * std::max(18, m_codeList->sizeHintForRow(0))
                               + 2 * m_codeList->frameWidth() + 4);
    m_removeCode->setEnabled(m_codeList->count() > 1 && m_codeList->currentItem());
    m_removeCode->setToolTip(m_codeList->count() > 1
                                 ? tr("Remove the selected code from this highlight")
                                 : tr("A highlight keeps at least one code"));
    QPalette quotePalette = m_quote->palette();
    const QColor base = palette().color(QPalette::Base);
    quotePalette.setColor(QPalette::Window,
                          QColor::fromRgbF(base.redF() * 0.86 + primary.redF() * 0.14,
                                           base.greenF() * 0.86 + primary.greenF() * 0.14,
                                           base.blueF() * 0.86 + primary.blueF() * 0.14));
    m_quote->setPalette(quotePalette);

    QStringList meta;
    if (!coderName.isEmpty())
        meta << coderName;
    if (highlight->createdAt.size() >= 10) {
        const QDate date = QDate::fromString(
            toQString(std::string_view(highlight->createdAt).substr(0, 10)), Qt::ISODate);
        if (date.isValid())
            meta << QLocale().toString(date, QLocale::ShortFormat);
    }
    const auto length = highlight->end - highlight->start;
    meta << (length == 1 ? tr("1 character") : tr("%1 characters").arg(length));
    m_meta->setText(meta.join(QStringLiteral(" · ")));

    if (auto *button = m_intensity->button(highlight->intensity))
        button->setChecked(true);
    m_confidence->setCurrentIndex(m_confidence->findData(static_cast<int>(highlight->confidence)));
    m_phase->setCurrentIndex(
        m_phase->findData(highlight->phase ? static_cast<int>(*highlight->phase) : -1));
    // A memo being typed stays as it is; the stored one is shown otherwise.
    if (!(sameHighlight && m_memo->hasFocus())) {
        const QString memo = toQString(highlight->memo);
        if (m_memo->toPlainText() != memo)
            m_memo->setPlainText(memo);
        m_memoTimer->stop();
    }
    m_updating = false;
}

void HighlightInspector::commitMemo()
{
    m_memoTimer->stop();
    if (!m_highlight || m_updating)
        return;
    const QString text = m_memo->toPlainText();
    if (text == toQString(m_highlight->memo))
        return;
    Highlight after = *m_highlight;
    after.memo = toStd(text);
    apply(after, tr("Edit memo"), m_memoSession);
}

void HighlightInspector::apply(const Highlight &after, const QString &text, int mergeSession)
{
    if (!m_highlight)
        return;
    const Highlight before = *m_highlight;
    // Seen as stored from here on, so that a reload during apply() finds nothing pending.
    m_highlight = after;
    if (!m_document->apply(
            std::make_unique<UpdateHighlightCommand>(text, before, after, mergeSession))) {
        // Show what is stored again (the document reported the error).
        m_highlight.reset();
        setHighlight(before, std::vector<Code>(m_codes), QString(m_coderName));
    }
}

void HighlightInspector::removeSelectedCode()
{
    if (!m_highlight || !m_codeList->currentItem() || m_highlight->codeIds.size() < 2)
        return;
    const Id id = m_codeList->currentItem()->data(Qt::UserRole).toLongLong();
    Highlight after = *m_highlight;
    std::erase(after.codeIds, id);
    if (after.codeIds.size() == m_highlight->codeIds.size())
        return;
    apply(after, tr("Remove %1 from highlight").arg(m_codeList->currentItem()->text()));
}

bool HighlightInspector::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_memo) {
        if (event->type() == QEvent::FocusIn) {
            ++m_memoSession; // a new burst of typing, a new undo step
        } else if (event->type() == QEvent::FocusOut) {
            commitMemo();
            ++m_memoSession;
        } else if (event->type() == QEvent::KeyPress) {
            auto *key = static_cast<QKeyEvent *>(event);
            if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
                && (key->modifiers() & Qt::ControlModifier)) {
                commitMemo();
                return true;
            }
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace jtbd::app
