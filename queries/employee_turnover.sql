-- Employee turnover per group and tenure band: surveyed employees and those of them who have
-- since left (left_on set). Tenure bands in months at the survey: 0-3, 3-12, 12-24, 24+
-- (lower bound included); band 'all' is the group's total, responses without a tenure included.
-- parent_employees is the same cell with no filters at all (no dates and no filter values), for
-- the suppression rule (satisfaction.methods.suppression.too_small).
-- Read from the rollups (migration 6).
-- grain: one row per group (all, unit, month YYYY-MM or quarter YYYY-Qn) and tenure band
-- (0-3, 3-12, 12-24, 24+, all), for every group and band in the store (0 where the filters
-- leave none)
-- reads: employees
-- params: date_from DATE, date_to DATE, regions VARCHAR[], units VARCHAR[], channels VARCHAR[], stages VARCHAR[], segments VARCHAR[], by VARCHAR
-- columns: grp, tenure_band, employees, leavers, parent_employees
WITH banded AS (
    SELECT kept, n, leavers, tenure_band AS band,
           group_value('employee_turnover', $by, day, ['unit'], unit := unit) AS grp
    FROM kept_and_all_employee_sums($date_from, $date_to, $regions, $units, $channels, $stages, $segments)
), cells AS (
    SELECT grp, band AS tenure_band,
           coalesce(sum(n) FILTER (WHERE kept), 0)::BIGINT AS employees,
           coalesce(sum(leavers) FILTER (WHERE kept), 0)::BIGINT AS leavers,
           coalesce(sum(n) FILTER (WHERE NOT kept), 0)::BIGINT AS parent_employees
    FROM banded WHERE band IS NOT NULL GROUP BY grp, band
    UNION ALL
    SELECT grp, 'all',
           coalesce(sum(n) FILTER (WHERE kept), 0)::BIGINT,
           coalesce(sum(leavers) FILTER (WHERE kept), 0)::BIGINT,
           coalesce(sum(n) FILTER (WHERE NOT kept), 0)::BIGINT
    FROM banded GROUP BY grp
)
SELECT grp, tenure_band, employees, leavers, parent_employees
FROM cells
WHERE grp IS NOT NULL
ORDER BY grp, CASE tenure_band WHEN '0-3' THEN 0 WHEN '3-12' THEN 1 WHEN '12-24' THEN 2
                               WHEN '24+' THEN 3 ELSE 4 END
