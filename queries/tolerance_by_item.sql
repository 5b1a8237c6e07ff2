-- Sums of the adequate, desired and perceived ratings and of the adequacy gap, per RATER dimension and item.
-- parent_n is the item's number of ratings with no filters at all (no dates and no filter values),
-- for the suppression rule (satisfaction.methods.suppression.too_small).
-- Read from the rollups (migration 6).
-- grain: one row per dimension and item
-- reads: tolerance
-- params: date_from DATE, date_to DATE, regions VARCHAR[], units VARCHAR[], channels VARCHAR[], stages VARCHAR[], segments VARCHAR[]
-- columns: dimension, item, n, adequate_sum, desired_sum, perceived_sum, msa_sum, msa_sq_sum, parent_n
SELECT
    dimension,
    item,
    coalesce(sum(n) FILTER (WHERE kept), 0)::BIGINT AS n,
    sum(adequate_sum) FILTER (WHERE kept)::DOUBLE AS adequate_sum,
    sum(desired_sum) FILTER (WHERE kept)::DOUBLE AS desired_sum,
    sum(perceived_sum) FILTER (WHERE kept)::DOUBLE AS perceived_sum,
    sum(msa_sum) FILTER (WHERE kept)::DOUBLE AS msa_sum,
    sum(msa_sq_sum) FILTER (WHERE kept)::DOUBLE AS msa_sq_sum,
    coalesce(sum(n) FILTER (WHERE NOT kept), 0)::BIGINT AS parent_n
FROM kept_and_all_tolerance_sums($date_from, $date_to, $regions, $units, $channels, $stages, $segments)
GROUP BY dimension, item
HAVING sum(n) FILTER (WHERE kept) > 0
ORDER BY dimension, item
