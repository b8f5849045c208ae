// Run mode: conducting an interview. Notes, coverage and timeline events are stored at once (read
// back from the file by a second connection), navigation walks the guide, the clock keeps its time.
#include "app_fixture.h"

#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

#include <app/models/guide_model.h>
#include <app/panels/guide_panel.h>
#include <app/panels/run_mode_panel.h>

namespace jtbd::test {
namespace {

using app::GuidePanel;
using app::RunModePanel;

class RunModeTest : public ::testing::Test
{
protected:
    RunModeTest()
        : panel(doc.document.get())
        , interviewId(doc.interviewOf("P03"))
    {
        panel.resize(1200, 800);
        panel.setInterview(interviewId);
        guide = builtinGuide(doc.study());
        EXPECT_TRUE(panel.enterRunMode());
        run = panel.runModePanel();
    }

    // What another program reading the file sees.
    Study reopened() { return expectOk(Study::open(doc.document->path())); }

    template<typename T>
    T *child(const char *name)
    {
        return namedChild<T>(*run, name);
    }

    SampleDocument doc;
    GuidePanel panel;
    Id interviewId;
    Guide guide;
    RunModePanel *run = nullptr;
};

TEST_F(RunModeTest, ShowsTheQuestionWithItsSectionAndWalksThroughTheGuide)
{
    ASSERT_EQ(run->currentStep(), 0);
    EXPECT_EQ(run->currentQuestionId(), guide.sections[0].questions[0].id);
    EXPECT_EQ(child<QLabel>("runQuestionLabel")->text(),
              app::toQString(guide.sections[0].questions[0].text));
    EXPECT_EQ(child<QLabel>("runSectionLabel")->text(), app::toQString(guide.sections[0].title));
    EXPECT_FALSE(child<QPushButton>("runPreviousButton")->isEnabled());

    // Through the first section's questions into the second section, then back.
    const int firstSection = static_cast<int>(guide.sections[0].questions.size());
    for (int i = 0; i < firstSection; ++i)
        child<QPushButton>("runNextButton")->click();
    EXPECT_EQ(run->currentSectionId(), guide.sections[1].id);
    EXPECT_EQ(run->currentQuestionId(), guide.sections[1].questions[0].id);
    EXPECT_TRUE(child<QLabel>("runPositionLabel")->text().contains(QStringLiteral("section 2 of")));
    run->previous();
    EXPECT_EQ(run->currentSectionId(), guide.sections[0].id);
    EXPECT_EQ(run->currentQuestionId(), guide.sections[0].questions.back().id);

    // The purchase section shows its event; its probes are listed.
    run->goToQuestion(guide.sections[2].questions[0].id);
    EXPECT_TRUE(
        child<QLabel>("runPhaseLabel")->text().contains(QStringLiteral("Purchase (event)")));
    EXPECT_TRUE(
        child<QLabel>("runProbesLabel")
            ->text()
            .contains(app::toQString(guide.sections[2].questions[0].probes[0]).toHtmlEscaped()));

    // The end stops at the last question.
    run->goToStep(run->stepCount() - 1);
    run->next();
    EXPECT_EQ(run->currentStep(), run->stepCount() - 1);
    EXPECT_FALSE(child<QPushButton>("runNextButton")->isEnabled());
}

TEST_F(RunModeTest, KeysMoveBetweenQuestionsAndLeave)
{
    panel.show();
    QApplication::setActiveWindow(&panel);
    ASSERT_TRUE(QTest::qWaitForWindowActive(&panel));
    run->setFocus();
    QTest::keyClick(run, Qt::Key_PageDown);
    EXPECT_EQ(run->currentStep(), 1);
    QTest::keyClick(run, Qt::Key_Right, Qt::ControlModifier);
    EXPECT_EQ(run->currentStep(), 2);
    QTest::keyClick(run, Qt::Key_PageUp);
    EXPECT_EQ(run->currentStep(), 1);
    QSignalSpy running(&panel, &GuidePanel::runModeChanged);
    QTest::keyClick(run, Qt::Key_Escape);
    EXPECT_FALSE(panel.isRunning());
    ASSERT_EQ(running.count(), 1);
    EXPECT_FALSE(running.at(0).at(0).toBool());
}

TEST_F(RunModeTest, KeysCaptureEventsAndSaveNotes)
{
    panel.show();
    QApplication::setActiveWindow(&panel);
    ASSERT_TRUE(QTest::qWaitForWindowActive(&panel));
    run->setFocus();
    QTest::keyClick(run, Qt::Key_2, Qt::AltModifier);
    ASSERT_FALSE(child<QWidget>("runCaptureForm")->isHidden());
    EXPECT_EQ(child<QLabel>("runCaptureTitle")->text(), QStringLiteral("Event 1:"));
    QTest::keyClick(child<QLineEdit>("runCaptureWhen"), Qt::Key_Escape);
    EXPECT_TRUE(child<QWidget>("runCaptureForm")->isHidden());
    EXPECT_TRUE(panel.isRunning()); // Esc closed the form first

    auto *note = child<QPlainTextEdit>("runNoteEdit");
    note->setFocus();
    QTest::keyClicks(note, QStringLiteral("Sighed when she said it"));
    QTest::keyClick(note, Qt::Key_Return, Qt::ControlModifier);
    EXPECT_TRUE(note->toPlainText().isEmpty());
    const auto notes = expectOk(reopened().notes(interviewId));
    EXPECT_TRUE(std::any_of(notes.begin(), notes.end(), [&](const InterviewNote &n) {
        return n.text == "Sighed when she said it" && n.questionId == run->currentQuestionId()
               && !n.atMs; // the clock was never started
    }));
}

TEST_F(RunModeTest, NotesAreStoredUnderTheQuestionWithTheirTime)
{
    run->goToQuestion(guide.sections[2].questions[1].id);
    run->setElapsedMs(14 * 60 * 1000 + 5000);
    child<QPlainTextEdit>("runNoteEdit")->setPlainText(QStringLiteral("Signed up on the train"));
    run->setElapsedMs(15 * 60 * 1000); // saved a minute after it was begun
    ASSERT_TRUE(run->saveNote());
    EXPECT_TRUE(child<QPlainTextEdit>("runNoteEdit")->toPlainText().isEmpty());

    const auto notes = expectOk(reopened().notes(interviewId));
    const auto found = std::find_if(notes.begin(), notes.end(), [](const InterviewNote &n) {
        return n.text == "Signed up on the train";
    });
    ASSERT_NE(found, notes.end());
    EXPECT_EQ(found->questionId, guide.sections[2].questions[1].id);
    EXPECT_EQ(found->atMs, 14 * 60 * 1000 + 5000);
    // Listed under the question, with its time.
    auto *list = child<QListWidget>("runNoteList");
    ASSERT_EQ(list->count(), 1);
    EXPECT_EQ(list->item(0)->text(), QStringLiteral("14:05   Signed up on the train"));
    // Not under another question.
    run->next();
    EXPECT_EQ(list->item(0)->text(), QStringLiteral("No notes yet"));

    // Undoable; an empty note is not stored.
    doc.document->undoStack()->undo();
    EXPECT_EQ(expectOk(reopened().notes(interviewId)).size(), notes.size() - 1);
    EXPECT_FALSE(run->saveNote());
    EXPECT_FALSE(child<QLabel>("runNoteMessage")->text().isEmpty());
}

TEST_F(RunModeTest, CoveredQuestionsAreStoredAndTickedInTheOutline)
{
    const Id question = guide.sections[0].questions[1].id;
    run->goToQuestion(question);
    run->setElapsedMs(90 * 1000);
    child<QCheckBox>("runCoveredBox")->click();
    EXPECT_TRUE(child<QCheckBox>("runCoveredBox")->isChecked());
    EXPECT_EQ(expectOk(reopened().coverage(interviewId)),
              (std::vector<QuestionCoverage>{{interviewId, question, 90 * 1000}}));
    auto *outline = run->findChild<QAbstractItemView *>(QStringLiteral("runOutline"));
    ASSERT_NE(outline, nullptr);
    auto *model = qobject_cast<app::GuideModel *>(outline->model());
    ASSERT_NE(model, nullptr);
    EXPECT_TRUE(model->data(model->questionIndex(question), app::GuideModel::CoveredRole).toBool());
    // The editor's tree shows it too once run mode is left.
    panel.leaveRunMode();
    EXPECT_TRUE(panel.model()->isCovered(question));
    panel.enterRunMode();
    EXPECT_EQ(run->currentQuestionId(), question); // back where it was left

    // Space toggles it off again; undo puts the mark back with its time.
    panel.show();
    QApplication::setActiveWindow(&panel);
    ASSERT_TRUE(QTest::qWaitForWindowActive(&panel));
    run->setFocus();
    QTest::keyClick(run, Qt::Key_Space);
    EXPECT_TRUE(expectOk(reopened().coverage(interviewId)).empty());
    EXPECT_FALSE(child<QCheckBox>("runCoveredBox")->isChecked());
    doc.document->undoStack()->undo();
    EXPECT_EQ(expectOk(reopened().coverage(interviewId)),
              (std::vector<QuestionCoverage>{{interviewId, question, 90 * 1000}}));
    EXPECT_TRUE(child<QCheckBox>("runCoveredBox")->isChecked());
}

TEST_F(RunModeTest, TimelineEventsAreCapturedWithDateAndNote)
{
    const auto before = expectOk(reopened().timeline(interviewId)).size();
    child<QPushButton>("runCapture_event-1")->click();
    EXPECT_FALSE(child<QWidget>("runCaptureForm")->isHidden());
    child<QLineEdit>("runCaptureWhen")->setText(QStringLiteral("2026-03"));
    child<QLineEdit>("runCaptureNote")->setText(QStringLiteral("The accountant's email"));
    ASSERT_TRUE(run->saveCapture());
    EXPECT_TRUE(child<QWidget>("runCaptureForm")->isHidden());

    run->beginCapture(EventKind::FirstThought);
    child<QLineEdit>("runCaptureWhen")->setText(QStringLiteral("about a year before"));
    child<QLineEdit>("runCaptureNote")->setText(QStringLiteral("Chasing a client at Christmas"));
    ASSERT_TRUE(run->saveCapture());

    const auto timeline = expectOk(reopened().timeline(interviewId));
    ASSERT_EQ(timeline.size(), before + 2);
    auto find = [&](const std::string &description) {
        return std::find_if(timeline.begin(), timeline.end(), [&](const TimelineEvent &e) {
            return e.description == description;
        });
    };
    const auto event1 = find("The accountant's email");
    ASSERT_NE(event1, timeline.end());
    EXPECT_EQ(event1->kind, EventKind::Event1);
    EXPECT_EQ(event1->occurredOn, "2026-03");
    const auto first = find("Chasing a client at Christmas");
    ASSERT_NE(first, timeline.end());
    EXPECT_EQ(first->kind, EventKind::FirstThought);
    EXPECT_EQ(first->occurredOn, "");
    EXPECT_EQ(first->relativeTime, "about a year before");
    EXPECT_TRUE(
        child<QLabel>("runCapturedLabel")->text().contains(QStringLiteral("Event 1: 2026-03")));
}

TEST_F(RunModeTest, AnInvalidDateIsShownAndNothingIsStored)
{
    const auto before = expectOk(reopened().timeline(interviewId));
    const int depth = doc.document->undoStack()->count();
    run->beginCapture(EventKind::Purchase);
    child<QLineEdit>("runCaptureWhen")->setText(QStringLiteral("2026-02-30"));
    child<QLineEdit>("runCaptureNote")->setText(QStringLiteral("Signed up"));
    EXPECT_FALSE(run->saveCapture());
    auto *message = child<QLabel>("runCaptureMessage");
    EXPECT_FALSE(message->isHidden());
    EXPECT_TRUE(message->text().contains(QStringLiteral("2026-02-30")));
    EXPECT_FALSE(child<QWidget>("runCaptureForm")->isHidden()); // still open to correct it
    EXPECT_EQ(expectOk(reopened().timeline(interviewId)), before);
    EXPECT_EQ(doc.document->undoStack()->count(), depth);
}

TEST_F(RunModeTest, TheClockKeepsItsTimeForTheInterviewAcrossVisits)
{
    auto *clock = child<QLabel>("runClockLabel");
    EXPECT_EQ(clock->text(), QStringLiteral("00:00 / %1:00").arg(guide.plannedMinutes));
    run->startClock();
    EXPECT_TRUE(run->isClockRunning());
    run->pauseClock();
    run->setElapsedMs(23 * 60 * 1000 + 10 * 1000);
    EXPECT_TRUE(clock->text().startsWith(QStringLiteral("23:10 / ")));
    panel.leaveRunMode();
    panel.enterRunMode();
    EXPECT_GE(run->elapsedMs(), 23 * 60 * 1000 + 10 * 1000);
    EXPECT_FALSE(run->isClockRunning());

    // Another interview has its own clock; coming back finds this one as it was.
    panel.leaveRunMode();
    panel.setInterview(doc.interviewOf("P04"));
    panel.enterRunMode();
    EXPECT_EQ(run->elapsedMs(), 0);
    panel.leaveRunMode();
    panel.setInterview(interviewId);
    panel.enterRunMode();
    EXPECT_EQ(run->elapsedMs(), 23 * 60 * 1000 + 10 * 1000);
}

TEST_F(RunModeTest, TheClockTurnsAmberPastTheSectionAndRedPastTheGuide)
{
    auto *clock = child<QLabel>("runClockLabel");
    run->goToQuestion(guide.sections[0].questions[0].id);
    run->setElapsedMs(60 * 1000);
    EXPECT_EQ(clock->property("overrun").toString(), QString());
    run->setElapsedMs((guide.sections[0].minutes + 1) * 60 * 1000);
    EXPECT_EQ(clock->property("overrun").toString(), QStringLiteral("section"));
    run->setElapsedMs((guide.plannedMinutes + 1) * 60 * 1000);
    EXPECT_EQ(clock->property("overrun").toString(), QStringLiteral("guide"));
}

TEST_F(RunModeTest, RendersMidInterview)
{
    const Id question = guide.sections[2].questions[1].id;
    run->goToQuestion(guide.sections[0].questions[0].id);
    run->toggleCovered();
    run->goToQuestion(guide.sections[1].questions[0].id);
    run->toggleCovered();
    run->goToQuestion(question);
    run->setElapsedMs(19 * 60 * 1000 + 40 * 1000);
    for (const auto *text : {"Signed up on the train home, on her phone",
                             "“I just wanted it off my plate before the holidays”"}) {
        child<QPlainTextEdit>("runNoteEdit")->setPlainText(QString::fromUtf8(text));
        ASSERT_TRUE(run->saveNote());
        run->setElapsedMs(run->elapsedMs() + 50 * 1000);
    }
    run->toggleCovered();
    run->setElapsedMs(23 * 60 * 1000 + 10 * 1000);
    run->beginCapture(EventKind::Event2);
    child<QLineEdit>("runCaptureWhen")->setText(QStringLiteral("2026-13"));
    run->saveCapture();
    panel.show();
    const QImage image = panel.grab().toImage();
    EXPECT_FALSE(image.isNull());
    keepScreenshot(image, QStringLiteral("run_mode.png"));
}

} // namespace
} // namespace jtbd::test
