// Transcript parsing: each format is a TranscriptParser that turns a file's text into speaker
// turns. New formats slot in by adding a parser to the list in import/parsers.cpp.
#pragma once

#include <jtbd/model.h>
#include <jtbd/result.h>

#include <string>
#include <string_view>
#include <vector>

namespace jtbd {

struct ParsedTranscript
{
    std::string format; // the parser's name: "txt"…
    std::vector<TurnInput> turns;
    std::vector<std::string> warnings; // oddities that were skipped, counted
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

// Bytes of a text file as UTF-8 with LF line ends: a byte-order mark is dropped, CRLF and CR
// become LF. Text that is not UTF-8 is refused with the line where it goes wrong.
Result<std::string> decodeText(std::string_view bytes);

// Decodes and parses a file's bytes. `format` is a parser's name or "auto" (recognised from the
// content). Errors are prefixed with `sourceName`.
Result<ParsedTranscript>
parseTranscript(std::string_view bytes, std::string_view format, const std::string &sourceName);

} // namespace jtbd
