// A study: one research project, stored in one SQLite file (*.jtbd). Every edit is one transaction
// and is on disk when the call returns.
#pragma once

#include <jtbd/forces.h>
#include <jtbd/model.h>
#include <jtbd/result.h>
#include <jtbd/search.h>

#include <array>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace jtbd {

// A quote shown as evidence for a force: the highlight and where it came from.
struct EvidenceQuote
{
    Highlight highlight;
    std::string participantCode;
    std::string participantPseudonym;
    std::string interviewTitle;
    std::optional<std::int64_t> startMs; // when the quote's turn starts in the recording
};

// What a forces diagram shows of a scope: the tallies and the strongest quotes of each force.
struct ForcesEvidence
{
    ForcesSummary summary;
    std::array<std::vector<EvidenceQuote>, 4> quotes; // indexed by Force

    const std::vector<EvidenceQuote> &operator[](Force force) const
    {
        return quotes.at(static_cast<std::size_t>(force));
    }
};

// One interview with everything recorded in it.
struct InterviewRecord
{
    Interview interview;
    std::vector<TurnInput> turns;
    std::vector<InterviewNote> notes;
    std::vector<Highlight> highlights;
    std::vector<TimelineEvent> timeline;
    std::vector<QuestionCoverage> coverage; // by question id

    bool operator==(const InterviewRecord &) const = default;
};

// A whole study as plain values, ids included: what the JSON export writes and the import reads.
struct StudySnapshot
{
    StudyInfo info;
    std::vector<Coder> coders;
    std::vector<Code> codes; // built-in and custom
    std::vector<Participant> participants;
    std::vector<Guide> guides;
    std::vector<InterviewRecord> interviews;
    std::vector<ForceGroup> forceGroups;
    std::vector<StoryGroupMark> storyGroupMarks;
    std::vector<Job> jobs;
    std::vector<JobDraft> jobDrafts;
};

struct OpenOptions
{
    int busyTimeoutMs = 3000; // how long to wait for another program's write to finish
    // Run SQLite's quick check on opening a small file and refuse it when damaged. Off only for a
    // full check, which reports the damage itself.
    bool verify = true;
};

class Study
{
public:
    // The schema version this program writes; files with a higher PRAGMA user_version are refused.
    static constexpr int kSchemaVersion = 6;
    // PRAGMA application_id of every study file ("JTBD").
    static constexpr int kApplicationId = 0x4A544244;

    // Creates a new study file; refuses to overwrite. `fill` (optional) runs on the new study
    // before it appears at `path`: when it fails, no file is left behind.
    static Result<Study> create(const std::filesystem::path &path,
                                const std::function<Status(Study &)> &fill = {});
    // Opens an existing study, migrating an older schema (after a backup beside the file).
    // A file that is not a study, is damaged or is newer is refused and left untouched.
    static Result<Study> open(const std::filesystem::path &path, const OpenOptions &options = {});

    Study(Study &&other) noexcept;
    Study &operator=(Study &&other) noexcept;
    ~Study();
    Study(const Study &) = delete;
    Study &operator=(const Study &) = delete;

    const std::filesystem::path &path() const;

    // Runs `body` as one transaction: everything it writes is stored, or nothing when it fails.
    // Calls made inside join the transaction.
    Status transaction(const std::function<Status()> &body);

    // Study
    Result<StudyInfo> info() const;
    Status setInfo(const StudyInfo &info); // name, objectives and assumptions
    Result<StudyStats> stats() const;
    // True when the study holds nothing but what a new study starts with.
    Result<bool> isEmpty() const;
    // A full check: SQLite's integrity check, foreign keys, and every highlight's quote against its
    // interview text. Returns the problems found (empty when the file is sound).
    Result<std::vector<std::string>> checkIntegrity() const;

    // Everything in the study, in id order.
    Result<StudySnapshot> snapshot() const;
    // Replaces the contents of an empty study with `snapshot`, keeping its ids; all or nothing.
    Status restore(const StudySnapshot &snapshot);

    // Records are added with a new id when their `id` is 0, or with the id given, which must be
    // free. Participants
    Result<Id> addParticipant(const Participant &participant);
    Status updateParticipant(const Participant &participant);
    Status deleteParticipant(Id id); // their interviews stay, no longer linked
    Result<Participant> participant(Id id) const;
    Result<std::optional<Participant>> findParticipant(std::string_view code) const;
    Result<std::vector<Participant>> participants() const;

    // Interview guides. Guides, sections and questions are added with the ids they carry, like
    // every other record (0 assigns one), so an undone delete comes back under the same ids.
    Result<Id> addGuide(const Guide &guide); // with its sections and questions
    Status updateGuide(const Guide &guide);  // name, description, length, template flag
    Status deleteGuide(Id id);               // interviews stay, no longer linked
    Result<Guide> guide(Id id) const;
    Result<std::vector<Guide>> guides() const;
    Result<Id> copyGuide(Id id, std::string_view name, bool asTemplate);
    Result<Id> // with its questions
    addSection(Id guideId, const GuideSection &section, std::optional<int> position = {});
    Status updateSection(const GuideSection &section); // its own fields, not its questions
    Status moveSection(Id sectionId, int position);
    Status deleteSection(Id sectionId); // with its questions, their notes unlinked
    Result<Id>
    addQuestion(Id sectionId, const GuideQuestion &question, std::optional<int> position = {});
    Status updateQuestion(const GuideQuestion &question);
    Status moveQuestion(Id questionId, Id sectionId, int position);
    Status deleteQuestion(Id questionId);

    // Interviews and transcripts
    Result<Id> addInterview(const Interview &interview);
    Status updateInterview(const Interview &interview);
    Status deleteInterview(Id id); // with its turns, notes, highlights and timeline
    Result<Interview> interview(Id id) const;
    Result<std::vector<InterviewListItem>> interviews() const;
    // Replaces the transcript. Refused while the interview has highlights (their offsets would
    // move).
    Status setTranscript(Id interviewId, const std::vector<TurnInput> &turns);
    Result<std::vector<Turn>> turns(Id interviewId) const;
    Result<std::string> interviewText(Id interviewId) const;
    // Changes one turn's speaker, role, times and text. Highlights after the turn move with the
    // text; a text change is refused while a highlight overlaps the turn.
    Status updateTurn(const Turn &turn);
    Status setSpeakerRole(Id interviewId, std::string_view speaker, SpeakerRole role);

    Result<Id> addNote(const InterviewNote &note);
    Status updateNote(const InterviewNote &note);
    Status deleteNote(Id id);
    Result<std::vector<InterviewNote>> notes(Id interviewId) const;
    // The notes taken under a guide question, in every interview (by id).
    Result<std::vector<InterviewNote>> questionNotes(Id questionId) const;

    // Which guide questions an interview has covered. Marking a covered question again updates
    // its time; clearing one that is not covered does nothing.
    Status setQuestionCovered(Id interviewId, Id questionId, std::optional<std::int64_t> atMs);
    Status clearQuestionCovered(Id interviewId, Id questionId);
    Result<std::vector<QuestionCoverage>> coverage(Id interviewId) const; // by question id
    // Every interview that covered a question (by interview id).
    Result<std::vector<QuestionCoverage>> questionCoverage(Id questionId) const;

    // Codebook and coders
    Result<Id> addCode(const Code &code); // custom codes only
    Status updateCode(const Code &code);  // built-in codes keep their key, kind and name
    // Deletes a custom code; its highlights stay (without the code); its children move up.
    Status deleteCode(Id id);
    // Moves every use of `from` to `into`, then deletes `from`.
    Status mergeCode(Id from, Id into);
    Result<Code> code(Id id) const;
    Result<std::optional<Code>> findCode(std::string_view key) const;
    Result<std::vector<Code>> codes() const;
    Result<std::int64_t> codeUsage(Id id) const; // how many highlights carry the code

    Result<Id> addCoder(std::string_view name);
    Result<Id> ensureCoder(std::string_view name); // the coder's id, added when new
    Status renameCoder(Id id, std::string_view name);
    Status deleteCoder(Id id); // their highlights stay, without a coder
    Result<std::vector<Coder>> coders() const;

    // Highlights: the quote is taken from the interview text; a given quote must match it.
    Result<Id> addHighlight(const Highlight &highlight);
    Status updateHighlight(const Highlight &highlight);
    Status deleteHighlight(Id id);
    Result<Highlight> highlight(Id id) const;
    Result<std::vector<Highlight>> highlights(Id interviewId) const; // by start
    // Highlights in a scope, optionally only those carrying a code (or a code nested under it).
    Result<std::vector<Highlight>> highlightsInScope(const Scope &scope,
                                                     std::optional<Id> codeId = {}) const;

    // Timeline
    Result<Id> addTimelineEvent(const TimelineEvent &event);
    Status updateTimelineEvent(const TimelineEvent &event);
    Status deleteTimelineEvent(Id id);
    Result<std::vector<TimelineEvent>> timeline(Id interviewId) const; // in timeline order

    // Synthesis
    Result<Id> addForceGroup(const ForceGroup &group);
    Status updateForceGroup(const ForceGroup &group); // members included
    Status deleteForceGroup(Id id);
    Result<std::vector<ForceGroup>> forceGroups() const; // by force, then id
    Result<ForceGroup> forceGroup(Id id) const;

    // The researcher's marks in the story x force-group matrix. Setting std::nullopt removes the
    // mark, so the cell follows the tagged quotes again.
    Status setStoryGroupMark(Id interviewId, Id forceGroupId, std::optional<bool> shows);
    Result<std::vector<StoryGroupMark>> storyGroupMarks() const; // by interview, then group

    Result<Id> addJob(const Job &job);
    Status updateJob(const Job &job); // members included
    Status deleteJob(Id id);
    Result<Job> job(Id id) const;
    Result<std::vector<Job>> jobs() const;
    // The synthesis's last draft for a job (no clauses when it has none). Every highlight id a
    // clause cites must exist; setting replaces the whole draft.
    Status setJobDraft(const JobDraft &draft);
    Result<JobDraft> jobDraft(Id jobId) const;
    // Replaces every force group and job, and their drafts, in one transaction: what a run of
    // the synthesis stores. drafts[i] is the draft of jobs[i] (its jobId is ignored). Ids given
    // are kept, 0 makes a new record; groups and jobs not in the lists are deleted, with their
    // marks. All or nothing.
    Status replaceSynthesis(const std::vector<ForceGroup> &groups,
                            const std::vector<Job> &jobs,
                            const std::vector<JobDraft> &drafts);

    // Analysis
    Result<ForcesSummary> forcesSummary(const Scope &scope) const;
    // The strongest quotes for a force in a scope: by intensity, then confidence, then recency.
    Result<std::vector<EvidenceQuote>>
    strongestEvidence(const Scope &scope, Force force, int limit) const;
    // forcesSummary and strongestEvidence for each of the four forces, in one read: the same
    // values, without ranking every quote of a large scope. For a forces diagram.
    Result<ForcesEvidence> forcesEvidence(const Scope &scope, int limit) const;
    // Full-text search over every turn, best hits first. A search that cannot be read (an
    // unmatched quote, an operator without words on both sides…) is InvalidArgument with a
    // message saying what to change; an unknown interview, participant or code is NotFound.
    Result<std::vector<SearchHit>> search(const SearchQuery &query) const;

    struct Impl;

private:
    explicit Study(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> m_impl;
};

} // namespace jtbd
