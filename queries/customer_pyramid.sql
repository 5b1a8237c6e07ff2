-- The customer pyramid of a quarter: per tier (top first; tiers by margin with the shares of
-- customers given, the rest lead) its active customers, their revenue and margin, and the
-- tier's share of all margin (NULL when the margin adds up to 0). Every tier has a row.
-- grain: one row per tier
-- reads: customers
-- params: date_from DATE, date_to DATE, regions VARCHAR[], units VARCHAR[], channels VARCHAR[], stages VARCHAR[], segments VARCHAR[], focus VARCHAR, diamond_share DOUBLE = '0.05', gold_share DOUBLE = '0.15', brass_share DOUBLE = '0.40'
-- columns: tier, customers, revenue, margin, share
WITH tiers(tier, place) AS (
    VALUES ('diamond', 1), ('gold', 2), ('brass', 3), ('lead', 4)
), sums AS (
    SELECT tier, count(*) AS customers, sum(revenue) AS revenue, sum(margin) AS margin
    FROM customer_tiers($date_from, $date_to, $regions, $units, $channels, $stages, $segments, $diamond_share, $gold_share, $brass_share)
    WHERE period = $focus
    GROUP BY tier
)
SELECT tiers.tier,
       coalesce(sums.customers, 0) AS customers,
       coalesce(sums.revenue, 0)::DOUBLE AS revenue,
       coalesce(sums.margin, 0)::DOUBLE AS margin,
       coalesce(sums.margin, 0) / nullif(sum(coalesce(sums.margin, 0)) OVER (), 0) AS share
FROM tiers LEFT JOIN sums USING (tier)
ORDER BY tiers.place
