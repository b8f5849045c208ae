// The editor of the jobs board's selected job: its name, job story (When … / I want to … / so I
// can …) and statement, each beside what the synthesis drafted and the quotes the draft cites;
// then the rest of the draft (triggers, what was fired, alternatives, hiring and firing criteria,
// anxieties, habits), each with its quotes.
#pragma once

#include <jtbd/model.h>

#include <QLabel>
#include <QWidget>

#include <app/commands/job_commands.h>
#include <map>
#include <optional>

class QLineEdit;
class QPushButton;
class QScrollArea;
class QTextEdit;
class QVBoxLayout;

namespace jtbd::app {

class StudyDocument;

// A quote cited as evidence: its words and who said them. A click, Enter or Space asks for it to
// be opened in its transcript.
class QuoteLink final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(QuoteLink)

public:
    QuoteLink(Id interviewId,
              Id highlightId,
              const QString &quote,
              const QString &who,
              QWidget *parent = nullptr);
    ~QuoteLink() override;

    Id interviewId() const { return m_interviewId; }

    Id highlightId() const { return m_highlightId; }

Q_SIGNALS:
    void activated(jtbd::Id interviewId, jtbd::Id highlightId);

protected:
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void enterEvent(QEnterEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    void setHot(bool hot);

    Id m_interviewId;
    Id m_highlightId;
};

class JobEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobEditor)

public:
    explicit JobEditor(StudyDocument *document, QWidget *parent = nullptr);
    ~JobEditor() override;

    // Shows `job` with its draft; nullopt shows a hint to choose a job. A field being typed in
    // keeps what is typed when the same job is shown again.
    void setJob(const std::optional<Job> &job, const JobDraft &draft);

    Id jobId() const { return m_job ? m_job->id : 0; }

    // The editor of one field.
    QWidget *fieldEditor(JobField field) const;
    // The quotes shown as evidence, in the order shown.
    QList<QuoteLink *> quoteLinks() const;

    // Hands on what is typed in a field that has not been stored yet.
    void commitEdits();

    // Forgets what it knows of interviews and participants (after they were edited).
    void clearCache();

Q_SIGNALS:
    void fieldEdited(jtbd::Id jobId, jtbd::app::JobField field, const QString &text);
    void quoteActivated(jtbd::Id interviewId, jtbd::Id highlightId);
    void forcesRequested(jtbd::Id jobId);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct FieldRow
    {
        JobField field;
        QWidget *editor = nullptr; // a QLineEdit for the name, a QTextEdit otherwise
        QLabel *draftLabel = nullptr;
        QPushButton *useDraft = nullptr;
        QWidget *quotes = nullptr; // the draft clause's quotes
        QString draftText;
    };

    void
    addFieldRow(QVBoxLayout *layout, JobField field, const QString &title, const QString &hint);
    void showField(FieldRow &row);
    void commitField(FieldRow &row);
    QString fieldText(const FieldRow &row) const;
    void setFieldText(FieldRow &row, const QString &text);
    bool isEditing(const FieldRow &row) const;
    void fillQuotes(QWidget *box, const std::vector<Id> &highlightIds, int limit);
    void rebuildEvidence();
    FieldRow *rowOf(JobField field);

    // Who said a story's quotes: "Robin (P01)".
    QString whoOf(Id interviewId);

    StudyDocument *m_document;
    std::optional<Job> m_job;
    JobDraft m_draft;
    std::map<Id, QString> m_who;
    std::map<DraftPart, bool> m_expanded; // the parts of the evidence opened or closed by hand

    QScrollArea *m_scroll;
    QWidget *m_content;
    QLabel *m_hint;
    QWidget *m_form;
    QLabel *m_members;
    QPushButton *m_openForces;
    std::vector<FieldRow> m_rows;
    QWidget *m_evidence = nullptr;
    QVBoxLayout *m_evidenceLayout = nullptr;
};

} // namespace jtbd::app
