// The dendrogram of the stories: how the average-linkage clustering joined them, the cut into k
// jobs as a dashed line, and the silhouette of each k tried, so the researcher can see why the
// stories were grouped as they are.
#pragma once

#include <jtbd/synthesis.h>

#include <QRectF>
#include <QString>
#include <QWidget>

#include <vector>

namespace jtbd::app {

class DendrogramView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DendrogramView)

public:
    // A leaf as drawn: the matrix row, the story, its label and where the label went.
    struct Leaf
    {
        int row = 0;
        Id interviewId = 0;
        QString label;
        QRectF labelRect;
        QPointF point; // the foot of the leaf's branch
    };

    explicit DendrogramView(QWidget *parent = nullptr);
    ~DendrogramView() override;

    // `labels[i]` and `toolTips[i]` name matrix row i (a participant's code, the story's title).
    void setClustering(const StoryClustering &clustering,
                       std::vector<QString> labels,
                       std::vector<QString> toolTips);
    // Shows `message` instead of a tree (no stories yet, the clustering failed).
    void setMessage(const QString &message);

    QString message() const { return m_message; }

    const StoryClustering &clustering() const { return m_clustering; }

    // The number of clusters the dashed line cuts the tree into.
    void setCut(int k);

    int cut() const { return m_k; }

    // The leaves as laid out at the current size, in drawing order.
    const std::vector<Leaf> &leaves() const;
    // Where the dashed line is, in widget coordinates (0 when there is no tree).
    qreal cutY() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void storyActivated(jtbd::Id interviewId);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    bool event(QEvent *event) override;

private:
    struct Layout
    {
        QRectF tree;       // where the branches are drawn
        QRectF silhouette; // the silhouette table
        qreal top = 1;     // the distance at the top of the tree area
        bool rotated = false;
        std::vector<Leaf> leaves;
        std::vector<QPointF> nodes; // per merge: the top of its branch
        qreal cutY = 0;
    };

    void layout() const;
    qreal yOf(qreal distance) const;
    int leafAt(const QPointF &position) const;

    StoryClustering m_clustering;
    std::vector<QString> m_labels;
    std::vector<QString> m_toolTips;
    QString m_message;
    int m_k = 0;
    mutable Layout m_layout;
    mutable bool m_stale = true;
};

} // namespace jtbd::app
