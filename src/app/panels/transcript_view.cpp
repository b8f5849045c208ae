// The transcript text with its speaker gutter and code margin.
#include "transcript_view.h"

#include <QAbstractTextDocumentLayout>
#include <QMouseEvent>
#include <QPainter>
#include <QPointer>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextCursor>
#include <QTextDocument>

#include <algorithm>
#include <app/study_document.h>
#include <limits>
#include <map>

namespace jtbd::app {

namespace {

constexpr int kGutterWidth = 128;
constexpr int kMarginWidth = 176;
constexpr int kTurnSpacing = 10;
constexpr qreal kMarkAlpha = 0.24;
constexpr qreal kCurrentAlpha = 0.42;

QColor blend(const QColor &under, const QColor &over, qreal alpha)
{
    return QColor::fromRgbF(under.redF() * (1 - alpha) + over.redF() * alpha,
                            under.greenF() * (1 - alpha) + over.greenF() * alpha,
                            under.blueF() * (1 - alpha) + over.blueF() * alpha);
}

QString clockTime(std::int64_t ms)
{
    const std::int64_t seconds = ms / 1000;
    const auto h = seconds / 3600;
    const auto m = (seconds / 60) % 60;
    const auto s = seconds % 60;
    if (h > 0)
        return QStringLiteral("%1:%2:%3")
            .arg(h)
            .arg(m, 2, 10, QLatin1Char('0'))
            .arg(s, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(m).arg(s, 2, 10, QLatin1Char('0'));
}

// The text as the document holds it, one position per UTF-16 unit of the interview text.
// QTextCursor::insertText turns "\r\n" into one block separator and reads two noncharacters as
// frame markers; those become a line break and a replacement character of the same length.
QString displayText(QString text)
{
    for (QChar &ch : text) {
        if (ch == QLatin1Char('\r'))
            ch = QChar::LineSeparator;
        else if (ch.unicode() == 0xFDD0 || ch.unicode() == 0xFDD1)
            ch = QChar::ReplacementCharacter;
    }
    return text;
}

} // namespace

// The speaker and time of each turn, beside its first line.
class TranscriptGutter final : public QWidget
{
public:
    explicit TranscriptGutter(TranscriptView *view)
        : QWidget(view)
        , m_view(view)
    {
        setObjectName(QStringLiteral("transcriptSpeakerGutter"));
    }

protected:
    void paintEvent(QPaintEvent *event) override
    {
        QPainter painter(this);
        m_view->paintGutter(painter, event->rect());
    }

private:
    TranscriptView *m_view;
};

// A coloured bar and the code names of each highlight, level with its lines; overlapping
// highlights side by side.
class TranscriptMargin final : public QWidget
{
public:
    explicit TranscriptMargin(TranscriptView *view)
        : QWidget(view)
        , m_view(view)
    {
        setObjectName(QStringLiteral("transcriptCodeMargin"));
        setMouseTracking(true);
    }

protected:
    void paintEvent(QPaintEvent *event) override
    {
        QPainter painter(this);
        m_view->paintMargin(painter, event->rect());
    }

    void mousePressEvent(QMouseEvent *event) override
    {
        if (event->button() == Qt::LeftButton)
            m_view->marginClicked(event->position().toPoint());
    }

    void mouseMoveEvent(QMouseEvent *event) override
    {
        const QPoint pos = event->position().toPoint();
        for (const auto &item : m_view->marginItems()) {
            if (item.rect.contains(pos)) {
                setCursor(Qt::PointingHandCursor);
                return;
            }
        }
        unsetCursor();
    }

private:
    TranscriptView *m_view;
};

TranscriptView::TranscriptView(QWidget *parent)
    : QTextEdit(parent)
    , m_gutter(new TranscriptGutter(this))
    , m_margin(new TranscriptMargin(this))
{
    setObjectName(QStringLiteral("transcriptText"));
    setReadOnly(true);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    setUndoRedoEnabled(false);
    setAcceptRichText(false);
    setFrameShape(QFrame::NoFrame);
    setViewportMargins(kGutterWidth, 0, kMarginWidth, 0);
    setLineWrapMode(QTextEdit::WidgetWidth);
    setPlaceholderText(tr("Choose an interview to read and code its transcript."));

    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, [this] {
        m_gutter->update();
        m_margin->update();
    });
    connectLayout();
}

TranscriptView::~TranscriptView() = default;

void TranscriptView::connectLayout()
{
    auto *layout = document()->documentLayout();
    connect(layout, &QAbstractTextDocumentLayout::update, this, [this] {
        m_gutter->update();
        m_margin->update();
    });
    connect(layout, &QAbstractTextDocumentLayout::documentSizeChanged, this, [this] {
        m_gutter->update();
        m_margin->update();
    });
}

void TranscriptView::clearTurns()
{
    setTurns({});
}

void TranscriptView::setTurns(const std::vector<Turn> &turns)
{
    // A new document each time: building into a detached document skips the layout and update
    // work QTextEdit would do per insertion.
    auto *doc = new QTextDocument(this);
    doc->setUndoRedoEnabled(false);
    doc->setDefaultFont(font());
    doc->setDocumentMargin(14);

    QTextBlockFormat firstLine;
    firstLine.setTopMargin(kTurnSpacing);
    firstLine.setLineHeight(135, QTextBlockFormat::ProportionalHeight);

    QTextCharFormat participantFormat;
    participantFormat.setForeground(palette().color(QPalette::Text));
    QTextCharFormat interviewerFormat;
    interviewerFormat.setForeground(
        blend(palette().color(QPalette::Text), palette().color(QPalette::Base), 0.42));

    m_headers.clear();
    m_headers.reserve(turns.size());
    m_text.clear();
    qsizetype total = 0;
    for (const auto &turn : turns)
        total += static_cast<qsizetype>(turn.text.size()) + 1;
    m_text.reserve(total);

    QTextCursor cursor(doc);
    cursor.beginEditBlock();
    bool first = true;
    for (const auto &turn : turns) {
        const QString text = toQString(turn.text);
        if (!first) {
            cursor.insertBlock(firstLine);
            m_text += QLatin1Char('\n');
        } else {
            cursor.setBlockFormat(firstLine);
        }
        TurnHeader header;
        header.firstBlock = cursor.blockNumber();
        header.speaker = toQString(turn.speaker);
        header.role = turn.role;
        if (turn.startMs)
            header.time = clockTime(*turn.startMs);
        m_headers.push_back(std::move(header));
        const QTextCharFormat &format =
            turn.role == SpeakerRole::Interviewer ? interviewerFormat : participantFormat;
        cursor.insertText(displayText(text), format);
        m_text += text;
        first = false;
    }
    cursor.endEditBlock();

    m_marks.clear();
    m_matches.clear();
    m_currentMatch = -1;
    m_current = 0;
    m_applied.clear();
    m_marginItems.clear();

    // QTextEdit deletes a replaced document it owns; ours are children of the view, so delete
    // the previous one here unless the editor already did.
    QPointer<QTextDocument> old = document();
    setDocument(doc);
    if (old && old->parent() == this)
        delete old.data();
    connectLayout();
    m_gutter->update();
    m_margin->update();
}

void TranscriptView::setMarks(std::vector<Mark> marks)
{
    m_marks = std::move(marks);
    std::sort(m_marks.begin(), m_marks.end(), [](const Mark &a, const Mark &b) {
        return std::tie(a.start, a.end, a.id) < std::tie(b.start, b.end, b.id);
    });
    refreshFormats();
    m_margin->update();
}

void TranscriptView::setCurrentMark(Id id)
{
    if (id == m_current)
        return;
    m_current = id;
    refreshFormats();
    m_margin->update();
}

void TranscriptView::setMatches(std::vector<Match> matches, int current)
{
    m_matches = std::move(matches);
    m_currentMatch = current;
    refreshFormats();
}

void TranscriptView::selectRange(qsizetype start, qsizetype end)
{
    const auto length = static_cast<qsizetype>(m_text.size());
    start = std::clamp<qsizetype>(start, 0, length);
    end = std::clamp<qsizetype>(end, 0, length);
    QTextCursor cursor(document());
    cursor.setPosition(static_cast<int>(start));
    cursor.setPosition(static_cast<int>(end), QTextCursor::KeepAnchor);
    setTextCursor(cursor);
    // Bring the whole passage into view, its start first when it is taller than the view.
    QTextCursor endCursor(document());
    endCursor.setPosition(static_cast<int>(end));
    const QRect endRect = cursorRect(endCursor);
    QTextCursor startCursor(document());
    startCursor.setPosition(static_cast<int>(start));
    const QRect startRect = cursorRect(startCursor);
    const int height = viewport()->height();
    if (startRect.top() < 0 || endRect.bottom() > height) {
        const int middle = (startRect.top() + endRect.bottom()) / 2;
        int target = verticalScrollBar()->value() + middle - height / 2;
        if (endRect.bottom() - startRect.top() > height)
            target = verticalScrollBar()->value() + startRect.top() - height / 5;
        verticalScrollBar()->setValue(target);
    }
}

void TranscriptView::refreshFormats()
{
    auto *doc = document();
    // Which blocks each mark and match touches.
    std::map<int, bool> touched;
    auto collect = [&](qsizetype start, qsizetype end) {
        QTextBlock block = doc->findBlock(static_cast<int>(start));
        while (block.isValid() && block.position() < end) {
            touched[block.blockNumber()] = true;
            block = block.next();
        }
    };
    for (const auto &mark : m_marks)
        collect(mark.start, mark.end);
    for (const auto &match : m_matches)
        collect(match.start, match.end);

    std::unordered_map<int, QList<QTextLayout::FormatRange>> next;
    for (const auto &[number, _] : touched) {
        auto formats = formatsFor(doc->findBlockByNumber(number));
        if (!formats.isEmpty())
            next.emplace(number, std::move(formats));
    }
    auto apply = [&](int number, const QList<QTextLayout::FormatRange> &formats) {
        QTextBlock block = doc->findBlockByNumber(number);
        if (!block.isValid())
            return;
        block.layout()->setFormats(formats);
        doc->markContentsDirty(block.position(), block.length());
    };
    for (const auto &[number, formats] : m_applied)
        if (!next.contains(number))
            apply(number, {});
    for (const auto &[number, formats] : next) {
        auto it = m_applied.find(number);
        if (it == m_applied.end() || it->second != formats)
            apply(number, formats);
    }
    m_applied = std::move(next);
}

QList<QTextLayout::FormatRange> TranscriptView::formatsFor(const QTextBlock &block) const
{
    const qsizetype blockStart = block.position();
    const qsizetype blockEnd = blockStart + block.length() - 1; // without the separator

    struct Cover
    {
        qsizetype start;
        qsizetype end;
        const Mark *mark;
        int match; // -1 for a mark
    };

    std::vector<Cover> covers;
    // Marks are sorted by start; a mark that starts before the block can still reach into it.
    QList<QTextLayout::FormatRange> formats;
    if (blockEnd <= blockStart)
        return formats;
    for (const auto &mark : m_marks) {
        if (mark.start >= blockEnd)
            break;
        if (mark.end > blockStart)
            covers.push_back(
                {std::max(mark.start, blockStart), std::min(mark.end, blockEnd), &mark, -1});
    }
    for (int i = 0; i < static_cast<int>(m_matches.size()); ++i) {
        const auto &match = m_matches[static_cast<std::size_t>(i)];
        if (match.end > blockStart && match.start < blockEnd)
            covers.push_back(
                {std::max(match.start, blockStart), std::min(match.end, blockEnd), nullptr, i});
    }
    if (covers.empty())
        return formats;

    std::vector<qsizetype> cuts;
    for (const auto &c : covers) {
        cuts.push_back(c.start);
        cuts.push_back(c.end);
    }
    std::sort(cuts.begin(), cuts.end());
    cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());

    const QColor base = palette().color(QPalette::Base);
    for (std::size_t i = 0; i + 1 < cuts.size(); ++i) {
        const qsizetype a = cuts[i];
        const qsizetype b = cuts[i + 1];
        QColor background = base;
        int depth = 0;
        const Mark *current = nullptr;
        int match = -1;
        for (const auto &c : covers) {
            if (c.start > a || c.end < b)
                continue;
            if (c.mark) {
                const QColor color =
                    c.mark->colors.empty() ? QColor(Qt::gray) : c.mark->colors.front();
                const bool isCurrent = c.mark->id == m_current;
                background = blend(background, color, isCurrent ? kCurrentAlpha : kMarkAlpha);
                ++depth;
                if (isCurrent)
                    current = c.mark;
            } else {
                match = c.match;
            }
        }
        if (depth == 0 && match < 0)
            continue;
        QTextCharFormat format;
        if (match >= 0) {
            format.setBackground(match == m_currentMatch ? QColor(0xFF, 0xA9, 0x4D)
                                                         : QColor(0xFF, 0xE0, 0x66));
        } else {
            format.setBackground(background);
        }
        if (current) {
            format.setUnderlineStyle(QTextCharFormat::SingleUnderline);
            format.setUnderlineColor(
                (current->colors.empty() ? QColor(Qt::gray) : current->colors.front()).darker(130));
        } else if (depth > 1) {
            // Overlaps are darker already; a dotted line makes them readable in grey scale too.
            format.setUnderlineStyle(QTextCharFormat::DotLine);
            format.setUnderlineColor(palette().color(QPalette::Text));
        }
        QTextLayout::FormatRange range;
        range.start = static_cast<int>(a - blockStart);
        range.length = static_cast<int>(b - a);
        range.format = format;
        if (!formats.isEmpty() && formats.back().format == format
            && formats.back().start + formats.back().length == range.start)
            formats.back().length += range.length;
        else
            formats.append(range);
    }
    return formats;
}

void TranscriptView::resizeEvent(QResizeEvent *event)
{
    QTextEdit::resizeEvent(event);
    placeMargins();
}

void TranscriptView::changeEvent(QEvent *event)
{
    QTextEdit::changeEvent(event);
    if (event->type() == QEvent::FontChange)
        document()->setDefaultFont(font());
}

void TranscriptView::placeMargins()
{
    const QRect vp = viewport()->geometry();
    m_gutter->setGeometry(vp.left() - kGutterWidth, vp.top(), kGutterWidth, vp.height());
    m_margin->setGeometry(vp.right() + 1, vp.top(), kMarginWidth, vp.height());
}

std::pair<int, int> TranscriptView::visibleBlocks() const
{
    const int first = cursorForPosition(QPoint(0, 0)).blockNumber();
    const int last =
        cursorForPosition(QPoint(viewport()->width(), viewport()->height())).blockNumber();
    return {first, last};
}

std::pair<int, int> TranscriptView::verticalSpan(qsizetype start, qsizetype end) const
{
    auto *doc = document();
    const int scroll = verticalScrollBar()->value();
    auto lineY = [&](qsizetype pos, bool bottom) -> std::optional<int> {
        const QTextBlock block = doc->findBlock(static_cast<int>(pos));
        if (!block.isValid())
            return std::nullopt;
        const QTextLayout *layout = block.layout();
        if (!layout || layout->lineCount() == 0)
            return std::nullopt;
        const QTextLine line =
            layout->lineForTextPosition(static_cast<int>(pos - block.position()));
        if (!line.isValid())
            return std::nullopt;
        const qreal y = layout->position().y() + line.y() + (bottom ? line.height() : 0);
        return static_cast<int>(y) - scroll;
    };
    const auto top = lineY(start, false);
    const auto bottom = lineY(std::max(start, end - 1), true);
    if (!top || !bottom)
        return {0, -1};
    return {*top, *bottom};
}

void TranscriptView::paintGutter(QPainter &painter, const QRect &rect)
{
    painter.fillRect(rect, palette().color(QPalette::Base));
    if (m_headers.empty())
        return;
    auto *doc = document();
    auto *layout = doc->documentLayout();
    const int scroll = verticalScrollBar()->value();
    const auto [first, last] = visibleBlocks();

    QFont nameFont = font();
    nameFont.setBold(true);
    QFont timeFont = font();
    timeFont.setPointSizeF(font().pointSizeF() * 0.85);
    timeFont.setStyleHint(QFont::Monospace);
    timeFont.setFamily(QStringLiteral("monospace"));
    const QFontMetrics nameMetrics(nameFont);
    const QColor text = palette().color(QPalette::Text);
    const QColor muted = blend(text, palette().color(QPalette::Base), 0.5);
    const QColor interviewer = blend(text, palette().color(QPalette::Base), 0.38);
    const QColor participant = QColor(0x1F, 0x5F, 0x8B);

    // The turn that holds the first visible block.
    auto it = std::upper_bound(
        m_headers.begin(), m_headers.end(), first, [](int block, const TurnHeader &h) {
            return block < h.firstBlock;
        });
    if (it != m_headers.begin())
        --it;
    const int left = 14;
    const int width = kGutterWidth - left - 12;
    for (; it != m_headers.end() && it->firstBlock <= last + 1; ++it) {
        const QTextBlock block = doc->findBlockByNumber(it->firstBlock);
        if (!block.isValid())
            break;
        const QTextLayout *tl = block.layout();
        if (!tl || tl->lineCount() == 0)
            continue;
        const int top = static_cast<int>(tl->position().y() + tl->lineAt(0).y()) - scroll;
        // The turn's extent, for the role stripe.
        const auto next = std::next(it);
        int bottom = 0;
        {
            const QTextBlock lastBlock = next == m_headers.end()
                                             ? doc->lastBlock()
                                             : doc->findBlockByNumber(next->firstBlock - 1);
            bottom = static_cast<int>(layout->blockBoundingRect(lastBlock).bottom()) - scroll;
        }
        const bool isInterviewer = it->role == SpeakerRole::Interviewer;
        if (!isInterviewer) {
            painter.fillRect(QRect(kGutterWidth - 5, top + 2, 3, std::max(0, bottom - top - 4)),
                             blend(participant, palette().color(QPalette::Base), 0.6));
        }
        const int baseline = top + static_cast<int>(tl->lineAt(0).ascent()) + 1;
        int timeWidth = 0;
        if (!it->time.isEmpty()) {
            painter.setFont(timeFont);
            painter.setPen(muted);
            timeWidth = QFontMetrics(timeFont).horizontalAdvance(it->time);
            painter.drawText(left + width - timeWidth, baseline, it->time);
        }
        painter.setFont(nameFont);
        painter.setPen(isInterviewer ? interviewer : participant);
        painter.drawText(left,
                         baseline,
                         nameMetrics.elidedText(
                             it->speaker, Qt::ElideRight, width - timeWidth - (timeWidth ? 6 : 0)));
    }
}

void TranscriptView::paintMargin(QPainter &painter, const QRect &rect)
{
    const QColor base = palette().color(QPalette::Base);
    const QColor text = palette().color(QPalette::Text);
    painter.fillRect(rect, blend(base, palette().color(QPalette::Window), 0.5));
    painter.setPen(blend(base, text, 0.12));
    painter.drawLine(0, 0, 0, m_margin->height());
    m_marginItems.clear();
    if (m_marks.empty())
        return;
    const auto [first, last] = visibleBlocks();
    auto *doc = document();
    const QTextBlock firstBlock = doc->findBlockByNumber(first);
    const QTextBlock lastBlock = doc->findBlockByNumber(last);
    if (!firstBlock.isValid() || !lastBlock.isValid())
        return;
    const qsizetype visibleStart = firstBlock.position();
    const qsizetype visibleEnd = lastBlock.position() + lastBlock.length();

    QFont labelFont = font();
    labelFont.setPointSizeF(font().pointSizeF() * 0.88);
    QFont currentFont = labelFont;
    currentFont.setBold(true);
    const QFontMetrics metrics(labelFont);
    const QFontMetrics currentMetrics(currentFont);
    const int labelHeight = metrics.height() + 3;

    struct Item
    {
        const Mark *mark;
        int top;
        int bottom;
        int lane = 0;
    };

    std::vector<Item> items;
    for (const auto &mark : m_marks) {
        if (mark.end <= visibleStart || mark.start >= visibleEnd)
            continue;
        const auto [top, bottom] = verticalSpan(mark.start, mark.end);
        if (bottom < top)
            continue;
        items.push_back({&mark, top, bottom});
    }
    // Bars: overlapping passages side by side, each in the first free lane from the left.
    std::vector<int> laneEnds;
    for (auto &item : items) {
        std::size_t lane = 0;
        while (lane < laneEnds.size() && laneEnds[lane] > item.top)
            ++lane;
        if (lane == laneEnds.size())
            laneEnds.push_back(item.bottom + 2);
        else
            laneEnds[lane] = item.bottom + 2;
        item.lane = static_cast<int>(lane);
    }
    constexpr int kBarLeft = 7;
    constexpr int kLaneStep = 6;
    const int lanes = static_cast<int>(laneEnds.size());
    const int labelLeft = kBarLeft + std::max(1, lanes) * kLaneStep + 6;
    const int labelWidth = m_margin->width() - labelLeft - 6;

    painter.setRenderHint(QPainter::Antialiasing, false);
    for (const auto &item : items) {
        const Mark &mark = *item.mark;
        const bool isCurrent = mark.id == m_current;
        const int x = kBarLeft + item.lane * kLaneStep;
        const int height = std::max(4, item.bottom - item.top - 2);
        const QColor color = mark.colors.empty() ? QColor(Qt::gray) : mark.colors.front();
        painter.fillRect(QRect(x, item.top + 1, isCurrent ? 4 : 3, height), color);
        m_marginItems.push_back({mark.id, QRect(x - 2, item.top, kLaneStep, height + 2)});
    }

    // Labels: level with their passage, pushed down below the one above when they would touch,
    // with a leader line back to the bar then.
    int nextFree = std::numeric_limits<int>::min();
    for (const auto &item : items) {
        const Mark &mark = *item.mark;
        const bool isCurrent = mark.id == m_current;
        const int y = std::max(item.top, nextFree);
        if (y > m_margin->height())
            break;
        nextFree = y + labelHeight;
        const int barX = kBarLeft + item.lane * kLaneStep + 3;
        if (y > item.top + 2) {
            painter.setPen(blend(base, text, 0.3));
            painter.drawLine(
                barX + 1, item.top + labelHeight / 2, labelLeft - 3, y + labelHeight / 2);
        }
        // A swatch and the name of each code, as many as fit.
        const QFont &f = isCurrent ? currentFont : labelFont;
        const QFontMetrics &fm = isCurrent ? currentMetrics : metrics;
        painter.setFont(f);
        int x = labelLeft;
        const int right = labelLeft + labelWidth;
        const int centre = y + labelHeight / 2;
        for (int i = 0; i < static_cast<int>(mark.names.size()) && x < right - 12; ++i) {
            const QColor color = i < static_cast<int>(mark.colors.size())
                                     ? mark.colors[static_cast<std::size_t>(i)]
                                     : QColor(Qt::gray);
            painter.fillRect(QRect(x, centre - 3, 6, 6), color);
            x += 9;
            const QString name = fm.elidedText(mark.names[i], Qt::ElideRight, right - x);
            painter.setPen(isCurrent ? text : blend(text, color, 0.35));
            painter.drawText(
                QRect(x, y, right - x, labelHeight), Qt::AlignLeft | Qt::AlignVCenter, name);
            x += fm.horizontalAdvance(name) + 8;
        }
        m_marginItems.push_back({mark.id, QRect(labelLeft - 2, y, x - labelLeft + 2, labelHeight)});
    }
}

void TranscriptView::marginClicked(const QPoint &pos)
{
    // The narrowest item under the click wins, so a short highlight inside a long one is
    // reachable.
    const MarginItem *best = nullptr;
    for (const auto &item : m_marginItems) {
        if (!item.rect.contains(pos))
            continue;
        if (!best || item.rect.height() < best->rect.height())
            best = &item;
    }
    if (best)
        Q_EMIT markClicked(best->id);
}

} // namespace jtbd::app
