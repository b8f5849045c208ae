// The forces panel: its numbers for a known study, the scope and weighting controls, clicking and
// keyboard activation of quote cards, reloading after edits, exporting.
#include "app_fixture.h"
#include "forces_document.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include <app/panels/forces_panel.h>
#include <app/study_document.h>

namespace jtbd::test {
namespace {

using app::ForcesDiagramView;
using app::ForcesPanel;

class ForcesPanelTest
    : public ::testing::Test
    , protected ForcesDocument
{
protected:
    ForcesPanelTest()
        : ForcesDocument("panel.jtbd")
    {
        panel = std::make_unique<ForcesPanel>(document.get());
        panel->resize(1200, 800);
        // On screen, as in the window: a hidden panel waits until it is shown to re-read.
        panel->show();
        kind = panel->findChild<QComboBox *>(QStringLiteral("forcesScopeKind"));
        choice = panel->findChild<QComboBox *>(QStringLiteral("forcesScopeChoice"));
        view = panel->findChild<ForcesDiagramView *>(QStringLiteral("forcesDiagram"));
    }

    void chooseKind(int index)
    {
        kind->setCurrentIndex(index);
        Q_EMIT kind->activated(index);
    }

    void chooseItem(int index)
    {
        choice->setCurrentIndex(index);
        Q_EMIT choice->activated(index);
    }

    // A Habit quote added to `interviewId` the way another view would, announced as a highlight
    // change; its id.
    Id addHabitQuote(Id interviewId, int intensity = 3)
    {
        Id added = 0;
        expectOk(document->applyWithoutUndo(
            [&](Study &study) {
                Highlight h;
                h.interviewId = interviewId;
                h.start = 0;
                h.end = 4;
                h.codeIds = {codeId(study, "habit")};
                h.intensity = intensity;
                auto id = study.addHighlight(h);
                if (!id)
                    return Status{id.error()};
                added = *id;
                return Status{};
            },
            {app::Change::Kind::Highlights, interviewId}));
        return added;
    }

    std::unique_ptr<ForcesPanel> panel;
    QComboBox *kind = nullptr;
    QComboBox *choice = nullptr;
    ForcesDiagramView *view = nullptr;
};

TEST_F(ForcesPanelTest, ShowsTheWholeStudyFirst)
{
    ASSERT_NE(kind, nullptr);
    ASSERT_NE(choice, nullptr);
    ASSERT_NE(view, nullptr);
    EXPECT_EQ(panel->scope(), Scope::wholeStudy());
    EXPECT_EQ(panel->data()[Force::Push].tally.intensity, 15);
    EXPECT_EQ(panel->data().balanceText(), QStringLiteral("F1 + F2 = 22 against F3 + F4 = 3"));
    EXPECT_FALSE(choice->isVisibleTo(panel.get()));
    EXPECT_TRUE(panel->findChild<QPushButton *>(QStringLiteral("forcesExportPng"))->isEnabled());
}

TEST_F(ForcesPanelTest, SwitchingScopeKinds)
{
    chooseKind(1); // interview: the first in the list is P01's
    EXPECT_EQ(panel->scope(), Scope::interview(ids->interviewA));
    EXPECT_TRUE(choice->isVisibleTo(panel.get()));
    EXPECT_EQ(choice->count(), 2);
    EXPECT_EQ(panel->data().toward(), 19);
    chooseItem(1);
    EXPECT_EQ(panel->scope(), Scope::interview(ids->interviewB));
    EXPECT_EQ(panel->data().against(), 3);

    chooseKind(3); // participants with an attribute, sorted: business = Limited company first
    EXPECT_EQ(panel->scope(), Scope::participants("business", "Limited company"));
    EXPECT_EQ(choice->count(), 3); // two business values, one region shared by both
    EXPECT_EQ(choice->itemText(2), QStringLiteral("region = Yorkshire  (2 participants)"));
    EXPECT_TRUE(choice->itemText(0).startsWith(QStringLiteral("business = Limited company")));
    EXPECT_EQ(panel->data().toward(), 3);
    chooseItem(1);
    EXPECT_EQ(panel->scope(), Scope::participants("business", "Sole trader"));
    EXPECT_EQ(panel->data().toward(), 19);
    EXPECT_EQ(panel->data().against(), 0);
    chooseItem(2); // region = Yorkshire: both
    EXPECT_EQ(panel->data().toward(), 22);

    chooseKind(0);
    EXPECT_EQ(panel->scope(), Scope::wholeStudy());
    EXPECT_FALSE(choice->isVisibleTo(panel.get()));
}

TEST_F(ForcesPanelTest, JobKindWithoutJobsSaysSo)
{
    chooseKind(2);
    EXPECT_FALSE(choice->isEnabled());
    EXPECT_TRUE(view->message().contains(QStringLiteral("no jobs")));
    EXPECT_FALSE(panel->findChild<QPushButton *>(QStringLiteral("forcesExportSvg"))->isEnabled());

    // A job added later appears in the list after the change is announced.
    expectOk(document->applyWithoutUndo(
        [&](Study &study) {
            Job job;
            job.name = "Get paid";
            job.interviewIds = {ids->interviewB};
            return study.addJob(job).ok() ? Status{}
                                          : Status{makeError(ErrorCode::Internal, "job")};
        },
        {app::Change::Kind::Jobs, 0}));
    // The reload draws the last scope drawn (the whole study) again, replacing the message.
    EXPECT_TRUE(QTest::qWaitFor(
        [&] {
            return view->message().isEmpty();
        },
        2000));
    EXPECT_EQ(panel->scope(), Scope::wholeStudy());
    chooseKind(2);
    EXPECT_TRUE(choice->isEnabled());
    EXPECT_EQ(panel->scope().kind, Scope::Kind::Job);
    EXPECT_EQ(panel->data().scopeText, QStringLiteral("Job: Get paid (1 story)"));
    EXPECT_TRUE(view->message().isEmpty());
}

TEST_F(ForcesPanelTest, WeightingToggleChangesTheArrows)
{
    panel->show();
    const auto anxietyShare = [&] {
        const auto &widths = view->geometry().arrowWidths;
        return widths.at(static_cast<std::size_t>(Force::Anxiety))
               / widths.at(static_cast<std::size_t>(Force::Push));
    };
    const qreal byIntensity = anxietyShare();
    auto *count = panel->findChild<QPushButton *>(QStringLiteral("forcesWeightingCount"));
    ASSERT_NE(count, nullptr);
    QTest::mouseClick(count, Qt::LeftButton);
    EXPECT_EQ(panel->weighting(), Weighting::Count);
    EXPECT_EQ(panel->data().balanceText(), QStringLiteral("F1 + F2 = 7 against F3 + F4 = 2"));
    EXPECT_GT(anxietyShare(), byIntensity + 0.02);
    QTest::mouseClick(panel->findChild<QPushButton *>(QStringLiteral("forcesWeightingIntensity")),
                      Qt::LeftButton);
    EXPECT_EQ(panel->weighting(), Weighting::Intensity);
    EXPECT_NEAR(anxietyShare(), byIntensity, 1e-9);
}

TEST_F(ForcesPanelTest, ClickingACardEmitsItsIds)
{
    panel->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(panel.get()));
    QSignalSpy spy(panel.get(), &ForcesPanel::quoteActivated);
    const auto cards = view->geometry().cards;
    ASSERT_FALSE(cards.empty());
    EXPECT_EQ(cards.front().highlightId, ids->push[0]);
    QTest::mouseClick(view, Qt::LeftButton, {}, cards.front().rect.center().toPoint());
    ASSERT_EQ(spy.count(), 1);
    EXPECT_EQ(spy.at(0).at(0).value<Id>(), ids->interviewA);
    EXPECT_EQ(spy.at(0).at(1).value<Id>(), ids->push[0]);

    // The habit card (below the axis, left) carries Sam's interview.
    const auto habit = std::find_if(cards.begin(), cards.end(), [&](const auto &card) {
        return card.highlightId == ids->habit;
    });
    ASSERT_NE(habit, cards.end());
    QTest::mouseClick(view, Qt::LeftButton, {}, habit->rect.center().toPoint());
    ASSERT_EQ(spy.count(), 2);
    EXPECT_EQ(spy.at(1).at(0).value<Id>(), ids->interviewB);
    EXPECT_EQ(spy.at(1).at(1).value<Id>(), ids->habit);

    // Outside every card: nothing.
    QTest::mouseClick(view, Qt::LeftButton, {}, QPoint(3, 3));
    EXPECT_EQ(spy.count(), 2);
}

TEST_F(ForcesPanelTest, KeyboardWalksAndActivatesCards)
{
    panel->show();
    QSignalSpy spy(panel.get(), &ForcesPanel::quoteActivated);
    const auto cards = view->geometry().cards;
    ASSERT_GE(cards.size(), 2U);
    QTest::keyClick(view, Qt::Key_Down);
    EXPECT_EQ(view->focusedHighlight(), cards[0].highlightId);
    QTest::keyClick(view, Qt::Key_Down);
    EXPECT_EQ(view->focusedHighlight(), cards[1].highlightId);
    QTest::keyClick(view, Qt::Key_Return);
    ASSERT_EQ(spy.count(), 1);
    EXPECT_EQ(spy.at(0).at(1).value<Id>(), cards[1].highlightId);
    QTest::keyClick(view, Qt::Key_End);
    EXPECT_EQ(view->focusedHighlight(), cards.back().highlightId);
}

TEST_F(ForcesPanelTest, ReloadsAfterAnEditOnce)
{
    panel->setScope(Scope::interview(ids->interviewB));
    EXPECT_EQ(panel->data()[Force::Habit].tally.count, 1);
    const Id added = addHabitQuote(ids->interviewB, 5);
    // Several announcements in a row are one reload on the next turn of the event loop.
    document->announce({app::Change::Kind::Codes, 0});
    document->announce({app::Change::Kind::Everything, 0});
    EXPECT_TRUE(QTest::qWaitFor(
        [&] {
            return panel->data()[Force::Habit].tally.count == 2;
        },
        2000));
    EXPECT_EQ(panel->data()[Force::Habit].quotes.at(0).highlightId, added);
    EXPECT_EQ(panel->scope(), Scope::interview(ids->interviewB));
}

TEST_F(ForcesPanelTest, AHiddenPanelReadsTheStudyAgainOnlyWhenShown)
{
    panel->setScope(Scope::interview(ids->interviewB));
    panel->hide();
    addHabitQuote(ids->interviewB, 5);
    document->announce({app::Change::Kind::Highlights, ids->interviewB});
    QTest::qWait(50);
    EXPECT_EQ(panel->data()[Force::Habit].tally.count, 1) << "read while hidden";
    panel->show();
    EXPECT_TRUE(QTest::qWaitFor(
        [&] {
            return panel->data()[Force::Habit].tally.count == 2;
        },
        2000));
}

TEST_F(ForcesPanelTest, ADeletedInterviewFallsBackToTheWholeStudy)
{
    panel->setScope(Scope::interview(ids->interviewB));
    expectOk(document->applyWithoutUndo(
        [&](Study &study) {
            return study.deleteInterview(ids->interviewB);
        },
        {app::Change::Kind::Interviews, 0}));
    EXPECT_TRUE(QTest::qWaitFor(
        [&] {
            return panel->scope() == Scope::wholeStudy();
        },
        2000));
    EXPECT_EQ(panel->data().toward(), 19);
    EXPECT_EQ(kind->currentIndex(), 0);
}

TEST_F(ForcesPanelTest, ExportsPngAndSvg)
{
    const auto png = dir / "out.png";
    const auto svg = dir / "out.svg";
    expectOk(panel->exportTo(QString::fromStdString(png.string())));
    expectOk(panel->exportTo(QString::fromStdString(svg.string())));
    EXPECT_EQ(readBytes(png).substr(1, 3), "PNG");
    EXPECT_NE(readBytes(svg).find("<svg"), std::string::npos);
    const Status failed =
        panel->exportTo(QString::fromStdString((dir / "missing" / "out.png").string()));
    EXPECT_FALSE(failed);
    EXPECT_FALSE(std::filesystem::exists(dir / "missing"));
}

TEST_F(ForcesPanelTest, AScopeShownBeforeIsReadAgainAfterAnEdit)
{
    panel->setScope(Scope::interview(ids->interviewB));
    panel->setScope(Scope::wholeStudy());
    EXPECT_EQ(panel->data()[Force::Habit].tally.count, 1);
    panel->setScope(Scope::interview(ids->interviewB));
    // An edit elsewhere while another scope is shown still reaches the whole study.
    addHabitQuote(ids->interviewA);
    QCoreApplication::processEvents();
    panel->setScope(Scope::wholeStudy());
    EXPECT_EQ(panel->data()[Force::Habit].tally.count, 2);
}

TEST(ForcesPanelSample, RendersTheSampleStudy)
{
    SampleDocument sample;
    ForcesPanel panel(sample.document.get());
    panel.resize(1200, 800);
    panel.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&panel));
    EXPECT_GT(panel.data().toward(), panel.data().against());
    const auto jobs = expectOk(sample.study().jobs());
    ASSERT_FALSE(jobs.empty());
    panel.setScope(Scope::job(jobs.front().id));
    EXPECT_TRUE(panel.data().title.contains(QString::fromStdString(jobs.front().name)));
    EXPECT_FALSE(panel.diagramView()->geometry().cards.empty());
    const QImage shot = panel.grab().toImage();
    EXPECT_EQ(shot.width(), 1200 * shot.devicePixelRatio());
}

TEST(ForcesPanelSample, ExportedImagesAreRedactedUnlessAskedOtherwise)
{
    SampleDocument sample;
    ForcesPanel panel(sample.document.get());
    const auto jobs = expectOk(sample.study().jobs());
    ASSERT_FALSE(jobs.empty());
    panel.setScope(Scope::job(jobs.front().id)); // its strongest push quote names Hannah (P01)
    auto shows = [&panel](const QString &text) {
        for (const auto &evidence : panel.data().forces)
            for (const auto &quote : evidence.quotes)
                if (quote.text.contains(text))
                    return true;
        return false;
    };
    ASSERT_TRUE(shows(QStringLiteral("Hannah")));
    EXPECT_TRUE(panel.redactsExports());

    TempDir dir;
    const auto redacted = dir / "redacted.svg";
    expectOk(panel.exportTo(QString::fromStdString(redacted.string())));
    const std::string svg = readBytes(redacted);
    EXPECT_EQ(svg.find("Hannah"), std::string::npos);
    EXPECT_NE(svg.find("[Robin]"), std::string::npos);
    EXPECT_TRUE(shows(QStringLiteral("Hannah"))) << "the diagram on screen is unchanged";

    panel.setRedactsExports(false);
    const auto plain = dir / "plain.svg";
    expectOk(panel.exportTo(QString::fromStdString(plain.string())));
    EXPECT_NE(readBytes(plain).find("Hannah"), std::string::npos);
}

} // namespace
} // namespace jtbd::test
