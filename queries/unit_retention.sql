-- Monthly customer retention per unit: each customer belongs to the unit of most of their survey
-- responses (the first such unit by name on a tie; customers who never answered belong to
-- none), since customer records carry no unit. at_risk counts the unit's customer-months
-- active the month before, retained those still active; a month absent from a customer's rows
-- counts as not active. parent_at_risk is the same with no filters at all (no dates and no filter
-- values), for the suppression rule (satisfaction.methods.suppression.too_small).
-- grain: one row per unit with customers who answered a survey
-- reads: customers, responses
-- params: date_from DATE, date_to DATE, regions VARCHAR[], units VARCHAR[], channels VARCHAR[], stages VARCHAR[], segments VARCHAR[]
-- columns: unit, at_risk, retained, parent_at_risk
WITH answered AS (
    SELECT customer_id, unit, count(*) AS answers
    FROM responses WHERE customer_id IS NOT NULL AND unit IS NOT NULL
    GROUP BY customer_id, unit
), home AS (
    SELECT customer_id, unit
    FROM (SELECT *, row_number() OVER (PARTITION BY customer_id ORDER BY answers DESC, unit) AS rn
          FROM answered)
    WHERE rn = 1
), rows_ AS (
    SELECT kept, customer_id, period, active
    FROM kept_and_all_customers($date_from, $date_to, $regions, $units, $channels, $stages, $segments)
), pairs AS (
    SELECT b.kept, h.unit, n.customer_id IS NOT NULL AS active_now
    FROM rows_ b
    JOIN home h USING (customer_id)
    LEFT JOIN rows_ n ON n.kept = b.kept AND n.customer_id = b.customer_id AND n.active
                     AND n.period = (b.period + INTERVAL 1 MONTH)::DATE
    WHERE b.active
      AND (b.period + INTERVAL 1 MONTH)::DATE <= (SELECT max(period) FROM rows_ r WHERE r.kept = b.kept)
)
SELECT unit,
       count(*) FILTER (WHERE kept) AS at_risk,
       count(*) FILTER (WHERE kept AND active_now) AS retained,
       count(*) FILTER (WHERE NOT kept) AS parent_at_risk
FROM pairs
WHERE (len(coalesce($units, [])) = 0 OR list_contains($units, unit))
GROUP BY unit
ORDER BY unit
