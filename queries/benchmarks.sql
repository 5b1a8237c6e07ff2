-- Competitor benchmarks as entered: a source's published value of a figure (index 0–100,
-- CSAT 0–1, NPS −100..100) for the period starting on `period`. Benchmarks describe the market,
-- not the filtered responses, so no filter applies; the page keeps the periods it shows.
-- grain: one row per period, figure and source
-- reads: benchmarks
-- params: none
-- columns: period, figure, value, source
SELECT period, figure, value, source
FROM benchmarks
ORDER BY period, figure, source
