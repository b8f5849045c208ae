// WebVTT transcripts: Zoom (`Name: text` cues), Teams (`<v Name>` voices, old unpadded times) and
// any other caption file that starts with "WEBVTT".
#pragma once

#include <jtbd/transcript.h>

namespace jtbd {

class WebVttParser final : public TranscriptParser
{
public:
    std::string_view name() const override { return "vtt"; }

    int recognise(std::string_view text) const override;
    Result<ParsedTranscript> parse(std::string_view text) const override;
};

} // namespace jtbd
