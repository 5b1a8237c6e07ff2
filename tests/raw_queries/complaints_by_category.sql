-- Complaints per category: count, share, rate per 1,000 customers a month, resolution time and
-- recovery satisfaction. The customer base takes the region and segment filters (customers have
-- no unit or channel); customer_months counts active customers summed over the months.
-- parent_resolved and parent_recovery_n are the category's counts with no filters at all (no
-- dimension and no dates), for the suppression rule (satisfaction.methods.suppression.too_small).
-- grain: one row per complaint category (NULL for complaints without one), most frequent first
-- reads: complaints, customers
-- params: date_from DATE, date_to DATE, regions VARCHAR[], units VARCHAR[], channels VARCHAR[], stages VARCHAR[], segments VARCHAR[]
-- columns: category, count, resolved, median_days_to_resolve, recovery_n, recovery_sum, customer_months, parent_resolved, parent_recovery_n
WITH base AS (
    SELECT count(*) FILTER (WHERE active) AS customer_months
    FROM filtered_customers($date_from, $date_to, $regions, [], [], [], $segments)
)
SELECT category,
       count(*) FILTER (WHERE kept) AS count,
       count(resolved_on) FILTER (WHERE kept) AS resolved,
       median(resolved_on - received_on) FILTER (WHERE kept) AS median_days_to_resolve,
       count(recovery_satisfaction) FILTER (WHERE kept) AS recovery_n,
       coalesce(sum(recovery_satisfaction) FILTER (WHERE kept)::BIGINT, 0) AS recovery_sum,
       (SELECT customer_months FROM base) AS customer_months,
       count(resolved_on) FILTER (WHERE NOT kept) AS parent_resolved,
       count(recovery_satisfaction) FILTER (WHERE NOT kept) AS parent_recovery_n
FROM kept_and_all_complaints($date_from, $date_to, $regions, $units, $channels, $stages, $segments)
GROUP BY category
HAVING count(*) FILTER (WHERE kept) > 0
ORDER BY count DESC, category NULLS LAST
