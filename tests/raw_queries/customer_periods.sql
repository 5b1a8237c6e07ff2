-- Each filtered customer's quarters: whether active in any month of it, the active months, the
-- revenue and margin (revenue − cost) of the active months, the segment and region of the
-- customer's last row in the quarter, and the churn reason given in it. The base of the
-- Retention page's cohorts, tiers (the customer pyramid), tier transitions and lifetime value.
-- grain: one row per customer and quarter with a row in the customers table
-- reads: customers
-- params: date_from DATE, date_to DATE, regions VARCHAR[], units VARCHAR[], channels VARCHAR[], stages VARCHAR[], segments VARCHAR[]
-- columns: customer_id, period, active, active_months, revenue, margin, segment, region, churn_reason
SELECT customer_id,
       period_label(period, 'quarter') AS period,
       bool_or(active) AS active,
       count(*) FILTER (WHERE active) AS active_months,
       coalesce(sum(revenue) FILTER (WHERE active), 0)::DOUBLE AS revenue,
       coalesce(sum(revenue - cost) FILTER (WHERE active), 0)::DOUBLE AS margin,
       arg_max(segment, period) AS segment,
       arg_max(region, period) AS region,
       any_value(churn_reason) FILTER (WHERE churn_reason IS NOT NULL) AS churn_reason
FROM filtered_customers($date_from, $date_to, $regions, $units, $channels, $stages, $segments)
GROUP BY customer_id, period_label(period, 'quarter')
ORDER BY period, customer_id
