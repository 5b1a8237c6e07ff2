-- The movement between tiers from quarter `before` to quarter `focus`: per tier in `before`
-- (top first), how many of its customers are in each tier in `focus` or left (not active in
-- it), and how many moved up, stayed and moved down.
-- grain: one row per tier
-- reads: customers
-- params: date_from DATE, date_to DATE, regions VARCHAR[], units VARCHAR[], channels VARCHAR[], stages VARCHAR[], segments VARCHAR[], before VARCHAR, focus VARCHAR, diamond_share DOUBLE = '0.05', gold_share DOUBLE = '0.15', brass_share DOUBLE = '0.40'
-- columns: tier, diamond, gold, brass, lead, left, up, stayed, down
WITH tiers(tier, place) AS (
    VALUES ('diamond', 1), ('gold', 2), ('brass', 3), ('lead', 4)
), tiered AS (
    SELECT customer_id, period, tiers.tier, tiers.place
    FROM customer_tiers($date_from, $date_to, $regions, $units, $channels, $stages, $segments, $diamond_share, $gold_share, $brass_share) JOIN tiers USING (tier)
    WHERE period IN ($before, $focus)
), moves AS (
    SELECT was.place, now.place AS now_place
    FROM tiered AS was LEFT JOIN tiered AS now
        ON now.customer_id = was.customer_id AND now.period = $focus
    WHERE was.period = $before
)
SELECT tiers.tier,
       count(moves.place) FILTER (WHERE now_place = 1) AS diamond,
       count(moves.place) FILTER (WHERE now_place = 2) AS gold,
       count(moves.place) FILTER (WHERE now_place = 3) AS brass,
       count(moves.place) FILTER (WHERE now_place = 4) AS lead,
       count(moves.place) FILTER (WHERE now_place IS NULL) AS "left",
       count(moves.place) FILTER (WHERE now_place < moves.place) AS up,
       count(moves.place) FILTER (WHERE now_place = moves.place) AS stayed,
       count(moves.place) FILTER (WHERE now_place > moves.place) AS down
FROM tiers LEFT JOIN moves USING (place)
GROUP BY tiers.tier, tiers.place
ORDER BY tiers.place
