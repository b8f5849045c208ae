-- Schema version 1 of a JTBD study file. Applied to an empty file by migration 1.
-- Offsets (start, end, text_start, text_end) are Unicode code points into an interview's text:
-- its turns' texts joined by a line feed. Ranges are half-open [start, end).

CREATE TABLE study (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    name        TEXT NOT NULL,
    objectives  TEXT NOT NULL DEFAULT '',
    assumptions TEXT NOT NULL DEFAULT '',
    created_at  TEXT NOT NULL,
    app_version TEXT NOT NULL
) STRICT;

CREATE TABLE participant (
    id            INTEGER PRIMARY KEY,
    code          TEXT NOT NULL UNIQUE CHECK (code <> ''),
    name          TEXT NOT NULL DEFAULT '',
    pseudonym     TEXT NOT NULL DEFAULT '',
    switched_from TEXT NOT NULL DEFAULT '',
    switched_to   TEXT NOT NULL DEFAULT '',
    switch_date   TEXT NOT NULL DEFAULT '',
    consent       TEXT NOT NULL DEFAULT 'unknown' CHECK (consent IN ('unknown', 'given', 'declined')),
    notes         TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE participant_attribute (
    participant_id INTEGER NOT NULL REFERENCES participant(id) ON DELETE CASCADE,
    key            TEXT NOT NULL CHECK (key <> ''),
    value          TEXT NOT NULL,
    ord            INTEGER NOT NULL,
    PRIMARY KEY (participant_id, key)
) STRICT, WITHOUT ROWID;

CREATE TABLE guide (
    id              INTEGER PRIMARY KEY,
    name            TEXT NOT NULL,
    description     TEXT NOT NULL DEFAULT '',
    planned_minutes INTEGER NOT NULL DEFAULT 60 CHECK (planned_minutes >= 0),
    is_template     INTEGER NOT NULL DEFAULT 0 CHECK (is_template IN (0, 1)),
    builtin         INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1))
) STRICT;

CREATE TABLE guide_section (
    id       INTEGER PRIMARY KEY,
    guide_id INTEGER NOT NULL REFERENCES guide(id) ON DELETE CASCADE,
    ord      INTEGER NOT NULL,
    title    TEXT NOT NULL,
    phase    TEXT CHECK (phase IN ('first-thought', 'passive-looking', 'active-looking', 'deciding',
                                   'first-use', 'ongoing-use')),
    event    TEXT CHECK (event IN ('first-thought', 'event-1', 'event-2', 'purchase', 'fire')),
    minutes  INTEGER NOT NULL DEFAULT 0 CHECK (minutes >= 0),
    purpose  TEXT NOT NULL DEFAULT '',
    tips     TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX guide_section_by_guide ON guide_section(guide_id, ord);

CREATE TABLE guide_question (
    id         INTEGER PRIMARY KEY,
    section_id INTEGER NOT NULL REFERENCES guide_section(id) ON DELETE CASCADE,
    ord        INTEGER NOT NULL,
    text       TEXT NOT NULL,
    note       TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX guide_question_by_section ON guide_question(section_id, ord);

CREATE TABLE guide_probe (
    question_id INTEGER NOT NULL REFERENCES guide_question(id) ON DELETE CASCADE,
    ord         INTEGER NOT NULL,
    text        TEXT NOT NULL,
    PRIMARY KEY (question_id, ord)
) STRICT, WITHOUT ROWID;

CREATE TABLE interview (
    id             INTEGER PRIMARY KEY,
    participant_id INTEGER REFERENCES participant(id) ON DELETE SET NULL,
    guide_id       INTEGER REFERENCES guide(id) ON DELETE SET NULL,
    title          TEXT NOT NULL,
    conducted_on   TEXT NOT NULL DEFAULT '',
    status         TEXT NOT NULL DEFAULT 'planned'
                   CHECK (status IN ('planned', 'conducted', 'transcribed', 'coded', 'reviewed')),
    duration_ms    INTEGER CHECK (duration_ms >= 0),
    source_name    TEXT NOT NULL DEFAULT '',
    source_format  TEXT NOT NULL DEFAULT '',
    notes          TEXT NOT NULL DEFAULT '',
    -- Kept in step with the interview's turns by the one code path that writes turns, so that
    -- listing and counting never scan the transcripts.
    turn_count     INTEGER NOT NULL DEFAULT 0,
    word_count     INTEGER NOT NULL DEFAULT 0,
    text_length    INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX interview_by_participant ON interview(participant_id);
CREATE INDEX interview_by_guide ON interview(guide_id);

CREATE TABLE interview_interviewer (
    interview_id INTEGER NOT NULL REFERENCES interview(id) ON DELETE CASCADE,
    ord          INTEGER NOT NULL,
    name         TEXT NOT NULL,
    PRIMARY KEY (interview_id, ord)
) STRICT, WITHOUT ROWID;

CREATE TABLE turn (
    id           INTEGER PRIMARY KEY,
    interview_id INTEGER NOT NULL REFERENCES interview(id) ON DELETE CASCADE,
    ord          INTEGER NOT NULL,
    speaker      TEXT NOT NULL,
    role         TEXT NOT NULL DEFAULT 'unknown' CHECK (role IN ('unknown', 'interviewer', 'participant')),
    start_ms     INTEGER CHECK (start_ms >= 0),
    end_ms       INTEGER CHECK (end_ms >= 0),
    text_start   INTEGER NOT NULL,
    text_end     INTEGER NOT NULL,
    text         TEXT NOT NULL,
    UNIQUE (interview_id, ord)
) STRICT;

CREATE TABLE interview_note (
    id           INTEGER PRIMARY KEY,
    interview_id INTEGER NOT NULL REFERENCES interview(id) ON DELETE CASCADE,
    question_id  INTEGER REFERENCES guide_question(id) ON DELETE SET NULL,
    at_ms        INTEGER CHECK (at_ms >= 0),
    text         TEXT NOT NULL,
    created_at   TEXT NOT NULL
) STRICT;
CREATE INDEX interview_note_by_interview ON interview_note(interview_id);
CREATE INDEX interview_note_by_question ON interview_note(question_id);

CREATE TABLE code (
    id          INTEGER PRIMARY KEY,
    parent_id   INTEGER REFERENCES code(id),
    kind        TEXT NOT NULL CHECK (kind IN ('force', 'phase', 'event', 'dimension', 'criterion',
                                              'concept', 'custom')),
    key         TEXT NOT NULL UNIQUE CHECK (key <> ''),
    name        TEXT NOT NULL CHECK (name <> ''),
    color       TEXT NOT NULL DEFAULT '',
    shortcut    TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    builtin     INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),
    ord         INTEGER NOT NULL DEFAULT 0
) STRICT;
CREATE INDEX code_by_parent ON code(parent_id);

CREATE TABLE coder (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CHECK (name <> '')
) STRICT;

CREATE TABLE highlight (
    id           INTEGER PRIMARY KEY,
    interview_id INTEGER NOT NULL REFERENCES interview(id) ON DELETE CASCADE,
    start        INTEGER NOT NULL CHECK (start >= 0),
    "end"        INTEGER NOT NULL,
    quote        TEXT NOT NULL,
    coder_id     INTEGER REFERENCES coder(id) ON DELETE SET NULL,
    intensity    INTEGER NOT NULL DEFAULT 3 CHECK (intensity BETWEEN 1 AND 5),
    confidence   TEXT NOT NULL DEFAULT 'medium' CHECK (confidence IN ('low', 'medium', 'high')),
    phase        TEXT CHECK (phase IN ('first-thought', 'passive-looking', 'active-looking',
                                       'deciding', 'first-use', 'ongoing-use')),
    memo         TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    CHECK (start < "end")
) STRICT;
CREATE INDEX highlight_by_interview ON highlight(interview_id, start);
CREATE INDEX highlight_by_coder ON highlight(coder_id);

CREATE TABLE highlight_code (
    highlight_id INTEGER NOT NULL REFERENCES highlight(id) ON DELETE CASCADE,
    code_id      INTEGER NOT NULL REFERENCES code(id) ON DELETE CASCADE,
    PRIMARY KEY (highlight_id, code_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX highlight_code_by_code ON highlight_code(code_id, highlight_id);

CREATE TABLE timeline_event (
    id            INTEGER PRIMARY KEY,
    interview_id  INTEGER NOT NULL REFERENCES interview(id) ON DELETE CASCADE,
    kind          TEXT NOT NULL CHECK (kind IN ('first-thought', 'event-1', 'event-2', 'purchase', 'fire')),
    occurred_on   TEXT NOT NULL DEFAULT '',
    relative_time TEXT NOT NULL DEFAULT '',
    place         TEXT NOT NULL DEFAULT '',
    people        TEXT NOT NULL DEFAULT '',
    description   TEXT NOT NULL DEFAULT '',
    highlight_id  INTEGER REFERENCES highlight(id) ON DELETE SET NULL
) STRICT;
CREATE INDEX timeline_event_by_interview ON timeline_event(interview_id);
CREATE INDEX timeline_event_by_highlight ON timeline_event(highlight_id);

CREATE TABLE force_group (
    id     INTEGER PRIMARY KEY,
    force  TEXT NOT NULL CHECK (force IN ('push', 'pull', 'anxiety', 'habit')),
    label  TEXT NOT NULL,
    notes  TEXT NOT NULL DEFAULT '',
    pinned INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1))
) STRICT;

CREATE TABLE force_group_member (
    force_group_id INTEGER NOT NULL REFERENCES force_group(id) ON DELETE CASCADE,
    highlight_id   INTEGER NOT NULL REFERENCES highlight(id) ON DELETE CASCADE,
    PRIMARY KEY (force_group_id, highlight_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX force_group_member_by_highlight ON force_group_member(highlight_id);

CREATE TABLE job (
    id            INTEGER PRIMARY KEY,
    stable_key    TEXT NOT NULL UNIQUE CHECK (stable_key <> ''),
    name          TEXT NOT NULL,
    statement     TEXT NOT NULL DEFAULT '',
    story_when    TEXT NOT NULL DEFAULT '',
    story_want    TEXT NOT NULL DEFAULT '',
    story_so_that TEXT NOT NULL DEFAULT '',
    notes         TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE job_member (
    job_id       INTEGER NOT NULL REFERENCES job(id) ON DELETE CASCADE,
    interview_id INTEGER NOT NULL REFERENCES interview(id) ON DELETE CASCADE,
    PRIMARY KEY (job_id, interview_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX job_member_by_interview ON job_member(interview_id);
