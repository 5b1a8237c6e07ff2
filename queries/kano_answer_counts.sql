-- Kano answer pairs counted per group and feature, with the importance ratings summed for a mean.
-- grain: one row per group, feature, functional answer and dysfunctional answer
-- reads: kano
-- params: by VARCHAR, date_from DATE, date_to DATE, regions VARCHAR[], units VARCHAR[], channels VARCHAR[], stages VARCHAR[], segments VARCHAR[]
-- columns: grp, feature, functional, dysfunctional, n, importance_sum, importance_n
SELECT
    CASE $by WHEN 'segment' THEN coalesce(segment, '(none)') ELSE 'all' END AS grp,
    feature,
    functional,
    dysfunctional,
    count(*) AS n,
    CAST(coalesce(sum(importance), 0) AS BIGINT) AS importance_sum,
    count(importance) AS importance_n
FROM filtered_kano($date_from, $date_to, $regions, $units, $channels, $stages, $segments)
GROUP BY ALL
ORDER BY grp, feature, functional, dysfunctional
