-- Complaints and the customer base per period, for the complaint rate per 1,000 customers a month.
-- The customer base takes the region and segment filters (customers have no unit or channel);
-- customer_months counts active customers summed over the period's months, and
-- parent_customer_months the same with no filters at all (no dimension and no dates), for the
-- suppression rule (satisfaction.methods.suppression.too_small).
-- Read from the rollups (migration 6); days to resolve are a key there, so the median
-- and percentile come from their exact distribution.
-- grain: one row per period (month YYYY-MM or quarter YYYY-Qn)
-- reads: complaints, customers
-- params: date_from DATE, date_to DATE, regions VARCHAR[], units VARCHAR[], channels VARCHAR[], stages VARCHAR[], segments VARCHAR[], by VARCHAR
-- columns: grp, complaints, customer_months, resolved, days_to_resolve_median, parent_customer_months
WITH complaints_per_period AS (
    SELECT
        period_label(day, $by) AS grp,
        sum(complaints)::BIGINT AS complaints,
        coalesce(sum(complaints) FILTER (WHERE days IS NOT NULL), 0)::BIGINT AS resolved,
        list_aggregate(flatten(list(list_resize([days], complaints, days))), 'median') AS days_to_resolve_median
    FROM filtered_complaint_sums($date_from, $date_to, $regions, $units, $channels, $stages, $segments)
    GROUP BY grp
), customers_per_period AS (
    SELECT
        period_label(period, $by) AS grp,
        coalesce(sum(active_n) FILTER (WHERE kept), 0)::BIGINT AS customer_months,
        coalesce(sum(active_n) FILTER (WHERE NOT kept), 0)::BIGINT AS parent_customer_months
    FROM kept_and_all_customer_sums($date_from, $date_to, $regions, [], [], [], $segments)
    GROUP BY grp
    HAVING sum(row_n) FILTER (WHERE kept) > 0
)
SELECT grp, coalesce(c.complaints, 0) AS complaints, b.customer_months,
       coalesce(c.resolved, 0) AS resolved, c.days_to_resolve_median, b.parent_customer_months
FROM customers_per_period b
LEFT JOIN complaints_per_period c USING (grp)
ORDER BY grp
