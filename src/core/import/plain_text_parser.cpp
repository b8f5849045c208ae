// The plain-text transcript format.
#include "plain_text_parser.h"

#include "cues.h"
#include "timecode.h"

#include <jtbd/text.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <vector>

namespace jtbd {

namespace {

using cues::SourceLine;

// A line that starts a turn.
struct Header
{
    std::string speaker; // empty for a timestamp-only header
    std::optional<std::int64_t> startMs;
    std::string_view text; // what follows on the same line
    // A header with a time is distinctive enough to start a turn inside a paragraph (text copied
    // without blank lines); "Name: text" starts one only at the start of a paragraph, or on a
    // line of its own in a paragraph of speaker lines (see analyse).
    bool anywhere = false;
    // A bare name, or "Name 0:03" with a single space: prose can look like that, so it counts
    // only when the name recurs as a header or another header names the same speaker.
    bool weak = false;
    bool nameOnly = false; // a bare name: its text must follow on the lines below it
};

struct Entry
{
    SourceLine line;
    std::optional<Header> header;
};

struct Analysis
{
    std::vector<std::vector<Entry>> blocks; // paragraphs without the noise lines
    bool hasSpeakers = false;               // some header names a speaker
};

bool plausibleSpeaker(std::string_view label)
{
    label = trim(label);
    if (label.empty() || label.size() > 60)
        return false;
    // Titles ("Dr. Price") may hold a dot; a question or an exclamation is a sentence.
    if (cues::findFirstOf(label, "?!\"") != std::string_view::npos || label.back() == '.')
        return false;
    if (label.find("://") != std::string_view::npos
        || std::isdigit(static_cast<unsigned char>(label.front())))
        return false;
    // A name, a role or "Speaker 2": a few words without a comma, not a clause.
    return label.find(',') == std::string_view::npos
           && std::count(label.begin(), label.end(), ' ') < 4;
}

std::string outOfRange(std::string_view clock)
{
    return "timestamp '" + std::string(clock) + "' is out of range";
}

// "Name: text", "Name:" or "Name (01:02): text".
std::optional<Header> colonHeader(std::string_view line, std::string &error)
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
            const auto time = parseTimecode(clock);
            if (time.status == Timecode::Status::OutOfRange) {
                error = outOfRange(clock);
                return std::nullopt;
            }
            if (time.status == Timecode::Status::Ok) {
                start = time.ms;
                label = line.substr(0, open);
                rest = line.substr(close + 2);
            }
        }
    }
    if (!plausibleSpeaker(label))
        return std::nullopt;
    if (!rest.empty() && rest.front() != ' ' && rest.front() != '\t')
        return std::nullopt; // "10:30" or "note:this" is text, not a speaker
    Header header;
    header.speaker = std::string(trim(label));
    header.startMs = start;
    header.text = trim(rest);
    header.anywhere = start.has_value();
    return header;
}

// A time such as "1 hour 2 minutes 3 seconds", the accessible form the Teams web viewer writes
// next to each turn: its value and length when `text` starts with one.
struct SpokenTime
{
    std::int64_t ms = 0;
    std::size_t length = 0;
};

std::optional<SpokenTime> spokenTime(std::string_view text)
{
    static constexpr std::array<std::pair<std::string_view, std::int64_t>, 3> units = {{
        {"hour", 3600000},
        {"minute", 60000},
        {"second", 1000},
    }};
    SpokenTime result;
    std::size_t nextUnit = 0;
    bool minutes = false;
    std::size_t i = 0;
    while (true) {
        std::size_t digits = i;
        while (digits < text.size() && cues::isDigit(text[digits]))
            ++digits;
        if (digits == i || digits - i > 4 || digits >= text.size() || text[digits] != ' ')
            return std::nullopt;
        // At most four digits, so this cannot overflow.
        std::int64_t value = 0;
        for (std::size_t k = i; k < digits; ++k)
            value = value * 10 + (text[k] - '0');
        const auto word = text.substr(digits + 1);
        std::size_t unit = nextUnit;
        while (unit < units.size() && !word.starts_with(units[unit].first))
            ++unit;
        if (unit == units.size())
            return std::nullopt;
        std::size_t length = units[unit].first.size();
        if (word.substr(length).starts_with('s'))
            ++length;
        result.ms += value * units[unit].second;
        minutes = minutes || unit == 1;
        nextUnit = unit + 1;
        i = digits + 1 + length;
        if (unit == 2) {
            // "3 seconds" alone could be speech; Teams always says the minutes.
            if (!minutes)
                return std::nullopt;
            result.length = i;
            return result;
        }
        if (i >= text.size() || text[i] != ' ')
            return std::nullopt;
        ++i;
    }
}

// "Paul Murphy 0 minutes 3 seconds": a Teams web-viewer header.
std::optional<Header> teamsHeader(std::string_view line)
{
    // The spoken time ends the line, and ends in its seconds: most lines fail this at once.
    if (!line.ends_with("second") && !line.ends_with("seconds"))
        return std::nullopt;
    for (std::size_t i = 1; i + 1 < line.size(); ++i) {
        if (line[i] != ' ' || !cues::isDigit(line[i + 1]))
            continue;
        const auto time = spokenTime(line.substr(i + 1));
        if (!time || i + 1 + time->length != line.size())
            continue;
        const auto label = trim(line.substr(0, i));
        if (!plausibleSpeaker(label))
            return std::nullopt;
        Header header;
        header.speaker = std::string(label);
        header.startMs = time->ms;
        header.anywhere = true;
        return header;
    }
    return std::nullopt;
}

// "0 minutes 3 seconds0:03": the accessibility text of a Teams web-viewer time, without a name.
bool teamsTimeNoise(std::string_view line)
{
    const auto time = spokenTime(line);
    if (!time)
        return false;
    const auto rest = line.substr(time->length);
    return rest.empty() || parseTimecode(rest).status == Timecode::Status::Ok;
}

// "JV": the initials on a Teams avatar.
bool avatarInitials(std::string_view line)
{
    return !line.empty() && line.size() <= 3 && std::all_of(line.begin(), line.end(), [](char c) {
        return c >= 'A' && c <= 'Z';
    });
}

bool otterFooter(std::string_view line)
{
    // Checked on every line: rule out the rest by the first letter before copying.
    if (line.empty() || (line.front() != 't' && line.front() != 'T'))
        return false;
    std::string lower(line);
    std::transform(lower.begin(), lower.end(), lower.begin(), [](char c) {
        return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    });
    return lower.starts_with("transcribed by") && lower.find("otter.ai") != std::string::npos;
}

// What kind of header `line` is, wherever it stands; whether it counts depends on its place
// (see analyse). Sets `error` for a header whose time is out of range.
std::optional<Header> classify(std::string_view line, std::string &error)
{
    const auto text = trim(line);
    if (text.empty())
        return std::nullopt;
    // "0:21": Otter without speaker names.
    if (const auto time = parseTimecode(text); time.separator == 0) {
        if (time.status == Timecode::Status::OutOfRange) {
            error = outOfRange(text);
            return std::nullopt;
        }
        if (time.status == Timecode::Status::Ok) {
            Header header;
            header.startMs = time.ms;
            header.anywhere = true;
            return header;
        }
    }
    if (auto header = colonHeader(line, error); header || !error.empty())
        return header;
    if (auto header = teamsHeader(text))
        return header;
    // "Name  0:03" (Otter, Teams DOCX): the name, two or more spaces, the start time.
    if (const auto gap = text.find_last_of(" \t"); gap != std::string_view::npos) {
        const auto clock = text.substr(gap + 1);
        const auto time = parseTimecode(clock);
        const auto labelEnd = text.find_last_not_of(" \t", gap);
        const auto label = text.substr(0, labelEnd + 1);
        const auto spacing = text.substr(labelEnd + 1, gap - labelEnd);
        const bool wide = spacing.size() >= 2 || spacing.find('\t') != std::string_view::npos;
        if (time.status != Timecode::Status::NotATime && time.separator == 0
            && label.find(':') == std::string_view::npos && plausibleSpeaker(label)) {
            if (time.status == Timecode::Status::OutOfRange) {
                if (wide)
                    error = outOfRange(clock);
                return std::nullopt;
            }
            Header header;
            header.speaker = std::string(label);
            header.startMs = time.ms;
            header.anywhere = wide;
            header.weak = !wide;
            return header;
        }
    }
    // "Hannah Price": Otter without timestamps. Names start with a capital (or a letter outside
    // ASCII, which this check cannot case).
    const auto first = static_cast<unsigned char>(text.front());
    if (text.find(':') == std::string_view::npos && plausibleSpeaker(text)
        && (first >= 0x80 || (first >= 'A' && first <= 'Z'))) {
        Header header;
        header.speaker = std::string(text);
        header.weak = true;
        header.nameOnly = true;
        return header;
    }
    return std::nullopt;
}

Error lineError(std::size_t line, const std::string &message)
{
    return makeError(ErrorCode::BadInput, "line " + std::to_string(line) + ": " + message);
}

// The paragraphs of a file, without footer and viewer noise, each line marked with the header it
// holds if it counts as one where it stands.
Result<Analysis> analyse(std::string_view file)
{
    const auto lines = cues::splitLines(file);
    // Text copied from the Teams web viewer carries an accessible time ("0 minutes 3 seconds")
    // and the avatar initials of each speaker; those lines are dropped only in such a file,
    // because elsewhere "OK" on its own line is speech.
    const bool teams = std::any_of(lines.begin(), lines.end(), [](const SourceLine &line) {
        const auto text = trim(line.text);
        const auto time = spokenTime(text);
        return teamsHeader(text) || (time && time->length < text.size() && teamsTimeNoise(text));
    });
    std::vector<std::optional<Entry>> entries; // nullopt: a blank line
    for (const auto &line : lines) {
        const auto text = trim(line.text);
        if (text.empty()) {
            entries.emplace_back();
            continue;
        }
        if (otterFooter(text) || (teams && (teamsTimeNoise(text) || avatarInitials(text))))
            continue;
        std::string error;
        auto header = classify(line.text, error);
        if (!error.empty())
            return lineError(line.number, error);
        // The viewer shows the name on its own line above "Name 0 minutes 3 seconds".
        if (teams && header && header->anywhere && !entries.empty() && entries.back()
            && trim(entries.back()->line.text) == header->speaker)
            entries.pop_back();
        entries.push_back(Entry{line, std::move(header)});
    }

    Analysis analysis;
    std::vector<Entry> current;
    for (auto &entry : entries) {
        if (!entry) {
            if (!current.empty())
                analysis.blocks.push_back(std::move(current));
            current.clear();
        } else {
            current.push_back(std::move(*entry));
        }
    }
    if (!current.empty())
        analysis.blocks.push_back(std::move(current));

    // A conversation typed one turn per line has no blank lines: the whole file is one paragraph.
    // There "Name: text" starts a turn inside a paragraph too, when its name heads two or more
    // lines of the file and another such name heads lines of the same paragraph. A lone
    // "Note: the call dropped" in prose stays text, and so does a label that recurs only in prose.
    std::map<std::string, std::size_t, std::less<>> lineNames;
    for (const auto &block : analysis.blocks) {
        for (const auto &entry : block) {
            if (entry.header && !entry.header->weak && !entry.header->speaker.empty())
                ++lineNames[entry.header->speaker];
        }
    }
    auto headsLines = [&](const Header &header) {
        const auto found = lineNames.find(header.speaker);
        return !header.weak && found != lineNames.end() && found->second >= 2;
    };
    std::vector<bool> speakerLines;
    for (const auto &block : analysis.blocks) {
        std::set<std::string_view> names;
        for (const auto &entry : block) {
            if (entry.header && headsLines(*entry.header))
                names.insert(entry.header->speaker);
        }
        speakerLines.push_back(names.size() >= 2);
    }

    // Where a header stands decides whether it counts; a weak one also needs its name to recur.
    auto placed = [&](std::size_t b, std::size_t k) {
        const auto &block = analysis.blocks[b];
        const auto &header = block[k].header;
        return header && (k == 0 || header->anywhere || (speakerLines[b] && headsLines(*header)))
               && !(header->nameOnly && block.size() == 1);
    };
    std::map<std::string, std::size_t, std::less<>> weakNames;
    std::set<std::string, std::less<>> strongNames;
    for (std::size_t b = 0; b < analysis.blocks.size(); ++b) {
        const auto &block = analysis.blocks[b];
        for (std::size_t k = 0; k < block.size(); ++k) {
            if (!placed(b, k))
                continue;
            const auto &header = *block[k].header;
            if (header.weak)
                ++weakNames[header.speaker];
            else if (!header.speaker.empty())
                strongNames.insert(header.speaker);
        }
    }
    auto recurs = [&](const Header &header) {
        return weakNames[header.speaker] >= 2 || strongNames.contains(header.speaker);
    };
    // Otter without timestamps puts a name above every paragraph. In a file laid out like that,
    // a name heading one paragraph only ("Unknown Speaker") is a speaker too.
    std::size_t nameBlocks = 0;
    bool nameRecurs = false;
    for (std::size_t b = 0; b < analysis.blocks.size(); ++b) {
        const auto &block = analysis.blocks[b];
        if (placed(b, 0) && block[0].header->nameOnly) {
            ++nameBlocks;
            nameRecurs = nameRecurs || recurs(*block[0].header);
        }
    }
    const bool nameLayout = nameRecurs && nameBlocks * 2 >= analysis.blocks.size();
    for (std::size_t b = 0; b < analysis.blocks.size(); ++b) {
        auto &block = analysis.blocks[b];
        for (std::size_t k = 0; k < block.size(); ++k) {
            if (!block[k].header)
                continue;
            const auto &header = *block[k].header;
            const bool counts =
                placed(b, k) && (!header.weak || recurs(header) || (header.nameOnly && nameLayout));
            if (!counts)
                block[k].header.reset();
            else if (!header.speaker.empty())
                analysis.hasSpeakers = true;
        }
    }
    return analysis;
}

} // namespace

int PlainTextParser::recognise(std::string_view text) const
{
    const auto analysis = analyse(text);
    if (!analysis)
        return 10; // a header with a bad time: still this format, and parse says what is wrong
    if (analysis->blocks.empty())
        return 0;
    std::size_t matched = 0;
    for (const auto &block : analysis->blocks)
        matched += block.front().header ? 1 : 0;
    return static_cast<int>(10 + 80 * matched / analysis->blocks.size());
}

Result<ParsedTranscript> PlainTextParser::parse(std::string_view text) const
{
    auto analysis = analyse(text);
    if (!analysis)
        return analysis.error();
    ParsedTranscript result;
    result.format = std::string(name());
    std::size_t joined = 0;
    std::size_t firstJoinedLine = 0;
    std::optional<std::int64_t> lastStart;
    std::size_t lastStartLine = 0;
    auto &turns = result.turns;
    // Documents whose turns start with a timed header (Teams, Otter) open with a title, a date and
    // a length. Before "Speaker: text" turns, text without a speaker is an error instead: there it
    // is more likely a turn whose label was forgotten.
    const Entry *firstHeader = nullptr;
    std::size_t preamble = 0;
    for (const auto &block : analysis->blocks) {
        for (const auto &entry : block) {
            if (entry.header && !firstHeader)
                firstHeader = &entry;
            preamble += firstHeader ? 0 : 1;
        }
    }
    const bool skipPreamble =
        analysis->hasSpeakers && preamble > 0 && firstHeader->header->anywhere;
    if (skipPreamble)
        result.warnings.push_back("skipped " + cues::counted(preamble, "line", "lines")
                                  + " before the first speaker, from line "
                                  + std::to_string(analysis->blocks[0][0].line.number) + " ('"
                                  + cues::excerpt(analysis->blocks[0][0].line.text) + "')");
    bool inPreamble = skipPreamble;
    for (const auto &block : analysis->blocks) {
        for (std::size_t k = 0; k < block.size(); ++k) {
            const auto &entry = block[k];
            const auto line = trim(entry.line.text);
            if (&entry == firstHeader)
                inPreamble = false;
            if (inPreamble)
                continue;
            if (entry.header) {
                const auto &header = *entry.header;
                if (header.startMs) {
                    if (lastStart && *header.startMs < *lastStart)
                        return lineError(entry.line.number,
                                         "start time " + formatMs(*header.startMs)
                                             + " is before the start time " + formatMs(*lastStart)
                                             + " of the turn on line "
                                             + std::to_string(lastStartLine));
                    lastStart = header.startMs;
                    lastStartLine = entry.line.number;
                }
                turns.push_back(
                    {header.speaker.empty() ? std::string(kUnknownSpeaker) : header.speaker,
                     SpeakerRole::Unknown,
                     header.startMs,
                     std::nullopt,
                     std::string(header.text)});
            } else if (k > 0) {
                auto &target = turns.back().text;
                if (!target.empty())
                    target += "\n";
                target += line;
            } else if (!turns.empty() && turns.back().text.empty()) {
                // A header alone in its paragraph ("Speaker 1 (00:00):", then a blank line):
                // the paragraph after it is what was said.
                turns.back().text = std::string(line);
            } else if (!analysis->hasSpeakers) {
                // No speaker anywhere in the file: every paragraph is a turn of its own.
                turns.push_back({std::string(kUnknownSpeaker),
                                 SpeakerRole::Unknown,
                                 std::nullopt,
                                 std::nullopt,
                                 std::string(line)});
            } else if (!turns.empty()) {
                // A paragraph without a speaker continues the turn before it.
                turns.back().text += '\n';
                turns.back().text += line;
                if (joined++ == 0)
                    firstJoinedLine = entry.line.number;
            } else {
                return lineError(entry.line.number,
                                 "expected a turn starting with a speaker, such as 'Interviewer: "
                                 "…', but found '"
                                     + cues::excerpt(line) + "'");
            }
        }
    }
    const auto emptyTurns = static_cast<std::size_t>(
        std::count_if(turns.begin(), turns.end(), [](const TurnInput &turn) {
            return turn.text.empty();
        }));
    std::erase_if(turns, [](const TurnInput &turn) {
        return turn.text.empty();
    });
    if (emptyTurns > 0)
        result.warnings.push_back("skipped " + std::to_string(emptyTurns) + " turn"
                                  + (emptyTurns == 1 ? "" : "s") + " with a speaker but no text");
    if (joined > 0)
        result.warnings.push_back(
            "added " + std::to_string(joined) + " paragraph" + (joined == 1 ? "" : "s")
            + " without a speaker label to the turn before (the first on line "
            + std::to_string(firstJoinedLine) + ")");
    if (turns.empty())
        return makeError(ErrorCode::BadInput,
                         "the file holds no turns ('Speaker: text' paragraphs)");
    return result;
}

} // namespace jtbd
