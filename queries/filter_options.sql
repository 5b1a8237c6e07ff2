-- The values each sidebar filter can take, from every record kind that has the column.
-- Read from the rollups (migration 6), which hold every value of the rows.
-- grain: one row per dimension and value
-- reads: responses, tolerance, kano, complaints, customers, employees, audits
-- params: none
-- columns: dimension, value
SELECT dimension, value
FROM (
    SELECT 'region' AS dimension, region AS value FROM response_sums_month
    UNION SELECT 'region', region FROM tolerance_sums_month
    UNION SELECT 'region', region FROM complaint_sums_month
    UNION SELECT 'region', region FROM customer_sums
    UNION SELECT 'unit', unit FROM response_sums_month
    UNION SELECT 'unit', unit FROM complaint_sums_month
    UNION SELECT 'unit', unit FROM employee_sums_month
    UNION SELECT 'unit', unit FROM audits
    UNION SELECT 'channel', channel FROM response_sums_month
    UNION SELECT 'channel', channel FROM complaint_sums_month
    UNION SELECT 'stage', stage FROM response_sums_month
    UNION SELECT 'segment', segment FROM response_sums_month
    UNION SELECT 'segment', segment FROM kano_sums
    UNION SELECT 'segment', segment FROM customer_sums
)
WHERE value IS NOT NULL
ORDER BY dimension, value
