// jtbd_bench_study: times a large study in a study file against the budgets of docs/performance.md.
#include "study_generator.h"

#include <jtbd/forces.h>
#include <jtbd/search.h>
#include <jtbd/study.h>
#include <jtbd/study_json.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <sqlite3.h>
#include <stdlib.h>

namespace fs = std::filesystem;
using namespace jtbd;
using namespace jtbd::bench;

namespace {

// The budgets of docs/performance.md; a run that misses one exits with 1.
constexpr double kWriteRatioBudget = 1.5;
constexpr double kOpenAndListBudgetMs = 100.0;
constexpr double kForcesBudgetMs = 50.0;

constexpr int kOpenRuns = 21;
constexpr int kForcesRuns = 21;
constexpr int kExportRuns = 3;
constexpr int kSearchRuns = 41;
constexpr double kSearchMedianBudgetMs = 10.0;
constexpr double kSearchP95BudgetMs = 30.0;
// As many turns a statement as Study::setTranscript writes.
constexpr std::size_t kTurnsPerInsert = 256;

struct Options
{
    int interviews = 2000;
    int words = 8000;
    int highlightsPerInterview = 50;
    int rounds = 3;
    std::optional<fs::path> out;
    bool keep = false;
};

void usage(std::ostream &out)
{
    out << "usage: jtbd_bench_study [--interviews N] [--words N] [--highlights-per-interview N]\n"
           "                        [--rounds N] [--out FILE] [--keep]\n"
           "  --interviews N                interviews in the study (default 2000)\n"
           "  --words N                     words per interview (default 8000)\n"
           "  --highlights-per-interview N  highlights per interview (default 50)\n"
           "  --rounds N                    write rounds, each API then baseline or the reverse "
           "(default 3)\n"
           "  --out FILE                    also write the results as Markdown to FILE\n"
           "  --keep                        keep the study files in the temporary folder\n";
}

std::optional<Options> parseOptions(int argc, char **argv)
{
    Options options;
    auto number = [&](int &i, const char *name, int minimum) -> std::optional<int> {
        if (i + 1 >= argc) {
            std::cerr << name << " needs a value\n";
            return std::nullopt;
        }
        char *end = nullptr;
        const long value = std::strtol(argv[++i], &end, 10);
        if (*end != '\0' || value < minimum || value > 100'000'000) {
            std::cerr << name << ": '" << argv[i] << "' is not a number of at least " << minimum
                      << "\n";
            return std::nullopt;
        }
        return static_cast<int>(value);
    };
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        std::optional<int> value;
        if (arg == "--interviews") {
            if (!(value = number(i, "--interviews", 1)))
                return std::nullopt;
            options.interviews = *value;
        } else if (arg == "--words") {
            if (!(value = number(i, "--words", 1)))
                return std::nullopt;
            options.words = *value;
        } else if (arg == "--highlights-per-interview") {
            if (!(value = number(i, "--highlights-per-interview", 0)))
                return std::nullopt;
            options.highlightsPerInterview = *value;
        } else if (arg == "--rounds") {
            if (!(value = number(i, "--rounds", 1)))
                return std::nullopt;
            options.rounds = *value;
        } else if (arg == "--out") {
            if (i + 1 >= argc) {
                std::cerr << "--out needs a file\n";
                return std::nullopt;
            }
            options.out = fs::path(argv[++i]);
        } else if (arg == "--keep") {
            options.keep = true;
        } else if (arg == "--help" || arg == "-h") {
            usage(std::cout);
            std::exit(0);
        } else {
            std::cerr << "unknown option '" << arg << "'\n";
            usage(std::cerr);
            return std::nullopt;
        }
    }
    return options;
}

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

double medianOf(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

struct Samples
{
    std::vector<double> seconds;

    double median() const { return medianOf(seconds); }

    double min() const { return *std::min_element(seconds.begin(), seconds.end()); }

    double max() const { return *std::max_element(seconds.begin(), seconds.end()); }
};

// Milliseconds below 10 s, seconds above, so the table reads at a glance.
std::string formatDuration(double seconds)
{
    char buffer[32];
    if (seconds >= 10.0)
        std::snprintf(buffer, sizeof buffer, "%.1f s", seconds);
    else if (seconds >= 1.0)
        std::snprintf(buffer, sizeof buffer, "%.2f s", seconds);
    else if (seconds >= 0.01)
        std::snprintf(buffer, sizeof buffer, "%.1f ms", seconds * 1000.0);
    else
        std::snprintf(buffer, sizeof buffer, "%.2f ms", seconds * 1000.0);
    return buffer;
}

std::string formatRange(const Samples &s)
{
    return formatDuration(s.min()) + " – " + formatDuration(s.max());
}

std::string formatNumber(std::int64_t value)
{
    const std::string digits = std::to_string(value);
    std::string grouped;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && digits[i - 1] != '-' && (digits.size() - i) % 3 == 0)
            grouped += ',';
        grouped += digits[i];
    }
    return grouped;
}

std::string formatMegabytes(std::uintmax_t bytes)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.0f MB", static_cast<double>(bytes) / 1e6);
    return buffer;
}

[[noreturn]] void die(const std::string &message)
{
    throw std::runtime_error(message);
}

template<typename T>
T must(Result<T> result, std::string_view what)
{
    if (!result)
        die(std::string(what) + ": " + result.error().message);
    return std::move(result).value();
}

void must(const Status &status, std::string_view what)
{
    if (!status)
        die(std::string(what) + ": " + status.error().message);
}

// --- Writing through the API -------------------------------------------------------------------

// What the importer does: every record added through the public API inside one transaction.
double writeThroughApi(const fs::path &path, const SyntheticStudy &data)
{
    Study study = must(Study::create(path), "creating " + path.string());
    const auto start = Clock::now();
    const Status written = writeStudy(study, data);
    const double seconds = secondsSince(start);
    must(written, "writing through the API");
    return seconds;
}

// --- Writing with bare prepared statements -----------------------------------------------------

class Connection
{
public:
    Connection(const fs::path &path, int flags)
    {
        if (sqlite3_open_v2(path.c_str(), &m_db, flags, nullptr) != SQLITE_OK) {
            const std::string reason = m_db ? sqlite3_errmsg(m_db) : "out of memory";
            sqlite3_close(m_db);
            die("opening " + path.string() + ": " + reason);
        }
    }

    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    ~Connection() { sqlite3_close(m_db); }

    sqlite3 *get() const { return m_db; }

    void exec(const char *sql)
    {
        char *message = nullptr;
        if (sqlite3_exec(m_db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
            const std::string reason = message ? message : sqlite3_errmsg(m_db);
            sqlite3_free(message);
            die(std::string(sql) + ": " + reason);
        }
    }

private:
    sqlite3 *m_db = nullptr;
};

// A prepared statement bound without copying (the values outlive each step): the cheapest way
// SQLite offers to insert a row.
class Statement
{
public:
    Statement(sqlite3 *db, const char *sql)
        : m_db(db)
    {
        if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &m_statement, nullptr)
            != SQLITE_OK)
            die(std::string("preparing ") + sql + ": " + sqlite3_errmsg(db));
    }

    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    ~Statement() { sqlite3_finalize(m_statement); }

    void bind(int index, std::int64_t value) { sqlite3_bind_int64(m_statement, index, value); }

    void bind(int index, std::string_view value)
    {
        // A null pointer would bind NULL, not an empty text.
        sqlite3_bind_text64(m_statement,
                            index,
                            value.data() ? value.data() : "",
                            value.size(),
                            SQLITE_STATIC,
                            SQLITE_UTF8);
    }

    void bind(int index, const std::optional<std::int64_t> &value)
    {
        if (value)
            sqlite3_bind_int64(m_statement, index, *value);
        else
            sqlite3_bind_null(m_statement, index);
    }

    void bindNull(int index) { sqlite3_bind_null(m_statement, index); }

    void run()
    {
        if (sqlite3_step(m_statement) != SQLITE_DONE)
            die(std::string("inserting with ") + sqlite3_sql(m_statement) + ": "
                + sqlite3_errmsg(m_db));
        sqlite3_reset(m_statement);
    }

private:
    sqlite3 *m_db;
    sqlite3_stmt *m_statement = nullptr;
};

// The same rows as writeThroughApi, into a file made by Study::create (so schema and pragmas are
// the same), with every derived value (offsets, counts, quotes) already worked out.
double writeBaseline(const fs::path &path, const SyntheticStudy &data)
{
    {
        Study created = must(Study::create(path), "creating " + path.string());
    }
    Connection connection(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX);
    connection.exec("PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL; PRAGMA temp_store=MEMORY;");
    sqlite3 *db = connection.get();

    const auto start = Clock::now();
    connection.exec("BEGIN IMMEDIATE");
    Statement participant(db,
                          "INSERT INTO participant (id, code, name, pseudonym, switched_from, "
                          "switched_to, switch_date, consent, notes) VALUES (NULL, ?, ?, ?, ?, "
                          "?, ?, ?, ?)");
    Statement attribute(db,
                        "INSERT INTO participant_attribute (participant_id, key, value, ord) "
                        "VALUES (?, ?, ?, ?)");
    Statement interview(db,
                        "INSERT INTO interview (id, participant_id, guide_id, title, "
                        "conducted_on, status, duration_ms, source_name, source_format, notes, "
                        "turn_count, word_count, text_length) VALUES (NULL, ?, ?, ?, ?, ?, ?, "
                        "?, ?, ?, ?, ?, ?)");
    Statement interviewer(
        db, "INSERT INTO interview_interviewer (interview_id, ord, name) VALUES (?, ?, ?)");
    std::map<std::size_t, std::unique_ptr<Statement>> turnBatches; // by rows a statement
    Statement highlight(db,
                        "INSERT INTO highlight (id, interview_id, start, \"end\", quote, "
                        "coder_id, intensity, confidence, phase, memo, created_at, updated_at) "
                        "VALUES (NULL, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    Statement highlightCode(db, "INSERT INTO highlight_code (highlight_id, code_id) VALUES (?, ?)");
    Statement job(db,
                  "INSERT INTO job (id, stable_key, name, statement, story_when, story_want, "
                  "story_so_that, notes) VALUES (NULL, ?, ?, ?, ?, ?, ?, ?)");
    Statement jobMember(db, "INSERT INTO job_member (job_id, interview_id) VALUES (?, ?)");

    for (const auto &p : data.participants) {
        participant.bind(1, p.code);
        participant.bind(2, p.name);
        participant.bind(3, p.pseudonym);
        participant.bind(4, p.switchedFrom);
        participant.bind(5, p.switchedTo);
        participant.bind(6, p.switchDate);
        participant.bind(7, key(p.consent));
        participant.bind(8, p.notes);
        participant.run();
        const Id id = sqlite3_last_insert_rowid(db);
        std::int64_t ord = 0;
        for (const auto &a : p.attributes) {
            attribute.bind(1, id);
            attribute.bind(2, a.key);
            attribute.bind(3, a.value);
            attribute.bind(4, ord++);
            attribute.run();
        }
    }
    for (const auto &record : data.interviews) {
        const Interview &i = record.interview;
        interview.bind(1, i.participantId);
        interview.bind(2, i.guideId);
        interview.bind(3, i.title);
        interview.bind(4, i.conductedOn);
        interview.bind(5, key(i.status));
        interview.bind(6, i.durationMs);
        interview.bind(7, i.sourceName);
        interview.bind(8, i.sourceFormat);
        interview.bind(9, i.notes);
        interview.bind(10, static_cast<std::int64_t>(record.turns.size()));
        interview.bind(11, record.wordCount);
        interview.bind(12, record.textLength);
        interview.run();
        const Id interviewId = sqlite3_last_insert_rowid(db);
        std::int64_t ord = 0;
        for (const auto &name : i.interviewers) {
            interviewer.bind(1, interviewId);
            interviewer.bind(2, ord++);
            interviewer.bind(3, name);
            interviewer.run();
        }
        // Turns go in 256 a statement, as the API writes them: FTS5 flushes its pending index at
        // the end of every statement, so one row a statement would not be the floor.
        for (std::size_t from = 0; from < record.turns.size(); from += kTurnsPerInsert) {
            const std::size_t count = std::min(kTurnsPerInsert, record.turns.size() - from);
            auto &batch = turnBatches[count];
            if (!batch) {
                std::string sql = "INSERT INTO turn (interview_id, ord, speaker, role, start_ms, "
                                  "end_ms, text_start, text_end, text) VALUES ";
                for (std::size_t row = 0; row < count; ++row)
                    sql +=
                        row == 0 ? "(?, ?, ?, ?, ?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?, ?, ?, ?, ?)";
                batch = std::make_unique<Statement>(db, sql.c_str());
            }
            int index = 1;
            for (std::size_t t = from; t < from + count; ++t) {
                const TurnInput &in = record.turns[t];
                batch->bind(index++, interviewId);
                batch->bind(index++, static_cast<std::int64_t>(t));
                batch->bind(index++, in.speaker);
                batch->bind(index++, key(in.role));
                batch->bind(index++, in.startMs);
                batch->bind(index++, in.endMs);
                batch->bind(index++, record.spans[t].start);
                batch->bind(index++, record.spans[t].end);
                batch->bind(index++, in.text);
            }
            batch->run();
        }
        for (const auto &h : record.highlights) {
            highlight.bind(1, interviewId);
            highlight.bind(2, h.start);
            highlight.bind(3, h.end);
            highlight.bind(4, h.quote);
            highlight.bind(5, h.coderId);
            highlight.bind(6, static_cast<std::int64_t>(h.intensity));
            highlight.bind(7, key(h.confidence));
            if (h.phase)
                highlight.bind(8, key(*h.phase));
            else
                highlight.bindNull(8);
            highlight.bind(9, h.memo);
            highlight.bind(10, h.createdAt);
            highlight.bind(11, h.updatedAt);
            highlight.run();
            const Id highlightId = sqlite3_last_insert_rowid(db);
            for (Id codeId : h.codeIds) {
                highlightCode.bind(1, highlightId);
                highlightCode.bind(2, codeId);
                highlightCode.run();
            }
        }
    }
    for (const auto &j : data.jobs) {
        job.bind(1, j.stableKey);
        job.bind(2, j.name);
        job.bind(3, j.statement);
        job.bind(4, j.storyWhen);
        job.bind(5, j.storyWant);
        job.bind(6, j.storySoThat);
        job.bind(7, j.notes);
        job.run();
        const Id jobId = sqlite3_last_insert_rowid(db);
        for (Id interviewId : j.interviewIds) {
            jobMember.bind(1, jobId);
            jobMember.bind(2, interviewId);
            jobMember.run();
        }
    }
    connection.exec("COMMIT");
    return secondsSince(start);
}

// --- Checking that both writers stored the same rows -------------------------------------------

// Every table the benchmark writes, in a stable order.
constexpr std::array kWrittenTables = {
    "SELECT * FROM participant ORDER BY id",
    "SELECT * FROM participant_attribute ORDER BY participant_id, key",
    "SELECT * FROM interview ORDER BY id",
    "SELECT * FROM interview_interviewer ORDER BY interview_id, ord",
    "SELECT * FROM turn ORDER BY id",
    "SELECT * FROM highlight ORDER BY id",
    "SELECT * FROM highlight_code ORDER BY highlight_id, code_id",
    "SELECT * FROM job ORDER BY id",
    "SELECT * FROM job_member ORDER BY job_id, interview_id",
};

struct TableDigest
{
    std::int64_t rows = 0;
    std::uint64_t hash = 14695981039346656037ULL; // FNV-1a

    void add(const void *data, std::size_t size)
    {
        const auto *bytes = static_cast<const unsigned char *>(data);
        for (std::size_t i = 0; i < size; ++i)
            hash = (hash ^ bytes[i]) * 1099511628211ULL;
    }

    bool operator==(const TableDigest &) const = default;
};

TableDigest digest(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *statement = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &statement, nullptr) != SQLITE_OK)
        die(std::string(sql) + ": " + sqlite3_errmsg(db));
    TableDigest d;
    while (sqlite3_step(statement) == SQLITE_ROW) {
        ++d.rows;
        const int columns = sqlite3_column_count(statement);
        for (int c = 0; c < columns; ++c) {
            const auto type = static_cast<unsigned char>(sqlite3_column_type(statement, c));
            d.add(&type, 1);
            if (type == SQLITE_INTEGER) {
                const std::int64_t value = sqlite3_column_int64(statement, c);
                d.add(&value, sizeof value);
            } else if (type != SQLITE_NULL) {
                const void *bytes = sqlite3_column_blob(statement, c);
                const auto size = static_cast<std::size_t>(sqlite3_column_bytes(statement, c));
                d.add(&size, sizeof size);
                d.add(bytes, size);
            }
        }
    }
    sqlite3_finalize(statement);
    return d;
}

void requireSameRows(const fs::path &api, const fs::path &baseline)
{
    Connection a(api, SQLITE_OPEN_READONLY);
    Connection b(baseline, SQLITE_OPEN_READONLY);
    for (const char *sql : kWrittenTables) {
        const TableDigest da = digest(a.get(), sql);
        const TableDigest db = digest(b.get(), sql);
        if (!(da == db))
            die(std::string("the API and the baseline stored different rows for '") + sql + "' ("
                + std::to_string(da.rows) + " and " + std::to_string(db.rows) + " rows)");
    }
}

void removeStudyFiles(const fs::path &path)
{
    std::error_code ec;
    for (const char *suffix : {"", "-wal", "-shm"})
        fs::remove(fs::path(path.string() + suffix), ec);
}

// --- The report --------------------------------------------------------------------------------

struct Row
{
    std::string what;
    std::string median;
    std::string range;
    int runs = 0;
    std::string budget;
    std::string result;
};

std::string markdownTable(const std::vector<Row> &rows)
{
    std::ostringstream out;
    out << "| Measurement | Median | Range | Runs | Budget | Result |\n"
        << "|---|---:|---:|---:|---|---|\n";
    for (const auto &r : rows)
        out << "| " << r.what << " | " << r.median << " | " << r.range << " | " << r.runs << " | "
            << r.budget << " | " << r.result << " |\n";
    return out.str();
}

std::string cpuName()
{
    std::ifstream in("/proc/cpuinfo");
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("model name", 0) == 0) {
            const auto colon = line.find(':');
            if (colon != std::string::npos)
                return line.substr(colon + 2);
        }
    }
    return "unknown CPU";
}

std::string utcNow()
{
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%d %H:%M UTC", &tm);
    return buffer;
}

ForcesSummary expectedForces(const SyntheticStudy &data, const std::map<Id, Force> &forceOf)
{
    ForcesSummary summary;
    for (const auto &record : data.interviews) {
        for (const auto &h : record.highlights) {
            std::array<bool, 4> seen{};
            for (Id codeId : h.codeIds) {
                if (auto found = forceOf.find(codeId); found != forceOf.end())
                    seen.at(static_cast<std::size_t>(found->second)) = true;
            }
            for (Force force : kForces) {
                if (seen.at(static_cast<std::size_t>(force))) {
                    ++summary[force].count;
                    summary[force].intensity += h.intensity;
                }
            }
        }
    }
    return summary;
}

int run(const Options &options)
{
    const fs::path folder = [] {
        std::string pattern = (fs::temp_directory_path() / "jtbd-bench-XXXXXX").string();
        if (!mkdtemp(pattern.data()))
            die("cannot create a temporary folder under " + fs::temp_directory_path().string());
        return fs::path(pattern);
    }();
    std::cout << "study files in " << folder.string() << "\n";

    // The files are large; they go with the run, also when it fails, unless asked to stay.
    struct Cleanup
    {
        fs::path folder;
        bool keep;

        ~Cleanup()
        {
            std::error_code ec;
            if (!keep)
                fs::remove_all(folder, ec);
        }
    } cleanup{folder, options.keep};

    // A new study's codes and guide have the same ids in every file; read them from one.
    CodePool codes;
    std::map<Id, Force> forceOf;
    std::optional<Id> guideId;
    {
        const fs::path probe = folder / "probe.jtbd";
        {
            Study study = must(Study::create(probe), "creating " + probe.string());
            for (const Code &code : must(study.codes(), "reading the codebook")) {
                codes.all.push_back(code.id);
                if (code.kind == CodeKind::Force) {
                    codes.forces.push_back(code.id);
                    if (auto force = parseForce(code.key))
                        forceOf.emplace(code.id, *force);
                }
            }
            for (const Guide &guide : must(study.guides(), "reading the guides")) {
                if (guide.builtin)
                    guideId = guide.id;
            }
        }
        removeStudyFiles(probe);
    }
    if (codes.forces.size() != 4)
        die("a new study should have four force codes");

    GeneratorOptions generator;
    generator.interviews = options.interviews;
    generator.wordsPerInterview = options.words;
    generator.highlightsPerInterview = options.highlightsPerInterview;
    // The full-size study's proportions: 4 interviews per participant, 40 per job.
    generator.participants = std::max(1, options.interviews / 4);
    generator.jobs = std::max(1, options.interviews / 40);
    generator.interviewsPerJob = std::min(60, options.interviews);
    auto generationStart = Clock::now();
    const SyntheticStudy data = generateStudy(generator, codes, guideId);
    const double generationSeconds = secondsSince(generationStart);
    std::cout << "generated " << formatNumber(static_cast<std::int64_t>(data.interviews.size()))
              << " interviews, " << formatNumber(data.wordCount()) << " words, "
              << formatNumber(data.highlightCount()) << " highlights in "
              << formatDuration(generationSeconds) << "\n";

    // Writing: rounds alternate which writer goes first, so that neither always meets a
    // colder or warmer disk; each round writes fresh files.
    Samples api;
    Samples baseline;
    std::vector<double> ratios;
    fs::path studyFile;
    std::uintmax_t studyBytes = 0;
    for (int round = 0; round < options.rounds; ++round) {
        const fs::path apiPath = folder / ("api-" + std::to_string(round) + ".jtbd");
        const fs::path basePath = folder / ("baseline-" + std::to_string(round) + ".jtbd");
        double apiSeconds = 0;
        double baseSeconds = 0;
        if (round % 2 == 0) {
            apiSeconds = writeThroughApi(apiPath, data);
            baseSeconds = writeBaseline(basePath, data);
        } else {
            baseSeconds = writeBaseline(basePath, data);
            apiSeconds = writeThroughApi(apiPath, data);
        }
        api.seconds.push_back(apiSeconds);
        baseline.seconds.push_back(baseSeconds);
        ratios.push_back(apiSeconds / baseSeconds);
        std::printf("round %d: API %s, baseline %s, ratio %.2f\n",
                    round + 1,
                    formatDuration(apiSeconds).c_str(),
                    formatDuration(baseSeconds).c_str(),
                    apiSeconds / baseSeconds);
        std::fflush(stdout);
        if (round == 0)
            requireSameRows(apiPath, basePath);
        removeStudyFiles(basePath);
        if (!studyFile.empty())
            removeStudyFiles(studyFile);
        studyFile = apiPath;
    }
    studyBytes = fs::file_size(studyFile);

    // Opening and listing: a new connection each run, as when the program starts.
    Samples openAndList;
    Samples openOnly;
    Samples listOnly;
    for (int i = 0; i < kOpenRuns; ++i) {
        const auto start = Clock::now();
        Study study = must(Study::open(studyFile), "opening " + studyFile.string());
        const double opened = secondsSince(start);
        const auto list = must(study.interviews(), "listing interviews");
        const double total = secondsSince(start);
        if (list.size() != data.interviews.size())
            die("the interview list has " + std::to_string(list.size()) + " entries");
        openAndList.seconds.push_back(total);
        openOnly.seconds.push_back(opened);
        listOnly.seconds.push_back(total - opened);
    }

    // The forces summary on an open study; the first call after opening reads cold pages.
    Samples forces;
    {
        Study study = must(Study::open(studyFile), "opening " + studyFile.string());
        const ForcesSummary expected = expectedForces(data, forceOf);
        for (int i = 0; i < kForcesRuns; ++i) {
            const auto start = Clock::now();
            const ForcesSummary summary =
                must(study.forcesSummary(Scope::wholeStudy()), "summarising forces");
            forces.seconds.push_back(secondsSince(start));
            for (Force force : kForces) {
                if (summary[force].count != expected[force].count
                    || summary[force].intensity != expected[force].intensity)
                    die("the forces summary does not match the generated highlights");
            }
        }
    }

    // Search on an open study: a word, a phrase and a prefix, each narrowed by a filter, as the
    // budget is set. Each is run once first: the first search after opening reads every turn's
    // length, a one-off cost reported on its own row.
    struct SearchCase
    {
        std::string label;
        SearchQuery query;
        Samples samples;
    };

    std::vector<SearchCase> searches;
    double firstSearch = 0;
    {
        Study study = must(Study::open(studyFile), "opening " + studyFile.string());
        const auto &someone = data.participants.at(data.participants.size() / 3);
        SearchQuery word;
        word.text = "invoice";
        word.participantCode = someone.code;
        SearchQuery phrase;
        phrase.text = "\"the deadline\"";
        phrase.role = SpeakerRole::Participant;
        SearchQuery prefix;
        prefix.text = "frustrat*";
        prefix.attribute = someone.attributes.front();
        searches = {{"Search: a word, one participant's interviews", word, {}},
                    {"Search: a phrase, participants' turns only", phrase, {}},
                    {"Search: a prefix, participants with one attribute", prefix, {}}};
        const auto start = Clock::now();
        must(study.search(word), "searching");
        firstSearch = secondsSince(start);
        for (auto &search : searches) {
            must(study.search(search.query), "searching");
            for (int i = 0; i < kSearchRuns; ++i) {
                const auto begin = Clock::now();
                must(study.search(search.query), "searching");
                search.samples.seconds.push_back(secondsSince(begin));
            }
        }
    }
    auto percentile95 = [](std::vector<double> values) {
        std::sort(values.begin(), values.end());
        return values[(values.size() * 95 + 99) / 100 - 1];
    };

    Samples exports;
    std::uintmax_t exportBytes = 0;
    {
        Study study = must(Study::open(studyFile), "opening " + studyFile.string());
        const fs::path out = folder / "export.json";
        for (int i = 0; i < kExportRuns; ++i) {
            const auto start = Clock::now();
            must(exportStudyJson(study, out), "exporting JSON");
            exports.seconds.push_back(secondsSince(start));
        }
        exportBytes = fs::file_size(out);
    }

    const double ratio = medianOf(ratios);
    const bool writeOk = ratio <= kWriteRatioBudget;
    const bool openOk = openAndList.median() * 1000.0 < kOpenAndListBudgetMs;
    const bool forcesOk = forces.median() * 1000.0 < kForcesBudgetMs;
    bool searchOk = true;
    for (const auto &search : searches)
        searchOk = searchOk && search.samples.median() * 1000.0 < kSearchMedianBudgetMs
                   && percentile95(search.samples.seconds) * 1000.0 < kSearchP95BudgetMs;
    auto verdict = [](bool ok) {
        return std::string(ok ? "pass" : "**FAIL**");
    };
    char ratioText[64];
    std::snprintf(ratioText, sizeof ratioText, "%.2f×", ratio);
    char ratioRange[64];
    std::snprintf(ratioRange,
                  sizeof ratioRange,
                  "%.2f× – %.2f×",
                  *std::min_element(ratios.begin(), ratios.end()),
                  *std::max_element(ratios.begin(), ratios.end()));
    const int rounds = options.rounds;
    std::vector<Row> rows = {
        {"Write through the jtbd API (one transaction)",
         formatDuration(api.median()),
         formatRange(api),
         rounds,
         "",
         ""},
        {"Write the same rows with bare prepared statements",
         formatDuration(baseline.median()),
         formatRange(baseline),
         rounds,
         "",
         ""},
        {"Write: API ÷ bare inserts, per round",
         ratioText,
         ratioRange,
         rounds,
         "≤ 1.5×",
         verdict(writeOk)},
        {"Open the study and list its interviews",
         formatDuration(openAndList.median()),
         formatRange(openAndList),
         kOpenRuns,
         "< 100 ms",
         verdict(openOk)},
        {"… of which Study::open",
         formatDuration(openOnly.median()),
         formatRange(openOnly),
         kOpenRuns,
         "",
         ""},
        {"… of which Study::interviews()",
         formatDuration(listOnly.median()),
         formatRange(listOnly),
         kOpenRuns,
         "",
         ""},
        {"Forces summary, whole study",
         formatDuration(forces.median()),
         formatRange(forces),
         kForcesRuns,
         "< 50 ms",
         verdict(forcesOk)},
        {"… its first call after opening", formatDuration(forces.seconds.front()), "", 1, "", ""},
        {"JSON export to a file",
         formatDuration(exports.median()),
         formatRange(exports),
         kExportRuns,
         "",
         ""},
    };

    // Search rows go before the export, after the forces summary.
    std::vector<Row> searchRows;
    for (const auto &search : searches) {
        const double median = search.samples.median() * 1000.0;
        const double p95 = percentile95(search.samples.seconds) * 1000.0;
        char budget[64];
        std::snprintf(budget,
                      sizeof budget,
                      "median < %.0f ms, 95th < %.0f ms (95th: %.1f ms)",
                      kSearchMedianBudgetMs,
                      kSearchP95BudgetMs,
                      p95);
        searchRows.push_back({search.label,
                              formatDuration(search.samples.median()),
                              formatRange(search.samples),
                              kSearchRuns,
                              budget,
                              verdict(median < kSearchMedianBudgetMs && p95 < kSearchP95BudgetMs)});
    }
    searchRows.push_back(
        {"… the first search after opening", formatDuration(firstSearch), "", 1, "", ""});
    rows.insert(rows.end() - 1, searchRows.begin(), searchRows.end());

    std::ostringstream report;
    report << "Run on " << utcNow() << ": " << std::thread::hardware_concurrency() << " × "
           << cpuName() << ", SQLite " << sqlite3_libversion() << ".\n\n"
           << "Study: " << formatNumber(static_cast<std::int64_t>(data.participants.size()))
           << " participants, " << formatNumber(static_cast<std::int64_t>(data.interviews.size()))
           << " interviews, " << formatNumber(data.turnCount()) << " turns, "
           << formatNumber(data.wordCount()) << " words, " << formatNumber(data.highlightCount())
           << " highlights with " << formatNumber(data.highlightCodeCount()) << " codes, "
           << formatNumber(static_cast<std::int64_t>(data.jobs.size())) << " jobs; "
           << formatMegabytes(studyBytes) << " study file, " << formatMegabytes(exportBytes)
           << " JSON export. Generating it took " << formatDuration(generationSeconds)
           << " (not timed).\n\n"
           << markdownTable(rows) << "\n"
           << "Per-round write times (API / bare inserts):";
    for (std::size_t r = 0; r < api.seconds.size(); ++r)
        report << (r == 0 ? " " : "; ") << formatDuration(api.seconds[r]) << " / "
               << formatDuration(baseline.seconds[r]);
    report << ".\n";

    std::cout << "\n" << report.str();
    if (options.out) {
        std::ofstream out(*options.out, std::ios::binary | std::ios::trunc);
        out << report.str();
        if (!out)
            die("cannot write " + options.out->string());
    }
    if (options.keep)
        std::cout << "kept " << studyFile.string() << "\n";
    return writeOk && openOk && forcesOk && searchOk ? 0 : 1;
}

} // namespace

int main(int argc, char **argv)
{
    const auto options = parseOptions(argc, argv);
    if (!options)
        return 2;
    try {
        return run(*options);
    } catch (const std::exception &e) {
        std::cerr << "jtbd_bench_study: " << e.what() << "\n";
        return 2;
    }
}
