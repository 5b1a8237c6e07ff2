-- Gap inputs: for each of the 8 quarters of the calendar (2024-11, 2025-02, ...) and each of the
-- 19 RATER items, management's estimate of customers' expectations, the service standard, the
-- service delivered and the service promised (1-9). Fixed size: scale does not change it.
-- Plants: on reliability the largest internal gap is GAP 3, standard minus delivered
-- (finding 6); responsiveness leans on GAP 2, empathy on GAP 1, tangibles on GAP 4.
INSERT INTO gap_inputs
WITH dimensions(dimension, estimate_mean, standard_mean, delivered_mean, promised_mean) AS (
    VALUES ('reliability', 7.6, 7.4, 5.6, 6.5),
           ('responsiveness', 6.8, 5.9, 5.6, 6.2),
           ('assurance', 7.2, 6.9, 6.4, 7.0),
           ('empathy', 6.0, 5.7, 5.3, 5.9),
           ('tangibles', 6.5, 6.3, 6.0, 7.1)
),
cells AS (
    SELECT q.q, i.dimension, i.item, i.item_shift, q.q * 32 + i.item_no AS key, d.*
    FROM range(8) AS q(q)
    CROSS JOIN demo_items() AS i
    JOIN dimensions AS d ON d.dimension = i.dimension
)
SELECT $batch_id,
       demo_month_start(3 * q),
       dimension,
       item,
       demo_score(estimate_mean + item_shift + 0.4 * demo_z(key, 'estimate'), 1, 9),
       demo_score(standard_mean + item_shift + 0.4 * demo_z(key, 'standard'), 1, 9),
       demo_score(delivered_mean + item_shift + 0.4 * demo_z(key, 'delivered'), 1, 9),
       demo_score(promised_mean + item_shift + 0.4 * demo_z(key, 'promised'), 1, 9)
FROM cells;
