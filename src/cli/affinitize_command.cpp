// jtbd affinitize: cluster the statements of any CSV or TSV file (survey answers, support
// tickets, quotes) and, given reference labels, score the clusters against them.
#include "commands.h"

#include <jtbd/clustering.h>
#include <jtbd/csv.h>
#include <jtbd/file_io.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

namespace jtbd::cli {

namespace {

// One row per statement: its line in the input, its cluster, the cluster's label and central
// statement, then the statement (and its reference label when there is one). RFC 4180, CRLF.
std::string clustersCsv(const StatementTable &table, const TextClustering &result)
{
    std::vector<std::string> header = {
        "line", "cluster", "cluster_terms", "cluster_central", "text"};
    if (!table.labels.empty())
        header.push_back("label");
    std::string out;
    appendCsvRow(out, header);
    for (std::size_t i = 0; i < table.texts.size(); ++i) {
        const TextCluster &cluster =
            result.clusters.at(static_cast<std::size_t>(result.assignment[i]));
        std::vector<std::string> row = {std::to_string(table.lines[i]),
                                        std::to_string(result.assignment[i] + 1),
                                        cluster.label(5),
                                        table.texts.at(cluster.centralIndex),
                                        table.texts[i]};
        if (!table.labels.empty())
            row.push_back(table.labels[i]);
        appendCsvRow(out, row);
    }
    return out;
}

std::string fixed(double value, int digits)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.*f", digits, value);
    return buffer;
}

} // namespace

int affinitize(const AffinitizeOptions &options)
{
    TextClusteringOptions engine;
    engine.language = options.language;
    engine.seed = options.seed;
    if (options.k != "auto") {
        try {
            std::size_t used = 0;
            const int k = std::stoi(options.k, &used);
            if (used != options.k.size() || k < 1)
                throw std::invalid_argument(options.k);
            engine.k = k;
        } catch (const std::exception &) {
            std::cerr << "error: --k must be a whole number of clusters (1 or more) or auto, not '"
                      << options.k << "'\n";
            return kUsage;
        }
    }

    auto bytes = readFile(options.file);
    if (!bytes)
        return report(bytes.error());
    auto table =
        readStatements(*bytes, options.file.string(), options.textColumn, options.labelColumn);
    if (!table)
        return report(table.error());

    const auto start = std::chrono::steady_clock::now();
    auto clustered = clusterTexts(table->texts, engine);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!clustered)
        return report(clustered.error());

    std::optional<AgreementScores> scores;
    if (!table->labels.empty())
        scores = scoreAgreement(clustered->assignment, table->labelNumbers());

    if (!options.out.empty()) {
        if (Status written = writeFileAtomically(options.out, clustersCsv(*table, *clustered));
            !written)
            return report(written.error());
    }

    const auto k = clustered->clusters.size();
    if (options.json) {
        nlohmann::ordered_json out;
        out["n"] = table->texts.size();
        out["k"] = k;
        out["k_estimated"] = clustered->estimatedK;
        out["nmi"] = scores ? nlohmann::ordered_json(scores->nmi) : nlohmann::ordered_json();
        out["ari"] = scores ? nlohmann::ordered_json(scores->ari) : nlohmann::ordered_json();
        out["acc"] = scores ? nlohmann::ordered_json(scores->accuracy) : nlohmann::ordered_json();
        out["seconds"] = seconds;
        auto &clusters = out["clusters"] = nlohmann::ordered_json::array();
        for (std::size_t c = 0; c < k; ++c) {
            const TextCluster &cluster = clustered->clusters[c];
            clusters.push_back({{"cluster", c + 1},
                                {"size", cluster.size},
                                {"terms", cluster.terms},
                                {"central", table->texts.at(cluster.centralIndex)},
                                {"central_line", table->lines.at(cluster.centralIndex)}});
        }
        std::cout << out.dump(2) << '\n';
        return kSuccess;
    }

    std::cout << table->texts.size() << " statements from " << options.file.string() << " (column '"
              << table->textColumn << "') in " << k << " clusters"
              << (clustered->estimatedK ? " (number estimated)" : "") << ", " << fixed(seconds, 2)
              << " s\n";
    if (scores)
        std::cout << "Against '" << options.labelColumn << "': NMI " << fixed(scores->nmi, 3)
                  << ", ARI " << fixed(scores->ari, 3) << ", accuracy "
                  << fixed(scores->accuracy, 3)
                  << " (after matching clusters to labels one to one)\n";
    std::cout << '\n';
    for (std::size_t c = 0; c < k; ++c) {
        const TextCluster &cluster = clustered->clusters[c];
        std::cout << "Cluster " << c + 1 << " (" << cluster.size << "): " << cluster.label(5)
                  << "\n    \"" << table->texts.at(cluster.centralIndex) << "\"\n";
    }
    if (!options.out.empty())
        std::cout << "\nEach row's cluster: " << options.out.string() << '\n';
    return kSuccess;
}

} // namespace jtbd::cli
