-- Sufficient statistics of the satisfaction figures (index, CSAT, NPS, effort, perceived over
-- expected) of the filtered responses, per group and calendar period. The grouping is one of:
-- all, region, unit, channel, stage, segment, month (YYYY-MM), quarter (YYYY-Qn); the period one
-- of all, month, quarter (a dimension × period grid is a heatmap's cells). Any other value is an
-- error. satisfaction.methods.indices.figures_table turns these rows into figures with intervals.
-- parent_<count> is the same count for the same group and period with no filters at all (no
-- dimension and no dates): the suppression rule hides a figure whose filters leave out fewer
-- than the minimum n of it (satisfaction.methods.suppression.too_small).
-- grain: one row per group and period
-- reads: responses
-- params: date_from DATE, date_to DATE, regions VARCHAR[], units VARCHAR[], channels VARCHAR[], stages VARCHAR[], segments VARCHAR[], by VARCHAR, period VARCHAR = 'all'
-- columns: grp, period, n, sat_sum, sat_sumsq, sat_top2, sat_1, sat_2, sat_3, sat_4, sat_5, rec_n, promoters, detractors, effort_n, effort_sum, effort_sumsq, pair_n, pair_sat_sum, pair_exp_sum, parent_n, parent_rec_n, parent_effort_n, parent_pair_n
WITH sums AS (
    SELECT
        kept,
        group_value('response_figures', $by, responded_on,
                    ['region', 'unit', 'channel', 'stage', 'segment'], region := region,
                    unit := unit, channel := channel, stage := stage, segment := segment) AS grp,
        CASE $period WHEN 'all' THEN 'all' ELSE period_label(responded_on, $period) END AS period,
        count(satisfaction) AS n,
        coalesce(sum(satisfaction)::BIGINT, 0) AS sat_sum,
        coalesce(sum(satisfaction::BIGINT * satisfaction)::BIGINT, 0) AS sat_sumsq,
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
        coalesce(sum(effort)::BIGINT, 0) AS effort_sum,
        coalesce(sum(effort::BIGINT * effort)::BIGINT, 0) AS effort_sumsq,
        count(*) FILTER (WHERE satisfaction IS NOT NULL AND expectation IS NOT NULL) AS pair_n,
        coalesce(sum(satisfaction) FILTER (WHERE expectation IS NOT NULL)::BIGINT, 0) AS pair_sat_sum,
        coalesce(sum(expectation) FILTER (WHERE satisfaction IS NOT NULL)::BIGINT, 0) AS pair_exp_sum
    FROM kept_and_all_responses($date_from, $date_to, $regions, $units, $channels, $stages, $segments)
    GROUP BY kept, grp, period
)
SELECT f.* EXCLUDE (kept), p.n AS parent_n, p.rec_n AS parent_rec_n,
       p.effort_n AS parent_effort_n, p.pair_n AS parent_pair_n
FROM sums f
JOIN sums p ON NOT p.kept AND p.grp IS NOT DISTINCT FROM f.grp AND p.period = f.period
WHERE f.kept
ORDER BY grp NULLS LAST, period
