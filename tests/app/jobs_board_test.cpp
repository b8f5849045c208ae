// The jobs board on the sample study: its columns and cards, dropping a card on another job and
// the card's menu (both undoable), editing a job's fields, the draft's quotes opening their
// transcript, Run Synthesis and its undo, the empty state, and the dendrogram.
#include "app_fixture.h"

#include <QApplication>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QDialog>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QTextEdit>
#include <QTimer>
#include <QUndoStack>

#include <algorithm>
#include <app/main_window.h>
#include <app/panels/dendrogram_view.h>
#include <app/panels/job_column.h>
#include <app/panels/job_editor.h>
#include <app/panels/jobs_board_panel.h>
#include <app/panels/transcript_panel.h>
#include <app/study_document.h>
#include <set>

namespace jtbd::test {
namespace {

using app::DendrogramView;
using app::JobColumn;
using app::JobEditor;
using app::JobField;
using app::JobsBoardPanel;
using app::QuoteLink;
using app::StoryCard;

QStringList codesOf(const JobColumn *column)
{
    QStringList codes;
    for (const StoryCard *card : column->cards())
        codes << card->data().code;
    return codes;
}

StoryCard *cardOf(const JobColumn *column, Id interviewId)
{
    for (StoryCard *card : column->cards())
        if (card->data().interviewId == interviewId)
            return card;
    return nullptr;
}

class JobsBoardTest
    : public ::testing::Test
    , protected SampleDocument
{
protected:
    JobsBoardTest()
    {
        panel = std::make_unique<JobsBoardPanel>(document.get());
        panel->resize(1400, 900);
        panel->show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(panel.get()));
    }

    std::vector<Job> jobs() { return expectOk(study().jobs(), "jobs"); }

    // Lets the board read what was announced.
    void settle() { QCoreApplication::processEvents(); }

    // Drops `card` on `column` the way a drag ends.
    bool drop(StoryCard *card, JobColumn *column)
    {
        QMimeData mime;
        mime.setData(StoryCard::kMimeType,
                     app::storyDragData(card->data().interviewId, card->jobId()));
        const QPoint at = column->rect().center();
        QDragEnterEvent enter(at, Qt::MoveAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(column, &enter);
        if (!enter.isAccepted())
            return false;
        QDropEvent dropped(QPointF(at), Qt::MoveAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(column, &dropped);
        settle();
        return dropped.isAccepted();
    }

    // A draft for `job` whose "When" and first-thought clauses cite quotes of its first story.
    JobDraft writeDraft(const Job &job)
    {
        const auto quotes = expectOk(study().highlights(job.interviewIds.front()), "highlights");
        EXPECT_GE(quotes.size(), 2u);
        JobDraft draft;
        draft.jobId = job.id;
        draft.clauses = {
            {DraftPart::StoryWhen, "the invoice is overdue", {quotes[0].id}},
            {DraftPart::FirstThought, "a client paid ninety days late", {quotes[1].id}}};
        expectOk(document->applyWithoutUndo(
                     [&](Study &s) {
                         return s.setJobDraft(draft);
                     },
                     {app::Change::Kind::Jobs, 0}),
                 "draft");
        settle();
        return draft;
    }

    std::unique_ptr<JobsBoardPanel> panel;
};

TEST_F(JobsBoardTest, ShowsTheSampleJobsWithTheirCards)
{
    const auto stored = jobs();
    ASSERT_EQ(stored.size(), 3u);
    EXPECT_FALSE(panel->isShowingEmptyState());
    const auto columns = panel->columns();
    ASSERT_EQ(columns.size(), 3); // every story is in a job: no column of stories in no job
    for (int i = 0; i < 3; ++i) {
        const Job &job = stored[static_cast<std::size_t>(i)];
        EXPECT_EQ(columns[i]->jobId(), job.id);
        EXPECT_EQ(columns[i]->name(), app::toQString(job.name));
        ASSERT_EQ(columns[i]->cards().size(), job.interviewIds.size());
        auto *count = columns[i]->findChild<QLabel *>(QStringLiteral("jobColumnCount"));
        ASSERT_NE(count, nullptr);
        EXPECT_EQ(count->text(), QStringLiteral("4 stories"));
    }
    EXPECT_EQ(codesOf(columns[0]),
              (QStringList{QStringLiteral("P01"),
                           QStringLiteral("P04"),
                           QStringLiteral("P07"),
                           QStringLiteral("P10")}));
    for (const StoryCard *card : columns[1]->cards()) {
        EXPECT_FALSE(card->data().pseudonym.isEmpty());
        EXPECT_FALSE(card->data().title.isEmpty());
        EXPECT_FALSE(card->data().quote.isEmpty()) << card->data().code.toStdString();
        EXPECT_FALSE(card->data().placed);
    }
    auto *summary = panel->findChild<QLabel *>(QStringLiteral("jobsSummary"));
    EXPECT_EQ(summary->text(), QStringLiteral("3 jobs \u00B7 12 stories"));

    // The first job is selected and shown in the editor.
    EXPECT_EQ(panel->selectedJob(), stored[0].id);
    EXPECT_TRUE(columns[0]->isSelected());
    auto *name = qobject_cast<QLineEdit *>(panel->editor()->fieldEditor(JobField::Name));
    ASSERT_NE(name, nullptr);
    EXPECT_EQ(name->text(), app::toQString(stored[0].name));
    auto *when = qobject_cast<QTextEdit *>(panel->editor()->fieldEditor(JobField::StoryWhen));
    ASSERT_NE(when, nullptr);
    EXPECT_EQ(when->toPlainText(), app::toQString(stored[0].storyWhen));

    // Clicking a card selects its job.
    QTest::mouseClick(columns[2]->cards()[1], Qt::LeftButton);
    EXPECT_EQ(panel->selectedJob(), stored[2].id);
    EXPECT_TRUE(columns[2]->cards()[1]->isSelected());
    EXPECT_EQ(name->text(), app::toQString(stored[2].name));

    settle();
    keepScreenshot(panel->grab().toImage(), QStringLiteral("jobs_board.png"));
}

TEST_F(JobsBoardTest, DroppingACardOnAnotherJobMovesItUndoably)
{
    const auto before = jobs();
    auto *from = panel->column(before[0].id);
    auto *to = panel->column(before[1].id);
    ASSERT_NE(from, nullptr);
    ASSERT_NE(to, nullptr);
    StoryCard *card = from->cards()[1]; // P04
    const Id story = card->data().interviewId;

    // A card dropped back on its own column is not taken.
    EXPECT_FALSE(drop(card, from));
    EXPECT_EQ(document->undoStack()->count(), 0);

    ASSERT_TRUE(drop(card, to));
    EXPECT_EQ(document->undoStack()->count(), 1);
    from = panel->column(before[0].id);
    to = panel->column(before[1].id);
    EXPECT_EQ(from->cards().size(), 3u);
    ASSERT_EQ(to->cards().size(), 5u);
    StoryCard *moved = cardOf(to, story);
    ASSERT_NE(moved, nullptr);
    EXPECT_TRUE(moved->data().placed); // the pin
    EXPECT_EQ(jobs()[1].placedInterviewIds, std::vector<Id>{story});
    EXPECT_EQ(panel->selectedJob(), before[1].id);

    document->undoStack()->undo();
    settle();
    EXPECT_EQ(jobs(), before);
    EXPECT_EQ(panel->column(before[0].id)->cards().size(), 4u);
    EXPECT_EQ(cardOf(panel->column(before[1].id), story), nullptr);

    document->undoStack()->redo();
    settle();
    ASSERT_NE(cardOf(panel->column(before[1].id), story), nullptr);
    EXPECT_TRUE(cardOf(panel->column(before[1].id), story)->data().placed);
}

TEST_F(JobsBoardTest, AStoryInNoJobHasAColumnOfItsOwn)
{
    const auto before = jobs();
    const Id story = before[1].interviewIds.back();
    ASSERT_TRUE(panel->moveStory(story, before[1].id, 0));
    settle();
    auto columns = panel->columns();
    ASSERT_EQ(columns.size(), 4);
    EXPECT_EQ(columns.back()->jobId(), 0);
    EXPECT_EQ(columns.back()->name(), QStringLiteral("Not in a job"));
    ASSERT_EQ(columns.back()->cards().size(), 1u);
    EXPECT_FALSE(columns.back()->cards()[0]->data().placed);
    auto *summary = panel->findChild<QLabel *>(QStringLiteral("jobsSummary"));
    EXPECT_TRUE(summary->text().endsWith(QStringLiteral("1 in no job")))
        << summary->text().toStdString();

    // Back into a job by a drop: the column goes again.
    ASSERT_TRUE(drop(columns.back()->cards()[0], panel->column(before[0].id)));
    EXPECT_EQ(panel->columns().size(), 3);
    EXPECT_EQ(jobs()[0].placedInterviewIds, std::vector<Id>{story});
    document->undoStack()->undo();
    document->undoStack()->undo();
    settle();
    EXPECT_EQ(jobs(), before);
    EXPECT_EQ(panel->columns().size(), 3);
}

TEST_F(JobsBoardTest, TheCardMenuMovesAStoryFromTheKeyboard)
{
    const auto before = jobs();
    StoryCard *card = panel->column(before[2].id)->cards()[0];
    const Id story = card->data().interviewId;
    const QString target = app::toQString(before[0].name);
    bool chosen = false;
    // The menu runs its own event loop: answer it from a timer once it is open.
    QTimer answer;
    answer.setInterval(10);
    QObject::connect(&answer, &QTimer::timeout, [&] {
        auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
        if (!menu)
            return;
        answer.stop();
        for (QAction *action : menu->actions()) {
            if (!action->menu())
                continue;
            for (QAction *job : action->menu()->actions()) {
                if (job->text() == target) {
                    job->trigger();
                    chosen = true;
                }
            }
        }
        menu->close();
    });
    answer.start();
    const QPoint at = card->rect().center();
    QContextMenuEvent event(QContextMenuEvent::Keyboard, at, card->mapToGlobal(at));
    QApplication::sendEvent(card, &event);
    settle();
    ASSERT_TRUE(chosen);
    const auto after = jobs();
    EXPECT_EQ(std::count(after[0].interviewIds.begin(), after[0].interviewIds.end(), story), 1);
    ASSERT_NE(cardOf(panel->column(before[0].id), story), nullptr);
    document->undoStack()->undo();
    EXPECT_EQ(jobs(), before);
}

TEST_F(JobsBoardTest, EditingAFieldIsOneUndoStepPerEdit)
{
    const auto before = jobs();
    JobEditor *editor = panel->editor();
    auto *when = qobject_cast<QTextEdit *>(editor->fieldEditor(JobField::StoryWhen));
    ASSERT_NE(when, nullptr);
    when->selectAll();
    QTest::keyClicks(when, QStringLiteral("a client is 60 days late"));
    panel->commitEdits();
    settle();
    EXPECT_EQ(jobs()[0].storyWhen, "a client is 60 days late");
    EXPECT_EQ(document->undoStack()->count(), 1);
    // Committing again without typing adds nothing.
    panel->commitEdits();
    EXPECT_EQ(document->undoStack()->count(), 1);

    auto *name = qobject_cast<QLineEdit *>(editor->fieldEditor(JobField::Name));
    ASSERT_NE(name, nullptr);
    name->selectAll();
    QTest::keyClicks(name, QStringLiteral("Get paid"));
    QTest::keyClick(name, Qt::Key_Return); // editing finished
    settle();
    EXPECT_EQ(jobs()[0].name, "Get paid");
    EXPECT_EQ(panel->column(before[0].id)->name(), QStringLiteral("Get paid"));
    EXPECT_EQ(document->undoStack()->count(), 2);

    document->undoStack()->undo();
    settle();
    EXPECT_EQ(jobs()[0].name, before[0].name);
    EXPECT_EQ(name->text(), app::toQString(before[0].name));
    EXPECT_EQ(jobs()[0].storyWhen, "a client is 60 days late");
    document->undoStack()->undo();
    settle();
    EXPECT_EQ(jobs(), before);
    EXPECT_EQ(when->toPlainText(), app::toQString(before[0].storyWhen));
    document->undoStack()->redo();
    document->undoStack()->redo();
    settle();
    EXPECT_EQ(jobs()[0].name, "Get paid");
    EXPECT_EQ(when->toPlainText(), QStringLiteral("a client is 60 days late"));
}

TEST_F(JobsBoardTest, ARefusedNameIsPutBack)
{
    QStringList errors;
    QObject::connect(
        document.get(), &app::StudyDocument::errorOccurred, [&](const QString &message) {
            errors << message;
        });
    auto *name = qobject_cast<QLineEdit *>(panel->editor()->fieldEditor(JobField::Name));
    name->selectAll();
    QTest::keyClick(name, Qt::Key_Delete);
    QTest::keyClick(name, Qt::Key_Return);
    settle();
    ASSERT_EQ(errors.size(), 1);
    EXPECT_TRUE(errors[0].contains(QStringLiteral("needs a name"))) << errors[0].toStdString();
    EXPECT_EQ(name->text(), app::toQString(jobs()[0].name));
    EXPECT_EQ(document->undoStack()->count(), 0);
}

TEST_F(JobsBoardTest, TheDraftAndItsQuotesAreShownAndOpenTheTranscript)
{
    const auto stored = jobs();
    const JobDraft draft = writeDraft(stored[0]);
    JobEditor *editor = panel->editor();
    auto *draftLabel = editor->findChild<QLabel *>(QStringLiteral("jobStoryWhenDraft"));
    ASSERT_NE(draftLabel, nullptr);
    EXPECT_TRUE(draftLabel->isVisibleTo(editor));
    EXPECT_TRUE(draftLabel->text().contains(QStringLiteral("the invoice is overdue")));
    const auto links = editor->quoteLinks();
    ASSERT_EQ(links.size(), 2); // one under "When", one under the first thought
    EXPECT_EQ(links[0]->highlightId(), draft.clauses[0].highlightIds[0]);
    EXPECT_EQ(links[1]->highlightId(), draft.clauses[1].highlightIds[0]);
    EXPECT_TRUE(links[0]->text().contains(QStringLiteral("P01")));

    QSignalSpy spy(panel.get(), &JobsBoardPanel::quoteActivated);
    QTest::mouseClick(links[1], Qt::LeftButton);
    ASSERT_EQ(spy.count(), 1);
    EXPECT_EQ(spy[0][0].value<Id>(), stored[0].interviewIds.front());
    EXPECT_EQ(spy[0][1].value<Id>(), draft.clauses[1].highlightIds[0]);
    links[0]->setFocus();
    QTest::keyClick(links[0], Qt::Key_Return);
    EXPECT_EQ(spy.count(), 2);

    // "Use Draft" puts the draft's words in the field, as one undo step.
    auto *use = editor->findChild<QPushButton *>(QStringLiteral("jobStoryWhenUseDraft"));
    ASSERT_NE(use, nullptr);
    EXPECT_TRUE(use->isVisibleTo(editor));
    QTest::mouseClick(use, Qt::LeftButton);
    settle();
    EXPECT_EQ(jobs()[0].storyWhen, "the invoice is overdue");
    EXPECT_FALSE(use->isVisibleTo(editor));
    EXPECT_TRUE(draftLabel->text().startsWith(QStringLiteral("Follows the draft")));
    document->undoStack()->undo();
    settle();
    EXPECT_EQ(jobs()[0].storyWhen, stored[0].storyWhen);
}

TEST_F(JobsBoardTest, OpenForcesAsksForTheSelectedJob)
{
    QSignalSpy spy(panel.get(), &JobsBoardPanel::forcesRequested);
    panel->selectJob(jobs()[1].id);
    QTest::mouseClick(panel->editor()->findChild<QPushButton *>(QStringLiteral("jobOpenForces")),
                      Qt::LeftButton);
    ASSERT_EQ(spy.count(), 1);
    EXPECT_EQ(spy[0][0].value<Id>(), jobs()[1].id);
}

TEST_F(JobsBoardTest, RunSynthesisReplacesTheBoardAndUndoRestoresIt)
{
    const auto before = jobs();
    QSignalSpy status(panel.get(), &JobsBoardPanel::statusMessage);
    ASSERT_TRUE(panel->runSynthesis(3));
    settle();
    ASSERT_EQ(status.count(), 1);
    EXPECT_TRUE(status[0][0].toString().startsWith(QStringLiteral("Synthesis: 3 jobs")))
        << status[0][0].toString().toStdString();
    const auto after = jobs();
    ASSERT_EQ(after.size(), 3u);
    ASSERT_EQ(panel->columns().size(), 3);
    std::set<Id> shown;
    for (const JobColumn *column : panel->columns())
        for (const StoryCard *card : column->cards())
            shown.insert(card->data().interviewId);
    EXPECT_EQ(shown.size(), 12u);
    // The synthesis drafted the jobs: the editor shows the draft's quotes.
    EXPECT_FALSE(panel->editor()->quoteLinks().isEmpty());
    // Word-wrapped labels settle in further layout passes.
    settle();
    settle();
    keepScreenshot(panel->grab().toImage(), QStringLiteral("jobs_board_synthesis.png"));
    keepScreenshot(
        panel->editor()->findChild<QWidget *>(QStringLiteral("jobEditorContent"))->grab().toImage(),
        QStringLiteral("jobs_editor_synthesis.png"));
    EXPECT_EQ(document->undoStack()->count(), 1);

    document->undoStack()->undo();
    settle();
    EXPECT_EQ(jobs(), before);
    for (const Job &job : before)
        EXPECT_TRUE(expectOk(study().jobDraft(job.id), "draft").clauses.empty());
    EXPECT_TRUE(panel->editor()->quoteLinks().isEmpty());
    EXPECT_EQ(panel->column(before[0].id)->name(), app::toQString(before[0].name));

    document->undoStack()->redo();
    settle();
    EXPECT_EQ(jobs(), after);
}

TEST_F(JobsBoardTest, RunSynthesisAsksForTheNumberOfJobs)
{
    // The dialog is modal: answer it from a timer once it is open.
    bool answered = false;
    QTimer answer;
    answer.setInterval(10);
    QObject::connect(&answer, &QTimer::timeout, [&] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        if (!dialog || dialog->objectName() != QStringLiteral("runSynthesisDialog"))
            return;
        answer.stop();
        dialog->setProperty("expectedByTest", true);
        auto *count = dialog->findChild<QComboBox *>(QStringLiteral("synthesisJobCount"));
        ASSERT_NE(count, nullptr);
        EXPECT_EQ(count->count(), 6); // by silhouette, then 2 to 6
        count->setCurrentIndex(count->findText(QStringLiteral("4")));
        answered = true;
        dialog->accept();
    });
    answer.start();
    QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("runSynthesisButton")),
                      Qt::LeftButton);
    settle();
    ASSERT_TRUE(answered);
    EXPECT_EQ(document->undoStack()->count(), 1);
    EXPECT_EQ(jobs().size(), 4u);
    EXPECT_EQ(panel->columns().size(), 4);
}

TEST_F(JobsBoardTest, TheDendrogramDrawsOneLeafPerStory)
{
    // Before the synthesis there are no force groups to cluster on: the view says so.
    panel->showDendrogram(true);
    DendrogramView *view = panel->dendrogramView();
    EXPECT_TRUE(view->message().startsWith(QStringLiteral("There are no force groups yet")));
    EXPECT_TRUE(view->leaves().empty());

    ASSERT_TRUE(panel->runSynthesis(3));
    settle();
    ASSERT_TRUE(view->message().isEmpty()) << view->message().toStdString();
    keepScreenshot(panel->grab().toImage(), QStringLiteral("jobs_dendrogram.png"));
    const auto &leaves = view->leaves();
    ASSERT_EQ(leaves.size(), view->clustering().matrix.interviewIds.size());
    ASSERT_EQ(leaves.size(), 12u);
    QStringList labels;
    for (const auto &leaf : leaves) {
        labels << leaf.label;
        EXPECT_TRUE(view->rect().contains(leaf.labelRect.toRect())) << leaf.label.toStdString();
    }
    labels.sort();
    EXPECT_EQ(labels.first(), QStringLiteral("P01"));
    EXPECT_EQ(labels.last(), QStringLiteral("P12"));
    EXPECT_EQ(QSet<QString>(labels.begin(), labels.end()).size(), 12);
    // Leaves in drawing order, left to right.
    for (std::size_t i = 1; i < leaves.size(); ++i)
        EXPECT_LT(leaves[i - 1].point.x(), leaves[i].point.x());

    // The cut follows the board's three jobs, and moves when another k is chosen.
    auto *cut = panel->findChild<QSpinBox *>(QStringLiteral("dendrogramCut"));
    ASSERT_NE(cut, nullptr);
    EXPECT_EQ(cut->value(), 3);
    EXPECT_EQ(view->cut(), 3);
    const qreal three = view->cutY();
    cut->setValue(2);
    EXPECT_EQ(view->cut(), 2);
    EXPECT_LT(view->cutY(), three); // fewer jobs: higher up the tree
    EXPECT_FALSE(view->clustering().silhouettes.empty());
}

TEST(JobsBoardEmptyState, AStudyWithoutJobsSaysHowToGetThem)
{
    SampleDocument sample;
    expectOk(sample.document->applyWithoutUndo(
                 [](Study &study) -> Status {
                     auto jobs = study.jobs();
                     if (!jobs)
                         return jobs.error();
                     for (const Job &job : *jobs)
                         if (auto status = study.deleteJob(job.id); !status)
                             return status;
                     return {};
                 },
                 {app::Change::Kind::Jobs, 0}),
             "delete jobs");
    JobsBoardPanel panel(sample.document.get());
    panel.resize(1200, 800);
    panel.show();
    EXPECT_TRUE(panel.isShowingEmptyState());
    EXPECT_TRUE(panel.columns().isEmpty());
    auto *text = panel.findChild<QLabel *>(QStringLiteral("jobsEmptyText"));
    ASSERT_NE(text, nullptr);
    EXPECT_TRUE(text->text().startsWith(QStringLiteral("Run Synthesis to cluster the stories")));
    auto *button = panel.findChild<QPushButton *>(QStringLiteral("emptyRunSynthesisButton"));
    ASSERT_NE(button, nullptr);
    EXPECT_TRUE(button->isVisible());
    EXPECT_EQ(panel.editor()->jobId(), 0);

    // Running the synthesis fills the board; undoing it brings the empty state back.
    ASSERT_TRUE(panel.runSynthesis(std::nullopt));
    QCoreApplication::processEvents();
    EXPECT_FALSE(panel.isShowingEmptyState());
    EXPECT_GE(panel.columns().size(), 2);
    QCoreApplication::processEvents();
    keepScreenshot(panel.grab().toImage(), QStringLiteral("jobs_board_estimated.png"));
    sample.document->undoStack()->undo();
    QCoreApplication::processEvents();
    EXPECT_TRUE(panel.isShowingEmptyState());
}

TEST(JobsBoardEmptyState, AStudyWithoutQuotesAsksForTaggingFirst)
{
    SmallDocument small;
    JobsBoardPanel panel(small.document.get());
    panel.show();
    EXPECT_TRUE(panel.isShowingEmptyState());
    EXPECT_TRUE(panel.findChild<QLabel *>(QStringLiteral("jobsEmptyText"))
                    ->text()
                    .startsWith(QStringLiteral("Tag quotes")));
}

TEST(JobsBoardWindow, QuotesAndCardsOpenTheirTranscriptFromTheWindow)
{
    TempDir dir;
    app::MainWindow window;
    ASSERT_TRUE(window.createStudy(QString::fromStdString((dir / "sample.jtbd").string()), true));
    window.show();
    window.showPanel(app::MainWindow::Panel::JobsBoard);
    JobsBoardPanel *board = window.jobsBoardPanel();
    ASSERT_NE(board, nullptr);
    EXPECT_EQ(window.currentPanel(), app::MainWindow::Panel::JobsBoard);
    QCoreApplication::processEvents();
    ASSERT_EQ(board->columns().size(), 3);

    StoryCard *card = board->columns()[1]->cards()[0];
    const Id interviewId = card->data().interviewId;
    QTest::mouseDClick(card, Qt::LeftButton);
    EXPECT_EQ(window.currentPanel(), app::MainWindow::Panel::Transcript);
    EXPECT_EQ(window.transcriptPanel()->interviewId(), interviewId);

    window.showPanel(app::MainWindow::Panel::JobsBoard);
    ASSERT_TRUE(board->runSynthesis(3));
    QCoreApplication::processEvents();
    const auto links = board->editor()->quoteLinks();
    ASSERT_FALSE(links.isEmpty());
    QTest::mouseClick(links.front(), Qt::LeftButton);
    EXPECT_EQ(window.currentPanel(), app::MainWindow::Panel::Transcript);
    EXPECT_EQ(window.transcriptPanel()->interviewId(), links.front()->interviewId());

    window.showPanel(app::MainWindow::Panel::JobsBoard);
    QTest::mouseClick(board->editor()->findChild<QPushButton *>(QStringLiteral("jobOpenForces")),
                      Qt::LeftButton);
    EXPECT_EQ(window.currentPanel(), app::MainWindow::Panel::Forces);
    window.close();
}

} // namespace
} // namespace jtbd::test
