// Decoding input text and choosing the transcript parser.
#include "cues.h"
#include "docx_transcript.h"
#include "plain_text_parser.h"
#include "srt_parser.h"
#include "webvtt_parser.h"

#include <jtbd/docx.h>
#include <jtbd/text.h>
#include <jtbd/transcript.h>

#include <algorithm>
#include <array>
#include <cstdio>

namespace jtbd {

namespace {

// Unicode for the bytes 0x80-0x9F of Windows-1252; the rest of the code page is Latin-1. The five
// bytes the code page leaves undefined map to the C1 controls of the same number, as browsers do.
constexpr std::array<std::uint16_t, 32> windows1252High = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

// The length of the valid UTF-8 sequence at `i`, or 0 when there is none.
std::size_t utf8Sequence(std::string_view bytes, std::size_t i)
{
    const auto lead = static_cast<unsigned char>(bytes[i]);
    std::size_t length = 0;
    if (lead < 0x80)
        length = 1;
    else if (lead >= 0xC2 && lead <= 0xDF)
        length = 2;
    else if (lead >= 0xE0 && lead <= 0xEF)
        length = 3;
    else if (lead >= 0xF0 && lead <= 0xF4)
        length = 4;
    if (length == 0 || i + length > bytes.size())
        return 0;
    return findInvalidUtf8(bytes.substr(i, length)) ? 0 : length;
}

// The offset findInvalidUtf8 gives, found faster: that function goes a byte at a time, while
// transcripts are mostly ASCII, so this skips ASCII a block at a time (a loop that only ORs the
// bytes) and leaves each longer sequence to findInvalidUtf8.
std::optional<std::size_t> firstInvalidUtf8(std::string_view bytes)
{
    constexpr std::size_t block = 32;
    std::size_t i = 0;
    while (i < bytes.size()) {
        if (i + block <= bytes.size()) {
            unsigned char high = 0;
            for (std::size_t k = 0; k < block; ++k)
                high |= static_cast<unsigned char>(bytes[i + k]);
            if (high < 0x80) {
                i += block;
                continue;
            }
        }
        const auto lead = static_cast<unsigned char>(bytes[i]);
        if (lead < 0x80) {
            ++i;
            continue;
        }
        // The length the lead byte announces; a byte that cannot lead is checked alone, and
        // fails.
        std::size_t length = 1;
        if ((lead & 0xE0U) == 0xC0U)
            length = 2;
        else if ((lead & 0xF0U) == 0xE0U)
            length = 3;
        else if ((lead & 0xF8U) == 0xF0U)
            length = 4;
        length = std::min(length, bytes.size() - i);
        if (findInvalidUtf8(bytes.substr(i, length)))
            return i;
        i += length;
    }
    return std::nullopt;
}

struct Fallback
{
    std::string text;
    bool mixed = false; // the file also holds valid UTF-8 beyond ASCII
};

// Bytes that are not UTF-8 read as Windows-1252, the code page Windows editors save in. A valid
// UTF-8 sequence stays as it is: such a file is UTF-8 with a few stray bytes (a quote pasted from
// an old document), and reading all of it as Windows-1252 would garble the rest.
Fallback fromWindows1252(std::string_view bytes)
{
    Fallback out;
    out.text.reserve(bytes.size() + bytes.size() / 8);
    std::size_t i = 0;
    while (i < bytes.size()) {
        const auto b = static_cast<unsigned char>(bytes[i]);
        if (b < 0x80) {
            out.text += static_cast<char>(b);
            ++i;
        } else if (const auto length = utf8Sequence(bytes, i); length > 0) {
            out.text.append(bytes.substr(i, length));
            out.mixed = true;
            i += length;
        } else {
            cues::appendUtf8(out.text, b < 0xA0 ? windows1252High[b - 0x80] : b);
            ++i;
        }
    }
    return out;
}

std::string hexByte(unsigned char byte)
{
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", byte);
    return hex;
}

// "line 3, column 10" for a byte offset.
std::string positionOf(std::string_view bytes, std::size_t offset)
{
    const auto before = bytes.substr(0, offset);
    const auto line = 1 + std::count(before.begin(), before.end(), '\n');
    const auto lineStart = before.rfind('\n');
    // Counted in characters, as an editor shows columns; the text before `offset` is valid.
    const auto column =
        codePointCount(before.substr(lineStart == std::string_view::npos ? 0 : lineStart + 1)) + 1;
    return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

Result<std::string> fromUtf16(std::string_view bytes, bool littleEndian)
{
    if (bytes.size() % 2 != 0)
        return makeError(ErrorCode::BadInput,
                         "the UTF-16 text ends in the middle of a character (the file has an odd "
                         "number of bytes); it may be cut short");
    auto unit = [&](std::size_t i) {
        const auto a = static_cast<unsigned char>(bytes[i]);
        const auto b = static_cast<unsigned char>(bytes[i + 1]);
        return static_cast<std::uint32_t>(littleEndian ? a | (b << 8) : (a << 8) | b);
    };
    std::string text;
    text.reserve(bytes.size());
    std::size_t line = 1;
    for (std::size_t i = 0; i < bytes.size(); i += 2) {
        std::uint32_t cp = unit(i);
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 3 < bytes.size()) {
            const auto low = unit(i + 2);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                i += 2;
            }
        }
        if (cp >= 0xD800 && cp <= 0xDFFF) {
            char hex[12];
            std::snprintf(hex, sizeof hex, "0x%04X", cp);
            return makeError(ErrorCode::BadInput,
                             "line " + std::to_string(line) + ": the UTF-16 text holds half of a "
                                 + "character (code unit " + hex + " without its pair); the file "
                                 + "is damaged");
        }
        if (cp == '\n')
            ++line;
        cues::appendUtf8(text, cp);
    }
    return text;
}

// UTF-16 without a byte-order mark shows as a NUL byte beside every ASCII character.
std::optional<bool> looksLikeUtf16(std::string_view bytes)
{
    const auto sample = bytes.substr(0, 4096);
    if (sample.size() < 4 || sample.size() % 2 != 0)
        return std::nullopt;
    std::size_t evenZeros = 0;
    std::size_t oddZeros = 0;
    for (std::size_t i = 0; i < sample.size(); ++i)
        (i % 2 == 0 ? evenZeros : oddZeros) += sample[i] == '\0' ? 1 : 0;
    const auto half = sample.size() / 2;
    if (oddZeros * 10 >= half * 4 && evenZeros * 20 < half)
        return true; // little-endian
    if (evenZeros * 10 >= half * 4 && oddZeros * 20 < half)
        return false;
    return std::nullopt;
}

} // namespace

const std::vector<const TranscriptParser *> &transcriptParsers()
{
    static const PlainTextParser plainText;
    static const WebVttParser webVtt;
    static const SrtParser srt;
    static const std::vector<const TranscriptParser *> parsers = {&plainText, &webVtt, &srt};
    return parsers;
}

Result<DecodedText> decodeText(std::string_view bytes)
{
    auto refuse = [](const std::string &what) {
        return makeError(ErrorCode::BadInput,
                         "the file is " + what
                             + ", not plain text; save the transcript as text (.txt, .vtt or "
                               ".srt) and import that");
    };
    // Files that are not text: say what they are rather than reading them as Windows-1252.
    if (bytes.starts_with("PK\x03\x04"))
        return makeError(
            ErrorCode::BadInput,
            "the file is a ZIP archive, not plain text; a Word document (.docx) is one: "
            "import it with --format auto or docx");
    if (bytes.starts_with("%PDF-"))
        return refuse("a PDF document");
    if (bytes.starts_with("{\\rtf"))
        return refuse("an RTF document");
    if (bytes.starts_with(std::string_view("\xFF\xFE\0\0", 4))
        || bytes.starts_with(std::string_view("\0\0\xFE\xFF", 4)))
        return makeError(ErrorCode::BadInput,
                         "the file is UTF-32 text, which this program cannot read; save it as "
                         "UTF-8");

    DecodedText decoded;
    std::string text;
    if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
        const bool little = bytes[0] == '\xFF';
        auto utf16 = fromUtf16(bytes.substr(2), little);
        if (!utf16)
            return utf16.error();
        text = std::move(*utf16);
        decoded.encoding = little ? "UTF-16LE" : "UTF-16BE";
    } else if (bytes.find('\0') != std::string_view::npos && !bytes.starts_with("\xEF\xBB\xBF")) {
        const auto little = looksLikeUtf16(bytes);
        if (!little)
            return makeError(ErrorCode::BadInput,
                             positionOf(bytes, bytes.find('\0'))
                                 + ": the file holds a NUL byte, so it is not a text file");
        auto utf16 = fromUtf16(bytes, *little);
        if (!utf16)
            return utf16.error();
        text = std::move(*utf16);
        decoded.encoding = *little ? "UTF-16LE" : "UTF-16BE";
        decoded.warnings.push_back("the file has no byte-order mark but looks like "
                                   + decoded.encoding + " text, so it was read as "
                                   + decoded.encoding);
    } else {
        if (bytes.starts_with("\xEF\xBB\xBF"))
            bytes.remove_prefix(3);
        if (const auto bad = firstInvalidUtf8(bytes)) {
            auto fallback = fromWindows1252(bytes);
            text = std::move(fallback.text);
            decoded.encoding = "Windows-1252";
            decoded.warnings.push_back(
                "the file is not valid UTF-8 (" + positionOf(bytes, *bad) + ": byte "
                + hexByte(static_cast<unsigned char>(bytes[*bad])) + "), so "
                + (fallback.mixed ? "the bytes that are not UTF-8 were" : "it was")
                + " read as Windows-1252; check that accented letters and quotes came out "
                  "right");
        } else {
            text = std::string(bytes);
            decoded.encoding = "UTF-8";
        }
    }
    if (text.starts_with("\xEF\xBB\xBF")) // the mark of a UTF-16 file, now in UTF-8
        text.erase(0, 3);
    if (const auto nul = text.find('\0'); nul != std::string::npos)
        return makeError(ErrorCode::BadInput,
                         positionOf(text, nul)
                             + ": the file holds a NUL character, so it is not a text file");

    // Line ends become LF. Files without CR (most) are taken over without another copy; the
    // others are copied a line at a time rather than a byte at a time.
    if (text.find('\r') == std::string::npos) {
        decoded.text = std::move(text);
        return decoded;
    }
    decoded.text.reserve(text.size());
    std::size_t from = 0;
    for (auto cr = text.find('\r'); cr != std::string::npos; cr = text.find('\r', from)) {
        decoded.text.append(text, from, cr - from);
        decoded.text += '\n';
        from = cr + 1;
        if (from < text.size() && text[from] == '\n')
            ++from;
    }
    decoded.text.append(text, from);
    return decoded;
}

Result<ParsedTranscript>
parseTranscript(std::string_view bytes, std::string_view format, const std::string &sourceName)
{
    auto prefixed = [&](const Error &e) {
        return makeError(e.code, sourceName + ": " + e.message);
    };
    // A Word document is a ZIP of XML: its paragraphs are read first, then parsed as the text
    // layout they follow (docx_transcript.h).
    if (format == "docx" || (format == "auto" && isZipArchive(bytes))) {
        auto paragraphs = docxParagraphs(bytes);
        if (!paragraphs)
            return prefixed(paragraphs.error());
        const auto inside = docxTranscriptText(*paragraphs);
        auto parsed = parseTranscript(inside.text, inside.format, sourceName);
        if (!parsed)
            return parsed;
        parsed->format = "docx";
        parsed->warnings.insert(
            parsed->warnings.begin(), inside.warnings.begin(), inside.warnings.end());
        return parsed;
    }
    auto decoded = decodeText(bytes);
    if (!decoded)
        return prefixed(decoded.error());
    const std::string &text = decoded->text;
    if (trim(text).empty())
        return makeError(ErrorCode::BadInput, sourceName + ": the file is empty");
    const TranscriptParser *chosen = nullptr;
    if (format == "auto") {
        int best = 0;
        for (const auto *parser : transcriptParsers()) {
            if (const int score = parser->recognise(text); score > best) {
                best = score;
                chosen = parser;
            }
        }
        if (!chosen)
            return makeError(ErrorCode::BadInput,
                             sourceName + ": the format of the file is not one this program reads");
    } else {
        std::string names;
        for (const auto *parser : transcriptParsers()) {
            if (parser->name() == format)
                chosen = parser;
            names += ", " + std::string(parser->name());
        }
        if (!chosen)
            return makeError(ErrorCode::InvalidArgument,
                             "unknown transcript format '" + std::string(format)
                                 + "'; the formats are auto" + names + ", docx");
    }
    auto parsed = chosen->parse(text);
    if (!parsed)
        return prefixed(parsed.error());
    parsed->warnings.insert(
        parsed->warnings.begin(), decoded->warnings.begin(), decoded->warnings.end());
    return parsed;
}

} // namespace jtbd
