-- Migration 1: the record tables, batches, rejected rows, column mappings and filter macros.

CREATE TABLE store_meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL);

CREATE TABLE data_versions (kind VARCHAR PRIMARY KEY, version BIGINT NOT NULL);

CREATE SEQUENCE batch_ids START 1;

CREATE TABLE batches (
    batch_id INTEGER PRIMARY KEY,
    kind VARCHAR NOT NULL,
    file_name VARCHAR NOT NULL,
    content_hash VARCHAR NOT NULL,
    rows_loaded BIGINT NOT NULL,
    rows_rejected BIGINT NOT NULL,
    loaded_by VARCHAR NOT NULL,
    loaded_at TIMESTAMP NOT NULL,
    undone_at TIMESTAMP
);

CREATE TABLE rejected_rows (
    batch_id INTEGER NOT NULL,
    line BIGINT NOT NULL,
    problems VARCHAR NOT NULL,
    record VARCHAR NOT NULL
);

CREATE TABLE column_mappings (
    name VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    source_header VARCHAR NOT NULL,
    target_column VARCHAR NOT NULL,
    PRIMARY KEY (name, kind, source_header)
);

CREATE TABLE responses (
    batch_id INTEGER NOT NULL,
    response_id VARCHAR NOT NULL,
    responded_on DATE NOT NULL,
    customer_id VARCHAR,
    region VARCHAR,
    unit VARCHAR,
    channel VARCHAR,
    stage VARCHAR,
    segment VARCHAR,
    satisfaction SMALLINT NOT NULL,
    expectation SMALLINT,
    recommend SMALLINT,
    effort SMALLINT,
    repurchase SMALLINT
);

CREATE TABLE tolerance (
    batch_id INTEGER NOT NULL,
    response_id VARCHAR NOT NULL,
    responded_on DATE NOT NULL,
    region VARCHAR,
    unit VARCHAR,
    channel VARCHAR,
    segment VARCHAR,
    dimension VARCHAR NOT NULL,
    item VARCHAR NOT NULL,
    adequate SMALLINT NOT NULL,
    desired SMALLINT NOT NULL,
    perceived SMALLINT NOT NULL
);

CREATE TABLE kano (
    batch_id INTEGER NOT NULL,
    response_id VARCHAR NOT NULL,
    segment VARCHAR,
    feature VARCHAR NOT NULL,
    functional TINYINT NOT NULL,
    dysfunctional TINYINT NOT NULL,
    importance SMALLINT
);

CREATE TABLE complaints (
    batch_id INTEGER NOT NULL,
    complaint_id VARCHAR NOT NULL,
    received_on DATE NOT NULL,
    customer_id VARCHAR,
    region VARCHAR,
    unit VARCHAR,
    channel VARCHAR,
    category VARCHAR,
    severity VARCHAR,
    resolved_on DATE,
    recovery_satisfaction SMALLINT
);

CREATE TABLE customers (
    batch_id INTEGER NOT NULL,
    customer_id VARCHAR NOT NULL,
    period DATE NOT NULL,
    active BOOLEAN NOT NULL,
    revenue DOUBLE,
    cost DOUBLE,
    region VARCHAR,
    segment VARCHAR,
    churn_reason VARCHAR
);

CREATE TABLE employees (
    batch_id INTEGER NOT NULL,
    response_id VARCHAR NOT NULL,
    surveyed_on DATE NOT NULL,
    employee_id VARCHAR,
    unit VARCHAR,
    overall SMALLINT NOT NULL,
    job SMALLINT,
    training SMALLINT,
    pay SMALLINT,
    promotion SMALLINT,
    respect SMALLINT,
    teamwork SMALLINT,
    welfare SMALLINT,
    tenure_months BIGINT,
    intends_to_stay SMALLINT,
    left_on DATE
);

CREATE TABLE gap_inputs (
    batch_id INTEGER NOT NULL,
    period DATE NOT NULL,
    dimension VARCHAR NOT NULL,
    item VARCHAR NOT NULL,
    management_estimate SMALLINT NOT NULL,
    standard SMALLINT NOT NULL,
    delivered SMALLINT NOT NULL,
    promised SMALLINT NOT NULL
);

CREATE TABLE audits (
    batch_id INTEGER NOT NULL,
    unit VARCHAR NOT NULL,
    audited_on DATE NOT NULL,
    attitude SMALLINT NOT NULL,
    skill SMALLINT NOT NULL,
    responsibility SMALLINT NOT NULL,
    hardware SMALLINT NOT NULL,
    management SMALLINT NOT NULL,
    highlights SMALLINT NOT NULL,
    errors BIGINT NOT NULL,
    transactions BIGINT NOT NULL
);

INSERT INTO data_versions SELECT unnest(['responses', 'tolerance', 'kano', 'complaints', 'customers', 'employees', 'gap_inputs', 'audits']), 0;


-- Filter macros: one per record kind, the only place the sidebar filters become SQL.

-- Every macro takes the same arguments; a filter a kind has no column for is ignored; an

-- empty or NULL list means no filter on that column.

CREATE MACRO filtered_responses(date_from, date_to, regions, units, channels, stages, segments) AS TABLE
    SELECT * FROM responses
    WHERE (date_from IS NULL OR responded_on >= date_from)
      AND (date_to IS NULL OR responded_on <= date_to)
      AND (len(coalesce(regions, [])) = 0 OR list_contains(regions, region))
      AND (len(coalesce(units, [])) = 0 OR list_contains(units, unit))
      AND (len(coalesce(channels, [])) = 0 OR list_contains(channels, channel))
      AND (len(coalesce(stages, [])) = 0 OR list_contains(stages, stage))
      AND (len(coalesce(segments, [])) = 0 OR list_contains(segments, segment));

CREATE MACRO filtered_tolerance(date_from, date_to, regions, units, channels, stages, segments) AS TABLE
    SELECT * FROM tolerance
    WHERE (date_from IS NULL OR responded_on >= date_from)
      AND (date_to IS NULL OR responded_on <= date_to)
      AND (len(coalesce(regions, [])) = 0 OR list_contains(regions, region))
      AND (len(coalesce(units, [])) = 0 OR list_contains(units, unit))
      AND (len(coalesce(channels, [])) = 0 OR list_contains(channels, channel))
      AND (len(coalesce(segments, [])) = 0 OR list_contains(segments, segment));

CREATE MACRO filtered_kano(date_from, date_to, regions, units, channels, stages, segments) AS TABLE
    SELECT * FROM kano
    WHERE (len(coalesce(segments, [])) = 0 OR list_contains(segments, segment));

CREATE MACRO filtered_complaints(date_from, date_to, regions, units, channels, stages, segments) AS TABLE
    SELECT * FROM complaints
    WHERE (date_from IS NULL OR received_on >= date_from)
      AND (date_to IS NULL OR received_on <= date_to)
      AND (len(coalesce(regions, [])) = 0 OR list_contains(regions, region))
      AND (len(coalesce(units, [])) = 0 OR list_contains(units, unit))
      AND (len(coalesce(channels, [])) = 0 OR list_contains(channels, channel));

CREATE MACRO filtered_customers(date_from, date_to, regions, units, channels, stages, segments) AS TABLE
    SELECT * FROM customers
    WHERE (date_from IS NULL OR period >= date_from)
      AND (date_to IS NULL OR period <= date_to)
      AND (len(coalesce(regions, [])) = 0 OR list_contains(regions, region))
      AND (len(coalesce(segments, [])) = 0 OR list_contains(segments, segment));

CREATE MACRO filtered_employees(date_from, date_to, regions, units, channels, stages, segments) AS TABLE
    SELECT * FROM employees
    WHERE (date_from IS NULL OR surveyed_on >= date_from)
      AND (date_to IS NULL OR surveyed_on <= date_to)
      AND (len(coalesce(units, [])) = 0 OR list_contains(units, unit));

CREATE MACRO filtered_gap_inputs(date_from, date_to, regions, units, channels, stages, segments) AS TABLE
    SELECT * FROM gap_inputs
    WHERE (date_from IS NULL OR period >= date_from)
      AND (date_to IS NULL OR period <= date_to);

CREATE MACRO filtered_audits(date_from, date_to, regions, units, channels, stages, segments) AS TABLE
    SELECT * FROM audits
    WHERE (date_from IS NULL OR audited_on >= date_from)
      AND (date_to IS NULL OR audited_on <= date_to)
      AND (len(coalesce(units, [])) = 0 OR list_contains(units, unit));
