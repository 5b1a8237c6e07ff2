-- Correlations, means and n of the employee survey's overall score and its driver items, on complete rows.
-- parent_n is n with no filters at all (no dates and no filter values), for the suppression rule
-- (satisfaction.methods.suppression.too_small).
-- grain: one row per statistic and item: corr for each of the 8 x 8 item pairs (row_item, col_item); mean, n and parent_n per item (col_item, row_item NULL)
-- reads: employees
-- params: date_from DATE, date_to DATE, regions VARCHAR[], units VARCHAR[], channels VARCHAR[], stages VARCHAR[], segments VARCHAR[]
-- columns: statistic, row_item, col_item, value
WITH every_complete AS (
    -- "respect" is quoted because it is a keyword (IGNORE/RESPECT NULLS).
    SELECT kept, overall, job, training, pay, promotion, "respect", teamwork, welfare
    FROM kept_and_all_employees($date_from, $date_to, $regions, $units, $channels, $stages, $segments)
    WHERE job IS NOT NULL AND training IS NOT NULL AND pay IS NOT NULL AND promotion IS NOT NULL
      AND "respect" IS NOT NULL AND teamwork IS NOT NULL AND welfare IS NOT NULL
), complete AS (
    SELECT * EXCLUDE (kept) FROM every_complete WHERE kept
), parent AS (
    SELECT * EXCLUDE (kept) FROM every_complete WHERE NOT kept
),
wide AS (
    SELECT 'corr' AS statistic, 'overall' AS row_item, corr(COLUMNS(complete.*), overall) FROM complete
    UNION ALL SELECT 'corr', 'job', corr(COLUMNS(complete.*), job) FROM complete
    UNION ALL SELECT 'corr', 'training', corr(COLUMNS(complete.*), training) FROM complete
    UNION ALL SELECT 'corr', 'pay', corr(COLUMNS(complete.*), pay) FROM complete
    UNION ALL SELECT 'corr', 'promotion', corr(COLUMNS(complete.*), promotion) FROM complete
    UNION ALL SELECT 'corr', 'respect', corr(COLUMNS(complete.*), "respect") FROM complete
    UNION ALL SELECT 'corr', 'teamwork', corr(COLUMNS(complete.*), teamwork) FROM complete
    UNION ALL SELECT 'corr', 'welfare', corr(COLUMNS(complete.*), welfare) FROM complete
    UNION ALL SELECT 'mean', NULL, avg(COLUMNS(complete.*)) FROM complete
    UNION ALL SELECT 'n', NULL, count(COLUMNS(complete.*)) FROM complete
    UNION ALL SELECT 'parent_n', NULL, count(COLUMNS(parent.*)) FROM parent
)
SELECT statistic, row_item, col_item, value::DOUBLE AS value
FROM wide UNPIVOT INCLUDE NULLS (value FOR col_item IN (COLUMNS(* EXCLUDE (statistic, row_item))))
ORDER BY statistic, row_item, col_item
