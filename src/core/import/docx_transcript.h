// The transcript inside a Word export, as text one of the text parsers reads.
#pragma once

#include <string>
#include <vector>

namespace jtbd {

struct DocxTranscriptText
{
    std::string text;
    std::string format; // the parser for `text`: "vtt" or "txt"
    std::vector<std::string> warnings;
};

// Teams' legacy layout (a cue per paragraph: timing, speaker, text) becomes WebVTT. Layouts with a
// "Speaker Name   0:03" line per turn (Teams, Otter) drop the title lines before the first turn
// and become the plain-text header layout. Anything else ("Speaker: text" paragraphs, Rev) is
// already plain text, a paragraph per line.
DocxTranscriptText docxTranscriptText(const std::vector<std::string> &paragraphs);

} // namespace jtbd
