-- Kano answer pairs counted per group and feature, with the importance ratings summed for a mean.
-- parent_n is the number of answers to the group's feature with no filters at all, the same on
-- every row of the feature, for the suppression rule (satisfaction.methods.suppression.too_small).
-- grain: one row per group, feature, functional answer and dysfunctional answer
-- reads: kano
-- params: by VARCHAR, date_from DATE, date_to DATE, regions VARCHAR[], units VARCHAR[], channels VARCHAR[], stages VARCHAR[], segments VARCHAR[]
-- columns: grp, feature, functional, dysfunctional, n, importance_sum, importance_n, parent_n
WITH counted AS (
    SELECT
        CASE $by WHEN 'segment' THEN coalesce(segment, '(none)') ELSE 'all' END AS grp,
        feature,
        functional,
        dysfunctional,
        count(*) FILTER (WHERE kept) AS n,
        CAST(coalesce(sum(importance) FILTER (WHERE kept), 0) AS BIGINT) AS importance_sum,
        count(importance) FILTER (WHERE kept) AS importance_n,
        sum(count(*) FILTER (WHERE NOT kept)) OVER (PARTITION BY grp, feature) AS parent_n
    FROM kept_and_all_kano($date_from, $date_to, $regions, $units, $channels, $stages, $segments)
    GROUP BY grp, feature, functional, dysfunctional
)
SELECT grp, feature, functional, dysfunctional, n, importance_sum, importance_n,
       parent_n::BIGINT AS parent_n
FROM counted
WHERE n > 0
ORDER BY grp, feature, functional, dysfunctional
