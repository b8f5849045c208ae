// The whole synthesis in one run: force groups, the story x force-group matrix, the stories
// clustered into jobs, each job matched to the job it continues and drafted from its evidence,
// and everything stored in one transaction.
#include "synthesis_internal.h"

#include <jtbd/study.h>
#include <jtbd/text.h>

#include <algorithm>

namespace jtbd {

namespace {

std::string draftText(const JobDraft &draft, DraftPart part)
{
    const DraftClause *clause = draft.find(part);
    return clause ? clause->text : std::string();
}

// The job fields a draft fills, with their parts.
struct DraftedField
{
    DraftPart part;
    std::string Job::*field;
};

constexpr DraftedField kDraftedFields[] = {{DraftPart::Name, &Job::name},
                                           {DraftPart::Statement, &Job::statement},
                                           {DraftPart::StoryWhen, &Job::storyWhen},
                                           {DraftPart::StoryWant, &Job::storyWant},
                                           {DraftPart::StorySoThat, &Job::storySoThat}};

// Whether the researcher has worked on a job: stories placed by hand, or a drafted field that
// no longer reads as the last draft wrote it.
bool touched(const Job &job, const JobDraft &previousDraft)
{
    if (!job.placedInterviewIds.empty())
        return true;
    for (const auto &[part, field] : kDraftedFields) {
        if (job.*field != draftText(previousDraft, part))
            return true;
    }
    return false;
}

} // namespace

Result<SynthesisSummary> runSynthesis(Study &study, const SynthesisOptions &options)
{
    if (options.jobs && *options.jobs < 1)
        return makeError(ErrorCode::InvalidArgument,
                         "the number of jobs must be at least 1, not "
                             + std::to_string(*options.jobs));
    auto evidence = synthesis::readEvidence(study);
    if (!evidence)
        return evidence.error();
    auto previousGroups = study.forceGroups();
    if (!previousGroups)
        return previousGroups.error();
    auto marks = study.storyGroupMarks();
    if (!marks)
        return marks.error();
    auto previousJobs = study.jobs();
    if (!previousJobs)
        return previousJobs.error();
    std::vector<JobDraft> previousDrafts;
    for (const auto &job : *previousJobs) {
        auto draft = study.jobDraft(job.id);
        if (!draft)
            return draft.error();
        previousDrafts.push_back(std::move(*draft));
    }
    auto interviews = study.interviews();
    if (!interviews)
        return interviews.error();
    std::set<Id> interviewIds;
    for (const auto &item : *interviews)
        interviewIds.insert(item.interview.id);

    // 1. Force groups.
    auto context = synthesis::readQuoteContext(study, *evidence);
    if (!context)
        return context.error();
    auto grouping = synthesis::groupForces(*evidence, *context, *previousGroups, options.seed);
    if (!grouping)
        return grouping.error();

    // 2 and 3. The matrix over the new groups, and the stories clustered on it.
    const StoryClustering clustering = synthesis::clusterMatrix(
        synthesis::buildMatrix(*evidence, grouping->groups, *marks), options.jobs);
    const StoryMatrix &matrix = clustering.matrix;
    std::vector<std::vector<Id>> clusters(static_cast<std::size_t>(clustering.k));
    for (std::size_t r = 0; r < matrix.interviewIds.size(); ++r)
        clusters[clustering.labels[r]].push_back(matrix.interviewIds[r]);

    // 4. Jobs. A story placed by hand stays in the job it was placed in, whatever the clustering
    // says; each cluster continues the existing job it shares most stories with (one to one), so
    // ids and stable keys survive.
    const std::vector<Job> &jobs = *previousJobs;
    std::vector<std::vector<Id>> placed(jobs.size());
    std::map<Id, std::set<std::size_t>> placedIn; // story -> jobs it was placed in
    for (std::size_t j = 0; j < jobs.size(); ++j) {
        for (Id id : jobs[j].placedInterviewIds) {
            if (interviewIds.contains(id)) {
                placed[j].push_back(id);
                placedIn[id].insert(j);
            }
        }
    }
    const synthesis::ClusterMatch matched = synthesis::matchToPrevious(
        clusters, jobs, [](const Job &job) -> const auto & { return job.interviewIds; });
    const std::vector<int> &match = matched.previousOf;
    const std::vector<int> &clusterOfJob = matched.clusterOf;
    // A cluster's stories, less those the researcher placed in some job.
    auto clustered = [&](int c) {
        std::vector<Id> members;
        for (Id id : clusters[c]) {
            if (!placedIn.contains(id))
                members.push_back(id);
        }
        return members;
    };

    SynthesisSummary summary;
    summary.keptPlacements = grouping->keptPlacements;
    std::vector<Job> newJobs;
    std::vector<const JobDraft *> newJobPrevious; // the previous draft of each, or nullptr
    for (std::size_t j = 0; j < jobs.size(); ++j) {
        Job job = jobs[j];
        job.placedInterviewIds = synthesis::sortedUnique(placed[j]);
        std::vector<Id> members = placed[j];
        if (const int c = clusterOfJob[j]; c >= 0) {
            const auto more = clustered(c);
            members.insert(members.end(), more.begin(), more.end());
        } else if (!touched(jobs[j], previousDrafts[j])) {
            continue; // no cluster continues it and nothing in it is the researcher's
        }
        job.interviewIds = synthesis::sortedUnique(std::move(members));
        summary.keptPlacements += static_cast<int>(job.placedInterviewIds.size());
        newJobs.push_back(std::move(job));
        newJobPrevious.push_back(&previousDrafts[j]);
    }
    for (std::size_t c = 0; c < clusters.size(); ++c) {
        if (match[c] >= 0)
            continue;
        Job job;
        job.interviewIds = synthesis::sortedUnique(clustered(static_cast<int>(c)));
        if (job.interviewIds.empty())
            continue; // every story in it was placed elsewhere by hand
        newJobs.push_back(std::move(job));
        newJobPrevious.push_back(nullptr);
    }

    // 5. Drafts. A drafted field follows the new draft only while the researcher has not edited
    // it: when it is empty or still reads as the previous draft wrote it.
    std::vector<JobDraft> drafts;
    const JobDraft none;
    synthesis::DraftContext draftContext;
    if (!newJobs.empty()) {
        auto read = synthesis::readDraftContext(study, *evidence);
        if (!read)
            return read.error();
        draftContext = std::move(*read);
    }
    for (std::size_t j = 0; j < newJobs.size(); ++j) {
        Job &job = newJobs[j];
        auto draft =
            synthesis::draftJobFrom(study, *evidence, draftContext, grouping->groups, matrix, job);
        if (!draft)
            return draft.error();
        const JobDraft &previous = newJobPrevious[j] ? *newJobPrevious[j] : none;
        for (const auto &[part, field] : kDraftedFields) {
            std::string &value = job.*field;
            if (value.empty() || value == draftText(previous, part))
                value = draftText(*draft, part);
        }
        if (trim(job.name).empty()) // a job without evidence to name it from still needs a name
            job.name = "Job " + std::to_string(j + 1);
        drafts.push_back(std::move(*draft));
    }

    // 6. Stored in one transaction.
    if (auto stored = study.replaceSynthesis(grouping->groups, newJobs, drafts); !stored)
        return stored.error();

    summary.forceGroups = static_cast<int>(grouping->groups.size());
    summary.pinnedGroups = grouping->pinned;
    summary.jobs = static_cast<int>(newJobs.size());
    summary.estimatedJobs = clustering.estimatedK;
    summary.silhouettes = clustering.silhouettes;
    return summary;
}

} // namespace jtbd
