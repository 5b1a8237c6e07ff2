-- Who changed what, and when: every load and undo, target, benchmark, saved column mapping and
-- note written, edited or removed, newest first (satisfaction.access: each change records the signed-in user, or the
-- operating-system user on the command line).
-- grain: one row per change (a mapping's headers, saved together, are one change)
-- reads: responses, tolerance, kano, complaints, customers, employees, gap_inputs, audits, targets, benchmarks, annotations
-- params: none
-- columns: changed_at, changed_by, change, subject
SELECT changed_at, changed_by, change, subject
FROM (
    SELECT loaded_at AS changed_at, loaded_by AS changed_by, 'load' AS change,
           batch_id || ' · ' || file_name AS subject
    FROM batches
    UNION ALL
    SELECT undone_at, undone_by, 'undo', batch_id || ' · ' || file_name
    FROM batches WHERE undone_at IS NOT NULL
    UNION ALL
    SELECT set_at, set_by, 'target', figure || ' = ' || value
    FROM targets
    UNION ALL
    SELECT set_at, set_by, 'benchmark', figure || ' · ' || strftime(period, '%Y-%m-%d') || ' · ' || source
    FROM benchmarks
    UNION ALL
    SELECT max(saved_at), any_value(saved_by), 'mapping', kind || ' · ' || name
    FROM column_mappings GROUP BY kind, name
    UNION ALL
    SELECT created_at, created_by, 'note', id || ' · ' || text
    FROM annotations
    UNION ALL
    SELECT updated_at, updated_by, 'note_edit', id || ' · ' || text
    FROM annotations WHERE updated_at IS NOT NULL
    UNION ALL
    SELECT removed_at, removed_by, 'note_remove', id || ' · ' || text
    FROM annotations WHERE removed_at IS NOT NULL
)
ORDER BY changed_at DESC NULLS LAST, change, subject
