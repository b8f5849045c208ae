// The forces diagram panel: the four forces of a scope (whole study, one interview, one job, or
// participants with an attribute) in the Re-Wired layout, their quotes clickable, exportable as
// PNG or SVG.
#pragma once

#include "quote_card_canvas.h"

#include <jtbd/forces.h>

#include <QWidget>

#include <report/forces_diagram.h>
#include <string>
#include <vector>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QTimer;

namespace jtbd::app {

struct Change;
class StudyDocument;

// The diagram itself, drawn by the report painter at the widget's size.
class ForcesDiagramView final : public QuoteCardCanvas
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ForcesDiagramView)

public:
    explicit ForcesDiagramView(QWidget *parent = nullptr);
    ~ForcesDiagramView() override;

    void setData(const report::ForcesDiagramData &data);

    const report::ForcesDiagramData &data() const { return m_data; }

    // Where everything was drawn at the current size.
    const report::ForcesDiagramGeometry &geometry() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    std::vector<report::QuoteCardHit>
    draw(QPainter &painter, const QRectF &rect, Id focused, Id hovered) override;
    QString toolTipFor(Id highlightId) const override;

private:
    report::ForcesDiagramData m_data;
    report::ForcesDiagramGeometry m_geometry;
};

class ForcesPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ForcesPanel)

public:
    explicit ForcesPanel(StudyDocument *document, QWidget *parent = nullptr);
    ~ForcesPanel() override;

    // Shows `scope` and reads it now.
    void setScope(const jtbd::Scope &scope);

    jtbd::Scope scope() const { return m_scope; }

    void setWeighting(jtbd::Weighting weighting);

    jtbd::Weighting weighting() const { return m_weighting; }

    // What is drawn: the numbers, quotes and texts of the current scope.
    const report::ForcesDiagramData &data() const;

    ForcesDiagramView *diagramView() const { return m_view; }

    // Writes the diagram as PNG or SVG, chosen by the file's suffix (PNG when it has none). With
    // "Redact names" checked (the default), participants' real names in it become pseudonyms.
    Status exportTo(const QString &path) const;

    bool redactsExports() const;
    void setRedactsExports(bool redact);

    // Asks where to write the diagram ("png" or "svg") and writes it; errors are shown.
    void exportWithDialog(const QString &format);

Q_SIGNALS:
    void quoteActivated(jtbd::Id interviewId, jtbd::Id highlightId);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void onChanged(const Change &change);
    void reload();
    void reloadChoices();
    void fillChoices();
    void onKindChosen();
    void onChoiceChosen();
    QString defaultFileName(const QString &suffix) const;

    struct Choice
    {
        QString label;
        Id id = 0;
        std::string key;   // participant attribute
        std::string value; // participant attribute
    };

    // The choices of a kind of scope; null for the whole study, which has none.
    const std::vector<Choice> *choicesOf(Scope::Kind kind) const;
    static Scope scopeOf(Scope::Kind kind, const Choice &choice);

    StudyDocument *m_document;
    std::vector<Choice> m_interviews;
    std::vector<Choice> m_jobs;
    std::vector<Choice> m_attributes;
    // Scopes read since the last edit, so that going back to one (the whole study above all,
    // which takes longest on a large study) does not read it again.
    std::vector<report::ForcesDiagramData> m_cache;
    Scope m_scope;
    Weighting m_weighting = Weighting::Intensity;
    bool m_choicesStale = true;
    bool m_updating = false;

    QComboBox *m_kind;
    QComboBox *m_choice;
    QButtonGroup *m_weightingGroup;
    QPushButton *m_exportPng;
    QPushButton *m_exportSvg;
    QCheckBox *m_redactExports;
    ForcesDiagramView *m_view;
    QTimer *m_reloadTimer;
    bool m_reloadWhenShown = false;
};

} // namespace jtbd::app
