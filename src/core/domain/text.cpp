// UTF-8 code-point arithmetic and decoding shared by storage, importers, clustering and exports.
#include <jtbd/text.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace jtbd {

namespace {

bool isContinuation(unsigned char byte)
{
    return (byte & 0xC0U) == 0x80U;
}

} // namespace

std::u32string decodeUtf8(std::string_view utf8)
{
    std::u32string out;
    out.reserve(utf8.size());
    const auto *bytes = reinterpret_cast<const std::uint8_t *>(utf8.data());
    const auto length = static_cast<std::int32_t>(utf8.size());
    std::int32_t i = 0;
    while (i < length) {
        UChar32 c = 0;
        U8_NEXT(bytes, i, length, c);
        out.push_back(c < 0 ? U'\uFFFD' : static_cast<char32_t>(c));
    }
    return out;
}

void appendUtf8(std::string &out, char32_t c)
{
    char buffer[U8_MAX_LENGTH];
    std::int32_t length = 0;
    UBool error = false;
    U8_APPEND(reinterpret_cast<std::uint8_t *>(buffer),
              length,
              U8_MAX_LENGTH,
              static_cast<UChar32>(c),
              error);
    if (!error)
        out.append(buffer, static_cast<std::size_t>(length));
}

std::string encodeUtf8(std::u32string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (char32_t c : text)
        appendUtf8(out, c);
    return out;
}

bool isWordCharacter(char32_t c)
{
    const auto u = static_cast<UChar32>(c);
    return u_hasBinaryProperty(u, UCHAR_ALPHABETIC) || u_isdigit(u)
           || (U_GET_GC_MASK(u) & U_GC_M_MASK) != 0;
}

std::int64_t codePointCount(std::string_view utf8)
{
    std::int64_t count = 0;
    for (char c : utf8)
        count += isContinuation(static_cast<unsigned char>(c)) ? 0 : 1;
    return count;
}

std::optional<std::size_t> byteOffsetOfCodePoint(std::string_view utf8, std::int64_t index)
{
    if (index < 0)
        return std::nullopt;
    std::int64_t seen = 0;
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        if (isContinuation(static_cast<unsigned char>(utf8[i])))
            continue;
        if (seen == index)
            return i;
        ++seen;
    }
    if (seen == index)
        return utf8.size();
    return std::nullopt;
}

std::optional<std::string_view>
codePointSlice(std::string_view utf8, std::int64_t start, std::int64_t end)
{
    if (start > end)
        return std::nullopt;
    const auto from = byteOffsetOfCodePoint(utf8, start);
    if (!from)
        return std::nullopt;
    const auto to = byteOffsetOfCodePoint(utf8.substr(*from), end - start);
    if (!to)
        return std::nullopt;
    return utf8.substr(*from, *to);
}

std::optional<std::size_t> findInvalidUtf8(std::string_view bytes)
{
    std::size_t i = 0;
    while (i < bytes.size()) {
        const auto b = static_cast<unsigned char>(bytes[i]);
        std::size_t length = 0;
        std::uint32_t minimum = 0;
        std::uint32_t cp = 0;
        if (b < 0x80U) {
            ++i;
            continue;
        }
        if ((b & 0xE0U) == 0xC0U) {
            length = 2;
            minimum = 0x80;
            cp = b & 0x1FU;
        } else if ((b & 0xF0U) == 0xE0U) {
            length = 3;
            minimum = 0x800;
            cp = b & 0x0FU;
        } else if ((b & 0xF8U) == 0xF0U) {
            length = 4;
            minimum = 0x10000;
            cp = b & 0x07U;
        } else {
            return i;
        }
        if (i + length > bytes.size())
            return i;
        for (std::size_t k = 1; k < length; ++k) {
            const auto c = static_cast<unsigned char>(bytes[i + k]);
            if (!isContinuation(c))
                return i;
            cp = (cp << 6U) | (c & 0x3FU);
        }
        if (cp < minimum || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += length;
    }
    return std::nullopt;
}

std::int64_t wordCount(std::string_view utf8)
{
    std::int64_t words = 0;
    bool inWord = false;
    for (char c : utf8) {
        const bool space =
            c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
        if (!space && !inWord)
            ++words;
        inWord = !space;
    }
    return words;
}

std::string_view trim(std::string_view text)
{
    const auto isSpace = [](char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    };
    while (!text.empty() && isSpace(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back()))
        text.remove_suffix(1);
    return text;
}

std::string formatMs(std::int64_t ms)
{
    const bool negative = ms < 0;
    if (negative)
        ms = -ms;
    char buffer[40];
    std::snprintf(buffer,
                  sizeof buffer,
                  "%s%02lld:%02lld:%02lld.%03lld",
                  negative ? "-" : "",
                  static_cast<long long>(ms / 3600000),
                  static_cast<long long>(ms / 60000 % 60),
                  static_cast<long long>(ms / 1000 % 60),
                  static_cast<long long>(ms % 1000));
    return buffer;
}

std::string formatTimestamp(std::int64_t ms, bool withHours)
{
    const std::int64_t seconds = std::max<std::int64_t>(ms, 0) / 1000;
    const long long h = seconds / 3600;
    const long long m = seconds / 60 % 60;
    const long long s = seconds % 60;
    char buffer[48];
    if (h > 0 || withHours)
        std::snprintf(buffer, sizeof buffer, "%02lld:%02lld:%02lld", h, m, s);
    else
        std::snprintf(buffer, sizeof buffer, "%02lld:%02lld", m, s);
    return buffer;
}

std::string nowUtc()
{
    const auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm utc{};
    gmtime_r(&now, &utc);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buffer;
}

} // namespace jtbd
