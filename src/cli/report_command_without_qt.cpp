// This jtbd was built without Qt (JTBD_BUILD_GUI=OFF): it cannot draw PDFs or diagram images.
#include "commands.h"

#include <iostream>

namespace jtbd::cli {

namespace {

int unavailable(const char *what)
{
    std::cerr << "error: this jtbd was built without Qt (JTBD_BUILD_GUI=OFF), so it cannot draw "
              << what << "; build it with Qt 6 to export one\n";
    return kUsage;
}

} // namespace

int writePdf(const Study &, const ExportOptions &, const std::filesystem::path &)
{
    return unavailable("the PDF report");
}

int writeForcesImage(const Study &, const Scope &, Weighting, const ForcesImage &)
{
    return unavailable("the forces diagram");
}

} // namespace jtbd::cli
