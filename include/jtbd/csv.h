// Reading and writing spreadsheets saved as CSV (RFC 4180), and importing participants from one.
#pragma once

#include <jtbd/study.h>

#include <string>
#include <string_view>
#include <vector>

namespace jtbd {

struct CsvTable
{
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
    std::vector<std::size_t> rowLines; // the line each row starts on, for messages
    char delimiter = ',';
};

// Parses UTF-8 CSV: fields in double quotes may hold the delimiter, line breaks and "" for a quote;
// CRLF or LF ends a record. The delimiter is ',' unless the header has more ';' or tabs (as
// spreadsheets in some locales write). Errors name the line: "line 7: a quoted field is not
// closed".
Result<CsvTable> parseCsv(std::string_view text);

// A field as RFC 4180 writes it: in double quotes, with quotes doubled, when it holds a comma, a
// quote or a line break; otherwise as it is. Values are never altered: a field that starts with
// "=" or "-" stays the words written (see docs/file-format.md on spreadsheets).
std::string csvField(std::string_view value);

// Appends one record: the fields quoted as csvField does, separated by commas, ended by CRLF.
void appendCsvRow(std::string &out, const std::vector<std::string> &fields);

struct ParticipantImport
{
    int added = 0;
    int updated = 0;
};

// Adds or updates participants by their code from a CSV table with a `code` column. The columns
// name, pseudonym, switched_from, switched_to, switch_date, consent and notes fill those fields
// (headers match case-insensitively, with spaces or underscores); every other column becomes an
// attribute. An empty cell never erases what is stored. One transaction: a bad row means no change.
Result<ParticipantImport>
importParticipants(Study &study, std::string_view csvBytes, const std::string &sourceName);

} // namespace jtbd
