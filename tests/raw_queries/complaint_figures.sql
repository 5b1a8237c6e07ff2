-- Complaint counts, resolution time (median and 90th percentile of days from receipt to
-- resolution) and recovery satisfaction of the filtered complaints, per group and calendar
-- period. The grouping is one of: all, region, unit, channel, category, severity, month
-- (YYYY-MM), quarter (YYYY-Qn); the period one of all, month, quarter. Any other value is an
-- error. parent_<count> is the same count for the same group and period with no filters at all
-- (no dimension and no dates), for the suppression rule (satisfaction.methods.suppression).
-- grain: one row per group and period
-- reads: complaints
-- params: date_from DATE, date_to DATE, regions VARCHAR[], units VARCHAR[], channels VARCHAR[], stages VARCHAR[], segments VARCHAR[], by VARCHAR, period VARCHAR = 'all'
-- columns: grp, period, complaints, resolved, days_median, days_p90, recovery_n, recovery_sum, recovery_sumsq, parent_complaints, parent_resolved, parent_recovery_n
WITH sums AS (
    SELECT
        kept,
        group_value('complaint_figures', $by, received_on,
                    ['region', 'unit', 'channel', 'category', 'severity'], region := region,
                    unit := unit, channel := channel, category := category,
                    severity := severity) AS grp,
        CASE $period WHEN 'all' THEN 'all' ELSE period_label(received_on, $period) END AS period,
        count(*) AS complaints,
        count(resolved_on) AS resolved,
        median(resolved_on - received_on)::DOUBLE AS days_median,
        quantile_cont(resolved_on - received_on, 0.9)::DOUBLE AS days_p90,
        count(recovery_satisfaction) AS recovery_n,
        coalesce(sum(recovery_satisfaction)::BIGINT, 0) AS recovery_sum,
        coalesce(sum(recovery_satisfaction::BIGINT * recovery_satisfaction)::BIGINT, 0) AS recovery_sumsq
    FROM kept_and_all_complaints($date_from, $date_to, $regions, $units, $channels, $stages, $segments)
    GROUP BY kept, grp, period
)
SELECT f.* EXCLUDE (kept), p.complaints AS parent_complaints, p.resolved AS parent_resolved,
       p.recovery_n AS parent_recovery_n
FROM sums f
JOIN sums p ON NOT p.kept AND p.grp IS NOT DISTINCT FROM f.grp AND p.period = f.period
WHERE f.kept
ORDER BY grp NULLS LAST, period
