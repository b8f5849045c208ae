// The JTBD method's vocabulary: forces, timeline phases, events and dimensions, with their keys,
// display names and aliases in one table (see docs/user-guide.md for the method itself).
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jtbd {

// The four forces of progress. F1 + F2 pull toward the switch, F3 + F4 hold it back.
enum class Force {
    Push,
    Pull,
    Anxiety,
    Habit
};

// The six phases of the switch timeline, in order.
enum class Phase {
    FirstThought,
    PassiveLooking,
    ActiveLooking,
    Deciding,
    FirstUse,
    OngoingUse
};

// The points in time between phases; Fire is the mirror of Purchase.
enum class EventKind {
    FirstThought,
    Event1,
    Event2,
    Purchase,
    Fire
};

enum class Dimension {
    Functional,
    Emotional,
    Social
};

// What a code in the codebook stands for. Everything but Custom is built in.
enum class CodeKind {
    Force,
    Phase,
    Event,
    Dimension,
    Criterion,
    Concept,
    Custom
};

inline constexpr std::array kForces = {Force::Push, Force::Pull, Force::Anxiety, Force::Habit};
inline constexpr std::array kPhases = {Phase::FirstThought,
                                       Phase::PassiveLooking,
                                       Phase::ActiveLooking,
                                       Phase::Deciding,
                                       Phase::FirstUse,
                                       Phase::OngoingUse};
inline constexpr std::array kEventKinds = {EventKind::FirstThought,
                                           EventKind::Event1,
                                           EventKind::Event2,
                                           EventKind::Purchase,
                                           EventKind::Fire};
inline constexpr std::array kDimensions = {
    Dimension::Functional, Dimension::Emotional, Dimension::Social};

struct ForceInfo
{
    std::string_view key;       // "push": the code key and the name in JSON and on the command line
    std::string_view id;        // "F1"
    std::string_view name;      // "Push of the situation"
    std::string_view shortName; // "Push"
    std::string_view aliases;   // older or other authors' names, comma separated
    std::string_view color;     // #RRGGBB
    bool towardSwitch;          // F1, F2: true; F3, F4: false
};

struct PhaseInfo
{
    std::string_view key;     // "first-thought"
    std::string_view name;    // "First thought"
    std::string_view aliases; // "Onboarding, Consuming" for First use
    std::string_view meaning;
};

struct EventInfo
{
    std::string_view key;  // "event-1"
    std::string_view name; // "Event 1"
    std::string_view meaning;
};

struct DimensionInfo
{
    std::string_view key;
    std::string_view name;
};

const ForceInfo &info(Force force);
const PhaseInfo &info(Phase phase);
const EventInfo &info(EventKind kind);
const DimensionInfo &info(Dimension dimension);

std::string_view key(Force force);
std::string_view key(Phase phase);
std::string_view key(EventKind kind);
std::string_view key(Dimension dimension);
std::string_view key(CodeKind kind);

// Parsing accepts the key, the display name and the aliases, case-insensitively.
std::optional<Force> parseForce(std::string_view text);
std::optional<Phase> parsePhase(std::string_view text);
std::optional<EventKind> parseEventKind(std::string_view text);
std::optional<Dimension> parseDimension(std::string_view text);
std::optional<CodeKind> parseCodeKind(std::string_view text);

// The built-in codebook: every code a new study starts with, in display order.
struct BuiltinCode
{
    CodeKind kind;
    std::string_view key; // "push", "phase:first-thought", "event:event-1", "hire-criterion"…
    std::string_view name;
    std::string_view color;
    std::string_view shortcut;
    std::string_view description;
};

const std::vector<BuiltinCode> &builtinCodes();

// The code key of a force, phase, event or dimension in the built-in codebook.
std::string codeKey(Force force);
std::string codeKey(Phase phase);
std::string codeKey(EventKind kind);
std::string codeKey(Dimension dimension);

} // namespace jtbd
