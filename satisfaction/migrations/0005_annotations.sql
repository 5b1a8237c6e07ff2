-- Migration 5: notes an analyst pins to the timeline ("new call-centre system live", "price
-- rise"), drawn on every trend chart. A note may belong to one region or one unit (NULL: the
-- whole business). Who wrote and who last changed a note, and when, are kept beside it.
-- The notes have their own data version, so adding, editing or removing one refreshes the
-- charts that draw notes and nothing else. The text is checked by satisfaction.annotations
-- (the only writer): one line, at most annotations.MAX_TEXT characters.
-- Idempotent, like migrations 3 and 4: a store rewound to an earlier version runs it again.

CREATE SEQUENCE IF NOT EXISTS annotation_ids START 1;

CREATE TABLE IF NOT EXISTS annotations (
    id INTEGER PRIMARY KEY DEFAULT nextval('annotation_ids'),
    day DATE NOT NULL,
    text VARCHAR NOT NULL,
    region VARCHAR,
    unit VARCHAR,
    created_by VARCHAR NOT NULL,
    created_at TIMESTAMP NOT NULL,
    updated_by VARCHAR,
    updated_at TIMESTAMP
);

INSERT INTO data_versions VALUES ('annotations', 0) ON CONFLICT DO NOTHING;
