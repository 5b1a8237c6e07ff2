-- Churn reasons given: per reason, the filtered customer quarters giving it, most given first.
-- grain: one row per reason given
-- reads: customers
-- params: date_from DATE, date_to DATE, regions VARCHAR[], units VARCHAR[], channels VARCHAR[], stages VARCHAR[], segments VARCHAR[]
-- columns: reason, customers
SELECT churn_reason AS reason, count(*) AS customers
FROM customer_quarters($date_from, $date_to, $regions, $units, $channels, $stages, $segments)
WHERE churn_reason IS NOT NULL
GROUP BY churn_reason
ORDER BY customers DESC, reason
