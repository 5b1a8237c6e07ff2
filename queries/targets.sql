-- The target an administrator set for each headline figure (index 0–100, CSAT 0–1, NPS −100..100).
-- grain: one row per figure that has a target
-- reads: targets
-- params: none
-- columns: figure, value, set_by, set_at
SELECT figure, value, set_by, set_at
FROM targets
ORDER BY figure
