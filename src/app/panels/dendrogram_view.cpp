// The dendrogram of the stories, painted: leaves along the bottom in the order that keeps branches
// from crossing, each merge at the height of its distance, the branches under the cut coloured
// by the job they fall into.
#include "dendrogram_view.h"

#include "panel_style.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace jtbd::app {

namespace {

constexpr qreal kMargin = 16;
constexpr qreal kAxisWidth = 48;
constexpr qreal kSilhouetteWidth = 230;
constexpr qreal kGap = 24;

QColor clusterColor(int label)
{
    static const QColor colors[] = {QColor(0x4E, 0x79, 0xA7),
                                    QColor(0xF2, 0x8E, 0x2B),
                                    QColor(0x59, 0xA1, 0x4F),
                                    QColor(0xE1, 0x57, 0x59),
                                    QColor(0x76, 0xB7, 0xB2),
                                    QColor(0xB0, 0x7A, 0xA1),
                                    QColor(0x9C, 0x75, 0x5F),
                                    QColor(0xBA, 0xB0, 0xAC)};
    return colors[static_cast<std::size_t>(label) % std::size(colors)];
}

// A top for the distance axis a little above the highest merge, on a tenth.
qreal axisTop(const Dendrogram &dendrogram)
{
    qreal highest = 0;
    for (const auto &merge : dendrogram.merges)
        highest = std::max(highest, merge.distance);
    return std::clamp(std::ceil(highest * 10 + 0.5) / 10, 0.1, 1.0);
}

} // namespace

DendrogramView::DendrogramView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("dendrogramView"));
    setAccessibleName(tr("Dendrogram of the stories"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setMouseTracking(true);
    setMessage(tr("Run Synthesis to see how the stories group."));
}

DendrogramView::~DendrogramView() = default;

void DendrogramView::setClustering(const StoryClustering &clustering,
                                   std::vector<QString> labels,
                                   std::vector<QString> toolTips)
{
    m_clustering = clustering;
    m_labels = std::move(labels);
    m_toolTips = std::move(toolTips);
    m_labels.resize(static_cast<std::size_t>(clustering.dendrogram.leaves));
    m_toolTips.resize(static_cast<std::size_t>(clustering.dendrogram.leaves));
    m_message.clear();
    if (m_k <= 0)
        m_k = clustering.k;
    setAccessibleDescription(tr("%n stories clustered; the dashed line cuts them into %1 jobs.",
                                nullptr,
                                clustering.dendrogram.leaves)
                                 .arg(m_k));
    m_stale = true;
    update();
}

void DendrogramView::setMessage(const QString &message)
{
    m_message = message;
    m_clustering = {};
    m_labels.clear();
    m_toolTips.clear();
    setAccessibleDescription(message);
    m_stale = true;
    update();
}

void DendrogramView::setCut(int k)
{
    if (k == m_k)
        return;
    m_k = k;
    m_stale = true;
    update();
}

const std::vector<DendrogramView::Leaf> &DendrogramView::leaves() const
{
    layout();
    return m_layout.leaves;
}

qreal DendrogramView::cutY() const
{
    layout();
    return m_layout.cutY;
}

QSize DendrogramView::sizeHint() const
{
    return {900, 520};
}

QSize DendrogramView::minimumSizeHint() const
{
    return {520, 320};
}

void DendrogramView::resizeEvent(QResizeEvent *event)
{
    m_stale = true;
    QWidget::resizeEvent(event);
}

qreal DendrogramView::yOf(qreal distance) const
{
    const QRectF &tree = m_layout.tree;
    return tree.bottom() - std::clamp(distance / m_layout.top, 0.0, 1.0) * tree.height();
}

void DendrogramView::layout() const
{
    if (!m_stale)
        return;
    m_stale = false;
    m_layout = {};
    const Dendrogram &dendrogram = m_clustering.dendrogram;
    const int n = dendrogram.leaves;
    if (!m_message.isEmpty() || n == 0)
        return;

    const QFontMetricsF metrics(font());
    const qreal line = metrics.lineSpacing();
    QRectF area = QRectF(rect()).adjusted(kMargin, kMargin, -kMargin, -kMargin);
    if (!m_clustering.silhouettes.empty()) {
        m_layout.silhouette =
            QRectF(area.right() - kSilhouetteWidth,
                   area.top(),
                   kSilhouetteWidth,
                   line * (static_cast<qreal>(m_clustering.silhouettes.size()) + 4));
        area.setRight(area.right() - kSilhouetteWidth - kGap);
    }

    // Labels lie flat when they fit side by side, and are turned upright when they do not.
    qreal widest = 0;
    for (const QString &label : m_labels)
        widest = std::max(widest, metrics.horizontalAdvance(label));
    const qreal treeLeft = area.left() + kAxisWidth;
    const qreal spacing = (area.right() - treeLeft) / n;
    m_layout.rotated = widest + 6 > spacing;
    const qreal labelHeight = m_layout.rotated ? std::min(widest, 160.0) + 8 : line + 8;
    m_layout.tree = QRectF(treeLeft,
                           area.top() + line * 1.5,
                           area.right() - treeLeft,
                           std::max(area.height() - line * 1.5 - labelHeight, 40.0));
    m_layout.top = axisTop(dendrogram);

    const std::vector<int> order = dendrogram.leafOrder();
    std::vector<qreal> xOfNode(static_cast<std::size_t>(n) + dendrogram.merges.size(), 0);
    for (std::size_t position = 0; position < order.size(); ++position) {
        const int row = order[position];
        const qreal x = m_layout.tree.left() + spacing * (static_cast<qreal>(position) + 0.5);
        xOfNode[static_cast<std::size_t>(row)] = x;
        Leaf leaf;
        leaf.row = row;
        const auto r = static_cast<std::size_t>(row);
        leaf.interviewId =
            r < m_clustering.matrix.interviewIds.size() ? m_clustering.matrix.interviewIds[r] : 0;
        leaf.label = m_labels[r];
        leaf.point = QPointF(x, m_layout.tree.bottom());
        const qreal width = metrics.horizontalAdvance(leaf.label);
        leaf.labelRect =
            m_layout.rotated
                ? QRectF(x - line / 2, m_layout.tree.bottom() + 6, line, std::min(width, 160.0))
                : QRectF(x - width / 2 - 2, m_layout.tree.bottom() + 6, width + 4, line);
        m_layout.leaves.push_back(leaf);
    }
    for (std::size_t j = 0; j < dendrogram.merges.size(); ++j) {
        const auto &merge = dendrogram.merges[j];
        const qreal x = (xOfNode[static_cast<std::size_t>(merge.left)]
                         + xOfNode[static_cast<std::size_t>(merge.right)])
                        / 2;
        xOfNode[static_cast<std::size_t>(n) + j] = x;
        m_layout.nodes.emplace_back(x, yOf(merge.distance));
    }

    // The dashed line sits halfway between the highest merge kept and the lowest merge cut.
    const int k = std::clamp(m_k, 1, n);
    const auto distanceOf = [&](int index) -> qreal {
        if (index < 0)
            return 0;
        if (index >= static_cast<int>(dendrogram.merges.size()))
            return m_layout.top;
        return dendrogram.merges[static_cast<std::size_t>(index)].distance;
    };
    m_layout.cutY = yOf((distanceOf(n - k - 1) + distanceOf(n - k)) / 2);
}

void DendrogramView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().color(QPalette::Base));
    const QPalette &pal = palette();
    if (!m_message.isEmpty() || m_clustering.dendrogram.leaves == 0) {
        painter.setPen(pal.color(QPalette::PlaceholderText));
        painter.drawText(rect().adjusted(24, 24, -24, -24),
                         Qt::AlignCenter | Qt::TextWordWrap,
                         m_message.isEmpty() ? tr("No stories to cluster yet.") : m_message);
        return;
    }
    layout();
    painter.setRenderHint(QPainter::Antialiasing, true);
    const Dendrogram &dendrogram = m_clustering.dendrogram;
    const int n = dendrogram.leaves;
    const int k = std::clamp(m_k, 1, n);
    const std::vector<int> labels = dendrogram.cut(k);
    const QFontMetricsF metrics(font());
    const qreal line = metrics.lineSpacing();
    const QRectF &tree = m_layout.tree;
    const QColor text = pal.color(QPalette::Text);
    const QColor muted = secondaryText(pal);
    const QColor above = pal.color(QPalette::Mid);

    // The distance axis, with light guide lines.
    painter.setPen(muted);
    painter.drawText(QRectF(tree.left() - kAxisWidth, tree.top() - line * 1.5, 400, line),
                     Qt::AlignLeft | Qt::AlignVCenter,
                     tr("Distance between stories (Jaccard, average linkage)"));
    const int ticks = static_cast<int>(std::lround(m_layout.top * 10));
    const int step = ticks > 5 ? 2 : 1;
    for (int t = 0; t <= ticks; t += step) {
        const qreal value = t / 10.0;
        const qreal y = yOf(value);
        painter.setPen(QPen(pal.color(QPalette::Midlight), 1));
        painter.drawLine(QPointF(tree.left(), y), QPointF(tree.right(), y));
        painter.setPen(muted);
        painter.drawText(QRectF(tree.left() - kAxisWidth, y - line / 2, kAxisWidth - 8, line),
                         Qt::AlignRight | Qt::AlignVCenter,
                         QString::number(value, 'f', 1));
    }

    // A node's colour: its cluster's below the cut, grey above it.
    std::vector<int> firstLeaf(static_cast<std::size_t>(n) + dendrogram.merges.size(), 0);
    for (int i = 0; i < n; ++i)
        firstLeaf[static_cast<std::size_t>(i)] = i;
    for (std::size_t j = 0; j < dendrogram.merges.size(); ++j)
        firstLeaf[static_cast<std::size_t>(n) + j] =
            firstLeaf[static_cast<std::size_t>(dendrogram.merges[j].left)];
    const auto colorOf = [&](int node) {
        const bool belowCut = node < n || node - n < n - k;
        return belowCut ? clusterColor(
                   labels[static_cast<std::size_t>(firstLeaf[static_cast<std::size_t>(node)])])
                        : above;
    };
    const auto pointOf = [&](int node) {
        if (node < n) {
            for (const Leaf &leaf : m_layout.leaves)
                if (leaf.row == node)
                    return leaf.point;
            return QPointF();
        }
        return m_layout.nodes[static_cast<std::size_t>(node - n)];
    };
    for (std::size_t j = 0; j < dendrogram.merges.size(); ++j) {
        const auto &merge = dendrogram.merges[j];
        const QPointF top = m_layout.nodes[j];
        for (int child : {merge.left, merge.right}) {
            const QPointF from = pointOf(child);
            painter.setPen(QPen(colorOf(child), 2, Qt::SolidLine, Qt::FlatCap));
            painter.drawLine(from, QPointF(from.x(), top.y()));
        }
        painter.setPen(QPen(colorOf(n + static_cast<int>(j)), 2, Qt::SolidLine, Qt::FlatCap));
        painter.drawLine(QPointF(pointOf(merge.left).x(), top.y()),
                         QPointF(pointOf(merge.right).x(), top.y()));
    }

    // The leaves' labels.
    for (const Leaf &leaf : m_layout.leaves) {
        painter.setPen(clusterColor(labels[static_cast<std::size_t>(leaf.row)]).darker(130));
        if (m_layout.rotated) {
            painter.save();
            painter.translate(leaf.labelRect.center());
            painter.rotate(-90);
            const QRectF turned(-leaf.labelRect.height() / 2,
                                -leaf.labelRect.width() / 2,
                                leaf.labelRect.height(),
                                leaf.labelRect.width());
            painter.drawText(turned,
                             Qt::AlignRight | Qt::AlignVCenter,
                             metrics.elidedText(leaf.label, Qt::ElideRight, turned.width()));
            painter.restore();
        } else {
            painter.drawText(leaf.labelRect, Qt::AlignCenter, leaf.label);
        }
    }

    // The cut.
    painter.setPen(QPen(text, 1.5, Qt::DashLine));
    painter.drawLine(QPointF(tree.left(), m_layout.cutY), QPointF(tree.right(), m_layout.cutY));
    QFont bold = font();
    bold.setBold(true);
    painter.setFont(bold);
    const QString cutText = tr("cut: %n jobs", nullptr, k);
    // On a patch of background, so branches behind it do not cross the words.
    const qreal cutWidth = QFontMetricsF(bold).horizontalAdvance(cutText) + 8;
    const QRectF cutLabel(tree.right() - cutWidth, m_layout.cutY - line - 3, cutWidth, line);
    QColor patch = pal.color(QPalette::Base);
    patch.setAlphaF(0.9f);
    painter.fillRect(cutLabel, patch);
    painter.setPen(text);
    painter.drawText(cutLabel, Qt::AlignCenter, cutText);
    painter.setFont(font());

    // The silhouette of each k tried: how well the stories sit in their own job rather than the
    // next one.
    if (!m_clustering.silhouettes.empty()) {
        const QRectF box = m_layout.silhouette;
        painter.setPen(QPen(pal.color(QPalette::Midlight), 1));
        painter.setBrush(pal.color(QPalette::AlternateBase));
        painter.drawRoundedRect(box, 6, 6);
        painter.setBrush(Qt::NoBrush);
        painter.setFont(bold);
        painter.setPen(text);
        QRectF row(box.left() + 10, box.top() + line * 0.4, box.width() - 20, line);
        painter.drawText(row, Qt::AlignLeft | Qt::AlignVCenter, tr("Silhouette by number of jobs"));
        painter.setFont(font());
        double best = -2;
        int bestK = 0;
        for (const auto &[kk, value] : m_clustering.silhouettes)
            if (value > best) {
                best = value;
                bestK = kk;
            }
        for (const auto &[kk, value] : m_clustering.silhouettes) {
            row.translate(0, line);
            const bool chosen = kk == k;
            QFont font = painter.font();
            font.setBold(chosen);
            painter.setFont(font);
            painter.setPen(text);
            const QRectF kRect(row.left(), row.top(), 34, line);
            painter.drawText(kRect, Qt::AlignLeft | Qt::AlignVCenter, QString::number(kk));
            const QRectF bar(row.left() + 34, row.top() + line * 0.2, 90, line * 0.6);
            painter.fillRect(bar, pal.color(QPalette::Base));
            QRectF filled = bar;
            filled.setWidth(bar.width() * std::clamp(value, 0.0, 1.0));
            painter.fillRect(filled, chosen ? clusterColor(0) : above);
            painter.drawText(QRectF(bar.right() + 8, row.top(), 46, line),
                             Qt::AlignLeft | Qt::AlignVCenter,
                             QString::number(value, 'f', 2));
            if (kk == bestK)
                painter.drawText(QRectF(bar.right() + 50, row.top(), 50, line),
                                 Qt::AlignLeft | Qt::AlignVCenter,
                                 tr("best"));
        }
        QFont plain = font();
        painter.setFont(plain);
        painter.setPen(muted);
        row.translate(0, line * 1.2);
        painter.drawText(QRectF(row.left(), row.top(), row.width(), line * 2),
                         Qt::AlignLeft | Qt::TextWordWrap,
                         m_clustering.estimatedK ? tr("k chosen by the best silhouette")
                                                 : tr("k given when the synthesis ran"));
    }
}

int DendrogramView::leafAt(const QPointF &position) const
{
    layout();
    for (std::size_t i = 0; i < m_layout.leaves.size(); ++i)
        if (m_layout.leaves[i].labelRect.adjusted(-2, -2, 2, 2).contains(position))
            return static_cast<int>(i);
    return -1;
}

void DendrogramView::mouseDoubleClickEvent(QMouseEvent *event)
{
    const int index = leafAt(event->position());
    if (index >= 0 && m_layout.leaves[static_cast<std::size_t>(index)].interviewId != 0) {
        Q_EMIT storyActivated(m_layout.leaves[static_cast<std::size_t>(index)].interviewId);
        return;
    }
    QWidget::mouseDoubleClickEvent(event);
}

bool DendrogramView::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const int index = leafAt(help->pos());
        if (index >= 0) {
            const Leaf &leaf = m_layout.leaves[static_cast<std::size_t>(index)];
            QToolTip::showText(
                help->globalPos(), m_toolTips[static_cast<std::size_t>(leaf.row)], this);
        } else {
            QToolTip::hideText();
            event->ignore();
        }
        return true;
    }
    return QWidget::event(event);
}

} // namespace jtbd::app
