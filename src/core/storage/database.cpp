// The SQLite connection and the mapping of SQLite failures to errors a person can act on.
#include "database.h"

#include <cerrno>
#include <spdlog/spdlog.h>
#include <utility>

#include <sqlite3.h>

namespace jtbd::storage {

void fail(ErrorCode code, std::string message)
{
    throw StorageFailure{Error{code, std::move(message)}};
}

Query::Query(Database &db, sqlite3_stmt *statement)
    : m_db(db)
    , m_statement(statement)
{}

Query::Query(Query &&other) noexcept
    : m_db(other.m_db)
    , m_statement(std::exchange(other.m_statement, nullptr))
{}

Query::~Query()
{
    if (!m_statement)
        return;
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
}

void Query::bind(int index, std::int64_t value)
{
    m_db.check(sqlite3_bind_int64(m_statement, index, value), "bind");
}

void Query::bind(int index, std::string_view value)
{
    m_db.check(sqlite3_bind_text64(
                   m_statement, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8),
               "bind");
}

void Query::bind(int index, std::nullopt_t)
{
    m_db.check(sqlite3_bind_null(m_statement, index), "bind");
}

void Query::bindPointer(int index, void *pointer, const char *type)
{
    m_db.check(sqlite3_bind_pointer(m_statement, index, pointer, type, nullptr), "bind");
}

bool Query::next()
{
    const int rc = sqlite3_step(m_statement);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    m_db.throwSqlite(rc, sqlite3_sql(m_statement));
}

void Query::run()
{
    while (next()) {
    }
}

std::int64_t Query::int64(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

std::string Query::text(int column) const
{
    return std::string(textView(column));
}

std::string_view Query::textView(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    if (!data)
        return {};
    return {data, static_cast<std::size_t>(sqlite3_column_bytes(m_statement, column))};
}

bool Query::isNull(int column) const
{
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

std::optional<std::int64_t> Query::optionalInt64(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return int64(column);
}

Database::Database(const std::filesystem::path &path, Mode mode, int busyTimeoutMs)
    : m_path(path)
{
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX
                      | (mode == Mode::Create ? SQLITE_OPEN_CREATE : 0);
    const int rc = sqlite3_open_v2(path.c_str(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        // sqlite3_open_v2 hands back a connection even on failure; it must still be closed.
        const std::string reason = m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc);
        sqlite3_close_v2(m_db);
        m_db = nullptr;
        if ((rc & 0xFF) == SQLITE_CANTOPEN)
            fail(ErrorCode::Io, "cannot open '" + path.string() + "': " + reason);
        fail(ErrorCode::StudyDamaged, "cannot open '" + path.string() + "': " + reason);
    }
    sqlite3_extended_result_codes(m_db, 1);
    sqlite3_busy_timeout(m_db, busyTimeoutMs);
}

Database::~Database()
{
    for (auto &[sql, statement] : m_statements)
        sqlite3_finalize(statement);
    if (m_db && sqlite3_close(m_db) != SQLITE_OK)
        spdlog::error("closing '{}': {}", m_path.string(), sqlite3_errmsg(m_db));
}

sqlite3_stmt *Database::prepare(std::string_view sql)
{
    auto found = m_statements.find(std::string(sql));
    if (found != m_statements.end())
        return found->second;
    sqlite3_stmt *statement = nullptr;
    const int rc = sqlite3_prepare_v3(m_db,
                                      sql.data(),
                                      static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT,
                                      &statement,
                                      nullptr);
    if (rc != SQLITE_OK)
        throwSqlite(rc, sql);
    m_statements.emplace(std::string(sql), statement);
    return statement;
}

void Database::execScript(const std::string &sql)
{
    char *message = nullptr;
    const int rc = sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        const std::string reason = message ? message : sqlite3_errstr(rc);
        sqlite3_free(message);
        throwSqlite(rc, reason);
    }
}

std::int64_t Database::lastInsertId() const
{
    return sqlite3_last_insert_rowid(m_db);
}

int Database::changes() const
{
    return sqlite3_changes(m_db);
}

std::int64_t Database::totalChanges() const
{
    return sqlite3_total_changes64(m_db);
}

bool Database::beginRead()
{
    if (m_depth > 0 || !sqlite3_get_autocommit(m_db))
        return false;
    execScript("BEGIN");
    return true;
}

void Database::endRead()
{
    // A read-only transaction has nothing to lose: ending it cannot fail in a way worth reporting.
    if (m_depth == 0 && !sqlite3_get_autocommit(m_db))
        sqlite3_exec(m_db, "COMMIT", nullptr, nullptr, nullptr);
}

void Database::begin()
{
    if (m_depth == 0) {
        execScript("BEGIN IMMEDIATE");
        m_doomed.reset();
    }
    ++m_depth;
}

void Database::commit()
{
    if (m_depth > 1) {
        --m_depth;
        return;
    }
    if (m_doomed) {
        const Error cause = *m_doomed;
        rollback();
        throw StorageFailure{cause};
    }
    execScript("COMMIT");
    m_depth = 0;
}

void Database::rollback(const Error *cause)
{
    if (m_depth == 0)
        return;
    if (--m_depth > 0) {
        if (!m_doomed)
            m_doomed =
                cause ? *cause : Error{ErrorCode::Internal, "an edit in the transaction failed"};
        return;
    }
    m_doomed.reset();
    // A failed COMMIT may already have ended the transaction; then there is nothing to undo.
    if (!sqlite3_get_autocommit(m_db))
        sqlite3_exec(m_db, "ROLLBACK", nullptr, nullptr, nullptr);
}

void Database::check(int rc, std::string_view context) const
{
    if (rc != SQLITE_OK)
        throwSqlite(rc, context);
}

void Database::throwSqlite(int rc, std::string_view context) const
{
    const std::string file = "'" + m_path.string() + "'";
    const std::string reason = m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc);
    spdlog::debug("sqlite error {} ({}) in: {}", rc, reason, context);
    // SQLite reports only ENOSPC as SQLITE_FULL, and the errno it keeps can be overwritten by the
    // rollback that follows. A failed write is, in practice, a full disk, a quota or a file that
    // may not grow: the same to the person at the keyboard.
    const int systemError = m_db ? sqlite3_system_errno(m_db) : 0;
    if (rc == SQLITE_IOERR_WRITE
        || ((rc & 0xFF) == SQLITE_IOERR
            && (systemError == ENOSPC || systemError == EDQUOT || systemError == EFBIG)))
        rc = SQLITE_FULL;
    switch (rc & 0xFF) {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        fail(ErrorCode::StudyDamaged,
             "the study file " + file + " is damaged (" + reason
                 + "); it was not changed. Restore it from a backup");
    case SQLITE_FULL:
        fail(ErrorCode::DiskFull,
             "cannot write to " + file
                 + ": the disk is full (or the file may not grow any larger); the last change was "
                   "not saved and the study is as it was before it");
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        fail(ErrorCode::StudyLocked,
             "the study file " + file
                 + " is locked by another program that is writing to it; try again when it "
                   "has finished");
    case SQLITE_READONLY:
        fail(ErrorCode::Io, "the study file " + file + " cannot be written: " + reason);
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
        fail(ErrorCode::Io, "reading or writing " + file + " failed: " + reason);
    case SQLITE_CONSTRAINT:
        fail(ErrorCode::Conflict, reason);
    default:
        fail(ErrorCode::Internal,
             "unexpected SQLite error in " + file + ": " + reason + " (" + std::string(context)
                 + ")");
    }
}

} // namespace jtbd::storage
