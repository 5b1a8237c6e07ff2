-- Tolerance: 5,000 SERVQUAL respondents per unit of scale, each rating the 19 RATER items on
-- three columns (adequate, desired, perceived; 1-9).
-- Plants: adequate below desired for nearly every rating; perceived inside the zone on average;
-- better units perceive more; East's reliability falls below adequate in 2026-08..10 only
-- (finding 1), with a slight dip on its other dimensions.
INSERT INTO tolerance
WITH dimensions(dimension, adequate_mean, perceived_mean) AS (
    VALUES ('reliability', 5.8, 6.8),
           ('responsiveness', 5.3, 6.3),
           ('assurance', 5.5, 6.9),
           ('empathy', 4.9, 6.0),
           ('tangibles', 4.6, 6.4)
),
respondents AS (
    SELECT r,
           CAST(floor(demo_u(r, 'month') * 24) AS INTEGER) AS m,
           CAST(floor(demo_u(r, 'unit') * 12) AS INTEGER) AS unit_idx,
           demo_pick(demo_u(r, 'channel'), demo_channels(), [30, 20, 30, 20]) AS channel,
           demo_pick(demo_u(r, 'segment'), demo_tiers(), demo_tier_weights()) AS segment,
           0.6 * demo_z(r, 'adequate') AS adequate_shift,
           0.5 * demo_z(r, 'desired') AS desired_shift,
           0.6 * demo_z(r, 'perceived') AS perceived_shift
    FROM range(CAST(round(5000 * $scale) AS BIGINT)) AS t(r)
),
ratings AS (
    SELECT p.*, i.dimension, i.item, r * 32 + i.item_no AS key,
           demo_score(d.adequate_mean + i.item_shift + adequate_shift
                      + 0.8 * demo_z(r * 32 + i.item_no, 'adequate'), 1, 9) AS adequate,
           d.perceived_mean + i.item_shift + perceived_shift
               + 0.8 * demo_unit_quality(unit_idx)
               + CASE WHEN NOT demo_east_failing(unit_idx, m) THEN 0
                      WHEN i.dimension = 'reliability' THEN -2.0 ELSE -0.3 END AS perceived_mean
    FROM respondents AS p
    CROSS JOIN demo_items() AS i
    JOIN dimensions AS d ON d.dimension = i.dimension
)
SELECT $batch_id,
       printf('T%07d', r + 1),
       demo_day_in(m, demo_u(r, 'day')),
       demo_region(unit_idx),
       demo_unit(unit_idx),
       channel,
       segment,
       dimension,
       item,
       adequate,
       demo_score(adequate + 2.2 + desired_shift + 0.9 * demo_z(key, 'desired'), 1, 9),
       demo_score(perceived_mean + 1.0 * demo_z(key, 'perceived'), 1, 9)
FROM ratings;
