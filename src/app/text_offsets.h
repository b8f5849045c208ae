// Converts between Qt's UTF-16 positions and the study's Unicode code-point offsets in one text.
#pragma once

#include <QString>
#include <QStringView>

#include <cstdint>
#include <vector>

namespace jtbd::app {

// Built once per text in O(n); each lookup is O(1) for text without surrogate pairs and
// O(log p) otherwise (p = number of pairs). Positions are boundaries (0..length), so both ends of a
// half-open range convert the same way.
class TextOffsets
{
public:
    enum class Snap {
        Down, // a position inside a surrogate pair moves to the pair's start
        Up    // … or to its end
    };

    TextOffsets() = default;
    explicit TextOffsets(QStringView text);

    qsizetype utf16Length() const { return m_utf16Length; }

    std::int64_t codePointLength() const
    {
        return m_utf16Length - static_cast<std::int64_t>(m_pairs.size());
    }

    // The code-point offset of a UTF-16 position (clamped to the text).
    std::int64_t toCodePoint(qsizetype utf16, Snap snap = Snap::Down) const;
    // The UTF-16 position of a code-point offset (clamped to the text).
    qsizetype toUtf16(std::int64_t codePoint) const;

    // True when the position lies between the two halves of a surrogate pair.
    bool insidePair(qsizetype utf16) const;

    // A UTF-16 selection as a half-open code-point range; an end inside a pair snaps outward.
    struct Range
    {
        std::int64_t start = 0;
        std::int64_t end = 0;
    };

    Range toCodePoints(qsizetype utf16Start, qsizetype utf16End) const;

private:
    qsizetype m_utf16Length = 0;
    std::vector<qsizetype> m_pairs; // UTF-16 index of each pair's high surrogate, ascending
};

} // namespace jtbd::app
