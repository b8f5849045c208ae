// The Hungarian method for the assignment problem.
#include "assignment.h"

#include <algorithm>
#include <cstddef>
#include <limits>

namespace jtbd::clustering {

std::vector<int> cheapestAssignment(const std::vector<std::vector<double>> &cost)
{
    const std::size_t size = cost.size();
    const double infinity = std::numeric_limits<double>::infinity();
    std::vector<double> u(size + 1, 0), v(size + 1, 0), least(size + 1);
    std::vector<std::size_t> rowOf(size + 1, 0), way(size + 1, 0);
    std::vector<bool> used(size + 1);
    for (std::size_t row = 1; row <= size; ++row) {
        rowOf[0] = row;
        std::size_t column = 0;
        std::fill(least.begin(), least.end(), infinity);
        std::fill(used.begin(), used.end(), false);
        do {
            used[column] = true;
            const std::size_t current = rowOf[column];
            double delta = infinity;
            std::size_t next = 0;
            for (std::size_t j = 1; j <= size; ++j) {
                if (used[j])
                    continue;
                const double reduced = cost[current - 1][j - 1] - u[current] - v[j];
                if (reduced < least[j]) {
                    least[j] = reduced;
                    way[j] = column;
                }
                if (least[j] < delta) {
                    delta = least[j];
                    next = j;
                }
            }
            for (std::size_t j = 0; j <= size; ++j) {
                if (used[j]) {
                    u[rowOf[j]] += delta;
                    v[j] -= delta;
                } else {
                    least[j] -= delta;
                }
            }
            column = next;
        } while (rowOf[column] != 0);
        do {
            const std::size_t previous = way[column];
            rowOf[column] = rowOf[previous];
            column = previous;
        } while (column != 0);
    }
    std::vector<int> columnOf(size, -1);
    for (std::size_t j = 1; j <= size; ++j)
        if (rowOf[j] != 0)
            columnOf[rowOf[j] - 1] = static_cast<int>(j - 1);
    return columnOf;
}

} // namespace jtbd::clustering
