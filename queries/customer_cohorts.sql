-- Cohort retention by quarter: customers grouped by the quarter of their first active month in
-- the filters (their cohort); per cohort and every quarter with rows from the cohort's on, the
-- cohort's size and how many of it are active.
-- grain: one row per cohort and quarter
-- reads: customers
-- params: date_from DATE, date_to DATE, regions VARCHAR[], units VARCHAR[], channels VARCHAR[], stages VARCHAR[], segments VARCHAR[]
-- columns: cohort, period, customers, retained
WITH quarters AS (
    SELECT customer_id, period, active FROM customer_quarters($date_from, $date_to, $regions, $units, $channels, $stages, $segments)
), firsts AS (
    SELECT customer_id, min(period) AS cohort FROM quarters WHERE active GROUP BY customer_id
), sizes AS (
    SELECT cohort, count(*) AS customers FROM firsts GROUP BY cohort
), kept AS (
    SELECT firsts.cohort, quarters.period, count(*) AS retained
    FROM quarters JOIN firsts USING (customer_id)
    WHERE quarters.active
    GROUP BY firsts.cohort, quarters.period
)
SELECT sizes.cohort, periods.period, sizes.customers, coalesce(kept.retained, 0) AS retained
FROM sizes
JOIN (SELECT DISTINCT period FROM quarters) AS periods ON periods.period >= sizes.cohort
LEFT JOIN kept ON kept.cohort = sizes.cohort AND kept.period = periods.period
ORDER BY sizes.cohort, periods.period
