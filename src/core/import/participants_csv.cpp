// Participants from a spreadsheet: one row each, matched to the study by code.
#include <jtbd/csv.h>
#include <jtbd/text.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>

namespace jtbd {

namespace {

enum class Column {
    Code,
    Name,
    Pseudonym,
    SwitchedFrom,
    SwitchedTo,
    SwitchDate,
    Consent,
    Notes,
    Attribute
};

// "Switched From", "switched_from" and "switched-from" are one column.
std::string normalised(std::string_view header)
{
    std::string out;
    for (char c : trim(header)) {
        if (c == ' ' || c == '-')
            out += '_';
        else
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

Column columnFor(std::string_view header)
{
    static const std::map<std::string, Column> known = {{"code", Column::Code},
                                                        {"participant", Column::Code},
                                                        {"name", Column::Name},
                                                        {"pseudonym", Column::Pseudonym},
                                                        {"switched_from", Column::SwitchedFrom},
                                                        {"switched_to", Column::SwitchedTo},
                                                        {"switch_date", Column::SwitchDate},
                                                        {"consent", Column::Consent},
                                                        {"notes", Column::Notes}};
    const auto found = known.find(normalised(header));
    return found == known.end() ? Column::Attribute : found->second;
}

std::optional<Consent> consentFrom(std::string_view text)
{
    const std::string value = normalised(text);
    if (value == "given" || value == "yes" || value == "y" || value == "true")
        return Consent::Given;
    if (value == "declined" || value == "no" || value == "n" || value == "false")
        return Consent::Declined;
    if (value == "unknown")
        return Consent::Unknown;
    return std::nullopt;
}

} // namespace

Result<ParticipantImport>
importParticipants(Study &study, std::string_view csvBytes, const std::string &sourceName)
{
    auto prefixed = [&](const Error &e) {
        return makeError(e.code, sourceName + ": " + e.message);
    };
    if (csvBytes.substr(0, 3) == "\xEF\xBB\xBF")
        csvBytes.remove_prefix(3);
    if (auto bad = findInvalidUtf8(csvBytes)) {
        const auto line = 1
                          + std::count(csvBytes.begin(),
                                       csvBytes.begin() + static_cast<std::ptrdiff_t>(*bad),
                                       '\n');
        return makeError(ErrorCode::BadInput,
                         sourceName + ": line " + std::to_string(line)
                             + ": the file is not UTF-8; save it as \"CSV UTF-8\"");
    }
    auto table = parseCsv(csvBytes);
    if (!table)
        return prefixed(table.error());
    std::vector<Column> columns;
    std::optional<std::size_t> codeColumn;
    for (std::size_t i = 0; i < table->header.size(); ++i) {
        columns.push_back(columnFor(table->header[i]));
        if (trim(table->header[i]).empty())
            return makeError(ErrorCode::BadInput,
                             sourceName + ": line 1: column " + std::to_string(i + 1)
                                 + " has no name");
        if (columns.back() == Column::Code) {
            if (codeColumn)
                return makeError(ErrorCode::BadInput,
                                 sourceName + ": line 1: two columns hold the participant code");
            codeColumn = i;
        }
    }
    if (!codeColumn)
        return makeError(ErrorCode::BadInput,
                         sourceName
                             + ": line 1: no 'code' column; the participant code (P01…) is how "
                               "rows are matched");

    ParticipantImport result;
    std::map<std::string, std::size_t> seen; // code -> line
    Status status = study.transaction([&]() -> Status {
        for (std::size_t r = 0; r < table->rows.size(); ++r) {
            const auto &row = table->rows[r];
            const std::string where =
                sourceName + ": line " + std::to_string(table->rowLines[r]) + ": ";
            const std::string code(trim(row[*codeColumn]));
            if (code.empty())
                return makeError(ErrorCode::BadInput, where + "the participant code is empty");
            if (const auto [it, fresh] = seen.emplace(code, table->rowLines[r]); !fresh)
                return makeError(ErrorCode::BadInput,
                                 where + "participant " + code + " is on line "
                                     + std::to_string(it->second) + " too");
            auto existing = study.findParticipant(code);
            if (!existing)
                return existing.error();
            Participant p = existing->value_or(Participant{});
            p.code = code;
            for (std::size_t c = 0; c < row.size(); ++c) {
                const std::string value(trim(row[c]));
                if (value.empty())
                    continue; // an empty cell never erases what is stored
                switch (columns[c]) {
                case Column::Code:
                    break;
                case Column::Name:
                    p.name = value;
                    break;
                case Column::Pseudonym:
                    p.pseudonym = value;
                    break;
                case Column::SwitchedFrom:
                    p.switchedFrom = value;
                    break;
                case Column::SwitchedTo:
                    p.switchedTo = value;
                    break;
                case Column::SwitchDate:
                    if (!isPartialDate(value))
                        return makeError(ErrorCode::BadInput,
                                         where + "switch date '" + value
                                             + "' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)");
                    p.switchDate = value;
                    break;
                case Column::Consent: {
                    const auto consent = consentFrom(value);
                    if (!consent)
                        return makeError(ErrorCode::BadInput,
                                         where + "consent '" + value
                                             + "' is not given, declined or unknown (or yes/no)");
                    p.consent = *consent;
                    break;
                }
                case Column::Notes:
                    p.notes = value;
                    break;
                case Column::Attribute: {
                    const std::string key(trim(table->header[c]));
                    auto attribute = std::find_if(
                        p.attributes.begin(), p.attributes.end(), [&](const Attribute &a) {
                            return a.key == key;
                        });
                    if (attribute == p.attributes.end())
                        p.attributes.push_back({key, value});
                    else
                        attribute->value = value;
                    break;
                }
                }
            }
            Status saved;
            if (existing->has_value()) {
                saved = study.updateParticipant(p);
                ++result.updated;
            } else {
                if (auto added = study.addParticipant(p); !added)
                    saved = added.error();
                ++result.added;
            }
            if (!saved)
                return makeError(saved.error().code, where + saved.error().message);
        }
        return {};
    });
    if (!status)
        return status.error();
    return result;
}

} // namespace jtbd
