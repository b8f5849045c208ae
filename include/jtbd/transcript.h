// Transcript parsing: each format is a TranscriptParser that turns a file's text into speaker
// turns. New formats slot in by adding a parser to the list in import/parsers.cpp.
#pragma once

#include <jtbd/model.h>
#include <jtbd/result.h>

#include <string>
#include <string_view>
#include <vector>

namespace jtbd {

// The speaker of turns whose file names no one: it could be either side of the conversation.
inline constexpr std::string_view kUnknownSpeaker = "Unknown speaker";

struct ParsedTranscript
{
    std::string format; // the parser's name: "txt", "vtt" or "srt"
    std::vector<TurnInput> turns;
    std::vector<std::string> warnings; // oddities skipped or guessed at, counted
};

class TranscriptParser
{
public:
    virtual ~TranscriptParser() = default;
    // Short name used by --format and stored as the interview's source format.
    virtual std::string_view name() const = 0;
    // How sure the parser is that `text` is its format: 0 (not at all) to 100.
    virtual int recognise(std::string_view text) const = 0;
    // Parses decoded text (UTF-8, LF line ends). Errors say "line N: …".
    virtual Result<ParsedTranscript> parse(std::string_view text) const = 0;
};

// Every transcript format the program reads.
const std::vector<const TranscriptParser *> &transcriptParsers();

struct DecodedText
{
    std::string text;                  // UTF-8, LF line ends, no byte-order mark
    std::string encoding;              // what the bytes were read as: "UTF-8", "UTF-16LE",
                                       // "UTF-16BE" or "Windows-1252"
    std::vector<std::string> warnings; // a guess that was made, such as the encoding
};

// Bytes of a text file as UTF-8 with LF line ends. A UTF-8 byte-order mark is dropped; UTF-16
// with a byte-order mark (or, with a warning, without one) is converted; CRLF and CR become LF.
// Bytes that are not valid UTF-8 are read as Windows-1252, with a warning that says so. Refused:
// damaged UTF-16, UTF-32, NUL bytes, and documents that are not text (DOCX, PDF, RTF).
Result<DecodedText> decodeText(std::string_view bytes);

// Decodes and parses a file's bytes. `format` is a parser's name or "auto" (recognised from the
// content). Errors are prefixed with `sourceName`; the decoding warnings come first in the
// result's warnings.
Result<ParsedTranscript>
parseTranscript(std::string_view bytes, std::string_view format, const std::string &sourceName);

} // namespace jtbd
