// Words, stems and TF-IDF weights for the text-clustering engine.
#include "text_features.h"

#include <jtbd/text.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string_view>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>
#include <unordered_map>
#include <unordered_set>

#include <libstemmer.h>

namespace jtbd::clustering {

namespace {

// Snowball's English stop-word list (snowballstem.org/algorithms/english/stop.txt), folded.
constexpr std::string_view kEnglishStopWords[] = {
    "i",        "me",      "my",     "myself",   "we",         "our",       "ours",    "ourselves",
    "you",      "your",    "yours",  "yourself", "yourselves", "he",        "him",     "his",
    "himself",  "she",     "her",    "hers",     "herself",    "it",        "its",     "itself",
    "they",     "them",    "their",  "theirs",   "themselves", "what",      "which",   "who",
    "whom",     "this",    "that",   "these",    "those",      "am",        "is",      "are",
    "was",      "were",    "be",     "been",     "being",      "have",      "has",     "had",
    "having",   "do",      "does",   "did",      "doing",      "would",     "should",  "could",
    "ought",    "i'm",     "you're", "he's",     "she's",      "it's",      "we're",   "they're",
    "i've",     "you've",  "we've",  "they've",  "i'd",        "you'd",     "he'd",    "she'd",
    "we'd",     "they'd",  "i'll",   "you'll",   "he'll",      "she'll",    "we'll",   "they'll",
    "isn't",    "aren't",  "wasn't", "weren't",  "hasn't",     "haven't",   "hadn't",  "doesn't",
    "don't",    "didn't",  "won't",  "wouldn't", "shan't",     "shouldn't", "can't",   "cannot",
    "couldn't", "mustn't", "let's",  "that's",   "who's",      "what's",    "here's",  "there's",
    "when's",   "where's", "why's",  "how's",    "a",          "an",        "the",     "and",
    "but",      "if",      "or",     "because",  "as",         "until",     "while",   "of",
    "at",       "by",      "for",    "with",     "about",      "against",   "between", "into",
    "through",  "during",  "before", "after",    "above",      "below",     "to",      "from",
    "up",       "down",    "in",     "out",      "on",         "off",       "over",    "under",
    "again",    "further", "then",   "once",     "here",       "there",     "when",    "where",
    "why",      "how",     "all",    "any",      "both",       "each",      "few",     "more",
    "most",     "other",   "some",   "such",     "no",         "nor",       "not",     "only",
    "own",      "same",    "so",     "than",     "too",        "very",      "s",       "t",
    "can",      "will",    "just",   "don",      "now",        "d",         "ll",      "m",
    "o",        "re",      "ve",     "y"};

// Words of speech that say nothing about the topic: interview quotes are transcribed talk.
constexpr std::string_view kSpokenFillers[] = {
    "said",       "say",      "says",      "saying", "think",    "thought",   "know",
    "knew",       "like",     "just",      "really", "actually", "yeah",      "yes",
    "well",       "oh",       "um",        "uh",     "erm",      "mean",      "kind",
    "sort",       "thing",    "things",    "stuff",  "got",      "get",       "gets",
    "getting",    "go",       "goes",      "going",  "went",     "gone",      "bit",
    "lot",        "lots",     "also",      "even",   "maybe",    "something", "anything",
    "everything", "okay",     "ok",        "right",  "honestly", "basically", "literally",
    "would've",   "could've", "should've", "it'd",   "that'd",   "there'd"};

bool isStopWord(std::string_view word)
{
    static const std::unordered_set<std::string_view> set = [] {
        std::unordered_set<std::string_view> words(std::begin(kEnglishStopWords),
                                                   std::end(kEnglishStopWords));
        words.insert(std::begin(kSpokenFillers), std::end(kSpokenFillers));
        return words;
    }();
    return set.contains(word);
}

// Scripts whose words are not separated by spaces: each letter stands alone.
bool isUnspacedScript(UChar32 c)
{
    UErrorCode status = U_ZERO_ERROR;
    switch (uscript_getScript(c, &status)) {
    case USCRIPT_HAN:
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
    case USCRIPT_THAI:
    case USCRIPT_LAO:
    case USCRIPT_KHMER:
    case USCRIPT_MYANMAR:
        return true;
    default:
        return false;
    }
}

bool isApostrophe(UChar32 c)
{
    return c == U'\'' || c == U'\u2019';
}

class Stemmer
{
public:
    explicit Stemmer(sb_stemmer *stemmer)
        : m_stemmer(stemmer)
    {}

    const std::string &stem(const std::string &word)
    {
        auto found = m_cache.find(word);
        if (found != m_cache.end())
            return found->second;
        const auto *stemmed = sb_stemmer_stem(m_stemmer.get(),
                                              reinterpret_cast<const sb_symbol *>(word.data()),
                                              static_cast<int>(word.size()));
        std::string result =
            stemmed ? std::string(reinterpret_cast<const char *>(stemmed),
                                  static_cast<std::size_t>(sb_stemmer_length(m_stemmer.get())))
                    : word;
        return m_cache.emplace(word, std::move(result)).first->second;
    }

private:
    struct Deleter
    {
        void operator()(sb_stemmer *stemmer) const { sb_stemmer_delete(stemmer); }
    };

    std::unique_ptr<sb_stemmer, Deleter> m_stemmer;
    std::unordered_map<std::string, std::string> m_cache;
};

} // namespace

std::vector<std::string> words(std::string_view utf8)
{
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2 *fold = icu::Normalizer2::getNFKCCasefoldInstance(status);
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(
        icu::StringPiece(utf8.data(), static_cast<std::int32_t>(utf8.size())));
    icu::UnicodeString folded = U_SUCCESS(status) ? fold->normalize(text, status) : text;
    if (U_FAILURE(status))
        folded = text.foldCase();

    std::vector<std::string> list;
    std::string word;
    auto finish = [&] {
        while (!word.empty() && word.back() == '\'')
            word.pop_back();
        if (!word.empty())
            list.push_back(std::move(word));
        word.clear();
    };
    const std::int32_t length = folded.length();
    for (std::int32_t i = 0; i < length;) {
        const UChar32 c = folded.char32At(i);
        i += U16_LENGTH(c);
        if (isWordCharacter(static_cast<char32_t>(c))) {
            if (isUnspacedScript(c)) {
                finish();
                appendUtf8(word, static_cast<char32_t>(c));
                finish();
            } else {
                appendUtf8(word, static_cast<char32_t>(c));
            }
        } else if (isApostrophe(c) && !word.empty() && i < length
                   && isWordCharacter(static_cast<char32_t>(folded.char32At(i)))) {
            word.push_back('\'');
        } else {
            finish();
        }
    }
    finish();
    return list;
}

Result<TextFeatures> textFeatures(std::span<const std::string> texts, const FeatureOptions &options)
{
    sb_stemmer *raw = sb_stemmer_new(options.language.c_str(), "UTF_8");
    if (!raw)
        return makeError(ErrorCode::InvalidArgument,
                         "no stemmer for the language '" + options.language
                             + "': use a Snowball language name such as english, german, french");
    Stemmer stemmer(raw);
    const bool english =
        options.language == "english" || options.language == "en" || options.language == "eng";

    // Terms by stem; for each, how often each surface form was seen (for readable labels).
    std::unordered_map<std::string, std::uint32_t> termIndex;
    std::vector<std::unordered_map<std::string, std::uint32_t>> forms;
    auto termOf = [&](const std::string &stem, const std::string &form) {
        auto [it, added] = termIndex.try_emplace(stem, static_cast<std::uint32_t>(forms.size()));
        if (added)
            forms.emplace_back();
        ++forms[it->second][form];
        return it->second;
    };

    TextFeatures features;
    features.rowStart.reserve(texts.size() + 1);
    features.rowStart.push_back(0);
    std::vector<std::pair<std::uint32_t, float>> row;
    for (const std::string &text : texts) {
        row.clear();
        for (const std::string &word : words(text)) {
            if (english && isStopWord(word))
                continue;
            row.emplace_back(termOf(stemmer.stem(word), word), 1.0F);
        }
        std::sort(row.begin(), row.end());
        for (std::size_t i = 0; i < row.size();) {
            std::size_t j = i;
            while (j < row.size() && row[j].first == row[i].first)
                ++j;
            features.terms.push_back(row[i].first);
            features.weights.push_back(1.0F + std::log(static_cast<float>(j - i)));
            i = j;
        }
        features.rowStart.push_back(static_cast<std::uint32_t>(features.terms.size()));
    }

    features.documentFrequency.assign(forms.size(), 0);
    for (std::uint32_t term : features.terms)
        ++features.documentFrequency[term];
    const auto n = static_cast<float>(texts.size());
    std::vector<float> idf(forms.size());
    for (std::size_t t = 0; t < idf.size(); ++t)
        idf[t] = std::log((1.0F + n) / (1.0F + static_cast<float>(features.documentFrequency[t])))
                 + 1.0F;
    for (std::size_t r = 0; r < features.rows(); ++r) {
        float norm = 0;
        for (std::uint32_t i = features.rowStart[r]; i < features.rowStart[r + 1]; ++i) {
            features.weights[i] *= idf[features.terms[i]];
            norm += features.weights[i] * features.weights[i];
        }
        norm = std::sqrt(norm);
        for (std::uint32_t i = features.rowStart[r]; i < features.rowStart[r + 1]; ++i)
            features.weights[i] /= norm;
    }

    features.termNames.resize(forms.size());
    for (std::size_t t = 0; t < forms.size(); ++t) {
        const auto best =
            std::max_element(forms[t].begin(), forms[t].end(), [](const auto &a, const auto &b) {
                return a.second < b.second || (a.second == b.second && a.first > b.first);
            });
        features.termNames[t] = best->first;
    }
    return features;
}

} // namespace jtbd::clustering
