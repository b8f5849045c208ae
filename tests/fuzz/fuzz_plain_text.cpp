// Fuzz target: the plain_text transcript parser.
#include "fuzz_invariants.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    jtbd::fuzz::checkTranscript(data, size, "txt");
    return 0;
}
