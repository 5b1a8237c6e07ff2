-- The rows a load set aside, with the reasons, in file order.
-- grain: one row per rejected row
-- reads: responses, tolerance, kano, complaints, customers, employees, gap_inputs, audits
-- params: batch_id INTEGER
-- columns: line, problems, record
SELECT line, problems, record
FROM rejected_rows
WHERE batch_id = $batch_id
ORDER BY line
