-- Schema version 3: an inverted index of events by the terms that filters look for, so
-- that a filtered page of events is read in event order from one index range:
--   c:<ISO3>   an actor's, recipient's or the place's country (--country)
--   ac:<ISO3>  an actor's or recipient's country (--actor with a code)
--   a:<name>   an actor's or recipient's name, casefolded (--actor with a name)
--   o:<outlet> the article's outlet (--outlet)
CREATE TABLE event_terms (
    term TEXT NOT NULL,
    event_seq {bigint} NOT NULL,
    PRIMARY KEY (term, event_seq)
){strict};
INSERT INTO event_terms (term, event_seq)
SELECT 'c:' || place_country, seq FROM events WHERE place_country IS NOT NULL
UNION SELECT 'c:' || x.country, e.seq FROM actors x
    JOIN events e ON e.article_id = x.article_id AND e.id = x.event_id WHERE x.country IS NOT NULL
UNION SELECT 'ac:' || x.country, e.seq FROM actors x
    JOIN events e ON e.article_id = x.article_id AND e.id = x.event_id WHERE x.country IS NOT NULL
UNION SELECT 'a:' || x.name_key, e.seq FROM actors x
    JOIN events e ON e.article_id = x.article_id AND e.id = x.event_id
UNION SELECT 'o:' || a.outlet, e.seq FROM events e
    JOIN articles a ON a.id = e.article_id WHERE a.outlet IS NOT NULL;
