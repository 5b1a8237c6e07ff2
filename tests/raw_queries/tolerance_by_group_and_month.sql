-- Sums of the adequate, desired and perceived ratings, of their squares and of the adequacy
-- gap, per group, calendar period, RATER dimension and item: the means with intervals, MSA and
-- MSS, the ratings below the respondent's own adequate level, and the zone width over the
-- consistent ratings (adequate <= desired; an inconsistent rating, adequate > desired, is kept
-- in every mean and counted, but left out of the zone width). The grouping is one of: all,
-- region, unit, channel, segment, month (YYYY-MM), quarter (YYYY-Qn); the period one of all, month. Any other value
-- is an error. satisfaction.methods.tolerance.tolerance_table turns these rows into figures.
-- parent_n is the same count for the same group, period and item with no filters at all (no
-- dimension filter and no dates), for the suppression rule (satisfaction.methods.suppression.too_small).
-- grain: one row per group, period, dimension and item
-- reads: tolerance
-- params: date_from DATE, date_to DATE, regions VARCHAR[], units VARCHAR[], channels VARCHAR[], stages VARCHAR[], segments VARCHAR[], by VARCHAR, period VARCHAR = 'all'
-- columns: grp, period, dimension, item, n, adequate_sum, desired_sum, perceived_sum, msa_sum, msa_sq_sum, adequate_sq_sum, desired_sq_sum, perceived_sq_sum, below_n, inconsistent_n, width_sum, parent_n
WITH sums AS (
    SELECT
        coalesce(group_value('tolerance_by_group_and_month', $by, responded_on,
                             ['region', 'unit', 'channel', 'segment'], region := region,
                             unit := unit, channel := channel, segment := segment),
                 '(none)') AS grp,
        CASE $period
            WHEN 'all' THEN 'all'
            WHEN 'month' THEN period_label(responded_on, 'month')
            ELSE error('tolerance_by_group_and_month: unknown period ' || $period)
        END AS period,
        dimension,
        item,
        count(*) FILTER (WHERE kept) AS n,
        sum(adequate) FILTER (WHERE kept)::DOUBLE AS adequate_sum,
        sum(desired) FILTER (WHERE kept)::DOUBLE AS desired_sum,
        sum(perceived) FILTER (WHERE kept)::DOUBLE AS perceived_sum,
        sum(perceived - adequate) FILTER (WHERE kept)::DOUBLE AS msa_sum,
        sum((perceived - adequate) * (perceived - adequate)) FILTER (WHERE kept)::DOUBLE AS msa_sq_sum,
        sum(adequate * adequate) FILTER (WHERE kept)::DOUBLE AS adequate_sq_sum,
        sum(desired * desired) FILTER (WHERE kept)::DOUBLE AS desired_sq_sum,
        sum(perceived * perceived) FILTER (WHERE kept)::DOUBLE AS perceived_sq_sum,
        count(*) FILTER (WHERE kept AND perceived < adequate) AS below_n,
        count(*) FILTER (WHERE kept AND adequate > desired) AS inconsistent_n,
        coalesce(sum(desired - adequate) FILTER (WHERE kept AND adequate <= desired), 0)::DOUBLE AS width_sum,
        count(*) FILTER (WHERE NOT kept) AS parent_n
    FROM kept_and_all_tolerance($date_from, $date_to, $regions, $units, $channels, $stages, $segments)
    GROUP BY ALL
)
SELECT grp, period, dimension, item, n, adequate_sum, desired_sum, perceived_sum, msa_sum,
       msa_sq_sum, adequate_sq_sum, desired_sq_sum, perceived_sq_sum, below_n, inconsistent_n,
       width_sum, parent_n
FROM sums
WHERE n > 0
ORDER BY grp, period, dimension, item
