// jtbd search: full-text search over every turn of a study, as text blocks or JSON.
#include "commands.h"

#include <jtbd/search.h>
#include <jtbd/study.h>
#include <jtbd/text.h>

#include <climits>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

namespace jtbd::cli {

namespace {

// hh:mm:ss into the recording; seconds are enough to find the place.
std::string clock(std::int64_t ms)
{
    const std::int64_t seconds = ms / 1000;
    char buffer[32];
    std::snprintf(buffer,
                  sizeof buffer,
                  "%02lld:%02lld:%02lld",
                  static_cast<long long>(seconds / 3600),
                  static_cast<long long>(seconds / 60 % 60),
                  static_cast<long long>(seconds % 60));
    return buffer;
}

// The options as a SearchQuery; the code key and the attribute are resolved here.
Result<SearchQuery> toQuery(const Study &study, const SearchOptions &options)
{
    SearchQuery query;
    query.text = options.query;
    query.limit = options.limit;
    query.participantCode = options.participant;
    if (options.interviewId)
        query.interviewId = *options.interviewId;
    if (!options.attribute.empty()) {
        const auto equals = options.attribute.find('=');
        const auto key = trim(std::string_view(options.attribute).substr(0, equals));
        if (equals == std::string::npos || key.empty())
            return makeError(ErrorCode::InvalidArgument,
                             "--attribute takes KEY=VALUE, such as: --attribute \"business=Sole "
                             "trader\"");
        query.attribute =
            Attribute{std::string(key), std::string(trim(options.attribute.substr(equals + 1)))};
    }
    if (!options.role.empty()) {
        query.role = parseSpeakerRole(options.role);
        if (!query.role)
            return makeError(ErrorCode::InvalidArgument,
                             "--role takes interviewer or participant, not '" + options.role + "'");
    }
    if (!options.code.empty()) {
        auto code = study.findCode(options.code);
        if (!code)
            return code.error();
        if (!*code)
            return makeError(ErrorCode::NotFound,
                             "there is no code with the key '" + options.code
                                 + "' (keys look like push, anxiety or phase:deciding)");
        query.codeId = (*code)->id;
    }
    return query;
}

} // namespace

int search(const std::filesystem::path &path, const SearchOptions &options)
{
    auto study = openStudy(path);
    if (!study)
        return report(study.error());
    auto query = toQuery(*study, options);
    if (!query)
        return report(query.error());
    // One more than is shown, to tell whether there are more.
    query->limit = options.limit < INT_MAX ? options.limit + 1 : options.limit;
    auto hits = study->search(*query);
    if (!hits)
        return report(hits.error());
    const bool more = static_cast<int>(hits->size()) > options.limit;
    if (more)
        hits->resize(static_cast<std::size_t>(options.limit));

    if (options.json) {
        nlohmann::ordered_json out = nlohmann::ordered_json::array();
        for (const auto &hit : *hits)
            out.push_back({{"interview_id", hit.interviewId},
                           {"interview_title", hit.interviewTitle},
                           {"participant_code", hit.participantCode},
                           {"turn_id", hit.turnId},
                           {"speaker", hit.speaker},
                           {"role", key(hit.role)},
                           {"start_ms",
                            hit.startMs ? nlohmann::ordered_json(*hit.startMs)
                                        : nlohmann::ordered_json(nullptr)},
                           {"start", hit.start},
                           {"end", hit.end},
                           {"snippet", hit.snippet},
                           {"score", hit.score}});
        std::cout << out.dump(2) << "\n";
        return kSuccess;
    }

    if (hits->empty()) {
        std::cout << "No turns match.\n";
        return kSuccess;
    }
    bool first = true;
    for (const auto &hit : *hits) {
        if (!first)
            std::cout << "\n";
        first = false;
        std::cout << "Interview " << hit.interviewId << " ("
                  << (hit.participantCode.empty() ? "no participant" : hit.participantCode)
                  << "): " << hit.interviewTitle << "\n";
        std::cout << "  " << hit.speaker;
        if (hit.role != SpeakerRole::Unknown)
            std::cout << " (" << key(hit.role) << ")";
        if (hit.startMs)
            std::cout << " at " << clock(*hit.startMs);
        std::cout << "\n  " << hit.snippet << "\n";
    }
    if (more)
        std::cout << "\nMore turns match; the best " << options.limit
                  << (options.limit == 1 ? " is" : " are") << " shown. --limit N shows more.\n";
    return kSuccess;
}

} // namespace jtbd::cli
