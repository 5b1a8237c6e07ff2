-- Sufficient statistics of the satisfaction figures per group of every dimension (region, unit,
-- channel, stage, segment) and calendar period, month (YYYY-MM) or quarter (YYYY-Qn): the cells
-- of a heatmap such as region × month, and the two periods a finding compares. One scan serves
-- every dimension; the page keeps the one it shows. The columns after period are those of
-- response_figures, so satisfaction.methods.indices.figures_table reads them.
-- grain: one row per dimension, group and period
-- reads: responses
-- params: date_from DATE, date_to DATE, regions VARCHAR[], units VARCHAR[], channels VARCHAR[], stages VARCHAR[], segments VARCHAR[], by VARCHAR
-- columns: dimension, grp, period, n, sat_sum, sat_sumsq, sat_top2, sat_1, sat_2, sat_3, sat_4, sat_5, rec_n, promoters, detractors, effort_n, effort_sum, effort_sumsq, pair_n, pair_sat_sum, pair_exp_sum
WITH dated AS (
    SELECT *,
        CASE $by
            WHEN 'month' THEN strftime(responded_on, '%Y-%m')
            WHEN 'quarter' THEN strftime(responded_on, '%Y') || '-Q' || quarter(responded_on)
            ELSE error('satisfaction_heatmap: unknown period ' || $by)
        END AS period
    FROM filtered_responses($date_from, $date_to, $regions, $units, $channels, $stages, $segments)
)
SELECT
    CASE 0
        WHEN grouping(region) THEN 'region'
        WHEN grouping(unit) THEN 'unit'
        WHEN grouping(channel) THEN 'channel'
        WHEN grouping(stage) THEN 'stage'
        ELSE 'segment'
    END AS dimension,
    CASE 0
        WHEN grouping(region) THEN region
        WHEN grouping(unit) THEN unit
        WHEN grouping(channel) THEN channel
        WHEN grouping(stage) THEN stage
        ELSE segment
    END AS grp,
    period,
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
    count(*) FILTER (WHERE recommend >= 9) AS promoters,
    count(*) FILTER (WHERE recommend <= 6) AS detractors,
    count(effort) AS effort_n,
    coalesce(sum(effort)::BIGINT, 0) AS effort_sum,
    coalesce(sum(effort::BIGINT * effort)::BIGINT, 0) AS effort_sumsq,
    count(*) FILTER (WHERE satisfaction IS NOT NULL AND expectation IS NOT NULL) AS pair_n,
    coalesce(sum(satisfaction) FILTER (WHERE expectation IS NOT NULL)::BIGINT, 0) AS pair_sat_sum,
    coalesce(sum(expectation) FILTER (WHERE satisfaction IS NOT NULL)::BIGINT, 0) AS pair_exp_sum
FROM dated
GROUP BY GROUPING SETS ((region, period), (unit, period), (channel, period), (stage, period),
                        (segment, period))
ORDER BY dimension, grp NULLS LAST, period
