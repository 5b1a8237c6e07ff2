-- Migration 11: the Retention page's building blocks as table macros, so its queries return
-- small tables (the pyramid, tier moves, cohorts, lifetime-value inputs, churn reasons) and no
-- customer row travels to Python; each block is written once here and shared by the queries.

-- Each filtered customer's quarters: whether active in any month of it, the active months, the
-- revenue and margin (revenue − cost) of the active months, the segment and region of the
-- customer's last row in the quarter, and the churn reason given in it.
-- (Grouped by the quarter's first day and labelled after: labelling every month first takes
-- twice as long.)
CREATE OR REPLACE MACRO customer_quarters(date_from, date_to, regions, units, channels, stages, segments) AS TABLE
    SELECT customer_id, period_label(quarter_start, 'quarter') AS period,
           * EXCLUDE (customer_id, quarter_start)
    FROM (
        SELECT customer_id,
               date_trunc('quarter', period) AS quarter_start,
               bool_or(active) AS active,
               count(*) FILTER (WHERE active) AS active_months,
               coalesce(sum(revenue) FILTER (WHERE active), 0)::DOUBLE AS revenue,
               coalesce(sum(revenue - cost) FILTER (WHERE active), 0)::DOUBLE AS margin,
               arg_max(segment, period) AS segment,
               arg_max(region, period) AS region,
               any_value(churn_reason) FILTER (WHERE churn_reason IS NOT NULL) AS churn_reason
        FROM filtered_customers(date_from, date_to, regions, units, channels, stages, segments)
        GROUP BY customer_id, date_trunc('quarter', period)
    );

-- Each active customer quarter with its tier in the customer pyramid (Zeithaml, Rust & Lemon
-- 2001), exactly as satisfaction.methods.lifetime_value.assign_tiers: within a quarter the N
-- active customers ranked by margin, highest first, ties by customer_id; the one at 0-based
-- rank k is diamond when k < round(N·s1), gold when k < round(N·(s1+s2)), brass when
-- k < round(N·(s1+s2+s3)), else lead. round_even is pandas' round (half to even); the
-- cumulative shares are summed in the order Python's sum adds them, so the cuts agree.
CREATE OR REPLACE MACRO customer_tiers(date_from, date_to, regions, units, channels, stages, segments, diamond_share, gold_share, brass_share) AS TABLE
    WITH ranked AS (
        SELECT *,
               row_number() OVER quarter - 1 AS tier_rank,
               count(*) OVER (PARTITION BY period) AS quarter_customers
        FROM customer_quarters(date_from, date_to, regions, units, channels, stages, segments)
        WHERE active
        WINDOW quarter AS (PARTITION BY period ORDER BY margin DESC, customer_id ASC)
    )
    SELECT * EXCLUDE (tier_rank, quarter_customers),
           CASE
               WHEN tier_rank < round_even(quarter_customers * diamond_share::DOUBLE, 0) THEN 'diamond'
               WHEN tier_rank < round_even(quarter_customers * (diamond_share::DOUBLE + gold_share::DOUBLE), 0) THEN 'gold'
               WHEN tier_rank < round_even(quarter_customers * (diamond_share::DOUBLE + gold_share::DOUBLE + brass_share::DOUBLE), 0) THEN 'brass'
               ELSE 'lead'
           END AS tier
    FROM ranked;
