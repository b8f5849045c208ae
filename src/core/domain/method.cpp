// The single table of the method's names, keys, aliases and colours.
#include <jtbd/method.h>

#include <algorithm>
#include <cctype>

namespace jtbd {

namespace {

constexpr std::array<ForceInfo, 4> kForceInfo = {{
    {"push", "F1", "Push of the situation", "Push", "push", "#D9534F", true},
    {"pull", "F2", "Pull of the new solution", "Pull", "pull,magnetism", "#2E8B57", true},
    {"anxiety",
     "F3",
     "Anxiety of the new solution",
     "Anxiety",
     "anxiety,anxieties,friction,anxiety in choice,anxiety in use",
     "#E39B2D",
     false},
    {"habit",
     "F4",
     "Habit of the present",
     "Habit",
     "habit,habits,allegiance,inertia,habit in choice,habit in use",
     "#4A7DB5",
     false},
}};

constexpr std::array<PhaseInfo, 6> kPhaseInfo = {{
    {"first-thought",
     "First thought",
     "",
     "A struggling moment: \"there has to be a better way\"."},
    {"passive-looking",
     "Passive looking",
     "",
     "Aware of the problem, not of solutions; no time invested yet."},
    {"active-looking",
     "Active looking",
     "",
     "Aware of problem and solutions; building and comparing a consideration set."},
    {"deciding", "Deciding", "", "Making trade-offs; often under a deadline."},
    {"first-use", "First use", "Onboarding,Consuming", "The first experience after the purchase."},
    {"ongoing-use", "Ongoing use", "Satisfaction", "Living with it; would they go back?"},
}};

constexpr std::array<EventInfo, 5> kEventInfo = {{
    {"first-thought", "First thought", "Starts passive looking."},
    {"event-1", "Event 1", "Turns passive into active looking."},
    {"event-2", "Event 2", "Turns active looking into deciding; usually a deadline."},
    {"purchase", "Purchase", "Ends deciding and starts first use (the hire)."},
    {"fire", "Fire", "The old way is fired or the product cancelled."},
}};

constexpr std::array<DimensionInfo, 3> kDimensionInfo = {{
    {"functional", "Functional"},
    {"emotional", "Emotional"},
    {"social", "Social"},
}};

constexpr std::array<std::string_view, 7> kCodeKindKeys = {
    "force", "phase", "event", "dimension", "criterion", "concept", "custom"};

bool equalsIgnoreCase(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x))
                      == std::tolower(static_cast<unsigned char>(y));
           });
}

bool inAliasList(std::string_view text, std::string_view aliases)
{
    while (!aliases.empty()) {
        const auto comma = aliases.find(',');
        if (equalsIgnoreCase(text, aliases.substr(0, comma)))
            return true;
        if (comma == std::string_view::npos)
            break;
        aliases.remove_prefix(comma + 1);
    }
    return false;
}

template<typename Enum, typename Table, typename... Fields>
std::optional<Enum> parseFrom(const Table &table, std::string_view text, Fields... fields)
{
    for (std::size_t i = 0; i < table.size(); ++i) {
        if ((equalsIgnoreCase(text, table[i].*fields) || ...))
            return static_cast<Enum>(i);
    }
    return std::nullopt;
}

} // namespace

const ForceInfo &info(Force force)
{
    return kForceInfo.at(static_cast<std::size_t>(force));
}

const PhaseInfo &info(Phase phase)
{
    return kPhaseInfo.at(static_cast<std::size_t>(phase));
}

const EventInfo &info(EventKind kind)
{
    return kEventInfo.at(static_cast<std::size_t>(kind));
}

const DimensionInfo &info(Dimension dimension)
{
    return kDimensionInfo.at(static_cast<std::size_t>(dimension));
}

std::string_view key(Force force)
{
    return info(force).key;
}

std::string_view key(Phase phase)
{
    return info(phase).key;
}

std::string_view key(EventKind kind)
{
    return info(kind).key;
}

std::string_view key(Dimension dimension)
{
    return info(dimension).key;
}

std::string_view key(CodeKind kind)
{
    return kCodeKindKeys.at(static_cast<std::size_t>(kind));
}

std::optional<Force> parseForce(std::string_view text)
{
    if (auto force = parseFrom<Force>(kForceInfo,
                                      text,
                                      &ForceInfo::key,
                                      &ForceInfo::id,
                                      &ForceInfo::name,
                                      &ForceInfo::shortName))
        return force;
    for (std::size_t i = 0; i < kForceInfo.size(); ++i) {
        if (inAliasList(text, kForceInfo[i].aliases))
            return static_cast<Force>(i);
    }
    return std::nullopt;
}

std::optional<Phase> parsePhase(std::string_view text)
{
    if (auto phase = parseFrom<Phase>(kPhaseInfo, text, &PhaseInfo::key, &PhaseInfo::name))
        return phase;
    for (std::size_t i = 0; i < kPhaseInfo.size(); ++i) {
        if (inAliasList(text, kPhaseInfo[i].aliases))
            return static_cast<Phase>(i);
    }
    return std::nullopt;
}

std::optional<EventKind> parseEventKind(std::string_view text)
{
    return parseFrom<EventKind>(kEventInfo, text, &EventInfo::key, &EventInfo::name);
}

std::optional<Dimension> parseDimension(std::string_view text)
{
    return parseFrom<Dimension>(kDimensionInfo, text, &DimensionInfo::key, &DimensionInfo::name);
}

std::optional<CodeKind> parseCodeKind(std::string_view text)
{
    for (std::size_t i = 0; i < kCodeKindKeys.size(); ++i) {
        if (equalsIgnoreCase(text, kCodeKindKeys[i]))
            return static_cast<CodeKind>(i);
    }
    return std::nullopt;
}

std::string codeKey(Force force)
{
    return std::string(key(force));
}

std::string codeKey(Phase phase)
{
    return "phase:" + std::string(key(phase));
}

std::string codeKey(EventKind kind)
{
    return "event:" + std::string(key(kind));
}

std::string codeKey(Dimension dimension)
{
    return "dimension:" + std::string(key(dimension));
}

const std::vector<BuiltinCode> &builtinCodes()
{
    static const std::vector<BuiltinCode> codes = [] {
        std::vector<BuiltinCode> list;
        const std::array<std::string_view, 4> forceShortcuts = {"1", "2", "3", "4"};
        for (Force force : kForces) {
            const auto &f = info(force);
            list.push_back({CodeKind::Force,
                            f.key,
                            f.shortName,
                            f.color,
                            forceShortcuts.at(static_cast<std::size_t>(force)),
                            f.name});
        }
        static const std::array<std::string, 6> phaseKeys = {codeKey(Phase::FirstThought),
                                                             codeKey(Phase::PassiveLooking),
                                                             codeKey(Phase::ActiveLooking),
                                                             codeKey(Phase::Deciding),
                                                             codeKey(Phase::FirstUse),
                                                             codeKey(Phase::OngoingUse)};
        for (Phase phase : kPhases) {
            const auto &p = info(phase);
            list.push_back({CodeKind::Phase,
                            phaseKeys.at(static_cast<std::size_t>(phase)),
                            p.name,
                            "#8E7CC3",
                            "",
                            p.meaning});
        }
        static const std::array<std::string, 5> eventKeys = {codeKey(EventKind::FirstThought),
                                                             codeKey(EventKind::Event1),
                                                             codeKey(EventKind::Event2),
                                                             codeKey(EventKind::Purchase),
                                                             codeKey(EventKind::Fire)};
        for (EventKind kind : kEventKinds) {
            const auto &e = info(kind);
            list.push_back({CodeKind::Event,
                            eventKeys.at(static_cast<std::size_t>(kind)),
                            e.name,
                            "#C27BA0",
                            "",
                            e.meaning});
        }
        static const std::array<std::string, 3> dimensionKeys = {codeKey(Dimension::Functional),
                                                                 codeKey(Dimension::Emotional),
                                                                 codeKey(Dimension::Social)};
        static const std::array<std::string_view, 3> dimensionMeaning = {
            "What has to get done, practically.",
            "How the person wants to feel, or stop feeling.",
            "How the person wants to be seen by others."};
        for (Dimension dimension : kDimensions) {
            const auto i = static_cast<std::size_t>(dimension);
            list.push_back({CodeKind::Dimension,
                            dimensionKeys.at(i),
                            info(dimension).name,
                            "#76A5AF",
                            "",
                            dimensionMeaning.at(i)});
        }
        list.push_back({CodeKind::Criterion,
                        "hire-criterion",
                        "Hire criterion",
                        "#6AA84F",
                        "",
                        "What made them choose the new way."});
        list.push_back({CodeKind::Criterion,
                        "fire-criterion",
                        "Fire criterion",
                        "#CC4125",
                        "",
                        "What made them leave the old way, or would make them leave the new one."});
        list.push_back({CodeKind::Concept,
                        "struggling-moment",
                        "Struggling moment",
                        "#E06666",
                        "",
                        "A concrete moment when the old way failed them."});
        list.push_back({CodeKind::Concept,
                        "alternative-considered",
                        "Alternative considered",
                        "#999999",
                        "",
                        "Anything else that could have done the job, including doing nothing."});
        list.push_back({CodeKind::Concept,
                        "desired-outcome",
                        "Desired outcome",
                        "#3D85C6",
                        "",
                        "The progress they want, in their words: direction, metric, object."});
        return list;
    }();
    return codes;
}

} // namespace jtbd
