// What each jtbd subcommand does and prints.
#include "commands.h"

#include <jtbd/forces.h>
#include <jtbd/importer.h>
#include <jtbd/sample.h>
#include <jtbd/study.h>
#include <jtbd/study_json.h>

#include <cstdio>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

namespace jtbd::cli {

namespace fs = std::filesystem;

// A path as it would be typed in a shell: quoted when it holds anything but plain characters.
std::string shellWord(const fs::path &path)
{
    const std::string text = path.string();
    if (!text.empty()
        && text.find_first_not_of(
               "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-/+")
               == std::string::npos)
        return text;
    std::string quoted = "'";
    for (char c : text)
        quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

int report(const Error &error)
{
    std::cerr << "error: " << error.message << "\n";
    switch (error.code) {
    case ErrorCode::InvalidArgument:
    case ErrorCode::NotFound:
    case ErrorCode::Conflict:
        return kUsage;
    case ErrorCode::BadInput:
        return kBadInput;
    case ErrorCode::StudyMissing:
    case ErrorCode::NotAStudy:
    case ErrorCode::StudyDamaged:
    case ErrorCode::StudyTooNew:
    case ErrorCode::StudyLocked:
    case ErrorCode::StudyExists:
    case ErrorCode::DiskFull:
    case ErrorCode::Io:
        return kStudyFile;
    case ErrorCode::Cancelled: // the command line has nothing that can be cancelled
    case ErrorCode::Internal:
        break;
    }
    return kInternal;
}

Result<Study> openStudy(const fs::path &path)
{
    auto study = Study::open(path);
    if (!study && study.error().code == ErrorCode::StudyDamaged)
        return makeError(ErrorCode::StudyDamaged,
                         study.error().message + "; to see what can still be read: jtbd check "
                             + shellWord(path));
    return study;
}

namespace {

// Whether a file to import is a study JSON: by --format, or by its first bytes.
bool isStudyJson(const fs::path &file, const std::string &format)
{
    if (format != "auto")
        return format == "json";
    std::ifstream in(file, std::ios::binary);
    char head[256] = {};
    in.read(head, sizeof head);
    return looksLikeStudyJson(std::string_view(head, static_cast<std::size_t>(in.gcount())));
}

std::string thousands(std::int64_t n)
{
    const std::string digits = std::to_string(n < 0 ? -n : n);
    std::string out = n < 0 ? "-" : "";
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            out += ',';
        out += digits[i];
    }
    return out;
}

std::string bar(std::int64_t value, std::int64_t max, int width)
{
    if (max <= 0)
        return {};
    const auto cells = static_cast<int>((value * width + max / 2) / max);
    std::string out;
    for (int i = 0; i < cells; ++i)
        out += "\u2588";
    return out;
}

} // namespace

int newStudy(const fs::path &path, const std::string &name)
{
    auto study = Study::create(path, [&](Study &s) -> Status {
        if (name.empty())
            return {};
        auto info = s.info();
        if (!info)
            return info.error();
        info->name = name;
        return s.setInfo(*info);
    });
    if (!study)
        return report(study.error());
    auto info = study->info();
    std::cout << "Created study '" << (info ? info->name : path.stem().string()) << "' in "
              << path.string() << "\n";
    return kSuccess;
}

int sample(const fs::path &path)
{
    auto study = createSampleStudy(path);
    if (!study)
        return report(study.error());
    auto s = study->stats();
    if (!s)
        return report(s.error());
    std::cout << "Wrote the sample study to " << path.string() << ": " << s->interviews
              << " interviews, " << s->highlights << " highlights, " << s->jobs << " jobs\n";
    return kSuccess;
}

int import(const fs::path &path,
           const std::vector<fs::path> &files,
           const std::string &format,
           const std::string &participant,
           const std::vector<std::string> &interviewers)
{
    const ImportOptions options{format, participant, interviewers};
    Result<std::vector<ImportedFile>> imported =
        makeError(ErrorCode::Internal, "import did not run");
    std::error_code ec;
    const bool studyJsonIntoNewFile =
        !fs::exists(path, ec) && files.size() == 1 && isStudyJson(files.front(), format);
    if (studyJsonIntoNewFile) {
        // A study JSON becomes a new study file, which appears only when the whole import worked.
        auto study = Study::create(path, [&](Study &s) -> Status {
            imported = importFiles(s, files, options);
            if (!imported)
                return imported.error();
            return {};
        });
        if (!study)
            return report(study.error());
    } else {
        auto study = openStudy(path);
        const auto folder = path.has_parent_path() ? path.parent_path() : fs::path(".");
        if (!study && study.error().code == ErrorCode::StudyMissing && fs::is_directory(folder, ec))
            return report(makeError(ErrorCode::StudyMissing,
                                    study.error().message + "; create it first with: jtbd new "
                                        + shellWord(path)));
        if (!study)
            return report(study.error());
        imported = importFiles(*study, files, options);
    }
    if (!imported)
        return report(imported.error());
    for (const auto &file : *imported) {
        if (file.interviewId)
            std::cout << "Imported " << file.file.string() << " (" << file.format << "): interview "
                      << *file.interviewId << ", " << file.turns
                      << (file.turns == 1 ? " turn\n" : " turns\n");
        else
            std::cout << "Imported the study " << file.file.string() << " into " << path.string()
                      << "\n";
        for (const auto &warning : file.warnings)
            std::cerr << "warning: " << file.file.string() << ": " << warning << "\n";
    }
    return kSuccess;
}

int stats(const fs::path &path, bool json)
{
    auto study = openStudy(path);
    if (!study)
        return report(study.error());
    auto s = study->stats();
    if (!s)
        return report(s.error());
    if (json) {
        const nlohmann::ordered_json out = {{"interviews", s->interviews},
                                            {"participants", s->participants},
                                            {"turns", s->turns},
                                            {"words", s->words},
                                            {"highlights", s->highlights},
                                            {"codes", s->codes},
                                            {"custom_codes", s->customCodes},
                                            {"coders", s->coders},
                                            {"timeline_events", s->timelineEvents},
                                            {"force_groups", s->forceGroups},
                                            {"jobs", s->jobs},
                                            {"guides", s->guides}};
        std::cout << out.dump(2) << "\n";
        return kSuccess;
    }
    auto info = study->info();
    if (!info)
        return report(info.error());
    std::printf("%s\n", info->name.c_str());
    const std::pair<const char *, std::int64_t> rows[] = {{"participants", s->participants},
                                                          {"interviews", s->interviews},
                                                          {"turns", s->turns},
                                                          {"words", s->words},
                                                          {"highlights", s->highlights},
                                                          {"timeline events", s->timelineEvents},
                                                          {"codes", s->codes},
                                                          {"  of them custom", s->customCodes},
                                                          {"coders", s->coders},
                                                          {"force groups", s->forceGroups},
                                                          {"jobs", s->jobs},
                                                          {"interview guides", s->guides}};
    for (const auto &[label, value] : rows)
        std::printf("  %-18s %10s\n", label, thousands(value).c_str());
    return kSuccess;
}

int forces(const fs::path &path,
           std::optional<long long> interviewId,
           std::optional<long long> jobId,
           const std::string &weightingName,
           bool json,
           const ForcesImage &image)
{
    auto study = openStudy(path);
    if (!study)
        return report(study.error());
    Scope scope = Scope::wholeStudy();
    std::string scopeName = "the whole study";
    if (interviewId) {
        scope = Scope::interview(*interviewId);
        auto interview = study->interview(*interviewId);
        if (!interview)
            return report(interview.error());
        scopeName = "interview " + std::to_string(*interviewId) + " (" + interview->title + ")";
    } else if (jobId) {
        scope = Scope::job(*jobId);
        auto job = study->job(*jobId);
        if (!job)
            return report(job.error());
        scopeName = "job " + std::to_string(*jobId) + " (" + job->name + ")";
    }
    const Weighting weighting = weightingName == "count" ? Weighting::Count : Weighting::Intensity;
    if (!image.png.empty() || !image.svg.empty())
        return writeForcesImage(*study, scope, weighting, image);
    auto summary = study->forcesSummary(scope);
    if (!summary)
        return report(summary.error());
    if (json) {
        nlohmann::ordered_json out;
        for (Force force : kForces)
            out[std::string(key(force))] = {{"count", (*summary)[force].count},
                                            {"intensity", (*summary)[force].intensity}};
        out["balance"] = summary->balance(weighting);
        out["toward"] = summary->toward(weighting);
        out["against"] = summary->against(weighting);
        out["weighting"] = weighting == Weighting::Count ? "count" : "intensity";
        std::cout << out.dump(2) << "\n";
        return kSuccess;
    }
    // The method's diagram, in text: push and pull above the axis pointing to the new way (B),
    // habit and anxiety below it pointing back to the current way (A).
    std::int64_t max = 0;
    for (Force force : kForces)
        max = std::max(max, (*summary)[force].weight(weighting));
    auto cell = [&](Force force, bool pad) {
        const auto &f = info(force);
        const auto weight = (*summary)[force].weight(weighting);
        const std::string label = std::string(f.shortName) + " (" + std::string(f.id) + ") "
                                  + std::to_string(weight) + " ";
        const std::string arrow =
            f.towardSwitch ? bar(weight, max, 16) + "\u25B6" : "\u25C0" + bar(weight, max, 16);
        // Pad by display width: each bar cell and arrow is one column but three bytes.
        const auto columns = label.size() + (arrow.size() / 3);
        return label + arrow + (pad ? std::string(columns < 38 ? 38 - columns : 1, ' ') : "");
    };
    std::printf("Forces of progress in %s\n", scopeName.c_str());
    std::printf("Arrow length: %s\n\n",
                weighting == Weighting::Count ? "number of highlights showing the force"
                                              : "summed intensity of the highlights (1-5 each)");
    std::printf("  %s%s\n", cell(Force::Push, true).c_str(), cell(Force::Pull, false).c_str());
    std::printf("  the current way (A) \u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500"
                "\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500"
                "\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u25B6 "
                "the new way (B)\n");
    std::printf(
        "  %s%s\n\n", cell(Force::Habit, true).c_str(), cell(Force::Anxiety, false).c_str());
    const auto balance = summary->balance(weighting);
    std::printf("  F1 + F2 = %lld against F3 + F4 = %lld: balance %+lld, %s.\n",
                static_cast<long long>(summary->toward(weighting)),
                static_cast<long long>(summary->against(weighting)),
                static_cast<long long>(balance),
                balance > 0   ? "the forces favour the switch"
                : balance < 0 ? "the forces hold people back"
                              : "the forces are even");
    std::printf("  Highlights: push %lld, pull %lld, anxiety %lld, habit %lld.\n",
                static_cast<long long>((*summary)[Force::Push].count),
                static_cast<long long>((*summary)[Force::Pull].count),
                static_cast<long long>((*summary)[Force::Anxiety].count),
                static_cast<long long>((*summary)[Force::Habit].count));
    return kSuccess;
}

int interviews(const fs::path &path, bool json)
{
    auto study = openStudy(path);
    if (!study)
        return report(study.error());
    auto list = study->interviews();
    if (!list)
        return report(list.error());
    if (json) {
        nlohmann::ordered_json out = nlohmann::ordered_json::array();
        for (const auto &item : *list)
            out.push_back({{"id", item.interview.id},
                           {"title", item.interview.title},
                           {"participant_code", item.participantCode},
                           {"date", item.interview.conductedOn},
                           {"status", key(item.interview.status)},
                           {"turns", item.turnCount},
                           {"words", item.wordCount},
                           {"highlights", item.highlightCount}});
        std::cout << out.dump(2) << "\n";
        return kSuccess;
    }
    if (list->empty()) {
        std::printf("No interviews yet.\n");
        return kSuccess;
    }
    std::printf("%4s  %-11s %-10s %-11s %7s %10s  %s\n",
                "id",
                "participant",
                "date",
                "status",
                "words",
                "highlights",
                "title");
    for (const auto &item : *list)
        std::printf("%4lld  %-11s %-10s %-11s %7s %10lld  %s\n",
                    static_cast<long long>(item.interview.id),
                    item.participantCode.empty() ? "-" : item.participantCode.c_str(),
                    item.interview.conductedOn.empty() ? "-" : item.interview.conductedOn.c_str(),
                    std::string(key(item.interview.status)).c_str(),
                    thousands(item.wordCount).c_str(),
                    static_cast<long long>(item.highlightCount),
                    item.interview.title.c_str());
    return kSuccess;
}

int check(const fs::path &path)
{
    // Opened without the quick check, so that damage is listed here rather than refused.
    auto study = Study::open(path, {.verify = false});
    if (!study)
        return report(study.error());
    auto problems = study->checkIntegrity();
    if (!problems)
        return report(problems.error());
    if (problems->empty()) {
        std::cout << path.string() << ": no problems found\n";
        return kSuccess;
    }
    for (const auto &problem : *problems)
        std::cerr << path.string() << ": " << problem << "\n";
    return report(
        makeError(ErrorCode::StudyDamaged,
                  "the study file '" + path.string() + "' has " + std::to_string(problems->size())
                      + (problems->size() == 1 ? " problem" : " problems") + " (listed above)"));
}

} // namespace jtbd::cli
