-- Complaints per unit and month with their resolution time: the grid in which a unit's
-- unusual month (a spike in volume, a slowdown in resolution) is sought.
-- grain: one row per unit and month with complaints (units NULL left out)
-- reads: complaints
-- params: date_from DATE, date_to DATE, regions VARCHAR[], units VARCHAR[], channels VARCHAR[], stages VARCHAR[], segments VARCHAR[]
-- columns: unit, month, complaints, resolved, days_median, days_p90, parent_resolved
WITH sums AS (
    SELECT kept, unit, period_label(received_on, 'month') AS month, count(*) AS complaints,
           count(resolved_on) AS resolved,
           median(resolved_on - received_on)::DOUBLE AS days_median,
           quantile_cont(resolved_on - received_on, 0.9)::DOUBLE AS days_p90
    FROM kept_and_all_complaints($date_from, $date_to, $regions, $units, $channels, $stages, $segments) WHERE unit IS NOT NULL
    GROUP BY kept, unit, month
)
SELECT f.* EXCLUDE (kept), p.resolved AS parent_resolved
FROM sums f JOIN sums p ON NOT p.kept AND p.unit = f.unit AND p.month = f.month
WHERE f.kept
ORDER BY unit, month
