// jtbd participants: list them, or import them from a spreadsheet.
#include "commands.h"

#include <jtbd/csv.h>
#include <jtbd/file_io.h>
#include <jtbd/study.h>
#include <jtbd/study_json.h>

#include <cstdio>
#include <iostream>

namespace jtbd::cli {

int importParticipants(const std::filesystem::path &path, const std::filesystem::path &csv)
{
    auto study = openStudy(path);
    if (!study)
        return report(study.error());
    auto bytes = readFile(csv);
    if (!bytes)
        return report(bytes.error());
    auto imported = jtbd::importParticipants(*study, *bytes, csv.string());
    if (!imported)
        return report(imported.error());
    std::cout << "Imported participants from " << csv.string() << ": " << imported->added
              << " added, " << imported->updated << " updated\n";
    return kSuccess;
}

int listParticipants(const std::filesystem::path &path, bool json)
{
    auto study = openStudy(path);
    if (!study)
        return report(study.error());
    auto list = study->participants();
    if (!list)
        return report(list.error());
    if (json) {
        std::cout << participantsJson(*list) << "\n";
        return kSuccess;
    }
    if (list->empty()) {
        std::printf("No participants yet.\n");
        return kSuccess;
    }
    for (const auto &p : *list) {
        std::printf("%-6s %-22s %-12s", p.code.c_str(), p.name.c_str(), p.pseudonym.c_str());
        for (const auto &a : p.attributes)
            std::printf("  %s=%s", a.key.c_str(), a.value.c_str());
        std::printf("\n");
    }
    return kSuccess;
}

} // namespace jtbd::cli
