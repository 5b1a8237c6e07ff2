-- Employees: 600 survey responses per unit of scale in each of four half-yearly waves (March
-- and September 2025 and 2026), 50 per unit. A position keeps its employee until they leave;
-- leavers (more likely when intent to stay is low) get left_on and a new employee takes the
-- position for the next wave.
-- Plants: training is the strongest driver of overall satisfaction, pay a weak one (finding 3);
-- better units have more satisfied staff, which also drives their customers' satisfaction
-- (the service-profit chain).
INSERT INTO employees
WITH positions AS (
    SELECT k, w, k * 4 + w AS key,
           CAST(k % 12 AS INTEGER) AS unit_idx,
           demo_unit_quality(k % 12) AS quality,
           demo_z(k * 4 + w, 'halo') AS halo,
           demo_month_start(4 + 6 * w)
               + CAST(floor(demo_u(k * 4 + w, 'day') * 21) AS INTEGER) AS surveyed_on
    FROM range(CAST(round(600 * $scale) AS BIGINT)) AS t(k), range(4) AS v(w)
),
items AS (
    SELECT *,
           demo_score(3.5 + 0.8 * quality + 0.55 * halo + 0.75 * demo_z(key, 'job'), 1, 5) AS job,
           demo_score(3.2 + 0.8 * quality + 0.55 * halo + 0.75 * demo_z(key, 'training'), 1, 5)
               AS training,
           demo_score(3.0 + 0.8 * quality + 0.55 * halo + 0.75 * demo_z(key, 'pay'), 1, 5) AS pay,
           demo_score(2.9 + 0.8 * quality + 0.55 * halo + 0.75 * demo_z(key, 'promotion'), 1, 5)
               AS promotion,
           demo_score(3.6 + 0.8 * quality + 0.55 * halo + 0.75 * demo_z(key, 'respect'), 1, 5)
               AS respect,
           demo_score(3.7 + 0.8 * quality + 0.55 * halo + 0.75 * demo_z(key, 'teamwork'), 1, 5)
               AS teamwork,
           demo_score(3.3 + 0.8 * quality + 0.55 * halo + 0.75 * demo_z(key, 'welfare'), 1, 5)
               AS welfare
    FROM positions
),
rated AS (
    SELECT *,
           demo_score(3.4 + 0.50 * (training - 3.2) + 0.22 * (job - 3.5) + 0.15 * (respect - 3.6)
                      + 0.12 * (teamwork - 3.7) + 0.10 * (promotion - 2.9)
                      + 0.05 * (pay - 3.0) + 0.05 * (welfare - 3.3)
                      + 0.6 * quality + 0.45 * demo_z(key, 'overall'), 1, 5) AS overall
    FROM items
),
staying AS (
    SELECT *,
           demo_score(3.2 + 0.7 * (overall - 3.4) + 0.8 * demo_z(key, 'stay'), 1, 5)
               AS intends_to_stay
    FROM rated
),
leaving AS (
    SELECT *,
           demo_u(key, 'leaves') < 0.26 - 0.05 * intends_to_stay AS leaves,
           surveyed_on + 7 + CAST(floor(demo_u(key, 'left on') * 150) AS INTEGER) AS leave_date
    FROM staying
),
occupants AS (
    SELECT *,
           coalesce(sum(CAST(leaves AS INTEGER)) OVER earlier, 0) AS generation,
           max(CASE WHEN leaves THEN w END) OVER earlier AS last_left_wave
    FROM leaving
    WINDOW earlier AS (PARTITION BY k ORDER BY w ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)
)
SELECT $batch_id,
       printf('S%d-%06d', w + 1, k + 1),
       surveyed_on,
       printf('E%07d', generation * 1000000 + k + 1),
       demo_unit(unit_idx),
       overall, job, training, pay, promotion, respect, teamwork, welfare,
       CASE WHEN last_left_wave IS NULL
            THEN 3 + CAST(floor(pow(demo_u(k, 'tenure'), 2) * 150) AS BIGINT) + 6 * w
            ELSE 6 * (w - last_left_wave) - 1 - CAST(floor(demo_u(key, 'tenure') * 5) AS BIGINT)
       END,
       intends_to_stay,
       CASE WHEN leaves AND leave_date <= DATE '2026-10-31' THEN leave_date END
FROM occupants;
