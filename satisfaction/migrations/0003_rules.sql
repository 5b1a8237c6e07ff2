-- Migration 3: the domain rules every query shares, defined once as macros.
-- period_label's Python twin, satisfaction.periods.period_label (for labels of periods
-- with no rows), is checked against it by tests/test_store.py.

-- The label of the calendar period holding a day: 'YYYY-MM' for a month, 'YYYY-Qn' for a quarter.
CREATE OR REPLACE MACRO period_label(day, kind) AS
    CASE kind
        WHEN 'month' THEN strftime(day, '%Y-%m')
        WHEN 'quarter' THEN strftime(day, '%Y') || '-Q' || quarter(day)
        ELSE error('period_label: a period is month or quarter, not ' || kind)
    END;

-- Net Promoter buckets (Reichheld 2003): promoters answer 9–10, detractors 0–6.
CREATE OR REPLACE MACRO is_promoter(recommend) AS recommend >= 9;
CREATE OR REPLACE MACRO is_detractor(recommend) AS recommend <= 6;
