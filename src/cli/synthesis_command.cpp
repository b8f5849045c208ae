// jtbd cluster and jtbd jobs: the synthesis (force groups, stories clustered into jobs, drafts)
// and the jobs it leaves, with their evidence.
#include "commands.h"

#include <jtbd/synthesis.h>

#include <cstdio>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

namespace jtbd::cli {

namespace fs = std::filesystem;

namespace {

// What the printing needs to name a story or a quote: participant code, pseudonym and title.
struct Names
{
    struct Story
    {
        std::string code;
        std::string pseudonym;
        std::string title;
    };

    std::map<Id, Story> stories;       // by interview id
    std::map<Id, Id> storyOfHighlight; // highlight id -> interview id

    static Result<Names> read(const Study &study)
    {
        auto interviews = study.interviews();
        if (!interviews)
            return interviews.error();
        auto participants = study.participants();
        if (!participants)
            return participants.error();
        auto highlights = study.highlightsInScope(Scope::wholeStudy());
        if (!highlights)
            return highlights.error();
        std::map<Id, const Participant *> byId;
        for (const auto &p : *participants)
            byId[p.id] = &p;
        Names names;
        for (const auto &item : *interviews) {
            Story story{item.participantCode, {}, item.interview.title};
            if (item.interview.participantId && byId.contains(*item.interview.participantId))
                story.pseudonym = byId[*item.interview.participantId]->pseudonym;
            names.stories[item.interview.id] = std::move(story);
        }
        for (const auto &h : *highlights)
            names.storyOfHighlight[h.id] = h.interviewId;
        return names;
    }

    // "P01 (Robin)", "P01", or "no participant".
    std::string who(Id interviewId) const
    {
        const auto it = stories.find(interviewId);
        if (it == stories.end() || it->second.code.empty())
            return "no participant";
        if (it->second.pseudonym.empty())
            return it->second.code;
        return it->second.code + " (" + it->second.pseudonym + ")";
    }

    std::string title(Id interviewId) const
    {
        const auto it = stories.find(interviewId);
        return it == stories.end() ? std::string() : it->second.title;
    }

    // "P01 #12": where a cited quote comes from, and its highlight id.
    std::string cite(Id highlightId) const
    {
        const auto it = storyOfHighlight.find(highlightId);
        std::string code;
        if (it != storyOfHighlight.end()) {
            const auto story = stories.find(it->second);
            if (story != stories.end())
                code = story->second.code;
        }
        return (code.empty() ? std::string() : code + " ") + "#" + std::to_string(highlightId);
    }

    nlohmann::ordered_json storyJson(Id interviewId) const
    {
        const auto it = stories.find(interviewId);
        const Story none;
        const Story &story = it == stories.end() ? none : it->second;
        return {{"id", interviewId},
                {"participant_code", story.code},
                {"pseudonym", story.pseudonym},
                {"title", story.title}};
    }
};

std::string_view partName(DraftPart part)
{
    switch (part) {
    case DraftPart::Name:
        return "Name";
    case DraftPart::StoryWhen:
        return "When";
    case DraftPart::StoryWant:
        return "I want to";
    case DraftPart::StorySoThat:
        return "So I can";
    case DraftPart::Statement:
        return "Statement";
    case DraftPart::FirstThought:
        return "First thought";
    case DraftPart::Event1:
        return "Event 1";
    case DraftPart::Event2:
        return "Event 2";
    case DraftPart::Fired:
        return "Fired";
    case DraftPart::Alternative:
        return "Alternative";
    case DraftPart::HireCriterion:
        return "Hire criterion";
    case DraftPart::FireCriterion:
        return "Fire criterion";
    case DraftPart::Anxiety:
        return "Anxiety";
    case DraftPart::Habit:
        return "Habit";
    }
    return "?";
}

nlohmann::ordered_json jobJson(const Job &job, const Names &names, const JobDraft *draft)
{
    nlohmann::ordered_json members = nlohmann::ordered_json::array();
    for (Id id : job.interviewIds)
        members.push_back(names.storyJson(id));
    nlohmann::ordered_json out = {
        {"id", job.id},
        {"key", job.stableKey},
        {"name", job.name},
        {"statement", job.statement},
        {"story", {{"when", job.storyWhen}, {"want", job.storyWant}, {"so_that", job.storySoThat}}},
        {"job_story", job.storyText()},
        {"interviews", members},
        {"placed_interviews", job.placedInterviewIds}};
    if (draft) {
        nlohmann::ordered_json clauses = nlohmann::ordered_json::array();
        for (const auto &clause : draft->clauses)
            clauses.push_back({{"part", std::string(key(clause.part))},
                               {"text", clause.text},
                               {"highlights", clause.highlightIds}});
        out["draft"] = clauses;
    }
    return out;
}

void printJob(const Job &job, const Names &names, const JobDraft *draft)
{
    std::printf("Job %lld: %s (%zu %s)\n",
                static_cast<long long>(job.id),
                job.name.c_str(),
                job.interviewIds.size(),
                job.interviewIds.size() == 1 ? "story" : "stories");
    if (const auto story = job.storyText(); !story.empty())
        std::printf("  %s\n", story.c_str());
    if (!job.statement.empty())
        std::printf("  Job statement: %s\n", job.statement.c_str());
    const std::set<Id> placed(job.placedInterviewIds.begin(), job.placedInterviewIds.end());
    for (Id id : job.interviewIds)
        std::printf("  - interview %lld, %s: %s%s\n",
                    static_cast<long long>(id),
                    names.who(id).c_str(),
                    names.title(id).c_str(),
                    placed.contains(id) ? " [placed by hand]" : "");
    if (!draft || draft->clauses.empty())
        return;
    std::printf("  Draft from the evidence:\n");
    for (const auto &clause : draft->clauses) {
        std::string cited;
        for (Id id : clause.highlightIds) {
            if (!cited.empty())
                cited += ", ";
            cited += names.cite(id);
        }
        std::printf("    %s: %s [%s]\n",
                    std::string(partName(clause.part)).c_str(),
                    clause.text.c_str(),
                    cited.c_str());
    }
}

} // namespace

int jobs(const fs::path &path, bool json)
{
    auto study = openStudy(path);
    if (!study)
        return report(study.error());
    auto list = study->jobs();
    if (!list)
        return report(list.error());
    auto names = Names::read(*study);
    if (!names)
        return report(names.error());
    std::vector<JobDraft> drafts;
    for (const auto &job : *list) {
        auto draft = study->jobDraft(job.id);
        if (!draft)
            return report(draft.error());
        drafts.push_back(std::move(*draft));
    }
    if (json) {
        nlohmann::ordered_json out = nlohmann::ordered_json::array();
        for (std::size_t i = 0; i < list->size(); ++i)
            out.push_back(jobJson((*list)[i], *names, &drafts[i]));
        std::cout << out.dump(2) << "\n";
        return kSuccess;
    }
    for (std::size_t i = 0; i < list->size(); ++i) {
        printJob((*list)[i], *names, &drafts[i]);
        std::printf("\n");
    }
    if (list->empty())
        std::printf("No jobs yet.\n");
    return kSuccess;
}

int cluster(const fs::path &path, const std::string &k, bool json)
{
    SynthesisOptions options;
    if (k != "auto") {
        std::size_t used = 0;
        int value = 0;
        try {
            value = std::stoi(k, &used);
        } catch (const std::exception &) {
            used = 0;
        }
        if (used != k.size() || value < 1)
            return report(
                makeError(ErrorCode::InvalidArgument,
                          "--k takes a number of jobs of at least 1, or 'auto'; got '" + k + "'"));
        options.jobs = value;
    }
    auto study = openStudy(path);
    if (!study)
        return report(study.error());
    auto summary = runSynthesis(*study, options);
    if (!summary)
        return report(summary.error());
    auto groups = study->forceGroups();
    if (!groups)
        return report(groups.error());
    auto list = study->jobs();
    if (!list)
        return report(list.error());
    auto names = Names::read(*study);
    if (!names)
        return report(names.error());

    auto storiesOf = [&](const ForceGroup &group) {
        std::set<Id> stories;
        for (Id id : group.highlightIds) {
            if (const auto it = names->storyOfHighlight.find(id);
                it != names->storyOfHighlight.end())
                stories.insert(it->second);
        }
        return std::vector<Id>(stories.begin(), stories.end());
    };

    if (json) {
        nlohmann::ordered_json silhouettes = nlohmann::ordered_json::array();
        for (const auto &[kTried, score] : summary->silhouettes)
            silhouettes.push_back({{"k", kTried}, {"silhouette", score}});
        nlohmann::ordered_json groupList = nlohmann::ordered_json::array();
        for (const auto &group : *groups)
            groupList.push_back({{"id", group.id},
                                 {"force", std::string(key(group.force))},
                                 {"label", group.label},
                                 {"suggested_label", group.suggestedLabel},
                                 {"pinned", group.pinned},
                                 {"highlights", group.highlightIds},
                                 {"placed_highlights", group.placedHighlightIds},
                                 {"interviews", storiesOf(group)}});
        nlohmann::ordered_json jobList = nlohmann::ordered_json::array();
        for (const auto &job : *list)
            jobList.push_back(jobJson(job, *names, nullptr));
        const nlohmann::ordered_json out = {{"summary",
                                             {{"force_groups", summary->forceGroups},
                                              {"pinned_groups", summary->pinnedGroups},
                                              {"jobs", summary->jobs},
                                              {"k_estimated", summary->estimatedJobs},
                                              {"silhouettes", silhouettes},
                                              {"kept_placements", summary->keptPlacements}}},
                                            {"force_groups", groupList},
                                            {"jobs", jobList}};
        std::cout << out.dump(2) << "\n";
        return kSuccess;
    }

    std::printf("Force groups: %d (%d pinned)\n", summary->forceGroups, summary->pinnedGroups);
    for (Force force : kForces) {
        const auto &f = info(force);
        std::printf("\n%s (%s)\n", std::string(f.shortName).c_str(), std::string(f.id).c_str());
        bool any = false;
        for (const auto &group : *groups) {
            if (group.force != force)
                continue;
            any = true;
            const auto stories = storiesOf(group);
            // The stories that show the group, by participant code; a long list is cut short
            // (the JSON has them all).
            constexpr std::size_t kListed = 12;
            std::string codes;
            for (std::size_t i = 0; i < stories.size(); ++i) {
                const Id id = stories[i];
                if (i == kListed && stories.size() > kListed + 1) {
                    codes += " and " + std::to_string(stories.size() - kListed) + " more";
                    break;
                }
                const auto it = names->stories.find(id);
                if (!codes.empty())
                    codes += ' ';
                if (it == names->stories.end() || it->second.code.empty()) {
                    codes += '#';
                    codes += std::to_string(id);
                } else {
                    codes += it->second.code;
                }
            }
            std::printf("  %4lld  %s%s: %zu %s in %zu %s (%s)\n",
                        static_cast<long long>(group.id),
                        group.label.c_str(),
                        group.pinned ? " [pinned]" : "",
                        group.highlightIds.size(),
                        group.highlightIds.size() == 1 ? "quote" : "quotes",
                        stories.size(),
                        stories.size() == 1 ? "story" : "stories",
                        codes.c_str());
        }
        if (!any)
            std::printf("  none\n");
    }

    std::printf("\nJobs: %d", summary->jobs);
    if (summary->estimatedJobs) {
        std::string tried;
        for (const auto &[kTried, score] : summary->silhouettes) {
            char buffer[48];
            std::snprintf(
                buffer, sizeof buffer, "%sk=%d %.2f", tried.empty() ? "" : ", ", kTried, score);
            tried += buffer;
        }
        std::printf(" (the number of clusters chosen by the mean silhouette: %s)",
                    tried.empty() ? "too few stories to compare" : tried.c_str());
    }
    std::printf("\n");
    if (summary->keptPlacements > 0)
        std::printf("Left where they were placed by hand: %d %s\n",
                    summary->keptPlacements,
                    summary->keptPlacements == 1 ? "quote or story" : "quotes and stories");
    for (const auto &job : *list) {
        std::printf("\n");
        printJob(job, *names, nullptr);
    }
    if (list->empty())
        std::printf("\nNo jobs: no interview has a quote tagged with a force.\n");
    return kSuccess;
}

} // namespace jtbd::cli
