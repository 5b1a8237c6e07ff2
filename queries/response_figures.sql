-- Sufficient statistics of the satisfaction figures (index, CSAT, NPS, effort, perceived over
-- expected) of the filtered responses, per group and calendar period. The grouping is one of:
-- all, region, unit, channel, stage, segment, month (YYYY-MM), quarter (YYYY-Qn); the period one
-- of all, month, quarter (a dimension × period grid is a heatmap's cells). Any other value is an
-- error. satisfaction.methods.indices.figures_table turns these rows into figures with intervals.
-- parent_<count> is the same count for the same group and period with no filters at all (no
-- dimension and no dates): the suppression rule hides a figure whose filters leave out fewer
-- than the minimum n of it (satisfaction.methods.suppression.too_small).
-- Read from the rollups (response_sums_*, migration 6).
-- grain: one row per group and period
-- reads: responses
-- params: date_from DATE, date_to DATE, regions VARCHAR[], units VARCHAR[], channels VARCHAR[], stages VARCHAR[], segments VARCHAR[], by VARCHAR, period VARCHAR = 'all'
-- columns: grp, period, n, sat_sum, sat_sumsq, sat_top2, sat_1, sat_2, sat_3, sat_4, sat_5, rec_n, promoters, detractors, effort_n, effort_sum, effort_sumsq, pair_n, pair_sat_sum, pair_exp_sum, parent_n, parent_rec_n, parent_effort_n, parent_pair_n
WITH sums AS (
    SELECT
        kept,
        group_value('response_figures', $by, day,
                    ['region', 'unit', 'channel', 'stage', 'segment'], region := region,
                    unit := unit, channel := channel, stage := stage, segment := segment) AS grp,
        CASE $period WHEN 'all' THEN 'all' ELSE period_label(day, $period) END AS period,
        sum(n)::BIGINT AS n,
        sum(sat_sum)::BIGINT AS sat_sum,
        sum(sat_sumsq)::BIGINT AS sat_sumsq,
        sum(sat_top2)::BIGINT AS sat_top2,
        sum(sat_1)::BIGINT AS sat_1,
        sum(sat_2)::BIGINT AS sat_2,
        sum(sat_3)::BIGINT AS sat_3,
        sum(sat_4)::BIGINT AS sat_4,
        sum(sat_5)::BIGINT AS sat_5,
        sum(rec_n)::BIGINT AS rec_n,
        sum(promoters)::BIGINT AS promoters,
        sum(detractors)::BIGINT AS detractors,
        sum(effort_n)::BIGINT AS effort_n,
        sum(effort_sum)::BIGINT AS effort_sum,
        sum(effort_sumsq)::BIGINT AS effort_sumsq,
        sum(pair_n)::BIGINT AS pair_n,
        sum(pair_sat_sum)::BIGINT AS pair_sat_sum,
        sum(pair_exp_sum)::BIGINT AS pair_exp_sum
    FROM kept_and_all_response_sums($date_from, $date_to, $regions, $units, $channels, $stages, $segments)
    GROUP BY kept, grp, period
)
SELECT f.* EXCLUDE (kept), p.n AS parent_n, p.rec_n AS parent_rec_n,
       p.effort_n AS parent_effort_n, p.pair_n AS parent_pair_n
FROM sums f
JOIN sums p ON NOT p.kept AND p.grp IS NOT DISTINCT FROM f.grp AND p.period = f.period
WHERE f.kept
ORDER BY grp NULLS LAST, period
