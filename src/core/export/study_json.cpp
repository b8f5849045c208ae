// Study JSON export and parsing.
#include "json_codec.h"

#include <jtbd/file_io.h>
#include <jtbd/study_json.h>
#include <jtbd/text.h>

namespace jtbd {

Result<std::string> exportStudyJson(const Study &study)
{
    auto snapshot = study.snapshot();
    if (!snapshot)
        return snapshot.error();
    return json_codec::toJson(*snapshot).dump(2) + "\n";
}

Status exportStudyJson(const Study &study, const std::filesystem::path &out)
{
    auto text = exportStudyJson(study);
    if (!text)
        return text.error();
    return writeFileAtomically(out, *text);
}

Result<StudySnapshot> parseStudyJson(std::string_view text, const std::string &sourceName)
{
    if (auto bad = findInvalidUtf8(text))
        return makeError(ErrorCode::BadInput,
                         sourceName + ": byte " + std::to_string(*bad)
                             + " is not valid UTF-8; JSON must be UTF-8");
    auto json = json_codec::parse(text, sourceName);
    if (!json)
        return json.error();
    try {
        return json_codec::snapshotFromJson(json_codec::Reader(*json, ""));
    } catch (const json_codec::JsonError &e) {
        return makeError(ErrorCode::BadInput, sourceName + ": " + e.path + ": " + e.message);
    }
}

std::string participantsJson(const std::vector<Participant> &participants)
{
    json_codec::Json list = json_codec::Json::array();
    for (const auto &p : participants)
        list.push_back(json_codec::toJson(p));
    return list.dump(2);
}

bool looksLikeStudyJson(std::string_view text)
{
    text = trim(text);
    if (text.substr(0, 3) == "\xEF\xBB\xBF")
        text.remove_prefix(3);
    return !text.empty() && text.front() == '{'
           && text.substr(0, 200).find("\"format\"") != std::string_view::npos;
}

} // namespace jtbd
