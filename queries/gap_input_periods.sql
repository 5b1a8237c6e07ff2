-- The periods (months) for which gap model inputs were loaded, with how many items each has.
-- grain: one row per input period
-- reads: gap_inputs
-- params: date_from DATE, date_to DATE, regions VARCHAR[], units VARCHAR[], channels VARCHAR[], stages VARCHAR[], segments VARCHAR[]
-- columns: period, items
SELECT period, count(*) AS items
FROM filtered_gap_inputs(date_trunc('month', $date_from::DATE), $date_to, $regions, $units, $channels, $stages, $segments)
GROUP BY period
ORDER BY period
