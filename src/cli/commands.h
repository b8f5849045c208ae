// The jtbd subcommands: each takes parsed arguments, prints its result and returns an exit code.
#pragma once

#include <jtbd/export.h>
#include <jtbd/result.h>
#include <jtbd/study.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace jtbd::cli {

// Exit codes the command line promises (README, docs/user-guide.md).
enum ExitCode : int {
    kSuccess = 0,
    kUsage = 1,    // bad arguments, unknown ids
    kBadInput = 2, // an input file cannot be read
    kStudyFile =
        3, // the study file is missing, not a study, damaged, newer, locked, or cannot be written
    kInternal = 4, // a bug
};

// Prints "error: …" to stderr and returns the exit code for the error.
int report(const Error &error);
// Opens a study for a command; a damaged file's message says how to see the damage.
Result<Study> openStudy(const std::filesystem::path &path);

int newStudy(const std::filesystem::path &study, const std::string &name);
int sample(const std::filesystem::path &study);
int import(const std::filesystem::path &study,
           const std::vector<std::filesystem::path> &files,
           const std::string &format,
           const std::string &participant,
           const std::vector<std::string> &interviewers);
int stats(const std::filesystem::path &study, bool json);

// `jtbd forces` draws the diagram as an image when a path is given.
struct ForcesImage
{
    std::filesystem::path png;
    std::filesystem::path svg;
    bool redact = false;
};

int forces(const std::filesystem::path &study,
           std::optional<long long> interviewId,
           std::optional<long long> jobId,
           const std::string &weighting,
           bool json,
           const ForcesImage &image);
int interviews(const std::filesystem::path &study, bool json);
int check(const std::filesystem::path &study);

// The synthesis (synthesis_command.cpp): `cluster` runs it, with `k` the number of jobs or
// "auto"; `jobs` lists the jobs with their members and drafts.
int cluster(const std::filesystem::path &study, const std::string &k, bool json);
int jobs(const std::filesystem::path &study, bool json);

// Clusters the statements of a CSV/TSV file (affinitize_command.cpp).
struct AffinitizeOptions
{
    std::filesystem::path file;
    std::string textColumn;    // empty: "text", else the column with the longest values
    std::string labelColumn;   // reference labels to score against; empty: none
    std::string k = "auto";    // a number of clusters, or auto
    std::filesystem::path out; // a CSV of each row's cluster; empty: none
    std::string language = "english";
    std::uint64_t seed = 1;
    bool json = false;
};

int affinitize(const AffinitizeOptions &options);

// Exports (export_command.cpp): any of the four files in one run, each written atomically.
struct ExportRequest
{
    std::filesystem::path study;
    std::filesystem::path pdf;        // the report
    std::filesystem::path jobStories; // job stories JSON
    std::filesystem::path csv;        // highlights CSV
    std::filesystem::path json;       // the whole study as JSON (never redacted: a backup)
    bool redact = false;
    bool includeMemos = false;
    std::vector<long long> jobIds;
};

int exportStudy(const ExportRequest &request);

// What needs Qt's drawing (report_command.cpp; without Qt, an error saying so).
int writePdf(const Study &study, const ExportOptions &options, const std::filesystem::path &out);
int writeForcesImage(const Study &study,
                     const Scope &scope,
                     Weighting weighting,
                     const ForcesImage &image);

// Full-text search over every turn (search_command.cpp).
struct SearchOptions
{
    std::string query;       // words, "phrases", prefix*, AND / OR / NOT, parentheses (search.h)
    std::string participant; // participant code
    std::string code; // code key: turns overlapping a highlight with this code (or one under it)
    std::optional<long long> interviewId;
    std::string attribute; // KEY=VALUE: participants with this attribute
    std::string role;      // interviewer or participant
    int limit = 50;
    bool json = false;
};

int search(const std::filesystem::path &study, const SearchOptions &options);

// Participants from a spreadsheet (participants_command.cpp).
int importParticipants(const std::filesystem::path &study, const std::filesystem::path &csv);
int listParticipants(const std::filesystem::path &study, bool json);

} // namespace jtbd::cli
