// The force groups panel: per force, the study's quotes in labelled force groups (method section
// 5, step 2), edited in place (rename, pin, merge, split, move quotes, new and deleted groups,
// each undoable), and the story x force-group matrix (step 3) on a second page.
#pragma once

#include <jtbd/model.h>

#include <QWidget>

#include <app/commands/force_group_commands.h>
#include <array>
#include <set>
#include <vector>

class QAction;
class QButtonGroup;
class QLabel;
class QMenu;
class QStackedWidget;
class QTabWidget;
class QToolBar;
class QToolButton;
class QTreeView;

namespace jtbd::app {

class ForceGroupModel;
class StoryMatrixView;
class StudyDocument;
struct Change;

class ForceGroupsPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ForceGroupsPanel)

public:
    enum class Page {
        Groups,
        Matrix
    };

    explicit ForceGroupsPanel(StudyDocument *document, QWidget *parent = nullptr);
    ~ForceGroupsPanel() override;

    // Shows the groups of `force`.
    void setForce(Force force);
    Force force() const;

    void showPage(Page page);
    Page currentPage() const;

    ForceGroupModel *model() const { return m_model; }

    QTreeView *tree() const { return m_tree; }

    StoryMatrixView *matrixView() const { return m_matrix; }

    // Selection, as the researcher makes it in the tree.
    void selectGroups(const std::vector<Id> &groupIds);
    // Quotes of one group (0: the ungrouped ones).
    void selectQuotes(Id groupId, const std::vector<Id> &highlightIds);
    std::vector<Id> selectedGroupIds() const;
    std::vector<GroupedQuote> selectedQuotes() const;
    // The group of the current row (a group's, or the group of a quote); 0 when none.
    Id currentGroupId() const;

    // Shows the group (switching to its force and to the groups page) and selects it.
    void showGroup(Id groupId);
    // Folds every group to its header, or opens every group, to see them all at once.
    void setAllExpanded(bool expanded);
    void setGroupExpanded(Id groupId, bool expanded);

public Q_SLOTS:
    // A new empty group of the shown force, its label open for typing.
    void addGroup();
    void renameCurrent();
    // Pins the current group, or unpins it when it is pinned.
    void togglePinCurrent();
    // The selected groups merged into the current one (or the first selected).
    void mergeSelected();
    // The selected quotes of one group become a new group (ungrouped quotes: a new group of
    // them), its label open for typing.
    void splitSelected();
    // The selected quotes join `groupId` (0: ungrouped).
    void moveSelectedTo(Id groupId);
    void deleteSelected();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

Q_SIGNALS:
    // A quote was double-clicked or Enter was pressed on it: show it in its transcript.
    void quoteActivated(jtbd::Id interviewId, jtbd::Id highlightId);

private:
    void onActivated(const QModelIndex &index);
    void showContextMenu(const QPoint &position);
    void fillMoveMenu(QMenu *menu);
    void updateActions();
    void updateSummary();
    // Each page's model follows the study only while its page is on screen.
    void setModelsActive(bool panelShown);
    void rememberState();
    void restoreState();
    // After an edit that made or changed a group: the tree shows it now, selected, and its label
    // is opened for typing when `edit` is true.
    void focusGroup(Id groupId, bool edit);

    StudyDocument *m_document;
    ForceGroupModel *m_model;
    QTabWidget *m_pages;
    QButtonGroup *m_forceButtons;
    std::array<QToolButton *, 4> m_forceButton{};
    QLabel *m_summary;
    QToolBar *m_toolBar;
    QStackedWidget *m_treeStack; // the tree, or a hint when the force has no quotes
    QTreeView *m_tree;
    QLabel *m_empty;
    StoryMatrixView *m_matrix;
    QAction *m_addAction;
    QAction *m_renameAction;
    QAction *m_pinAction;
    QAction *m_mergeAction;
    QAction *m_splitAction;
    QAction *m_deleteAction;
    QAction *m_showQuoteAction;
    QAction *m_foldAction;
    QAction *m_unfoldAction;

    // What the tree showed before a reload, to show the same again.
    std::set<Id> m_collapsed; // groups folded by the researcher (0: "Ungrouped")
    std::vector<Id> m_selectedGroups;
    std::vector<GroupedQuote> m_selectedQuotes;
    GroupedQuote m_current;
    Id m_currentGroup = 0;
};

} // namespace jtbd::app
