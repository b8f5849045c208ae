// Decoding input text and choosing the transcript parser.
#include "plain_text_parser.h"

#include <jtbd/text.h>
#include <jtbd/transcript.h>

#include <algorithm>
#include <cstdio>

namespace jtbd {

const std::vector<const TranscriptParser *> &transcriptParsers()
{
    static const PlainTextParser plainText;
    static const std::vector<const TranscriptParser *> parsers = {&plainText};
    return parsers;
}

Result<std::string> decodeText(std::string_view bytes)
{
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF")
        bytes.remove_prefix(3);
    if (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF")
        return makeError(
            ErrorCode::BadInput,
            "the file is UTF-16 text, which this version cannot read; save it as UTF-8");
    if (auto bad = findInvalidUtf8(bytes)) {
        const auto line =
            1 + std::count(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(*bad), '\n');
        const auto lineStart = bytes.rfind('\n', *bad == 0 ? 0 : *bad - 1);
        const auto column =
            *bad - (lineStart == std::string_view::npos || *bad == 0 ? 0 : lineStart + 1) + 1;
        char hex[8];
        std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(bytes[*bad]));
        return makeError(ErrorCode::BadInput,
                         "line " + std::to_string(line) + ", column " + std::to_string(column)
                             + ": byte " + hex + " is not valid UTF-8; save the file as UTF-8");
    }
    std::string text;
    text.reserve(bytes.size());
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (bytes[i] == '\r') {
            text += '\n';
            if (i + 1 < bytes.size() && bytes[i + 1] == '\n')
                ++i;
        } else {
            text += bytes[i];
        }
    }
    return text;
}

Result<ParsedTranscript>
parseTranscript(std::string_view bytes, std::string_view format, const std::string &sourceName)
{
    auto prefixed = [&](const Error &e) {
        return makeError(e.code, sourceName + ": " + e.message);
    };
    auto text = decodeText(bytes);
    if (!text)
        return prefixed(text.error());
    if (trim(*text).empty())
        return makeError(ErrorCode::BadInput, sourceName + ": the file is empty");
    const TranscriptParser *chosen = nullptr;
    if (format == "auto") {
        int best = 0;
        for (const auto *parser : transcriptParsers()) {
            if (const int score = parser->recognise(*text); score > best) {
                best = score;
                chosen = parser;
            }
        }
        if (!chosen)
            return makeError(ErrorCode::BadInput,
                             sourceName + ": the format of the file is not one this program reads");
    } else {
        for (const auto *parser : transcriptParsers()) {
            if (parser->name() == format)
                chosen = parser;
        }
        if (!chosen)
            return makeError(ErrorCode::InvalidArgument,
                             "unknown transcript format '" + std::string(format) + "'");
    }
    auto parsed = chosen->parse(*text);
    if (!parsed)
        return prefixed(parsed.error());
    return parsed;
}

} // namespace jtbd
