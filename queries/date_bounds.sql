-- The first and last date held by any dated record kind: the default date filter.
-- Read from the rows' dates (the rollups of the dated kinds hold months, migration 9; a scan
-- of one date column is cheap) and, for customer months, from customer_sums.
-- grain: one row
-- reads: responses, tolerance, complaints, customers, employees
-- params: none
-- columns: first_date, last_date
SELECT min(first_date) AS first_date, max(last_date) AS last_date
FROM (
    SELECT min(responded_on) AS first_date, max(responded_on) AS last_date FROM responses
    UNION ALL SELECT min(responded_on), max(responded_on) FROM tolerance
    UNION ALL SELECT min(received_on), max(received_on) FROM complaints
    UNION ALL SELECT min(period), last_day(max(period)) FROM customer_sums
    UNION ALL SELECT min(surveyed_on), max(surveyed_on) FROM employees
)
