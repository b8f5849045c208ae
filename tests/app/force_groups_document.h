// The sample study with a few force groups made from its tagged quotes, for the tests of the force
// groups panel, its commands and the story x force-group matrix.
#pragma once

#include "app_fixture.h"

#include <jtbd/study.h>

#include <algorithm>
#include <app/study_document.h>
#include <string>
#include <vector>

namespace jtbd::test {

struct ForceGroupsDocument : SampleDocument
{
    // The sample's quotes of each force, in the order the study lists them.
    std::vector<Highlight> push;
    std::vector<Highlight> pull;
    std::vector<Highlight> anxiety;

    // Push: "month-end" (3 quotes, label as suggested), "late invoices" (2 quotes, renamed),
    // the other push quotes ungrouped. Pull: "one place" (2 quotes, pinned). Anxiety: "trust"
    // (2 quotes).
    Id monthEnd = 0;
    Id lateInvoices = 0;
    Id onePlace = 0;
    Id trust = 0;

    ForceGroupsDocument()
    {
        push = quotesOf("push");
        pull = quotesOf("pull");
        anxiety = quotesOf("anxiety");
        EXPECT_GE(push.size(), 7u);
        EXPECT_GE(pull.size(), 2u);
        EXPECT_GE(anxiety.size(), 2u);
        monthEnd = addGroup(Force::Push, "Month-end reporting breaks", {0, 1, 2}, push);
        lateInvoices =
            addGroup(Force::Push, "Invoices paid late", {3, 4}, push, "late invoice payments");
        onePlace = addGroup(Force::Pull, "Everything in one place", {0, 1}, pull, "", true);
        trust = addGroup(Force::Anxiety, "Will my data be safe", {0, 1}, anxiety);
    }

    std::vector<Highlight> quotesOf(const std::string &force)
    {
        return expectOk(study().highlightsInScope(Scope::wholeStudy(), codeId(study(), force)),
                        "quotes of a force");
    }

    // A group of the quotes at `positions` in `quotes`; its suggested label is `suggested`, or the
    // label itself when that is empty.
    Id addGroup(Force force,
                const std::string &label,
                const std::vector<std::size_t> &positions,
                const std::vector<Highlight> &quotes,
                const std::string &suggested = {},
                bool pinned = false)
    {
        ForceGroup group;
        group.force = force;
        group.label = label;
        group.suggestedLabel = suggested.empty() ? label : suggested;
        group.pinned = pinned;
        for (auto p : positions)
            group.highlightIds.push_back(quotes.at(p).id);
        std::sort(group.highlightIds.begin(), group.highlightIds.end());
        return expectOk(study().addForceGroup(group), "force group");
    }

    ForceGroup group(Id id) { return expectOk(document->study().forceGroup(id), "force group"); }

    std::vector<ForceGroup> groups() { return expectOk(document->study().forceGroups(), "groups"); }

    std::vector<StoryGroupMark> marks()
    {
        return expectOk(document->study().storyGroupMarks(), "marks");
    }
};

} // namespace jtbd::test
