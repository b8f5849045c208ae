// The coding panel: one interview's transcript as speaker turns, tagged from the keyboard, with
// the code margin, the quick-code palette, find, next/previous and the highlight inspector.
#pragma once

#include <jtbd/model.h>

#include <QKeyCombination>
#include <QWidget>

#include <app/text_offsets.h>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QToolButton;

namespace jtbd::app {

struct Change;
class HighlightInspector;
class QuickCodePalette;
class StudyDocument;
class TranscriptView;

class TranscriptPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TranscriptPanel)

public:
    explicit TranscriptPanel(StudyDocument *document, QWidget *parent = nullptr);
    ~TranscriptPanel() override;

    // Opens an interview (0 shows nothing).
    void setInterview(jtbd::Id interviewId);

    jtbd::Id interviewId() const { return m_interviewId; }

    // Opens the interview, selects the highlight's text, scrolls to it and inspects it.
    void showHighlight(jtbd::Id interviewId, jtbd::Id highlightId);

    // The highlight the inspector shows: the one selected or under the cursor.
    std::optional<jtbd::Id> currentHighlightId() const { return m_currentId; }

    // Stores what is still being typed (a memo) now; call before closing the study.
    void commitPendingEdits();

    // Tags the selection with the codes, or toggles them on the current highlight when nothing is
    // selected. Returns true when something was stored.
    bool applyCodes(const std::vector<jtbd::Id> &codeIds);
    void nextHighlight();
    void previousHighlight();
    void deleteCurrentHighlight();
    void openPalette();
    void openFind();
    // Shows only the highlights carrying the code (or a code under it); nullopt shows all.
    void setCodeFilter(std::optional<jtbd::Id> codeId);

    TranscriptView *view() const { return m_view; }

    QuickCodePalette *codePalette() const { return m_palette; }

    HighlightInspector *inspector() const { return m_inspector; }

Q_SIGNALS:
    // A line for the main window's status bar ("Tagged as Push · P03").
    void statusMessage(const QString &message);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Entry
    {
        Highlight highlight;
        qsizetype start = 0; // UTF-16 positions in the view
        qsizetype end = 0;
        bool visible = true;
    };

    void onChanged(const Change &change);
    void reloadAll(bool keepPlace = true);
    void reloadHeader();
    void reloadCodes();
    void reloadHighlights();
    void refreshCurrent();
    void setCurrent(std::optional<Id> id);
    void updateCounts();
    bool handleKey(QKeyEvent *event, bool apply);
    void runFind(bool moveToNearest);
    void stepFind(int delta);
    // To the next (+1) or previous (−1) highlight shown, round at either end.
    void stepHighlight(int step);
    void closeFind();
    QString codeLabel(const std::vector<Id> &codeIds) const;
    QString where() const;
    const Entry *entry(Id id) const;
    std::vector<const Entry *> visibleEntries() const;

    StudyDocument *m_document;
    Id m_interviewId = 0;
    QString m_participantCode;
    QString m_title;
    TextOffsets m_offsets;
    std::vector<Entry> m_entries; // by start
    std::vector<Code> m_codes;
    std::unordered_map<Id, std::size_t> m_codeIndex;
    std::unordered_map<Id, QString> m_coderNames;
    std::vector<std::pair<QKeyCombination, Id>> m_shortcuts;
    std::optional<Id> m_filterCode;
    std::unordered_set<Id> m_filterSet; // the filter code and the codes under it
    std::optional<Id> m_currentId;
    std::optional<Id> m_wantedCurrent;    // a highlight just added, current once it is loaded
    std::optional<Highlight> m_inspected; // what the inspector shows
    bool m_inspectorStale = true;
    std::vector<std::pair<qsizetype, qsizetype>> m_findMatches;
    int m_findCurrent = -1;

    QLabel *m_titleLabel;
    QLabel *m_subtitleLabel;
    QComboBox *m_filterCombo;
    QToolButton *m_previousButton;
    QToolButton *m_nextButton;
    QToolButton *m_findButton;
    QToolButton *m_paletteButton;
    TranscriptView *m_view;
    HighlightInspector *m_inspector;
    QuickCodePalette *m_palette;
    QWidget *m_findBar;
    QLineEdit *m_findEdit;
    QLabel *m_findCount;
    QLabel *m_countLabel;
    QLabel *m_keyLegend;
};

} // namespace jtbd::app
