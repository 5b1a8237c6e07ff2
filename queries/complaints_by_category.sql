-- Complaints per category: count, share, rate per 1,000 customers a month, resolution time and
-- recovery satisfaction. The customer base takes the region and segment filters (customers have
-- no unit or channel); customer_months counts active customers summed over the months.
-- parent_resolved and parent_recovery_n are the category's counts with no filters at all (no
-- dimension and no dates), for the suppression rule (satisfaction.methods.suppression.too_small).
-- Read from the rollups (migration 6); days to resolve are a key there, so the median
-- and percentile come from their exact distribution.
-- grain: one row per complaint category (NULL for complaints without one), most frequent first
-- reads: complaints, customers
-- params: date_from DATE, date_to DATE, regions VARCHAR[], units VARCHAR[], channels VARCHAR[], stages VARCHAR[], segments VARCHAR[]
-- columns: category, count, resolved, median_days_to_resolve, recovery_n, recovery_sum, customer_months, parent_resolved, parent_recovery_n
WITH base AS (
    SELECT coalesce(sum(active_n), 0)::BIGINT AS customer_months
    FROM filtered_customer_sums($date_from, $date_to, $regions, [], [], [], $segments)
)
SELECT category,
       coalesce(sum(complaints) FILTER (WHERE kept), 0)::BIGINT AS count,
       coalesce(sum(complaints) FILTER (WHERE kept AND days IS NOT NULL), 0)::BIGINT AS resolved,
       list_aggregate(flatten(list(list_resize([days], complaints, days)) FILTER (WHERE kept)), 'median') AS median_days_to_resolve,
       coalesce(sum(recovery_n) FILTER (WHERE kept), 0)::BIGINT AS recovery_n,
       coalesce(sum(recovery_sum) FILTER (WHERE kept), 0)::BIGINT AS recovery_sum,
       (SELECT customer_months FROM base) AS customer_months,
       coalesce(sum(complaints) FILTER (WHERE NOT kept AND days IS NOT NULL), 0)::BIGINT AS parent_resolved,
       coalesce(sum(recovery_n) FILTER (WHERE NOT kept), 0)::BIGINT AS parent_recovery_n
FROM kept_and_all_complaint_sums($date_from, $date_to, $regions, $units, $channels, $stages, $segments)
GROUP BY category
HAVING sum(complaints) FILTER (WHERE kept) > 0
ORDER BY count DESC, category NULLS LAST
