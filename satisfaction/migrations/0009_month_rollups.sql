-- Migration 9: the dated kinds' rollups are kept per month only; a month the date filter cuts
-- is summed from its rows.
--
-- Migration 6 kept a day table per dated kind (responses, tolerance, complaints, employees) and
-- summed it to the month. The day tables were nearly as large as the rows (331k day rows for
-- 1M responses, 1.08M for 1.6M tolerance ratings), so computing them was most of a load's time,
-- while only the months a date range cuts (its first and last at most) ever read them. Now a
-- load groups its batch's rows straight into <kind>_sums_month (day = the first of the month),
-- the day tables are dropped, and the filter macros take a month's row where the dates cover
-- the whole month and, for a month they cut, sum the rows of the days kept, every filter
-- applied in the rows' own WHERE before grouping (only those months' rows are grouped: a
-- filter on the sums of every month, grouped first, would group all the rows). Same columns,
-- same figures: the queries are unchanged.
--
-- <kind>_sums_where(batch, <the filter parameters>, cut) sums a kind's rows per batch, month
-- and dimensions: those of `batch` (every batch when NULL), the filters kept, and with `cut`
-- only the days in the months the dates cut. <kind>_month_sums_of(batch) is its upkeep form
-- (satisfaction.rollups): a batch's rows, no filters.

-- The first day of the first whole month from date_from on, and the last day of the last whole
-- month up to date_to: with the dates, the days outside [first, last] are those of cut months
-- (written as two bounds rather than per row with covers_month, so that they are plain ranges
-- on the rows' date).
CREATE OR REPLACE MACRO first_whole_day(date_from) AS
    CASE WHEN date_from::DATE = date_trunc('month', date_from::DATE) THEN date_from::DATE
         ELSE (date_trunc('month', date_from::DATE) + INTERVAL 1 MONTH)::DATE END;

CREATE OR REPLACE MACRO last_whole_day(date_to) AS
    CASE WHEN date_to::DATE = last_day(date_to::DATE) THEN date_to::DATE
         ELSE (date_trunc('month', date_to::DATE) - INTERVAL 1 DAY)::DATE END;

-- Whether `day` lies in a month the dates cut (never with no dates); for a day within the
-- dates, the same as NOT covers_month(date_from, date_to, day). Each side first asks whether the
-- date cuts its month at all: a constant, so that for dates on month edges (the usual range)
-- the whole predicate is false before any row is read.
CREATE OR REPLACE MACRO in_cut_month(date_from, date_to, day) AS
    coalesce(date_from < first_whole_day(date_from) AND day < first_whole_day(date_from), false)
    OR coalesce(date_to > last_whole_day(date_to) AND day > last_whole_day(date_to), false);

CREATE OR REPLACE MACRO response_sums_where(batch, date_from, date_to, regions, units, channels, stages, segments, cut) AS TABLE
    SELECT batch_id, date_trunc('month', responded_on)::DATE AS day,
           region, unit, channel, stage, segment,
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
    WHERE (batch IS NULL OR batch_id = batch)
      AND in_filters(date_from, date_to, regions, units, channels, stages, segments,
                     responded_on, region, unit, channel, stage, segment)
      AND (NOT cut OR in_cut_month(date_from, date_to, responded_on))
    GROUP BY ALL;

CREATE OR REPLACE MACRO tolerance_sums_where(batch, date_from, date_to, regions, units, channels, stages, segments, cut) AS TABLE
    SELECT batch_id, date_trunc('month', responded_on)::DATE AS day,
           region, unit, channel, segment, dimension, item,
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
    WHERE (batch IS NULL OR batch_id = batch)
      AND in_filters(date_from, date_to, regions, units, channels, NULL, segments,
                     responded_on, region, unit, channel, NULL, segment)
      AND (NOT cut OR in_cut_month(date_from, date_to, responded_on))
    GROUP BY ALL;

CREATE OR REPLACE MACRO complaint_sums_where(batch, date_from, date_to, regions, units, channels, stages, segments, cut) AS TABLE
    SELECT batch_id, date_trunc('month', received_on)::DATE AS day,
           region, unit, channel, category, severity,
           resolved_on - received_on AS days,
           count(*) AS complaints,
           count(recovery_satisfaction) AS recovery_n,
           coalesce(sum(recovery_satisfaction), 0) AS recovery_sum,
           coalesce(sum(recovery_satisfaction::BIGINT * recovery_satisfaction), 0) AS recovery_sumsq
    FROM complaints
    WHERE (batch IS NULL OR batch_id = batch)
      AND in_filters(date_from, date_to, regions, units, channels, NULL, NULL,
                     received_on, region, unit, channel, NULL, NULL)
      AND (NOT cut OR in_cut_month(date_from, date_to, received_on))
    GROUP BY ALL;

CREATE OR REPLACE MACRO employee_sums_where(batch, date_from, date_to, regions, units, channels, stages, segments, cut) AS TABLE
    SELECT batch_id, date_trunc('month', surveyed_on)::DATE AS day,
           unit, tenure_band(tenure_months) AS tenure_band,
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
    WHERE (batch IS NULL OR batch_id = batch)
      AND in_filters(date_from, date_to, NULL, units, NULL, NULL, NULL,
                     surveyed_on, NULL, unit, NULL, NULL, NULL)
      AND (NOT cut OR in_cut_month(date_from, date_to, surveyed_on))
    GROUP BY ALL;

-- The upkeep: a batch's month rows (every batch's when batch is NULL), straight from its rows.
CREATE OR REPLACE MACRO response_month_sums_of(batch) AS TABLE
    SELECT * FROM response_sums_where(batch, NULL, NULL, NULL, NULL, NULL, NULL, NULL, false)
    ORDER BY day;

CREATE OR REPLACE MACRO tolerance_month_sums_of(batch) AS TABLE
    SELECT * FROM tolerance_sums_where(batch, NULL, NULL, NULL, NULL, NULL, NULL, NULL, false)
    ORDER BY day;

CREATE OR REPLACE MACRO complaint_month_sums_of(batch) AS TABLE
    SELECT * FROM complaint_sums_where(batch, NULL, NULL, NULL, NULL, NULL, NULL, NULL, false)
    ORDER BY day;

CREATE OR REPLACE MACRO employee_month_sums_of(batch) AS TABLE
    SELECT * FROM employee_sums_where(batch, NULL, NULL, NULL, NULL, NULL, NULL, NULL, false)
    ORDER BY day;

-- The rollups' filter macros (parameters and columns as in migration 6): the month rows of
-- the months the dates cover, and the cut months summed from their rows.
CREATE OR REPLACE MACRO filtered_response_sums(date_from, date_to, regions, units, channels, stages, segments) AS TABLE
    SELECT * FROM response_sums_month
    WHERE covers_month(date_from, date_to, day)
      AND in_filters(NULL, NULL, regions, units, channels, stages, segments,
                     NULL, region, unit, channel, stage, segment)
    UNION ALL
    SELECT * FROM response_sums_where(NULL, date_from, date_to, regions, units, channels,
                                      stages, segments, true);

CREATE OR REPLACE MACRO filtered_tolerance_sums(date_from, date_to, regions, units, channels, stages, segments) AS TABLE
    SELECT * FROM tolerance_sums_month
    WHERE covers_month(date_from, date_to, day)
      AND in_filters(NULL, NULL, regions, units, channels, NULL, segments,
                     NULL, region, unit, channel, NULL, segment)
    UNION ALL
    SELECT * FROM tolerance_sums_where(NULL, date_from, date_to, regions, units, channels,
                                       stages, segments, true);

CREATE OR REPLACE MACRO filtered_complaint_sums(date_from, date_to, regions, units, channels, stages, segments) AS TABLE
    SELECT * FROM complaint_sums_month
    WHERE covers_month(date_from, date_to, day)
      AND in_filters(NULL, NULL, regions, units, channels, NULL, NULL,
                     NULL, region, unit, channel, NULL, NULL)
    UNION ALL
    SELECT * FROM complaint_sums_where(NULL, date_from, date_to, regions, units, channels,
                                       stages, segments, true);

CREATE OR REPLACE MACRO filtered_employee_sums(date_from, date_to, regions, units, channels, stages, segments) AS TABLE
    SELECT * FROM employee_sums_month
    WHERE covers_month(date_from, date_to, day)
      AND in_filters(NULL, NULL, NULL, units, NULL, NULL, NULL, NULL, NULL, unit, NULL, NULL, NULL)
    UNION ALL
    SELECT * FROM employee_sums_where(NULL, date_from, date_to, regions, units, channels,
                                      stages, segments, true);

-- Migration 6's day macros and tables go; the month tables are computed afresh from the rows
-- (also when run again, on a store rewound to an earlier version).
DROP MACRO TABLE IF EXISTS response_sums_of;
DROP MACRO TABLE IF EXISTS tolerance_sums_of;
DROP MACRO TABLE IF EXISTS complaint_sums_of;
DROP MACRO TABLE IF EXISTS employee_sums_of;
DROP TABLE IF EXISTS response_sums_day;
DROP TABLE IF EXISTS tolerance_sums_day;
DROP TABLE IF EXISTS complaint_sums_day;
DROP TABLE IF EXISTS employee_sums_day;
DELETE FROM response_sums_month;
INSERT INTO response_sums_month SELECT * FROM response_month_sums_of(NULL);
DELETE FROM tolerance_sums_month;
INSERT INTO tolerance_sums_month SELECT * FROM tolerance_month_sums_of(NULL);
DELETE FROM complaint_sums_month;
INSERT INTO complaint_sums_month SELECT * FROM complaint_month_sums_of(NULL);
DELETE FROM employee_sums_month;
INSERT INTO employee_sums_month SELECT * FROM employee_month_sums_of(NULL);
