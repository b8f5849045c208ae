// The four forces tallied over a scope (one interview, one job, the whole study).
#pragma once

#include <jtbd/method.h>
#include <jtbd/model.h>

#include <array>
#include <cstdint>
#include <string>
#include <utility>

namespace jtbd {

// What a summary, a diagram or a report covers.
struct Scope
{
    enum class Kind {
        Study,
        Interview,
        Job,
        Participants // the interviews of participants with one attribute value ("region" = "Wales")
    };

    Kind kind = Kind::Study;
    Id id = 0; // the interview or job; unused for the whole study and for participants
    std::string attributeKey;   // Participants: the attribute's key, matched exactly
    std::string attributeValue; // Participants: the value it must have, matched exactly

    static Scope wholeStudy() { return {Kind::Study, 0, {}, {}}; }

    static Scope interview(Id interviewId) { return {Kind::Interview, interviewId, {}, {}}; }

    static Scope job(Id jobId) { return {Kind::Job, jobId, {}, {}}; }

    static Scope participants(std::string key, std::string value)
    {
        return {Kind::Participants, 0, std::move(key), std::move(value)};
    }

    bool operator==(const Scope &) const = default;
};

// How a force's strength is measured: the summed intensity of its highlights (1–5 each), or the
// number of highlights that show it.
enum class Weighting {
    Intensity,
    Count
};

struct ForceTally
{
    std::int64_t count = 0;     // highlights coded with the force (or a code nested under it)
    std::int64_t intensity = 0; // their summed intensity

    std::int64_t weight(Weighting weighting) const
    {
        return weighting == Weighting::Intensity ? intensity : count;
    }
};

struct ForcesSummary
{
    std::array<ForceTally, 4> tallies{}; // indexed by Force

    const ForceTally &operator[](Force force) const
    {
        return tallies.at(static_cast<std::size_t>(force));
    }

    ForceTally &operator[](Force force) { return tallies.at(static_cast<std::size_t>(force)); }

    // F1 + F2, the forces toward the switch.
    std::int64_t toward(Weighting weighting) const;
    // F3 + F4, the forces against it.
    std::int64_t against(Weighting weighting) const;
    // toward − against: positive when the story's energy favours the switch.
    std::int64_t balance(Weighting weighting) const;
};

} // namespace jtbd
