-- Sufficient statistics of the employee-satisfaction index (overall, 1–5) per group.
-- parent_<count> is the same count for the same group with no filters at all (no unit and no
-- dates), for the suppression rule (satisfaction.methods.suppression.too_small).
-- Read from the rollups (migration 6).
-- grain: one row per group (all, unit, month YYYY-MM or quarter YYYY-Qn)
-- reads: employees
-- params: date_from DATE, date_to DATE, regions VARCHAR[], units VARCHAR[], channels VARCHAR[], stages VARCHAR[], segments VARCHAR[], by VARCHAR
-- columns: grp, n, overall_sum, overall_sumsq, stay_n, stay_sum, parent_n, parent_stay_n
WITH sums AS (
    SELECT
        kept,
        group_value('employee_figures_by_period', $by, day, ['unit'], unit := unit) AS grp,
        sum(n)::BIGINT AS n,
        sum(overall_sum)::BIGINT AS overall_sum,
        sum(overall_sumsq)::BIGINT AS overall_sumsq,
        sum(stay_n)::BIGINT AS stay_n,
        sum(stay_sum)::BIGINT AS stay_sum
    FROM kept_and_all_employee_sums($date_from, $date_to, $regions, $units, $channels, $stages, $segments)
    GROUP BY kept, grp
)
SELECT f.* EXCLUDE (kept), p.n AS parent_n, p.stay_n AS parent_stay_n
FROM sums f
JOIN sums p ON NOT p.kept AND p.grp IS NOT DISTINCT FROM f.grp
WHERE f.kept
ORDER BY grp
