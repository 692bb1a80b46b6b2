-- Schema version 2: Event.salience ("main" or "background"), added to the records after
-- version 1.
ALTER TABLE events ADD COLUMN salience TEXT NOT NULL DEFAULT 'main';
