// jtbd search.
#include "commands.h"

namespace jtbd::cli {

int search(const std::filesystem::path &, const SearchOptions &)
{
    return report(makeError(ErrorCode::Internal, "search is not built yet"));
}

} // namespace jtbd::cli
