// Fuzz target: the study JSON parser.
#include "fuzz_invariants.h"

#include <jtbd/study_json.h>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    auto snapshot = jtbd::parseStudyJson(text, "fuzz.json");
    if (!snapshot) {
        jtbd::fuzz::require(snapshot.error().code == jtbd::ErrorCode::BadInput);
        return 0;
    }
    for (const auto &record : snapshot->interviews) {
        for (const auto &turn : record.turns)
            jtbd::fuzz::require(!jtbd::findInvalidUtf8(turn.text));
    }
    return 0;
}
