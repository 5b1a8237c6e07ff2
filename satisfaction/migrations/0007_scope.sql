-- Migration 7: row scope and attribution.

-- Whether a row with this region and unit lies in the reading user's scope (satisfaction.access
-- .Scope). The scope is two variables a scoped cursor sets before it reads (Store.query):
-- scope_regions and scope_units, each a list, or NULL for a dimension that is not restricted.
-- A NULL value cannot be shown to lie in a restricted dimension, so it is out. A cursor that
-- sets neither (the command line, the dashboard's own work) sees every row.
CREATE OR REPLACE MACRO in_scope(region, unit) AS
    (getvariable('scope_regions') IS NULL
        OR coalesce(list_contains(getvariable('scope_regions'), region), false))
    AND (getvariable('scope_units') IS NULL
        OR coalesce(list_contains(getvariable('scope_units'), unit), false));

-- Who made each change, and when: a load already names its loader (batches.loaded_by); targets
-- their setter (targets.set_by, set_at).
ALTER TABLE batches ADD COLUMN IF NOT EXISTS undone_by VARCHAR;
ALTER TABLE column_mappings ADD COLUMN IF NOT EXISTS saved_by VARCHAR;
ALTER TABLE column_mappings ADD COLUMN IF NOT EXISTS saved_at TIMESTAMP;
ALTER TABLE benchmarks ADD COLUMN IF NOT EXISTS set_by VARCHAR;
ALTER TABLE benchmarks ADD COLUMN IF NOT EXISTS set_at TIMESTAMP;
