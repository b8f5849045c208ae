// The quick-code palette: a popup over the whole codebook, filtered as you type, keyboard only.
#pragma once

#include <jtbd/model.h>

#include <QFrame>

#include <deque>
#include <vector>

class QLineEdit;
class QListWidget;
class QLabel;

namespace jtbd::app {

class QuickCodePalette final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QuickCodePalette)

public:
    explicit QuickCodePalette(QWidget *parent = nullptr);
    ~QuickCodePalette() override;

    void setCodes(std::vector<Code> codes);
    // Moves a code to the front of the recently used ones, which the list shows first.
    void noteUsed(Id codeId);

    const std::deque<Id> &recent() const { return m_recent; }

    // Shows the palette at `globalPos` (its top-left corner), empty filter, first entry current.
    // `target` says what Enter applies to ("the selection", "the highlight").
    void open(const QPoint &globalPos, const QString &target);

    // The codes listed for `filter`, in display order (what the list shows).
    std::vector<Id> matches(const QString &filter) const;

    QLineEdit *filterEdit() const { return m_filter; }

    QListWidget *list() const { return m_list; }

Q_SIGNALS:
    void codeChosen(jtbd::Id codeId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    void refill();
    void choose();

    std::vector<Code> m_codes;
    std::vector<QString> m_searchText; // per code: name, key, kind and aliases, lower case
    std::deque<Id> m_recent;
    QLabel *m_target;
    QLineEdit *m_filter;
    QListWidget *m_list;
};

// The method's other names for a code (aliases of forces and phases), comma separated.
QString codeAliases(const Code &code);
// "Force", "Phase"… for a code kind.
QString codeKindName(CodeKind kind);

} // namespace jtbd::app
