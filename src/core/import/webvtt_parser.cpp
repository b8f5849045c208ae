// The WebVTT transcript format.
#include "webvtt_parser.h"

#include "cues.h"

namespace jtbd {

namespace {

constexpr cues::CueSyntax syntax{"00:00:01.000 --> 00:00:04.000", '.', true};

// The first line that is not blank, or the end.
std::size_t firstContent(const std::vector<cues::SourceLine> &lines)
{
    std::size_t i = 0;
    while (i < lines.size() && cues::isBlank(lines[i].text))
        ++i;
    return i;
}

bool isSignature(std::string_view line)
{
    return line.starts_with("WEBVTT") && (line.size() == 6 || line[6] == ' ' || line[6] == '\t');
}

// A cue's payload as segments: markup removed, a new segment wherever a voice span starts or
// ends. A voice runs to its </v> or, when that is left out, to the end of the cue.
void addSegments(const cues::RawCue &cue, std::size_t index, std::vector<cues::Segment> &out)
{
    std::optional<std::string> voice;
    for (const auto &line : cue.payload) {
        const std::string_view text = line.text;
        std::string pending;
        bool lineStart = true;
        auto flushText = [&](std::string_view source) {
            auto clean = cues::cleanText(source);
            if (clean.empty())
                return;
            if (voice) {
                out.push_back({index, voice, lineStart, std::move(clean)});
            } else {
                for (auto &piece : cues::splitAtChevrons(std::move(clean))) {
                    out.push_back({index, voice, lineStart, std::move(piece)});
                    lineStart = true;
                }
            }
            lineStart = false;
        };
        auto flush = [&] {
            flushText(pending);
            pending.clear();
        };
        // A line without markup is cleaned straight from the file, without gathering it first.
        if (text.find('<') == std::string_view::npos) {
            flushText(text);
            continue;
        }
        std::size_t i = 0;
        while (i < text.size()) {
            if (text[i] != '<') {
                // The text up to the next tag, in one append.
                const auto open = std::min(text.find('<', i), text.size());
                pending.append(text.substr(i, open - i));
                i = open;
                continue;
            }
            const auto close = text.find('>', i);
            if (close == std::string_view::npos) {
                pending += text.substr(i); // a stray '<' is text
                break;
            }
            const auto tag = text.substr(i + 1, close - i - 1);
            i = close + 1;
            if (tag.starts_with('v')
                && (tag.size() == 1 || tag[1] == ' ' || tag[1] == '\t' || tag[1] == '.')) {
                flush();
                // "<v.loud Esme>": classes come before the first space, the name after it.
                const auto space = cues::findFirstOf(tag, " \t");
                auto name = space == std::string_view::npos ? std::string()
                                                            : cues::cleanText(tag.substr(space));
                voice = name.empty() ? std::nullopt : std::optional<std::string>(std::move(name));
            } else if (tag == "/v") {
                flush();
                voice.reset();
            } else if (tag == "rt" || tag.starts_with("rt.")) {
                // Ruby text is a reading aid printed over the base text, not words spoken.
                const auto end = text.find("</rt>", i);
                i = end == std::string_view::npos ? text.size() : end + 5;
            }
            // Every other tag (<i>, <b>, <u>, <c.x>, <lang en>, <ruby>, <00:00:01.500>…) only
            // styles or times the text: dropped.
        }
        flush();
    }
}

} // namespace

int WebVttParser::recognise(std::string_view text) const
{
    const auto lines = cues::splitLines(text);
    const auto first = firstContent(lines);
    return first < lines.size() && isSignature(lines[first].text) ? 100 : 0;
}

Result<ParsedTranscript> WebVttParser::parse(std::string_view text) const
{
    const auto lines = cues::splitLines(text);
    const auto signature = firstContent(lines);
    if (signature == lines.size() || !isSignature(lines[signature].text))
        return cues::lineError(
            signature == lines.size() ? 1 : lines[signature].number,
            "expected 'WEBVTT' at the start of a WebVTT file, found '"
                + cues::excerpt(signature == lines.size() ? "" : lines[signature].text) + "'");
    // The header (metadata such as "Kind: captions") runs to the first blank line. A timing line
    // in it means the blank line was left out; the line above such a timing is its cue id.
    std::size_t body = signature + 1;
    while (body < lines.size() && !cues::isBlank(lines[body].text)
           && !cues::hasArrow(lines[body].text))
        ++body;
    if (body < lines.size() && cues::hasArrow(lines[body].text) && body - 1 > signature)
        --body;
    auto file = cues::readCues(std::span(lines).subspan(body), syntax);
    if (!file)
        return file.error();
    std::vector<cues::Segment> segments;
    for (std::size_t i = 0; i < file->cues.size(); ++i)
        addSegments(file->cues[i], i, segments);
    return cues::finish(name(), syntax, std::move(*file), std::move(segments));
}

} // namespace jtbd
