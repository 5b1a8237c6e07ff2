-- The company's side of the gap model: management's estimate of customers' expectation, the
-- service standard, the service delivered and the service promised, averaged over the input
-- periods (months) the dates touch. A period is the month it is dated in, so a date range
-- starting inside a month still takes that month's inputs.
-- grain: one row per dimension and item
-- reads: gap_inputs
-- params: date_from DATE, date_to DATE, regions VARCHAR[], units VARCHAR[], channels VARCHAR[], stages VARCHAR[], segments VARCHAR[]
-- columns: dimension, item, periods, management_estimate, standard, delivered, promised, first_period, last_period
SELECT
    dimension,
    item,
    count(*) AS periods,
    avg(management_estimate)::DOUBLE AS management_estimate,
    avg(standard)::DOUBLE AS standard,
    avg(delivered)::DOUBLE AS delivered,
    avg(promised)::DOUBLE AS promised,
    min(period) AS first_period,
    max(period) AS last_period
FROM filtered_gap_inputs(date_trunc('month', $date_from::DATE), $date_to, $regions, $units, $channels, $stages, $segments)
GROUP BY dimension, item
ORDER BY dimension, item
