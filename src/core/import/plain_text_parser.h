// Plain-text transcripts: "Speaker: text" turns separated by blank lines, with an optional start
// time after the speaker ("Speaker (01:02):" as Rev writes it); Otter's "Speaker  0:03" header
// lines (also timestamp-only or speaker-only), text copied out of the Teams web viewer, and bare
// paragraphs with no speaker at all.
#pragma once

#include <jtbd/transcript.h>

namespace jtbd {

class PlainTextParser final : public TranscriptParser
{
public:
    std::string_view name() const override { return "txt"; }

    int recognise(std::string_view text) const override;
    Result<ParsedTranscript> parse(std::string_view text) const override;
};

} // namespace jtbd
