// The assignment problem, shared by the agreement scores (clusters to labels) and the synthesis
// (new clusters to the groups and jobs they continue).
#pragma once

#include <vector>

namespace jtbd::clustering {

// The assignment of rows to columns of a square cost table with the least total cost (the
// Hungarian method with potentials, O(size^3)); deterministic: rows and columns are visited in
// index order. Returns each row's column.
std::vector<int> cheapestAssignment(const std::vector<std::vector<double>> &cost);

} // namespace jtbd::clustering
