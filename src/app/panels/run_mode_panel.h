// Run mode: conducting an interview from its guide. The current question large, its probes and the
// section's tips beside it, an outline with the covered questions ticked, the interview clock
// against the plan, notes typed per question, and quick capture of timeline events. Everything is
// stored the moment it is entered, as undoable edits.
#pragma once

#include <jtbd/model.h>

#include <QElapsedTimer>
#include <QHash>
#include <QWidget>

#include <optional>
#include <set>
#include <vector>

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTimer;
class QTreeView;
class QFrame;

namespace jtbd::app {

class GuideModel;
class StudyDocument;
struct Change;

class RunModePanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RunModePanel)

public:
    explicit RunModePanel(StudyDocument *document, QWidget *parent = nullptr);
    ~RunModePanel() override;

    // Runs `guideId` for `interviewId`: back where it was left for this interview during this
    // session, or at the first question not yet covered. The clock keeps its time per interview.
    void start(Id interviewId, Id guideId);

    Id interviewId() const { return m_interviewId; }

    Id guideId() const { return m_guide.id; }

    // Steps: every question in guide order; a section without questions is one step of its own.
    int stepCount() const { return static_cast<int>(m_steps.size()); }

    int currentStep() const { return m_step; }

    Id currentSectionId() const;
    Id currentQuestionId() const; // 0 on a section without questions
    void goToStep(int step);
    void goToQuestion(Id questionId);
    void next();
    void previous();

    // The interview clock.
    void startClock();
    void pauseClock();
    bool isClockRunning() const;
    qint64 elapsedMs() const;
    // Sets the clock (when the recording started before run mode did, say); keeps it running or
    // paused.
    void setElapsedMs(qint64 ms);

    // Stores what is typed in the notes box as a note under the current question, at the time it
    // was begun. False (with the reason shown) when nothing was stored.
    bool saveNote();
    // Marks the current question covered, or clears the mark.
    void setCovered(bool covered);
    void toggleCovered();

    // Opens the inline form that captures a timeline event of `kind`.
    void beginCapture(EventKind kind);
    // Stores the event typed in the form; false (with the reason in the form) when nothing was
    // stored.
    bool saveCapture();
    void cancelCapture();

Q_SIGNALS:
    // Esc or the Leave button: the owner shows the guide again.
    void leaveRequested();

protected:
    void showEvent(QShowEvent *event) override;

private:
    struct Step
    {
        int section = 0;
        int question = -1; // -1: the section itself (it has no questions)
    };

    struct Clock
    {
        qint64 accumulatedMs = 0;
        bool running = false;
        QElapsedTimer since;
    };

    void buildUi();
    void onChanged(const Change &change);
    void reloadGuide();
    void reloadRecords(); // notes, coverage, timeline
    void showStep();
    void showNotes();
    void showTimeline();
    void updateClock();
    void onOutlineClicked(const QModelIndex &index);
    std::optional<std::int64_t> noteTime() const;
    const GuideSection *currentSection() const;
    const GuideQuestion *currentQuestion() const;
    int minutesThroughCurrentSection() const;
    int plannedMinutes() const;
    Clock &clock();
    const Clock *clockOf(Id interviewId) const;

    StudyDocument *m_document;
    Id m_interviewId = 0;
    Guide m_guide;
    std::vector<Step> m_steps;
    int m_step = 0;
    std::vector<InterviewNote> m_notes;
    std::vector<TimelineEvent> m_timeline;
    std::set<Id> m_covered;
    // Per interview, for the session: the clock, and the question shown last.
    QHash<Id, Clock> m_clocks;
    QHash<Id, Id> m_lastQuestion;
    std::optional<qint64> m_noteBegunMs;
    std::optional<EventKind> m_captureKind;

    GuideModel *m_outlineModel;
    QTreeView *m_outline;
    QLabel *m_interviewLabel;
    QLabel *m_positionLabel;
    QLabel *m_clockLabel;
    QLabel *m_clockPlanLabel;
    QPushButton *m_clockButton;
    QPushButton *m_leaveButton;
    QLabel *m_sectionLabel;
    QLabel *m_phaseLabel;
    QLabel *m_questionLabel;
    QLabel *m_hintLabel;
    QLabel *m_probesLabel;
    QLabel *m_tipsLabel;
    QCheckBox *m_coveredBox;
    QPushButton *m_previousButton;
    QPushButton *m_nextButton;
    QLabel *m_stepLabel;
    QLabel *m_notesTitle;
    QPlainTextEdit *m_noteEdit;
    QPushButton *m_saveNoteButton;
    QListWidget *m_noteList;
    QLabel *m_noteMessage;
    std::vector<QPushButton *> m_captureButtons;
    QFrame *m_captureForm;
    QLabel *m_captureTitle;
    QLineEdit *m_captureWhen;
    QLineEdit *m_captureNote;
    QPushButton *m_captureSave;
    QPushButton *m_captureCancel;
    QLabel *m_captureMessage;
    QLabel *m_capturedLabel;
    QTimer *m_tick;
};

} // namespace jtbd::app
