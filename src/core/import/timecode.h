// One reader for the clock times that every transcript format writes, so they all agree.
#pragma once

#include <cstdint>
#include <string_view>

namespace jtbd {

struct Timecode
{
    enum class Status {
        Ok,
        NotATime,   // the text does not have the shape of a clock time
        OutOfRange, // it has the shape, but a field is too large ("00:61:00")
    };
    Status status = Status::NotATime;
    std::int64_t ms = 0;
    char separator = 0; // '.' or ',' before the milliseconds; 0 when there are none
};

// Reads the whole of `text` (no surrounding spaces) as `h:mm:ss`, `mm:ss` or `m:ss`, each
// optionally followed by '.' or ',' and 1 to 3 digits of milliseconds. Fields need not be padded,
// so old Teams times such as `0:0:6.90` read. The digits after the separator are a whole number
// of milliseconds, not a decimal fraction: Teams writes 6.090 s as `6.90`, and ffmpeg reads SRT
// the same way. Hours may have more than two digits (WebVTT allows it); without hours, minutes
// may pass 59 ("75:10" in a long interview).
Timecode parseTimecode(std::string_view text);

} // namespace jtbd
