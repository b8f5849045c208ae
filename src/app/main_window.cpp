// The workbench's main window.
#include "main_window.h"

#include <jtbd/sample.h>

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QTreeView>
#include <QUndoGroup>
#include <QUndoStack>
#include <QUndoView>
#include <QVBoxLayout>

#include <app/commands/import_command.h>
#include <app/commands/study_command.h>
#include <app/dialogs/export_dialog.h>
#include <app/dialogs/import_dialog.h>
#include <app/dialogs/open_error.h>
#include <app/logging.h>
#include <app/models/navigator_model.h>
#include <app/panels/codebook_panel.h>
#include <app/panels/force_groups_panel.h>
#include <app/panels/forces_panel.h>
#include <app/panels/guide_panel.h>
#include <app/panels/jobs_board_panel.h>
#include <app/panels/timeline_panel.h>
#include <app/panels/transcript_panel.h>
#include <app/study_document.h>
#include <tuple>

namespace jtbd::app {

namespace {

constexpr int kMaxRecentFiles = 8;
const auto kRecentKey = QStringLiteral("files/recent");
const auto kLastKey = QStringLiteral("files/last");
const auto kGeometryKey = QStringLiteral("window/geometry");
const auto kStateKey = QStringLiteral("window/state");

QString studyFilter()
{
    return MainWindow::tr("JTBD studies (*.jtbd);;All files (*)");
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_undoGroup(new QUndoGroup(this))
    , m_statusTimer(new QTimer(this))
    , m_exporter(new ExportRunner(this))
{
    m_statusTimer->setSingleShot(true);
    m_statusTimer->setInterval(400);
    connect(m_statusTimer, &QTimer::timeout, this, &MainWindow::updateStatus);
    connect(m_exporter, &ExportRunner::finished, this, &MainWindow::exportFinished);
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("JTBD Workbench"));
    m_errorPresenter = [this](const ErrorText &error) {
        QMessageBox::critical(this, error.title, error.text);
    };

    m_central = new QStackedWidget(this);
    m_welcome = new QWidget(m_central);
    m_welcome->setObjectName(QStringLiteral("welcomePage"));
    {
        auto *layout = new QVBoxLayout(m_welcome);
        layout->addStretch();
        auto *title = new QLabel(tr("<h2>JTBD Workbench</h2><p>Plan and run switch interviews, "
                                    "tag the four forces, and find the jobs.</p>"),
                                 m_welcome);
        title->setAlignment(Qt::AlignCenter);
        layout->addWidget(title);
        const std::pair<QString, std::function<void()>> buttons[] = {
            {tr("Open the Sample Study"),
             [this] {
                 openSampleStudy();
             }},
            {tr("New Study…"),
             [this] {
                 newStudyDialog();
             }},
            {tr("Open Study…"),
             [this] {
                 openStudyDialog();
             }},
        };
        for (const auto &[text, action] : buttons) {
            auto *button = new QPushButton(text, m_welcome);
            button->setMinimumWidth(240);
            connect(button, &QPushButton::clicked, this, action);
            layout->addWidget(button, 0, Qt::AlignHCenter);
        }
        layout->addStretch();
    }
    m_central->addWidget(m_welcome);
    setCentralWidget(m_central);

    buildNavigator();
    buildMenus();

    m_statusStudy = new QLabel(this);
    m_statusStudy->setObjectName(QStringLiteral("statusStudy"));
    statusBar()->addPermanentWidget(m_statusStudy);

    QSettings settings;
    if (!restoreGeometry(settings.value(kGeometryKey).toByteArray()))
        resize(1400, 900);
    restoreState(settings.value(kStateKey).toByteArray());
    updateRecentMenu();
    setDocument(nullptr);
}

MainWindow::~MainWindow()
{
    // An export still running is cancelled; it leaves no file.
    delete m_exporter;
    m_exporter = nullptr;
    // The panels refer to the document: remove them first.
    setDocument(nullptr);
}

void MainWindow::buildNavigator()
{
    auto *dock = new QDockWidget(tr("Study"), this);
    dock->setObjectName(QStringLiteral("navigatorDock"));
    auto *content = new QWidget(dock);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    m_navigatorSearch = new QLineEdit(content);
    m_navigatorSearch->setObjectName(QStringLiteral("navigatorSearch"));
    m_navigatorSearch->setPlaceholderText(tr("Filter participants, interviews, jobs"));
    m_navigatorSearch->setClearButtonEnabled(true);
    m_navigatorView = new QTreeView(content);
    m_navigatorView->setObjectName(QStringLiteral("navigator"));
    m_navigatorView->setHeaderHidden(true);
    m_navigatorView->setUniformRowHeights(true);
    m_navigatorFilter = new QSortFilterProxyModel(this);
    m_navigatorFilter->setRecursiveFilteringEnabled(true);
    m_navigatorFilter->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_navigatorView->setModel(m_navigatorFilter);
    connect(m_navigatorSearch, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_navigatorFilter->setFilterFixedString(text);
        if (!text.isEmpty())
            m_navigatorView->expandAll();
    });
    connect(m_navigatorView, &QTreeView::activated, this, &MainWindow::activateNavigatorItem);
    connect(m_navigatorView, &QTreeView::clicked, this, &MainWindow::activateNavigatorItem);
    m_navigatorView->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_navigatorView,
            &QTreeView::customContextMenuRequested,
            this,
            &MainWindow::showNavigatorMenu);
    layout->addWidget(m_navigatorSearch);
    layout->addWidget(m_navigatorView);
    dock->setWidget(content);
    addDockWidget(Qt::LeftDockWidgetArea, dock);

    auto *history = new QDockWidget(tr("Undo History"), this);
    history->setObjectName(QStringLiteral("undoDock"));
    m_undoView = new QUndoView(m_undoGroup, history);
    m_undoView->setEmptyLabel(tr("Study opened"));
    history->setWidget(m_undoView);
    addDockWidget(Qt::RightDockWidgetArea, history);
    history->hide();
}

void MainWindow::buildMenus()
{
    auto *file = menuBar()->addMenu(tr("&File"));
    auto *newAction = file->addAction(tr("&New Study…"), this, &MainWindow::newStudyDialog);
    newAction->setShortcut(QKeySequence::New);
    auto *openAction = file->addAction(tr("&Open Study…"), this, &MainWindow::openStudyDialog);
    openAction->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("recentMenu"));
    file->addAction(tr("Open the &Sample Study"), this, &MainWindow::openSampleStudy);
    file->addSeparator();
    auto *import = file->addAction(tr("&Import Transcripts…"), this, &MainWindow::importDialog);
    import->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    import->setObjectName(QStringLiteral("importAction"));
    auto *exportMenu = file->addMenu(tr("&Export"));
    const std::tuple<QString, ExportFormat, const char *> reports[] = {
        {tr("Report as &PDF…"), ExportFormat::ReportPdf, "exportReportAction"},
        {tr("Job Stories as JSON…"), ExportFormat::JobStoriesJson, "exportJobStoriesAction"},
        {tr("Highlights as CSV…"), ExportFormat::HighlightsCsv, "exportHighlightsAction"},
    };
    for (const auto &[text, format, name] : reports) {
        auto *action = exportMenu->addAction(text, this, [this, f = format] {
            showExportDialog(f);
        });
        action->setObjectName(QString::fromLatin1(name));
        m_studyActions << action;
    }
    exportMenu->addSeparator();
    auto *exportJson =
        exportMenu->addAction(tr("Study as &JSON…"), this, &MainWindow::exportJsonDialog);
    auto *exportPng = exportMenu->addAction(tr("Forces Diagram as &PNG…"), this, [this] {
        if (m_forcesPanel)
            m_forcesPanel->exportWithDialog(QStringLiteral("png"));
    });
    auto *exportSvg = exportMenu->addAction(tr("Forces Diagram as &SVG…"), this, [this] {
        if (m_forcesPanel)
            m_forcesPanel->exportWithDialog(QStringLiteral("svg"));
    });
    m_studyActions << import << exportJson << exportPng << exportSvg;
    file->addSeparator();
    auto *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    m_editMenu = menuBar()->addMenu(tr("&Edit"));
    m_undoAction = m_undoGroup->createUndoAction(this, tr("&Undo"));
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_undoAction->setObjectName(QStringLiteral("undoAction"));
    m_redoAction = m_undoGroup->createRedoAction(this, tr("&Redo"));
    m_redoAction->setShortcuts({QKeySequence::Redo, QKeySequence(Qt::CTRL | Qt::Key_Y)});
    m_redoAction->setObjectName(QStringLiteral("redoAction"));
    m_editMenu->addAction(m_undoAction);
    m_editMenu->addAction(m_redoAction);

    auto *view = menuBar()->addMenu(tr("&View"));
    const std::pair<QString, Panel> panels[] = {
        {tr("Interview &Guide"), Panel::Guide},
        {tr("&Transcript"), Panel::Transcript},
        {tr("&Forces Diagram"), Panel::Forces},
        {tr("Switch Time&line"), Panel::Timeline},
        {tr("&Codebook"), Panel::Codebook},
        {tr("&Jobs Board"), Panel::JobsBoard},
        {tr("Force Gr&oups"), Panel::ForceGroups},
    };
    int number = 1;
    for (const auto &[text, panel] : panels) {
        auto *action = view->addAction(text, this, [this, p = panel] {
            showPanel(p);
        });
        action->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_0 + number++)));
        m_studyActions << action;
    }
    view->addSeparator();
    auto *run = view->addAction(tr("&Run Interview"), this, [this] {
        if (!m_guidePanel)
            return;
        showPanel(Panel::Guide);
        m_guidePanel->enterRunMode();
    });
    run->setShortcut(QKeySequence(Qt::Key_F5));
    run->setShortcutContext(Qt::WindowShortcut);
    run->setObjectName(QStringLiteral("runInterviewAction"));
    m_studyActions << run;
    view->addSeparator();
    for (auto *dock : findChildren<QDockWidget *>())
        view->addAction(dock->toggleViewAction());

    auto *synthesis = menuBar()->addMenu(tr("&Synthesis"));
    auto *runSynthesis = synthesis->addAction(tr("&Run Synthesis\u2026"), this, [this] {
        if (!m_jobsBoardPanel)
            return;
        showPanel(Panel::JobsBoard);
        m_jobsBoardPanel->runSynthesisWithDialog();
    });
    runSynthesis->setObjectName(QStringLiteral("runSynthesisAction"));
    auto *dendrogram = synthesis->addAction(tr("Show the &Dendrogram"), this, [this] {
        if (!m_jobsBoardPanel)
            return;
        showPanel(Panel::JobsBoard);
        m_jobsBoardPanel->showDendrogram(true);
    });
    m_studyActions << runSynthesis << dendrogram;

    auto *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About JTBD Workbench"), this, &MainWindow::showAbout);
}

void MainWindow::setDocument(std::unique_ptr<StudyDocument> document)
{
    // Panels first: they hold pointers to the document they were built for. What is still being
    // typed (a memo, a question) is stored before they go.
    commitPendingEdits();
    if (m_tabs) {
        m_central->removeWidget(m_tabs);
        delete m_tabs;
        m_tabs = nullptr;
        m_guidePanel = nullptr;
        m_transcriptPanel = nullptr;
        m_forcesPanel = nullptr;
        m_timelinePanel = nullptr;
        m_codebookPanel = nullptr;
        m_jobsBoardPanel = nullptr;
        m_forceGroupsPanel = nullptr;
    }
    m_navigatorView->setModel(nullptr);
    m_navigatorFilter->setSourceModel(nullptr);
    delete m_navigatorModel;
    m_navigatorModel = nullptr;
    if (m_document)
        m_undoGroup->removeStack(m_document->undoStack());
    m_document = std::move(document);

    for (auto *action : std::as_const(m_studyActions))
        action->setEnabled(m_document != nullptr);
    if (!m_document) {
        m_central->setCurrentWidget(m_welcome);
        setWindowTitle(tr("JTBD Workbench"));
        m_navigatorView->setModel(m_navigatorFilter);
        updateStatus();
        return;
    }

    auto *doc = m_document.get();
    m_undoGroup->addStack(doc->undoStack());
    m_undoGroup->setActiveStack(doc->undoStack());
    connect(doc, &StudyDocument::changed, this, &MainWindow::onChanged);
    connect(doc, &StudyDocument::errorOccurred, this, [this](const QString &message) {
        presentError({tr("The change was not saved"), message});
    });

    m_navigatorModel = new NavigatorModel(doc, this);
    m_navigatorFilter->setSourceModel(m_navigatorModel);
    m_navigatorView->setModel(m_navigatorFilter);
    m_navigatorView->expand(m_navigatorFilter->mapFromSource(
        m_navigatorModel->groupIndex(NavigatorModel::Group::Interviews)));
    m_navigatorView->expand(m_navigatorFilter->mapFromSource(
        m_navigatorModel->groupIndex(NavigatorModel::Group::Jobs)));

    m_tabs = new QTabWidget(m_central);
    m_tabs->setObjectName(QStringLiteral("panels"));
    m_tabs->setDocumentMode(true);
    m_guidePanel = new GuidePanel(doc, m_tabs);
    m_transcriptPanel = new TranscriptPanel(doc, m_tabs);
    m_forcesPanel = new ForcesPanel(doc, m_tabs);
    m_timelinePanel = new TimelinePanel(doc, m_tabs);
    m_codebookPanel = new CodebookPanel(doc, m_tabs);
    m_jobsBoardPanel = new JobsBoardPanel(doc, m_tabs);
    m_forceGroupsPanel = new ForceGroupsPanel(doc, m_tabs);
    m_tabs->addTab(m_guidePanel, tr("Interview Guide"));
    m_tabs->addTab(m_transcriptPanel, tr("Transcript"));
    m_tabs->addTab(m_forcesPanel, tr("Forces Diagram"));
    m_tabs->addTab(m_timelinePanel, tr("Switch Timeline"));
    m_tabs->addTab(m_codebookPanel, tr("Codebook"));
    m_tabs->addTab(m_jobsBoardPanel, tr("Jobs Board"));
    m_tabs->addTab(m_forceGroupsPanel, tr("Force Groups"));
    m_central->addWidget(m_tabs);
    m_central->setCurrentWidget(m_tabs);

    connect(m_forcesPanel, &ForcesPanel::quoteActivated, this, &MainWindow::showQuote);
    connect(m_timelinePanel, &TimelinePanel::quoteActivated, this, &MainWindow::showQuote);
    connect(m_codebookPanel, &CodebookPanel::codeActivated, this, [this](Id codeId) {
        m_transcriptPanel->setCodeFilter(codeId);
        showPanel(Panel::Transcript);
    });
    connect(m_transcriptPanel, &TranscriptPanel::statusMessage, this, [this](const QString &text) {
        statusBar()->showMessage(text, 4000);
    });
    connect(m_jobsBoardPanel, &JobsBoardPanel::quoteActivated, this, &MainWindow::showQuote);
    connect(m_forceGroupsPanel, &ForceGroupsPanel::quoteActivated, this, &MainWindow::showQuote);
    connect(
        m_jobsBoardPanel, &JobsBoardPanel::interviewActivated, this, &MainWindow::openInterview);
    connect(m_jobsBoardPanel, &JobsBoardPanel::forcesRequested, this, &MainWindow::openJob);
    connect(m_jobsBoardPanel, &JobsBoardPanel::statusMessage, this, [this](const QString &text) {
        statusBar()->showMessage(text, 8000);
    });

    setWindowTitle(tr("%1 — JTBD Workbench").arg(doc->displayName()));
    updateStatus();

    // Open the first interview so the transcript and timeline are never blank.
    if (auto interviews = doc->study().interviews(); interviews && !interviews->empty()) {
        const Id first = interviews->front().interview.id;
        m_transcriptPanel->setInterview(first);
        m_timelinePanel->setInterview(first);
        m_guidePanel->setInterview(first);
    }
}

void MainWindow::onChanged(const Change &change)
{
    if (change.kind == Change::Kind::StudyInfo || change.kind == Change::Kind::Everything)
        setWindowTitle(tr("%1 — JTBD Workbench").arg(m_document->displayName()));
    // A tag changes only the counts: they are read once after a run of tags, off the tag's frame.
    if (change.kind == Change::Kind::Highlights || change.kind == Change::Kind::Transcript)
        m_statusTimer->start();
    else
        updateStatus();
}

void MainWindow::updateStatus()
{
    if (!m_document) {
        m_statusStudy->setText(tr("No study open"));
        return;
    }
    auto stats = m_document->study().stats();
    if (!stats) {
        m_statusStudy->setText(toQString(stats.error().message));
        return;
    }
    m_statusStudy->setText(tr("%1 interviews · %2 highlights · %3 jobs · every change saved")
                               .arg(stats->interviews)
                               .arg(stats->highlights)
                               .arg(stats->jobs));
    m_statusStudy->setToolTip(
        QDir::toNativeSeparators(QString::fromStdString(m_document->path().string())));
}

bool MainWindow::openStudy(const QString &path)
{
    auto study = Study::open(path.toStdString());
    if (!study) {
        qCInfo(lcApp).noquote() << "Cannot open" << path << ":" << toQString(study.error().message);
        presentError(describeOpenError(path, study.error()));
        return false;
    }
    setDocument(std::make_unique<StudyDocument>(std::move(*study)));
    rememberFile(QFileInfo(path).absoluteFilePath());
    return true;
}

bool MainWindow::createStudy(const QString &path, bool sample)
{
    auto study = sample ? createSampleStudy(path.toStdString()) : Study::create(path.toStdString());
    if (!study) {
        presentError(describeOpenError(path, study.error()));
        return false;
    }
    setDocument(std::make_unique<StudyDocument>(std::move(*study)));
    rememberFile(QFileInfo(path).absoluteFilePath());
    return true;
}

bool MainWindow::openSampleStudy()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    QDir().mkpath(folder);
    const QString path = QDir(folder).filePath(QStringLiteral("Sample study.jtbd"));
    if (QFileInfo::exists(path))
        return openStudy(path);
    return createStudy(path, true);
}

void MainWindow::showPanel(Panel panel)
{
    if (!m_tabs)
        return;
    m_tabs->setCurrentIndex(static_cast<int>(panel));
}

MainWindow::Panel MainWindow::currentPanel() const
{
    return m_tabs ? static_cast<Panel>(m_tabs->currentIndex()) : Panel::Guide;
}

void MainWindow::openInterview(Id interviewId)
{
    if (!m_document)
        return;
    m_transcriptPanel->setInterview(interviewId);
    m_timelinePanel->setInterview(interviewId);
    m_guidePanel->setInterview(interviewId);
    if (currentPanel() != Panel::Timeline && currentPanel() != Panel::Guide)
        showPanel(Panel::Transcript);
}

void MainWindow::openJob(Id jobId)
{
    if (!m_document)
        return;
    m_forcesPanel->setScope(Scope::job(jobId));
    showPanel(Panel::Forces);
}

void MainWindow::showQuote(Id interviewId, Id highlightId)
{
    if (!m_document)
        return;
    m_timelinePanel->setInterview(interviewId);
    m_guidePanel->setInterview(interviewId);
    m_transcriptPanel->showHighlight(interviewId, highlightId);
    showPanel(Panel::Transcript);
}

void MainWindow::activateNavigatorItem(const QModelIndex &proxyIndex)
{
    const auto index = m_navigatorFilter->mapToSource(proxyIndex);
    const Id id = index.data(NavigatorModel::IdRole).toLongLong();
    if (id == 0)
        return;
    switch (static_cast<NavigatorModel::Group>(index.data(NavigatorModel::GroupRole).toInt())) {
    case NavigatorModel::Group::Interviews:
        openInterview(id);
        break;
    case NavigatorModel::Group::Jobs:
        openJob(id);
        break;
    case NavigatorModel::Group::Participants:
        if (auto interviews = m_document->study().interviews()) {
            for (const auto &item : *interviews) {
                if (item.interview.participantId == id) {
                    openInterview(item.interview.id);
                    break;
                }
            }
        }
        break;
    }
}

void MainWindow::showNavigatorMenu(const QPoint &position)
{
    const auto index = m_navigatorFilter->mapToSource(m_navigatorView->indexAt(position));
    const Id id = index.data(NavigatorModel::IdRole).toLongLong();
    if (!m_document || id == 0
        || index.data(NavigatorModel::GroupRole).toInt()
               != static_cast<int>(NavigatorModel::Group::Interviews))
        return;
    QMenu menu(this);
    menu.addAction(tr("Open Transcript"), this, [this, id] {
        openInterview(id);
    });
    menu.addAction(tr("Run Interview"), this, [this, id] {
        openInterview(id);
        showPanel(Panel::Guide);
        m_guidePanel->enterRunMode();
    });
    auto *status = menu.addMenu(tr("Status"));
    const auto current = m_document->study().interview(id);
    for (auto value : {InterviewStatus::Planned,
                       InterviewStatus::Conducted,
                       InterviewStatus::Transcribed,
                       InterviewStatus::Coded,
                       InterviewStatus::Reviewed}) {
        auto *action =
            status->addAction(NavigatorModel::statusName(value), this, [this, id, value] {
                setInterviewStatus(id, value);
            });
        action->setCheckable(true);
        action->setChecked(current && current->status == value);
    }
    menu.exec(m_navigatorView->viewport()->mapToGlobal(position));
}

bool MainWindow::setInterviewStatus(Id interviewId, InterviewStatus status)
{
    auto before = m_document->study().interview(interviewId);
    if (!before || before->status == status)
        return false;
    Interview after = *before;
    after.status = status;
    const Interview was = *before;
    return m_document->apply(std::make_unique<StudyCommand>(
        tr("Mark “%1” %2").arg(toQString(was.title), NavigatorModel::statusName(status)),
        [after](Study &study) {
            return study.updateInterview(after);
        },
        [was](Study &study) {
            return study.updateInterview(was);
        },
        std::vector<Change>{{Change::Kind::Interviews, interviewId}}));
}

QStringList MainWindow::recentFiles() const
{
    return QSettings().value(kRecentKey).toStringList();
}

void MainWindow::rememberFile(const QString &path)
{
    QSettings settings;
    auto files = settings.value(kRecentKey).toStringList();
    files.removeAll(path);
    files.prepend(path);
    while (files.size() > kMaxRecentFiles)
        files.removeLast();
    settings.setValue(kRecentKey, files);
    settings.setValue(kLastKey, path);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    m_recentMenu->clear();
    const auto files = recentFiles();
    for (const auto &path : files) {
        auto *action = m_recentMenu->addAction(QFileInfo(path).fileName(), this, [this, path] {
            openStudy(path);
        });
        action->setToolTip(path);
        action->setStatusTip(QDir::toNativeSeparators(path));
    }
    if (files.isEmpty())
        m_recentMenu->addAction(tr("No recent studies"))->setEnabled(false);
    else {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("Clear List"), this, [this] {
            QSettings().remove(kRecentKey);
            updateRecentMenu();
        });
    }
}

void MainWindow::setErrorPresenter(std::function<void(const ErrorText &)> presenter)
{
    m_errorPresenter = std::move(presenter);
}

void MainWindow::presentError(const ErrorText &error)
{
    statusBar()->showMessage(error.title, 8000);
    if (m_errorPresenter)
        m_errorPresenter(error);
}

void MainWindow::newStudyDialog()
{
    QString path = QFileDialog::getSaveFileName(this, tr("New Study"), {}, studyFilter());
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".jtbd");
    createStudy(path);
}

void MainWindow::openStudyDialog()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Study"), {}, studyFilter());
    if (!path.isEmpty())
        openStudy(path);
}

void MainWindow::importDialog()
{
    if (!m_document)
        return;
    const auto files =
        QFileDialog::getOpenFileNames(this,
                                      tr("Import Transcripts"),
                                      {},
                                      tr("Transcripts (*.txt *.vtt *.srt *.docx);;All files (*)"));
    if (files.isEmpty())
        return;
    ImportDialog dialog(m_document->study(), files, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const auto chosen = dialog.files();
    QProgressDialog progress(
        tr("Importing transcripts…"), tr("Cancel"), 0, static_cast<int>(chosen.size()), this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    auto command = std::make_unique<ImportTranscriptsCommand>(
        chosen, dialog.options(), [&progress](int done, int) {
            progress.setValue(done);
            return !progress.wasCanceled();
        });
    auto *raw = command.get();
    if (!m_document->apply(std::move(command))) {
        if (progress.wasCanceled())
            statusBar()->showMessage(tr("Import cancelled; nothing was imported"), 8000);
        return;
    }
    std::size_t warnings = 0;
    for (const auto &file : raw->imported())
        warnings += file.warnings.size();
    statusBar()->showMessage(
        tr("Imported %n transcripts", nullptr, static_cast<int>(chosen.size()))
            + (warnings ? tr(" with %n warnings (see the log)", nullptr, static_cast<int>(warnings))
                        : QString()),
        8000);
    for (const auto &file : raw->imported())
        for (const auto &warning : file.warnings)
            qCInfo(lcApp).noquote()
                << QString::fromStdString(file.file.string()) << ":" << toQString(warning);
    if (!raw->imported().empty() && raw->imported().back().interviewId)
        openInterview(*raw->imported().back().interviewId);
}

void MainWindow::exportJsonDialog()
{
    if (!m_document || isExporting())
        return;
    QString path = QFileDialog::getSaveFileName(this,
                                                tr("Export Study as JSON"),
                                                m_document->displayName() + QStringLiteral(".json"),
                                                exportFilter(ExportFormat::StudyJson));
    if (!path.isEmpty())
        runExportWithProgress({ExportFormat::StudyJson, path, {}});
}

ExportDialog *MainWindow::showExportDialog(ExportFormat format)
{
    if (!m_document || isExporting())
        return nullptr;
    auto *dialog = new ExportDialog(m_document->study(), m_document->displayName(), format, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        runExportWithProgress(dialog->request());
    });
    dialog->open();
    return dialog;
}

void MainWindow::runExportWithProgress(const ExportRequest &request)
{
    if (!m_document || isExporting())
        return;
    exportFile(request);
    if (!isExporting())
        return;
    m_exporter->showProgress(this);
    connect(
        m_exporter,
        &ExportRunner::finished,
        this,
        [this](bool written, const QString &message) {
            if (written || m_exporter->wasCancelled())
                statusBar()->showMessage(message, 8000);
            else
                presentError({tr("Export failed"), message});
        },
        Qt::SingleShotConnection);
}

void MainWindow::exportJson(const QString &path)
{
    exportFile({ExportFormat::StudyJson, path, {}});
}

void MainWindow::exportFile(const ExportRequest &request)
{
    // The export reads through its own connection, so the window keeps working on the study.
    if (m_document)
        m_exporter->start(m_document->path(), request);
}

void MainWindow::cancelExport()
{
    m_exporter->cancel();
}

bool MainWindow::isExporting() const
{
    return m_exporter && m_exporter->isRunning();
}

void MainWindow::showAbout()
{
    QMessageBox::about(this,
                       tr("About JTBD Workbench"),
                       tr("<h3>JTBD Workbench %1</h3><p>A workbench for Jobs To Be Done "
                          "interview "
                          "research: plan and run switch interviews, tag the four forces of "
                          "progress, and cluster stories into jobs.</p>")
                           .arg(QStringLiteral(JTBD_VERSION)));
}

void MainWindow::commitPendingEdits()
{
    if (m_transcriptPanel)
        m_transcriptPanel->commitPendingEdits();
    if (m_guidePanel)
        m_guidePanel->commitEdits();
    if (m_jobsBoardPanel)
        m_jobsBoardPanel->commitEdits();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    commitPendingEdits();
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    event->accept();
}

} // namespace jtbd::app
