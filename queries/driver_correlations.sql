-- Correlations, means and n of the employee survey's overall score and its driver items, on complete rows.
-- parent_n is n with no filters at all (no dates and no filter values), for the suppression rule
-- (satisfaction.methods.suppression.too_small).
-- Read from the moments rollup (migration 10, employee_moments), not the rows: the kept cells'
-- n, sums and cross-products are the sufficient statistics, Pearson's
-- r(a, b) = (n·Σab − Σa·Σb) / √((n·Σa² − (Σa)²)(n·Σb² − (Σb)²)), exact in integers but for
-- the last division; NULL with no rows and NaN for an item with no variance, as corr() gives.
-- grain: one row per statistic and item: corr for each of the 8 x 8 item pairs (row_item, col_item); mean, n and parent_n per item (col_item, row_item NULL)
-- reads: employees
-- params: date_from DATE, date_to DATE, regions VARCHAR[], units VARCHAR[], channels VARCHAR[], stages VARCHAR[], segments VARCHAR[]
-- columns: statistic, row_item, col_item, value
WITH kept AS (
    SELECT coalesce(sum(COLUMNS(* EXCLUDE (batch_id, month, unit, bucket))), 0)
    FROM filtered_employee_moments($date_from, $date_to, $regions, $units, $channels, $stages, $segments)
), sums AS (
    -- the one row of sums as a map from its column names: n, s_<item>, c_<item>_<item>
    SELECT map_from_entries(list((name, total))) AS total
    FROM (UNPIVOT kept ON COLUMNS(*) INTO NAME name VALUE total)
), items(position, item) AS (
    VALUES (1, 'overall'), (2, 'job'), (3, 'training'), (4, 'pay'), (5, 'promotion'),
           (6, 'respect'), (7, 'teamwork'), (8, 'welfare')
), pairs AS (
    -- the cross-products are kept for a before b only (and a = b)
    SELECT a.item AS row_item, b.item AS col_item, total['n'] AS n,
           total['s_' || a.item] AS s_a, total['s_' || b.item] AS s_b,
           total['c_' || a.item || '_' || a.item] AS c_aa,
           total['c_' || b.item || '_' || b.item] AS c_bb,
           total[CASE WHEN a.position <= b.position THEN 'c_' || a.item || '_' || b.item
                      ELSE 'c_' || b.item || '_' || a.item END] AS c_ab
    FROM items a, items b, sums
), centred AS (
    SELECT row_item, col_item, n,
           n * c_ab - s_a * s_b AS ab, n * c_aa - s_a * s_a AS aa, n * c_bb - s_b * s_b AS bb
    FROM pairs
), statistics AS (
    SELECT 'corr' AS statistic, row_item, col_item,
           CASE WHEN n = 0 THEN NULL
                WHEN aa = 0 OR bb = 0 THEN 'NaN'::DOUBLE
                ELSE ab / sqrt(aa::DOUBLE * bb) END AS value
    FROM centred
    UNION ALL
    SELECT 'mean', NULL, item, total['s_' || item] / nullif(total['n'], 0) FROM items, sums
    UNION ALL
    SELECT 'n', NULL, item, total['n'] FROM items, sums
    UNION ALL
    SELECT 'parent_n', NULL, item, (SELECT coalesce(sum(n), 0) FROM employee_moments) FROM items
)
SELECT statistic, row_item, col_item, value::DOUBLE AS value
FROM statistics
ORDER BY statistic, row_item, col_item
