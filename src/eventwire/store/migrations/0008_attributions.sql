-- Schema version 8: attributions (model.Attribution), content attributed to a source with
-- its cue: every statement, belief, intention, finding, denial or question. A new table;
-- stores written before it have none for their articles (the JSON output then has an empty
-- list, as an older eventwire's output has no "attributions" at all).
CREATE TABLE attributions (
    article_seq {bigint} NOT NULL,
    id TEXT NOT NULL,
    pos INTEGER NOT NULL,            -- order in the doc
    kind TEXT NOT NULL,              -- statement, belief, intention, finding, denial, question
    char_start INTEGER NOT NULL,     -- first content piece's start
    char_end INTEGER NOT NULL,       -- last content piece's end
    content TEXT NOT NULL,           -- JSON [[start, end], ...]: the content pieces
    source TEXT,                     -- a sources id
    source_start INTEGER,
    source_end INTEGER,
    cue_start INTEGER,
    cue_end INTEGER,
    direct INTEGER NOT NULL,
    quotes TEXT NOT NULL,            -- JSON list of quote ids
    stage TEXT NOT NULL,
    PRIMARY KEY (article_seq, id)
){strict};
