-- Complete employee responses (overall and every driver item answered) per unit, for the dates
-- chosen and no unit filter: the sizes of the units a drivers table cut by unit is protected
-- against (complementary suppression, satisfaction.employees.unit_cut_hidden).
-- grain: one row per unit with employee responses in the dates
-- reads: employees
-- params: date_from DATE, date_to DATE
-- columns: unit, n
SELECT unit, count(*) FILTER (
           WHERE job IS NOT NULL AND training IS NOT NULL AND pay IS NOT NULL
             AND promotion IS NOT NULL AND "respect" IS NOT NULL AND teamwork IS NOT NULL
             AND welfare IS NOT NULL) AS n
FROM filtered_employees($date_from, $date_to, NULL, NULL, NULL, NULL, NULL)
WHERE unit IS NOT NULL
GROUP BY unit
ORDER BY unit
