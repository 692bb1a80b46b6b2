-- Schema version 4: cheaper writes.
-- On SQLite, event_terms becomes a WITHOUT ROWID table: its (term, event_seq) key is the
-- table itself, so a row goes into one B-tree instead of a rowid table plus its index
-- (half the pages, half the work per insert). PostgreSQL keeps its heap table and index.
--@sqlite CREATE TABLE event_terms_new (term TEXT NOT NULL, event_seq INTEGER NOT NULL, PRIMARY KEY (term, event_seq)) STRICT, WITHOUT ROWID;
--@sqlite INSERT INTO event_terms_new (term, event_seq) SELECT term, event_seq FROM event_terms ORDER BY term, event_seq;
--@sqlite DROP TABLE event_terms;
--@sqlite ALTER TABLE event_terms_new RENAME TO event_terms;
-- No query filters or sorts articles by outlet (event_terms serves --outlet) or by
-- publication date: these two indexes only cost writes.
DROP INDEX articles_outlet;
DROP INDEX articles_published;
