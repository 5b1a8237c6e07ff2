-- Complaints per category: count, share, rate per 1,000 customers a month, resolution time and
-- recovery satisfaction. The customer base takes the region and segment filters (customers have
-- no unit or channel); customer_months counts active customers summed over the months.
-- grain: one row per complaint category (NULL for complaints without one), most frequent first
-- reads: complaints, customers
-- params: date_from DATE, date_to DATE, regions VARCHAR[], units VARCHAR[], channels VARCHAR[], stages VARCHAR[], segments VARCHAR[]
-- columns: category, count, resolved, median_days_to_resolve, recovery_n, recovery_sum, customer_months
WITH base AS (
    SELECT count(*) FILTER (WHERE active) AS customer_months
    FROM filtered_customers($date_from, $date_to, $regions, [], [], [], $segments)
)
SELECT category,
       count(*) AS count,
       count(resolved_on) AS resolved,
       median(resolved_on - received_on) AS median_days_to_resolve,
       count(recovery_satisfaction) AS recovery_n,
       coalesce(sum(recovery_satisfaction)::BIGINT, 0) AS recovery_sum,
       (SELECT customer_months FROM base) AS customer_months
FROM filtered_complaints($date_from, $date_to, $regions, $units, $channels, $stages, $segments)
GROUP BY category
ORDER BY count DESC, category NULLS LAST
