-- Weighted sums and cross-products of the employee survey's overall score and its driver items
-- on complete rows, per Poisson bootstrap replicate: the sufficient statistics of each
-- replicate's correlation matrix, so the respondents' rows never leave the store.
-- What is resampled is the cells of the moments rollup (migration 10, employee_moments): the
-- complete answers of one month and unit whose response_id hashes to one of 256 buckets.
-- Replicate b weights each (month, unit, bucket) cell's sums by a Poisson(1) count drawn from
-- a hash of the cell, b and the seed: the Poisson bootstrap of groups of rows that Chamandy et
-- al. (2012, "Estimating uncertainty for massive data streams") use at scale. The buckets split
-- the answers at random, so the cells are independent random groups of them and resampling
-- the cells estimates the variance that resampling answers does: exactly the row bootstrap
-- (Hanley & MacGibbon 2006) where each cell holds one answer (small data), and at scale a
-- bootstrap of months x units x 256 cells (12,288 in the demo) whose cost no longer grows with
-- the answers. Fewer groups estimate it less well: the 256 buckets alone (months and units
-- together) spread two drivers' replicates 8-15% less than the row bootstrap at 1M answers,
-- these cells within 5% of it. The same data, seed and DuckDB version always
-- give the same replicates (satisfaction.methods.drivers.bootstrap_lmg).
-- grain: one row per replicate (0 .. replicates - 1)
-- reads: employees
-- params: date_from DATE, date_to DATE, regions VARCHAR[], units VARCHAR[], channels VARCHAR[], stages VARCHAR[], segments VARCHAR[], replicates INTEGER = '200', seed INTEGER = '20261'
-- columns: replicate, w, s_overall, s_job, s_training, s_pay, s_promotion, s_respect, s_teamwork, s_welfare, c_overall_overall, c_overall_job, c_overall_training, c_overall_pay, c_overall_promotion, c_overall_respect, c_overall_teamwork, c_overall_welfare, c_job_job, c_job_training, c_job_pay, c_job_promotion, c_job_respect, c_job_teamwork, c_job_welfare, c_training_training, c_training_pay, c_training_promotion, c_training_respect, c_training_teamwork, c_training_welfare, c_pay_pay, c_pay_promotion, c_pay_respect, c_pay_teamwork, c_pay_welfare, c_promotion_promotion, c_promotion_respect, c_promotion_teamwork, c_promotion_welfare, c_respect_respect, c_respect_teamwork, c_respect_welfare, c_teamwork_teamwork, c_teamwork_welfare, c_welfare_welfare
WITH cells AS (
    -- a cell's sums over the batches that hold its answers: the draws follow the answers,
    -- not how they were loaded
    -- (the sums are whole numbers, below 2^53: exact as DOUBLE, which sums faster than HUGEINT)
    SELECT month, unit, bucket, sum(COLUMNS(* EXCLUDE (batch_id, month, unit, bucket)))::DOUBLE
    FROM filtered_employee_moments($date_from, $date_to, $regions, $units, $channels, $stages, $segments)
    GROUP BY month, unit, bucket
), draws AS (
    -- u uniform on [0, 1) from the hash
    SELECT r.replicate, c.*,
           (hash(c.month, c.unit, c.bucket, r.replicate, $seed::INTEGER) >> 11)::DOUBLE
               / 9007199254740992.0 AS u
    FROM cells c, range($replicates::INTEGER) AS r(replicate)
), weighted AS (
    -- w the Poisson(1) count of u by the inverse CDF (P(W <= k) = e^-1 * sum_{i<=k} 1/i!),
    -- cut at 8 (P(W > 8) < 1e-6)
    SELECT *,
           CASE WHEN u < 0.36787944117144233 THEN 0
                WHEN u < 0.7357588823428847 THEN 1
                WHEN u < 0.9196986029286058 THEN 2
                WHEN u < 0.9810118431238463 THEN 3
                WHEN u < 0.9963401531726563 THEN 4
                WHEN u < 0.9994058151824183 THEN 5
                WHEN u < 0.999916758850712 THEN 6
                WHEN u < 0.9999897508033253 THEN 7
                ELSE 8 END::DOUBLE AS w
    FROM draws
), totals AS (
    -- each sum weighted, under its own name (n's becomes the total weight w)
    SELECT replicate, sum(w * COLUMNS(* EXCLUDE (replicate, month, unit, bucket, u, w)))
    FROM weighted
    GROUP BY replicate
)
SELECT replicate, n AS w, * EXCLUDE (replicate, n)
FROM totals
ORDER BY replicate
