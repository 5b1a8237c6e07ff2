-- Every load into the store, newest first, with whether it was undone.
-- grain: one row per batch
-- reads: responses, tolerance, kano, complaints, customers, employees, gap_inputs, audits
-- params: none
-- columns: batch_id, kind, file_name, rows_loaded, rows_rejected, loaded_by, loaded_at, undone_at, undone_by, content_hash
SELECT batch_id, kind, file_name, rows_loaded, rows_rejected, loaded_by, loaded_at, undone_at, undone_by, content_hash
FROM batches
ORDER BY batch_id DESC
