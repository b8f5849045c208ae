// The story x force-group matrix (method section 5, step 3): which stories show which groups,
// from the tagged quotes in each group and the researcher's marks.
#include "synthesis_internal.h"

#include <jtbd/study.h>

#include <algorithm>

namespace jtbd {

namespace synthesis {

const Highlight *Evidence::find(Id highlightId) const
{
    const auto it = index.find(highlightId);
    return it == index.end() ? nullptr : &highlights[it->second];
}

bool Evidence::carries(std::size_t position, const std::string &key) const
{
    return keys[position].contains(key);
}

bool Evidence::carries(std::size_t position, Force force) const
{
    return carries(position, codeKey(force));
}

Result<Evidence> readEvidence(const Study &study)
{
    auto codes = study.codes();
    if (!codes)
        return codes.error();
    auto highlights = study.highlightsInScope(Scope::wholeStudy());
    if (!highlights)
        return highlights.error();

    // The keys each code stands for: its own and its ancestors' (the codebook is a small tree).
    std::map<Id, const Code *> byId;
    for (const auto &code : *codes)
        byId[code.id] = &code;
    std::map<Id, std::set<std::string>> codeKeys;
    for (const auto &code : *codes) {
        auto &keys = codeKeys[code.id];
        const Code *at = &code;
        // Bounded by the number of codes, in case a damaged file holds a cycle.
        for (std::size_t depth = 0; at && depth <= codes->size(); ++depth) {
            keys.insert(at->key);
            at = at->parentId && byId.contains(*at->parentId) ? byId[*at->parentId] : nullptr;
        }
    }

    Evidence evidence;
    evidence.highlights = std::move(*highlights);
    evidence.keys.resize(evidence.highlights.size());
    for (std::size_t i = 0; i < evidence.highlights.size(); ++i) {
        const auto &h = evidence.highlights[i];
        evidence.index[h.id] = i;
        evidence.byStory[h.interviewId].push_back(i);
        for (Id codeId : h.codeIds) {
            if (const auto it = codeKeys.find(codeId); it != codeKeys.end())
                evidence.keys[i].insert(it->second.begin(), it->second.end());
        }
    }
    return evidence;
}

StoryMatrix buildMatrix(const Evidence &evidence,
                        const std::vector<ForceGroup> &groups,
                        const std::vector<StoryGroupMark> &marks)
{
    StoryMatrix matrix;
    std::map<Id, std::size_t> columnOf; // stored groups only: new ones (id 0) carry no marks
    for (std::size_t c = 0; c < groups.size(); ++c) {
        matrix.groupIds.push_back(groups[c].id);
        matrix.groupForces.push_back(groups[c].force);
        if (groups[c].id != 0)
            columnOf[groups[c].id] = c;
    }

    // Rows: every story with a quote of a force, a quote in a group, or a mark on a group.
    std::set<Id> stories;
    for (std::size_t i = 0; i < evidence.highlights.size(); ++i) {
        for (Force force : kForces) {
            if (evidence.carries(i, force)) {
                stories.insert(evidence.highlights[i].interviewId);
                break;
            }
        }
    }
    for (const auto &group : groups) {
        for (Id id : group.highlightIds) {
            if (const Highlight *h = evidence.find(id))
                stories.insert(h->interviewId);
        }
    }
    for (const auto &mark : marks) {
        if (columnOf.contains(mark.forceGroupId))
            stories.insert(mark.interviewId);
    }
    matrix.interviewIds.assign(stories.begin(), stories.end());
    std::map<Id, std::size_t> rowOf;
    for (std::size_t r = 0; r < matrix.interviewIds.size(); ++r)
        rowOf[matrix.interviewIds[r]] = r;

    using Cell = StoryMatrix::Cell;
    matrix.cells.assign(matrix.interviewIds.size(), std::vector<Cell>(groups.size(), Cell::Empty));
    for (std::size_t c = 0; c < groups.size(); ++c) {
        for (Id id : groups[c].highlightIds) {
            if (const Highlight *h = evidence.find(id))
                matrix.cells[rowOf.at(h->interviewId)][c] = Cell::Quoted;
        }
    }
    // A mark overrides the quotes: "shows" fills a cell without a quote; "does not show" empties
    // one with a quote (a "does not show" mark on an empty cell changes nothing).
    for (const auto &mark : marks) {
        const auto column = columnOf.find(mark.forceGroupId);
        const auto row = rowOf.find(mark.interviewId);
        if (column == columnOf.end() || row == rowOf.end())
            continue;
        Cell &cell = matrix.cells[row->second][column->second];
        if (mark.shows && cell == Cell::Empty)
            cell = Cell::Marked;
        else if (!mark.shows && cell == Cell::Quoted)
            cell = Cell::MarkedAbsent;
    }
    return matrix;
}

} // namespace synthesis

Result<StoryMatrix> storyMatrix(const Study &study)
{
    auto evidence = synthesis::readEvidence(study);
    if (!evidence)
        return evidence.error();
    auto groups = study.forceGroups();
    if (!groups)
        return groups.error();
    auto marks = study.storyGroupMarks();
    if (!marks)
        return marks.error();
    return synthesis::buildMatrix(*evidence, *groups, *marks);
}

} // namespace jtbd
