-- Loyalty as behaviour per segment: repurchase intent and recommendation from the survey
-- beside the retention measured in the customer records (customers active in a month who are
-- still active the next month; the segment of the earlier month).
-- Read from the rollups (migration 6).
-- grain: one row per segment (NULL segments left out)
-- reads: responses, customers
-- params: date_from DATE, date_to DATE, regions VARCHAR[], units VARCHAR[], channels VARCHAR[], stages VARCHAR[], segments VARCHAR[]
-- columns: segment, n, repurchase_n, repurchase_top2, rec_n, promoters, detractors, at_risk, retained
WITH survey AS (
    SELECT segment, sum(n)::BIGINT AS n, sum(repurchase_n)::BIGINT AS repurchase_n,
           sum(repurchase_top2)::BIGINT AS repurchase_top2,
           sum(rec_n)::BIGINT AS rec_n,
           sum(promoters)::BIGINT AS promoters,
           sum(detractors)::BIGINT AS detractors
    FROM filtered_response_sums($date_from, $date_to, $regions, $units, $channels, $stages, $segments)
    WHERE segment IS NOT NULL
    GROUP BY segment
), months AS (
    SELECT * FROM filtered_customer_sums($date_from, $date_to, $regions, $units, $channels, $stages, $segments)
), at_risk AS (
    SELECT segment, sum(active_n)::BIGINT AS at_risk
    FROM months
    WHERE segment IS NOT NULL AND period < (SELECT max(period) FROM months)
    GROUP BY segment
    HAVING sum(active_n) > 0
), moves AS (
    SELECT segment_before AS segment, sum(retained)::BIGINT AS retained
    FROM filtered_customer_moves($date_from, $date_to, $regions, $units, $channels, $stages, $segments)
    WHERE segment_before IS NOT NULL
    GROUP BY segment_before
), kept AS (
    SELECT segment, at_risk, coalesce(retained, 0) AS retained
    FROM at_risk LEFT JOIN moves USING (segment)
)
SELECT coalesce(s.segment, k.segment) AS segment, coalesce(s.n, 0) AS n,
       coalesce(s.repurchase_n, 0) AS repurchase_n, coalesce(s.repurchase_top2, 0) AS repurchase_top2,
       coalesce(s.rec_n, 0) AS rec_n, coalesce(s.promoters, 0) AS promoters,
       coalesce(s.detractors, 0) AS detractors, coalesce(k.at_risk, 0) AS at_risk,
       coalesce(k.retained, 0) AS retained
FROM survey s FULL JOIN kept k USING (segment)
ORDER BY segment
