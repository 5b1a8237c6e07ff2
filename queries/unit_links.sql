-- The service-profit chain per unit: employee satisfaction and intent to stay beside customer
-- satisfaction and recommendation, for the same filters. parent_<count> is the unit's count with
-- no filters at all (no dates and no filter values), for the suppression rule
-- (satisfaction.methods.suppression.too_small).
-- Read from the rollups (migration 6).
-- grain: one row per unit with employee or customer responses in the store (counts 0 where the
-- filters leave none, so the parents of a total over units cover every unit)
-- reads: employees, responses
-- params: date_from DATE, date_to DATE, regions VARCHAR[], units VARCHAR[], channels VARCHAR[], stages VARCHAR[], segments VARCHAR[]
-- columns: unit, employee_n, employee_sum, stay_n, stay_sum, customer_n, customer_sum, rec_n, promoters, detractors, parent_employee_n, parent_stay_n, parent_customer_n, parent_rec_n
WITH staff AS (
    SELECT unit, sum(n) FILTER (WHERE kept)::BIGINT AS employee_n,
           sum(overall_sum) FILTER (WHERE kept)::BIGINT AS employee_sum,
           sum(stay_n) FILTER (WHERE kept)::BIGINT AS stay_n,
           coalesce(sum(stay_sum) FILTER (WHERE kept), 0)::BIGINT AS stay_sum,
           sum(n) FILTER (WHERE NOT kept)::BIGINT AS parent_employee_n,
           sum(stay_n) FILTER (WHERE NOT kept)::BIGINT AS parent_stay_n
    FROM kept_and_all_employee_sums($date_from, $date_to, $regions, $units, $channels, $stages, $segments)
    WHERE unit IS NOT NULL
    GROUP BY unit
), customers AS (
    SELECT unit, sum(n) FILTER (WHERE kept)::BIGINT AS customer_n,
           sum(sat_sum) FILTER (WHERE kept)::BIGINT AS customer_sum,
           sum(rec_n) FILTER (WHERE kept)::BIGINT AS rec_n,
           sum(promoters) FILTER (WHERE kept)::BIGINT AS promoters,
           sum(detractors) FILTER (WHERE kept)::BIGINT AS detractors,
           sum(n) FILTER (WHERE NOT kept)::BIGINT AS parent_customer_n,
           sum(rec_n) FILTER (WHERE NOT kept)::BIGINT AS parent_rec_n
    FROM kept_and_all_response_sums($date_from, $date_to, $regions, $units, $channels, $stages, $segments)
    WHERE unit IS NOT NULL
    GROUP BY unit
)
SELECT unit,
       coalesce(employee_n, 0) AS employee_n, coalesce(employee_sum, 0) AS employee_sum,
       coalesce(stay_n, 0) AS stay_n, coalesce(stay_sum, 0) AS stay_sum,
       coalesce(customer_n, 0) AS customer_n, coalesce(customer_sum, 0) AS customer_sum,
       coalesce(rec_n, 0) AS rec_n, coalesce(promoters, 0) AS promoters,
       coalesce(detractors, 0) AS detractors,
       coalesce(parent_employee_n, 0) AS parent_employee_n,
       coalesce(parent_stay_n, 0) AS parent_stay_n,
       coalesce(parent_customer_n, 0) AS parent_customer_n,
       coalesce(parent_rec_n, 0) AS parent_rec_n
FROM staff FULL JOIN customers USING (unit)
ORDER BY unit
