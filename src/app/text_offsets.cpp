// UTF-16 positions and code-point offsets of one text.
#include "text_offsets.h"

#include <algorithm>

namespace jtbd::app {

TextOffsets::TextOffsets(QStringView text)
    : m_utf16Length(text.size())
{
    const qsizetype n = text.size();
    for (qsizetype i = 0; i + 1 < n; ++i) {
        if (text[i].isHighSurrogate() && text[i + 1].isLowSurrogate()) {
            m_pairs.push_back(i);
            ++i;
        }
    }
}

std::int64_t TextOffsets::toCodePoint(qsizetype utf16, Snap snap) const
{
    utf16 = std::clamp<qsizetype>(utf16, 0, m_utf16Length);
    if (m_pairs.empty())
        return utf16;
    // The first pair that does not end at or before `utf16`.
    const auto it = std::upper_bound(m_pairs.begin(), m_pairs.end(), utf16 - 2);
    const auto before = static_cast<std::int64_t>(it - m_pairs.begin());
    if (it != m_pairs.end() && *it + 1 == utf16) // between the halves of this pair
        return *it - before + (snap == Snap::Up ? 1 : 0);
    return utf16 - before;
}

qsizetype TextOffsets::toUtf16(std::int64_t codePoint) const
{
    codePoint = std::clamp<std::int64_t>(codePoint, 0, codePointLength());
    if (m_pairs.empty())
        return static_cast<qsizetype>(codePoint);
    // Pair k starts at code point m_pairs[k] - k, which grows with k: count those before.
    std::size_t lo = 0;
    std::size_t hi = m_pairs.size();
    while (lo < hi) {
        const std::size_t mid = lo + (hi - lo) / 2;
        if (m_pairs[mid] - static_cast<qsizetype>(mid) < codePoint)
            lo = mid + 1;
        else
            hi = mid;
    }
    return static_cast<qsizetype>(codePoint) + static_cast<qsizetype>(lo);
}

bool TextOffsets::insidePair(qsizetype utf16) const
{
    return std::binary_search(m_pairs.begin(), m_pairs.end(), utf16 - 1);
}

TextOffsets::Range TextOffsets::toCodePoints(qsizetype utf16Start, qsizetype utf16End) const
{
    if (utf16End < utf16Start)
        std::swap(utf16Start, utf16End);
    return {toCodePoint(utf16Start, Snap::Down), toCodePoint(utf16End, Snap::Up)};
}

} // namespace jtbd::app
