-- Sufficient statistics of the employee-satisfaction index (overall, 1–5) per group.
-- parent_<count> is the same count for the same group with no filters at all (no unit and no
-- dates), for the suppression rule (satisfaction.methods.suppression.too_small).
-- grain: one row per group (all, unit, month YYYY-MM or quarter YYYY-Qn)
-- reads: employees
-- params: date_from DATE, date_to DATE, regions VARCHAR[], units VARCHAR[], channels VARCHAR[], stages VARCHAR[], segments VARCHAR[], by VARCHAR
-- columns: grp, n, overall_sum, overall_sumsq, stay_n, stay_sum, parent_n, parent_stay_n
WITH sums AS (
    SELECT
        kept,
        group_value('employee_figures_by_period', $by, surveyed_on, ['unit'], unit := unit) AS grp,
        count(overall) AS n,
        sum(overall)::BIGINT AS overall_sum,
        sum(overall::BIGINT * overall)::BIGINT AS overall_sumsq,
        count(intends_to_stay) AS stay_n,
        coalesce(sum(intends_to_stay)::BIGINT, 0) AS stay_sum
    FROM kept_and_all_employees($date_from, $date_to, $regions, $units, $channels, $stages, $segments)
    GROUP BY kept, grp
)
SELECT f.* EXCLUDE (kept), p.n AS parent_n, p.stay_n AS parent_stay_n
FROM sums f
JOIN sums p ON NOT p.kept AND p.grp IS NOT DISTINCT FROM f.grp
WHERE f.kept
ORDER BY grp
