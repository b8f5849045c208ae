// The jobs board: reads the jobs and their stories, builds a column per job, turns drops and menu
// choices into undoable moves, and keeps the editor and the dendrogram in step with the study.
#include "jobs_board_panel.h"

#include "dendrogram_view.h"
#include "job_column.h"
#include "job_editor.h"
#include "panel_style.h"

#include <jtbd/study.h>
#include <jtbd/synthesis.h>

#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <app/logging.h>
#include <app/study_document.h>
#include <set>

namespace jtbd::app {

namespace {

constexpr int kMinJobs = 2;
constexpr int kMaxJobs = 6;

// Asks how many jobs to cluster the stories into: 0 for "choose by silhouette", -1 when the
// person cancelled.
int askJobCount(QWidget *parent)
{
    QDialog dialog(parent);
    dialog.setObjectName(QStringLiteral("runSynthesisDialog"));
    dialog.setWindowTitle(JobsBoardPanel::tr("Run Synthesis"));
    auto *layout = new QVBoxLayout(&dialog);
    auto *text = new QLabel(
        JobsBoardPanel::tr(
            "<p>The quotes of each force are grouped, each story is marked with the groups it "
            "shows, and stories that show the same groups become a job, drafted from their "
            "evidence.</p><p>Groups you pinned, quotes and stories you placed by hand and job "
            "fields you edited are kept. The whole run is one step you can undo.</p>"),
        &dialog);
    text->setWordWrap(true);
    text->setMinimumWidth(420);
    layout->addWidget(text);
    auto *row = new QHBoxLayout;
    auto *label = new QLabel(JobsBoardPanel::tr("Number of &jobs:"), &dialog);
    auto *count = new QComboBox(&dialog);
    count->setObjectName(QStringLiteral("synthesisJobCount"));
    count->addItem(JobsBoardPanel::tr("Choose by silhouette (2\u20136)"), 0);
    for (int k = kMinJobs; k <= kMaxJobs; ++k)
        count->addItem(QString::number(k), k);
    label->setBuddy(count);
    row->addWidget(label);
    row->addWidget(count, 1);
    layout->addLayout(row);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(JobsBoardPanel::tr("Run"));
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return -1;
    return count->currentData().toInt();
}

QString summaryOf(const SynthesisSummary &summary)
{
    QString text = JobsBoardPanel::tr("Synthesis: %n jobs", nullptr, summary.jobs);
    if (summary.estimatedJobs) {
        double best = 0;
        for (const auto &[k, value] : summary.silhouettes)
            if (k == summary.jobs)
                best = value;
        text += JobsBoardPanel::tr(" (chosen by silhouette, %1)").arg(best, 0, 'f', 2);
    }
    text += JobsBoardPanel::tr(" from %n force groups", nullptr, summary.forceGroups);
    if (summary.keptPlacements > 0)
        text += JobsBoardPanel::tr("; %n placements kept", nullptr, summary.keptPlacements);
    return text;
}

} // namespace

JobsBoardPanel::JobsBoardPanel(StudyDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_summary(new QLabel(this))
    , m_run(new QPushButton(tr("Run Synthesis\u2026"), this))
    , m_stack(new QStackedWidget(this))
    , m_emptyPage(new QWidget(m_stack))
    , m_emptyText(new QLabel(m_emptyPage))
    , m_splitter(new QSplitter(Qt::Horizontal, m_stack))
    , m_tabs(new QTabWidget(m_splitter))
    , m_boardScroll(new QScrollArea(m_tabs))
    , m_editor(new JobEditor(document, m_splitter))
    , m_dendrogram(new DendrogramView)
    , m_cut(new QSpinBox)
    , m_reloadTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("jobsBoardPanel"));

    m_run->setObjectName(QStringLiteral("runSynthesisButton"));
    m_run->setToolTip(tr("Group the force quotes, cluster the stories into jobs and draft each "
                         "job from its evidence"));
    m_run->setAutoDefault(false);
    m_summary->setObjectName(QStringLiteral("jobsSummary"));
    m_summary->setPalette(secondaryPalette(m_summary->palette()));
    auto *toolbar = new QHBoxLayout;
    toolbar->setContentsMargins(8, 6, 8, 6);
    toolbar->setSpacing(10);
    toolbar->addWidget(m_run);
    toolbar->addWidget(m_summary, 1);

    // The empty state: what the board is for and the one thing to do.
    m_emptyPage->setObjectName(QStringLiteral("jobsEmptyState"));
    {
        auto *layout = new QVBoxLayout(m_emptyPage);
        layout->addStretch(2);
        auto *title = new QLabel(tr("No jobs yet"), m_emptyPage);
        title->setFont(scaledFont(title->font(), 1.5, true));
        title->setAlignment(Qt::AlignCenter);
        layout->addWidget(title);
        m_emptyText->setObjectName(QStringLiteral("jobsEmptyText"));
        m_emptyText->setWordWrap(true);
        m_emptyText->setAlignment(Qt::AlignCenter);
        m_emptyText->setMaximumWidth(560);
        m_emptyText->setPalette(hintPalette(m_emptyText->palette()));
        layout->addWidget(m_emptyText, 0, Qt::AlignHCenter);
        layout->addSpacing(12);
        auto *button = new QPushButton(tr("Run Synthesis\u2026"), m_emptyPage);
        button->setObjectName(QStringLiteral("emptyRunSynthesisButton"));
        button->setMinimumWidth(220);
        button->setAutoDefault(false);
        connect(button, &QPushButton::clicked, this, &JobsBoardPanel::runSynthesisWithDialog);
        layout->addWidget(button, 0, Qt::AlignHCenter);
        layout->addStretch(3);
    }

    m_boardScroll->setObjectName(QStringLiteral("jobsBoardScroll"));
    m_boardScroll->setWidgetResizable(true);
    m_boardScroll->setFrameShape(QFrame::NoFrame);
    m_tabs->setObjectName(QStringLiteral("jobsBoardTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_boardScroll, tr("Jobs"));

    auto *dendrogramPage = new QWidget(m_tabs);
    dendrogramPage->setObjectName(QStringLiteral("dendrogramPage"));
    {
        auto *layout = new QVBoxLayout(dendrogramPage);
        layout->setContentsMargins(8, 8, 8, 8);
        auto *top = new QHBoxLayout;
        auto *about = new QLabel(tr("Each story is a row of the story \u00D7 force-group matrix. "
                                    "Stories that show the same force groups join low in the "
                                    "tree; the dashed line cuts it into jobs."),
                                 dendrogramPage);
        about->setWordWrap(true);
        about->setPalette(secondaryPalette(about->palette()));
        top->addWidget(about, 1);
        auto *cutLabel = new QLabel(tr("Cut into"), dendrogramPage);
        m_cut->setParent(dendrogramPage);
        m_cut->setObjectName(QStringLiteral("dendrogramCut"));
        m_cut->setSuffix(tr(" jobs"));
        m_cut->setRange(1, 1);
        m_cut->setToolTip(tr("Where to cut the tree: the number of jobs it gives"));
        cutLabel->setBuddy(m_cut);
        top->addWidget(cutLabel);
        top->addWidget(m_cut);
        layout->addLayout(top);
        m_dendrogram->setParent(dendrogramPage);
        layout->addWidget(m_dendrogram, 1);
    }
    m_tabs->addTab(dendrogramPage, tr("Dendrogram"));

    m_splitter->setObjectName(QStringLiteral("jobsBoardSplitter"));
    m_splitter->addWidget(m_tabs);
    m_splitter->addWidget(m_editor);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);
    m_editor->setMinimumWidth(340);
    m_splitter->setSizes({700, 420});

    m_stack->addWidget(m_emptyPage);
    m_stack->addWidget(m_splitter);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(toolbar);
    layout->addWidget(m_stack, 1);

    m_reloadTimer->setSingleShot(true);
    m_reloadTimer->setInterval(0);
    connect(m_reloadTimer, &QTimer::timeout, this, [this] {
        // Hidden behind another tab, the board is read when it is shown again.
        if (!isVisible()) {
            m_reloadWhenShown = true;
            return;
        }
        if (m_holds > 0) {
            m_reloadWhenReleased = true;
            return;
        }
        reload();
    });
    connect(m_document, &StudyDocument::changed, this, &JobsBoardPanel::onChanged);
    connect(m_run, &QPushButton::clicked, this, &JobsBoardPanel::runSynthesisWithDialog);
    connect(m_editor, &JobEditor::fieldEdited, this, &JobsBoardPanel::editJob);
    connect(m_editor, &JobEditor::quoteActivated, this, &JobsBoardPanel::quoteActivated);
    connect(m_editor, &JobEditor::forcesRequested, this, &JobsBoardPanel::forcesRequested);
    connect(
        m_dendrogram, &DendrogramView::storyActivated, this, &JobsBoardPanel::interviewActivated);
    connect(m_cut, &QSpinBox::valueChanged, m_dendrogram, &DendrogramView::setCut);
    connect(m_tabs, &QTabWidget::currentChanged, this, [this] {
        if (m_tabs->currentIndex() == 1 && m_dendrogramStale)
            reloadDendrogram();
    });

    reload();
}

JobsBoardPanel::~JobsBoardPanel() = default;

void JobsBoardPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_reloadWhenShown) {
        m_reloadWhenShown = false;
        m_reloadTimer->start();
    }
}

QList<JobColumn *> JobsBoardPanel::columns() const
{
    return m_columns;
}

JobColumn *JobsBoardPanel::column(Id jobId) const
{
    for (JobColumn *column : m_columns)
        if (column->jobId() == jobId)
            return column;
    return nullptr;
}

bool JobsBoardPanel::isShowingEmptyState() const
{
    return m_stack->currentWidget() == m_emptyPage;
}

void JobsBoardPanel::showDendrogram(bool show)
{
    m_tabs->setCurrentIndex(show ? 1 : 0);
    if (show && m_dendrogramStale)
        reloadDendrogram();
}

void JobsBoardPanel::onChanged(const Change &change)
{
    switch (change.kind) {
    case Change::Kind::Highlights:
        m_stories.erase(change.id);
        break;
    case Change::Kind::Interviews:
    case Change::Kind::Participants:
    case Change::Kind::Codes:
    case Change::Kind::Everything:
        m_stories.clear();
        m_editor->clearCache();
        break;
    case Change::Kind::Jobs:
    case Change::Kind::ForceGroups:
        break;
    default:
        return; // notes, timelines, guides, turns: nothing the board shows
    }
    m_dendrogramStale = true;
    scheduleReload();
}

void JobsBoardPanel::scheduleReload()
{
    m_reloadTimer->start();
}

void JobsBoardPanel::holdReload()
{
    ++m_holds;
}

void JobsBoardPanel::releaseReload()
{
    if (--m_holds == 0 && m_reloadWhenReleased) {
        m_reloadWhenReleased = false;
        m_reloadTimer->start();
    }
}

const StoryCardData &JobsBoardPanel::story(Id interviewId, bool placed)
{
    auto found = m_stories.find(interviewId);
    if (found == m_stories.end()) {
        const Study &study = m_document->study();
        StoryCardData card;
        card.interviewId = interviewId;
        if (auto interview = study.interview(interviewId)) {
            card.title = toQString(interview->title);
            if (interview->participantId) {
                if (auto participant = study.participant(*interview->participantId)) {
                    card.code = toQString(participant->code);
                    card.pseudonym = toQString(participant->pseudonym);
                }
            }
        }
        // The strongest quote of any force: the highest intensity, then confidence.
        if (auto evidence = study.forcesEvidence(Scope::interview(interviewId), 1)) {
            const Highlight *best = nullptr;
            for (const auto &quotes : evidence->quotes)
                for (const auto &quote : quotes)
                    if (!best || quote.highlight.intensity > best->intensity
                        || (quote.highlight.intensity == best->intensity
                            && quote.highlight.confidence > best->confidence))
                        best = &quote.highlight;
            if (best)
                card.quote = toQString(best->quote);
        } else {
            qCWarning(lcApp) << "Could not read the quotes of interview" << interviewId << ":"
                             << toQString(evidence.error().message);
        }
        found = m_stories.emplace(interviewId, std::move(card)).first;
    }
    found->second.placed = placed;
    return found->second;
}

void JobsBoardPanel::reload()
{
    m_reloadTimer->stop();
    const Study &study = m_document->study();
    auto jobs = study.jobs();
    auto interviews = study.interviews();
    if (!jobs || !interviews) {
        const Error &error = jobs ? interviews.error() : jobs.error();
        qCWarning(lcApp) << "Could not read the jobs:" << toQString(error.message);
        m_jobs.clear();
        m_unplaced.clear();
        m_emptyText->setText(tr("The jobs could not be read: %1").arg(toQString(error.message)));
        m_stack->setCurrentWidget(m_emptyPage);
        m_editor->setJob(std::nullopt, {});
        return;
    }
    m_jobs = std::move(*jobs);
    std::set<Id> inJobs;
    for (const Job &job : m_jobs)
        inJobs.insert(job.interviewIds.begin(), job.interviewIds.end());
    m_unplaced.clear();
    std::int64_t tagged = 0;
    for (const auto &item : *interviews) {
        if (item.highlightCount > 0) {
            ++tagged;
            if (!inJobs.contains(item.interview.id))
                m_unplaced.push_back(item.interview.id);
        }
    }

    if (m_jobs.empty()) {
        m_emptyText->setText(
            tagged == 0
                ? tr("Tag quotes with the four forces in the transcripts first. Then run "
                     "Synthesis to cluster the stories into jobs.")
                : tr("Run Synthesis to cluster the stories into jobs: the quotes of each force "
                     "are grouped, stories that show the same groups become a job, and each job "
                     "is drafted from its evidence."));
        m_summary->setText(tr("%n stories with tagged quotes", nullptr, static_cast<int>(tagged)));
        m_stack->setCurrentWidget(m_emptyPage);
        m_selectedJob = 0;
        rebuildColumns();
        m_editor->setJob(std::nullopt, {});
        return;
    }
    m_stack->setCurrentWidget(m_splitter);
    const bool known = std::any_of(m_jobs.begin(), m_jobs.end(), [this](const Job &job) {
        return job.id == m_selectedJob;
    });
    if (!known)
        m_selectedJob = m_jobs.front().id;
    int stories = 0;
    int placed = 0;
    for (const Job &job : m_jobs) {
        stories += static_cast<int>(job.interviewIds.size());
        placed += static_cast<int>(job.placedInterviewIds.size());
    }
    QString summary = tr("%n jobs", nullptr, static_cast<int>(m_jobs.size()))
                      + tr(" \u00B7 %n stories", nullptr, stories);
    if (placed > 0)
        summary += tr(" \u00B7 %n placed by you", nullptr, placed);
    if (!m_unplaced.empty())
        summary += tr(" \u00B7 %n in no job", nullptr, static_cast<int>(m_unplaced.size()));
    m_summary->setText(summary);
    rebuildColumns();
    showSelection();
    if (m_tabs->currentIndex() == 1)
        reloadDendrogram();
}

void JobsBoardPanel::rebuildColumns()
{
    // Keep the keyboard on the card it was on, across the rebuild.
    Id focusedStory = 0;
    if (auto *card = qobject_cast<StoryCard *>(QApplication::focusWidget());
        card && m_boardScroll->isAncestorOf(card))
        focusedStory = card->data().interviewId;

    m_columns.clear();
    auto *board = new QWidget;
    board->setObjectName(QStringLiteral("jobsBoard"));
    auto *layout = new QHBoxLayout(board);
    layout->setContentsMargins(10, 10, 10, 10);
    layout->setSpacing(10);
    StoryCard *focusCard = nullptr;
    auto addColumn = [&](Id jobId,
                         const QString &name,
                         const std::vector<Id> &members,
                         const std::vector<Id> &placedIds) {
        auto *column = new JobColumn(jobId, name, board);
        for (Id interviewId : members) {
            const bool placed =
                std::find(placedIds.begin(), placedIds.end(), interviewId) != placedIds.end();
            StoryCard *card = column->addCard(story(interviewId, placed));
            connect(card, &StoryCard::clicked, this, [this, jobId, interviewId] {
                m_selectedStory = interviewId;
                if (jobId != 0)
                    selectJob(jobId);
                else
                    showSelection();
            });
            connect(card, &StoryCard::openRequested, this, [this, interviewId] {
                Q_EMIT interviewActivated(interviewId);
            });
            connect(card, &StoryCard::menuRequested, this, [this, card](const QPoint &global) {
                showCardMenu(card, global);
            });
            connect(card, &StoryCard::dragStarted, this, &JobsBoardPanel::holdReload);
            connect(card, &StoryCard::dragFinished, this, &JobsBoardPanel::releaseReload);
            if (interviewId == focusedStory)
                focusCard = card;
        }
        connect(column, &JobColumn::clicked, this, [this, jobId] {
            if (jobId != 0)
                selectJob(jobId);
        });
        connect(column, &JobColumn::storyDropped, this, &JobsBoardPanel::moveStory);
        layout->addWidget(column, 1);
        m_columns.push_back(column);
    };
    for (const Job &job : m_jobs)
        addColumn(job.id, toQString(job.name), job.interviewIds, job.placedInterviewIds);
    if (!m_jobs.empty() && !m_unplaced.empty())
        addColumn(0, tr("Not in a job"), m_unplaced, {});
    layout->addStretch(0);
    m_boardScroll->setWidget(board); // deletes the last board
    if (focusCard)
        focusCard->setFocus(Qt::OtherFocusReason);
}

void JobsBoardPanel::selectJob(Id jobId)
{
    if (jobId != m_selectedJob) {
        // What was typed for the job being left is stored before the editor shows another.
        m_editor->commitEdits();
        m_selectedJob = jobId;
    }
    showSelection();
}

void JobsBoardPanel::showSelection()
{
    for (JobColumn *column : std::as_const(m_columns)) {
        column->setSelected(column->jobId() != 0 && column->jobId() == m_selectedJob);
        for (StoryCard *card : column->cards())
            card->setSelected(card->data().interviewId == m_selectedStory);
    }
    const auto job = std::find_if(m_jobs.begin(), m_jobs.end(), [this](const Job &j) {
        return j.id == m_selectedJob;
    });
    if (job == m_jobs.end()) {
        m_editor->setJob(std::nullopt, {});
        return;
    }
    auto draft = m_document->study().jobDraft(job->id);
    if (!draft)
        qCWarning(lcApp) << "Could not read the draft of job" << job->id << ":"
                         << toQString(draft.error().message);
    m_editor->setJob(*job, draft ? *draft : JobDraft{job->id, {}});
}

void JobsBoardPanel::showCardMenu(StoryCard *card, const QPoint &global)
{
    const Id interviewId = card->data().interviewId;
    const Id fromJobId = card->jobId();
    const bool placed = card->data().placed;
    QMenu menu(this);
    menu.setObjectName(QStringLiteral("storyCardMenu"));
    menu.addAction(tr("Open Transcript"), this, [this, interviewId] {
        Q_EMIT interviewActivated(interviewId);
    });
    auto *move = menu.addMenu(tr("Move to Job"));
    for (const Job &job : m_jobs) {
        if (job.id == fromJobId)
            continue;
        move->addAction(toQString(job.name), this, [this, interviewId, fromJobId, id = job.id] {
            moveStory(interviewId, fromJobId, id);
        });
    }
    if (fromJobId != 0) {
        move->addSeparator();
        move->addAction(tr("No Job"), this, [this, interviewId, fromJobId] {
            moveStory(interviewId, fromJobId, 0);
        });
        auto *keep = menu.addAction(
            tr("Keep in This Job on Re-runs"), this, [this, interviewId, fromJobId, placed] {
                setStoryPlaced(interviewId, fromJobId, !placed);
            });
        keep->setCheckable(true);
        keep->setChecked(placed);
    }
    move->setEnabled(!move->isEmpty());
    // The menu runs an event loop of its own; the card it belongs to must outlive it.
    holdReload();
    menu.exec(global);
    releaseReload();
}

bool JobsBoardPanel::moveStory(Id interviewId, Id fromJobId, Id toJobId)
{
    auto command = MoveStoryCommand::create(m_document->study(), interviewId, fromJobId, toJobId);
    if (command && !*command)
        return false; // nothing to change
    if (command) {
        m_selectedStory = interviewId;
        if (toJobId != 0)
            m_selectedJob = toJobId;
    }
    return applyCommand(*m_document, tr("Moving the story"), std::move(command));
}

bool JobsBoardPanel::setStoryPlaced(Id interviewId, Id jobId, bool placed)
{
    auto command = MoveStoryCommand::setPlaced(m_document->study(), interviewId, jobId, placed);
    if (command && !*command)
        return false; // nothing to change
    return applyCommand(*m_document, tr("Placing the story"), std::move(command));
}

bool JobsBoardPanel::editJob(Id jobId, JobField field, const QString &text)
{
    auto command = EditJobCommand::create(m_document->study(), jobId, field, text);
    if (command && !*command)
        return false; // nothing to change
    const bool refused = !command;
    const bool stored = applyCommand(*m_document, tr("Editing the job"), std::move(command));
    if (refused)
        scheduleReload(); // show the stored value again in place of the refused one
    return stored;
}

bool JobsBoardPanel::runSynthesis(std::optional<int> jobs)
{
    m_editor->commitEdits();
    SynthesisOptions options;
    options.jobs = jobs;
    auto command = std::make_unique<RunSynthesisCommand>(options);
    auto *raw = command.get();
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const bool ok = m_document->apply(std::move(command));
    QApplication::restoreOverrideCursor();
    if (!ok)
        return false;
    m_selectedJob = 0; // the first job of the new board
    Q_EMIT statusMessage(summaryOf(raw->summary()));
    return true;
}

void JobsBoardPanel::runSynthesisWithDialog()
{
    const int count = askJobCount(this);
    if (count < 0)
        return;
    runSynthesis(count == 0 ? std::nullopt : std::optional<int>(count));
}

void JobsBoardPanel::commitEdits()
{
    m_editor->commitEdits();
}

void JobsBoardPanel::reloadDendrogram()
{
    m_dendrogramStale = false;
    auto clustering = clusterStories(m_document->study());
    if (!clustering) {
        m_dendrogram->setMessage(tr("The stories could not be clustered: %1")
                                     .arg(toQString(clustering.error().message)));
        return;
    }
    const int leaves = clustering->dendrogram.leaves;
    if (clustering->matrix.groupIds.empty()) {
        // Without groups every story is as far from every other: a tree would say nothing.
        m_dendrogram->setMessage(tr("There are no force groups yet. Run Synthesis to group the "
                                    "quotes of each force; the tree is drawn from the groups "
                                    "each story shows."));
        return;
    }
    if (leaves < 2) {
        m_dendrogram->setMessage(
            tr("Clustering needs at least two stories with tagged force quotes."));
        return;
    }
    // Which job each story is in now, for the leaves' tool tips.
    std::map<Id, QString> jobOf;
    for (const Job &job : m_jobs)
        for (Id id : job.interviewIds)
            jobOf[id] = toQString(job.name);
    std::vector<QString> labels;
    std::vector<QString> tips;
    for (Id interviewId : clustering->matrix.interviewIds) {
        const StoryCardData &card = story(interviewId, false);
        labels.push_back(card.code.isEmpty() ? card.title : card.code);
        QString tip = report::participantLabel(card.pseudonym, card.code)
                      + QStringLiteral(" \u00B7 ") + card.title;
        if (auto found = jobOf.find(interviewId); found != jobOf.end())
            tip += tr("\nIn the job “%1”").arg(found->second);
        tips.push_back(tip + tr("\nDouble-click to open the transcript"));
    }
    // The cut shows the jobs on the board when their number is one the tree can give.
    const int jobs = static_cast<int>(m_jobs.size());
    const int k = jobs >= 1 && jobs <= leaves ? jobs : clustering->k;
    m_dendrogram->setClustering(*clustering, std::move(labels), std::move(tips));
    const QSignalBlocker blocker(m_cut);
    m_cut->setRange(1, leaves);
    m_cut->setValue(k);
    m_dendrogram->setCut(k);
}

} // namespace jtbd::app
