-- Complaints: about 2 per 100 active customers per unit and month (more in weaker units; the
-- count is rounded up or down at random, so volumes stay proportional to scale), each from a
-- customer active there that month; categories weighted by the seeds' switching reasons.
-- Resolution takes about 3 days (longer when severe); some stay unresolved, and any not
-- resolved by the end of the calendar (2026-10-31) are open. Recovery satisfaction falls with
-- the wait. Plants: unit South-2 (index 4) gets 3x its usual volume in 2026-06 (month 19),
-- resolved 3x slower (finding 4); East complains more in 2026-08..10.
INSERT INTO complaints
WITH unit_months AS (
    SELECT DISTINCT unit_idx, m, n_active,
           (unit_idx = 4 AND m = 19) AS spike
    FROM demo_active($customers_batch)
),
volumes AS (
    SELECT *,
           CAST(floor(n_active * 0.02
                      * (1 - 1.2 * demo_unit_quality(unit_idx))
                      * CASE WHEN demo_east_failing(unit_idx, m) THEN 1.4 ELSE 1 END
                      * CASE WHEN spike THEN 3 ELSE 1 END
                      * exp(0.12 * demo_z(unit_idx * 24 + m, 'volume'))
                      + demo_u(unit_idx * 24 + m, 'rounding')) AS BIGINT) AS n_complaints
    FROM unit_months
),
lodged AS (
    SELECT v.unit_idx, v.m, v.n_active, v.spike, k.k,
           hash(v.unit_idx * 24 + v.m, k.k) AS key
    FROM volumes AS v, LATERAL (SELECT unnest(range(v.n_complaints)) AS k) AS k
),
detailed AS (
    SELECT l.*, a.customer_id,
           demo_day_in(l.m, demo_u(key, 'day')) AS received_on,
           demo_pick(demo_u(key, 'severity'), ['low', 'medium', 'high'], [50, 35, 15]) AS severity
    FROM lodged AS l
    JOIN demo_active($customers_batch) AS a
      ON a.unit_idx = l.unit_idx AND a.m = l.m
     AND a.rn = 1 + CAST(floor(demo_u(l.key, 'customer') * l.n_active) AS BIGINT)
),
timed AS (
    SELECT *,
           CAST(round(exp(ln(3) + 0.4 * demo_z(key, 'days'))
                      * CASE severity WHEN 'high' THEN 1.5 ELSE 1 END
                      * CASE WHEN spike THEN 3 ELSE 1 END) AS INTEGER) AS days,
           demo_u(key, 'abandoned') < 0.03 AS abandoned
    FROM detailed
)
SELECT $batch_id,
       printf('P%07d', row_number() OVER (ORDER BY m, unit_idx, k)),
       received_on,
       customer_id,
       demo_region(unit_idx),
       demo_unit(unit_idx),
       demo_pick(demo_u(key, 'channel'), demo_channels(), [25, 40, 25, 10]),
       demo_pick(demo_u(key, 'category'), demo_reasons(), demo_reason_weights()),
       severity,
       CASE WHEN NOT abandoned AND received_on + days <= DATE '2026-10-31'
            THEN received_on + days END,
       CASE WHEN NOT abandoned AND received_on + days <= DATE '2026-10-31'
            THEN demo_score(4.2 - 0.15 * days + 0.8 * demo_z(key, 'recovery'), 1, 5) END
FROM timed;
