// The jobs board: the study's jobs as columns of story cards, moved between jobs by dragging (or
// from a card's menu); the selected job's editor beside them, its fields next to the draft and
// the quotes the draft cites; the dendrogram of the stories in a tab; and Run Synthesis, which
// clusters the stories into jobs and drafts them, as one undoable step.
#pragma once

#include <jtbd/model.h>

#include <QList>
#include <QString>
#include <QWidget>

#include <app/commands/job_commands.h>
#include <map>
#include <optional>
#include <vector>

class QLabel;
class QPushButton;
class QScrollArea;
class QSpinBox;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTimer;

namespace jtbd::app {

struct Change;
class DendrogramView;
class JobColumn;
class JobEditor;
class StoryCard;
class StudyDocument;
struct StoryCardData;

class JobsBoardPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobsBoardPanel)

public:
    explicit JobsBoardPanel(StudyDocument *document, QWidget *parent = nullptr);
    ~JobsBoardPanel() override;

    // The columns shown, in job order; the column of stories in no job (id 0) last when there
    // are such stories.
    QList<JobColumn *> columns() const;
    JobColumn *column(Id jobId) const;
    // True while the study has no jobs and the board shows how to get some.
    bool isShowingEmptyState() const;

    void selectJob(Id jobId);

    Id selectedJob() const { return m_selectedJob; }

    JobEditor *editor() const { return m_editor; }

    DendrogramView *dendrogramView() const { return m_dendrogram; }

    // Shows the dendrogram tab (true) or the board's columns (false).
    void showDendrogram(bool show);

    // The board's edits, each one undo step; true when stored. fromJobId and toJobId 0 mean no
    // job.
    bool moveStory(Id interviewId, Id fromJobId, Id toJobId);
    bool setStoryPlaced(Id interviewId, Id jobId, bool placed);
    bool editJob(Id jobId, JobField field, const QString &text);
    // Runs the synthesis with `jobs` jobs (empty: chosen by silhouette) as one undo step.
    bool runSynthesis(std::optional<int> jobs);
    // Asks for the number of jobs, then runs the synthesis.
    void runSynthesisWithDialog();

    // Stores what is being typed in the editor.
    void commitEdits();

Q_SIGNALS:
    void quoteActivated(jtbd::Id interviewId, jtbd::Id highlightId);
    void interviewActivated(jtbd::Id interviewId);
    void forcesRequested(jtbd::Id jobId);
    void statusMessage(const QString &text);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void onChanged(const Change &change);
    void scheduleReload();
    void reload();
    void reloadDendrogram();
    void rebuildColumns();
    void showSelection();
    void showCardMenu(StoryCard *card, const QPoint &global);
    const StoryCardData &story(Id interviewId, bool placed);
    void holdReload();
    void releaseReload();

    StudyDocument *m_document;
    std::vector<Job> m_jobs;
    std::vector<Id> m_unplaced; // stories with quotes in no job
    Id m_selectedJob = 0;
    Id m_selectedStory = 0;
    // What each story's card shows (its strongest quote takes a read), until it changes.
    std::map<Id, StoryCardData> m_stories;

    QLabel *m_summary;
    QPushButton *m_run;
    QStackedWidget *m_stack; // the empty state, or the board
    QWidget *m_emptyPage;
    QLabel *m_emptyText;
    QSplitter *m_splitter;
    QTabWidget *m_tabs;
    QScrollArea *m_boardScroll;
    QList<JobColumn *> m_columns;
    JobEditor *m_editor;
    DendrogramView *m_dendrogram;
    QSpinBox *m_cut;
    QTimer *m_reloadTimer;
    bool m_reloadWhenShown = false;
    bool m_dendrogramStale = true;
    // While a drag or a menu runs its own event loop the cards must stay: a reload waits.
    int m_holds = 0;
    bool m_reloadWhenReleased = false;
};

} // namespace jtbd::app
