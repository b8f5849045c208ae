// Fuzz target: the webvtt transcript parser.
#include "fuzz_invariants.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    jtbd::fuzz::checkTranscript(data, size, "vtt");
    return 0;
}
