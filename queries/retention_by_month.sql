-- Customers, retention, churn, new customers, revenue and margin per month.
-- at_risk counts the customers active the month before; retained those of them still active;
-- a customer absent from a month's rows counts as not active. The first month has no at_risk.
-- parent_at_risk is the month's at_risk with no filters at all (no dates and no filter values),
-- for the suppression rule (satisfaction.methods.suppression.too_small).
-- grain: one row per month
-- reads: customers
-- params: date_from DATE, date_to DATE, regions VARCHAR[], units VARCHAR[], channels VARCHAR[], stages VARCHAR[], segments VARCHAR[]
-- columns: period, customers, at_risk, retained, churned, new, revenue, margin, parent_at_risk
WITH rows_ AS (
    SELECT true AS kept, customer_id, period, active, revenue, cost
    FROM filtered_customers($date_from, $date_to, $regions, $units, $channels, $stages, $segments)
    UNION ALL
    SELECT false, customer_id, period, active, revenue, cost FROM customers
), months AS (
    SELECT period, round(sum(revenue) FILTER (WHERE active), 2) AS revenue,
           round(sum(revenue - cost) FILTER (WHERE active), 2) AS margin
    FROM rows_ WHERE kept GROUP BY period
), now_active AS (
    SELECT kept, customer_id, period FROM rows_ WHERE active
), before_active AS (
    SELECT kept, customer_id, (period + INTERVAL 1 MONTH)::DATE AS period FROM rows_ WHERE active
), pairs AS (
    SELECT coalesce(n.kept, b.kept) AS kept,
           coalesce(n.period, b.period) AS period,
           n.customer_id IS NOT NULL AS active_now,
           b.customer_id IS NOT NULL AS active_before
    FROM now_active n FULL JOIN before_active b USING (kept, customer_id, period)
), parent AS (
    SELECT period, count(*) FILTER (WHERE active_before) AS parent_at_risk
    FROM pairs WHERE NOT kept GROUP BY period
)
SELECT m.period,
       count(*) FILTER (WHERE active_now) AS customers,
       CASE WHEN m.period > (SELECT min(period) FROM months) THEN count(*) FILTER (WHERE active_before) END AS at_risk,
       CASE WHEN m.period > (SELECT min(period) FROM months) THEN count(*) FILTER (WHERE active_before AND active_now) END AS retained,
       CASE WHEN m.period > (SELECT min(period) FROM months) THEN count(*) FILTER (WHERE active_before AND NOT active_now) END AS churned,
       CASE WHEN m.period > (SELECT min(period) FROM months) THEN count(*) FILTER (WHERE active_now AND NOT active_before) END AS new,
       m.revenue,
       m.margin,
       CASE WHEN m.period > (SELECT min(period) FROM months) THEN any_value(pa.parent_at_risk) END AS parent_at_risk
FROM months m
JOIN pairs p ON p.kept AND p.period = m.period
LEFT JOIN parent pa ON pa.period = m.period
GROUP BY m.period, m.revenue, m.margin
ORDER BY m.period
