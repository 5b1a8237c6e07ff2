-- Customers' side of the gap model: sums of the desired and perceived tolerance ratings and of
-- their paired difference (perceived - desired), with their squares for the intervals.
-- parent_n is the item's number of ratings with no filters at all (no dates and no filter
-- values), for the suppression rule (satisfaction.methods.suppression.too_small).
-- grain: one row per dimension and item
-- reads: tolerance
-- params: date_from DATE, date_to DATE, regions VARCHAR[], units VARCHAR[], channels VARCHAR[], stages VARCHAR[], segments VARCHAR[]
-- columns: dimension, item, n, desired_sum, desired_sq_sum, perceived_sum, perceived_sq_sum, gap5_sum, gap5_sq_sum, parent_n
SELECT
    dimension,
    item,
    count(*) FILTER (WHERE kept) AS n,
    sum(desired) FILTER (WHERE kept)::DOUBLE AS desired_sum,
    sum(desired * desired) FILTER (WHERE kept)::DOUBLE AS desired_sq_sum,
    sum(perceived) FILTER (WHERE kept)::DOUBLE AS perceived_sum,
    sum(perceived * perceived) FILTER (WHERE kept)::DOUBLE AS perceived_sq_sum,
    sum(perceived - desired) FILTER (WHERE kept)::DOUBLE AS gap5_sum,
    sum((perceived - desired) * (perceived - desired)) FILTER (WHERE kept)::DOUBLE AS gap5_sq_sum,
    count(*) FILTER (WHERE NOT kept) AS parent_n
FROM kept_and_all_tolerance($date_from, $date_to, $regions, $units, $channels, $stages, $segments)
GROUP BY dimension, item
HAVING count(*) FILTER (WHERE kept) > 0
ORDER BY dimension, item
