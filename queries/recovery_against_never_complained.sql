-- The service-recovery effect: satisfaction (1-5) of three groups of the filtered records —
-- complainants rating the recovery of their complaint (complaints.recovery_satisfaction);
-- survey answers of customers given after one of their complaints was resolved
-- ('after_recovery'); survey answers of customers with no complaint at all ('never').
-- Survey answers take every filter the responses honour; complaints those they honour.
-- grain: one row per group (recovery, after_recovery, never)
-- reads: complaints, responses
-- params: date_from DATE, date_to DATE, regions VARCHAR[], units VARCHAR[], channels VARCHAR[], stages VARCHAR[], segments VARCHAR[]
-- columns: grp, n, score_sum, score_sumsq
WITH answers AS (
    SELECT r.customer_id, r.responded_on, r.satisfaction
    FROM filtered_responses($date_from, $date_to, $regions, $units, $channels, $stages, $segments) r
    WHERE r.customer_id IS NOT NULL
), complainants AS (
    SELECT customer_id, min(resolved_on) AS first_resolved
    FROM complaints WHERE customer_id IS NOT NULL GROUP BY customer_id
), recovery AS (
    SELECT 'recovery' AS grp, recovery_satisfaction AS score
    FROM filtered_complaints($date_from, $date_to, $regions, $units, $channels, $stages, $segments)
    WHERE recovery_satisfaction IS NOT NULL
), surveyed AS (
    SELECT CASE WHEN c.customer_id IS NULL THEN 'never'
                WHEN a.responded_on > c.first_resolved THEN 'after_recovery' END AS grp,
           a.satisfaction AS score
    FROM answers a LEFT JOIN complainants c USING (customer_id)
), scores AS (
    SELECT * FROM recovery UNION ALL SELECT * FROM surveyed WHERE grp IS NOT NULL
)
SELECT grp, count(score) AS n, coalesce(sum(score)::BIGINT, 0) AS score_sum,
       coalesce(sum(score::BIGINT * score)::BIGINT, 0) AS score_sumsq
FROM scores
GROUP BY grp
ORDER BY CASE grp WHEN 'recovery' THEN 1 WHEN 'after_recovery' THEN 2 ELSE 3 END
