// The study report as a PDF: the content laid out as blocks on A4 pages (measured once, broken
// into pages, then painted), with a running header and footer, through a temporary file that is
// renamed into place only when the whole report is written.
#include "pdf_report.h"

#include "forces_diagram.h"
#include "page_flow.h"
#include "painting_support.h"

#include <jtbd/file_io.h>

#include <QBuffer>
#include <QDate>
#include <QDateTime>
#include <QFontMetricsF>
#include <QLocale>
#include <QPageLayout>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QTextCharFormat>

#include <algorithm>
#include <map>

namespace jtbd::report {

namespace {

// A4 in points (the writer's resolution is 72 dots per inch, so one unit is one point).
constexpr qreal kPageWidth = 595.276;
constexpr qreal kPageHeight = 841.89;
constexpr qreal kMarginX = 56;
constexpr qreal kBodyTop = 74;
constexpr qreal kBodyBottom = kPageHeight - 66;
constexpr qreal kHeaderTop = 34;
constexpr qreal kHeaderRule = 52;
constexpr qreal kFooterRule = kPageHeight - 50;
constexpr qreal kFooterTop = kPageHeight - 44;
constexpr qreal kBodyWidth = kPageWidth - 2 * kMarginX;

const QColor kInk(0x1F, 0x23, 0x28);
const QColor kMuted(0x5F, 0x63, 0x68);
const QColor kRule(0xC9, 0xCE, 0xD4);
const QColor kHairline(0xE3, 0xE6, 0xEA);
const QColor kAccent(0x1F, 0x4E, 0x79);
const QColor kPanel(0xF3, 0xF5, 0xF8);
const QColor kEventColor(0x6B, 0x72, 0x80);

// The type scale, in points.
constexpr qreal kTitleSize = 28;
constexpr qreal kH1Size = 20;
constexpr qreal kH2Size = 14;
constexpr qreal kH3Size = 11;
constexpr qreal kBodySize = 10;
constexpr qreal kSmallSize = 9;
constexpr qreal kMetaSize = 8;

// The vertical rhythm.
constexpr qreal kParagraphGap = 6;
constexpr qreal kQuoteGap = 9;
constexpr qreal kSectionGap = 22;
constexpr qreal kSubsectionGap = 14;
constexpr qreal kQuoteIndent = 11;

QFont font(qreal size, QFont::Weight weight = QFont::Normal, bool italic = false)
{
    QFont f = reportFont(size, weight, italic);
    f.setHintingPreference(QFont::PreferNoHinting);
    return f;
}

// Small capitals for labels ("JOB STATEMENT"), spaced a little: more and a PDF reader's text
// tool would read each letter as a word.
QFont labelFont()
{
    QFont f = font(kMetaSize, QFont::Bold);
    f.setLetterSpacing(QFont::AbsoluteSpacing, 0.35);
    return f;
}

QString q(std::string_view text)
{
    return toQString(text);
}

const QLocale &english()
{
    static const QLocale locale(QLocale::English, QLocale::UnitedKingdom);
    return locale;
}

QString number(std::int64_t value)
{
    return english().toString(static_cast<qlonglong>(value));
}

QString plural(std::int64_t count, const char *one, const char *many)
{
    return number(count) + QLatin1Char(' ') + QString::fromLatin1(count == 1 ? one : many);
}

// "Spreadsheet → Ledgerly": what a participant switched from and to, "?" for the side not
// recorded; empty when neither is.
QString switchText(const std::string &from, const std::string &to)
{
    if (from.empty() && to.empty())
        return {};
    return (from.empty() ? QStringLiteral("?") : q(from)) + QStringLiteral(" \u2192 ")
           + (to.empty() ? QStringLiteral("?") : q(to));
}

// "2 October 2026", "October 2026" or "2026" for the partial dates the study stores.
QString longDate(const std::string &iso)
{
    const QString text = q(iso);
    if (text.size() == 10) {
        const QDate date = QDate::fromString(text, Qt::ISODate);
        if (date.isValid())
            return english().toString(date, QStringLiteral("d MMMM yyyy"));
    }
    if (text.size() == 7) {
        const QDate date = QDate::fromString(text + QStringLiteral("-01"), Qt::ISODate);
        if (date.isValid())
            return english().toString(date, QStringLiteral("MMMM yyyy"));
    }
    return text;
}

// "2 Oct 2026", for table cells.
QString shortDate(const std::string &iso)
{
    const QString text = q(iso);
    if (text.size() == 10) {
        const QDate date = QDate::fromString(text, Qt::ISODate);
        if (date.isValid())
            return english().toString(date, QStringLiteral("d MMM yyyy"));
    }
    return longDate(iso);
}

// "14 September – 30 October 2026".
QString dateRange(const std::string &first, const std::string &last)
{
    if (first.empty() && last.empty())
        return {};
    if (first.empty() || last.empty() || first == last)
        return longDate(first.empty() ? last : first);
    const QDate a = QDate::fromString(q(first), Qt::ISODate);
    const QDate b = QDate::fromString(q(last), Qt::ISODate);
    if (a.isValid() && b.isValid() && a.year() == b.year())
        return english().toString(
                   a, a.month() == b.month() ? QStringLiteral("d") : QStringLiteral("d MMMM"))
               + QStringLiteral(" \u2013 ") + longDate(last);
    return longDate(first) + QStringLiteral(" \u2013 ") + longDate(last);
}

// "2 November 2026, 14:05 UTC".
QString generatedText(const std::string &iso)
{
    QDateTime when = QDateTime::fromString(q(iso), Qt::ISODate);
    if (!when.isValid())
        return q(iso);
    when = when.toUTC();
    return english().toString(when.date(), QStringLiteral("d MMMM yyyy")) + QStringLiteral(", ")
           + when.time().toString(QStringLiteral("HH:mm")) + QStringLiteral(" UTC");
}

QString durationText(std::optional<std::int64_t> ms)
{
    if (!ms)
        return QStringLiteral("\u2014");
    const std::int64_t minutes = (*ms + 30'000) / 60'000;
    if (minutes < 60)
        return number(minutes) + QStringLiteral(" min");
    return number(minutes / 60) + QStringLiteral(" h ") + QString::number(minutes % 60)
           + QStringLiteral(" min");
}

QString who(const std::string &pseudonym, const std::string &code)
{
    const QString label = participantLabel(q(pseudonym), q(code));
    return label.isEmpty() ? QStringLiteral("No participant linked") : label;
}

// The colour of a code by key, from the report's codebook.
QColor codeColor(const ReportContent &content, std::string_view key, const QColor &fallback)
{
    for (const ReportCode &code : content.codebook)
        if (code.key == key && !code.color.empty()) {
            const QColor color = toColor(code.color);
            if (color.isValid())
                return color;
        }
    return fallback;
}

QTextLayout::FormatRange range(int start, int length, const QTextCharFormat &format)
{
    QTextLayout::FormatRange r;
    r.start = start;
    r.length = length;
    r.format = format;
    return r;
}

QTextCharFormat boldFormat()
{
    QTextCharFormat format;
    format.setFontWeight(QFont::Bold);
    return format;
}

QTextCharFormat colorFormat(const QColor &color)
{
    QTextCharFormat format;
    format.setForeground(color);
    return format;
}

// Lays out the whole report as blocks on a PageFlow and paints its pages.
class ReportLayout
{
public:
    explicit ReportLayout(const ReportContent &content)
        : m_content(content)
        , m_flow(QRectF(kMarginX, kBodyTop, kBodyWidth, kBodyBottom - kBodyTop))
    {
        for (std::size_t i = 0; i < content.jobs.size(); ++i)
            m_jobNumbers[content.jobs[i].job.id] = static_cast<int>(i + 1);
        // Anchors in the order the contents lists them.
        m_methodAnchor = 0;
        m_jobsAnchor = 1;
        m_firstJobAnchor = 2;
        m_appendixAnchor = m_firstJobAnchor + static_cast<int>(content.jobs.size());

        cover();
        contents();
        method();
        for (std::size_t i = 0; i < content.jobs.size(); ++i)
            job(content.jobs[i], static_cast<int>(i));
        appendix();
        m_flow.paginate();
    }

    int pageCount() const { return m_flow.pageCount(); }

    void paintPage(QPainter &painter, int index) const
    {
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setRenderHint(QPainter::TextAntialiasing);
        if (!m_flow.plainPage(index))
            paintChrome(painter, index);
        m_flow.paintPage(painter, index);
    }

    QString title() const { return q(m_content.info.name); }

private:
    // ---- Building blocks -------------------------------------------------------------------

    void add(Block block) { m_flow.add(std::move(block)); }

    Block text(const QString &body,
               const QFont &f,
               const QColor &color,
               qreal spaceBefore = 0,
               qreal indent = 0,
               const QList<QTextLayout::FormatRange> &formats = {}) const
    {
        Composite composite;
        composite.add(Paragraph(body, f, kBodyWidth - indent, color, formats), indent, 0);
        Block block = composite.toBlock(kBodyWidth);
        block.spaceBefore = spaceBefore;
        return block;
    }

    void paragraph(const QString &body, qreal spaceBefore = kParagraphGap)
    {
        add(text(body, font(kBodySize), kInk, spaceBefore));
    }

    // A paragraph that starts with a bold lead-in ("Coding. Researchers tagged…").
    void leadParagraph(const QString &lead, const QString &body)
    {
        const QString all = lead + QLatin1Char(' ') + body;
        add(text(all,
                 font(kBodySize),
                 kInk,
                 kParagraphGap + 2,
                 0,
                 {range(0, static_cast<int>(lead.size()), boldFormat())}));
    }

    // A line under a heading saying what the section holds, kept with what follows.
    void intro(const QString &body, qreal spaceBefore)
    {
        Block block = text(body, font(kSmallSize), kMuted, spaceBefore);
        block.breaks.clear();
        block.keepWithNext = true;
        add(std::move(block));
    }

    void note(const QString &body, qreal spaceBefore = kParagraphGap)
    {
        add(text(body, font(kBodySize, QFont::Normal, true), kMuted, spaceBefore));
    }

    Block heading(const QString &title, qreal size, qreal spaceBefore) const
    {
        Block block = text(title, font(size, QFont::Bold), kInk, spaceBefore);
        block.breaks.clear();
        block.keepWithNext = true;
        return block;
    }

    Block eyebrow(const QString &label, const QColor &color = kAccent) const
    {
        Block block = text(label.toUpper(), labelFont(), color);
        block.breaks.clear();
        block.keepWithNext = true;
        return block;
    }

    // The first block of a part that starts a page: a section in the running header, an
    // entry in the contents.
    static void startsSection(Block &block, const QString &section, int anchor)
    {
        block.pageBreakBefore = true;
        block.section = section;
        block.anchor = anchor;
    }

    // A quote with a coloured bar, its attribution below it, and its memo when asked for.
    Block quote(const ReportQuote &quote, const QColor &accent, qreal spaceBefore) const
    {
        Composite composite;
        const qreal width = kBodyWidth - kQuoteIndent;
        const Paragraph words(quoted(q(quote.text)), font(kBodySize), width, kInk);
        composite.add(words, kQuoteIndent, 0);
        qreal y = words.height() + 1.5;
        QString source = QChar(0x2014) + QLatin1Char(' ')
                         + who(quote.participantPseudonym, quote.participantCode);
        if (!quote.interviewTitle.empty())
            source += QStringLiteral(" \u00B7 ") + q(quote.interviewTitle);
        if (quote.startMs)
            source += QStringLiteral(" \u00B7 ") + q(formatTimestamp(*quote.startMs, true));
        source += QStringLiteral(" \u00B7 intensity ") + QString::number(quote.intensity)
                  + QStringLiteral("/5");
        const Paragraph meta(source, font(kMetaSize), width, kMuted, {}, Qt::AlignLeft);
        composite.add(meta, kQuoteIndent, y, true);
        y += meta.height();
        if (!quote.memo.empty()) {
            const Paragraph memo(QStringLiteral("Memo: ") + q(quote.memo),
                                 font(kMetaSize, QFont::Normal, true),
                                 width,
                                 kMuted,
                                 {},
                                 Qt::AlignLeft);
            composite.add(memo, kQuoteIndent, y + 2, true);
        }
        composite.decorate([accent](QPainter &painter, const QRectF &part, qreal, bool, bool) {
            painter.fillRect(QRectF(part.left(), part.top() + 1, 2.5, part.height() - 2), accent);
        });
        Block block = composite.toBlock(kBodyWidth);
        block.spaceBefore = spaceBefore;
        return block;
    }

    // ---- Tables ----------------------------------------------------------------------------

    struct Column
    {
        QString title;
        qreal width = 0;
        Qt::Alignment alignment = Qt::AlignLeft;
    };

    struct Cell
    {
        Cell(QString main = {},
             QString second = {},
             QColor swatch = {},
             qreal inset = 0,
             bool strong = false)
            : text(std::move(main))
            , detail(std::move(second))
            , chip(std::move(swatch))
            , indent(inset)
            , bold(strong)
        {}

        QString text;
        QString detail;                          // a second, muted line (a date, notes)
        QList<QTextLayout::FormatRange> formats; // of `text`
        QColor chip;                             // a colour swatch before the text
        qreal indent = 0;
        bool bold = false;
    };

    static constexpr qreal kCellPadX = 4;
    static constexpr qreal kCellPadY = 4;
    static constexpr qreal kTallRow = 200;

    std::shared_ptr<const Block> tableHeader(const std::vector<Column> &columns) const
    {
        Composite composite;
        qreal x = 0;
        for (const Column &column : columns) {
            composite.add(Paragraph(column.title.toUpper(),
                                    labelFont(),
                                    column.width - 2 * kCellPadX,
                                    kMuted,
                                    {},
                                    column.alignment),
                          x + kCellPadX,
                          kCellPadY);
            x += column.width;
        }
        composite.decorate([](QPainter &painter, const QRectF &part, qreal, bool, bool) {
            painter.setPen(QPen(kMuted, 0.8));
            painter.drawLine(QPointF(part.left(), part.bottom() - 0.4),
                             QPointF(part.right(), part.bottom() - 0.4));
        });
        Block block = composite.toBlock(kBodyWidth, kCellPadY + 1, false);
        block.keepWithNext = true;
        return std::make_shared<const Block>(std::move(block));
    }

    Block tableRow(const std::vector<Column> &columns, const std::vector<Cell> &cells) const
    {
        Composite composite;
        qreal x = 0;

        struct Chip
        {
            QRectF rect;
            QColor color;
        };

        std::vector<Chip> chips;
        for (std::size_t i = 0; i < columns.size() && i < cells.size(); ++i) {
            const Column &column = columns[i];
            const Cell &cell = cells[i];
            qreal left = x + kCellPadX + cell.indent;
            qreal width = column.width - 2 * kCellPadX - cell.indent;
            const QFont cellFont = font(kSmallSize, cell.bold ? QFont::Bold : QFont::Normal);
            if (cell.chip.isValid()) {
                const qreal side = 7;
                const qreal lineHeight = QFontMetricsF(cellFont).height();
                chips.push_back(
                    {QRectF(left, kCellPadY + (lineHeight - side) / 2, side, side), cell.chip});
                left += side + 5;
                width -= side + 5;
            }
            const Paragraph main(cell.text, cellFont, width, kInk, cell.formats, column.alignment);
            composite.add(main, left, kCellPadY);
            if (!cell.detail.isEmpty())
                composite.add(
                    Paragraph(cell.detail, font(kMetaSize), width, kMuted, {}, column.alignment),
                    left,
                    kCellPadY + main.height() + 1);
            x += column.width;
        }
        composite.decorate(
            [chips](QPainter &painter, const QRectF &part, qreal top, bool first, bool last) {
                if (first)
                    for (const Chip &chip : chips) {
                        painter.setPen(Qt::NoPen);
                        painter.setBrush(chip.color);
                        painter.drawRoundedRect(chip.rect.translated(part.left(), top), 1.5, 1.5);
                    }
                if (last) {
                    painter.setPen(QPen(kHairline, 0.6));
                    painter.drawLine(QPointF(part.left(), part.bottom() - 0.3),
                                     QPointF(part.right(), part.bottom() - 0.3));
                }
            });
        // A row stays whole on its page unless it is too tall for that to leave a tidy page.
        const bool tall = composite.contentBottom() > kTallRow;
        return composite.toBlock(kBodyWidth, kCellPadY + 0.6, tall);
    }

    void table(const std::vector<Column> &columns,
               const std::vector<std::vector<Cell>> &rows,
               qreal spaceBefore)
    {
        auto header = tableHeader(columns);
        Block first = *header;
        first.spaceBefore = spaceBefore;
        add(std::move(first));
        for (const auto &cells : rows) {
            Block row = tableRow(columns, cells);
            row.repeatHeader = header;
            add(std::move(row));
        }
    }

    // ---- Cover -----------------------------------------------------------------------------

    void cover()
    {
        const ReportContent &c = m_content;
        Block band = drawingBlock(kBodyWidth, 5, [](QPainter &painter, const QRectF &rect) {
            const qreal w = rect.width() / 4;
            for (std::size_t i = 0; i < kForces.size(); ++i)
                painter.fillRect(
                    QRectF(rect.left() + w * static_cast<qreal>(i), rect.top(), w, rect.height()),
                    toColor(info(kForces.at(i)).color));
        });
        band.pageBreakBefore = true;
        band.plainPage = true;
        band.spaceBefore = 0;
        add(std::move(band));
        add(spaceBlock(70));
        add(eyebrow(QStringLiteral("Jobs To Be Done \u00B7 Study report")));
        add(text(c.info.name.empty() ? QStringLiteral("Untitled study") : q(c.info.name),
                 font(kTitleSize, QFont::Bold),
                 kInk,
                 10));
        if (!c.info.objectives.empty()) {
            add(spaceBlock(22));
            add(eyebrow(QStringLiteral("Research objectives"), kMuted));
            add(text(q(c.info.objectives), font(11), kInk, 6));
        }
        add(spaceBlock(34));
        add(statTiles());
        add(spaceBlock(26));
        add(facts());
        if (!c.jobs.empty()) {
            // The jobs at a glance: what the study found, before any page is turned.
            add(spaceBlock(26));
            add(eyebrow(c.options.jobIds.empty() ? QStringLiteral("The jobs found")
                                                 : QStringLiteral("The jobs in this report"),
                        kMuted));
            // A long list would push the cover onto a second page; the contents list them all.
            constexpr std::size_t kCoverJobs = 8;
            const std::size_t shown = c.jobs.size() > kCoverJobs + 1 ? kCoverJobs : c.jobs.size();
            for (std::size_t i = 0; i < shown; ++i) {
                Composite composite;
                composite.add(
                    Paragraph(QString::number(i + 1), font(11, QFont::Bold), 20, kAccent), 0, 0);
                composite.add(
                    Paragraph(jobTitle(c.jobs[i]), font(11), kBodyWidth - 24, kInk), 24, 0);
                Block entry = composite.toBlock(kBodyWidth);
                entry.spaceBefore = i == 0 ? 6 : 4;
                add(std::move(entry));
            }
            if (shown < c.jobs.size())
                add(text(QStringLiteral("and ")
                             + plural(static_cast<std::int64_t>(c.jobs.size() - shown),
                                      "more job",
                                      "more jobs")
                             + QStringLiteral(", listed in the contents"),
                         font(kSmallSize, QFont::Normal, true),
                         kMuted,
                         4,
                         24));
        }
        if (c.options.redact) {
            add(spaceBlock(24));
            add(redactionNotice());
        }
    }

    Block statTiles() const
    {
        const ReportContent &c = m_content;
        const bool selected = !c.options.jobIds.empty();

        struct Tile
        {
            QString value;
            QString label;
        };

        std::vector<Tile> tiles = {
            {number(c.interviewCount),
             c.interviewCount == 1 ? QStringLiteral("interview") : QStringLiteral("interviews")},
            {number(c.participantCount),
             c.participantCount == 1 ? QStringLiteral("participant")
                                     : QStringLiteral("participants")},
            {number(c.highlightCount),
             c.highlightCount == 1 ? QStringLiteral("highlight") : QStringLiteral("highlights")},
            {number(static_cast<std::int64_t>(c.jobs.size())),
             selected ? QStringLiteral("jobs in this report")
                      : (c.jobs.size() == 1 ? QStringLiteral("job") : QStringLiteral("jobs"))},
        };
        return drawingBlock(kBodyWidth, 62, [tiles](QPainter &painter, const QRectF &rect) {
            const qreal gap = 10;
            const qreal w = (rect.width() - gap * 3) / 4;
            const QFont valueFont = font(22, QFont::Bold);
            const QFont labelFont = font(kMetaSize);
            for (std::size_t i = 0; i < tiles.size(); ++i) {
                const QRectF tile(
                    rect.left() + (w + gap) * static_cast<qreal>(i), rect.top(), w, rect.height());
                painter.setPen(Qt::NoPen);
                painter.setBrush(kPanel);
                painter.drawRoundedRect(tile, 4, 4);
                painter.fillRect(QRectF(tile.left(), tile.top(), 3, tile.height()), kAccent);
                const QRectF inner = tile.adjusted(12, 8, -8, -8);
                painter.setFont(valueFont);
                painter.setPen(kInk);
                const QFontMetricsF valueMetrics(valueFont);
                painter.drawText(
                    QRectF(inner.left(), inner.top(), inner.width(), valueMetrics.height()),
                    Qt::AlignLeft | Qt::AlignTop,
                    valueMetrics.elidedText(tiles[i].value, Qt::ElideRight, inner.width()));
                painter.setFont(labelFont);
                painter.setPen(kMuted);
                const QFontMetricsF labelMetrics(labelFont);
                painter.drawText(
                    QRectF(inner.left(),
                           inner.bottom() - labelMetrics.height(),
                           inner.width(),
                           labelMetrics.height()),
                    Qt::AlignLeft | Qt::AlignBottom,
                    labelMetrics.elidedText(tiles[i].label, Qt::ElideRight, inner.width()));
            }
        });
    }

    Block facts() const
    {
        const ReportContent &c = m_content;
        std::vector<std::pair<QString, QString>> rows;
        const QString range = dateRange(c.firstInterview, c.lastInterview);
        rows.emplace_back(QStringLiteral("Interviews conducted"),
                          range.isEmpty() ? QStringLiteral("No interview dates recorded") : range);
        if (c.coderCount > 0)
            rows.emplace_back(QStringLiteral("Coded by"),
                              plural(c.coderCount, "researcher", "researchers"));
        rows.emplace_back(QStringLiteral("Forces weighed by"),
                          c.options.weighting == Weighting::Count
                              ? QStringLiteral("number of quotes")
                              : QStringLiteral("summed intensity of the quotes (1\u20135 each)"));
        rows.emplace_back(QStringLiteral("Generated on"), generatedText(c.generatedAt));
        Composite composite;
        const qreal labelWidth = 132;
        qreal y = 0;
        for (const auto &[label, value] : rows) {
            const Paragraph l(label, font(kSmallSize, QFont::Bold), labelWidth - 8, kMuted);
            const Paragraph v(value, font(kBodySize), kBodyWidth - labelWidth, kInk);
            composite.add(l, 0, y + 1);
            composite.add(v, labelWidth, y);
            y += std::max(l.height() + 1, v.height()) + 5;
        }
        return composite.toBlock(kBodyWidth);
    }

    Block redactionNotice() const
    {
        Composite composite;
        const qreal pad = 10;
        const Paragraph head(QStringLiteral("Redacted: participants appear under pseudonyms"),
                             font(kBodySize, QFont::Bold),
                             kBodyWidth - 2 * pad - 3,
                             kInk);
        const Paragraph body(
            QStringLiteral("Real names are left out of this report. Where a participant's name "
                           "occurs inside a quote or a note it is replaced by their pseudonym in "
                           "square brackets."),
            font(kSmallSize),
            kBodyWidth - 2 * pad - 3,
            kMuted);
        composite.add(head, pad + 3, pad);
        composite.add(body, pad + 3, pad + head.height() + 2, true);
        composite.decorate([](QPainter &painter, const QRectF &part, qreal, bool, bool) {
            painter.fillRect(part, kPanel);
            painter.fillRect(QRectF(part.left(), part.top(), 3, part.height()), kAccent);
        });
        return composite.toBlock(kBodyWidth, pad, false);
    }

    // ---- Contents --------------------------------------------------------------------------

    struct Entry
    {
        QString number;
        QString title;
        QString detail;
        int anchor = -1;
    };

    void contents()
    {
        Block head = heading(QStringLiteral("Contents"), kH1Size, 0);
        startsSection(head, QStringLiteral("Contents"), -1);
        add(std::move(head));
        add(spaceBlock(8));
        add(contentsEntry(
            {QString(), QStringLiteral("How this report was made"), QString(), m_methodAnchor}, 8));

        add(contentsGroup(QStringLiteral("Jobs")));
        if (m_content.jobs.empty())
            add(contentsEntry(
                {QString(), QStringLiteral("No jobs are written yet"), QString(), m_jobsAnchor},
                4));
        for (std::size_t i = 0; i < m_content.jobs.size(); ++i) {
            const ReportJob &job = m_content.jobs[i];
            const ForcesSummary summary = job.summary();
            const Weighting w = m_content.options.weighting;
            const auto stories = static_cast<std::int64_t>(job.stories.size());
            const QString detail =
                plural(stories, "story", "stories") + QStringLiteral(" \u00B7 F1 + F2 = ")
                + number(summary.toward(w)) + QStringLiteral(" against F3 + F4 = ")
                + number(summary.against(w));
            add(contentsEntry({QString::number(i + 1),
                               jobTitle(job),
                               detail,
                               m_firstJobAnchor + static_cast<int>(i)},
                              i == 0 ? 4 : 8));
        }

        add(contentsGroup(QStringLiteral("Appendix")));
        const QString parts[] = {QStringLiteral("Participants"),
                                 QStringLiteral("Interviews"),
                                 QStringLiteral("Codebook")};
        for (int i = 0; i < 3; ++i)
            add(contentsEntry({QString(QChar(u'A' + i)), parts[i], QString(), m_appendixAnchor + i},
                              i == 0 ? 4 : 8));
    }

    Block contentsGroup(const QString &title) const
    {
        Block block = eyebrow(title, kMuted);
        block.spaceBefore = 20;
        return block;
    }

    Block contentsEntry(const Entry &entry, qreal spaceBefore) const
    {
        const qreal numberWidth = 24;
        const qreal pageWidth = 34;
        const qreal titleWidth = kBodyWidth - numberWidth - pageWidth - 24;
        const QFont titleFont = font(11);
        const Paragraph title(entry.title, titleFont, titleWidth, kInk, {}, Qt::AlignLeft);
        Composite composite;
        if (!entry.number.isEmpty())
            composite.add(
                Paragraph(entry.number, font(11, QFont::Bold), numberWidth, kAccent), 0, 0);
        composite.add(title, numberWidth, 0);
        if (!entry.detail.isEmpty())
            composite.add(
                Paragraph(entry.detail, font(kMetaSize), titleWidth, kMuted, {}, Qt::AlignLeft),
                numberWidth,
                title.height() + 1,
                true);
        const qreal leaderStart = numberWidth + title.lastLineRight() + 6;
        const qreal lastLineBottom = title.lineBottom(title.lineCount() - 1);
        const QFontMetricsF metrics(titleFont);
        const qreal baseline = lastLineBottom - metrics.descent();
        const PageFlow *flow = &m_flow;
        const int anchor = entry.anchor;
        composite.decorate([=](QPainter &painter, const QRectF &part, qreal top, bool first, bool) {
            if (!first)
                return;
            const int page = flow->anchorPage(anchor);
            const QString label = page > 0 ? QString::number(page) : QString();
            painter.setFont(titleFont);
            painter.setPen(kInk);
            const qreal labelWidth = metrics.horizontalAdvance(label);
            const qreal right = part.right();
            painter.drawText(QPointF(right - labelWidth, top + baseline), label);
            // Dotted leader from the title to the page number.
            painter.setPen(Qt::NoPen);
            painter.setBrush(kRule);
            const qreal end = right - pageWidth;
            for (qreal x = part.left() + leaderStart; x < end; x += 4)
                painter.drawEllipse(QPointF(x, top + baseline - 1.2), 0.6, 0.6);
        });
        Block block = composite.toBlock(kBodyWidth, 0, false);
        block.spaceBefore = spaceBefore;
        return block;
    }

    QString jobTitle(const ReportJob &job) const
    {
        return job.job.name.empty() ? QStringLiteral("Unnamed job") : q(job.job.name);
    }

    // ---- Method ----------------------------------------------------------------------------

    void method()
    {
        const ReportContent &c = m_content;
        Block head = heading(QStringLiteral("How this report was made"), kH1Size, 0);
        startsSection(head, QStringLiteral("How this report was made"), m_methodAnchor);
        add(std::move(head));

        const QString interviews =
            plural(c.interviewCount, "switch interview", "switch interviews");
        leadParagraph(
            QStringLiteral("The interviews."),
            QStringLiteral("Each of the ") + interviews
                + QStringLiteral(" reconstructs one recent switch as a timeline: the first "
                                 "thought that there must be a better way, passive and then "
                                 "active looking, the events that moved the person on (Event 1, "
                                 "Event 2), deciding, the purchase, and the first and ongoing "
                                 "use."));
        QString coding =
            QStringLiteral("Researchers tagged passages of the transcripts with the four forces "
                           "of progress: F1 push of the situation and F2 pull of the new "
                           "solution, which move people toward a switch, and F3 anxiety of the "
                           "new solution and F4 habit of the present, which hold them back. "
                           "Passages were also tagged with the timeline's phases and events, hire "
                           "and fire criteria, alternatives considered and desired outcomes. "
                           "Each tagged passage has an intensity from 1 (said in passing) to 5 "
                           "(said with great energy) and a confidence.");
        if (c.highlightCount > 0)
            coding += QStringLiteral(" The study holds ")
                      + plural(c.highlightCount, "tagged passage", "tagged passages")
                      + (c.coderCount > 0 ? QStringLiteral(", coded by ")
                                                + plural(c.coderCount, "researcher", "researchers")
                                          : QString())
                      + QLatin1Char('.');
        leadParagraph(QStringLiteral("Coding."), coding);
        const bool byCount = c.options.weighting == Weighting::Count;
        leadParagraph(
            QStringLiteral("Forces diagrams."),
            QStringLiteral("In each job's diagram the thickness of a force's arrow follows ")
                + (byCount ? QStringLiteral("the number of quotes tagged with it")
                           : QStringLiteral("the summed intensity of the quotes tagged with it"))
                + QStringLiteral(" in the job's stories. The balance compares F1 + F2 with F3 + "
                                 "F4: people switch when the forces toward the new way outweigh "
                                 "those holding them back. The numbers measure the energy in the "
                                 "tagged evidence, not a share of customers."));
        // The synthesis leaves force groups behind; jobs written by hand have none.
        const bool clustered = std::any_of(c.jobs.begin(), c.jobs.end(), [](const ReportJob &j) {
            return std::any_of(j.forces.begin(), j.forces.end(), [](const ReportForce &f) {
                return !f.groups.empty();
            });
        });
        if (!clustered)
            leadParagraph(
                QStringLiteral("Finding the jobs."),
                QStringLiteral("The researchers read the stories side by side and grouped those "
                               "whose pushes and pulls go together: each group is a job. They "
                               "named each job and wrote its job story from the stories' own "
                               "evidence."));
        else
            leadParagraph(QStringLiteral("Finding the jobs."),
                          QStringLiteral(
                              "The quotes of each force were grouped by what they say into force "
                              "groups. Each story (one interview) was marked with the force groups "
                              "it shows, and the stories were clustered on that story \u00D7 "
                              "force-group matrix, using the Jaccard distance between stories and "
                              "average linkage, with the number of jobs chosen by the silhouette "
                              "score. The researchers then reviewed the clusters, moved stories "
                              "where the evidence said otherwise, named the jobs and wrote their "
                              "job stories."));
        leadParagraph(
            QStringLiteral("Quotes."),
            QStringLiteral("The quotes shown for each force and criterion are the strongest in "
                           "the job's stories: the highest intensity first, then the highest "
                           "confidence. They are the participants' own words; the time gives "
                           "where each falls in the recording."));
        if (c.options.redact)
            leadParagraph(QStringLiteral("Redaction."),
                          QStringLiteral("Participants appear under pseudonyms. Their real names "
                                         "are left out, and replaced by the pseudonym in square "
                                         "brackets wherever they occur inside a quote."));
        if (c.jobs.empty()) {
            Block head2 = heading(QStringLiteral("Jobs"), kH2Size, kSectionGap);
            head2.anchor = m_jobsAnchor;
            add(std::move(head2));
            note(QStringLiteral("No jobs are written for this study yet. Once the stories are "
                                "clustered into jobs and the jobs are named, each gets its own "
                                "section here: its job story, forces diagram, strongest quotes, "
                                "triggers, criteria and alternatives."));
        }
    }

    // ---- Jobs ------------------------------------------------------------------------------

    void job(const ReportJob &job, int index)
    {
        const ReportContent &c = m_content;
        const QString name = jobTitle(job);
        const int n = index + 1;
        const qreal bodyHeight = kBodyBottom - kBodyTop;
        qreal used = 0; // what the job's first page holds before the diagram

        Block label = eyebrow(QStringLiteral("Job ") + QString::number(n) + QStringLiteral(" of ")
                              + QString::number(c.jobs.size()));
        startsSection(label,
                      QStringLiteral("Job ") + QString::number(n) + QStringLiteral(" \u00B7 ")
                          + name,
                      m_firstJobAnchor + index);
        used += label.height;
        add(std::move(label));
        Block title = heading(name, kH1Size, 4);
        used += title.height + title.spaceBefore;
        add(std::move(title));

        Block storyLabel = eyebrow(QStringLiteral("Job story"), kMuted);
        storyLabel.spaceBefore = 14;
        used += storyLabel.height + storyLabel.spaceBefore;
        add(std::move(storyLabel));
        const QString story = q(job.storyText);
        Block storyBlock = story.isEmpty()
                               ? text(QStringLiteral("No job story is written for this job yet."),
                                      font(kBodySize, QFont::Normal, true),
                                      kMuted,
                                      12)
                               : jobStory(story);
        storyBlock.spaceBefore = 5;
        used += storyBlock.height + storyBlock.spaceBefore;
        add(std::move(storyBlock));

        Block statementLabel = eyebrow(QStringLiteral("Job statement"), kMuted);
        statementLabel.spaceBefore = 14;
        used += statementLabel.height + statementLabel.spaceBefore;
        add(std::move(statementLabel));
        Block statement = job.job.statement.empty()
                              ? text(QStringLiteral("No job statement is written yet."),
                                     font(kBodySize, QFont::Normal, true),
                                     kMuted,
                                     3)
                              : text(q(job.job.statement), font(12), kInk, 3);
        used += statement.height + statement.spaceBefore;
        add(std::move(statement));

        // The diagram fills the rest of the first page when there is room enough to read it.
        Block diagramHead = heading(QStringLiteral("Forces of progress"), kH2Size, 18);
        used += diagramHead.height + diagramHead.spaceBefore + 6;
        add(std::move(diagramHead));
        const qreal room = bodyHeight - used - 2;
        const qreal height = room >= 330 ? std::min<qreal>(room, 540) : 540;
        ForcesDiagramData data = forcesDiagramData(job, q(c.info.name), c.options.weighting, 2);
        Block diagram =
            drawingBlock(kBodyWidth, height, [data](QPainter &painter, const QRectF &rect) {
                ForcesDiagramOptions options;
                options.showTitle = false;
                paintForcesDiagram(painter, rect.adjusted(1, 1, -1, -1), data, options);
                painter.setPen(QPen(kHairline, 0.8));
                painter.setBrush(Qt::NoBrush);
                painter.drawRoundedRect(rect.adjusted(0.4, 0.4, -0.4, -0.4), 4, 4);
            });
        diagram.spaceBefore = 6;
        add(std::move(diagram));

        stories(job);
        strongestQuotes(job);
        triggers(job);
        criteria(QStringLiteral("Hire criteria"),
                 "hire-criterion",
                 QStringLiteral("What made them choose the new way."),
                 job.hireCriteria,
                 QStringLiteral("No hire criteria were tagged in these stories."));
        criteria(QStringLiteral("Fire criteria"),
                 "fire-criterion",
                 QStringLiteral(
                     "What made them leave the old way, or would make them leave the new one."),
                 job.fireCriteria,
                 QStringLiteral("No fire criteria were tagged in these stories."));
        alternatives(job);
        criteria(QStringLiteral("Desired outcomes"),
                 "desired-outcome",
                 QStringLiteral("The progress they want, in their words."),
                 job.desiredOutcomes,
                 QStringLiteral("No desired outcomes were tagged in these stories."));
        if (c.options.includeMemos && !job.job.notes.empty()) {
            add(heading(QStringLiteral("Researchers' notes"), kH2Size, kSectionGap));
            paragraph(q(job.job.notes), 4);
        }
    }

    // "When …, I want to …, so I can …." set off in a panel, its three parts' openings bold.
    Block jobStory(const QString &story) const
    {
        QList<QTextLayout::FormatRange> formats;
        for (const QString &opening :
             {QStringLiteral("When"), QStringLiteral("I want to"), QStringLiteral("so I can")}) {
            const qsizetype at = story.indexOf(opening);
            if (at >= 0)
                formats.append(range(
                    static_cast<int>(at), static_cast<int>(opening.size()), colorFormat(kAccent)));
        }
        for (auto &f : formats)
            f.format.setFontWeight(QFont::Bold);
        const qreal pad = 11;
        const Paragraph words(story, font(12), kBodyWidth - 2 * pad - 4, kInk, formats);
        Composite composite;
        composite.add(words, pad + 4, pad);
        composite.decorate([](QPainter &painter, const QRectF &part, qreal, bool, bool) {
            painter.fillRect(part, kPanel);
            painter.fillRect(QRectF(part.left(), part.top(), 4, part.height()), kAccent);
        });
        return composite.toBlock(kBodyWidth, pad);
    }

    void stories(const ReportJob &job)
    {
        add(heading(QStringLiteral("The stories behind this job"), kH2Size, kSectionGap));
        if (job.stories.empty()) {
            note(QStringLiteral("No stories are in this job yet."), 4);
            return;
        }
        const std::vector<Column> columns = {
            {QStringLiteral("Participant"), 92},
            {QStringLiteral("Interview"), 170},
            {QStringLiteral("Date"), 66},
            {QStringLiteral("Switched from / to"), kBodyWidth - 328}};
        std::vector<std::vector<Cell>> rows;
        for (const ReportStory &story : job.stories) {
            const QString switched = switchText(story.switchedFrom, story.switchedTo);
            rows.push_back({{who(story.participantPseudonym, story.participantCode)},
                            {q(story.interviewTitle)},
                            {story.conductedOn.empty() ? QStringLiteral("\u2014")
                                                       : shortDate(story.conductedOn)},
                            {switched.isEmpty() ? QStringLiteral("\u2014") : switched}});
        }
        table(columns, rows, 6);
    }

    Block forceHeading(Force force, const ReportForce &evidence, qreal spaceBefore) const
    {
        const ForceInfo &fi = info(force);
        const QColor color = toColor(fi.color);
        const QString tally = plural(evidence.tally.count, "quote", "quotes")
                              + QStringLiteral(" \u00B7 intensity ")
                              + number(evidence.tally.intensity);
        const QFont tallyFont = font(kMetaSize);
        const qreal tallyWidth = QFontMetricsF(tallyFont).horizontalAdvance(tally) + 2;
        const QFont nameFont = font(kH3Size, QFont::Bold);
        const qreal chip = 9;
        const Paragraph name(q(fi.id) + QStringLiteral("  ") + q(fi.name),
                             nameFont,
                             kBodyWidth - chip - 6 - tallyWidth - 12,
                             kInk,
                             {},
                             Qt::AlignLeft);
        const Paragraph count(tally, tallyFont, tallyWidth, kMuted, {}, Qt::AlignRight);
        Composite composite;
        composite.add(name, chip + 6, 0);
        const qreal firstLine = name.lineBottom(0);
        composite.add(
            count, kBodyWidth - tallyWidth, std::max<qreal>(0, firstLine - count.height() - 1));
        composite.decorate(
            [color, chip, firstLine](QPainter &painter, const QRectF &part, qreal top, bool, bool) {
                painter.setPen(Qt::NoPen);
                painter.setBrush(color);
                painter.drawRoundedRect(
                    QRectF(part.left(), top + (firstLine - chip) / 2, chip, chip), 2, 2);
            });
        Block block = composite.toBlock(kBodyWidth, 2, false);
        block.keepWithNext = true;
        block.spaceBefore = spaceBefore;
        return block;
    }

    void strongestQuotes(const ReportJob &job)
    {
        add(heading(QStringLiteral("Strongest quotes"), kH2Size, kSectionGap));
        intro(QStringLiteral("For each force, the strongest quotes in this job's stories: the "
                             "highest intensity first, then the highest confidence."),
              3);
        for (Force force : kForces) {
            const ReportForce &evidence = job[force];
            add(forceHeading(force, evidence, kSubsectionGap));
            const QColor color = toColor(info(force).color);
            if (!evidence.groups.empty()) {
                // What the force's quotes are about, from the force groups of the synthesis.
                // The largest five that hold more than one of the job's quotes; the rest counted.
                QStringList groups;
                std::int64_t smaller = 0;
                for (const ReportForceGroup &group : evidence.groups) {
                    if (group.quotes < 2 || groups.size() == 5) {
                        ++smaller;
                        continue;
                    }
                    groups << q(group.label) + QStringLiteral(" (") + QString::number(group.quotes)
                                  + QLatin1Char(')');
                }
                if (smaller > 0)
                    groups << plural(smaller, "smaller group", "smaller groups");
                add(text(QStringLiteral("Force groups: ") + groups.join(QStringLiteral("; ")),
                         font(kMetaSize),
                         kMuted,
                         4,
                         kQuoteIndent));
            }
            if (evidence.quotes.empty()) {
                note(QStringLiteral("No quotes in these stories are tagged ")
                         + q(info(force).name).toLower() + QLatin1Char('.'),
                     4);
                continue;
            }
            bool first = true;
            for (const ReportQuote &quote : evidence.quotes) {
                add(this->quote(quote, color, first ? 6 : kQuoteGap));
                first = false;
            }
            if (evidence.more > 0)
                add(text(QStringLiteral("+ ") + plural(evidence.more, "more quote", "more quotes")
                             + QStringLiteral(" of this force in the job's stories."),
                         font(kMetaSize, QFont::Normal, true),
                         kMuted,
                         6,
                         kQuoteIndent));
        }
    }

    void triggers(const ReportJob &job)
    {
        add(heading(QStringLiteral("Triggers along the timeline"), kH2Size, kSectionGap));
        if (job.triggers.empty()) {
            note(QStringLiteral("No triggers were recorded for these stories."), 4);
            return;
        }
        intro(QStringLiteral("The moments that set each switch in motion, in timeline order."), 3);
        for (EventKind kind : kEventKinds) {
            std::vector<const ReportTrigger *> ofKind;
            for (const ReportTrigger &trigger : job.triggers)
                if (trigger.kind == kind)
                    ofKind.push_back(&trigger);
            if (ofKind.empty())
                continue;
            const EventInfo &ei = info(kind);
            const QString name =
                kind == EventKind::Purchase ? QStringLiteral("Purchase (hire)") : q(ei.name);
            const QColor color = codeColor(m_content, codeKey(kind), kEventColor);
            const QString meaning = QStringLiteral("  ") + q(ei.meaning);
            QTextCharFormat muted = colorFormat(kMuted);
            muted.setFont(font(kSmallSize));
            Block head = text(
                name + meaning,
                font(kH3Size, QFont::Bold),
                kInk,
                kSubsectionGap,
                0,
                {range(static_cast<int>(name.size()), static_cast<int>(meaning.size()), muted)});
            head.breaks.clear();
            head.keepWithNext = true;
            add(std::move(head));
            bool first = true;
            for (const ReportTrigger *trigger : ofKind) {
                add(triggerBlock(*trigger, color, first ? 6 : kQuoteGap));
                first = false;
            }
        }
    }

    Block triggerBlock(const ReportTrigger &trigger, const QColor &color, qreal spaceBefore) const
    {
        const qreal width = kBodyWidth - kQuoteIndent;
        Composite composite;
        const QString person = who(trigger.participantPseudonym, trigger.participantCode);
        QStringList when;
        if (!trigger.occurredOn.empty())
            when << longDate(trigger.occurredOn);
        if (!trigger.relativeTime.empty())
            when << q(trigger.relativeTime);
        if (!trigger.place.empty())
            when << q(trigger.place);
        if (!trigger.people.empty())
            when << QStringLiteral("with ") + q(trigger.people);
        QString line = person;
        if (!when.isEmpty())
            line += QStringLiteral(" \u00B7 ") + when.join(QStringLiteral(" \u00B7 "));
        QTextCharFormat rest = colorFormat(kMuted);
        const Paragraph head(line,
                             font(kSmallSize),
                             width,
                             kInk,
                             {range(0, static_cast<int>(person.size()), boldFormat()),
                              range(static_cast<int>(person.size()),
                                    static_cast<int>(line.size() - person.size()),
                                    rest)},
                             Qt::AlignLeft);
        composite.add(head, kQuoteIndent, 0);
        qreal y = head.height() + 1;
        if (!trigger.description.empty()) {
            const Paragraph description(q(trigger.description), font(kBodySize), width, kInk);
            composite.add(description, kQuoteIndent, y, true);
            y += description.height() + 2;
        }
        if (trigger.quote) {
            const ReportQuote &quote = *trigger.quote;
            const Paragraph words(
                quoted(q(quote.text)), font(kBodySize, QFont::Normal, true), width, kInk);
            composite.add(words, kQuoteIndent, y + 1, trigger.description.empty());
            y += words.height() + 2;
            QString source = QChar(0x2014) + QLatin1Char(' ') + q(quote.interviewTitle);
            if (quote.startMs)
                source += QStringLiteral(" \u00B7 ") + q(formatTimestamp(*quote.startMs, true));
            const Paragraph meta(source, font(kMetaSize), width, kMuted, {}, Qt::AlignLeft);
            composite.add(meta, kQuoteIndent, y, true);
        }
        composite.decorate([color](QPainter &painter, const QRectF &part, qreal, bool, bool) {
            painter.fillRect(QRectF(part.left(), part.top() + 1, 2.5, part.height() - 2), color);
        });
        Block block = composite.toBlock(kBodyWidth);
        block.spaceBefore = spaceBefore;
        return block;
    }

    void criteria(const QString &title,
                  std::string_view codeKey,
                  const QString &meaning,
                  const std::vector<ReportQuote> &quotes,
                  const QString &empty)
    {
        add(heading(title, kH2Size, kSectionGap));
        if (quotes.empty()) {
            note(empty, 4);
            return;
        }
        intro(meaning, 3);
        const QColor color = codeColor(m_content, codeKey, kEventColor);
        bool first = true;
        for (const ReportQuote &quote : quotes) {
            add(this->quote(quote, color, first ? 8 : kQuoteGap));
            first = false;
        }
    }

    void alternatives(const ReportJob &job)
    {
        add(heading(QStringLiteral("Alternatives considered"), kH2Size, kSectionGap));
        std::vector<std::pair<QString, QString>> switches;
        for (const ReportStory &story : job.stories) {
            QString switched = switchText(story.switchedFrom, story.switchedTo);
            if (!switched.isEmpty())
                switches.emplace_back(who(story.participantPseudonym, story.participantCode),
                                      std::move(switched));
        }
        if (switches.empty() && job.alternatives.empty()) {
            note(QStringLiteral("No alternatives or switches were recorded for these stories."), 4);
            return;
        }
        if (!switches.empty()) {
            intro(QStringLiteral("What each participant switched from, and to."), 3);
            bool first = true;
            for (const auto &[person, change] : switches) {
                Composite composite;
                const qreal labelWidth = 120;
                const Paragraph p(
                    person, font(kSmallSize, QFont::Bold), labelWidth - 8, kInk, {}, Qt::AlignLeft);
                const Paragraph c(change, font(kSmallSize), kBodyWidth - labelWidth, kInk);
                composite.add(p, 0, 0);
                composite.add(c, labelWidth, 0);
                Block block = composite.toBlock(kBodyWidth);
                block.spaceBefore = first ? 6 : 3;
                add(std::move(block));
                first = false;
            }
        }
        if (!job.alternatives.empty()) {
            intro(QStringLiteral("What else they looked at or could have done, in their words."),
                  switches.empty() ? 3 : 12);
            const QColor color = codeColor(m_content, "alternative-considered", kEventColor);
            bool first = true;
            for (const ReportQuote &quote : job.alternatives) {
                add(this->quote(quote, color, first ? 8 : kQuoteGap));
                first = false;
            }
        }
    }

    // ---- Appendix --------------------------------------------------------------------------

    void appendixHead(int part, const QString &title, const QString &description)
    {
        const QString letter(QChar(u'A' + part));
        Block label = eyebrow(QStringLiteral("Appendix ") + letter);
        startsSection(label,
                      QStringLiteral("Appendix ") + letter + QStringLiteral(" \u00B7 ") + title,
                      m_appendixAnchor + part);
        add(std::move(label));
        add(heading(title, kH1Size, 4));
        intro(description, 4);
    }

    void appendix()
    {
        const ReportContent &c = m_content;
        const bool redacted = c.options.redact;

        appendixHead(
            0,
            QStringLiteral("Participants"),
            redacted ? QStringLiteral("The participants under their pseudonyms, with the "
                                      "attributes recorded for them and the switch they made.")
                     : QStringLiteral("The participants with their names, pseudonyms, the "
                                      "attributes recorded for them and the switch they made."));
        if (c.participants.empty()) {
            note(QStringLiteral("No participants are recorded in this study."), 10);
        } else {
            std::vector<Column> columns;
            columns.push_back({QStringLiteral("Code"), 40});
            columns.push_back({QStringLiteral("Pseudonym"), 74});
            if (!redacted)
                columns.push_back({QStringLiteral("Name"), 84});
            const qreal rest = kBodyWidth - (redacted ? 114 : 198) - 62;
            columns.push_back({QStringLiteral("Attributes"), rest * 0.56});
            columns.push_back({QStringLiteral("Switched"), rest * 0.44});
            columns.push_back({QStringLiteral("Interviews"), 62, Qt::AlignRight});
            std::vector<std::vector<Cell>> rows;
            for (const ReportParticipant &p : c.participants) {
                // One attribute a line, its key muted.
                QString attributes;
                QList<QTextLayout::FormatRange> keys;
                for (const Attribute &a : p.attributes) {
                    if (!attributes.isEmpty())
                        attributes += QLatin1Char('\n');
                    const QString key = q(a.key) + QStringLiteral(": ");
                    keys.append(range(static_cast<int>(attributes.size()),
                                      static_cast<int>(key.size()),
                                      colorFormat(kMuted)));
                    attributes += key + q(a.value);
                }
                const QString switched = switchText(p.switchedFrom, p.switchedTo);
                std::vector<Cell> row;
                row.push_back({q(p.code)});
                row.push_back({p.pseudonym.empty() ? QStringLiteral("\u2014") : q(p.pseudonym),
                               {},
                               {},
                               0,
                               true});
                if (!redacted)
                    row.push_back({p.name.empty() ? QStringLiteral("\u2014") : q(p.name)});
                Cell attributeCell(attributes.isEmpty() ? QStringLiteral("\u2014") : attributes);
                attributeCell.formats = keys;
                row.push_back(attributeCell);
                row.push_back({switched.isEmpty() ? QStringLiteral("\u2014") : switched,
                               p.switchDate.empty()
                                   ? QString()
                                   : QStringLiteral("switched ") + shortDate(p.switchDate)});
                row.push_back({number(p.interviews)});
                rows.push_back(std::move(row));
            }
            table(columns, rows, 12);
        }

        appendixHead(
            1,
            QStringLiteral("Interviews"),
            QStringLiteral("Every interview in the study, by date, with the highlights tagged in "
                           "it and the jobs its story is in (by job number in this report)."));
        if (c.interviews.empty()) {
            note(QStringLiteral("No interviews are recorded in this study."), 10);
        } else {
            const std::vector<Column> columns = {{QStringLiteral("Date"), 66},
                                                 {QStringLiteral("Interview"), 172},
                                                 {QStringLiteral("Participant"), 82},
                                                 {QStringLiteral("Length"), 48},
                                                 {QStringLiteral("Highlights"), 68, Qt::AlignRight},
                                                 {QStringLiteral("Jobs"), kBodyWidth - 436}};
            std::vector<std::vector<Cell>> rows;
            for (const ReportInterview &interview : c.interviews) {
                QStringList jobs;
                for (Id id : interview.jobIds)
                    if (auto it = m_jobNumbers.find(id); it != m_jobNumbers.end())
                        jobs << QString::number(it->second);
                QStringList notes;
                for (const std::string &n : interview.notes)
                    notes << q(n);
                rows.push_back({{interview.conductedOn.empty() ? QStringLiteral("Not yet")
                                                               : shortDate(interview.conductedOn)},
                                {interview.title.empty() ? QStringLiteral("Untitled interview")
                                                         : q(interview.title),
                                 notes.join(QLatin1Char('\n'))},
                                {who(interview.participantPseudonym, interview.participantCode)},
                                {durationText(interview.durationMs)},
                                {number(interview.highlights)},
                                {jobs.isEmpty() ? QStringLiteral("\u2014")
                                                : jobs.join(QStringLiteral(", "))}});
            }
            table(columns, rows, 12);
        }

        appendixHead(2,
                     QStringLiteral("Codebook"),
                     QStringLiteral("The codes passages were tagged with, in the codebook's order, "
                                    "with how many highlights carry each."));
        if (c.codebook.empty()) {
            note(QStringLiteral("The codebook is empty."), 10);
        } else {
            const std::vector<Column> columns = {
                {QStringLiteral("Code"), 140},
                {QStringLiteral("Key"), 108},
                {QStringLiteral("Description"), kBodyWidth - 140 - 108 - 40},
                {QStringLiteral("Used"), 40, Qt::AlignRight}};
            std::vector<std::vector<Cell>> rows;
            for (const ReportCode &code : c.codebook) {
                const QColor chip = code.color.empty() ? QColor() : toColor(code.color);
                rows.push_back(
                    {{q(code.name),
                      {},
                      chip.isValid() ? chip : QColor(kRule),
                      std::min(code.depth, 6) * 10.0,
                      code.depth == 0},
                     {q(code.key)},
                     {code.description.empty() ? QStringLiteral("\u2014") : q(code.description)},
                     {number(code.usage)}});
            }
            table(columns, rows, 12);
        }
    }

    // ---- Page chrome -----------------------------------------------------------------------

    void paintChrome(QPainter &painter, int index) const
    {
        const QFont chromeFont = font(kMetaSize);
        const QFontMetricsF metrics(chromeFont);
        painter.save();
        painter.setFont(chromeFont);
        painter.setPen(kMuted);
        const qreal half = kBodyWidth / 2 - 8;
        const qreal lineHeight = metrics.height();
        painter.drawText(QRectF(kMarginX, kHeaderTop, half, lineHeight),
                         Qt::AlignLeft | Qt::AlignVCenter,
                         metrics.elidedText(title(), Qt::ElideRight, half));
        painter.drawText(QRectF(kMarginX + kBodyWidth - half, kHeaderTop, half, lineHeight),
                         Qt::AlignRight | Qt::AlignVCenter,
                         metrics.elidedText(m_flow.section(index), Qt::ElideRight, half));
        painter.setPen(QPen(kRule, 0.6));
        painter.drawLine(QPointF(kMarginX, kHeaderRule),
                         QPointF(kMarginX + kBodyWidth, kHeaderRule));
        painter.drawLine(QPointF(kMarginX, kFooterRule),
                         QPointF(kMarginX + kBodyWidth, kFooterRule));
        painter.setPen(kMuted);
        QString left = QStringLiteral("Generated ") + generatedText(m_content.generatedAt);
        if (m_content.options.redact)
            left += QStringLiteral(" \u00B7 Redacted: pseudonyms only");
        painter.drawText(QRectF(kMarginX, kFooterTop, half + 60, lineHeight),
                         Qt::AlignLeft | Qt::AlignVCenter,
                         metrics.elidedText(left, Qt::ElideRight, half + 60));
        painter.drawText(QRectF(kMarginX + kBodyWidth - 100, kFooterTop, 100, lineHeight),
                         Qt::AlignRight | Qt::AlignVCenter,
                         QStringLiteral("Page ") + QString::number(index + 1)
                             + QStringLiteral(" of ") + QString::number(m_flow.pageCount()));
        painter.restore();
    }

    const ReportContent &m_content;
    PageFlow m_flow;
    std::map<Id, int> m_jobNumbers;
    int m_methodAnchor = 0;
    int m_jobsAnchor = 0;
    int m_firstJobAnchor = 0;
    int m_appendixAnchor = 0;
};

} // namespace

Status
writePdfReport(const ReportContent &content, const QString &path, const ReportProgress &progress)
{
    const ReportLayout layout(content);
    const int total = layout.pageCount();

    // The pages are drawn into memory, then written through a temporary file renamed into place,
    // so a cancelled or failed export leaves nothing and an existing file is replaced only whole.
    QBuffer pdf;
    pdf.open(QIODevice::WriteOnly);
    QPdfWriter writer(&pdf);
    writer.setResolution(72);
    writer.setPageLayout(
        QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(0, 0, 0, 0)));
    writer.setTitle(layout.title().isEmpty() ? QStringLiteral("Study report")
                                             : layout.title() + QStringLiteral(" \u2014 report"));
    writer.setCreator(QStringLiteral("JTBD Workbench ") + QString::fromLatin1(JTBD_VERSION));

    QPainter painter;
    if (!painter.begin(&writer))
        return makeError(ErrorCode::Internal,
                         "cannot write '" + path.toStdString()
                             + "': the PDF could not be started; nothing was written");
    // Asked before the first page and after each: false stops the export and keeps nothing.
    auto goOn = [&](int done) {
        return !progress || progress(done, total);
    };
    auto cancelled = [&] {
        painter.end();
        return makeError(ErrorCode::Cancelled,
                         "the report export was cancelled; nothing was written to '"
                             + path.toStdString() + "'");
    };
    if (!goOn(0))
        return cancelled();
    for (int i = 0; i < total; ++i) {
        if (i > 0 && !writer.newPage()) {
            painter.end();
            return makeError(ErrorCode::Internal,
                             "cannot write '" + path.toStdString() + "': page "
                                 + std::to_string(i + 1)
                                 + " could not be started; nothing was written");
        }
        layout.paintPage(painter, i);
        if (!goOn(i + 1))
            return cancelled();
    }
    painter.end();

    const QByteArray &bytes = pdf.data();
    return writeFileAtomically(path.toStdString(),
                               std::string_view(bytes.constData(), bytes.size()));
}

Status writePdfReport(const Study &study,
                      const ExportOptions &options,
                      const QString &path,
                      const ReportProgress &progress)
{
    auto content = loadReportContent(study, options);
    if (!content)
        return content.error();
    return writePdfReport(*content, path, progress);
}

} // namespace jtbd::report
