-- Customers: 5,000 per unit of scale, one row per active month, a last row (active false, with
-- a churn reason weighted by the seeds' shares) in the month they leave.
-- Plants: the pyramid (fewest diamond, most lead; lead costs more than it earns); monthly churn
-- fastest for lead and slowest for diamond (finding 5); more churn in weaker units; East churns
-- more, mostly for service failure, in 2026-08..10. About 12% move one tier during the period.
INSERT INTO customers
WITH people AS (
    SELECT c,
           CAST(c % 12 AS INTEGER) AS unit_idx,
           CASE WHEN demo_u(c, 'existing') < 0.65 THEN 0
                ELSE 1 + CAST(floor(demo_u(c, 'joined') * 23) AS INTEGER) END AS start_m,
           demo_pick(demo_u(c, 'tier'), [0, 1, 2, 3], demo_tier_weights()) AS base_tier,
           demo_pick(demo_u(c, 'move'), [-1, 1, 0], [6, 6, 88]) AS move,
           6 + CAST(floor(demo_u(c, 'move month') * 12) AS INTEGER) AS move_m
    FROM range(CAST(round(5000 * $scale) AS BIGINT)) AS t(c)
),
months AS (
    SELECT p.*, r.m,
           least(3, greatest(0, base_tier + CASE WHEN r.m >= move_m THEN move ELSE 0 END)) AS tier
    FROM people AS p, range(24) AS r(m)
    WHERE r.m >= p.start_m
),
hazards AS (
    SELECT *,
           [0.005, 0.010, 0.018, 0.032][tier + 1]
               * (1 - 1.2 * demo_unit_quality(unit_idx))
               * CASE WHEN demo_east_failing(unit_idx, m) THEN 1.6 ELSE 1 END AS hazard
    FROM months
),
lifetimes AS (
    SELECT *,
           min(CASE WHEN m > start_m AND demo_u(c * 24 + m, 'churn') < hazard THEN m END)
               OVER (PARTITION BY c) AS churn_m
    FROM hazards
)
SELECT $batch_id,
       printf('C%07d', c + 1),
       demo_month_start(m),
       m IS DISTINCT FROM churn_m,
       CASE WHEN m = churn_m THEN 0.0
            ELSE round([2400, 900, 320, 110][tier + 1]
                       * exp(0.25 * demo_z(c * 24 + m, 'revenue')), 2) END,
       CASE WHEN m = churn_m THEN 0.0
            ELSE round([1300, 560, 250, 125][tier + 1]
                       * exp(0.15 * demo_z(c * 24 + m, 'cost')), 2) END,
       demo_region(unit_idx),
       demo_tiers()[tier + 1],
       CASE WHEN m = churn_m THEN demo_pick(
                demo_u(c, 'reason'), demo_reasons(),
                CASE WHEN demo_east_failing(unit_idx, m) THEN [80, 30, 21, 17, 10, 7, 6]
                     ELSE demo_reason_weights() END) END
FROM lifetimes
WHERE churn_m IS NULL OR m <= churn_m;
