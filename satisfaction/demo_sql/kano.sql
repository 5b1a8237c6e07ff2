-- Kano: 300 respondents per unit of scale, each answering the functional and dysfunctional
-- question for 8 features. Each feature has a share of respondents per category (A, O, M, I,
-- R, Q); an answer pair is then drawn from that category's cells of the Kano evaluation table
-- (Berger et al. 1993; 1 like, 2 must-be, 3 neutral, 4 live-with, 5 dislike).
-- Plants: 'mobile check-in' attractive (Better > 0.5, |Worse| < 0.3) and 'accurate billing'
-- must-be (|Worse| > 0.6, Better < 0.3) (finding 2); the others one-dimensional or indifferent.
INSERT INTO kano
WITH features(feature_no, feature, shares, importance_mean) AS (
    --                                        A   O   M   I  R  Q
    VALUES (1, 'mobile check-in',           [60, 12,  4, 21, 2, 1], 5.5),
           (2, 'accurate billing',          [ 4, 15, 60, 18, 2, 1], 8.0),
           (3, 'same-day repair',           [15, 45, 15, 22, 2, 1], 7.0),
           (4, 'online appointment',        [18, 42, 12, 25, 2, 1], 6.0),
           (5, 'dedicated adviser',         [14, 40, 10, 33, 2, 1], 6.5),
           (6, 'live chat',                 [25, 38,  8, 26, 2, 1], 5.0),
           (7, 'loyalty points',            [15, 12,  8, 60, 3, 2], 4.0),
           (8, 'printed statements',        [ 5, 10, 20, 58, 5, 2], 3.5)
),
answers AS (
    SELECT r, f.feature, f.importance_mean, r * 8 + f.feature_no AS key,
           demo_pick(demo_u(r * 8 + f.feature_no, 'category'),
                     ['A', 'O', 'M', 'I', 'R', 'Q'], f.shares) AS category,
           CAST(2 + floor(demo_u(r * 8 + f.feature_no, 'functional') * 3) AS TINYINT) AS f_middle,
           CAST(2 + floor(demo_u(r * 8 + f.feature_no, 'dysfunctional') * 3) AS TINYINT)
               AS d_middle,
           demo_u(r * 8 + f.feature_no, 'reverse') AS u_reverse
    FROM range(CAST(round(300 * $scale) AS BIGINT)) AS t(r), features AS f
)
SELECT $batch_id,
       printf('K%06d', r + 1),
       demo_pick(demo_u(r, 'segment'), demo_tiers(), demo_tier_weights()),
       feature,
       CASE category WHEN 'A' THEN 1 WHEN 'O' THEN 1 WHEN 'M' THEN f_middle WHEN 'I' THEN f_middle
                     WHEN 'R' THEN CASE WHEN u_reverse < 0.7 THEN 5 ELSE f_middle END
                     ELSE CASE WHEN u_reverse < 0.5 THEN 1 ELSE 5 END END,
       CASE category WHEN 'A' THEN d_middle WHEN 'O' THEN 5 WHEN 'M' THEN 5 WHEN 'I' THEN d_middle
                     WHEN 'R' THEN CASE WHEN u_reverse < 0.7 THEN d_middle ELSE 1 END
                     ELSE CASE WHEN u_reverse < 0.5 THEN 1 ELSE 5 END END,
       demo_score(importance_mean + 1.2 * demo_z(key, 'importance'), 1, 9)
FROM answers;
