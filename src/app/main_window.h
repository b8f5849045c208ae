// The workbench's main window: the study navigator, the panels, menus and status bar.
#pragma once

#include <jtbd/model.h>

#include <QMainWindow>

#include <app/export_runner.h>
#include <functional>
#include <memory>

class QLabel;
class QLineEdit;
class QMenu;
class QSortFilterProxyModel;
class QStackedWidget;
class QTabWidget;
class QTimer;
class QTreeView;
class QUndoGroup;
class QUndoView;

namespace jtbd::app {

class CodebookPanel;
class ExportDialog;
class ForceGroupsPanel;
class ForcesPanel;
class GuidePanel;
class JobsBoardPanel;
class NavigatorModel;
class StudyDocument;
class TimelinePanel;
class TranscriptPanel;
struct Change;
struct ErrorText;

class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    enum class Panel {
        Guide,
        Transcript,
        Forces,
        Timeline,
        Codebook,
        JobsBoard,
        ForceGroups
    };

    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens a study file. When it cannot be opened (not a study, damaged, newer, locked) the
    // person is told what is wrong, the file is left as it was, and the current study stays open.
    bool openStudy(const QString &path);
    // Creates a new, empty study (or a copy of the sample study) at `path` and opens it.
    bool createStudy(const QString &path, bool sample = false);
    // Opens the bundled sample study, writing it to the user's data folder on first use.
    bool openSampleStudy();

    StudyDocument *document() const { return m_document.get(); }

    NavigatorModel *navigatorModel() const { return m_navigatorModel; }

    QTreeView *navigatorView() const { return m_navigatorView; }

    void showPanel(Panel panel);
    Panel currentPanel() const;

    GuidePanel *guidePanel() const { return m_guidePanel; }

    TranscriptPanel *transcriptPanel() const { return m_transcriptPanel; }

    ForcesPanel *forcesPanel() const { return m_forcesPanel; }

    TimelinePanel *timelinePanel() const { return m_timelinePanel; }

    CodebookPanel *codebookPanel() const { return m_codebookPanel; }

    JobsBoardPanel *jobsBoardPanel() const { return m_jobsBoardPanel; }

    ForceGroupsPanel *forceGroupsPanel() const { return m_forceGroupsPanel; }

    // Navigation used by the navigator, the diagrams' quote cards and the tests.
    void openInterview(Id interviewId);
    void openJob(Id jobId);
    void showQuote(Id interviewId, Id highlightId);

    // Sets an interview's status (planned, conducted…) as an undoable edit.
    bool setInterviewStatus(Id interviewId, InterviewStatus status);

    QStringList recentFiles() const;

    // Writes the study JSON to `path` in the background (the window stays responsive); the file
    // appears only when the export is complete and was not cancelled. exportFinished() tells how
    // it ended.
    void exportJson(const QString &path);
    // The same for any export (the report, the job stories, the highlights).
    void exportFile(const ExportRequest &request);
    void cancelExport();
    bool isExporting() const;

    // File > Export's dialog for the report formats, shown window-modal. Its Export button
    // starts the export with a progress window; the status bar names the file written, an
    // error is presented.
    ExportDialog *showExportDialog(ExportFormat format);

    // How errors reach the person: a message box unless replaced (the tests record them).
    void setErrorPresenter(std::function<void(const ErrorText &)> presenter);

Q_SIGNALS:
    void exportFinished(bool written, const QString &message);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void commitPendingEdits();
    void buildNavigator();
    void setDocument(std::unique_ptr<StudyDocument> document);
    void onChanged(const Change &change);
    void updateStatus();
    void updateRecentMenu();
    void rememberFile(const QString &path);
    void presentError(const ErrorText &error);
    void activateNavigatorItem(const QModelIndex &index);
    void showNavigatorMenu(const QPoint &position);

    void newStudyDialog();
    void openStudyDialog();
    void importDialog();
    void exportJsonDialog();
    void runExportWithProgress(const ExportRequest &request);
    void showAbout();

    std::unique_ptr<StudyDocument> m_document;
    NavigatorModel *m_navigatorModel = nullptr;
    QSortFilterProxyModel *m_navigatorFilter = nullptr;
    QTreeView *m_navigatorView = nullptr;
    QLineEdit *m_navigatorSearch = nullptr;
    QStackedWidget *m_central = nullptr; // the welcome page, or the panels
    QWidget *m_welcome = nullptr;
    QTabWidget *m_tabs = nullptr;
    GuidePanel *m_guidePanel = nullptr;
    TranscriptPanel *m_transcriptPanel = nullptr;
    ForcesPanel *m_forcesPanel = nullptr;
    TimelinePanel *m_timelinePanel = nullptr;
    CodebookPanel *m_codebookPanel = nullptr;
    JobsBoardPanel *m_jobsBoardPanel = nullptr;
    ForceGroupsPanel *m_forceGroupsPanel = nullptr;
    QUndoGroup *m_undoGroup = nullptr;
    QTimer *m_statusTimer = nullptr;
    QUndoView *m_undoView = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_editMenu = nullptr;
    QLabel *m_statusStudy = nullptr;
    QList<QAction *> m_studyActions; // enabled only while a study is open
    QAction *m_undoAction = nullptr;
    QAction *m_redoAction = nullptr;
    std::function<void(const ErrorText &)> m_errorPresenter;
    ExportRunner *m_exporter = nullptr;
};

} // namespace jtbd::app
