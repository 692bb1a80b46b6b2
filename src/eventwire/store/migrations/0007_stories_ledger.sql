-- Schema version 7: across articles (eventwire.corpus): stories (the events of different
-- articles that report one real-world event) and the ledger of commitments. Written in the
-- same transaction as each article, so a killed ingest leaves them consistent with it.

-- The input items of an article, for its input id when a store written before version 7
-- is caught up (corpus/linker.py).
CREATE INDEX inputs_article ON inputs (article_id);

-- One row per article the corpus stage has seen (even one without events), so that a
-- store written before version 7 is caught up by the next ingest.
CREATE TABLE corpus_articles (
    article_seq {bigint} PRIMARY KEY,
    ref TEXT NOT NULL,               -- the input's id (JSON Lines "id"), else the article id
    outlet TEXT,                     -- the outlet, else the URL's host; null when neither
    original_seq {bigint},           -- the article this one is a near-duplicate copy of
    published TEXT
){strict};

CREATE TABLE stories (
    seq {serial},
    type TEXT NOT NULL,              -- the type of its events (links need the same type)
    time_lo TEXT,                    -- the union of its events' time intervals, as dates
    time_hi TEXT
){strict};
CREATE INDEX stories_type ON stories (type);

-- Every event of every current article is in exactly one story. The columns after `story`
-- are what the linker compares (see corpus/features.py): later articles read them instead
-- of rebuilding the event.
CREATE TABLE story_events (
    event_seq {bigint} PRIMARY KEY,
    story {bigint} NOT NULL,
    article_seq {bigint} NOT NULL,
    current INTEGER NOT NULL,        -- 0 once a new version of the article replaced it
    score {float},                   -- the link score that joined it (null: it began the story)
    type TEXT NOT NULL,
    lemma TEXT NOT NULL,
    mode TEXT,
    modality TEXT NOT NULL,
    actors TEXT NOT NULL,            -- space-separated words of the actors' names
    actor_countries TEXT NOT NULL,
    recipients TEXT NOT NULL,
    recipient_countries TEXT NOT NULL,
    place TEXT,
    place_country TEXT,
    place_lat {float},
    place_lon {float},
    time_lo TEXT,
    time_hi TEXT,
    fallback INTEGER NOT NULL,       -- 1: the time is the publication-day fallback
    published TEXT,
    words TEXT NOT NULL,             -- the sentence's content words
    origins TEXT NOT NULL            -- JSON: where the report comes from (corpus/origins.py)
){strict};
CREATE INDEX story_events_story ON story_events (story);
CREATE INDEX story_events_article ON story_events (article_seq);

-- Lookup keys of each event (type and lemma, type and mode) with the day it is filed
-- under: the candidates for a new event are the few nearest its own day under each of its
-- keys, so the cost per article stays bounded.
CREATE TABLE story_keys (
    key TEXT NOT NULL,
    day TEXT NOT NULL,               -- YYYY-MM-DD, or '' for an event without any date
    event_seq {bigint} NOT NULL,
    PRIMARY KEY (key, day, event_seq)
){strict};

-- Commitments: planned or expected events with a due time, and what later reports said.
CREATE TABLE commitments (
    seq {serial},
    event_seq {bigint} NOT NULL UNIQUE,
    article_seq {bigint} NOT NULL,
    type TEXT NOT NULL,
    lemma TEXT NOT NULL,
    published TEXT,
    status TEXT NOT NULL             -- after its whole history: open, fulfilled, ...
){strict};
-- Lookup keys of the pending (open or rescheduled) commitments.
CREATE TABLE commitment_keys (
    key TEXT NOT NULL,
    commitment {bigint} NOT NULL,
    PRIMARY KEY (key, commitment)
){strict};
-- Each change of a commitment, in the order it was recorded: "open" (made), "fulfilled",
-- "rescheduled" (a new due time), "contradicted"; with the event and article that moved it.
-- "overdue" is never stored: it depends on the date the ledger is read as of.
CREATE TABLE commitment_history (
    commitment {bigint} NOT NULL,
    pos INTEGER NOT NULL,
    status TEXT NOT NULL,
    event_seq {bigint} NOT NULL,
    article_seq {bigint} NOT NULL,
    published TEXT,
    due_relation TEXT NOT NULL,
    due_value TEXT NOT NULL,
    due_start TEXT,
    due_end TEXT,
    deadline TEXT,                   -- the last day it may happen on (YYYY-MM-DD)
    score {float},
    PRIMARY KEY (commitment, pos)
){strict};
