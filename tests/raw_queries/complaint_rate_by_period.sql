-- Complaints and the customer base per period, for the complaint rate per 1,000 customers a month.
-- The customer base takes the region and segment filters (customers have no unit or channel);
-- customer_months counts active customers summed over the period's months, and
-- parent_customer_months the same with no filters at all (no dimension and no dates), for the
-- suppression rule (satisfaction.methods.suppression.too_small).
-- grain: one row per period (month YYYY-MM or quarter YYYY-Qn)
-- reads: complaints, customers
-- params: date_from DATE, date_to DATE, regions VARCHAR[], units VARCHAR[], channels VARCHAR[], stages VARCHAR[], segments VARCHAR[], by VARCHAR
-- columns: grp, complaints, customer_months, resolved, days_to_resolve_median, parent_customer_months
WITH complaints_per_period AS (
    SELECT
        period_label(received_on, $by) AS grp,
        count(*) AS complaints,
        count(resolved_on) AS resolved,
        median(resolved_on - received_on) AS days_to_resolve_median
    FROM filtered_complaints($date_from, $date_to, $regions, $units, $channels, $stages, $segments)
    GROUP BY grp
), customers_per_period AS (
    SELECT
        period_label(period, $by) AS grp,
        count(*) FILTER (WHERE active AND kept) AS customer_months,
        count(*) FILTER (WHERE active AND NOT kept) AS parent_customer_months
    FROM kept_and_all_customers($date_from, $date_to, $regions, [], [], [], $segments)
    GROUP BY grp
    HAVING count(*) FILTER (WHERE kept) > 0
)
SELECT grp, coalesce(c.complaints, 0) AS complaints, b.customer_months,
       coalesce(c.resolved, 0) AS resolved, c.days_to_resolve_median, b.parent_customer_months
FROM customers_per_period b
LEFT JOIN complaints_per_period c USING (grp)
ORDER BY grp
