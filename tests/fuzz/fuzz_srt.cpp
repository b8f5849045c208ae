// Fuzz target: the srt transcript parser.
#include "fuzz_invariants.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    jtbd::fuzz::checkTranscript(data, size, "srt");
    return 0;
}
