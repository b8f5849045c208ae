// jtbd: the JTBD Workbench command line (argument parsing; the work is in commands.cpp).
#include "commands.h"

#include <CLI/CLI.hpp>
#include <iostream>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

int main(int argc, char **argv)
{
    namespace cli = jtbd::cli;
    using Path = std::filesystem::path;

    CLI::App app{"jtbd: Jobs To Be Done interview research from the command line.\n"
                 "Studies are single files (*.jtbd); see docs/user-guide.md."};
    app.set_version_flag("--version", std::string("jtbd ") + JTBD_VERSION);
    app.require_subcommand(1);
    bool verbose = false;
    app.add_flag("-v,--verbose", verbose, "Log what happens to stderr");

    Path study;
    std::string name;
    auto *newCmd = app.add_subcommand("new", "Create an empty study file");
    newCmd->add_option("STUDY", study, "The study file to create (*.jtbd)")->required();
    newCmd->add_option("--name", name, "The study's name (default: the file name)");

    auto *sampleCmd = app.add_subcommand("sample", "Write the bundled sample study to a new file");
    sampleCmd->add_option("STUDY", study, "The study file to create")->required();

    std::vector<Path> files;
    std::string format = "auto";
    std::string participant;
    std::vector<std::string> interviewers;
    auto *importCmd = app.add_subcommand(
        "import", "Import transcripts as interviews, or a study JSON into a new study");
    importCmd->add_option("STUDY", study, "The study file")->required();
    importCmd->add_option("FILE", files, "Transcript or study JSON files")->required();
    importCmd
        ->add_option(
            "--format", format, "auto (recognise from the content), txt, vtt, srt, docx or json")
        ->check(CLI::IsMember({"auto", "txt", "vtt", "srt", "docx", "json"}));
    importCmd->add_option("--participant",
                          participant,
                          "Link the interviews to this participant code (added if new)");
    importCmd->add_option(
        "--interviewer", interviewers, "A speaker who is an interviewer (repeatable)");

    cli::ExportRequest exportRequest;
    auto *exportCmd = app.add_subcommand(
        "export", "Export the study: a PDF report, job stories as JSON, highlights as CSV");
    exportCmd->add_option("STUDY", exportRequest.study, "The study file")->required();
    exportCmd->add_option("--pdf", exportRequest.pdf, "Write the report as a PDF to this file");
    exportCmd->add_option(
        "--job-stories", exportRequest.jobStories, "Write the job stories as JSON to this file");
    exportCmd->add_option(
        "--csv", exportRequest.csv, "Write every highlight as a CSV row to this file");
    exportCmd->add_option(
        "--json", exportRequest.json, "Write the whole study as JSON to this file");
    exportCmd->add_flag("--redact",
                        exportRequest.redact,
                        "Pseudonyms only: real names left out and replaced inside quotes");
    exportCmd->add_option("--jobs", exportRequest.jobIds, "Only these jobs (ids, comma separated)")
        ->delimiter(',');
    exportCmd->add_flag("--include-memos",
                        exportRequest.includeMemos,
                        "Include highlight memos, job notes and interview notes");

    bool json = false;
    auto *statsCmd = app.add_subcommand("stats", "Count what the study holds");
    statsCmd->add_option("STUDY", study, "The study file")->required();
    statsCmd->add_flag("--json", json, "Print JSON");

    std::optional<long long> interviewId;
    std::optional<long long> jobId;
    std::string weighting = "intensity";
    auto *forcesCmd = app.add_subcommand(
        "forces", "Summarise the four forces for the study, an interview or a job");
    forcesCmd->add_option("STUDY", study, "The study file")->required();
    auto *interviewOpt =
        forcesCmd->add_option("--interview", interviewId, "Only this interview (id)");
    auto *jobOpt = forcesCmd->add_option("--job", jobId, "Only the stories of this job (id)");
    interviewOpt->excludes(jobOpt);
    forcesCmd->add_option("--by", weighting, "Weigh forces by summed intensity or by count")
        ->check(CLI::IsMember({"intensity", "count"}));
    forcesCmd->add_flag("--json", json, "Print JSON");
    cli::ForcesImage forcesImage;
    forcesCmd->add_option("--png", forcesImage.png, "Draw the diagram as a PNG to this file");
    forcesCmd->add_option("--svg", forcesImage.svg, "Draw the diagram as an SVG to this file");
    forcesCmd->add_flag("--redact",
                        forcesImage.redact,
                        "In the image: real names inside quotes replaced by pseudonyms");

    auto *interviewsCmd = app.add_subcommand("interviews", "List the interviews with their ids");
    interviewsCmd->add_option("STUDY", study, "The study file")->required();
    interviewsCmd->add_flag("--json", json, "Print JSON");

    std::string k = "auto";
    auto *clusterCmd = app.add_subcommand(
        "cluster", "Group the quotes of each force, cluster the stories into jobs and draft them");
    clusterCmd->add_option("STUDY", study, "The study file")->required();
    clusterCmd->add_option(
        "--k", k, "The number of jobs, or auto to choose 2-6 by the mean silhouette (default)");
    clusterCmd->add_flag("--json", json, "Print JSON");

    auto *jobsCmd = app.add_subcommand(
        "jobs", "List the jobs with their job stories, stories and drafts from the evidence");
    jobsCmd->add_option("STUDY", study, "The study file")->required();
    jobsCmd->add_flag("--json", json, "Print JSON");

    cli::AffinitizeOptions affinitize;
    auto *affinitizeCmd = app.add_subcommand("affinitize",
                                             "Cluster the statements of a CSV or TSV file (survey "
                                             "answers, tickets, quotes) by what they say");
    affinitizeCmd->add_option("FILE", affinitize.file, "A CSV or TSV file with a header row")
        ->required();
    affinitizeCmd->add_option(
        "--text-column",
        affinitize.textColumn,
        "The column of statements (default: 'text', else the longest column)");
    affinitizeCmd->add_option("--label-column",
                              affinitize.labelColumn,
                              "Reference labels: report NMI, ARI and accuracy against them");
    affinitizeCmd->add_option("--k", affinitize.k, "The number of clusters, or auto (default)");
    affinitizeCmd->add_option("--out", affinitize.out, "Write each row's cluster to this CSV file");
    affinitizeCmd->add_option(
        "--language", affinitize.language, "Stemming language (default english)");
    affinitizeCmd->add_option(
        "--seed", affinitize.seed, "Seed: the same seed gives the same clusters");
    affinitizeCmd->add_flag("--json", affinitize.json, "Print JSON");

    cli::SearchOptions search;
    auto *searchCmd = app.add_subcommand("search", "Search every turn of every interview");
    searchCmd->add_option("STUDY", study, "The study file")->required();
    searchCmd
        ->add_option(
            "QUERY", search.query, "Words, \"a phrase\", prefix*, AND / OR / NOT, (grouping)")
        ->required();
    searchCmd->add_option(
        "--participant", search.participant, "Only this participant's interviews (code)");
    searchCmd->add_option("--code", search.code, "Only turns with a highlight of this code (key)");
    searchCmd->add_option("--interview", search.interviewId, "Only this interview (id)");
    searchCmd->add_option("--attribute", search.attribute, "Only participants with KEY=VALUE");
    searchCmd->add_option("--role", search.role, "Only turns of interviewers or of participants")
        ->check(CLI::IsMember({"interviewer", "participant"}));
    searchCmd->add_option("--limit", search.limit, "At most this many results (default 50)")
        ->check(CLI::PositiveNumber);
    searchCmd->add_flag("--json", search.json, "Print JSON");

    Path csv;
    auto *participantsCmd =
        app.add_subcommand("participants", "List participants, or import them from a spreadsheet");
    participantsCmd->add_option("STUDY", study, "The study file")->required();
    participantsCmd->add_option(
        "--import", csv, "A CSV file with a 'code' column; other columns become attributes");
    participantsCmd->add_flag("--json", json, "Print JSON");

    auto *checkCmd =
        app.add_subcommand("check", "Check a study file for damage and inconsistencies");
    checkCmd->add_option("STUDY", study, "The study file")->required();

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp &e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp &e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion &e) {
        return app.exit(e);
    } catch (const CLI::ParseError &e) {
        std::cerr << "error: " << e.what() << "\nRun 'jtbd --help' for usage.\n";
        return cli::kUsage;
    }

    auto logger = spdlog::stderr_color_mt("jtbd");
    logger->set_level(verbose ? spdlog::level::debug : spdlog::level::warn);
    spdlog::set_default_logger(logger);

    if (*newCmd)
        return cli::newStudy(study, name);
    if (*sampleCmd)
        return cli::sample(study);
    if (*importCmd)
        return cli::import(study, files, format, participant, interviewers);
    if (*exportCmd)
        return cli::exportStudy(exportRequest);
    if (*statsCmd)
        return cli::stats(study, json);
    if (*forcesCmd)
        return cli::forces(study, interviewId, jobId, weighting, json, forcesImage);
    if (*interviewsCmd)
        return cli::interviews(study, json);
    if (*clusterCmd)
        return cli::cluster(study, k, json);
    if (*jobsCmd)
        return cli::jobs(study, json);
    if (*affinitizeCmd)
        return cli::affinitize(affinitize);
    if (*searchCmd)
        return cli::search(study, search);
    if (*participantsCmd)
        return csv.empty() ? cli::listParticipants(study, json)
                           : cli::importParticipants(study, csv);
    if (*checkCmd)
        return cli::check(study);
    return cli::kUsage;
}
