// Lists of record ids as the study keeps them (a group's quotes, a highlight's codes, a job's
// stories): put in order, and searched.
#pragma once

#include <jtbd/model.h>

#include <algorithm>
#include <vector>

namespace jtbd::app {

// `ids` in ascending order, each id once.
inline std::vector<Id> sortedUnique(std::vector<Id> ids)
{
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

// Whether `ids`, in any order, hold `id`.
inline bool containsId(const std::vector<Id> &ids, Id id)
{
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// Whether `sorted`, in ascending order, holds `id`.
inline bool sortedContainsId(const std::vector<Id> &sorted, Id id)
{
    return std::binary_search(sorted.begin(), sorted.end(), id);
}

} // namespace jtbd::app
