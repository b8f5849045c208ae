// The guide panel: every edit of a guide is stored and undoes and redoes exactly; the built-in
// template is never changed.
#include "app_fixture.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFrame>
#include <QLineEdit>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>

#include <app/models/guide_model.h>
#include <app/panels/guide_panel.h>
#include <app/panels/run_mode_panel.h>

namespace jtbd::test {
namespace {

using app::GuidePanel;

class GuidePanelTest : public ::testing::Test
{
protected:
    GuidePanelTest()
        : panel(doc.document.get())
        , tester(panel.model(), QAbstractItemModelTester::FailureReportingMode::Warning)
        , errors(doc.document.get(), &app::StudyDocument::errorOccurred)
    {
        panel.resize(1200, 800);
        panel.setInterview(doc.interviewOf("P01"));
        builtin = builtinGuide(doc.study());
    }

    // An editable copy of the built-in guide, shown in the panel; the history starts after it.
    Id editableCopy()
    {
        EXPECT_TRUE(panel.copyBuiltin());
        const Id id = panel.guideId();
        EXPECT_NE(id, builtin.id);
        doc.document->undoStack()->clear();
        return id;
    }

    Guide stored(Id guideId) { return expectOk(doc.study().guide(guideId)); }

    // Runs `edit`, then checks that undo gives back the guide as it was and redo the guide as
    // the edit left it, ids included.
    void expectRoundTrip(Id guideId, const std::function<bool()> &edit)
    {
        const Guide before = stored(guideId);
        const int depth = doc.document->undoStack()->count();
        ASSERT_TRUE(edit());
        const Guide after = stored(guideId);
        EXPECT_NE(after, before);
        EXPECT_EQ(doc.document->undoStack()->count(), depth + 1);
        doc.document->undoStack()->undo();
        EXPECT_EQ(stored(guideId), before);
        doc.document->undoStack()->redo();
        EXPECT_EQ(stored(guideId), after);
        EXPECT_EQ(errors.count(), 0) << errors.value(0).value(0).toString().toStdString();
    }

    template<typename T>
    T *child(const char *name)
    {
        return namedChild<T>(panel, name);
    }

    SampleDocument doc;
    GuidePanel panel;
    QAbstractItemModelTester tester;
    QSignalSpy errors;
    Guide builtin;
};

TEST_F(GuidePanelTest, ShowsTheInterviewsGuideWithTemplatesMarked)
{
    EXPECT_EQ(panel.guideId(), builtin.id); // the sample interviews use the built-in guide
    auto *combo = child<QComboBox>("guideCombo");
    EXPECT_EQ(combo->currentText(), QStringLiteral("Switch interview (built-in template)"));
    EXPECT_EQ(panel.model()->rowCount(), static_cast<int>(builtin.sections.size()));
    panel.selectSection(builtin.sections[2].id);
    EXPECT_EQ(child<QLineEdit>("sectionTitleEdit")->text(),
              app::toQString(builtin.sections[2].title));
    EXPECT_EQ(child<QComboBox>("sectionEventCombo")->currentText(), QStringLiteral("Purchase"));
    EXPECT_EQ(child<QComboBox>("sectionPhaseCombo")->currentText(), QStringLiteral("None"));
    EXPECT_EQ(child<QSpinBox>("sectionMinutesEdit")->value(), builtin.sections[2].minutes);
    EXPECT_EQ(child<QPlainTextEdit>("sectionTipsEdit")->toPlainText(),
              app::toQString(builtin.sections[2].tips));
    panel.selectQuestion(builtin.sections[2].questions[0].id);
    EXPECT_EQ(
        child<QPlainTextEdit>("questionProbesEdit")->toPlainText().split(QLatin1Char('\n')).size(),
        static_cast<int>(builtin.sections[2].questions[0].probes.size()));
}

TEST_F(GuidePanelTest, TheBuiltInTemplateIsRefusedAndCanBeCopied)
{
    panel.selectSection(builtin.sections[0].id);
    EXPECT_FALSE(child<QFrame>("guideBuiltinBanner")->isHidden());
    EXPECT_TRUE(child<QLineEdit>("sectionTitleEdit")->isReadOnly());
    EXPECT_FALSE(child<QPushButton>("guideAddSectionButton")->isEnabled());
    // Typed anyway: nothing is stored.
    child<QLineEdit>("sectionTitleEdit")->setText(QStringLiteral("Mine now"));
    panel.commitEdits();
    EXPECT_FALSE(panel.addSection());
    EXPECT_FALSE(panel.removeSelected());
    EXPECT_FALSE(panel.renameGuide(QStringLiteral("Renamed")));
    EXPECT_EQ(stored(builtin.id), builtin);
    ASSERT_GE(errors.count(), 1);
    EXPECT_TRUE(errors.last().at(0).toString().contains(QStringLiteral("built-in")));

    // The copy is editable and undoes and redoes under the same ids.
    const int guides = static_cast<int>(expectOk(doc.study().guides()).size());
    child<QPushButton>("guideCopyButton")->click();
    const Id copy = panel.guideId();
    ASSERT_NE(copy, builtin.id);
    const Guide copied = stored(copy);
    EXPECT_EQ(copied.name, "Switch interview (copy)");
    EXPECT_FALSE(copied.isTemplate);
    EXPECT_EQ(copied.sections.size(), builtin.sections.size());
    EXPECT_TRUE(child<QFrame>("guideBuiltinBanner")->isHidden());
    doc.document->undoStack()->undo();
    EXPECT_EQ(expectOk(doc.study().guides()).size(), static_cast<std::size_t>(guides));
    EXPECT_EQ(panel.guideId(), builtin.id);
    doc.document->undoStack()->redo();
    EXPECT_EQ(stored(copy), copied);
}

TEST_F(GuidePanelTest, AddAndRemoveSectionsUndoExactly)
{
    const Id guideId = editableCopy();
    const Guide guide = stored(guideId);
    panel.selectSection(guide.sections[1].id);
    Id selected = 0;
    expectRoundTrip(guideId, [&] {
        const bool added = panel.addSection();
        selected = panel.selectedSectionId();
        return added;
    });
    // Placed after the selected section and selected itself.
    const Guide added = stored(guideId);
    EXPECT_EQ(added.sections[2].title, "New section");
    EXPECT_EQ(selected, added.sections[2].id);

    panel.selectSection(guide.sections[3].id);
    expectRoundTrip(guideId, [&] {
        return panel.removeSelected();
    });
    EXPECT_EQ(stored(guideId).sections.size(), added.sections.size() - 1);
}

TEST_F(GuidePanelTest, RemovingASectionAndUndoingRestoresItsNotesAndCoverage)
{
    const Id interviewId = doc.interviewOf("P01");
    const Id guideId = editableCopy();
    const GuideSection section = stored(guideId).sections[2];
    const Id question = section.questions[1].id;
    InterviewNote note{0, interviewId, question, 64000, "Bought it in the car park", ""};
    note.id = expectOk(doc.study().addNote(note));
    expectOk(doc.study().setQuestionCovered(interviewId, question, 65000));
    const auto notesBefore = expectOk(doc.study().notes(interviewId));
    panel.selectSection(section.id);
    ASSERT_TRUE(panel.removeSelected());
    EXPECT_TRUE(expectOk(doc.study().coverage(interviewId)).empty());
    doc.document->undoStack()->undo();
    EXPECT_EQ(stored(guideId).sections[2], section);
    EXPECT_EQ(expectOk(doc.study().notes(interviewId)), notesBefore);
    EXPECT_EQ(expectOk(doc.study().coverage(interviewId)),
              (std::vector<QuestionCoverage>{{interviewId, question, 65000}}));
    EXPECT_TRUE(panel.model()->isCovered(question)); // the tree shows it again
}

TEST_F(GuidePanelTest, MovingSectionsUpAndDownUndoesExactly)
{
    const Id guideId = editableCopy();
    const Guide guide = stored(guideId);
    panel.selectSection(guide.sections[3].id);
    expectRoundTrip(guideId, [&] {
        return panel.moveSelected(-1);
    });
    EXPECT_EQ(stored(guideId).sections[2].id, guide.sections[3].id);
    EXPECT_EQ(panel.selectedSectionId(), guide.sections[3].id); // still selected
    expectRoundTrip(guideId, [&] {
        return panel.moveSelected(+1);
    });
    EXPECT_EQ(stored(guideId), guide);
    // Nothing above the first.
    panel.selectSection(guide.sections[0].id);
    EXPECT_FALSE(child<QPushButton>("guideUpButton")->isEnabled());
}

TEST_F(GuidePanelTest, EditingASectionInTheFormUndoesExactly)
{
    const Id guideId = editableCopy();
    const Guide guide = stored(guideId);
    panel.selectSection(guide.sections[4].id);
    expectRoundTrip(guideId, [&] {
        child<QLineEdit>("sectionTitleEdit")->setText(QStringLiteral("Shopping around"));
        auto *event = child<QComboBox>("sectionEventCombo");
        event->setCurrentIndex(event->findText(QStringLiteral("Event 2")));
        child<QSpinBox>("sectionMinutesEdit")->setValue(11);
        child<QPlainTextEdit>("sectionPurposeEdit")->setPlainText(QStringLiteral("The shortlist"));
        child<QPlainTextEdit>("sectionTipsEdit")
            ->setPlainText(QStringLiteral("Bracket: before or after the trial?"));
        return panel.commitEdits();
    });
    const GuideSection edited = stored(guideId).sections[4];
    EXPECT_EQ(edited.title, "Shopping around");
    EXPECT_EQ(edited.event, EventKind::Event2);
    EXPECT_EQ(edited.phase, guide.sections[4].phase); // active looking, kept
    EXPECT_EQ(edited.minutes, 11);
    EXPECT_EQ(edited.purpose, "The shortlist");
    EXPECT_EQ(edited.tips, "Bracket: before or after the trial?");
    EXPECT_EQ(edited.questions, guide.sections[4].questions);
    // Committing again with nothing changed adds nothing to the history.
    const int depth = doc.document->undoStack()->count();
    panel.commitEdits();
    EXPECT_EQ(doc.document->undoStack()->count(), depth);
}

TEST_F(GuidePanelTest, QuestionsAddEditMoveAndRemoveUndoExactly)
{
    const Id guideId = editableCopy();
    const Guide guide = stored(guideId);
    panel.selectQuestion(guide.sections[1].questions[0].id);
    Id selected = 0;
    expectRoundTrip(guideId, [&] {
        const bool added = panel.addQuestion();
        selected = panel.selectedQuestionId();
        return added;
    });
    const Id added = stored(guideId).sections[1].questions[1].id;
    EXPECT_EQ(selected, added);
    EXPECT_EQ(stored(guideId).sections[1].questions[1].text, "New question");

    panel.selectQuestion(added);
    expectRoundTrip(guideId, [&] {
        child<QPlainTextEdit>("questionTextEdit")
            ->setPlainText(QStringLiteral("Who else was there?"));
        child<QPlainTextEdit>("questionNoteEdit")->setPlainText(QStringLiteral("Names, roles"));
        child<QPlainTextEdit>("questionProbesEdit")
            ->setPlainText(QStringLiteral("Who signed off?\n\n  Who would have said no?  \n"));
        return panel.commitEdits();
    });
    const GuideQuestion edited = stored(guideId).sections[1].questions[1];
    EXPECT_EQ(edited.text, "Who else was there?");
    EXPECT_EQ(edited.note, "Names, roles");
    EXPECT_EQ(edited.probes,
              (std::vector<std::string>{"Who signed off?", "Who would have said no?"}));

    expectRoundTrip(guideId, [&] {
        return panel.moveSelected(-1);
    });
    EXPECT_EQ(stored(guideId).sections[1].questions[0].id, added);
    // From the top of its section, up into the end of the section before.
    expectRoundTrip(guideId, [&] {
        return panel.moveSelected(-1);
    });
    EXPECT_EQ(stored(guideId).sections[0].questions.back().id, added);
    EXPECT_EQ(panel.selectedQuestionId(), added);

    expectRoundTrip(guideId, [&] {
        return panel.removeSelected();
    });
    EXPECT_EQ(stored(guideId).sections[0].questions.size(), guide.sections[0].questions.size());
}

TEST_F(GuidePanelTest, DraggedRowsMoveAsUndoableEdits)
{
    const Id guideId = editableCopy();
    const Guide guide = stored(guideId);
    auto *model = panel.model();
    std::unique_ptr<QMimeData> section(
        model->mimeData({model->sectionIndex(guide.sections[0].id)}));
    model->dropMimeData(section.get(), Qt::MoveAction, 3, 0, {});
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return stored(guideId).sections[2].id == guide.sections[0].id;
        },
        2000));
    std::unique_ptr<QMimeData> question(
        model->mimeData({model->questionIndex(guide.sections[1].questions[2].id)}));
    model->dropMimeData(
        question.get(), Qt::MoveAction, 0, 0, model->sectionIndex(guide.sections[5].id));
    ASSERT_TRUE(QTest::qWaitFor(
        [&] {
            return stored(guideId).sections[5].questions[0].id == guide.sections[1].questions[2].id;
        },
        2000));
    EXPECT_EQ(doc.document->undoStack()->count(), 2);
    doc.document->undoStack()->undo();
    doc.document->undoStack()->undo();
    EXPECT_EQ(stored(guideId), guide);
}

TEST_F(GuidePanelTest, F5RunsTheInterview)
{
    panel.show();
    QApplication::setActiveWindow(&panel);
    ASSERT_TRUE(QTest::qWaitForWindowActive(&panel));
    panel.findChild<QTreeView *>(QStringLiteral("guideTree"))->setFocus();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_F5);
    EXPECT_TRUE(panel.isRunning());
}

TEST_F(GuidePanelTest, RenameSaveAsTemplateAndNewFromTemplateUndoExactly)
{
    const Id guideId = editableCopy();
    expectRoundTrip(guideId, [&] {
        return panel.renameGuide(QStringLiteral("Cancellation interview"));
    });
    EXPECT_EQ(stored(guideId).name, "Cancellation interview");
    EXPECT_TRUE(
        child<QComboBox>("guideCombo")->currentText().startsWith(QStringLiteral("Cancellation")));
    EXPECT_FALSE(panel.renameGuide(QStringLiteral("  "))); // a guide needs a name
    EXPECT_EQ(stored(guideId).name, "Cancellation interview");
    errors.clear();

    auto guides = [&] {
        return expectOk(doc.study().guides());
    };
    const auto before = guides();
    ASSERT_TRUE(panel.saveAsTemplate(QStringLiteral("Cancellation template")));
    const auto withTemplate = guides();
    ASSERT_EQ(withTemplate.size(), before.size() + 1);
    const auto templ = std::find_if(withTemplate.begin(), withTemplate.end(), [](const Guide &g) {
        return g.name == "Cancellation template";
    });
    ASSERT_NE(templ, withTemplate.end());
    EXPECT_TRUE(templ->isTemplate);
    EXPECT_EQ(templ->sections.size(), stored(guideId).sections.size());
    doc.document->undoStack()->undo();
    EXPECT_EQ(guides(), before);
    doc.document->undoStack()->redo();
    EXPECT_EQ(guides(), withTemplate);

    ASSERT_TRUE(panel.newGuideFromTemplate(templ->id, QStringLiteral("Round 2")));
    const Id round2 = panel.guideId();
    const Guide made = stored(round2);
    EXPECT_EQ(made.name, "Round 2");
    EXPECT_FALSE(made.isTemplate);
    doc.document->undoStack()->undo();
    EXPECT_EQ(guides(), withTemplate);
    doc.document->undoStack()->redo();
    EXPECT_EQ(stored(round2), made);
    EXPECT_EQ(errors.count(), 0);
}

TEST_F(GuidePanelTest, RunButtonEntersRunModeForTheInterview)
{
    QSignalSpy running(&panel, &GuidePanel::runModeChanged);
    auto *run = child<QPushButton>("guideRunButton");
    EXPECT_TRUE(run->isEnabled());
    run->click();
    ASSERT_EQ(running.count(), 1);
    EXPECT_TRUE(running.at(0).at(0).toBool());
    EXPECT_TRUE(panel.isRunning());
    EXPECT_EQ(panel.runModePanel()->interviewId(), doc.interviewOf("P01"));
    child<QPushButton>("runLeaveButton")->click();
    EXPECT_FALSE(panel.isRunning());
    EXPECT_FALSE(running.last().at(0).toBool());

    panel.setInterview(0);
    EXPECT_FALSE(run->isEnabled());
    EXPECT_FALSE(panel.enterRunMode());
}

TEST_F(GuidePanelTest, RendersAtDesktopSize)
{
    panel.selectSection(builtin.sections[2].id);
    panel.show();
    const QImage image = panel.grab().toImage();
    EXPECT_EQ(image.size(), QSize(1200, 800) * image.devicePixelRatio());
    keepScreenshot(image, QStringLiteral("guide_panel.png"));
}

} // namespace
} // namespace jtbd::test
