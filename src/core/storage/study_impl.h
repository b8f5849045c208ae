// The state behind a Study and the helpers its storage files share.
#pragma once

#include "database.h"

#include <jtbd/study.h>

#include <exception>
#include <memory>
#include <new>
#include <spdlog/spdlog.h>
#include <unordered_map>

namespace jtbd {

struct SearchState;

struct Study::Impl
{
    Impl(const std::filesystem::path &path, storage::Database::Mode mode, int busyTimeoutMs)
        : db(path, mode, busyTimeoutMs)
    {}

    mutable storage::Database db;
    // What searches keep between calls (search.cpp). Declared after `db`, so it goes before the
    // connection closes.
    mutable std::shared_ptr<SearchState> search;

    // Runs `body`, turning storage failures into an Error value.
    template<typename F>
    auto guard(F &&body) const -> Result<decltype(body())>
    {
        try {
            if constexpr (std::is_void_v<decltype(body())>) {
                body();
                return {};
            } else {
                return body();
            }
        } catch (const storage::StorageFailure &failure) {
            return failure.error;
        } catch (const std::bad_alloc &) {
            return makeError(ErrorCode::Internal, "out of memory");
        } catch (const std::exception &e) {
            spdlog::error("unexpected exception: {}", e.what());
            return makeError(ErrorCode::Internal, e.what());
        }
    }

    // A read: the result, or the Error that stopped it.
    template<typename F>
    auto read(F &&body) const
    {
        return guard(std::forward<F>(body));
    }

    // An edit: one transaction, all or nothing.
    template<typename F>
    auto write(F &&body)
    {
        return guard([&] {
            return storage::inTransaction(db, body);
        });
    }

    // Throws NotFound unless `table` has a row with `id`; `what` names it in the message.
    void requireRow(std::string_view table, Id id, std::string_view what) const;

    // Schema
    int schemaVersion() const;
    void migrate(int fromVersion, bool existingFile);

    // Shared by several areas of the API.
    std::string interviewText(Id interviewId) const;
    // The text at code points [start, end) of an interview, read from only the turns that hold
    // it; nullopt when the range is not inside the text.
    std::optional<std::string> textAt(Id interviewId, std::int64_t start, std::int64_t end) const;
    Id insertGuide(const Guide &guide, bool keepIds);
    Id insertSection(Id guideId, int ord, const GuideSection &section, bool keepIds);
    Id insertQuestion(Id sectionId, int ord, const GuideQuestion &question, bool keepIds);
    Guide loadGuide(Id id) const;
    void writeHighlightCodes(Id highlightId, const std::vector<Id> &codeIds, bool replace);
    // The codes of every highlight in a scope, by highlight id: one query, not one a highlight.
    std::unordered_map<Id, std::vector<Id>> highlightCodes(const Scope &scope) const;
    Highlight readHighlight(const storage::Query &q) const; // from kHighlightColumns
    std::vector<Id> highlightCodeIds(Id highlightId) const;
    // An SQL condition on h.interview_id for the scope, with the scope's id (or a participant
    // attribute's key) as parameter ?20 and an attribute's value as ?22, so that each kind of
    // scope is one cached statement however many interviews or jobs there are.
    static std::string scopeFilter(const Scope &scope);
    static void bindScope(storage::Query &query, const Scope &scope);
    void requireScope(const Scope &scope) const;
};

// Columns read by Impl::readHighlight, in order.
inline constexpr std::string_view kHighlightColumns =
    "h.id, h.interview_id, h.start, h.\"end\", h.quote, h.coder_id, h.intensity, h.confidence, "
    "h.phase, h.memo, h.created_at, h.updated_at";

// The id to insert: NULL lets SQLite choose, a given id must be free.
inline std::optional<Id> optionalId(Id id)
{
    return id != 0 ? std::optional<Id>(id) : std::nullopt;
}

template<typename Enum, typename Parse>
Enum parseStored(std::string_view text, Parse parse, std::string_view what)
{
    if (auto value = parse(text))
        return *value;
    storage::fail(ErrorCode::StudyDamaged,
                  "the study file holds an unknown " + std::string(what) + " '" + std::string(text)
                      + "'");
}

} // namespace jtbd
