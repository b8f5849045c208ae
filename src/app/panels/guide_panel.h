// The interview-guide panel: a guide's sections (by timeline phase or event) with their questions
// and probes, edited in a form beside the tree; guides made from templates and saved as templates;
// and the way into run mode, which conducts the current interview from the guide.
#pragma once

#include <jtbd/model.h>
#include <jtbd/result.h>

#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QFrame;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QStackedWidget;
class QTreeView;

namespace jtbd::app {

class GuideModel;
class RunModePanel;
class StudyCommand;
class StudyDocument;
struct Change;

class GuidePanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(GuidePanel)

public:
    explicit GuidePanel(StudyDocument *document, QWidget *parent = nullptr);
    ~GuidePanel() override;

    // The interview run mode records into (0: none, and run mode is off). Shows that interview's
    // guide when it has one.
    void setInterview(Id interviewId);

    Id interviewId() const { return m_interviewId; }

    // The guide shown and edited.
    Id guideId() const;
    void showGuide(Id guideId);

    GuideModel *model() const { return m_model; }

    RunModePanel *runModePanel() const { return m_runMode; }

    bool isRunning() const;
    // Run mode for the current interview with the guide shown (F5); false when there is no
    // interview or guide to run.
    bool enterRunMode();
    void leaveRunMode();

    // Selection in the tree.
    void selectSection(Id sectionId);
    void selectQuestion(Id questionId);
    Id selectedSectionId() const; // the section selected, or the one the selected question is in
    Id selectedQuestionId() const;

    // Edits, each one undoable. They report refusals (the built-in guide, an empty title)
    // through StudyDocument::errorOccurred and return false.
    bool addSection();            // after the selected section, titled "New section"
    bool addQuestion();           // after the selected question, or at the section's end
    bool removeSelected();        // the selected question, or section with its questions
    bool moveSelected(int delta); // up (−1) or down (+1) among its siblings
    bool commitEdits();           // stores what is typed in the detail form
    bool renameGuide(const QString &name);
    bool saveAsTemplate(const QString &name);
    // A new guide copied from `templateId`; it is shown once made.
    bool newGuideFromTemplate(Id templateId, const QString &name);
    // An editable copy of the built-in guide, shown once made.
    bool copyBuiltin();

Q_SIGNALS:
    void runModeChanged(bool running);

private:
    enum class FormKind {
        None,
        Guide,
        Section,
        Question
    };

    void buildUi();
    QWidget *buildGuideForm();
    QWidget *buildSectionForm();
    QWidget *buildQuestionForm();
    void onChanged(const Change &change);
    void reloadGuides();
    void reloadCoverage();
    void showSelected();
    void fillForm();
    void updateActions();
    bool isReadOnly() const;
    // The edit the form holds for the record it shows, or null when nothing changed.
    std::unique_ptr<StudyCommand> formCommand();
    // Applies a command that adds a guide, section or question: the new one's id, 0 when refused.
    Id applyAdding(const QString &action, Result<std::unique_ptr<StudyCommand>> command);
    void askNewGuide();
    void askSaveAsTemplate();
    void askRename();

    StudyDocument *m_document;
    GuideModel *m_model;
    Id m_interviewId = 0;
    Id m_guideId = 0;
    bool m_loading = false;
    FormKind m_formKind = FormKind::None;
    Id m_formId = 0;

    QStackedWidget *m_pages;
    QComboBox *m_guideCombo;
    QPushButton *m_newButton;
    QPushButton *m_templateButton;
    QPushButton *m_renameButton;
    QPushButton *m_runButton;
    QLabel *m_interviewLabel;
    QFrame *m_builtinBanner;
    QPushButton *m_copyButton;
    QTreeView *m_tree;
    QPushButton *m_addSectionButton;
    QPushButton *m_addQuestionButton;
    QPushButton *m_removeButton;
    QPushButton *m_upButton;
    QPushButton *m_downButton;
    QStackedWidget *m_forms;
    // Guide form
    QLineEdit *m_guideName;
    QPlainTextEdit *m_guideDescription;
    QSpinBox *m_guideMinutes;
    QLabel *m_guideSummary;
    // Section form
    QLineEdit *m_sectionTitle;
    QComboBox *m_sectionPhase;
    QComboBox *m_sectionEvent;
    QLabel *m_sectionMeaning;
    QSpinBox *m_sectionMinutes;
    QPlainTextEdit *m_sectionPurpose;
    QPlainTextEdit *m_sectionTips;
    // Question form
    QLabel *m_questionSection;
    QPlainTextEdit *m_questionText;
    QPlainTextEdit *m_questionNote;
    QPlainTextEdit *m_questionProbes;
    RunModePanel *m_runMode;
};

} // namespace jtbd::app
