-- Complaints still open on the last day of the dates (or of the complaints when no end is set),
-- by age in days since receipt: complaints received by then and not resolved by then.
-- grain: one row per age band (0-7, 8-14, 15-30, 31-60, 61+ days), bands with none left out
-- reads: complaints
-- params: date_from DATE, date_to DATE, regions VARCHAR[], units VARCHAR[], channels VARCHAR[], stages VARCHAR[], segments VARCHAR[]
-- columns: band, band_order, open, as_of
WITH rows_ AS (
    SELECT * FROM filtered_complaints($date_from, $date_to, $regions, $units, $channels, $stages, $segments)
), day AS (
    SELECT coalesce($date_to::DATE, (SELECT max(received_on) FROM complaints)) AS as_of
), open_ AS (
    SELECT (SELECT as_of FROM day) - received_on AS age
    FROM rows_
    WHERE received_on <= (SELECT as_of FROM day)
      AND (resolved_on IS NULL OR resolved_on > (SELECT as_of FROM day))
)
SELECT CASE WHEN age <= 7 THEN '0-7' WHEN age <= 14 THEN '8-14' WHEN age <= 30 THEN '15-30'
            WHEN age <= 60 THEN '31-60' ELSE '61+' END AS band,
       CASE WHEN age <= 7 THEN 1 WHEN age <= 14 THEN 2 WHEN age <= 30 THEN 3
            WHEN age <= 60 THEN 4 ELSE 5 END AS band_order,
       count(*) AS open,
       (SELECT as_of FROM day) AS as_of
FROM open_
GROUP BY band, band_order
ORDER BY band_order
