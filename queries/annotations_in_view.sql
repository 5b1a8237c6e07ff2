-- The notes pinned to the timeline that belong in a view: dated within the dates (an open end
-- when NULL), and a note for one region (unit) only when that region (unit) is in view, i.e.
-- no region (unit) is chosen or the chosen ones include it; a note for no region or unit
-- belongs everywhere. A removed note is left out. Notes are no records of a kind, so the other filters do not apply.
-- grain: one row per note
-- reads: annotations
-- params: date_from DATE, date_to DATE, regions VARCHAR[], units VARCHAR[]
-- columns: id, day, text, region, unit, created_by, created_at, updated_by, updated_at
SELECT id, day, text, region, unit, created_by, created_at, updated_by, updated_at
FROM annotations
WHERE removed_at IS NULL
  AND ($date_from IS NULL OR day >= $date_from)
  AND ($date_to IS NULL OR day <= $date_to)
  AND (region IS NULL OR len(coalesce($regions, [])) = 0 OR list_contains($regions, region))
  AND (unit IS NULL OR len(coalesce($units, [])) = 0 OR list_contains($units, unit))
ORDER BY day, id
