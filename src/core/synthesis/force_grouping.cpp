// Force groups (method section 5, step 2): the quotes of each force affinitized by what they say.
// A re-run keeps the researcher's work: pinned groups stay exactly as they are, quotes placed by
// hand stay in their group, and each new cluster takes over the previous group it shares most
// quotes with, so group ids (and the marks on them) survive small edits.
#include "clustering/text_features.h"
#include "synthesis_internal.h"

#include <jtbd/clustering.h>
#include <jtbd/study.h>

#include <algorithm>

namespace jtbd::synthesis {

namespace {

constexpr std::size_t kConsensusLimit = 500; // quotes of one force, at most, for several runs
constexpr int kConsensusRuns = 7;

std::string clusterLabel(const TextCluster &cluster, Force force)
{
    std::string label = cluster.label();
    if (label.empty()) // quotes without a single word share one cluster, which has no terms
        label = std::string(info(force).shortName) + " quotes";
    return label;
}

} // namespace

// The engine's grouping of a force's quotes. One run depends on its seed (where k-means starts),
// and on a few dozen quotes one unlucky start can decide which job a story falls into. So for up
// to a few hundred quotes, the engine groups them several times and the groups are the consensus:
// quotes that most runs put together stay together (average linkage on the share of runs that
// split them), cut into as many groups as the most typical run has (the run with the highest
// mean ARI against the others).
static Result<TextClustering> consensusClustering(const std::vector<std::string> &texts,
                                                  std::uint64_t seed)
{
    const int runs = texts.size() <= kConsensusLimit ? kConsensusRuns : 1;
    if (runs == 1) {
        TextClusteringOptions options;
        options.seed = seed;
        return clusterTexts(texts, options);
    }
    // The runs differ only in their seed, so the texts' features are built once for all of them.
    auto features = clustering::textFeatures(texts, {TextClusteringOptions{}.language});
    if (!features)
        return features.error();
    std::vector<clustering::FeatureClustering> results;
    for (int run = 0; run < runs; ++run)
        results.push_back(clustering::clusterFeatures(
            *features, std::nullopt, seed + static_cast<std::uint64_t>(run) * 7919U));

    // Agreement is symmetric: each pair of runs is scored once.
    std::vector<std::vector<double>> ari(results.size(), std::vector<double>(results.size(), 0.0));
    for (std::size_t a = 0; a < results.size(); ++a)
        for (std::size_t b = a + 1; b < results.size(); ++b)
            ari[a][b] = ari[b][a] =
                scoreAgreement(results[a].assignment, results[b].assignment).ari;
    std::size_t typical = 0;
    double bestAgreement = -2;
    for (std::size_t a = 0; a < results.size(); ++a) {
        double agreement = 0;
        for (std::size_t b = 0; b < results.size(); ++b)
            if (a != b)
                agreement += ari[a][b];
        if (agreement > bestAgreement + 1e-12) {
            bestAgreement = agreement;
            typical = a;
        }
    }
    const std::size_t n = texts.size();
    std::vector<std::vector<double>> apart(n, std::vector<double>(n, 0.0));
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t j = i + 1; j < n; ++j) {
            int together = 0;
            for (const clustering::FeatureClustering &result : results)
                together += result.assignment[i] == result.assignment[j] ? 1 : 0;
            apart[i][j] = apart[j][i] = 1.0 - together / static_cast<double>(results.size());
        }
    }
    const clustering::FeatureClustering &chosen = results[typical];
    TextClustering consensus;
    consensus.estimatedK = chosen.estimatedK;
    consensus.clusters =
        clustering::describeFeatures(*features, chosen.assignment, chosen.clusterCount);
    consensus.assignment = averageLinkage(apart).cut(static_cast<int>(consensus.clusters.size()));
    return consensus; // its clusters' labels are replaced by the caller's
}

Result<std::vector<std::string>> readQuoteContext(const Study &study, const Evidence &evidence)
{
    std::vector<std::string> context(evidence.highlights.size());
    auto isForceQuote = [&](std::size_t position) {
        return std::any_of(kForces.begin(), kForces.end(), [&](Force force) {
            return evidence.carries(position, force);
        });
    };
    for (const auto &[interviewId, positions] : evidence.byStory) {
        // Only the force quotes are grouped; a story without one needs no turns read.
        if (std::none_of(positions.begin(), positions.end(), isForceQuote))
            continue;
        auto turns = study.turns(interviewId);
        if (!turns)
            return turns.error();
        // Both lists are in text order, so one pass pairs each quote with the turns it covers.
        std::size_t t = 0;
        for (std::size_t position : positions) {
            const Highlight &h = evidence.highlights[position];
            while (t < turns->size() && (*turns)[t].textEnd <= h.start)
                ++t;
            if (!isForceQuote(position))
                continue;
            for (std::size_t u = t; u < turns->size() && (*turns)[u].textStart < h.end; ++u) {
                if (!context[position].empty())
                    context[position] += '\n';
                context[position] += (*turns)[u].text;
            }
        }
    }
    return context;
}

Result<ForceGrouping> groupForces(const Evidence &evidence,
                                  const std::vector<std::string> &context,
                                  const std::vector<ForceGroup> &previous,
                                  std::uint64_t seed)
{
    ForceGrouping result;
    for (Force force : kForces) {
        std::vector<const ForceGroup *> pinned;
        std::vector<const ForceGroup *> unpinned;
        for (const auto &group : previous) {
            if (group.force == force)
                (group.pinned ? pinned : unpinned).push_back(&group);
        }

        // Quotes that are not for the clustering to move: members of pinned groups, and quotes
        // placed by hand (which stay in the group they were placed in).
        std::set<Id> taken;
        for (const ForceGroup *group : pinned)
            taken.insert(group->highlightIds.begin(), group->highlightIds.end());
        std::vector<std::vector<Id>> placed(unpinned.size());
        for (std::size_t g = 0; g < unpinned.size(); ++g) {
            for (Id id : unpinned[g]->placedHighlightIds) {
                if (evidence.find(id)) {
                    placed[g].push_back(id);
                    taken.insert(id);
                }
            }
        }

        std::vector<Id> pool;
        std::vector<std::string> texts;  // what each quote is clustered on: its turns
        std::vector<std::string> quotes; // what a group is labelled with: the quotes' own words
        for (std::size_t i = 0; i < evidence.highlights.size(); ++i) {
            const Highlight &h = evidence.highlights[i];
            if (evidence.carries(i, force) && !taken.contains(h.id)) {
                pool.push_back(h.id);
                texts.push_back(i < context.size() && !context[i].empty() ? context[i] : h.quote);
                quotes.push_back(h.quote);
            }
        }

        std::vector<std::vector<Id>> clusters;
        std::vector<std::string> labels;
        if (!texts.empty()) {
            auto clustering = consensusClustering(texts, seed);
            if (!clustering)
                return makeError(clustering.error().code,
                                 "grouping the " + std::string(key(force))
                                     + " quotes: " + clustering.error().message);
            clusters.resize(clustering->clusters.size());
            for (std::size_t t = 0; t < pool.size(); ++t) {
                const int c = clustering->assignment.at(t);
                if (c < 0 || c >= static_cast<int>(clusters.size()))
                    return makeError(ErrorCode::Internal,
                                     "the text clustering put a " + std::string(key(force))
                                         + " quote in cluster " + std::to_string(c) + " of "
                                         + std::to_string(clusters.size()));
                clusters[c].push_back(pool[t]);
            }
            auto described = describeClusters(quotes, clustering->assignment);
            if (!described)
                return described.error();
            for (const auto &cluster : *described)
                labels.push_back(clusterLabel(cluster, force));
        }

        // Each new cluster takes over the previous unpinned group whose clustered (not placed)
        // quotes it shares most of, one to one, maximising the quotes that stay together.
        const ClusterMatch matched = matchToPrevious(
            clusters, unpinned, [](const ForceGroup *group) -> const auto & {
                return group->highlightIds;
            });
        const std::vector<int> &match = matched.previousOf;
        const std::vector<int> &clusterOfGroup = matched.clusterOf;

        for (const ForceGroup *group : pinned) {
            result.groups.push_back(*group);
            ++result.pinned;
        }
        for (std::size_t g = 0; g < unpinned.size(); ++g) {
            ForceGroup group = *unpinned[g];
            group.placedHighlightIds = sortedUnique(placed[g]);
            std::vector<Id> members = placed[g];
            if (const int c = clusterOfGroup[g]; c >= 0) {
                members.insert(members.end(), clusters[c].begin(), clusters[c].end());
                // The label follows the engine until the researcher renames the group.
                if (group.label == group.suggestedLabel)
                    group.label = labels[c];
                group.suggestedLabel = labels[c];
            }
            group.highlightIds = sortedUnique(std::move(members));
            if (group.highlightIds.empty())
                continue; // nothing left in it and nothing placed: the group is gone
            result.keptPlacements += static_cast<int>(group.placedHighlightIds.size());
            result.groups.push_back(std::move(group));
        }
        for (std::size_t c = 0; c < clusters.size(); ++c) {
            if (match[c] >= 0)
                continue;
            ForceGroup group;
            group.force = force;
            group.label = labels[c];
            group.suggestedLabel = labels[c];
            group.highlightIds = sortedUnique(clusters[c]);
            result.groups.push_back(std::move(group));
        }
    }
    return result;
}

} // namespace jtbd::synthesis
