// The quick-code palette.
#include "quick_code_palette.h"

#include "panel_style.h"

#include <QApplication>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QScreen>
#include <QStyledItemDelegate>
#include <QVBoxLayout>

#include <algorithm>
#include <app/study_document.h>

namespace jtbd::app {

namespace {

constexpr int kCodeIdRole = Qt::UserRole + 1;
constexpr int kDetailRole = Qt::UserRole + 2;
constexpr int kColorRole = Qt::UserRole + 3;
constexpr std::size_t kRecentLimit = 8;

// A colour swatch, the code's name, and its kind and shortcut on the right in grey.
class CodeItemDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter,
               const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QString name = opt.text;
        opt.text.clear();
        const QWidget *widget = opt.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

        const bool selected = opt.state & QStyle::State_Selected;
        const QRect r = opt.rect.adjusted(10, 0, -10, 0);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing, true);
        const QColor color = index.data(kColorRole).value<QColor>();
        painter->setPen(Qt::NoPen);
        painter->setBrush(color);
        painter->drawRoundedRect(QRectF(r.left(), r.center().y() - 5, 10, 10), 2.5, 2.5);
        const QString detail = index.data(kDetailRole).toString();
        const QFontMetrics fm(opt.font);
        const int detailWidth = fm.horizontalAdvance(detail);
        painter->setPen(opt.palette.color(QPalette::Disabled,
                                          selected ? QPalette::HighlightedText : QPalette::Text));
        painter->drawText(r, Qt::AlignRight | Qt::AlignVCenter, detail);
        painter->setPen(opt.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
        const QRect nameRect(r.left() + 18, r.top(), r.width() - 18 - detailWidth - 12, r.height());
        painter->drawText(nameRect,
                          Qt::AlignLeft | Qt::AlignVCenter,
                          fm.elidedText(name, Qt::ElideRight, nameRect.width()));
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        size.setHeight(std::max(size.height(), option.fontMetrics.height() + 10));
        return size;
    }
};

} // namespace

QString codeKindName(CodeKind kind)
{
    switch (kind) {
    case CodeKind::Force:
        return QObject::tr("Force");
    case CodeKind::Phase:
        return QObject::tr("Phase");
    case CodeKind::Event:
        return QObject::tr("Event");
    case CodeKind::Dimension:
        return QObject::tr("Dimension");
    case CodeKind::Criterion:
        return QObject::tr("Criterion");
    case CodeKind::Concept:
        return QObject::tr("Concept");
    case CodeKind::Custom:
        return QObject::tr("Custom");
    }
    return {};
}

QString codeAliases(const Code &code)
{
    if (code.kind == CodeKind::Force) {
        if (auto force = parseForce(code.key))
            return toQString(info(*force).aliases) + QLatin1Char(',') + toQString(info(*force).id)
                   + QLatin1Char(',') + toQString(info(*force).name);
    }
    if (code.kind == CodeKind::Phase) {
        const std::string_view key = code.key;
        const auto colon = key.find(':');
        if (auto phase = parsePhase(colon == std::string_view::npos ? key : key.substr(colon + 1)))
            return toQString(info(*phase).aliases);
    }
    return {};
}

QuickCodePalette::QuickCodePalette(QWidget *parent)
    : QFrame(parent, Qt::Popup)
    , m_target(new QLabel(this))
    , m_filter(new QLineEdit(this))
    , m_list(new QListWidget(this))
{
    setObjectName(QStringLiteral("quickCodePalette"));
    setFrameShape(QFrame::StyledPanel);
    setAttribute(Qt::WA_WindowPropagation);
    m_filter->setObjectName(QStringLiteral("paletteFilter"));
    m_filter->setPlaceholderText(tr("Code by name, key or alias…"));
    m_filter->setClearButtonEnabled(true);
    m_filter->installEventFilter(this);
    m_list->setObjectName(QStringLiteral("paletteList"));
    m_list->setItemDelegate(new CodeItemDelegate(m_list));
    m_list->setUniformItemSizes(true);
    m_list->setFocusPolicy(Qt::NoFocus);
    m_list->setFrameShape(QFrame::NoFrame);
    m_target->setObjectName(QStringLiteral("paletteTarget"));
    m_target->setPalette(mutedPalette(m_target->palette()));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(6);
    layout->addWidget(m_target);
    layout->addWidget(m_filter);
    layout->addWidget(m_list);
    resize(380, 420);

    connect(m_filter, &QLineEdit::textChanged, this, &QuickCodePalette::refill);
    connect(m_list, &QListWidget::itemActivated, this, &QuickCodePalette::choose);
    connect(m_list, &QListWidget::itemClicked, this, &QuickCodePalette::choose);
}

QuickCodePalette::~QuickCodePalette() = default;

void QuickCodePalette::setCodes(std::vector<Code> codes)
{
    m_codes = std::move(codes);
    m_searchText.clear();
    m_searchText.reserve(m_codes.size());
    for (const auto &code : m_codes) {
        const QString all = toQString(code.name) + QLatin1Char('\n') + toQString(code.key)
                            + QLatin1Char('\n') + codeKindName(code.kind) + QLatin1Char('\n')
                            + codeAliases(code);
        m_searchText.push_back(all.toCaseFolded());
    }
    // Forget codes that no longer exist.
    std::erase_if(m_recent, [&](Id id) {
        return std::none_of(m_codes.begin(), m_codes.end(), [&](const Code &c) {
            return c.id == id;
        });
    });
    if (isVisible())
        refill();
}

void QuickCodePalette::noteUsed(Id codeId)
{
    std::erase(m_recent, codeId);
    m_recent.push_front(codeId);
    while (m_recent.size() > kRecentLimit)
        m_recent.pop_back();
}

std::vector<Id> QuickCodePalette::matches(const QString &filter) const
{
    const QString needle = filter.trimmed().toCaseFolded();

    struct Ranked
    {
        int tier;
        int recent;
        std::size_t order;
        Id id;
    };

    std::vector<Ranked> ranked;
    for (std::size_t i = 0; i < m_codes.size(); ++i) {
        const Code &code = m_codes[i];
        int tier = 0;
        if (!needle.isEmpty()) {
            const QString name = toQString(code.name).toCaseFolded();
            const QString &all = m_searchText[i];
            if (name.startsWith(needle))
                tier = 0;
            else if (name.contains(QLatin1Char(' ') + needle))
                tier = 1;
            else if (all.contains(QLatin1Char('\n') + needle)
                     || all.contains(QLatin1Char(',') + needle))
                tier = 2;
            else if (all.contains(needle))
                tier = 3;
            else
                continue;
        }
        const auto it = std::find(m_recent.begin(), m_recent.end(), code.id);
        const int recent = it == m_recent.end() ? static_cast<int>(kRecentLimit)
                                                : static_cast<int>(it - m_recent.begin());
        ranked.push_back({tier, recent, i, code.id});
    }
    std::stable_sort(ranked.begin(), ranked.end(), [](const Ranked &a, const Ranked &b) {
        return std::tie(a.tier, a.recent, a.order) < std::tie(b.tier, b.recent, b.order);
    });
    std::vector<Id> ids;
    ids.reserve(ranked.size());
    for (const auto &r : ranked)
        ids.push_back(r.id);
    return ids;
}

void QuickCodePalette::refill()
{
    m_list->clear();
    for (Id id : matches(m_filter->text())) {
        const auto it = std::find_if(m_codes.begin(), m_codes.end(), [&](const Code &c) {
            return c.id == id;
        });
        if (it == m_codes.end())
            continue;
        auto *item = new QListWidgetItem(toQString(it->name), m_list);
        item->setData(kCodeIdRole, QVariant::fromValue<qlonglong>(id));
        item->setData(kColorRole, QColor(toQString(it->color)));
        QString detail = codeKindName(it->kind);
        if (!it->shortcut.empty())
            detail += QStringLiteral("  ") + toQString(it->shortcut);
        if (std::find(m_recent.begin(), m_recent.end(), id) != m_recent.end())
            detail = tr("recent") + QStringLiteral(" · ") + detail;
        item->setData(kDetailRole, detail);
        if (!it->description.empty())
            item->setToolTip(toQString(it->description));
    }
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
    // As tall as the list, within reason; the popup never jumps while typing shortens it.
    if (!isVisible()) {
        const int rows = std::clamp(m_list->count(), 6, 14);
        const int rowHeight = std::max(20, m_list->sizeHintForRow(0));
        resize(width(),
               rows * rowHeight + m_filter->sizeHint().height() + m_target->sizeHint().height()
                   + 40);
    }
}

void QuickCodePalette::open(const QPoint &globalPos, const QString &target)
{
    m_target->setText(target);
    m_filter->blockSignals(true);
    m_filter->clear();
    m_filter->blockSignals(false);
    refill();
    QPoint pos = globalPos;
    if (const QScreen *screen = QApplication::screenAt(globalPos)) {
        const QRect area = screen->availableGeometry();
        pos.setX(std::clamp(pos.x(), area.left(), std::max(area.left(), area.right() - width())));
        pos.setY(std::clamp(pos.y(), area.top(), std::max(area.top(), area.bottom() - height())));
    }
    move(pos);
    show();
    raise();
    activateWindow();
    m_filter->setFocus(Qt::PopupFocusReason);
}

void QuickCodePalette::choose()
{
    QListWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    const Id id = item->data(kCodeIdRole).toLongLong();
    hide();
    noteUsed(id);
    Q_EMIT codeChosen(id);
}

bool QuickCodePalette::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_filter && event->type() == QEvent::KeyPress) {
        auto *key = static_cast<QKeyEvent *>(event);
        const int count = m_list->count();
        int row = m_list->currentRow();
        switch (key->key()) {
        case Qt::Key_Down:
            m_list->setCurrentRow(count == 0 ? -1 : (row + 1) % count);
            return true;
        case Qt::Key_Up:
            m_list->setCurrentRow(count == 0 ? -1 : (row - 1 + count) % count);
            return true;
        case Qt::Key_PageDown:
            m_list->setCurrentRow(std::min(count - 1, row + 8));
            return true;
        case Qt::Key_PageUp:
            m_list->setCurrentRow(std::max(0, row - 8));
            return true;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            choose();
            return true;
        case Qt::Key_Escape:
            hide();
            return true;
        default:
            break;
        }
    }
    return QFrame::eventFilter(watched, event);
}

void QuickCodePalette::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        hide();
        return;
    }
    QFrame::keyPressEvent(event);
}

} // namespace jtbd::app
