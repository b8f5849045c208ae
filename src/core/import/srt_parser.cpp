// The SRT transcript format.
#include "srt_parser.h"

#include "cues.h"

namespace jtbd {

namespace {

constexpr cues::CueSyntax syntax{"00:00:01,000 --> 00:00:04,000", ',', false};

// A line of cue text without its styling: HTML-like tags (<i>, <font color="…">) and ASS
// override blocks ({\an8}). A '<' or '{' that does not open one is text.
std::string stripStyling(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        const bool tag = c == '<' && i + 1 < text.size()
                         && (std::isalpha(static_cast<unsigned char>(text[i + 1])) != 0
                             || (text[i + 1] == '/' && i + 2 < text.size()
                                 && std::isalpha(static_cast<unsigned char>(text[i + 2])) != 0));
        const bool ass = c == '{' && i + 1 < text.size() && text[i + 1] == '\\';
        if (tag || ass) {
            const auto close = text.find(tag ? '>' : '}', i);
            if (close != std::string_view::npos) {
                i = close + 1;
                continue;
            }
        }
        // The text up to the next possible tag, in one append.
        const auto next = std::min(cues::findFirstOf(text, "<{", i + 1), text.size());
        out.append(text.substr(i, next - i));
        i = next;
    }
    return out;
}

// Whether the first block of a file is shaped like a cue: a timing on the first line, or a number
// and then something like a timing. The timing need not be valid: the parser says what is wrong.
bool startsWithCue(std::span<const cues::SourceLine> lines)
{
    const auto blocks = cues::blocksOf(lines);
    if (blocks.empty())
        return false;
    const auto &block = blocks.front();
    if (cues::hasArrow(block[0].text) && cues::startsLikeTime(block[0].text))
        return true;
    return block.size() > 1 && cues::allDigits(trim(block[0].text))
           && cues::startsLikeTime(block[1].text);
}

} // namespace

int SrtParser::recognise(std::string_view text) const
{
    // SRT has no signature: a file whose first block is a cue is taken as SRT. WebVTT files say
    // "WEBVTT" first and score higher.
    return startsWithCue(cues::splitLines(text)) ? 90 : 0;
}

Result<ParsedTranscript> SrtParser::parse(std::string_view text) const
{
    const auto lines = cues::splitLines(text);
    auto file = cues::readCues(lines, syntax);
    if (!file)
        return file.error();
    std::vector<cues::Segment> segments;
    for (std::size_t i = 0; i < file->cues.size(); ++i) {
        for (const auto &line : file->cues[i].payload) {
            auto clean = cues::cleanText(stripStyling(line.text));
            if (clean.empty())
                continue;
            for (auto &piece : cues::splitAtChevrons(std::move(clean)))
                segments.push_back({i, std::nullopt, true, std::move(piece)});
        }
    }
    return cues::finish(name(), syntax, std::move(*file), std::move(segments));
}

} // namespace jtbd
