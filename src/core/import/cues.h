// What the transcript parsers share: lines and messages, cue blocks and timings (WebVTT, SRT),
// cleaning cue text, finding speakers in it, and merging a speaker's consecutive cues into a turn.
// Header-only because the library's source list is fixed; it is private to import/.
#pragma once

#include "timecode.h"

#include <jtbd/text.h>
#include <jtbd/transcript.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace jtbd::cues {

struct SourceLine
{
    std::size_t number = 0; // 1-based
    std::string_view text;
};

// The lines of decoded text (LF line ends), numbered from 1.
inline std::vector<SourceLine> splitLines(std::string_view text)
{
    std::vector<SourceLine> lines;
    std::size_t pos = 0;
    std::size_t number = 0;
    while (pos <= text.size()) {
        const auto end = text.find('\n', pos);
        lines.push_back(
            {++number,
             text.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos)});
        if (end == std::string_view::npos)
            break;
        pos = end + 1;
    }
    return lines;
}

inline bool isBlank(std::string_view line)
{
    return trim(line).empty();
}

// Runs of non-blank lines: the blank-line-separated blocks of a file. Each is a view of `lines`,
// which must outlive the blocks; viewing rather than copying saves an allocation per block.
inline std::vector<std::span<const SourceLine>> blocksOf(std::span<const SourceLine> lines)
{
    std::vector<std::span<const SourceLine>> blocks;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= lines.size(); ++i) {
        if (i == lines.size() || isBlank(lines[i].text)) {
            if (i > start)
                blocks.push_back(lines.subspan(start, i - start));
            start = i + 1;
        }
    }
    return blocks;
}

// A line as an error message quotes it: trimmed, and cut after 40 bytes on a character boundary.
inline std::string excerpt(std::string_view line)
{
    line = trim(line);
    if (line.size() <= 40)
        return std::string(line);
    auto cut = line.substr(0, 40);
    while (!cut.empty() && (static_cast<unsigned char>(cut.back()) & 0xC0U) == 0x80U)
        cut.remove_suffix(1);
    if (!cut.empty() && static_cast<unsigned char>(cut.back()) >= 0xC0U)
        cut.remove_suffix(1);
    return std::string(cut) + "…";
}

// "1 empty cue", "3 empty cues".
inline std::string counted(std::size_t n, std::string_view one, std::string_view many)
{
    return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

// "(line 9)" for one oddity, "(the first on line 9)" for several.
inline std::string firstAt(std::size_t n, std::size_t line)
{
    return n == 1 ? "(line " + std::to_string(line) + ")"
                  : "(the first on line " + std::to_string(line) + ")";
}

inline bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

inline bool allDigits(std::string_view text)
{
    return !text.empty() && std::all_of(text.begin(), text.end(), isDigit);
}

// The first byte of `text` at or after `from` that is one of `set`, or npos. std::string_view's
// find_first_of calls memchr on `set` once per byte of `text`, which profiles showed to dominate.
inline std::size_t findFirstOf(std::string_view text, std::string_view set, std::size_t from = 0)
{
    for (std::size_t i = from; i < text.size(); ++i) {
        for (const char c : set) {
            if (text[i] == c)
                return i;
        }
    }
    return std::string_view::npos;
}

inline std::string_view trimLeft(std::string_view text)
{
    std::size_t start = 0;
    while (start < text.size() && (text[start] == ' ' || text[start] == '\t'))
        ++start;
    return text.substr(start);
}

// --- Cleaning text ---------------------------------------------------------------------------

inline void appendUtf8(std::string &out, std::uint32_t cp)
{
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// The character references caption files use (WebVTT's own, and the HTML ones subtitle tools
// write into SRT) replaced by their characters. Anything else that starts with '&' is text, as
// "R&D" is.
inline std::string decodeEntities(std::string_view text)
{
    static constexpr std::array<std::pair<std::string_view, std::uint32_t>, 8> named = {{
        {"amp", '&'},
        {"lt", '<'},
        {"gt", '>'},
        {"quot", '"'},
        {"apos", '\''},
        {"nbsp", 0xA0},
        {"lrm", 0x200E},
        {"rlm", 0x200F},
    }};
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        // Text between references is copied in runs, not a byte at a time.
        const auto amp = text.find('&', i);
        out.append(
            text.substr(i, amp == std::string_view::npos ? std::string_view::npos : amp - i));
        if (amp == std::string_view::npos)
            break;
        i = amp;
        const auto semicolon = text.find(';', i + 1);
        if (semicolon == std::string_view::npos || semicolon - i > 10) {
            out += text[i++];
            continue;
        }
        const auto name = text.substr(i + 1, semicolon - i - 1);
        std::optional<std::uint32_t> cp;
        if (name.size() > 1 && name[0] == '#') {
            const bool hex = name[1] == 'x' || name[1] == 'X';
            const auto digits = name.substr(hex ? 2 : 1);
            std::uint32_t value = 0;
            bool valid = !digits.empty();
            for (char c : digits) {
                int digit = -1;
                if (isDigit(c))
                    digit = c - '0';
                else if (hex && c >= 'a' && c <= 'f')
                    digit = c - 'a' + 10;
                else if (hex && c >= 'A' && c <= 'F')
                    digit = c - 'A' + 10;
                if (digit < 0) {
                    valid = false;
                    break;
                }
                value = value * (hex ? 16 : 10) + static_cast<std::uint32_t>(digit);
            }
            if (valid) {
                // A reference to no character (0, a surrogate, past U+10FFFF) becomes U+FFFD, as
                // HTML does, rather than invalid UTF-8.
                const bool character =
                    value != 0 && value <= 0x10FFFF && (value < 0xD800 || value > 0xDFFF);
                cp = character ? value : 0xFFFD;
            }
        } else {
            for (const auto &[entity, value] : named) {
                if (name == entity)
                    cp = value;
            }
        }
        if (!cp) {
            out += text[i++];
            continue;
        }
        appendUtf8(out, *cp);
        i = semicolon + 1;
    }
    return out;
}

// Trimmed, with each run of spaces and tabs as one space: caption lines are wrapped for the
// screen, and removed markup leaves gaps.
inline std::string collapseSpaces(std::string_view text)
{
    text = trim(text);
    // Written into a buffer of the largest size, then cut: appending a byte at a time checks the
    // capacity every time. Trimmed text starts with neither a space nor a tab.
    std::string out(text.size(), '\0');
    std::size_t n = 0;
    bool space = false;
    for (const char c : text) {
        if (c == ' ' || c == '\t') {
            space = true;
            continue;
        }
        if (space)
            out[n++] = ' ';
        space = false;
        out[n++] = c;
    }
    out.resize(n);
    return out;
}

// Cue text as segments hold it: references decoded, spaces collapsed. Most text holds no '&',
// and then decoding would only be another copy.
inline std::string cleanText(std::string_view text)
{
    if (text.find('&') == std::string_view::npos)
        return collapseSpaces(text);
    return collapseSpaces(decodeEntities(text));
}

// A caption line cut where ">>" marks a new speaker in the middle of it (broadcast captions:
// "Yes. >> And you?"). Each piece after the first starts with its ">>".
inline std::vector<std::string> splitAtChevrons(std::string text)
{
    std::vector<std::string> pieces;
    // Searching for " >>" stops at every space; most lines have no ">>" at all.
    if (text.find(">>") == std::string::npos) {
        pieces.push_back(std::move(text));
        return pieces;
    }
    std::size_t from = 0;
    for (auto at = text.find(" >>"); at != std::string::npos; at = text.find(" >>", at + 1)) {
        if (at > from)
            pieces.push_back(text.substr(from, at - from));
        from = at + 1;
    }
    pieces.push_back(text.substr(from));
    return pieces;
}

// `text` with only its suffix `rest` left, in place: toTurns strips marks this way rather than
// copying what follows them.
inline void keepSuffix(std::string &text, std::string_view rest)
{
    text.erase(0, text.size() - rest.size());
}

// --- Speaker labels ----------------------------------------------------------------------------

// Whether a `Name:` prefix in cue text can be a speaker's name: short, no sentence punctuation.
// Names may hold digits (Zoom labels dial-in callers by their number) and abbreviations
// ("Dr. Price"); the recurrence rule in toTurns keeps one-off clauses ("Note: …") out.
inline bool plausibleLabel(std::string_view label)
{
    label = trim(label);
    if (label.empty() || codePointCount(label) > 50)
        return false;
    if (std::count(label.begin(), label.end(), ' ') > 5)
        return false;
    if (findFirstOf(label, "?!;,\"<>[]{}:") != std::string_view::npos || label.back() == '.'
        || label.find("…") != std::string_view::npos)
        return false;
    if (label.front() == '-')
        return false;
    return std::any_of(label.begin(), label.end(), [](char c) {
        const auto b = static_cast<unsigned char>(c);
        return b >= 0x80 || std::isalnum(b) != 0;
    });
}

// Whether `[label]` at the start of a caption is a speaker rather than a sound ("[laughs]",
// "[Music]", "[inaudible 00:12:34]"), which is part of the text.
inline bool plausibleBracketLabel(std::string_view label)
{
    label = trim(label);
    if (!plausibleLabel(label) || std::any_of(label.begin(), label.end(), isDigit))
        return false;
    // Names start with a capital; sounds are mostly written in lower case.
    const auto first = static_cast<unsigned char>(label.front());
    if (first < 0x80 && (first < 'A' || first > 'Z'))
        return false;
    std::string lower(label);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](char c) {
        return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    });
    static constexpr std::string_view sounds[] = {
        "applause",    "background noise", "beep",           "blank_audio",
        "bell",        "chuckles",         "chuckle",        "clears throat",
        "cough",       "coughs",           "coughing",       "crosstalk",
        "cheering",    "foreign",          "inaudible",      "indistinct",
        "laugh",       "laughs",           "laughing",       "laughter",
        "music",       "music playing",    "no audio",       "noise",
        "pause",       "phone rings",      "sighs",          "sigh",
        "silence",     "static",           "unintelligible", "unclear",
        "overlapping", "long pause",       "sniffs",         "door closes",
    };
    return std::find(std::begin(sounds), std::end(sounds), lower) == std::end(sounds);
}

// --- Cue blocks and timings --------------------------------------------------------------------

struct CueSyntax
{
    std::string_view example; // a timing line as the format writes it, for messages
    char separator = '.';     // before the milliseconds: '.' (WebVTT) or ',' (SRT)
    bool webvtt = false;      // NOTE, STYLE and REGION blocks are comments, not cues
};

struct RawCue
{
    std::size_t timingLine = 0;
    std::int64_t startMs = 0;
    std::int64_t endMs = 0;
    std::vector<SourceLine> payload;
};

struct CueFile
{
    std::vector<RawCue> cues;
    std::vector<std::string> warnings;
};

// Whether a line starts like a clock time ("00:01", "0:0:6.90"): a timing that lost its arrow.
inline bool startsLikeTime(std::string_view line)
{
    line = trimLeft(line);
    std::size_t digits = 0;
    while (digits < line.size() && isDigit(line[digits]))
        ++digits;
    return digits > 0 && digits + 1 < line.size() && line[digits] == ':'
           && isDigit(line[digits + 1]);
}

inline bool hasArrow(std::string_view line)
{
    return line.find("-->") != std::string_view::npos;
}

// A cue id that a missing blank line left at the end of the cue before: a number (SRT, Zoom) or
// a GUID with an optional "/12-0" (Teams).
inline bool looksLikeCueId(std::string_view line)
{
    line = trim(line);
    if (allDigits(line))
        return true;
    const auto guid = line.substr(0, line.find('/'));
    return guid.size() >= 32 && std::count(guid.begin(), guid.end(), '-') == 4
           && std::all_of(guid.begin(), guid.end(), [](char c) {
                  return c == '-' || std::isxdigit(static_cast<unsigned char>(c)) != 0;
              });
}

inline Error lineError(std::size_t line, const std::string &message)
{
    return makeError(ErrorCode::BadInput, "line " + std::to_string(line) + ": " + message);
}

inline Error expectedTiming(const SourceLine &line, const CueSyntax &syntax)
{
    return lineError(line.number,
                     "expected a cue timing such as " + std::string(syntax.example) + ", found '"
                         + excerpt(line.text) + "'");
}

struct CueTiming
{
    std::int64_t startMs = 0;
    std::int64_t endMs = 0;
    bool otherSeparator = false; // a time uses the other format's separator ('.' vs ',')
};

// "start --> end", then anything (WebVTT cue settings, SRT coordinates), which is ignored.
inline Result<CueTiming> parseTiming(const SourceLine &line, const CueSyntax &syntax)
{
    const auto arrow = line.text.find("-->");
    if (arrow == std::string_view::npos)
        return expectedTiming(line, syntax);
    const auto startText = trim(line.text.substr(0, arrow));
    auto after = trimLeft(line.text.substr(arrow + 3));
    const auto endText = after.substr(0, findFirstOf(after, " \t"));
    CueTiming timing;
    std::array<std::int64_t *, 2> targets = {&timing.startMs, &timing.endMs};
    std::array<std::string_view, 2> texts = {startText, endText};
    for (std::size_t i = 0; i < 2; ++i) {
        const auto time = parseTimecode(texts[i]);
        if (time.status == Timecode::Status::NotATime)
            return expectedTiming(line, syntax);
        if (time.status == Timecode::Status::OutOfRange)
            return lineError(line.number,
                             "timestamp '" + std::string(texts[i]) + "' is out of range");
        *targets[i] = time.ms;
        if (time.separator != 0 && time.separator != syntax.separator)
            timing.otherSeparator = true;
    }
    if (timing.endMs < timing.startMs)
        return lineError(line.number,
                         "end time " + formatMs(timing.endMs) + " is before start time "
                             + formatMs(timing.startMs));
    return timing;
}

// The cues of `lines` (a WebVTT body after its header, or a whole SRT file). A block is
// `[id] timing payload…` up to a blank line. Blocks that cannot be cues are skipped with a
// warning; a block that clearly meant to be one (a broken timing, a number with no timing after
// it) is an error, because guessing would drop or shift text.
inline Result<CueFile> readCues(std::span<const SourceLine> lines, const CueSyntax &syntax)
{
    CueFile file;
    std::size_t skipped = 0;
    std::size_t firstSkipped = 0;
    std::size_t unseparated = 0;
    std::size_t firstUnseparated = 0;
    std::size_t otherSeparator = 0;
    std::size_t firstOtherSeparator = 0;
    std::size_t overlapping = 0;
    std::size_t firstOverlapping = 0;
    auto note = [](std::size_t &count, std::size_t &first, std::size_t line) {
        if (count++ == 0)
            first = line;
    };
    const auto blocks = blocksOf(lines);
    for (std::size_t b = 0; b < blocks.size(); ++b) {
        auto block = blocks[b];
        if (syntax.webvtt) {
            const auto word = block.front().text.substr(0, findFirstOf(block.front().text, " \t"));
            if (word == "NOTE" || word == "STYLE" || word == "REGION") {
                // A comment cannot hold a timing; one that does lost the blank line before a
                // cue.
                const auto cue = std::find_if(block.begin(), block.end(), [](const auto &line) {
                    return hasArrow(line.text) && startsLikeTime(line.text);
                });
                if (cue == block.end())
                    continue;
                block = block.subspan(static_cast<std::size_t>(cue - block.begin()));
            }
        }
        std::size_t pos = 0;
        if (hasArrow(block[0].text)) {
            pos = 0;
        } else if (block.size() > 1 && hasArrow(block[1].text)) {
            pos = 1; // after the cue id
        } else if (startsLikeTime(block[0].text)) {
            return expectedTiming(block[0], syntax);
        } else if (allDigits(trim(block[0].text))) {
            if (block.size() > 1)
                return expectedTiming(block[1], syntax);
            return lineError(
                block[0].number + 1,
                "expected a cue timing such as " + std::string(syntax.example)
                    + " after cue number " + std::string(trim(block[0].text)) + ", found "
                    + (b + 1 == blocks.size() ? "the end of the file" : "a blank line"));
        } else {
            note(skipped, firstSkipped, block[0].number);
            continue;
        }
        while (pos < block.size()) {
            auto timing = parseTiming(block[pos], syntax);
            if (!timing)
                return timing.error();
            RawCue cue{block[pos].number, timing->startMs, timing->endMs, {}};
            if (timing->otherSeparator)
                note(otherSeparator, firstOtherSeparator, cue.timingLine);
            if (!file.cues.empty() && cue.startMs < file.cues.back().endMs)
                note(overlapping, firstOverlapping, cue.timingLine);
            // A timing line inside the payload starts the next cue: the blank line before it is
            // missing. An id just above it belongs to that cue.
            std::size_t next = pos + 1;
            while (next < block.size()
                   && !(hasArrow(block[next].text) && startsLikeTime(block[next].text)))
                ++next;
            std::size_t payloadEnd = next;
            if (next < block.size()) {
                note(unseparated, firstUnseparated, block[next].number);
                if (next - 1 > pos && looksLikeCueId(block[next - 1].text))
                    payloadEnd = next - 1;
            }
            cue.payload.assign(block.begin() + static_cast<std::ptrdiff_t>(pos + 1),
                               block.begin() + static_cast<std::ptrdiff_t>(payloadEnd));
            file.cues.push_back(std::move(cue));
            pos = next;
        }
    }
    if (skipped > 0)
        file.warnings.push_back(
            "skipped " + counted(skipped, "block that is not a cue", "blocks that are not cues")
            + " " + firstAt(skipped, firstSkipped));
    if (unseparated > 0)
        file.warnings.push_back(
            "read " + counted(unseparated, "cue", "cues") + " with no blank line before "
            + (unseparated == 1 ? "it " : "them ") + firstAt(unseparated, firstUnseparated));
    if (otherSeparator > 0) {
        const std::string used(1, syntax.separator == ',' ? '.' : ',');
        const std::string expected(1, syntax.separator);
        file.warnings.push_back("read " + counted(otherSeparator, "cue timing", "cue timings")
                                + " written with '" + used + "' instead of '" + expected
                                + "' before the milliseconds "
                                + firstAt(otherSeparator, firstOtherSeparator));
    }
    if (overlapping > 0)
        file.warnings.push_back("kept "
                                + counted(overlapping,
                                          "cue that starts before the cue before it ends",
                                          "cues that start before the cue before them ends")
                                + " " + firstAt(overlapping, firstOverlapping));
    return file;
}

// --- Speakers and turns ------------------------------------------------------------------------

// A piece of one cue's text with one voice: a payload line, or part of one where a WebVTT voice
// span begins or ends.
struct Segment
{
    std::size_t cue = 0;              // index into the file's cues
    std::optional<std::string> voice; // named by markup (<v Name>)
    bool lineStart = true;            // begins a payload line, where speaker marks are written
    std::string text;                 // without markup, entities decoded, spaces collapsed
};

struct Turns
{
    std::vector<TurnInput> turns;
    std::vector<std::string> warnings;
};

// Speakers found, then consecutive cues of one speaker merged into one turn. A payload line may
// start with a dialogue dash ("- ", someone else speaks), ">> NAME:" or a bare ">>" (broadcast
// captions: a new speaker, who keeps the floor until the next ">>"), "[Name]" or "Name:". The last
// two count only when the same label starts a line at least twice in the file, so "Note: …" said
// once stays text. A line with no speaker continues the speaker before it in the same cue; a cue
// with none belongs to the unknown speaker.
inline Turns toTurns(const std::vector<RawCue> &cues, std::vector<Segment> segments)
{
    struct Mark
    {
        bool change = false;              // a dash or ">>": the speaker changes here
        std::optional<std::string> named; // ">> NAME:"
        std::string candidate;            // "[Name]" or "Name:", if it recurs
        std::size_t afterCandidate = 0;   // the length of the text after that label
    };

    std::vector<Mark> marks(segments.size());
    std::map<std::string, std::size_t, std::less<>> labelCounts;
    bool chevrons = false;
    for (std::size_t i = 0; i < segments.size(); ++i) {
        auto &segment = segments[i];
        auto &mark = marks[i];
        if (!segment.lineStart)
            continue;
        std::string_view text = segment.text;
        if (text == "-" || text.starts_with("- ")) {
            mark.change = true;
            text = trimLeft(text.substr(1));
        }
        if (segment.voice) {
            keepSuffix(segment.text, text);
            continue;
        }
        if (text.starts_with(">>")) {
            mark.change = true;
            chevrons = true;
            text = trimLeft(text.substr(2));
            const auto colon = text.find(':');
            if (colon != std::string_view::npos
                && (colon + 1 == text.size() || text[colon + 1] == ' ')
                && plausibleLabel(text.substr(0, colon))) {
                mark.named = std::string(trim(text.substr(0, colon)));
                text = trimLeft(text.substr(colon + 1));
            }
        } else if (text.starts_with('[')) {
            const auto close = text.find(']');
            if (close != std::string_view::npos
                && plausibleBracketLabel(text.substr(1, close - 1))) {
                mark.candidate = std::string(trim(text.substr(1, close - 1)));
                mark.afterCandidate = trimLeft(text.substr(close + 1)).size();
            }
        } else if (const auto colon = text.find(':');
                   colon != std::string_view::npos
                   && (colon + 1 == text.size() || text[colon + 1] == ' ')
                   && plausibleLabel(text.substr(0, colon))) {
            mark.candidate = std::string(trim(text.substr(0, colon)));
            mark.afterCandidate = trimLeft(text.substr(colon + 1)).size();
        }
        if (!mark.candidate.empty())
            ++labelCounts[mark.candidate];
        keepSuffix(segment.text, text);
    }

    Turns result;
    std::vector<bool> cueHasText(cues.size(), false);
    const std::string *previousSpeaker = nullptr; // null: unknown
    std::optional<std::size_t> previousCue;
    for (std::size_t i = 0; i < segments.size(); ++i) {
        auto &segment = segments[i];
        const auto &mark = marks[i];
        // Pointers into `segments` and `marks`, which outlive the loop: copying the name for
        // every segment showed in profiles.
        const std::string *speaker = nullptr;
        if (segment.voice) {
            speaker = &*segment.voice;
        } else if (mark.named) {
            speaker = &*mark.named;
        } else if (!mark.candidate.empty() && labelCounts.find(mark.candidate)->second >= 2) {
            speaker = &mark.candidate;
            segment.text.erase(0, segment.text.size() - mark.afterCandidate);
        } else if (!mark.change && (previousCue == segment.cue || chevrons)) {
            speaker = previousSpeaker;
        }
        previousSpeaker = speaker;
        previousCue = segment.cue;
        if (segment.text.empty())
            continue;
        cueHasText[segment.cue] = true;
        const auto &cue = cues[segment.cue];
        const std::string_view label = speaker ? std::string_view(*speaker) : kUnknownSpeaker;
        // A dash or a bare ">>" says someone else speaks, so unknown speakers stay apart.
        const bool sameTurn = !result.turns.empty() && result.turns.back().speaker == label
                              && !(mark.change && !speaker);
        if (sameTurn) {
            auto &turn = result.turns.back();
            turn.text += ' ';
            turn.text += segment.text;
            turn.endMs = std::max(*turn.endMs, cue.endMs);
        } else {
            result.turns.push_back({std::string(label),
                                    SpeakerRole::Unknown,
                                    cue.startMs,
                                    cue.endMs,
                                    std::move(segment.text)});
        }
    }
    std::size_t empty = 0;
    std::size_t firstEmpty = 0;
    for (std::size_t i = 0; i < cues.size(); ++i) {
        if (!cueHasText[i] && empty++ == 0)
            firstEmpty = cues[i].timingLine;
    }
    if (empty > 0 && empty < cues.size())
        result.warnings.push_back("skipped " + counted(empty, "empty cue", "empty cues") + " "
                                  + firstAt(empty, firstEmpty));
    return result;
}

// The parse result of a cue file, or the reason it has no turns.
inline Result<ParsedTranscript> finish(std::string_view format,
                                       const CueSyntax &syntax,
                                       CueFile file,
                                       std::vector<Segment> segments)
{
    if (file.cues.empty())
        return makeError(ErrorCode::BadInput,
                         "the file holds no cues; expected a cue timing such as "
                             + std::string(syntax.example) + " followed by its text");
    auto turns = toTurns(file.cues, std::move(segments));
    if (turns.turns.empty())
        return makeError(ErrorCode::BadInput,
                         file.cues.size() == 1 ? "the file's only cue is empty"
                                               : "all " + std::to_string(file.cues.size())
                                                     + " cues of the file are empty");
    ParsedTranscript parsed;
    parsed.format = std::string(format);
    parsed.turns = std::move(turns.turns);
    parsed.warnings = std::move(file.warnings);
    parsed.warnings.insert(parsed.warnings.end(), turns.warnings.begin(), turns.warnings.end());
    return parsed;
}

} // namespace jtbd::cues
