-- Migration 10: the moments of the employee survey's complete answers, for the drivers.
--
-- The drivers of employee satisfaction (the Employees page) need the correlations of overall
-- and the seven driver items on complete answers (all eight scores present), and a bootstrap
-- of them. Both follow from sums: n, the eight items' sums and their 36 cross-products (the
-- upper triangle of the 8 x 8 matrix, squares included) give every mean and Pearson
-- correlation exactly. employee_moments keeps them per batch, month (its first day), unit and
-- bucket, a random partition of the answers into 256 by a hash of their response_id: the
-- drivers' bootstrap resamples these (month, unit, bucket) cells with Poisson weights instead
-- of single answers (queries/driver_bootstrap.sql says why that is sound). Its size is bounded
-- by months x units x 256, not by the answers (the demo's 12 units and 4 survey waves: 12,288
-- rows, whether 40 thousand answers or 400 thousand).
--
-- Like the other rollups (migration 6) a load adds its batch's rows and an undo deletes them
-- (satisfaction.rollups.TABLES); a date filter that cuts a month reads that month's answers
-- (filtered_employee_moments).

CREATE TABLE IF NOT EXISTS employee_moments (
    batch_id INTEGER NOT NULL, month DATE NOT NULL, unit VARCHAR, bucket SMALLINT NOT NULL,
    n BIGINT NOT NULL,
    s_overall BIGINT NOT NULL, s_job BIGINT NOT NULL, s_training BIGINT NOT NULL,
    s_pay BIGINT NOT NULL, s_promotion BIGINT NOT NULL, s_respect BIGINT NOT NULL,
    s_teamwork BIGINT NOT NULL, s_welfare BIGINT NOT NULL, c_overall_overall BIGINT NOT NULL,
    c_overall_job BIGINT NOT NULL, c_overall_training BIGINT NOT NULL,
    c_overall_pay BIGINT NOT NULL, c_overall_promotion BIGINT NOT NULL,
    c_overall_respect BIGINT NOT NULL, c_overall_teamwork BIGINT NOT NULL,
    c_overall_welfare BIGINT NOT NULL, c_job_job BIGINT NOT NULL, c_job_training BIGINT NOT NULL,
    c_job_pay BIGINT NOT NULL, c_job_promotion BIGINT NOT NULL, c_job_respect BIGINT NOT NULL,
    c_job_teamwork BIGINT NOT NULL, c_job_welfare BIGINT NOT NULL,
    c_training_training BIGINT NOT NULL, c_training_pay BIGINT NOT NULL,
    c_training_promotion BIGINT NOT NULL, c_training_respect BIGINT NOT NULL,
    c_training_teamwork BIGINT NOT NULL, c_training_welfare BIGINT NOT NULL,
    c_pay_pay BIGINT NOT NULL, c_pay_promotion BIGINT NOT NULL, c_pay_respect BIGINT NOT NULL,
    c_pay_teamwork BIGINT NOT NULL, c_pay_welfare BIGINT NOT NULL,
    c_promotion_promotion BIGINT NOT NULL, c_promotion_respect BIGINT NOT NULL,
    c_promotion_teamwork BIGINT NOT NULL, c_promotion_welfare BIGINT NOT NULL,
    c_respect_respect BIGINT NOT NULL, c_respect_teamwork BIGINT NOT NULL,
    c_respect_welfare BIGINT NOT NULL, c_teamwork_teamwork BIGINT NOT NULL,
    c_teamwork_welfare BIGINT NOT NULL, c_welfare_welfare BIGINT NOT NULL
);

-- The moments of the complete answers of `batch` (every batch when NULL) that the date and
-- unit filters keep; with cut_months_only, only those in a month the dates cut (none when
-- there are no dates), which filtered_employee_moments reads from the rows. Overall is never
-- NULL (the employees table), so complete means the seven drivers are present.
CREATE OR REPLACE MACRO employee_moments_where(batch, date_from, date_to, units, cut_months_only) AS TABLE
    SELECT batch_id, date_trunc('month', surveyed_on)::DATE AS month, unit,
           (hash(response_id) % 256)::SMALLINT AS bucket,
           count(*) AS n,
           sum(overall) AS s_overall,
           sum(job) AS s_job,
           sum(training) AS s_training,
           sum(pay) AS s_pay,
           sum(promotion) AS s_promotion,
           sum("respect") AS s_respect,
           sum(teamwork) AS s_teamwork,
           sum(welfare) AS s_welfare,
           sum(overall::INTEGER * overall) AS c_overall_overall,
           sum(overall::INTEGER * job) AS c_overall_job,
           sum(overall::INTEGER * training) AS c_overall_training,
           sum(overall::INTEGER * pay) AS c_overall_pay,
           sum(overall::INTEGER * promotion) AS c_overall_promotion,
           sum(overall::INTEGER * "respect") AS c_overall_respect,
           sum(overall::INTEGER * teamwork) AS c_overall_teamwork,
           sum(overall::INTEGER * welfare) AS c_overall_welfare,
           sum(job::INTEGER * job) AS c_job_job,
           sum(job::INTEGER * training) AS c_job_training,
           sum(job::INTEGER * pay) AS c_job_pay,
           sum(job::INTEGER * promotion) AS c_job_promotion,
           sum(job::INTEGER * "respect") AS c_job_respect,
           sum(job::INTEGER * teamwork) AS c_job_teamwork,
           sum(job::INTEGER * welfare) AS c_job_welfare,
           sum(training::INTEGER * training) AS c_training_training,
           sum(training::INTEGER * pay) AS c_training_pay,
           sum(training::INTEGER * promotion) AS c_training_promotion,
           sum(training::INTEGER * "respect") AS c_training_respect,
           sum(training::INTEGER * teamwork) AS c_training_teamwork,
           sum(training::INTEGER * welfare) AS c_training_welfare,
           sum(pay::INTEGER * pay) AS c_pay_pay,
           sum(pay::INTEGER * promotion) AS c_pay_promotion,
           sum(pay::INTEGER * "respect") AS c_pay_respect,
           sum(pay::INTEGER * teamwork) AS c_pay_teamwork,
           sum(pay::INTEGER * welfare) AS c_pay_welfare,
           sum(promotion::INTEGER * promotion) AS c_promotion_promotion,
           sum(promotion::INTEGER * "respect") AS c_promotion_respect,
           sum(promotion::INTEGER * teamwork) AS c_promotion_teamwork,
           sum(promotion::INTEGER * welfare) AS c_promotion_welfare,
           sum("respect"::INTEGER * "respect") AS c_respect_respect,
           sum("respect"::INTEGER * teamwork) AS c_respect_teamwork,
           sum("respect"::INTEGER * welfare) AS c_respect_welfare,
           sum(teamwork::INTEGER * teamwork) AS c_teamwork_teamwork,
           sum(teamwork::INTEGER * welfare) AS c_teamwork_welfare,
           sum(welfare::INTEGER * welfare) AS c_welfare_welfare
    FROM employees
    WHERE (batch IS NULL OR batch_id = batch)
      AND in_filters(date_from, date_to, NULL, units, NULL, NULL, NULL,
                     surveyed_on, NULL, unit, NULL, NULL, NULL)
      AND (NOT cut_months_only OR NOT covers_month(date_from, date_to, surveyed_on))
      AND job IS NOT NULL AND training IS NOT NULL AND pay IS NOT NULL AND promotion IS NOT NULL
      AND "respect" IS NOT NULL AND teamwork IS NOT NULL AND welfare IS NOT NULL
    GROUP BY ALL;

-- A batch's rows of employee_moments (satisfaction.rollups.add_batch; every batch when NULL).
CREATE OR REPLACE MACRO employee_moments_of(batch) AS TABLE
    SELECT * FROM employee_moments_where(batch, NULL, NULL, NULL, false) ORDER BY month;

-- The moments the filters keep (the parameters of filtered_employees): the rollup's rows of
-- the months the dates cover and, for a month they cut, the moments of its answers within the
-- dates, computed from the rows (filtered before they are grouped, so only those months' rows
-- are summed).
CREATE OR REPLACE MACRO filtered_employee_moments(date_from, date_to, regions, units, channels, stages, segments) AS TABLE
    SELECT * FROM employee_moments
    WHERE covers_month(date_from, date_to, month)
      AND in_filters(NULL, NULL, NULL, units, NULL, NULL, NULL, NULL, NULL, unit, NULL, NULL, NULL)
    UNION ALL
    SELECT * FROM employee_moments_where(NULL, date_from, date_to, units, true);

-- A store written before this migration gets the moments now; run again (a store rewound to an
-- earlier version), they are computed afresh from the rows.
DELETE FROM employee_moments;
INSERT INTO employee_moments SELECT * FROM employee_moments_of(NULL);
