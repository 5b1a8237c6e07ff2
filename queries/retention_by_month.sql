-- Customers, retention, churn, new customers, revenue and margin per month.
-- at_risk counts the customers active the month before; retained those of them still active;
-- a customer absent from a month's rows counts as not active. The first month has no at_risk.
-- parent_at_risk is the month's at_risk with no filters at all (no dates and no filter values):
-- every customer active the month before. It is for the suppression rule
-- (satisfaction.methods.suppression.too_small).
-- Read from the rollups (migration 6): customer_sums per month, customer_moves for the
-- customers active in both of two months.
-- grain: one row per month
-- reads: customers
-- params: date_from DATE, date_to DATE, regions VARCHAR[], units VARCHAR[], channels VARCHAR[], stages VARCHAR[], segments VARCHAR[]
-- columns: period, customers, at_risk, retained, churned, new, revenue, margin, parent_at_risk
WITH months AS (
    SELECT period, sum(active_n) AS active, round(sum(revenue_sum), 2) AS revenue,
           round(sum(margin_sum), 2) AS margin
    FROM filtered_customer_sums($date_from, $date_to, $regions, $units, $channels, $stages, $segments)
    GROUP BY period
), moves AS (
    SELECT period, sum(retained) AS retained
    FROM filtered_customer_moves($date_from, $date_to, $regions, $units, $channels, $stages, $segments)
    GROUP BY period
), parents AS (
    SELECT (period + INTERVAL 1 MONTH)::DATE AS period, sum(active_n) AS parent_at_risk
    FROM customer_sums GROUP BY period
), counted AS (
    SELECT m.period, m.active::BIGINT AS customers, coalesce(b.active, 0)::BIGINT AS at_risk,
           coalesce(mv.retained, 0)::BIGINT AS retained, m.revenue, m.margin,
           coalesce(pa.parent_at_risk, 0)::BIGINT AS parent_at_risk,
           m.period > (SELECT min(period) FROM months) AS has_before
    FROM months m
    LEFT JOIN months b ON b.period = (m.period - INTERVAL 1 MONTH)::DATE
    LEFT JOIN moves mv ON mv.period = m.period
    LEFT JOIN parents pa ON pa.period = m.period
    WHERE m.active > 0 OR b.active > 0
)
SELECT period, customers,
       CASE WHEN has_before THEN at_risk END AS at_risk,
       CASE WHEN has_before THEN retained END AS retained,
       CASE WHEN has_before THEN at_risk - retained END AS churned,
       CASE WHEN has_before THEN customers - retained END AS new,
       revenue,
       margin,
       CASE WHEN has_before THEN parent_at_risk END AS parent_at_risk
FROM counted
ORDER BY period
