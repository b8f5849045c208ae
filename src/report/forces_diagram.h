// The forces-of-progress diagram in the Re-Wired layout: its data, read from a study for a scope,
// and the painter that draws it into any rectangle (screen, image, SVG, PDF page).
#pragma once

#include "painting_support.h"

#include <jtbd/export.h>
#include <jtbd/forces.h>
#include <jtbd/study.h>

#include <QLineF>
#include <QRectF>
#include <QString>

#include <array>
#include <cstdint>
#include <vector>

class QPainter;

namespace jtbd::report {

// A quote shown as evidence for a force.
struct ForceQuote
{
    Id highlightId = 0;
    Id interviewId = 0;
    QString text; // the customer's words
    QString participantCode;
    QString participantPseudonym;
    int intensity = 3;
    Confidence confidence = Confidence::Medium;

    // "Robin (P01)", or "no participant linked".
    QString who() const;
};

struct ForceEvidence
{
    ForceTally tally;
    std::vector<ForceQuote> quotes; // the strongest first
    std::int64_t more = 0;          // quotes in the scope that are not in `quotes`
};

struct ForcesDiagramData
{
    Scope scope;
    Weighting weighting = Weighting::Intensity;
    QString title;     // "Forces of progress — Whole study"
    QString scopeText; // "Whole study", "Interview P01: …", "Job: …", "Participants with …"
    QString studyName;
    ForcesSummary summary;
    std::array<ForceEvidence, 4> forces{}; // indexed by Force

    const ForceEvidence &operator[](Force force) const
    {
        return forces.at(static_cast<std::size_t>(force));
    }

    std::int64_t weight(Force force) const { return summary[force].weight(weighting); }

    std::int64_t toward() const { return summary.toward(weighting); }

    std::int64_t against() const { return summary.against(weighting); }

    // "summed intensity" or "number of quotes".
    QString weightingName() const;
    // "F1 + F2 = 31 against F3 + F4 = 19"
    QString balanceText() const;
    // What the balance means, in a sentence.
    QString balanceMeaning() const;
    // How the numbers were computed, in a sentence.
    QString methodText() const;
    // Where the quotes come from, as a sentence ends: "in this job", "in this interview", "in
    // the study", "among these participants".
    QString within() const;
};

inline constexpr int kDefaultQuotesPerForce = 4;

// Reads the tallies and up to `quotesPerForce` strongest quotes of each force in `scope`.
Result<ForcesDiagramData> loadForcesDiagram(const Study &study,
                                            const Scope &scope,
                                            Weighting weighting,
                                            int quotesPerForce = kDefaultQuotesPerForce);

// The diagram of one job of a report: its tallies and the quotes the report chose, as they are
// there (redacted when the report is), at most `quotesPerForce` of each force (all when
// negative); the rest are counted as more.
ForcesDiagramData forcesDiagramData(const ReportJob &job,
                                    const QString &studyName,
                                    Weighting weighting,
                                    int quotesPerForce = -1);

// Replaces participants' real names in everything the diagram writes (title, scope, study name,
// quotes), for a diagram that leaves the tool.
void redact(ForcesDiagramData &data, const Redactor &redactor);

// "Whole study", "Interview P01: Robin, brand designer…", "Job: Get paid on time…",
// "Participants with region = Wales".
Result<QString> describeScope(const Study &study, const Scope &scope);

struct ForcesDiagramOptions
{
    Id focusedHighlightId = 0; // drawn with a focus ring (keyboard navigation)
    Id hoveredHighlightId = 0;
    bool fillBackground = true;
    bool showTitle = true;
};

// Where the painter put things: the cards (for clicks), in reading order (Push, Pull, Habit,
// Anxiety, each top to bottom), and the parts of the diagram.
struct ForcesDiagramGeometry
{
    std::vector<QuoteCardHit> cards;    // group = the force as an index
    std::array<QRectF, 4> quadrants{};  // by Force
    std::array<QLineF, 4> arrows{};     // tail to head, by Force
    std::array<qreal, 4> arrowWidths{}; // by Force
    std::array<int, 4> shownQuotes{};   // cards drawn per force
    std::array<std::int64_t, 4> more{}; // "+N more" per force (quotes not drawn)
    QLineF axis;                        // from A (current way) to B (new way)
    QRectF balance;                     // the balance statement
};

// Draws the diagram into `rect`. Sizes follow the rectangle, so the same call serves a window,
// a 2400-pixel image and an A4 page (595 x 842 units).
ForcesDiagramGeometry paintForcesDiagram(QPainter &painter,
                                         const QRectF &rect,
                                         const ForcesDiagramData &data,
                                         const ForcesDiagramOptions &options = {});

// The diagram as a PNG (`size` in logical pixels, drawn at twice that) or an SVG, written through
// a temporary file that is renamed into place.
Status writeForcesDiagramPng(const ForcesDiagramData &data,
                             const QString &path,
                             const QSizeF &size = QSizeF(1400, 900),
                             qreal devicePixelRatio = 2);
Status writeForcesDiagramSvg(const ForcesDiagramData &data,
                             const QString &path,
                             const QSizeF &size = QSizeF(1400, 900));

} // namespace jtbd::report
