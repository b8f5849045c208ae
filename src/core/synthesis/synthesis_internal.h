// What the synthesis's steps share: the study's highlights read once with the keys of their codes,
// the matrix and the story clustering over a given list of groups (the stored ones, or the ones a
// run is about to store), the one-to-one matching that keeps ids stable, and the drafting.
#pragma once

#include <jtbd/synthesis.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace jtbd::synthesis {

// Every highlight of the study, with the keys its codes stand for: a code's own key and the keys
// of the codes it is nested under, so a custom code under "push" counts as push.
struct Evidence
{
    std::vector<Highlight> highlights;              // by interview, then start
    std::map<Id, std::size_t> index;                // highlight id -> position in highlights
    std::vector<std::set<std::string>> keys;        // per highlight
    std::map<Id, std::vector<std::size_t>> byStory; // interview id -> positions, by start

    const Highlight *find(Id highlightId) const;
    bool carries(std::size_t position, const std::string &key) const;
    bool carries(std::size_t position, Force force) const;
};

Result<Evidence> readEvidence(const Study &study);

// For each highlight of the evidence, what its speaker was talking about: the text of the turns
// it lies in. A quote is often a fragment ("Ninety-four days late. I counted."), and its turn
// names the topic (the invoice, the tax return) the fragment leaves out.
Result<std::vector<std::string>> readQuoteContext(const Study &study, const Evidence &evidence);

// The matrix over `groups` (in the order given) with the researcher's marks; marks of groups not
// in the list are ignored.
StoryMatrix buildMatrix(const Evidence &evidence,
                        const std::vector<ForceGroup> &groups,
                        const std::vector<StoryGroupMark> &marks);

// The stories of a matrix clustered (k chosen by silhouette when empty).
StoryClustering clusterMatrix(StoryMatrix matrix, std::optional<int> k);

// A one-to-one matching of rows to columns that maximises the summed overlap; rows[i] is the
// column matched to row i, or -1. Only pairs with a positive overlap are matched. Deterministic:
// the same table gives the same matching.
std::vector<int> matchByOverlap(const std::vector<std::vector<int>> &overlap);

// The ids in ascending order, each once.
inline std::vector<Id> sortedUnique(std::vector<Id> ids)
{
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

// New clusters matched one to one to what a previous run made of them (matchByOverlap on the
// ids they share), so the previous items' ids survive a re-run.
struct ClusterMatch
{
    std::vector<int> previousOf; // per cluster: the previous item it continues, or -1
    std::vector<int> clusterOf;  // per previous item: the cluster that continues it, or -1
};

// idsOf(item) gives the ids a previous item holds.
template<typename Item, typename IdsOf>
ClusterMatch matchToPrevious(const std::vector<std::vector<Id>> &clusters,
                             const std::vector<Item> &previous,
                             IdsOf idsOf)
{
    std::vector<std::vector<int>> overlap(clusters.size(), std::vector<int>(previous.size(), 0));
    for (std::size_t c = 0; c < clusters.size(); ++c) {
        const std::set<Id> members(clusters[c].begin(), clusters[c].end());
        for (std::size_t p = 0; p < previous.size(); ++p) {
            for (Id id : idsOf(previous[p]))
                overlap[c][p] += members.contains(id) ? 1 : 0;
        }
    }
    ClusterMatch match;
    match.previousOf = matchByOverlap(overlap);
    match.clusterOf.assign(previous.size(), -1);
    for (std::size_t c = 0; c < match.previousOf.size(); ++c) {
        if (match.previousOf[c] >= 0)
            match.clusterOf[static_cast<std::size_t>(match.previousOf[c])] = static_cast<int>(c);
    }
    return match;
}

struct ForceGrouping
{
    std::vector<ForceGroup> groups; // by force; kept groups keep their ids, new ones have id 0
    int pinned = 0;
    int keptPlacements = 0; // placed quotes left in their groups
};

// Affinitizes each force's quotes into groups by their context (readQuoteContext), keeping
// pinned groups and placed quotes, and matching the new clusters to the previous groups so their
// ids survive.
Result<ForceGrouping> groupForces(const Evidence &evidence,
                                  const std::vector<std::string> &context,
                                  const std::vector<ForceGroup> &previous,
                                  std::uint64_t seed);

// What drafting reads of the whole study, the same for every job: read once per run.
struct DraftContext
{
    std::map<Id, std::string> switchedFrom; // interview id -> what its participant left
    std::set<std::string> seenLowercase;    // words the customers wrote in lower case
};

Result<DraftContext> readDraftContext(const Study &study, const Evidence &evidence);

// The draft of a job from its stories' evidence, against the given groups and matrix.
Result<JobDraft> draftJobFrom(const Study &study,
                              const Evidence &evidence,
                              const DraftContext &context,
                              const std::vector<ForceGroup> &groups,
                              const StoryMatrix &matrix,
                              const Job &job);

} // namespace jtbd::synthesis
