// The forces diagram panel: scope and weighting chosen in a toolbar, the diagram drawn by the
// report painter, reloaded (once per burst of edits) when the forces may have changed.
#include "forces_panel.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>

#include <app/logging.h>
#include <app/study_document.h>
#include <map>
#include <utility>

namespace jtbd::app {

namespace {

// Loaded per force; the painter shows as many as fit and counts the rest as "+N more".
constexpr int kQuotesPerForce = 6;
const QSizeF kExportSize(1400, 900);

int kindIndex(Scope::Kind kind)
{
    return static_cast<int>(kind);
}

// What the choice list says when there is nothing of `kind` to choose.
QString noChoicesText(Scope::Kind kind)
{
    switch (kind) {
    case Scope::Kind::Study:
        break;
    case Scope::Kind::Interview:
        return ForcesPanel::tr("No interviews yet");
    case Scope::Kind::Job:
        return ForcesPanel::tr("No jobs yet");
    case Scope::Kind::Participants:
        return ForcesPanel::tr("No participant has attributes");
    }
    return {};
}

} // namespace

// ForcesDiagramView

ForcesDiagramView::ForcesDiagramView(QWidget *parent)
    : QuoteCardCanvas(parent)
{
    setObjectName(QStringLiteral("forcesDiagram"));
    setAccessibleName(tr("Forces diagram"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

ForcesDiagramView::~ForcesDiagramView() = default;

void ForcesDiagramView::setData(const report::ForcesDiagramData &data)
{
    m_data = data;
    setAccessibleDescription(data.title + QStringLiteral(". ") + data.balanceText()
                             + QStringLiteral(" (") + data.weightingName() + QStringLiteral("). ")
                             + data.balanceMeaning());
    // A quote that is no longer shown cannot keep the focus.
    bool stillShown = false;
    for (const auto &evidence : m_data.forces)
        for (const auto &quote : evidence.quotes)
            stillShown = stillShown || quote.highlightId == focusedHighlight();
    showContent(stillShown);
}

const report::ForcesDiagramGeometry &ForcesDiagramView::geometry() const
{
    cards(); // lays out when stale
    return m_geometry;
}

QSize ForcesDiagramView::sizeHint() const
{
    return {1100, 720};
}

QSize ForcesDiagramView::minimumSizeHint() const
{
    return {640, 480};
}

std::vector<report::QuoteCardHit>
ForcesDiagramView::draw(QPainter &painter, const QRectF &rect, Id focused, Id hovered)
{
    if (paintMessage(painter, rect)) {
        m_geometry = {};
        return {};
    }
    report::ForcesDiagramOptions options;
    options.focusedHighlightId = focused;
    options.hoveredHighlightId = hovered;
    m_geometry = report::paintForcesDiagram(painter, rect, m_data, options);
    return m_geometry.cards;
}

QString ForcesDiagramView::toolTipFor(Id highlightId) const
{
    for (Force force : kForces) {
        for (const auto &quote : m_data[force].quotes) {
            if (quote.highlightId != highlightId)
                continue;
            const ForceInfo &fi = info(force);
            return QStringLiteral("<qt><p>") + report::quoted(quote.text).toHtmlEscaped()
                   + QStringLiteral("</p><p><i>\u2014 ") + quote.who().toHtmlEscaped()
                   + QStringLiteral("</i> \u00B7 ") + toQString(fi.id) + QLatin1Char(' ')
                   + toQString(fi.shortName) + QStringLiteral(" \u00B7 intensity ")
                   + QString::number(quote.intensity)
                   + QStringLiteral("/5</p><p>Click or press Enter to open it in its "
                                    "transcript.</p></qt>");
        }
    }
    return {};
}

// ForcesPanel

ForcesPanel::ForcesPanel(StudyDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_kind(new QComboBox(this))
    , m_choice(new QComboBox(this))
    , m_weightingGroup(new QButtonGroup(this))
    , m_exportPng(new QPushButton(tr("Export PNG\u2026"), this))
    , m_exportSvg(new QPushButton(tr("Export SVG\u2026"), this))
    , m_redactExports(new QCheckBox(tr("Redact names"), this))
    , m_view(new ForcesDiagramView(this))
    , m_reloadTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("forcesPanel"));

    m_kind->setObjectName(QStringLiteral("forcesScopeKind"));
    m_kind->setAccessibleName(tr("Scope"));
    m_kind->addItem(tr("Whole study"), kindIndex(Scope::Kind::Study));
    m_kind->addItem(tr("Interview"), kindIndex(Scope::Kind::Interview));
    m_kind->addItem(tr("Job"), kindIndex(Scope::Kind::Job));
    m_kind->addItem(tr("Participants with attribute\u2026"), kindIndex(Scope::Kind::Participants));
    m_kind->setToolTip(tr("Which stories the diagram sums up"));

    m_choice->setObjectName(QStringLiteral("forcesScopeChoice"));
    m_choice->setAccessibleName(tr("Scope choice"));
    m_choice->setMinimumContentsLength(28);
    m_choice->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);

    auto *intensity = new QPushButton(tr("Summed intensity"), this);
    intensity->setObjectName(QStringLiteral("forcesWeightingIntensity"));
    intensity->setToolTip(tr("Arrow thickness and balance from the summed intensity (1\u20135) of "
                             "each force's quotes"));
    auto *count = new QPushButton(tr("Number of quotes"), this);
    count->setObjectName(QStringLiteral("forcesWeightingCount"));
    count->setToolTip(tr("Arrow thickness and balance from how many quotes show each force"));
    for (auto *button : {intensity, count}) {
        button->setCheckable(true);
        button->setAutoDefault(false);
    }
    intensity->setChecked(true);
    m_weightingGroup->setExclusive(true);
    m_weightingGroup->addButton(intensity, static_cast<int>(Weighting::Intensity));
    m_weightingGroup->addButton(count, static_cast<int>(Weighting::Count));

    m_exportPng->setObjectName(QStringLiteral("forcesExportPng"));
    m_exportPng->setToolTip(tr("Save the diagram as a PNG image"));
    m_exportSvg->setObjectName(QStringLiteral("forcesExportSvg"));
    m_exportSvg->setToolTip(tr("Save the diagram as an SVG drawing"));
    for (auto *button : {m_exportPng, m_exportSvg})
        button->setAutoDefault(false);
    // An image goes onto slides and into other people's hands: pseudonyms unless asked otherwise.
    m_redactExports->setObjectName(QStringLiteral("forcesRedactExports"));
    m_redactExports->setChecked(true);
    m_redactExports->setToolTip(tr("In exported images, participants' real names inside quotes "
                                   "are replaced by [pseudonym]; the diagram here is unchanged"));

    auto *toolbar = new QHBoxLayout;
    toolbar->setContentsMargins(8, 6, 8, 6);
    toolbar->setSpacing(6);
    auto *scopeLabel = new QLabel(tr("Scope:"), this);
    scopeLabel->setBuddy(m_kind);
    toolbar->addWidget(scopeLabel);
    toolbar->addWidget(m_kind);
    toolbar->addWidget(m_choice, 1);
    toolbar->addSpacing(12);
    auto *weightingLabel = new QLabel(tr("Arrows:"), this);
    weightingLabel->setBuddy(intensity);
    toolbar->addWidget(weightingLabel);
    toolbar->addWidget(intensity);
    toolbar->addWidget(count);
    toolbar->addStretch();
    toolbar->addWidget(m_redactExports);
    toolbar->addWidget(m_exportPng);
    toolbar->addWidget(m_exportSvg);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(toolbar);
    layout->addWidget(canvasScrollArea(m_view, QStringLiteral("forcesScroll"), this), 1);

    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(0);
    connect(m_reloadTimer, &QTimer::timeout, this, [this] {
        // Hidden behind another tab: while someone tags a transcript, a whole-study diagram
        // would be re-read after every tag for nobody. It is read when it is shown again.
        if (!isVisible()) {
            m_reloadWhenShown = true;
            return;
        }
        if (m_choicesStale)
            reloadChoices();
        reload();
    });
    connect(m_document, &StudyDocument::changed, this, &ForcesPanel::onChanged);
    connect(m_kind, &QComboBox::activated, this, [this] {
        onKindChosen();
    });
    connect(m_choice, &QComboBox::activated, this, [this] {
        onChoiceChosen();
    });
    connect(m_weightingGroup, &QButtonGroup::idClicked, this, [this](int id) {
        setWeighting(static_cast<Weighting>(id));
    });
    connect(m_exportPng, &QPushButton::clicked, this, [this] {
        exportWithDialog(QStringLiteral("png"));
    });
    connect(m_exportSvg, &QPushButton::clicked, this, [this] {
        exportWithDialog(QStringLiteral("svg"));
    });
    connect(m_view, &ForcesDiagramView::quoteActivated, this, &ForcesPanel::quoteActivated);

    reloadChoices();
    reload();
}

ForcesPanel::~ForcesPanel() = default;

void ForcesPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_reloadWhenShown) {
        m_reloadWhenShown = false;
        m_reloadTimer->start();
    }
}

const report::ForcesDiagramData &ForcesPanel::data() const
{
    return m_view->data();
}

void ForcesPanel::setScope(const Scope &scope)
{
    m_scope = scope;
    if (m_choicesStale)
        reloadChoices();
    fillChoices();
    reload();
}

void ForcesPanel::setWeighting(Weighting weighting)
{
    m_weighting = weighting;
    if (auto *button = m_weightingGroup->button(static_cast<int>(weighting)))
        button->setChecked(true);
    // Both weightings are in the summary already: nothing to read again.
    report::ForcesDiagramData data = m_view->data();
    data.weighting = weighting;
    if (m_view->message().isEmpty())
        m_view->setData(data);
}

void ForcesPanel::onChanged(const Change &change)
{
    switch (change.kind) {
    case Change::Kind::Interviews:
    case Change::Kind::Participants:
    case Change::Kind::Jobs:
    case Change::Kind::Everything:
    case Change::Kind::Highlights:
    case Change::Kind::Codes:
        m_cache.clear();
        break;
    default:
        break;
    }
    switch (change.kind) {
    case Change::Kind::Interviews:
    case Change::Kind::Participants:
    case Change::Kind::Jobs:
    case Change::Kind::Everything:
        m_choicesStale = true;
        m_reloadTimer->start();
        break;
    case Change::Kind::Highlights:
        if (m_scope.kind == Scope::Kind::Interview && change.id != 0 && change.id != m_scope.id)
            break;
        m_reloadTimer->start();
        break;
    case Change::Kind::Codes:
        m_reloadTimer->start();
        break;
    default:
        break;
    }
}

void ForcesPanel::reloadChoices()
{
    m_choicesStale = false;
    const Study &study = m_document->study();
    m_interviews.clear();
    m_jobs.clear();
    m_attributes.clear();
    if (auto interviews = study.interviews()) {
        for (const auto &item : *interviews) {
            const QString title = toQString(item.interview.title);
            const QString label =
                item.participantCode.empty()
                    ? title
                    : toQString(item.participantCode) + QStringLiteral(" \u00B7 ") + title;
            m_interviews.push_back({label, item.interview.id, {}, {}});
        }
    } else {
        qCWarning(lcApp) << "Could not list the interviews:"
                         << toQString(interviews.error().message);
    }
    if (auto jobs = study.jobs()) {
        for (const auto &job : *jobs)
            m_jobs.push_back({toQString(job.name), job.id, {}, {}});
    } else {
        qCWarning(lcApp) << "Could not list the jobs:" << toQString(jobs.error().message);
    }
    if (auto participants = study.participants()) {
        std::map<std::pair<std::string, std::string>, int> counts;
        for (const auto &participant : *participants)
            for (const auto &attribute : participant.attributes)
                ++counts[{attribute.key, attribute.value}];
        for (const auto &[pair, n] : counts) {
            const QString label = toQString(pair.first) + QStringLiteral(" = ")
                                  + toQString(pair.second) + QStringLiteral("  (")
                                  + QString::number(n)
                                  + (n == 1 ? tr(" participant)") : tr(" participants)"));
            m_attributes.push_back({label, 0, pair.first, pair.second});
        }
    } else {
        qCWarning(lcApp) << "Could not list the participants:"
                         << toQString(participants.error().message);
    }
    fillChoices();
}

// Puts the controls in step with m_scope.
void ForcesPanel::fillChoices()
{
    m_updating = true;
    m_kind->setCurrentIndex(kindIndex(m_scope.kind));
    m_choice->clear();
    const std::vector<Choice> *list = choicesOf(m_scope.kind);
    m_choice->setVisible(list != nullptr);
    if (list) {
        int current = -1;
        for (std::size_t i = 0; i < list->size(); ++i) {
            const Choice &choice = (*list)[i];
            m_choice->addItem(choice.label);
            const bool match =
                m_scope.kind == Scope::Kind::Participants
                    ? choice.key == m_scope.attributeKey && choice.value == m_scope.attributeValue
                    : choice.id == m_scope.id;
            if (match)
                current = static_cast<int>(i);
        }
        if (list->empty())
            m_choice->addItem(noChoicesText(m_scope.kind));
        m_choice->setEnabled(!list->empty());
        m_choice->setCurrentIndex(std::max(current, 0));
    }
    m_updating = false;
}

void ForcesPanel::onKindChosen()
{
    if (m_updating)
        return;
    const auto kind = static_cast<Scope::Kind>(m_kind->currentData().toInt());
    const std::vector<Choice> *list = choicesOf(kind);
    if (!list) {
        setScope(Scope::wholeStudy());
        return;
    }
    if (list->empty()) {
        // Nothing to choose: say so rather than silently showing another scope.
        m_updating = true;
        m_choice->clear();
        m_choice->addItem(noChoicesText(kind));
        m_choice->setEnabled(false);
        m_choice->setVisible(true);
        m_updating = false;
        m_view->setMessage(kind == Scope::Kind::Interview ? tr("This study has no interviews yet.")
                           : kind == Scope::Kind::Job
                               ? tr("This study has no jobs yet. Group stories into jobs to see "
                                    "each job's forces.")
                               : tr("No participant has attributes yet. Give participants "
                                    "attributes (business, region\u2026) to compare their "
                                    "forces."));
        m_exportPng->setEnabled(false);
        m_exportSvg->setEnabled(false);
        return;
    }
    setScope(scopeOf(kind, list->front()));
}

void ForcesPanel::onChoiceChosen()
{
    if (m_updating)
        return;
    const int index = m_choice->currentIndex();
    const auto kind = static_cast<Scope::Kind>(m_kind->currentData().toInt());
    const std::vector<Choice> *list = choicesOf(kind);
    if (!list || index < 0 || index >= static_cast<int>(list->size()))
        return;
    setScope(scopeOf(kind, (*list)[static_cast<std::size_t>(index)]));
}

const std::vector<ForcesPanel::Choice> *ForcesPanel::choicesOf(Scope::Kind kind) const
{
    switch (kind) {
    case Scope::Kind::Study:
        break;
    case Scope::Kind::Interview:
        return &m_interviews;
    case Scope::Kind::Job:
        return &m_jobs;
    case Scope::Kind::Participants:
        return &m_attributes;
    }
    return nullptr;
}

Scope ForcesPanel::scopeOf(Scope::Kind kind, const Choice &choice)
{
    switch (kind) {
    case Scope::Kind::Study:
        break;
    case Scope::Kind::Participants:
        return Scope::participants(choice.key, choice.value);
    case Scope::Kind::Interview:
        return Scope::interview(choice.id);
    case Scope::Kind::Job:
        return Scope::job(choice.id);
    }
    return Scope::wholeStudy();
}

void ForcesPanel::reload()
{
    m_reloadTimer->stop();
    for (const auto &cached : m_cache) {
        if (cached.scope == m_scope) {
            report::ForcesDiagramData shown = cached;
            shown.weighting = m_weighting;
            m_view->setData(shown);
            m_exportPng->setEnabled(true);
            m_exportSvg->setEnabled(true);
            return;
        }
    }
    auto loaded =
        report::loadForcesDiagram(m_document->study(), m_scope, m_weighting, kQuotesPerForce);
    if (!loaded && loaded.error().code == ErrorCode::NotFound
        && m_scope.kind != Scope::Kind::Study) {
        // The interview or job was deleted: fall back to the whole study.
        m_scope = Scope::wholeStudy();
        fillChoices();
        loaded =
            report::loadForcesDiagram(m_document->study(), m_scope, m_weighting, kQuotesPerForce);
    }
    const bool ok = loaded.ok();
    if (ok) {
        m_view->setData(*loaded);
        if (m_cache.size() >= 8)
            m_cache.erase(m_cache.begin());
        m_cache.push_back(*loaded);
    } else {
        qCWarning(lcApp) << "Could not read the forces:" << toQString(loaded.error().message);
        m_view->setMessage(
            tr("The forces could not be read: %1").arg(toQString(loaded.error().message)));
    }
    m_exportPng->setEnabled(ok);
    m_exportSvg->setEnabled(ok);
}

Status ForcesPanel::exportTo(const QString &path) const
{
    if (!m_view->message().isEmpty())
        return makeError(ErrorCode::InvalidArgument, "there is no diagram to export");
    report::ForcesDiagramData drawn = data();
    if (m_redactExports->isChecked()) {
        auto participants = m_document->study().participants();
        if (!participants)
            return participants.error();
        report::redact(drawn, Redactor(*participants));
    }
    if (QFileInfo(path).suffix().compare(QStringLiteral("svg"), Qt::CaseInsensitive) == 0)
        return report::writeForcesDiagramSvg(drawn, path, kExportSize);
    return report::writeForcesDiagramPng(drawn, path, kExportSize, 2);
}

bool ForcesPanel::redactsExports() const
{
    return m_redactExports->isChecked();
}

void ForcesPanel::setRedactsExports(bool redact)
{
    m_redactExports->setChecked(redact);
}

QString ForcesPanel::defaultFileName(const QString &suffix) const
{
    QString name;
    switch (m_scope.kind) {
    case Scope::Kind::Study:
        name = QStringLiteral("whole study");
        break;
    case Scope::Kind::Interview:
    case Scope::Kind::Job:
        name = m_choice->currentText().section(QStringLiteral(" \u00B7 "), 0, 0);
        break;
    case Scope::Kind::Participants:
        name =
            toQString(m_scope.attributeKey) + QLatin1Char(' ') + toQString(m_scope.attributeValue);
        break;
    }
    name = name.toLower();
    name.replace(QRegularExpression(QStringLiteral("[^\\w]+")), QStringLiteral("-"));
    name.remove(QRegularExpression(QStringLiteral("^-+|-+$")));
    return QStringLiteral("forces-") + name.left(60) + QLatin1Char('.') + suffix;
}

void ForcesPanel::exportWithDialog(const QString &format)
{
    const QString folder = QString::fromStdString(m_document->path().parent_path().string());
    const QString filter =
        format == QStringLiteral("svg") ? tr("SVG drawing (*.svg)") : tr("PNG image (*.png)");
    QString path = QFileDialog::getSaveFileName(this,
                                                tr("Export forces diagram"),
                                                folder + QLatin1Char('/') + defaultFileName(format),
                                                filter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QLatin1Char('.') + format;
    const Status status = exportTo(path);
    if (!status)
        QMessageBox::warning(
            this,
            tr("Export failed"),
            tr("The forces diagram was not exported: %1").arg(toQString(status.error().message)));
}

} // namespace jtbd::app
