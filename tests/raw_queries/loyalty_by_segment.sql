-- Loyalty as behaviour per segment: repurchase intent and recommendation from the survey
-- beside the retention measured in the customer records (customers active in a month who are
-- still active the next month; the segment of the earlier month).
-- grain: one row per segment (NULL segments left out)
-- reads: responses, customers
-- params: date_from DATE, date_to DATE, regions VARCHAR[], units VARCHAR[], channels VARCHAR[], stages VARCHAR[], segments VARCHAR[]
-- columns: segment, n, repurchase_n, repurchase_top2, rec_n, promoters, detractors, at_risk, retained
WITH survey AS (
    SELECT segment, count(*) AS n, count(repurchase) AS repurchase_n,
           count(*) FILTER (WHERE repurchase >= 4) AS repurchase_top2,
           count(recommend) AS rec_n,
           count(*) FILTER (WHERE is_promoter(recommend)) AS promoters,
           count(*) FILTER (WHERE is_detractor(recommend)) AS detractors
    FROM filtered_responses($date_from, $date_to, $regions, $units, $channels, $stages, $segments)
    WHERE segment IS NOT NULL
    GROUP BY segment
), rows_ AS (
    SELECT customer_id, period, active, segment
    FROM filtered_customers($date_from, $date_to, $regions, $units, $channels, $stages, $segments)
), kept AS (
    SELECT b.segment, count(*) AS at_risk, count(n.customer_id) AS retained
    FROM rows_ b
    LEFT JOIN rows_ n ON n.customer_id = b.customer_id
        AND n.period = (b.period + INTERVAL 1 MONTH)::DATE AND n.active
    WHERE b.active AND b.segment IS NOT NULL
      AND b.period < (SELECT max(period) FROM rows_)
    GROUP BY b.segment
)
SELECT coalesce(s.segment, k.segment) AS segment, coalesce(s.n, 0) AS n,
       coalesce(s.repurchase_n, 0) AS repurchase_n, coalesce(s.repurchase_top2, 0) AS repurchase_top2,
       coalesce(s.rec_n, 0) AS rec_n, coalesce(s.promoters, 0) AS promoters,
       coalesce(s.detractors, 0) AS detractors, coalesce(k.at_risk, 0) AS at_risk,
       coalesce(k.retained, 0) AS retained
FROM survey s FULL JOIN kept k USING (segment)
ORDER BY segment
