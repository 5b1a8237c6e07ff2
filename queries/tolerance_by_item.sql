-- Sums of the adequate, desired and perceived ratings and of the adequacy gap, per RATER dimension and item.
-- grain: one row per dimension and item
-- reads: tolerance
-- params: date_from DATE, date_to DATE, regions VARCHAR[], units VARCHAR[], channels VARCHAR[], stages VARCHAR[], segments VARCHAR[]
-- columns: dimension, item, n, adequate_sum, desired_sum, perceived_sum, msa_sum, msa_sq_sum
SELECT
    dimension,
    item,
    count(*) AS n,
    sum(adequate)::DOUBLE AS adequate_sum,
    sum(desired)::DOUBLE AS desired_sum,
    sum(perceived)::DOUBLE AS perceived_sum,
    sum(perceived - adequate)::DOUBLE AS msa_sum,
    sum((perceived - adequate) * (perceived - adequate))::DOUBLE AS msa_sq_sum
FROM filtered_tolerance($date_from, $date_to, $regions, $units, $channels, $stages, $segments)
GROUP BY dimension, item
ORDER BY dimension, item
