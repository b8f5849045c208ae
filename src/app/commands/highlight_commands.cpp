// Undo commands for highlights.
#include "highlight_commands.h"

#include "id_lists.h"

#include <QObject>

#include <algorithm>

namespace jtbd::app {

namespace {

// The id QUndoStack compares before asking two commands to merge.
constexpr int kHighlightEditMergeId = 0x48494C54;

std::vector<Change> highlightChanges(Id interviewId)
{
    return {Change{Change::Kind::Highlights, interviewId}};
}

// What deleting a highlight touches: its interview's highlights and timeline (an event may point to
// it), and the force groups when one holds it.
std::vector<Change> deleteChanges(const Study &study, Id highlightId)
{
    Id interviewId = 0;
    if (auto h = study.highlight(highlightId))
        interviewId = h->interviewId;
    std::vector<Change> changes = {Change{Change::Kind::Highlights, interviewId},
                                   Change{Change::Kind::Timeline, interviewId}};
    auto groups = study.forceGroups();
    if (groups && std::any_of(groups->begin(), groups->end(), [&](const ForceGroup &g) {
            return std::binary_search(g.highlightIds.begin(), g.highlightIds.end(), highlightId);
        })) {
        changes.push_back(Change{Change::Kind::ForceGroups, 0});
        changes.push_back(Change{Change::Kind::Jobs, 0}); // the story matrix behind the jobs
    }
    return changes;
}

} // namespace

QString osUserName()
{
    QString name = qEnvironmentVariable("USER");
    if (name.isEmpty())
        name = qEnvironmentVariable("USERNAME");
    if (name.trimmed().isEmpty())
        name = QObject::tr("Researcher");
    return name.trimmed();
}

Result<Id> resolveCoder(Study &study)
{
    auto coders = study.coders();
    if (!coders)
        return coders.error();
    const std::string me = toStd(osUserName());
    for (const auto &coder : *coders)
        if (coder.name == me)
            return coder.id;
    if (!coders->empty())
        return coders->front().id;
    return study.ensureCoder(me);
}

// ---------------------------------------------------------------------------------------------

AddHighlightCommand::AddHighlightCommand(const QString &text, Highlight highlight)
    : StudyCommand(text, {}, {}, highlightChanges(highlight.interviewId))
    , m_highlight(std::make_shared<Highlight>(std::move(highlight)))
{
    m_highlight->codeIds = sortedUnique(m_highlight->codeIds);
    auto stored = m_highlight;
    setForward([stored](Study &study) -> Status {
        if (!stored->coderId) {
            auto coder = resolveCoder(study);
            if (!coder)
                return coder.error();
            stored->coderId = *coder;
        }
        auto id = study.addHighlight(*stored);
        if (!id)
            return id.error();
        // Keep what the study filled in (quote, timestamps) so a redo restores the same record.
        auto added = study.highlight(*id);
        if (!added)
            return added.error();
        *stored = std::move(*added);
        return {};
    });
    setBackward([stored](Study &study) {
        return study.deleteHighlight(stored->id);
    });
}

// ---------------------------------------------------------------------------------------------

DeleteHighlightCommand::DeleteHighlightCommand(const QString &text,
                                               const Study &current,
                                               Id highlightId)
    : StudyCommand(text, {}, {}, deleteChanges(current, highlightId))
    , m_saved(std::make_shared<Saved>())
{
    auto saved = m_saved;
    setForward([saved, highlightId](Study &study) -> Status {
        // What the delete removes or detaches is read when it runs, so a redo after other edits
        // saves the state it actually changes.
        auto h = study.highlight(highlightId);
        if (!h)
            return h.error();
        saved->highlight = std::move(*h);
        auto events = study.timeline(saved->highlight.interviewId);
        if (!events)
            return events.error();
        saved->events.clear();
        for (auto &event : *events)
            if (event.highlightId == highlightId)
                saved->events.push_back(std::move(event));
        auto groups = study.forceGroups();
        if (!groups)
            return groups.error();
        saved->forceGroups.clear();
        saved->placedInGroups.clear();
        for (const auto &group : *groups) {
            if (std::binary_search(
                    group.highlightIds.begin(), group.highlightIds.end(), highlightId))
                saved->forceGroups.push_back(group.id);
            if (std::binary_search(
                    group.placedHighlightIds.begin(), group.placedHighlightIds.end(), highlightId))
                saved->placedInGroups.push_back(group.id);
        }
        std::sort(saved->forceGroups.begin(), saved->forceGroups.end());
        std::sort(saved->placedInGroups.begin(), saved->placedInGroups.end());
        // Drafts cite quotes; the delete drops the citations, the undo must bring them back.
        auto jobs = study.jobs();
        if (!jobs)
            return jobs.error();
        saved->citingDrafts.clear();
        for (const Job &job : *jobs) {
            auto draft = study.jobDraft(job.id);
            if (!draft)
                return draft.error();
            const bool cites = std::any_of(
                draft->clauses.begin(), draft->clauses.end(), [&](const DraftClause &clause) {
                    return std::find(
                               clause.highlightIds.begin(), clause.highlightIds.end(), highlightId)
                           != clause.highlightIds.end();
                });
            if (cites)
                saved->citingDrafts.push_back(std::move(*draft));
        }
        return study.deleteHighlight(highlightId);
    });
    setBackward([saved](Study &study) -> Status {
        auto id = study.addHighlight(saved->highlight);
        if (!id)
            return id.error();
        for (const auto &event : saved->events)
            if (auto status = study.updateTimelineEvent(event); !status)
                return status;
        if (!saved->forceGroups.empty()) {
            auto groups = study.forceGroups();
            if (!groups)
                return groups.error();
            for (auto group : *groups) {
                if (!std::binary_search(
                        saved->forceGroups.begin(), saved->forceGroups.end(), group.id))
                    continue;
                group.highlightIds.push_back(saved->highlight.id);
                group.highlightIds = sortedUnique(std::move(group.highlightIds));
                if (std::binary_search(
                        saved->placedInGroups.begin(), saved->placedInGroups.end(), group.id)) {
                    group.placedHighlightIds.push_back(saved->highlight.id);
                    group.placedHighlightIds = sortedUnique(std::move(group.placedHighlightIds));
                }
                if (auto status = study.updateForceGroup(group); !status)
                    return status;
            }
        }
        for (const JobDraft &draft : saved->citingDrafts)
            if (auto status = study.setJobDraft(draft); !status)
                return status;
        return {};
    });
}

// ---------------------------------------------------------------------------------------------

bool sameHighlight(const Highlight &a, const Highlight &b)
{
    Highlight x = a;
    Highlight y = b;
    x.updatedAt.clear();
    y.updatedAt.clear();
    return x == y;
}

UpdateHighlightCommand::UpdateHighlightCommand(const QString &text,
                                               Highlight before,
                                               Highlight after,
                                               int mergeSession)
    : StudyCommand(text, {}, {}, highlightChanges(before.interviewId))
    , m_before(std::move(before))
    , m_after(std::move(after))
    , m_mergeSession(mergeSession)
{
    m_after.codeIds = sortedUnique(m_after.codeIds);
    setEdits();
}

void UpdateHighlightCommand::setEdits()
{
    setForward([after = m_after](Study &study) {
        return study.updateHighlight(after);
    });
    setBackward([before = m_before](Study &study) {
        return study.updateHighlight(before);
    });
}

int UpdateHighlightCommand::id() const
{
    return m_mergeSession >= 0 ? kHighlightEditMergeId : -1;
}

bool UpdateHighlightCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = dynamic_cast<const UpdateHighlightCommand *>(other);
    if (!next || m_mergeSession < 0 || next->m_mergeSession != m_mergeSession
        || next->m_before.id != m_after.id || !sameHighlight(next->m_before, m_after))
        return false;
    m_after = next->m_after;
    setEdits();
    // Typing that ends where it started leaves nothing to undo.
    setObsolete(sameHighlight(m_before, m_after));
    return true;
}

// ---------------------------------------------------------------------------------------------

TagPlan planToggle(const Highlight &highlight, std::vector<Id> codeIds, const QString &label)
{
    TagPlan plan;
    plan.existingId = highlight.id;
    codeIds = sortedUnique(std::move(codeIds));
    const bool hasAll = std::all_of(codeIds.begin(), codeIds.end(), [&](Id id) {
        return std::binary_search(highlight.codeIds.begin(), highlight.codeIds.end(), id);
    });
    Highlight after = highlight;
    if (hasAll) {
        std::vector<Id> kept;
        std::set_difference(highlight.codeIds.begin(),
                            highlight.codeIds.end(),
                            codeIds.begin(),
                            codeIds.end(),
                            std::back_inserter(kept));
        if (kept.empty()) {
            plan.refusal =
                QObject::tr("A highlight keeps at least one code: press Delete to remove it");
            return plan;
        }
        after.codeIds = std::move(kept);
        plan.removed = true;
        plan.command = std::make_unique<UpdateHighlightCommand>(
            QObject::tr("Remove %1 from highlight").arg(label), highlight, std::move(after));
    } else {
        std::vector<Id> merged;
        std::set_union(highlight.codeIds.begin(),
                       highlight.codeIds.end(),
                       codeIds.begin(),
                       codeIds.end(),
                       std::back_inserter(merged));
        after.codeIds = std::move(merged);
        plan.command = std::make_unique<UpdateHighlightCommand>(
            QObject::tr("Add %1 to highlight").arg(label), highlight, std::move(after));
    }
    return plan;
}

TagPlan planTag(const std::vector<Highlight> &highlights,
                Id interviewId,
                std::int64_t start,
                std::int64_t end,
                std::vector<Id> codeIds,
                const QString &label)
{
    TagPlan plan;
    codeIds = sortedUnique(std::move(codeIds));
    if (codeIds.empty()) {
        plan.refusal = QObject::tr("Choose a code to tag with");
        return plan;
    }
    if (end <= start) {
        plan.refusal = QObject::tr("Select some text to tag");
        return plan;
    }
    for (const auto &h : highlights)
        if (h.start == start && h.end == end)
            return planToggle(h, std::move(codeIds), label);
    Highlight h;
    h.interviewId = interviewId;
    h.start = start;
    h.end = end;
    h.codeIds = std::move(codeIds);
    plan.command =
        std::make_unique<AddHighlightCommand>(QObject::tr("Tag as %1").arg(label), std::move(h));
    return plan;
}

} // namespace jtbd::app
