// Fuzz target: Word documents, from the ZIP package to the turns.
#include "fuzz_invariants.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    jtbd::fuzz::checkTranscript(data, size, "docx");
    return 0;
}
