-- Migration 4: two more rules every figure query shared, defined once as macros.

-- A row's group for a query's `by` parameter: 'all', its month or quarter label of `day`, or
-- the value of one of the dimension columns the query offers (`dimensions`, passed by name).
-- Any other grouping is an error naming the query; tests/test_store.py checks each branch.
CREATE OR REPLACE MACRO group_value(query, grouping, day, dimensions, region := NULL,
        unit := NULL, channel := NULL, stage := NULL, segment := NULL, category := NULL,
        severity := NULL) AS
    CASE
        WHEN grouping = 'all' THEN 'all'
        WHEN grouping IN ('month', 'quarter') THEN period_label(day, grouping)
        WHEN NOT list_contains(dimensions, grouping)
            THEN error(query || ': unknown grouping ' || grouping)
        WHEN grouping = 'region' THEN region
        WHEN grouping = 'unit' THEN unit
        WHEN grouping = 'channel' THEN channel
        WHEN grouping = 'stage' THEN stage
        WHEN grouping = 'segment' THEN segment
        WHEN grouping = 'category' THEN category
        WHEN grouping = 'severity' THEN severity
    END;

-- The rows the filters keep (kept = true) followed by every row of the kind (kept = false):
-- one scan gives a figure's count and its parent count with no filters at all, for the
-- suppression rule (satisfaction.methods.suppression.too_small).
CREATE OR REPLACE MACRO kept_and_all_responses(date_from, date_to, regions, units, channels, stages, segments) AS TABLE
    SELECT true AS kept, * FROM filtered_responses(date_from, date_to, regions, units, channels, stages, segments)
    UNION ALL
    SELECT false, * FROM responses;

CREATE OR REPLACE MACRO kept_and_all_tolerance(date_from, date_to, regions, units, channels, stages, segments) AS TABLE
    SELECT true AS kept, * FROM filtered_tolerance(date_from, date_to, regions, units, channels, stages, segments)
    UNION ALL
    SELECT false, * FROM tolerance;

CREATE OR REPLACE MACRO kept_and_all_kano(date_from, date_to, regions, units, channels, stages, segments) AS TABLE
    SELECT true AS kept, * FROM filtered_kano(date_from, date_to, regions, units, channels, stages, segments)
    UNION ALL
    SELECT false, * FROM kano;

CREATE OR REPLACE MACRO kept_and_all_complaints(date_from, date_to, regions, units, channels, stages, segments) AS TABLE
    SELECT true AS kept, * FROM filtered_complaints(date_from, date_to, regions, units, channels, stages, segments)
    UNION ALL
    SELECT false, * FROM complaints;

CREATE OR REPLACE MACRO kept_and_all_customers(date_from, date_to, regions, units, channels, stages, segments) AS TABLE
    SELECT true AS kept, * FROM filtered_customers(date_from, date_to, regions, units, channels, stages, segments)
    UNION ALL
    SELECT false, * FROM customers;

CREATE OR REPLACE MACRO kept_and_all_employees(date_from, date_to, regions, units, channels, stages, segments) AS TABLE
    SELECT true AS kept, * FROM filtered_employees(date_from, date_to, regions, units, channels, stages, segments)
    UNION ALL
    SELECT false, * FROM employees;
