// SubRip (SRT) transcripts: numbered cues with comma milliseconds, speakers (if any) written into
// the text.
#pragma once

#include <jtbd/transcript.h>

namespace jtbd {

class SrtParser final : public TranscriptParser
{
public:
    std::string_view name() const override { return "srt"; }

    int recognise(std::string_view text) const override;
    Result<ParsedTranscript> parse(std::string_view text) const override;
};

} // namespace jtbd
