// jtbd_bench_import: parse throughput of each transcript format, and importing many transcripts.
#include <jtbd/importer.h>
#include <jtbd/study.h>
#include <jtbd/transcript.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include <stdlib.h>

namespace fs = std::filesystem;
using namespace jtbd;

namespace {

// Budget of docs/performance.md: at least this many MB/s on one core for VTT, SRT and text.
constexpr double kThroughputBudget = 100.0;

using Clock = std::chrono::steady_clock;

double seconds(Clock::time_point from)
{
    return std::chrono::duration<double>(Clock::now() - from).count();
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

// One hour of conversation: about 9,000 words, short questions and long answers, as cues of a
// few seconds each (what captioning tools write).
struct Cue
{
    std::string speaker;
    std::int64_t startMs;
    std::int64_t endMs;
    std::string text;
};

std::vector<Cue> conversation(std::uint64_t seed, int minutes)
{
    static const std::vector<std::string> words = {
        "the",     "invoice", "client", "paid",     "late",    "again",  "and",   "I",
        "was",     "so",      "tired",  "of",       "chasing", "them",   "every", "month",
        "café",    "receipt", "tax",    "deadline", "we",      "looked", "at",    "three",
        "options", "but",     "naïve",  "really",   "just",    "wanted", "to",    "know",
        "where",   "money",   "was",    "Łódź",     "東京",    "😤",      "um",    "you",
        "know",    "like",    "it",     "worked",   "fine",    "until",  "March", "when",
        "my",      "partner"};
    std::mt19937_64 random(seed);
    std::vector<Cue> cues;
    std::int64_t ms = 4000;
    const std::int64_t end = static_cast<std::int64_t>(minutes) * 60000;
    bool interviewer = true;
    while (ms < end) {
        const int turnWords = interviewer ? 8 + static_cast<int>(random() % 20)
                                          : 40 + static_cast<int>(random() % 160);
        int said = 0;
        while (said < turnWords) {
            const int cueWords = std::min(turnWords - said, 8 + static_cast<int>(random() % 8));
            std::string text;
            for (int w = 0; w < cueWords; ++w)
                text += (w ? " " : "") + words[random() % words.size()];
            const std::int64_t length = cueWords * 400;
            cues.push_back(
                {interviewer ? "Maya Okafor" : "Hannah Price", ms, ms + length, text + "."});
            ms += length + 200;
            said += cueWords;
        }
        interviewer = !interviewer;
        ms += 800;
    }
    return cues;
}

std::string clock(std::int64_t ms, char separator, bool hours = true)
{
    char buffer[32];
    if (hours)
        std::snprintf(buffer,
                      sizeof buffer,
                      "%02lld:%02lld:%02lld%c%03lld",
                      static_cast<long long>(ms / 3600000),
                      static_cast<long long>(ms / 60000 % 60),
                      static_cast<long long>(ms / 1000 % 60),
                      separator,
                      static_cast<long long>(ms % 1000));
    else
        std::snprintf(buffer,
                      sizeof buffer,
                      "%lld:%02lld",
                      static_cast<long long>(ms / 60000),
                      static_cast<long long>(ms / 1000 % 60));
    return buffer;
}

std::string zoomVtt(const std::vector<Cue> &cues)
{
    std::string out = "WEBVTT\n\n";
    for (std::size_t i = 0; i < cues.size(); ++i)
        out += std::to_string(i + 1) + "\n" + clock(cues[i].startMs, '.') + " --> "
               + clock(cues[i].endMs, '.') + "\n" + cues[i].speaker + ": " + cues[i].text + "\n\n";
    return out;
}

std::string teamsVtt(const std::vector<Cue> &cues)
{
    std::string out = "WEBVTT\n\n";
    for (std::size_t i = 0; i < cues.size(); ++i)
        out += "8a1c2f3e-5b6d-4e7f-9a0b-1c2d3e4f5a6b/" + std::to_string(i) + "-0\n"
               + clock(cues[i].startMs, '.') + " --> " + clock(cues[i].endMs, '.') + "\n<v "
               + cues[i].speaker + ">" + cues[i].text + "</v>\n\n";
    return out;
}

std::string srt(const std::vector<Cue> &cues)
{
    std::string out;
    for (std::size_t i = 0; i < cues.size(); ++i)
        out += std::to_string(i + 1) + "\n" + clock(cues[i].startMs, ',') + " --> "
               + clock(cues[i].endMs, ',') + "\n" + cues[i].speaker + ": " + cues[i].text + "\n\n";
    return out;
}

// Turns as Rev writes them: "Speaker (hh:mm:ss): text", a paragraph each.
std::string revText(const std::vector<Cue> &cues)
{
    std::string out;
    for (std::size_t i = 0; i < cues.size(); ++i) {
        if (i == 0 || cues[i].speaker != cues[i - 1].speaker)
            out += (i ? "\n\n" : "") + cues[i].speaker + " ("
                   + clock(cues[i].startMs, '.').substr(0, 8) + "): ";
        else
            out += " ";
        out += cues[i].text;
    }
    return out + "\n";
}

// Turns as Otter writes them: "Speaker  m:ss" on its own line, then the text.
std::string otterText(const std::vector<Cue> &cues)
{
    std::string out;
    for (std::size_t i = 0; i < cues.size(); ++i) {
        if (i == 0 || cues[i].speaker != cues[i - 1].speaker)
            out += (i ? "\n\n" : "") + cues[i].speaker + "  " + clock(cues[i].startMs, '.', false)
                   + "\n";
        else
            out += " ";
        out += cues[i].text;
    }
    return out + "\n\nTranscribed by https://otter.ai\n";
}

struct Format
{
    const char *name;
    const char *parser;
    std::function<std::string(const std::vector<Cue> &)> write;
    bool budgeted;
};

} // namespace

int main(int argc, char **argv)
{
    int transcripts = 1000;
    int runs = 7;
    std::string out;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--transcripts" && i + 1 < argc)
            transcripts = std::atoi(argv[++i]);
        else if (arg == "--runs" && i + 1 < argc)
            runs = std::atoi(argv[++i]);
        else if (arg == "--out" && i + 1 < argc)
            out = argv[++i];
        else {
            std::cerr << "usage: jtbd_bench_import [--transcripts N] [--runs N] [--out FILE]\n";
            return 2;
        }
    }
    bool missed = false;
    std::string report =
        "| Format | Size of one hour | Parse, median | Throughput | Budget | Result |\n"
        "|---|---:|---:|---:|---|---|\n";
    const auto cues = conversation(1, 60);
    const std::vector<Format> formats = {{"WebVTT, Zoom style", "vtt", zoomVtt, true},
                                         {"WebVTT, Teams style", "vtt", teamsVtt, true},
                                         {"SRT", "srt", srt, true},
                                         {"Text, Rev style", "txt", revText, true},
                                         {"Text, Otter style", "txt", otterText, true}};
    for (const auto &format : formats) {
        const std::string bytes = format.write(cues);
        std::vector<double> times;
        std::size_t turns = 0;
        for (int r = 0; r < runs; ++r) {
            const auto start = Clock::now();
            auto parsed = parseTranscript(bytes, format.parser, "bench");
            times.push_back(seconds(start));
            if (!parsed) {
                std::cerr << format.name << ": " << parsed.error().message << "\n";
                return 2;
            }
            turns = parsed->turns.size();
        }
        const double mbps = static_cast<double>(bytes.size()) / 1e6 / median(times);
        const bool pass = !format.budgeted || mbps >= kThroughputBudget;
        missed = missed || !pass;
        char row[256];
        std::snprintf(row,
                      sizeof row,
                      "| %s | %.2f MB, %zu turns | %.2f ms | %.0f MB/s | %s | %s |\n",
                      format.name,
                      static_cast<double>(bytes.size()) / 1e6,
                      turns,
                      median(times) * 1000,
                      mbps,
                      format.budgeted ? ">= 100 MB/s" : "",
                      pass ? "pass" : "**miss**");
        report += row;
    }

    // Importing many one-hour transcripts into one study, as one `jtbd import` of many files.
    std::string pattern = (fs::temp_directory_path() / "jtbd-bench-import-XXXXXX").string();
    const fs::path dir = mkdtemp(pattern.data());
    std::vector<fs::path> files;
    std::uintmax_t totalBytes = 0;
    for (int i = 0; i < transcripts; ++i) {
        const auto path = dir / ("interview-" + std::to_string(i) + ".vtt");
        std::ofstream(path, std::ios::binary)
            << zoomVtt(conversation(1000 + static_cast<std::uint64_t>(i), 60));
        totalBytes += fs::file_size(path);
        files.push_back(path);
    }
    auto study = Study::create(dir / "import.jtbd");
    if (!study) {
        std::cerr << study.error().message << "\n";
        return 2;
    }
    const auto start = Clock::now();
    auto imported = importFiles(*study, files, {"auto", "", {"Maya Okafor"}});
    const double importSeconds = seconds(start);
    if (!imported) {
        std::cerr << imported.error().message << "\n";
        return 2;
    }
    const auto stats = study->stats();
    char row[512];
    std::snprintf(row,
                  sizeof row,
                  "\nImporting %d one-hour Zoom transcripts (%.0f MB, %lld turns, %lld words) in "
                  "one `jtbd import`: "
                  "**%.1f s** (%.0f MB/s, parsing and writing).\n",
                  transcripts,
                  static_cast<double>(totalBytes) / 1e6,
                  static_cast<long long>(stats ? stats->turns : 0),
                  static_cast<long long>(stats ? stats->words : 0),
                  importSeconds,
                  static_cast<double>(totalBytes) / 1e6 / importSeconds);
    report += row;
    std::error_code ec;
    fs::remove_all(dir, ec);

    std::cout << report;
    if (!out.empty())
        std::ofstream(out) << report;
    return missed ? 1 : 0;
}
