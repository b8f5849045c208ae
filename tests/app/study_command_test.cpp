// Undo commands: an edit and its inverse, each one transaction on disk.
#include "app_fixture.h"

#include <QSignalSpy>
#include <QUndoStack>

#include <app/commands/study_command.h>

namespace jtbd::test {
namespace {

using app::AddCommand;
using app::Change;

TEST(StudyCommand, AddUndoRedoKeepsTheSameId)
{
    SmallDocument doc;
    Coder coder{0, "Reviewer"};
    auto command = std::make_unique<AddCommand<Coder>>(
        QStringLiteral("Add coder"),
        coder,
        [](Study &study, const Coder &c) {
            return study.addCoder(c.name);
        },
        [](Study &study, Id id) {
            return study.deleteCoder(id);
        },
        std::vector<Change>{});
    auto *raw = command.get();
    ASSERT_TRUE(doc.document->apply(std::move(command)));
    const Id id = raw->addedId();
    auto names = [&] {
        std::vector<std::string> out;
        for (const auto &c : expectOk(doc.study().coders()))
            out.push_back(c.name);
        return out;
    };
    EXPECT_NE(std::find(names().begin(), names().end(), "Reviewer"), names().end());
    doc.document->undoStack()->undo();
    EXPECT_EQ(std::count(names().begin(), names().end(), "Reviewer"), 0);
    doc.document->undoStack()->redo();
    EXPECT_EQ(raw->addedId(), id);
}

TEST(StudyCommand, AFailedEditIsNotPushedAndIsReported)
{
    SmallDocument doc;
    QSignalSpy errors(doc.document.get(), &app::StudyDocument::errorOccurred);
    auto command = std::make_unique<app::StudyCommand>(
        QStringLiteral("Delete a missing note"),
        [](Study &study) {
            return study.deleteNote(987654);
        },
        [](Study &) {
            return Status{};
        },
        std::vector<Change>{});
    EXPECT_FALSE(doc.document->apply(std::move(command)));
    EXPECT_EQ(doc.document->undoStack()->count(), 0);
    ASSERT_EQ(errors.count(), 1);
    EXPECT_TRUE(
        errors.at(0).at(0).toString().startsWith(QStringLiteral("Delete a missing note failed")));
}

// An undo that cannot be stored (the disk is full, say) leaves the edit in the study; the redo
// that follows must not make it a second time.
TEST(StudyCommand, AFailedUndoLeavesTheEditAndTheNextRedoDoesNotRepeatIt)
{
    SmallDocument doc;
    int forwardRuns = 0;
    bool failBackward = true;
    auto command = std::make_unique<app::StudyCommand>(
        QStringLiteral("Add a coder"),
        [&](Study &study) -> Status {
            ++forwardRuns;
            auto id = study.addCoder("Reviewer " + std::to_string(forwardRuns));
            if (!id)
                return id.error();
            return {};
        },
        [&](Study &) -> Status {
            if (failBackward)
                return makeError(ErrorCode::DiskFull, "the disk is full");
            return {};
        },
        std::vector<Change>{});
    QSignalSpy errors(doc.document.get(), &app::StudyDocument::errorOccurred);
    ASSERT_TRUE(doc.document->apply(std::move(command)));
    EXPECT_EQ(forwardRuns, 1);
    doc.document->undoStack()->undo();
    EXPECT_EQ(errors.count(), 1);
    doc.document->undoStack()->redo();
    EXPECT_EQ(forwardRuns, 1) << "the edit was still there: redo must not make it again";
    EXPECT_EQ(errors.count(), 1);
    failBackward = false;
    doc.document->undoStack()->undo();
    EXPECT_EQ(errors.count(), 1);
}

} // namespace
} // namespace jtbd::test
