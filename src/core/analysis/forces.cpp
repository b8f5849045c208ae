// The balance of the forces: F1 + F2 against F3 + F4.
#include <jtbd/forces.h>

namespace jtbd {

std::int64_t ForcesSummary::toward(Weighting weighting) const
{
    return (*this)[Force::Push].weight(weighting) + (*this)[Force::Pull].weight(weighting);
}

std::int64_t ForcesSummary::against(Weighting weighting) const
{
    return (*this)[Force::Anxiety].weight(weighting) + (*this)[Force::Habit].weight(weighting);
}

std::int64_t ForcesSummary::balance(Weighting weighting) const
{
    return toward(weighting) - against(weighting);
}

} // namespace jtbd
