// Fuzz target: the CSV reader.
#include "fuzz_invariants.h"

#include <jtbd/csv.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    auto table = jtbd::parseCsv(text);
    if (!table)
        return 0;
    // Every row has as many fields as the header, and knows the line it started on.
    jtbd::fuzz::require(table->rows.size() == table->rowLines.size());
    for (std::size_t i = 0; i < table->rows.size(); ++i) {
        jtbd::fuzz::require(table->rows[i].size() == table->header.size());
        jtbd::fuzz::require(table->rowLines[i] >= 2);
    }
    return 0;
}
