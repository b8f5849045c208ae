// Full-text search over every turn: the search syntax, the filters, ranking and snippets.
//
// A search runs in three steps. (1) The researcher's text is parsed into an FTS5 expression in
// which every word is quoted, so that nothing typed is read as an FTS5 keyword or column name,
// and every mistake is reported in plain words. (2) The filters become a sorted list of turn ids;
// the index is read once, or run by run when the filters leave a few runs of ids (an interview's
// turns have consecutive ids). An FTS5 function (jtbd_collect) keeps each allowed match with its
// phrase instances; its BM25 score is worked out here, not by FTS5's bm25(), which reads every
// match's length from disk one row at a time and made a common word cost 100 ms. (3) The best
// hits are read with their interview, and their turn text is tokenized again to turn token
// positions into code points and a snippet.
#include "study_impl.h"

#include <jtbd/text.h>

#include <algorithm>
#include <array>
#include <climits>
#include <cmath>
#include <functional>
#include <numeric>
#include <unordered_map>

#include <sqlite3.h>

namespace jtbd {

using storage::fail;

namespace {

// The arguments migration 3 gives the index's tokenizer ('unicode61 remove_diacritics 2'). The
// matches in a turn are found by tokenizing it again, which gives the index's positions only with
// the same tokenizer.
constexpr std::array<const char *, 2> kTokenizerArguments = {"remove_diacritics", "2"};

// BM25's constants, the values FTS5's bm25() uses.
constexpr double kK1 = 1.2;
constexpr double kB = 0.75;

// Words shown either side of the first match in a snippet, and how matches are marked.
constexpr int kSnippetWords = 12;
constexpr std::string_view kMarkOpen = "«";
constexpr std::string_view kMarkClose = "»";
constexpr std::string_view kEllipsis = "…";

// Up to this many matches, their lengths are read one by one; above it, the lengths of all turns
// are read in one pass and kept until the study changes (45 ms for 200,000 turns, then free).
constexpr std::size_t kDirectLengthLimit = 3000;
// Allowed turn ids less than this far apart are read from the index as one run.
constexpr Id kRunGap = 64;
// Up to this many runs, the index is read run by run; more, and it is read whole.
constexpr std::size_t kMaxRuns = 24;
// Deeper nesting is refused rather than parsed (the parser recurses).
constexpr int kMaxDepth = 32;
// A prefix of at least this many letters that stands for at most kMaxPrefixWords words is
// searched as those words. FTS5 answers a prefix by merging the lists of all its words over the
// whole index on every read of it: 1.6 ms for "cancel*" in a large study, against 0.03 ms for the
// one word it stands for. The words are looked up once and kept while the study is unchanged.
// Shorter prefixes have FTS5's prefix indexes (migration 3).
constexpr std::int64_t kExpandedPrefixLength = 4;
constexpr std::size_t kMaxPrefixWords = 16;

// ---------------------------------------------------------------------------------------------
// The search syntax

struct SyntaxToken
{
    enum class Kind {
        Term,
        And,
        Or,
        Not,
        Open,
        Close
    };

    Kind kind = Kind::Term;
    std::string text;               // a term's words (without quotes)
    bool quoted = false;            // written as "a phrase"
    bool prefix = false;            // followed by *
    std::vector<std::string> words; // as the index has them: folded to lower case, no accents
};

// What the parser asks of the index.
struct IndexWords
{
    // A term's words as the index has them.
    std::function<std::vector<std::string>(std::string_view)> of;
    // The index's words that start with a prefix, in order; at most kMaxPrefixWords + 1.
    std::function<std::vector<std::string>(const std::string &)> startingWith;
};

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Ends a bare word: the characters with a meaning of their own in the syntax.
bool endsWord(char c)
{
    return isSpace(c) || c == '"' || c == '(' || c == ')' || c == '*' || c == ':';
}

std::string operatorName(SyntaxToken::Kind kind)
{
    switch (kind) {
    case SyntaxToken::Kind::And:
        return "AND";
    case SyntaxToken::Kind::Or:
        return "OR";
    case SyntaxToken::Kind::Not:
        return "NOT";
    default:
        return "";
    }
}

// A search as FTS5 reads it.
struct ParsedSearch
{
    std::string expression; // every term quoted, every operator in parentheses
    // Each phrase of `expression` (a term, or each word a prefix stands for), in FTS5's order.
    std::vector<std::string> phrases;
};

// Reads the search syntax (docs/user-guide.md, "Search"): words, "phrases", a * at the end of a
// word or phrase for a prefix, AND / OR / NOT in capitals, parentheses. Words side by side must
// all be there (AND). NOT binds tighter than AND, and AND tighter than OR, as in FTS5; the output
// is fully parenthesised, so FTS5's own precedence never decides anything.
class SearchParser
{
public:
    SearchParser(std::string_view text, IndexWords index)
        : m_text(text)
        , m_index(std::move(index))
    {}

    ParsedSearch parse()
    {
        lex();
        if (m_tokens.empty())
            fail(ErrorCode::InvalidArgument,
                 "the search is empty: type a word, a \"phrase\" or the start of a word with a *, "
                 "as in cancel*");
        for (auto &token : m_tokens) {
            if (token.kind != SyntaxToken::Kind::Term)
                continue;
            token.words = m_index.of(token.text);
            if (token.words.empty())
                reject("has nothing to look for in "
                       + (token.quoted ? "\"" + token.text + "\"" : "'" + token.text + "'")
                       + ": punctuation, symbols and emoji are not indexed, so search for words");
        }
        ParsedSearch parsed;
        parsed.expression = parseOr(parsed);
        return parsed;
    }

private:
    // An FTS5 string: nothing in it is read as syntax.
    static std::string quote(std::string_view text, bool prefix)
    {
        std::string phrase = "\"";
        for (char c : text)
            phrase += c == '"' ? std::string("\"\"") : std::string(1, c);
        return phrase + (prefix ? "\"*" : "\"");
    }

    [[noreturn]] void reject(const std::string &problem) const
    {
        fail(ErrorCode::InvalidArgument, "the search '" + std::string(m_text) + "' " + problem);
    }

    // The bare text around `at` up to white space, to quote in a message.
    std::string wordAround(std::size_t at) const
    {
        std::size_t from = at;
        while (from > 0 && !isSpace(m_text[from - 1]) && m_text[from - 1] != '('
               && m_text[from - 1] != '"')
            --from;
        std::size_t to = at;
        while (to < m_text.size() && !isSpace(m_text[to]) && m_text[to] != ')' && m_text[to] != '"')
            ++to;
        return std::string(m_text.substr(from, to - from));
    }

    void lex()
    {
        int depth = 0;
        std::size_t i = 0;
        const std::size_t n = m_text.size();
        while (i < n) {
            const char c = m_text[i];
            if (isSpace(c)) {
                ++i;
            } else if (c == '"') {
                const auto close = m_text.find('"', i + 1);
                if (close == std::string_view::npos)
                    reject("has an unmatched quote: add a closing \"");
                SyntaxToken token{SyntaxToken::Kind::Term,
                                  std::string(m_text.substr(i + 1, close - i - 1)),
                                  true,
                                  false,
                                  {}};
                i = close + 1;
                if (i < n && m_text[i] == '*') {
                    token.prefix = true;
                    ++i;
                }
                if (trim(token.text).empty())
                    reject("has quotes with nothing between them: put words inside them");
                m_tokens.push_back(std::move(token));
            } else if (c == '(') {
                if (++depth > kMaxDepth)
                    reject("has more than " + std::to_string(kMaxDepth) + " levels of parentheses");
                m_tokens.push_back({SyntaxToken::Kind::Open, {}, false, false, {}});
                ++i;
            } else if (c == ')') {
                if (depth == 0)
                    reject("has a ')' without a '(' before it: add the '(' or remove the ')'");
                --depth;
                m_tokens.push_back({SyntaxToken::Kind::Close, {}, false, false, {}});
                ++i;
            } else if (c == '*') {
                reject("has a * without a word before it: put the * straight after the start of "
                       "a word, as in cancel*, to find the words that start with it");
            } else if (c == ':') {
                rejectColon(i);
            } else {
                const std::size_t start = i;
                while (i < n && !endsWord(m_text[i]))
                    ++i;
                SyntaxToken token{SyntaxToken::Kind::Term,
                                  std::string(m_text.substr(start, i - start)),
                                  false,
                                  false,
                                  {}};
                if (i < n && m_text[i] == ':')
                    rejectColon(i);
                if (i < n && m_text[i] == '*') {
                    token.prefix = true;
                    ++i;
                    if (i < n && !isSpace(m_text[i]) && m_text[i] != '(' && m_text[i] != ')'
                        && m_text[i] != '"')
                        reject("has a * inside '" + wordAround(start)
                               + "': a * goes at the end of a word, as in cancel*, to find the "
                                 "words that start with it");
                } else if (token.text == "AND") {
                    token.kind = SyntaxToken::Kind::And;
                } else if (token.text == "OR") {
                    token.kind = SyntaxToken::Kind::Or;
                } else if (token.text == "NOT") {
                    token.kind = SyntaxToken::Kind::Not;
                }
                m_tokens.push_back(std::move(token));
            }
        }
        if (depth > 0)
            reject("has a '(' without a ')' after it: add the ')'");
    }

    [[noreturn]] void rejectColon(std::size_t at) const
    {
        reject("has a ':' in '" + wordAround(at)
               + "'; searching a named column is not supported: narrow the search with the "
                 "filters, and put text with a colon in quotes, as in \"10:30\"");
    }

    bool at(SyntaxToken::Kind kind) const
    {
        return m_next < m_tokens.size() && m_tokens[m_next].kind == kind;
    }

    std::string parseOr(ParsedSearch &out)
    {
        std::string left = parseAnd(out);
        while (at(SyntaxToken::Kind::Or)) {
            ++m_next;
            left = "(" + left + " OR " + parseAnd(out) + ")";
        }
        return left;
    }

    std::string parseAnd(ParsedSearch &out)
    {
        std::string left = parseNot(out);
        while (at(SyntaxToken::Kind::And) || at(SyntaxToken::Kind::Term)
               || at(SyntaxToken::Kind::Open)) {
            if (at(SyntaxToken::Kind::And))
                ++m_next;
            left = "(" + left + " AND " + parseNot(out) + ")";
        }
        return left;
    }

    std::string parseNot(ParsedSearch &out)
    {
        std::string left = parsePrimary(out);
        while (at(SyntaxToken::Kind::Not)) {
            ++m_next;
            left = "(" + left + " NOT " + parsePrimary(out) + ")";
        }
        return left;
    }

    std::string parsePrimary(ParsedSearch &out)
    {
        // The lexer has balanced the parentheses, so running out of tokens or meeting ')' here
        // means an operator has nothing on its right.
        if (m_next == m_tokens.size()) {
            const auto last = m_tokens.back().kind;
            if (last == SyntaxToken::Kind::Not)
                reject("ends with NOT; put the words to leave out after it, as in: invoice NOT "
                       "paid");
            reject("ends with " + operatorName(last) + "; put words on both sides");
        }
        const SyntaxToken &token = m_tokens[m_next];
        switch (token.kind) {
        case SyntaxToken::Kind::Term: {
            ++m_next;
            if (token.prefix && token.words.size() == 1
                && codePointCount(token.words.front()) >= kExpandedPrefixLength) {
                const auto words = m_index.startingWith(token.words.front());
                if (!words.empty() && words.size() <= kMaxPrefixWords) {
                    std::string group;
                    for (const auto &word : words) {
                        group += group.empty() ? "(" : " OR ";
                        group += quote(word, false);
                        out.phrases.push_back(quote(word, false));
                    }
                    return group + ")";
                }
            }
            std::string phrase = quote(token.text, token.prefix);
            out.phrases.push_back(phrase);
            return phrase;
        }
        case SyntaxToken::Kind::Open: {
            ++m_next;
            if (at(SyntaxToken::Kind::Close))
                reject("has empty parentheses '()': put words between them");
            std::string inner = parseOr(out);
            ++m_next; // the ')' that the lexer matched with this '('
            return "(" + inner + ")";
        }
        case SyntaxToken::Kind::Close: {
            const std::string op = operatorName(m_tokens[m_next - 1].kind);
            reject("has " + op + " just before ')'; put words on both sides of " + op);
        }
        default:
            break;
        }
        const std::string op = operatorName(token.kind);
        if (m_next == 0) {
            if (token.kind == SyntaxToken::Kind::Not)
                reject("starts with NOT; NOT leaves out turns, so put the words to look for before "
                       "it, as in: invoice NOT paid");
            reject("starts with " + op + "; put words on both sides");
        }
        const auto previous = m_tokens[m_next - 1].kind;
        if (previous == SyntaxToken::Kind::Open)
            reject("has " + op + " just after '('; put words on both sides of " + op);
        reject("has " + op + " right after " + operatorName(previous) + "; put words between them");
    }

    std::string_view m_text;
    IndexWords m_index;
    std::vector<SyntaxToken> m_tokens;
    std::size_t m_next = 0;
};

// ---------------------------------------------------------------------------------------------
// Sets of turns

std::vector<Id> intersect(const std::vector<Id> &a, const std::vector<Id> &b)
{
    std::vector<Id> both;
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(both));
    return both;
}

void sortUnique(std::vector<Id> &ids)
{
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
}

// Inclusive [first, last] runs of sorted ids, neighbours less than kRunGap apart joined.
std::vector<std::pair<Id, Id>> runsOf(const std::vector<Id> &ids)
{
    std::vector<std::pair<Id, Id>> runs;
    for (Id id : ids) {
        if (!runs.empty() && id - runs.back().second <= kRunGap)
            runs.back().second = id;
        else
            runs.emplace_back(id, id);
    }
    return runs;
}

// The first id at or after `from` that is not below `id`. The ids asked for ascend, so a few steps
// forward usually find it before a binary search would.
std::vector<Id>::const_iterator
seek(std::vector<Id>::const_iterator from, std::vector<Id>::const_iterator end, Id id)
{
    for (int step = 0; step < 8 && from != end; ++step, ++from) {
        if (*from >= id)
            return from;
    }
    return std::lower_bound(from, end, id);
}

// A set of turns: sorted ids, to read the index run by run, and a bit per id, to test each match
// without a search. Turn ids are handed out in order, so the bits stay small (26 KB for 200,000
// turns); ids so large that they would not are tested by binary search.
class TurnSet
{
public:
    TurnSet() = default;

    explicit TurnSet(std::vector<Id> sortedIds)
        : m_ids(std::move(sortedIds))
    {
        if (m_ids.empty() || m_ids.front() < 0 || m_ids.back() >= kMaxBits)
            return;
        m_bits.assign(static_cast<std::size_t>(m_ids.back() / 64 + 1), 0);
        for (Id id : m_ids)
            m_bits[static_cast<std::size_t>(id / 64)] |= std::uint64_t{1} << (id % 64);
    }

    const std::vector<Id> &ids() const { return m_ids; }

    bool contains(Id id) const
    {
        if (m_bits.empty())
            return std::binary_search(m_ids.begin(), m_ids.end(), id);
        const auto word = static_cast<std::size_t>(id / 64);
        return id >= 0 && word < m_bits.size() && ((m_bits[word] >> (id % 64)) & 1U) != 0;
    }

private:
    static constexpr Id kMaxBits = Id{1} << 26;
    std::vector<Id> m_ids;
    std::vector<std::uint64_t> m_bits;
};

// Token byte ranges [start, end) in a text.
struct TokenSpan
{
    int start = 0;
    int end = 0;
};

// What jtbd_collect gathers while the index is read: the allowed matches and the numbers BM25
// needs. The function finds it through the SearchState it was registered with.
struct Collector
{
    SearchState *state = nullptr;
    const std::vector<std::string> *phrases = nullptr;
    const TurnSet *allowed = nullptr; // null when every turn is allowed

    bool ready = false; // the numbers below are read on the first match
    sqlite3_int64 rowCount = 0;
    sqlite3_int64 tokenCount = 0;
    std::vector<int> phraseSizes; // tokens in each phrase
    std::vector<double> idf;      // for each phrase

    struct Instance
    {
        int phrase = 0;
        int offset = 0; // the phrase's first token, counted from the turn's first
    };

    struct Match
    {
        Id turnId = 0;
        std::size_t firstInstance = 0; // into `instances`
        std::size_t instanceEnd = 0;
    };

    std::vector<Match> matches;
    std::vector<Instance> instances;

    bool allows(Id id) const { return !allowed || allowed->contains(id); }
};

// FTS5's variable-length integer (SQLite's varint): the first of the column sizes in a
// turn_search_docsize row.
std::int64_t readVarint(std::string_view bytes)
{
    std::uint64_t value = 0;
    for (std::size_t i = 0; i < bytes.size() && i < 9; ++i) {
        const auto byte = static_cast<unsigned char>(bytes[i]);
        if (i == 8)
            return static_cast<std::int64_t>((value << 8U) | byte);
        value = (value << 7U) | (byte & 0x7FU);
        if ((byte & 0x80U) == 0)
            break;
    }
    return static_cast<std::int64_t>(value);
}

void collectFunction(const Fts5ExtensionApi *api,
                     Fts5Context *fts,
                     sqlite3_context *context,
                     int argc,
                     sqlite3_value **argv);

} // namespace

// The FTS5 connection state of a study, and what searches keep while the study is unchanged.
struct SearchState
{
    explicit SearchState(storage::Database &db)
    {
        {
            auto q = db.query("SELECT fts5(?1)");
            q.bindPointer(1, static_cast<void *>(&api), "fts5_api_ptr");
            q.next();
        }
        if (!api || api->iVersion < 2)
            fail(ErrorCode::Internal, "this build of SQLite has no full-text search (FTS5)");
        if (api->xCreateFunction(api, "jtbd_collect", this, collectFunction, nullptr) != SQLITE_OK)
            fail(ErrorCode::Internal, "cannot register the search function with FTS5");
        // The index's list of words, for prefixes (kExpandedPrefixLength). It lives in this
        // connection's temporary schema, so the study file does not change.
        db.execScript("CREATE VIRTUAL TABLE IF NOT EXISTS temp.turn_search_words USING "
                      "fts5vocab(main, turn_search, row)");
        void *userData = nullptr;
        if (api->xFindTokenizer(api, "unicode61", &userData, &methods) != SQLITE_OK
            || methods.xCreate(userData,
                               const_cast<const char **>(kTokenizerArguments.data()),
                               static_cast<int>(kTokenizerArguments.size()),
                               &tokenizer)
                   != SQLITE_OK)
            fail(ErrorCode::Internal, "cannot create the search tokenizer");
    }

    ~SearchState()
    {
        if (tokenizer)
            methods.xDelete(tokenizer);
    }

    SearchState(const SearchState &) = delete;
    SearchState &operator=(const SearchState &) = delete;

    // Forgets what was kept when the study has changed since: PRAGMA data_version moves when
    // another connection commits, the change count when this one writes.
    void refresh(storage::Database &db)
    {
        const auto dataVersion = db.scalar("PRAGMA data_version");
        const auto changes = db.totalChanges();
        if (dataVersion == m_dataVersion && changes == m_changes)
            return;
        m_dataVersion = dataVersion;
        m_changes = changes;
        lengthById.clear();
        lengthIds.clear();
        lengths.clear();
        lengthsLoaded = false;
        phraseRows.clear();
        prefixWords.clear();
        roleTurns.clear();
        codeTurns.clear();
    }

    // The tokens of `text` as the index sees them.
    std::vector<TokenSpan> tokenize(std::string_view text, int flags) const
    {
        std::vector<TokenSpan> spans;
        if (text.size() > static_cast<std::size_t>(INT_MAX))
            fail(ErrorCode::Internal, "a text too long to search");
        const int rc = methods.xTokenize(
            tokenizer,
            &spans,
            flags,
            text.data(),
            static_cast<int>(text.size()),
            [](void *context, int tokenFlags, const char *, int, int start, int end) {
                // A colocated token shares the position of the one before it.
                if ((tokenFlags & FTS5_TOKEN_COLOCATED) == 0)
                    static_cast<std::vector<TokenSpan> *>(context)->push_back({start, end});
                return SQLITE_OK;
            });
        if (rc != SQLITE_OK)
            fail(ErrorCode::Internal, "the search tokenizer failed");
        return spans;
    }

    // The words of a search term as the index has them (folded to lower case, without accents).
    std::vector<std::string> words(std::string_view text) const
    {
        std::vector<std::string> out;
        const int rc = methods.xTokenize(
            tokenizer,
            &out,
            FTS5_TOKENIZE_QUERY,
            text.data(),
            static_cast<int>(std::min<std::size_t>(text.size(), INT_MAX)),
            [](void *context, int tokenFlags, const char *token, int size, int, int) {
                if ((tokenFlags & FTS5_TOKEN_COLOCATED) == 0)
                    static_cast<std::vector<std::string> *>(context)->emplace_back(
                        token, static_cast<std::size_t>(size));
                return SQLITE_OK;
            });
        if (rc != SQLITE_OK)
            fail(ErrorCode::Internal, "the search tokenizer failed");
        return out;
    }

    // The index's words that start with `prefix` (a word as words() gives it), in order; at most
    // kMaxPrefixWords + 1, enough to tell that there are too many.
    const std::vector<std::string> &wordsStartingWith(storage::Database &db,
                                                      const std::string &prefix)
    {
        auto found = prefixWords.find(prefix);
        if (found != prefixWords.end())
            return found->second;
        std::vector<std::string> list;
        // The upper bound ends the read at the last word with the prefix: fts5vocab counts each
        // word's rows before returning it, so a read past it could count a very common word.
        auto q = db.query("SELECT term FROM temp.turn_search_words WHERE term >= ?1 AND term <= "
                          "?2 ORDER BY term LIMIT ?3",
                          prefix,
                          prefix + "\U0010FFFF",
                          static_cast<std::int64_t>(kMaxPrefixWords + 1));
        while (q.next()) {
            if (q.textView(0).substr(0, prefix.size()) == prefix)
                list.push_back(q.text(0));
        }
        return prefixWords.emplace(prefix, std::move(list)).first->second;
    }

    fts5_api *api = nullptr;
    fts5_tokenizer methods{};
    Fts5Tokenizer *tokenizer = nullptr;

    // Kept while the study is unchanged.
    // Every indexed turn's length in tokens: by id when the ids are dense (they are handed out in
    // order), else as sorted pairs.
    std::vector<int> lengthById;
    std::vector<Id> lengthIds;
    std::vector<int> lengths;
    bool lengthsLoaded = false;
    std::unordered_map<std::string, std::int64_t> phraseRows; // turns holding each phrase
    std::unordered_map<std::string, std::vector<std::string>> prefixWords;

    Collector *collector = nullptr;             // what jtbd_collect fills during a search
    std::unordered_map<int, TurnSet> roleTurns; // by SpeakerRole
    std::unordered_map<Id, TurnSet> codeTurns;  // by code id, every interview

private:
    std::int64_t m_dataVersion = -1;
    std::int64_t m_changes = -1;
};

namespace {

int countRows(const Fts5ExtensionApi *, Fts5Context *, void *count)
{
    ++*static_cast<sqlite3_int64 *>(count);
    return SQLITE_OK;
}

// The numbers BM25 needs for the whole index, read once per search as FTS5's bm25() reads them.
int prepareCollector(Collector &c, const Fts5ExtensionApi *api, Fts5Context *fts)
{
    int rc = api->xRowCount(fts, &c.rowCount);
    if (rc == SQLITE_OK)
        rc = api->xColumnTotalSize(fts, -1, &c.tokenCount);
    if (rc != SQLITE_OK)
        return rc;
    const int phraseCount = api->xPhraseCount(fts);
    if (phraseCount != static_cast<int>(c.phrases->size()))
        return SQLITE_INTERNAL;
    for (int p = 0; p < phraseCount; ++p) {
        c.phraseSizes.push_back(api->xPhraseSize(fts, p));
        const std::string &phrase = (*c.phrases)[static_cast<std::size_t>(p)];
        auto found = c.state->phraseRows.find(phrase);
        if (found == c.state->phraseRows.end()) {
            sqlite3_int64 rows = 0;
            rc = api->xQueryPhrase(fts, p, &rows, countRows);
            if (rc != SQLITE_OK)
                return rc;
            found = c.state->phraseRows.emplace(phrase, rows).first;
        }
        // The inverse document frequency exactly as FTS5's bm25() has it: never below 1e-6,
        // though a word in more than half of the turns would give a negative one.
        const sqlite3_int64 hits = found->second;
        double idf = std::log((c.rowCount - hits + 0.5) / (hits + 0.5));
        if (idf <= 0.0)
            idf = 1e-6;
        c.idf.push_back(idf);
    }
    c.ready = true;
    return SQLITE_OK;
}

void collectFunction(
    const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *context, int, sqlite3_value **)
{
    // Always false, so that the scan runs in one step with no row handed back.
    sqlite3_result_int(context, 0);
    Collector *c = static_cast<SearchState *>(api->xUserData(fts))->collector;
    if (!c) {
        sqlite3_result_error(context, "jtbd_collect is for Study::search only", -1);
        return;
    }
    const Id id = api->xRowid(fts);
    if (!c->allows(id))
        return;
    int rc = c->ready ? SQLITE_OK : prepareCollector(*c, api, fts);
    Collector::Match match{id, c->instances.size(), c->instances.size()};
    // Phrase by phrase from the position lists, cheaper than FTS5's merged list of instances.
    const int phrases = static_cast<int>(c->phraseSizes.size());
    for (int p = 0; rc == SQLITE_OK && p < phrases; ++p) {
        Fts5PhraseIter iterator;
        int column = 0;
        int offset = 0;
        rc = api->xPhraseFirst(fts, p, &iterator, &column, &offset);
        for (; rc == SQLITE_OK && column >= 0; api->xPhraseNext(fts, &iterator, &column, &offset))
            c->instances.push_back({p, offset});
    }
    if (rc != SQLITE_OK) {
        sqlite3_result_error_code(context, rc);
        return;
    }
    match.instanceEnd = c->instances.size();
    c->matches.push_back(match);
}

// Turns spoken in a role, for a list of interviews' turns (`within`), or in the whole study.
std::vector<Id>
roleTurns(Study::Impl &impl, SpeakerRole role, const std::vector<std::pair<Id, Id>> *within)
{
    std::vector<Id> ids;
    if (within) {
        for (const auto &[first, last] : *within) {
            auto q = impl.db.query("SELECT id FROM turn WHERE role = ? AND id BETWEEN ? AND ?",
                                   key(role),
                                   first,
                                   last);
            while (q.next())
                ids.push_back(q.int64(0));
        }
    } else {
        auto q = impl.db.query("SELECT id FROM turn WHERE role = ?", key(role));
        while (q.next())
            ids.push_back(q.int64(0));
    }
    sortUnique(ids);
    return ids;
}

// Turns that overlap a highlight with the code or a code nested under it, in some interviews or
// (null) in all. Offsets come from the index turn_by_offset alone: a turn ends one code point
// before the next one starts, so its row with the text is never read.
std::vector<Id> codeTurns(Study::Impl &impl, Id codeId, const std::vector<Id> *interviews)
{
    static constexpr std::string_view kCodeAndChildren =
        "WITH RECURSIVE sub(id) AS (SELECT ?1 UNION ALL SELECT c.id FROM code c JOIN sub ON "
        "c.parent_id = sub.id) ";
    // Highlight ranges by interview.
    std::vector<std::pair<Id, std::vector<std::pair<std::int64_t, std::int64_t>>>> spans;
    auto add = [&](Id interviewId, std::int64_t start, std::int64_t end) {
        if (spans.empty() || spans.back().first != interviewId)
            spans.push_back({interviewId, {}});
        spans.back().second.emplace_back(start, end);
    };
    if (interviews) {
        // EXISTS rather than IN: with IN, SQLite starts from every highlight with the code
        // (24,000 for push in a large study) instead of the interview's few dozen.
        for (Id interviewId : *interviews) {
            auto q = impl.db.query(
                std::string(kCodeAndChildren)
                    + "SELECT h.start, h.\"end\" FROM highlight h WHERE h.interview_id = ?2 AND "
                      "EXISTS (SELECT 1 FROM highlight_code hc WHERE hc.highlight_id = h.id AND "
                      "hc.code_id IN (SELECT id FROM sub))",
                codeId,
                interviewId);
            while (q.next())
                add(interviewId, q.int64(0), q.int64(1));
        }
    } else {
        auto q = impl.db.query(
            std::string(kCodeAndChildren)
                + "SELECT h.interview_id, h.start, h.\"end\" FROM highlight h WHERE h.id IN "
                  "(SELECT highlight_id FROM highlight_code WHERE code_id IN (SELECT id FROM "
                  "sub)) ORDER BY h.interview_id",
            codeId);
        while (q.next())
            add(q.int64(0), q.int64(1), q.int64(2));
    }
    std::vector<Id> ids;
    std::vector<std::int64_t> starts;
    std::vector<Id> turnIds;
    for (const auto &[interviewId, ranges] : spans) {
        starts.clear();
        turnIds.clear();
        auto q = impl.db.query(
            "SELECT id, text_start FROM turn WHERE interview_id = ? ORDER BY text_start",
            interviewId);
        while (q.next()) {
            turnIds.push_back(q.int64(0));
            starts.push_back(q.int64(1));
        }
        if (starts.empty())
            continue;
        for (const auto &[start, end] : ranges) {
            // The last turn starting at or before the highlight; if the highlight starts on the
            // line feed after it (or the turn is empty), the next one.
            auto k = static_cast<std::size_t>(std::max<std::ptrdiff_t>(
                0, std::upper_bound(starts.begin(), starts.end(), start) - starts.begin() - 1));
            if (k + 1 < starts.size() && start >= starts[k + 1] - 1)
                ++k;
            for (std::size_t j = k; j < starts.size() && starts[j] < end; ++j)
                ids.push_back(turnIds[j]);
        }
    }
    sortUnique(ids);
    return ids;
}

// Each match's length in tokens, as BM25 needs it: from the index's own record of lengths.
std::vector<int> matchLengths(Study::Impl &impl, SearchState &state, const Collector &c)
{
    std::vector<int> out;
    out.reserve(c.matches.size());
    if (!state.lengthsLoaded && c.matches.size() <= kDirectLengthLimit) {
        for (const auto &match : c.matches) {
            auto q = impl.db.query("SELECT sz FROM turn_search_docsize WHERE id = ?", match.turnId);
            // The size is a blob; its bytes reach us unchanged as text.
            out.push_back(q.next() ? static_cast<int>(readVarint(q.textView(0))) : 0);
        }
        return out;
    }
    if (!state.lengthsLoaded) {
        auto q = impl.db.query("SELECT id, sz FROM turn_search_docsize ORDER BY id");
        while (q.next()) {
            state.lengthIds.push_back(q.int64(0));
            state.lengths.push_back(static_cast<int>(readVarint(q.textView(1))));
        }
        const Id last = state.lengthIds.empty() ? 0 : state.lengthIds.back();
        if (!state.lengthIds.empty() && state.lengthIds.front() >= 0
            && last <= 4 * static_cast<Id>(state.lengthIds.size()) + 1024) {
            state.lengthById.assign(static_cast<std::size_t>(last + 1), 0);
            for (std::size_t i = 0; i < state.lengthIds.size(); ++i)
                state.lengthById[static_cast<std::size_t>(state.lengthIds[i])] = state.lengths[i];
            state.lengthIds.clear();
            state.lengths.clear();
        }
        state.lengthsLoaded = true;
    }
    if (!state.lengthById.empty()) {
        for (const auto &match : c.matches)
            out.push_back(match.turnId >= 0
                                  && static_cast<std::size_t>(match.turnId)
                                         < state.lengthById.size()
                              ? state.lengthById[static_cast<std::size_t>(match.turnId)]
                              : 0);
        return out;
    }
    auto from = state.lengthIds.cbegin();
    for (const auto &match : c.matches) {
        if (from != state.lengthIds.cbegin() && *(from - 1) > match.turnId)
            from = state.lengthIds.cbegin();
        from = seek(from, state.lengthIds.cend(), match.turnId);
        out.push_back(from != state.lengthIds.cend() && *from == match.turnId
                          ? state.lengths[static_cast<std::size_t>(from - state.lengthIds.cbegin())]
                          : 0);
    }
    return out;
}

std::string spacedOut(std::string_view text)
{
    std::string out(text);
    std::replace_if(
        out.begin(),
        out.end(),
        [](char c) {
            return c == '\n' || c == '\r' || c == '\t';
        },
        ' ');
    return out;
}

} // namespace

Result<std::vector<SearchHit>> Study::search(const SearchQuery &query) const
{
    return m_impl->read([&] {
        auto &impl = *m_impl;
        auto &db = impl.db;
        if (query.limit < 1)
            fail(ErrorCode::InvalidArgument, "the number of results to show must be at least 1");
        if (!impl.search)
            impl.search = std::make_shared<SearchState>(db);
        SearchState &state = *impl.search;

        // One state of the file for every read below, even while another program writes.
        struct ReadTransaction
        {
            storage::Database &db;
            bool started;

            ~ReadTransaction()
            {
                if (started)
                    db.endRead();
            }
        } transaction{db, db.beginRead()};
        state.refresh(db);

        const ParsedSearch parsed = SearchParser(query.text,
                                                 {[&](std::string_view text) {
                                                      return state.words(text);
                                                  },
                                                  [&](const std::string &prefix) {
                                                      return state.wordsStartingWith(db, prefix);
                                                  }})
                                        .parse();

        // The filters, as interviews and then as a sorted list of turn ids.
        std::optional<std::vector<Id>> interviews;
        auto narrow = [&](std::vector<Id> ids) {
            sortUnique(ids);
            interviews = interviews ? intersect(*interviews, ids) : std::move(ids);
        };
        if (query.interviewId) {
            impl.requireRow("interview", *query.interviewId, "interview");
            narrow({*query.interviewId});
        }
        if (!query.participantCode.empty()) {
            auto q = db.query("SELECT id FROM participant WHERE code = ?", query.participantCode);
            if (!q.next())
                fail(ErrorCode::NotFound,
                     "there is no participant with code '" + query.participantCode + "'");
            const Id participantId = q.int64(0);
            std::vector<Id> ids;
            auto list =
                db.query("SELECT id FROM interview WHERE participant_id = ?", participantId);
            while (list.next())
                ids.push_back(list.int64(0));
            narrow(std::move(ids));
        }
        if (query.attribute) {
            if (trim(query.attribute->key).empty())
                fail(ErrorCode::InvalidArgument, "a participant attribute filter needs a key");
            std::vector<Id> ids;
            auto q = db.query(
                "SELECT i.id FROM interview i JOIN participant_attribute a ON a.participant_id = "
                "i.participant_id WHERE a.key = ? AND a.value = ?",
                query.attribute->key,
                query.attribute->value);
            while (q.next())
                ids.push_back(q.int64(0));
            narrow(std::move(ids));
        }
        if (query.codeId)
            impl.requireRow("code", *query.codeId, "code");

        // The allowed turns: built here, or kept in `state` while the study is unchanged.
        TurnSet built;
        const TurnSet *allowed = nullptr;
        if (interviews) {
            std::vector<Id> ids;
            for (Id interviewId : *interviews) {
                auto q = db.query("SELECT id FROM turn WHERE interview_id = ?", interviewId);
                while (q.next())
                    ids.push_back(q.int64(0));
            }
            sortUnique(ids);
            if (query.role) {
                const auto runs = runsOf(ids);
                ids = intersect(ids, roleTurns(impl, *query.role, &runs));
            }
            if (query.codeId)
                ids = intersect(ids, codeTurns(impl, *query.codeId, &*interviews));
            built = TurnSet(std::move(ids));
            allowed = &built;
        } else {
            if (query.role) {
                const int roleKey = static_cast<int>(*query.role);
                if (!state.roleTurns.contains(roleKey))
                    state.roleTurns.emplace(roleKey,
                                            TurnSet(roleTurns(impl, *query.role, nullptr)));
                allowed = &state.roleTurns.at(roleKey);
            }
            if (query.codeId) {
                if (!state.codeTurns.contains(*query.codeId))
                    state.codeTurns.emplace(*query.codeId,
                                            TurnSet(codeTurns(impl, *query.codeId, nullptr)));
                const auto &coded = state.codeTurns.at(*query.codeId);
                if (allowed) {
                    built = TurnSet(intersect(allowed->ids(), coded.ids()));
                    allowed = &built;
                } else {
                    allowed = &coded;
                }
            }
        }
        std::vector<SearchHit> hits;
        if (allowed && allowed->ids().empty())
            return hits;

        // Read the index: run by run when the filters leave a few runs of ids, else whole.
        Collector collector;
        collector.state = &state;
        collector.phrases = &parsed.phrases;
        collector.allowed = allowed;
        std::vector<std::pair<Id, Id>> runs;
        if (allowed) {
            runs = runsOf(allowed->ids());
            if (runs.size() > kMaxRuns)
                runs = {{allowed->ids().front(), allowed->ids().back()}};
        }
        // jtbd_collect keeps what it is given and answers false: each read is one step.
        struct Collecting
        {
            SearchState &state;

            ~Collecting() { state.collector = nullptr; }
        } collecting{state};
        state.collector = &collector;
        if (runs.empty())
            db.run("SELECT 1 FROM turn_search WHERE turn_search MATCH ?1 AND "
                   "jtbd_collect(turn_search)",
                   parsed.expression);
        for (const auto &[first, last] : runs)
            db.run("SELECT 1 FROM turn_search WHERE turn_search MATCH ?1 AND rowid BETWEEN ?2 AND "
                   "?3 AND jtbd_collect(turn_search)",
                   parsed.expression,
                   first,
                   last);
        if (collector.matches.empty())
            return hits;

        // BM25, term for term as FTS5's bm25() computes it (there as a negative number).
        const std::vector<int> lengths = matchLengths(impl, state, collector);
        const double averageLength =
            static_cast<double>(collector.tokenCount) / static_cast<double>(collector.rowCount);
        std::vector<double> scores(collector.matches.size());
        std::vector<double> frequency(collector.idf.size());
        for (std::size_t m = 0; m < collector.matches.size(); ++m) {
            const auto &match = collector.matches[m];
            std::fill(frequency.begin(), frequency.end(), 0.0);
            for (std::size_t i = match.firstInstance; i < match.instanceEnd; ++i)
                frequency[static_cast<std::size_t>(collector.instances[i].phrase)] += 1.0;
            const auto length = static_cast<double>(lengths[m]);
            double score = 0.0;
            for (std::size_t p = 0; p < frequency.size(); ++p)
                score += collector.idf[p]
                         * ((frequency[p] * (kK1 + 1.0))
                            / (frequency[p] + kK1 * (1 - kB + kB * length / averageLength)));
            scores[m] = score;
        }
        std::vector<std::size_t> order(collector.matches.size());
        std::iota(order.begin(), order.end(), std::size_t{0});
        const auto best = std::min(order.size(), static_cast<std::size_t>(query.limit));
        std::partial_sort(order.begin(),
                          order.begin() + static_cast<std::ptrdiff_t>(best),
                          order.end(),
                          [&](std::size_t a, std::size_t b) {
                              if (scores[a] != scores[b])
                                  return scores[a] > scores[b];
                              return collector.matches[a].turnId < collector.matches[b].turnId;
                          });
        order.resize(best);

        // The hits, with the matches found again in their text.
        for (std::size_t m : order) {
            const auto &match = collector.matches[m];
            auto q = db.query(
                "SELECT t.interview_id, i.title, coalesce(p.code, ''), t.speaker, t.role, "
                "t.start_ms, t.text_start, t.text FROM turn t JOIN interview i ON i.id = "
                "t.interview_id LEFT JOIN participant p ON p.id = i.participant_id WHERE t.id = ?",
                match.turnId);
            if (!q.next())
                continue;
            SearchHit hit;
            hit.interviewId = q.int64(0);
            hit.interviewTitle = q.text(1);
            hit.participantCode = q.text(2);
            hit.turnId = match.turnId;
            hit.speaker = q.text(3);
            hit.role = parseStored<SpeakerRole>(q.textView(4), parseSpeakerRole, "speaker role");
            hit.startMs = q.optionalInt64(5);
            hit.score = scores[m];
            const std::int64_t textStart = q.int64(6);
            const std::string_view text = q.textView(7);
            const auto tokens = state.tokenize(text, FTS5_TOKENIZE_DOCUMENT);

            // Each instance as whole tokens: [first token, end token).
            std::vector<std::pair<int, int>> found;
            for (std::size_t i = match.firstInstance; i < match.instanceEnd; ++i) {
                const auto &instance = collector.instances[i];
                const int size =
                    std::max(1, collector.phraseSizes[static_cast<std::size_t>(instance.phrase)]);
                if (instance.offset < 0
                    || static_cast<std::size_t>(instance.offset + size) > tokens.size())
                    fail(ErrorCode::StudyDamaged,
                         "the search index of the study file '" + db.path().string()
                             + "' does not match the text of interview "
                             + std::to_string(hit.interviewId)
                             + "; export the study as JSON and import it into a new file to "
                               "rebuild the index");
                found.emplace_back(instance.offset, instance.offset + size);
            }
            if (found.empty())
                fail(ErrorCode::Internal,
                     "turn " + std::to_string(match.turnId)
                         + " matched the search without any of "
                           "its words");
            std::sort(found.begin(), found.end(), [](const auto &a, const auto &b) {
                return a.first != b.first ? a.first < b.first : a.second > b.second;
            });
            const auto [firstToken, endToken] = found.front();
            const auto byteStart = static_cast<std::size_t>(tokens[firstToken].start);
            const auto byteEnd = static_cast<std::size_t>(tokens[endToken - 1].end);
            hit.start = textStart + codePointCount(text.substr(0, byteStart));
            hit.end = textStart + codePointCount(text.substr(0, byteEnd));

            // The snippet: whole tokens around the first match; the text's own start and end
            // (with any punctuation) when the window reaches them.
            const int tokenCount = static_cast<int>(tokens.size());
            const int windowStart = std::max(0, firstToken - kSnippetWords);
            const int windowEnd = std::min(tokenCount, endToken + kSnippetWords);
            const std::size_t from =
                windowStart == 0 ? 0 : static_cast<std::size_t>(tokens[windowStart].start);
            const std::size_t to = windowEnd == tokenCount
                                       ? text.size()
                                       : static_cast<std::size_t>(tokens[windowEnd - 1].end);
            std::vector<std::pair<std::size_t, std::size_t>> marks; // bytes, merged
            for (const auto &[first, last] : found) {
                if (first < windowStart || last > windowEnd)
                    continue;
                const auto markStart = static_cast<std::size_t>(tokens[first].start);
                const auto markEnd = static_cast<std::size_t>(tokens[last - 1].end);
                if (!marks.empty() && markStart <= marks.back().second)
                    marks.back().second = std::max(marks.back().second, markEnd);
                else
                    marks.emplace_back(markStart, markEnd);
            }
            std::string snippet = windowStart > 0 ? std::string(kEllipsis) : std::string();
            std::size_t at = from;
            for (const auto &[markStart, markEnd] : marks) {
                snippet += spacedOut(text.substr(at, markStart - at));
                snippet += kMarkOpen;
                snippet += spacedOut(text.substr(markStart, markEnd - markStart));
                snippet += kMarkClose;
                at = markEnd;
            }
            snippet += spacedOut(text.substr(at, to - at));
            if (windowEnd < tokenCount)
                snippet += kEllipsis;
            hit.snippet = std::move(snippet);
            hits.push_back(std::move(hit));
        }
        return hits;
    });
}

} // namespace jtbd
