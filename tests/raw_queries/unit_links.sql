-- The service-profit chain per unit: employee satisfaction and intent to stay beside customer
-- satisfaction and recommendation, for the same filters. parent_<count> is the unit's count with
-- no filters at all (no dates and no filter values), for the suppression rule
-- (satisfaction.methods.suppression.too_small).
-- grain: one row per unit with employee or customer responses in the store (counts 0 where the
-- filters leave none, so the parents of a total over units cover every unit)
-- reads: employees, responses
-- params: date_from DATE, date_to DATE, regions VARCHAR[], units VARCHAR[], channels VARCHAR[], stages VARCHAR[], segments VARCHAR[]
-- columns: unit, employee_n, employee_sum, stay_n, stay_sum, customer_n, customer_sum, rec_n, promoters, detractors, parent_employee_n, parent_stay_n, parent_customer_n, parent_rec_n
WITH staff AS (
    SELECT unit, count(overall) FILTER (WHERE kept) AS employee_n,
           sum(overall) FILTER (WHERE kept)::BIGINT AS employee_sum,
           count(intends_to_stay) FILTER (WHERE kept) AS stay_n,
           coalesce(sum(intends_to_stay) FILTER (WHERE kept)::BIGINT, 0) AS stay_sum,
           count(overall) FILTER (WHERE NOT kept) AS parent_employee_n,
           count(intends_to_stay) FILTER (WHERE NOT kept) AS parent_stay_n
    FROM kept_and_all_employees($date_from, $date_to, $regions, $units, $channels, $stages, $segments)
    WHERE unit IS NOT NULL
    GROUP BY unit
), customers AS (
    SELECT unit, count(satisfaction) FILTER (WHERE kept) AS customer_n,
           sum(satisfaction) FILTER (WHERE kept)::BIGINT AS customer_sum,
           count(recommend) FILTER (WHERE kept) AS rec_n,
           count(*) FILTER (WHERE kept AND is_promoter(recommend)) AS promoters,
           count(*) FILTER (WHERE kept AND is_detractor(recommend)) AS detractors,
           count(satisfaction) FILTER (WHERE NOT kept) AS parent_customer_n,
           count(recommend) FILTER (WHERE NOT kept) AS parent_rec_n
    FROM kept_and_all_responses($date_from, $date_to, $regions, $units, $channels, $stages, $segments)
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
