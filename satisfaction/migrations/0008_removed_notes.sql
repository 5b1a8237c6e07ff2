-- Migration 8: a removed note keeps its record, so who removed it, and when, is known (the
-- change log lists it); every view of the notes leaves removed ones out.
ALTER TABLE annotations ADD COLUMN IF NOT EXISTS removed_by VARCHAR;
ALTER TABLE annotations ADD COLUMN IF NOT EXISTS removed_at TIMESTAMP;
