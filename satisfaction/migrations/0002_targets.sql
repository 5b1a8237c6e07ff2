-- Migration 2: targets for the headline figures and competitor benchmarks, each with its own
-- data version so a change refreshes exactly the figures that draw them.

CREATE TABLE targets (
    figure VARCHAR PRIMARY KEY,
    value DOUBLE NOT NULL,
    set_by VARCHAR,
    set_at TIMESTAMP
);

CREATE TABLE benchmarks (
    period DATE NOT NULL,
    figure VARCHAR NOT NULL,
    value DOUBLE NOT NULL,
    source VARCHAR NOT NULL,
    PRIMARY KEY (period, figure, source)
);

INSERT INTO data_versions VALUES ('targets', 0), ('benchmarks', 0);
