-- The first and last date held by any dated record kind: the default date filter.
-- Read from the rollups (migration 6), which hold every day of the rows.
-- grain: one row
-- reads: responses, tolerance, complaints, customers, employees
-- params: none
-- columns: first_date, last_date
SELECT min(first_date) AS first_date, max(last_date) AS last_date
FROM (
    SELECT min(day) AS first_date, max(day) AS last_date FROM response_sums_day
    UNION ALL SELECT min(day), max(day) FROM tolerance_sums_day
    UNION ALL SELECT min(day), max(day) FROM complaint_sums_day
    UNION ALL SELECT min(period), last_day(max(period)) FROM customer_sums
    UNION ALL SELECT min(day), max(day) FROM employee_sums_day
)
