// RFC 4180 CSV reading and writing.
#include <jtbd/csv.h>

#include <algorithm>

namespace jtbd {

namespace {

char chooseDelimiter(std::string_view text)
{
    const auto end = text.find('\n');
    const auto firstLine = text.substr(0, end);
    const auto commas = std::count(firstLine.begin(), firstLine.end(), ',');
    const auto semicolons = std::count(firstLine.begin(), firstLine.end(), ';');
    const auto tabs = std::count(firstLine.begin(), firstLine.end(), '\t');
    if (tabs > commas && tabs >= semicolons)
        return '\t';
    if (semicolons > commas)
        return ';';
    return ',';
}

} // namespace

std::string csvField(std::string_view value)
{
    if (value.find_first_of(",\"\r\n") == std::string_view::npos)
        return std::string(value);
    std::string quoted = "\"";
    for (char c : value) {
        if (c == '"')
            quoted += '"';
        quoted += c;
    }
    quoted += '"';
    return quoted;
}

void appendCsvRow(std::string &out, const std::vector<std::string> &fields)
{
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i > 0)
            out += ',';
        out += csvField(fields[i]);
    }
    out += "\r\n";
}

Result<CsvTable> parseCsv(std::string_view text)
{
    CsvTable table;
    table.delimiter = chooseDelimiter(text);
    std::vector<std::vector<std::string>> records;
    std::vector<std::size_t> recordLines;
    std::vector<std::string> record;
    std::string field;
    std::size_t line = 1;
    std::size_t recordLine = 1;
    std::size_t quoteLine = 0;
    bool quoted = false;    // inside a quoted field
    bool wasQuoted = false; // the current field was quoted and has closed
    auto endField = [&] {
        record.push_back(std::move(field));
        field.clear();
        wasQuoted = false;
    };
    auto endRecord = [&] {
        endField();
        // A line with nothing on it is skipped, as spreadsheets leave them at the end.
        if (!(record.size() == 1 && record[0].empty())) {
            records.push_back(std::move(record));
            recordLines.push_back(recordLine);
        }
        record.clear();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field += '"';
                    ++i;
                } else {
                    quoted = false;
                    wasQuoted = true;
                }
            } else {
                if (c == '\n')
                    ++line;
                field += c;
            }
            continue;
        }
        if (c == '"') {
            if (!field.empty() || wasQuoted)
                return makeError(ErrorCode::BadInput,
                                 "line " + std::to_string(line)
                                     + ": a quote inside a field that does not start with one; "
                                       "write \"\" for a quote "
                                       "inside a quoted field");
            quoted = true;
            quoteLine = line;
        } else if (c == table.delimiter) {
            endField();
        } else if (c == '\r' || c == '\n') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n')
                ++i;
            endRecord();
            ++line;
            recordLine = line;
        } else {
            if (wasQuoted)
                return makeError(ErrorCode::BadInput,
                                 "line " + std::to_string(line)
                                     + ": text after the closing quote of a field");
            field += c;
        }
    }
    if (quoted)
        return makeError(ErrorCode::BadInput,
                         "line " + std::to_string(quoteLine) + ": a quoted field is not closed");
    if (!field.empty() || wasQuoted || !record.empty())
        endRecord();
    if (records.empty())
        return makeError(ErrorCode::BadInput, "the file is empty: expected a header row");
    table.header = std::move(records.front());
    for (std::size_t i = 1; i < records.size(); ++i) {
        if (records[i].size() != table.header.size())
            return makeError(ErrorCode::BadInput,
                             "line " + std::to_string(recordLines[i]) + ": "
                                 + std::to_string(records[i].size())
                                 + (records[i].size() == 1 ? " field" : " fields")
                                 + ", but the header has " + std::to_string(table.header.size()));
        table.rows.push_back(std::move(records[i]));
        table.rowLines.push_back(recordLines[i]);
    }
    return table;
}

} // namespace jtbd
