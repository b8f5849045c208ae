// What every parser's output must satisfy, whatever the input: checked by the fuzz targets.
#pragma once

#include <jtbd/text.h>
#include <jtbd/transcript.h>

#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace jtbd::fuzz {

inline void require(bool condition)
{
    if (!condition)
        std::abort();
}

// Parses `data` as `format` and checks the turns: non-empty, valid UTF-8, times in order.
inline void checkTranscript(const std::uint8_t *data, std::size_t size, std::string_view format)
{
    const std::string_view bytes(reinterpret_cast<const char *>(data), size);
    auto parsed = parseTranscript(bytes, format, "fuzz");
    if (!parsed) {
        require(!parsed.error().message.empty());
        return;
    }
    require(!parsed->turns.empty());
    for (const auto &turn : parsed->turns) {
        require(!turn.speaker.empty());
        require(!turn.text.empty());
        require(!findInvalidUtf8(turn.text) && !findInvalidUtf8(turn.speaker));
        require(!turn.startMs || *turn.startMs >= 0);
        require(!(turn.startMs && turn.endMs) || *turn.startMs <= *turn.endMs);
    }
}

} // namespace jtbd::fuzz
