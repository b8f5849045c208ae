// UTF-8 helpers: all offsets in a study are Unicode code points, never bytes or UTF-16 units.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace jtbd {

// Number of code points in valid UTF-8.
std::int64_t codePointCount(std::string_view utf8);

// Byte offset of code point `index` (index may equal the count: the end). nullopt when past the
// end.
std::optional<std::size_t> byteOffsetOfCodePoint(std::string_view utf8, std::int64_t index);

// The code points [start, end) of `utf8`; nullopt when the range is not inside the text.
std::optional<std::string_view>
codePointSlice(std::string_view utf8, std::int64_t start, std::int64_t end);

// Where the first invalid UTF-8 sequence starts (a byte offset), or nullopt when the text is valid.
std::optional<std::size_t> findInvalidUtf8(std::string_view bytes);

// The code points of UTF-8 text; each invalid sequence becomes U+FFFD.
std::u32string decodeUtf8(std::string_view utf8);

// Appends code point `c` as UTF-8; a value that is not a code point (a lone surrogate, past
// U+10FFFF) is left out.
void appendUtf8(std::string &out, char32_t c);

// Code points as UTF-8, leaving out values that are not code points (as appendUtf8).
std::string encodeUtf8(std::u32string_view text);

// Letters, digits and combining marks: the characters a word is made of.
bool isWordCharacter(char32_t c);

// Words as a reader counts them: runs of characters between whitespace.
std::int64_t wordCount(std::string_view utf8);

// Leading and trailing ASCII whitespace removed.
std::string_view trim(std::string_view text);

// "00:01:02.345" for 62345 ms (hours always shown).
std::string formatMs(std::int64_t ms);

// "01:02:03", or "12:34" under an hour, for a time into the recording (whole seconds). With
// `withHours` the hours are always shown ("00:12:34"), as the JSON and CSV write them:
// spreadsheets read "12:34" as a time of day.
std::string formatTimestamp(std::int64_t ms, bool withHours = false);

// "2026-11-22T10:15:00Z": the current time in UTC, to the second.
std::string nowUtc();

} // namespace jtbd
