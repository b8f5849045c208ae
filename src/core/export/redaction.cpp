// Replacing participants' real names in the texts of a redacted export.
#include <jtbd/export.h>
#include <jtbd/text.h>

#include <algorithm>
#include <map>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

namespace jtbd {

namespace {

char32_t fold(char32_t c)
{
    return static_cast<char32_t>(u_foldCase(static_cast<UChar32>(c), U_FOLD_CASE_DEFAULT));
}

std::u32string folded(std::u32string_view text)
{
    std::u32string out;
    out.reserve(text.size());
    for (char32_t c : text)
        out.push_back(fold(c));
    return out;
}

std::u32string upper(std::u32string_view text)
{
    std::u32string out;
    out.reserve(text.size());
    for (char32_t c : text)
        out.push_back(static_cast<char32_t>(u_toupper(static_cast<UChar32>(c))));
    return out;
}

bool isLetter(char32_t c)
{
    return u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_ALPHABETIC);
}

bool isSpace(char32_t c)
{
    return u_isUWhiteSpace(static_cast<UChar32>(c));
}

bool hasCase(char32_t c)
{
    const auto u = static_cast<UChar32>(c);
    return u_toupper(u) != u_tolower(u);
}

// Scripts without case whose words are not set apart by spaces (or, for Hangul, take their
// particles attached): a name in them is found anywhere in the text.
bool isUnspacedScript(char32_t c)
{
    UErrorCode status = U_ZERO_ERROR;
    switch (uscript_getScript(static_cast<UChar32>(c), &status)) {
    case USCRIPT_HAN:
    case USCRIPT_HIRAGANA:
    case USCRIPT_KATAKANA:
    case USCRIPT_HANGUL:
    case USCRIPT_THAI:
    case USCRIPT_LAO:
    case USCRIPT_KHMER:
    case USCRIPT_MYANMAR:
    case USCRIPT_TIBETAN:
        return true;
    default:
        return false;
    }
}

bool inUnspacedScript(std::u32string_view text)
{
    return std::any_of(text.begin(), text.end(), isUnspacedScript);
}

int letterCount(std::u32string_view text)
{
    return static_cast<int>(std::count_if(text.begin(), text.end(), isLetter));
}

// The parts of a name: its words, and the pieces of hyphenated words ("Anne-Marie" gives
// "Anne-Marie", "Anne" and "Marie").
std::vector<std::u32string> nameParts(std::u32string_view name)
{
    std::vector<std::u32string> words;
    std::u32string word;
    for (char32_t c : name) {
        if (isSpace(c)) {
            if (!word.empty())
                words.push_back(std::move(word));
            word.clear();
        } else {
            word.push_back(c);
        }
    }
    if (!word.empty())
        words.push_back(std::move(word));

    std::vector<std::u32string> parts;
    for (const auto &w : words) {
        parts.push_back(w);
        std::u32string piece;
        for (char32_t c : w) {
            if (c == U'-' || c == U'\u2010') {
                if (piece.size() != w.size())
                    parts.push_back(piece);
                piece.clear();
            } else {
                piece.push_back(c);
            }
        }
        if (!piece.empty() && piece.size() != w.size())
            parts.push_back(piece);
    }
    return parts;
}

// A part as it is written in running text: with its capital, the rest as in the name unless the
// name was stored all in one case ("PRICE" or "price" read as "Price").
std::u32string capitalised(std::u32string part)
{
    bool anyLower = false;
    bool anyUpper = false;
    for (char32_t c : part) {
        anyLower = anyLower || u_islower(static_cast<UChar32>(c));
        anyUpper = anyUpper || u_isupper(static_cast<UChar32>(c));
    }
    if (!(anyLower && anyUpper)) {
        for (std::size_t i = 1; i < part.size(); ++i)
            part[i] = static_cast<char32_t>(u_tolower(static_cast<UChar32>(part[i])));
    }
    if (!part.empty())
        part[0] = static_cast<char32_t>(u_toupper(static_cast<UChar32>(part[0])));
    return part;
}

std::u32string trimmed(std::u32string_view text)
{
    std::size_t begin = 0;
    std::size_t end = text.size();
    while (begin < end && isSpace(text[begin]))
        ++begin;
    while (end > begin && isSpace(text[end - 1]))
        --end;
    return std::u32string(text.substr(begin, end - begin));
}

} // namespace

Redactor::Redactor(const std::vector<Participant> &participants)
{
    // Names that several participants share ("Sam") name each of them: "[Robin or Huw]".
    std::map<std::pair<bool, std::u32string>, std::size_t> seen;
    std::vector<std::vector<std::string>> labels;
    const auto addOne = [&](Name name, const std::string &label) {
        const auto key = std::make_pair(name.wholeName, name.wholeName ? name.folded : name.text);
        if (auto found = seen.find(key); found != seen.end()) {
            auto &list = labels[found->second];
            if (std::find(list.begin(), list.end(), label) == list.end())
                list.push_back(label);
            return;
        }
        seen.emplace(key, m_names.size());
        labels.push_back({label});
        m_names.push_back(std::move(name));
    };
    // "O'Brien" is also typed "O’Brien": both apostrophes are searched for.
    const auto add = [&](const Name &name, const std::string &label) {
        addOne(name, label);
        for (const auto &[from, to] : {std::pair{U'\'', U'\u2019'}, std::pair{U'\u2019', U'\''}}) {
            if (name.text.find(from) == std::u32string::npos)
                continue;
            Name other = name;
            for (auto *text : {&other.text, &other.folded, &other.upper})
                std::replace(text->begin(), text->end(), from, to);
            addOne(std::move(other), label);
        }
    };

    for (const auto &participant : participants) {
        const std::u32string whole = trimmed(decodeUtf8(participant.name));
        if (letterCount(whole) == 0)
            continue;
        const std::string label = !participant.pseudonym.empty() ? participant.pseudonym
                                  : !participant.code.empty()    ? participant.code
                                                                 : std::string("participant");
        const bool caseless = inUnspacedScript(whole);
        const auto parts = nameParts(whole);
        // The whole name in any case; a one-word name is only a part (its case matters).
        if (parts.size() > 1 || caseless) {
            Name name;
            name.text = whole;
            name.folded = folded(whole);
            name.wholeName = true;
            name.needsWordBounds = !caseless;
            add(name, label);
        }
        for (const auto &part : parts) {
            if (letterCount(part) < 2)
                continue; // an initial ("J.") is too short to find safely
            Name name;
            name.needsWordBounds = !inUnspacedScript(part);
            name.text = name.needsWordBounds ? capitalised(part) : part;
            name.folded = folded(name.text);
            name.upper = upper(name.text);
            add(name, label);
        }
    }

    for (std::size_t i = 0; i < m_names.size(); ++i) {
        std::string replacement = "[";
        for (std::size_t k = 0; k < labels[i].size(); ++k)
            replacement += (k > 0 ? " or " : "") + labels[i][k];
        m_names[i].replacement = replacement + "]";
    }
    std::stable_sort(m_names.begin(), m_names.end(), [](const Name &a, const Name &b) {
        if (a.text.size() != b.text.size())
            return a.text.size() > b.text.size();
        return a.wholeName && !b.wholeName;
    });
    for (std::size_t i = 0; i < m_names.size(); ++i)
        m_byFirstLetter[m_names[i].folded.front()].push_back(i);
}

std::string Redactor::apply(std::string_view text) const
{
    if (m_names.empty() || text.empty())
        return std::string(text);
    const std::u32string t = decodeUtf8(text);
    const std::size_t n = t.size();

    // How many code points of `t` from `at` the name covers, or 0 when it does not match there.
    const auto matchAt = [&](const Name &name, std::size_t at) -> std::size_t {
        if (name.needsWordBounds && at > 0 && isWordCharacter(t[at - 1]))
            return 0;
        std::size_t j = at;
        if (name.wholeName) {
            for (std::size_t k = 0; k < name.folded.size(); ++k) {
                const char32_t p = name.folded[k];
                if (isSpace(p)) {
                    if (k > 0 && isSpace(name.folded[k - 1]))
                        continue; // a run of spaces in the name is one gap
                    // Scripts without word spaces often write the name without its space.
                    if ((j >= n || !isSpace(t[j])) && name.needsWordBounds)
                        return 0;
                    while (j < n && isSpace(t[j]))
                        ++j;
                } else {
                    if (j >= n || fold(t[j]) != p)
                        return 0;
                    ++j;
                }
            }
        } else {
            const std::size_t length = name.text.size();
            if (n - at < length)
                return 0;
            const char32_t first = name.text.front();
            if (hasCase(first)) {
                const auto c = static_cast<UChar32>(t[at]);
                if (static_cast<UChar32>(u_toupper(static_cast<UChar32>(first))) != c
                    && u_totitle(static_cast<UChar32>(first)) != c)
                    return 0;
            } else if (t[at] != first) {
                return 0;
            }
            const std::u32string_view rest(t.data() + at + 1, length - 1);
            if (rest != std::u32string_view(name.text).substr(1)
                && rest != std::u32string_view(name.upper).substr(1))
                return 0;
            j = at + length;
        }
        if (name.needsWordBounds && j < n && isWordCharacter(t[j]))
            return 0;
        return j - at;
    };

    std::u32string out;
    out.reserve(n);
    std::size_t i = 0;
    while (i < n) {
        std::size_t matched = 0;
        const Name *which = nullptr;
        if (const auto found = m_byFirstLetter.find(fold(t[i])); found != m_byFirstLetter.end()) {
            for (std::size_t index : found->second) {
                if (const std::size_t length = matchAt(m_names[index], i); length > 0) {
                    matched = length;
                    which = &m_names[index];
                    break;
                }
            }
        }
        if (which == nullptr) {
            out.push_back(t[i]);
            ++i;
            continue;
        }
        out += decodeUtf8(which->replacement);
        i += matched;
    }
    return encodeUtf8(out);
}

} // namespace jtbd
