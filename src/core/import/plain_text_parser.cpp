// The plain-text transcript format.
#include "plain_text_parser.h"

#include <jtbd/text.h>

#include <algorithm>
#include <cctype>
#include <optional>

namespace jtbd {

namespace {

struct Line
{
    std::size_t number; // 1-based
    std::string_view text;
};

struct SpeakerLine
{
    std::string speaker;
    std::optional<std::int64_t> startMs;
    std::string_view text; // what follows the colon on the same line
};

// Parses "m:ss", "mm:ss" or "h:mm:ss"; throws nothing, reports through `error`.
std::optional<std::int64_t> parseClock(std::string_view clock, std::string &error)
{
    std::vector<int> parts;
    std::size_t i = 0;
    while (i <= clock.size()) {
        const auto colon = clock.find(':', i);
        const auto part =
            clock.substr(i, colon == std::string_view::npos ? std::string_view::npos : colon - i);
        if (part.empty() || part.size() > 2 || !std::all_of(part.begin(), part.end(), [](char c) {
                return std::isdigit(static_cast<unsigned char>(c)) != 0;
            }))
            return std::nullopt;
        parts.push_back(std::stoi(std::string(part)));
        if (colon == std::string_view::npos)
            break;
        i = colon + 1;
    }
    if (parts.size() < 2 || parts.size() > 3)
        return std::nullopt;
    const int seconds = parts.back();
    const int minutes = parts[parts.size() - 2];
    const int hours = parts.size() == 3 ? parts[0] : 0;
    // Without hours, minutes may run past 59 (a 75-minute interview as "75:10").
    if (seconds > 59 || (parts.size() == 3 && minutes > 59)) {
        error = "timestamp '" + std::string(clock) + "' is out of range";
        return std::nullopt;
    }
    return ((static_cast<std::int64_t>(hours) * 60 + minutes) * 60 + seconds) * 1000;
}

bool plausibleSpeaker(std::string_view label)
{
    label = trim(label);
    if (label.empty() || label.size() > 60)
        return false;
    // Titles ("Dr. Price") may hold a dot; a question or an exclamation is a sentence.
    if (label.find_first_of("?!\"") != std::string_view::npos || label.back() == '.')
        return false;
    if (label.find("://") != std::string_view::npos
        || std::isdigit(static_cast<unsigned char>(label.front())))
        return false;
    // A name, a role or "Speaker 2": a few words without a comma, not a clause.
    return label.find(',') == std::string_view::npos
           && std::count(label.begin(), label.end(), ' ') < 4;
}

// "Name: text", "Name:" or "Name (01:02): text".
std::optional<SpeakerLine> speakerLine(std::string_view line, std::string &error)
{
    const auto colon = line.find(':');
    if (colon == std::string_view::npos)
        return std::nullopt;
    std::string_view label = line.substr(0, colon);
    std::string_view rest = line.substr(colon + 1);
    std::optional<std::int64_t> start;
    // A time in brackets holds colons of its own: "Name (01:02:03): text".
    if (const auto open = line.find(" ("); open != std::string_view::npos && open < colon) {
        const auto close = line.find("):", open);
        if (close != std::string_view::npos) {
            const auto clock = line.substr(open + 2, close - open - 2);
            std::string clockError;
            start = parseClock(clock, clockError);
            if (!clockError.empty()) {
                error = clockError;
                return std::nullopt;
            }
            if (start) {
                label = line.substr(0, open);
                rest = line.substr(close + 2);
            }
        }
    }
    if (!plausibleSpeaker(label))
        return std::nullopt;
    if (!rest.empty() && rest.front() != ' ' && rest.front() != '\t')
        return std::nullopt; // "10:30" or "note:this" is text, not a speaker
    return SpeakerLine{std::string(trim(label)), start, trim(rest)};
}

std::vector<std::vector<Line>> blocks(std::string_view text)
{
    std::vector<std::vector<Line>> result;
    std::vector<Line> current;
    std::size_t number = 0;
    std::size_t pos = 0;
    while (pos <= text.size()) {
        const auto end = text.find('\n', pos);
        const auto line =
            text.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos);
        ++number;
        if (trim(line).empty()) {
            if (!current.empty())
                result.push_back(std::move(current));
            current.clear();
        } else {
            current.push_back({number, line});
        }
        if (end == std::string_view::npos)
            break;
        pos = end + 1;
    }
    if (!current.empty())
        result.push_back(std::move(current));
    return result;
}

std::string excerpt(std::string_view line)
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

} // namespace

int PlainTextParser::recognise(std::string_view text) const
{
    const auto all = blocks(text);
    if (all.empty())
        return 0;
    std::size_t matched = 0;
    std::string ignored;
    for (const auto &block : all)
        matched += speakerLine(block.front().text, ignored) ? 1 : 0;
    return static_cast<int>(10 + 80 * matched / all.size());
}

Result<ParsedTranscript> PlainTextParser::parse(std::string_view text) const
{
    ParsedTranscript result;
    result.format = std::string(name());
    std::size_t emptyTurns = 0;
    std::size_t joined = 0;
    std::size_t firstJoinedLine = 0;
    std::optional<std::int64_t> lastStart;
    std::size_t lastStartLine = 0;
    for (const auto &block : blocks(text)) {
        std::string error;
        auto head = speakerLine(block.front().text, error);
        const std::string where = "line " + std::to_string(block.front().number) + ": ";
        if (!error.empty())
            return makeError(ErrorCode::BadInput, where + error);
        std::string body;
        if (head) {
            body = std::string(head->text);
        } else if (!result.turns.empty()) {
            // A paragraph without a speaker continues the turn before it.
            result.turns.back().text += "\n" + std::string(trim(block.front().text));
            if (joined++ == 0)
                firstJoinedLine = block.front().number;
        } else {
            return makeError(ErrorCode::BadInput,
                             where
                                 + "expected a turn starting with a speaker, such as 'Interviewer: "
                                   "…', but found '"
                                 + excerpt(block.front().text) + "'");
        }
        for (std::size_t i = 1; i < block.size(); ++i) {
            auto &target = head ? body : result.turns.back().text;
            if (!target.empty())
                target += "\n";
            target += std::string(trim(block[i].text));
        }
        if (!head)
            continue;
        if (head->startMs) {
            if (lastStart && *head->startMs < *lastStart)
                return makeError(ErrorCode::BadInput,
                                 where + "start time " + formatMs(*head->startMs)
                                     + " is before the start time " + formatMs(*lastStart)
                                     + " of the turn on line " + std::to_string(lastStartLine));
            lastStart = head->startMs;
            lastStartLine = block.front().number;
        }
        if (body.empty()) {
            ++emptyTurns;
            continue;
        }
        result.turns.push_back(
            {head->speaker, SpeakerRole::Unknown, head->startMs, std::nullopt, std::move(body)});
    }
    if (emptyTurns > 0)
        result.warnings.push_back("skipped " + std::to_string(emptyTurns) + " turn"
                                  + (emptyTurns == 1 ? "" : "s") + " with a speaker but no text");
    if (joined > 0)
        result.warnings.push_back(
            "added " + std::to_string(joined) + " paragraph" + (joined == 1 ? "" : "s")
            + " without a speaker label to the turn before (the first on line "
            + std::to_string(firstJoinedLine) + ")");
    if (result.turns.empty())
        return makeError(ErrorCode::BadInput,
                         "the file holds no turns ('Speaker: text' paragraphs)");
    return result;
}

} // namespace jtbd
