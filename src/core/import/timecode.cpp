// The clock-time reader shared by the transcript parsers.
#include "timecode.h"

#include <array>
#include <cstddef>

namespace jtbd {

namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

// The digits of `field` as a number when it has between `minDigits` and `maxDigits` of them
// and nothing else; -1 otherwise.
std::int64_t number(std::string_view field, std::size_t minDigits, std::size_t maxDigits)
{
    if (field.size() < minDigits || field.size() > maxDigits)
        return -1;
    std::int64_t value = 0;
    for (char c : field) {
        if (!isDigit(c))
            return -1;
        value = value * 10 + (c - '0');
    }
    return value;
}

} // namespace

Timecode parseTimecode(std::string_view text)
{
    Timecode result;
    std::string_view fraction;
    char separator = 0;
    // A plain loop: find_first_of(".,") calls memchr for every byte, and this runs on every line.
    std::size_t at = 0;
    while (at < text.size() && text[at] != '.' && text[at] != ',')
        ++at;
    if (at < text.size()) {
        separator = text[at];
        fraction = text.substr(at + 1);
        text = text.substr(0, at);
        if (fraction.empty())
            return result;
    }
    std::array<std::string_view, 3> fields;
    std::size_t count = 0;
    while (true) {
        // A plain loop: the fields are a few bytes, shorter than a call to memchr is worth.
        std::size_t colon = 0;
        while (colon < text.size() && text[colon] != ':')
            ++colon;
        if (colon == text.size())
            colon = std::string_view::npos;
        if (count == fields.size())
            return result;
        fields[count++] = text.substr(0, colon);
        if (colon == std::string_view::npos)
            break;
        text.remove_prefix(colon + 1);
    }
    if (count < 2)
        return result;
    const bool hasHours = count == 3;
    // Five digits of hours is eleven years: enough for any recording, small enough not to
    // overflow.
    const std::int64_t hours = hasHours ? number(fields[0], 1, 5) : 0;
    const std::int64_t minutes = number(fields[count - 2], 1, hasHours ? 2 : 3);
    const std::int64_t seconds = number(fields[count - 1], 1, 2);
    const std::int64_t millis = fraction.empty() ? 0 : number(fraction, 1, 3);
    if (hours < 0 || minutes < 0 || seconds < 0 || millis < 0)
        return result;
    result.separator = separator;
    if (seconds > 59 || (hasHours && minutes > 59)) {
        result.status = Timecode::Status::OutOfRange;
        return result;
    }
    result.status = Timecode::Status::Ok;
    result.ms = ((hours * 60 + minutes) * 60 + seconds) * 1000 + millis;
    return result;
}

} // namespace jtbd
