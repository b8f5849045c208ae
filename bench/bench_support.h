// What the benchmarks share: failing loudly on an error they cannot measure past, and the medians
// the budgets are checked against.
#pragma once

#include <jtbd/result.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

namespace jtbd::bench {

using Clock = std::chrono::steady_clock;

// Prints "<program>: message" and exits with 2: an error, not a missed budget (exit 1).
[[noreturn]] inline void die(const std::string &message)
{
    std::cerr << program_invocation_short_name << ": " << message << "\n";
    std::exit(2);
}

// The value of `result`, or die naming `what` failed and why.
template<typename T>
T must(Result<T> result, const std::string &what)
{
    if (!result)
        die(what + ": " + result.error().message);
    if constexpr (!std::is_void_v<T>)
        return std::move(result).value();
}

inline double msSince(Clock::time_point start)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// Timings of repeated runs, in milliseconds.
struct Samples
{
    std::vector<double> ms;

    double median() const
    {
        auto sorted = ms;
        std::sort(sorted.begin(), sorted.end());
        const auto n = sorted.size();
        return n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    double max() const { return *std::max_element(ms.begin(), ms.end()); }

    double min() const { return *std::min_element(ms.begin(), ms.end()); }
};

} // namespace jtbd::bench
