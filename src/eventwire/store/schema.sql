-- eventwire store, schema version 1.
--
-- Written once for both engines. Placeholders: {strict} (SQLite's STRICT table option),
-- {serial} (an auto-numbered integer key), {float} (a double), {blob} (bytes), {bigint}
-- (a 64-bit integer). A line that starts with "--@sqlite " or "--@postgres " is kept,
-- without that prefix, for that engine only. Offsets (char_start, char_end) are Python
-- str offsets into articles.text.
-- Statements end with ";" at the end of a line.

CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER PRIMARY KEY,
    applied TEXT NOT NULL
){strict};

-- One row per ingest run: what produced the rows.
CREATE TABLE runs (
    seq {serial},
    started TEXT NOT NULL,
    finished TEXT,
    settings TEXT NOT NULL,          -- JSON: resolved settings
    stages TEXT NOT NULL,            -- JSON: stage names in order
    versions TEXT NOT NULL,          -- JSON: eventwire and model versions
    counts TEXT                      -- JSON: stored, skipped, failed, ...
){strict};

-- One row per article version. id is the hash of the normalised text, so a changed text at
-- the same URL is a new row (version + 1) and the old one stays, with is_current = 0.
CREATE TABLE articles (
    seq {serial},
    id TEXT NOT NULL UNIQUE,
    url TEXT,
    outlet TEXT,
    title TEXT,
    published TEXT,                  -- ISO 8601 date or datetime
    language TEXT,
    text TEXT NOT NULL,
    body TEXT NOT NULL,              -- JSON [[start, end], ...]: the report's own lines
    version INTEGER NOT NULL,
    previous TEXT,                   -- id of the version this one replaced
    is_current INTEGER NOT NULL,     -- 1 for the latest version at its URL
    run INTEGER,
    ingested TEXT NOT NULL
){strict};
CREATE INDEX articles_url ON articles (url);
CREATE INDEX articles_outlet ON articles (outlet);
CREATE INDEX articles_published ON articles (published);

-- Which input item (file, line, feed entry, WARC record) with which content was stored, so a
-- rerun skips what is done and an interrupted ingest resumes.
CREATE TABLE inputs (
    item TEXT NOT NULL,
    digest TEXT NOT NULL,
    article_id TEXT NOT NULL,
    run INTEGER,
    PRIMARY KEY (item, digest)
){strict};

CREATE TABLE events (
    seq {serial},
    article_id TEXT NOT NULL,
    id TEXT NOT NULL,
    is_current INTEGER NOT NULL,     -- copied from articles.is_current
    type TEXT NOT NULL,
    plover_type TEXT NOT NULL,
    mode TEXT,
    modality TEXT NOT NULL,
    modality_cue_start INTEGER,
    modality_cue_end INTEGER,
    trigger_start INTEGER NOT NULL,
    trigger_end INTEGER NOT NULL,
    trigger_text TEXT NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end INTEGER NOT NULL,
    confidence {float} NOT NULL,
    trace TEXT NOT NULL,             -- JSON list
    context TEXT NOT NULL,           -- JSON list
    attributed_to TEXT NOT NULL,     -- JSON list of source ids
    place_id TEXT,
    place_name TEXT,                 -- the place's fields, copied for filtering
    place_country TEXT,
    place_admin1 TEXT,
    place_lat {float},
    place_lon {float},
    time_relation TEXT,
    time_value TEXT,
    time_id TEXT,
    time_start TEXT,                 -- the event time's interval, as extracted
    time_end TEXT,
    time_lo TEXT,                    -- the interval as dates for range scans; open ends are
    time_hi TEXT,                    -- 0001-01-01 and 9999-12-31
    time_long INTEGER,               -- 1 when the interval spans more than LONG_SPAN_DAYS
    count_min INTEGER,
    count_max INTEGER,
    count_start INTEGER,
    count_end INTEGER,
    UNIQUE (article_id, id)
){strict};
CREATE INDEX events_type ON events (type);
CREATE INDEX events_plover_type ON events (plover_type);
CREATE INDEX events_place_country ON events (place_country);
CREATE INDEX events_place_admin1 ON events (place_admin1);
CREATE INDEX events_place_lat ON events (place_lat);
CREATE INDEX events_time_long ON events (time_long, time_lo);

-- Actors and recipients of each event, in order.
CREATE TABLE actors (
    article_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    side TEXT NOT NULL,              -- actor or recipient
    pos INTEGER NOT NULL,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,          -- casefolded name, for matching
    country TEXT,
    sector TEXT,
    role TEXT,
    sponsor TEXT,
    char_start INTEGER,
    char_end INTEGER,
    rule TEXT NOT NULL,
    PRIMARY KEY (article_id, event_id, side, pos)
){strict};

CREATE TABLE mentions (
    article_id TEXT NOT NULL,
    id TEXT NOT NULL,
    pos INTEGER NOT NULL,            -- order in the doc
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    label TEXT NOT NULL,
    stage TEXT NOT NULL,
    actor_name TEXT,
    actor_country TEXT,
    actor_sector TEXT,
    actor_role TEXT,
    actor_sponsor TEXT,
    actor_start INTEGER,
    actor_end INTEGER,
    actor_rule TEXT,
    PRIMARY KEY (article_id, id)
){strict};

CREATE TABLE places (
    article_id TEXT NOT NULL,
    id TEXT NOT NULL,
    pos INTEGER NOT NULL,            -- order in the doc
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    country TEXT,
    admin1 TEXT,
    lat {float},
    lon {float},
    geonames_id INTEGER,
    confidence {float},
    metonym INTEGER NOT NULL,
    stage TEXT NOT NULL,
    PRIMARY KEY (article_id, id)
){strict};

CREATE TABLE times (
    article_id TEXT NOT NULL,
    id TEXT NOT NULL,
    pos INTEGER NOT NULL,            -- order in the doc
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    type TEXT NOT NULL,
    value TEXT NOT NULL,
    has_interval INTEGER NOT NULL,
    interval_start TEXT,
    interval_end TEXT,
    anchor TEXT,
    stage TEXT NOT NULL,
    PRIMARY KEY (article_id, id)
){strict};

CREATE TABLE sources (
    article_id TEXT NOT NULL,
    id TEXT NOT NULL,
    pos INTEGER NOT NULL,            -- order in the doc
    kind TEXT NOT NULL,
    name TEXT,
    count INTEGER,
    affiliation TEXT,
    role TEXT,
    char_start INTEGER,
    char_end INTEGER,
    stage TEXT NOT NULL,
    PRIMARY KEY (article_id, id)
){strict};

CREATE TABLE quotes (
    article_id TEXT NOT NULL,
    id TEXT NOT NULL,
    pos INTEGER NOT NULL,            -- order in the doc
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    speaker TEXT,
    speaker_start INTEGER,
    speaker_end INTEGER,
    cue_start INTEGER,
    cue_end INTEGER,
    direct INTEGER NOT NULL,
    stage TEXT NOT NULL,
    PRIMARY KEY (article_id, id)
){strict};

-- Input items that could not be read or extracted; cleared when a rerun stores them.
CREATE TABLE failures (
    item TEXT PRIMARY KEY,           -- file path, file:line, feed entry, WARC record
    article_id TEXT,
    stage TEXT NOT NULL,             -- read, fetch, or the pipeline stage that failed
    error_type TEXT NOT NULL,
    message TEXT NOT NULL,
    occurred TEXT NOT NULL,
    run INTEGER
){strict};

-- Near-duplicates: article_id is a copy (syndicated, lightly edited) of original_id.
CREATE TABLE duplicates (
    article_id TEXT PRIMARY KEY,
    original_id TEXT NOT NULL,
    similarity {float} NOT NULL,
    method TEXT NOT NULL
){strict};
CREATE INDEX duplicates_original ON duplicates (original_id);

-- MinHash signatures and their LSH band buckets, for near-duplicate lookup.
CREATE TABLE minhashes (
    article_id TEXT PRIMARY KEY,
    signature {blob} NOT NULL
){strict};
CREATE TABLE lsh_buckets (
    bucket {bigint} NOT NULL,        -- hash of (band, band values), 63 bits
    article_id TEXT NOT NULL
){strict};
CREATE INDEX lsh_buckets_bucket ON lsh_buckets (bucket);

-- Full-text search over title and text.
--@sqlite CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='seq');
--@postgres ALTER TABLE articles ADD COLUMN tsv tsvector GENERATED ALWAYS AS (to_tsvector('english', coalesce(title, '') || ' ' || text)) STORED;
--@postgres CREATE INDEX articles_tsv ON articles USING GIN (tsv);
