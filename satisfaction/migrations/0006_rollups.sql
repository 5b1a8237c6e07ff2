-- Migration 6: rollups, the aggregates every page figure is computed from, kept per batch.
--
-- A page query reads sums, not rows: the counts, sums, sums of squares and score
-- distributions of each kind's records per batch, date and every filter dimension the kind has
-- (only the combinations present). Each kind with a date has two tables: <kind>_sums_day (one
-- row per batch, day and dimensions) and <kind>_sums_month (the same summed to the month, day =
-- the first of the month). The filter macros below take a month's row when the date filter
-- covers the whole month and the day rows of the months it cuts, so any day range is answered
-- exactly, and a range of whole months (the usual one) reads month rows only.
--
-- Every rollup row carries its batch: a load inserts its batch's sums in its own transaction
-- and an undo deletes them in the undo's (satisfaction.rollups). customer_moves pairs two rows
-- of a customer, which may come from two batches, so it names both. The <kind>_sums_of(batch)
-- macros compute a batch's rows (every batch when batch is NULL: a rebuild, and this
-- migration's first fill of a store written before it).

-- The one predicate of the sidebar filters, shared by the raw filtered_<kind> macros and the
-- rollups' macros. A kind passes NULL for the filters it has no column for (they are then
-- ignored) and a NULL day when it has no date; an empty or NULL list means no filter.
CREATE OR REPLACE MACRO in_filters(date_from, date_to, regions, units, channels, stages, segments,
        day, region, unit, channel, stage, segment) AS
    (date_from IS NULL OR day >= date_from)
    AND (date_to IS NULL OR day <= date_to)
    AND (len(coalesce(regions, [])) = 0 OR list_contains(regions, region))
    AND (len(coalesce(units, [])) = 0 OR list_contains(units, unit))
    AND (len(coalesce(channels, [])) = 0 OR list_contains(channels, channel))
    AND (len(coalesce(stages, [])) = 0 OR list_contains(stages, stage))
    AND (len(coalesce(segments, [])) = 0 OR list_contains(segments, segment));

-- Whether the date filter keeps every day of the month holding `day`.
CREATE OR REPLACE MACRO covers_month(date_from, date_to, day) AS
    in_filters(date_from, date_to, NULL, NULL, NULL, NULL, NULL,
               date_trunc('month', day)::DATE, NULL, NULL, NULL, NULL, NULL)
    AND in_filters(date_from, date_to, NULL, NULL, NULL, NULL, NULL,
                   last_day(day), NULL, NULL, NULL, NULL, NULL);

-- The raw filter macros, now spelled with in_filters (same parameters, same rows).
CREATE OR REPLACE MACRO filtered_responses(date_from, date_to, regions, units, channels, stages, segments) AS TABLE
    SELECT * FROM responses
    WHERE in_filters(date_from, date_to, regions, units, channels, stages, segments,
                     responded_on, region, unit, channel, stage, segment);

CREATE OR REPLACE MACRO filtered_tolerance(date_from, date_to, regions, units, channels, stages, segments) AS TABLE
    SELECT * FROM tolerance
    WHERE in_filters(date_from, date_to, regions, units, channels, NULL, segments,
                     responded_on, region, unit, channel, NULL, segment);

CREATE OR REPLACE MACRO filtered_kano(date_from, date_to, regions, units, channels, stages, segments) AS TABLE
    SELECT * FROM kano
    WHERE in_filters(NULL, NULL, NULL, NULL, NULL, NULL, segments,
                     NULL, NULL, NULL, NULL, NULL, segment);

CREATE OR REPLACE MACRO filtered_complaints(date_from, date_to, regions, units, channels, stages, segments) AS TABLE
    SELECT * FROM complaints
    WHERE in_filters(date_from, date_to, regions, units, channels, NULL, NULL,
                     received_on, region, unit, channel, NULL, NULL);

CREATE OR REPLACE MACRO filtered_customers(date_from, date_to, regions, units, channels, stages, segments) AS TABLE
    SELECT * FROM customers
    WHERE in_filters(date_from, date_to, regions, NULL, NULL, NULL, segments,
                     period, region, NULL, NULL, NULL, segment);

CREATE OR REPLACE MACRO filtered_employees(date_from, date_to, regions, units, channels, stages, segments) AS TABLE
    SELECT * FROM employees
    WHERE in_filters(date_from, date_to, NULL, units, NULL, NULL, NULL,
                     surveyed_on, NULL, unit, NULL, NULL, NULL);

CREATE OR REPLACE MACRO filtered_gap_inputs(date_from, date_to, regions, units, channels, stages, segments) AS TABLE
    SELECT * FROM gap_inputs
    WHERE in_filters(date_from, date_to, NULL, NULL, NULL, NULL, NULL,
                     period, NULL, NULL, NULL, NULL, NULL);

CREATE OR REPLACE MACRO filtered_audits(date_from, date_to, regions, units, channels, stages, segments) AS TABLE
    SELECT * FROM audits
    WHERE in_filters(date_from, date_to, NULL, units, NULL, NULL, NULL,
                     audited_on, NULL, unit, NULL, NULL, NULL);


-- Responses: the satisfaction figures (index, CSAT and its distribution, NPS, effort,
-- perceived over expected), repurchase intent.
CREATE TABLE IF NOT EXISTS response_sums_day (
    batch_id INTEGER NOT NULL, day DATE NOT NULL,
    region VARCHAR, unit VARCHAR, channel VARCHAR, stage VARCHAR, segment VARCHAR,
    n BIGINT NOT NULL, sat_sum BIGINT NOT NULL, sat_sumsq BIGINT NOT NULL,
    sat_top2 BIGINT NOT NULL, sat_1 BIGINT NOT NULL, sat_2 BIGINT NOT NULL, sat_3 BIGINT NOT NULL,
    sat_4 BIGINT NOT NULL, sat_5 BIGINT NOT NULL,
    rec_n BIGINT NOT NULL, promoters BIGINT NOT NULL, detractors BIGINT NOT NULL,
    effort_n BIGINT NOT NULL, effort_sum BIGINT NOT NULL, effort_sumsq BIGINT NOT NULL,
    pair_n BIGINT NOT NULL, pair_sat_sum BIGINT NOT NULL, pair_exp_sum BIGINT NOT NULL,
    repurchase_n BIGINT NOT NULL, repurchase_top2 BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS response_sums_month AS SELECT * FROM response_sums_day LIMIT 0;

CREATE OR REPLACE MACRO response_sums_of(batch) AS TABLE
    SELECT batch_id, responded_on AS day, region, unit, channel, stage, segment,
           count(*) AS n,
           sum(satisfaction) AS sat_sum,
           sum(satisfaction::BIGINT * satisfaction) AS sat_sumsq,
           count(*) FILTER (WHERE satisfaction >= 4) AS sat_top2,
           count(*) FILTER (WHERE satisfaction = 1) AS sat_1,
           count(*) FILTER (WHERE satisfaction = 2) AS sat_2,
           count(*) FILTER (WHERE satisfaction = 3) AS sat_3,
           count(*) FILTER (WHERE satisfaction = 4) AS sat_4,
           count(*) FILTER (WHERE satisfaction = 5) AS sat_5,
           count(recommend) AS rec_n,
           count(*) FILTER (WHERE is_promoter(recommend)) AS promoters,
           count(*) FILTER (WHERE is_detractor(recommend)) AS detractors,
           count(effort) AS effort_n,
           coalesce(sum(effort), 0) AS effort_sum,
           coalesce(sum(effort::BIGINT * effort), 0) AS effort_sumsq,
           count(expectation) AS pair_n,
           coalesce(sum(satisfaction) FILTER (WHERE expectation IS NOT NULL), 0) AS pair_sat_sum,
           coalesce(sum(expectation), 0) AS pair_exp_sum,
           count(repurchase) AS repurchase_n,
           count(*) FILTER (WHERE repurchase >= 4) AS repurchase_top2
    FROM responses
    WHERE batch IS NULL OR batch_id = batch
    GROUP BY ALL
    ORDER BY day;

-- Tolerance ratings: the zone of tolerance, MSA and MSS, and the gap model's customer side.
CREATE TABLE IF NOT EXISTS tolerance_sums_day (
    batch_id INTEGER NOT NULL, day DATE NOT NULL,
    region VARCHAR, unit VARCHAR, channel VARCHAR, segment VARCHAR,
    dimension VARCHAR NOT NULL, item VARCHAR NOT NULL,
    n BIGINT NOT NULL, adequate_sum BIGINT NOT NULL, desired_sum BIGINT NOT NULL,
    perceived_sum BIGINT NOT NULL, msa_sum BIGINT NOT NULL, msa_sq_sum BIGINT NOT NULL,
    adequate_sq_sum BIGINT NOT NULL, desired_sq_sum BIGINT NOT NULL,
    perceived_sq_sum BIGINT NOT NULL, below_n BIGINT NOT NULL, inconsistent_n BIGINT NOT NULL,
    width_sum BIGINT NOT NULL, gap5_sum BIGINT NOT NULL, gap5_sq_sum BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS tolerance_sums_month AS SELECT * FROM tolerance_sums_day LIMIT 0;

CREATE OR REPLACE MACRO tolerance_sums_of(batch) AS TABLE
    SELECT batch_id, responded_on AS day, region, unit, channel, segment, dimension, item,
           count(*) AS n,
           sum(adequate) AS adequate_sum,
           sum(desired) AS desired_sum,
           sum(perceived) AS perceived_sum,
           sum(perceived - adequate) AS msa_sum,
           sum((perceived - adequate)::BIGINT * (perceived - adequate)) AS msa_sq_sum,
           sum(adequate::BIGINT * adequate) AS adequate_sq_sum,
           sum(desired::BIGINT * desired) AS desired_sq_sum,
           sum(perceived::BIGINT * perceived) AS perceived_sq_sum,
           count(*) FILTER (WHERE perceived < adequate) AS below_n,
           count(*) FILTER (WHERE adequate > desired) AS inconsistent_n,
           coalesce(sum(desired - adequate) FILTER (WHERE adequate <= desired), 0) AS width_sum,
           sum(perceived - desired) AS gap5_sum,
           sum((perceived - desired)::BIGINT * (perceived - desired)) AS gap5_sq_sum
    FROM tolerance
    WHERE batch IS NULL OR batch_id = batch
    GROUP BY ALL
    ORDER BY day;

-- Complaints: counts and recovery satisfaction, with the days to resolve (NULL while open) as
-- a key, so the median and the 90th percentile come from the distribution exactly.
CREATE TABLE IF NOT EXISTS complaint_sums_day (
    batch_id INTEGER NOT NULL, day DATE NOT NULL,
    region VARCHAR, unit VARCHAR, channel VARCHAR, category VARCHAR, severity VARCHAR,
    days BIGINT,
    complaints BIGINT NOT NULL, recovery_n BIGINT NOT NULL, recovery_sum BIGINT NOT NULL,
    recovery_sumsq BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS complaint_sums_month AS SELECT * FROM complaint_sums_day LIMIT 0;

CREATE OR REPLACE MACRO complaint_sums_of(batch) AS TABLE
    SELECT batch_id, received_on AS day, region, unit, channel, category, severity,
           resolved_on - received_on AS days,
           count(*) AS complaints,
           count(recovery_satisfaction) AS recovery_n,
           coalesce(sum(recovery_satisfaction), 0) AS recovery_sum,
           coalesce(sum(recovery_satisfaction::BIGINT * recovery_satisfaction), 0) AS recovery_sumsq
    FROM complaints
    WHERE batch IS NULL OR batch_id = batch
    GROUP BY ALL
    ORDER BY day;

-- Employee survey: the employee-satisfaction index, intent to stay, turnover by tenure band,
-- and the complete responses the drivers are computed on.
CREATE TABLE IF NOT EXISTS employee_sums_day (
    batch_id INTEGER NOT NULL, day DATE NOT NULL, unit VARCHAR, tenure_band VARCHAR,
    n BIGINT NOT NULL, overall_sum BIGINT NOT NULL, overall_sumsq BIGINT NOT NULL,
    stay_n BIGINT NOT NULL, stay_sum BIGINT NOT NULL, leavers BIGINT NOT NULL,
    complete_n BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS employee_sums_month AS SELECT * FROM employee_sums_day LIMIT 0;

-- Tenure bands in months at the survey: 0-3, 3-12, 12-24, 24+ (lower bound included).
CREATE OR REPLACE MACRO tenure_band(tenure_months) AS
    CASE WHEN tenure_months IS NULL THEN NULL
         WHEN tenure_months < 3 THEN '0-3'
         WHEN tenure_months < 12 THEN '3-12'
         WHEN tenure_months < 24 THEN '12-24'
         ELSE '24+' END;

CREATE OR REPLACE MACRO employee_sums_of(batch) AS TABLE
    SELECT batch_id, surveyed_on AS day, unit, tenure_band(tenure_months) AS tenure_band,
           count(*) AS n,
           sum(overall) AS overall_sum,
           sum(overall::BIGINT * overall) AS overall_sumsq,
           count(intends_to_stay) AS stay_n,
           coalesce(sum(intends_to_stay), 0) AS stay_sum,
           count(left_on) AS leavers,
           count(*) FILTER (WHERE job IS NOT NULL AND training IS NOT NULL AND pay IS NOT NULL
                              AND promotion IS NOT NULL AND "respect" IS NOT NULL
                              AND teamwork IS NOT NULL AND welfare IS NOT NULL) AS complete_n
    FROM employees
    WHERE batch IS NULL OR batch_id = batch
    GROUP BY ALL
    ORDER BY day;

-- Customer months (a period is already a month): the customer base, revenue and margin.
CREATE TABLE IF NOT EXISTS customer_sums (
    batch_id INTEGER NOT NULL, period DATE NOT NULL, region VARCHAR, segment VARCHAR,
    row_n BIGINT NOT NULL, active_n BIGINT NOT NULL, revenue_sum DOUBLE, margin_sum DOUBLE
);

CREATE OR REPLACE MACRO customer_sums_of(batch) AS TABLE
    SELECT batch_id, period, region, segment,
           count(*) AS row_n,
           count(*) FILTER (WHERE active) AS active_n,
           sum(revenue) FILTER (WHERE active) AS revenue_sum,
           sum(revenue - cost) FILTER (WHERE active) AS margin_sum
    FROM customers
    WHERE batch IS NULL OR batch_id = batch
    GROUP BY ALL
    ORDER BY period;

-- Customers active in a month and in the month before (period): retention's numerator, with
-- the region and segment of both months' rows (a filter must keep both) and both rows' batches.
CREATE TABLE IF NOT EXISTS customer_moves (
    period DATE NOT NULL, region_before VARCHAR, segment_before VARCHAR, region VARCHAR,
    segment VARCHAR, batch_before INTEGER NOT NULL, batch_now INTEGER NOT NULL,
    retained BIGINT NOT NULL
);

-- The moves involving `batch`: those whose later month is in it, then those whose earlier
-- month is in it and later month in another batch (every move when batch is NULL).
CREATE OR REPLACE MACRO customer_moves_of(batch) AS TABLE
    SELECT n.period, b.region AS region_before, b.segment AS segment_before, n.region,
           n.segment, b.batch_id AS batch_before, n.batch_id AS batch_now, count(*) AS retained
    FROM customers n
    JOIN customers b ON b.customer_id = n.customer_id
                    AND b.period = (n.period - INTERVAL 1 MONTH)::DATE
    WHERE n.active AND b.active AND (batch IS NULL OR n.batch_id = batch)
    GROUP BY ALL
    UNION ALL
    SELECT n.period, b.region, b.segment, n.region, n.segment, b.batch_id, n.batch_id, count(*)
    FROM customers b
    JOIN customers n ON n.customer_id = b.customer_id
                    AND n.period = (b.period + INTERVAL 1 MONTH)::DATE
    WHERE n.active AND b.active AND batch IS NOT NULL AND b.batch_id = batch
      AND n.batch_id <> batch
    GROUP BY ALL;

-- Kano answers (undated): answer pairs and importance per segment and feature.
CREATE TABLE IF NOT EXISTS kano_sums (
    batch_id INTEGER NOT NULL, segment VARCHAR, feature VARCHAR NOT NULL,
    functional TINYINT NOT NULL, dysfunctional TINYINT NOT NULL,
    n BIGINT NOT NULL, importance_sum BIGINT NOT NULL, importance_n BIGINT NOT NULL
);

CREATE OR REPLACE MACRO kano_sums_of(batch) AS TABLE
    SELECT batch_id, segment, feature, functional, dysfunctional,
           count(*) AS n, coalesce(sum(importance), 0) AS importance_sum,
           count(importance) AS importance_n
    FROM kano
    WHERE batch IS NULL OR batch_id = batch
    GROUP BY ALL;

-- A kind's month rows from its day rows: every measure summed.
CREATE OR REPLACE MACRO response_month_sums_of(batch) AS TABLE
    SELECT batch_id, date_trunc('month', day)::DATE AS day, region, unit, channel, stage, segment,
           sum(COLUMNS(* EXCLUDE (batch_id, day, region, unit, channel, stage, segment)))
    FROM response_sums_day WHERE batch IS NULL OR batch_id = batch GROUP BY ALL ORDER BY day;

CREATE OR REPLACE MACRO tolerance_month_sums_of(batch) AS TABLE
    SELECT batch_id, date_trunc('month', day)::DATE AS day, region, unit, channel, segment,
           dimension, item,
           sum(COLUMNS(* EXCLUDE (batch_id, day, region, unit, channel, segment, dimension, item)))
    FROM tolerance_sums_day WHERE batch IS NULL OR batch_id = batch GROUP BY ALL ORDER BY day;

CREATE OR REPLACE MACRO complaint_month_sums_of(batch) AS TABLE
    SELECT batch_id, date_trunc('month', day)::DATE AS day, region, unit, channel, category,
           severity, days,
           sum(COLUMNS(* EXCLUDE (batch_id, day, region, unit, channel, category, severity, days)))
    FROM complaint_sums_day WHERE batch IS NULL OR batch_id = batch GROUP BY ALL ORDER BY day;

CREATE OR REPLACE MACRO employee_month_sums_of(batch) AS TABLE
    SELECT batch_id, date_trunc('month', day)::DATE AS day, unit, tenure_band,
           sum(COLUMNS(* EXCLUDE (batch_id, day, unit, tenure_band)))
    FROM employee_sums_day WHERE batch IS NULL OR batch_id = batch GROUP BY ALL ORDER BY day;


-- The filter macros of the rollups: the parameters of filtered_<kind>, the rows of the sums
-- that the filters keep: a month's row where the dates cover the month, the day rows of a
-- month they cut. kept_and_all_<name> adds every row with no filters (kept = false) for the
-- parent counts of the suppression rule, as kept_and_all_<kind> does for raw rows.
CREATE OR REPLACE MACRO filtered_response_sums(date_from, date_to, regions, units, channels, stages, segments) AS TABLE
    SELECT * FROM response_sums_month
    WHERE covers_month(date_from, date_to, day)
      AND in_filters(NULL, NULL, regions, units, channels, stages, segments,
                     NULL, region, unit, channel, stage, segment)
    UNION ALL
    SELECT * FROM response_sums_day
    WHERE (date_from IS NOT NULL OR date_to IS NOT NULL)
      AND NOT covers_month(date_from, date_to, day)
      AND in_filters(date_from, date_to, regions, units, channels, stages, segments,
                     day, region, unit, channel, stage, segment);

CREATE OR REPLACE MACRO kept_and_all_response_sums(date_from, date_to, regions, units, channels, stages, segments) AS TABLE
    SELECT true AS kept, * FROM filtered_response_sums(date_from, date_to, regions, units, channels, stages, segments)
    UNION ALL
    SELECT false, * FROM response_sums_month;

CREATE OR REPLACE MACRO filtered_tolerance_sums(date_from, date_to, regions, units, channels, stages, segments) AS TABLE
    SELECT * FROM tolerance_sums_month
    WHERE covers_month(date_from, date_to, day)
      AND in_filters(NULL, NULL, regions, units, channels, NULL, segments,
                     NULL, region, unit, channel, NULL, segment)
    UNION ALL
    SELECT * FROM tolerance_sums_day
    WHERE (date_from IS NOT NULL OR date_to IS NOT NULL)
      AND NOT covers_month(date_from, date_to, day)
      AND in_filters(date_from, date_to, regions, units, channels, NULL, segments,
                     day, region, unit, channel, NULL, segment);

CREATE OR REPLACE MACRO kept_and_all_tolerance_sums(date_from, date_to, regions, units, channels, stages, segments) AS TABLE
    SELECT true AS kept, * FROM filtered_tolerance_sums(date_from, date_to, regions, units, channels, stages, segments)
    UNION ALL
    SELECT false, * FROM tolerance_sums_month;

CREATE OR REPLACE MACRO filtered_complaint_sums(date_from, date_to, regions, units, channels, stages, segments) AS TABLE
    SELECT * FROM complaint_sums_month
    WHERE covers_month(date_from, date_to, day)
      AND in_filters(NULL, NULL, regions, units, channels, NULL, NULL,
                     NULL, region, unit, channel, NULL, NULL)
    UNION ALL
    SELECT * FROM complaint_sums_day
    WHERE (date_from IS NOT NULL OR date_to IS NOT NULL)
      AND NOT covers_month(date_from, date_to, day)
      AND in_filters(date_from, date_to, regions, units, channels, NULL, NULL,
                     day, region, unit, channel, NULL, NULL);

CREATE OR REPLACE MACRO kept_and_all_complaint_sums(date_from, date_to, regions, units, channels, stages, segments) AS TABLE
    SELECT true AS kept, * FROM filtered_complaint_sums(date_from, date_to, regions, units, channels, stages, segments)
    UNION ALL
    SELECT false, * FROM complaint_sums_month;

CREATE OR REPLACE MACRO filtered_employee_sums(date_from, date_to, regions, units, channels, stages, segments) AS TABLE
    SELECT * FROM employee_sums_month
    WHERE covers_month(date_from, date_to, day)
      AND in_filters(NULL, NULL, NULL, units, NULL, NULL, NULL, NULL, NULL, unit, NULL, NULL, NULL)
    UNION ALL
    SELECT * FROM employee_sums_day
    WHERE (date_from IS NOT NULL OR date_to IS NOT NULL)
      AND NOT covers_month(date_from, date_to, day)
      AND in_filters(date_from, date_to, NULL, units, NULL, NULL, NULL,
                     day, NULL, unit, NULL, NULL, NULL);

CREATE OR REPLACE MACRO kept_and_all_employee_sums(date_from, date_to, regions, units, channels, stages, segments) AS TABLE
    SELECT true AS kept, * FROM filtered_employee_sums(date_from, date_to, regions, units, channels, stages, segments)
    UNION ALL
    SELECT false, * FROM employee_sums_month;

CREATE OR REPLACE MACRO filtered_customer_sums(date_from, date_to, regions, units, channels, stages, segments) AS TABLE
    SELECT * FROM customer_sums
    WHERE in_filters(date_from, date_to, regions, NULL, NULL, NULL, segments,
                     period, region, NULL, NULL, NULL, segment);

CREATE OR REPLACE MACRO kept_and_all_customer_sums(date_from, date_to, regions, units, channels, stages, segments) AS TABLE
    SELECT true AS kept, * FROM filtered_customer_sums(date_from, date_to, regions, units, channels, stages, segments)
    UNION ALL
    SELECT false, * FROM customer_sums;

-- Moves both of whose months the filters keep.
CREATE OR REPLACE MACRO filtered_customer_moves(date_from, date_to, regions, units, channels, stages, segments) AS TABLE
    SELECT * FROM customer_moves
    WHERE in_filters(date_from, date_to, regions, NULL, NULL, NULL, segments,
                     period, region, NULL, NULL, NULL, segment)
      AND in_filters(date_from, date_to, regions, NULL, NULL, NULL, segments,
                     (period - INTERVAL 1 MONTH)::DATE, region_before, NULL, NULL, NULL,
                     segment_before);

CREATE OR REPLACE MACRO kept_and_all_kano_sums(date_from, date_to, regions, units, channels, stages, segments) AS TABLE
    SELECT true AS kept, * FROM kano_sums
    WHERE in_filters(NULL, NULL, NULL, NULL, NULL, NULL, segments,
                     NULL, NULL, NULL, NULL, NULL, segment)
    UNION ALL
    SELECT false, * FROM kano_sums;


-- A store written before this migration gets its rollups now; run again (a store rewound to
-- an earlier version), they are computed afresh from the rows.
DELETE FROM response_sums_day;
INSERT INTO response_sums_day SELECT * FROM response_sums_of(NULL);
DELETE FROM response_sums_month;
INSERT INTO response_sums_month SELECT * FROM response_month_sums_of(NULL);
DELETE FROM tolerance_sums_day;
INSERT INTO tolerance_sums_day SELECT * FROM tolerance_sums_of(NULL);
DELETE FROM tolerance_sums_month;
INSERT INTO tolerance_sums_month SELECT * FROM tolerance_month_sums_of(NULL);
DELETE FROM complaint_sums_day;
INSERT INTO complaint_sums_day SELECT * FROM complaint_sums_of(NULL);
DELETE FROM complaint_sums_month;
INSERT INTO complaint_sums_month SELECT * FROM complaint_month_sums_of(NULL);
DELETE FROM employee_sums_day;
INSERT INTO employee_sums_day SELECT * FROM employee_sums_of(NULL);
DELETE FROM employee_sums_month;
INSERT INTO employee_sums_month SELECT * FROM employee_month_sums_of(NULL);
DELETE FROM customer_sums;
INSERT INTO customer_sums SELECT * FROM customer_sums_of(NULL);
DELETE FROM customer_moves;
INSERT INTO customer_moves SELECT * FROM customer_moves_of(NULL);
DELETE FROM kano_sums;
INSERT INTO kano_sums SELECT * FROM kano_sums_of(NULL);
