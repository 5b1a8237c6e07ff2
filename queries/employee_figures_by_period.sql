-- Sufficient statistics of the employee-satisfaction index (overall, 1–5) per group.
-- grain: one row per group (all, unit, month YYYY-MM or quarter YYYY-Qn)
-- reads: employees
-- params: date_from DATE, date_to DATE, regions VARCHAR[], units VARCHAR[], channels VARCHAR[], stages VARCHAR[], segments VARCHAR[], by VARCHAR
-- columns: grp, n, overall_sum, overall_sumsq, stay_n, stay_sum
SELECT
    CASE $by WHEN 'all' THEN 'all'
             WHEN 'unit' THEN unit
             WHEN 'month' THEN period_label(surveyed_on, 'month')
             WHEN 'quarter' THEN period_label(surveyed_on, 'quarter')
             ELSE error('employee_figures_by_period: unknown grouping ' || $by) END AS grp,
    count(overall) AS n,
    sum(overall)::BIGINT AS overall_sum,
    sum(overall::BIGINT * overall)::BIGINT AS overall_sumsq,
    count(intends_to_stay) AS stay_n,
    coalesce(sum(intends_to_stay)::BIGINT, 0) AS stay_sum
FROM filtered_employees($date_from, $date_to, $regions, $units, $channels, $stages, $segments)
GROUP BY grp
ORDER BY grp
