-- Sums of the adequate, desired and perceived ratings and of the adequacy gap, per RATER dimension and item.
-- parent_n is the item's number of ratings with no filters at all (no dates and no filter values),
-- for the suppression rule (satisfaction.methods.suppression.too_small).
-- grain: one row per dimension and item
-- reads: tolerance
-- params: date_from DATE, date_to DATE, regions VARCHAR[], units VARCHAR[], channels VARCHAR[], stages VARCHAR[], segments VARCHAR[]
-- columns: dimension, item, n, adequate_sum, desired_sum, perceived_sum, msa_sum, msa_sq_sum, parent_n
SELECT
    dimension,
    item,
    count(*) FILTER (WHERE kept) AS n,
    sum(adequate) FILTER (WHERE kept)::DOUBLE AS adequate_sum,
    sum(desired) FILTER (WHERE kept)::DOUBLE AS desired_sum,
    sum(perceived) FILTER (WHERE kept)::DOUBLE AS perceived_sum,
    sum(perceived - adequate) FILTER (WHERE kept)::DOUBLE AS msa_sum,
    sum((perceived - adequate) * (perceived - adequate)) FILTER (WHERE kept)::DOUBLE AS msa_sq_sum,
    count(*) FILTER (WHERE NOT kept) AS parent_n
FROM kept_and_all_tolerance($date_from, $date_to, $regions, $units, $channels, $stages, $segments)
GROUP BY dimension, item
HAVING count(*) FILTER (WHERE kept) > 0
ORDER BY dimension, item
