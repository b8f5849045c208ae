// Statements to cluster, read from a CSV or TSV file.
#include <jtbd/clustering.h>
#include <jtbd/csv.h>
#include <jtbd/text.h>

#include <algorithm>
#include <map>
#include <optional>

namespace jtbd {

namespace {

std::string columnList(const std::vector<std::string> &header)
{
    std::string list;
    for (const std::string &name : header)
        list += (list.empty() ? "" : ", ") + name;
    return list;
}

Result<std::size_t>
findColumn(const CsvTable &table, const std::string &name, const std::string &sourceName)
{
    const auto found = std::find(table.header.begin(), table.header.end(), name);
    if (found == table.header.end())
        return makeError(ErrorCode::InvalidArgument,
                         sourceName + " has no column '" + name
                             + "'; its columns are: " + columnList(table.header));
    return static_cast<std::size_t>(found - table.header.begin());
}

// Tab-separated values as IANA's text/tab-separated-values defines them: one record per line,
// fields split at tabs, no quoting (a quote is an ordinary character).
CsvTable parseTsv(std::string_view text)
{
    CsvTable table;
    table.delimiter = '\t';
    std::size_t line = 0;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view record = text.substr(start, end - start);
        if (!record.empty() && record.back() == '\r')
            record.remove_suffix(1);
        ++line;
        start = end + 1;
        if (record.empty())
            continue;
        std::vector<std::string> fields;
        std::size_t from = 0;
        for (;;) {
            const std::size_t tab = record.find('\t', from);
            fields.emplace_back(
                record.substr(from, tab == std::string_view::npos ? tab : tab - from));
            if (tab == std::string_view::npos)
                break;
            from = tab + 1;
        }
        if (table.header.empty()) {
            table.header = std::move(fields);
        } else {
            table.rows.push_back(std::move(fields));
            table.rowLines.push_back(line);
        }
    }
    return table;
}

bool looksTabSeparated(std::string_view bytes, const std::string &sourceName)
{
    if (sourceName.ends_with(".tsv") || sourceName.ends_with(".tab"))
        return true;
    const std::string_view header = bytes.substr(0, bytes.find('\n'));
    return header.find('\t') != std::string_view::npos
           && header.find('"') == std::string_view::npos;
}

} // namespace

std::vector<int> StatementTable::labelNumbers() const
{
    std::map<std::string, int> numbers;
    std::vector<int> result;
    result.reserve(labels.size());
    for (const std::string &label : labels)
        result.push_back(
            numbers.try_emplace(label, static_cast<int>(numbers.size())).first->second);
    return result;
}

Result<StatementTable> readStatements(std::string_view bytes,
                                      const std::string &sourceName,
                                      const std::string &textColumn,
                                      const std::string &labelColumn)
{
    if (const auto bad = findInvalidUtf8(bytes)) {
        const auto line =
            1 + std::count(bytes.begin(), bytes.begin() + static_cast<long>(*bad), '\n');
        return makeError(ErrorCode::BadInput,
                         sourceName + ": line " + std::to_string(line)
                             + ": the text is not UTF-8; save the file as UTF-8 and try again");
    }
    Result<CsvTable> table =
        looksTabSeparated(bytes, sourceName) ? Result<CsvTable>(parseTsv(bytes)) : parseCsv(bytes);
    if (!table)
        return makeError(table.error().code, sourceName + ": " + table.error().message);
    if (table->header.empty())
        return makeError(ErrorCode::BadInput,
                         sourceName + ": the file is empty: expected a header row");

    std::size_t textIndex = 0;
    if (!textColumn.empty()) {
        auto found = findColumn(*table, textColumn, sourceName);
        if (!found)
            return found.error();
        textIndex = *found;
    } else if (const auto named = std::find(table->header.begin(), table->header.end(), "text");
               named != table->header.end()) {
        textIndex = static_cast<std::size_t>(named - table->header.begin());
    } else {
        // The column with the longest values: statements are longer than ids and labels.
        std::vector<std::size_t> length(table->header.size(), 0);
        for (const auto &row : table->rows)
            for (std::size_t c = 0; c < row.size() && c < length.size(); ++c)
                length[c] += row[c].size();
        textIndex = static_cast<std::size_t>(std::max_element(length.begin(), length.end())
                                             - length.begin());
    }
    std::optional<std::size_t> labelIndex;
    if (!labelColumn.empty()) {
        auto found = findColumn(*table, labelColumn, sourceName);
        if (!found)
            return found.error();
        labelIndex = *found;
    }

    StatementTable statements;
    statements.textColumn = table->header.at(textIndex);
    for (std::size_t r = 0; r < table->rows.size(); ++r) {
        const auto &row = table->rows[r];
        const std::size_t needed = std::max(textIndex, labelIndex.value_or(0)) + 1;
        if (row.size() < needed)
            return makeError(ErrorCode::BadInput,
                             sourceName + ": line " + std::to_string(table->rowLines.at(r))
                                 + ": the row has " + std::to_string(row.size())
                                 + " fields, too few for the column '"
                                 + table->header.at(needed - 1) + "'");
        statements.texts.push_back(row[textIndex]);
        if (labelIndex)
            statements.labels.push_back(row[*labelIndex]);
        statements.lines.push_back(table->rowLines.at(r));
    }
    return statements;
}

} // namespace jtbd
