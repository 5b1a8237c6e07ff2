-- The service-profit chain per unit: employee satisfaction and intent to stay beside customer
-- satisfaction and recommendation, for the same filters.
-- grain: one row per unit with employee or customer responses
-- reads: employees, responses
-- params: date_from DATE, date_to DATE, regions VARCHAR[], units VARCHAR[], channels VARCHAR[], stages VARCHAR[], segments VARCHAR[]
-- columns: unit, employee_n, employee_sum, stay_n, stay_sum, customer_n, customer_sum, rec_n, promoters, detractors
WITH staff AS (
    SELECT unit, count(overall) AS employee_n, sum(overall)::BIGINT AS employee_sum,
           count(intends_to_stay) AS stay_n, coalesce(sum(intends_to_stay)::BIGINT, 0) AS stay_sum
    FROM filtered_employees($date_from, $date_to, $regions, $units, $channels, $stages, $segments)
    WHERE unit IS NOT NULL
    GROUP BY unit
), customers AS (
    SELECT unit, count(satisfaction) AS customer_n, sum(satisfaction)::BIGINT AS customer_sum,
           count(recommend) AS rec_n, count(*) FILTER (WHERE is_promoter(recommend)) AS promoters,
           count(*) FILTER (WHERE is_detractor(recommend)) AS detractors
    FROM filtered_responses($date_from, $date_to, $regions, $units, $channels, $stages, $segments)
    WHERE unit IS NOT NULL
    GROUP BY unit
)
SELECT unit,
       coalesce(employee_n, 0) AS employee_n, coalesce(employee_sum, 0) AS employee_sum,
       coalesce(stay_n, 0) AS stay_n, coalesce(stay_sum, 0) AS stay_sum,
       coalesce(customer_n, 0) AS customer_n, coalesce(customer_sum, 0) AS customer_sum,
       coalesce(rec_n, 0) AS rec_n, coalesce(promoters, 0) AS promoters,
       coalesce(detractors, 0) AS detractors
FROM staff FULL JOIN customers USING (unit)
ORDER BY unit
