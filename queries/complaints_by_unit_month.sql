-- Complaints per unit and month with their resolution time: the grid in which a unit's
-- unusual month (a spike in volume, a slowdown in resolution) is sought.
-- Read from the rollups (migration 6); days to resolve are a key there, so the median
-- and percentile come from their exact distribution.
-- grain: one row per unit and month with complaints (units NULL left out)
-- reads: complaints
-- params: date_from DATE, date_to DATE, regions VARCHAR[], units VARCHAR[], channels VARCHAR[], stages VARCHAR[], segments VARCHAR[]
-- columns: unit, month, complaints, resolved, days_median, days_p90, parent_resolved
WITH sums AS (
    SELECT kept, unit, period_label(day, 'month') AS month, sum(complaints)::BIGINT AS complaints,
           coalesce(sum(complaints) FILTER (WHERE days IS NOT NULL), 0)::BIGINT AS resolved,
           list_aggregate(flatten(list(list_resize([days], complaints, days))), 'median')::DOUBLE AS days_median,
           list_aggregate(flatten(list(list_resize([days], complaints, days))), 'quantile_cont', 0.9)::DOUBLE AS days_p90
    FROM kept_and_all_complaint_sums($date_from, $date_to, $regions, $units, $channels, $stages, $segments) WHERE unit IS NOT NULL
    GROUP BY kept, unit, month
)
SELECT f.* EXCLUDE (kept), p.resolved AS parent_resolved
FROM sums f JOIN sums p ON NOT p.kept AND p.unit = f.unit AND p.month = f.month
WHERE f.kept
ORDER BY unit, month
