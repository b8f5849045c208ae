// The side pane of the coding panel: the current highlight's quote, codes, intensity, confidence,
// phase and memo, each edit one undoable command.
#pragma once

#include <jtbd/model.h>

#include <QWidget>

#include <optional>
#include <vector>

class QButtonGroup;
class QComboBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QStackedWidget;
class QTimer;

namespace jtbd::app {

class StudyDocument;

class HighlightInspector final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HighlightInspector)

public:
    explicit HighlightInspector(StudyDocument *document, QWidget *parent = nullptr);
    ~HighlightInspector() override;

    // Shows `highlight` (or the empty state). Called again after each reload: a memo being typed
    // into is left alone.
    void setHighlight(const std::optional<Highlight> &highlight,
                      const std::vector<Code> &codes,
                      const QString &coderName);

    std::optional<Id> highlightId() const;

    // Stores the memo being typed, if it changed (also done on focus-out and after a pause).
    void commitMemo();

Q_SIGNALS:
    void addCodeRequested();
    void deleteRequested();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void apply(const Highlight &after, const QString &text, int mergeSession = -1);
    void removeSelectedCode();

    StudyDocument *m_document;
    std::optional<Highlight> m_highlight;
    std::vector<Code> m_codes;
    QString m_coderName;
    int m_memoSession = 0;
    bool m_updating = false;

    QStackedWidget *m_pages;
    QLabel *m_quote;
    QLabel *m_meta;
    QListWidget *m_codeList;
    QPushButton *m_addCode;
    QPushButton *m_removeCode;
    QButtonGroup *m_intensity;
    QComboBox *m_confidence;
    QComboBox *m_phase;
    QPlainTextEdit *m_memo;
    QPushButton *m_delete;
    QTimer *m_memoTimer;
};

} // namespace jtbd::app
