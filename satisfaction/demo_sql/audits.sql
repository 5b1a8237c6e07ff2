-- Audits: one service-quality audit per unit and month (12 x 24 rows; scale does not change it),
-- scoring the six positive elements (1-5) and counting errors among transactions.
-- Plants: better units audit higher and err less; South-2 errs 3x more in 2026-06 (month 19),
-- beside its complaint spike.
INSERT INTO audits
WITH visits AS (
    SELECT u.u AS unit_idx, r.m, u.u * 24 + r.m AS key, demo_unit_quality(u.u) AS quality,
           round(1800 * exp(0.1 * demo_z(u.u * 24 + r.m, 'transactions'))) AS transactions
    FROM range(12) AS u(u), range(24) AS r(m)
)
SELECT $batch_id,
       demo_unit(unit_idx),
       demo_day_in(m, demo_u(key, 'day')),
       demo_score(3.8 + 1.5 * quality + 0.6 * demo_z(key, 'attitude'), 1, 5),
       demo_score(3.7 + 1.5 * quality + 0.6 * demo_z(key, 'skill'), 1, 5),
       demo_score(3.6 + 1.5 * quality + 0.6 * demo_z(key, 'responsibility'), 1, 5),
       demo_score(3.9 + 1.0 * quality + 0.5 * demo_z(key, 'hardware'), 1, 5),
       demo_score(3.5 + 1.5 * quality + 0.6 * demo_z(key, 'management'), 1, 5),
       demo_score(3.0 + 1.5 * quality + 0.7 * demo_z(key, 'highlights'), 1, 5),
       CAST(round(transactions * 0.004 * (1 - 2 * quality)
                  * CASE WHEN unit_idx = 4 AND m = 19 THEN 3 ELSE 1 END
                  * exp(0.3 * demo_z(key, 'errors'))) AS BIGINT),
       CAST(transactions AS BIGINT)
FROM visits;
