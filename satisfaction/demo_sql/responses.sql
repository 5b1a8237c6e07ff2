-- Responses: 60,000 survey responses per unit of scale, each from a customer active in that unit
-- and month (so region and segment agree with the customers table).
-- Plants: satisfaction mostly 3-5 and NPS near +25; self-service lowest, face-to-face highest;
-- mild seasonality (best in June); better units score higher (the service-profit chain); East
-- drops sharply in 2026-08..10 (finding 1). Repurchase follows satisfaction only weakly.
INSERT INTO responses
WITH draws AS (
    SELECT i,
           CAST(floor(demo_u(i, 'month') * 24) AS INTEGER) AS m,
           CAST(floor(demo_u(i, 'unit') * 12) AS INTEGER) AS unit_idx,
           demo_pick(demo_u(i, 'channel'), demo_channels(), [30, 20, 30, 20]) AS channel,
           demo_pick(demo_u(i, 'stage'), demo_stages(), [25, 35, 40]) AS stage
    FROM range(CAST(round(60000 * $scale) AS BIGINT)) AS t(i)
),
-- Materialised so the pick stays a hash-join key (inlined, the join to a unit-month's
-- customers turned quadratic in scale).
picks AS MATERIALIZED (
    SELECT d.*, 1 + CAST(floor(demo_u(d.i, 'customer') * n.n_active) AS BIGINT) AS pick
    FROM draws AS d
    JOIN (SELECT DISTINCT unit_idx, m, n_active FROM demo_active($customers_batch)) AS n
      ON n.unit_idx = d.unit_idx AND n.m = d.m
),
sampled AS (
    SELECT p.*, a.customer_id, a.segment
    FROM picks AS p
    JOIN demo_active($customers_batch) AS a
      ON a.unit_idx = p.unit_idx AND a.m = p.m AND a.rn = p.pick
),
sentiment AS (
    SELECT *,
           demo_unit_quality(unit_idx) * 1.2
           + CASE channel WHEN 'face-to-face' THEN 0.15 WHEN 'phone' THEN 0.0
                          WHEN 'online' THEN -0.05 ELSE -0.35 END
           + CASE stage WHEN 'pre-sale' THEN 0.05 WHEN 'in-sale' THEN 0.10 ELSE -0.10 END
           + CASE segment WHEN 'diamond' THEN 0.20 WHEN 'gold' THEN 0.10
                          WHEN 'brass' THEN 0.0 ELSE -0.10 END
           + 0.08 * cos(2 * pi() * (((m + 10) % 12 + 1) - 6) / 12)
           + CASE WHEN demo_east_failing(unit_idx, m) THEN -0.45 ELSE 0 END
           + 0.9 * demo_z(i, 'sentiment') AS feeling
    FROM sampled
)
SELECT $batch_id,
       printf('R%08d', i + 1),
       demo_day_in(m, demo_u(i, 'day')),
       customer_id,
       demo_region(unit_idx),
       demo_unit(unit_idx),
       channel,
       stage,
       segment,
       demo_score(3.95 + feeling, 1, 5),
       demo_score(3.7 + 0.8 * demo_z(i, 'expectation'), 1, 5),
       demo_score(8.4 + 1.5 * feeling + 1.4 * demo_z(i, 'recommend'), 0, 10),
       demo_score(3.0 - 0.5 * feeling
                  + CASE channel WHEN 'self-service' THEN 0.6 WHEN 'phone' THEN 0.3 ELSE 0 END
                  + 1.1 * demo_z(i, 'effort'), 1, 7),
       demo_score(3.6 + 0.35 * feeling + 0.9 * demo_z(i, 'repurchase'), 1, 5)
FROM sentiment;
