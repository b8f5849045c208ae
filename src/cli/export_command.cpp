// jtbd export: the report (PDF), the job stories (JSON), the highlights (CSV) and the whole study
// (JSON), any of them in one run.
#include "commands.h"

#include <jtbd/export.h>
#include <jtbd/study_json.h>

#include <iostream>

namespace jtbd::cli {

namespace fs = std::filesystem;

int exportStudy(const ExportRequest &request)
{
    if (request.pdf.empty() && request.jobStories.empty() && request.csv.empty()
        && request.json.empty()) {
        std::cerr << "error: say what to export: --pdf, --job-stories, --csv or --json (each "
                     "followed by the file to write)\nRun 'jtbd export --help' for usage.\n";
        return kUsage;
    }
    auto study = openStudy(request.study);
    if (!study)
        return report(study.error());

    ExportOptions options;
    options.redact = request.redact;
    options.includeMemos = request.includeMemos;
    options.jobIds.assign(request.jobIds.begin(), request.jobIds.end());
    const char *redacted = request.redact ? " (redacted)" : "";

    if (!request.pdf.empty()) {
        if (int code = writePdf(*study, options, request.pdf); code != kSuccess)
            return code;
        std::cout << "Wrote the report" << redacted << " to " << request.pdf.string() << "\n";
    }
    if (!request.jobStories.empty()) {
        if (auto written = writeJobStories(*study, request.jobStories, options); !written)
            return report(written.error());
        std::cout << "Wrote the job stories" << redacted << " to " << request.jobStories.string()
                  << "\n";
    }
    if (!request.csv.empty()) {
        if (auto written = writeHighlightsCsv(*study, request.csv, options); !written)
            return report(written.error());
        std::cout << "Wrote the highlights" << redacted << " to " << request.csv.string() << "\n";
    }
    if (!request.json.empty()) {
        if (request.redact)
            std::cerr << "warning: --redact does not apply to --json: the study JSON is a whole "
                         "copy of the study, real names included, to be imported again\n";
        if (auto written = exportStudyJson(*study, request.json); !written)
            return report(written.error());
        std::cout << "Exported " << request.study.string() << " to " << request.json.string()
                  << "\n";
    }
    return kSuccess;
}

} // namespace jtbd::cli
