-- Whether satisfied customers stay: survey answers by satisfaction score (1–5), and how many
-- of the customers answering were still active three months after the month of their answer
-- (answers whose month + 3 lies beyond the customer records are left out).
-- grain: one row per satisfaction score
-- reads: responses, customers
-- params: date_from DATE, date_to DATE, regions VARCHAR[], units VARCHAR[], channels VARCHAR[], stages VARCHAR[], segments VARCHAR[]
-- columns: score, n, retained
WITH answers AS (
    SELECT customer_id, date_trunc('month', responded_on)::DATE AS month, satisfaction
    FROM filtered_responses($date_from, $date_to, $regions, $units, $channels, $stages, $segments)
    WHERE customer_id IS NOT NULL
), last_month AS (
    SELECT max(period) AS last FROM customers
)
SELECT a.satisfaction AS score, count(*) AS n, count(c.customer_id) AS retained
FROM answers a
LEFT JOIN customers c ON c.customer_id = a.customer_id
    AND c.period = (a.month + INTERVAL 3 MONTH)::DATE AND c.active
WHERE (a.month + INTERVAL 3 MONTH)::DATE <= (SELECT last FROM last_month)
GROUP BY a.satisfaction
ORDER BY score
