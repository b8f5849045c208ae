// Creating, opening and migrating study files; the study record, statistics and integrity check.
#include "../export/json_codec.h"
#include "../resources.h"
#include "../version.h"
#include "study_impl.h"

#include <jtbd/text.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <system_error>

#include <unistd.h>

namespace jtbd {

namespace fs = std::filesystem;
using storage::Database;
using storage::fail;

namespace {

// Every table of the current schema, and the triggers that keep the search index in step with the
// turns, with the version that added each. A file missing one that its version should have is
// damaged.
struct SchemaObject
{
    const char
        *type; // as in sqlite_schema: "table" (the search index's virtual table too) or "trigger"
    const char *name;
    int since;
};

constexpr std::array kSchemaObjects = {SchemaObject{"table", "study", 1},
                                       SchemaObject{"table", "participant", 1},
                                       SchemaObject{"table", "participant_attribute", 1},
                                       SchemaObject{"table", "guide", 1},
                                       SchemaObject{"table", "guide_section", 1},
                                       SchemaObject{"table", "guide_question", 1},
                                       SchemaObject{"table", "guide_probe", 1},
                                       SchemaObject{"table", "interview", 1},
                                       SchemaObject{"table", "interview_interviewer", 1},
                                       SchemaObject{"table", "turn", 1},
                                       SchemaObject{"table", "interview_note", 1},
                                       SchemaObject{"table", "code", 1},
                                       SchemaObject{"table", "coder", 1},
                                       SchemaObject{"table", "highlight", 1},
                                       SchemaObject{"table", "highlight_code", 1},
                                       SchemaObject{"table", "timeline_event", 1},
                                       SchemaObject{"table", "force_group", 1},
                                       SchemaObject{"table", "force_group_member", 1},
                                       SchemaObject{"table", "job", 1},
                                       SchemaObject{"table", "job_member", 1},
                                       // The search index and the tables FTS5 keeps it in.
                                       SchemaObject{"table", "turn_search", 3},
                                       SchemaObject{"table", "turn_search_data", 3},
                                       SchemaObject{"table", "turn_search_idx", 3},
                                       SchemaObject{"table", "turn_search_docsize", 3},
                                       SchemaObject{"table", "turn_search_config", 3},
                                       SchemaObject{"trigger", "turn_search_insert", 3},
                                       SchemaObject{"trigger", "turn_search_delete", 3},
                                       SchemaObject{"trigger", "turn_search_update", 3},
                                       SchemaObject{"table", "question_coverage", 4},
                                       SchemaObject{"table", "story_group_mark", 6},
                                       SchemaObject{"table", "job_draft_clause", 6},
                                       SchemaObject{"table", "job_draft_evidence", 6}};

// Files up to this size get SQLite's quick_check on open (about 3 ms per megabyte);
// larger ones are checked by `jtbd check` and whenever a damaged page is read.
constexpr std::uintmax_t kQuickCheckLimit = 8U * 1024U * 1024U;

std::uint32_t bigEndian(const unsigned char *bytes, int count)
{
    std::uint32_t value = 0;
    for (int i = 0; i < count; ++i)
        value = (value << 8U) | bytes[i];
    return value;
}

std::string quoted(const fs::path &path)
{
    return "'" + path.string() + "'";
}

// Reads the 100-byte SQLite header without opening the database, so that a file that is not a
// study, or is too new, is refused before SQLite could touch it.
Status checkHeader(const fs::path &path)
{
    std::error_code ec;
    if (!fs::exists(path, ec))
        return makeError(ErrorCode::StudyMissing, "study file " + quoted(path) + " does not exist");
    if (fs::is_directory(path, ec))
        return makeError(ErrorCode::NotAStudy, quoted(path) + " is a folder, not a study file");
    const auto size = fs::file_size(path, ec);
    if (ec)
        return makeError(ErrorCode::Io, "cannot read " + quoted(path) + ": " + ec.message());
    std::ifstream in(path, std::ios::binary);
    if (!in)
        return makeError(ErrorCode::Io, "cannot read " + quoted(path) + ": permission denied");
    if (size == 0)
        return makeError(ErrorCode::NotAStudy,
                         quoted(path) + " is not a JTBD study: the file is empty");
    std::array<unsigned char, 100> header{};
    in.read(reinterpret_cast<char *>(header.data()), header.size());
    static constexpr std::string_view kMagic("SQLite format 3\0", 16);
    if (in.gcount() < 16
        || std::string_view(reinterpret_cast<const char *>(header.data()), 16) != kMagic)
        return makeError(ErrorCode::NotAStudy,
                         quoted(path) + " is not a JTBD study: it is not an SQLite database");
    if (in.gcount() < 100)
        return makeError(ErrorCode::StudyDamaged,
                         "the study file " + quoted(path)
                             + " is damaged: it ends inside its header; it was not changed");
    const auto applicationId = bigEndian(&header[68], 4);
    if (applicationId != static_cast<std::uint32_t>(Study::kApplicationId))
        return makeError(ErrorCode::NotAStudy,
                         quoted(path)
                             + " is not a JTBD study: it is an SQLite database of another program");
    const auto version = static_cast<int>(bigEndian(&header[60], 4));
    if (version > Study::kSchemaVersion)
        return makeError(ErrorCode::StudyTooNew,
                         quoted(path) + " was written by a newer version of JTBD Workbench (study "
                             + "format " + std::to_string(version) + "; this version reads up to "
                             + std::to_string(Study::kSchemaVersion)
                             + "). Install the newer version to open it; the file was not changed");
    std::uint32_t pageSize = bigEndian(&header[16], 2);
    if (pageSize == 1)
        pageSize = 65536;
    const bool powerOfTwo =
        pageSize >= 512 && pageSize <= 65536 && (pageSize & (pageSize - 1)) == 0;
    const auto pageCount = bigEndian(&header[28], 4);
    const bool countValid = bigEndian(&header[24], 4) == bigEndian(&header[92], 4);
    if (!powerOfTwo || (countValid && size < std::uintmax_t{pageCount} * pageSize))
        return makeError(ErrorCode::StudyDamaged,
                         "the study file " + quoted(path)
                             + " is damaged: it is shorter than its header says (truncated?); it "
                               "was not changed. Restore it from a backup");
    return {};
}

void applyConnectionSettings(Database &db)
{
    // Temporary b-trees (sorting, DISTINCT) stay in memory: they are small and disk is slow.
    db.execScript(
        "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; PRAGMA temp_store = MEMORY;");
}

void removeDatabaseFiles(const fs::path &path)
{
    std::error_code ec;
    for (const char *suffix : {"", "-wal", "-shm", "-journal"})
        fs::remove(fs::path(path.string() + suffix), ec);
}

void seedBuiltins(Study::Impl &impl)
{
    int ord = 0;
    for (const auto &code : builtinCodes()) {
        impl.db.run(
            "INSERT INTO code (kind, key, name, color, shortcut, description, builtin, ord) "
            "VALUES (?, ?, ?, ?, ?, ?, 1, ?)",
            key(code.kind),
            code.key,
            code.name,
            code.color,
            code.shortcut,
            code.description,
            ord++);
    }
    const auto guideJson = resources::find("guides/switch-interview.json");
    if (!guideJson)
        fail(ErrorCode::Internal, "the built-in interview guide is missing from the program");
    auto guide = json_codec::parseGuideTemplate(*guideJson);
    if (!guide)
        fail(ErrorCode::Internal,
             "the built-in interview guide is invalid: " + guide.error().message);
    guide->isTemplate = true;
    guide->builtin = true;
    impl.insertGuide(*guide, false);
}

// The ordered, append-only list of schema changes. A new file is "migrate from 0".
struct Migration
{
    int version;
    void (*apply)(Study::Impl &impl);
};

constexpr std::array<Migration, 6> kMigrations = {{
    {1,
     [](Study::Impl &impl) {
         const auto schema = resources::find("schema/v1.sql");
         if (!schema)
             fail(ErrorCode::Internal, "the study schema is missing from the program");
         impl.db.execScript(std::string(*schema));
         impl.db.run("INSERT INTO study (id, name, created_at, app_version) VALUES (1, ?, ?, ?)",
                     impl.db.path().stem().string(),
                     nowUtc(),
                     kAppVersion);
         seedBuiltins(impl);
     }},
    {2,
     [](Study::Impl &impl) {
         // Finding the turns under a highlight by offset, and summing intensities from a small
         // index instead of the highlight rows with their quotes and memos.
         impl.db.execScript("CREATE INDEX turn_by_offset ON turn(interview_id, text_start);"
                            "CREATE INDEX highlight_intensity ON highlight(intensity);");
     }},
    {3,
     [](Study::Impl &impl) {
         // Full-text search. The index keeps no copy of the text: it reads turn.text (external
         // content), and the triggers keep it in step with every write to a turn, the rows
         // deleted by the cascade from a deleted interview included. Only a change of text
         // reaches the index, so shifting the offsets of later turns after an edit costs nothing.
         // Accents are folded (café finds cafe); 2- and 3-letter prefixes are indexed so that a
         // short prefix does not merge the lists of thousands of words. search.cpp creates the
         // same tokenizer (kTokenizerArguments) to find the matches in a turn. turn_by_role lists
         // the turns spoken in a role without reading their text.
         impl.db.execScript(
             "CREATE VIRTUAL TABLE turn_search USING fts5(text, content = 'turn', "
             "content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3');"
             "CREATE TRIGGER turn_search_insert AFTER INSERT ON turn BEGIN"
             "  INSERT INTO turn_search (rowid, text) VALUES (new.id, new.text);"
             "END;"
             "CREATE TRIGGER turn_search_delete AFTER DELETE ON turn BEGIN"
             "  INSERT INTO turn_search (turn_search, rowid, text) VALUES ('delete', old.id, "
             "old.text);"
             "END;"
             "CREATE TRIGGER turn_search_update AFTER UPDATE OF id, text ON turn"
             "  WHEN old.id IS NOT new.id OR old.text IS NOT new.text BEGIN"
             "  INSERT INTO turn_search (turn_search, rowid, text) VALUES ('delete', old.id, "
             "old.text);"
             "  INSERT INTO turn_search (rowid, text) VALUES (new.id, new.text);"
             "END;"
             "INSERT INTO turn_search (turn_search) VALUES ('rebuild');"
             "CREATE INDEX turn_by_role ON turn(role);");
     }},
    {4,
     [](Study::Impl &impl) {
         // Which guide questions an interview covered, ticked off while it is conducted. A row
         // goes with its interview or its question.
         impl.db.execScript(
             "CREATE TABLE question_coverage ("
             "  interview_id  INTEGER NOT NULL REFERENCES interview(id) ON DELETE CASCADE,"
             "  question_id   INTEGER NOT NULL REFERENCES guide_question(id) ON DELETE CASCADE,"
             "  covered_at_ms INTEGER CHECK (covered_at_ms >= 0),"
             "  PRIMARY KEY (interview_id, question_id)"
             ") STRICT, WITHOUT ROWID;"
             "CREATE INDEX question_coverage_by_question ON question_coverage(question_id);");
     }},
    {5,
     [](Study::Impl &impl) {
         // The highlights in the order evidence is ranked within one intensity and confidence
         // (newest first, then by id), so the strongest quotes of a force are found by walking
         // the index instead of sorting every quote in the scope.
         impl.db.execScript("CREATE INDEX highlight_strength ON highlight(intensity, confidence, "
                            "created_at DESC);");
     }},
    {6,
     [](Study::Impl &impl) {
         // The synthesis keeps the researcher's work across re-runs: the label the engine
         // suggested (a group whose label still equals it follows the engine), the quotes and
         // stories placed by hand, and the marks that override the story x force-group matrix.
         // Each job keeps the draft the synthesis wrote and the quotes every clause came from;
         // a clause's quotes keep their rank (position), the strongest first.
         impl.db.execScript(
             "ALTER TABLE force_group ADD COLUMN suggested_label TEXT NOT NULL DEFAULT '';"
             "ALTER TABLE force_group_member ADD COLUMN placed INTEGER NOT NULL DEFAULT 0"
             "  CHECK (placed IN (0, 1));"
             "ALTER TABLE job_member ADD COLUMN placed INTEGER NOT NULL DEFAULT 0"
             "  CHECK (placed IN (0, 1));"
             "CREATE TABLE story_group_mark ("
             "  interview_id   INTEGER NOT NULL REFERENCES interview(id) ON DELETE CASCADE,"
             "  force_group_id INTEGER NOT NULL REFERENCES force_group(id) ON DELETE CASCADE,"
             "  shows          INTEGER NOT NULL CHECK (shows IN (0, 1)),"
             "  PRIMARY KEY (interview_id, force_group_id)"
             ") STRICT, WITHOUT ROWID;"
             "CREATE INDEX story_group_mark_by_group ON story_group_mark(force_group_id);"
             "CREATE TABLE job_draft_clause ("
             "  id       INTEGER PRIMARY KEY,"
             "  job_id   INTEGER NOT NULL REFERENCES job(id) ON DELETE CASCADE,"
             "  part     TEXT NOT NULL CHECK (part IN ('name', 'story-when', 'story-want',"
             "           'story-so-that', 'statement', 'first-thought', 'event-1', 'event-2',"
             "           'fired', 'alternative', 'hire-criterion', 'fire-criterion', 'anxiety',"
             "           'habit')),"
             "  position INTEGER NOT NULL,"
             "  text     TEXT NOT NULL"
             ") STRICT;"
             "CREATE INDEX job_draft_clause_by_job ON job_draft_clause(job_id, part, position);"
             "CREATE TABLE job_draft_evidence ("
             "  clause_id    INTEGER NOT NULL REFERENCES job_draft_clause(id) ON DELETE CASCADE,"
             "  highlight_id INTEGER NOT NULL REFERENCES highlight(id) ON DELETE CASCADE,"
             "  position     INTEGER NOT NULL,"
             "  PRIMARY KEY (clause_id, highlight_id)"
             ") STRICT, WITHOUT ROWID;"
             "CREATE INDEX job_draft_evidence_by_highlight ON job_draft_evidence(highlight_id);");
     }},
}};

static_assert(kMigrations.back().version == Study::kSchemaVersion);

} // namespace

void Study::Impl::requireRow(std::string_view table, Id id, std::string_view what) const
{
    const std::string sql = "SELECT count(*) FROM " + std::string(table) + " WHERE id = ?";
    if (db.scalar(sql, id) == 0)
        fail(ErrorCode::NotFound,
             "there is no " + std::string(what) + " with id " + std::to_string(id));
}

int Study::Impl::schemaVersion() const
{
    return static_cast<int>(db.scalar("PRAGMA user_version"));
}

void Study::Impl::migrate(int fromVersion, bool existingFile)
{
    storage::inTransaction(db, [&] {
        for (const auto &migration : kMigrations) {
            if (migration.version <= fromVersion)
                continue;
            // A new file is migrated from 0 every time; only an existing file's migration is news.
            spdlog::log(existingFile ? spdlog::level::info : spdlog::level::debug,
                        "migrating '{}' to study format {}",
                        db.path().string(),
                        migration.version);
            migration.apply(*this);
            db.execScript("PRAGMA user_version = " + std::to_string(migration.version));
        }
    });
}

Study::Study(std::unique_ptr<Impl> impl)
    : m_impl(std::move(impl))
{}

Study::Study(Study &&other) noexcept = default;
Study &Study::operator=(Study &&other) noexcept = default;
Study::~Study() = default;

const fs::path &Study::path() const
{
    return m_impl->db.path();
}

Result<Study> Study::create(const fs::path &path, const std::function<Status(Study &)> &fill)
{
    std::error_code ec;
    if (fs::exists(path, ec))
        return makeError(ErrorCode::StudyExists,
                         quoted(path) + " already exists; choose another name or remove it first");
    const auto folder = path.has_parent_path() ? path.parent_path() : fs::path(".");
    if (!fs::is_directory(folder, ec))
        return makeError(ErrorCode::Io,
                         "cannot create " + quoted(path) + ": the folder " + quoted(folder)
                             + " does not exist");
    // Built under a temporary name and renamed into place, so a failure leaves nothing behind.
    const fs::path temp = path.string() + ".creating-" + std::to_string(::getpid());
    removeDatabaseFiles(temp);
    Status built = [&]() -> Status {
        std::unique_ptr<Impl> impl;
        try {
            impl =
                std::make_unique<Impl>(temp, Database::Mode::Create, OpenOptions{}.busyTimeoutMs);
            impl->db.execScript("PRAGMA application_id = " + std::to_string(kApplicationId)
                                + "; PRAGMA journal_mode = WAL;");
            applyConnectionSettings(impl->db);
        } catch (const storage::StorageFailure &failure) {
            return failure.error;
        }
        auto migrated = impl->guard([&] {
            impl->migrate(0, false);
            impl->db.run("UPDATE study SET name = ? WHERE id = 1", path.stem().string());
        });
        if (!migrated)
            return migrated.error();
        Study study(std::move(impl));
        if (fill)
            return study.transaction([&] {
                return fill(study);
            });
        return {};
    }();
    if (built.ok() && fs::exists(path, ec))
        built = makeError(ErrorCode::StudyExists,
                          quoted(path) + " appeared while it was being created");
    if (built.ok()) {
        fs::rename(temp, path, ec);
        if (ec)
            built = makeError(ErrorCode::Io, "cannot create " + quoted(path) + ": " + ec.message());
    }
    if (!built.ok()) {
        removeDatabaseFiles(temp);
        return built.error();
    }
    return open(path);
}

Result<Study> Study::open(const fs::path &path, const OpenOptions &options)
{
    if (auto header = checkHeader(path); !header)
        return header.error();
    std::unique_ptr<Impl> impl;
    try {
        impl = std::make_unique<Impl>(path, Database::Mode::OpenExisting, options.busyTimeoutMs);
    } catch (const storage::StorageFailure &failure) {
        return failure.error;
    }
    auto opened = impl->guard([&] {
        applyConnectionSettings(impl->db);
        const int version = impl->schemaVersion();
        if (version > kSchemaVersion)
            fail(ErrorCode::StudyTooNew,
                 quoted(path) + " was written by a newer version of JTBD Workbench");
        std::error_code ec;
        if (options.verify && fs::file_size(path, ec) <= kQuickCheckLimit) {
            auto q = impl->db.query("PRAGMA quick_check(1)");
            if (q.next() && q.textView(0) != "ok")
                fail(ErrorCode::StudyDamaged,
                     "the study file " + quoted(path) + " is damaged (" + q.text(0)
                         + "); it was not changed. Restore it from a backup");
        }
        // Checked before migrating, so only for what the file's own version has: a version-2
        // file has no search index yet, and migration 3 adds it.
        if (version >= 1) {
            std::set<std::pair<std::string, std::string>> present;
            auto q = impl->db.query(
                "SELECT type, name FROM sqlite_schema WHERE type IN ('table', 'trigger')");
            while (q.next())
                present.emplace(q.text(0), q.text(1));
            for (const auto &object : kSchemaObjects) {
                if (object.since <= version && !present.contains({object.type, object.name}))
                    fail(ErrorCode::StudyDamaged,
                         "the study file " + quoted(path) + " is damaged: its " + object.type + " '"
                             + object.name + "' is missing; it was not changed");
            }
        }
        if (version < kSchemaVersion) {
            const fs::path backup = path.string() + ".v" + std::to_string(version) + ".bak";
            std::error_code removeError;
            fs::remove(backup, removeError);
            impl->db.run("VACUUM INTO ?", backup.string());
            spdlog::info("backed up '{}' to '{}' before migrating", path.string(), backup.string());
            impl->migrate(version, true);
        }
        std::string journalMode;
        {
            auto q = impl->db.query("PRAGMA journal_mode");
            if (q.next())
                journalMode = q.text(0);
        }
        if (journalMode != "wal")
            impl->db.execScript("PRAGMA journal_mode = WAL");
    });
    if (!opened)
        return opened.error();
    return Study(std::move(impl));
}

Status Study::transaction(const std::function<Status()> &body)
{
    auto result = m_impl->write([&] {
        Status status = body();
        if (!status)
            throw storage::StorageFailure{status.error()};
    });
    return result;
}

Result<StudyInfo> Study::info() const
{
    return m_impl->read([&] {
        auto q = m_impl->db.query("SELECT name, objectives, assumptions, created_at, app_version "
                                  "FROM study WHERE id = 1");
        if (!q.next())
            fail(ErrorCode::StudyDamaged,
                 "the study file " + quoted(path()) + " has no study record");
        return StudyInfo{q.text(0), q.text(1), q.text(2), q.text(3), q.text(4)};
    });
}

Status Study::setInfo(const StudyInfo &info)
{
    if (trim(info.name).empty())
        return makeError(ErrorCode::InvalidArgument, "a study needs a name");
    return m_impl->write([&] {
        m_impl->db.run("UPDATE study SET name = ?, objectives = ?, assumptions = ? WHERE id = 1",
                       info.name,
                       info.objectives,
                       info.assumptions);
    });
}

Result<StudyStats> Study::stats() const
{
    return m_impl->read([&] {
        auto q = m_impl->db.query(
            "SELECT (SELECT count(*) FROM participant), (SELECT count(*) FROM interview), "
            "(SELECT coalesce(sum(turn_count), 0) FROM interview), "
            "(SELECT coalesce(sum(word_count), 0) FROM interview), "
            "(SELECT count(*) FROM highlight), (SELECT count(*) FROM code), "
            "(SELECT count(*) FROM code WHERE builtin = 0), (SELECT count(*) FROM coder), "
            "(SELECT count(*) FROM timeline_event), (SELECT count(*) FROM force_group), "
            "(SELECT count(*) FROM job), (SELECT count(*) FROM guide)");
        q.next();
        StudyStats s;
        s.participants = q.int64(0);
        s.interviews = q.int64(1);
        s.turns = q.int64(2);
        s.words = q.int64(3);
        s.highlights = q.int64(4);
        s.codes = q.int64(5);
        s.customCodes = q.int64(6);
        s.coders = q.int64(7);
        s.timelineEvents = q.int64(8);
        s.forceGroups = q.int64(9);
        s.jobs = q.int64(10);
        s.guides = q.int64(11);
        return s;
    });
}

Result<bool> Study::isEmpty() const
{
    return m_impl->read([&] {
        return m_impl->db.scalar(
                   "SELECT (SELECT count(*) FROM participant) + (SELECT count(*) FROM interview) "
                   "+ (SELECT count(*) FROM code WHERE builtin = 0) + (SELECT count(*) FROM coder) "
                   "+ (SELECT count(*) FROM force_group) + (SELECT count(*) FROM job) "
                   "+ (SELECT count(*) FROM guide WHERE builtin = 0)")
               == 0;
    });
}

Result<std::vector<std::string>> Study::checkIntegrity() const
{
    return m_impl->read([&] {
        std::vector<std::string> problems;
        {
            auto q = m_impl->db.query("PRAGMA integrity_check");
            while (q.next()) {
                if (q.textView(0) != "ok")
                    problems.push_back("SQLite: " + q.text(0));
            }
        }
        if (!problems.empty())
            return problems; // the checks below would read damaged pages
        {
            // Tables without a rowid report no row number, so broken links are counted per table.
            std::map<std::pair<std::string, std::string>, int> broken;
            auto q = m_impl->db.query("PRAGMA foreign_key_check");
            while (q.next())
                ++broken[{q.text(0), q.text(2)}];
            for (const auto &[tables, count] : broken)
                problems.push_back(
                    std::to_string(count) + (count == 1 ? " row" : " rows") + " of table "
                    + tables.first
                    + (count == 1 ? " points to a missing row of " : " point to missing rows of ")
                    + tables.second);
        }
        {
            auto q = m_impl->db.query(
                "SELECT i.id, i.turn_count, i.word_count, i.text_length, count(t.id), "
                "coalesce(max(t.text_end), 0) FROM interview i LEFT JOIN turn t ON t.interview_id "
                "= i.id GROUP BY i.id");
            while (q.next()) {
                if (q.int64(1) != q.int64(4) || q.int64(3) != q.int64(5))
                    problems.push_back(
                        "interview " + std::to_string(q.int64(0))
                        + ": its stored turn count or length does not match its turns");
            }
        }
        {
            // Offsets and word counts recomputed from the text itself.
            std::vector<std::pair<Id, std::int64_t>> interviews;
            {
                auto q = m_impl->db.query("SELECT id, word_count FROM interview ORDER BY id");
                while (q.next())
                    interviews.emplace_back(q.int64(0), q.int64(1));
            }
            for (const auto &[interviewId, storedWords] : interviews) {
                std::int64_t offset = 0;
                std::int64_t words = 0;
                auto q = m_impl->db.query("SELECT ord, text_start, text_end, text FROM turn WHERE "
                                          "interview_id = ? ORDER BY ord",
                                          interviewId);
                bool first = true;
                bool offsetsMatch = true;
                while (offsetsMatch && q.next()) {
                    offset += first ? 0 : 1;
                    first = false;
                    const auto length = codePointCount(q.textView(3));
                    if (q.int64(1) != offset || q.int64(2) != offset + length) {
                        problems.push_back("interview " + std::to_string(interviewId) + ", turn "
                                           + std::to_string(q.int64(0) + 1) + ": stored range ["
                                           + std::to_string(q.int64(1)) + ", "
                                           + std::to_string(q.int64(2)) + ") should be ["
                                           + std::to_string(offset) + ", "
                                           + std::to_string(offset + length) + ")");
                        offsetsMatch = false;
                        continue;
                    }
                    offset += length;
                    words += wordCount(q.textView(3));
                }
                if (offsetsMatch && words != storedWords)
                    problems.push_back("interview " + std::to_string(interviewId)
                                       + ": its stored word count " + std::to_string(storedWords)
                                       + " should be " + std::to_string(words));
            }
        }
        std::vector<Id> interviewIds;
        {
            auto q = m_impl->db.query("SELECT DISTINCT interview_id FROM highlight ORDER BY 1");
            while (q.next())
                interviewIds.push_back(q.int64(0));
        }
        for (Id interviewId : interviewIds) {
            const std::string text = m_impl->interviewText(interviewId);
            auto q = m_impl->db.query("SELECT id, start, \"end\", quote FROM highlight WHERE "
                                      "interview_id = ? ORDER BY id",
                                      interviewId);
            while (q.next()) {
                const auto slice = codePointSlice(text, q.int64(1), q.int64(2));
                if (!slice || *slice != q.textView(3))
                    problems.push_back("highlight " + std::to_string(q.int64(0))
                                       + ": its quote no longer matches the interview text at ["
                                       + std::to_string(q.int64(1)) + ", "
                                       + std::to_string(q.int64(2)) + ")");
            }
        }
        return problems;
    });
}

} // namespace jtbd
