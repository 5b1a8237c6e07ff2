-- Complete employee responses (overall and every driver item answered) per unit, for the dates
-- chosen and no unit filter: the sizes of the units a drivers table cut by unit is protected
-- against (complementary suppression, satisfaction.employees.unit_cut_hidden).
-- Read from the rollups (migration 6).
-- grain: one row per unit with employee responses in the dates
-- reads: employees
-- params: date_from DATE, date_to DATE
-- columns: unit, n
SELECT unit, sum(complete_n)::BIGINT AS n
FROM filtered_employee_sums($date_from, $date_to, NULL, NULL, NULL, NULL, NULL)
WHERE unit IS NOT NULL
GROUP BY unit
ORDER BY unit
