-- Weighted sums and cross-products of the employee survey's overall score and its driver items
-- on complete rows, per Poisson bootstrap replicate: the sufficient statistics of each
-- replicate's correlation matrix, so the respondents' rows never leave the store.
-- Replicate b weights each response by a Poisson(1) count drawn from a hash of its response_id,
-- b and the seed (Hanley & MacGibbon 2006; Chamandy et al. 2012): the same data, seed and DuckDB
-- version always give the same replicates (satisfaction.methods.drivers.bootstrap_lmg).
-- grain: one row per replicate (0 .. replicates - 1)
-- reads: employees
-- params: date_from DATE, date_to DATE, regions VARCHAR[], units VARCHAR[], channels VARCHAR[], stages VARCHAR[], segments VARCHAR[], replicates INTEGER = '200', seed INTEGER = '20261'
-- columns: replicate, w, s_overall, s_job, s_training, s_pay, s_promotion, s_respect, s_teamwork, s_welfare, c_overall_overall, c_overall_job, c_overall_training, c_overall_pay, c_overall_promotion, c_overall_respect, c_overall_teamwork, c_overall_welfare, c_job_job, c_job_training, c_job_pay, c_job_promotion, c_job_respect, c_job_teamwork, c_job_welfare, c_training_training, c_training_pay, c_training_promotion, c_training_respect, c_training_teamwork, c_training_welfare, c_pay_pay, c_pay_promotion, c_pay_respect, c_pay_teamwork, c_pay_welfare, c_promotion_promotion, c_promotion_respect, c_promotion_teamwork, c_promotion_welfare, c_respect_respect, c_respect_teamwork, c_respect_welfare, c_teamwork_teamwork, c_teamwork_welfare, c_welfare_welfare
WITH complete AS (
    SELECT response_id, overall, job, training, pay, promotion, "respect", teamwork, welfare
    FROM filtered_employees($date_from, $date_to, $regions, $units, $channels, $stages, $segments)
    WHERE job IS NOT NULL AND training IS NOT NULL AND pay IS NOT NULL AND promotion IS NOT NULL
      AND "respect" IS NOT NULL AND teamwork IS NOT NULL AND welfare IS NOT NULL
), draws AS (
    -- u uniform on [0, 1) from the hash; w its Poisson(1) count by the inverse CDF
    -- (P(W <= k) = e^-1 * sum_{i<=k} 1/i!), cut at 8 (P(W > 8) < 1e-6)
    SELECT r.replicate, c.*,
           (hash(c.response_id, r.replicate, $seed::INTEGER) >> 11)::DOUBLE / 9007199254740992.0 AS u
    FROM complete c, range($replicates::INTEGER) AS r(replicate)
), weighted AS (
    SELECT *,
           CASE WHEN u < 0.36787944117144233 THEN 0
                WHEN u < 0.7357588823428847 THEN 1
                WHEN u < 0.9196986029286058 THEN 2
                WHEN u < 0.9810118431238463 THEN 3
                WHEN u < 0.9963401531726563 THEN 4
                WHEN u < 0.9994058151824183 THEN 5
                WHEN u < 0.999916758850712 THEN 6
                WHEN u < 0.9999897508033253 THEN 7
                ELSE 8 END AS w
    FROM draws
)
SELECT replicate, sum(w)::DOUBLE AS w,
       sum(w * overall)::DOUBLE AS s_overall,
       sum(w * job)::DOUBLE AS s_job,
       sum(w * training)::DOUBLE AS s_training,
       sum(w * pay)::DOUBLE AS s_pay,
       sum(w * promotion)::DOUBLE AS s_promotion,
       sum(w * "respect")::DOUBLE AS s_respect,
       sum(w * teamwork)::DOUBLE AS s_teamwork,
       sum(w * welfare)::DOUBLE AS s_welfare,
       sum(w * overall * overall)::DOUBLE AS c_overall_overall,
       sum(w * overall * job)::DOUBLE AS c_overall_job,
       sum(w * overall * training)::DOUBLE AS c_overall_training,
       sum(w * overall * pay)::DOUBLE AS c_overall_pay,
       sum(w * overall * promotion)::DOUBLE AS c_overall_promotion,
       sum(w * overall * "respect")::DOUBLE AS c_overall_respect,
       sum(w * overall * teamwork)::DOUBLE AS c_overall_teamwork,
       sum(w * overall * welfare)::DOUBLE AS c_overall_welfare,
       sum(w * job * job)::DOUBLE AS c_job_job,
       sum(w * job * training)::DOUBLE AS c_job_training,
       sum(w * job * pay)::DOUBLE AS c_job_pay,
       sum(w * job * promotion)::DOUBLE AS c_job_promotion,
       sum(w * job * "respect")::DOUBLE AS c_job_respect,
       sum(w * job * teamwork)::DOUBLE AS c_job_teamwork,
       sum(w * job * welfare)::DOUBLE AS c_job_welfare,
       sum(w * training * training)::DOUBLE AS c_training_training,
       sum(w * training * pay)::DOUBLE AS c_training_pay,
       sum(w * training * promotion)::DOUBLE AS c_training_promotion,
       sum(w * training * "respect")::DOUBLE AS c_training_respect,
       sum(w * training * teamwork)::DOUBLE AS c_training_teamwork,
       sum(w * training * welfare)::DOUBLE AS c_training_welfare,
       sum(w * pay * pay)::DOUBLE AS c_pay_pay,
       sum(w * pay * promotion)::DOUBLE AS c_pay_promotion,
       sum(w * pay * "respect")::DOUBLE AS c_pay_respect,
       sum(w * pay * teamwork)::DOUBLE AS c_pay_teamwork,
       sum(w * pay * welfare)::DOUBLE AS c_pay_welfare,
       sum(w * promotion * promotion)::DOUBLE AS c_promotion_promotion,
       sum(w * promotion * "respect")::DOUBLE AS c_promotion_respect,
       sum(w * promotion * teamwork)::DOUBLE AS c_promotion_teamwork,
       sum(w * promotion * welfare)::DOUBLE AS c_promotion_welfare,
       sum(w * "respect" * "respect")::DOUBLE AS c_respect_respect,
       sum(w * "respect" * teamwork)::DOUBLE AS c_respect_teamwork,
       sum(w * "respect" * welfare)::DOUBLE AS c_respect_welfare,
       sum(w * teamwork * teamwork)::DOUBLE AS c_teamwork_teamwork,
       sum(w * teamwork * welfare)::DOUBLE AS c_teamwork_welfare,
       sum(w * welfare * welfare)::DOUBLE AS c_welfare_welfare
FROM weighted
GROUP BY replicate
ORDER BY replicate
