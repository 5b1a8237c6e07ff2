-- Shared building blocks of the demo generator, created as TEMP macros on the writing cursor
-- (they vanish when the cursor closes, so the store's catalogue is untouched).
-- Randomness is hash based, never random(): the same key and salt give the same draw on any
-- thread and in any run.

-- A uniform draw in (0, 1) from a key and a salt.
CREATE OR REPLACE TEMP MACRO demo_u(key, salt) AS
    ((hash(key, salt) % 1000003) + 0.5) / 1000003.0;

-- A standard normal draw (Box-Muller on two uniforms).
CREATE OR REPLACE TEMP MACRO demo_z(key, salt) AS
    sqrt(-2 * ln(demo_u(key, salt || ':a'))) * cos(2 * pi() * demo_u(key, salt || ':b'));

-- A categorical draw: the label whose cumulative weight first exceeds u times the total.
CREATE OR REPLACE TEMP MACRO demo_pick(u, labels, weights) AS
    labels[1 + len(list_filter(
        list_transform(range(1, len(weights)), lambda k: list_sum(weights[1:k])),
        lambda x: x <= u * list_sum(weights)))];

-- A latent value rounded and clamped onto a whole-number scale low..high.
CREATE OR REPLACE TEMP MACRO demo_score(x, low, high) AS
    CAST(least(greatest(round(x), low), high) AS SMALLINT);

-- The calendar: month m = 0..23 runs from 2024-11 to 2026-10.
CREATE OR REPLACE TEMP MACRO demo_month_start(m) AS
    CAST(DATE '2024-11-01' + to_months(CAST(m AS INTEGER)) AS DATE);

CREATE OR REPLACE TEMP MACRO demo_month_of(d) AS
    CAST(date_diff('month', DATE '2024-11-01', d) AS INTEGER);

-- A day spread within month m by the uniform u.
CREATE OR REPLACE TEMP MACRO demo_day_in(m, u) AS
    demo_month_start(m) + CAST(floor(u * day(last_day(demo_month_start(m)))) AS INTEGER);

-- Units 0..11: North-1..3, South-1..3, East-1..3, West-1..3.
CREATE OR REPLACE TEMP MACRO demo_region(unit_idx) AS
    ['North', 'South', 'East', 'West'][CAST(unit_idx // 3 AS INTEGER) + 1];

CREATE OR REPLACE TEMP MACRO demo_unit(unit_idx) AS
    demo_region(unit_idx) || '-' || CAST(unit_idx % 3 + 1 AS VARCHAR);

-- Each unit's service quality: drives employee and customer satisfaction alike (the
-- service-profit chain), complaints and churn.
CREATE OR REPLACE TEMP MACRO demo_unit_quality(unit_idx) AS
    [0.20, 0.05, -0.10, 0.10, -0.25, 0.00, 0.15, -0.05, 0.25, -0.15, 0.10, -0.20][
        CAST(unit_idx AS INTEGER) + 1];

-- The quarter East's reliability fails (2026-08..2026-10, months 21..23).
CREATE OR REPLACE TEMP MACRO demo_east_failing(unit_idx, m) AS unit_idx // 3 = 2 AND m >= 21;

CREATE OR REPLACE TEMP MACRO demo_channels() AS ['face-to-face', 'phone', 'online', 'self-service'];

CREATE OR REPLACE TEMP MACRO demo_stages() AS ['pre-sale', 'in-sale', 'after-sale'];

-- The customer pyramid, best tier first.
CREATE OR REPLACE TEMP MACRO demo_tiers() AS ['diamond', 'gold', 'brass', 'lead'];

CREATE OR REPLACE TEMP MACRO demo_tier_weights() AS [5, 15, 30, 50];

-- Reasons for switching and their shares from the seeds (used as weights).
CREATE OR REPLACE TEMP MACRO demo_reasons() AS
    ['service failure', 'price', 'inconvenience', 'response to failure', 'competitor', 'ethics',
     'involuntary'];

CREATE OR REPLACE TEMP MACRO demo_reason_weights() AS [34, 30, 21, 17, 10, 7, 6];

-- A demo customer's home unit, from the number in its id ('C0000001' is customer 0).
CREATE OR REPLACE TEMP MACRO demo_customer_unit(customer_id) AS
    CAST((CAST(customer_id[2:] AS BIGINT) - 1) % 12 AS INTEGER);

-- The customers active in each unit and month, numbered 1..n within it, for sampling.
CREATE OR REPLACE TEMP MACRO demo_active(customers_batch) AS TABLE
    SELECT customer_id, segment,
           demo_customer_unit(customer_id) AS unit_idx,
           demo_month_of(period) AS m,
           row_number() OVER (PARTITION BY demo_customer_unit(customer_id), period
                              ORDER BY customer_id) AS rn,
           count(*) OVER (PARTITION BY demo_customer_unit(customer_id), period) AS n_active
    FROM customers
    WHERE batch_id = customers_batch AND active;

-- The tolerance and gap-model items: the five RATER dimensions, 3 to 5 items each.
CREATE OR REPLACE TEMP MACRO demo_items() AS TABLE
    SELECT * FROM (VALUES
        (1, 'reliability', 'on-time service', 0.1),
        (2, 'reliability', 'right first time', 0.2),
        (3, 'reliability', 'accurate records', -0.1),
        (4, 'reliability', 'promises kept', -0.2),
        (5, 'responsiveness', 'prompt service', 0.1),
        (6, 'responsiveness', 'willing to help', 0.0),
        (7, 'responsiveness', 'quick replies', -0.1),
        (8, 'assurance', 'staff knowledge', 0.2),
        (9, 'assurance', 'courtesy', 0.1),
        (10, 'assurance', 'feeling safe', -0.1),
        (11, 'assurance', 'trustworthy staff', -0.2),
        (12, 'empathy', 'individual attention', 0.1),
        (13, 'empathy', 'convenient hours', 0.0),
        (14, 'empathy', 'understands my needs', -0.1),
        (15, 'tangibles', 'modern equipment', 0.2),
        (16, 'tangibles', 'clean premises', 0.1),
        (17, 'tangibles', 'neat staff', 0.0),
        (18, 'tangibles', 'clear materials', -0.1),
        (19, 'tangibles', 'visual appeal', -0.2)
    ) AS v(item_no, dimension, item, item_shift);
