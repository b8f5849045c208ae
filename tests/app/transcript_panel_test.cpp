// The coding panel: tagging from the keyboard, exact offsets in any script, the palette,
// navigation, find, the inspector and deleting, all through the widgets' public interface.
#include "app_fixture.h"

#include <jtbd/text.h>

#include <QButtonGroup>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <QTextBlock>
#include <QToolButton>
#include <QUndoStack>

#include <app/panels/highlight_inspector.h>
#include <app/panels/quick_code_palette.h>
#include <app/panels/transcript_panel.h>
#include <app/panels/transcript_view.h>

namespace jtbd::test {
namespace {

using app::TranscriptPanel;

std::unique_ptr<TranscriptPanel> openPanel(app::StudyDocument *document, Id interviewId)
{
    auto panel = std::make_unique<TranscriptPanel>(document);
    panel->resize(1200, 800);
    panel->show();
    EXPECT_TRUE(QTest::qWaitForWindowExposed(panel.get()));
    panel->setInterview(interviewId);
    return panel;
}

// Tags "overdraft" in the small study's transcript as Push from the keyboard; where it starts.
qsizetype tagOverdraftAsPush(TranscriptPanel &panel)
{
    const qsizetype at = panel.view()->text().indexOf(QStringLiteral("overdraft"));
    EXPECT_GT(at, 0);
    panel.view()->selectRange(at, at + 9);
    QTest::keyClick(panel.view(), Qt::Key_1);
    return at;
}

std::int64_t codePointsBefore(const QString &text, qsizetype utf16)
{
    return static_cast<std::int64_t>(QStringView(text).left(utf16).toUcs4().size());
}

QString selectedText(const TranscriptPanel &panel)
{
    QString text = panel.view()->textCursor().selectedText();
    text.replace(QChar::ParagraphSeparator, QLatin1Char('\n'));
    return text;
}

std::vector<Id> codesOf(const Highlight &h)
{
    return h.codeIds;
}

TEST(TranscriptPanel, ShowsTheTranscriptAsTheInterviewText)
{
    SmallDocument doc;
    auto panel = openPanel(doc.document.get(), doc.interviewId);
    EXPECT_EQ(panel->interviewId(), doc.interviewId);
    EXPECT_EQ(app::toStd(panel->view()->text()),
              expectOk(doc.study().interviewText(doc.interviewId)));
    // One block per turn: the headers are painted beside the text, not part of it.
    EXPECT_EQ(panel->view()->document()->blockCount(), 2);
    EXPECT_TRUE(panel->view()->isReadOnly());
    auto *title = panel->findChild<QLabel *>(QStringLiteral("transcriptTitle"));
    ASSERT_TRUE(title);
    EXPECT_TRUE(title->text().contains(QStringLiteral("P01")));
}

TEST(TranscriptPanel, PressingOneTagsTheSelectionAsPush)
{
    SmallDocument doc;
    auto panel = openPanel(doc.document.get(), doc.interviewId);
    QSignalSpy status(panel.get(), &TranscriptPanel::statusMessage);
    const QString &text = panel->view()->text();
    const qsizetype at = text.indexOf(QStringLiteral("overdraft"));
    ASSERT_GT(at, 0);
    panel->view()->selectRange(at, at + 9);
    QTest::keyClick(panel->view(), Qt::Key_1);

    const auto highlights = expectOk(doc.study().highlights(doc.interviewId));
    ASSERT_EQ(highlights.size(), 1u);
    EXPECT_EQ(highlights[0].start, at);
    EXPECT_EQ(highlights[0].end, at + 9);
    EXPECT_EQ(highlights[0].quote, "overdraft");
    EXPECT_EQ(codesOf(highlights[0]), std::vector<Id>{codeId(doc.study(), "push")});
    EXPECT_EQ(panel->currentHighlightId(), highlights[0].id);
    ASSERT_GE(status.count(), 1);
    EXPECT_EQ(status.last().at(0).toString(), QStringLiteral("Tagged as Push · P01"));
    EXPECT_EQ(doc.document->undoStack()->count(), 1);

    // Keys 2–4 are the other forces; pressing 3 on the same range adds Anxiety to it.
    QTest::keyClick(panel->view(), Qt::Key_3);
    const auto toggled = expectOk(doc.study().highlights(doc.interviewId));
    ASSERT_EQ(toggled.size(), 1u);
    std::vector<Id> both = {codeId(doc.study(), "push"), codeId(doc.study(), "anxiety")};
    std::sort(both.begin(), both.end());
    EXPECT_EQ(toggled[0].codeIds, both);

    // Undo restores, and the selection stays where it was.
    doc.document->undoStack()->undo();
    EXPECT_EQ(expectOk(doc.study().highlights(doc.interviewId))[0].codeIds,
              std::vector<Id>{codeId(doc.study(), "push")});
    EXPECT_EQ(selectedText(*panel), QStringLiteral("overdraft"));
    doc.document->undoStack()->undo();
    EXPECT_TRUE(expectOk(doc.study().highlights(doc.interviewId)).empty());
    EXPECT_FALSE(panel->currentHighlightId().has_value());
}

TEST(TranscriptPanel, SelectionEdgesAreTrimmedAndNothingSelectedTagsNothing)
{
    SmallDocument doc;
    auto panel = openPanel(doc.document.get(), doc.interviewId);
    const QString &text = panel->view()->text();
    const qsizetype at = text.indexOf(QStringLiteral("The brewery"));
    panel->view()->selectRange(at - 1, at + 12); // "\nThe brewery "
    QTest::keyClick(panel->view(), Qt::Key_2);
    auto highlights = expectOk(doc.study().highlights(doc.interviewId));
    ASSERT_EQ(highlights.size(), 1u);
    EXPECT_EQ(highlights[0].quote, "The brewery");

    // No selection and the cursor outside any highlight: nothing happens.
    QTextCursor cursor = panel->view()->textCursor();
    cursor.setPosition(2);
    panel->view()->setTextCursor(cursor);
    QSignalSpy status(panel.get(), &TranscriptPanel::statusMessage);
    QTest::keyClick(panel->view(), Qt::Key_4);
    EXPECT_EQ(expectOk(doc.study().highlights(doc.interviewId)).size(), 1u);
    EXPECT_EQ(status.count(), 1);
}

TEST(TranscriptPanel, OffsetsAreExactWithEmojiCjkAndArabic)
{
    SmallDocument doc;
    Study &study = doc.study();
    Interview interview;
    interview.title = "Unicode interview";
    interview.participantId = doc.participantId;
    const Id id = expectOk(study.addInterview(interview));
    expectOk(study.setTranscript(
        id,
        {{"Maya", SpeakerRole::Interviewer, 0, 3000, "How did it feel? 🙂 本当に?"},
         {"Hannah",
          SpeakerRole::Participant,
          3000,
          9000,
          "It was 大変 — 本当に 😅😅 stressful. قالت: كان الأمر صعبًا. Cafe\u0301 "
          "👨‍👩‍👧 "
          "done."},
         {"Tom", SpeakerRole::Interviewer, 9000, 12000, "שלום 🇯🇵 and 𠀋 too."}}));
    auto panel = openPanel(doc.document.get(), id);
    const QString &text = panel->view()->text();
    const std::string utf8 = expectOk(study.interviewText(id));
    ASSERT_EQ(app::toStd(text), utf8);

    auto tagAndCheck = [&](const QString &needle, Qt::Key key, const char *codeKey) {
        const qsizetype at = text.indexOf(needle);
        ASSERT_GE(at, 0) << needle.toStdString();
        panel->view()->selectRange(at, at + needle.size());
        QTest::keyClick(panel->view(), key);
        const auto highlights = expectOk(study.highlights(id));
        const Id code = codeId(study, codeKey);
        auto it = std::find_if(highlights.begin(), highlights.end(), [&](const Highlight &h) {
            return h.quote == needle.toStdString();
        });
        ASSERT_NE(it, highlights.end()) << needle.toStdString();
        EXPECT_EQ(it->start, codePointsBefore(text, at));
        EXPECT_EQ(it->end, codePointsBefore(text, at + needle.size()));
        EXPECT_EQ(std::string(*codePointSlice(utf8, it->start, it->end)), needle.toStdString());
        EXPECT_NE(std::find(it->codeIds.begin(), it->codeIds.end(), code), it->codeIds.end());
    };
    tagAndCheck(QStringLiteral("😅😅 stressful"), Qt::Key_1, "push");
    tagAndCheck(QStringLiteral("كان الأمر صعبًا"), Qt::Key_2, "pull");
    tagAndCheck(QStringLiteral("本当に"), Qt::Key_3, "anxiety"); // the first, in the question
    tagAndCheck(QString::fromUtf8("Cafe\xcc\x81 👨‍👩‍👧"), Qt::Key_4, "habit");
    tagAndCheck(QStringLiteral("🇯🇵 and 𠀋"), Qt::Key_1, "push");

    // A selection that ends between the halves of an emoji takes the whole emoji.
    const qsizetype family = text.indexOf(QStringLiteral("done"));
    const qsizetype smile = text.indexOf(QStringLiteral("🙂"));
    panel->view()->selectRange(smile - 5, smile + 1);
    // QTextCursor may already snap; set the raw range through the cursor to be sure.
    QTextCursor raw(panel->view()->document());
    raw.setPosition(static_cast<int>(smile - 5));
    raw.setPosition(static_cast<int>(smile + 1), QTextCursor::KeepAnchor);
    panel->view()->setTextCursor(raw);
    QTest::keyClick(panel->view(), Qt::Key_2);
    const auto highlights = expectOk(study.highlights(id));
    auto it = std::find_if(highlights.begin(), highlights.end(), [&](const Highlight &h) {
        return h.start == codePointsBefore(text, smile - 5);
    });
    ASSERT_NE(it, highlights.end());
    EXPECT_EQ(it->end, codePointsBefore(text, smile + 2));
    EXPECT_EQ(it->quote, "eel? 🙂");
    EXPECT_GT(family, 0);
    EXPECT_TRUE(expectOk(study.checkIntegrity()).empty());

    // The panel shows each stored highlight over exactly its text.
    for (const auto &h : highlights) {
        panel->showHighlight(id, h.id);
        EXPECT_EQ(app::toStd(selectedText(*panel)), h.quote);
    }
}

TEST(TranscriptPanel, ThePaletteFiltersAndAppliesACodeWithTheKeyboard)
{
    SmallDocument doc;
    auto panel = openPanel(doc.document.get(), doc.interviewId);
    const QString &text = panel->view()->text();
    const qsizetype at = text.indexOf(QStringLiteral("94 days late"));
    panel->view()->selectRange(at, at + 12);

    QTest::keyClick(panel->view(), Qt::Key_K, Qt::ControlModifier);
    app::QuickCodePalette *palette = panel->codePalette();
    ASSERT_TRUE(palette->isVisible());
    // The whole codebook is listed.
    EXPECT_EQ(palette->list()->count(), static_cast<int>(expectOk(doc.study().codes()).size()));
    // "inertia" is another name for Habit.
    QTest::keyClicks(palette->filterEdit(), QStringLiteral("inertia"));
    ASSERT_GE(palette->list()->count(), 1);
    EXPECT_EQ(palette->list()->item(0)->text(), QStringLiteral("Habit"));
    QTest::keyClick(palette->filterEdit(), Qt::Key_Return);
    EXPECT_FALSE(palette->isVisible());
    auto highlights = expectOk(doc.study().highlights(doc.interviewId));
    ASSERT_EQ(highlights.size(), 1u);
    EXPECT_EQ(highlights[0].codeIds, std::vector<Id>{codeId(doc.study(), "habit")});
    EXPECT_EQ(highlights[0].quote, "94 days late");

    // '/' opens it too; arrows move, Enter adds the chosen code to the same range, Esc closes.
    QTest::keyClick(panel->view(), Qt::Key_Slash);
    ASSERT_TRUE(palette->isVisible());
    // Recently used first.
    EXPECT_EQ(palette->list()->item(0)->text(), QStringLiteral("Habit"));
    QTest::keyClicks(palette->filterEdit(), QStringLiteral("onboard"));
    ASSERT_GE(palette->list()->count(), 1);
    EXPECT_EQ(palette->list()->item(0)->text(), QStringLiteral("First use"));
    QTest::keyClick(palette->filterEdit(), Qt::Key_Backspace);
    palette->filterEdit()->clear();
    QTest::keyClicks(palette->filterEdit(), QStringLiteral("p"));
    const int before = palette->list()->currentRow();
    QTest::keyClick(palette->filterEdit(), Qt::Key_Down);
    EXPECT_EQ(palette->list()->currentRow(), before + 1);
    QTest::keyClick(palette->filterEdit(), Qt::Key_Escape);
    EXPECT_FALSE(palette->isVisible());
    EXPECT_EQ(expectOk(doc.study().highlights(doc.interviewId))[0].codeIds.size(), 1u);

    QTest::keyClick(panel->view(), Qt::Key_K, Qt::ControlModifier);
    QTest::keyClicks(palette->filterEdit(), QStringLiteral("struggling"));
    QTest::keyClick(palette->filterEdit(), Qt::Key_Enter);
    highlights = expectOk(doc.study().highlights(doc.interviewId));
    ASSERT_EQ(highlights.size(), 1u);
    EXPECT_EQ(highlights[0].codeIds.size(), 2u);
}

TEST(TranscriptPanel, NextAndPreviousFollowTheTextAndTheCodeFilter)
{
    SampleDocument doc;
    const Id interview = doc.interviewOf("P01");
    auto panel = openPanel(doc.document.get(), interview);
    const auto highlights = expectOk(doc.study().highlights(interview));
    ASSERT_GE(highlights.size(), 3u);

    QTest::keyClick(panel->view(), Qt::Key_F8);
    EXPECT_EQ(panel->currentHighlightId(), highlights[0].id);
    EXPECT_EQ(app::toStd(selectedText(*panel)), highlights[0].quote);
    QTest::keyClick(panel->view(), Qt::Key_F8);
    EXPECT_EQ(panel->currentHighlightId(), highlights[1].id);
    QTest::keyClick(panel->view(), Qt::Key_F8, Qt::ShiftModifier);
    EXPECT_EQ(panel->currentHighlightId(), highlights[0].id);
    // Backwards from the first wraps to the last.
    QTest::keyClick(panel->view(), Qt::Key_F8, Qt::ShiftModifier);
    EXPECT_EQ(panel->currentHighlightId(), highlights.back().id);
    // The buttons do the same.
    panel->findChild<QToolButton *>(QStringLiteral("nextHighlight"))->click();
    EXPECT_EQ(panel->currentHighlightId(), highlights[0].id);

    // Only pull highlights.
    const Id pull = codeId(doc.study(), "pull");
    std::vector<Id> pulls;
    for (const auto &h : highlights)
        if (std::find(h.codeIds.begin(), h.codeIds.end(), pull) != h.codeIds.end())
            pulls.push_back(h.id);
    ASSERT_FALSE(pulls.empty());
    ASSERT_LT(pulls.size(), highlights.size());
    auto *filter = panel->findChild<QComboBox *>(QStringLiteral("codeFilter"));
    ASSERT_TRUE(filter);
    const int index = filter->findData(QVariant::fromValue<qlonglong>(pull));
    ASSERT_GT(index, 0);
    filter->setCurrentIndex(index);
    Q_EMIT filter->activated(index);
    EXPECT_EQ(panel->view()->marks().size(), pulls.size());
    QTextCursor cursor(panel->view()->document());
    panel->view()->setTextCursor(cursor);
    std::vector<Id> visited;
    for (std::size_t i = 0; i < pulls.size(); ++i) {
        QTest::keyClick(panel->view(), Qt::Key_F8);
        ASSERT_TRUE(panel->currentHighlightId().has_value());
        visited.push_back(*panel->currentHighlightId());
    }
    EXPECT_EQ(visited, pulls);
    panel->setCodeFilter(std::nullopt);
    EXPECT_EQ(panel->view()->marks().size(), highlights.size());
    EXPECT_EQ(filter->currentIndex(), 0);
}

TEST(TranscriptPanel, FindHighlightsMatchesAndSteps)
{
    SampleDocument doc;
    const Id interview = doc.interviewOf("P01");
    auto panel = openPanel(doc.document.get(), interview);
    const QString &text = panel->view()->text();
    const QString word = QStringLiteral("invoice");
    std::vector<qsizetype> expected;
    for (qsizetype at = text.indexOf(word, 0, Qt::CaseInsensitive); at >= 0;
         at = text.indexOf(word, at + 1, Qt::CaseInsensitive))
        expected.push_back(at);
    ASSERT_GE(expected.size(), 2u);

    QTest::keyClick(panel->view(), Qt::Key_F, Qt::ControlModifier);
    auto *bar = panel->findChild<QWidget *>(QStringLiteral("findBar"));
    auto *edit = panel->findChild<QLineEdit *>(QStringLiteral("findEdit"));
    auto *count = panel->findChild<QLabel *>(QStringLiteral("findCount"));
    ASSERT_TRUE(bar && edit && count);
    EXPECT_TRUE(bar->isVisible());
    QTest::keyClicks(edit, word);
    EXPECT_EQ(count->text(), QStringLiteral("1 of %1").arg(expected.size()));
    EXPECT_EQ(panel->view()->textCursor().selectionStart(), expected[0]);
    QTest::keyClick(edit, Qt::Key_Return);
    EXPECT_EQ(panel->view()->textCursor().selectionStart(), expected[1]);
    EXPECT_EQ(count->text(), QStringLiteral("2 of %1").arg(expected.size()));
    QTest::keyClick(edit, Qt::Key_Return, Qt::ShiftModifier);
    EXPECT_EQ(panel->view()->textCursor().selectionStart(), expected[0]);
    // The matches are coloured in the blocks that hold them.
    const QTextBlock block = panel->view()->document()->findBlock(static_cast<int>(expected[0]));
    EXPECT_FALSE(block.layout()->formats().isEmpty());

    QTest::keyClick(edit, Qt::Key_Escape);
    EXPECT_FALSE(bar->isVisible());
    QTest::keyClicks(edit, QStringLiteral("zzzz-not-there"));
    bar->show();
    EXPECT_EQ(count->text(), QStringLiteral("No matches"));
}

TEST(TranscriptPanel, ShowHighlightSelectsItsTextAndInspectsIt)
{
    SampleDocument doc;
    const Id p01 = doc.interviewOf("P01");
    const Id p05 = doc.interviewOf("P05");
    auto panel = openPanel(doc.document.get(), p01);
    const auto highlights = expectOk(doc.study().highlights(p05));
    ASSERT_FALSE(highlights.empty());
    const Highlight &h = highlights[highlights.size() / 2];
    panel->showHighlight(p05, h.id);
    EXPECT_EQ(panel->interviewId(), p05);
    EXPECT_EQ(panel->currentHighlightId(), h.id);
    EXPECT_EQ(app::toStd(selectedText(*panel)), h.quote);
    EXPECT_EQ(panel->inspector()->highlightId(), h.id);
    auto *quote = panel->inspector()->findChild<QLabel *>(QStringLiteral("inspectorQuote"));
    ASSERT_TRUE(quote);
    EXPECT_TRUE(quote->text().contains(app::toQString(h.quote).left(30)));
    // Its text is in view.
    const QRect rect = panel->view()->cursorRect();
    EXPECT_TRUE(panel->view()->viewport()->rect().intersects(rect));
}

TEST(TranscriptPanel, DeleteKeyRemovesTheCurrentHighlightUndoably)
{
    SampleDocument doc;
    const Id interview = doc.interviewOf("P01");
    auto panel = openPanel(doc.document.get(), interview);
    const auto before = expectOk(doc.study().highlights(interview));
    const auto timelineBefore = expectOk(doc.study().timeline(interview));
    // Prefer a highlight a timeline event points to.
    Id target = before.at(0).id;
    for (const auto &event : timelineBefore)
        if (event.highlightId)
            target = *event.highlightId;
    panel->showHighlight(interview, target);
    QTest::keyClick(panel->view(), Qt::Key_Delete);
    const auto after = expectOk(doc.study().highlights(interview));
    EXPECT_EQ(after.size(), before.size() - 1);
    EXPECT_TRUE(std::none_of(after.begin(), after.end(), [&](const Highlight &h) {
        return h.id == target;
    }));
    EXPECT_NE(panel->currentHighlightId(), target);
    doc.document->undoStack()->undo();
    EXPECT_EQ(expectOk(doc.study().highlights(interview)), before);
    EXPECT_EQ(expectOk(doc.study().timeline(interview)), timelineBefore);
}

TEST(TranscriptPanel, InspectorEditsAreUndoableCommands)
{
    SmallDocument doc;
    auto panel = openPanel(doc.document.get(), doc.interviewId);
    const qsizetype at = tagOverdraftAsPush(*panel);
    const Id id = *panel->currentHighlightId();
    auto *inspector = panel->inspector();
    auto stored = [&] {
        return expectOk(doc.study().highlight(id));
    };

    inspector->findChild<QToolButton *>(QStringLiteral("inspectorIntensity5"))->click();
    EXPECT_EQ(stored().intensity, 5);

    auto *confidence = inspector->findChild<QComboBox *>(QStringLiteral("inspectorConfidence"));
    const int high = confidence->findData(static_cast<int>(Confidence::High));
    confidence->setCurrentIndex(high);
    Q_EMIT confidence->activated(high);
    EXPECT_EQ(stored().confidence, Confidence::High);

    auto *phase = inspector->findChild<QComboBox *>(QStringLiteral("inspectorPhase"));
    const int deciding = phase->findData(static_cast<int>(Phase::Deciding));
    phase->setCurrentIndex(deciding);
    Q_EMIT phase->activated(deciding);
    EXPECT_EQ(stored().phase, Phase::Deciding);

    // Typing a memo is one undo step, stored when the memo loses focus.
    const int depth = doc.document->undoStack()->count();
    auto *memo = inspector->findChild<QPlainTextEdit *>(QStringLiteral("inspectorMemo"));
    panel->activateWindow();
    memo->setFocus();
    QTest::keyClicks(memo, QStringLiteral("Overdraft"));
    inspector->commitMemo();
    QTest::keyClicks(memo, QStringLiteral(" fees"));
    inspector->commitMemo();
    EXPECT_EQ(stored().memo, "Overdraft fees");
    EXPECT_EQ(doc.document->undoStack()->count(), depth + 1);
    panel->view()->setFocus();

    doc.document->undoStack()->undo();
    EXPECT_EQ(stored().memo, "");
    EXPECT_EQ(memo->toPlainText(), QString());
    doc.document->undoStack()->undo();
    EXPECT_FALSE(stored().phase.has_value());
    doc.document->undoStack()->undo();
    EXPECT_EQ(stored().confidence, Confidence::Medium);
    doc.document->undoStack()->undo();
    EXPECT_EQ(stored().intensity, 3);

    // Adding a code from the inspector goes through the palette onto this highlight.
    panel->view()->selectRange(at + 2, at + 2); // cursor inside, no selection
    ASSERT_EQ(panel->currentHighlightId(), id);
    inspector->findChild<QPushButton *>(QStringLiteral("inspectorAddCode"))->click();
    ASSERT_TRUE(panel->codePalette()->isVisible());
    QTest::keyClicks(panel->codePalette()->filterEdit(), QStringLiteral("social"));
    QTest::keyClick(panel->codePalette()->filterEdit(), Qt::Key_Return);
    EXPECT_EQ(stored().codeIds.size(), 2u);
    auto *codes = inspector->findChild<QListWidget *>(QStringLiteral("inspectorCodes"));
    ASSERT_EQ(codes->count(), 2);
    codes->setCurrentRow(1);
    inspector->findChild<QPushButton *>(QStringLiteral("inspectorRemoveCode"))->click();
    EXPECT_EQ(stored().codeIds.size(), 1u);
}

TEST(TranscriptPanel, ReloadsWhenTheCodebookChanges)
{
    SmallDocument doc;
    auto panel = openPanel(doc.document.get(), doc.interviewId);
    const qsizetype at = tagOverdraftAsPush(*panel);
    ASSERT_EQ(panel->view()->marks().size(), 1u);
    EXPECT_EQ(panel->view()->marks()[0].names, QStringList{QStringLiteral("Push")});

    // A custom code with its own key, announced as a codebook change.
    Code code;
    code.name = "Cash flow";
    code.color = "#8844AA";
    code.shortcut = "c";
    expectOk(doc.study().addCode(code));
    doc.document->announce(app::Change{app::Change::Kind::Codes, 0});
    panel->view()->selectRange(at - 3, at - 1); // "my"
    QTest::keyClick(panel->view(), Qt::Key_C);
    const auto highlights = expectOk(doc.study().highlights(doc.interviewId));
    ASSERT_EQ(highlights.size(), 2u);
    EXPECT_EQ(highlights[0].quote, "my");
    EXPECT_EQ(panel->view()->marks().size(), 2u);
    EXPECT_EQ(panel->view()->marks()[0].names, QStringList{QStringLiteral("Cash flow")});
}

TEST(TranscriptPanel, ATranscriptReloadKeepsTheSelectionAndAnotherInterviewStartsFresh)
{
    SampleDocument doc;
    const Id p01 = doc.interviewOf("P01");
    auto panel = openPanel(doc.document.get(), p01);
    const QString &text = panel->view()->text();
    const qsizetype at = text.lastIndexOf(QStringLiteral("invoice"));
    panel->view()->selectRange(at, at + 7);
    const int scroll = panel->view()->verticalScrollBar()->value();
    EXPECT_GT(scroll, 0);
    doc.document->announce(app::Change{app::Change::Kind::Transcript, p01});
    EXPECT_EQ(selectedText(*panel), QStringLiteral("invoice"));
    EXPECT_EQ(panel->view()->textCursor().selectionStart(), at);
    EXPECT_NEAR(panel->view()->verticalScrollBar()->value(), scroll, 40);

    panel->setInterview(doc.interviewOf("P02"));
    EXPECT_FALSE(panel->view()->textCursor().hasSelection());
    EXPECT_FALSE(panel->currentHighlightId().has_value());
    EXPECT_EQ(panel->view()->verticalScrollBar()->value(), 0);

    // A deleted interview empties the panel.
    const Id p02 = panel->interviewId();
    ASSERT_TRUE(doc.document->applyWithoutUndo(
        [&](Study &study) {
            return study.deleteInterview(p02);
        },
        app::Change{app::Change::Kind::Everything, 0}));
    EXPECT_EQ(panel->interviewId(), 0);
    EXPECT_TRUE(panel->view()->text().isEmpty());
}

} // namespace
} // namespace jtbd::test
