// The codebook panel: the tree of codes with a filter, the editing actions and the details of the
// selected code.
#pragma once

#include <jtbd/model.h>

#include <QColor>
#include <QStringList>
#include <QWidget>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

class QAction;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSortFilterProxyModel;
class QStackedWidget;
class QToolBar;
class QTreeView;

namespace jtbd::app {

class CodebookModel;
class StudyDocument;
struct Change;

class CodebookPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CodebookPanel)

public:
    // What the panel asks the researcher. The default shows dialogs; tests replace it to answer
    // without a modal dialog.
    class Prompts
    {
    public:
        virtual ~Prompts() = default;
        // A yes/no question; true to go ahead.
        virtual bool confirm(QWidget *parent, const QString &title, const QString &text);
        // A new code's name, colour, shortcut and description, starting from `proposal`. `check`
        // says why an answer cannot be taken (empty when it can). nullopt when cancelled.
        virtual std::optional<Code> newCode(QWidget *parent,
                                            const QString &title,
                                            const Code &proposal,
                                            const std::function<QString(const Code &)> &check);
        virtual std::optional<QColor>
        color(QWidget *parent, const QString &title, const QColor &current);
        // The new shortcut ("" clears it), checked by `check` like newCode().
        virtual std::optional<QString>
        shortcut(QWidget *parent,
                 const QString &title,
                 const QString &current,
                 const std::function<QString(const QString &)> &check);
        // The index of one of `choices`, or nullopt when cancelled.
        virtual std::optional<int> choose(QWidget *parent,
                                          const QString &title,
                                          const QString &label,
                                          const QStringList &choices);
    };

    explicit CodebookPanel(StudyDocument *document, QWidget *parent = nullptr);
    ~CodebookPanel() override;

    void setPrompts(std::unique_ptr<Prompts> prompts);

    CodebookModel *model() const { return m_model; }

    // The selected code; 0 when a group or nothing is selected.
    Id currentCodeId() const;
    void selectCode(Id codeId);

public Q_SLOTS:
    void addCode();
    void addSubCode(); // under the selected code
    void renameCurrent();
    void recolorCurrent();
    void editShortcut();
    void moveCurrent();  // "Move under…"
    void mergeCurrent(); // "Merge into…"
    void deleteCurrent();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

Q_SIGNALS:
    // A code was double-clicked or Enter was pressed on it: show where it is used.
    void codeActivated(jtbd::Id codeId);

private:
    void addCodeUnder(std::optional<Id> parentId);
    void onCurrentChanged();
    void onFilterChanged(const QString &text);
    void onActivated(const QModelIndex &index);
    void saveDescription();
    void updateActions();
    void showDetails();

    // Which groups and codes are expanded, by kind and id, to survive a reset or a filter.
    struct Expansion
    {
        std::vector<int> groups;
        std::vector<Id> codes;
    };

    Expansion expansion() const;
    void applyExpansion(const Expansion &state);
    void rememberState();
    void restoreState();
    QString proposeColor(std::optional<Id> parentId) const;
    // The codes that `codeId` could be moved under or merged into, as (id, label).
    std::vector<std::pair<std::optional<Id>, QString>> targets(Id codeId, bool forMerge) const;
    // Asks which of those targets to use: the one chosen (nullopt inside: the top of the custom
    // codes), or nullopt when the question was cancelled.
    std::optional<std::optional<Id>>
    chooseTarget(Id codeId, bool forMerge, const QString &title, const QString &question);
    QModelIndex sourceIndex(const QModelIndex &proxyIndex) const;
    // The selected code when it is a custom one: only those are renamed, moved, merged or deleted.
    const Code *currentCustomCode() const;

    StudyDocument *m_document;
    CodebookModel *m_model;
    QSortFilterProxyModel *m_proxy;
    std::unique_ptr<Prompts> m_prompts;

    QToolBar *m_toolBar;
    QLineEdit *m_filter;
    QTreeView *m_tree;
    QAction *m_addAction;
    QAction *m_addSubAction;
    QAction *m_renameAction;
    QAction *m_colorAction;
    QAction *m_shortcutAction;
    QAction *m_moveAction;
    QAction *m_mergeAction;
    QAction *m_deleteAction;

    QStackedWidget *m_detailStack;
    QLabel *m_detailSwatch;
    QLabel *m_detailName;
    QLabel *m_detailKind;
    QLabel *m_detailKey;
    QLabel *m_detailParent;
    QLabel *m_detailColor;
    QLabel *m_detailShortcut;
    QLabel *m_detailUsage;
    QLabel *m_detailNote;
    QPlainTextEdit *m_detailDescription;
    QPushButton *m_saveDescription;
    QPushButton *m_detailColorButton;
    QPushButton *m_detailShortcutButton;
    QLabel *m_groupTitle;
    QLabel *m_groupText;

    Id m_shownId = 0; // the code the details show
    // Kept across a reset of the tree so the researcher's view does not jump.
    Expansion m_expanded;
    Expansion m_beforeFilter;
    bool m_filtering = false;
    Id m_rememberedCurrent = 0;
    int m_rememberedGroup = -1;
    bool m_haveState = false;
};

} // namespace jtbd::app
