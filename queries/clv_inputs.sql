-- Lifetime value's inputs per tier and per segment (`grouping`, the group in `grp`): the
-- active customers of each quarter followed by another quarter with active customers (at_risk,
-- pooled over those quarters) and how many of them are active in that next quarter (retained),
-- the mean margin of the group's active customer quarters, and the group's customers in
-- quarter `focus`. Tiers first, top first; then segments by name (a customer quarter with no
-- segment is in none). Both groupings in one statement: they share the tiers and the moves.
-- grain: one row per tier and one per segment
-- reads: customers
-- params: date_from DATE, date_to DATE, regions VARCHAR[], units VARCHAR[], channels VARCHAR[], stages VARCHAR[], segments VARCHAR[], focus VARCHAR, diamond_share DOUBLE = '0.05', gold_share DOUBLE = '0.15', brass_share DOUBLE = '0.40'
-- columns: grouping, grp, at_risk, retained, margin_per_customer, customers
WITH tiered AS MATERIALIZED (
    SELECT customer_id, period, margin, tier, segment FROM customer_tiers($date_from, $date_to, $regions, $units, $channels, $stages, $segments, $diamond_share, $gold_share, $brass_share)
), following AS (
    SELECT period, lead(period) OVER (ORDER BY period) AS next_period
    FROM (SELECT DISTINCT period FROM tiered)
), flagged AS MATERIALIZED (
    SELECT tiered.tier, tiered.segment, tiered.period, tiered.margin, following.next_period,
           later.customer_id IS NOT NULL AS stayed
    FROM tiered
    JOIN following USING (period)
    LEFT JOIN tiered AS later
        ON later.customer_id = tiered.customer_id AND later.period = following.next_period
), groups AS (
    SELECT 'tier' AS grouping, tier AS grp, *, list_position(['diamond', 'gold', 'brass', 'lead'], tier) AS place
    FROM flagged
    UNION ALL
    SELECT 'segment', segment, *, NULL FROM flagged WHERE segment IS NOT NULL
)
SELECT grouping, grp,
       count(*) FILTER (WHERE next_period IS NOT NULL) AS at_risk,
       count(*) FILTER (WHERE stayed) AS retained,
       avg(margin) AS margin_per_customer,
       count(*) FILTER (WHERE period = $focus) AS customers
FROM groups
GROUP BY grouping, grp, place
ORDER BY grouping DESC, place, grp
