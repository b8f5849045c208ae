// Undo commands for highlights: tag, toggle, update, delete, each a round trip through the study.
#include "app_fixture.h"

#include <QUndoStack>

#include <app/commands/highlight_commands.h>

namespace jtbd::test {
namespace {

using app::AddHighlightCommand;
using app::DeleteHighlightCommand;
using app::UpdateHighlightCommand;

// "The brewery paid 94 days late and I went into my overdraft." starts after the first turn.
constexpr std::int64_t kSecondTurn = 35;

std::vector<Highlight> withoutUpdateTimes(std::vector<Highlight> list)
{
    for (auto &h : list)
        h.updatedAt.clear();
    return list;
}

struct Fixture
{
    SmallDocument doc;

    std::vector<Highlight> highlights()
    {
        return expectOk(doc.study().highlights(doc.interviewId), "highlights");
    }

    Id tag(std::int64_t start, std::int64_t end, std::vector<Id> codes)
    {
        auto plan =
            app::planTag(highlights(), doc.interviewId, start, end, codes, QStringLiteral("x"));
        EXPECT_TRUE(plan.command);
        auto *add = dynamic_cast<AddHighlightCommand *>(plan.command.get());
        EXPECT_TRUE(add);
        EXPECT_TRUE(doc.document->apply(std::move(plan.command)));
        return add ? add->addedId() : 0;
    }

    QUndoStack &stack() { return *doc.document->undoStack(); }
};

TEST(HighlightCommands, TagAddsAHighlightWithACoderAndUndoRedoKeepsIt)
{
    Fixture f;
    const Id push = codeId(f.doc.study(), "push");
    const Id id = f.tag(kSecondTurn + 49, kSecondTurn + 58, {push});
    ASSERT_NE(id, 0);
    auto stored = f.highlights();
    ASSERT_EQ(stored.size(), 1u);
    EXPECT_EQ(stored[0].quote, "overdraft");
    EXPECT_EQ(stored[0].codeIds, std::vector<Id>{push});
    ASSERT_TRUE(stored[0].coderId.has_value());
    const auto coders = expectOk(f.doc.study().coders());
    ASSERT_EQ(coders.size(), 1u); // the small study had none: the OS user was added
    EXPECT_EQ(coders[0].name, app::toStd(app::osUserName()));

    f.stack().undo();
    EXPECT_TRUE(f.highlights().empty());
    f.stack().redo();
    const auto redone = f.highlights();
    EXPECT_EQ(redone, stored); // same id, same timestamps
}

TEST(HighlightCommands, TagOnAnExactRangeTogglesTheCodeInsteadOfStacking)
{
    Fixture f;
    const Id push = codeId(f.doc.study(), "push");
    const Id anxiety = codeId(f.doc.study(), "anxiety");
    const Id id = f.tag(kSecondTurn, kSecondTurn + 11, {push});
    const auto before = f.highlights();

    auto plan = app::planTag(
        before, f.doc.interviewId, kSecondTurn, kSecondTurn + 11, {anxiety}, QStringLiteral("A"));
    ASSERT_TRUE(plan.command);
    EXPECT_EQ(plan.existingId, id);
    EXPECT_FALSE(plan.removed);
    ASSERT_TRUE(f.doc.document->apply(std::move(plan.command)));
    auto after = f.highlights();
    ASSERT_EQ(after.size(), 1u);
    std::vector<Id> both = {push, anxiety};
    std::sort(both.begin(), both.end());
    EXPECT_EQ(after[0].codeIds, both);

    // Again: anxiety comes off.
    plan = app::planTag(
        after, f.doc.interviewId, kSecondTurn, kSecondTurn + 11, {anxiety}, QStringLiteral("A"));
    ASSERT_TRUE(plan.command);
    EXPECT_TRUE(plan.removed);
    ASSERT_TRUE(f.doc.document->apply(std::move(plan.command)));
    EXPECT_EQ(f.highlights()[0].codeIds, std::vector<Id>{push});

    // The last code cannot come off.
    plan = app::planTag(f.highlights(),
                        f.doc.interviewId,
                        kSecondTurn,
                        kSecondTurn + 11,
                        {push},
                        QStringLiteral("P"));
    EXPECT_FALSE(plan.command);
    EXPECT_FALSE(plan.refusal.isEmpty());

    f.stack().undo();
    EXPECT_EQ(withoutUpdateTimes(f.highlights()), withoutUpdateTimes(after));
    f.stack().undo();
    EXPECT_EQ(withoutUpdateTimes(f.highlights()), withoutUpdateTimes(before));
    f.stack().redo();
    EXPECT_EQ(withoutUpdateTimes(f.highlights()), withoutUpdateTimes(after));
}

TEST(HighlightCommands, EachFieldUpdateUndoesAndRedoes)
{
    Fixture f;
    const Id push = codeId(f.doc.study(), "push");
    const Id social = codeId(f.doc.study(), "dimension:social");
    f.tag(kSecondTurn + 17, kSecondTurn + 29, {push});
    const Highlight original = f.highlights().at(0);

    std::vector<std::function<void(Highlight &)>> edits = {
        [&](Highlight &h) {
            h.codeIds = {push, social};
        },
        [](Highlight &h) {
            h.intensity = 5;
        },
        [](Highlight &h) {
            h.confidence = Confidence::High;
        },
        [](Highlight &h) {
            h.phase = Phase::Deciding;
        },
        [](Highlight &h) {
            h.memo = "Ninety-four days: the worst case they remember.";
        },
    };
    for (const auto &edit : edits) {
        const auto before = f.highlights();
        Highlight after = before.at(0);
        edit(after);
        ASSERT_TRUE(f.doc.document->apply(
            std::make_unique<UpdateHighlightCommand>(QStringLiteral("Edit"), before.at(0), after)));
        auto stored = f.highlights();
        EXPECT_TRUE(app::sameHighlight(stored.at(0), [&] {
            Highlight expected = after;
            std::sort(expected.codeIds.begin(), expected.codeIds.end());
            return expected;
        }()));
        EXPECT_NE(withoutUpdateTimes(stored), withoutUpdateTimes(before));
        f.stack().undo();
        EXPECT_EQ(withoutUpdateTimes(f.highlights()), withoutUpdateTimes(before));
        f.stack().redo();
        EXPECT_EQ(withoutUpdateTimes(f.highlights()), withoutUpdateTimes(stored));
    }
    // Undo everything: back to the highlight as tagged.
    for (std::size_t i = 0; i < edits.size(); ++i)
        f.stack().undo();
    EXPECT_TRUE(app::sameHighlight(f.highlights().at(0), original));
}

TEST(HighlightCommands, MemoEditsOfOneBurstMergeIntoOneUndoStep)
{
    Fixture f;
    f.tag(kSecondTurn, kSecondTurn + 11, {codeId(f.doc.study(), "push")});
    const int depth = f.stack().count();
    const Highlight original = f.highlights().at(0);
    for (const char *memo : {"Cash", "Cash flow", "Cash flow pain"}) {
        Highlight before = f.highlights().at(0);
        Highlight after = before;
        after.memo = memo;
        ASSERT_TRUE(f.doc.document->apply(std::make_unique<UpdateHighlightCommand>(
            QStringLiteral("Edit memo"), before, after, 7)));
    }
    EXPECT_EQ(f.stack().count(), depth + 1);
    EXPECT_EQ(f.highlights().at(0).memo, "Cash flow pain");

    // A new burst is a new step.
    Highlight before = f.highlights().at(0);
    Highlight after = before;
    after.memo = "Cash flow pain, again";
    ASSERT_TRUE(f.doc.document->apply(
        std::make_unique<UpdateHighlightCommand>(QStringLiteral("Edit memo"), before, after, 8)));
    EXPECT_EQ(f.stack().count(), depth + 2);

    f.stack().undo();
    EXPECT_EQ(f.highlights().at(0).memo, "Cash flow pain");
    f.stack().undo();
    EXPECT_TRUE(app::sameHighlight(f.highlights().at(0), original));
}

TEST(HighlightCommands, DeleteUndoRestoresTheHighlightItsEventAndItsForceGroup)
{
    Fixture f;
    Study &study = f.doc.study();
    const Id push = codeId(study, "push");
    const Id keep = f.tag(kSecondTurn, kSecondTurn + 11, {push});
    const Id id = f.tag(kSecondTurn + 17, kSecondTurn + 29, {push, codeId(study, "anxiety")});
    {
        Highlight h = expectOk(study.highlight(id));
        Highlight edited = h;
        edited.memo = "The moment it broke.";
        edited.intensity = 4;
        edited.phase = Phase::FirstThought;
        ASSERT_TRUE(f.doc.document->apply(
            std::make_unique<UpdateHighlightCommand>(QStringLiteral("Edit"), h, edited)));
    }
    TimelineEvent event;
    event.interviewId = f.doc.interviewId;
    event.kind = EventKind::FirstThought;
    event.description = "The brewery paid late";
    event.highlightId = id;
    expectOk(study.addTimelineEvent(event));
    ForceGroup group;
    group.force = Force::Push;
    group.label = "Late payers";
    group.highlightIds = {keep, id};
    std::sort(group.highlightIds.begin(), group.highlightIds.end());
    group.placedHighlightIds = {id}; // the researcher put it there by hand
    expectOk(study.addForceGroup(group));
    Job job;
    job.name = "Get paid";
    job.interviewIds = {f.doc.interviewId};
    const Id jobId = expectOk(study.addJob(job));
    JobDraft draft;
    draft.jobId = jobId;
    draft.clauses = {{DraftPart::StoryWhen, "the client pays late", {id, keep}},
                     {DraftPart::Anxiety, "the client takes offence", {keep}}};
    expectOk(study.setJobDraft(draft));

    const auto highlightsBefore = f.highlights();
    const auto timelineBefore = expectOk(study.timeline(f.doc.interviewId));
    const auto groupsBefore = expectOk(study.forceGroups());
    const auto draftBefore = expectOk(study.jobDraft(jobId));

    ASSERT_TRUE(f.doc.document->apply(
        std::make_unique<DeleteHighlightCommand>(QStringLiteral("Delete"), study, id)));
    EXPECT_EQ(f.highlights().size(), 1u);
    EXPECT_FALSE(expectOk(study.timeline(f.doc.interviewId)).at(0).highlightId.has_value());
    EXPECT_EQ(expectOk(study.forceGroups()).at(0).highlightIds, std::vector<Id>{keep});

    EXPECT_EQ(expectOk(study.jobDraft(jobId)).clauses.at(0).highlightIds, std::vector<Id>{keep});

    f.stack().undo();
    EXPECT_EQ(f.highlights(), highlightsBefore); // same id, codes, memo, timestamps
    EXPECT_EQ(expectOk(study.timeline(f.doc.interviewId)), timelineBefore);
    EXPECT_EQ(expectOk(study.forceGroups()), groupsBefore);  // placed again, too
    EXPECT_EQ(expectOk(study.jobDraft(jobId)), draftBefore); // the citation is back, in order

    f.stack().redo();
    EXPECT_EQ(f.highlights().size(), 1u);
    f.stack().undo();
    EXPECT_EQ(f.highlights(), highlightsBefore);
    EXPECT_EQ(expectOk(study.timeline(f.doc.interviewId)), timelineBefore);
}

TEST(HighlightCommands, ResolveCoderPrefersTheStudysCoders)
{
    Fixture f;
    Study &study = f.doc.study();
    const Id lead = expectOk(study.addCoder("Maya Okafor"));
    EXPECT_EQ(expectOk(app::resolveCoder(study)), lead);
    const Id me = expectOk(study.addCoder(app::toStd(app::osUserName())));
    EXPECT_EQ(expectOk(app::resolveCoder(study)), me);
    EXPECT_EQ(expectOk(study.coders()).size(), 2u);
}

TEST(HighlightCommands, TaggingNothingIsRefused)
{
    Fixture f;
    auto plan = app::planTag({}, f.doc.interviewId, 5, 5, {codeId(f.doc.study(), "push")}, {});
    EXPECT_FALSE(plan.command);
    EXPECT_FALSE(plan.refusal.isEmpty());
    plan = app::planTag({}, f.doc.interviewId, 1, 5, {}, {});
    EXPECT_FALSE(plan.command);
}

} // namespace
} // namespace jtbd::test
