// Codebook edits (add, rename, recolour, describe, nest, shortcut, merge, delete) and their undo,
// the refusals, and the codebook panel.
#include "app_fixture.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>
#include <QUndoStack>

#include <app/commands/code_commands.h>
#include <app/models/codebook_model.h>
#include <app/panels/codebook_panel.h>
#include <deque>
#include <functional>

namespace jtbd::test {
namespace {

using app::applyCommand;
using app::CodebookPanel;

// The codebook and every highlight: what an edit and its undo must give back exactly.
struct CodebookState
{
    std::vector<Code> codes;
    std::vector<Highlight> highlights;

    bool operator==(const CodebookState &) const = default;
};

CodebookState stateOf(const Study &study)
{
    CodebookState state;
    state.codes = expectOk(study.codes());
    std::sort(state.codes.begin(), state.codes.end(), [](const Code &a, const Code &b) {
        return a.id < b.id;
    });
    state.highlights = expectOk(study.highlightsInScope(Scope::wholeStudy()));
    // Study::updateHighlight, the only way to give highlights their codes back, stamps the time
    // of the edit; everything else must come back as it was.
    for (auto &h : state.highlights)
        h.updatedAt.clear();
    return state;
}

Id addCustom(app::StudyDocument &document,
             const std::string &name,
             std::optional<Id> parent = {},
             const std::string &shortcut = {})
{
    Code code;
    code.name = name;
    code.parentId = parent;
    code.color = "#45818E";
    code.shortcut = shortcut;
    auto command = app::addCodeCommand(document.study(), code);
    EXPECT_TRUE(command.ok()) << (command ? "" : command.error().message);
    auto *add = static_cast<app::AddCommand<Code> *>(command->get());
    EXPECT_TRUE(document.apply(std::move(*command)));
    return add->addedId();
}

// Adds `codeId` to the first `count` highlights of interview `code` ("P01"), outside the undo
// history: the situation an edit starts from.
std::vector<Id> tag(SampleDocument &doc, const std::string &code, Id codeId, int count)
{
    std::vector<Id> tagged;
    for (Highlight h : expectOk(doc.study().highlights(doc.interviewOf(code)))) {
        if (static_cast<int>(tagged.size()) == count)
            break;
        h.codeIds.push_back(codeId);
        std::sort(h.codeIds.begin(), h.codeIds.end());
        expectOk(doc.study().updateHighlight(h), "tag");
        tagged.push_back(h.id);
    }
    return tagged;
}

// Applies the edit, then checks that undo gives back the state before it and redo the edited
// state. `checkApplied` and `checkUndone` look closer at the study after the edit and after its
// first undo.
void expectUndoRedoRoundTrip(SampleDocument &doc,
                             app::CodeCommand command,
                             const std::function<void()> &checkApplied = {},
                             const std::function<void()> &checkUndone = {})
{
    const CodebookState before = stateOf(doc.study());
    ASSERT_TRUE(command.ok()) << command.error().message;
    ASSERT_TRUE(*command);
    ASSERT_TRUE(doc.document->apply(std::move(*command)));
    const CodebookState after = stateOf(doc.study());
    EXPECT_NE(after, before);
    if (checkApplied)
        checkApplied();
    doc.document->undoStack()->undo();
    EXPECT_EQ(stateOf(doc.study()), before);
    if (checkUndone)
        checkUndone();
    doc.document->undoStack()->redo();
    EXPECT_EQ(stateOf(doc.study()), after);
    doc.document->undoStack()->undo();
    EXPECT_EQ(stateOf(doc.study()), before);
}

Code named(const std::string &name, const std::string &shortcut = {})
{
    Code code;
    code.name = name;
    code.shortcut = shortcut;
    return code;
}

std::string refusalOf(const app::CodeCommand &command)
{
    EXPECT_FALSE(command.ok());
    return command ? std::string() : command.error().message;
}

TEST(CodeCommands, AddRenameRecolourDescribeUndoAndRedoExactly)
{
    SampleDocument doc;
    Code code;
    code.name = "Pricing";
    code.color = "#E69138";
    code.shortcut = "p";
    code.description = "Anything about what it costs.";
    expectUndoRedoRoundTrip(doc, app::addCodeCommand(doc.study(), code));

    const Id pricing = addCustom(*doc.document, "Pricing");
    expectUndoRedoRoundTrip(doc,
                            app::renameCodeCommand(doc.study(), pricing, QStringLiteral("Price")));
    expectUndoRedoRoundTrip(
        doc, app::recolorCodeCommand(doc.study(), pricing, QStringLiteral("#336699")));
    expectUndoRedoRoundTrip(
        doc, app::describeCodeCommand(doc.study(), pricing, QStringLiteral("What it costs")));
}

TEST(CodeCommands, AddedCodesKeepTheirIdThroughUndoAndRedo)
{
    SampleDocument doc;
    Code code;
    code.name = "Pricing";
    code.shortcut = "p";
    auto command = app::addCodeCommand(doc.study(), code);
    ASSERT_TRUE(command.ok());
    auto *add = static_cast<app::AddCommand<Code> *>(command->get());
    ASSERT_TRUE(doc.document->apply(std::move(*command)));
    const Id id = add->addedId();
    const Code stored = expectOk(doc.study().code(id));
    EXPECT_EQ(stored.shortcut, "P"); // stored as Qt's portable key text
    EXPECT_EQ(stored.kind, CodeKind::Custom);
    doc.document->undoStack()->undo();
    EXPECT_FALSE(doc.study().code(id).ok());
    doc.document->undoStack()->redo();
    EXPECT_EQ(expectOk(doc.study().code(id)), stored);
}

TEST(CodeCommands, NestAndShortcutUndoAndRedoExactly)
{
    SampleDocument doc;
    const Id pricing = addCustom(*doc.document, "Pricing");
    const Id annual = addCustom(*doc.document, "Annual plans");
    const Id push = codeId(doc.study(), "push");
    expectUndoRedoRoundTrip(doc, app::nestCodeCommand(doc.study(), annual, pricing));
    expectUndoRedoRoundTrip(doc, app::nestCodeCommand(doc.study(), pricing, push));
    expectUndoRedoRoundTrip(doc, app::shortcutCommand(doc.study(), pricing, QStringLiteral("P")));
    // The method's codes: colour, shortcut and description may change.
    expectUndoRedoRoundTrip(doc, app::shortcutCommand(doc.study(), push, QString()));
    expectUndoRedoRoundTrip(doc,
                            app::recolorCodeCommand(doc.study(), push, QStringLiteral("#112233")));
    expectUndoRedoRoundTrip(
        doc, app::describeCodeCommand(doc.study(), push, QStringLiteral("The push.")));
}

TEST(CodeCommands, MergeUndoRestoresTheCodeItsSubCodesAndEveryHighlight)
{
    SampleDocument doc;
    const Id pricing = addCustom(*doc.document, "Pricing", {}, "P");
    const Id annual = addCustom(*doc.document, "Annual plans", pricing);
    const Id cost = addCustom(*doc.document, "Cost");
    const Id later = addCustom(*doc.document, "Added later"); // the merged code is not the newest
    tag(doc, "P01", pricing, 3);
    tag(doc, "P02", pricing, 2);
    tag(doc, "P01", cost, 1); // the first highlight carries both
    tag(doc, "P03", annual, 1);
    ASSERT_EQ(expectOk(doc.study().codeUsage(pricing)), 5);

    expectUndoRedoRoundTrip(
        doc,
        app::mergeCodeCommand(doc.study(), pricing, cost),
        [&] {
            EXPECT_FALSE(doc.study().code(pricing).ok());
            EXPECT_EQ(expectOk(doc.study().codeUsage(cost)), 5);
            EXPECT_EQ(expectOk(doc.study().code(annual)).parentId, cost);
        },
        [&] {
            EXPECT_EQ(expectOk(doc.study().code(pricing)).name, "Pricing"); // under the same id
            EXPECT_EQ(expectOk(doc.study().code(annual)).parentId, pricing);
            EXPECT_EQ(expectOk(doc.study().codeUsage(cost)), 1);
        });
    EXPECT_NE(later, 0);
}

TEST(CodeCommands, MergeIntoAForceCountsForTheForce)
{
    SampleDocument doc;
    const Id pricing = addCustom(*doc.document, "Pricing");
    addCustom(*doc.document, "Added later");
    tag(doc, "P01", pricing, 2);
    const Id push = codeId(doc.study(), "push");
    expectUndoRedoRoundTrip(doc, app::mergeCodeCommand(doc.study(), pricing, push));
}

TEST(CodeCommands, DeleteUndoRestoresTheIdSubCodesAndHighlights)
{
    SampleDocument doc;
    const Id push = codeId(doc.study(), "push");
    const Id pricing = addCustom(*doc.document, "Pricing", push, "P");
    const Id annual = addCustom(*doc.document, "Annual plans", pricing);
    const Id monthly = addCustom(*doc.document, "Monthly plans", pricing);
    const Id later = addCustom(*doc.document, "Added later"); // the deleted code is not the newest
    tag(doc, "P01", pricing, 4);
    tag(doc, "P04", pricing, 1);
    tag(doc, "P01", annual, 1);

    const std::size_t highlights = stateOf(doc.study()).highlights.size();
    expectUndoRedoRoundTrip(
        doc,
        app::deleteCodeCommand(doc.study(), pricing),
        [&] {
            EXPECT_FALSE(doc.study().code(pricing).ok());
            EXPECT_EQ(expectOk(doc.study().code(annual)).parentId, push); // moved up
            EXPECT_EQ(expectOk(doc.study().code(monthly)).parentId, push);
            EXPECT_EQ(stateOf(doc.study()).highlights.size(), highlights); // the highlights stay
        },
        [&] {
            const Code restored = expectOk(doc.study().code(pricing));
            EXPECT_EQ(restored.shortcut, "P");
            EXPECT_EQ(restored.parentId, push);
            EXPECT_EQ(expectOk(doc.study().codeUsage(pricing)), 5);
        });
    EXPECT_NE(later, 0);
}

TEST(CodeCommands, NestingIntoItselfOrASubCodeIsRefused)
{
    SampleDocument doc;
    const Id pricing = addCustom(*doc.document, "Pricing");
    const Id annual = addCustom(*doc.document, "Annual plans", pricing);
    const Id discount = addCustom(*doc.document, "Discounts", annual);
    const int commands = doc.document->undoStack()->count();
    EXPECT_EQ(refusalOf(app::nestCodeCommand(doc.study(), pricing, discount)),
              "“Pricing” cannot be nested under “Discounts”, which is one of its own sub-codes.");
    EXPECT_EQ(refusalOf(app::nestCodeCommand(doc.study(), pricing, pricing)),
              "“Pricing” cannot be nested under itself.");
    EXPECT_NE(refusalOf(app::mergeCodeCommand(doc.study(), pricing, discount))
                  .find("one of its own sub-codes"),
              std::string::npos);
    QSignalSpy errors(doc.document.get(), &app::StudyDocument::errorOccurred);
    EXPECT_FALSE(applyCommand(*doc.document,
                              QStringLiteral("Move code"),
                              app::nestCodeCommand(doc.study(), pricing, annual)));
    ASSERT_EQ(errors.count(), 1);
    EXPECT_TRUE(errors.at(0).at(0).toString().contains(QStringLiteral("own sub-codes")));
    EXPECT_EQ(doc.document->undoStack()->count(), commands);
    EXPECT_EQ(expectOk(doc.study().code(pricing)).parentId, std::nullopt);
}

TEST(CodeCommands, ATakenShortcutOrAForceKeyIsRefusedNamingTheOtherCode)
{
    SampleDocument doc;
    const Id pricing = addCustom(*doc.document, "Pricing", {}, "P");
    const Id support = addCustom(*doc.document, "Support");
    EXPECT_EQ(refusalOf(app::shortcutCommand(doc.study(), support, QStringLiteral("p"))),
              "The shortcut P is already used by “Pricing”.");
    EXPECT_EQ(refusalOf(app::shortcutCommand(doc.study(), support, QStringLiteral("1"))),
              "1 is the key of the force “Push”: the keys 1–4 are kept for the four forces. "
              "Choose another key.");
    EXPECT_NE(
        refusalOf(app::shortcutCommand(doc.study(), support, QStringLiteral("4"))).find("“Habit”"),
        std::string::npos);
    Code code;
    code.name = "Refund";
    code.shortcut = "P";
    EXPECT_NE(refusalOf(app::addCodeCommand(doc.study(), code)).find("“Pricing”"),
              std::string::npos);
    EXPECT_FALSE(app::checkShortcut(doc.study(), support, QStringLiteral("not a key")).ok());
    // A force keeps its own key; the same shortcut again changes nothing.
    const Id push = codeId(doc.study(), "push");
    auto same = app::shortcutCommand(doc.study(), push, QStringLiteral("1"));
    ASSERT_TRUE(same.ok());
    EXPECT_EQ(*same, nullptr);
    EXPECT_TRUE(app::checkShortcut(doc.study(), pricing, QStringLiteral("P")).ok());
}

TEST(CodeCommands, TheMethodsCodesCannotBeRenamedNestedMergedAwayOrDeleted)
{
    SampleDocument doc;
    const Id push = codeId(doc.study(), "push");
    const Id pull = codeId(doc.study(), "pull");
    const Id pricing = addCustom(*doc.document, "Pricing");
    EXPECT_NE(refusalOf(app::renameCodeCommand(doc.study(), push, QStringLiteral("Shove")))
                  .find("one of the method's codes"),
              std::string::npos);
    EXPECT_FALSE(app::deleteCodeCommand(doc.study(), push).ok());
    EXPECT_FALSE(app::nestCodeCommand(doc.study(), push, pricing).ok());
    EXPECT_FALSE(app::mergeCodeCommand(doc.study(), push, pull).ok());
    EXPECT_EQ(expectOk(doc.study().code(push)).name, "Push");
}

// Answers the panel's questions from queues; records what was asked.
class ScriptedPrompts final : public CodebookPanel::Prompts
{
public:
    std::deque<bool> confirmations;
    std::deque<Code> newCodes;
    std::deque<QColor> colors;
    std::deque<QString> shortcuts;
    std::deque<QString> choices; // chosen by label
    QStringList asked;
    QStringList offered; // the choices of the last choose()
    QString lastShortcutProblem;

    bool confirm(QWidget *, const QString &, const QString &text) override
    {
        asked << text;
        if (confirmations.empty())
            return false;
        const bool answer = confirmations.front();
        confirmations.pop_front();
        return answer;
    }

    std::optional<Code> newCode(QWidget *,
                                const QString &title,
                                const Code &proposal,
                                const std::function<QString(const Code &)> &check) override
    {
        asked << title;
        if (newCodes.empty())
            return std::nullopt;
        Code code = newCodes.front();
        newCodes.pop_front();
        if (code.color.empty())
            code.color = proposal.color;
        if (!check(code).isEmpty())
            return std::nullopt;
        return code;
    }

    std::optional<QColor> color(QWidget *, const QString &, const QColor &) override
    {
        if (colors.empty())
            return std::nullopt;
        const QColor c = colors.front();
        colors.pop_front();
        return c;
    }

    std::optional<QString> shortcut(QWidget *,
                                    const QString &,
                                    const QString &,
                                    const std::function<QString(const QString &)> &check) override
    {
        if (shortcuts.empty())
            return std::nullopt;
        const QString s = shortcuts.front();
        shortcuts.pop_front();
        lastShortcutProblem = check(s);
        if (!lastShortcutProblem.isEmpty())
            return std::nullopt;
        return s;
    }

    std::optional<int>
    choose(QWidget *, const QString &, const QString &, const QStringList &list) override
    {
        offered = list;
        if (choices.empty())
            return std::nullopt;
        const QString wanted = choices.front();
        choices.pop_front();
        const auto index = list.indexOf(wanted);
        if (index < 0)
            return std::nullopt;
        return static_cast<int>(index);
    }
};

struct PanelFixture
{
    SampleDocument doc;
    std::unique_ptr<CodebookPanel> panel;
    ScriptedPrompts *prompts = nullptr;

    PanelFixture()
    {
        panel = std::make_unique<CodebookPanel>(doc.document.get());
        auto scripted = std::make_unique<ScriptedPrompts>();
        prompts = scripted.get();
        panel->setPrompts(std::move(scripted));
        panel->resize(1000, 700);
    }

    QAction *action(const char *name) const
    {
        auto *a = panel->findChild<QAction *>(QString::fromLatin1(name));
        EXPECT_NE(a, nullptr) << name;
        return a;
    }

    QTreeView *tree() const
    {
        return panel->findChild<QTreeView *>(QStringLiteral("codebookTree"));
    }
};

TEST(CodebookPanel, TheTreePassesTheModelTester)
{
    PanelFixture f;
    ASSERT_NE(f.tree(), nullptr);
    QAbstractItemModelTester tester(f.tree()->model(),
                                    QAbstractItemModelTester::FailureReportingMode::Warning);
    f.prompts->newCodes.push_back(named("Pricing"));
    f.panel->addCode();
    const Id pricing = f.panel->currentCodeId();
    ASSERT_NE(pricing, 0);
    f.prompts->newCodes.push_back(named("Annual plans"));
    f.panel->addSubCode();
    auto *filter = f.panel->findChild<QLineEdit *>(QStringLiteral("codebookFilter"));
    ASSERT_NE(filter, nullptr);
    filter->setText(QStringLiteral("annual"));
    filter->clear();
    f.doc.document->undoStack()->undo();
    f.doc.document->undoStack()->undo();
    EXPECT_FALSE(f.doc.study().code(pricing).ok());
}

TEST(CodebookPanel, AddsCodesAndSubCodesAndSelectsThem)
{
    PanelFixture f;
    f.prompts->newCodes.push_back(named("Pricing", "p"));
    f.action("addCodeAction")->trigger();
    const Id pricing = f.panel->currentCodeId();
    ASSERT_NE(pricing, 0);
    const Code code = expectOk(f.doc.study().code(pricing));
    EXPECT_EQ(code.name, "Pricing");
    EXPECT_EQ(code.shortcut, "P");
    EXPECT_FALSE(code.color.empty()); // a colour is proposed

    // A sub-code of a force takes the force's colour.
    const Id push = codeId(f.doc.study(), "push");
    f.panel->selectCode(push);
    f.prompts->newCodes.push_back(named("Bank feed breaks"));
    f.action("addSubCodeAction")->trigger();
    const Code sub = expectOk(f.doc.study().code(f.panel->currentCodeId()));
    EXPECT_EQ(sub.name, "Bank feed breaks");
    EXPECT_EQ(sub.parentId, push);
    EXPECT_EQ(sub.color, std::string(info(Force::Push).color));
    EXPECT_TRUE(f.prompts->asked.back().contains(QStringLiteral("Push")));
}

TEST(CodebookPanel, DetailsShowTheSelectedCode)
{
    PanelFixture f;
    const Id push = codeId(f.doc.study(), "push");
    f.panel->selectCode(push);
    auto text = [&](const char *name) {
        auto *label = f.panel->findChild<QLabel *>(QString::fromLatin1(name));
        EXPECT_NE(label, nullptr) << name;
        return label ? label->text() : QString();
    };
    EXPECT_EQ(text("codeDetailName"), QStringLiteral("Push"));
    EXPECT_EQ(text("codeDetailKey"), QStringLiteral("push"));
    EXPECT_EQ(text("codeDetailKind"), QStringLiteral("Force F1, toward the switch"));
    EXPECT_EQ(text("codeDetailShortcut"), QStringLiteral("1"));
    const auto usage = expectOk(f.doc.study().codeUsage(push));
    EXPECT_EQ(text("codeDetailUsage"), QStringLiteral("Used in %1 highlights").arg(usage));
}

TEST(CodebookPanel, DeletingACodeInUseAsksWithTheCountAndNoKeepsEverything)
{
    PanelFixture f;
    const Id pricing = addCustom(*f.doc.document, "Pricing");
    tag(f.doc, "P01", pricing, 3);
    tag(f.doc, "P02", pricing, 2);
    f.panel->selectCode(pricing);
    const CodebookState before = stateOf(f.doc.study());
    const int commands = f.doc.document->undoStack()->count();

    f.prompts->confirmations.push_back(false);
    f.action("deleteCodeAction")->trigger();
    ASSERT_EQ(f.prompts->asked.size(), 1);
    EXPECT_EQ(f.prompts->asked.back(),
              QStringLiteral("“Pricing” is used in 5 highlights. Delete it? The highlights stay, "
                             "without this code."));
    EXPECT_EQ(stateOf(f.doc.study()), before);
    EXPECT_EQ(f.doc.document->undoStack()->count(), commands);

    f.prompts->confirmations.push_back(true);
    f.action("deleteCodeAction")->trigger();
    EXPECT_FALSE(f.doc.study().code(pricing).ok());
    EXPECT_EQ(f.doc.document->undoStack()->count(), commands + 1);
    f.doc.document->undoStack()->undo();
    EXPECT_EQ(stateOf(f.doc.study()), before);
}

TEST(CodebookPanel, DeletingAnUnusedCodeDoesNotAsk)
{
    PanelFixture f;
    const Id pricing = addCustom(*f.doc.document, "Pricing");
    f.panel->selectCode(pricing);
    f.action("deleteCodeAction")->trigger();
    EXPECT_TRUE(f.prompts->asked.isEmpty());
    EXPECT_FALSE(f.doc.study().code(pricing).ok());
}

TEST(CodebookPanel, TheMethodsCodesCannotBeRenamedOrDeletedFromThePanel)
{
    PanelFixture f;
    f.panel->show();
    const Id push = codeId(f.doc.study(), "push");
    f.panel->selectCode(push);
    ASSERT_EQ(f.panel->currentCodeId(), push);
    EXPECT_FALSE(f.action("renameCodeAction")->isEnabled());
    EXPECT_FALSE(f.action("deleteCodeAction")->isEnabled());
    EXPECT_FALSE(f.action("moveCodeAction")->isEnabled());
    EXPECT_FALSE(f.action("mergeCodeAction")->isEnabled());
    EXPECT_TRUE(f.action("recolorCodeAction")->isEnabled());
    EXPECT_TRUE(f.action("shortcutCodeAction")->isEnabled());

    const CodebookState before = stateOf(f.doc.study());
    f.prompts->confirmations.push_back(true);
    f.panel->deleteCurrent();
    f.panel->renameCurrent();
    EXPECT_EQ(f.tree()->viewport()->findChild<QLineEdit *>(), nullptr); // no editor opened
    const QModelIndex index = f.tree()->currentIndex();
    EXPECT_FALSE(f.tree()->model()->setData(index, QStringLiteral("Shove")));
    EXPECT_EQ(stateOf(f.doc.study()), before);
    EXPECT_TRUE(f.prompts->asked.isEmpty());

    // A custom code can be renamed in place.
    const Id pricing = addCustom(*f.doc.document, "Pricing");
    f.panel->selectCode(pricing);
    EXPECT_TRUE(f.action("renameCodeAction")->isEnabled());
    f.panel->renameCurrent();
    EXPECT_NE(f.tree()->viewport()->findChild<QLineEdit *>(), nullptr);
    EXPECT_TRUE(f.tree()->model()->setData(f.tree()->currentIndex(), QStringLiteral("Price")));
    EXPECT_EQ(expectOk(f.doc.study().code(pricing)).name, "Price");
}

TEST(CodebookPanel, ShortcutRecolourMoveAndMergeGoThroughThePrompts)
{
    PanelFixture f;
    const Id pricing = addCustom(*f.doc.document, "Pricing", {}, "P");
    const Id support = addCustom(*f.doc.document, "Support");
    f.panel->selectCode(support);

    f.prompts->shortcuts.push_back(QStringLiteral("p"));
    f.action("shortcutCodeAction")->trigger();
    EXPECT_EQ(f.prompts->lastShortcutProblem,
              QStringLiteral("The shortcut P is already used by “Pricing”."));
    EXPECT_EQ(expectOk(f.doc.study().code(support)).shortcut, "");
    f.prompts->shortcuts.push_back(QStringLiteral("s"));
    f.action("shortcutCodeAction")->trigger();
    EXPECT_EQ(expectOk(f.doc.study().code(support)).shortcut, "S");

    f.prompts->colors.push_back(QColor(0x12, 0x34, 0x56));
    f.action("recolorCodeAction")->trigger();
    EXPECT_EQ(expectOk(f.doc.study().code(support)).color, "#123456");

    f.prompts->choices.push_back(QStringLiteral("Pricing"));
    f.action("moveCodeAction")->trigger();
    EXPECT_EQ(expectOk(f.doc.study().code(support)).parentId, pricing);
    EXPECT_EQ(f.panel->currentCodeId(), support);

    // Moving Pricing: its own sub-code is not offered.
    f.panel->selectCode(pricing);
    f.prompts->choices.push_back(QStringLiteral("Pull"));
    f.action("moveCodeAction")->trigger();
    EXPECT_FALSE(f.prompts->offered.contains(QStringLiteral("Pricing › Support")));
    EXPECT_TRUE(f.prompts->offered.contains(QStringLiteral("Push")));
    EXPECT_EQ(expectOk(f.doc.study().code(pricing)).parentId, codeId(f.doc.study(), "pull"));

    f.panel->selectCode(support);
    f.prompts->choices.push_back(QStringLiteral("Anxiety"));
    f.action("mergeCodeAction")->trigger();
    EXPECT_FALSE(f.doc.study().code(support).ok());
    EXPECT_EQ(f.panel->currentCodeId(), codeId(f.doc.study(), "anxiety"));
}

TEST(CodebookPanel, ActivatingACodeAnnouncesIt)
{
    PanelFixture f;
    f.panel->show();
    const Id pull = codeId(f.doc.study(), "pull");
    f.panel->selectCode(pull);
    QSignalSpy activated(f.panel.get(), &CodebookPanel::codeActivated);
    f.tree()->setFocus();
    QTest::keyClick(f.tree(), Qt::Key_Return);
    ASSERT_EQ(activated.count(), 1);
    EXPECT_EQ(activated.at(0).at(0).value<Id>(), pull);
}

TEST(CodebookPanel, TypingFiltersTheTree)
{
    PanelFixture f;
    auto *filter = f.panel->findChild<QLineEdit *>(QStringLiteral("codebookFilter"));
    ASSERT_NE(filter, nullptr);
    QTest::keyClicks(filter, QStringLiteral("anx"));
    auto *model = f.tree()->model();
    QStringList visible;
    std::vector<QModelIndex> stack{QModelIndex()};
    while (!stack.empty()) {
        const QModelIndex parent = stack.back();
        stack.pop_back();
        for (int r = 0; r < model->rowCount(parent); ++r) {
            const QModelIndex index = model->index(r, 0, parent);
            visible << index.data().toString();
            stack.push_back(index);
        }
    }
    EXPECT_TRUE(visible.contains(QStringLiteral("Anxiety")));
    EXPECT_FALSE(visible.contains(QStringLiteral("Push")));
    EXPECT_FALSE(visible.contains(QStringLiteral("Events")));
}

TEST(CodebookPanel, SelectionAndExpansionSurviveAReload)
{
    PanelFixture f;
    const Id pricing = addCustom(*f.doc.document, "Pricing");
    const Id annual = addCustom(*f.doc.document, "Annual plans", pricing);
    f.panel->selectCode(annual);
    const Id later = addCustom(*f.doc.document, "Support"); // a new code resets the tree
    EXPECT_NE(later, 0);
    EXPECT_EQ(f.panel->currentCodeId(), annual);
    EXPECT_TRUE(f.tree()->isExpanded(f.tree()->currentIndex().parent()));
}

} // namespace
} // namespace jtbd::test
