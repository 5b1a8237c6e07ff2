-- Customers, retention, churn, new customers, revenue and margin per month.
-- at_risk counts the customers active the month before; retained those of them still active;
-- a customer absent from a month's rows counts as not active. The first month has no at_risk.
-- parent_at_risk is the month's at_risk with no filters at all (no dates and no filter values):
-- every customer active the month before. It is for the suppression rule
-- (satisfaction.methods.suppression.too_small).
-- grain: one row per month
-- reads: customers
-- params: date_from DATE, date_to DATE, regions VARCHAR[], units VARCHAR[], channels VARCHAR[], stages VARCHAR[], segments VARCHAR[]
-- columns: period, customers, at_risk, retained, churned, new, revenue, margin, parent_at_risk
WITH rows_ AS (
    SELECT customer_id, period, active, revenue, cost
    FROM filtered_customers($date_from, $date_to, $regions, $units, $channels, $stages, $segments)
), months AS (
    SELECT period, round(sum(revenue) FILTER (WHERE active), 2) AS revenue,
           round(sum(revenue - cost) FILTER (WHERE active), 2) AS margin
    FROM rows_ GROUP BY period
), now_active AS (
    SELECT customer_id, period FROM rows_ WHERE active
), before_active AS (
    SELECT customer_id, (period + INTERVAL 1 MONTH)::DATE AS period FROM rows_ WHERE active
), parents AS (
    SELECT (period + INTERVAL 1 MONTH)::DATE AS period, count(*) FILTER (WHERE active) AS parent_at_risk
    FROM customers GROUP BY period
), pairs AS (
    SELECT coalesce(n.period, b.period) AS period,
           n.customer_id IS NOT NULL AS active_now,
           b.customer_id IS NOT NULL AS active_before
    FROM now_active n FULL JOIN before_active b USING (customer_id, period)
)
SELECT m.period,
       count(*) FILTER (WHERE active_now) AS customers,
       CASE WHEN m.period > (SELECT min(period) FROM months) THEN count(*) FILTER (WHERE active_before) END AS at_risk,
       CASE WHEN m.period > (SELECT min(period) FROM months) THEN count(*) FILTER (WHERE active_before AND active_now) END AS retained,
       CASE WHEN m.period > (SELECT min(period) FROM months) THEN count(*) FILTER (WHERE active_before AND NOT active_now) END AS churned,
       CASE WHEN m.period > (SELECT min(period) FROM months) THEN count(*) FILTER (WHERE active_now AND NOT active_before) END AS new,
       m.revenue,
       m.margin,
       CASE WHEN m.period > (SELECT min(period) FROM months) THEN coalesce(any_value(pa.parent_at_risk), 0) END AS parent_at_risk
FROM months m
JOIN pairs p USING (period)
LEFT JOIN parents pa USING (period)
GROUP BY m.period, m.revenue, m.margin
ORDER BY m.period
