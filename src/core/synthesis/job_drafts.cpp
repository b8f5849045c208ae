// A job drafted from its evidence (method section 5, step 5, and section 6): its name, job story
// and statement built from the customers' own words, and its triggers, what was fired, the
// alternatives, the hire and fire criteria, the anxieties and the habits, each clause citing the
// quotes it came from. Customers speak in the first person, so a sentence of theirs reads in a
// job story as it stands ("When I had four thousand euros owed to me…"); a motivation or an
// outcome is taken from sentences that already say what they want ("I wanted something to chase
// for me" gives "have something to chase for me").
#include "synthesis_internal.h"

#include <jtbd/study.h>
#include <jtbd/text.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <regex>

namespace jtbd {

namespace synthesis {

namespace {

// At most this many clauses for a part with several (triggers, criteria, anxieties…).
constexpr std::size_t kMaxClauses = 6;
// Sentences longer than this make a poor clause; quotes shown as they are get cut at it.
constexpr std::size_t kMaxClauseWords = 28;

// ---------------------------------------------------------------------------------------------
// Words and sentences

bool isWordByte(unsigned char c)
{
    return std::isalnum(c) || c == '\'' || c >= 0x80;
}

std::string lower(std::string_view text)
{
    std::string out(text);
    for (char &c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::vector<std::string> words(std::string_view text)
{
    std::vector<std::string> out;
    std::string word;
    for (char c : text) {
        if (isWordByte(static_cast<unsigned char>(c))) {
            word += c;
        } else if (!word.empty()) {
            out.push_back(word);
            word.clear();
        }
    }
    if (!word.empty())
        out.push_back(word);
    return out;
}

std::size_t wordCountOf(std::string_view text)
{
    return words(text).size();
}

const std::set<std::string> &stopWords()
{
    static const std::set<std::string> list = {
        "a",     "about",    "after",    "again",    "all",     "also",  "am",     "an",
        "and",   "any",      "are",      "as",       "at",      "be",    "been",   "before",
        "being", "but",      "by",       "can",      "can't",   "could", "did",    "didn't",
        "do",    "does",     "doing",    "don't",    "even",    "every", "for",    "from",
        "get",   "got",      "had",      "has",      "have",    "he",    "he'd",   "her",
        "here",  "him",      "his",      "how",      "i",       "i'd",   "i'll",   "i'm",
        "i've",  "if",       "in",       "into",     "is",      "isn't", "it",     "it's",
        "its",   "just",     "know",     "like",     "me",      "more",  "much",   "my",
        "no",    "not",      "now",      "of",       "off",     "on",    "one",    "only",
        "or",    "our",      "out",      "over",     "really",  "said",  "say",    "she",
        "she'd", "so",       "some",     "still",    "than",    "that",  "that's", "the",
        "their", "them",     "then",     "there",    "there's", "these", "they",   "thing",
        "think", "this",     "those",    "thought",  "to",      "too",   "um",     "up",
        "us",    "very",     "was",      "wasn't",   "we",      "we'd",  "we're",  "were",
        "what",  "what's",   "when",     "where",    "which",   "while", "who",    "why",
        "will",  "with",     "would",    "wouldn't", "yeah",    "yes",   "you",    "you're",
        "your",  "honestly", "actually", "bit",      "sort",    "went",  "going"};
    return list;
}

// A crude stem, enough to see "chasing" and "chase", "receipts" and "receipt" as one word.
std::string stem(std::string word)
{
    for (std::string_view suffix : {"ing", "ed", "es", "s", "e"}) {
        if (word.size() > suffix.size() + 3 && word.ends_with(suffix)) {
            word.resize(word.size() - suffix.size());
            break;
        }
    }
    return word;
}

std::set<std::string> contentStems(std::string_view text)
{
    std::set<std::string> out;
    for (auto &word : words(lower(text))) {
        if (word.size() >= 3 && !stopWords().contains(word))
            out.insert(stem(word));
    }
    return out;
}

// Typographic apostrophes as plain ones, so the patterns below see "I'm" either way.
std::string plainApostrophes(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        // U+2018 and U+2019 are E2 80 98 and E2 80 99.
        if (i + 2 < text.size() && text[i] == '\xE2' && text[i + 1] == '\x80'
            && (text[i + 2] == '\x98' || text[i + 2] == '\x99')) {
            out.push_back('\'');
            i += 2;
        } else {
            out.push_back(text[i]);
        }
    }
    return out;
}

struct Sentence
{
    std::string text; // without its closing punctuation
    bool question = false;
};

// A quote's sentences, split after . ? ! (and the closing quotes that follow them).
std::vector<Sentence> sentences(std::string_view quote)
{
    std::vector<Sentence> out;
    std::string current;
    auto flush = [&](bool question) {
        const std::string_view t = trim(current);
        if (!t.empty())
            out.push_back({std::string(t), question});
        current.clear();
    };
    for (std::size_t i = 0; i < quote.size(); ++i) {
        const char c = quote[i];
        current += c;
        if (c != '.' && c != '?' && c != '!')
            continue;
        // "…" written as dots, and decimals, do not end a sentence.
        if (c == '.' && i + 1 < quote.size()
            && (quote[i + 1] == '.' || std::isdigit(static_cast<unsigned char>(quote[i + 1]))))
            continue;
        std::size_t j = i + 1;
        while (j < quote.size() && (quote[j] == '"' || quote[j] == '\''))
            current += quote[j++];
        if (j < quote.size() && quote[j] != ' ')
            continue;
        // "It worked fine, you know?" asks nothing.
        const std::string l = lower(current);
        const bool question = c == '?' && !l.ends_with("you know?") && !l.ends_with("right?");
        // Drop the closing punctuation (and a closing quote right after it stays with the text).
        if (current.back() == c)
            current.pop_back();
        flush(question);
        i = j - 1;
    }
    flush(false);
    return out;
}

// Sentence openers that carry nothing in a job story ("And", "Honestly,", "[laughs]"…).
std::string stripSpeech(std::string text)
{
    // Stage directions and fillers anywhere.
    static const std::regex bracketed(R"(\s*\[[^\]]*\])");
    text = std::regex_replace(text, bracketed, "");
    static const std::regex fillers(R"(,? (um|uh|erm),)", std::regex::icase);
    text = std::regex_replace(text, fillers, "");
    static const std::regex openers(
        R"(^(and|but|so|well|honestly|actually|oh|ok|okay|yeah|look|like|because|to be fair(?: to (?:it|them|him|her))?|i mean|anyway|just|then)\b,?\s+)",
        std::regex::icase);
    for (int i = 0; i < 4; ++i) {
        const std::string before = text;
        text = std::regex_replace(text, openers, "", std::regex_constants::format_first_only);
        if (text == before)
            break;
    }
    // "I remember thinking, X", "I thought, X": what follows is what they lived.
    static const std::regex reported(
        R"(^i (?:just |remember |kept )?(?:[a-z ]{0,40} )?(?:thought|thinking|think|said)(?: to myself)?, )",
        std::regex::icase);
    text = std::regex_replace(text, reported, "", std::regex_constants::format_first_only);
    static const std::regex closers(
        R"(,\s*(i think|honestly|you know|i suppose|really|to be honest)$)", std::regex::icase);
    text = std::regex_replace(text, closers, "");
    return std::string(trim(text));
}

// Words that start a sentence with a capital only because they start it.
bool ordinaryWord(std::string_view word, const std::set<std::string> &seenLowercase)
{
    static const std::set<std::string> common = {
        "a",       "after",      "all",  "an",      "another", "any",     "as",   "at",    "before",
        "every",   "everything", "half", "he",      "her",     "his",     "if",   "in",    "it",
        "it's",    "its",        "my",   "no",      "nobody",  "nothing", "now",  "on",    "once",
        "our",     "she",        "some", "someone", "that",    "that's",  "the",  "their", "there",
        "there's", "these",      "they", "this",    "those",   "three",   "two",  "we",    "we'd",
        "we're",   "we've",      "what", "when",    "where",   "which",   "who",  "with",  "you",
        "your",    "you're",     "four", "five",    "one",     "first",   "last", "seven", "six"};
    const std::string l = lower(word);
    return common.contains(l) || seenLowercase.contains(l);
}

// The sentence with its first letter lower-cased, for use inside a clause, unless it is "I", an
// acronym or a name (a word never seen in lower case).
std::string lowerFirst(std::string text, const std::set<std::string> &seenLowercase)
{
    const auto w = words(text);
    if (w.empty())
        return text;
    const std::string &first = w.front();
    const bool isI = first == "I" || first.rfind("I'", 0) == 0;
    const bool acronym = first.size() > 1 && std::all_of(first.begin(), first.end(), [](char c) {
                             return std::isupper(static_cast<unsigned char>(c))
                                    || std::isdigit(static_cast<unsigned char>(c));
                         });
    if (!isI && !acronym && ordinaryWord(first, seenLowercase) && !text.empty()
        && std::isupper(static_cast<unsigned char>(text[0])))
        text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
    return text;
}

std::string upperFirst(std::string text)
{
    if (!text.empty())
        text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
    return text;
}

// The first `limit` words of a text, with an ellipsis when cut.
std::string firstWords(const std::string &text, std::size_t limit)
{
    std::size_t count = 0;
    bool inWord = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool wordByte = !std::isspace(static_cast<unsigned char>(text[i]));
        if (wordByte && !inWord && ++count > limit) {
            std::string cut(trim(text.substr(0, i)));
            while (!cut.empty() && (cut.back() == ',' || cut.back() == ';' || cut.back() == ':'))
                cut.pop_back();
            return cut + "\u2026";
        }
        inWord = wordByte;
    }
    return text;
}

// A motivation or outcome as a verb phrase that fits after "I want to" or "so I can", from a
// sentence that already says it: "I wanted something to chase for me" -> "have something to
// chase for me", "To stop being a debt collector" -> "stop being a debt collector".
std::optional<std::string> verbPhrase(const std::string &sentence)
{
    struct Pattern
    {
        std::regex prefix;
        std::string replacement; // "$1" keeps the first group
    };

    static const auto icase = std::regex::icase | std::regex::ECMAScript;
    static const std::vector<Pattern> patterns = {
        {std::regex(R"(^what (?:i|we) (?:really )?want(?:ed)? is (never )?(?:to )?)", icase), "$1"},
        {std::regex(
             R"(^(?:i|we) (?:really |just |actually |always |still )?(?:want|wanted|need|needed|would like|'d like|would love|'d love) to )",
             icase),
         ""},
        {std::regex(R"(^(?:i|we) (?:just )?(?:want|wanted|need|needed): )", icase), ""},
        {std::regex(R"(^to )", icase), ""},
        {std::regex(
             R"(^(?:i|we|you) (?:can|could) (?:now |still |just |also |actually |finally |easily )?)",
             icase),
         ""},
        {std::regex(R"(^(?:i|we)(?:'ll| will) (?:already |just |finally |now )?)", icase), ""},
        {std::regex(R"(^(?:i|we) (?:want|wanted|need|needed) (?!to |it\b|that\b|this\b))", icase),
         "have "},
    };
    const std::string text = stripSpeech(plainApostrophes(sentence));
    for (const auto &pattern : patterns) {
        std::smatch m;
        if (!std::regex_search(text, m, pattern.prefix))
            continue;
        std::string rest(trim(text.substr(static_cast<std::size_t>(m.length(0)))));
        std::string lead = pattern.replacement == "$1" ? m.str(1) : pattern.replacement;
        std::string phrase = lead + rest;
        // A second clause that tells what happened next is not part of the motivation: "take a
        // photo of a receipt and it just went in", "see when it's opened, which I didn't know".
        static const std::regex nextClause(
            R"((?:,? and (?:it|that|this|there|he|she|they|then)\b|, which |, but |; | - ).*$)",
            std::regex::icase);
        phrase = std::regex_replace(phrase, nextClause, "");
        // "so I can be able to answer" says "so I can answer".
        static const std::regex ableTo(R"(^be able to )", std::regex::icase);
        phrase = std::regex_replace(phrase, ableTo, "");
        // Not a motivation: too short or too long to say it, an awkward "have X to be Y", or
        // something a reader cannot follow without the story ("do that", "already know").
        static const std::regex vague(R"(^\S+ (?:\S+ )?(?:it|that|this|them|so|know)$)",
                                      std::regex::icase);
        const auto count = wordCountOf(phrase);
        if (count < 3 || count > kMaxClauseWords || std::regex_search(phrase, vague)
            || phrase.find('"') != std::string::npos
            || (lead == "have " && phrase.find(" to be ") != std::string::npos))
            return std::nullopt;
        return phrase;
    }
    return std::nullopt;
}

// When no sentence says what they want, a plain statement of how things are once the job is done
// still reads after "I want to" or "so I can": "get to where we argue about what to do".
std::optional<std::string> getToWhere(const std::string &sentence,
                                      const std::set<std::string> &seenLowercase)
{
    const std::string text = stripSpeech(plainApostrophes(sentence));
    static const std::regex subject(
        R"(^(?:i|we|it|there|you|they|nobody|everyone|everything)(?:\b|'))", std::regex::icase);
    const auto count = wordCountOf(text);
    if (count < 4 || count > 16 || text.find('"') != std::string::npos
        || !std::regex_search(text, subject))
        return std::nullopt;
    return "get to where " + lowerFirst(text, seenLowercase);
}

// What a sentence says someone wants, for "I want to" or "so I can": its verb phrase, or else
// a "get to where" (penalised, since it only describes how things are).
struct WantedPhrase
{
    std::string text;
    double penalty = 0;
};

std::optional<WantedPhrase> wantedPhrase(const std::string &sentence,
                                         const std::set<std::string> &seenLowercase)
{
    if (auto phrase = verbPhrase(sentence))
        return WantedPhrase{std::move(*phrase), 0.0};
    if (auto phrase = getToWhere(sentence, seenLowercase))
        return WantedPhrase{std::move(*phrase), 4.0};
    return std::nullopt;
}

// A shorter form of a verb phrase for a job's name: cut before a subordinate clause or a
// trailing comma clause, at most eight words.
std::string shortPhrase(const std::string &phrase)
{
    std::string text = phrase;
    // A short aside between commas ("know, on any Tuesday, whether…") is dropped first.
    static const std::regex aside(R"(, (?:[^,]{1,24}), )");
    text = std::regex_replace(text, aside, " ", std::regex_constants::format_first_only);
    static const std::regex tail(
        R"(( while | before | because | so that | so | without | when | until | and then |, and |, but |, ).*$)");
    std::smatch m;
    if (std::regex_search(text, m, tail)) {
        const std::string head(trim(text.substr(0, static_cast<std::size_t>(m.position(0)))));
        if (wordCountOf(head) >= 3)
            text = head;
    }
    // Longer than a name should be: its first eight words, without a dangling "the" or "of".
    auto w = words(text);
    if (w.size() > 8) {
        std::size_t keep = 8;
        while (keep > 3 && stopWords().contains(lower(w[keep - 1])))
            --keep;
        std::string cut = w[0];
        for (std::size_t i = 1; i < keep; ++i) {
            cut += ' ';
            cut += w[i];
        }
        text = cut;
    }
    return text;
}

// ---------------------------------------------------------------------------------------------
// What the draft is made from

struct Quote
{
    std::size_t position; // in the evidence
    const Highlight *highlight;
};

// How typical a sentence is of a set of quotes: how many of the other stories with a quote in
// the set use its content words, on average over its words. Word counts are taken once per set,
// as a job can have thousands of quotes.
class Typicality
{
public:
    explicit Typicality(const std::vector<Quote> &among)
    {
        for (const Quote &q : among) {
            m_stories.insert(q.highlight->interviewId);
            for (const auto &word : contentStems(q.highlight->quote))
                m_words[word].insert(q.highlight->interviewId);
        }
    }

    double of(const Quote &q, std::string_view text = {}) const
    {
        const Id own = q.highlight->interviewId;
        const std::size_t others = m_stories.size() - (m_stories.contains(own) ? 1 : 0);
        const auto stems = contentStems(text.empty() ? q.highlight->quote : text);
        if (others == 0 || stems.empty())
            return 0;
        double sum = 0;
        for (const auto &word : stems) {
            const auto it = m_words.find(word);
            if (it == m_words.end())
                continue;
            sum += static_cast<double>(it->second.size() - (it->second.contains(own) ? 1 : 0));
        }
        return sum / static_cast<double>(stems.size()) / static_cast<double>(others);
    }

private:
    std::set<Id> m_stories;
    std::map<std::string, std::set<Id>> m_words; // content stem -> stories using it
};

class Drafter
{
public:
    Drafter(const Study &study,
            const Evidence &evidence,
            const DraftContext &context,
            const std::vector<ForceGroup> &groups,
            const StoryMatrix &matrix,
            const Job &job)
        : m_study(study)
        , m_evidence(evidence)
        , m_context(context)
        , m_seenLowercase(context.seenLowercase)
        , m_groups(groups)
        , m_matrix(matrix)
        , m_job(job)
    {}

    Result<JobDraft> run();

private:
    struct Candidate
    {
        const Highlight *highlight = nullptr;
        std::string text;
        double score = -1e9;
        bool said = true; // false for a "get to where" phrase: how things are, not what they want
    };

    bool inJob(Id interviewId) const { return m_members.contains(interviewId); }

    bool carries(const Quote &q, const std::string &key) const
    {
        return m_evidence.carries(q.position, key);
    }

    std::vector<Quote> quotesWith(const std::string &key) const;

    // `first`, then the quotes of `more` that do not carry `key` (so none comes twice).
    std::vector<Quote>
    joined(std::vector<Quote> first, const std::vector<Quote> &more, const std::string &key) const
    {
        for (const Quote &q : more) {
            if (!carries(q, key))
                first.push_back(q);
        }
        return first;
    }

    std::vector<Quote> groupQuotes(std::size_t group) const;
    std::vector<std::size_t> groupsByDominance(Force force) const;
    void add(DraftPart part, std::string text, std::vector<Id> highlightIds);

    void draftStory();
    void draftTriggers();
    void draftFired();
    void draftQuotes(DraftPart part, const std::vector<Quote> &quotes);
    void draftForceGroups(DraftPart part, Force force);
    std::string shown(const Highlight &h) const; // a quote as a clause, in the customer's words

    const Study &m_study;
    const Evidence &m_evidence;
    const DraftContext &m_context;
    const std::set<std::string> &m_seenLowercase; // words the customers wrote in lower case
    const std::vector<ForceGroup> &m_groups;
    const StoryMatrix &m_matrix;
    const Job &m_job;

    std::set<Id> m_members;
    std::vector<Quote> m_quotes;                          // every quote of the job's stories
    std::map<Id, std::size_t> m_row;                      // matrix row of each story
    std::map<Id, std::vector<TimelineEvent>> m_timelines; // of each story
    std::map<Id, std::string> m_switchedFrom;             // what each story's participant left
    JobDraft m_draft;
};

std::vector<Quote> Drafter::quotesWith(const std::string &key) const
{
    std::vector<Quote> out;
    for (const Quote &q : m_quotes) {
        if (carries(q, key))
            out.push_back(q);
    }
    return out;
}

// The group's quotes from the job's stories, less those of stories the researcher marked as not
// showing the group.
std::vector<Quote> Drafter::groupQuotes(std::size_t group) const
{
    std::vector<Quote> out;
    for (Id id : m_groups[group].highlightIds) {
        const auto it = m_evidence.index.find(id);
        if (it == m_evidence.index.end())
            continue;
        const Highlight &h = m_evidence.highlights[it->second];
        if (!inJob(h.interviewId))
            continue;
        if (const auto row = m_row.find(h.interviewId);
            row != m_row.end() && group < m_matrix.groupIds.size()
            && m_matrix.cells[row->second][group] == StoryMatrix::Cell::MarkedAbsent)
            continue;
        out.push_back({it->second, &h});
    }
    return out;
}

// The force's groups by how many of the job's stories show them, then by the summed intensity of
// their quotes in the job, then in the groups' order.
std::vector<std::size_t> Drafter::groupsByDominance(Force force) const
{
    struct Rank
    {
        std::size_t group;
        int stories;
        int intensity;
    };

    std::vector<Rank> ranks;
    for (std::size_t g = 0; g < m_groups.size(); ++g) {
        if (m_groups[g].force != force)
            continue;
        Rank rank{g, 0, 0};
        for (Id story : m_members) {
            const auto row = m_row.find(story);
            if (row != m_row.end() && g < m_matrix.groupIds.size()
                && m_matrix.shows(row->second, g))
                ++rank.stories;
        }
        for (const Quote &q : groupQuotes(g))
            rank.intensity += q.highlight->intensity;
        if (rank.stories > 0 || rank.intensity > 0)
            ranks.push_back(rank);
    }
    std::stable_sort(ranks.begin(), ranks.end(), [](const Rank &a, const Rank &b) {
        return std::tie(b.stories, b.intensity) < std::tie(a.stories, a.intensity);
    });
    std::vector<std::size_t> out;
    for (const auto &rank : ranks)
        out.push_back(rank.group);
    return out;
}

void Drafter::add(DraftPart part, std::string text, std::vector<Id> highlightIds)
{
    highlightIds = sortedUnique(std::move(highlightIds));
    if (trim(text).empty() || highlightIds.empty())
        return; // no clause without evidence
    m_draft.clauses.push_back({part, std::move(text), std::move(highlightIds)});
}

std::string Drafter::shown(const Highlight &h) const
{
    std::string text;
    std::size_t count = 0;
    for (const auto &sentence : sentences(h.quote)) {
        const std::string clean = stripSpeech(sentence.text);
        if (clean.empty())
            continue;
        if (count > 0 && count + wordCountOf(clean) > kMaxClauseWords)
            break;
        if (!text.empty())
            text += ' ';
        text += upperFirst(clean);
        // A sentence that ends inside a quotation ("… where everything is.") has its stop.
        const auto end = clean.find_last_not_of("\"'");
        const bool stopped = end != std::string::npos && end + 1 < clean.size()
                             && std::string_view(".?!").find(clean[end]) != std::string_view::npos;
        if (!stopped)
            text += sentence.question ? '?' : '.';
        count += wordCountOf(clean);
    }
    if (text.empty())
        text = std::string(trim(h.quote));
    return firstWords(text, kMaxClauseWords + 6);
}

// Words after the first with a capital letter that are not "I" or an acronym: names of people,
// places and months, which tie a sentence to one story.
int namesIn(const std::string &text)
{
    const auto w = words(text);
    int names = 0;
    for (std::size_t i = 1; i < w.size(); ++i) {
        const std::string &word = w[i];
        if (word == "I" || word.rfind("I'", 0) == 0
            || !std::isupper(static_cast<unsigned char>(word[0])))
            continue;
        const bool acronym = std::all_of(word.begin(), word.end(), [](char c) {
            return !std::islower(static_cast<unsigned char>(c));
        });
        static const std::set<std::string> calendar = {
            "January",   "February",  "March",   "April",    "May",      "June",     "July",
            "August",    "September", "October", "November", "December", "Monday",   "Tuesday",
            "Wednesday", "Thursday",  "Friday",  "Saturday", "Sunday",   "Christmas"};
        if (!acronym && !calendar.contains(word))
            ++names;
    }
    return names;
}

bool firstPerson(const std::string &text)
{
    const std::string l = lower(text);
    for (std::string_view start : {"i ", "i'", "my ", "we ", "we'", "our "}) {
        if (l.rfind(start, 0) == 0)
            return true;
    }
    return false;
}

void Drafter::draftStory()
{
    // How much a quote's group says about the job: the dominant group of its force most.
    auto groupBonus = [&](Force force) {
        std::map<std::size_t, double> bonus; // quote position -> bonus
        const auto groups = groupsByDominance(force);
        for (std::size_t rank = 0; rank < groups.size(); ++rank) {
            const double value = rank == 0 ? 3.0 : rank == 1 ? 1.5 : 0.5;
            for (const Quote &q : groupQuotes(groups[rank]))
                bonus[q.position] = std::max(bonus[q.position], value);
        }
        return bonus;
    };
    auto bonusOf = [](const std::map<std::size_t, double> &bonus, const Quote &q) {
        const auto it = bonus.find(q.position);
        return it == bonus.end() ? 0.0 : it->second;
    };
    const auto pushes = quotesWith(codeKey(Force::Push));
    const auto pulls = quotesWith(codeKey(Force::Pull));
    const Typicality typicalPush(pushes);
    const Typicality typicalPull(pulls);
    const auto outcomes = quotesWith("desired-outcome");

    // When: the situation, in a first-person sentence from the dominant push group (struggling
    // moments first), typical of the job's pushes; a short feeling from another story may be
    // stacked on it ("…, and I felt like a debt collector").
    Candidate when;
    Candidate feeling;
    {
        const auto bonus = groupBonus(Force::Push);
        const std::vector<Quote> pool =
            joined(pushes, quotesWith("struggling-moment"), codeKey(Force::Push));
        for (const Quote &q : pool) {
            const double base = bonusOf(bonus, q) + (carries(q, "struggling-moment") ? 2.0 : 0.0)
                                + 0.5 * q.highlight->intensity;
            for (const auto &sentence : sentences(q.highlight->quote)) {
                if (sentence.question)
                    continue;
                const std::string clean = stripSpeech(plainApostrophes(sentence.text));
                const auto count = wordCountOf(clean);
                if (count < 4 || count > 24 || clean.find('"') != std::string::npos
                    || !firstPerson(clean))
                    continue;
                const double score = base + 2.0 * typicalPush.of(q, clean) - 1.0 * namesIn(clean)
                                     + (count >= 8 && count <= 20 ? 1.5 : 0.0);
                if (count >= 7 && score > when.score)
                    when = {q.highlight, lowerFirst(clean, m_seenLowercase), score};
                static const std::regex feelingWords(R"(\b(felt|feel|feeling)\b)",
                                                     std::regex::icase);
                const bool felt = std::regex_search(clean, feelingWords);
                if (count <= 9 && felt && score > feeling.score)
                    feeling = {q.highlight, lowerFirst(clean, m_seenLowercase), score};
            }
        }
    }

    // Want: the motivation, from the dominant pull group (then hire criteria), in a sentence
    // that says what they wanted or could now do.
    Candidate want;
    {
        const auto bonus = groupBonus(Force::Pull);
        const std::vector<Quote> pool =
            joined(pulls, quotesWith("hire-criterion"), codeKey(Force::Pull));
        for (const Quote &q : pool) {
            const double base = bonusOf(bonus, q) + (carries(q, "hire-criterion") ? 1.0 : 0.0)
                                + 0.5 * q.highlight->intensity;
            for (const auto &sentence : sentences(q.highlight->quote)) {
                if (sentence.question)
                    continue;
                // A sentence that says what they want, or else one that says how things are
                // once they have it.
                const auto wanted = wantedPhrase(sentence.text, m_seenLowercase);
                if (!wanted)
                    continue;
                const std::string *phrase = &wanted->text;
                const double fallback = wanted->penalty;
                const double score = base - fallback - 1.5 * namesIn(*phrase)
                                     + 2.0 * typicalPull.of(q, sentence.text)
                                     + (wordCountOf(*phrase) <= 14 ? 1.0 : 0.0);
                if (score > want.score)
                    want = {
                        q.highlight, lowerFirst(*phrase, m_seenLowercase), score, fallback == 0};
            }
        }
    }

    // So I can: the expected outcome, from the desired outcomes (the emotional and social ones
    // first), then the pulls. The statement (verb + object + clarifier) comes from the same
    // outcomes, the functional ones first, and from another quote than the "so I can".
    struct Phrase
    {
        Candidate forSoThat;
        Candidate forStatement;
    };

    std::vector<Phrase> phrases;
    {
        const std::vector<Quote> pool = joined(outcomes, pulls, "desired-outcome");
        const Typicality typicalOutcome(pool);
        for (const Quote &q : pool) {
            if (want.highlight == q.highlight)
                continue;
            const bool outcome = carries(q, "desired-outcome");
            const bool emotional =
                carries(q, codeKey(Dimension::Emotional)) || carries(q, codeKey(Dimension::Social));
            const bool functional = carries(q, codeKey(Dimension::Functional));
            const double base = (outcome ? 4.0 : 0.0) + 0.5 * q.highlight->intensity;
            for (const auto &sentence : sentences(q.highlight->quote)) {
                if (sentence.question)
                    continue;
                const auto wanted = wantedPhrase(sentence.text, m_seenLowercase);
                if (!wanted)
                    continue;
                const std::string *phrase = &wanted->text;
                const double fallback = wanted->penalty;
                // Names of people and places tie a phrase to one story: a statement should
                // hold for the whole job.
                const int names = namesIn(*phrase);
                const double common = base - fallback + 2.0 * typicalOutcome.of(q, sentence.text)
                                      + (wordCountOf(*phrase) <= 14 ? 1.0 : 0.0);
                phrases.push_back({{q.highlight,
                                    lowerFirst(*phrase, m_seenLowercase),
                                    common - 3.0 * names + (emotional ? 2.0 : 0.0),
                                    fallback == 0},
                                   {q.highlight,
                                    upperFirst(*phrase),
                                    common - 3.0 * names + (functional ? 1.5 : 0.0),
                                    fallback == 0}});
            }
        }
    }
    // The statement is what they said they want, never a "get to where".
    Candidate statement;
    for (const auto &p : phrases) {
        if (p.forStatement.said && p.forStatement.score > statement.score)
            statement = p.forStatement;
    }
    Candidate soThat;
    for (const auto &p : phrases) {
        if (p.forSoThat.highlight != statement.highlight && p.forSoThat.score > soThat.score)
            soThat = p.forSoThat;
    }
    if (!soThat.highlight) { // one outcome says it all: it is both the statement and the outcome
        for (const auto &p : phrases) {
            if (p.forSoThat.score > soThat.score)
                soThat = p.forSoThat;
        }
    }
    if (!statement.highlight && want.highlight && want.said)
        statement = {want.highlight, upperFirst(want.text), want.score};

    // The name: the statement, short.
    if (statement.highlight)
        add(DraftPart::Name, upperFirst(shortPhrase(statement.text)), {statement.highlight->id});
    else if (soThat.highlight && soThat.said)
        add(DraftPart::Name, upperFirst(shortPhrase(soThat.text)), {soThat.highlight->id});
    else if (when.highlight)
        add(DraftPart::Name, upperFirst(shortPhrase(when.text)), {when.highlight->id});
    if (when.highlight) {
        if (feeling.highlight && feeling.highlight->interviewId != when.highlight->interviewId
            && wordCountOf(when.text) + wordCountOf(feeling.text) <= 26)
            add(DraftPart::StoryWhen,
                when.text + ", and " + feeling.text,
                {when.highlight->id, feeling.highlight->id});
        else
            add(DraftPart::StoryWhen, when.text, {when.highlight->id});
    }
    if (want.highlight)
        add(DraftPart::StoryWant, want.text, {want.highlight->id});
    if (soThat.highlight)
        add(DraftPart::StorySoThat, soThat.text, {soThat.highlight->id});
    if (statement.highlight)
        add(DraftPart::Statement, statement.text, {statement.highlight->id});
}

// The first thought and events 1 and 2 of each story: the timeline's account of the event when
// it cites its quote, otherwise the quote coded with the event.
void Drafter::draftTriggers()
{
    const std::pair<DraftPart, EventKind> triggers[] = {
        {DraftPart::FirstThought, EventKind::FirstThought},
        {DraftPart::Event1, EventKind::Event1},
        {DraftPart::Event2, EventKind::Event2}};
    for (const auto &[part, kind] : triggers) {
        struct Story
        {
            std::string text;
            std::vector<Id> ids;
            int intensity = 0;
            Id story = 0;
        };

        std::vector<Story> stories;
        for (Id story : m_members) {
            Story s;
            s.story = story;
            for (const TimelineEvent &event : m_timelines[story]) {
                if (event.kind != kind || !event.highlightId)
                    continue;
                const Highlight *h = m_evidence.find(*event.highlightId);
                if (!h || h->interviewId != story)
                    continue;
                s.ids.push_back(h->id);
                s.intensity = std::max(s.intensity, h->intensity);
                if (s.text.empty())
                    s.text = std::string(trim(event.description));
                if (s.text.empty())
                    s.text = shown(*h);
            }
            const auto it = m_evidence.byStory.find(story);
            if (it != m_evidence.byStory.end()) {
                for (std::size_t position : it->second) {
                    if (!m_evidence.carries(position, codeKey(kind)))
                        continue;
                    const Highlight &h = m_evidence.highlights[position];
                    s.ids.push_back(h.id);
                    s.intensity = std::max(s.intensity, h.intensity);
                    if (s.text.empty())
                        s.text = shown(h);
                }
            }
            if (!s.ids.empty())
                stories.push_back(std::move(s));
        }
        std::stable_sort(stories.begin(), stories.end(), [](const Story &a, const Story &b) {
            return a.intensity > b.intensity;
        });
        for (std::size_t i = 0; i < stories.size() && i < kMaxClauses; ++i)
            add(part, stories[i].text, stories[i].ids);
    }
}

// What was fired: the old way each story left (the participant's "switched from", told by the
// fire event), and the reasons to leave it (fire criteria about the old way, coded push or habit).
void Drafter::draftFired()
{
    for (Id story : m_members) {
        std::string text;
        std::vector<Id> ids;
        for (const TimelineEvent &event : m_timelines[story]) {
            if (event.kind != EventKind::Fire || !event.highlightId)
                continue;
            const Highlight *h = m_evidence.find(*event.highlightId);
            if (!h || h->interviewId != story)
                continue;
            ids.push_back(h->id);
            if (text.empty())
                text = std::string(trim(event.description));
            if (text.empty())
                text = shown(*h);
        }
        const auto it = m_evidence.byStory.find(story);
        if (it != m_evidence.byStory.end()) {
            for (std::size_t position : it->second) {
                const bool fireEvent = m_evidence.carries(position, codeKey(EventKind::Fire));
                const bool oldWayCriterion = m_evidence.carries(position, "fire-criterion")
                                             && (m_evidence.carries(position, Force::Push)
                                                 || m_evidence.carries(position, Force::Habit));
                if (!fireEvent && !oldWayCriterion)
                    continue;
                const Highlight &h = m_evidence.highlights[position];
                ids.push_back(h.id);
                if (text.empty())
                    text = shown(h);
            }
        }
        if (ids.empty())
            continue;
        const std::string from(trim(m_switchedFrom[story]));
        add(DraftPart::Fired, from.empty() ? text : from + ": " + text, ids);
    }
}

// One clause per quote, the strongest first.
void Drafter::draftQuotes(DraftPart part, const std::vector<Quote> &quotes)
{
    std::vector<Quote> ranked = quotes;
    std::stable_sort(ranked.begin(), ranked.end(), [](const Quote &a, const Quote &b) {
        return std::tie(b.highlight->intensity, b.highlight->confidence)
               < std::tie(a.highlight->intensity, a.highlight->confidence);
    });
    for (std::size_t i = 0; i < ranked.size() && i < kMaxClauses; ++i)
        add(part, shown(*ranked[i].highlight), {ranked[i].highlight->id});
}

// One clause per group of the force that the job's stories show, the most shown first, in the
// words of its strongest quote, citing all the group's quotes in the job; quotes in no group
// follow one by one.
void Drafter::draftForceGroups(DraftPart part, Force force)
{
    std::set<Id> cited;
    std::size_t clauses = 0;
    for (std::size_t g : groupsByDominance(force)) {
        if (clauses >= kMaxClauses)
            break;
        const auto quotes = groupQuotes(g);
        const Typicality typical(quotes);
        if (quotes.empty())
            continue;
        const Quote *best = &quotes.front();
        double bestScore = -1;
        for (const Quote &q : quotes) {
            const double score = q.highlight->intensity + 2.0 * typical.of(q);
            if (score > bestScore) {
                bestScore = score;
                best = &q;
            }
        }
        std::vector<Id> ids;
        for (const Quote &q : quotes) {
            ids.push_back(q.highlight->id);
            cited.insert(q.highlight->id);
        }
        add(part, shown(*best->highlight), ids);
        ++clauses;
    }
    std::vector<Quote> rest;
    for (const Quote &q : quotesWith(codeKey(force))) {
        if (!cited.contains(q.highlight->id))
            rest.push_back(q);
    }
    std::stable_sort(rest.begin(), rest.end(), [](const Quote &a, const Quote &b) {
        return b.highlight->intensity < a.highlight->intensity;
    });
    for (std::size_t i = 0; i < rest.size() && clauses < kMaxClauses; ++i, ++clauses)
        add(part, shown(*rest[i].highlight), {rest[i].highlight->id});
}

Result<JobDraft> Drafter::run()
{
    m_draft.jobId = m_job.id;
    m_members.insert(m_job.interviewIds.begin(), m_job.interviewIds.end());
    for (Id story : m_members) {
        auto timeline = m_study.timeline(story);
        if (!timeline)
            return timeline.error();
        m_timelines[story] = std::move(*timeline);
    }
    for (const auto &[interviewId, from] : m_context.switchedFrom) {
        if (m_members.contains(interviewId))
            m_switchedFrom[interviewId] = from;
    }
    for (std::size_t r = 0; r < m_matrix.interviewIds.size(); ++r)
        m_row[m_matrix.interviewIds[r]] = r;
    for (Id story : m_members) {
        const auto it = m_evidence.byStory.find(story);
        if (it == m_evidence.byStory.end())
            continue;
        for (std::size_t position : it->second)
            m_quotes.push_back({position, &m_evidence.highlights[position]});
    }
    draftStory();
    draftTriggers();
    draftFired();
    draftQuotes(DraftPart::Alternative, quotesWith("alternative-considered"));
    draftQuotes(DraftPart::HireCriterion, quotesWith("hire-criterion"));
    {
        std::vector<Quote> criteria;
        for (const Quote &q : quotesWith("fire-criterion")) {
            if (!carries(q, codeKey(Force::Push)) && !carries(q, codeKey(Force::Habit)))
                criteria.push_back(q);
        }
        draftQuotes(DraftPart::FireCriterion, criteria);
    }
    draftForceGroups(DraftPart::Anxiety, Force::Anxiety);
    draftForceGroups(DraftPart::Habit, Force::Habit);

    // In part order, then rank.
    std::stable_sort(m_draft.clauses.begin(),
                     m_draft.clauses.end(),
                     [](const DraftClause &a, const DraftClause &b) {
                         return static_cast<int>(a.part) < static_cast<int>(b.part);
                     });
    return m_draft;
}

} // namespace

Result<DraftContext> readDraftContext(const Study &study, const Evidence &evidence)
{
    DraftContext context;
    auto interviews = study.interviews();
    if (!interviews)
        return interviews.error();
    auto participants = study.participants();
    if (!participants)
        return participants.error();
    std::map<Id, std::string> byParticipant;
    for (const auto &p : *participants)
        byParticipant[p.id] = p.switchedFrom;
    for (const auto &item : *interviews) {
        const auto participant = item.interview.participantId;
        if (participant && byParticipant.contains(*participant))
            context.switchedFrom[item.interview.id] = byParticipant[*participant];
    }
    // Words written in lower case anywhere in the study's quotes: a sentence starting with one
    // of them can be lower-cased inside a clause; one starting with a name cannot.
    for (const auto &h : evidence.highlights) {
        const auto w = words(plainApostrophes(h.quote));
        for (std::size_t i = 0; i < w.size(); ++i) {
            if (!w[i].empty() && std::islower(static_cast<unsigned char>(w[i][0])))
                context.seenLowercase.insert(w[i]);
        }
    }
    return context;
}

Result<JobDraft> draftJobFrom(const Study &study,
                              const Evidence &evidence,
                              const DraftContext &context,
                              const std::vector<ForceGroup> &groups,
                              const StoryMatrix &matrix,
                              const Job &job)
{
    return Drafter(study, evidence, context, groups, matrix, job).run();
}

} // namespace synthesis

Result<JobDraft> draftJob(const Study &study, const Job &job)
{
    auto evidence = synthesis::readEvidence(study);
    if (!evidence)
        return evidence.error();
    auto groups = study.forceGroups();
    if (!groups)
        return groups.error();
    auto marks = study.storyGroupMarks();
    if (!marks)
        return marks.error();
    const StoryMatrix matrix = synthesis::buildMatrix(*evidence, *groups, *marks);
    auto context = synthesis::readDraftContext(study, *evidence);
    if (!context)
        return context.error();
    return synthesis::draftJobFrom(study, *evidence, *context, *groups, matrix, job);
}

} // namespace jtbd
