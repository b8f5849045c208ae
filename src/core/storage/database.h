// A thin RAII layer over the SQLite C API: connection, cached prepared statements, transactions.
// Failures are thrown as StorageFailure inside storage/ and turned into Error values at the
// Study boundary, so callers never see an SQLite code.
#pragma once

#include <jtbd/result.h>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

struct sqlite3;
struct sqlite3_stmt;

namespace jtbd::storage {

// A failure with the Error the caller will see.
struct StorageFailure
{
    Error error;
};

[[noreturn]] void fail(ErrorCode code, std::string message);

class Database;

// A prepared statement in use: bound on creation, reset when it goes out of scope.
class Query
{
public:
    Query(Database &db, sqlite3_stmt *statement);
    Query(Query &&other) noexcept;
    Query(const Query &) = delete;
    Query &operator=(const Query &) = delete;
    Query &operator=(Query &&) = delete;
    ~Query();

    void bind(int index, std::int64_t value);

    void bind(int index, int value) { bind(index, static_cast<std::int64_t>(value)); }

    void bind(int index, bool value) { bind(index, static_cast<std::int64_t>(value ? 1 : 0)); }

    void bind(int index, std::string_view value);

    void bind(int index, const std::string &value) { bind(index, std::string_view(value)); }

    void bind(int index, const char *value) { bind(index, std::string_view(value)); }

    void bind(int index, std::nullopt_t);
    // Hands `pointer` to an SQL or FTS5 function that asks for it by `type` (a static string);
    // SQLite never exposes it as a value.
    void bindPointer(int index, void *pointer, const char *type);

    template<typename T>
    void bind(int index, const std::optional<T> &value)
    {
        if (value)
            bind(index, *value);
        else
            bind(index, std::nullopt);
    }

    template<typename... Args>
    void bindAll(const Args &...args)
    {
        int index = 1;
        (bind(index++, args), ...);
    }

    // Steps once; true while a row is available.
    bool next();
    // Runs to completion.
    void run();

    std::int64_t int64(int column) const;

    int int32(int column) const { return static_cast<int>(int64(column)); }

    std::string text(int column) const;
    std::string_view textView(int column) const; // valid until the next step
    bool isNull(int column) const;
    std::optional<std::int64_t> optionalInt64(int column) const;

private:
    Database &m_db;
    sqlite3_stmt *m_statement;
};

class Database
{
public:
    enum class Mode {
        OpenExisting,
        Create
    };

    Database(const std::filesystem::path &path, Mode mode, int busyTimeoutMs);
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;
    ~Database();

    const std::filesystem::path &path() const { return m_path; }

    // A cached statement, bound to `args`.
    template<typename... Args>
    Query query(std::string_view sql, const Args &...args)
    {
        Query q(*this, prepare(sql));
        q.bindAll(args...);
        return q;
    }

    template<typename... Args>
    void run(std::string_view sql, const Args &...args)
    {
        query(sql, args...).run();
    }

    // The single value of a one-row, one-column query.
    template<typename... Args>
    std::int64_t scalar(std::string_view sql, const Args &...args)
    {
        auto q = query(sql, args...);
        if (!q.next())
            fail(ErrorCode::Internal, "query returned no row: " + std::string(sql));
        return q.int64(0);
    }

    // Runs SQL text with any number of statements (schema scripts, pragmas).
    void execScript(const std::string &sql);

    std::int64_t lastInsertId() const;
    int changes() const;
    // Rows this connection has inserted, updated or deleted since it opened, triggers included.
    std::int64_t totalChanges() const;

    // The connection, for the FTS5 extension API (search.cpp), which has no SQL form.
    sqlite3 *handle() const { return m_db; }

    // A read transaction (BEGIN … COMMIT, no write lock), so that several reads see one state of
    // the file while another program goes on writing. Returns false, and starts nothing, when a
    // transaction is already open: the reads then join it.
    bool beginRead();
    void endRead();

    // Transactions nest: the outermost is BEGIN IMMEDIATE … COMMIT; inner ones join it. An inner
    // one that fails (`rollback` with its error) dooms the outer one, which then rolls back and
    // reports that error instead of committing half of what was asked. Savepoints would let
    // the rest go on, but they copy every page an edit touches and make bulk imports slow.
    void begin();
    void commit();
    void rollback(const Error *cause = nullptr);

    // Throws the StorageFailure that describes SQLite result `rc`.
    [[noreturn]] void throwSqlite(int rc, std::string_view context = {}) const;
    void check(int rc, std::string_view context = {}) const;

private:
    sqlite3_stmt *prepare(std::string_view sql);

    std::filesystem::path m_path;
    sqlite3 *m_db = nullptr;
    std::unordered_map<std::string, sqlite3_stmt *> m_statements;
    int m_depth = 0;
    std::optional<Error> m_doomed; // why the current transaction must not commit
};

// Runs `body` in a transaction and returns its value; rolls back and rethrows on failure.
template<typename F>
auto inTransaction(Database &db, F &&body)
{
    db.begin();
    try {
        if constexpr (std::is_void_v<decltype(body())>) {
            body();
            db.commit();
        } else {
            auto result = body();
            db.commit();
            return result;
        }
    } catch (const StorageFailure &failure) {
        db.rollback(&failure.error);
        throw;
    } catch (...) {
        db.rollback();
        throw;
    }
}

} // namespace jtbd::storage
