-- The values each sidebar filter can take, from every record kind that has the column.
-- grain: one row per dimension and value
-- reads: responses, tolerance, kano, complaints, customers, employees, audits
-- params: none
-- columns: dimension, value
SELECT dimension, value
FROM (
    SELECT 'region' AS dimension, region AS value FROM responses
    UNION SELECT 'region', region FROM tolerance
    UNION SELECT 'region', region FROM complaints
    UNION SELECT 'region', region FROM customers
    UNION SELECT 'unit', unit FROM responses
    UNION SELECT 'unit', unit FROM complaints
    UNION SELECT 'unit', unit FROM employees
    UNION SELECT 'unit', unit FROM audits
    UNION SELECT 'channel', channel FROM responses
    UNION SELECT 'channel', channel FROM complaints
    UNION SELECT 'stage', stage FROM responses
    UNION SELECT 'segment', segment FROM responses
    UNION SELECT 'segment', segment FROM kano
    UNION SELECT 'segment', segment FROM customers
)
WHERE value IS NOT NULL
ORDER BY dimension, value
