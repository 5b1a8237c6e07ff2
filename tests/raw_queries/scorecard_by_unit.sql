-- The eight elements of service quality per unit and quarter: sums of the six audited scores
-- (1-5), errors and transactions from the audits; complaints and the unit's active
-- customer-months, for complaints per 1,000 customers a month. Customers carry no unit: a
-- customer belongs to the unit where they answered most surveys (ties: the first unit by name);
-- customers who never answered one belong to no unit. Takes the dates and the unit filter
-- (audits honour no other); parent_customer_months counts the unit's customer-months in the
-- quarter with no dates, unit_customer_months_all the unit's with no dates at all, for the
-- suppression rule (satisfaction.methods.suppression.too_small).
-- grain: one row per unit and quarter (YYYY-Qn) with an audit
-- reads: audits, complaints, customers, responses
-- params: date_from DATE, date_to DATE, units VARCHAR[]
-- columns: unit, grp, audits, attitude_sum, skill_sum, responsibility_sum, hardware_sum, management_sum, highlights_sum, errors, transactions, complaints, customer_months, parent_customer_months, unit_customer_months_all
WITH audited AS (
    SELECT unit, period_label(audited_on, 'quarter') AS grp, count(*) AS audits,
           sum(attitude)::DOUBLE AS attitude_sum, sum(skill)::DOUBLE AS skill_sum,
           sum(responsibility)::DOUBLE AS responsibility_sum, sum(hardware)::DOUBLE AS hardware_sum,
           sum(management)::DOUBLE AS management_sum, sum(highlights)::DOUBLE AS highlights_sum,
           sum(errors) AS errors, sum(transactions) AS transactions
    FROM filtered_audits($date_from, $date_to, [], $units, [], [], [])
    GROUP BY ALL
), lodged AS (
    SELECT unit, period_label(received_on, 'quarter') AS grp, count(*) AS complaints
    FROM filtered_complaints($date_from, $date_to, [], $units, [], [], [])
    WHERE unit IS NOT NULL
    GROUP BY ALL
), answered AS (
    SELECT customer_id, unit, count(*) AS answers
    FROM responses
    WHERE customer_id IS NOT NULL AND unit IS NOT NULL
    GROUP BY ALL
), home AS (
    SELECT customer_id, unit FROM answered
    QUALIFY row_number() OVER (PARTITION BY customer_id ORDER BY answers DESC, unit) = 1
), base AS (
    SELECT h.unit, period_label(c.period, 'quarter') AS grp,
           count(*) FILTER (WHERE ($date_from IS NULL OR c.period >= $date_from)
                              AND ($date_to IS NULL OR c.period <= $date_to)) AS customer_months,
           count(*) FILTER (WHERE NOT (($date_from IS NULL OR c.period >= $date_from)
                                  AND ($date_to IS NULL OR c.period <= $date_to))) AS outside,
           sum(count(*)) OVER (PARTITION BY h.unit) AS all_months
    FROM customers AS c JOIN home AS h USING (customer_id)
    WHERE c.active
    GROUP BY h.unit, grp
)
SELECT a.unit, a.grp, a.audits, a.attitude_sum, a.skill_sum, a.responsibility_sum,
       a.hardware_sum, a.management_sum, a.highlights_sum, a.errors, a.transactions,
       coalesce(l.complaints, 0) AS complaints, coalesce(b.customer_months, 0) AS customer_months,
       coalesce(b.customer_months + b.outside, 0) AS parent_customer_months,
       coalesce(max(b.all_months) OVER (PARTITION BY a.unit), 0) AS unit_customer_months_all
FROM audited AS a
LEFT JOIN lodged AS l USING (unit, grp)
LEFT JOIN base AS b USING (unit, grp)
ORDER BY a.unit, a.grp
