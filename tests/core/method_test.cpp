// The method's vocabulary: names, aliases and the built-in codebook.
#include <jtbd/method.h>

#include <gtest/gtest.h>
#include <set>

namespace jtbd {

TEST(Method, ForcesParseFromKeysIdsNamesAndAliases)
{
    EXPECT_EQ(parseForce("push"), Force::Push);
    EXPECT_EQ(parseForce("F2"), Force::Pull);
    EXPECT_EQ(parseForce("Anxiety of the new solution"), Force::Anxiety);
    EXPECT_EQ(parseForce("inertia"), Force::Habit);    // Maurya
    EXPECT_EQ(parseForce("Allegiance"), Force::Habit); // older material
    EXPECT_EQ(parseForce("friction"), Force::Anxiety);
    EXPECT_EQ(parseForce("shove"), std::nullopt);
}

TEST(Method, ForcesPointTowardOrAgainstTheSwitch)
{
    EXPECT_TRUE(info(Force::Push).towardSwitch);
    EXPECT_TRUE(info(Force::Pull).towardSwitch);
    EXPECT_FALSE(info(Force::Anxiety).towardSwitch);
    EXPECT_FALSE(info(Force::Habit).towardSwitch);
    EXPECT_EQ(info(Force::Habit).id, "F4");
}

TEST(Method, PhasesKeepTheirOlderLabelsAsAliases)
{
    EXPECT_EQ(parsePhase("Onboarding"), Phase::FirstUse);
    EXPECT_EQ(parsePhase("consuming"), Phase::FirstUse);
    EXPECT_EQ(parsePhase("Satisfaction"), Phase::OngoingUse);
    EXPECT_EQ(parsePhase("passive-looking"), Phase::PassiveLooking);
    EXPECT_EQ(parseEventKind("Event 2"), EventKind::Event2);
    EXPECT_EQ(parseEventKind("fire"), EventKind::Fire);
}

TEST(Method, BuiltinCodebookHasEveryMethodCodeOnce)
{
    std::set<std::string> keys;
    for (const auto &code : builtinCodes())
        EXPECT_TRUE(keys.insert(std::string(code.key)).second) << code.key;
    for (const char *expected : {"push",
                                 "pull",
                                 "anxiety",
                                 "habit",
                                 "phase:first-thought",
                                 "phase:ongoing-use",
                                 "event:first-thought",
                                 "event:event-1",
                                 "event:event-2",
                                 "event:purchase",
                                 "event:fire",
                                 "dimension:functional",
                                 "dimension:emotional",
                                 "dimension:social",
                                 "hire-criterion",
                                 "fire-criterion",
                                 "struggling-moment",
                                 "alternative-considered",
                                 "desired-outcome"})
        EXPECT_TRUE(keys.contains(expected)) << expected;
    EXPECT_EQ(keys.size(), 4U + 6U + 5U + 3U + 5U);
}

} // namespace jtbd
