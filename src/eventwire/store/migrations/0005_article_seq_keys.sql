-- Schema version 5: the article's records are keyed by its integer `seq` (article_seq),
-- not by its hashed text id. Articles are numbered in ingest order, so the keys of a new
-- article's rows go at the end of each index instead of onto random pages. The text id
-- stays in `articles` (unique), and in inputs, failures and duplicates; queries that need
-- it join through `articles`.
-- Each table is rebuilt (neither engine can change a primary key in place): new table,
-- rows copied in key order, old table dropped, new one renamed, indexes made again.

CREATE TABLE events_new (
    seq {serial},
    article_seq {bigint} NOT NULL,
    id TEXT NOT NULL,
    is_current INTEGER NOT NULL,
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
    trace TEXT NOT NULL,
    context TEXT NOT NULL,
    attributed_to TEXT NOT NULL,
    place_id TEXT,
    place_name TEXT,
    place_country TEXT,
    place_admin1 TEXT,
    place_lat {float},
    place_lon {float},
    time_relation TEXT,
    time_value TEXT,
    time_id TEXT,
    time_start TEXT,
    time_end TEXT,
    time_lo TEXT,
    time_hi TEXT,
    time_long INTEGER,
    count_min INTEGER,
    count_max INTEGER,
    count_start INTEGER,
    count_end INTEGER,
    salience TEXT NOT NULL DEFAULT 'main',
    UNIQUE (article_seq, id)
){strict};
INSERT INTO events_new (seq, article_seq, id, is_current, type, plover_type, mode, modality,
    modality_cue_start, modality_cue_end, trigger_start, trigger_end, trigger_text,
    sentence_start, sentence_end, confidence, trace, context, attributed_to, place_id,
    place_name, place_country, place_admin1, place_lat, place_lon, time_relation, time_value,
    time_id, time_start, time_end, time_lo, time_hi, time_long, count_min, count_max,
    count_start, count_end, salience)
SELECT e.seq, a.seq, e.id, e.is_current, e.type, e.plover_type, e.mode, e.modality,
    e.modality_cue_start, e.modality_cue_end, e.trigger_start, e.trigger_end, e.trigger_text,
    e.sentence_start, e.sentence_end, e.confidence, e.trace, e.context, e.attributed_to,
    e.place_id, e.place_name, e.place_country, e.place_admin1, e.place_lat, e.place_lon,
    e.time_relation, e.time_value, e.time_id, e.time_start, e.time_end, e.time_lo, e.time_hi,
    e.time_long, e.count_min, e.count_max, e.count_start, e.count_end, e.salience
FROM events e JOIN articles a ON a.id = e.article_id ORDER BY e.seq;
DROP TABLE events;
ALTER TABLE events_new RENAME TO events;
CREATE INDEX events_type ON events (type);
CREATE INDEX events_plover_type ON events (plover_type);
CREATE INDEX events_place_country ON events (place_country);
CREATE INDEX events_place_admin1 ON events (place_admin1);
CREATE INDEX events_place_lat ON events (place_lat);
CREATE INDEX events_time_long ON events (time_long, time_lo);

CREATE TABLE actors_new (
    article_seq {bigint} NOT NULL,
    event_id TEXT NOT NULL,
    side TEXT NOT NULL,
    pos INTEGER NOT NULL,
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    country TEXT,
    sector TEXT,
    role TEXT,
    sponsor TEXT,
    char_start INTEGER,
    char_end INTEGER,
    rule TEXT NOT NULL,
    PRIMARY KEY (article_seq, event_id, side, pos)
){strict};
INSERT INTO actors_new (article_seq, event_id, side, pos, name, name_key, country, sector,
    role, sponsor, char_start, char_end, rule)
SELECT a.seq, x.event_id, x.side, x.pos, x.name, x.name_key, x.country, x.sector, x.role,
    x.sponsor, x.char_start, x.char_end, x.rule
FROM actors x JOIN articles a ON a.id = x.article_id
ORDER BY a.seq, x.event_id, x.side, x.pos;
DROP TABLE actors;
ALTER TABLE actors_new RENAME TO actors;

CREATE TABLE mentions_new (
    article_seq {bigint} NOT NULL,
    id TEXT NOT NULL,
    pos INTEGER NOT NULL,
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
    PRIMARY KEY (article_seq, id)
){strict};
INSERT INTO mentions_new (article_seq, id, pos, char_start, char_end, label, stage,
    actor_name, actor_country, actor_sector, actor_role, actor_sponsor, actor_start,
    actor_end, actor_rule)
SELECT a.seq, x.id, x.pos, x.char_start, x.char_end, x.label, x.stage, x.actor_name,
    x.actor_country, x.actor_sector, x.actor_role, x.actor_sponsor, x.actor_start,
    x.actor_end, x.actor_rule
FROM mentions x JOIN articles a ON a.id = x.article_id ORDER BY a.seq, x.id;
DROP TABLE mentions;
ALTER TABLE mentions_new RENAME TO mentions;

CREATE TABLE places_new (
    article_seq {bigint} NOT NULL,
    id TEXT NOT NULL,
    pos INTEGER NOT NULL,
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
    PRIMARY KEY (article_seq, id)
){strict};
INSERT INTO places_new (article_seq, id, pos, char_start, char_end, name, kind, country,
    admin1, lat, lon, geonames_id, confidence, metonym, stage)
SELECT a.seq, x.id, x.pos, x.char_start, x.char_end, x.name, x.kind, x.country, x.admin1,
    x.lat, x.lon, x.geonames_id, x.confidence, x.metonym, x.stage
FROM places x JOIN articles a ON a.id = x.article_id ORDER BY a.seq, x.id;
DROP TABLE places;
ALTER TABLE places_new RENAME TO places;

CREATE TABLE times_new (
    article_seq {bigint} NOT NULL,
    id TEXT NOT NULL,
    pos INTEGER NOT NULL,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    type TEXT NOT NULL,
    value TEXT NOT NULL,
    has_interval INTEGER NOT NULL,
    interval_start TEXT,
    interval_end TEXT,
    anchor TEXT,
    stage TEXT NOT NULL,
    PRIMARY KEY (article_seq, id)
){strict};
INSERT INTO times_new (article_seq, id, pos, char_start, char_end, type, value, has_interval,
    interval_start, interval_end, anchor, stage)
SELECT a.seq, x.id, x.pos, x.char_start, x.char_end, x.type, x.value, x.has_interval,
    x.interval_start, x.interval_end, x.anchor, x.stage
FROM times x JOIN articles a ON a.id = x.article_id ORDER BY a.seq, x.id;
DROP TABLE times;
ALTER TABLE times_new RENAME TO times;

CREATE TABLE sources_new (
    article_seq {bigint} NOT NULL,
    id TEXT NOT NULL,
    pos INTEGER NOT NULL,
    kind TEXT NOT NULL,
    name TEXT,
    count INTEGER,
    affiliation TEXT,
    role TEXT,
    char_start INTEGER,
    char_end INTEGER,
    stage TEXT NOT NULL,
    PRIMARY KEY (article_seq, id)
){strict};
INSERT INTO sources_new (article_seq, id, pos, kind, name, count, affiliation, role,
    char_start, char_end, stage)
SELECT a.seq, x.id, x.pos, x.kind, x.name, x.count, x.affiliation, x.role, x.char_start,
    x.char_end, x.stage
FROM sources x JOIN articles a ON a.id = x.article_id ORDER BY a.seq, x.id;
DROP TABLE sources;
ALTER TABLE sources_new RENAME TO sources;

CREATE TABLE quotes_new (
    article_seq {bigint} NOT NULL,
    id TEXT NOT NULL,
    pos INTEGER NOT NULL,
    char_start INTEGER NOT NULL,
    char_end INTEGER NOT NULL,
    speaker TEXT,
    speaker_start INTEGER,
    speaker_end INTEGER,
    cue_start INTEGER,
    cue_end INTEGER,
    direct INTEGER NOT NULL,
    stage TEXT NOT NULL,
    PRIMARY KEY (article_seq, id)
){strict};
INSERT INTO quotes_new (article_seq, id, pos, char_start, char_end, speaker, speaker_start,
    speaker_end, cue_start, cue_end, direct, stage)
SELECT a.seq, x.id, x.pos, x.char_start, x.char_end, x.speaker, x.speaker_start,
    x.speaker_end, x.cue_start, x.cue_end, x.direct, x.stage
FROM quotes x JOIN articles a ON a.id = x.article_id ORDER BY a.seq, x.id;
DROP TABLE quotes;
ALTER TABLE quotes_new RENAME TO quotes;

CREATE TABLE minhashes_new (
    article_seq {bigint} PRIMARY KEY,
    signature {blob} NOT NULL
){strict};
INSERT INTO minhashes_new (article_seq, signature)
SELECT a.seq, m.signature FROM minhashes m JOIN articles a ON a.id = m.article_id
ORDER BY a.seq;
DROP TABLE minhashes;
ALTER TABLE minhashes_new RENAME TO minhashes;

CREATE TABLE lsh_buckets_new (
    bucket {bigint} NOT NULL,
    article_seq {bigint} NOT NULL
){strict};
INSERT INTO lsh_buckets_new (bucket, article_seq)
SELECT b.bucket, a.seq FROM lsh_buckets b JOIN articles a ON a.id = b.article_id
ORDER BY a.seq, b.bucket;
DROP TABLE lsh_buckets;
ALTER TABLE lsh_buckets_new RENAME TO lsh_buckets;
CREATE INDEX lsh_buckets_bucket ON lsh_buckets (bucket);
