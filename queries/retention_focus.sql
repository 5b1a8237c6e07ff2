-- The quarter the Retention page centres on: the latest quarter some filtered customer was
-- active in all three months of (the dates, when set, already cut the months), else the latest
-- quarter with rows; and the quarter before it among the quarters with rows (NULL when none).
-- No row when no customer row passes the filters.
-- grain: one row
-- reads: customers
-- params: date_from DATE, date_to DATE, regions VARCHAR[], units VARCHAR[], channels VARCHAR[], stages VARCHAR[], segments VARCHAR[]
-- columns: focus, before
WITH quarters AS (
    SELECT period, max(active_months) >= 3 AS whole
    FROM customer_quarters($date_from, $date_to, $regions, $units, $channels, $stages, $segments)
    GROUP BY period
), focus AS (
    SELECT coalesce(max(period) FILTER (WHERE whole), max(period)) AS period FROM quarters
)
SELECT focus.period AS focus,
       (SELECT max(quarters.period) FROM quarters WHERE quarters.period < focus.period) AS before
FROM focus
WHERE focus.period IS NOT NULL
