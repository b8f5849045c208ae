// The codebook tree: its shape, roles, updates, in-place renaming and nesting by drag and drop.
#include "app_fixture.h"

#include <QAbstractItemModelTester>
#include <QColor>
#include <QIcon>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

#include <app/commands/code_commands.h>
#include <app/models/codebook_model.h>
#include <memory>

namespace jtbd::test {
namespace {

using app::CodebookModel;

Id addCustom(app::StudyDocument &document, const std::string &name, std::optional<Id> parent = {})
{
    Code code;
    code.name = name;
    code.parentId = parent;
    code.color = "#E69138";
    auto command = app::addCodeCommand(document.study(), code);
    EXPECT_TRUE(command.ok());
    auto *add = static_cast<app::AddCommand<Code> *>(command->get());
    EXPECT_TRUE(document.apply(std::move(*command)));
    return add->addedId();
}

QStringList childNames(const CodebookModel &model, const QModelIndex &parent)
{
    QStringList names;
    for (int r = 0; r < model.rowCount(parent); ++r)
        names << model.index(r, 0, parent).data().toString();
    return names;
}

TEST(CodebookModel, GroupsTheMethodsCodesByKind)
{
    SampleDocument doc;
    CodebookModel model(doc.document.get());
    QAbstractItemModelTester tester(&model,
                                    QAbstractItemModelTester::FailureReportingMode::Warning);
    ASSERT_EQ(model.rowCount(), 7);
    EXPECT_EQ(childNames(model, {}),
              (QStringList{QStringLiteral("Forces"),
                           QStringLiteral("Timeline phases"),
                           QStringLiteral("Events"),
                           QStringLiteral("Dimensions"),
                           QStringLiteral("Hire and fire criteria"),
                           QStringLiteral("Concepts"),
                           QStringLiteral("Custom codes")}));
    const QModelIndex forces = model.groupIndex(CodeKind::Force);
    EXPECT_EQ(childNames(model, forces),
              (QStringList{QStringLiteral("Push"),
                           QStringLiteral("Pull"),
                           QStringLiteral("Anxiety"),
                           QStringLiteral("Habit")}));
    EXPECT_EQ(model.rowCount(model.groupIndex(CodeKind::Phase)), 6);
    EXPECT_EQ(model.rowCount(model.groupIndex(CodeKind::Event)), 5);
    EXPECT_EQ(model.rowCount(model.groupIndex(CodeKind::Custom)), 0);
    EXPECT_TRUE(forces.data(CodebookModel::GroupRole).toBool());
    EXPECT_EQ(forces.data(CodebookModel::IdRole).toLongLong(), 0);
}

TEST(CodebookModel, ShowsColourShortcutAndUsageWithRoles)
{
    SampleDocument doc;
    CodebookModel model(doc.document.get());
    const Id push = codeId(doc.study(), "push");
    const QModelIndex index = model.indexOf(push);
    ASSERT_TRUE(index.isValid());
    EXPECT_EQ(index.data(CodebookModel::IdRole).toLongLong(), push);
    EXPECT_EQ(index.data(CodebookModel::KindRole).toInt(), static_cast<int>(CodeKind::Force));
    EXPECT_TRUE(index.data(CodebookModel::BuiltinRole).toBool());
    EXPECT_EQ(index.data(CodebookModel::KeyRole).toString(), QStringLiteral("push"));
    EXPECT_FALSE(index.data(Qt::DecorationRole).value<QIcon>().isNull());
    EXPECT_EQ(index.data(CodebookModel::ColorRole).value<QColor>(),
              QColor(app::toQString(info(Force::Push).color)));
    EXPECT_EQ(index.siblingAtColumn(CodebookModel::ShortcutColumn).data().toString(),
              QStringLiteral("1"));
    const auto usage = expectOk(doc.study().codeUsage(push));
    EXPECT_GT(usage, 0);
    EXPECT_EQ(index.siblingAtColumn(CodebookModel::UsageColumn).data().toLongLong(), usage);
    EXPECT_EQ(index.data(CodebookModel::UsageRole).toLongLong(), usage);
}

TEST(CodebookModel, NestsCustomCodesByParentAndStaysValidThroughEdits)
{
    SampleDocument doc;
    CodebookModel model(doc.document.get());
    QAbstractItemModelTester tester(&model,
                                    QAbstractItemModelTester::FailureReportingMode::Warning);
    const Id push = codeId(doc.study(), "push");
    const Id pricing = addCustom(*doc.document, "Pricing");
    const Id annual = addCustom(*doc.document, "Annual plans", pricing);
    const Id bank = addCustom(*doc.document, "Bank feed breaks", push);

    EXPECT_EQ(model.indexOf(pricing).parent(), model.groupIndex(CodeKind::Custom));
    EXPECT_EQ(model.indexOf(annual).parent(), model.indexOf(pricing));
    EXPECT_EQ(model.indexOf(bank).parent(), model.indexOf(push));
    EXPECT_EQ(model.path(annual), QStringLiteral("Pricing › Annual plans"));
    EXPECT_EQ(model.descendants(pricing), std::vector<Id>{annual});
    EXPECT_FALSE(model.indexOf(annual).data(CodebookModel::BuiltinRole).toBool());

    ASSERT_TRUE(app::applyCommand(*doc.document,
                                  QStringLiteral("Move"),
                                  app::nestCodeCommand(doc.document->study(), pricing, push)));
    EXPECT_EQ(model.indexOf(pricing).parent(), model.indexOf(push));
    EXPECT_EQ(model.indexOf(annual).parent(), model.indexOf(pricing));
    ASSERT_TRUE(app::applyCommand(
        *doc.document, QStringLiteral("Delete"), app::deleteCodeCommand(doc.study(), pricing)));
    EXPECT_FALSE(model.indexOf(pricing).isValid());
    EXPECT_EQ(model.indexOf(annual).parent(), model.indexOf(push)); // moved up
    doc.document->undoStack()->undo();
    EXPECT_EQ(model.indexOf(annual).parent(), model.indexOf(pricing));
    doc.document->undoStack()->undo();
    EXPECT_EQ(model.indexOf(pricing).parent(), model.groupIndex(CodeKind::Custom));
    while (doc.document->undoStack()->canUndo())
        doc.document->undoStack()->undo();
    EXPECT_EQ(model.rowCount(model.groupIndex(CodeKind::Custom)), 0);
    EXPECT_EQ(model.rowCount(model.indexOf(push)), 0);
}

TEST(CodebookModel, AnEditThatKeepsTheShapeChangesDataWithoutAReset)
{
    SampleDocument doc;
    const Id pricing = addCustom(*doc.document, "Pricing");
    CodebookModel model(doc.document.get());
    QAbstractItemModelTester tester(&model,
                                    QAbstractItemModelTester::FailureReportingMode::Warning);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
    ASSERT_TRUE(app::applyCommand(
        *doc.document,
        QStringLiteral("Recolour"),
        app::recolorCodeCommand(doc.study(), pricing, QStringLiteral("#123456"))));
    EXPECT_EQ(resets.count(), 0);
    ASSERT_GE(changes.count(), 1);
    EXPECT_EQ(changes.at(0).at(0).value<QModelIndex>(), model.indexOf(pricing));
    EXPECT_EQ(model.indexOf(pricing).data(CodebookModel::ColorRole).value<QColor>(),
              QColor(0x12, 0x34, 0x56));
}

TEST(CodebookModel, UsageFollowsHighlightEdits)
{
    SampleDocument doc;
    const Id pricing = addCustom(*doc.document, "Pricing");
    CodebookModel model(doc.document.get());
    QAbstractItemModelTester tester(&model,
                                    QAbstractItemModelTester::FailureReportingMode::Warning);
    EXPECT_EQ(model.usage(pricing), 0);
    const Id interview = doc.interviewOf("P01");
    Highlight h = expectOk(doc.study().highlights(interview)).front();
    const Highlight before = h;
    h.codeIds.push_back(pricing);
    std::sort(h.codeIds.begin(), h.codeIds.end());
    auto command = std::make_unique<app::StudyCommand>(
        QStringLiteral("Tag"),
        [h](Study &study) {
            return study.updateHighlight(h);
        },
        [before](Study &study) {
            return study.updateHighlight(before);
        },
        std::vector<app::Change>{app::Change{app::Change::Kind::Highlights, interview}});
    ASSERT_TRUE(doc.document->apply(std::move(command)));
    EXPECT_TRUE(QTest::qWaitFor(
        [&] {
            return model.usage(pricing) == 1;
        },
        2000));
    EXPECT_EQ(model.indexOf(pricing).siblingAtColumn(CodebookModel::UsageColumn).data().toInt(), 1);
    doc.document->undoStack()->undo();
    EXPECT_TRUE(QTest::qWaitFor(
        [&] {
            return model.usage(pricing) == 0;
        },
        2000));
}

// Off screen, the counts wait: no recount after each tag, one when the codebook is shown.
TEST(CodebookModel, UsageWaitsWhileNotLiveAndCatchesUpWhenLive)
{
    SampleDocument doc;
    const Id pricing = addCustom(*doc.document, "Pricing");
    CodebookModel model(doc.document.get());
    model.setUsageLive(false);
    const Id interview = doc.interviewOf("P01");
    Highlight h = expectOk(doc.study().highlights(interview)).front();
    h.codeIds.push_back(pricing);
    std::sort(h.codeIds.begin(), h.codeIds.end());
    expectOk(doc.study().updateHighlight(h));
    doc.document->announce({app::Change::Kind::Highlights, interview});
    QTest::qWait(400); // longer than the recount's delay
    EXPECT_EQ(model.usage(pricing), 0) << "recounted while not live";
    model.setUsageLive(true);
    EXPECT_EQ(model.usage(pricing), 1);
}

TEST(CodebookModel, RenamingInPlaceIsAnUndoableCommandForCustomCodesOnly)
{
    SampleDocument doc;
    const Id pricing = addCustom(*doc.document, "Pricing");
    CodebookModel model(doc.document.get());
    QAbstractItemModelTester tester(&model,
                                    QAbstractItemModelTester::FailureReportingMode::Warning);
    const QModelIndex index = model.indexOf(pricing);
    EXPECT_TRUE(model.flags(index) & Qt::ItemIsEditable);
    const int commands = doc.document->undoStack()->count();
    EXPECT_TRUE(model.setData(index, QStringLiteral("Price")));
    EXPECT_EQ(doc.document->undoStack()->count(), commands + 1);
    EXPECT_EQ(expectOk(doc.study().code(pricing)).name, "Price");
    EXPECT_EQ(model.indexOf(pricing).data().toString(), QStringLiteral("Price"));
    doc.document->undoStack()->undo();
    EXPECT_EQ(model.indexOf(pricing).data().toString(), QStringLiteral("Pricing"));

    const QModelIndex push = model.indexOf(codeId(doc.study(), "push"));
    EXPECT_FALSE(model.flags(push) & Qt::ItemIsEditable);
    EXPECT_FALSE(model.flags(push) & Qt::ItemIsDragEnabled);
    EXPECT_FALSE(model.setData(push, QStringLiteral("Shove")));
    EXPECT_EQ(expectOk(doc.study().code(codeId(doc.study(), "push"))).name, "Push");
}

TEST(CodebookModel, DroppingACustomCodeOnAnotherNestsIt)
{
    SampleDocument doc;
    const Id pricing = addCustom(*doc.document, "Pricing");
    const Id annual = addCustom(*doc.document, "Annual plans", pricing);
    const Id support = addCustom(*doc.document, "Support");
    CodebookModel model(doc.document.get());
    QAbstractItemModelTester tester(&model,
                                    QAbstractItemModelTester::FailureReportingMode::Warning);

    std::unique_ptr<QMimeData> builtin(
        model.mimeData({model.indexOf(codeId(doc.study(), "push"))}));
    EXPECT_EQ(builtin, nullptr); // the method's codes do not move

    std::unique_ptr<QMimeData> dragged(model.mimeData({model.indexOf(pricing)}));
    ASSERT_NE(dragged, nullptr);
    // Not into its own sub-code, nor into a group of the method's codes.
    EXPECT_FALSE(
        model.canDropMimeData(dragged.get(), Qt::MoveAction, -1, -1, model.indexOf(annual)));
    EXPECT_FALSE(model.canDropMimeData(
        dragged.get(), Qt::MoveAction, -1, -1, model.groupIndex(CodeKind::Force)));
    EXPECT_FALSE(model.dropMimeData(dragged.get(), Qt::MoveAction, -1, -1, model.indexOf(annual)));
    EXPECT_EQ(expectOk(doc.study().code(pricing)).parentId, std::nullopt);

    EXPECT_TRUE(
        model.canDropMimeData(dragged.get(), Qt::MoveAction, -1, -1, model.indexOf(support)));
    EXPECT_TRUE(model.dropMimeData(dragged.get(), Qt::MoveAction, -1, -1, model.indexOf(support)));
    EXPECT_EQ(expectOk(doc.study().code(pricing)).parentId, support);
    EXPECT_EQ(model.indexOf(pricing).parent(), model.indexOf(support));
    EXPECT_EQ(model.indexOf(annual).parent(), model.indexOf(pricing));

    // Onto "Custom codes": back to the top.
    std::unique_ptr<QMimeData> again(model.mimeData({model.indexOf(pricing)}));
    EXPECT_TRUE(model.dropMimeData(
        again.get(), Qt::MoveAction, -1, -1, model.groupIndex(CodeKind::Custom)));
    EXPECT_EQ(expectOk(doc.study().code(pricing)).parentId, std::nullopt);
    doc.document->undoStack()->undo();
    EXPECT_EQ(expectOk(doc.study().code(pricing)).parentId, support);
}

TEST(CodebookModel, ReloadsOnEverything)
{
    SampleDocument doc;
    CodebookModel model(doc.document.get());
    QAbstractItemModelTester tester(&model,
                                    QAbstractItemModelTester::FailureReportingMode::Warning);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    Code code;
    code.name = "Imported";
    ASSERT_TRUE(doc.document
                    ->applyWithoutUndo(
                        [&](Study &study) -> Status {
                            auto id = study.addCode(code);
                            if (!id)
                                return id.error();
                            return {};
                        },
                        app::Change{app::Change::Kind::Everything, 0})
                    .ok());
    EXPECT_EQ(resets.count(), 1);
    EXPECT_EQ(childNames(model, model.groupIndex(CodeKind::Custom)),
              QStringList{QStringLiteral("Imported")});
}

} // namespace
} // namespace jtbd::test
