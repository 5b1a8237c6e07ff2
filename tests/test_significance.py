"""Tests of satisfaction.methods.significance against t tables, R output and hand calculations."""

import math
from statistics import NormalDist

import pytest

from satisfaction.methods.significance import (
    mean_change,
    normal_two_sided_p,
    nps_change,
    nps_difference_test,
    nps_variance,
    rate_change,
    regularized_incomplete_beta,
    share_change,
    t_cdf,
    t_interval_from_sums,
    t_quantile,
    t_two_sided_p,
    two_proportion_z,
    welch_t,
)

# Student's sleep data (Cushny & Peebles 1905), R's `sleep` data set, groups 1 and 2.
SLEEP_1 = [0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0]
SLEEP_2 = [1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4]


def _moments(values):
    mean = sum(values) / len(values)
    return mean, sum((v - mean) ** 2 for v in values) / (len(values) - 1), len(values)


@pytest.mark.parametrize(
    "a, b, x, expected",
    [
        (2.0, 3.0, 0.4, 0.5248),  # hand calculation: I_x(2,3) = P(Bin(4, x) >= 2)
        # = 6(.16)(.36) + 4(.064)(.6) + .0256 = .3456 + .1536 + .0256
        (3.5, 1.0, 0.3, 0.3**3.5),  # hand calculation: I_x(a, 1) = x^a
        (1.0, 7.0, 0.2, 1 - 0.8**7),  # hand calculation: I_x(1, b) = 1 - (1 - x)^b
        (40.0, 40.0, 0.5, 0.5),  # hand calculation: I_0.5(a, a) = 1/2 by symmetry
        (0.5, 0.5, 0.25, 1 / 3),  # hand calculation: I_x(1/2, 1/2) = (2/pi) asin(sqrt x) = 1/3
    ],
)
def test_incomplete_beta_matches_closed_forms(a, b, x, expected):
    assert regularized_incomplete_beta(a, b, x) == pytest.approx(expected, abs=1e-12)


def test_incomplete_beta_refuses_bad_arguments():
    with pytest.raises(ValueError, match="between 0 and 1"):
        regularized_incomplete_beta(1.0, 1.0, 1.5)
    with pytest.raises(ValueError, match="positive"):
        regularized_incomplete_beta(0.0, 1.0, 0.5)


@pytest.mark.parametrize(
    "t, df, expected",
    [
        (2.228, 10, 0.05),  # t table, NIST/SEMATECH e-Handbook 1.3.6.7.2: t(0.975, 10) = 2.228
        (3.169, 10, 0.01),  # same table: t(0.995, 10) = 3.169
        (12.706, 1, 0.05),  # same table: t(0.975, 1) = 12.706
        (2.042, 30, 0.05),  # same table: t(0.975, 30) = 2.042
        (4.032, 5, 0.01),  # same table: t(0.995, 5) = 4.032
    ],
)
def test_t_two_sided_p_matches_t_table(t, df, expected):
    # The table's t values are rounded to three decimals, hence the tolerance.
    assert t_two_sided_p(t, df) == pytest.approx(expected, abs=5e-5)
    assert t_two_sided_p(-t, df) == pytest.approx(expected, abs=5e-5)


@pytest.mark.parametrize("t", [-30.0, -1.0, 0.0, 0.4, 2.5, 100.0])
def test_t_cdf_matches_closed_forms_for_one_and_two_df(t):
    # Johnson, Kotz & Balakrishnan (1995), Continuous Univariate Distributions 2, ch. 28:
    # df = 1 is the Cauchy, F(t) = 1/2 + atan(t)/pi; df = 2 has F(t) = 1/2 + t / (2 sqrt(2 + t²)).
    assert t_cdf(t, 1) == pytest.approx(0.5 + math.atan(t) / math.pi, abs=1e-12)
    assert t_cdf(t, 2) == pytest.approx(0.5 + t / (2 * math.sqrt(2 + t * t)), abs=1e-12)


@pytest.mark.parametrize(
    "probability, df, expected",
    [
        (0.975, 10, 2.228139),  # R: qt(0.975, 10)
        (0.975, 1, 12.706205),  # R: qt(0.975, 1)
        (0.995, 5, 4.032143),  # R: qt(0.995, 5)
        (0.975, 30, 2.042272),  # R: qt(0.975, 30)
        (0.975, 99, 1.984217),  # R: qt(0.975, 99)
        (0.025, 2, -4.302653),  # R: qt(0.025, 2); hand calculation: -0.95/sqrt(2(.975)(.025))
    ],
)
def test_t_quantile_matches_r(probability, df, expected):
    assert t_quantile(probability, df) == pytest.approx(expected, abs=1e-6)


def test_t_quantile_for_large_df_follows_the_cornish_fisher_expansion():
    # Abramowitz & Stegun (1964) 26.7.5: t ≈ z + (z³ + z) / (4 df); the next term is < 1e-12 here.
    z = NormalDist().inv_cdf(0.975)
    assert t_quantile(0.975, 1e6) == pytest.approx(z + (z**3 + z) / 4e6, abs=1e-9)


def test_normal_two_sided_p():
    # Normal table: P(|Z| >= 1.959964) = 0.05.
    assert normal_two_sided_p(-1.959964) == pytest.approx(0.05, abs=1e-7)


def test_welch_t_matches_r_on_the_sleep_data():
    # R: t.test(extra ~ group, data = sleep) prints t = -1.8608, df = 17.776, p-value = 0.07939.
    t, df, p = welch_t(*_moments(SLEEP_1), *_moments(SLEEP_2))
    assert t == pytest.approx(-1.8608, abs=1e-4)
    assert df == pytest.approx(17.776, abs=1e-3)
    assert p == pytest.approx(0.07939, abs=1e-5)


def test_welch_t_with_no_variance_is_degenerate_not_an_error():
    assert welch_t(4.0, 0.0, 10, 4.0, 0.0, 12)[::2] == (0.0, 1.0)
    t, df, p = welch_t(4.0, 0.0, 10, 3.0, 0.0, 12)
    assert (t, p) == (math.inf, 0.0) and math.isnan(df)


def test_welch_t_needs_two_responses_per_group():
    with pytest.raises(ValueError, match="n1 must be a whole number of at least 2"):
        welch_t(4.0, 1.0, 1, 3.0, 1.0, 12)


def test_two_proportion_z():
    # hand calculation: pooled p = 75/200 = .375; SE = sqrt(.375 · .625 · (1/100 + 1/100))
    # = .0684653; z = (.45 - .30) / .0684653 = 2.19089 (z² = 4.8, R: prop.test(c(45, 30),
    # c(100, 100), correct = FALSE) X-squared); p = 2(1 - Φ(2.19089)) = .028460.
    z, p = two_proportion_z(45, 100, 30, 100)
    assert z == pytest.approx(2.19089, abs=1e-5)
    assert z * z == pytest.approx(4.8)
    assert p == pytest.approx(0.028460, abs=1e-6)


def test_two_proportion_z_without_variance():
    assert two_proportion_z(0, 10, 0, 25) == (0.0, 1.0)


def test_two_proportion_z_refuses_impossible_counts():
    with pytest.raises(ValueError, match="x1 must be a whole number between 0 and n"):
        two_proportion_z(11, 10, 3, 10)
    with pytest.raises(ValueError, match="x2 must be a whole number"):
        two_proportion_z(1, 10, 0.3, 10)


def test_nps_variance_matches_the_reference():
    # /work/shared/reference/README.md: promoters 250, detractors 75 of 1,000 give SE 1.716
    # points; treating them as independent would understate it as 1.60.
    se = 100 * math.sqrt(nps_variance(250, 75, 1000))
    assert se == pytest.approx(1.716, abs=5e-4)
    assert se != pytest.approx(1.60, abs=5e-3)


def test_nps_variance_refuses_more_promoters_and_detractors_than_answers():
    with pytest.raises(ValueError, match="detractors"):
        nps_variance(80, 30, 100)


def test_nps_difference_test():
    # hand calculation with Var = (p + d - (p - d)²)/n: sample 1 (250, 75 of 1000) .000294375;
    # sample 2 (200, 100 of 1000): (.3 - .01)/1000 = .00029; z = (.175 - .1) / sqrt(.000584375)
    # = .075 / .0241738 = 3.10253; p = 2(1 - Φ(3.10253)) = .0019188.
    z, p = nps_difference_test(250, 75, 1000, 200, 100, 1000)
    assert z == pytest.approx(3.10253, abs=1e-5)
    assert p == pytest.approx(0.0019188, abs=1e-7)


def test_share_change_depends_on_alpha():
    # Same counts as test_two_proportion_z: p = .028460, a change of +15 points.
    change = share_change(45, 100, 30, 100, alpha=0.05)
    assert change.difference == pytest.approx(0.15)
    assert change.significant
    assert not share_change(45, 100, 30, 100, alpha=0.01).significant


def test_mean_change_uses_welch():
    # R: t.test(extra ~ group, data = sleep): p-value = 0.07939, so not significant at 0.05.
    change = mean_change(*_moments(SLEEP_2), *_moments(SLEEP_1))
    assert change.difference == pytest.approx(2.33 - 0.75)  # R prints the group means 0.75, 2.33
    assert change.statistic == pytest.approx(1.8608, abs=1e-4)
    assert not change.significant
    assert mean_change(*_moments(SLEEP_2), *_moments(SLEEP_1), alpha=0.1).significant


def test_nps_change_in_points():
    # hand calculation: NPS 17.5 now against 10.0 before, +7.5 points; p = .0019188 as above.
    change = nps_change(250, 75, 1000, 200, 100, 1000, alpha=0.01)
    assert change.difference == pytest.approx(7.5)
    assert change.p_value == pytest.approx(0.0019188, abs=1e-7)
    assert change.significant


def test_changes_refuse_a_bad_alpha():
    with pytest.raises(ValueError, match="alpha"):
        share_change(45, 100, 30, 100, alpha=5)


def test_two_poisson_rates_by_the_pooled_score_test():
    # hand calculation: 40 of 4,000 and 30 of 2,000 customer-months; pooled rate 70/6,000 =
    # 0.011667; SE = sqrt(0.011667 × (1/4,000 + 1/2,000)) = 0.0029580; difference 0.010 − 0.015 =
    # −0.005, so z = −1.6903 and the two-sided p = 0.0910: not significant at 0.05
    change = rate_change(40, 4000, 30, 2000)
    assert change.difference == pytest.approx(-5.0)  # per 1,000
    assert change.statistic == pytest.approx(-1.6903, abs=1e-4)
    assert change.p_value == pytest.approx(0.0910, abs=1e-4)
    assert not change.significant


def test_t_interval_from_sums_matches_r_t_test():
    # R 4.x: t.test(sleep$extra[sleep$group == 1]) on SLEEP_1 (Σx = 7.5, Σx² = 34.43, n = 10):
    # "mean of x 0.75", "95 percent confidence interval: -0.5297804  2.0297804";
    # with conf.level = 0.90: -0.2870553  1.7870553.
    total, squares = sum(SLEEP_1), sum(v * v for v in SLEEP_1)
    assert t_interval_from_sums(total, squares, 10) == pytest.approx(
        (0.75, -0.5297804, 2.0297804), abs=1e-7)
    assert t_interval_from_sums(total, squares, 10, level=0.90) == pytest.approx(
        (0.75, -0.2870553, 1.7870553), abs=1e-7)


def test_t_interval_from_sums_works_on_arrays_and_needs_two_values():
    # hand calculation for the second entry: 6, 7, 6 → mean 19/3, s² = 1/3, se = 1/3,
    # t(0.975, 2) = 4.302653 (any t table) → half-width 1.434218
    mean, low, high = t_interval_from_sums([7.5, 19.0, 5.0], [34.43, 121.0, 25.0], [10, 3, 1])
    assert list(mean[:2]) == pytest.approx([0.75, 19 / 3])
    assert [low[1], high[1]] == pytest.approx([19 / 3 - 1.434218, 19 / 3 + 1.434218], abs=1e-6)
    assert mean[2] == 5.0 and math.isnan(low[2]) and math.isnan(high[2])
    with pytest.raises(ValueError, match="level"):
        t_interval_from_sums(1, 1, 1, level=1.5)
